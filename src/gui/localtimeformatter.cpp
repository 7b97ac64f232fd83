// SPDX-License-Identifier: Apache-2.0
#include "localtimeformatter.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>

#include <climits>

namespace outcrop::gui {

namespace {
constexpr qint64 quarterHourMs = 15 * 60 * 1000;
constexpr qint64 minuteMs = 60 * 1000;
constexpr qint64 dayMs = 24 * 3600 * 1000;
constexpr int minutesPerDay = 24 * 60;
constexpr qint64 unixEpochJulianDay = 2440588;   // 1970-01-01
constexpr int transitionDay = INT_MIN;   // in m_offsetByDay: the offset changes during that day
constexpr int maxCachedOffsets = 8192;   // a bound for lists that span decades

qint64 floorDivide(qint64 value, qint64 divisor)
{
    return value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor);
}

// Whether QLocale::toString(dateTime, ShortFormat) is the short date, a space and the short time
// (what Qt 6.4's QLocale::dateTimeFormat() builds), with nothing finer than minutes (seconds,
// milliseconds) and no time zone, so a cell can be joined from cached parts.
bool joinsDateAndTime(const QLocale &locale)
{
    const QString time = locale.timeFormat(QLocale::ShortFormat);
    if (locale.dateTimeFormat(QLocale::ShortFormat) != locale.dateFormat(QLocale::ShortFormat) + QLatin1Char(' ') + time) {
        return false;
    }
    for (const QChar letter : {u's', u'z', u't'}) {
        if (time.contains(letter)) {
            return false;
        }
    }
    return true;
}

// The C locale (LANG=C, POSIX: no locale chosen) has no short formats of its own: Qt's are
// "d MMM yyyy" and "HH:mm:ss". There the table keeps ISO 8601's order, to the minute.
bool isCLocale(const QLocale &locale)
{
    return locale.language() == QLocale::C;
}
} // namespace

LocalTimeFormatter::LocalTimeFormatter(const QLocale &locale)
    : m_locale(locale)
    , m_joinsDateAndTime(isCLocale(locale) || joinsDateAndTime(locale))
    , m_dateFormat(isCLocale(locale) ? QStringLiteral("yyyy-MM-dd") : locale.dateFormat(QLocale::ShortFormat))
    , m_timeFormat(isCLocale(locale) ? QStringLiteral("HH:mm") : locale.timeFormat(QLocale::ShortFormat))
{
}

QString LocalTimeFormatter::editorFormat(const QLocale &locale)
{
    if (isCLocale(locale)) {
        return QStringLiteral("yyyy-MM-dd HH:mm");
    }
    QString format = locale.dateTimeFormat(QLocale::ShortFormat);
    // Seconds and their separator ("H:mm:ss" in some locales), and any fraction.
    static const QRegularExpression seconds(QStringLiteral("[:.]?s{1,2}(\\.z+)?"));
    format.remove(seconds);
    if (!format.contains(QStringLiteral("yyyy"))) {
        static const QRegularExpression twoDigitYear(QStringLiteral("(?<!y)yy(?!y)"));
        format.replace(twoDigitYear, QStringLiteral("yyyy"));
    }
    return format.trimmed();
}

int LocalTimeFormatter::systemOffsetSeconds(qint64 msSinceEpoch)
{
    return QDateTime::fromMSecsSinceEpoch(msSinceEpoch, Qt::LocalTime).offsetFromUtc();
}

int LocalTimeFormatter::offsetSeconds(const QDateTime &utc)
{
    // One lookup per UTC day: a list spread over two years has ~730 days but ~70,000 quarter hours,
    // and each system lookup costs a tzset() (glibc stats /etc/localtime every time when TZ is
    // unset: ~10 us). A day whose first and last millisecond have the same offset is taken to have
    // it throughout (no zone changes its offset twice within one day); a day with a transition
    // falls back to quarter-hour buckets.
    const qint64 ms = utc.toMSecsSinceEpoch();
    const qint64 day = floorDivide(ms, dayMs);
    auto foundDay = m_offsetByDay.constFind(day);
    if (foundDay == m_offsetByDay.cend()) {
        if (m_offsetByDay.size() >= maxCachedOffsets) {
            m_offsetByDay.clear();
        }
        const int atStart = systemOffsetSeconds(day * dayMs);
        const int atEnd = systemOffsetSeconds(day * dayMs + dayMs - 1);
        foundDay = m_offsetByDay.insert(day, atStart == atEnd ? atStart : transitionDay);
    }
    if (*foundDay != transitionDay) {
        return *foundDay;
    }
    const qint64 bucket = day * (dayMs / quarterHourMs) + (ms - day * dayMs) / quarterHourMs;
    auto found = m_offsetByQuarterHour.constFind(bucket);
    if (found != m_offsetByQuarterHour.cend()) {
        return *found;
    }
    if (m_offsetByQuarterHour.size() >= maxCachedOffsets) {
        m_offsetByQuarterHour.clear();
    }
    const int offset = systemOffsetSeconds(bucket * quarterHourMs);
    m_offsetByQuarterHour.insert(bucket, offset);
    return offset;
}

