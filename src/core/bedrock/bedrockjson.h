// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "bedrock/deployment.h"
#include "bedrock/rawdeploymentpage.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace outcrop::bedrock {

struct DeploymentPage
{
    QList<DeploymentSummary> deployments;
    QString nextToken;   // empty on the last page (absent, null or "")
    // Set when the page was asked for raw (BedrockClient::listDeployments) and the reader took
    // it: then its rows and token are in `raw`, and `deployments` is empty.
    bool isRaw = false;
    RawDeploymentPage raw;
};

struct CustomModelPage
{
    QList<CustomModel> models;
    QString nextToken;
};

// Parsers of the service's JSON replies. Tolerant where the service may vary (unknown fields are
// ignored, statuses are kept whatever their case), strict where a row would be wrong: a missing
// required field or malformed JSON fails with `error` naming the field and the row, never a
// crash and never a silently dropped row.
namespace BedrockJson {
bool parseDeploymentPage(const QByteArray &json, DeploymentPage *page, QString *error);
bool parseDeploymentDetail(const QByteArray &json, DeploymentDetail *detail, QString *error);
bool parseCustomModelPage(const QByteArray &json, CustomModelPage *page, QString *error);
bool parseCustomModel(const QByteArray &json, CustomModel *model, QString *error);
// The reply of Create and Update: {"customModelDeploymentArn": "..."} (required).
bool parseDeploymentArn(const QByteArray &json, QString *arn, QString *error);
// The reply of ListTagsForResource: {"tags": [{"key", "value"}, ...]}; no `tags` is no tags.
bool parseTagList(const QByteArray &json, QList<Tag> *tags, QString *error);
// RFC 3339 date-time as the service writes it ("2025-07-20T10:11:12.123Z", any fraction, Z or
// an offset); invalid on failure. The service uses strings, never epoch numbers (bedrock-api.md §1.4).
QDateTime parseTimestamp(const QString &text);
} // namespace BedrockJson

} // namespace outcrop::bedrock
