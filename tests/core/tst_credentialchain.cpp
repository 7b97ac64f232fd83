// SPDX-License-Identifier: Apache-2.0
#include "aws/awsenvironment.h"
#include "aws/utctime.h"
#include "aws/bearertoken.h"
#include "aws/credentialchain.h"

#include "awstesthelpers.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace outcrop::aws;
using outcrop::testing::readFile;
using outcrop::testing::writeFile;

namespace {

const QString kEnvSecret = QStringLiteral("EnvSecretKeyDoNotLeak1234567890abcdefghij");
const QString kFileSecret = QStringLiteral("FileSecretKeyDoNotLeak1234567890abcdefghi");
const QString kConfigSecret = QStringLiteral("ConfigSecretKeyDoNotLeak1234567890abcdefg");
const QString kProcessSecret = QStringLiteral("ProcessSecretKeyDoNotLeak1234567890abcdef");
const QString kToken = QStringLiteral("SessionTokenDoNotLeak");
const QStringList kAllSecrets = { kEnvSecret, kFileSecret, kConfigSecret, kProcessSecret, kToken };

struct Outcome
{
    bool succeeded = false;
    AwsCredentials credentials;
    QString error;
};

} // namespace

class TestCredentialChain : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_home;
    QProcessEnvironment m_env;
    QDateTime m_now;

    QString awsFile(const QString &name) const { return m_home->filePath(QStringLiteral(".aws/") + name); }

    void writeConfig(const QByteArray &text) { QVERIFY(writeFile(awsFile(QStringLiteral("config")), text)); }
    void writeCredentials(const QByteArray &text) { QVERIFY(writeFile(awsFile(QStringLiteral("credentials")), text)); }

    QString writeProcessScript(const QString &name, const QByteArray &expiration)
    {
        const QString path = m_home->filePath(name);
        const QString counter = path + QStringLiteral(".count");
        writeFile(path,
                  "#!/bin/sh\necho x >> '" + counter.toUtf8()
                      + "'\nprintf '{\"Version\":1,\"AccessKeyId\":\"AKIDPROCESS\",\"SecretAccessKey\":\""
                      + kProcessSecret.toUtf8() + "\",\"SessionToken\":\"" + kToken.toUtf8() + "\",\"Expiration\":\""
                      + expiration + "\"}'\n",
                  true);
        return path;
    }

    QString useProcessScriptInDefaultProfile(const QString &name, const QByteArray &expiration)
    {
        const QString script = writeProcessScript(name, expiration);
        writeConfig("[default]\ncredential_process = " + script.toUtf8() + "\n");
        return script;
    }

    static int runCount(const QString &script) { return int(readFile(script + QStringLiteral(".count")).count('x')); }

    CredentialChain *makeChain(QObject *parent)
    {
        auto *chain = new CredentialChain(AwsEnvironment(m_env), parent);
        chain->setClock([this] { return m_now; });
        return chain;
    }

    static Outcome resolveOnce(CredentialChain *chain)
    {
        QSignalSpy resolved(chain, &CredentialChain::resolved);
        QSignalSpy failed(chain, &CredentialChain::failed);
        chain->resolve();
        if (!resolved.isEmpty() || !failed.isEmpty()) {
            return { false, {}, QStringLiteral("signal emitted inside resolve()") };
        }
        if (!QTest::qWaitFor([&] { return resolved.count() + failed.count() > 0; }, 20000)) {
            return { false, {}, QStringLiteral("no signal") };
        }
        if (resolved.count() == 1) {
            return { true, resolved.first().first().value<AwsCredentials>(), {} };
        }
        return { false, {}, failed.first().first().toString() };
    }

    Outcome resolveOnce(const QString &explicitProfile = QString())
    {
        QObject owner;
        CredentialChain *chain = makeChain(&owner);
        chain->setProfile(explicitProfile);
        return resolveOnce(chain);
    }

    static void verifyNoSecret(const QString &text)
    {
        for (const QString &secret : kAllSecrets) {
            QVERIFY2(!text.contains(secret), qPrintable(text));
        }
    }

