// SPDX-License-Identifier: Apache-2.0
#include "aws/awspartitions.h"

#include <QStringView>

#include <array>

namespace outcrop::aws {

namespace {

struct PartitionRow
{
    const char *id;
    const char *dnsSuffix;
    const char *dualStackDnsSuffix;
    // The pattern of partitions.json, as documentation (tst_regionendpoint matches the same
    // patterns with QRegularExpression as its reference); regionPrefixes is what is matched.
    const char *regionPattern;
    // Every pattern reads ^(PREFIX)\-\w+\-\d+$: the prefixes it allows, separated by '|'.
    const char *regionPrefixes;
    const char *globalRegion; // the one listed region name that does not match regionPattern
};

// The partition table the endpoint rules (shared/reference/botocore-bedrock/endpoint-rule-set-1.json)
// refer to through aws.partition; the rule set itself does not carry it. Copied from the JS SDK's
// partitions.json, version 1.1 (npm @aws-sdk/core, dist-es/submodules/client/util-endpoints/lib/aws/
// partitions.js; botocore ships the same data as botocore/data/partitions.json). Every partition has
// supportsFIPS and supportsDualStack true. Of each partition's explicit region list only the
// "*-global" pseudo-region fails the partition's pattern, so only that one is listed here.
constexpr std::array<PartitionRow, 8> kPartitions = { {
    { "aws", "amazonaws.com", "api.aws", R"(^(us|eu|ap|sa|ca|me|af|il|mx)\-\w+\-\d+$)", "us|eu|ap|sa|ca|me|af|il|mx", "aws-global" },
    { "aws-cn", "amazonaws.com.cn", "api.amazonwebservices.com.cn", R"(^cn\-\w+\-\d+$)", "cn", "aws-cn-global" },
    { "aws-eusc", "amazonaws.eu", "api.amazonwebservices.eu", R"(^eusc\-(de)\-\w+\-\d+$)", "eusc-de", "" },
    { "aws-iso", "c2s.ic.gov", "api.aws.ic.gov", R"(^us\-iso\-\w+\-\d+$)", "us-iso", "aws-iso-global" },
    { "aws-iso-b", "sc2s.sgov.gov", "api.aws.scloud", R"(^us\-isob\-\w+\-\d+$)", "us-isob", "aws-iso-b-global" },
    { "aws-iso-e", "cloud.adc-e.uk", "api.cloud-aws.adc-e.uk", R"(^eu\-isoe\-\w+\-\d+$)", "eu-isoe", "aws-iso-e-global" },
    { "aws-iso-f", "csp.hci.ic.gov", "api.aws.hci.ic.gov", R"(^us\-isof\-\w+\-\d+$)", "us-isof", "aws-iso-f-global" },
    { "aws-us-gov", "amazonaws.com", "api.aws", R"(^us\-gov\-\w+\-\d+$)", "us-gov", "aws-us-gov-global" },
} };

AwsPartition toPartition(const PartitionRow &row)
{
    return AwsPartition { QString::fromLatin1(row.id), QString::fromLatin1(row.dnsSuffix),
                          QString::fromLatin1(row.dualStackDnsSuffix), true, true };
}

bool isWordCharacter(QChar c)
{
    // JS RegExp \w is ASCII; so is PCRE's without UseUnicodePropertiesOption.
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'_';
}

// \w+\-\d+ and the end: word characters, one hyphen (\w has none, so it is the only one), digits.
bool isNameAndNumber(QStringView rest)
{
    const qsizetype hyphen = rest.indexOf(u'-');
    if (hyphen <= 0 || hyphen == rest.size() - 1) {
        return false;
    }
    for (qsizetype i = 0; i < rest.size(); ++i) {
        const QChar c = rest.at(i);
        const bool fits = i < hyphen ? isWordCharacter(c) : i == hyphen || (c >= u'0' && c <= u'9');
        if (!fits) {
            return false;
        }
    }
    return true;
}

// The row's pattern, by hand: a QRegularExpression compiled (PCRE2 JIT) for one match was most of
// what resolving the endpoint cost a headless export (docs/benchmarks.md, "Fifth round").
bool matchesRegionPattern(const PartitionRow &row, QStringView region)
{
    for (const QLatin1String prefix : QLatin1String(row.regionPrefixes).tokenize(QLatin1Char('|'))) {
        if (region.size() > prefix.size() && region.startsWith(prefix) && region.at(prefix.size()) == u'-'
            && isNameAndNumber(region.sliced(prefix.size() + 1))) {
            return true;
        }
    }
    return false;
}

} // namespace

AwsPartition partitionOfRegion(const QString &region)
{
    for (const PartitionRow &row : kPartitions) {
        // aws-eusc lists no global region: "" is not a region of it.
        if (*row.globalRegion != '\0' && region == QLatin1String(row.globalRegion)) {
            return toPartition(row);
        }
    }
    for (const PartitionRow &row : kPartitions) {
        if (matchesRegionPattern(row, region)) {
            return toPartition(row);
        }
    }
    return toPartition(kPartitions.front());
}

} // namespace outcrop::aws
