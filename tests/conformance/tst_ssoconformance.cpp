// SPDX-License-Identifier: Apache-2.0
// Holds Outcrop's IAM Identity Center support true to the official AWS SDK for JavaScript: an
// outcrop-sim with SSO options, token cache files written by Outcrop's SsoTokenCache, and
// sso-conformance.mjs (node:test) driving both with @aws-sdk/client-sso, client-sso-oidc,
// token-providers (fromSso) and credential-providers (fromSSO). The cache file the SDK refreshes
// is read back with Outcrop's reader, so the format holds in both directions.
#include "conformancesupport.h"

#include "aws/ssotokencache.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace outcrop;
using namespace outcrop::conformance;

namespace {

const QString kConformanceDir = QStringLiteral(OUTCROP_SOURCE_DIR "/tests/conformance");
const QString kSimExecutable = QStringLiteral(OUTCROP_SIM_EXECUTABLE);
constexpr int kStartTimeoutMs = 30000;
constexpr int kNodeTimeoutMs = 120000;

const QString kAccount = QStringLiteral("111122223333");
const QString kRole = QStringLiteral("Dev");
const QString kAccessToken = QStringLiteral("conformance-access-token");
const QString kNearAccessToken = QStringLiteral("conformance-near-access-token");
const QString kExpiredToken = QStringLiteral("conformance-expired-token");
const QString kClientId = QStringLiteral("conformance-client");
const QString kClientSecret = QStringLiteral("conformance-client-secret");
const QString kDirectRefresh = QStringLiteral("conformance-refresh-direct");
const QString kNearRefresh = QStringLiteral("conformance-refresh-near");

} // namespace

class TestSsoConformance : public QObject
{
    Q_OBJECT

private:
    QString m_node;
    QTemporaryDir m_dir;
    QProcess m_simulator;

    QString cacheFile(const QString &session) const
    {
        return m_dir.filePath(QStringLiteral(".aws/sso/cache/") + aws::SsoTokenCache::fileNameFor(session));
    }

    void writeToken(const QString &session, const QString &accessToken, const QDateTime &expiresAt,
                    const QString &refreshToken)
    {
        aws::SsoToken token;
        token.startUrl = QStringLiteral("https://d-conformance.awsapps.com/start");
        token.region = QStringLiteral("us-east-1");
        token.accessToken = accessToken;
        token.expiresAt = expiresAt;
        token.clientId = kClientId;
        token.clientSecret = kClientSecret;
        token.registrationExpiresAt = QDateTime::currentDateTimeUtc().addDays(30);
        token.refreshToken = refreshToken;
        QString error;
        QVERIFY2(aws::SsoTokenCache::write(cacheFile(session), token, &error), qPrintable(error));
    }

private slots:
    void initTestCase()
    {
        if (!QFileInfo::exists(kConformanceDir + QStringLiteral("/node_modules/@aws-sdk/client-sso"))) {
            QSKIP("tests/conformance/node_modules is missing (scripts/test installs it with npm ci)");
        }
        m_node = QStandardPaths::findExecutable(QStringLiteral("node"));
        QVERIFY2(!m_node.isEmpty(), "node is not in PATH");
        QVERIFY(m_dir.isValid());
    }

    void cleanupTestCase()
    {
        m_simulator.kill();
        m_simulator.waitForFinished(5000);
    }

