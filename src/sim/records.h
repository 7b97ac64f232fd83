// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

namespace outcrop::sim {

struct Tag
{
    QString key;
    QString value;
    friend bool operator==(const Tag &a, const Tag &b) { return a.key == b.key && a.value == b.value; }
};

// A custom model deployment as the service keeps it. `status` is a wire value: Creating, Active,
// Failed, or Deleting (not in the model's enum, but the user guide shows it; bedrock-api.md §1.5).
struct Deployment
{
    QString arn;
    QString name;
    QString modelArn;
    QString description;          // empty = absent
    QString status;
    QString failureMessage;       // empty = absent
    QDateTime createdAt;
    QDateTime lastUpdatedAt;      // invalid = absent
    QString updateModelArn;       // updateDetails, present when updateStatus is not empty
    QString updateStatus;         // Updating, UpdateCompleted, UpdateFailed
    QList<Tag> tags;

    // ListCustomModelDeployments summary: note "customModelDeploymentName" (§3).
    QByteArray summaryJson() const;
    // GetCustomModelDeployment: "modelDeploymentName", description and updateDetails (§4).
    QByteArray detailJson() const;
    friend bool operator==(const Deployment &a, const Deployment &b);
};

// A custom model (ListCustomModels / GetCustomModel; botocore CustomModelSummary and
// GetCustomModelResponse). Only the members a deployment dashboard needs.
struct CustomModel
{
    QString arn;
    QString name;
    QString baseModelArn;
    QString baseModelName;
    QString customizationType;    // FINE_TUNING, DISTILLATION, ...
    QString ownerAccountId;
    QString modelStatus;          // Active, Creating, Failed
    QString jobName;              // empty = absent
    QString jobArn;               // empty = absent
    QString failureMessage;       // empty = absent
    QDateTime creationTime;

    QByteArray summaryJson() const;
    QByteArray detailJson() const;
    friend bool operator==(const CustomModel &a, const CustomModel &b);
};

struct SimData
{
    QList<CustomModel> customModels;
    QList<Deployment> deployments;
};

} // namespace outcrop::sim
