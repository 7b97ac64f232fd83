// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "aws/awsclientoptions.h"
#include "bedrock/bedrocksession.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace outcrop::aws {
class AwsEnvironment;
}

namespace outcrop::bedrock {

// One place deployments are listed from: a profile in a region. An empty profile is the default
// one (AWS_PROFILE, then "default"); an empty region is the profile's own (or the environment's).
struct DeploymentSource
{
    QString profile;
    QString region;

    aws::AwsClientOptions clientOptions(const QString &endpointUrl = {}) const;
    bool operator==(const DeploymentSource &other) const
    {
        return profile == other.profile && region == other.region;
    }
    bool operator!=(const DeploymentSource &other) const { return !(*this == other); }
};

// The sources of `--profile ... --region ...`: the cross product of the profiles and the regions,
// profile by profile, without repeats. No profile: the default one; no region: each profile in
// its own region.
QList<DeploymentSource> crossSources(const QStringList &profiles, const QStringList &regions);

// How a source is named to the user: "prod · us-west-2", or the region alone for the default
// profile ("us-west-2"); `profile` and `region` as resolved.
QString sourceLabel(const QString &profile, const QString &region);

// A source resolved like a single connection (BedrockConnection::resolve): its own profile,
// region, endpoint (the profile's endpoint_url, or --endpoint-url for all) and CA bundle.
struct ResolvedSource
{
    DeploymentSource source;
    BedrockConnection connection;
    QString label;   // sourceLabel() of the resolved profile and region, or of the request when it fails

    // "Source prod · us-west-2: <error>" when the connection cannot be made.
    QString errorMessage() const;
};

QList<ResolvedSource> resolveSources(const QList<DeploymentSource> &sources, const QString &endpointUrl,
                                     const aws::AwsEnvironment &environment);

} // namespace outcrop::bedrock
