// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "httpmessage.h"
#include "httprequestparser.h"

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

// One client connection: reads requests with HttpRequestParser (bytes may arrive in any split)
// and answers them with an in-order writer, so pipelined requests get their
// answers in the order they were asked even when a later one finishes first.
class HttpConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpConnection)

public:
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
    void dispatch(SimRequest request, bool closeAfter);
    void answerDirectly(int status, const QByteArray &type, const QString &message);
    void deliver(quint64 sequence, SimResponse response);
    void writeReadyResponses();
    void resetConnection();

    QTcpSocket *m_socket;
    RequestHandler m_handler;
    HttpRequestParser m_parser;
    bool m_stopReading = false;   // after "Connection: close" or a fatal parse error
    bool m_finished = false;      // the socket is being closed; write nothing more
    quint64 m_nextSequence = 0;
    QList<PendingResponse> m_pending;
};

} // namespace outcrop::sim
