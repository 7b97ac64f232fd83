// SPDX-License-Identifier: Apache-2.0
#include "aws/awsenvironment.h"
#include "aws/awspartitions.h"
#include "aws/awssharedconfig.h"
#include "aws/endpointresolver.h"
#include "aws/regionresolver.h"
#include "bedrock/bedrockregions.h"

#include <QRegularExpression>
#include <QTest>

using namespace outcrop::aws;

namespace {

struct Resolved
{
    RegionResolution region;
    EndpointResolution endpoint;
};

AwsEnvironment environmentOf(const QStringList &variables)
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("HOME"), QStringLiteral("/home/u"));
    for (const QString &assignment : variables) {
        const int equals = assignment.indexOf(QLatin1Char('='));
        env.insert(assignment.left(equals), assignment.mid(equals + 1));
    }
    return AwsEnvironment(env);
}

Resolved resolveWith(const AwsClientOptions &options, const QStringList &variables, const QByteArray &config,
                     const QByteArray &credentials = QByteArray())
{
    const AwsEnvironment environment = environmentOf(variables);
    const AwsSharedConfig shared(
        AwsConfigFile::parse(config, environment.configFilePath(), AwsConfigFile::Kind::Config),
        AwsConfigFile::parse(credentials, environment.credentialsFilePath(), AwsConfigFile::Kind::Credentials));
    const AwsProfile profile = shared.profile(environment.profileName(options.profile));
    Resolved resolved;
    resolved.region = resolveRegion(options, environment, profile);
    resolved.endpoint = resolveEndpoint(options, environment, shared, profile, resolved.region);
    return resolved;
}

const QByteArray kConfig = R"INI(
[default]
region = us-west-2

[profile dev]
region = eu-central-1
services = dev-services
endpoint_url = https://profile-endpoint.example.com

[profile services-only]
region = us-east-1
services = dev-services

[profile ignoring]
region = us-east-1
endpoint_url = https://ignored.example.com
ignore_configured_endpoint_urls = true

[profile fips]
region = us-gov-west-1
use_fips_endpoint = true

[profile dualstack]
region = cn-north-1
use_dualstack_endpoint = true

[profile bad-bool]
region = us-east-1
use_fips_endpoint = yes

[profile missing-services]
region = us-east-1
services = nowhere

[profile fips-with-endpoint]
region = us-east-1
use_fips_endpoint = true
endpoint_url = https://custom.example.com

[profile no-region]
output = json

[services dev-services]
bedrock =
  endpoint_url = http://localhost:8080/base
s3 =
  endpoint_url = http://localhost:9000
)INI";

AwsClientOptions withProfile(const QString &profile)
{
    AwsClientOptions options;
    options.profile = profile;
    return options;
}

// Names to hold the hand-written region checks against the patterns they replace: every string of
// up to four characters from an alphabet of the classes that matter (lower and upper case, digits,
// hyphen, underscore, a dot, a non-ASCII letter), names built from every partition's prefixes,
// labels around the 63-character limit, and the real regions. No line feeds: PCRE's $ matches
// before a final one, which the checks deliberately refuse (tested on its own).
QStringList regionLikeNames()
{
    const QList<QChar> alphabet = { u'a', u'z', u'A', u'Z', u'0', u'9', u'-', u'_', u'.', QChar(0xE9) };
    QStringList names = { QString() };
    QStringList previous = names;
    for (int length = 1; length <= 4; ++length) {
        QStringList longer;
        for (const QString &name : std::as_const(previous)) {
            for (const QChar c : alphabet) {
                longer.append(name + c);
            }
        }
        names += longer;
        previous = longer;
    }
    const QStringList prefixes = { QStringLiteral("us"), QStringLiteral("eu"), QStringLiteral("ap"),
                                   QStringLiteral("sa"), QStringLiteral("ca"), QStringLiteral("me"),
                                   QStringLiteral("af"), QStringLiteral("il"), QStringLiteral("mx"),
                                   QStringLiteral("cn"), QStringLiteral("eusc-de"), QStringLiteral("eusc"),
                                   QStringLiteral("us-iso"), QStringLiteral("us-isob"), QStringLiteral("eu-isoe"),
                                   QStringLiteral("us-isof"), QStringLiteral("us-gov"), QStringLiteral("usa"),
                                   QStringLiteral("u"), QString() };
    const QStringList middles = { QString(), QStringLiteral("east"), QStringLiteral("Ea_st9"), QStringLiteral("iso-east"),
                                  QStringLiteral("a-b"), QStringLiteral("de"), QStringLiteral("we st") };
    const QStringList tails = { QString(), QStringLiteral("1"), QStringLiteral("12"), QStringLiteral("1a"),
                                QStringLiteral("-1"), QStringLiteral("a") };
    for (const QString &prefix : prefixes) {
        for (const QString &middle : middles) {
            for (const QString &tail : tails) {
                names << prefix + middle + tail << prefix + u'-' + middle + tail << prefix + u'-' + middle + u'-' + tail
                      << prefix + u'-' + middle + u'-' + tail + u'-';
            }
        }
    }
    for (int length = 61; length <= 65; ++length) {
        names << QString(length, u'a') << QStringLiteral("a-") + QString(length - 2, u'b')
              << QString(length - 1, u'b') + u'-';
    }
    names += outcrop::bedrock::bedrockRegions();
    return names;
}

} // namespace

