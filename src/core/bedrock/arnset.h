// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QStringView>

namespace outcrop::bedrock {

// The ARNs a pager has handed on, to leave out rows a later page repeats. Keyed by the ARN's
// UTF-8 bytes, so the export's CSV path can look an ARN up straight from the page's bytes without
// a QString: a 64-bit hash finds the slot, and a hash hit is confirmed against the stored bytes
// (all kept back to back in one buffer, no allocation per ARN), so a collision never drops a row.
// A QSet<QString> cost ~15 M instructions on a 25,000-row export (docs/benchmarks.md).
class ArnSet
{
public:
    ArnSet();

    // True when `key` is new (and is now in the set).
    bool insert(QByteArrayView key);
    bool insert(QStringView arn);
    qsizetype size() const { return m_count; }

    // The key of an ARN read as text: its UTF-8 bytes. A string that is not valid UTF-16 (a lone
    // surrogate, which UTF-8 cannot carry) gets a 0xFF byte, never part of UTF-8, and its raw
    // UTF-16 units instead, so that two different strings never share a key.
    static void appendKey(QByteArray &out, QStringView arn);

private:
    struct Slot
    {
        quint64 hash = 0;
        qsizetype offset = 0;
        qsizetype size = -1;   // -1: empty
    };
    static quint64 hashOf(QByteArrayView key);
    void grow();
    void appendKeyBytes(QByteArrayView key);

    QList<Slot> m_slots;
    QByteArray m_keys;            // the keys back to back, then spare room
    qsizetype m_keysSize = 0;
    qsizetype m_count = 0;
};

} // namespace outcrop::bedrock
