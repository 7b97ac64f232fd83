// SPDX-License-Identifier: Apache-2.0
#include "aws/endpointresolver.h"

#include "aws/awsenvironment.h"
#include "aws/awspartitions.h"
#include "aws/awssharedconfig.h"
#include "aws/regionresolver.h"

#include <QCoreApplication>

namespace outcrop::aws {

namespace {

// Why no endpoint could be used, and where an endpoint came from. The "Invalid Configuration: …"
// messages are the AWS SDKs' endpoint rules' own.
class EndpointResolverTr
{
    Q_DECLARE_TR_FUNCTIONS(EndpointResolver)
};

struct BooleanSetting
{
    bool value = false;
    QString source; // empty when neither the variable nor the key is set
    QString error;
};

BooleanSetting readBoolean(const AwsEnvironment &environment, const QString &variable, const AwsProfile &profile,
                           const QString &key)
{
    BooleanSetting setting;
    QString text;
    if (environment.isSet(variable)) {
        text = environment.value(variable);
        setting.source = variable;
    } else if (profile.contains(key)) {
        text = profile.value(key);
        setting.source = profile.describe(key) + QStringLiteral(" (") + key + QLatin1Char(')');
    } else {
        return setting;
    }
    if (text.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0) {
        setting.value = true;
    } else if (text.compare(QLatin1String("false"), Qt::CaseInsensitive) != 0) {
        setting.error = EndpointResolverTr::tr("%1 must be “true” or “false”, not “%2”.").arg(setting.source, text);
    }
    return setting;
}

struct ConfiguredEndpoint
{
    QString url;
    QString source;
    QString error;
};

// What the SDKs derive from a serviceId ("Bedrock", "SSO OIDC"): the variable
// AWS_ENDPOINT_URL_SSO_OIDC and the [services] key sso_oidc (@smithy/core getEndpointUrlConfig).
QString endpointVariableFor(const QString &serviceId)
{
    return QStringLiteral("AWS_ENDPOINT_URL_") + serviceId.toUpper().replace(QLatin1Char(' '), QLatin1Char('_'));
}

QString servicesKeyFor(const QString &serviceId)
{
    return serviceId.toLower().replace(QLatin1Char(' '), QLatin1Char('_'));
}

ConfiguredEndpoint configuredEndpoint(const QString &serviceId, const QString &explicitUrl,
                                      const AwsEnvironment &environment, const AwsSharedConfig &sharedConfig,
                                      const AwsProfile &profile)
{
    if (!explicitUrl.isEmpty()) {
        return { explicitUrl, QStringLiteral("--endpoint-url"), {} };
    }
    const BooleanSetting ignore = readBoolean(environment, QStringLiteral("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"),
                                              profile, QStringLiteral("ignore_configured_endpoint_urls"));
    if (!ignore.error.isEmpty()) {
        return { {}, {}, ignore.error };
    }
    if (ignore.value) {
        return {};
    }
    for (const QString &variable : { endpointVariableFor(serviceId), QStringLiteral("AWS_ENDPOINT_URL") }) {
        if (environment.isSet(variable)) {
            return { environment.value(variable), variable, {} };
        }
    }
    QString error;
    const QString servicesKey = servicesKeyFor(serviceId);
    const QString fromServices
        = sharedConfig.serviceSetting(profile, servicesKey, QStringLiteral("endpoint_url"), &error);
    if (!error.isEmpty()) {
        return { {}, {}, error };
    }
    if (!fromServices.isEmpty()) {
        const QString servicesName = profile.value(QStringLiteral("services"));
        return { fromServices,
                 EndpointResolverTr::tr("[services %1] %2.endpoint_url in %3")
                     .arg(servicesName, servicesKey, sharedConfig.configFile().path()),
                 {} };
    }
    const QString key = QStringLiteral("endpoint_url");
    if (profile.contains(key)) {
        return { profile.value(key), profile.describe(key) + QStringLiteral(" (endpoint_url)"), {} };
    }
    return {};
}

// Checks a configured endpoint URL; sets resolution->url or resolution->error.
void acceptCustomUrl(const ConfiguredEndpoint &configured, EndpointResolution *resolution)
{
    resolution->custom = true;
    resolution->source = configured.source;
    const QUrl url(configured.url, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (!url.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        || url.host().isEmpty()) {
        resolution->error = EndpointResolverTr::tr("The endpoint URL from %1 is not an http:// or https:// URL with a host.")
                                .arg(configured.source);
        return;
    }
    resolution->url = url;
}

QString hostPrefix(bool fips)
{
    return fips ? QStringLiteral("bedrock-fips") : QStringLiteral("bedrock");
}

} // namespace

EndpointResolution resolveEndpoint(const AwsClientOptions &options, const AwsEnvironment &environment,
                                   const AwsSharedConfig &sharedConfig, const AwsProfile &profile,
                                   const RegionResolution &region)
{
    EndpointResolution resolution;
    const BooleanSetting fips = readBoolean(environment, QStringLiteral("AWS_USE_FIPS_ENDPOINT"), profile,
                                            QStringLiteral("use_fips_endpoint"));
    const BooleanSetting dualStack = readBoolean(environment, QStringLiteral("AWS_USE_DUALSTACK_ENDPOINT"), profile,
                                                 QStringLiteral("use_dualstack_endpoint"));
    const ConfiguredEndpoint configured
        = configuredEndpoint(QStringLiteral("Bedrock"), options.endpointUrl, environment, sharedConfig, profile);
    for (const QString &error : { fips.error, dualStack.error, configured.error }) {
        if (!error.isEmpty()) {
            resolution.error = error;
            return resolution;
        }
    }
    resolution.useFips = fips.value || region.fipsFromRegion;
    resolution.useDualStack = dualStack.value;
    const QString fipsSource = fips.value ? fips.source : EndpointResolverTr::tr("the FIPS region name");

    if (!configured.url.isEmpty()) {
        if (resolution.useFips) {
            resolution.error = EndpointResolverTr::tr("Invalid Configuration: FIPS and custom endpoint are not supported "
                                                      "(endpoint from %1, FIPS from %2)")
                                   .arg(configured.source, fipsSource);
            resolution.custom = true;
            resolution.source = configured.source;
            return resolution;
        }
        if (resolution.useDualStack) {
            resolution.error = EndpointResolverTr::tr("Invalid Configuration: Dualstack and custom endpoint are not supported "
                                                      "(endpoint from %1, dual-stack from %2)")
                                   .arg(configured.source, dualStack.source);
            resolution.custom = true;
            resolution.source = configured.source;
            return resolution;
        }
        acceptCustomUrl(configured, &resolution);
        return resolution;
    }

    if (region.region.isEmpty()) {
        resolution.error = EndpointResolverTr::tr("Invalid Configuration: Missing Region");
        return resolution;
    }
    if (!region.isValid()) {
        resolution.error = region.error;
        return resolution;
    }
    const AwsPartition partition = partitionOfRegion(region.region);
    const QString suffix = resolution.useDualStack ? partition.dualStackDnsSuffix : partition.dnsSuffix;
    resolution.url = QUrl(QStringLiteral("https://%1.%2.%3").arg(hostPrefix(resolution.useFips), region.region, suffix));
    resolution.source = EndpointResolverTr::tr("region %1 (partition %2)").arg(region.region, partition.id);
    return resolution;
}

EndpointResolution resolveServiceEndpoint(const QString &serviceId, const QString &hostPrefix,
                                          const AwsEnvironment &environment, const AwsSharedConfig &sharedConfig,
                                          const AwsProfile &profile, const QString &region)
{
    EndpointResolution resolution;
    const ConfiguredEndpoint configured = configuredEndpoint(serviceId, {}, environment, sharedConfig, profile);
    if (!configured.error.isEmpty()) {
        resolution.error = configured.error;
        return resolution;
    }
    if (!configured.url.isEmpty()) {
        acceptCustomUrl(configured, &resolution);
        return resolution;
    }
    if (region.isEmpty()) {
        resolution.error = EndpointResolverTr::tr("Invalid Configuration: Missing Region");
        return resolution;
    }
    const AwsPartition partition = partitionOfRegion(region);
    resolution.url = QUrl(QStringLiteral("https://%1.%2.%3").arg(hostPrefix, region, partition.dnsSuffix));
    resolution.source = EndpointResolverTr::tr("region %1 (partition %2)").arg(region, partition.id);
    return resolution;
}

EndpointResolution resolveServiceEndpoint(const QString &service, const QString &explicitUrl,
                                          const AwsEnvironment &environment, const AwsSharedConfig &sharedConfig,
                                          const AwsProfile &profile, const RegionResolution &region)
{
    EndpointResolution resolution;
    const BooleanSetting fips = readBoolean(environment, QStringLiteral("AWS_USE_FIPS_ENDPOINT"), profile,
                                            QStringLiteral("use_fips_endpoint"));
    const BooleanSetting dualStack = readBoolean(environment, QStringLiteral("AWS_USE_DUALSTACK_ENDPOINT"), profile,
                                                 QStringLiteral("use_dualstack_endpoint"));
    const ConfiguredEndpoint configured = configuredEndpoint(service, explicitUrl, environment, sharedConfig, profile);
    for (const QString &error : { fips.error, dualStack.error, configured.error }) {
        if (!error.isEmpty()) {
            resolution.error = error;
            return resolution;
        }
    }
    resolution.useFips = fips.value || region.fipsFromRegion;
    resolution.useDualStack = dualStack.value;
    const QString fipsSource = fips.value ? fips.source : EndpointResolverTr::tr("the FIPS region name");

    if (!configured.url.isEmpty()) {
        resolution.custom = true;
        resolution.source = configured.source;
        if (resolution.useFips) {
            resolution.error = EndpointResolverTr::tr("Invalid Configuration: FIPS and custom endpoint are not supported "
                                                      "(endpoint from %1, FIPS from %2)")
                                   .arg(configured.source, fipsSource);
            return resolution;
        }
        if (resolution.useDualStack) {
            resolution.error = EndpointResolverTr::tr("Invalid Configuration: Dualstack and custom endpoint are not supported "
                                                      "(endpoint from %1, dual-stack from %2)")
                                   .arg(configured.source, dualStack.source);
            return resolution;
        }
        const QUrl url(configured.url, QUrl::StrictMode);
        const QString scheme = url.scheme().toLower();
        if (!url.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
            || url.host().isEmpty()) {
            resolution.error = EndpointResolverTr::tr("The endpoint URL from %1 is not an http:// or https:// URL with a host.")
                                   .arg(configured.source);
            return resolution;
        }
        resolution.url = url;
        return resolution;
    }

    if (region.region.isEmpty()) {
        resolution.error = EndpointResolverTr::tr("Invalid Configuration: Missing Region");
        return resolution;
    }
    if (!region.isValid()) {
        resolution.error = region.error;
        return resolution;
    }
    const AwsPartition partition = partitionOfRegion(region.region);
    const QString suffix = resolution.useDualStack ? partition.dualStackDnsSuffix : partition.dnsSuffix;
    resolution.url = QUrl(QStringLiteral("https://%1.%2.%3").arg((resolution.useFips ? service + QStringLiteral("-fips") : service), region.region, suffix));
    resolution.source = EndpointResolverTr::tr("region %1 (partition %2)").arg(region.region, partition.id);
    return resolution;
}

} // namespace outcrop::aws
