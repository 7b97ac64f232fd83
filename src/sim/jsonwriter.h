// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace outcrop::sim {

// Hand-rolled JSON output for the hot path: List pages are concatenations of pre-rendered
// summaries, and QJsonDocument would re-serialise every one of them on every page.
class JsonWriter
{
public:
    // A JSON string literal with quotes; RFC 8259 escapes, non-ASCII left as UTF-8.
    static void appendString(QByteArray &out, const QString &value);
    static QByteArray string(const QString &value);
    // "YYYY-MM-DDTHH:MM:SS.sssZ", the form the JS SDK and botocore both parse (bedrock-api.md §1.4).
    static QByteArray timestamp(const QDateTime &time);
    // `"name":"value"`, preceded by ',' unless `first`.
    static void appendMember(QByteArray &out, const char *name, const QString &value, bool first = false);
    static void appendTimestampMember(QByteArray &out, const char *name, const QDateTime &time, bool first = false);
};

} // namespace outcrop::sim
