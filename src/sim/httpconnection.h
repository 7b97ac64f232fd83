// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "httpmessage.h"

#include <QByteArray>
#include <QList>
#include <QObject>

#include <functional>

class QTcpSocket;

namespace outcrop::sim {

// Answers one request; may do so later (latency is added with timers), from any point of the
// event loop. Calling it after the connection is gone does nothing.
using Responder = std::function<void(SimResponse)>;
using RequestHandler = std::function<void(const SimRequest &, Responder)>;

// One client connection: an incremental HTTP/1.1 parser (request line, headers, Content-Length
// body; bytes may arrive in any split) and an in-order writer, so pipelined requests get their
// answers in the order they were asked even when a later one finishes first.
class HttpConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpConnection)

public:
    static constexpr qsizetype maxHeaderBytes = 64 * 1024;
    static constexpr qsizetype maxBodyBytes = 8 * 1024 * 1024;

    HttpConnection(QTcpSocket *socket, RequestHandler handler, QObject *parent = nullptr);
    ~HttpConnection() override;

signals:
    void closed();

private:
    struct PendingResponse
    {
        quint64 sequence = 0;
        bool ready = false;
        bool closeAfter = false;
        SimResponse response;
    };

    void readAvailable();
    bool parseHead(const QByteArray &head);
    void dispatch(SimRequest request, bool closeAfter);
    void answerDirectly(int status, const QByteArray &type, const QString &message);
    void deliver(quint64 sequence, SimResponse response);
    void writeReadyResponses();
    void resetConnection();

    QTcpSocket *m_socket;
    RequestHandler m_handler;
    QByteArray m_buffer;
    bool m_headComplete = false;
    qsizetype m_bodyLength = 0;
    SimRequest m_current;
    bool m_currentCloses = false;
    bool m_stopReading = false;   // after "Connection: close" or a fatal parse error
    bool m_finished = false;      // the socket is being closed; write nothing more
    quint64 m_nextSequence = 0;
    QList<PendingResponse> m_pending;
};

} // namespace outcrop::sim
