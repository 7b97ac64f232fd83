// SPDX-License-Identifier: Apache-2.0
// Role profiles end to end: the CredentialChain reads ~/.aws files with role_arn, assumes the
// roles through the in-process simulator's STS (AWS_ENDPOINT_URL_STS), and the credentials sign
// Bedrock calls. External ids, MFA codes, credential_source = Environment, chains of roles,
// cycles, caching, refresh before expiry and after ExpiredToken; no secret in any message.
#include "simulator.h"

#include "aws/awsclient.h"
#include "aws/awsenvironment.h"
#include "aws/chainauthprovider.h"
#include "aws/credentialchain.h"
#include "aws/stsclient.h"

#include "awstesthelpers.h"
#include "../support/simawsclients.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace outcrop::aws;
using namespace outcrop::sim;
using outcrop::testing::writeFile;

namespace {

const QString kSourceKey = QStringLiteral("AKIDSOURCE");
const QString kSourceSecret = QStringLiteral("SourceSecretDoNotLeak1234567890abcdefghij");
const QString kEnvKey = QStringLiteral("AKIDENVIRONMENT");
const QString kEnvSecret = QStringLiteral("EnvironmentSecretDoNotLeak1234567890abcde");
const QString kPlainRole = QStringLiteral("arn:aws:iam::123456789012:role/plain");
const QString kPartnerRole = QStringLiteral("arn:aws:iam::123456789012:role/partner");
const QString kAdminRole = QStringLiteral("arn:aws:iam::123456789012:role/admin");
const QString kChainedRole = QStringLiteral("arn:aws:iam::210987654321:role/chained");
const QString kExternalId = QStringLiteral("partner-ext-42");
const QString kMfaSerial = QStringLiteral("arn:aws:iam::123456789012:mfa/alice");
const QString kMfaCode = QStringLiteral("314159");

struct Outcome
{
    bool succeeded = false;
    AwsCredentials credentials;
    QString error;
};

} // namespace

class TestAssumeRole : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<Simulator> m_simulator;
    std::unique_ptr<QNetworkAccessManager> m_network;
    QProcessEnvironment m_env;
    QDateTime m_chainNow;   // the credential chain's clock (when to refresh)
    QStringList m_secrets;  // every secret seen: never in a message
    QStringList m_messages;

    void writeConfig(const QByteArray &text)
    {
        QVERIFY(writeFile(m_home->filePath(QStringLiteral(".aws/config")), "[default]\nregion = us-east-1\n" + text));
    }

    std::unique_ptr<CredentialChain> makeChain(const QString &profile)
    {
        auto chain = std::make_unique<CredentialChain>(AwsEnvironment(m_env));
        chain->setProfile(profile);
        chain->setClock([this] { return m_chainNow; });
        StsSettings settings;
        settings.network = m_network.get();
        Simulator *simulator = m_simulator.get();
        settings.clock = [simulator] { return simulator->clock().now(); };
        chain->setStsSettings(settings);
        return chain;
    }

    Outcome resolve(CredentialChain *chain)
    {
        QSignalSpy resolved(chain, &CredentialChain::resolved);
        QSignalSpy failed(chain, &CredentialChain::failed);
        chain->resolve();
        Outcome outcome;
        if (!resolved.isEmpty() || !failed.isEmpty()) {
            outcome.error = QStringLiteral("a signal inside resolve()");
            return outcome;
        }
        if (!QTest::qWaitFor([&] { return resolved.count() + failed.count() > 0; }, 20000)) {
            outcome.error = QStringLiteral("no signal");
            return outcome;
        }
        if (resolved.count() == 1) {
            outcome.succeeded = true;
            outcome.credentials = resolved.first().first().value<AwsCredentials>();
            m_secrets << outcome.credentials.secretAccessKey << outcome.credentials.sessionToken;
        } else {
            outcome.error = failed.first().first().toString();
            m_messages << outcome.error;
        }
        return outcome;
    }

    Outcome resolveProfile(const QString &profile)
    {
        const std::unique_ptr<CredentialChain> chain = makeChain(profile);
        return resolve(chain.get());
    }

    // A Bedrock client on the simulator, authenticated through the chain.
    struct Bedrock
    {
        std::unique_ptr<ChainAuthProvider> auth;
        std::unique_ptr<AwsClient> client;
    };
    Bedrock bedrockThrough(CredentialChain *chain)
    {
        Bedrock bedrock;
        bedrock.auth = std::make_unique<ChainAuthProvider>(chain, QByteArray());
        bedrock.client = std::make_unique<AwsClient>(m_network.get(), bedrock.auth.get(),
                                                     outcrop::testing::simClientConfig(m_simulator.get()));
        return bedrock;
    }

    AwsError listDeployments(AwsClient *client)
    {
        const AwsError error = outcrop::testing::listDeployments(client);
        m_messages << error.userMessage();
        return error;
    }

    CallerIdentity callerIdentity(const AwsCredentials &credentials)
    {
        const auto [identity, error]
            = outcrop::testing::callerIdentityOf(m_network.get(), m_simulator.get(), credentials);
        m_messages << error.userMessage();
        return identity;
    }

