// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <QRandomGenerator>
#include <QTimer>

namespace outcrop::sim {

class DeploymentStore;

// Keeps a demo's data set moving, so the dashboard has something to show live: every few
// seconds a deployment is created (it goes Creating -> Active, or Failed when its name says so)
// or an Active one is deleted (Deleting -> gone). Deterministic for a given seed.
class DemoActivity final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoActivity)

public:
    explicit DemoActivity(DeploymentStore *store, quint32 seed = 7, QObject *parent = nullptr);

    void start(int intervalMs = 6000);
    void stop() { m_timer.stop(); }
    // One step, public for tests.
    void step();

private:
    DeploymentStore *m_store;
    QRandomGenerator m_random;
    QTimer m_timer;
    int m_created = 0;
};

} // namespace outcrop::sim
