// SPDX-License-Identifier: Apache-2.0
// The bytes Outcrop puts on the wire are the bytes it signed, and they are the bytes of the
// Bedrock-shaped vectors signed by the official AWS signer (../shared/testdata/bedrock-sigv4).
#include "../support/capturinghttpserver.h"
#include "aws/authprovider.h"
#include "aws/awsclient.h"
#include "aws/sigv4signer.h"
#include "aws/utctime.h"
#include "aws/awsclientoptions.h"
#include "aws/awsenvironment.h"
#include "bedrock/bedrocksession.h"
#include "bedrock/deploymentquery.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QNetworkAccessManager>
#include <QProcessEnvironment>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace outcrop::aws;
using outcrop::bedrock::DeploymentQuery;

namespace {

const QByteArray kDeploymentsPath = QByteArrayLiteral("/model-customization/custom-model-deployments");
const QString kDeploymentArn = QStringLiteral("arn:aws:bedrock:us-east-1:123456789012:custom-model-deployment/abcdef123456");

QByteArray readVectorFile(const QString &caseName, const QString &file)
{
    QFile input(QStringLiteral(OUTCROP_SHARED_DIR "/testdata/bedrock-sigv4/%1/%2").arg(caseName, file));
    return input.open(QIODevice::ReadOnly) ? input.readAll() : QByteArray();
}

// "GET /path?query HTTP/1.1" -> "/path?query" (the target may not hold spaces in these cases).
QByteArray targetOfRequestLine(const QByteArray &line)
{
    return line.mid(line.indexOf(' ') + 1, line.lastIndexOf(' ') - line.indexOf(' ') - 1);
}

// The query as a sorted list of its raw "name=value" pairs: the vectors send them in another
// order than we do, which the canonical query (sorted) does not see.
QList<QByteArray> queryPairs(const QByteArray &target)
{
    const qsizetype mark = target.indexOf('?');
    QList<QByteArray> pairs = mark < 0 ? QList<QByteArray>() : target.mid(mark + 1).split('&');
    std::sort(pairs.begin(), pairs.end());
    return pairs;
}

struct CapturedRequest
{
    QByteArray method;
    QByteArray target;
    QList<HttpHeader> headers;
    QByteArray header(const QByteArray &name) const
    {
        for (const HttpHeader &header : headers) {
            if (header.name.compare(name, Qt::CaseInsensitive) == 0) {
                return header.value;
            }
        }
        return {};
    }
};

CapturedRequest parseHead(const QByteArray &head)
{
    CapturedRequest request;
    const QList<QByteArray> lines = head.split('\n');
    const QByteArray requestLine = lines.value(0).trimmed();
    request.method = requestLine.left(requestLine.indexOf(' '));
    request.target = targetOfRequestLine(requestLine);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon > 0) {
            request.headers.append({ line.left(colon), line.mid(colon + 1).trimmed() });
        }
    }
    return request;
}

} // namespace

class TestWireBytes : public QObject
{
    Q_OBJECT

private:
    // Sends `request` through AwsClient to a loopback server and returns what arrived.
    CapturedRequest sendAndCapture(AwsHttpRequest request, const AwsCredentials &credentials, const QString &region)
    {
        CapturingHttpServer server(QByteArrayLiteral("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}"));
        QNetworkAccessManager network;
        StaticAuthProvider auth(AwsAuth { credentials, {} });
        AwsClientConfig config;
        config.endpoint = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.port()));
        config.region = region;
        config.clock = [] { return utcDateTime(QDate(2025, 8, 1), QTime(9, 15, 30)); };
        AwsClient client(&network, &auth, config);
        AwsCall *call = client.send(std::move(request));
        QSignalSpy finished(call, &AwsCall::finished);
        if (!finished.wait(5000) || !call->succeeded() || server.requestHeads().size() != 1) {
            qWarning() << "the call failed:" << call->error().userMessage();
            return {};
        }
        return parseHead(server.requestHeads().constFirst());
    }

    AwsCredentials exampleCredentials(const QString &caseName)
    {
        const QJsonObject context = QJsonDocument::fromJson(readVectorFile(caseName, QStringLiteral("context.json")))
                                        .object()
                                        .value(QLatin1String("credentials"))
                                        .toObject();
        AwsCredentials credentials;
        credentials.accessKeyId = context.value(QLatin1String("access_key_id")).toString();
        credentials.secretAccessKey = context.value(QLatin1String("secret_access_key")).toString();
        credentials.sessionToken = context.value(QLatin1String("token")).toString();
        return credentials;
    }

    // The signature of what was captured, re-computed over the wire bytes as AWS would, with the
    // vector's host in place of the loopback one.
    QByteArray signatureOverWire(const CapturedRequest &captured, const QByteArray &host, const QString &region)
    {
        SigningRequest signing;
        signing.method = captured.method;
        signing.target = captured.target;
        for (HttpHeader header : captured.headers) {
            if (header.name.compare("host", Qt::CaseInsensitive) == 0) {
                header.value = host;
            }
            signing.headers.append(header);
        }
        const QByteArray authorization = captured.header("Authorization");
        const qsizetype start = authorization.indexOf("SignedHeaders=") + 14;
        const QList<QByteArray> signedNames = authorization.mid(start, authorization.indexOf(',', start) - start).split(';');
        const QByteArray canonical = SigV4Signer::canonicalRequest(signing, signedNames, SigV4Signer::payloadHash({}), true);
        const QDateTime time = utcDateTime(QDate(2025, 8, 1), QTime(9, 15, 30));
        const QByteArray key = SigV4Signer::signingKey(QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
                                                       time.date(), region, QStringLiteral("bedrock"));
        const QByteArray toSign = SigV4Signer::stringToSign(time, region, QStringLiteral("bedrock"), canonical);
        return QMessageAuthenticationCode::hash(toSign, key, QCryptographicHash::Sha256).toHex();
    }

