// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QtGlobal>
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
#include <QTimeZone>
#endif

namespace outcrop::aws {

// A UTC QDateTime without deprecation warnings on any Qt from 6.4 on: Qt::UTC as a time spec
// is deprecated from 6.9, and the light-weight QTimeZone::UTC initialiser only exists from 6.5
// (on 6.4 a QTimeZone-based UTC goes through the slower time zone backend).
inline QDateTime utcDateTime(QDate date, QTime time)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    return QDateTime(date, time, QTimeZone(QTimeZone::UTC));
#else
    return QDateTime(date, time, Qt::UTC);
#endif
}

inline QDateTime utcFromMSecs(qint64 msecs)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    return QDateTime::fromMSecsSinceEpoch(msecs, QTimeZone(QTimeZone::UTC));
#else
    return QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC);
#endif
}

// Appends `value` as exactly `width` decimal digits (zero-padded; width at most 8), for the
// fixed-width dates of SigV4 and HTTP.
inline void appendDigits(QByteArray &out, int value, int width)
{
    char buffer[8];
    for (int i = width - 1; i >= 0; --i) {
        buffer[i] = char('0' + value % 10);
        value /= 10;
    }
    out.append(buffer, width);
}

// RFC 7231 IMF-fixdate, as in the Date and Retry-After headers: "Fri, 01 Aug 2025 09:15:30 GMT".
// Invalid on anything else.
QDateTime parseHttpDate(const QByteArray &text);
QByteArray formatHttpDate(const QDateTime &time);

} // namespace outcrop::aws
