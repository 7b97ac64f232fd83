// SPDX-License-Identifier: Apache-2.0
#include "aws/awsconfigfile.h"
#include "aws/awssharedconfig.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using outcrop::aws::AwsConfigFile;
using outcrop::aws::AwsProfile;
using outcrop::aws::AwsSharedConfig;

namespace {

// Shaped like a file the AWS CLI v2 writes and users then edit (aws configure sso, services).
const QByteArray kCliV2Config = R"INI(# written by aws configure
[default]
region = us-east-1
output = json

[profile dev]   ; trailing comment
region=eu-west-1
services = local-bedrock
cli_pager =
unknown_key = kept
s3 =
    max_concurrent_requests = 20
    addressing_style = path
endpoint_url = https://profile.example.com

[sso-session my-sso]
sso_start_url = https://my-sso-portal.awsapps.com/start
sso_region = us-east-1
sso_registration_scopes = sso:account:access

[profile sso-user]
sso_session = my-sso
sso_account_id = 111122223333
sso_role_name = ReadOnly

[services local-bedrock]
bedrock =
  endpoint_url = http://localhost:8080   # the simulator
s3 =
  endpoint_url = http://localhost:9000

[profile "quoted name"]
region = ap-south-1
value_with_hash = a#b
value_with_semicolon = a;b
value_with_comment = abc ;comment

[dev]
region = ignored-because-config-profiles-need-the-prefix

[plugins]
cli_legacy_plugin_path = /usr/lib
)INI";

} // namespace

class TestAwsConfigFile : public QObject
{
    Q_OBJECT

private slots:
    void readsCliV2File()
    {
        const AwsConfigFile file = AwsConfigFile::parse(kCliV2Config, QStringLiteral("/x/config"),
                                                        AwsConfigFile::Kind::Config);
        QVERIFY2(!file.hasError(), qPrintable(file.errorString()));
        QCOMPARE(file.profileNames(),
                 QStringList({ QStringLiteral("default"), QStringLiteral("dev"), QStringLiteral("quoted name"),
                               QStringLiteral("sso-user") }));
        QCOMPARE(file.profile(QStringLiteral("default")).value(QStringLiteral("region")), QStringLiteral("us-east-1"));
        const auto dev = file.profile(QStringLiteral("dev"));
        QCOMPARE(dev.value(QStringLiteral("region")), QStringLiteral("eu-west-1"));
        QCOMPARE(dev.value(QStringLiteral("unknown_key")), QStringLiteral("kept"));
        QCOMPARE(dev.value(QStringLiteral("s3.max_concurrent_requests")), QStringLiteral("20"));
        QCOMPARE(dev.value(QStringLiteral("s3.addressing_style")), QStringLiteral("path"));
        // An unindented line ends the sub-properties.
        QCOMPARE(dev.value(QStringLiteral("endpoint_url")), QStringLiteral("https://profile.example.com"));
        QVERIFY(!dev.contains(QStringLiteral("s3.endpoint_url")));
        QVERIFY(!dev.contains(QStringLiteral("cli_pager"))); // empty value: nothing stored
        QVERIFY(file.hasSection(QStringLiteral("sso-session"), QStringLiteral("my-sso")));
        QCOMPARE(file.section(QStringLiteral("sso-session"), QStringLiteral("my-sso")).value(QStringLiteral("sso_region")),
                 QStringLiteral("us-east-1"));
        const auto services = file.section(QStringLiteral("services"), QStringLiteral("local-bedrock"));
        QCOMPARE(services.value(QStringLiteral("bedrock.endpoint_url")), QStringLiteral("http://localhost:8080"));
        QCOMPARE(services.value(QStringLiteral("s3.endpoint_url")), QStringLiteral("http://localhost:9000"));
        const auto quoted = file.profile(QStringLiteral("quoted name"));
        QCOMPARE(quoted.value(QStringLiteral("region")), QStringLiteral("ap-south-1"));
        QCOMPARE(quoted.value(QStringLiteral("value_with_hash")), QStringLiteral("a#b"));
        QCOMPARE(quoted.value(QStringLiteral("value_with_semicolon")), QStringLiteral("a;b"));
        QCOMPARE(quoted.value(QStringLiteral("value_with_comment")), QStringLiteral("abc"));
        QVERIFY(file.ignoredSections().contains(QStringLiteral("dev")));
        QVERIFY(file.ignoredSections().contains(QStringLiteral("plugins")));
    }

    void credentialsFileUsesBareNames()
    {
        const AwsConfigFile file = AwsConfigFile::parse("[default]\naws_access_key_id = AKIDDEFAULT\n"
                                                        "[dev]\r\naws_access_key_id = AKIDDEV\r\n"
                                                        "[profile other]\naws_access_key_id = AKIDOTHER\n",
                                                        QStringLiteral("/x/credentials"),
                                                        AwsConfigFile::Kind::Credentials);
        QVERIFY(!file.hasError());
        QCOMPARE(file.profile(QStringLiteral("dev")).value(QStringLiteral("aws_access_key_id")), QStringLiteral("AKIDDEV"));
        QVERIFY(!file.hasProfile(QStringLiteral("other")));
        QCOMPARE(file.profileNames(), QStringList({ QStringLiteral("default"), QStringLiteral("dev") }));
    }