    void sdkReadsOurCacheAndDrivesTheSimulator()
    {
        const QString url = startSimulator(
            m_simulator, kSimExecutable,
            { QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--count"), QStringLiteral("20"),
              QStringLiteral("--sso-role"), kAccount + u':' + kRole,
              QStringLiteral("--sso-access-token"), kAccessToken,
              QStringLiteral("--sso-access-token"), kNearAccessToken,
              QStringLiteral("--sso-access-token"), kExpiredToken + QStringLiteral(":2020-01-01T00:00:00Z"),
              QStringLiteral("--sso-refresh-token"), kClientId + u':' + kClientSecret + u':' + kDirectRefresh,
              QStringLiteral("--sso-refresh-token"), kClientId + u':' + kClientSecret + u':' + kNearRefresh },
            m_dir.filePath(QStringLiteral("sim.stderr")), kStartTimeoutMs);
        QVERIFY(!url.isEmpty());

        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral(".aws")));
        QFile config(m_dir.filePath(QStringLiteral(".aws/config")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("[profile cached]\nsso_session = cached\nsso_account_id = 111122223333\nsso_role_name = Dev\n"
                     "region = us-east-1\n"
                     "[sso-session cached]\nsso_start_url = https://d-conformance.awsapps.com/start\nsso_region = us-east-1\n"
                     "[profile near]\nsso_session = near\nsso_account_id = 111122223333\nsso_role_name = Dev\n"
                     "[sso-session near]\nsso_start_url = https://d-conformance.awsapps.com/start\nsso_region = us-east-1\n");
        config.close();
        // Whole seconds: the CLI's format has no fraction.
        const QDateTime now = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch()).toUTC();
        const QDateTime cachedExpiry = now.addSecs(3600);
        writeToken(QStringLiteral("cached"), kAccessToken, cachedExpiry, QStringLiteral("unused-refresh"));
        writeToken(QStringLiteral("near"), kNearAccessToken, now.addSecs(120), kNearRefresh);

        const QJsonObject setup {
            { QStringLiteral("url"), url },
            { QStringLiteral("accountId"), kAccount },
            { QStringLiteral("roleName"), kRole },
            { QStringLiteral("accessToken"), kAccessToken },
            { QStringLiteral("expiredToken"), kExpiredToken },
            { QStringLiteral("client"), QJsonObject { { QStringLiteral("clientId"), kClientId },
                                                      { QStringLiteral("clientSecret"), kClientSecret } } },
            { QStringLiteral("directRefreshToken"), kDirectRefresh },
            { QStringLiteral("cachedProfile"), QJsonObject { { QStringLiteral("profile"), QStringLiteral("cached") },
                                                             { QStringLiteral("accessToken"), kAccessToken },
                                                             { QStringLiteral("expiresAt"),
                                                               cachedExpiry.toString(Qt::ISODate) } } },
            { QStringLiteral("nearProfile"), QJsonObject { { QStringLiteral("profile"), QStringLiteral("near") },
                                                           { QStringLiteral("accessToken"), kNearAccessToken } } },
        };
        QProcessEnvironment env = nodeEnvironment(m_node, m_dir.path(), m_dir.filePath(QStringLiteral(".aws/config")));
        env.insert(QStringLiteral("AWS_ENDPOINT_URL_SSO"), url);
        env.insert(QStringLiteral("AWS_ENDPOINT_URL_SSO_OIDC"), url);
        env.insert(QStringLiteral("OUTCROP_SSO_SETUP"), QString::fromUtf8(QJsonDocument(setup).toJson(QJsonDocument::Compact)));
        const NodeRun run = runNodeTest(m_node, kConformanceDir + QStringLiteral("/sso-conformance.mjs"), kConformanceDir,
                                        env, kNodeTimeoutMs);
        if (!run.passed) {
            QFile log(m_dir.filePath(QStringLiteral("sim.stderr")));
            qWarning().noquote() << run.output << "--- outcrop-sim stderr:\n"
                                 << (log.open(QIODevice::ReadOnly) ? QString::fromUtf8(log.readAll()) : QString());
            QFAIL(run.finished ? "sso-conformance.mjs failed (its output is above)" : "sso-conformance.mjs timed out");
        }
        qInfo().noquote() << run.output.section(QStringLiteral("\n"), -9);
        QVERIFY2(run.passCount >= 10, qPrintable(run.output.right(2000)));

        // The file the JS SDK refreshed, read with Outcrop's reader.
        QString error;
        const std::optional<aws::SsoToken> refreshed = aws::SsoTokenCache::read(cacheFile(QStringLiteral("near")), &error);
        QVERIFY2(refreshed, qPrintable(error));
        QVERIFY(refreshed->accessToken != kNearAccessToken);
        QVERIFY(refreshed->expiresAt > now.addSecs(1800));
        QVERIFY(!refreshed->refreshToken.isEmpty() && refreshed->refreshToken != kNearRefresh);
        QCOMPARE(refreshed->clientSecret, kClientSecret);
        QCOMPARE(refreshed->startUrl, QStringLiteral("https://d-conformance.awsapps.com/start"));
    }
};

QTEST_GUILESS_MAIN(TestSsoConformance)
#include "tst_ssoconformance.moc"
