// SPDX-License-Identifier: Apache-2.0
#include "aws/bearertoken.h"

#include "aws/awsenvironment.h"

namespace outcrop::aws {

std::optional<QString> bedrockBearerToken(const AwsEnvironment &environment)
{
    const QString token = environment.value(QString::fromLatin1(kBedrockBearerTokenVariable));
    if (token.isEmpty()) {
        return std::nullopt;
    }
    return token;
}

} // namespace outcrop::aws
