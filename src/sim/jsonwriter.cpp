// SPDX-License-Identifier: Apache-2.0
#include "jsonwriter.h"

namespace outcrop::sim {

void JsonWriter::appendString(QByteArray &out, const QString &value)
{
    static const char hex[] = "0123456789abcdef";
    const QByteArray utf8 = value.toUtf8();
    out.reserve(out.size() + utf8.size() + 2);
    out += '"';
    for (const char c : utf8) {
        const auto byte = static_cast<unsigned char>(c);
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        default:
            if (byte < 0x20) {
                out += "\\u00";
                out += hex[byte >> 4];
                out += hex[byte & 0xf];
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

QByteArray JsonWriter::string(const QString &value)
{
    QByteArray out;
    appendString(out, value);
    return out;
}

QByteArray JsonWriter::timestamp(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz'Z'")).toLatin1();
}

namespace {

void appendName(QByteArray &out, const char *name, bool first)
{
    if (!first) {
        out += ',';
    }
    out += '"';
    out += name;
    out += "\":";
}

} // namespace

void JsonWriter::appendMember(QByteArray &out, const char *name, const QString &value, bool first)
{
    appendName(out, name, first);
    appendString(out, value);
}

void JsonWriter::appendTimestampMember(QByteArray &out, const char *name, const QDateTime &time, bool first)
{
    appendName(out, name, first);
    out += '"';
    out += timestamp(time);
    out += '"';
}

} // namespace outcrop::sim
