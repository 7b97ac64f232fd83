// SPDX-License-Identifier: Apache-2.0
#include "aws/regionresolver.h"

#include "aws/awsenvironment.h"
#include "aws/awssharedconfig.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace outcrop::aws {

namespace {

// Why no region could be used.
class RegionResolverTr
{
    Q_DECLARE_TR_FUNCTIONS(RegionResolver)
};

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


} // namespace

// @smithy/core transport isValidHostLabel: ^(?!.*-$)(?!-)[a-zA-Z0-9-]{1,63}$ (1 to 63 letters,
// digits and hyphens, neither first nor last a hyphen). By hand: compiling that pattern was most
// of what resolving the region cost a headless export (docs/benchmarks.md, "Fifth round").
bool isValidHostLabel(QStringView value)
{
    if (value.isEmpty() || value.size() > 63 || value.front() == u'-' || value.back() == u'-') {
        return false;
    }
    for (const QChar c : value) {
        if (!((c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'-')) {
            return false;
        }
    }
    return true;
}

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
        resolution.error = RegionResolverTr::tr("No AWS region is set. Pass --region, set AWS_REGION or "
                                                "AWS_DEFAULT_REGION, or add “region = …” to profile %1 in %2.")
                               .arg(profile.name(), environment.configFilePath());
        return resolution;
    }
    resolution.fipsFromRegion = isFipsRegion(named);
    resolution.region = realRegion(named);
    if (!isValidHostLabel(resolution.region)) {
        //: %2 says where the region was set: --region, AWS_REGION or "profile NAME in FILE".
        resolution.error = RegionResolverTr::tr("Region not accepted: region=\"%1\" is not a valid hostname component "
                                                "(from %2).")
                               .arg(resolution.region, resolution.source);
    }
    return resolution;
}

} // namespace outcrop::aws
