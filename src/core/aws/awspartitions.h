// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace outcrop::aws {

// The AWS partition a region belongs to, as the endpoint rules' aws.partition function returns it.
struct AwsPartition
{
    QString id;                 // "aws", "aws-cn", ...
    QString dnsSuffix;          // "amazonaws.com"
    QString dualStackDnsSuffix; // "api.aws"
    bool supportsFips = true;
    bool supportsDualStack = true;
};

// Exact region names first, then each partition's region pattern, then "aws" (the JS SDK's
// util-endpoints partition() and botocore's EndpointRulesetResolver do the same).
AwsPartition partitionOfRegion(const QString &region);

} // namespace outcrop::aws
