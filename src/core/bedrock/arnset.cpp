// SPDX-License-Identifier: Apache-2.0
#include "bedrock/arnset.h"

#include <QString>

#include <algorithm>
#include <cstring>
#include <limits>

namespace outcrop::bedrock {

namespace {
constexpr qsizetype initialSlots = 1024;   // a power of two
constexpr qsizetype maxVarintBytes = 10;    // of a 64-bit value, 7 bits a byte

// Seven bits a byte, low bits first, the top bit set on every byte but the last: a prefix index
// and a key's size are one byte each for ARNs.
void writeVarint(char *&at, quint64 value)
{
    while (value >= 0x80) {
        *at++ = char(quint8(value) | 0x80);
        value >>= 7;
    }
    *at++ = char(value);
}

quint64 readVarint(const char *&at)
{
    quint64 value = 0;
    for (int shift = 0;; shift += 7) {
        const quint8 byte = quint8(*at++);
        value |= quint64(byte & 0x7F) << shift;
        if (byte < 0x80) {
            return value;
        }
    }
}
} // namespace

ArnSet::ArnSet()
    : m_slots(initialSlots)
{
}

// Eight bytes at a time, each word mixed in with a multiply (the constants of SplitMix64). Not a
// defence against chosen collisions, which only cost time here: equal hashes are compared byte
// for byte.
quint64 ArnSet::hashOf(int prefix, QByteArrayView rest)
{
    constexpr quint64 multiplier = 0x9E3779B97F4A7C15ULL;
    quint64 hash = (quint64(rest.size()) << 32 | quint32(prefix)) * multiplier;
    const char *at = rest.data();
    qsizetype left = rest.size();
    const auto mix = [&hash](quint64 word) {
        hash = (hash ^ word) * multiplier;
        hash ^= hash >> 32;
    };
    for (; left > 8; left -= 8, at += 8) {
        quint64 word;
        std::memcpy(&word, at, sizeof word);
        mix(word);
    }
    if (rest.size() >= 8) {
        // The last eight bytes, overlapping the words already mixed when the size is not a
        // multiple of eight: one fixed-size load instead of a copy of a variable size. The size
        // went into the seed, so keys that differ only in length still hash apart.
        quint64 word;
        std::memcpy(&word, rest.data() + rest.size() - 8, sizeof word);
        mix(word);
    } else if (left > 0) {
        quint64 word = 0;
        std::memcpy(&word, at, size_t(left));
        mix(word);
    }
    hash ^= hash >> 29;
    hash *= 0xBF58476D1CE4E5B9ULL;
    return hash ^ (hash >> 32);
}

bool ArnSet::insert(QByteArrayView key)
{
    // The prefix ends after the last '/' (a key without one has an empty prefix). Any split
    // the key alone decides keeps keys apart: equal (prefix, rest) pairs mean equal keys.
    qsizetype split = key.size();
    while (split > 0 && key.data()[split - 1] != '/') {
        --split;   // a dozen bytes back for an ARN: less than a call to a general search
    }
    const int prefix = prefixIndex(key.first(split));
    const QByteArrayView rest = key.sliced(split);
    if (m_recordsSize + 2 * maxVarintBytes + rest.size() >= qsizetype(std::numeric_limits<quint32>::max())) {
        // Four gigabytes of keys (~200 million ARNs) is beyond any listing; were it reached, a
        // key is reported new rather than stored: a repeated row at worst, never a dropped one.
        return true;
    }
    const auto tag = quint32(hashOf(prefix, rest) >> 32);
    Slot *table = m_slots.data();
    const qsizetype mask = m_slots.size() - 1;
    for (qsizetype index = qsizetype(tag) & mask;; index = (index + 1) & mask) {
        Slot &slot = table[index];
        if (slot.recordPlusOne == 0) {
            slot = Slot{tag, quint32(m_recordsSize + 1)};
            appendRecord(prefix, rest);
            if (++m_count * 2 > m_slots.size()) {
                grow();
            }
            return true;
        }
        if (slot.tag == tag && sameKey(qint64(slot.recordPlusOne) - 1, prefix, rest)) {
            return false;
        }
    }
}

bool ArnSet::insert(QStringView arn)
{
    QByteArray key;
    appendKey(key, arn);
    return insert(QByteArrayView(key));
}

void ArnSet::appendKey(QByteArray &out, QStringView arn)
{
    if (arn.isValidUtf16()) {
        out += arn.toUtf8();
        return;
    }
    out += '\xFF';
    out.append(reinterpret_cast<const char *>(arn.utf16()), arn.size() * qsizetype(sizeof(char16_t)));
}

int ArnSet::prefixIndex(QByteArrayView prefix)
{
    if (m_lastPrefix >= 0) {
        const QByteArray &last = m_prefixes.at(m_lastPrefix);
        if (last.size() == prefix.size()
            && (prefix.isEmpty() || std::memcmp(last.constData(), prefix.data(), size_t(prefix.size())) == 0)) {
            return m_lastPrefix;
        }
    }
    const QByteArray owned = prefix.toByteArray();
    auto found = m_prefixIndex.constFind(owned);
    if (found == m_prefixIndex.cend()) {
        found = m_prefixIndex.insert(owned, int(m_prefixes.size()));
        m_prefixes.append(owned);
    }
    m_lastPrefix = *found;
    return m_lastPrefix;
}

bool ArnSet::sameKey(qint64 record, int prefix, QByteArrayView rest) const
{
    const char *at = m_records.constData() + record;
    if (readVarint(at) != quint64(prefix) || readVarint(at) != quint64(rest.size())) {
        return false;
    }
    return rest.isEmpty() || std::memcmp(at, rest.data(), size_t(rest.size())) == 0;
}

// By hand into spare room: QByteArray::append goes through its general insert().
void ArnSet::appendRecord(int prefix, QByteArrayView rest)
{
    const qsizetype needed = 2 * maxVarintBytes + rest.size();
    if (m_records.size() - m_recordsSize < needed) {
        m_records.resize(std::max(m_recordsSize + needed, 2 * m_records.size() + 4096));
    }
    char *at = m_records.data() + m_recordsSize;
    writeVarint(at, quint64(prefix));
    writeVarint(at, quint64(rest.size()));
    if (!rest.isEmpty()) {
        std::memcpy(at, rest.data(), size_t(rest.size()));
    }
    m_recordsSize = (at - m_records.constData()) + rest.size();
}

// A slot's index comes from its tag, so doubling the table moves slots by their tags alone,
// without reading a key again.
void ArnSet::grow()
{
    QList<Slot> old(m_slots.size() * 2);
    old.swap(m_slots);
    Slot *table = m_slots.data();
    const qsizetype mask = m_slots.size() - 1;
    for (const Slot &slot : std::as_const(old)) {
        if (slot.recordPlusOne == 0) {
            continue;
        }
        qsizetype index = qsizetype(slot.tag) & mask;
        while (table[index].recordPlusOne != 0) {
            index = (index + 1) & mask;
        }
        table[index] = slot;
    }
}

} // namespace outcrop::bedrock
