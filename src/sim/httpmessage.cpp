// SPDX-License-Identifier: Apache-2.0
#include "httpmessage.h"

#include "jsonwriter.h"

#include <QLocale>

namespace outcrop::sim {

namespace {

QString decodeQueryComponent(QByteArray raw)
{
    // AWS front ends read '+' in a query as a space (application/x-www-form-urlencoded), so a
    // client must send a literal plus as %2B. Replace first, then decode once.
    raw.replace('+', ' ');
    return QString::fromUtf8(QByteArray::fromPercentEncoding(raw));
}

} // namespace

QueryParameters QueryParameters::parse(const QByteArray &rawQuery)
{
    QueryParameters parameters;
    if (rawQuery.isEmpty()) {
        return parameters;
    }
    const QList<QByteArray> pairs = rawQuery.split('&');
    for (const QByteArray &pair : pairs) {
        if (pair.isEmpty()) {
            continue;
        }
        const qsizetype equals = pair.indexOf('=');
        const QByteArray name = equals < 0 ? pair : pair.left(equals);
        const QByteArray value = equals < 0 ? QByteArray() : pair.mid(equals + 1);
        parameters.m_items.append({decodeQueryComponent(name), decodeQueryComponent(value)});
    }
    return parameters;
}

bool QueryParameters::contains(const QString &name) const
{
    for (const auto &item : m_items) {
        if (item.first == name) {
            return true;
        }
    }
    return false;
}

QString QueryParameters::value(const QString &name) const
{
    for (const auto &item : m_items) {
        if (item.first == name) {
            return item.second;
        }
    }
    return {};
}

QByteArray SimRequest::header(const QByteArray &lowerName) const
{
    for (const auto &header : headers) {
        if (header.first == lowerName) {
            return header.second;
        }
    }
    return {};
}

bool SimRequest::hasHeader(const QByteArray &lowerName) const
{
    for (const auto &header : headers) {
        if (header.first == lowerName) {
            return true;
        }
    }
    return false;
}

QByteArray SimRequest::rawPath() const
{
    const qsizetype question = target.indexOf('?');
    return question < 0 ? target : target.left(question);
}

QByteArray SimRequest::rawQuery() const
{
    const qsizetype question = target.indexOf('?');
    return question < 0 ? QByteArray() : target.mid(question + 1);
}

QStringList SimRequest::pathSegments() const
{
    QStringList segments;
    const QList<QByteArray> rawSegments = rawPath().split('/');
    for (qsizetype i = 1; i < rawSegments.size(); ++i) {   // the path starts with '/'
        // Exactly one decoding, as the service does: "%2525" is the identifier "%25".
        segments.append(QString::fromUtf8(QByteArray::fromPercentEncoding(rawSegments.at(i))));
    }
    return segments;
}

void SimResponse::setHeader(const QByteArray &name, const QByteArray &value)
{
    const QByteArray lower = name.toLower();
    for (auto &header : headers) {
        if (header.first.toLower() == lower) {
            header.second = value;
            return;
        }
    }
    headers.append({name, value});
}

QByteArray SimResponse::header(const QByteArray &lowerName) const
{
    for (const auto &header : headers) {
        if (header.first.toLower() == lowerName) {
            return header.second;
        }
    }
    return {};
}

SimResponse SimResponse::json(int status, const QByteArray &body)
{
    SimResponse response;
    response.status = status;
    response.body = body;
    response.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    return response;
}

SimResponse SimResponse::error(int status, const QByteArray &type, const QString &message)
{
    QByteArray body;
    body.reserve(64 + message.size());
    body += "{\"__type\":";
    JsonWriter::appendString(body, QString::fromLatin1(type));
    body += ",\"message\":";
    JsonWriter::appendString(body, message);
    body += '}';
    SimResponse response = json(status, body);
    response.headers.append({QByteArrayLiteral("x-amzn-ErrorType"), type});
    return response;
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200: return QByteArrayLiteral("OK");
    case 202: return QByteArrayLiteral("Accepted");
    case 204: return QByteArrayLiteral("No Content");
    case 400: return QByteArrayLiteral("Bad Request");
    case 403: return QByteArrayLiteral("Forbidden");
    case 404: return QByteArrayLiteral("Not Found");
    case 405: return QByteArrayLiteral("Method Not Allowed");
    case 409: return QByteArrayLiteral("Conflict");
    case 411: return QByteArrayLiteral("Length Required");
    case 413: return QByteArrayLiteral("Payload Too Large");
    case 429: return QByteArrayLiteral("Too Many Requests");
    case 431: return QByteArrayLiteral("Request Header Fields Too Large");
    case 500: return QByteArrayLiteral("Internal Server Error");
    case 501: return QByteArrayLiteral("Not Implemented");
    case 503: return QByteArrayLiteral("Service Unavailable");
    default: return QByteArrayLiteral("Unknown");
    }
}

QByteArray httpDate(const QDateTime &time)
{
    return QLocale::c()
        .toString(time.toUTC(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
        .toLatin1();
}

} // namespace outcrop::sim
