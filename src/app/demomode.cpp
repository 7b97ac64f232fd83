// SPDX-License-Identifier: Apache-2.0
#include "demomode.h"

#include "aws/authprovider.h"
#include "bedrock/bedrocksession.h"
#include "demoactivity.h"
#include "simulatorset.h"

namespace outcrop::app {

DemoMode::DemoMode(int deploymentCount, const QStringList &regions, QObject *parent)
    : QObject(parent)
    , m_count(deploymentCount)
    , m_regions(regions.isEmpty() ? QStringList{QStringLiteral("us-east-1")} : regions)
{
}

DemoMode::~DemoMode()
{
    // The clients first (they may have calls in flight), then the servers.
    m_sessions.clear();
    m_activities.clear();
    m_simulators.reset();
}

QList<bedrock::BedrockSession *> DemoMode::sessions() const
{
    QList<bedrock::BedrockSession *> list;
    for (const auto &session : m_sessions) {
        list.append(session.get());
    }
    return list;
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
    QList<sim::SimSource> sources;
    for (const QString &region : std::as_const(m_regions)) {
        sources.append({config.accountId, region});
    }
    m_simulators = std::make_unique<sim::SimulatorSet>(config, sources);
    if (!m_simulators->start()) {
        m_error = m_simulators->errorString();
        return false;
    }
    const sim::SimCredential key = sim::SimConfig::documentationCredential();
    aws::AwsAuth auth;
    auth.credentials.accessKeyId = key.accessKeyId;
    auth.credentials.secretAccessKey = key.secretAccessKey;
    auth.credentials.source = tr("the demo simulator");
    for (int i = 0; i < m_simulators->size(); ++i) {
        sim::Simulator *simulator = m_simulators->simulator(i);
        m_activities.push_back(std::make_unique<sim::DemoActivity>(&simulator->store(), quint32(7 + i)));
        m_activities.back()->start();
        m_sessions.push_back(std::make_unique<bedrock::BedrockSession>(
            simulator->serverUrl(), simulator->config().region, std::make_unique<aws::StaticAuthProvider>(auth)));
    }
    return true;
}

} // namespace outcrop::app
