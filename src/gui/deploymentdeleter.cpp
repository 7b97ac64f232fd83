// SPDX-License-Identifier: Apache-2.0
#include "deploymentdeleter.h"

#include "aws/awsclient.h"
#include "bedrock/bedrockclient.h"

#include <utility>

namespace outcrop::gui {

DeploymentDeleter::DeploymentDeleter(bedrock::BedrockClient *client, QList<bedrock::DeploymentSummary> deployments,
                                     QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_deployments(std::move(deployments))
{
}

DeploymentDeleter::~DeploymentDeleter()
{
    m_destroying = true;   // first: cancel() may report at once
    if (m_call) {
        m_call->cancel();
    }
}

void DeploymentDeleter::start()
{
    if (m_running || !m_outcomes.isEmpty()) {
        return;
    }
    m_running = true;
    next();
}

void DeploymentDeleter::cancel()
{
    m_cancelled = true;
}

void DeploymentDeleter::next()
{
    if (m_cancelled || done() >= total() || !m_client) {
        m_running = false;
        emit finished();
        return;
    }
    const bedrock::DeploymentSummary deployment = m_deployments.at(done());
    // By ARN: a name can be reused by a deployment created after this one was listed.
    m_call = m_client->deleteDeployment(deployment.arn, this, [this, deployment](const aws::AwsError &error) {
        if (m_destroying) {
            return;
        }
        m_call = nullptr;
        m_outcomes.append(Outcome { deployment, error });
        if (!error.isError()) {
            emit accepted(deployment.arn);
        }
        emit progressed(done(), total());
        next();
    });
}

} // namespace outcrop::gui
