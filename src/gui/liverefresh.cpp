// SPDX-License-Identifier: Apache-2.0
#include "liverefresh.h"

#include <algorithm>

namespace outcrop::gui {

LiveRefresh::LiveRefresh(QObject *parent)
    : QObject(parent)
{
    m_resumeTimer.setSingleShot(true);
    connect(&m_listTimer, &QTimer::timeout, this, &LiveRefresh::onListTick);
    connect(&m_transitionalTimer, &QTimer::timeout, this, &LiveRefresh::transitionalPollDue);
    connect(&m_resumeTimer, &QTimer::timeout, this, [this] {
        emit refreshDue();
        reschedule(false);
    });
}

int LiveRefresh::transitionalIntervalMs() const
{
    return std::max(5000, m_intervalMs / 3);
}

void LiveRefresh::setIntervalSeconds(int seconds)
{
    setIntervalMs(std::max(0, seconds) * 1000);
}

void LiveRefresh::setIntervalMs(int milliseconds)
{
    m_intervalMs = std::max(0, milliseconds);
    reschedule(false);
}

void LiveRefresh::setActive(bool active)
{
    if (active == m_active) {
        return;
    }
    m_active = active;
    reschedule(active);
}

void LiveRefresh::reschedule(bool afterPause)
{
    m_listTimer.stop();
    m_transitionalTimer.stop();
    m_resumeTimer.stop();
    if (!m_active || m_intervalMs == 0) {
        return;
    }
    if (afterPause) {
        // One refresh shortly after coming back, then the normal pace.
        m_resumeTimer.start(resumeDelayMs);
        return;
    }
    m_sinceLastTick.start();
    m_listTimer.start(m_intervalMs);
    m_transitionalTimer.start(transitionalIntervalMs());
}

void LiveRefresh::onListTick()
{
    // A tick far later than due means the machine slept: treat it like a resume, so the timers
    // do not fire a backlog and the first request waits until the network is likely back.
    const qint64 late = m_sinceLastTick.elapsed() - m_intervalMs;
    if (late > qint64(m_intervalMs) + 10000) {
        reschedule(true);
        return;
    }
    m_sinceLastTick.start();
    emit refreshDue();
}

} // namespace outcrop::gui
