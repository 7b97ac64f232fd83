// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

namespace outcrop::sim {
class DemoActivity;
class SimulatorSet;
} // namespace outcrop::sim

namespace outcrop::bedrock {
class BedrockSession;
}

namespace outcrop::app {

// `--demo`: the simulator in this process on loopback, with a data set that keeps changing, and
// a session that talks to it over real HTTP with the simulator's own example key. The user's
// credentials, profiles and endpoint settings are not read at all. With several regions
// (`--demo --region us-east-1 --region us-west-2`) each region is a simulator of its own, with
// data of its own, on its own port: the multi-source view on generated data.
class DemoMode final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoMode)

public:
    // No region: us-east-1. Each region gets `deploymentCount` deployments.
    explicit DemoMode(int deploymentCount, const QStringList &regions = {}, QObject *parent = nullptr);
    ~DemoMode() override;

    // False with errorString() when the simulator cannot start.
    bool start();
    QString errorString() const { return m_error; }
    // The first region's session.
    bedrock::BedrockSession *session() const { return m_sessions.empty() ? nullptr : m_sessions.front().get(); }
    // One per region, in the order given.
    QList<bedrock::BedrockSession *> sessions() const;
    QStringList regions() const { return m_regions; }

private:
    int m_count;
    QStringList m_regions;
    QString m_error;
    std::unique_ptr<sim::SimulatorSet> m_simulators;
    std::vector<std::unique_ptr<sim::DemoActivity>> m_activities;
    std::vector<std::unique_ptr<bedrock::BedrockSession>> m_sessions;
};

} // namespace outcrop::app
