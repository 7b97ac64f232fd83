// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "aws/awscredentials.h"

#include <QByteArray>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

namespace outcrop::aws {

// One HTTP header as it goes on the wire. The name keeps the case it was sent with; the signer
// lower-cases it only for the canonical request.
struct HttpHeader
{
    QByteArray name;
    QByteArray value;

    friend bool operator==(const HttpHeader &a, const HttpHeader &b)
    {
        return a.name == b.name && a.value == b.value;
    }
    friend bool operator!=(const HttpHeader &a, const HttpHeader &b) { return !(a == b); }
};

// The request to sign, in wire form.
struct SigningRequest
{
    QByteArray method;            // "GET"
    // path[?query] EXACTLY as on the wire, already percent-encoded by the sender, e.g.
    // "/model-customization/custom-model-deployments/arn%3Aaws%3A...%2Fabc". The signer encodes
    // the path once more for the canonical request (non-S3 rule), so it must not be decoded first.
    QByteArray target;
    QList<HttpHeader> headers;    // as sent; must contain Host
    QByteArray body;
};

struct SigningOptions
{
    QString region;
    QString service;
    QDateTime time;                // signing time (converted to UTC); callers pass it, so tests pin the clock
    bool normalizePath = true;     // non-S3 rules: drop ".", resolve "..", collapse "//"
    bool signBody = false;         // header mode also adds a signed x-amz-content-sha256
    bool omitSessionToken = false; // the token is added to the request after signing, not signed
    qint64 expiresSeconds = 3600;  // query (presign) mode: X-Amz-Expires
};

struct SigningResult
{
    QByteArray canonicalRequest;
    QByteArray stringToSign;
    QByteArray signature;              // 64 lower-case hex
    QByteArray signedHeaderNames;      // "host;x-amz-date"
    // Header mode, in the reference signer's order: X-Amz-Security-Token (whenever a token exists,
    // even when it is not signed), X-Amz-Date, x-amz-content-sha256 (if signBody), Authorization.
    QList<HttpHeader> addedHeaders;
    // Query mode: target + '?' or '&' + X-Amz-Algorithm, X-Amz-Credential, X-Amz-Date,
    // X-Amz-SignedHeaders, X-Amz-Expires, X-Amz-Security-Token (whenever a token exists), X-Amz-Signature.
    QByteArray signedTarget;
};

// AWS Signature Version 4 (HMAC-SHA256), "non-S3" flavour: the rules pinned down by the official
// test suite (shared/testdata/sigv4/README.md) and by @smithy/signature-v4, the JS SDK's signer
// (shared/testdata/bedrock-sigv4). Stateless apart from a per-thread cache of the derived key;
// safe to call from any thread.
class SigV4Signer
{
public:
    static constexpr char algorithm[] = "AWS4-HMAC-SHA256";

    // Authorization header mode. Signs every request header (names lower-cased) except
    // isUnsignedHeader() ones, plus those it adds. X-Amz-Date, X-Amz-Security-Token (and
    // x-amz-content-sha256 when signBody) already in the request are ignored: the caller sends the
    // request's other headers followed by result.addedHeaders.
    static SigningResult signHeaders(const SigningRequest &request, const AwsCredentials &credentials,
                                     const SigningOptions &options);
    // Query-string (presigned URL) mode. No headers are added; the request's own headers are signed.
    static SigningResult presign(const SigningRequest &request, const AwsCredentials &credentials,
                                 const SigningOptions &options);

    // Building blocks, public for tests and for the simulator's verifier.

    // Non-S3: the already-encoded wire path is encoded AGAIN (% -> %25), so arn%3A -> arn%253A.
    // With `normalize`, "." segments are dropped, ".." resolved and empty segments collapsed; a
    // trailing '/' survives. An empty path is "/".
    static QByteArray canonicalPath(const QByteArray &wirePath, bool normalize);
    // Split on '&' and at the first '='; percent-decode; RFC 3986-encode; sort by name then value.
    // '+' is a literal plus (-> %2B), never a space.
    static QByteArray canonicalQuery(const QByteArray &wireQuery);
    // "name:value\n" for every name of `signedNames` (lower-case; emitted in sorted order). Values
    // are trimmed, runs of whitespace (folded line breaks included) become one space, and repeated
    // headers are joined with ',' in the order they appear.
    static QByteArray canonicalHeaders(const QList<HttpHeader> &headers, const QList<QByteArray> &signedNames);
    // The six lines: method, path, query, headers, signed names, payload hash. `signedNames` must
    // be lower-case; they are sorted and de-duplicated here.
    static QByteArray canonicalRequest(const SigningRequest &request, const QList<QByteArray> &signedNames,
                                       const QByteArray &payloadHash, bool normalizePath);
    static QByteArray stringToSign(const QDateTime &time, const QString &region, const QString &service,
                                   const QByteArray &canonicalRequest);
    // HMAC chain "AWS4"+secret -> date -> region -> service -> "aws4_request" (raw 32 bytes).
    static QByteArray signingKey(const QString &secret, const QDate &date, const QString &region,
                                 const QString &service);
    static QByteArray payloadHash(const QByteArray &body);       // hex sha256
    static QByteArray amzDate(const QDateTime &time);            // 20150830T123600Z (UTC)
    static QByteArray credentialScope(const QDateTime &time, const QString &region, const QString &service);
    // Headers a proxy or the HTTP stack may add or rewrite, so they are never signed (the set of
    // @smithy/signature-v4 ALWAYS_UNSIGNABLE_HEADERS): user-agent, x-amzn-trace-id, authorization, ...
    static bool isUnsignedHeader(const QByteArray &lowerName);
    // RFC 3986 percent-encoding with upper-case hex; unreserved bytes (and '/' if keepSlash) stay.
    static QByteArray uriEncode(const QByteArray &bytes, bool keepSlash);
    // "AWS4-HMAC-SHA256 Credential=<id>/<scope>, SignedHeaders=<names>, Signature=<hex>"
    static QByteArray authorizationValue(const QByteArray &accessKeyId, const QByteArray &scope,
                                         const QByteArray &signedHeaderNames, const QByteArray &signature);
};

} // namespace outcrop::aws
