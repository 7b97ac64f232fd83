// SPDX-License-Identifier: Apache-2.0
#include "aws/awspartitions.h"

#include <QRegularExpression>

#include <array>

namespace outcrop::aws {

namespace {

struct PartitionRow
{
    const char *id;
    const char *dnsSuffix;
    const char *dualStackDnsSuffix;
    const char *regionPattern;
    const char *globalRegion; // the one listed region name that does not match regionPattern
};

// The partition table the endpoint rules (shared/reference/botocore-bedrock/endpoint-rule-set-1.json)
// refer to through aws.partition; the rule set itself does not carry it. Copied from the JS SDK's
// partitions.json, version 1.1 (npm @aws-sdk/core, dist-es/submodules/client/util-endpoints/lib/aws/
// partitions.js; botocore ships the same data as botocore/data/partitions.json). Every partition has
// supportsFIPS and supportsDualStack true. Of each partition's explicit region list only the
// "*-global" pseudo-region fails the partition's pattern, so only that one is listed here.
constexpr std::array<PartitionRow, 8> kPartitions = { {
    { "aws", "amazonaws.com", "api.aws", R"(^(us|eu|ap|sa|ca|me|af|il|mx)\-\w+\-\d+$)", "aws-global" },
    { "aws-cn", "amazonaws.com.cn", "api.amazonwebservices.com.cn", R"(^cn\-\w+\-\d+$)", "aws-cn-global" },
    { "aws-eusc", "amazonaws.eu", "api.amazonwebservices.eu", R"(^eusc\-(de)\-\w+\-\d+$)", "" },
    { "aws-iso", "c2s.ic.gov", "api.aws.ic.gov", R"(^us\-iso\-\w+\-\d+$)", "aws-iso-global" },
    { "aws-iso-b", "sc2s.sgov.gov", "api.aws.scloud", R"(^us\-isob\-\w+\-\d+$)", "aws-iso-b-global" },
    { "aws-iso-e", "cloud.adc-e.uk", "api.cloud-aws.adc-e.uk", R"(^eu\-isoe\-\w+\-\d+$)", "aws-iso-e-global" },
    { "aws-iso-f", "csp.hci.ic.gov", "api.aws.hci.ic.gov", R"(^us\-isof\-\w+\-\d+$)", "aws-iso-f-global" },
    { "aws-us-gov", "amazonaws.com", "api.aws", R"(^us\-gov\-\w+\-\d+$)", "aws-us-gov-global" },
} };

AwsPartition toPartition(const PartitionRow &row)
{
    return AwsPartition { QString::fromLatin1(row.id), QString::fromLatin1(row.dnsSuffix),
                          QString::fromLatin1(row.dualStackDnsSuffix), true, true };
}

} // namespace

AwsPartition partitionOfRegion(const QString &region)
{
    for (const PartitionRow &row : kPartitions) {
        if (region == QLatin1String(row.globalRegion)) {
            return toPartition(row);
        }
    }
    for (const PartitionRow &row : kPartitions) {
        // JS RegExp \w is ASCII; so is PCRE's without UseUnicodePropertiesOption.
        if (QRegularExpression(QString::fromLatin1(row.regionPattern)).match(region).hasMatch()) {
            return toPartition(row);
        }
    }
    return toPartition(kPartitions.front());
}

} // namespace outcrop::aws