    void profileDefaultBeatsBareDefault()
    {
        const AwsConfigFile file = AwsConfigFile::parse("[default]\nregion = a\noutput = json\n"
                                                        "[profile default]\nregion = b\n",
                                                        QStringLiteral("c"), AwsConfigFile::Kind::Config);
        QCOMPARE(file.profile(QStringLiteral("default")).value(QStringLiteral("region")), QStringLiteral("b"));
        QVERIFY(!file.profile(QStringLiteral("default")).contains(QStringLiteral("output")));
    }

    void repeatedSectionsMerge()
    {
        const AwsConfigFile file = AwsConfigFile::parse("[profile a]\nregion = x\noutput = json\n[profile a]\nregion = y\n",
                                                        QStringLiteral("c"), AwsConfigFile::Kind::Config);
        QCOMPARE(file.profile(QStringLiteral("a")).value(QStringLiteral("region")), QStringLiteral("y"));
        QCOMPARE(file.profile(QStringLiteral("a")).value(QStringLiteral("output")), QStringLiteral("json"));
    }

    void missingFileIsEmptyNotAnError()
    {
        const AwsConfigFile file = AwsConfigFile::load(QStringLiteral("/nonexistent/aws/config"), AwsConfigFile::Kind::Config);
        QVERIFY(!file.exists());
        QVERIFY(!file.hasError());
        QVERIFY(file.profileNames().isEmpty());
    }

    void mergesProfileAcrossFiles()
    {
        const AwsConfigFile config = AwsConfigFile::parse(
            "[profile dev]\nregion = eu-west-1\naws_access_key_id = AKIDCONFIG\nuse_fips_endpoint = true\n",
            QStringLiteral("/x/config"), AwsConfigFile::Kind::Config);
        const AwsConfigFile credentials = AwsConfigFile::parse(
            "[dev]\nregion = us-west-2\naws_access_key_id = AKIDCREDS\n", QStringLiteral("/x/credentials"),
            AwsConfigFile::Kind::Credentials);
        const AwsSharedConfig shared(config, credentials);
        const AwsProfile dev = shared.profile(QStringLiteral("dev"));
        QVERIFY(dev.exists() && dev.inConfigFile() && dev.inCredentialsFile());
        QCOMPARE(dev.value(QStringLiteral("aws_access_key_id"), AwsProfile::Prefer::CredentialsFile),
                 QStringLiteral("AKIDCREDS"));
        QCOMPARE(dev.value(QStringLiteral("aws_access_key_id"), AwsProfile::Prefer::ConfigFile),
                 QStringLiteral("AKIDCONFIG"));
        QCOMPARE(dev.value(QStringLiteral("use_fips_endpoint")), QStringLiteral("true"));
        QCOMPARE(dev.describe(QStringLiteral("region"), AwsProfile::Prefer::CredentialsFile),
                 QStringLiteral("profile dev in /x/credentials"));
    }

    void malformedLinesNameFileAndLine_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("problem");
        QTest::newRow("no equals sign") << QByteArray("[default]\nregion = x\n\nwJalrXUtnFEMISECRET\n") << 4
                                        << QStringLiteral("expected “key = value”");
        QTest::newRow("setting before any section") << QByteArray("# c\nregion = x\n[default]\n") << 2
                                                    << QStringLiteral("before any [section]");
        QTest::newRow("unterminated header") << QByteArray("[default]\n[profile dev\nregion = x\n") << 2
                                             << QStringLiteral("without a closing ']'");
        QTest::newRow("text after header") << QByteArray("[profile dev] extra\n") << 1
                                           << QStringLiteral("after the section header");
        QTest::newRow("empty header") << QByteArray("[]\n") << 1 << QStringLiteral("without a name");
        QTest::newRow("profile without name") << QByteArray("[profile ]\n") << 1 << QStringLiteral("without a name");
        QTest::newRow("no key") << QByteArray("[default]\n = wJalrXUtnFEMISECRET\n") << 2
                                << QStringLiteral("without a name");
        QTest::newRow("indented line without equals") << QByteArray("[default]\nbedrock =\n  wJalrXUtnFEMISECRET\n")
                                                      << 3 << QStringLiteral("expected “key = value”");
    }

    void malformedLinesNameFileAndLine()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, line);
        QFETCH(QString, problem);
        for (const auto kind : { AwsConfigFile::Kind::Config, AwsConfigFile::Kind::Credentials }) {
            if (kind == AwsConfigFile::Kind::Credentials && QByteArray(QTest::currentDataTag()) == "profile without name") {
                continue; // [profile] is an ordinary profile name in the credentials file
            }
            const AwsConfigFile file = AwsConfigFile::parse(text, QStringLiteral("/home/u/.aws/config"), kind);
            QVERIFY(file.hasError());
            QVERIFY2(file.errorString().startsWith(QStringLiteral("/home/u/.aws/config:%1: ").arg(line)),
                     qPrintable(file.errorString()));
            QVERIFY2(file.errorString().contains(problem), qPrintable(file.errorString()));
            QVERIFY2(!file.errorString().contains(QLatin1String("wJalrXUtnFEMISECRET")), qPrintable(file.errorString()));
            QVERIFY(file.profileNames().isEmpty());
        }
    }

    void loadReportsPathOfMalformedFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("config"));
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write("[default]\nregion us-east-1\n");
        out.close();
        const AwsConfigFile file = AwsConfigFile::load(path, AwsConfigFile::Kind::Config);
        QVERIFY(file.exists());
        QVERIFY(file.errorString().startsWith(path + QStringLiteral(":2: ")));
    }
};

QTEST_GUILESS_MAIN(TestAwsConfigFile)
#include "tst_awsconfigfile.moc"
