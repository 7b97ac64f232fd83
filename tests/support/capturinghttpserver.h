// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QTcpServer>
#include <QTcpSocket>

#include <algorithm>
#include <functional>

// A loopback HTTP/1.1 server for tests that need the exact bytes a client put on the wire, or
// replies the simulator cannot produce. It records each request's head (request line and headers,
// raw) and answers request N with scripted reply N (the last one repeats), or, with a router,
// with whatever the router makes of the request's head (for clients that may send requests in an
// order of their own choosing). An empty reply means "never answer"; a reply may close the
// connection after it is written (a cut-off body).
class CapturingHttpServer
{
public:
    struct Reply
    {
        QByteArray bytes;
        bool closeAfterWriting = false;
    };

    explicit CapturingHttpServer(QByteArray response)
        : CapturingHttpServer(QList<Reply> { Reply { std::move(response), false } })
    {
    }

    // The reply to a request, from its head (request line and headers) and its number (from 0).
    using Router = std::function<Reply(const QByteArray &head, int index)>;

    explicit CapturingHttpServer(Router router)
        : CapturingHttpServer(QList<Reply> {})
    {
        m_router = std::move(router);
    }

    explicit CapturingHttpServer(QList<Reply> script)
        : m_script(std::move(script))
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
    const QList<QByteArray> &requestBodies() const { return m_bodies; }
    // The request line of request `index`, e.g. "GET /path?query HTTP/1.1".
    QByteArray requestLine(int index) const { return m_heads.value(index).split('\r').value(0); }

private:
    void onReadyRead(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0) {
            return;
        }
        const QByteArray head = buffer.left(end);
        qsizetype bodyLength = 0;
        for (const QByteArray &line : head.split('\n')) {
            if (line.toLower().startsWith("content-length:")) {
                bodyLength = line.mid(15).trimmed().toLongLong();
            }
        }
        if (buffer.size() < end + 4 + bodyLength) {
            return;   // the body is still on its way
        }
        m_heads.append(head);
        m_bodies.append(buffer.mid(end + 4, bodyLength));
        buffer.remove(0, end + 4 + bodyLength);
        const Reply reply = m_router ? m_router(head, int(m_heads.size() - 1))
                                     : m_script.at(std::min<qsizetype>(m_heads.size() - 1, m_script.size() - 1));
        if (reply.bytes.isEmpty()) {
            return;   // hang: the client's timeout has to deal with it
        }
        socket->write(reply.bytes);
        socket->flush();
        if (reply.closeAfterWriting) {
            socket->disconnectFromHost();
        }
    }

    QTcpServer m_server;
    QList<Reply> m_script;
    Router m_router;
    QList<QByteArray> m_heads;
    QList<QByteArray> m_bodies;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};
