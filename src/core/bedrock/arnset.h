// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QStringView>

namespace outcrop::bedrock {

// The ARNs a pager has handed on, to leave out rows a later page repeats. Keyed by the ARN's
// UTF-8 bytes, so the export's CSV path can look an ARN up straight from the page's bytes without
// a QString: a 64-bit hash finds the slot, and a hash hit is confirmed against the stored key, so
// a collision never drops a row. A QSet<QString> cost ~15 M instructions on a 25,000-row export
// (docs/benchmarks.md).
//
// The dashboard keeps one for every row it shows, so it is small: ARNs of one listing share all
// but their last part ("arn:aws:bedrock:REGION:ACCOUNT:custom-model-deployment/" + id), so a key
// is kept as the index of its prefix (up to the last '/', each distinct one stored once) and the
// rest, back to back in one buffer (no allocation per key); a slot is 8 bytes. About 40 bytes
// per key at 100,000 keys instead of ~150 with whole keys and 24-byte slots.
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
    // 8 bytes: 32 bits of the key's hash (its low bits are the slot's index in any table of up
    // to 2^32 slots, the others tell most keys apart without reading them) and where the key's
    // record starts in m_records, plus one (0: an empty slot). A record is the prefix index and
    // the rest's size (varints), then the rest.
    struct Slot
    {
        quint32 tag = 0;
        quint32 recordPlusOne = 0;
    };
    // The hash of a key from its prefix's index and its rest: the rest is the part that differs
    // (a dozen bytes of an ARN, where the whole is ~90), so hashing it alone is most of the cost
    // saved, and equal (prefix, rest) pairs are equal keys.
    static quint64 hashOf(int prefix, QByteArrayView rest);
    int prefixIndex(QByteArrayView prefix);
    bool sameKey(qint64 record, int prefix, QByteArrayView rest) const;
    void appendRecord(int prefix, QByteArrayView rest);
    void grow();

    QList<Slot> m_slots;
    QByteArray m_records;         // the records back to back, then spare room
    qsizetype m_recordsSize = 0;
    qsizetype m_count = 0;
    QList<QByteArray> m_prefixes;
    QHash<QByteArray, int> m_prefixIndex;
    int m_lastPrefix = -1;        // rows of one listing share a prefix: checked first
};

} // namespace outcrop::bedrock
