// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

namespace outcrop::aws {

// RFC 3986 percent-encoding of every byte outside A-Z a-z 0-9 - . _ ~ (upper-case hex), as AWS
// front ends and SigV4 expect. QUrlQuery is not used for AWS requests: it leaves '+', '/' and ':'
// raw, and AWS reads a raw '+' in a query as a space (../shared/docs/toolchain.md, "URLs in Qt").
QByteArray percentEncode(const QByteArray &bytes);
inline QByteArray percentEncode(const QString &text) { return percentEncode(text.toUtf8()); }

// The request target (path and query) of an AWS REST request, built byte by byte so that the
// bytes on the wire are exactly the ones the request was signed over.
class AwsRequestTarget
{
public:
    // `encodedBasePath` is a path that is already in wire form, e.g. "/model-customization/custom-model-deployments".
    explicit AwsRequestTarget(const QByteArray &encodedBasePath);
    AwsRequestTarget()
        : m_path(QByteArrayLiteral("/"))
    {
    }

    // Appends one path segment; everything but unreserved characters is encoded, so an ARN
    // goes out as "arn%3Aaws%3Abedrock...%2Fabcdef123456" in one segment.
    void appendPathSegment(const QString &segment);
    // Adds a query parameter; the pairs are sent sorted by name (as the AWS SDKs send them).
    void addQueryItem(const QString &name, const QString &value);

    QByteArray encodedQuery() const;
    QByteArray target() const;   // path[?query]

    // The absolute URL for QNetworkRequest on `endpoint` (scheme, host, port; an endpoint path
    // is kept as a prefix). Built from encoded bytes in StrictMode, so Qt sends them unchanged.
    QUrl urlOn(const QUrl &endpoint) const;

    // The target of `url` as it goes on the wire and into the signature (path[?query], encoded).
    static QByteArray wireTarget(const QUrl &url);

private:
    QByteArray m_path;
    QList<QPair<QByteArray, QByteArray>> m_query;   // encoded name, encoded value
};

} // namespace outcrop::aws
