// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace outcrop::gui {

// When to refresh the table: the loaded window is re-listed every interval (off, 15, 30 or 60 s,
// chosen by the user), and deployments in transitional states are polled with Get three times
// as often (at least every 5 s). Polling pauses while the window is hidden or minimised; on
// resume, and after the machine wakes from sleep (noticed as a tick that comes far too late),
// it does one refresh after a short delay and then continues at its pace: never a burst of
// catch-up requests.
class LiveRefresh final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LiveRefresh)

public:
    static constexpr int resumeDelayMs = 1500;

    explicit LiveRefresh(QObject *parent = nullptr);

    // 0 = off. Takes effect at once.
    void setIntervalSeconds(int seconds);
    int intervalSeconds() const { return m_intervalMs / 1000; }
    // Any interval in milliseconds: for the soak benchmark (bench/soak), which refreshes every
    // 10-20 ms; the user only ever picks whole seconds.
    void setIntervalMs(int milliseconds);
    int intervalMs() const { return m_intervalMs; }
    // Visible and not minimised: polling runs; otherwise it waits.
    void setActive(bool active);
    bool isActive() const { return m_active; }
    bool isRunning() const { return m_listTimer.isActive() || m_resumeTimer.isActive(); }
    int transitionalIntervalMs() const;

signals:
    void refreshDue();                // re-list the loaded window
    void transitionalPollDue();       // Get the rows that are changing

private:
    void reschedule(bool afterPause);
    void onListTick();

    int m_intervalMs = 0;
    bool m_active = true;
    QTimer m_listTimer;
    QTimer m_transitionalTimer;
    QTimer m_resumeTimer;
    QElapsedTimer m_sinceLastTick;
};

} // namespace outcrop::gui