QString LocalTimeFormatter::format(const QDateTime &utc)
{
    if (!utc.isValid()) {
        return {};
    }
    if (!m_joinsDateAndTime) {
        return m_locale.toString(utc.toLocalTime(), QLocale::ShortFormat);
    }
    const qint64 localMs = utc.toMSecsSinceEpoch() + qint64(offsetSeconds(utc)) * 1000;
    const qint64 localDay = floorDivide(localMs, dayMs);
    auto date = m_dateByLocalDay.constFind(localDay);
    if (date == m_dateByLocalDay.cend()) {
        if (m_dateByLocalDay.size() >= maxCachedOffsets) {
            m_dateByLocalDay.clear();
        }
        date = m_dateByLocalDay.insert(
            localDay, m_locale.toString(QDate::fromJulianDay(unixEpochJulianDay + localDay), m_dateFormat));
    }
    const int minute = int((localMs - localDay * dayMs) / minuteMs);
    if (m_timeByMinute.isEmpty()) {
        m_timeByMinute.resize(minutesPerDay);
    }
    QString &time = m_timeByMinute[minute];
    if (time.isEmpty()) {
        time = m_locale.toString(QTime(minute / 60, minute % 60), m_timeFormat);
    }
    return *date + QLatin1Char(' ') + time;
}

QString LocalTimeFormatter::formatLong(const QDateTime &utc)
{
    if (!utc.isValid()) {
        return {};
    }
    return QLocale().toString(utc.toLocalTime(), QLocale::LongFormat);
}

QString LocalTimeFormatter::relativeAge(const QDateTime &time, const QDateTime &now)
{
    if (!time.isValid() || !now.isValid()) {
        return {};
    }
    const qint64 seconds = time.secsTo(now);
    const bool future = seconds < 0;
    const qint64 magnitude = future ? -seconds : seconds;
    // Written out call by call so that lupdate sees every plural form. The counts are named
    // variables: lupdate 6.4 loops forever on a parenthesis inside translate()'s count argument
    // and drops the call when the argument is a division.
    const int n = int(qMin<qint64>(magnitude, INT_MAX));
    const int minutes = n / 60;
    const int hours = n / 3600;
    const int days = n / 86400;
    const int months = n / (86400 * 30);
    const int years = n / (86400 * 365);
    QString amount;
    if (magnitude < 60) {
        return QCoreApplication::translate("LocalTimeFormatter", "just now");
    } else if (magnitude < 3600) {
        amount = QCoreApplication::translate("LocalTimeFormatter", "%n minute(s)", nullptr, minutes);
    } else if (magnitude < 86400) {
        amount = QCoreApplication::translate("LocalTimeFormatter", "%n hour(s)", nullptr, hours);
    } else if (magnitude < 86400 * 60) {
        amount = QCoreApplication::translate("LocalTimeFormatter", "%n day(s)", nullptr, days);
    } else if (magnitude < 86400 * 730) {
        amount = QCoreApplication::translate("LocalTimeFormatter", "%n month(s)", nullptr, months);
    } else {
        amount = QCoreApplication::translate("LocalTimeFormatter", "%n year(s)", nullptr, years);
    }
    return future ? QCoreApplication::translate("LocalTimeFormatter", "in %1", "relative time in the future").arg(amount)
                  : QCoreApplication::translate("LocalTimeFormatter", "%1 ago", "relative age").arg(amount);
}

} // namespace outcrop::gui
