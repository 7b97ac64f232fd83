// SPDX-License-Identifier: Apache-2.0
// IAM Identity Center on the simulator: SSO GetRoleCredentials and SSO OIDC CreateToken, their
// errors as the service models them, and the issued credentials on the Bedrock routes.
#include "simcommandline.h"
#include "simtestsupport.h"

using namespace outcrop::sim;
using namespace outcrop::sim::test;

namespace {

const QString kAccount = QStringLiteral("111122223333");
const QString kRole = QStringLiteral("Dev");
const QString kToken = QStringLiteral("sso-access-token-1");
const QString kExpiredToken = QStringLiteral("sso-access-token-expired");
const QString kClientId = QStringLiteral("client-1");
const QString kClientSecret = QStringLiteral("client-secret-1");
const QString kRefreshToken = QStringLiteral("refresh-token-1");

} // namespace

class TestSimSso : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Simulator> m_simulator;

    HttpResult send(const QByteArray &method, const QByteArray &target, const QByteArray &body = {},
                    const QByteArray &ssoToken = {})
    {
        SimClient client(*m_simulator);   // unsigned: both operations are smithy.api#noAuth
        if (!ssoToken.isEmpty()) {
            client.setExtraHeader("x-amz-sso_bearer_token", ssoToken);
        }
        return client.send(method, target, body);
    }

    HttpResult getRoleCredentials(const QString &token, const QByteArray &query = "account_id=111122223333&role_name=Dev")
    {
        return send("GET", "/federation/credentials?" + query, {}, token.toUtf8());
    }

    HttpResult createToken(const QJsonObject &body)
    {
        return send("POST", "/token", QJsonDocument(body).toJson(QJsonDocument::Compact));
    }

    static QJsonObject refreshBody(const QString &refreshToken, const QString &clientSecret = kClientSecret)
    {
        return { { QStringLiteral("clientId"), kClientId },
                 { QStringLiteral("clientSecret"), clientSecret },
                 { QStringLiteral("grantType"), QStringLiteral("refresh_token") },
                 { QStringLiteral("refreshToken"), refreshToken } };
    }

    static outcrop::aws::AwsCredentials credentialsOf(const HttpResult &result)
    {
        const QJsonObject role = result.json().value(QStringLiteral("roleCredentials")).toObject();
        outcrop::aws::AwsCredentials credentials;
        credentials.accessKeyId = role.value(QStringLiteral("accessKeyId")).toString();
        credentials.secretAccessKey = role.value(QStringLiteral("secretAccessKey")).toString();
        credentials.sessionToken = role.value(QStringLiteral("sessionToken")).toString();
        return credentials;
    }

