// SPDX-License-Identifier: Apache-2.0
// The STS wire format on the client side: form bodies, the XML replies of the STS API reference,
// query-protocol errors as AwsError, and where STS is reached (resolveServiceEndpoint("sts")).
#include "aws/awsconfigfile.h"
#include "aws/awsenvironment.h"
#include "aws/awserror.h"
#include "aws/awssharedconfig.h"
#include "aws/endpointresolver.h"
#include "aws/queryprotocol.h"
#include "aws/regionresolver.h"
#include "aws/stsclient.h"

#include <QTest>

using namespace outcrop::aws;

namespace {

// The example reply of the STS API reference (AssumeRole), with a secret that must not leak.
const QByteArray kAssumeRoleReply =
    "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">\n"
    "  <AssumeRoleResult>\n"
    "  <SourceIdentity>Alice</SourceIdentity>\n"
    "    <AssumedRoleUser>\n"
    "      <Arn>arn:aws:sts::123456789012:assumed-role/demo/TestAR</Arn>\n"
    "      <AssumedRoleId>ARO123EXAMPLE123:TestAR</AssumedRoleId>\n"
    "    </AssumedRoleUser>\n"
    "    <Credentials>\n"
    "      <AccessKeyId>ASIAIOSFODNN7EXAMPLE</AccessKeyId>\n"
    "      <SecretAccessKey>wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY</SecretAccessKey>\n"
    "      <SessionToken>AQoDYXdzEPT//////////wEXAMPLEtc764</SessionToken>\n"
    "      <Expiration>2019-11-09T13:34:41Z</Expiration>\n"
    "    </Credentials>\n"
    "    <PackedPolicySize>6</PackedPolicySize>\n"
    "  </AssumeRoleResult>\n"
    "  <ResponseMetadata>\n"
    "    <RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId>\n"
    "  </ResponseMetadata>\n"
    "</AssumeRoleResponse>";

} // namespace

class TestStsWire : public QObject
{
    Q_OBJECT

private slots:
    void formBodyEncodesEverythingButUnreserved()
    {
        QCOMPARE(encodeQueryForm({{QStringLiteral("Action"), QStringLiteral("AssumeRole")},
                                  {QStringLiteral("RoleArn"), QStringLiteral("arn:aws:iam::1:role/a b+c")},
                                  {QStringLiteral("ExternalId"), QStringLiteral("x=y&z~_.-")}}),
                 QByteArray("Action=AssumeRole&RoleArn=arn%3Aaws%3Aiam%3A%3A1%3Arole%2Fa%20b%2Bc&ExternalId=x%3Dy%26z~_.-"));
    }

    void readsTheDocumentedAssumeRoleReply()
    {
        AssumedRole role;
        QString error;
        QVERIFY2(StsClient::readAssumeRoleResponse(kAssumeRoleReply, &role, &error), qPrintable(error));
        QCOMPARE(role.credentials.accessKeyId, QStringLiteral("ASIAIOSFODNN7EXAMPLE"));
        QCOMPARE(role.credentials.secretAccessKey, QStringLiteral("wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY"));
        QCOMPARE(role.credentials.sessionToken, QStringLiteral("AQoDYXdzEPT//////////wEXAMPLEtc764"));
        QCOMPARE(role.credentials.expiration.toUTC().toString(Qt::ISODate), QStringLiteral("2019-11-09T13:34:41Z"));
        QCOMPARE(role.arn, QStringLiteral("arn:aws:sts::123456789012:assumed-role/demo/TestAR"));
        QCOMPARE(role.assumedRoleId, QStringLiteral("ARO123EXAMPLE123:TestAR"));
    }

    void badRepliesAreNamedWithoutSecrets()
    {
        AssumedRole role;
        QString error;
        QByteArray noToken = kAssumeRoleReply;
        noToken.replace("<SessionToken>AQoDYXdzEPT//////////wEXAMPLEtc764</SessionToken>", "");
        QVERIFY(!StsClient::readAssumeRoleResponse(noToken, &role, &error));
        QCOMPARE(error, QStringLiteral("AssumeRoleResponse has no Credentials/SessionToken"));
        QByteArray cut = kAssumeRoleReply.left(kAssumeRoleReply.indexOf("</SecretAccessKey>"));
        QVERIFY(!StsClient::readAssumeRoleResponse(cut, &role, &error));
        QVERIFY2(error.startsWith(QLatin1String("the XML is malformed at line")), qPrintable(error));
        QVERIFY(!error.contains(QLatin1String("EXAMPLEKEY")));
        QVERIFY(!StsClient::readAssumeRoleResponse("<GetCallerIdentityResponse/>", &role, &error));
        QCOMPARE(error, QStringLiteral("expected <AssumeRoleResponse>, got <GetCallerIdentityResponse>"));
    }

    void readsGetCallerIdentity()
    {
        CallerIdentity identity;
        QString error;
        QVERIFY(StsClient::readCallerIdentityResponse(
            "<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><GetCallerIdentityResult>"
            "<Arn>arn:aws:iam::123456789012:user/Alice</Arn><UserId>AIDACKCEVSQ6C2EXAMPLE</UserId>"
            "<Account>123456789012</Account></GetCallerIdentityResult></GetCallerIdentityResponse>",
            &identity, &error));
        QCOMPARE(identity.account, QStringLiteral("123456789012"));
        QCOMPARE(identity.arn, QStringLiteral("arn:aws:iam::123456789012:user/Alice"));
        QCOMPARE(identity.userId, QStringLiteral("AIDACKCEVSQ6C2EXAMPLE"));
    }

