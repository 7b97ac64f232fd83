// SPDX-License-Identifier: Apache-2.0
#include "aws/utctime.h"

#include <array>
#include <cstring>

namespace outcrop::aws {

namespace {

constexpr std::array<const char *, 7> kDayNames = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
constexpr std::array<const char *, 12> kMonthNames = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// The value of `count` ASCII digits at `text`, or -1.
int digitsAt(const char *text, int count)
{
    int value = 0;
    for (int i = 0; i < count; ++i) {
        const char c = text[i];
        if (c < '0' || c > '9') {
            return -1;
        }
        value = value * 10 + (c - '0');
    }
    return value;
}

template <std::size_t N>
int indexOfName(const std::array<const char *, N> &names, const char *text)
{
    for (std::size_t i = 0; i < N; ++i) {
        if (std::memcmp(names[i], text, 3) == 0) {
            return int(i);
        }
    }
    return -1;
}

} // namespace

// Written by hand rather than with QLocale::toDateTime(): the date arrives with every reply, and
// Qt's parser works in local time first (mktime, which stats /etc/localtime on every call), about
// 40 us a reply on the export's main thread. Only IMF-fixdate is accepted, as before; the day name
// must be one, but (as HTTP recipients do) it is not checked against the date.
QDateTime parseHttpDate(const QByteArray &text)
{
    const QByteArray value = text.trimmed();
    // "Fri, 01 Aug 2025 09:15:30 GMT"
    //  0123456789012345678901234567 8
    if (value.size() != 29) {
        return {};
    }
    const char *p = value.constData();
    if (std::memcmp(p + 3, ", ", 2) != 0 || p[7] != ' ' || p[11] != ' ' || p[16] != ' ' || p[19] != ':'
        || p[22] != ':' || std::memcmp(p + 25, " GMT", 4) != 0) {
        return {};
    }
    if (indexOfName(kDayNames, p) < 0) {
        return {};
    }
    const int month = indexOfName(kMonthNames, p + 8) + 1;
    const int day = digitsAt(p + 5, 2);
    const int year = digitsAt(p + 12, 4);
    const int hour = digitsAt(p + 17, 2);
    const int minute = digitsAt(p + 20, 2);
    const int second = digitsAt(p + 23, 2);
    if (month < 1 || day < 0 || year < 0 || hour < 0 || minute < 0 || second < 0) {
        return {};
    }
    const QDate date(year, month, day);
    const QTime time(hour, minute, second);
    if (!date.isValid() || !QTime::isValid(hour, minute, second)) {
        return {};
    }
    return utcDateTime(date, time);
}

QByteArray formatHttpDate(const QDateTime &time)
{
    const QDateTime utc = time.toUTC();
    const QDate date = utc.date();
    const QTime clock = utc.time();
    if (!utc.isValid() || date.year() < 1 || date.year() > 9999) {
        return {};   // IMF-fixdate has four digits of year
    }
    QByteArray out;
    out.reserve(29);
    out.append(kDayNames[std::size_t(date.dayOfWeek() - 1)], 3);
    out.append(", ", 2);
    appendDigits(out, date.day(), 2);
    out.append(' ');
    out.append(kMonthNames[std::size_t(date.month() - 1)], 3);
    out.append(' ');
    appendDigits(out, date.year(), 4);
    out.append(' ');
    appendDigits(out, clock.hour(), 2);
    out.append(':');
    appendDigits(out, clock.minute(), 2);
    out.append(':');
    appendDigits(out, clock.second(), 2);
    out.append(" GMT", 4);
    return out;
}

} // namespace outcrop::aws