private slots:
    void init()
    {
        SimConfig config;
        config.count = 10;
        config.sso.roles = { { kAccount, kRole } };
        config.sso.accessTokens = { { kToken, {} },
                                    { kExpiredToken, QDateTime::currentDateTimeUtc().addSecs(-1) } };
        config.sso.refreshGrants = { { kClientId, kClientSecret, kRefreshToken, {} } };
        config.sso.roleCredentialSeconds = 900;
        m_simulator = std::make_unique<Simulator>(config);
        QVERIFY2(m_simulator->start(), qPrintable(m_simulator->errorString()));
    }

    void cleanup() { m_simulator.reset(); }

    void issuedCredentialsWorkOnBedrockUntilTheyExpire()
    {
        const QDateTime before = QDateTime::currentDateTimeUtc();
        const HttpResult result = getRoleCredentials(kToken);
        QCOMPARE(result.status, 200);
        const QJsonObject role = result.json().value(QStringLiteral("roleCredentials")).toObject();
        QVERIFY(role.value(QStringLiteral("accessKeyId")).toString().startsWith(QLatin1String("ASIA")));
        QVERIFY(!role.value(QStringLiteral("secretAccessKey")).toString().isEmpty());
        QVERIFY(!role.value(QStringLiteral("sessionToken")).toString().isEmpty());
        const qint64 expiration = static_cast<qint64>(role.value(QStringLiteral("expiration")).toDouble());
        QVERIFY(expiration >= before.addSecs(900).toMSecsSinceEpoch() - 1000);
        QVERIFY(expiration <= QDateTime::currentDateTimeUtc().addSecs(900).toMSecsSinceEpoch() + 1000);
        QCOMPARE(m_simulator->sso().roleCredentialCount(), 1);

        SimClient bedrock(*m_simulator);
        bedrock.useSigV4(credentialsOf(result));
        QCOMPARE(bedrock.get("/model-customization/custom-model-deployments?maxResults=2").status, 200);

        // Past their expiry the same keys get ExpiredTokenException.
        const QDateTime later = QDateTime::currentDateTimeUtc().addSecs(901);
        m_simulator->clock().setFixedTime(later);
        bedrock.setSigningTime(later);
        const HttpResult expired = bedrock.get("/model-customization/custom-model-deployments?maxResults=2");
        QCOMPARE(expired.status, 403);
        QCOMPARE(expired.errorType(), QStringLiteral("ExpiredTokenException"));

        // Without the session token the keys are not accepted at all.
        outcrop::aws::AwsCredentials withoutToken = credentialsOf(result);
        withoutToken.sessionToken.clear();
        SimClient unsigned_(*m_simulator);
        unsigned_.useSigV4(withoutToken);
        m_simulator->clock().setFixedTime({});
        QCOMPARE(unsigned_.get("/model-customization/custom-model-deployments").errorType(),
                 QStringLiteral("UnrecognizedClientException"));
    }

    void getRoleCredentialsErrors_data()
    {
        QTest::addColumn<QString>("token");
        QTest::addColumn<QByteArray>("query");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("type");
        const QByteArray good = "account_id=111122223333&role_name=Dev";
        QTest::newRow("no token") << QString() << good << 401 << QStringLiteral("UnauthorizedException");
        QTest::newRow("unknown token") << QStringLiteral("nope") << good << 401 << QStringLiteral("UnauthorizedException");
        QTest::newRow("expired token") << kExpiredToken << good << 401 << QStringLiteral("UnauthorizedException");
        QTest::newRow("no role name") << kToken << QByteArray("account_id=111122223333") << 400
                                      << QStringLiteral("InvalidRequestException");
        QTest::newRow("unassigned role") << kToken << QByteArray("account_id=111122223333&role_name=Admin") << 404
                                         << QStringLiteral("ResourceNotFoundException");
        QTest::newRow("other account") << kToken << QByteArray("account_id=999999999999&role_name=Dev") << 404
                                       << QStringLiteral("ResourceNotFoundException");
    }

    void getRoleCredentialsErrors()
    {
        QFETCH(QString, token);
        QFETCH(QByteArray, query);
        QFETCH(int, status);
        QFETCH(QString, type);
        const HttpResult result = getRoleCredentials(token, query);
        QCOMPARE(result.status, status);
        QCOMPARE(result.errorType(), type);
        QVERIFY(!result.message().isEmpty());
        QCOMPARE(m_simulator->sso().roleCredentialCount(), 0);
    }

    void createTokenIssuesAndRotates()
    {
        const HttpResult result = createToken(refreshBody(kRefreshToken));
        QCOMPARE(result.status, 200);
        const QJsonObject reply = result.json();
        const QString accessToken = reply.value(QStringLiteral("accessToken")).toString();
        const QString newRefreshToken = reply.value(QStringLiteral("refreshToken")).toString();
        QVERIFY(!accessToken.isEmpty());
        QCOMPARE(reply.value(QStringLiteral("tokenType")).toString(), QStringLiteral("Bearer"));
        QCOMPARE(reply.value(QStringLiteral("expiresIn")).toInt(), 3600);
        QVERIFY(!newRefreshToken.isEmpty() && newRefreshToken != kRefreshToken);
        QCOMPARE(m_simulator->sso().createTokenCount(), 1);

        QCOMPARE(getRoleCredentials(accessToken).status, 200);
        // The spent refresh token is refused; the new one works.
        const HttpResult spent = createToken(refreshBody(kRefreshToken));
        QCOMPARE(spent.status, 400);
        QCOMPARE(spent.errorType(), QStringLiteral("InvalidGrantException"));
        QCOMPARE(spent.json().value(QStringLiteral("error")).toString(), QStringLiteral("invalid_grant"));
        QVERIFY(!spent.json().value(QStringLiteral("error_description")).toString().isEmpty());
        QCOMPARE(createToken(refreshBody(newRefreshToken)).status, 200);
    }

    void issuedAccessTokensExpire()
    {
        const QString accessToken = createToken(refreshBody(kRefreshToken)).json().value(QStringLiteral("accessToken")).toString();
        m_simulator->clock().setFixedTime(QDateTime::currentDateTimeUtc().addSecs(3601));
        QCOMPARE(getRoleCredentials(accessToken).errorType(), QStringLiteral("UnauthorizedException"));
    }

    void createTokenErrors_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("type");
        QJsonObject badGrant = refreshBody(kRefreshToken);
        badGrant.insert(QStringLiteral("grantType"), QStringLiteral("authorization_code"));
        QJsonObject noClient = refreshBody(kRefreshToken);
        noClient.remove(QStringLiteral("clientId"));
        QTest::newRow("wrong secret") << refreshBody(kRefreshToken, QStringLiteral("wrong")) << 401
                                      << QStringLiteral("InvalidClientException");
        QTest::newRow("unknown refresh token") << refreshBody(QStringLiteral("nope")) << 400
                                               << QStringLiteral("InvalidGrantException");
        QTest::newRow("unsupported grant") << badGrant << 400 << QStringLiteral("UnsupportedGrantTypeException");
        QTest::newRow("missing client") << noClient << 400 << QStringLiteral("InvalidRequestException");
    }

    void createTokenErrors()
    {
        QFETCH(QJsonObject, body);
        QFETCH(int, status);
        QFETCH(QString, type);
        const HttpResult result = createToken(body);
        QCOMPARE(result.status, status);
        QCOMPARE(result.errorType(), type);
        QVERIFY(!result.json().value(QStringLiteral("error")).toString().isEmpty());
        QVERIFY(!result.body.contains(kClientSecret.toUtf8()));
        QCOMPARE(m_simulator->sso().createTokenCount(), 0);
    }

    void expiredRefreshGrant()
    {
        m_simulator->sso().addRefreshGrant({ kClientId, kClientSecret, QStringLiteral("old-refresh"),
                                             QDateTime::currentDateTimeUtc().addSecs(-1) });
        const HttpResult result = createToken(refreshBody(QStringLiteral("old-refresh")));
        QCOMPARE(result.status, 400);
        QCOMPARE(result.errorType(), QStringLiteral("ExpiredTokenException"));
    }

    void bedrockRoutesStillNeedSignatures()
    {
        QCOMPARE(send("GET", "/model-customization/custom-model-deployments", {}, kToken.toUtf8()).status, 403);
    }

    void commandLineOptions()
    {
        const SimCommandLine::Result parsed = SimCommandLine::parse(
            { QStringLiteral("outcrop-sim"), QStringLiteral("--sso-role"), QStringLiteral("111122223333:Dev"),
              QStringLiteral("--sso-access-token"), QStringLiteral("tok:2030-01-01T00:00:00Z"),
              QStringLiteral("--sso-access-token"), QStringLiteral("forever"),
              QStringLiteral("--sso-refresh-token"), QStringLiteral("cid:csecret:rtoken"),
              QStringLiteral("--sso-token-seconds"), QStringLiteral("60"),
              QStringLiteral("--sso-credential-seconds"), QStringLiteral("120") });
        QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
        const SimSsoSettings &sso = parsed.config.sso;
        QCOMPARE(sso.roles.size(), 1);
        QCOMPARE(sso.roles.first().roleName, QStringLiteral("Dev"));
        QCOMPARE(sso.accessTokens.size(), 2);
        QCOMPARE(sso.accessTokens.first().token, QStringLiteral("tok"));
        QCOMPARE(sso.accessTokens.first().expiration, outcrop::aws::utcDateTime(QDate(2030, 1, 1), QTime(0, 0)));
        QVERIFY(!sso.accessTokens.last().expiration.isValid());
        QCOMPARE(sso.refreshGrants.size(), 1);
        QCOMPARE(sso.refreshGrants.first().clientSecret, QStringLiteral("csecret"));
        QCOMPARE(sso.accessTokenSeconds, 60);
        QCOMPARE(sso.roleCredentialSeconds, 120);
    }

    void badCommandLineOptions_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("expected");
        QTest::newRow("role without account") << QStringList { QStringLiteral("--sso-role"), QStringLiteral("Dev") }
                                              << QStringLiteral("--sso-role");
        QTest::newRow("bad expiry") << QStringList { QStringLiteral("--sso-access-token"), QStringLiteral("secret-tok:soon") }
                                    << QStringLiteral("not an RFC 3339 time");
        QTest::newRow("short grant") << QStringList { QStringLiteral("--sso-refresh-token"), QStringLiteral("cid:secret-x") }
                                     << QStringLiteral("CLIENT_ID:CLIENT_SECRET:REFRESH_TOKEN");
        QTest::newRow("zero seconds") << QStringList { QStringLiteral("--sso-token-seconds"), QStringLiteral("0") }
                                      << QStringLiteral("--sso-token-seconds");
    }

    void badCommandLineOptions()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, expected);
        const SimCommandLine::Result parsed = SimCommandLine::parse(QStringList { QStringLiteral("outcrop-sim") } + arguments);
        QVERIFY2(parsed.error.contains(expected), qPrintable(parsed.error));
        QVERIFY(!parsed.error.contains(QLatin1String("secret")));
    }
};

QTEST_GUILESS_MAIN(TestSimSso)
#include "tst_simsso.moc"
