// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "bedrock/deployment.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace outcrop::bedrock {

// The input of CreateCustomModelDeployment (../shared/docs/bedrock-api.md §5).
struct CreateDeploymentRequest
{
    QString name;                  // modelDeploymentName: unique per account and region
    QString modelArn;              // a custom model ARN; the model must be Active
    QString description;           // empty: none is sent
    QList<Tag> tags;
    // The idempotency token: the same token with the same request never creates a second
    // deployment. A dialog makes one (newClientRequestToken) and keeps it for every attempt, so a
    // request whose reply was lost can be sent again safely. Empty: the client makes one per call.
    QString clientRequestToken;
};

// The service's limits (service-2.json) that the validators below apply.
namespace MutationLimits {
constexpr int maxNameLength = 63;               // ModelDeploymentName
constexpr int maxDescriptionLength = 2048;      // CustomModelDeploymentDescription
constexpr int maxTagsPerRequest = 200;          // TagList, TagKeyList
// TooManyTagsException's documentation: "50 tags per resource", existing tags included. The
// service enforces it (TooManyTagsException), not the request shape.
constexpr int maxTagsPerResource = 50;
constexpr int maxTagKeyLength = 128;            // TagKey
constexpr int maxTagValueLength = 256;          // TagValue
constexpr int maxClientRequestTokenLength = 256; // IdempotencyToken
} // namespace MutationLimits

// A new idempotency token (a UUID v4, which the IdempotencyToken pattern accepts): one per dialog.
QString newClientRequestToken();

// The validators return an empty string when the value may be sent, otherwise a sentence naming
// the field and what is allowed. They apply the service model's lengths and patterns as a full
// match (bedrock-api.md §2), so the user hears about a bad value before a round trip.
QString validateDeploymentName(const QString &name);
QString validateDescription(const QString &text);   // empty is allowed (no description)
// The tags of one request: at most 200, keys 1-128 and values 0-256 characters of letters,
// digits, spaces and . _ : / = + @ -, no key twice, no key or value starting with "aws:".
QString validateTags(const QList<Tag> &tags);
// The keys of an UntagResource request.
QString validateTagKeys(const QStringList &keys);
// The tags a resource would have after TagResource adds `added` to `existing` (a key already
// there is overwritten): at most MutationLimits::maxTagsPerResource.
QString validateTagTotal(const QList<Tag> &existing, const QList<Tag> &added);
QString validateClientRequestToken(const QString &token);
// The model ARN of Create and Update: a CustomModelArn.
QString validateCustomModelArn(const QString &modelArn);
// The deployment of Update and Delete: its ARN or name, never empty.
QString validateDeploymentIdentifier(const QString &identifier);
// The resourceARN of the tag operations: an ARN of 20 to 1011 characters.
QString validateResourceArn(const QString &resourceArn);

} // namespace outcrop::bedrock