class TestRegionEndpoint : public QObject
{
    Q_OBJECT

private slots:
    void regionPrecedence()
    {
        AwsClientOptions options = withProfile(QStringLiteral("dev"));
        const QStringList both = { QStringLiteral("AWS_REGION=ap-northeast-1"),
                                   QStringLiteral("AWS_DEFAULT_REGION=sa-east-1") };
        options.region = QStringLiteral("ca-central-1");
        Resolved r = resolveWith(options, both, kConfig);
        QCOMPARE(r.region.region, QStringLiteral("ca-central-1"));
        QCOMPARE(r.region.source, QStringLiteral("--region"));
        options.region.clear();
        r = resolveWith(options, both, kConfig);
        QCOMPARE(r.region.region, QStringLiteral("ap-northeast-1"));
        QCOMPARE(r.region.source, QStringLiteral("AWS_REGION"));
        r = resolveWith(options, { QStringLiteral("AWS_DEFAULT_REGION=sa-east-1") }, kConfig);
        QCOMPARE(r.region.region, QStringLiteral("sa-east-1"));
        QCOMPARE(r.region.source, QStringLiteral("AWS_DEFAULT_REGION"));
        r = resolveWith(options, {}, kConfig);
        QCOMPARE(r.region.region, QStringLiteral("eu-central-1"));
        QCOMPARE(r.region.source, QStringLiteral("profile dev in /home/u/.aws/config"));
        // AWS_PROFILE picks the profile when --profile is absent.
        r = resolveWith({}, { QStringLiteral("AWS_PROFILE=dev") }, kConfig);
        QCOMPARE(r.region.region, QStringLiteral("eu-central-1"));
        r = resolveWith({}, {}, kConfig);
        QCOMPARE(r.region.region, QStringLiteral("us-west-2"));
    }

    void regionFromCredentialsFileWins()
    {
        // The JS SDK reads region with preferredFile "credentials".
        const Resolved r = resolveWith(withProfile(QStringLiteral("dev")), {}, kConfig,
                                       "[dev]\nregion = us-east-2\n");
        QCOMPARE(r.region.region, QStringLiteral("us-east-2"));
        QCOMPARE(r.region.source, QStringLiteral("profile dev in /home/u/.aws/credentials"));
    }

    void missingRegionNamesTheOption()
    {
        const Resolved r = resolveWith(withProfile(QStringLiteral("no-region")), {}, kConfig);
        QVERIFY(!r.region.isValid());
        QVERIFY2(r.region.error.contains(QLatin1String("--region")), qPrintable(r.region.error));
        QVERIFY(r.region.error.contains(QLatin1String("AWS_REGION")));
        QVERIFY(r.region.error.contains(QLatin1String("/home/u/.aws/config")));
        QCOMPARE(r.endpoint.error, QStringLiteral("Invalid Configuration: Missing Region"));
    }

    void invalidRegionIsRejected()
    {
        AwsClientOptions options;
        options.region = QStringLiteral("us-east-1.evil.com/");
        const Resolved r = resolveWith(options, {}, kConfig);
        QVERIFY(!r.region.isValid());
        QVERIFY(r.region.error.startsWith(QLatin1String("Region not accepted")));
        QVERIFY(!r.endpoint.isValid());
    }

