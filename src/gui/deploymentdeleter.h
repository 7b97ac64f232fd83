// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "aws/awserror.h"
#include "bedrock/deployment.h"

#include <QList>
#include <QObject>
#include <QPointer>

namespace outcrop::aws {
class AwsCall;
}
namespace outcrop::bedrock {
class BedrockClient;
}

namespace outcrop::gui {

// Deletes deployments one after another (DeleteCustomModelDeployment), so that deleting fifty
// selected rows does not fire fifty requests at once into the account's throttling limit, and
// records what happened to each for the summary.
class DeploymentDeleter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeploymentDeleter)

public:
    struct Outcome
    {
        bedrock::DeploymentSummary deployment;
        aws::AwsError error;   // None: the service accepted the deletion
    };

    DeploymentDeleter(bedrock::BedrockClient *client, QList<bedrock::DeploymentSummary> deployments,
                      QObject *parent = nullptr);
    ~DeploymentDeleter() override;

    void start();
    // Stops after the call in flight; the deployments not yet asked for are left alone.
    void cancel();
    bool isRunning() const { return m_running; }
    int total() const { return int(m_deployments.size()); }
    int done() const { return int(m_outcomes.size()); }
    const QList<Outcome> &outcomes() const { return m_outcomes; }

signals:
    // The service accepted this deletion: the deployment now shows Deleting.
    void accepted(const QString &arn);
    void progressed(int done, int total);
    void finished();

private:
    void next();

    QPointer<bedrock::BedrockClient> m_client;
    QList<bedrock::DeploymentSummary> m_deployments;
    QList<Outcome> m_outcomes;
    QPointer<aws::AwsCall> m_call;
    bool m_running = false;
    bool m_cancelled = false;
    bool m_destroying = false;
};

} // namespace outcrop::gui
