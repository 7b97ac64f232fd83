// SPDX-License-Identifier: Apache-2.0
#include "records.h"

#include "jsonwriter.h"

namespace outcrop::sim {

namespace {

void appendOptional(QByteArray &out, const char *name, const QString &value)
{
    if (!value.isEmpty()) {
        JsonWriter::appendMember(out, name, value);
    }
}

} // namespace

QByteArray Deployment::summaryJson() const
{
    QByteArray out;
    out.reserve(512);
    out += '{';
    JsonWriter::appendMember(out, "customModelDeploymentArn", arn, true);
    JsonWriter::appendMember(out, "customModelDeploymentName", name);
    JsonWriter::appendMember(out, "modelArn", modelArn);
    JsonWriter::appendTimestampMember(out, "createdAt", createdAt);
    JsonWriter::appendMember(out, "status", status);
    if (lastUpdatedAt.isValid()) {
        JsonWriter::appendTimestampMember(out, "lastUpdatedAt", lastUpdatedAt);
    }
    appendOptional(out, "failureMessage", failureMessage);
    out += '}';
    return out;
}

QByteArray Deployment::detailJson() const
{
    QByteArray out;
    out.reserve(768);
    out += '{';
    JsonWriter::appendMember(out, "customModelDeploymentArn", arn, true);
    JsonWriter::appendMember(out, "modelDeploymentName", name);
    JsonWriter::appendMember(out, "modelArn", modelArn);
    JsonWriter::appendTimestampMember(out, "createdAt", createdAt);
    JsonWriter::appendMember(out, "status", status);
    appendOptional(out, "description", description);
    if (!updateStatus.isEmpty()) {
        out += ",\"updateDetails\":{";
        JsonWriter::appendMember(out, "modelArn", updateModelArn, true);
        JsonWriter::appendMember(out, "updateStatus", updateStatus);
        out += '}';
    }
    appendOptional(out, "failureMessage", failureMessage);
    if (lastUpdatedAt.isValid()) {
        JsonWriter::appendTimestampMember(out, "lastUpdatedAt", lastUpdatedAt);
    }
    out += '}';
    return out;
}

bool operator==(const Deployment &a, const Deployment &b)
{
    return a.arn == b.arn && a.name == b.name && a.modelArn == b.modelArn && a.description == b.description
        && a.status == b.status && a.failureMessage == b.failureMessage && a.createdAt == b.createdAt
        && a.lastUpdatedAt == b.lastUpdatedAt && a.updateModelArn == b.updateModelArn
        && a.updateStatus == b.updateStatus && a.tags == b.tags;
}

QByteArray CustomModel::summaryJson() const
{
    QByteArray out;
    out.reserve(512);
    out += '{';
    JsonWriter::appendMember(out, "modelArn", arn, true);
    JsonWriter::appendMember(out, "modelName", name);
    JsonWriter::appendTimestampMember(out, "creationTime", creationTime);
    JsonWriter::appendMember(out, "baseModelArn", baseModelArn);
    JsonWriter::appendMember(out, "baseModelName", baseModelName);
    appendOptional(out, "customizationType", customizationType);
    appendOptional(out, "ownerAccountId", ownerAccountId);
    appendOptional(out, "modelStatus", modelStatus);
    out += '}';
    return out;
}

QByteArray CustomModel::detailJson() const
{
    QByteArray out;
    out.reserve(512);
    out += '{';
    JsonWriter::appendMember(out, "modelArn", arn, true);
    JsonWriter::appendMember(out, "modelName", name);
    appendOptional(out, "jobName", jobName);
    appendOptional(out, "jobArn", jobArn);
    JsonWriter::appendMember(out, "baseModelArn", baseModelArn);
    appendOptional(out, "customizationType", customizationType);
    JsonWriter::appendTimestampMember(out, "creationTime", creationTime);
    appendOptional(out, "modelStatus", modelStatus);
    appendOptional(out, "failureMessage", failureMessage);
    out += '}';
    return out;
}

bool operator==(const CustomModel &a, const CustomModel &b)
{
    return a.arn == b.arn && a.name == b.name && a.baseModelArn == b.baseModelArn
        && a.baseModelName == b.baseModelName && a.customizationType == b.customizationType
        && a.ownerAccountId == b.ownerAccountId && a.modelStatus == b.modelStatus && a.jobName == b.jobName
        && a.jobArn == b.jobArn && a.failureMessage == b.failureMessage && a.creationTime == b.creationTime;
}

} // namespace outcrop::sim
