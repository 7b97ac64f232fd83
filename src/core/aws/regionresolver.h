// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "aws/awsclientoptions.h"

#include <QString>
#include <QStringView>

namespace outcrop::aws {

class AwsEnvironment;
class AwsProfile;

struct RegionResolution
{
    QString region;              // the real region: "us-east-1" also for "fips-us-east-1"
    bool fipsFromRegion = false; // the name was a FIPS pseudo-region ("fips-…" / "…-fips")
    QString source;              // "--region", "AWS_REGION", …, "profile dev in /home/u/.aws/config"
    QString error;               // set when no region resolves or the name cannot be a host label
    bool isValid() const { return error.isEmpty(); }
};

// --region → AWS_REGION → AWS_DEFAULT_REGION → the profile's `region`.
// The JS SDK reads AWS_REGION only and botocore AWS_DEFAULT_REGION only; the AWS CLI v2 reads
// both, AWS_REGION first, and so do we. The profile's region comes from the credentials file
// before the config file, as in the JS SDK (NODE_REGION_CONFIG_FILE_OPTIONS preferredFile).
// FIPS pseudo-regions are mapped as the JS SDK's getRealRegion does and the name is checked to
// be a host label (its checkRegion), with the same message.
RegionResolution resolveRegion(const AwsClientOptions &options, const AwsEnvironment &environment,
                               const AwsProfile &profile);

// @smithy/core's isValidHostLabel (without its allowSubDomains): 1-63 ASCII letters, digits and
// hyphens, not starting or ending with a hyphen.
bool isValidHostLabel(QStringView value);

} // namespace outcrop::aws
