// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "aws/awsclientoptions.h"

#include <QString>
#include <QUrl>

namespace outcrop::aws {

class AwsEnvironment;
class AwsProfile;
class AwsSharedConfig;
struct RegionResolution;

struct EndpointResolution
{
    QUrl url;                 // e.g. https://bedrock.us-east-1.amazonaws.com
    bool custom = false;      // a configured endpoint rather than one built from the region
    bool useFips = false;
    bool useDualStack = false;
    QString source;           // "--endpoint-url", "AWS_ENDPOINT_URL_BEDROCK", "profile dev in …", "region us-east-1"
    QString error;
    bool isValid() const { return error.isEmpty(); }
};

// The Bedrock endpoint (bedrock-api.md §1.1).
// Custom endpoint: --endpoint-url → AWS_ENDPOINT_URL_BEDROCK → AWS_ENDPOINT_URL → the profile's
// [services NAME] `bedrock.endpoint_url` → the profile's `endpoint_url`. All but --endpoint-url are
// skipped when AWS_IGNORE_CONFIGURED_ENDPOINT_URLS (or the profile's ignore_configured_endpoint_urls)
// is true (@smithy/core getEndpointFromConfig / getEndpointUrlConfig).
// FIPS: AWS_USE_FIPS_ENDPOINT → use_fips_endpoint, or a FIPS pseudo-region. Dual-stack:
// AWS_USE_DUALSTACK_ENDPOINT → use_dualstack_endpoint. Booleans take "true"/"false" (any case; the
// JS SDK accepts only lower case) and reject anything else, naming the variable or key.
// Then the endpoint rules: a custom endpoint with FIPS or dual-stack is an error, no region is an
// error, else https://bedrock[-fips].{region}.{dnsSuffix | dualStackDnsSuffix}. The rule set's
// messages are kept verbatim at the start of `error`.
EndpointResolution resolveEndpoint(const AwsClientOptions &options, const AwsEnvironment &environment,
                                   const AwsSharedConfig &sharedConfig, const AwsProfile &profile,
                                   const RegionResolution &region);

// The endpoint of another service the credential sources call, e.g. ("SSO", "portal.sso") or
// ("SSO OIDC", "oidc"), by the same convention minus --endpoint-url, FIPS and dual-stack:
// AWS_ENDPOINT_URL_<SERVICE ID upper-cased, spaces as '_'> → AWS_ENDPOINT_URL → [services NAME]
// `<service id lower-cased, spaces as '_'>.endpoint_url` → the profile's `endpoint_url` (all
// skipped under AWS_IGNORE_CONFIGURED_ENDPOINT_URLS) → https://{hostPrefix}.{region}.{dnsSuffix}
// (the client-sso / client-sso-oidc rule sets: portal.sso.{Region}…, oidc.{Region}…).
EndpointResolution resolveServiceEndpoint(const QString &serviceId, const QString &hostPrefix,
                                          const AwsEnvironment &environment, const AwsSharedConfig &sharedConfig,
                                          const AwsProfile &profile, const QString &region);

// The same resolution for another service, by its lower-case id ("sts"): AWS_ENDPOINT_URL_STS →
// AWS_ENDPOINT_URL → [services NAME] sts.endpoint_url → the profile's endpoint_url →
// https://sts[-fips].{region}.{dnsSuffix}, the regional endpoint current SDKs use by default.
// `explicitUrl` (empty: none) beats every configured one, as --endpoint-url does for Bedrock.
EndpointResolution resolveServiceEndpoint(const QString &service, const QString &explicitUrl,
                                          const AwsEnvironment &environment, const AwsSharedConfig &sharedConfig,
                                          const AwsProfile &profile, const RegionResolution &region);

} // namespace outcrop::aws
