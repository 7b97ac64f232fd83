// SPDX-License-Identifier: Apache-2.0
// TLS trust end to end (docs/security.md): a loopback HTTPS server with a self-signed certificate
// is refused with a message naming the certificate problem, and nothing is sent to it; the same
// server is trusted once its certificate is given through AWS_CA_BUNDLE or a profile's ca_bundle.
// The connection is resolved and the session built exactly as the app and the export do
// (BedrockConnection::resolve, BedrockSession), from a private environment.
#include "awstesthelpers.h"
#include "aws/awsclient.h"
#include "aws/awsenvironment.h"
#include "bedrock/bedrocksession.h"

#include <QFile>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace outcrop;

namespace {

const QString kSecret = QStringLiteral("wJalrXUtnFEMI/K7MDENG/bPxRfiCYTLSSECRETKEY");

QString dataFile(const QString &name)
{
    return QStringLiteral(OUTCROP_SOURCE_DIR "/tests/data/tls/") + name;
}

// Answers every complete request on an encrypted connection with an empty List page, and counts
// the requests that got through the handshake and the handshakes that failed.
class LoopbackTlsServer
{
public:
    LoopbackTlsServer()
    {
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        QFile certificate(dataFile(QStringLiteral("loopback-cert.pem")));
        QFile key(dataFile(QStringLiteral("loopback-key.pem")));
        if (certificate.open(QIODevice::ReadOnly) && key.open(QIODevice::ReadOnly)) {
            configuration.setLocalCertificate(QSslCertificate(&certificate, QSsl::Pem));
            configuration.setPrivateKey(QSslKey(&key, QSsl::Rsa, QSsl::Pem));
        }
        configuration.setPeerVerifyMode(QSslSocket::VerifyNone);   // the server does not ask for a client certificate
        m_server.setSslConfiguration(configuration);
        QObject::connect(&m_server, &QSslServer::pendingConnectionAvailable, &m_server, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { onReadyRead(socket); });
                QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        QObject::connect(&m_server, &QSslServer::handshakeInterruptedOnError, &m_server,
                         [this](QSslSocket *, const QSslError &) { ++m_failedHandshakes; });
        QObject::connect(&m_server, &QSslServer::errorOccurred, &m_server,
                         [this](QSslSocket *, QAbstractSocket::SocketError) { ++m_failedHandshakes; });
        m_server.listen(QHostAddress::LocalHost);
    }

    bool hasCertificate() const { return !m_server.sslConfiguration().localCertificate().isNull(); }
    quint16 port() const { return m_server.serverPort(); }
    const QList<QByteArray> &requestHeads() const { return m_heads; }
    int failedHandshakes() const { return m_failedHandshakes; }

private:
    void onReadyRead(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0) {
            return;
        }
        m_heads.append(buffer.left(end));
        buffer.clear();
        const QByteArray body = QByteArrayLiteral("{\"modelDeploymentSummaries\":[]}");
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                      + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    }

    QSslServer m_server;
    QList<QByteArray> m_heads;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    int m_failedHandshakes = 0;
};

} // namespace

