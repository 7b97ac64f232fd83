// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "aws/utctime.h"

#include <QDate>
#include <QDateTime>

#include <optional>

namespace outcrop::bedrock {

enum class Rfc3339Shape {
    Reply,      // 'T' (or 't') between date and time, and a zone: what BedrockJson::parseTimestamp accepts
    UserInput,  // also ' ' between date and time, and no zone (UTC): what parseUserTime accepts
};

// The fast path of parseUserTime and BedrockJson::parseTimestamp, for times written the way the
// service writes them: "2025-07-20T10:11:12.123Z", ASCII digits, any fraction, Z or +hh:mm.
// A regular expression, four QString captures and QDate/QTime::fromString cost a few
// microseconds per time, which was a third of a 25,000-row export (docs/benchmarks.md).
//
// It only answers for times that are certainly valid; for anything else (white space,
// non-ASCII digits, 24:00:00, a day out of range) it returns nullopt and the caller's full
// parser decides, so the two paths cannot disagree.
template <typename Char>
std::optional<QDateTime> parseRfc3339Fast(const Char *text, qsizetype size, Rfc3339Shape shape)
{
    const auto digits = [text](qsizetype at, int count, int *value) {
        int result = 0;
        for (int i = 0; i < count; ++i) {
            const auto c = text[at + i];
            if (c < Char('0') || c > Char('9')) {
                return false;
            }
            result = result * 10 + int(c - Char('0'));
        }
        *value = result;
        return true;
    };
    int year, month, day, hour, minute, second;
    if (size < 19 || text[4] != Char('-') || text[7] != Char('-') || text[13] != Char(':') || text[16] != Char(':')
        || !digits(0, 4, &year) || !digits(5, 2, &month) || !digits(8, 2, &day) || !digits(11, 2, &hour)
        || !digits(14, 2, &minute) || !digits(17, 2, &second)) {
        return std::nullopt;
    }
    const auto separator = text[10];
    if (separator != Char('T') && separator != Char('t') && (shape == Rfc3339Shape::Reply || separator != Char(' '))) {
        return std::nullopt;
    }
    if (hour > 23 || minute > 59 || second > 59 || !QDate::isValid(year, month, day)) {
        return std::nullopt;
    }
    qsizetype at = 19;
    int millisecond = 0;
    if (at < size && text[at] == Char('.')) {
        // As parseUserTime: the first three digits count, the rest are cut off (not rounded).
        const qsizetype fractionStart = ++at;
        int scale = 100;
        while (at < size && text[at] >= Char('0') && text[at] <= Char('9')) {
            if (at - fractionStart < 3) {
                millisecond += int(text[at] - Char('0')) * scale;
                scale /= 10;
            }
            ++at;
        }
        const qsizetype fractionLength = at - fractionStart;
        if (fractionLength < 1 || fractionLength > 9) {
            return std::nullopt;
        }
    }
    int offsetSeconds = 0;
    if (at == size) {
        if (shape == Rfc3339Shape::Reply) {
            return std::nullopt;
        }
    } else if (text[at] == Char('Z') || text[at] == Char('z')) {
        if (++at != size) {
            return std::nullopt;
        }
    } else if (text[at] == Char('+') || text[at] == Char('-')) {
        int offsetHours, offsetMinutes;
        if (size - at != 6 || text[at + 3] != Char(':') || !digits(at + 1, 2, &offsetHours)
            || !digits(at + 4, 2, &offsetMinutes) || offsetHours > 23 || offsetMinutes > 59) {
            return std::nullopt;
        }
        offsetSeconds = (offsetHours * 3600 + offsetMinutes * 60) * (text[at] == Char('-') ? -1 : 1);
    } else {
        return std::nullopt;
    }
    constexpr qint64 unixEpochJulianDay = 2440588;
    constexpr qint64 msecsPerDay = 86400000;
    const qint64 days = QDate(year, month, day).toJulianDay() - unixEpochJulianDay;
    const qint64 msecsOfDay = ((hour * 60 + minute) * 60 + second - offsetSeconds) * qint64(1000) + millisecond;
    return aws::utcFromMSecs(days * msecsPerDay + msecsOfDay);
}

} // namespace outcrop::bedrock
