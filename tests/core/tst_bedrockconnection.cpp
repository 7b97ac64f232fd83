// SPDX-License-Identifier: Apache-2.0
// Where the dashboard and the export connect: region, endpoint and CA bundle from the user's
// choices, the environment and the shared files, with the first problem named.
#include "awstesthelpers.h"
#include "aws/awsenvironment.h"
#include "bedrock/bedrocksession.h"

#include <QTemporaryDir>
#include <QTest>

using namespace outcrop;
using outcrop::bedrock::BedrockConnection;

class TestBedrockConnection : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;

    aws::AwsEnvironment environment(const QList<QPair<QString, QString>> &variables) const
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("HOME"), m_home.path());
        for (const auto &[name, value] : variables) {
            env.insert(name, value);
        }
        return aws::AwsEnvironment(env, m_home.path());
    }

private slots:
    void regionAndEndpointFromTheEnvironment()
    {
        const BedrockConnection connection = BedrockConnection::resolve({}, environment({ { QStringLiteral("AWS_REGION"), QStringLiteral("eu-central-1") } }));
        QVERIFY2(connection.isValid(), qPrintable(connection.error));
        QCOMPARE(connection.region.region, QStringLiteral("eu-central-1"));
        QCOMPARE(connection.endpoint.url, QUrl(QStringLiteral("https://bedrock.eu-central-1.amazonaws.com")));
        QVERIFY(!connection.ssl.has_value());
    }

    void commandLineBeatsEverything()
    {
        aws::AwsClientOptions options;
        options.region = QStringLiteral("cn-north-1");
        const BedrockConnection connection = BedrockConnection::resolve(options, environment({ { QStringLiteral("AWS_REGION"), QStringLiteral("us-east-1") } }));
        QVERIFY(connection.isValid());
        QCOMPARE(connection.endpoint.url.host(), QStringLiteral("bedrock.cn-north-1.amazonaws.com.cn"));
    }

    void problemsAreNamed_data()
    {
        QTest::addColumn<QString>("variable");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain http to a remote host") << QStringLiteral("AWS_ENDPOINT_URL_BEDROCK") << QStringLiteral("http://bedrock.example.com")
                                                     << QStringLiteral("http://");
        QTest::newRow("missing CA bundle") << QStringLiteral("AWS_CA_BUNDLE") << QStringLiteral("/nonexistent/bundle.pem")
                                           << QStringLiteral("/nonexistent/bundle.pem");
        QTest::newRow("FIPS with a custom endpoint") << QStringLiteral("AWS_USE_FIPS_ENDPOINT") << QStringLiteral("true")
                                                     << QStringLiteral("FIPS and custom endpoint are not supported");
    }

    void problemsAreNamed()
    {
        QFETCH(QString, variable);
        QFETCH(QString, value);
        QFETCH(QString, expected);
        QList<QPair<QString, QString>> variables { { QStringLiteral("AWS_REGION"), QStringLiteral("us-east-1") }, { variable, value } };
        if (variable == QLatin1String("AWS_USE_FIPS_ENDPOINT")) {
            variables.append({ QStringLiteral("AWS_ENDPOINT_URL"), QStringLiteral("https://proxy.example.com") });
        }
        const BedrockConnection connection = BedrockConnection::resolve({}, environment(variables));
        QVERIFY(!connection.isValid());
        QVERIFY2(connection.error.contains(expected), qPrintable(connection.error));
    }

    void caBundleFromTheProfile()
    {
        const QString bundle = QStringLiteral("/etc/ssl/certs/ca-certificates.crt");
        if (!QFile::exists(bundle)) {
            QSKIP("no system CA bundle on this machine");
        }
        const QString config = m_home.filePath(QStringLiteral("config"));
        QVERIFY(outcrop::testing::writeFile(config, "[default]\nregion = us-west-2\nca_bundle = " + bundle.toUtf8() + "\n"));
        const BedrockConnection connection = BedrockConnection::resolve({}, environment({ { QStringLiteral("AWS_CONFIG_FILE"), config } }));
        QVERIFY2(connection.isValid(), qPrintable(connection.error));
        QVERIFY(connection.ssl.has_value());
        QCOMPARE(connection.ssl->peerVerifyMode(), QSslSocket::VerifyPeer);
    }

    void malformedConfigNamesFileAndLine()
    {
        const QString config = m_home.filePath(QStringLiteral("broken-config"));
        QVERIFY(outcrop::testing::writeFile(config, "[default]\nregion = us-west-2\nthis line is wrong\n"));
        const BedrockConnection connection = BedrockConnection::resolve({}, environment({ { QStringLiteral("AWS_CONFIG_FILE"), config } }));
        QVERIFY(!connection.isValid());
        QVERIFY2(connection.error.contains(config + QStringLiteral(":3")), qPrintable(connection.error));
    }
};

QTEST_GUILESS_MAIN(TestBedrockConnection)
#include "tst_bedrockconnection.moc"
