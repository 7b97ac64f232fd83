// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringDecoder>
#include <QStringList>

namespace outcrop::testing {

// A strict RFC 4180 reader for the tests of the CSV writer, deliberately unforgiving: every record
// ends with CRLF (the writer ends the last one too), fields are separated by ',', a field is
// either quoted ("…" with "" for a quote; CR, LF and ',' allowed inside) or holds no '"', CR or
// LF at all, and the text is valid UTF-8. False with *error (byte offset and what is wrong) on
// anything else.
inline bool readStrictCsv(const QByteArray &csv, QList<QStringList> *records, QString *error)
{
    records->clear();
    const auto failAt = [error](qsizetype at, const char *what) {
        *error = QStringLiteral("byte %1: %2").arg(at).arg(QString::fromLatin1(what));
        return false;
    };
    const auto decode = [](const QByteArray &bytes, bool *ok) {
        // A byte order mark inside a field is a character like any other (the default drops it).
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom);
        const QString text = decoder.decode(bytes);
        *ok = !decoder.hasError();
        return text;
    };
    QStringList record;
    qsizetype i = 0;
    while (i < csv.size()) {
        QByteArray field;
        const qsizetype fieldStart = i;
        if (csv.at(i) == '"') {
            ++i;
            for (;;) {
                if (i >= csv.size()) {
                    return failAt(fieldStart, "quoted field without its closing quote");
                }
                if (csv.at(i) == '"') {
                    if (i + 1 < csv.size() && csv.at(i + 1) == '"') {
                        field += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                field += csv.at(i++);
            }
        } else {
            while (i < csv.size() && csv.at(i) != ',' && csv.at(i) != '\r') {
                if (csv.at(i) == '"' || csv.at(i) == '\n') {
                    return failAt(i, "quote or line feed in an unquoted field");
                }
                field += csv.at(i++);
            }
        }
        bool ok = false;
        record.append(decode(field, &ok));
        if (!ok) {
            return failAt(fieldStart, "field that is not valid UTF-8");
        }
        if (i >= csv.size()) {
            return failAt(i, "last record without its CRLF");
        }
        if (csv.at(i) == ',') {
            ++i;
            continue;
        }
        if (csv.at(i) != '\r' || i + 1 >= csv.size() || csv.at(i + 1) != '\n') {
            return failAt(i, "field followed by something other than ',' or CRLF");
        }
        i += 2;
        records->append(record);
        record.clear();
    }
    return true;
}

} // namespace outcrop::testing