    void queryErrorsBecomeAwsErrors()
    {
        const QByteArray body = "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender</Type>"
                                "<Code>AccessDenied</Code><Message>User: x is not authorized to perform: "
                                "sts:AssumeRole</Message></Error><RequestId>req-1</RequestId></ErrorResponse>";
        const AwsError error = AwsError::fromHttpReply(403, {}, body, {}, QStringLiteral("AssumeRole"));
        QCOMPARE(error.kind, AwsError::Kind::AccessDenied);
        QCOMPARE(error.code, QStringLiteral("AccessDenied"));
        QCOMPARE(error.message, QStringLiteral("User: x is not authorized to perform: sts:AssumeRole"));
        QCOMPARE(error.requestId, QStringLiteral("req-1"));
        QVERIFY(error.userMessage().contains(QLatin1String("not allowed sts:AssumeRole")));
        QCOMPARE(AwsError::kindForCode(QStringLiteral("ValidationError")), AwsError::Kind::Validation);
        QCOMPARE(AwsError::kindForCode(QStringLiteral("ExpiredToken")), AwsError::Kind::ExpiredToken);
        QCOMPARE(AwsError::kindForCode(QStringLiteral("InvalidClientTokenId")), AwsError::Kind::UnrecognizedClient);
        QCOMPARE(iamActionFor(QStringLiteral("GetCallerIdentity")), QStringLiteral("sts:GetCallerIdentity"));
        QCOMPARE(iamActionFor(QStringLiteral("ListCustomModels")), QStringLiteral("bedrock:ListCustomModels"));
    }

    void stsEndpoint_data()
    {
        QTest::addColumn<QStringList>("variables");   // NAME=value
        QTest::addColumn<QByteArray>("config");
        QTest::addColumn<QString>("region");
        QTest::addColumn<QString>("expected");
        QTest::newRow("regional") << QStringList() << QByteArray() << QStringLiteral("eu-west-1")
                                  << QStringLiteral("https://sts.eu-west-1.amazonaws.com");
        QTest::newRow("china") << QStringList() << QByteArray() << QStringLiteral("cn-north-1")
                               << QStringLiteral("https://sts.cn-north-1.amazonaws.com.cn");
        QTest::newRow("fips") << QStringList{QStringLiteral("AWS_USE_FIPS_ENDPOINT=true")} << QByteArray()
                              << QStringLiteral("us-east-1") << QStringLiteral("https://sts-fips.us-east-1.amazonaws.com");
        QTest::newRow("AWS_ENDPOINT_URL_STS beats AWS_ENDPOINT_URL")
            << QStringList{QStringLiteral("AWS_ENDPOINT_URL_STS=http://127.0.0.1:1"),
                           QStringLiteral("AWS_ENDPOINT_URL=http://127.0.0.1:2")}
            << QByteArray() << QStringLiteral("us-east-1") << QStringLiteral("http://127.0.0.1:1");
        QTest::newRow("the Bedrock variable is not STS's")
            << QStringList{QStringLiteral("AWS_ENDPOINT_URL_BEDROCK=http://127.0.0.1:3")} << QByteArray()
            << QStringLiteral("us-east-1") << QStringLiteral("https://sts.us-east-1.amazonaws.com");
        QTest::newRow("services section")
            << QStringList() << QByteArray("[default]\nservices = s\n[services s]\nbedrock =\n  endpoint_url = http://127.0.0.1:4\n"
                                           "sts =\n  endpoint_url = http://127.0.0.1:5\n")
            << QStringLiteral("us-east-1") << QStringLiteral("http://127.0.0.1:5");
        QTest::newRow("profile endpoint_url") << QStringList() << QByteArray("[default]\nendpoint_url = http://127.0.0.1:6\n")
                                              << QStringLiteral("us-east-1") << QStringLiteral("http://127.0.0.1:6");
    }

    void stsEndpoint()
    {
        QFETCH(QStringList, variables);
        QFETCH(QByteArray, config);
        QFETCH(QString, region);
        QFETCH(QString, expected);
        QProcessEnvironment env;
        for (const QString &variable : variables) {
            env.insert(variable.section(QLatin1Char('='), 0, 0), variable.section(QLatin1Char('='), 1));
        }
        const AwsEnvironment environment(env, QStringLiteral("/nonexistent"));
        const AwsSharedConfig shared(AwsConfigFile::parse(config, QStringLiteral("config"), AwsConfigFile::Kind::Config),
                                     AwsConfigFile());
        const AwsProfile profile = shared.profile(QStringLiteral("default"));
        RegionResolution resolvedRegion;
        resolvedRegion.region = region;
        const EndpointResolution endpoint
            = resolveServiceEndpoint(QStringLiteral("sts"), {}, environment, shared, profile, resolvedRegion);
        QVERIFY2(endpoint.isValid(), qPrintable(endpoint.error));
        QCOMPARE(endpoint.url.toString(), expected);
    }
};

QTEST_GUILESS_MAIN(TestStsWire)
#include "tst_stswire.moc"
