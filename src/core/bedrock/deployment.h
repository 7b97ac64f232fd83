// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

namespace outcrop::bedrock {

// The statuses the API models, plus Unknown for any other value. The service also shows values
// outside the model (the user guide's "Deleting"); such a status is kept verbatim in
// `statusText` and treated as transitional, never dropped (../shared/docs/bedrock-api.md §1.5).
enum class DeploymentStatus { Creating, Active, Failed, Unknown };

// Case-insensitive, since the API reference prose says CREATING while the wire says Creating.
DeploymentStatus deploymentStatusFromText(const QString &text);
// The PascalCase wire value of a modelled status ("Active"); empty for Unknown.
QString deploymentStatusWireValue(DeploymentStatus status);
// True for a status that will change by itself (Creating, Deleting and any unknown value).
bool isTransitional(const QString &statusText);

// One row of ListCustomModelDeployments, or the common part of GetCustomModelDeployment.
struct DeploymentSummary
{
    QString arn;
    QString name;
    QString modelArn;
    QString statusText;          // as the service sent it
    DeploymentStatus status = DeploymentStatus::Unknown;
    QDateTime createdAt;         // UTC
    QDateTime lastUpdatedAt;     // UTC; invalid when absent
    QString failureMessage;

    QString accountId() const;   // from the ARN
    QString region() const;      // from the ARN
};

struct DeploymentUpdateDetails
{
    QString modelArn;
    QString updateStatus;        // Updating | UpdateCompleted | UpdateFailed (kept verbatim)
};

// GetCustomModelDeployment: the summary fields plus what only Get returns.
struct DeploymentDetail
{
    DeploymentSummary summary;
    QString description;
    bool hasUpdateDetails = false;
    DeploymentUpdateDetails updateDetails;
};

// A tag of a resource (ListTagsForResource, TagResource, CreateCustomModelDeployment). Keys are
// case-sensitive; the value may be empty.
struct Tag
{
    QString key;
    QString value;

    bool operator==(const Tag &other) const { return key == other.key && value == other.value; }
    bool operator!=(const Tag &other) const { return !(*this == other); }
};

// A custom model, for showing its name instead of its ARN (ListCustomModels / GetCustomModel).
struct CustomModel
{
    QString arn;
    QString name;
    QString baseModelArn;
    QDateTime createdAt;
};

// The part of an ARN after the last '/', e.g. the id of a deployment or a custom model; the
// fallback display name when the custom model's own name cannot be fetched.
QString shortNameFromArn(const QString &arn);

// Field `index` (0-based) of an ARN split at ':' ("arn:partition:service:region:account:resource").
QString arnField(const QString &arn, int index);

} // namespace outcrop::bedrock

Q_DECLARE_METATYPE(outcrop::bedrock::DeploymentSummary)
Q_DECLARE_METATYPE(outcrop::bedrock::DeploymentDetail)
Q_DECLARE_METATYPE(outcrop::bedrock::Tag)