private slots:
    void init()
    {
        qRegisterMetaType<AwsCredentials>();
        m_home = std::make_unique<QTemporaryDir>();
        m_env = QProcessEnvironment();
        m_env.insert(QStringLiteral("HOME"), m_home->path());
        m_env.insert(QStringLiteral("PATH"), QStringLiteral("/usr/bin:/bin"));
        m_now = outcrop::aws::utcDateTime(QDate(2030, 1, 1), QTime(0, 0));
    }

    void chainOrder()
    {
        // Every source present; remove them one by one from the top.
        const QString script = writeProcessScript(QStringLiteral("proc.sh"), "2030-01-01T01:00:00Z");
        writeCredentials("[default]\naws_access_key_id = AKIDCREDFILE\naws_secret_access_key = " + kFileSecret.toUtf8() + "\n");
        writeConfig("[default]\naws_access_key_id = AKIDCONFIG\naws_secret_access_key = " + kConfigSecret.toUtf8()
                    + "\ncredential_process = " + script.toUtf8() + "\n");
        m_env.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), QStringLiteral("AKIDENV"));
        m_env.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), kEnvSecret);
        m_env.insert(QStringLiteral("AWS_SESSION_TOKEN"), kToken);

        {
            QObject owner;
            CredentialChain *chain = makeChain(&owner);
            AwsCredentials app;
            app.accessKeyId = QStringLiteral("AKIDAPP");
            app.secretAccessKey = QStringLiteral("appsecret");
            chain->setAppCredentials(app);
            const Outcome outcome = resolveOnce(chain);
            QVERIFY(outcome.succeeded);
            QCOMPARE(outcome.credentials.accessKeyId, QStringLiteral("AKIDAPP"));
        }
        Outcome outcome = resolveOnce();
        QCOMPARE(outcome.credentials.accessKeyId, QStringLiteral("AKIDENV"));
        QCOMPARE(outcome.credentials.secretAccessKey, kEnvSecret);
        QCOMPARE(outcome.credentials.sessionToken, kToken);
        QCOMPARE(outcome.credentials.source, QStringLiteral("environment variables"));

        m_env.remove(QStringLiteral("AWS_SECRET_ACCESS_KEY")); // half a pair is no pair
        outcome = resolveOnce();
        QCOMPARE(outcome.credentials.accessKeyId, QStringLiteral("AKIDCREDFILE"));
        QCOMPARE(outcome.credentials.secretAccessKey, kFileSecret);
        QVERIFY(outcome.credentials.sessionToken.isEmpty());
        QCOMPARE(outcome.credentials.source, QStringLiteral("profile default in ") + awsFile(QStringLiteral("credentials")));

        writeCredentials("[default]\nregion = us-east-1\n");
        outcome = resolveOnce();
        QCOMPARE(outcome.credentials.accessKeyId, QStringLiteral("AKIDCONFIG"));
        QCOMPARE(outcome.credentials.source, QStringLiteral("profile default in ") + awsFile(QStringLiteral("config")));

        writeConfig("[default]\ncredential_process = " + script.toUtf8() + "\n");
        outcome = resolveOnce();
        QCOMPARE(outcome.credentials.accessKeyId, QStringLiteral("AKIDPROCESS"));
        QCOMPARE(outcome.credentials.secretAccessKey, kProcessSecret);
        QCOMPARE(outcome.credentials.source, QStringLiteral("credential_process of profile default"));
        QCOMPARE(runCount(script), 1);
    }

    void keysComeFromCredentialsFileFirst()
    {
        writeCredentials("[dev]\naws_access_key_id = AKIDCREDFILE\n");
        writeConfig("[profile dev]\naws_access_key_id = AKIDCONFIG\naws_secret_access_key = " + kConfigSecret.toUtf8() + "\n");
        const Outcome outcome = resolveOnce(QStringLiteral("dev"));
        QVERIFY2(outcome.succeeded, qPrintable(outcome.error));
        QCOMPARE(outcome.credentials.accessKeyId, QStringLiteral("AKIDCREDFILE"));
        QCOMPARE(outcome.credentials.secretAccessKey, kConfigSecret);
    }

    void profileSelection()
    {
        writeCredentials("[default]\naws_access_key_id = AKIDDEFAULT\naws_secret_access_key = x\n"
                         "[dev]\naws_access_key_id = AKIDDEV\naws_secret_access_key = y\n"
                         "[prod]\naws_access_key_id = AKIDPROD\naws_secret_access_key = z\n");
        QCOMPARE(resolveOnce().credentials.accessKeyId, QStringLiteral("AKIDDEFAULT"));
        m_env.insert(QStringLiteral("AWS_PROFILE"), QStringLiteral("dev"));
        QCOMPARE(resolveOnce().credentials.accessKeyId, QStringLiteral("AKIDDEV"));
        QCOMPARE(resolveOnce(QStringLiteral("prod")).credentials.accessKeyId, QStringLiteral("AKIDPROD"));
    }

    void chosenProfileSkipsEnvironmentCredentials()
    {
        // As the JS SDK's defaultProvider: AWS_PROFILE (or an explicit profile) beats the env keys.
        writeCredentials("[dev]\naws_access_key_id = AKIDDEV\naws_secret_access_key = y\n");
        m_env.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), QStringLiteral("AKIDENV"));
        m_env.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), kEnvSecret);
        QCOMPARE(resolveOnce(QStringLiteral("dev")).credentials.accessKeyId, QStringLiteral("AKIDDEV"));
        m_env.insert(QStringLiteral("AWS_PROFILE"), QStringLiteral("dev"));
        QCOMPARE(resolveOnce().credentials.accessKeyId, QStringLiteral("AKIDDEV"));
    }

    void honoursFileLocationVariables()
    {
        const QString config = m_home->filePath(QStringLiteral("elsewhere/cfg"));
        const QString credentials = m_home->filePath(QStringLiteral("elsewhere/creds"));
        writeFile(credentials, "[default]\naws_access_key_id = AKIDELSEWHERE\naws_secret_access_key = x\n");
        writeFile(config, "[default]\nregion = us-east-1\n");
        writeCredentials("[default]\naws_access_key_id = AKIDHOME\naws_secret_access_key = x\n");
        m_env.insert(QStringLiteral("AWS_SHARED_CREDENTIALS_FILE"), credentials);
        m_env.insert(QStringLiteral("AWS_CONFIG_FILE"), config);
        QCOMPARE(resolveOnce().credentials.accessKeyId, QStringLiteral("AKIDELSEWHERE"));
        // "~/" is expanded.
        m_env.insert(QStringLiteral("AWS_SHARED_CREDENTIALS_FILE"), QStringLiteral("~/.aws/credentials"));
        QCOMPARE(resolveOnce().credentials.accessKeyId, QStringLiteral("AKIDHOME"));
    }

    void missingCredentialsListsEveryPlace()
    {
        m_env.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), kEnvSecret);
        writeConfig("[profile dev]\nregion = us-east-1\n");
        writeCredentials("[other]\naws_secret_access_key = " + kFileSecret.toUtf8() + "\n");
        m_env.insert(QStringLiteral("AWS_PROFILE"), QStringLiteral("dev"));
        Outcome outcome = resolveOnce();
        QVERIFY(!outcome.succeeded);
        const QString &message = outcome.error;
        QVERIFY2(message.contains(QLatin1String("profile dev")), qPrintable(message));
        QVERIFY(message.contains(QLatin1String("AWS_ACCESS_KEY_ID")));
        QVERIFY(message.contains(awsFile(QStringLiteral("credentials")) + QStringLiteral(", [dev] (no such section)")));
        QVERIFY(message.contains(awsFile(QStringLiteral("config")) + QStringLiteral(", [profile dev] (no aws_access_key_id")));
        QVERIFY(message.contains(QLatin1String("credential_process of profile dev (not set)")));
        verifyNoSecret(message);

        m_env.remove(QStringLiteral("AWS_PROFILE"));
        QFile::remove(awsFile(QStringLiteral("config")));
        outcome = resolveOnce();
        QVERIFY(outcome.error.contains(QLatin1String("only AWS_SECRET_ACCESS_KEY is set")));
        QVERIFY(outcome.error.contains(awsFile(QStringLiteral("config")) + QStringLiteral(" (file not found)")));
        verifyNoSecret(outcome.error);
    }

    void hintsAtBareProfileSectionInConfig()
    {
        writeConfig("[dev]\naws_access_key_id = AKID\naws_secret_access_key = " + kConfigSecret.toUtf8() + "\n");
        const Outcome outcome = resolveOnce(QStringLiteral("dev"));
        QVERIFY(!outcome.succeeded);
        QVERIFY2(outcome.error.contains(QLatin1String("[profile dev]")), qPrintable(outcome.error));
        verifyNoSecret(outcome.error);
    }

    void malformedFileStopsWithFileAndLine()
    {
        writeConfig("[default]\nregion = us-east-1\n" + kConfigSecret.toUtf8() + "\n");
        writeCredentials("[default]\naws_access_key_id = A\naws_secret_access_key = " + kFileSecret.toUtf8() + "\n");
        Outcome outcome = resolveOnce();
        QVERIFY(!outcome.succeeded);
        QVERIFY2(outcome.error.contains(awsFile(QStringLiteral("config")) + QStringLiteral(":3:")), qPrintable(outcome.error));
        verifyNoSecret(outcome.error);
    }

    void unsupportedProfileKinds_data()
    {
        QTest::addColumn<QByteArray>("config");
        QTest::addColumn<QString>("expected"); // empty: resolves with static keys
        QTest::newRow("web identity") << QByteArray("[profile p]\nrole_arn = arn:aws:iam::1:role/r\nweb_identity_token_file = /t\n")
                                      << QStringLiteral("web identity");
        QTest::newRow("aws login") << QByteArray("[profile p]\nlogin_session = arn:aws:iam::1:user/u\n")
                                   << QStringLiteral("aws login");
        QTest::newRow("static keys beat sso") << QByteArray("[profile p]\nsso_session = s\naws_access_key_id = A\n"
                                                            "aws_secret_access_key = S\n")
                                              << QString();
    }

    void unsupportedProfileKinds()
    {
        QFETCH(QByteArray, config);
        QFETCH(QString, expected);
        writeConfig(config);
        const Outcome outcome = resolveOnce(QStringLiteral("p"));
        if (expected.isEmpty()) {
            QVERIFY2(outcome.succeeded, qPrintable(outcome.error));
            QCOMPARE(outcome.credentials.accessKeyId, QStringLiteral("A"));
            return;
        }
        QVERIFY(!outcome.succeeded);
        QVERIFY2(outcome.error.contains(expected), qPrintable(outcome.error));
        QVERIFY(outcome.error.contains(QLatin1String("not support that kind of profile yet")));
        QVERIFY(outcome.error.contains(QLatin1String("Profile p")));
    }

    // Role profiles are tst_assumerole's; here only that role_arn comes before static keys (fromIni's
    // order): the role's source is looked at, not the profile's own keys.
    void roleBeatsStaticKeys()
    {
        writeConfig("[profile p]\nrole_arn = arn:aws:iam::123456789012:role/r\ncredential_source = Environment\n"
                    "aws_access_key_id = A\naws_secret_access_key = " + kConfigSecret.toUtf8() + "\n");
        const Outcome outcome = resolveOnce(QStringLiteral("p"));
        QVERIFY(!outcome.succeeded);
        QVERIFY2(outcome.error.contains(QLatin1String("credential_source = Environment, but AWS_ACCESS_KEY_ID")),
                 qPrintable(outcome.error));
        verifyNoSecret(outcome.error);
    }

    void processFailureIsReportedWithoutSecrets()
    {
        const QString script = m_home->filePath(QStringLiteral("broken.sh"));
        writeFile(script, "#!/bin/sh\necho '{\"Version\":1,\"AccessKeyId\":\"A\",\"SecretAccessKey\":\"" + kProcessSecret.toUtf8()
                      + "\"'\n", true);
        writeConfig("[default]\ncredential_process = " + script.toUtf8() + "\n");
        const Outcome outcome = resolveOnce();
        QVERIFY(!outcome.succeeded);
        QVERIFY2(outcome.error.contains(QLatin1String("not a JSON object")), qPrintable(outcome.error));
        verifyNoSecret(outcome.error);
    }

    void processTimeoutThroughChain()
    {
        const QString script = m_home->filePath(QStringLiteral("slow.sh"));
        writeFile(script, "#!/bin/sh\nexec sleep 30\n", true);
        writeConfig("[default]\ncredential_process = " + script.toUtf8() + "\n");
        QObject owner;
        CredentialChain *chain = makeChain(&owner);
        chain->setProcessTimeout(std::chrono::milliseconds(200));
        const Outcome outcome = resolveOnce(chain);
        QVERIFY(outcome.error.contains(QLatin1String("did not finish within")));
    }

    void expiringProcessCredentialsAreRefreshed()
    {
        // Expires one minute after "now": inside the five-minute margin, so the next resolve runs it again.
        const QString script = useProcessScriptInDefaultProfile(QStringLiteral("short.sh"), "2030-01-01T00:01:00Z");
        QObject owner;
        CredentialChain *chain = makeChain(&owner);
        Outcome outcome = resolveOnce(chain);
        QVERIFY2(outcome.succeeded, qPrintable(outcome.error));
        QCOMPARE(outcome.credentials.expiration, outcrop::aws::utcDateTime(QDate(2030, 1, 1), QTime(0, 1)));
        QCOMPARE(runCount(script), 1);
        QVERIFY(resolveOnce(chain).succeeded);
        QCOMPARE(runCount(script), 2);
    }

    void longLivedProcessCredentialsAreCachedUntilTheMargin()
    {
        const QString script = useProcessScriptInDefaultProfile(QStringLiteral("long.sh"), "2030-01-01T01:00:00Z");
        QObject owner;
        CredentialChain *chain = makeChain(&owner);
        QVERIFY(!chain->cachedCredentials().has_value());   // nothing resolved yet
        QVERIFY(resolveOnce(chain).succeeded);
        QVERIFY(resolveOnce(chain).succeeded);
        QCOMPARE(runCount(script), 1);
        m_now = outcrop::aws::utcDateTime(QDate(2030, 1, 1), QTime(0, 54, 59)); // 5 min 1 s left
        // What resolve() would answer from its cache is ready at once (AwsCall::startNow uses it).
        QVERIFY(chain->cachedCredentials().has_value());
        QCOMPARE(chain->cachedCredentials()->expiration, outcrop::aws::utcDateTime(QDate(2030, 1, 1), QTime(1, 0)));
        QVERIFY(resolveOnce(chain).succeeded);
        QCOMPARE(runCount(script), 1);
        m_now = outcrop::aws::utcDateTime(QDate(2030, 1, 1), QTime(0, 55, 1)); // 4 min 59 s left
        QVERIFY(!chain->cachedCredentials().has_value());   // due for a refresh: not ready
        QVERIFY(resolveOnce(chain).succeeded);
        QCOMPARE(runCount(script), 2);
        chain->invalidate();
        QVERIFY(resolveOnce(chain).succeeded);
        QCOMPARE(runCount(script), 3);
    }

    void concurrentResolvesShareOneProcessRun()
    {
        const QString script = useProcessScriptInDefaultProfile(QStringLiteral("shared.sh"), "2030-01-01T01:00:00Z");
        QObject owner;
        CredentialChain *chain = makeChain(&owner);
        QSignalSpy resolved(chain, &CredentialChain::resolved);
        chain->resolve();
        chain->resolve();
        QTRY_COMPARE(resolved.count(), 1);
        QCOMPARE(runCount(script), 1);
    }

    void bearerToken()
    {
        QProcessEnvironment env;
        QVERIFY(!bedrockBearerToken(AwsEnvironment(env)).has_value());
        env.insert(QStringLiteral("AWS_BEARER_TOKEN_BEDROCK"), QString());
        QVERIFY(!bedrockBearerToken(AwsEnvironment(env)).has_value());
        env.insert(QStringLiteral("AWS_BEARER_TOKEN_BEDROCK"), QStringLiteral("bedrock-api-key-abc"));
        QCOMPARE(bedrockBearerToken(AwsEnvironment(env)).value_or(QString()), QStringLiteral("bedrock-api-key-abc"));
    }
};

QTEST_GUILESS_MAIN(TestCredentialChain)
#include "tst_credentialchain.moc"
