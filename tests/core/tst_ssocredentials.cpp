// SPDX-License-Identifier: Apache-2.0
// IAM Identity Center credentials end to end: CredentialChain → SSO OIDC CreateToken / SSO
// GetRoleCredentials on the in-process simulator → signed Bedrock calls with the issued keys.
#include "simulator.h"

#include "aws/awsclient.h"
#include "aws/awsenvironment.h"
#include "aws/awssharedconfig.h"
#include "aws/chainauthprovider.h"
#include "aws/credentialchain.h"
#include "aws/ssocredentials.h"
#include "aws/ssotokencache.h"

#include "awstesthelpers.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace outcrop;
using namespace outcrop::aws;
using outcrop::testing::readFile;
using outcrop::testing::writeFile;

namespace {

const QString kAccount = QStringLiteral("111122223333");
const QString kRole = QStringLiteral("Dev");
const QString kSession = QStringLiteral("corp");
const QString kStartUrl = QStringLiteral("https://d-abc123.awsapps.com/start");
const QString kLegacyStartUrl = QStringLiteral("https://d-legacy.awsapps.com/start");
const QString kAccessToken = QStringLiteral("AccessTokenDoNotLeak-1");
const QString kRefreshToken = QStringLiteral("RefreshTokenDoNotLeak-1");
const QString kClientId = QStringLiteral("client-outcrop");
const QString kClientSecret = QStringLiteral("ClientSecretDoNotLeak-1");

struct Outcome
{
    bool answered = false;
    bool succeeded = false;
    AwsCredentials credentials;
    AwsError error;
};

} // namespace

class TestSsoCredentials : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<sim::Simulator> m_simulator;
    QProcessEnvironment m_env;
    QDateTime m_now;   // the chain's clock; invalid = the system clock
    QStringList m_secrets;

    QString tokenFile(const QString &key) const
    {
        return SsoTokenCache::filePathFor(AwsEnvironment(m_env), key);
    }

    void writeToken(const QString &key, const QString &accessToken, const QDateTime &expiresAt, bool refreshable)
    {
        QJsonObject token { { QStringLiteral("startUrl"), key == kSession ? kStartUrl : key },
                            { QStringLiteral("region"), QStringLiteral("us-east-1") },
                            { QStringLiteral("accessToken"), accessToken },
                            { QStringLiteral("expiresAt"), SsoTokenCache::formatTime(expiresAt) } };
        if (refreshable) {
            token.insert(QStringLiteral("clientId"), kClientId);
            token.insert(QStringLiteral("clientSecret"), kClientSecret);
            token.insert(QStringLiteral("registrationExpiresAt"),
                         SsoTokenCache::formatTime(QDateTime::currentDateTimeUtc().addDays(60)));
            token.insert(QStringLiteral("refreshToken"), kRefreshToken);
        }
        QVERIFY(writeFile(tokenFile(key), QJsonDocument(token).toJson()));
    }

    CredentialChain *makeChain(const QString &profile, QObject *parent)
    {
        auto *chain = new CredentialChain(AwsEnvironment(m_env), parent);
        chain->setProfile(profile);
        chain->setClock([this] { return m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc(); });
        return chain;
    }

    static Outcome waitFor(CredentialChain *chain, QSignalSpy &resolved, QSignalSpy &failed)
    {
        Outcome outcome;
        outcome.answered = QTest::qWaitFor([&] { return resolved.count() + failed.count() > 0; }, 15000);
        if (!resolved.isEmpty()) {
            outcome.succeeded = true;
            outcome.credentials = resolved.first().first().value<AwsCredentials>();
        } else if (!failed.isEmpty()) {
            outcome.error = failed.first().first().value<AwsError>();
        }
        Q_UNUSED(chain)
        return outcome;
    }

    static Outcome resolveOnce(CredentialChain *chain)
    {
        QSignalSpy resolved(chain, &CredentialChain::resolved);
        QSignalSpy failed(chain, &CredentialChain::failedWithError);
        chain->resolve();
        return waitFor(chain, resolved, failed);
    }

    Outcome resolveProfile(const QString &profile)
    {
        QObject owner;
        return resolveOnce(makeChain(profile, &owner));
    }

    // A Bedrock List through the chain's credentials: the simulator checks the signature and
    // the session token it issued.
    AwsError listDeployments(AuthProvider *auth, QNetworkAccessManager *network)
    {
        AwsClientConfig config;
        config.endpoint = m_simulator->serverUrl();
        config.region = QStringLiteral("us-east-1");
        AwsClient client(network, auth, config);
        AwsHttpRequest request;
        request.target = AwsRequestTarget(QByteArrayLiteral("/model-customization/custom-model-deployments"));
        request.target.addQueryItem(QStringLiteral("maxResults"), QStringLiteral("5"));
        request.operation = QStringLiteral("ListCustomModelDeployments");
        AwsCall *call = client.send(request);
        QSignalSpy finished(call, &AwsCall::finished);
        if (!finished.wait(15000)) {
            return AwsError::make(AwsError::Kind::Timeout, QStringLiteral("no answer"));
        }
        return call->error();
    }

    void verifyNoSecret(const AwsError &error) const
    {
        for (const QString &text : { error.message, error.userMessage(), error.remedyCommand }) {
            for (const QString &secret : m_secrets) {
                QVERIFY2(!text.contains(secret), qPrintable(text));
            }
        }
    }

    void verifyLoginRequired(const Outcome &outcome, const QString &profile, const QString &reason)
    {
        QVERIFY(outcome.answered);
        QVERIFY2(!outcome.succeeded, "resolved, but should have failed");
        QCOMPARE(outcome.error.kind, AwsError::Kind::SsoLoginRequired);
        QCOMPARE(outcome.error.remedyCommand, QStringLiteral("aws sso login --profile ") + profile);
        QVERIFY2(outcome.error.message.contains(outcome.error.remedyCommand), qPrintable(outcome.error.message));
        QVERIFY2(outcome.error.message.contains(reason), qPrintable(outcome.error.message));
        verifyNoSecret(outcome.error);
    }

