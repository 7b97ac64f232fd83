// SPDX-License-Identifier: Apache-2.0
#include "httpconnection.h"

#include "aws/logging.h"

#include <QPointer>
#include <QTcpSocket>

#ifdef Q_OS_UNIX
#include <sys/socket.h>
#endif

namespace outcrop::sim {

HttpConnection::HttpConnection(QTcpSocket *socket, RequestHandler handler, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_handler(std::move(handler))
{
    m_socket->setParent(this);
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::readAvailable);
    connect(m_socket, &QTcpSocket::disconnected, this, [this] {
        m_finished = true;
        emit closed();
    });
}

HttpConnection::~HttpConnection() = default;

void HttpConnection::readAvailable()
{
    m_buffer += m_socket->readAll();
    while (!m_stopReading) {
        if (!m_headComplete) {
            const qsizetype end = m_buffer.indexOf("\r\n\r\n");
            if (end < 0) {
                if (m_buffer.size() > maxHeaderBytes) {
                    answerDirectly(431, "RequestHeaderFieldsTooLarge", QStringLiteral("Request headers too large"));
                }
                return;
            }
            const QByteArray head = m_buffer.left(end);
            m_buffer.remove(0, end + 4);
            if (!parseHead(head)) {
                return;
            }
            m_headComplete = true;
            // curl sends "Expect: 100-continue" before bodies over 1 KiB and waits a second for
            // the go-ahead. An interim answer may only be written while no earlier answer is due.
            if (m_bodyLength > m_buffer.size() && m_pending.isEmpty()
                && m_current.header("expect").toLower() == "100-continue") {
                m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
            }
        }
        if (m_buffer.size() < m_bodyLength) {
            return;
        }
        m_current.body = m_buffer.left(m_bodyLength);
        m_buffer.remove(0, m_bodyLength);
        m_headComplete = false;
        m_bodyLength = 0;
        SimRequest request = std::move(m_current);
        m_current = SimRequest();
        if (m_currentCloses) {
            m_stopReading = true;   // anything after a "Connection: close" request is ignored
        }
        dispatch(std::move(request), m_currentCloses);
    }
}

bool HttpConnection::parseHead(const QByteArray &head)
{
    const QList<QByteArray> lines = head.split('\n');
    QByteArray requestLine = lines.value(0);
    if (requestLine.endsWith('\r')) {
        requestLine.chop(1);
    }
    const QList<QByteArray> parts = requestLine.split(' ');
    if (parts.size() != 3 || parts.at(0).isEmpty() || !parts.at(1).startsWith('/')
        || !parts.at(2).startsWith("HTTP/1.")) {
        answerDirectly(400, "BadRequest", QStringLiteral("Malformed request line"));
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
            answerDirectly(400, "BadRequest", QStringLiteral("Malformed header line"));
            return false;
        }
        QByteArray name = line.left(colon).trimmed().toLower();
        QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length") {
            bool ok = false;
            const qlonglong length = value.toLongLong(&ok);
            if (!ok || length < 0 || (hasLength && length != m_bodyLength)) {
                answerDirectly(400, "BadRequest", QStringLiteral("Invalid Content-Length"));
                return false;
            }
            if (length > maxBodyBytes) {
                answerDirectly(413, "RequestEntityTooLarge", QStringLiteral("Request body too large"));
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
        answerDirectly(501, "NotImplemented", QStringLiteral("Transfer-Encoding is not supported; send Content-Length"));
        return false;
    }
    const QByteArray connection = m_current.header("connection").toLower();
    m_currentCloses = connection.contains("close")
        || (m_current.version == "HTTP/1.0" && !connection.contains("keep-alive"));
    return true;
}

void HttpConnection::dispatch(SimRequest request, bool closeAfter)
{
    const quint64 sequence = m_nextSequence++;
    m_pending.append({sequence, false, closeAfter, SimResponse()});
    QPointer<HttpConnection> self(this);
    m_handler(request, [self, sequence](SimResponse response) {
        if (self) {
            self->deliver(sequence, std::move(response));
        }
    });
}

void HttpConnection::answerDirectly(int status, const QByteArray &type, const QString &message)
{
    // A framing error leaves the byte stream unusable: answer (in order) and close.
    m_stopReading = true;
    m_buffer.clear();
    const quint64 sequence = m_nextSequence++;
    m_pending.append({sequence, false, true, SimResponse()});
    deliver(sequence, SimResponse::error(status, type, message));
}

void HttpConnection::deliver(quint64 sequence, SimResponse response)
{
    for (auto &pending : m_pending) {
        if (pending.sequence == sequence) {
            pending.response = std::move(response);
            pending.ready = true;
            break;
        }
    }
    writeReadyResponses();
}

void HttpConnection::writeReadyResponses()
{
    while (!m_finished && !m_pending.isEmpty() && m_pending.constFirst().ready) {
        const PendingResponse pending = m_pending.takeFirst();
        const SimResponse &response = pending.response;
        QByteArray head;
        head.reserve(256);
        head += "HTTP/1.1 ";
        head += QByteArray::number(response.status);
        head += ' ';
        head += reasonPhrase(response.status);
        head += "\r\n";
        for (const auto &header : response.headers) {
            head += header.first;
            head += ": ";
            head += header.second;
            head += "\r\n";
        }
        head += "Content-Length: ";
        head += QByteArray::number(response.body.size());
        head += pending.closeAfter ? "\r\nConnection: close\r\n\r\n" : "\r\nConnection: keep-alive\r\n\r\n";

        switch (response.delivery) {
        case SimResponse::Delivery::Complete:
            m_socket->write(head + response.body);
            if (pending.closeAfter) {
                m_finished = true;
                m_socket->disconnectFromHost();   // flushes what is buffered first
            }
            break;
        case SimResponse::Delivery::TruncateBody:
            // A clean FIN after half the promised body: the client sees a premature end of data.
            m_socket->write(head + response.body.left(response.body.size() / 2));
            m_finished = true;
            m_socket->disconnectFromHost();
            break;
        case SimResponse::Delivery::ResetMidBody:
            m_socket->write(head + response.body.left(response.body.size() / 2));
            m_socket->flush();
            resetConnection();
            break;
        case SimResponse::Delivery::ResetBeforeReply:
            resetConnection();
            break;
        }
    }
}

void HttpConnection::resetConnection()
{
    m_finished = true;
#ifdef Q_OS_UNIX
    // SO_LINGER with a zero timeout turns close() into a RST: the client gets ECONNRESET
    // (what a crashed front end or a load balancer cutting a connection looks like).
    const qintptr descriptor = m_socket->socketDescriptor();
    if (descriptor >= 0) {
        struct linger lingerOption = {1, 0};
        ::setsockopt(static_cast<int>(descriptor), SOL_SOCKET, SO_LINGER, &lingerOption, sizeof lingerOption);
    }
#endif
    qCDebug(lcSim) << "resetting a connection mid-response (fault injection)";
    m_socket->abort();
    emit closed();
}

} // namespace outcrop::sim
