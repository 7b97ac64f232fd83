// SPDX-License-Identifier: Apache-2.0
#include "bedrock/arnset.h"

#include <QString>

#include <algorithm>
#include <cstring>

namespace outcrop::bedrock {

namespace {
constexpr qsizetype initialSlots = 1024;   // a power of two
}

ArnSet::ArnSet()
    : m_slots(initialSlots)
{
}

// Eight bytes at a time, each word mixed in with a multiply (the constants of SplitMix64). Not a
// defence against chosen collisions, which only cost time here: equal hashes are compared byte
// for byte.
quint64 ArnSet::hashOf(QByteArrayView key)
{
    constexpr quint64 multiplier = 0x9E3779B97F4A7C15ULL;
    quint64 hash = quint64(key.size()) * multiplier;
    const char *at = key.data();
    qsizetype left = key.size();
    const auto mix = [&hash](quint64 word) {
        hash = (hash ^ word) * multiplier;
        hash ^= hash >> 32;
    };
    for (; left >= 8; left -= 8, at += 8) {
        quint64 word;
        std::memcpy(&word, at, sizeof word);
        mix(word);
    }
    if (left > 0) {
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
    const quint64 hash = hashOf(key);
    const qsizetype mask = m_slots.size() - 1;
    for (qsizetype index = qsizetype(hash) & mask;; index = (index + 1) & mask) {
        Slot &slot = m_slots[index];
        if (slot.size < 0) {
            slot = Slot{hash, m_keysSize, key.size()};
            appendKeyBytes(key);
            if (++m_count * 2 > m_slots.size()) {
                grow();
            }
            return true;
        }
        if (slot.hash == hash && slot.size == key.size()
            && std::memcmp(m_keys.constData() + slot.offset, key.data(), size_t(key.size())) == 0) {
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

// By hand into spare room: QByteArray::append goes through its general insert().
void ArnSet::appendKeyBytes(QByteArrayView key)
{
    if (m_keys.size() - m_keysSize < key.size()) {
        m_keys.resize(std::max(m_keysSize + key.size(), 2 * m_keys.size() + 4096));
    }
    std::memcpy(m_keys.data() + m_keysSize, key.data(), size_t(key.size()));
    m_keysSize += key.size();
}

void ArnSet::grow()
{
    QList<Slot> old(m_slots.size() * 2);
    old.swap(m_slots);
    const qsizetype mask = m_slots.size() - 1;
    for (const Slot &slot : old) {
        if (slot.size < 0) {
            continue;
        }
        qsizetype index = qsizetype(slot.hash) & mask;
        while (m_slots.at(index).size >= 0) {
            index = (index + 1) & mask;
        }
        m_slots[index] = slot;
    }
}

} // namespace outcrop::bedrock
