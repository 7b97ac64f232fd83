// SPDX-License-Identifier: Apache-2.0
#pragma once

// A small, quiet data set for the lifecycle action tests: two Active custom models and four
// deployments with ARNs and model ARNs that match the service's patterns (12-character ids), so
// Create, Update, Delete and the tag calls accept them.

#include "guitestsupport.h"

#include <QApplication>
#include <QStandardPaths>
#include <QWidget>

namespace outcrop::gui::test {

inline QString lifecycleModelArn(int index)
{
    return QStringLiteral("arn:aws:bedrock:us-east-1:123456789012:custom-model/amazon.nova-micro-v1:0:128k/")
        + (index == 0 ? QStringLiteral("alphamodel01") : QStringLiteral("betamodel002"));
}

inline QString lifecycleDeploymentArn(int index)
{
    return deploymentArn(QStringLiteral("dep00000000") + QString::number(index));
}

inline sim::CustomModel lifecycleModel(int index)
{
    sim::CustomModel model;
    model.arn = lifecycleModelArn(index);
    model.name = index == 0 ? QStringLiteral("alpha-model") : QStringLiteral("beta-model");
    model.baseModelArn = QStringLiteral("arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-micro-v1:0:128k");
    model.baseModelName = QStringLiteral("Nova Micro");
    model.customizationType = QStringLiteral("FINE_TUNING");
    model.ownerAccountId = QStringLiteral("123456789012");
    model.modelStatus = QStringLiteral("Active");
    model.creationTime = utc(2025, 1, 1 + index);
    return model;
}

// support-bot (Active), summarizer (Active), translator (Active), warming-up (Creating); newest
// last, so the table lists warming-up first.
inline sim::SimData lifecycleData()
{
    sim::SimData data;
    data.customModels = {lifecycleModel(0), lifecycleModel(1)};
    const QStringList names = {QStringLiteral("support-bot"), QStringLiteral("summarizer"), QStringLiteral("translator"),
                               QStringLiteral("warming-up")};
    for (int i = 0; i < names.size(); ++i) {
        sim::Deployment deployment = makeDeployment(QStringLiteral("dep00000000") + QString::number(i + 1), names.at(i),
                                                    i == 3 ? QStringLiteral("Creating") : QStringLiteral("Active"),
                                                    utc(2025, 3, 1 + i));
        deployment.modelArn = lifecycleModelArn(0);
        data.deployments.append(deployment);
    }
    return data;
}

// Settings in the test-mode folders, under a name of the test's own (the window saves its state).
inline void useTestSettings(const QString &testName)
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("OutcropTest"));
    QCoreApplication::setApplicationName(testName);
}

// The summary the table would show for a stored deployment.
inline bedrock::DeploymentSummary summaryOf(const sim::Deployment &deployment)
{
    bedrock::DeploymentSummary summary;
    summary.arn = deployment.arn;
    summary.name = deployment.name;
    summary.modelArn = deployment.modelArn;
    summary.statusText = deployment.status;
    summary.status = bedrock::deploymentStatusFromText(deployment.status);
    summary.createdAt = deployment.createdAt;
    return summary;
}

// The visible dialog of this type (the actions open them non-modal, with open()), or nullptr.
template<typename Dialog>
Dialog *visibleDialog()
{
    const auto windows = QApplication::topLevelWidgets();
    for (QWidget *widget : windows) {
        if (auto *dialog = qobject_cast<Dialog *>(widget); dialog && dialog->isVisible()) {
            return dialog;
        }
    }
    return nullptr;
}

// A simulator with the lifecycle data set, loaded.
class LifecycleFixture : public SimFixture
{
public:
    explicit LifecycleFixture(const sim::SimConfig &config = quietConfig(0))
        : SimFixture(config)
    {
        simulator.store().load(lifecycleData());
    }

    const sim::Deployment *stored(const QString &name)
    {
        const sim::StoredDeployment *found = simulator.store().findDeployment(name);
        return found ? &found->data : nullptr;
    }
};

} // namespace outcrop::gui::test
