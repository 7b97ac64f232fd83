// SPDX-License-Identifier: Apache-2.0
// The simulator's STS (AssumeRole, GetCallerIdentity), driven by the project's StsClient over
// loopback: the XML shapes, every refusal with STS's code and status, issued credentials on the
// Bedrock routes until they expire, and the outcrop-sim role options.
#include "simcommandline.h"
#include "simulator.h"

#include "aws/authprovider.h"
#include "aws/awsclient.h"
#include "aws/stsclient.h"

#include "../support/simawsclients.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <tuple>

using namespace outcrop::sim;
using namespace outcrop::aws;

namespace {

const QString kAccount = QStringLiteral("123456789012");
const QString kPlainRole = QStringLiteral("arn:aws:iam::123456789012:role/plain");
const QString kExternalRole = QStringLiteral("arn:aws:iam::123456789012:role/partner");
const QString kMfaRole = QStringLiteral("arn:aws:iam::123456789012:role/admin");
const QString kChainedRole = QStringLiteral("arn:aws:iam::210987654321:role/chained");
const QString kPickyRole = QStringLiteral("arn:aws:iam::123456789012:role/picky");
const QString kExternalId = QStringLiteral("partner-ext-42");
const QString kMfaSerial = QStringLiteral("arn:aws:iam::123456789012:mfa/alice");
const QString kMfaCode = QStringLiteral("123456");

AwsCredentials exampleCredentials()
{
    AwsCredentials credentials;
    credentials.accessKeyId = QStringLiteral("AKIDEXAMPLE");
    credentials.secretAccessKey = QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    return credentials;
}

struct Outcome
{
    bool done = false;
    AssumedRole role;
    CallerIdentity identity;
    AwsError error;
};

} // namespace

class TestSimSts : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Simulator> m_simulator;
    std::unique_ptr<QNetworkAccessManager> m_network;
    QList<QString> m_secrets;   // every issued secret and token: never in an error
    QList<AwsError> m_errors;

    // A client signing with `credentials` by the simulator's clock (which tests move).
    struct Clients
    {
        std::unique_ptr<StaticAuthProvider> auth;
        std::unique_ptr<StsClient> sts;
        std::unique_ptr<AwsClient> bedrock;
    };
    Clients clientsFor(const AwsCredentials &credentials)
    {
        Clients clients;
        clients.auth = std::make_unique<StaticAuthProvider>(AwsAuth{credentials, {}});
        const AwsClientConfig config = outcrop::testing::simClientConfig(m_simulator.get());
        clients.sts = std::make_unique<StsClient>(m_network.get(), clients.auth.get(), config);
        clients.bedrock = std::make_unique<AwsClient>(m_network.get(), clients.auth.get(), config);
        return clients;
    }

    Outcome assume(const AssumeRoleRequest &request, const AwsCredentials &credentials = exampleCredentials())
    {
        Clients clients = clientsFor(credentials);
        Outcome outcome;
        clients.sts->assumeRole(request, this, [&outcome](const AssumedRole &role, const AwsError &error) {
            outcome.done = true;
            outcome.role = role;
            outcome.error = error;
        });
        if (!QTest::qWaitFor([&outcome] { return outcome.done; }, 15000)) {
            qWarning("AssumeRole did not finish");
        }
        record(outcome);
        return outcome;
    }

    Outcome callerIdentity(const AwsCredentials &credentials)
    {
        Outcome outcome;
        std::tie(outcome.identity, outcome.error)
            = outcrop::testing::callerIdentityOf(m_network.get(), m_simulator.get(), credentials);
        outcome.done = true;
        record(outcome);
        return outcome;
    }

    // A raw call: the body and error of any action.
    AwsCall *rawCall(AwsClient *client, const QByteArray &body, const QString &operation)
    {
        AwsHttpRequest request;
        request.method = "POST";
        request.body = body;
        request.contentType = "application/x-www-form-urlencoded";
        request.operation = operation;
        AwsCall *call = client->send(request);
        outcrop::testing::waitFor(call);
        return call;
    }

    AwsError listDeployments(const AwsCredentials &credentials)
    {
        Clients clients = clientsFor(credentials);
        m_errors.append(outcrop::testing::listDeployments(clients.bedrock.get()));
        return m_errors.constLast();
    }

    void record(const Outcome &outcome)
    {
        m_errors.append(outcome.error);
        if (outcome.role.credentials.isValid()) {
            m_secrets << outcome.role.credentials.secretAccessKey << outcome.role.credentials.sessionToken;
        }
    }

    static AssumeRoleRequest request(const QString &roleArn)
    {
        AssumeRoleRequest request;
        request.roleArn = roleArn;
        request.roleSessionName = QStringLiteral("test-session");
        return request;
    }

