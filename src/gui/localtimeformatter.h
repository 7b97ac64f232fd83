// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDateTime>
#include <QHash>
#include <QString>

namespace outcrop::gui {

// Formats UTC times as local "yyyy-MM-dd HH:mm" for table cells, cheaply enough to run for every
// row of a 1,000-row page: the local UTC offset is looked up once per UTC day, and once per
// quarter hour on the days the offset changes (every time zone changes its offset on a quarter
// hour), and the digits are written by hand instead of through QDateTime::toLocalTime() and a
// format string per cell.
class LocalTimeFormatter
{
public:
    QString format(const QDateTime &utc);
    // The local offset from UTC, in seconds, at `utc`.
    int offsetSeconds(const QDateTime &utc);

    // A longer, locale-formatted form with seconds, for tooltips (not on the paint path).
    static QString formatLong(const QDateTime &utc);
    // "5 minutes ago", "in 2 hours" (clock skew), "3 days ago"; relative to `now`.
    static QString relativeAge(const QDateTime &time, const QDateTime &now);

private:
    static int systemOffsetSeconds(qint64 msSinceEpoch);

    QHash<qint64, int> m_offsetByDay;
    QHash<qint64, int> m_offsetByQuarterHour;   // only for the days with a transition
};

} // namespace outcrop::gui
