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
    m_parser.append(m_socket->readAll());
    while (!m_stopReading) {
        switch (m_parser.next()) {
        case HttpRequestParser::Step::NeedMore:
            // An interim answer may only be written while no earlier answer is due.
            if (m_parser.takeContinueRequest() && m_pending.isEmpty()) {
                m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
            }
            return;
        case HttpRequestParser::Step::Failed: {
            const HttpRequestParser::Error &error = m_parser.error();
            answerDirectly(error.status, error.type, error.message);
            return;
        }
        case HttpRequestParser::Step::Request:
            if (m_parser.closeAfter()) {
                m_stopReading = true;   // anything after a "Connection: close" request is ignored
            }
            dispatch(m_parser.takeRequest(), m_parser.closeAfter());
            break;
        }
    }
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
