// SPDX-License-Identifier: Apache-2.0
#include "aws/awsurl.h"

#include <algorithm>

namespace outcrop::aws {

namespace {
constexpr bool isUnreserved(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
        || c == '_' || c == '~';
}
} // namespace

QByteArray percentEncode(const QByteArray &bytes)
{
    static constexpr char hex[] = "0123456789ABCDEF";
    QByteArray out;
    out.reserve(bytes.size() * 3);
    for (const char c : bytes) {
        if (isUnreserved(c)) {
            out.append(c);
        } else {
            const auto byte = static_cast<unsigned char>(c);
            out.append('%');
            out.append(hex[byte >> 4]);
            out.append(hex[byte & 0xF]);
        }
    }
    return out;
}

AwsRequestTarget::AwsRequestTarget(const QByteArray &encodedBasePath)
    : m_path(encodedBasePath.isEmpty() ? QByteArrayLiteral("/") : encodedBasePath)
{
}

void AwsRequestTarget::appendPathSegment(const QString &segment)
{
    if (!m_path.endsWith('/')) {
        m_path.append('/');
    }
    m_path.append(percentEncode(segment));
}

void AwsRequestTarget::addQueryItem(const QString &name, const QString &value)
{
    const QPair<QByteArray, QByteArray> item { percentEncode(name), percentEncode(value) };
    const auto position = std::upper_bound(m_query.begin(), m_query.end(), item);
    m_query.insert(position, item);
}

QByteArray AwsRequestTarget::encodedQuery() const
{
    QByteArray query;
    for (const auto &[name, value] : m_query) {
        if (!query.isEmpty()) {
            query.append('&');
        }
        query.append(name).append('=').append(value);
    }
    return query;
}

QByteArray AwsRequestTarget::target() const
{
    const QByteArray query = encodedQuery();
    return query.isEmpty() ? m_path : m_path + '?' + query;
}

QUrl AwsRequestTarget::urlOn(const QUrl &endpoint) const
{
    QByteArray prefix = endpoint.path(QUrl::FullyEncoded).toLatin1();
    if (prefix.endsWith('/')) {
        prefix.chop(1);
    }
    QByteArray encoded = endpoint.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment)
                             .toEncoded();
    encoded.append(prefix).append(target());
    return QUrl::fromEncoded(encoded, QUrl::StrictMode);
}

QByteArray AwsRequestTarget::wireTarget(const QUrl &url)
{
    QByteArray wire = url.path(QUrl::FullyEncoded).toLatin1();
    if (wire.isEmpty()) {
        wire = QByteArrayLiteral("/");
    }
    if (url.hasQuery()) {
        wire.append('?').append(url.query(QUrl::FullyEncoded).toLatin1());
    }
    return wire;
}

} // namespace outcrop::aws