private slots:
    void init()
    {
        SimConfig config;
        config.count = 5;
        SimRole plain;
        plain.arn = kPlainRole;
        plain.maxSessionDurationSeconds = 7200;
        SimRole external;
        external.arn = kExternalRole;
        external.externalId = kExternalId;
        SimRole mfa;
        mfa.arn = kMfaRole;
        mfa.mfaSerial = kMfaSerial;
        mfa.mfaCode = kMfaCode;
        SimRole chained;
        chained.arn = kChainedRole;
        chained.trustedPrincipals = {kPlainRole};
        chained.maxSessionDurationSeconds = 43200;
        SimRole picky;
        picky.arn = kPickyRole;
        picky.trustedPrincipals = {QStringLiteral("AKIDSOMEONEELSE")};
        config.roles = {plain, external, mfa, chained, picky};
        m_simulator = std::make_unique<Simulator>(config);
        QVERIFY2(m_simulator->start(), qPrintable(m_simulator->errorString()));
        m_network = std::make_unique<QNetworkAccessManager>();
    }

    void cleanup()
    {
        for (const AwsError &error : std::as_const(m_errors)) {
            for (const QString &secret : std::as_const(m_secrets)) {
                QVERIFY(!error.userMessage().contains(secret));
            }
            QVERIFY(!error.userMessage().contains(exampleCredentials().secretAccessKey));
        }
        m_errors.clear();
        m_secrets.clear();
        m_network.reset();
        m_simulator.reset();
    }

    void callerIdentityOfAConfiguredKey()
    {
        const Outcome outcome = callerIdentity(exampleCredentials());
        QVERIFY2(!outcome.error.isError(), qPrintable(outcome.error.userMessage()));
        QCOMPARE(outcome.identity.account, kAccount);
        QCOMPARE(outcome.identity.arn, QStringLiteral("arn:aws:iam::123456789012:user/AKIDEXAMPLE"));
        QVERIFY(outcome.identity.userId.startsWith(QLatin1String("AIDA")));
    }

    void repliesUseTheStsNamespaceAndRequestId()
    {
        Clients clients = clientsFor(exampleCredentials());
        AwsCall *call = rawCall(clients.sts->awsClient(), "Action=GetCallerIdentity&Version=2011-06-15",
                                QStringLiteral("GetCallerIdentity"));
        QVERIFY(call->succeeded());
        const QByteArray body = call->body();
        QVERIFY2(body.contains("<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"),
                 body.constData());
        QVERIFY(body.contains("<ResponseMetadata>"));
        QVERIFY(body.contains(QByteArray("<RequestId>" + call->requestId().toLatin1() + "</RequestId>")));
    }

    void assumedCredentialsWorkOnBedrockUntilTheyExpire()
    {
        const QDateTime now = m_simulator->clock().now();
        const QDateTime start = now.addMSecs(-now.time().msec());   // STS expirations are whole seconds
        m_simulator->clock().setFixedTime(start);
        AssumeRoleRequest plain = request(kPlainRole);
        plain.durationSeconds = 900;
        const Outcome assumed = assume(plain);
        QVERIFY2(!assumed.error.isError(), qPrintable(assumed.error.userMessage()));
        const AwsCredentials &credentials = assumed.role.credentials;
        QVERIFY(credentials.accessKeyId.startsWith(QLatin1String("ASIA")));
        QVERIFY(!credentials.sessionToken.isEmpty());
        QCOMPARE(start.secsTo(credentials.expiration), 900);
        QCOMPARE(assumed.role.arn, QStringLiteral("arn:aws:sts::123456789012:assumed-role/plain/test-session"));
        QVERIFY(assumed.role.assumedRoleId.endsWith(QLatin1String(":test-session")));
        QCOMPARE(m_simulator->sts().issuedCount(), 1);

        const Outcome identity = callerIdentity(credentials);
        QVERIFY(!identity.error.isError());
        QCOMPARE(identity.identity.arn, assumed.role.arn);
        QCOMPARE(identity.identity.userId, assumed.role.assumedRoleId);
        QVERIFY(!listDeployments(credentials).isError());

        // The session token is part of the credentials: without it the key is unknown.
        AwsCredentials withoutToken = credentials;
        withoutToken.sessionToken.clear();
        QCOMPARE(listDeployments(withoutToken).kind, AwsError::Kind::UnrecognizedClient);

        m_simulator->clock().setFixedTime(start.addSecs(901));
        const AwsError expired = listDeployments(credentials);
        QCOMPARE(expired.kind, AwsError::Kind::ExpiredToken);
        QCOMPARE(expired.code, QStringLiteral("ExpiredTokenException"));
        const Outcome expiredIdentity = callerIdentity(credentials);
        QCOMPARE(expiredIdentity.error.code, QStringLiteral("ExpiredToken"));
        QCOMPARE(expiredIdentity.error.kind, AwsError::Kind::ExpiredToken);
        QCOMPARE(expiredIdentity.error.httpStatus, 403);
        QCOMPARE(expiredIdentity.error.message, QStringLiteral("The security token included in the request is expired"));
    }

    void externalIdIsRequiredAndChecked()
    {
        const Outcome missing = assume(request(kExternalRole));
        QCOMPARE(missing.error.code, QStringLiteral("AccessDenied"));
        QCOMPARE(missing.error.kind, AwsError::Kind::AccessDenied);
        QCOMPARE(missing.error.httpStatus, 403);
        QCOMPARE(missing.error.message,
                 QStringLiteral("User: arn:aws:iam::123456789012:user/AKIDEXAMPLE is not authorized to perform: "
                                "sts:AssumeRole on resource: ") + kExternalRole);
        QVERIFY(missing.error.userMessage().contains(QLatin1String("sts:AssumeRole")));
        AssumeRoleRequest wrong = request(kExternalRole);
        wrong.externalId = QStringLiteral("not-the-id");
        QCOMPARE(assume(wrong).error.code, QStringLiteral("AccessDenied"));
        AssumeRoleRequest right = request(kExternalRole);
        right.externalId = kExternalId;
        QVERIFY(!assume(right).error.isError());
    }

    void mfaCodeIsRequiredAndChecked()
    {
        const Outcome missing = assume(request(kMfaRole));
        QCOMPARE(missing.error.code, QStringLiteral("AccessDenied"));
        QVERIFY(missing.error.message.contains(QLatin1String("is not authorized to perform: sts:AssumeRole")));
        AssumeRoleRequest wrong = request(kMfaRole);
        wrong.serialNumber = kMfaSerial;
        wrong.tokenCode = QStringLiteral("654321");
        const Outcome wrongCode = assume(wrong);
        QCOMPARE(wrongCode.error.code, QStringLiteral("AccessDenied"));
        QVERIFY(wrongCode.error.message.startsWith(QLatin1String("MultiFactorAuthentication failed with invalid MFA one "
                                                                 "time pass code.")));
        AssumeRoleRequest right = wrong;
        right.tokenCode = kMfaCode;
        QVERIFY(!assume(right).error.isError());
    }

    void trustAndRoleChaining()
    {
        QCOMPARE(assume(request(kPickyRole)).error.code, QStringLiteral("AccessDenied"));
        QCOMPARE(assume(request(QStringLiteral("arn:aws:iam::123456789012:role/nobody"))).error.code,
                 QStringLiteral("AccessDenied"));
        // Only sessions of the plain role may assume the chained one (in another account).
        QCOMPARE(assume(request(kChainedRole)).error.code, QStringLiteral("AccessDenied"));
        const Outcome first = assume(request(kPlainRole));
        QVERIFY(!first.error.isError());
        const Outcome second = assume(request(kChainedRole), first.role.credentials);
        QVERIFY2(!second.error.isError(), qPrintable(second.error.userMessage()));
        QCOMPARE(second.role.arn, QStringLiteral("arn:aws:sts::210987654321:assumed-role/chained/test-session"));
        QCOMPARE(callerIdentity(second.role.credentials).identity.account, QStringLiteral("210987654321"));
        // Role chaining caps the session at one hour, whatever the role allows.
        AssumeRoleRequest longer = request(kChainedRole);
        longer.durationSeconds = 7200;
        const Outcome capped = assume(longer, first.role.credentials);
        QCOMPARE(capped.error.code, QStringLiteral("ValidationError"));
        QVERIFY(capped.error.message.contains(QLatin1String("1 hour session limit")));
    }

    void validationErrors()
    {
        AssumeRoleRequest tooShort = request(kPlainRole);
        tooShort.durationSeconds = 100;
        const Outcome duration = assume(tooShort);
        QCOMPARE(duration.error.code, QStringLiteral("ValidationError"));
        QCOMPARE(duration.error.kind, AwsError::Kind::Validation);
        QCOMPARE(duration.error.httpStatus, 400);
        QCOMPARE(duration.error.message,
                 QStringLiteral("1 validation error detected: Value '100' at 'durationSeconds' failed to satisfy "
                                "constraint: Member must have value greater than or equal to 900"));
        AssumeRoleRequest tooLong = request(kPlainRole);
        tooLong.durationSeconds = 10800;
        QVERIFY(assume(tooLong).error.message.contains(QLatin1String("exceeds the MaxSessionDuration")));
        AssumeRoleRequest badName = request(kPlainRole);
        badName.roleSessionName = QStringLiteral("a b");
        badName.serialNumber = kMfaSerial;
        badName.tokenCode = QStringLiteral("12ab56");
        const Outcome two = assume(badName);
        QVERIFY2(two.error.message.startsWith(QLatin1String("2 validation errors detected: Value 'a b' at "
                                                           "'roleSessionName'")),
                 qPrintable(two.error.message));
        QVERIFY(!two.error.message.contains(QLatin1String("12ab56")));   // a code is not echoed
    }

    void authenticationErrorsUseStsCodes()
    {
        AwsCredentials unknown = exampleCredentials();
        unknown.accessKeyId = QStringLiteral("AKIDUNKNOWN");
        const Outcome invalid = callerIdentity(unknown);
        QCOMPARE(invalid.error.code, QStringLiteral("InvalidClientTokenId"));
        QCOMPARE(invalid.error.kind, AwsError::Kind::UnrecognizedClient);
        QCOMPARE(invalid.error.httpStatus, 403);
        AwsCredentials wrongSecret = exampleCredentials();
        wrongSecret.secretAccessKey = QStringLiteral("wrong-secret-wrong-secret-wrong-secret-00");
        m_secrets << wrongSecret.secretAccessKey;
        const Outcome mismatch = callerIdentity(wrongSecret);
        QCOMPARE(mismatch.error.code, QStringLiteral("SignatureDoesNotMatch"));
        QCOMPARE(mismatch.error.kind, AwsError::Kind::InvalidSignature);
    }

    void unknownActionsAndVersions()
    {
        Clients clients = clientsFor(exampleCredentials());
        AwsCall *call = rawCall(clients.sts->awsClient(), "Action=GetSessionToken&Version=2011-06-15",
                                QStringLiteral("GetSessionToken"));
        QCOMPARE(call->error().code, QStringLiteral("InvalidAction"));
        QCOMPARE(call->error().httpStatus, 400);
        QCOMPARE(call->error().message, QStringLiteral("Could not find operation GetSessionToken for version 2011-06-15"));
        call = rawCall(clients.sts->awsClient(), "Action=GetCallerIdentity&Version=2099-01-01",
                       QStringLiteral("GetCallerIdentity"));
        QCOMPARE(call->error().code, QStringLiteral("InvalidAction"));
    }

    void commandLineRoles()
    {
        const auto parse = [](const QStringList &options) {
            return SimCommandLine::parse(QStringList{QStringLiteral("outcrop-sim")} + options);
        };
        const SimCommandLine::Result result = parse(
            {QStringLiteral("--role"), kPlainRole, QStringLiteral("--role"), kExternalRole + QStringLiteral(":ext:with:colons"),
             QStringLiteral("--role-mfa"), kPlainRole + QLatin1Char(':') + kMfaSerial + QStringLiteral(":123456"),
             QStringLiteral("--role-max-duration"), kExternalRole + QStringLiteral(":7200")});
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QCOMPARE(result.config.roles.size(), 2);
        QCOMPARE(result.config.roles.at(0).arn, kPlainRole);
        QCOMPARE(result.config.roles.at(0).externalId, QString());
        QCOMPARE(result.config.roles.at(0).mfaSerial, kMfaSerial);
        QCOMPARE(result.config.roles.at(0).mfaCode, QStringLiteral("123456"));
        QCOMPARE(result.config.roles.at(1).externalId, QStringLiteral("ext:with:colons"));
        QCOMPARE(result.config.roles.at(1).maxSessionDurationSeconds, 7200);

        QVERIFY(parse({QStringLiteral("--role"), QStringLiteral("arn:aws:iam::1:role/x")}).error.startsWith(QLatin1String("--role:")));
        QVERIFY(parse({QStringLiteral("--role"), QStringLiteral("arn:aws:iam::123456789012:user/x")}).error.startsWith(QLatin1String("--role:")));
        QVERIFY(parse({QStringLiteral("--role-mfa"), kPlainRole + QStringLiteral(":serial-1234:123456")})
                    .error.startsWith(QLatin1String("--role-mfa:")));   // no such --role
        QVERIFY(parse({QStringLiteral("--role"), kPlainRole, QStringLiteral("--role-mfa"), kPlainRole + QStringLiteral(":serial:12")})
                    .error.startsWith(QLatin1String("--role-mfa:")));
        QVERIFY(parse({QStringLiteral("--role"), kPlainRole, QStringLiteral("--role-max-duration"), kPlainRole + QStringLiteral(":60")})
                    .error.startsWith(QLatin1String("--role-max-duration:")));
    }
};

QTEST_GUILESS_MAIN(TestSimSts)
#include "tst_simsts.moc"
