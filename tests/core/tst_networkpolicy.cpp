// SPDX-License-Identifier: Apache-2.0
#include "../support/capturinghttpserver.h"
#include "net/networkpolicy.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using outcrop::net::AwsProxyFactory;
using outcrop::net::CaBundle;
using outcrop::net::NetworkPolicy::applyRequestDefaults;
using outcrop::net::NetworkPolicy::checkEndpoint;
using outcrop::net::NetworkPolicy::isLoopbackHost;
using outcrop::net::NetworkPolicy::redirectError;

class TestNetworkPolicy : public QObject
{
    Q_OBJECT

private slots:
    void loopbackHosts_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<bool>("loopback");
        QTest::newRow("127.0.0.1") << QStringLiteral("127.0.0.1") << true;
        QTest::newRow("127.8.9.10") << QStringLiteral("127.8.9.10") << true;
        QTest::newRow("::1") << QStringLiteral("::1") << true;
        QTest::newRow("[::1]") << QStringLiteral("[::1]") << true;
        QTest::newRow("localhost") << QStringLiteral("localhost") << true;
        QTest::newRow("LOCALHOST") << QStringLiteral("LOCALHOST") << true;
        QTest::newRow("name resolving to loopback") << QStringLiteral("localtest.me") << false;
        QTest::newRow("localhost.evil.com") << QStringLiteral("localhost.evil.com") << false;
        QTest::newRow("128.0.0.1") << QStringLiteral("128.0.0.1") << false;
        QTest::newRow("10.0.0.1") << QStringLiteral("10.0.0.1") << false;
        QTest::newRow("::2") << QStringLiteral("::2") << false;
    }

    void loopbackHosts()
    {
        QFETCH(QString, host);
        QFETCH(bool, loopback);
        QCOMPARE(isLoopbackHost(host), loopback);
    }

    void plainHttpOnlyOnLoopback_data()
    {
        QTest::addColumn<QString>("endpoint");
        QTest::addColumn<bool>("allowed");
        QTest::newRow("https") << QStringLiteral("https://bedrock.us-east-1.amazonaws.com") << true;
        QTest::newRow("http loopback") << QStringLiteral("http://127.0.0.1:4566") << true;
        QTest::newRow("http localhost") << QStringLiteral("http://localhost:8080/x") << true;
        QTest::newRow("http ::1") << QStringLiteral("http://[::1]:8080") << true;
        QTest::newRow("http remote") << QStringLiteral("http://bedrock.us-east-1.amazonaws.com") << false;
        QTest::newRow("http name to loopback") << QStringLiteral("http://localtest.me") << false;
        QTest::newRow("ftp") << QStringLiteral("ftp://127.0.0.1") << false;
        QTest::newRow("no host") << QStringLiteral("https://") << false;
    }

    void plainHttpOnlyOnLoopback()
    {
        QFETCH(QString, endpoint);
        QFETCH(bool, allowed);
        const QString error = checkEndpoint(QUrl(endpoint));
        QCOMPARE(error.isEmpty(), allowed);
        if (!allowed) {
            QVERIFY2(error.contains(QUrl(endpoint).toDisplayString()), qPrintable(error));
        }
    }

    void redirectIsAnErrorNamingTheLocation()
    {
        CapturingHttpServer server(QByteArrayLiteral("HTTP/1.1 307 Temporary Redirect\r\n"
                                                     "Location: https://attacker.example/steal\r\n"
                                                     "Content-Length: 0\r\n\r\n"));
        QNetworkAccessManager manager;
        QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/x").arg(server.port())));
        applyRequestDefaults(request, 5000);
        request.setRawHeader(QByteArrayLiteral("Authorization"), QByteArrayLiteral("AWS4-HMAC-SHA256 secret"));
        QNetworkReply *reply = manager.get(request);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(5000));
        QCOMPARE(server.requestHeads().size(), 1);   // the redirect was not followed
        const QString error = redirectError(*reply);
        QVERIFY2(error.contains(QLatin1String("https://attacker.example/steal")), qPrintable(error));
        QVERIFY(error.contains(QLatin1String("307")));
        delete reply;
    }

    void successIsNoRedirectError()
    {
        CapturingHttpServer server(QByteArrayLiteral("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}"));
        QNetworkAccessManager manager;
        QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/x").arg(server.port())));
        applyRequestDefaults(request, 5000);
        QNetworkReply *reply = manager.get(request);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(finished.wait(5000));
        QVERIFY(redirectError(*reply).isEmpty());
        QCOMPARE(reply->readAll(), QByteArrayLiteral("{}"));
        delete reply;
    }

    void proxyFromEnvironment()
    {
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("HTTPS_PROXY"), QStringLiteral("http://proxy.corp:3128"));
        environment.insert(QStringLiteral("NO_PROXY"), QStringLiteral("internal.corp, .example.org"));
        AwsProxyFactory factory(environment);

        const auto proxyFor = [&factory](const QString &url) {
            return factory.queryProxy(QNetworkProxyQuery(QUrl(url))).value(0);
        };
        const QNetworkProxy aws = proxyFor(QStringLiteral("https://bedrock.us-east-1.amazonaws.com/"));
        QCOMPARE(aws.type(), QNetworkProxy::HttpProxy);
        QCOMPARE(aws.hostName(), QStringLiteral("proxy.corp"));
        QCOMPARE(aws.port(), quint16(3128));
        QCOMPARE(proxyFor(QStringLiteral("http://127.0.0.1:9000/")).type(), QNetworkProxy::NoProxy);
        QCOMPARE(proxyFor(QStringLiteral("http://localhost:9000/")).type(), QNetworkProxy::NoProxy);
        QCOMPARE(proxyFor(QStringLiteral("https://internal.corp/")).type(), QNetworkProxy::NoProxy);
        QCOMPARE(proxyFor(QStringLiteral("https://api.example.org/")).type(), QNetworkProxy::NoProxy);
        QVERIFY(!factory.isExempt(QStringLiteral("notexample.org")));
    }

    void lowerCaseProxyVariableWins()
    {
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("HTTPS_PROXY"), QStringLiteral("http://upper:1"));
        environment.insert(QStringLiteral("https_proxy"), QStringLiteral("lower:2"));
        AwsProxyFactory factory(environment);
        const QNetworkProxy proxy
            = factory.queryProxy(QNetworkProxyQuery(QUrl(QStringLiteral("https://bedrock.aws/")))).value(0);
        QCOMPARE(proxy.hostName(), QStringLiteral("lower"));
        QCOMPARE(proxy.port(), quint16(2));
    }

    void noProxyStarExemptsEverything()
    {
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("HTTPS_PROXY"), QStringLiteral("http://proxy.corp:3128"));
        environment.insert(QStringLiteral("no_proxy"), QStringLiteral("*"));
        AwsProxyFactory factory(environment);
        QCOMPARE(factory.queryProxy(QNetworkProxyQuery(QUrl(QStringLiteral("https://bedrock.aws/")))).value(0).type(),
                 QNetworkProxy::NoProxy);
    }

    void caBundleErrorsNameTheFile()
    {
        QTemporaryDir dir;
        CaBundle bundle;
        QString error;
        const QString missing = dir.filePath(QStringLiteral("missing.pem"));
        QVERIFY(!bundle.load(missing, &error));
        QVERIFY2(error.contains(missing), qPrintable(error));

        const QString garbage = dir.filePath(QStringLiteral("garbage.pem"));
        QFile file(garbage);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a certificate\n");
        file.close();
        QVERIFY(!bundle.load(garbage, &error));
        QVERIFY2(error.contains(garbage), qPrintable(error));
        QCOMPARE(bundle.sslConfiguration().peerVerifyMode(), QSslSocket::VerifyPeer);
    }

    void caBundleAddsTrust()
    {
        // The system's own bundle is a valid PEM file: its certificates are added on top of the defaults.
        const QString system = QStringLiteral("/etc/ssl/certs/ca-certificates.crt");
        if (!QFile::exists(system)) {
            QSKIP("no system CA bundle on this machine");
        }
        CaBundle bundle;
        QString error;
        QVERIFY2(bundle.load(system, &error), qPrintable(error));
        QVERIFY(!bundle.certificates().isEmpty());
        const QSslConfiguration configuration = bundle.sslConfiguration();
        QVERIFY(configuration.caCertificates().contains(bundle.certificates().first()));
        QCOMPARE(configuration.peerVerifyMode(), QSslSocket::VerifyPeer);
    }
};

QTEST_GUILESS_MAIN(TestNetworkPolicy)
#include "tst_networkpolicy.moc"
