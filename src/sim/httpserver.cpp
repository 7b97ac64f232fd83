// SPDX-License-Identifier: Apache-2.0
#include "httpserver.h"

#include <QTcpSocket>

namespace outcrop::sim {

HttpServer::HttpServer(RequestHandler handler, QObject *parent)
    : QObject(parent)
    , m_handler(std::move(handler))
{
    // Many connections at once: the JS SDK and QNAM each open several; the backlog default (50)
    // is fine, but accept everything that is pending on each signal.
    m_server.setMaxPendingConnections(1024);
    connect(&m_server, &QTcpServer::newConnection, this, &HttpServer::acceptPending);
}

bool HttpServer::listen(const QHostAddress &address, quint16 port)
{
    return m_server.listen(address, port);
}

void HttpServer::close()
{
    m_server.close();
}

void HttpServer::acceptPending()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        auto *connection = new HttpConnection(socket, m_handler, this);
        ++m_openConnections;
        ++m_acceptedConnections;
        bool counted = true;
        connect(connection, &HttpConnection::closed, this, [this, connection, counted]() mutable {
            if (counted) {
                counted = false;
                --m_openConnections;
            }
            connection->deleteLater();
        });
    }
}

} // namespace outcrop::sim