private slots:
    void requestsMatchTheVectors_data()
    {
        QTest::addColumn<QString>("caseName");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("identifier");   // path segment; empty for List
        QTest::addColumn<QString>("nextToken");

        QTest::newRow("list vanilla") << QStringLiteral("bedrock-list-vanilla") << QByteArrayLiteral("GET") << QString() << QString();
        QTest::newRow("list filters") << QStringLiteral("bedrock-list-filters") << QByteArrayLiteral("GET") << QString() << QString();
        QTest::newRow("list next token") << QStringLiteral("bedrock-list-next-token") << QByteArrayLiteral("GET") << QString()
                                         << QStringLiteral("AQAAAAGf/uSH+mXg1NjF==");
        QTest::newRow("get by arn") << QStringLiteral("bedrock-get-by-arn") << QByteArrayLiteral("GET") << kDeploymentArn << QString();
        QTest::newRow("get by name") << QStringLiteral("bedrock-get-by-name") << QByteArrayLiteral("GET")
                                     << QStringLiteral("my-dep_1") << QString();
        QTest::newRow("delete with token") << QStringLiteral("bedrock-delete-with-token") << QByteArrayLiteral("DELETE")
                                           << kDeploymentArn << QString();
    }

    void requestsMatchTheVectors()
    {
        QFETCH(QString, caseName);
        QFETCH(QByteArray, method);
        QFETCH(QString, identifier);
        QFETCH(QString, nextToken);
        const QByteArray vectorTarget = targetOfRequestLine(readVectorFile(caseName, QStringLiteral("request.txt")).split('\n').first());
        QVERIFY(!vectorTarget.isEmpty());

        AwsHttpRequest request;
        request.method = method;
        request.target = AwsRequestTarget(kDeploymentsPath);
        if (!identifier.isEmpty()) {
            request.target.appendPathSegment(identifier);
        }
        DeploymentQuery query;
        if (caseName == QLatin1String("bedrock-list-filters")) {
            query.statusEquals = QStringLiteral("active");
            query.nameContains = QStringLiteral("prod_v2");
            query.maxResults = 50;
            query.createdAfter = utcDateTime(QDate(2025, 7, 1), QTime(0, 0));
            query.sortOrder = outcrop::bedrock::SortOrder::Descending;
            query.sortByCreationTime = true;
        } else if (caseName == QLatin1String("bedrock-list-next-token")) {
            query.maxResults = 1000;
            query.modelArnEquals = QStringLiteral(
                "arn:aws:bedrock:us-east-1:123456789012:custom-model/amazon.nova-micro-v1:0:128k/abcdefghijkl");
        }
        if (identifier.isEmpty()) {
            query.appendTo(request.target, nextToken);
        }

        const QString region = QJsonDocument::fromJson(readVectorFile(caseName, QStringLiteral("context.json")))
                                   .object()
                                   .value(QLatin1String("region"))
                                   .toString();
        const CapturedRequest vector = parseHead(readVectorFile(caseName, QStringLiteral("request.txt")));
        const CapturedRequest captured = sendAndCapture(request, exampleCredentials(caseName), region);
        QCOMPARE(captured.method, method);
        const QByteArray path = captured.target.left(captured.target.indexOf('?') < 0 ? captured.target.size()
                                                                                       : captured.target.indexOf('?'));
        const QByteArray vectorPath = vectorTarget.left(vectorTarget.indexOf('?') < 0 ? vectorTarget.size()
                                                                                       : vectorTarget.indexOf('?'));
        QCOMPARE(path, vectorPath);
        QCOMPARE(queryPairs(captured.target), queryPairs(vectorTarget));
        QVERIFY(!captured.target.contains("%25"));   // never encoded twice on the wire

        // What the server received carries the signature the official signer computed for the
        // same request (Host aside, which is loopback here).
        const QByteArray expected = readVectorFile(caseName, QStringLiteral("header-signature.txt"));
        QCOMPARE(signatureOverWire(captured, vector.header("Host"), region), expected);
        QVERIFY(captured.header("Authorization")
                    .contains(QByteArray(QByteArrayLiteral("Credential=AKIDEXAMPLE/20250801/") + region.toLatin1()
                                         + QByteArrayLiteral("/bedrock/aws4_request"))));
        QCOMPARE(captured.header("X-Amz-Date"), QByteArrayLiteral("20250801T091530Z"));
        if (caseName == QLatin1String("bedrock-delete-with-token")) {
            QCOMPARE(captured.header("X-Amz-Security-Token"), exampleCredentials(caseName).sessionToken.toLatin1());
        }
    }

    void bearerTokenReplacesTheSignature()
    {
        CapturingHttpServer server(QByteArrayLiteral("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}"));
        QNetworkAccessManager network;
        StaticAuthProvider auth(AwsAuth { {}, QByteArrayLiteral("bedrock-api-key-EXAMPLE") });
        AwsClientConfig config;
        config.endpoint = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.port()));
        config.region = QStringLiteral("us-east-1");
        AwsClient client(&network, &auth, config);
        AwsHttpRequest request;
        request.target = AwsRequestTarget(kDeploymentsPath);
        AwsCall *call = client.send(request);
        QSignalSpy finished(call, &AwsCall::finished);
        QVERIFY(finished.wait(5000));
        QVERIFY2(call->succeeded(), qPrintable(call->error().userMessage()));
        const CapturedRequest captured = parseHead(server.requestHeads().constFirst());
        QCOMPARE(captured.header("Authorization"), QByteArrayLiteral("Bearer bedrock-api-key-EXAMPLE"));
        QVERIFY(captured.header("X-Amz-Date").isEmpty());
    }

    // Credentials the user chose in the app (an app profile from the keychain) come first: before
    // the environment's keys and before AWS_BEARER_TOKEN_BEDROCK.
    void appAuthComesBeforeTheEnvironment_data()
    {
        QTest::addColumn<bool>("appApiKey");
        QTest::newRow("app API key") << true;
        QTest::newRow("app access key") << false;
    }
    void appAuthComesBeforeTheEnvironment()
    {
        QFETCH(bool, appApiKey);
        CapturingHttpServer server(QByteArrayLiteral("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}"));
        QTemporaryDir home;
        QProcessEnvironment variables;
        variables.insert(QStringLiteral("AWS_BEARER_TOKEN_BEDROCK"), QStringLiteral("bedrock-api-key-ENVIRONMENT"));
        variables.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), QStringLiteral("AKIDENVIRONMENT"));
        variables.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), QStringLiteral("environment-secret"));
        outcrop::bedrock::BedrockConnection connection;
        connection.region.region = QStringLiteral("us-east-1");
        connection.endpoint.url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.port()));
        AwsAuth appAuth;
        if (appApiKey) {
            appAuth.bearerToken = QByteArrayLiteral("bedrock-api-key-APP");
        } else {
            appAuth.credentials.accessKeyId = QStringLiteral("AKIDAPPPROFILE");
            appAuth.credentials.secretAccessKey = QStringLiteral("app-secret");
            appAuth.credentials.source = QStringLiteral("app profile test");
        }
        outcrop::bedrock::BedrockSession session(connection, AwsClientOptions(), AwsEnvironment(variables, home.path()),
                                                 appAuth);
        AwsHttpRequest request;
        request.target = AwsRequestTarget(kDeploymentsPath);
        AwsCall *call = session.awsClient()->send(request);
        QSignalSpy finished(call, &AwsCall::finished);
        QVERIFY(finished.wait(5000));
        QVERIFY2(call->succeeded(), qPrintable(call->error().userMessage()));
        const QByteArray authorization = parseHead(server.requestHeads().constFirst()).header("Authorization");
        if (appApiKey) {
            QCOMPARE(authorization, QByteArrayLiteral("Bearer bedrock-api-key-APP"));
        } else {
            QVERIFY2(authorization.contains("Credential=AKIDAPPPROFILE/"), authorization.constData());
        }
    }

    void plainHttpToARemoteHostIsRefusedBeforeSending()
    {
        QNetworkAccessManager network;
        StaticAuthProvider auth(AwsAuth { exampleCredentials(QStringLiteral("bedrock-list-vanilla")), {} });
        AwsClientConfig config;
        config.endpoint = QUrl(QStringLiteral("http://bedrock.us-east-1.amazonaws.com"));
        config.region = QStringLiteral("us-east-1");
        AwsClient client(&network, &auth, config);
        AwsHttpRequest request;
        request.target = AwsRequestTarget(kDeploymentsPath);
        AwsCall *call = client.send(request);
        QSignalSpy finished(call, &AwsCall::finished);
        QVERIFY(finished.wait(5000));
        QCOMPARE(call->error().kind, AwsError::Kind::Configuration);
        QVERIFY(call->error().message.contains(QLatin1String("http://")));
        QVERIFY(!call->error().message.contains(QLatin1String("wJalrXUtnFEMI")));
    }
};

QTEST_GUILESS_MAIN(TestWireBytes)
#include "tst_wirebytes.moc"
