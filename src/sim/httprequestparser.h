// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "httpmessage.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace outcrop::sim {

// The simulator's incremental HTTP/1.1 request parser (request line, headers, Content-Length
// body; bytes may arrive in any split), without a socket: HttpConnection feeds it what it reads,
// and the fuzz target tests/fuzz/fuzz_simhttp.cpp feeds it arbitrary bytes in arbitrary splits.
class HttpRequestParser
{
public:
    static constexpr qsizetype maxHeaderBytes = 64 * 1024;
    static constexpr qsizetype maxBodyBytes = 8 * 1024 * 1024;

    enum class Step {
        NeedMore,   // nothing complete yet: feed more bytes
        Request,    // takeRequest() returns the next request
        Failed,     // a framing error: error() says what; the stream is unusable from here on
    };

    // The answer the connection owes the client for a framing error.
    struct Error
    {
        int status = 0;
        QByteArray type;
        QString message;
    };

    void append(QByteArrayView bytes);
    Step next();

    // Valid after next() returned Request.
    SimRequest takeRequest();
    // The request taken last asked to close the connection ("Connection: close", or HTTP/1.0
    // without keep-alive): nothing after it is read.
    bool closeAfter() const { return m_closeAfter; }
    // True once per request, when its head is complete and it waits for a body that has not
    // fully arrived and asked for "Expect: 100-continue".
    bool takeContinueRequest();

    const Error &error() const { return m_error; }

private:
    bool parseHead(const QByteArray &head);
    Step fail(int status, const QByteArray &type, const QString &message);

    QByteArray m_buffer;
    bool m_headComplete = false;
    bool m_failed = false;
    bool m_continueRequested = false;
    qsizetype m_bodyLength = 0;
    SimRequest m_current;
    bool m_currentCloses = false;
    SimRequest m_ready;
    bool m_closeAfter = false;
    Error m_error;
};

} // namespace outcrop::sim
