// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

#include <optional>

namespace outcrop::aws {

class AwsEnvironment;

// Bedrock API keys. When AWS_BEARER_TOKEN_BEDROCK is set, the AWS SDKs send
// "Authorization: Bearer <token>" instead of a SigV4 signature: the JS SDK prefers httpBearerAuth
// when AWS_BEARER_TOKEN_<SIGNING NAME> is in the environment (@aws-sdk/core
// NODE_AUTH_SCHEME_PREFERENCE_OPTIONS, getBearerTokenEnvKey). An empty value counts as unset.
// The token is a secret: never log it, never put it in a message.
inline constexpr char kBedrockBearerTokenVariable[] = "AWS_BEARER_TOKEN_BEDROCK";

std::optional<QString> bedrockBearerToken(const AwsEnvironment &environment);

} // namespace outcrop::aws