class TestTlsTrust : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;

    aws::AwsEnvironment environment(quint16 port, const QList<QPair<QString, QString>> &extra) const
    {
        QProcessEnvironment variables;
        variables.insert(QStringLiteral("HOME"), m_home.path());
        variables.insert(QStringLiteral("AWS_CONFIG_FILE"), m_home.filePath(QStringLiteral("no-config")));
        variables.insert(QStringLiteral("AWS_SHARED_CREDENTIALS_FILE"), m_home.filePath(QStringLiteral("no-credentials")));
        variables.insert(QStringLiteral("AWS_REGION"), QStringLiteral("us-east-1"));
        variables.insert(QStringLiteral("AWS_ENDPOINT_URL_BEDROCK"), QStringLiteral("https://127.0.0.1:%1").arg(port));
        variables.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), QStringLiteral("AKIDTLSTEST"));
        variables.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), kSecret);
        for (const auto &[name, value] : extra) {
            variables.insert(name, value);
        }
        return aws::AwsEnvironment(variables, m_home.path());
    }

    // Lists through a session built from `env` as the app builds it; the call's error (none on success).
    static aws::AwsError listThrough(const aws::AwsEnvironment &env)
    {
        const bedrock::BedrockConnection connection = bedrock::BedrockConnection::resolve({}, env);
        if (!connection.isValid()) {
            return aws::AwsError::make(aws::AwsError::Kind::Configuration, connection.error, QStringLiteral("resolve"));
        }
        bedrock::BedrockSession session(connection, {}, env);
        aws::AwsHttpRequest request;
        request.operation = QStringLiteral("ListCustomModelDeployments");
        request.target = aws::AwsRequestTarget(QByteArrayLiteral("/model-customization/custom-model-deployments"));
        aws::AwsCall *call = session.awsClient()->send(std::move(request));
        QSignalSpy finished(call, &aws::AwsCall::finished);
        if (!finished.wait(30000)) {
            return aws::AwsError::make(aws::AwsError::Kind::Timeout, QStringLiteral("the call did not finish"),
                                       QStringLiteral("test"));
        }
        const aws::AwsError error = call->error();
        delete call;
        return error;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        if (!QSslSocket::supportsSsl()) {
            QSKIP("no TLS backend");
        }
    }

    void aSelfSignedCertificateIsRefusedWithAClearMessage()
    {
        LoopbackTlsServer server;
        QVERIFY(server.hasCertificate());
        const aws::AwsError error = listThrough(environment(server.port(), {}));
        QCOMPARE(error.kind, aws::AwsError::Kind::Network);
        const QString message = error.userMessage();
        // Qt's text names the problem ("The certificate is self-signed, and untrusted"); ours
        // names the host and how to trust a private certificate authority.
        QVERIFY2(message.contains(QLatin1String("self-signed"), Qt::CaseInsensitive), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("127.0.0.1")), qPrintable(message));
        QVERIFY2(message.contains(QLatin1String("AWS_CA_BUNDLE")), qPrintable(message));
        QVERIFY2(!message.contains(kSecret), qPrintable(message));
        // Not a byte of the request (and so no Authorization header) went over the connection.
        QVERIFY(server.requestHeads().isEmpty());
        QVERIFY(server.failedHandshakes() > 0);
    }

    void theCertificateThroughAwsCaBundleIsTrusted()
    {
        LoopbackTlsServer server;
        const aws::AwsError error = listThrough(environment(
            server.port(), { { QStringLiteral("AWS_CA_BUNDLE"), dataFile(QStringLiteral("loopback-cert.pem")) } }));
        QVERIFY2(!error.isError(), qPrintable(error.userMessage()));
        QCOMPARE(server.requestHeads().size(), 1);
        QVERIFY(server.requestHeads().first().contains("Authorization: AWS4-HMAC-SHA256"));
    }

    void theCertificateThroughAProfilesCaBundleIsTrusted()
    {
        LoopbackTlsServer server;
        const QString config = m_home.filePath(QStringLiteral("config-with-bundle"));
        QVERIFY(outcrop::testing::writeFile(
            config, "[default]\nca_bundle = " + dataFile(QStringLiteral("loopback-cert.pem")).toUtf8() + "\n"));
        const aws::AwsError error = listThrough(environment(server.port(), { { QStringLiteral("AWS_CONFIG_FILE"), config } }));
        QVERIFY2(!error.isError(), qPrintable(error.userMessage()));
        QCOMPARE(server.requestHeads().size(), 1);
    }

    void anotherCertificateInTheBundleDoesNotHelp()
    {
        // A bundle adds trust only in what it holds: the system's CAs do not vouch for the server.
        const QString system = QStringLiteral("/etc/ssl/certs/ca-certificates.crt");
        if (!QFile::exists(system)) {
            QSKIP("no system CA bundle on this machine");
        }
        LoopbackTlsServer server;
        const aws::AwsError error = listThrough(environment(server.port(), { { QStringLiteral("AWS_CA_BUNDLE"), system } }));
        QCOMPARE(error.kind, aws::AwsError::Kind::Network);
        QVERIFY(server.requestHeads().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestTlsTrust)
#include "tst_tlstrust.moc"
