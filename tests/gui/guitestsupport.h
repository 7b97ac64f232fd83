// SPDX-License-Identifier: Apache-2.0
#pragma once

// Helpers shared by the GUI model tests: a simulator started in the test process and a Bedrock
// session that signs with the documentation key pair, plus hand-made data sets.

#include "simulator.h"

#include "aws/authprovider.h"
#include "bedrock/bedrockclient.h"
#include "bedrock/bedrocksession.h"

#include <QDateTime>
#include <QTest>

#include <memory>

namespace outcrop::gui::test {

inline aws::AwsAuth exampleAuth()
{
    aws::AwsAuth auth;
    auth.credentials.accessKeyId = QStringLiteral("AKIDEXAMPLE");
    auth.credentials.secretAccessKey = QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    auth.credentials.source = QStringLiteral("test");
    return auth;
}

// Timings long enough that nothing changes state by itself during a test.
inline sim::SimConfig quietConfig(int count)
{
    sim::SimConfig config;
    config.count = count;
    config.timings.creatingMs = 3600 * 1000;
    config.timings.deletingMs = 3600 * 1000;
    config.timings.updatingMs = 3600 * 1000;
    return config;
}

// A quiet data set whose only key may call `allowedActions` (per-key permissions: anything else
// is AccessDeniedException).
inline sim::SimConfig configAllowing(int count, const QStringList &allowedActions)
{
    sim::SimConfig config = quietConfig(count);
    sim::SimCredential credential = sim::SimConfig::documentationCredential();
    credential.allowedActions = allowedActions;
    config.credentials = {credential};
    return config;
}

// A simulator on loopback and a session talking to it.
class SimFixture
{
public:
    explicit SimFixture(const sim::SimConfig &config)
        : simulator(config)
    {
        if (!simulator.start()) {
            qFatal("The simulator did not start: %s", qPrintable(simulator.errorString()));
        }
        session = std::make_unique<bedrock::BedrockSession>(simulator.serverUrl(), QStringLiteral("us-east-1"),
                                                            std::make_unique<aws::StaticAuthProvider>(exampleAuth()));
    }

    bedrock::BedrockClient *client() const { return session->client(); }

    // The ARNs the service lists for the unfiltered query, newest first (the default order).
    QStringList listedArns()
    {
        QStringList arns;
        const auto &stored = simulator.store().deploymentsByCreation();
        for (auto it = stored.rbegin(); it != stored.rend(); ++it) {
            arns.append((*it)->data.arn);
        }
        return arns;
    }

    QString customModelArn(int index = 0) { return simulator.store().customModelsByCreation().at(size_t(index))->data.arn; }

    sim::Simulator simulator;
    std::unique_ptr<bedrock::BedrockSession> session;
};

inline QString deploymentArn(const QString &id)
{
    return QStringLiteral("arn:aws:bedrock:us-east-1:123456789012:custom-model-deployment/") + id;
}

inline QString modelArn(const QString &id)
{
    return QStringLiteral("arn:aws:bedrock:us-east-1:123456789012:custom-model/amazon.nova-micro-v1:0:128k/") + id;
}

inline sim::Deployment makeDeployment(const QString &id, const QString &name, const QString &status,
                                      const QDateTime &createdAt, const QString &failureMessage = {})
{
    sim::Deployment deployment;
    deployment.arn = deploymentArn(id);
    deployment.name = name;
    deployment.modelArn = modelArn(QStringLiteral("m1"));
    deployment.status = status;
    deployment.failureMessage = failureMessage;
    deployment.createdAt = createdAt;
    deployment.lastUpdatedAt = createdAt.addSecs(600);
    return deployment;
}

inline QDateTime utc(int year, int month, int day, int hour = 12)
{
    return QDateTime(QDate(year, month, day), QTime(hour, 0), Qt::UTC);
}

} // namespace outcrop::gui::test
