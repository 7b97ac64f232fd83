// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <QString>

#include <memory>

namespace outcrop::sim {
class DemoActivity;
class Simulator;
} // namespace outcrop::sim

namespace outcrop::bedrock {
class BedrockSession;
}

namespace outcrop::app {

// `--demo`: the simulator in this process on loopback, with a data set that keeps changing, and
// a session that talks to it over real HTTP with the simulator's own example key. The user's
// credentials, profiles and endpoint settings are not read at all.
class DemoMode final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoMode)

public:
    explicit DemoMode(int deploymentCount, QObject *parent = nullptr);
    ~DemoMode() override;

    // False with errorString() when the simulator cannot start.
    bool start();
    QString errorString() const { return m_error; }
    bedrock::BedrockSession *session() const { return m_session.get(); }

private:
    int m_count;
    QString m_error;
    std::unique_ptr<sim::Simulator> m_simulator;
    std::unique_ptr<sim::DemoActivity> m_activity;
    std::unique_ptr<bedrock::BedrockSession> m_session;
};

} // namespace outcrop::app