    void endpointPrecedence()
    {
        AwsClientOptions options = withProfile(QStringLiteral("dev"));
        const QStringList env = { QStringLiteral("AWS_ENDPOINT_URL_BEDROCK=http://service-env:1"),
                                  QStringLiteral("AWS_ENDPOINT_URL=http://global-env:2") };
        options.endpointUrl = QStringLiteral("http://cli:3");
        Resolved r = resolveWith(options, env, kConfig);
        QCOMPARE(r.endpoint.url.toString(), QStringLiteral("http://cli:3"));
        QCOMPARE(r.endpoint.source, QStringLiteral("--endpoint-url"));
        QVERIFY(r.endpoint.custom);
        options.endpointUrl.clear();
        r = resolveWith(options, env, kConfig);
        QCOMPARE(r.endpoint.url.toString(), QStringLiteral("http://service-env:1"));
        r = resolveWith(options, { env.last() }, kConfig);
        QCOMPARE(r.endpoint.url.toString(), QStringLiteral("http://global-env:2"));
        QCOMPARE(r.endpoint.source, QStringLiteral("AWS_ENDPOINT_URL"));
        r = resolveWith(options, {}, kConfig);
        QCOMPARE(r.endpoint.url.toString(), QStringLiteral("http://localhost:8080/base"));
        QVERIFY(r.endpoint.source.contains(QLatin1String("[services dev-services]")));
        // Without a services section: the profile's own endpoint_url.
        r = resolveWith(options, {}, QByteArray(kConfig).replace("services = dev-services\nendpoint_url", "endpoint_url"));
        QCOMPARE(r.endpoint.url.toString(), QStringLiteral("https://profile-endpoint.example.com"));
        r = resolveWith(withProfile(QStringLiteral("services-only")), {}, kConfig);
        QCOMPARE(r.endpoint.url.toString(), QStringLiteral("http://localhost:8080/base"));
        // Nothing configured: built from the region.
        r = resolveWith({}, {}, kConfig);
        QCOMPARE(r.endpoint.url.toString(), QStringLiteral("https://bedrock.us-west-2.amazonaws.com"));
        QVERIFY(!r.endpoint.custom);
    }

    void ignoreConfiguredEndpointUrls()
    {
        const QStringList ignoreEnv = { QStringLiteral("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true"),
                                        QStringLiteral("AWS_ENDPOINT_URL_BEDROCK=http://service-env:1") };
        Resolved r = resolveWith(withProfile(QStringLiteral("dev")), ignoreEnv, kConfig);
        QCOMPARE(r.endpoint.url.toString(), QStringLiteral("https://bedrock.eu-central-1.amazonaws.com"));
        // --endpoint-url is not "configured": it still wins.
        AwsClientOptions options = withProfile(QStringLiteral("dev"));
        options.endpointUrl = QStringLiteral("http://cli:3");
        r = resolveWith(options, ignoreEnv, kConfig);
        QCOMPARE(r.endpoint.url.toString(), QStringLiteral("http://cli:3"));
        r = resolveWith(withProfile(QStringLiteral("ignoring")), {}, kConfig);
        QCOMPARE(r.endpoint.url.toString(), QStringLiteral("https://bedrock.us-east-1.amazonaws.com"));
        // The variable beats the profile key.
        r = resolveWith(withProfile(QStringLiteral("ignoring")), { QStringLiteral("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=false") },
                        kConfig);
        QCOMPARE(r.endpoint.url.toString(), QStringLiteral("https://ignored.example.com"));
    }

