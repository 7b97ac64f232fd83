// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace outcrop::sim {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

// Query parameters decoded the way AWS front ends decode them: '+' is a space, then %XX once.
class QueryParameters
{
public:
    static QueryParameters parse(const QByteArray &rawQuery);

    bool contains(const QString &name) const;
    // The first value given for `name` (AWS front ends take one), or a null string.
    QString value(const QString &name) const;
    const QList<QPair<QString, QString>> &items() const { return m_items; }

private:
    QList<QPair<QString, QString>> m_items;
};

// One parsed HTTP/1.1 request, as the connection read it off the wire.
struct SimRequest
{
    QByteArray method;
    QByteArray target;    // path?query exactly as sent (what SigV4 signs)
    QByteArray version;   // "HTTP/1.1"
    HeaderList headers;   // names lower-cased, values trimmed, in wire order
    QByteArray body;

    QByteArray header(const QByteArray &lowerName) const;
    bool hasHeader(const QByteArray &lowerName) const;
    QByteArray rawPath() const;
    QByteArray rawQuery() const;
    // Path segments, each percent-decoded exactly once (so "%2525" becomes "%25", not "%").
    QStringList pathSegments() const;
    QueryParameters query() const { return QueryParameters::parse(rawQuery()); }
};

// What the simulator answers. Date, x-amzn-RequestId, Content-Length and Connection are added
// when it is written.
struct SimResponse
{
    // How the bytes reach the client: faults cut a response short on purpose.
    // ResetBeforeReply: the request was carried out, but the connection is reset before any
    // byte of the reply (a lost reply).
    enum class Delivery { Complete, ResetMidBody, TruncateBody, ResetBeforeReply };

    int status = 200;
    HeaderList headers;
    QByteArray body;
    Delivery delivery = Delivery::Complete;

    void setHeader(const QByteArray &name, const QByteArray &value);
    QByteArray header(const QByteArray &lowerName) const;

    static SimResponse json(int status, const QByteArray &body);
    // A restJson1 error as the service sends it: the modelled status, the type in both
    // x-amzn-ErrorType and "__type" (so every client convention finds it; bedrock-api.md §9.2).
    static SimResponse error(int status, const QByteArray &type, const QString &message);
};

QByteArray reasonPhrase(int status);
// RFC 7231 IMF-fixdate: "Sun, 06 Nov 1994 08:49:37 GMT".
QByteArray httpDate(const QDateTime &time);

} // namespace outcrop::sim
