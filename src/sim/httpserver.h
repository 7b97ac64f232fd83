// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "httpconnection.h"

#include <QHostAddress>
#include <QObject>
#include <QTcpServer>

namespace outcrop::sim {

// A loopback HTTP/1.1 server: accepts connections and hands every parsed request to one
// handler. It knows nothing about Bedrock.
class HttpServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpServer)

public:
    explicit HttpServer(RequestHandler handler, QObject *parent = nullptr);

    // port 0 picks any free port. On failure, errorString() says why.
    bool listen(const QHostAddress &address, quint16 port);
    void close();
    bool isListening() const { return m_server.isListening(); }
    quint16 port() const { return m_server.serverPort(); }
    QHostAddress address() const { return m_server.serverAddress(); }
    QString errorString() const { return m_server.errorString(); }
    int openConnections() const { return m_openConnections; }
    int acceptedConnections() const { return m_acceptedConnections; }

private:
    void acceptPending();

    QTcpServer m_server;
    RequestHandler m_handler;
    int m_openConnections = 0;
    int m_acceptedConnections = 0;
};

} // namespace outcrop::sim