    void partitions_data()
    {
        QTest::addColumn<QString>("region");
        QTest::addColumn<QString>("plain");
        QTest::addColumn<QString>("fips");
        QTest::addColumn<QString>("dualStack");
        QTest::addColumn<QString>("both");
        // bedrock-api.md §1.1, resolved with the JS SDK.
        QTest::newRow("us-east-1") << QString::fromUtf8("us-east-1") << QString::fromUtf8("bedrock.us-east-1.amazonaws.com")
                                   << QString::fromUtf8("bedrock-fips.us-east-1.amazonaws.com") << QString::fromUtf8("bedrock.us-east-1.api.aws")
                                   << QString::fromUtf8("bedrock-fips.us-east-1.api.aws");
        QTest::newRow("cn-north-1") << QString::fromUtf8("cn-north-1") << QString::fromUtf8("bedrock.cn-north-1.amazonaws.com.cn")
                                    << QString::fromUtf8("bedrock-fips.cn-north-1.amazonaws.com.cn")
                                    << QString::fromUtf8("bedrock.cn-north-1.api.amazonwebservices.com.cn")
                                    << QString::fromUtf8("bedrock-fips.cn-north-1.api.amazonwebservices.com.cn");
        QTest::newRow("us-gov-west-1") << QString::fromUtf8("us-gov-west-1") << QString::fromUtf8("bedrock.us-gov-west-1.amazonaws.com")
                                       << QString::fromUtf8("bedrock-fips.us-gov-west-1.amazonaws.com") << QString::fromUtf8("bedrock.us-gov-west-1.api.aws")
                                       << QString::fromUtf8("bedrock-fips.us-gov-west-1.api.aws");
        QTest::newRow("eusc-de-east-1") << QString::fromUtf8("eusc-de-east-1") << QString::fromUtf8("bedrock.eusc-de-east-1.amazonaws.eu")
                                        << QString::fromUtf8("bedrock-fips.eusc-de-east-1.amazonaws.eu")
                                        << QString::fromUtf8("bedrock.eusc-de-east-1.api.amazonwebservices.eu")
                                        << QString::fromUtf8("bedrock-fips.eusc-de-east-1.api.amazonwebservices.eu");
        QTest::newRow("us-iso-east-1") << QString::fromUtf8("us-iso-east-1") << QString::fromUtf8("bedrock.us-iso-east-1.c2s.ic.gov")
                                       << QString::fromUtf8("bedrock-fips.us-iso-east-1.c2s.ic.gov") << QString::fromUtf8("bedrock.us-iso-east-1.api.aws.ic.gov")
                                       << QString::fromUtf8("bedrock-fips.us-iso-east-1.api.aws.ic.gov");
        QTest::newRow("us-isob-east-1") << QString::fromUtf8("us-isob-east-1") << QString::fromUtf8("bedrock.us-isob-east-1.sc2s.sgov.gov")
                                        << QString::fromUtf8("bedrock-fips.us-isob-east-1.sc2s.sgov.gov")
                                        << QString::fromUtf8("bedrock.us-isob-east-1.api.aws.scloud")
                                        << QString::fromUtf8("bedrock-fips.us-isob-east-1.api.aws.scloud");
        QTest::newRow("unknown pattern falls back to aws") << QString::fromUtf8("xx-mars-1") << QString::fromUtf8("bedrock.xx-mars-1.amazonaws.com")
                                                           << QString::fromUtf8("bedrock-fips.xx-mars-1.amazonaws.com")
                                                           << QString::fromUtf8("bedrock.xx-mars-1.api.aws")
                                                           << QString::fromUtf8("bedrock-fips.xx-mars-1.api.aws");
    }

    void partitions()
    {
        QFETCH(QString, region);
        QFETCH(QString, plain);
        QFETCH(QString, fips);
        QFETCH(QString, dualStack);
        QFETCH(QString, both);
        AwsClientOptions options;
        options.region = region;
        const auto host = [&](const QStringList &env) {
            const Resolved r = resolveWith(options, env, QByteArray());
            return r.endpoint.isValid() ? r.endpoint.url.host() : r.endpoint.error;
        };
        const QString fipsOn = QStringLiteral("AWS_USE_FIPS_ENDPOINT=true");
        const QString dualOn = QStringLiteral("AWS_USE_DUALSTACK_ENDPOINT=true");
        QCOMPARE(host({}), plain);
        QCOMPARE(host({ fipsOn }), fips);
        QCOMPARE(host({ dualOn }), dualStack);
        QCOMPARE(host({ fipsOn, dualOn }), both);
        QCOMPARE(host({ QStringLiteral("AWS_USE_FIPS_ENDPOINT=false") }), plain);
        QCOMPARE(resolveWith(options, {}, QByteArray()).endpoint.url.scheme(), QStringLiteral("https"));
    }