private slots:
    void init()
    {
        qRegisterMetaType<AwsCredentials>();
        m_home = std::make_unique<QTemporaryDir>();
        SimConfig config;
        config.count = 5;
        config.credentials.append({kSourceKey, kSourceSecret, {}, {}, {}});
        config.credentials.append({kEnvKey, kEnvSecret, {}, {}, {}});
        SimRole plain;
        plain.arn = kPlainRole;
        SimRole partner;
        partner.arn = kPartnerRole;
        partner.externalId = kExternalId;
        SimRole admin;
        admin.arn = kAdminRole;
        admin.mfaSerial = kMfaSerial;
        admin.mfaCode = kMfaCode;
        SimRole chained;
        chained.arn = kChainedRole;
        chained.trustedPrincipals = {kPlainRole};   // only sessions of the plain role
        config.roles = {plain, partner, admin, chained};
        m_simulator = std::make_unique<Simulator>(config);
        QVERIFY2(m_simulator->start(), qPrintable(m_simulator->errorString()));
        m_network = std::make_unique<QNetworkAccessManager>();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        m_chainNow = now.addMSecs(-now.time().msec());
        m_simulator->clock().setFixedTime(m_chainNow);

        m_env = QProcessEnvironment();
        m_env.insert(QStringLiteral("HOME"), m_home->path());
        m_env.insert(QStringLiteral("AWS_ENDPOINT_URL_STS"), m_simulator->serverUrl().toString());
        QVERIFY(writeFile(m_home->filePath(QStringLiteral(".aws/credentials")),
                          "[base]\naws_access_key_id = " + kSourceKey.toUtf8() + "\naws_secret_access_key = "
                              + kSourceSecret.toUtf8() + "\n"));
        m_secrets = QStringList{kSourceSecret, kEnvSecret};
        m_messages.clear();
    }

    void cleanup()
    {
        for (const QString &message : std::as_const(m_messages)) {
            for (const QString &secret : std::as_const(m_secrets)) {
                QVERIFY2(secret.isEmpty() || !message.contains(secret), qPrintable(message));
            }
            QVERIFY2(!message.contains(kMfaCode), qPrintable(message));
        }
        m_network.reset();
        m_simulator.reset();
        m_home.reset();
    }

    void assumesARoleAndCachesIt()
    {
        writeConfig("[profile dev]\nrole_arn = " + kPlainRole.toUtf8()
                    + "\nsource_profile = base\nrole_session_name = dev-session\n");
        const std::unique_ptr<CredentialChain> chain = makeChain(QStringLiteral("dev"));
        const Outcome first = resolve(chain.get());
        QVERIFY2(first.succeeded, qPrintable(first.error));
        QVERIFY(first.credentials.accessKeyId.startsWith(QLatin1String("ASIA")));
        QVERIFY(!first.credentials.sessionToken.isEmpty());
        QCOMPARE(m_chainNow.secsTo(first.credentials.expiration), 3600);   // STS's default
        QVERIFY2(first.credentials.source.contains(kPlainRole), qPrintable(first.credentials.source));
        QCOMPARE(callerIdentity(first.credentials).arn,
                 QStringLiteral("arn:aws:sts::123456789012:assumed-role/plain/dev-session"));
        const Outcome second = resolve(chain.get());
        QCOMPARE(second.credentials.accessKeyId, first.credentials.accessKeyId);
        QCOMPARE(m_simulator->sts().issuedCount(), 1);

        // The session credentials sign Bedrock calls.
        Bedrock bedrock = bedrockThrough(chain.get());
        const AwsError listed = listDeployments(bedrock.client.get());
        QVERIFY2(!listed.isError(), qPrintable(listed.userMessage()));
        QCOMPARE(m_simulator->sts().issuedCount(), 1);
    }

    void externalId()
    {
        writeConfig("[profile right]\nrole_arn = " + kPartnerRole.toUtf8() + "\nsource_profile = base\nexternal_id = "
                    + kExternalId.toUtf8() + "\n[profile wrong]\nrole_arn = " + kPartnerRole.toUtf8()
                    + "\nsource_profile = base\nexternal_id = guessed-id\n[profile none]\nrole_arn = "
                    + kPartnerRole.toUtf8() + "\nsource_profile = base\n");
        const Outcome right = resolveProfile(QStringLiteral("right"));
        QVERIFY2(right.succeeded, qPrintable(right.error));
        for (const QString &profile : {QStringLiteral("wrong"), QStringLiteral("none")}) {
            const Outcome refused = resolveProfile(profile);
            QVERIFY(!refused.succeeded);
            QVERIFY2(refused.error.startsWith(QStringLiteral("Cannot assume the role %1 of profile %2").arg(kPartnerRole, profile)),
                     qPrintable(refused.error));
            QVERIFY2(refused.error.contains(QLatin1String("sts:AssumeRole")), qPrintable(refused.error));
        }
    }

    void mfaCodeFromTheProvider()
    {
        writeConfig("[profile admin]\nrole_arn = " + kAdminRole.toUtf8() + "\nsource_profile = base\nmfa_serial = "
                    + kMfaSerial.toUtf8() + "\n");
        std::unique_ptr<CredentialChain> chain = makeChain(QStringLiteral("admin"));
        QList<MfaCodeRequest> asked;
        chain->setMfaCodeProvider([&asked](const MfaCodeRequest &request, const MfaCodeCallback &answer) {
            asked.append(request);
            answer(kMfaCode, {});
        });
        const Outcome right = resolve(chain.get());
        QVERIFY2(right.succeeded, qPrintable(right.error));
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.first().profile, QStringLiteral("admin"));
        QCOMPARE(asked.first().mfaSerial, kMfaSerial);
        QCOMPARE(asked.first().roleArn, kAdminRole);
        // Cached: no second question.
        QVERIFY(resolve(chain.get()).succeeded);
        QCOMPARE(asked.size(), 1);

        chain = makeChain(QStringLiteral("admin"));
        chain->setMfaCodeProvider([](const MfaCodeRequest &, const MfaCodeCallback &answer) { answer(QStringLiteral("000000"), {}); });
        const Outcome wrong = resolve(chain.get());
        QVERIFY(!wrong.succeeded);
        QVERIFY2(wrong.error.contains(QLatin1String("MultiFactorAuthentication failed")), qPrintable(wrong.error));

        // The headless export's answer when --mfa-code is missing is passed on as it is.
        chain = makeChain(QStringLiteral("admin"));
        chain->setMfaCodeProvider([](const MfaCodeRequest &request, const MfaCodeCallback &answer) {
            answer({}, QStringLiteral("profile %1 needs an MFA code: pass --mfa-code").arg(request.profile));
        });
        QCOMPARE(resolve(chain.get()).error, QStringLiteral("profile admin needs an MFA code: pass --mfa-code"));

        // Nobody to ask.
        const Outcome unanswered = resolveProfile(QStringLiteral("admin"));
        QVERIFY2(unanswered.error.contains(QLatin1String("Profile admin needs an MFA code (mfa_serial ") + kMfaSerial),
                 qPrintable(unanswered.error));
        QCOMPARE(m_simulator->sts().issuedCount(), 1);
    }

    void credentialSourceEnvironment()
    {
        writeConfig("[profile env]\nrole_arn = " + kPlainRole.toUtf8() + "\ncredential_source = Environment\n");
        const Outcome unset = resolveProfile(QStringLiteral("env"));
        QVERIFY(unset.error.contains(QLatin1String("credential_source = Environment, but AWS_ACCESS_KEY_ID")));
        m_env.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), kEnvKey);
        m_env.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), kEnvSecret);
        const Outcome outcome = resolveProfile(QStringLiteral("env"));
        QVERIFY2(outcome.succeeded, qPrintable(outcome.error));
        QVERIFY(outcome.credentials.accessKeyId.startsWith(QLatin1String("ASIA")));

        writeConfig("[profile imds]\nrole_arn = " + kPlainRole.toUtf8() + "\ncredential_source = Ec2InstanceMetadata\n"
                    + "[profile typo]\nrole_arn = " + kPlainRole.toUtf8() + "\ncredential_source = Enviroment\n");
        QVERIFY(resolveProfile(QStringLiteral("imds")).error.contains(QLatin1String("supports only Environment")));
        QVERIFY(resolveProfile(QStringLiteral("typo")).error.contains(QString::fromUtf8("“Enviroment”, which is not one of")));
    }

    void chainOfTwoRoles()
    {
        writeConfig("[profile first]\nrole_arn = " + kPlainRole.toUtf8() + "\nsource_profile = base\n"
                    + "[profile second]\nrole_arn = " + kChainedRole.toUtf8()
                    + "\nsource_profile = first\nrole_session_name = hop\n");
        const Outcome outcome = resolveProfile(QStringLiteral("second"));
        QVERIFY2(outcome.succeeded, qPrintable(outcome.error));
        QCOMPARE(m_simulator->sts().issuedCount(), 2);
        const CallerIdentity identity = callerIdentity(outcome.credentials);
        QCOMPARE(identity.account, QStringLiteral("210987654321"));
        QCOMPARE(identity.arn, QStringLiteral("arn:aws:sts::210987654321:assumed-role/chained/hop"));
        // The base keys cannot assume the chained role directly.
        writeConfig("[profile direct]\nrole_arn = " + kChainedRole.toUtf8() + "\nsource_profile = base\n");
        QVERIFY(resolveProfile(QStringLiteral("direct")).error.contains(QLatin1String("not authorized")));
    }

    void profileProblemsAreNamed()
    {
        writeConfig("[profile a]\nrole_arn = " + kPlainRole.toUtf8() + "\nsource_profile = b\n"
                    + "[profile b]\nrole_arn = " + kPlainRole.toUtf8() + "\nsource_profile = a\n"
                    + "[profile self]\nrole_arn = " + kPlainRole.toUtf8() + "\nsource_profile = self\n"
                    + "[profile missing]\nrole_arn = " + kPlainRole.toUtf8() + "\nsource_profile = nowhere\n"
                    + "[profile both]\nrole_arn = " + kPlainRole.toUtf8()
                    + "\nsource_profile = base\ncredential_source = Environment\n"
                    + "[profile duration]\nrole_arn = " + kPlainRole.toUtf8()
                    + "\nsource_profile = base\nduration_seconds = an hour\n"
                    + "[profile selfkeys]\nrole_arn = " + kPlainRole.toUtf8() + "\nsource_profile = selfkeys\n"
                    + "aws_access_key_id = " + kSourceKey.toUtf8() + "\naws_secret_access_key = " + kSourceSecret.toUtf8()
                    + "\n");
        const QString config = m_home->filePath(QStringLiteral(".aws/config"));
        const QString cycle = resolveProfile(QStringLiteral("a")).error;
        QVERIFY2(cycle.contains(QString::fromUtf8("form a cycle: a → b → a")), qPrintable(cycle));
        QVERIFY(resolveProfile(QStringLiteral("self")).error.contains(QString::fromUtf8("form a cycle: self → self")));
        const QString missing = resolveProfile(QStringLiteral("missing")).error;
        QVERIFY2(missing.contains(QLatin1String("source_profile = nowhere")) && missing.contains(config), qPrintable(missing));
        QVERIFY(resolveProfile(QStringLiteral("both")).error.contains(QLatin1String("both source_profile and credential_source")));
        const QString duration = resolveProfile(QStringLiteral("duration")).error;
        QVERIFY2(duration.contains(QLatin1String("duration_seconds must be")) && duration.contains(config),
                 qPrintable(duration));
        // A profile may be its own source when it has static keys.
        const Outcome selfKeys = resolveProfile(QStringLiteral("selfkeys"));
        QVERIFY2(selfKeys.succeeded, qPrintable(selfKeys.error));
        QCOMPARE(m_simulator->sts().issuedCount(), 1);
    }

    void sourceProfileFailureNamesBoth()
    {
        writeConfig("[profile dev]\nrole_arn = " + kPlainRole.toUtf8() + "\nsource_profile = empty\n[profile empty]\n"
                    + "region = us-west-2\n");
        const QString error = resolveProfile(QStringLiteral("dev")).error;
        QVERIFY2(error.startsWith(QLatin1String("Cannot get the credentials of profile empty, the source_profile of dev:")),
                 qPrintable(error));
    }

    void refreshesFiveMinutesBeforeExpiry()
    {
        writeConfig("[profile dev]\nrole_arn = " + kPlainRole.toUtf8() + "\nsource_profile = base\nduration_seconds = 900\n");
        const std::unique_ptr<CredentialChain> chain = makeChain(QStringLiteral("dev"));
        const Outcome first = resolve(chain.get());
        QVERIFY2(first.succeeded, qPrintable(first.error));
        QCOMPARE(m_chainNow.secsTo(first.credentials.expiration), 900);
        const QDateTime start = m_chainNow;
        m_chainNow = start.addSecs(500);   // 400 s left: still good
        QCOMPARE(resolve(chain.get()).credentials.accessKeyId, first.credentials.accessKeyId);
        QCOMPARE(m_simulator->sts().issuedCount(), 1);
        m_chainNow = start.addSecs(650);   // 250 s left: inside the five minutes
        m_simulator->clock().setFixedTime(m_chainNow);
        const Outcome refreshed = resolve(chain.get());
        QVERIFY2(refreshed.succeeded, qPrintable(refreshed.error));
        QVERIFY(refreshed.credentials.accessKeyId != first.credentials.accessKeyId);
        QCOMPARE(m_simulator->sts().issuedCount(), 2);
        QCOMPARE(m_chainNow.secsTo(refreshed.credentials.expiration), 900);
    }

    void expiredTokenMakesTheNextCallAssumeAgain()
    {
        writeConfig("[profile dev]\nrole_arn = " + kPlainRole.toUtf8() + "\nsource_profile = base\nduration_seconds = 900\n");
        const std::unique_ptr<CredentialChain> chain = makeChain(QStringLiteral("dev"));
        Bedrock bedrock = bedrockThrough(chain.get());
        QVERIFY(!listDeployments(bedrock.client.get()).isError());
        QCOMPARE(m_simulator->sts().issuedCount(), 1);
        // The service's clock says the session is over; the chain's clock does not know yet.
        m_simulator->clock().setFixedTime(m_chainNow.addSecs(1000));
        const AwsError expired = listDeployments(bedrock.client.get());
        QCOMPARE(expired.kind, AwsError::Kind::ExpiredToken);
        const AwsError again = listDeployments(bedrock.client.get());
        QVERIFY2(!again.isError(), qPrintable(again.userMessage()));
        QCOMPARE(m_simulator->sts().issuedCount(), 2);
    }

    void stsEndpointFromTheServicesSection()
    {
        m_env.remove(QStringLiteral("AWS_ENDPOINT_URL_STS"));
        writeConfig("[profile dev]\nrole_arn = " + kPlainRole.toUtf8() + "\nsource_profile = base\nservices = local\n"
                    + "[services local]\nsts =\n  endpoint_url = " + m_simulator->serverUrl().toString().toUtf8() + "\n");
        const Outcome outcome = resolveProfile(QStringLiteral("dev"));
        QVERIFY2(outcome.succeeded, qPrintable(outcome.error));
        QCOMPARE(m_simulator->sts().issuedCount(), 1);
    }
};

QTEST_GUILESS_MAIN(TestAssumeRole)
#include "tst_assumerole.moc"
