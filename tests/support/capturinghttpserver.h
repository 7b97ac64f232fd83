// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QTcpServer>
#include <QTcpSocket>

// A loopback HTTP/1.1 server for tests that need the exact bytes a client put on the wire. It
// records each request's head (request line and headers, raw) and answers with `response`.
class CapturingHttpServer
{
public:
    explicit CapturingHttpServer(QByteArray response)
        : m_response(std::move(response))
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { onReadyRead(socket); });
                QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        m_server.listen(QHostAddress::LocalHost);
    }

    quint16 port() const { return m_server.serverPort(); }
    const QList<QByteArray> &requestHeads() const { return m_heads; }
    // The request line of request `index`, e.g. "GET /path?query HTTP/1.1".
    QByteArray requestLine(int index) const { return m_heads.value(index).split('\r').value(0); }

private:
    void onReadyRead(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const int end = buffer.indexOf("\r\n\r\n");
        if (end < 0) {
            return;
        }
        m_heads.append(buffer.left(end));
        buffer.clear();
        socket->write(m_response);
        socket->flush();
    }

    QTcpServer m_server;
    QByteArray m_response;
    QList<QByteArray> m_heads;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};
