// SPDX-License-Identifier: Apache-2.0
#include "bedrock/deploymentsources.h"

#include "aws/awsenvironment.h"

#include <QCoreApplication>

namespace outcrop::bedrock {

aws::AwsClientOptions DeploymentSource::clientOptions(const QString &endpointUrl) const
{
    aws::AwsClientOptions options;
    options.profile = profile;
    options.region = region;
    options.endpointUrl = endpointUrl;
    return options;
}

QList<DeploymentSource> crossSources(const QStringList &profiles, const QStringList &regions)
{
    const QStringList profileList = profiles.isEmpty() ? QStringList{QString()} : profiles;
    const QStringList regionList = regions.isEmpty() ? QStringList{QString()} : regions;
    QList<DeploymentSource> sources;
    for (const QString &profile : profileList) {
        for (const QString &region : regionList) {
            const DeploymentSource source{profile, region};
            if (!sources.contains(source)) {
                sources.append(source);
            }
        }
    }
    return sources;
}

QString sourceLabel(const QString &profile, const QString &region)
{
    if (profile.isEmpty() || profile == QLatin1String("default")) {
        return region;
    }
    return region.isEmpty() ? profile : profile + QStringLiteral(" · ") + region;
}

QString ResolvedSource::errorMessage() const
{
    return connection.isValid() ? QString()
                                : QCoreApplication::translate("DeploymentSources", "Source %1: %2")
                                      .arg(label, connection.error);
}

QList<ResolvedSource> resolveSources(const QList<DeploymentSource> &sources, const QString &endpointUrl,
                                     const aws::AwsEnvironment &environment)
{
    QList<ResolvedSource> resolved;
    for (const DeploymentSource &source : sources) {
        ResolvedSource entry;
        entry.source = source;
        entry.connection = BedrockConnection::resolve(source.clientOptions(endpointUrl), environment);
        const QString profile = entry.connection.profile.isEmpty() ? environment.profileName(source.profile)
                                                                   : entry.connection.profile;
        const QString region = entry.connection.region.region.isEmpty() ? source.region : entry.connection.region.region;
        entry.label = sourceLabel(profile, region);
        if (entry.label.isEmpty()) {
            entry.label = profile;
        }
        resolved.append(entry);
    }
    return resolved;
}

} // namespace outcrop::bedrock
