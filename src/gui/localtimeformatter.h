// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QLocale>
#include <QString>

namespace outcrop::gui {

// Formats UTC times as the local time in the locale's short date and time formats
// (QLocale::ShortFormat: "1/5/25 3:04 PM", "05.01.25 15:04", "2025/01/05 15:04"; in the C locale
// "2025-01-05 15:04") for table cells, cheaply enough to run for every row of a 1,000-row page: the local UTC offset is looked
// up once per UTC day, and once per quarter hour on the days the offset changes (every time zone
// changes its offset on a quarter hour); the date text is formatted once per local day and the
// time text once per minute of the day, and a cell is the two joined, as QLocale joins them.
class LocalTimeFormatter
{
public:
    // `locale`: the application's (QLocale::setDefault follows --lang) unless given.
    explicit LocalTimeFormatter(const QLocale &locale = QLocale());

    QString format(const QDateTime &utc);
    // The local offset from UTC, in seconds, at `utc`.
    int offsetSeconds(const QDateTime &utc);

    // The display format for a date-time editor in `locale`: its short date-time format to the
    // minute with a four-digit year ("M/d/yyyy h:mm AP", "dd.MM.yyyy HH:mm", "yyyy/MM/dd H:mm"),
    // since a two-digit year in an editor is ambiguous and its seconds are noise for a filter;
    // "yyyy-MM-dd HH:mm" in the C locale, as the table shows there.
    static QString editorFormat(const QLocale &locale = QLocale());
    // A longer, locale-formatted form with seconds, for tooltips (not on the paint path).
    static QString formatLong(const QDateTime &utc);
    // "5 minutes ago", "in 2 hours" (clock skew), "3 days ago"; relative to `now`.
    static QString relativeAge(const QDateTime &time, const QDateTime &now);

private:
    static int systemOffsetSeconds(qint64 msSinceEpoch);

    QHash<qint64, int> m_offsetByDay;
    QHash<qint64, int> m_offsetByQuarterHour;   // only for the days with a transition

    QLocale m_locale;
    // False when the locale's short date-time format is not its short date and time formats
    // joined by a space, or shows more than minutes: then every cell is formatted by QLocale.
    bool m_joinsDateAndTime = false;
    QString m_dateFormat;
    QString m_timeFormat;
    QHash<qint64, QString> m_dateByLocalDay;   // days since 1970-01-01, local
    QList<QString> m_timeByMinute;             // 1,440 minutes of the day, filled as needed
};

} // namespace outcrop::gui