private slots:
    void init()
    {
        m_home = std::make_unique<QTemporaryDir>();
        QVERIFY(m_home->isValid());
        m_now = QDateTime();
        sim::SimConfig config;
        config.count = 20;
        config.sso.roles = { { kAccount, kRole } };
        config.sso.accessTokens = { { kAccessToken, {} } };
        config.sso.refreshGrants = { { kClientId, kClientSecret, kRefreshToken, {} } };
        m_simulator = std::make_unique<sim::Simulator>(config);
        QVERIFY2(m_simulator->start(), qPrintable(m_simulator->errorString()));
        const QString url = m_simulator->serverUrl().toString();

        m_env = QProcessEnvironment();
        m_env.insert(QStringLiteral("HOME"), m_home->path());
        m_env.insert(QStringLiteral("AWS_ENDPOINT_URL_SSO"), url);
        m_env.insert(QStringLiteral("AWS_ENDPOINT_URL_SSO_OIDC"), url);
        QVERIFY(writeFile(m_home->filePath(QStringLiteral(".aws/config")),
                          "[profile dev]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = Dev\n"
                          "region = us-east-1\n"
                          "[sso-session corp]\nsso_start_url = https://d-abc123.awsapps.com/start\nsso_region = us-east-1\n"
                          "[profile legacy]\nsso_start_url = https://d-legacy.awsapps.com/start\nsso_region = us-east-1\n"
                          "sso_account_id = 111122223333\nsso_role_name = Dev\n"
                          "[profile norole]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = Admin\n"
                          "[profile incomplete]\nsso_session = corp\nsso_account_id = 111122223333\n"
                          "[profile nosession]\nsso_session = missing\nsso_account_id = 111122223333\nsso_role_name = Dev\n"
                          "[profile 'odd name']\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = Dev\n"));
        m_secrets = { kAccessToken, kRefreshToken, kClientSecret };
    }

    void cleanup()
    {
        m_simulator.reset();
        m_home.reset();
    }

    void sessionProfileWithValidTokenListsDeployments()
    {
        writeToken(kSession, kAccessToken, QDateTime::currentDateTimeUtc().addSecs(3600), true);
        QObject owner;
        CredentialChain *chain = makeChain(QStringLiteral("dev"), &owner);
        const Outcome outcome = resolveOnce(chain);
        QVERIFY2(outcome.succeeded, qPrintable(outcome.error.message));
        QVERIFY(outcome.credentials.accessKeyId.startsWith(QLatin1String("ASIA")));
        QVERIFY(!outcome.credentials.sessionToken.isEmpty());
        QVERIFY(outcome.credentials.expires());
        QVERIFY(outcome.credentials.source.contains(QLatin1String("IAM Identity Center")));
        QCOMPARE(m_simulator->sso().createTokenCount(), 0);   // a valid token is not refreshed

        ChainAuthProvider auth(chain, {});
        QNetworkAccessManager network;
        const AwsError listed = listDeployments(&auth, &network);
        QVERIFY2(!listed.isError(), qPrintable(listed.userMessage()));
    }

    void legacyProfileWithValidToken()
    {
        writeToken(kLegacyStartUrl, kAccessToken, QDateTime::currentDateTimeUtc().addSecs(3600), false);
        QVERIFY(QFile::exists(m_home->filePath(QStringLiteral(".aws/sso/cache/")
                                               + SsoTokenCache::fileNameFor(kLegacyStartUrl))));
        const Outcome outcome = resolveProfile(QStringLiteral("legacy"));
        QVERIFY2(outcome.succeeded, qPrintable(outcome.error.message));
        QVERIFY(outcome.credentials.accessKeyId.startsWith(QLatin1String("ASIA")));
    }

    void servicesSectionPointsAtTheSimulator()
    {
        m_env.remove(QStringLiteral("AWS_ENDPOINT_URL_SSO"));
        m_env.remove(QStringLiteral("AWS_ENDPOINT_URL_SSO_OIDC"));
        const QByteArray url = m_simulator->serverUrl().toString().toUtf8();
        QVERIFY(writeFile(m_home->filePath(QStringLiteral(".aws/config")),
                          "[profile dev]\nsso_session = corp\nsso_account_id = 111122223333\nsso_role_name = Dev\n"
                          "services = local\n"
                          "[sso-session corp]\nsso_start_url = https://d-abc123.awsapps.com/start\nsso_region = us-east-1\n"
                          "[services local]\nsso =\n  endpoint_url = " + url + "\nsso_oidc =\n  endpoint_url = " + url + "\n"));
        writeToken(kSession, kAccessToken, QDateTime::currentDateTimeUtc().addSecs(60), true);   // forces a refresh
        const Outcome outcome = resolveProfile(QStringLiteral("dev"));
        QVERIFY2(outcome.succeeded, qPrintable(outcome.error.message));
        QCOMPARE(m_simulator->sso().createTokenCount(), 1);
    }

    void defaultEndpointsFollowTheRegion()
    {
        m_env.remove(QStringLiteral("AWS_ENDPOINT_URL_SSO"));
        m_env.remove(QStringLiteral("AWS_ENDPOINT_URL_SSO_OIDC"));
        const AwsEnvironment environment(m_env);
        const AwsSharedConfig shared = AwsSharedConfig::load(environment);
        QString error;
        const auto settings = SsoProfileSettings::fromProfile(environment, shared, shared.profile(QStringLiteral("dev")), &error);
        QVERIFY2(settings, qPrintable(error));
        QCOMPARE(settings->portalEndpoint, QUrl(QStringLiteral("https://portal.sso.us-east-1.amazonaws.com")));
        QCOMPARE(settings->oidcEndpoint, QUrl(QStringLiteral("https://oidc.us-east-1.amazonaws.com")));
        QCOMPARE(settings->tokenFile, tokenFile(kSession));
        m_env.insert(QStringLiteral("AWS_ENDPOINT_URL"), QStringLiteral("http://127.0.0.1:1"));
        const auto general = SsoProfileSettings::fromProfile(AwsEnvironment(m_env), shared, shared.profile(QStringLiteral("dev")), &error);
        QVERIFY(general);
        QCOMPARE(general->oidcEndpoint, QUrl(QStringLiteral("http://127.0.0.1:1")));
    }

    void expiredTokenIsRefreshedAndTheCacheUpdated()
    {
        writeToken(kSession, QStringLiteral("ExpiredAccessTokenDoNotLeak"), QDateTime::currentDateTimeUtc().addSecs(-60), true);
        m_secrets << QStringLiteral("ExpiredAccessTokenDoNotLeak");
        QObject owner;
        CredentialChain *chain = makeChain(QStringLiteral("dev"), &owner);
        // Three callers at once share one refresh and one GetRoleCredentials.
        QSignalSpy resolved(chain, &CredentialChain::resolved);
        QSignalSpy failed(chain, &CredentialChain::failedWithError);
        chain->resolve();
        chain->resolve();
        chain->resolve();
        const Outcome outcome = waitFor(chain, resolved, failed);
        QVERIFY2(outcome.succeeded, qPrintable(outcome.error.message));
        QCOMPARE(m_simulator->sso().createTokenCount(), 1);
        QCOMPARE(m_simulator->sso().roleCredentialCount(), 1);
        QTest::qWait(50);
        QCOMPARE(resolved.count(), 1);
        QCOMPARE(failed.count(), 0);

        QString error;
        const std::optional<SsoToken> cached = SsoTokenCache::read(tokenFile(kSession), &error);
        QVERIFY2(cached, qPrintable(error));
        QVERIFY(cached->accessToken != QLatin1String("ExpiredAccessTokenDoNotLeak"));
        QVERIFY(cached->expiresAt > QDateTime::currentDateTimeUtc().addSecs(3000));
        QVERIFY(cached->refreshToken != kRefreshToken);   // the simulator rotates it
        QCOMPARE(cached->clientSecret, kClientSecret);
        QCOMPARE(cached->startUrl, kStartUrl);

        // The rotated refresh token written back works for the next refresh.
        m_now = cached->expiresAt.addSecs(-10);
        m_simulator->clock().setFixedTime(m_now);
        chain->invalidate();
        const Outcome again = resolveOnce(chain);
        QVERIFY2(again.succeeded, qPrintable(again.error.message));
        QCOMPARE(m_simulator->sso().createTokenCount(), 2);
    }

    void tokenNearExpiryIsRefreshedAhead()
    {
        writeToken(kSession, kAccessToken, QDateTime::currentDateTimeUtc().addSecs(240), true);   // within 5 minutes
        const Outcome outcome = resolveProfile(QStringLiteral("dev"));
        QVERIFY2(outcome.succeeded, qPrintable(outcome.error.message));
        QCOMPARE(m_simulator->sso().createTokenCount(), 1);
    }

    void failedRefreshOfAStillValidTokenUsesIt()
    {
        m_simulator->sso().setSettings([this] {
            sim::SimSsoSettings settings = m_simulator->sso().settings();
            settings.refreshGrants.clear();
            settings.refreshGrants.append({ kClientId, kClientSecret, QStringLiteral("another"), {} });
            return settings;
        }());
        writeToken(kSession, kAccessToken, QDateTime::currentDateTimeUtc().addSecs(240), true);
        // Worth a warning: nothing else tells that the sign-in will run out soon.
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("^refreshing the IAM Identity Center token failed")));
        const Outcome outcome = resolveProfile(QStringLiteral("dev"));
        QVERIFY2(outcome.succeeded, qPrintable(outcome.error.message));
        QCOMPARE(m_simulator->sso().createTokenCount(), 0);
    }

    void expiredWithoutRefreshTokenAsksToSignIn()
    {
        writeToken(kSession, kAccessToken, QDateTime::currentDateTimeUtc().addSecs(-60), false);
        const Outcome outcome = resolveProfile(QStringLiteral("dev"));
        verifyLoginRequired(outcome, QStringLiteral("dev"), QStringLiteral("expired at"));
        QCOMPARE(m_simulator->sso().roleCredentialCount(), 0);
        QCOMPARE(m_simulator->sso().createTokenCount(), 0);
    }

    void expiredLegacyTokenAsksToSignIn()
    {
        writeToken(kLegacyStartUrl, kAccessToken, QDateTime::currentDateTimeUtc().addSecs(-60), false);
        verifyLoginRequired(resolveProfile(QStringLiteral("legacy")), QStringLiteral("legacy"), QStringLiteral("expired at"));
    }

    void rejectedRefreshAsksToSignIn_data()
    {
        QTest::addColumn<QString>("refreshToken");
        QTest::addColumn<QString>("clientSecret");
        QTest::addColumn<QString>("expectedCode");
        QTest::newRow("unknown refresh token") << QStringLiteral("UnknownRefreshDoNotLeak") << kClientSecret
                                               << QStringLiteral("InvalidGrantException");
        QTest::newRow("wrong client secret") << kRefreshToken << QStringLiteral("WrongSecretDoNotLeak")
                                             << QStringLiteral("InvalidClientException");
    }

    void rejectedRefreshAsksToSignIn()
    {
        QFETCH(QString, refreshToken);
        QFETCH(QString, clientSecret);
        QFETCH(QString, expectedCode);
        m_secrets << refreshToken << clientSecret;
        QJsonObject token { { QStringLiteral("accessToken"), kAccessToken },
                            { QStringLiteral("expiresAt"), SsoTokenCache::formatTime(QDateTime::currentDateTimeUtc().addSecs(-5)) },
                            { QStringLiteral("clientId"), kClientId },
                            { QStringLiteral("clientSecret"), clientSecret },
                            { QStringLiteral("refreshToken"), refreshToken } };
        QVERIFY(writeFile(tokenFile(kSession), QJsonDocument(token).toJson()));
        // No warning: the error itself says it, once (the command line printed it twice).
        QTest::failOnWarning(QRegularExpression(QStringLiteral(".")));
        verifyLoginRequired(resolveProfile(QStringLiteral("dev")), QStringLiteral("dev"), expectedCode);
    }

    void expiredRefreshTokenAsksToSignIn()
    {
        sim::SimSsoSettings settings = m_simulator->sso().settings();
        settings.refreshGrants = { { kClientId, kClientSecret, kRefreshToken, QDateTime::currentDateTimeUtc().addSecs(-1) } };
        m_simulator->sso().setSettings(settings);
        writeToken(kSession, kAccessToken, QDateTime::currentDateTimeUtc().addSecs(-60), true);
        verifyLoginRequired(resolveProfile(QStringLiteral("dev")), QStringLiteral("dev"), QStringLiteral("ExpiredTokenException"));
    }

    void invalidTokenIsRejectedClearly()
    {
        const QString unknown = QStringLiteral("RevokedAccessTokenDoNotLeak");
        m_secrets << unknown;
        writeToken(kSession, unknown, QDateTime::currentDateTimeUtc().addSecs(3600), true);
        const Outcome outcome = resolveProfile(QStringLiteral("dev"));
        verifyLoginRequired(outcome, QStringLiteral("dev"), QStringLiteral("UnauthorizedException"));
        QVERIFY(outcome.error.message.contains(QLatin1String("rejected")));
    }

    void missingCacheFileAsksToSignIn()
    {
        const Outcome outcome = resolveProfile(QStringLiteral("dev"));
        verifyLoginRequired(outcome, QStringLiteral("dev"), tokenFile(kSession));
    }

    void corruptCacheFileIsNamed()
    {
        QVERIFY(writeFile(tokenFile(kSession), "{\"accessToken\": \"" + kAccessToken.toUtf8() + "\""));
        verifyLoginRequired(resolveProfile(QStringLiteral("dev")), QStringLiteral("dev"), QStringLiteral("not valid JSON"));
    }

    void profileNamesAreQuotedForTheShell()
    {
        writeToken(kSession, kAccessToken, QDateTime::currentDateTimeUtc().addSecs(-60), false);
        const Outcome outcome = resolveProfile(QStringLiteral("odd name"));
        QCOMPARE(outcome.error.kind, AwsError::Kind::SsoLoginRequired);
        QCOMPARE(outcome.error.remedyCommand, QStringLiteral("aws sso login --profile 'odd name'"));
    }

    void unassignedRoleIsACredentialsError()
    {
        writeToken(kSession, kAccessToken, QDateTime::currentDateTimeUtc().addSecs(3600), true);
        const Outcome outcome = resolveProfile(QStringLiteral("norole"));
        QVERIFY(!outcome.succeeded);
        QCOMPARE(outcome.error.kind, AwsError::Kind::Credentials);
        QVERIFY2(outcome.error.message.contains(QLatin1String("ResourceNotFoundException")), qPrintable(outcome.error.message));
        QVERIFY(outcome.error.message.contains(QLatin1String("role Admin in account 111122223333")));
        verifyNoSecret(outcome.error);
    }

    void badProfilesNameWhatIsWrong_data()
    {
        QTest::addColumn<QString>("profile");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no role") << QStringLiteral("incomplete") << QStringLiteral("lacks sso_role_name");
        QTest::newRow("no session section") << QStringLiteral("nosession") << QStringLiteral("no [sso-session missing] section");
    }

    void badProfilesNameWhatIsWrong()
    {
        QFETCH(QString, profile);
        QFETCH(QString, expected);
        const Outcome outcome = resolveProfile(profile);
        QVERIFY(!outcome.succeeded);
        QCOMPARE(outcome.error.kind, AwsError::Kind::Credentials);
        QVERIFY2(outcome.error.message.contains(expected), qPrintable(outcome.error.message));
    }

    void roleCredentialsAreRefreshedBeforeExpiryWithoutAStorm()
    {
        // A token valid for two hours; role credentials for one.
        writeToken(kSession, kAccessToken, QDateTime::currentDateTimeUtc().addSecs(7200), true);
        QObject owner;
        CredentialChain *chain = makeChain(QStringLiteral("dev"), &owner);
        ChainAuthProvider auth(chain, {});
        QNetworkAccessManager network;
        QVERIFY(!listDeployments(&auth, &network).isError());
        QVERIFY(!listDeployments(&auth, &network).isError());
        QCOMPARE(m_simulator->sso().roleCredentialCount(), 1);   // cached in memory

        // 58 minutes later the credentials are within the refresh margin: several requests at
        // once (a dashboard refresh) share one new GetRoleCredentials, and none fails.
        const QDateTime later = QDateTime::currentDateTimeUtc().addSecs(58 * 60);
        m_now = later;
        m_simulator->clock().setFixedTime(later);
        AwsClientConfig config;
        config.endpoint = m_simulator->serverUrl();
        config.region = QStringLiteral("us-east-1");
        config.clock = [later] { return later; };
        AwsClient client(&network, &auth, config);
        QList<AwsCall *> calls;
        for (int i = 0; i < 5; ++i) {
            AwsHttpRequest request;
            request.target = AwsRequestTarget(QByteArrayLiteral("/model-customization/custom-model-deployments"));
            request.operation = QStringLiteral("ListCustomModelDeployments");
            calls.append(client.send(request));
        }
        QVERIFY(QTest::qWaitFor([&] {
            return std::all_of(calls.begin(), calls.end(), [](AwsCall *call) { return call->isFinished(); });
        }, 15000));
        for (AwsCall *call : std::as_const(calls)) {
            QVERIFY2(call->succeeded(), qPrintable(call->error().userMessage()));
        }
        QCOMPARE(m_simulator->sso().roleCredentialCount(), 2);
        QCOMPARE(m_simulator->sso().createTokenCount(), 0);
    }

    void anExpiredSessionFailsEveryWaitingRequestOnce()
    {
        writeToken(kSession, kAccessToken, QDateTime::currentDateTimeUtc().addSecs(-60), false);
        QObject owner;
        CredentialChain *chain = makeChain(QStringLiteral("dev"), &owner);
        QSignalSpy failed(chain, &CredentialChain::failedWithError);
        ChainAuthProvider auth(chain, {});
        int answers = 0;
        for (int i = 0; i < 4; ++i) {
            auth.fetchAuth(&owner, [&answers](const AwsAuth &, const AwsError &error) {
                QCOMPARE(error.kind, AwsError::Kind::SsoLoginRequired);
                ++answers;
            });
        }
        QTRY_COMPARE(answers, 4);
        QCOMPARE(failed.count(), 1);   // one resolution, one message for the banner
    }
};

QTEST_GUILESS_MAIN(TestSsoCredentials)
#include "tst_ssocredentials.moc"
