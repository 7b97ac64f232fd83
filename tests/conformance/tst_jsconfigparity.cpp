// SPDX-License-Identifier: Apache-2.0
// Resolves the same AWS set-ups (config + credentials files, environment, profile) with our
// resolvers and with the official AWS SDK for JavaScript (resolve-config.mjs: @aws-sdk/client-bedrock
// and the default credential chain, i.e. fromEnv / fromIni / fromProcess), and compares region,
// credentials and endpoint field by field.
//
// Known differences, deliberately kept out of the scenarios (see the resolvers' comments):
// * A profile chosen through the client's `profile` option: the JS SDK still reads configured
//   endpoints (endpoint_url, [services]) and ignore_configured_endpoint_urls from AWS_PROFILE or
//   "default" (getEndpointFromConfig calls loadConfig without the profile); we use the chosen profile.
// * AWS_DEFAULT_REGION: read by us and the AWS CLI, ignored by the JS SDK.
// * Malformed lines, bad booleans, a missing [services] section: errors here, skipped by the JS SDK.
// * credential_process runs without a shell here (botocore), through /bin/sh in the JS SDK.
#include "aws/awsenvironment.h"
#include "aws/awssharedconfig.h"
#include "aws/credentialchain.h"
#include "aws/endpointresolver.h"
#include "aws/regionresolver.h"

#include "../core/awstesthelpers.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace outcrop::aws;
using outcrop::testing::writeFile;

namespace {

struct Scenario
{
    QByteArray config;
    QByteArray credentials;
    QStringList environment; // NAME=value; "{HOME}" is replaced by the scenario's home folder
    QString profile;         // the explicit profile (--profile / the client's profile option)
};

struct Resolution
{
    QString region;
    QString accessKeyId;
    QString secretAccessKey;
    QString sessionToken;
    QString endpoint;
    QString regionError;
    QString credentialsError;
    QString endpointError;
};

const QString kConformanceDir = QStringLiteral(OUTCROP_SOURCE_DIR "/tests/conformance");

QString normalizedUrl(const QUrl &url)
{
    return url.toString(QUrl::StripTrailingSlash);
}

} // namespace

Q_DECLARE_METATYPE(Scenario)

class TestJsConfigParity : public QObject
{
    Q_OBJECT

private:
    QString m_node;

    QProcessEnvironment environmentFor(const Scenario &scenario, const QString &home) const
    {
        QProcessEnvironment env;
        env.insert(QStringLiteral("HOME"), home);
        env.insert(QStringLiteral("PATH"), QFileInfo(m_node).absolutePath() + QStringLiteral(":/usr/bin:/bin"));
        // No instance-metadata probing by the JS SDK's last chain links.
        env.insert(QStringLiteral("AWS_EC2_METADATA_DISABLED"), QStringLiteral("true"));
        for (QString assignment : scenario.environment) {
            assignment.replace(QStringLiteral("{HOME}"), home);
            const int equals = assignment.indexOf(QLatin1Char('='));
            env.insert(assignment.left(equals), assignment.mid(equals + 1));
        }
        return env;
    }

    Resolution resolveWithJs(const Scenario &scenario, const QProcessEnvironment &env)
    {
        QProcess node;
        node.setProcessEnvironment(env);
        node.setWorkingDirectory(kConformanceDir);
        QStringList arguments { kConformanceDir + QStringLiteral("/resolve-config.mjs") };
        if (!scenario.profile.isEmpty()) {
            arguments << QStringLiteral("--profile") << scenario.profile;
        }
        node.start(m_node, arguments);
        Resolution js;
        if (!node.waitForFinished(60000) || node.exitCode() != 0) {
            js.regionError = QStringLiteral("node failed: ") + QString::fromUtf8(node.readAllStandardError());
            return js;
        }
        const QJsonObject out = QJsonDocument::fromJson(node.readAllStandardOutput()).object();
        const auto field = [&out](const char *name) { return out.value(QLatin1String(name)).toString(); };
        js.region = field("region");
        js.regionError = field("regionError");
        js.accessKeyId = field("accessKeyId");
        js.secretAccessKey = field("secretAccessKey");
        js.sessionToken = field("sessionToken");
        js.credentialsError = field("credentialsError");
        js.endpoint = field("endpoint");
        js.endpointError = field("endpointError");
        return js;
    }

