// SPDX-License-Identifier: Apache-2.0
#include "aws/regionresolver.h"

#include "aws/awsenvironment.h"
#include "aws/awssharedconfig.h"

#include <QRegularExpression>

namespace outcrop::aws {

namespace {

bool isFipsRegion(const QString &region)
{
    return region.startsWith(QLatin1String("fips-")) || region.endsWith(QLatin1String("-fips"));
}

// @smithy/core config-resolver getRealRegion.
QString realRegion(const QString &region)
{
    if (!isFipsRegion(region)) {
        return region;
    }
    if (region == QLatin1String("fips-aws-global") || region == QLatin1String("aws-fips")) {
        return QStringLiteral("us-east-1");
    }
    QString real = region;
    static const QRegularExpression fipsPart(QStringLiteral("fips-(dkr-|prod-)?|-fips"));
    const QRegularExpressionMatch match = fipsPart.match(real);
    return match.hasMatch() ? real.remove(match.capturedStart(), match.capturedLength()) : real;
}

// @smithy/core transport isValidHostLabel.
bool isValidHostLabel(const QString &value)
{
    static const QRegularExpression label(QStringLiteral("^(?!.*-$)(?!-)[a-zA-Z0-9-]{1,63}$"));
    return label.match(value).hasMatch();
}

} // namespace

RegionResolution resolveRegion(const AwsClientOptions &options, const AwsEnvironment &environment,
                               const AwsProfile &profile)
{
    RegionResolution resolution;
    QString named;
    if (!options.region.isEmpty()) {
        named = options.region;
        resolution.source = QStringLiteral("--region");
    } else if (environment.isSet(QStringLiteral("AWS_REGION"))) {
        named = environment.value(QStringLiteral("AWS_REGION"));
        resolution.source = QStringLiteral("AWS_REGION");
    } else if (environment.isSet(QStringLiteral("AWS_DEFAULT_REGION"))) {
        named = environment.value(QStringLiteral("AWS_DEFAULT_REGION"));
        resolution.source = QStringLiteral("AWS_DEFAULT_REGION");
    } else {
        const QString key = QStringLiteral("region");
        named = profile.value(key, AwsProfile::Prefer::CredentialsFile);
        if (!named.isEmpty()) {
            resolution.source = profile.describe(key, AwsProfile::Prefer::CredentialsFile);
        }
    }
    if (named.isEmpty()) {
        resolution.error = QStringLiteral("No AWS region is set. Pass --region, set AWS_REGION or "
                                          "AWS_DEFAULT_REGION, or add “region = …” to profile %1 in %2.")
                               .arg(profile.name(), environment.configFilePath());
        return resolution;
    }
    resolution.fipsFromRegion = isFipsRegion(named);
    resolution.region = realRegion(named);
    if (!isValidHostLabel(resolution.region)) {
        resolution.error = QStringLiteral("Region not accepted: region=\"%1\" is not a valid hostname component "
                                          "(from %2).")
                               .arg(resolution.region, resolution.source);
    }
    return resolution;
}

} // namespace outcrop::aws
