// SPDX-License-Identifier: Apache-2.0
// The simulator's HTTP/1.1 request parser (sim/httprequestparser.h) on arbitrary byte streams.
// Checks: the same requests (or the same error) come out whether the bytes arrive at once or in
// pieces of any size, header names are lower-cased and trimmed, a body is exactly as long as its
// Content-Length; and the request's path and query decoders take whatever came.
#include "fuzzsupport.h"

#include "httprequestparser.h"

using namespace outcrop::sim;

namespace {

struct Outcome
{
    QList<SimRequest> requests;
    int errorStatus = 0;   // 0: no framing error (yet)
};

bool sameRequest(const SimRequest &a, const SimRequest &b)
{
    return a.method == b.method && a.target == b.target && a.version == b.version && a.headers == b.headers
        && a.body == b.body;
}

// Pops every request that is complete; false once no more will be read (error or close).
bool drain(HttpRequestParser &parser, Outcome *outcome)
{
    for (;;) {
        switch (parser.next()) {
        case HttpRequestParser::Step::NeedMore:
            parser.takeContinueRequest();
            return true;
        case HttpRequestParser::Step::Failed:
            outcome->errorStatus = parser.error().status;
            FUZZ_CHECK(outcome->errorStatus >= 400 && !parser.error().message.isEmpty());
            return false;
        case HttpRequestParser::Step::Request:
            outcome->requests.append(parser.takeRequest());
            if (parser.closeAfter()) {
                return false;
            }
            break;
        }
    }
}

void checkRequest(const SimRequest &request)
{
    FUZZ_CHECK(!request.method.isEmpty());
    FUZZ_CHECK(request.target.startsWith('/'));
    FUZZ_CHECK(request.version.startsWith("HTTP/1."));
    for (const auto &header : request.headers) {
        FUZZ_CHECK(header.first == header.first.toLower() && header.first == header.first.trimmed());
        FUZZ_CHECK(header.second == header.second.trimmed());
    }
    if (request.hasHeader("content-length")) {
        FUZZ_CHECK(request.body.size() == request.header("content-length").toLongLong());
    } else {
        FUZZ_CHECK(request.body.isEmpty());
    }
    FUZZ_CHECK(request.rawPath().startsWith('/'));
    const QStringList segments = request.pathSegments();
    FUZZ_CHECK(segments.size() == request.rawPath().count('/'));
    const QueryParameters query = request.query();
    for (const auto &item : query.items()) {
        FUZZ_CHECK(query.contains(item.first));
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray stream = outcrop::fuzz::bytes(data, size);

    Outcome whole;
    HttpRequestParser wholeParser;
    wholeParser.append(stream);
    drain(wholeParser, &whole);

    // The same bytes in pieces of 1 to 16 bytes, the sizes taken from the bytes themselves.
    Outcome pieces;
    HttpRequestParser piecesParser;
    qsizetype at = 0;
    bool reading = true;
    while (reading && at < stream.size()) {
        const qsizetype piece = qMin<qsizetype>(1 + (uchar(stream.at(at)) % 16), stream.size() - at);
        piecesParser.append(QByteArrayView(stream).sliced(at, piece));
        at += piece;
        reading = drain(piecesParser, &pieces);
    }

    FUZZ_CHECK(whole.requests.size() == pieces.requests.size());
    for (qsizetype i = 0; i < whole.requests.size(); ++i) {
        FUZZ_CHECK(sameRequest(whole.requests.at(i), pieces.requests.at(i)));
        checkRequest(whole.requests.at(i));
    }
    // Headers over the size limit may be refused in pieces before the whole stream shows that
    // they never end; every other error is the same.
    FUZZ_CHECK(whole.errorStatus == pieces.errorStatus || pieces.errorStatus == 431 || whole.errorStatus == 431);
    return 0;
}
