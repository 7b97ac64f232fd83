// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDateTime>

namespace outcrop::sim {

// The simulator's idea of "now": the system clock, shifted by an offset or pinned to a fixed
// time. Tests move it to provoke "Signature expired", expired session tokens and clock-skew
// correction (the Date header follows it too).
class SimClock
{
public:
    QDateTime now() const
    {
        if (m_fixed.isValid()) {
            return m_fixed;
        }
        return QDateTime::currentDateTimeUtc().addMSecs(m_offsetMs);
    }
    void setOffsetMs(qint64 offsetMs) { m_offsetMs = offsetMs; }
    qint64 offsetMs() const { return m_offsetMs; }
    void setFixedTime(const QDateTime &time) { m_fixed = time.toUTC(); }   // invalid = follow the system clock

private:
    qint64 m_offsetMs = 0;
    QDateTime m_fixed;
};

} // namespace outcrop::sim