    static Resolution resolveWithOutcrop(const Scenario &scenario, const QProcessEnvironment &env)
    {
        const AwsEnvironment environment(env);
        AwsClientOptions options;
        options.profile = scenario.profile;
        const AwsSharedConfig shared = AwsSharedConfig::load(environment);
        const AwsProfile profile = shared.profile(environment.profileName(options.profile));
        Resolution ours;
        const RegionResolution region = resolveRegion(options, environment, profile);
        ours.region = region.isValid() ? region.region : QString();
        ours.regionError = region.error;
        const EndpointResolution endpoint = resolveEndpoint(options, environment, shared, profile, region);
        ours.endpoint = endpoint.isValid() ? normalizedUrl(endpoint.url) : QString();
        ours.endpointError = endpoint.error;

        CredentialChain chain(environment);
        chain.setProfile(options.profile);
        QSignalSpy resolved(&chain, &CredentialChain::resolved);
        QSignalSpy failed(&chain, &CredentialChain::failed);
        chain.resolve();
        if (!QTest::qWaitFor([&] { return resolved.count() + failed.count() > 0; }, 30000)) {
            ours.credentialsError = QStringLiteral("no answer");
        } else if (!resolved.isEmpty()) {
            const auto credentials = resolved.first().first().value<AwsCredentials>();
            ours.accessKeyId = credentials.accessKeyId;
            ours.secretAccessKey = credentials.secretAccessKey;
            ours.sessionToken = credentials.sessionToken;
        } else {
            ours.credentialsError = failed.first().first().toString();
        }
        return ours;
    }

    static void compareErrors(const char *what, const QString &ours, const QString &js)
    {
        QVERIFY2(ours.isEmpty() == js.isEmpty(),
                 qPrintable(QStringLiteral("%1: ours “%2”, JS “%3”").arg(QLatin1String(what), ours, js)));
    }

private slots:
    void initTestCase()
    {
        qRegisterMetaType<AwsCredentials>();
        if (!QFileInfo::exists(kConformanceDir + QStringLiteral("/node_modules/@aws-sdk/client-bedrock"))) {
            QSKIP("tests/conformance/node_modules is missing (scripts/test installs it with npm ci)");
        }
        m_node = QStandardPaths::findExecutable(QStringLiteral("node"));
        QVERIFY2(!m_node.isEmpty(), "node is not in PATH");
    }

    void parity_data()
    {
        QTest::addColumn<Scenario>("scenario");
        const QByteArray defaultKeys = "[default]\naws_access_key_id = AKIDDEFAULT\naws_secret_access_key = secretdefault\n";
        const QByteArray richConfig = R"INI(# A config file as the AWS CLI v2 writes and people edit it
[default]
region = us-west-2   # inline comment after whitespace
output = json

; a semicolon comment
[profile dev]
region = eu-central-1
services = local
cli_pager =
s3 =
    max_concurrent_requests = 20
    addressing_style = path
some_future_setting = value#not-a-comment
aws_access_key_id = AKIDDEVCONFIG
aws_secret_access_key = secret#dev ; comment

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = us-east-1

[profile sso-dev]
sso_session = corp
sso_account_id = 111122223333
sso_role_name = Dev
region = us-east-1

[services local]
s3 =
  endpoint_url = http://localhost:9000
bedrock =
  endpoint_url = http://localhost:8080/outcrop
[profile plain]
region = ap-southeast-2
endpoint_url = https://plain.example.com
aws_access_key_id = AKIDPLAIN
aws_secret_access_key = secretplain
)INI";

