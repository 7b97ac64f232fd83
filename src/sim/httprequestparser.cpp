// SPDX-License-Identifier: Apache-2.0
#include "httprequestparser.h"

#include <QList>

namespace outcrop::sim {

void HttpRequestParser::append(QByteArrayView bytes)
{
    if (!m_failed) {
        m_buffer.append(bytes);
    }
}

HttpRequestParser::Step HttpRequestParser::next()
{
    if (m_failed) {
        return Step::Failed;
    }
    if (!m_headComplete) {
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0) {
            if (m_buffer.size() > maxHeaderBytes) {
                return fail(431, "RequestHeaderFieldsTooLarge", QStringLiteral("Request headers too large"));
            }
            return Step::NeedMore;
        }
        const QByteArray head = m_buffer.left(end);
        m_buffer.remove(0, end + 4);
        if (!parseHead(head)) {
            return Step::Failed;
        }
        m_headComplete = true;
        // curl sends "Expect: 100-continue" before bodies over 1 KiB and waits a second for
        // the go-ahead.
        m_continueRequested = m_bodyLength > m_buffer.size()
            && m_current.header("expect").toLower() == "100-continue";
    }
    if (m_buffer.size() < m_bodyLength) {
        return Step::NeedMore;
    }
    m_current.body = m_buffer.left(m_bodyLength);
    m_buffer.remove(0, m_bodyLength);
    m_headComplete = false;
    m_continueRequested = false;
    m_bodyLength = 0;
    m_ready = std::move(m_current);
    m_current = SimRequest();
    m_closeAfter = m_currentCloses;
    return Step::Request;
}

SimRequest HttpRequestParser::takeRequest()
{
    SimRequest request = std::move(m_ready);
    m_ready = SimRequest();
    return request;
}

bool HttpRequestParser::takeContinueRequest()
{
    const bool requested = m_continueRequested;
    m_continueRequested = false;
    return requested;
}

HttpRequestParser::Step HttpRequestParser::fail(int status, const QByteArray &type, const QString &message)
{
    m_failed = true;
    m_buffer.clear();
    m_error = {status, type, message};
    return Step::Failed;
}

bool HttpRequestParser::parseHead(const QByteArray &head)
{
    const QList<QByteArray> lines = head.split('\n');
    QByteArray requestLine = lines.value(0);
    if (requestLine.endsWith('\r')) {
        requestLine.chop(1);
    }
    const QList<QByteArray> parts = requestLine.split(' ');
    if (parts.size() != 3 || parts.at(0).isEmpty() || !parts.at(1).startsWith('/')
        || !parts.at(2).startsWith("HTTP/1.")) {
        fail(400, "BadRequest", QStringLiteral("Malformed request line"));
        return false;
    }
    m_current = SimRequest();
    m_current.method = parts.at(0);
    m_current.target = parts.at(1);
    m_current.version = parts.at(2);
    bool hasLength = false;
    bool chunked = false;
    m_bodyLength = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        QByteArray line = lines.at(i);
        if (line.endsWith('\r')) {
            line.chop(1);
        }
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            fail(400, "BadRequest", QStringLiteral("Malformed header line"));
            return false;
        }
        QByteArray name = line.left(colon).trimmed().toLower();
        QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length") {
            bool ok = false;
            const qlonglong length = value.toLongLong(&ok);
            if (!ok || length < 0 || (hasLength && length != m_bodyLength)) {
                fail(400, "BadRequest", QStringLiteral("Invalid Content-Length"));
                return false;
            }
            if (length > maxBodyBytes) {
                fail(413, "RequestEntityTooLarge", QStringLiteral("Request body too large"));
                return false;
            }
            hasLength = true;
            m_bodyLength = static_cast<qsizetype>(length);
        } else if (name == "transfer-encoding" && value.toLower() != "identity") {
            chunked = true;
        }
        m_current.headers.append({std::move(name), std::move(value)});
    }
    if (chunked) {
        // No AWS SDK streams a chunked body to this API; refuse rather than misparse.
        fail(501, "NotImplemented", QStringLiteral("Transfer-Encoding is not supported; send Content-Length"));
        return false;
    }
    const QByteArray connection = m_current.header("connection").toLower();
    m_currentCloses = connection.contains("close")
        || (m_current.version == "HTTP/1.0" && !connection.contains("keep-alive"));
    return true;
}

} // namespace outcrop::sim
