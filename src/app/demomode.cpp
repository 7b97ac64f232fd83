// SPDX-License-Identifier: Apache-2.0
#include "demomode.h"

#include "aws/authprovider.h"
#include "bedrock/bedrocksession.h"
#include "demoactivity.h"
#include "simulator.h"

namespace outcrop::app {

DemoMode::DemoMode(int deploymentCount, QObject *parent)
    : QObject(parent)
    , m_count(deploymentCount)
{
}

DemoMode::~DemoMode()
{
    // The client first (it may have calls in flight), then the server.
    m_session.reset();
    m_activity.reset();
    m_simulator.reset();
}

bool DemoMode::start()
{
    sim::SimConfig config;
    config.count = m_count;
    config.anchor = QDateTime::currentDateTimeUtc();
    // Short transitions, so Creating -> Active/Failed and Deleting -> gone happen while watched.
    config.timings.creatingMs = 20000;
    config.timings.deletingMs = 12000;
    config.timings.updatingMs = 20000;
    m_simulator = std::make_unique<sim::Simulator>(config);
    if (!m_simulator->start()) {
        m_error = m_simulator->errorString();
        return false;
    }
    m_activity = std::make_unique<sim::DemoActivity>(&m_simulator->store());
    m_activity->start();

    const sim::SimCredential key = sim::SimConfig::documentationCredential();
    aws::AwsAuth auth;
    auth.credentials.accessKeyId = key.accessKeyId;
    auth.credentials.secretAccessKey = key.secretAccessKey;
    auth.credentials.source = tr("the demo simulator");
    m_session = std::make_unique<bedrock::BedrockSession>(m_simulator->serverUrl(), config.region,
                                                          std::make_unique<aws::StaticAuthProvider>(auth));
    return true;
}

} // namespace outcrop::app