    void fipsAndDualStackFromProfile()
    {
        Resolved r = resolveWith(withProfile(QStringLiteral("fips")), {}, kConfig);
        QCOMPARE(r.endpoint.url.toString(), QStringLiteral("https://bedrock-fips.us-gov-west-1.amazonaws.com"));
        r = resolveWith(withProfile(QStringLiteral("dualstack")), {}, kConfig);
        QCOMPARE(r.endpoint.url.toString(), QStringLiteral("https://bedrock.cn-north-1.api.amazonwebservices.com.cn"));
        // The variable beats the profile.
        r = resolveWith(withProfile(QStringLiteral("fips")), { QStringLiteral("AWS_USE_FIPS_ENDPOINT=false") }, kConfig);
        QCOMPARE(r.endpoint.url.toString(), QStringLiteral("https://bedrock.us-gov-west-1.amazonaws.com"));
    }

    void fipsPseudoRegion()
    {
        AwsClientOptions options;
        options.region = QStringLiteral("fips-us-east-1");
        Resolved r = resolveWith(options, {}, QByteArray());
        QCOMPARE(r.region.region, QStringLiteral("us-east-1"));
        QCOMPARE(r.endpoint.url.host(), QStringLiteral("bedrock-fips.us-east-1.amazonaws.com"));
        options.region = QStringLiteral("us-west-2-fips");
        r = resolveWith(options, {}, QByteArray());
        QCOMPARE(r.region.region, QStringLiteral("us-west-2"));
        QCOMPARE(r.endpoint.url.host(), QStringLiteral("bedrock-fips.us-west-2.amazonaws.com"));
    }

    void customEndpointWithFipsOrDualStackIsAnError()
    {
        Resolved r = resolveWith(withProfile(QStringLiteral("fips-with-endpoint")), {}, kConfig);
        QVERIFY(r.endpoint.error.startsWith(
            QLatin1String("Invalid Configuration: FIPS and custom endpoint are not supported")));
        QVERIFY(r.endpoint.url.isEmpty());
        r = resolveWith({}, { QStringLiteral("AWS_ENDPOINT_URL=http://x:1"), QStringLiteral("AWS_USE_DUALSTACK_ENDPOINT=true") },
                        kConfig);
        QVERIFY2(r.endpoint.error.startsWith(
                     QLatin1String("Invalid Configuration: Dualstack and custom endpoint are not supported")),
                 qPrintable(r.endpoint.error));
        QVERIFY(r.endpoint.error.contains(QLatin1String("AWS_ENDPOINT_URL")));
        AwsClientOptions options;
        options.region = QStringLiteral("fips-us-east-1");
        options.endpointUrl = QStringLiteral("http://x:1");
        r = resolveWith(options, {}, QByteArray());
        QVERIFY(r.endpoint.error.startsWith(QLatin1String("Invalid Configuration: FIPS and custom endpoint")));
        // A custom endpoint needs no region from the rules' point of view.
        r = resolveWith(withProfile(QStringLiteral("no-region")), { QStringLiteral("AWS_ENDPOINT_URL=http://x:1") }, kConfig);
        QVERIFY(r.endpoint.isValid());
        QVERIFY(!r.region.isValid());
    }

    void badInputs()
    {
        Resolved r = resolveWith(withProfile(QStringLiteral("bad-bool")), {}, kConfig);
        QVERIFY2(r.endpoint.error.contains(QLatin1String("use_fips_endpoint")), qPrintable(r.endpoint.error));
        QVERIFY(r.endpoint.error.contains(QLatin1String("/home/u/.aws/config")));
        r = resolveWith({}, { QStringLiteral("AWS_USE_DUALSTACK_ENDPOINT=1") }, kConfig);
        QVERIFY(r.endpoint.error.contains(QStringLiteral("AWS_USE_DUALSTACK_ENDPOINT must be “true” or “false”")));
        r = resolveWith({}, { QStringLiteral("AWS_USE_FIPS_ENDPOINT=TRUE") }, kConfig);
        QCOMPARE(r.endpoint.url.host(), QStringLiteral("bedrock-fips.us-west-2.amazonaws.com"));
        r = resolveWith(withProfile(QStringLiteral("missing-services")), {}, kConfig);
        QVERIFY2(r.endpoint.error.contains(QLatin1String("[services nowhere]")), qPrintable(r.endpoint.error));
        r = resolveWith({}, { QStringLiteral("AWS_ENDPOINT_URL=localhost:8080") }, kConfig);
        QVERIFY(r.endpoint.error.contains(QLatin1String("AWS_ENDPOINT_URL is not an http")));
        r = resolveWith({}, { QStringLiteral("AWS_ENDPOINT_URL=ftp://x") }, kConfig);
        QVERIFY(!r.endpoint.isValid());
    }

