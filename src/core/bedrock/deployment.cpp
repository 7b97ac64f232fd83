// SPDX-License-Identifier: Apache-2.0
#include "bedrock/deployment.h"

namespace outcrop::bedrock {

DeploymentStatus deploymentStatusFromText(const QString &text)
{
    if (text.compare(QLatin1String("Active"), Qt::CaseInsensitive) == 0) {
        return DeploymentStatus::Active;
    }
    if (text.compare(QLatin1String("Creating"), Qt::CaseInsensitive) == 0) {
        return DeploymentStatus::Creating;
    }
    if (text.compare(QLatin1String("Failed"), Qt::CaseInsensitive) == 0) {
        return DeploymentStatus::Failed;
    }
    return DeploymentStatus::Unknown;
}

QString deploymentStatusWireValue(DeploymentStatus status)
{
    switch (status) {
    case DeploymentStatus::Creating:
        return QStringLiteral("Creating");
    case DeploymentStatus::Active:
        return QStringLiteral("Active");
    case DeploymentStatus::Failed:
        return QStringLiteral("Failed");
    case DeploymentStatus::Unknown:
        break;
    }
    return {};
}

bool isTransitional(const QString &statusText)
{
    const DeploymentStatus status = deploymentStatusFromText(statusText);
    return status == DeploymentStatus::Creating || status == DeploymentStatus::Unknown;
}

QString arnField(const QString &arn, int index)
{
    return arn.section(QLatin1Char(':'), index, index);
}

QString DeploymentSummary::accountId() const
{
    return arnField(arn, 4);
}

QString DeploymentSummary::region() const
{
    return arnField(arn, 3);
}

QString shortNameFromArn(const QString &arn)
{
    const qsizetype slash = arn.lastIndexOf(QLatin1Char('/'));
    return slash < 0 ? arn : arn.mid(slash + 1);
}

} // namespace outcrop::bedrock
