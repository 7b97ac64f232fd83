// SPDX-License-Identifier: Apache-2.0
#include "pagetoken.h"

#include <QCryptographicHash>
#include <QtEndian>

namespace outcrop::sim {

namespace {

// 0xFB 0xEF 0xFF encodes as "++//" in base64.
constexpr char magic[] = "\xfb\xef\xff";
constexpr qsizetype magicSize = 3;
constexpr char version = 1;
constexpr qsizetype fixedSize = magicSize + 1 + 8 + 8 + 2;   // magic, version, hash, time, ARN length
constexpr qsizetype checksumSize = 4;

QByteArray checksum(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).left(checksumSize);
}

void appendBigEndian64(QByteArray &out, quint64 value)
{
    char buffer[8];
    qToBigEndian(value, buffer);
    out.append(buffer, 8);
}

} // namespace

quint64 PageToken::filterHash(const QString &canonicalFilters)
{
    const QByteArray digest = QCryptographicHash::hash(canonicalFilters.toUtf8(), QCryptographicHash::Sha256);
    return qFromBigEndian<quint64>(digest.constData());
}

QString PageToken::encode(const PageKey &key, quint64 hash)
{
    const QByteArray arn = key.arn.toUtf8();
    QByteArray bytes(magic, magicSize);
    bytes += version;
    appendBigEndian64(bytes, hash);
    appendBigEndian64(bytes, static_cast<quint64>(key.timeMs));
    char length[2];
    qToBigEndian(static_cast<quint16>(arn.size()), length);
    bytes.append(length, 2);
    bytes += arn;
    // Zero filler so that the total length is 1 modulo 3: base64 then always ends in "==".
    while ((bytes.size() + checksumSize) % 3 != 1) {
        bytes += '\0';
    }
    bytes += checksum(bytes);
    return QString::fromLatin1(bytes.toBase64());
}

std::optional<PageKey> PageToken::decode(const QString &token, quint64 hash, Problem *problem)
{
    *problem = Problem::Garbled;
    const auto decoded = QByteArray::fromBase64Encoding(token.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || token.size() > 2048) {
        return std::nullopt;
    }
    const QByteArray &bytes = decoded.decoded;
    if (bytes.size() < fixedSize + checksumSize || !bytes.startsWith(QByteArray(magic, magicSize))
        || bytes.at(magicSize) != version) {
        return std::nullopt;
    }
    const QByteArray payload = bytes.left(bytes.size() - checksumSize);
    if (checksum(payload) != bytes.right(checksumSize)) {
        return std::nullopt;
    }
    const char *data = payload.constData();
    const auto tokenHash = qFromBigEndian<quint64>(data + magicSize + 1);
    const auto timeMs = static_cast<qint64>(qFromBigEndian<quint64>(data + magicSize + 9));
    const auto arnLength = qFromBigEndian<quint16>(data + magicSize + 17);
    if (fixedSize + arnLength > payload.size()) {
        return std::nullopt;
    }
    if (tokenHash != hash) {
        *problem = Problem::OtherFilters;
        return std::nullopt;
    }
    *problem = Problem::None;
    return PageKey{timeMs, QString::fromUtf8(payload.mid(fixedSize, arnLength))};
}

} // namespace outcrop::sim