        QTest::newRow("default profile") << Scenario { "[default]\nregion = us-west-2\n", defaultKeys, {}, {} };
        QTest::newRow("AWS_PROFILE") << Scenario { richConfig, defaultKeys, { QStringLiteral("AWS_PROFILE=plain") }, {} };
        QTest::newRow("explicit profile") << Scenario {
            "[profile prod]\nregion = sa-east-1\n",
            "[prod]\naws_access_key_id = AKIDPROD\naws_secret_access_key = secretprod\naws_session_token = tokenprod\n",
            {}, QStringLiteral("prod") };
        QTest::newRow("credentials file beats config file")
            << Scenario { "[profile dev]\nregion = eu-west-1\naws_access_key_id = AKIDCONFIG\n"
                          "aws_secret_access_key = secretconfig\naws_session_token = tokenconfig\n",
                          "[dev]\nregion = eu-west-3\naws_access_key_id = AKIDCREDS\n",
                          { QStringLiteral("AWS_PROFILE=dev") }, {} };
        QTest::newRow("environment credentials beat files")
            << Scenario { "[default]\nregion = us-west-2\n", defaultKeys,
                          { QStringLiteral("AWS_ACCESS_KEY_ID=AKIDENV"), QStringLiteral("AWS_SECRET_ACCESS_KEY=secretenv"),
                            QStringLiteral("AWS_SESSION_TOKEN=tokenenv"), QStringLiteral("AWS_REGION=eu-north-1") },
                          {} };
        QTest::newRow("AWS_PROFILE beats environment credentials")
            << Scenario { richConfig, defaultKeys,
                          { QStringLiteral("AWS_PROFILE=plain"), QStringLiteral("AWS_ACCESS_KEY_ID=AKIDENV"),
                            QStringLiteral("AWS_SECRET_ACCESS_KEY=secretenv") },
                          {} };
        QTest::newRow("credential_process")
            << Scenario { "[profile proc]\nregion = us-east-2\ncredential_process = \"{HOME}/my tools/creds.sh\" --role 'read only'\n",
                          {}, { QStringLiteral("AWS_PROFILE=proc") }, {} };
        QTest::newRow("services endpoint, comments and sub-properties")
            << Scenario { richConfig, {}, { QStringLiteral("AWS_PROFILE=dev") }, {} };
        QTest::newRow("AWS_ENDPOINT_URL_BEDROCK beats AWS_ENDPOINT_URL")
            << Scenario { richConfig, defaultKeys,
                          { QStringLiteral("AWS_ENDPOINT_URL=http://global:1"),
                            QStringLiteral("AWS_ENDPOINT_URL_BEDROCK=http://bedrock-only:2/x") },
                          {} };
        QTest::newRow("AWS_ENDPOINT_URL beats the profile")
            << Scenario { richConfig, {}, { QStringLiteral("AWS_PROFILE=dev"), QStringLiteral("AWS_ENDPOINT_URL=http://global:1") }, {} };
        QTest::newRow("profile endpoint_url") << Scenario { richConfig, {}, { QStringLiteral("AWS_PROFILE=plain") }, {} };
        QTest::newRow("ignore configured endpoints (env)")
            << Scenario { richConfig, {},
                          { QStringLiteral("AWS_PROFILE=dev"), QStringLiteral("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true"),
                            QStringLiteral("AWS_ENDPOINT_URL_BEDROCK=http://ignored:2") },
                          {} };
        QTest::newRow("ignore configured endpoints (profile)")
            << Scenario { "[default]\nregion = us-east-1\nendpoint_url = http://ignored:1\nignore_configured_endpoint_urls = true\n",
                          defaultKeys, {}, {} };
        QTest::newRow("cn region") << Scenario { "[default]\nregion = cn-north-1\n", defaultKeys, {}, {} };
        QTest::newRow("FIPS from environment")
            << Scenario { "[default]\nregion = us-east-1\n", defaultKeys, { QStringLiteral("AWS_USE_FIPS_ENDPOINT=true") }, {} };
        QTest::newRow("FIPS and dual-stack from profile, GovCloud")
            << Scenario { "[default]\nregion = us-gov-west-1\nuse_fips_endpoint = true\nuse_dualstack_endpoint = true\n",
                          defaultKeys, {}, {} };
        QTest::newRow("dual-stack, eusc") << Scenario { "[default]\nregion = eusc-de-east-1\n", defaultKeys,
                                                         { QStringLiteral("AWS_USE_DUALSTACK_ENDPOINT=true") }, {} };
        QTest::newRow("FIPS pseudo-region") << Scenario { {}, defaultKeys, { QStringLiteral("AWS_REGION=fips-us-east-1") }, {} };
        QTest::newRow("FIPS with custom endpoint")
            << Scenario { "[default]\nregion = us-east-1\n", defaultKeys,
                          { QStringLiteral("AWS_USE_FIPS_ENDPOINT=true"), QStringLiteral("AWS_ENDPOINT_URL=http://x:1") }, {} };
        QTest::newRow("dual-stack with custom endpoint")
            << Scenario { "[default]\nregion = us-east-1\nuse_dualstack_endpoint = true\nendpoint_url = http://x:1\n",
                          defaultKeys, {}, {} };
        QTest::newRow("no region, no credentials") << Scenario { "[default]\noutput = json\n", {}, {}, {} };
        QTest::newRow("SSO profile: region and endpoint only")
            << Scenario { richConfig, defaultKeys, { QStringLiteral("AWS_PROFILE=sso-dev") }, {} };
        QTest::newRow("AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE")
            << Scenario { "[default]\nregion = us-east-1\n", "[default]\naws_access_key_id = AKIDHOME\naws_secret_access_key = s\n",
                          { QStringLiteral("AWS_CONFIG_FILE={HOME}/elsewhere/config"),
                            QStringLiteral("AWS_SHARED_CREDENTIALS_FILE={HOME}/elsewhere/credentials") },
                          {} };
    }

    void parity()
    {
        QFETCH(Scenario, scenario);
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const auto withHome = [&home](QByteArray text) { return text.replace("{HOME}", home.path().toUtf8()); };
        QVERIFY(writeFile(home.filePath(QStringLiteral(".aws/config")), withHome(scenario.config)));
        QVERIFY(writeFile(home.filePath(QStringLiteral(".aws/credentials")), withHome(scenario.credentials)));
        QVERIFY(writeFile(home.filePath(QStringLiteral("elsewhere/config")), "[default]\nregion = ca-central-1\n"));
        QVERIFY(writeFile(home.filePath(QStringLiteral("elsewhere/credentials")),
                          "[default]\naws_access_key_id = AKIDELSEWHERE\naws_secret_access_key = elsewhere\n"));
        // A credential_process helper that echoes its (split) arguments into the key id.
        QVERIFY(writeFile(home.filePath(QStringLiteral("my tools/creds.sh")),
                          "#!/bin/sh\nprintf '{\"Version\": 1, \"AccessKeyId\": \"AKID%s%s\", \"SecretAccessKey\": "
                          "\"secretprocess\", \"SessionToken\": \"tokenprocess\", \"Expiration\": \"2099-01-01T00:00:00Z\"}' "
                          "\"$1\" \"$(echo \"$2\" | tr ' ' _)\"\n",
                          true));

        const QProcessEnvironment env = environmentFor(scenario, home.path());
        const Resolution js = resolveWithJs(scenario, env);
        QVERIFY2(!js.regionError.startsWith(QLatin1String("node failed")), qPrintable(js.regionError));
        const Resolution ours = resolveWithOutcrop(scenario, env);
        qDebug().noquote() << "JS:" << js.region << js.accessKeyId << js.endpoint << js.regionError << js.endpointError
                           << js.credentialsError.left(60);

        compareErrors("region error", ours.regionError, js.regionError);
        QCOMPARE(ours.region, js.region);
        compareErrors("credentials error", ours.credentialsError, js.credentialsError);
        QCOMPARE(ours.accessKeyId, js.accessKeyId);
        QCOMPARE(ours.secretAccessKey, js.secretAccessKey);
        QCOMPARE(ours.sessionToken, js.sessionToken);
        compareErrors("endpoint error", ours.endpointError, js.endpointError);
        QCOMPARE(ours.endpoint, js.endpoint);
        if (QByteArray(QTest::currentDataTag()) == "credential_process") {
            // Not a vacuous match of two failures: the helper ran and got its arguments split alike.
            QCOMPARE(js.accessKeyId, QStringLiteral("AKID--roleread_only"));
            QCOMPARE(js.sessionToken, QStringLiteral("tokenprocess"));
        }
        if (js.endpointError.startsWith(QLatin1String("Invalid Configuration"))) {
            QVERIFY2(ours.endpointError.startsWith(js.endpointError), qPrintable(ours.endpointError));
        }
    }
};


QTEST_GUILESS_MAIN(TestJsConfigParity)
#include "tst_jsconfigparity.moc"
