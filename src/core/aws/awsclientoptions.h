// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

namespace outcrop::aws {

// What the user chose explicitly (command line or GUI): each beats every other source.
struct AwsClientOptions
{
    QString profile;     // --profile
    QString region;      // --region
    QString endpointUrl; // --endpoint-url
};

} // namespace outcrop::aws