    void partitionTable()
    {
        QCOMPARE(partitionOfRegion(QStringLiteral("aws-cn-global")).id, QStringLiteral("aws-cn"));
        QCOMPARE(partitionOfRegion(QStringLiteral("eu-isoe-west-1")).id, QStringLiteral("aws-iso-e"));
        QCOMPARE(partitionOfRegion(QStringLiteral("us-isof-south-1")).dnsSuffix, QStringLiteral("csp.hci.ic.gov"));
        QCOMPARE(partitionOfRegion(QStringLiteral("us-gov-east-1")).id, QStringLiteral("aws-us-gov"));
        QCOMPARE(partitionOfRegion(QStringLiteral("me-west-1")).id, QStringLiteral("aws"));
    }

    // The partition patterns, the host-label check and the region-name check are written by hand
    // (a QRegularExpression compiled for one match cost a headless export more than the rest of
    // its start-up checks): each answers as its pattern does.
    void handWrittenChecksAnswerAsTheirPatterns()
    {
        // partitions.json, in the table's order (the first match wins).
        const QList<QPair<QString, QRegularExpression>> partitions = {
            { QStringLiteral("aws"), QRegularExpression(QStringLiteral("^(us|eu|ap|sa|ca|me|af|il|mx)\\-\\w+\\-\\d+$")) },
            { QStringLiteral("aws-cn"), QRegularExpression(QStringLiteral("^cn\\-\\w+\\-\\d+$")) },
            { QStringLiteral("aws-eusc"), QRegularExpression(QStringLiteral("^eusc\\-(de)\\-\\w+\\-\\d+$")) },
            { QStringLiteral("aws-iso"), QRegularExpression(QStringLiteral("^us\\-iso\\-\\w+\\-\\d+$")) },
            { QStringLiteral("aws-iso-b"), QRegularExpression(QStringLiteral("^us\\-isob\\-\\w+\\-\\d+$")) },
            { QStringLiteral("aws-iso-e"), QRegularExpression(QStringLiteral("^eu\\-isoe\\-\\w+\\-\\d+$")) },
            { QStringLiteral("aws-iso-f"), QRegularExpression(QStringLiteral("^us\\-isof\\-\\w+\\-\\d+$")) },
            { QStringLiteral("aws-us-gov"), QRegularExpression(QStringLiteral("^us\\-gov\\-\\w+\\-\\d+$")) },
        };
        const QRegularExpression hostLabel(QStringLiteral("^(?!.*-$)(?!-)[a-zA-Z0-9-]{1,63}$"));
        const QRegularExpression regionName(QStringLiteral("^[a-z0-9]+(-[a-z0-9]+)*$"));
        const QStringList names = regionLikeNames();
        int matchedPartitions = 0;
        for (const QString &name : names) {
            QString expected = QStringLiteral("aws");   // no generated name is a "*-global" one
            for (const auto &[id, pattern] : partitions) {
                if (pattern.match(name).hasMatch()) {
                    expected = id;
                    ++matchedPartitions;
                    break;
                }
            }
            QVERIFY2(partitionOfRegion(name).id == expected, qPrintable(name));
            QVERIFY2(isValidHostLabel(name) == hostLabel.match(name).hasMatch(), qPrintable(name));
            QVERIFY2(outcrop::bedrock::isRegionName(name) == (name.size() <= 50 && regionName.match(name).hasMatch()),
                     qPrintable(name));
        }
        QVERIFY(matchedPartitions > 100);   // the corpus reaches every branch, not just the default
        // Where PCRE's $ would let a final line feed through, the checks do not.
        QVERIFY(!isValidHostLabel(QStringLiteral("us-east-1\n")));
        QVERIFY(!outcrop::bedrock::isRegionName(QStringLiteral("us-east-1\n")));
        QCOMPARE(partitionOfRegion(QStringLiteral("cn-north-1\n")).id, QStringLiteral("aws"));
        QCOMPARE(partitionOfRegion(QString()).id, QStringLiteral("aws"));   // not aws-eusc, which lists no global region
    }
};

QTEST_GUILESS_MAIN(TestRegionEndpoint)
#include "tst_regionendpoint.moc"
