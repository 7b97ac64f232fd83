// SPDX-License-Identifier: Apache-2.0
#include "aws/sigv4signer.h"

#include "aws/logging.h"
#include "aws/utctime.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

#include <algorithm>
#include <utility>
#include <vector>

namespace outcrop::aws {

namespace {

constexpr char hexDigitsUpper[] = "0123456789ABCDEF";
constexpr char emptyBodyHash[] = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

using QueryPair = std::pair<QByteArray, QByteArray>; // encoded name, encoded value

bool isUnreserved(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
        || c == '_' || c == '~';
}

// HTTP "whitespace" for header values: what QByteArray::simplified() folds, so that folded
// line breaks (obs-fold) become one space like any other run.
bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Written through a pointer into room made once (three bytes for every byte at most):
// QByteArray::append(char) per byte was a fifth of signing a List request, whose page token
// is re-encoded on every request.
void appendUriEncoded(QByteArray &out, const char *data, qsizetype size, bool keepSlash)
{
    const qsizetype start = out.size();
    out.resize(start + 3 * size);
    char *to = out.data() + start;
    for (qsizetype i = 0; i < size; ++i) {
        const auto c = static_cast<unsigned char>(data[i]);
        if (isUnreserved(c) || (keepSlash && c == '/')) {
            *to++ = char(c);
        } else {
            *to++ = '%';
            *to++ = hexDigitsUpper[c >> 4];
            *to++ = hexDigitsUpper[c & 0xF];
        }
    }
    out.resize(to - out.constData());
}

// Percent-decodes; a '%' that does not start a valid escape is kept as a literal '%' (and so is
// encoded as %25 afterwards), rather than failing the whole request.
QByteArray percentDecoded(const char *data, qsizetype size)
{
    QByteArray out(size, Qt::Uninitialized);   // decoding never lengthens
    char *to = out.data();
    for (qsizetype i = 0; i < size; ++i) {
        if (data[i] == '%' && i + 2 < size) {
            const int high = hexValue(data[i + 1]);
            const int low = hexValue(data[i + 2]);
            if (high >= 0 && low >= 0) {
                *to++ = char((high << 4) | low);
                i += 2;
                continue;
            }
        }
        *to++ = data[i];
    }
    out.resize(to - out.constData());
    return out;
}

QByteArray reencodedQueryPart(const char *data, qsizetype size)
{
    const QByteArray decoded = percentDecoded(data, size);
    QByteArray out;
    out.reserve(decoded.size() + decoded.size() / 2);
    appendUriEncoded(out, decoded.constData(), decoded.size(), false);
    return out;
}

void appendWireQueryPairs(std::vector<QueryPair> &pairs, const QByteArray &wireQuery)
{
    const char *data = wireQuery.constData();
    const qsizetype size = wireQuery.size();
    qsizetype start = 0;
    while (start <= size) {
        qsizetype end = wireQuery.indexOf('&', start);
        if (end < 0)
            end = size;
        if (end > start) { // "a&&b" has an empty parameter between the '&': not a parameter
            qsizetype equals = wireQuery.indexOf('=', start);
            if (equals < 0 || equals > end)
                equals = end;
            pairs.emplace_back(reencodedQueryPart(data + start, equals - start),
                               equals < end ? reencodedQueryPart(data + equals + 1, end - equals - 1) : QByteArray());
        }
        start = end + 1;
    }
}

QByteArray joinedSortedQuery(std::vector<QueryPair> &pairs)
{
    std::sort(pairs.begin(), pairs.end());
    qsizetype length = 0;
    for (const QueryPair &pair : pairs)
        length += pair.first.size() + pair.second.size() + 2;
    QByteArray out;
    out.reserve(length);
    for (const QueryPair &pair : pairs) {
        if (!out.isEmpty())
            out.append('&');
        out.append(pair.first).append('=').append(pair.second);
    }
    return out;
}

// Appends `value` trimmed, with every run of whitespace replaced by one space, without a
// temporary (QByteArray::simplified() would allocate one per header).
void appendFoldedValue(QByteArray &out, const QByteArray &value)
{
    const qsizetype start = out.size();
    out.resize(start + value.size());   // folding never lengthens
    char *to = out.data() + start;
    bool pendingSpace = false;
    bool any = false;
    for (const char c : value) {
        if (isSpace(c)) {
            pendingSpace = any;
            continue;
        }
        if (pendingSpace)
            *to++ = ' ';
        *to++ = c;
        pendingSpace = false;
        any = true;
    }
    out.resize(to - out.constData());
}

QByteArray dateStamp(const QDate &date)
{
    QByteArray out;
    out.reserve(8);
    appendDigits(out, date.year(), 4);
    appendDigits(out, date.month(), 2);
    appendDigits(out, date.day(), 2);
    return out;
}

QDateTime utc(const QDateTime &time)
{
    return time.toUTC();
}

// Once per signing call; the message names the problem, never a credential.
QDateTime checkedSigningTime(const QDateTime &time)
{
    if (!time.isValid())
        qCWarning(lcSigV4) << "signing with an invalid time: the signature will not be accepted";
    return time.toUTC();
}

QByteArray hmacSha256(const QByteArray &key, const QByteArray &message)
{
    return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256);
}

// Deriving the key costs four HMACs; it only changes with the day, region, service or secret, so
// each thread keeps the last one. The secret is held as a shared QString (no extra copy of the
// characters) and the key never leaves this file except into the signature.
QByteArray cachedSigningKey(const QString &secret, const QDate &date, const QString &region, const QString &service)
{
    struct Entry
    {
        QString secret;
        QDate date;
        QString region;
        QString service;
        QByteArray key;
    };
    thread_local Entry cache;
    if (cache.key.isEmpty() || cache.date != date || cache.region != region || cache.service != service
        || cache.secret != secret) {
        cache.key = SigV4Signer::signingKey(secret, date, region, service);
        cache.secret = secret;
        cache.date = date;
        cache.region = region;
        cache.service = service;
    }
    return cache.key;
}

QByteArray lowerCased(const QByteArray &name)
{
    // Header names are ASCII tokens. Most are already lower case: share them instead of letting
    // toLower() build a new array.
    for (const char c : name) {
        if (c >= 'A' && c <= 'Z')
            return name.toLower();
    }
    return name;
}

// Headers the header-mode signer writes itself: a value already in the request is replaced, not
// signed twice.
bool isSignerOwnedHeader(const QByteArray &lowerName, bool signBody)
{
    return lowerName == "x-amz-date" || lowerName == "x-amz-security-token"
        || (signBody && lowerName == "x-amz-content-sha256");
}

void sortUnique(QList<QByteArray> &names)
{
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
}

QByteArray joinedNames(const QList<QByteArray> &names)
{
    return names.join(';');
}

struct SplitTarget
{
    QByteArray path;
    QByteArray query;
};

SplitTarget splitTarget(const QByteArray &target)
{
    const qsizetype question = target.indexOf('?');
    if (question < 0)
        return {target, QByteArray()};
    return {target.left(question), target.mid(question + 1)};
}

QByteArray assembleCanonicalRequest(const QByteArray &method, const QByteArray &path, const QByteArray &query,
                                    const QList<HttpHeader> &headers, const QList<QByteArray> &sortedNames,
                                    const QByteArray &payloadHash, bool normalizePath)
{
    const QByteArray canonicalPath = SigV4Signer::canonicalPath(path, normalizePath);
    const QByteArray canonicalHeaders = SigV4Signer::canonicalHeaders(headers, sortedNames);
    const QByteArray names = joinedNames(sortedNames);
    QByteArray out;
    out.reserve(method.size() + canonicalPath.size() + query.size() + canonicalHeaders.size() + names.size()
                + payloadHash.size() + 5);
    out.append(method).append('\n');
    out.append(canonicalPath).append('\n');
    out.append(query).append('\n');
    out.append(canonicalHeaders).append('\n');
    out.append(names).append('\n');
    out.append(payloadHash);
    return out;
}

QByteArray signatureFor(const AwsCredentials &credentials, const SigningOptions &options, const QDate &date,
                        const QByteArray &stringToSign)
{
    const QByteArray key = cachedSigningKey(credentials.secretAccessKey, date, options.region, options.service);
    return hmacSha256(key, stringToSign).toHex();
}

} // namespace

QByteArray SigV4Signer::uriEncode(const QByteArray &bytes, bool keepSlash)
{
    QByteArray out;
    out.reserve(bytes.size() + bytes.size() / 2);
    appendUriEncoded(out, bytes.constData(), bytes.size(), keepSlash);
    return out;
}

QByteArray SigV4Signer::canonicalPath(const QByteArray &wirePath, bool normalize)
{
    if (wirePath.isEmpty())
        return QByteArrayLiteral("/");
    if (!normalize)
        return uriEncode(wirePath, true);

    // Same algorithm as @smithy/signature-v4 getCanonicalPath: skip empty and "." segments, ".."
    // removes the previous one; keep the leading '/', and a trailing '/' if anything is left.
    QList<QByteArray> segments;
    for (const QByteArray &segment : wirePath.split('/')) {
        if (segment.isEmpty() || segment == ".")
            continue;
        if (segment == "..") {
            if (!segments.isEmpty())
                segments.removeLast();
            continue;
        }
        segments.append(segment);
    }
    QByteArray normalized;
    normalized.reserve(wirePath.size());
    if (wirePath.startsWith('/'))
        normalized.append('/');
    normalized.append(segments.join('/'));
    if (!segments.isEmpty() && wirePath.endsWith('/'))
        normalized.append('/');
    if (normalized.isEmpty())
        normalized = QByteArrayLiteral("/");
    return uriEncode(normalized, true);
}

QByteArray SigV4Signer::canonicalQuery(const QByteArray &wireQuery)
{
    std::vector<QueryPair> pairs;
    appendWireQueryPairs(pairs, wireQuery);
    return joinedSortedQuery(pairs);
}

QByteArray SigV4Signer::canonicalHeaders(const QList<HttpHeader> &headers, const QList<QByteArray> &signedNames)
{
    // Callers normally pass sorted, unique names (signHeaders does); then nothing is re-sorted.
    QList<QByteArray> names = signedNames;
    const auto notStrictlyAscending = [](const QByteArray &a, const QByteArray &b) { return !(a < b); };
    if (std::adjacent_find(names.cbegin(), names.cend(), notStrictlyAscending) != names.cend())
        sortUnique(names);
    QByteArray out;
    out.reserve(names.size() * 48);
    for (const QByteArray &name : std::as_const(names)) {
        out.append(name).append(':');
        bool first = true;
        for (const HttpHeader &header : headers) {
            if (header.name.compare(name, Qt::CaseInsensitive) != 0)
                continue;
            if (!first)
                out.append(',');
            appendFoldedValue(out, header.value);
            first = false;
        }
        out.append('\n');
    }
    return out;
}

QByteArray SigV4Signer::canonicalRequest(const SigningRequest &request, const QList<QByteArray> &signedNames,
                                         const QByteArray &payloadHash, bool normalizePath)
{
    QList<QByteArray> names;
    names.reserve(signedNames.size());
    for (const QByteArray &name : signedNames)
        names.append(lowerCased(name));
    sortUnique(names);
    const SplitTarget target = splitTarget(request.target);
    return assembleCanonicalRequest(request.method, target.path, canonicalQuery(target.query), request.headers,
                                    names, payloadHash, normalizePath);
}

QByteArray SigV4Signer::credentialScope(const QDateTime &time, const QString &region, const QString &service)
{
    return dateStamp(utc(time).date()) + '/' + region.toUtf8() + '/' + service.toUtf8() + "/aws4_request";
}

QByteArray SigV4Signer::stringToSign(const QDateTime &time, const QString &region, const QString &service,
                                     const QByteArray &canonicalRequest)
{
    const QByteArray scope = credentialScope(time, region, service);
    QByteArray out;
    out.reserve(sizeof(algorithm) + 17 + scope.size() + 65);
    out.append(algorithm).append('\n');
    out.append(amzDate(time)).append('\n');
    out.append(scope).append('\n');
    out.append(QCryptographicHash::hash(canonicalRequest, QCryptographicHash::Sha256).toHex());
    return out;
}

QByteArray SigV4Signer::signingKey(const QString &secret, const QDate &date, const QString &region,
                                   const QString &service)
{
    const QByteArray dateKey = hmacSha256("AWS4" + secret.toUtf8(), dateStamp(date));
    const QByteArray regionKey = hmacSha256(dateKey, region.toUtf8());
    const QByteArray serviceKey = hmacSha256(regionKey, service.toUtf8());
    return hmacSha256(serviceKey, QByteArrayLiteral("aws4_request"));
}

QByteArray SigV4Signer::payloadHash(const QByteArray &body)
{
    if (body.isEmpty())
        return QByteArray::fromRawData(emptyBodyHash, sizeof(emptyBodyHash) - 1);
    return QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex();
}

QByteArray SigV4Signer::amzDate(const QDateTime &time)
{
    const QDateTime at = utc(time);
    const QDate date = at.date();
    const QTime clock = at.time();
    QByteArray out;
    out.reserve(16);
    appendDigits(out, date.year(), 4);
    appendDigits(out, date.month(), 2);
    appendDigits(out, date.day(), 2);
    out.append('T');
    appendDigits(out, clock.hour(), 2);
    appendDigits(out, clock.minute(), 2);
    appendDigits(out, clock.second(), 2);
    out.append('Z');
    return out;
}

bool SigV4Signer::isUnsignedHeader(const QByteArray &lowerName)
{
    // @smithy/signature-v4 ALWAYS_UNSIGNABLE_HEADERS (and the C++ SDK's user-agent /
    // x-amzn-trace-id set): hop-by-hop headers and those that proxies or the HTTP stack rewrite.
    static const QByteArray names[] = {
        QByteArrayLiteral("authorization"), QByteArrayLiteral("cache-control"), QByteArrayLiteral("connection"),
        QByteArrayLiteral("expect"),        QByteArrayLiteral("from"),          QByteArrayLiteral("keep-alive"),
        QByteArrayLiteral("max-forwards"),  QByteArrayLiteral("pragma"),        QByteArrayLiteral("referer"),
        QByteArrayLiteral("te"),            QByteArrayLiteral("trailer"),       QByteArrayLiteral("transfer-encoding"),
        QByteArrayLiteral("upgrade"),       QByteArrayLiteral("user-agent"),    QByteArrayLiteral("x-amzn-trace-id"),
    };
    return std::find(std::begin(names), std::end(names), lowerName) != std::end(names);
}

QByteArray SigV4Signer::authorizationValue(const QByteArray &accessKeyId, const QByteArray &scope,
                                           const QByteArray &signedHeaderNames, const QByteArray &signature)
{
    QByteArray out;
    out.reserve(sizeof(algorithm) + accessKeyId.size() + scope.size() + signedHeaderNames.size()
                + signature.size() + 40);
    out.append(algorithm)
        .append(" Credential=")
        .append(accessKeyId)
        .append('/')
        .append(scope)
        .append(", SignedHeaders=")
        .append(signedHeaderNames)
        .append(", Signature=")
        .append(signature);
    return out;
}

SigningResult SigV4Signer::signHeaders(const SigningRequest &request, const AwsCredentials &credentials,
                                       const SigningOptions &options)
{
    const QDateTime time = checkedSigningTime(options.time);
    const QByteArray date = amzDate(time);
    const QByteArray bodyHash = payloadHash(request.body);
    const QByteArray token = credentials.sessionToken.toUtf8();
    const bool signToken = !token.isEmpty() && !options.omitSessionToken;

    QList<HttpHeader> headers;
    headers.reserve(request.headers.size() + 3);
    QList<QByteArray> names;
    names.reserve(request.headers.size() + 3);
    for (const HttpHeader &header : request.headers) {
        QByteArray lowerName = lowerCased(header.name);
        if (isSignerOwnedHeader(lowerName, options.signBody))
            continue;
        headers.append(header);
        if (!isUnsignedHeader(lowerName))
            names.append(std::move(lowerName));
    }

    SigningResult result;
    if (!token.isEmpty())
        result.addedHeaders.append(HttpHeader{QByteArrayLiteral("X-Amz-Security-Token"), token});
    result.addedHeaders.append(HttpHeader{QByteArrayLiteral("X-Amz-Date"), date});
    headers.append(HttpHeader{QByteArrayLiteral("x-amz-date"), date});
    names.append(QByteArrayLiteral("x-amz-date"));
    if (signToken) {
        headers.append(HttpHeader{QByteArrayLiteral("x-amz-security-token"), token});
        names.append(QByteArrayLiteral("x-amz-security-token"));
    }
    if (options.signBody) {
        result.addedHeaders.append(HttpHeader{QByteArrayLiteral("x-amz-content-sha256"), bodyHash});
        headers.append(HttpHeader{QByteArrayLiteral("x-amz-content-sha256"), bodyHash});
        names.append(QByteArrayLiteral("x-amz-content-sha256"));
    }
    sortUnique(names);

    const SplitTarget target = splitTarget(request.target);
    result.canonicalRequest = assembleCanonicalRequest(request.method, target.path, canonicalQuery(target.query),
                                                       headers, names, bodyHash, options.normalizePath);
    result.stringToSign = stringToSign(time, options.region, options.service, result.canonicalRequest);
    result.signature = signatureFor(credentials, options, time.date(), result.stringToSign);
    result.signedHeaderNames = joinedNames(names);
    result.addedHeaders.append(HttpHeader{QByteArrayLiteral("Authorization"),
                                authorizationValue(credentials.accessKeyId.toUtf8(),
                                                   credentialScope(time, options.region, options.service),
                                                   result.signedHeaderNames, result.signature)});
    return result;
}

SigningResult SigV4Signer::presign(const SigningRequest &request, const AwsCredentials &credentials,
                                   const SigningOptions &options)
{
    const QDateTime time = checkedSigningTime(options.time);
    const QByteArray token = credentials.sessionToken.toUtf8();
    const bool signToken = !token.isEmpty() && !options.omitSessionToken;

    QList<QByteArray> names;
    names.reserve(request.headers.size());
    for (const HttpHeader &header : request.headers) {
        QByteArray lowerName = lowerCased(header.name);
        if (!isUnsignedHeader(lowerName))
            names.append(std::move(lowerName));
    }
    sortUnique(names);

    SigningResult result;
    result.signedHeaderNames = joinedNames(names);
    const QByteArray scope = credentialScope(time, options.region, options.service);
    const QByteArray credential = uriEncode(credentials.accessKeyId.toUtf8() + '/' + scope, false);
    const QByteArray date = amzDate(time);
    const QByteArray signedHeaders = uriEncode(result.signedHeaderNames, false);
    const QByteArray expires = QByteArray::number(options.expiresSeconds);
    const QByteArray encodedToken = uriEncode(token, false);

    const SplitTarget target = splitTarget(request.target);
    std::vector<QueryPair> pairs;
    appendWireQueryPairs(pairs, target.query);
    pairs.emplace_back(QByteArrayLiteral("X-Amz-Algorithm"), QByteArray(algorithm));
    pairs.emplace_back(QByteArrayLiteral("X-Amz-Credential"), credential);
    pairs.emplace_back(QByteArrayLiteral("X-Amz-Date"), date);
    pairs.emplace_back(QByteArrayLiteral("X-Amz-Expires"), expires);
    pairs.emplace_back(QByteArrayLiteral("X-Amz-SignedHeaders"), signedHeaders);
    if (signToken)
        pairs.emplace_back(QByteArrayLiteral("X-Amz-Security-Token"), encodedToken);

    // Query mode never adds x-amz-content-sha256; the payload hash line is still the body's hash.
    result.canonicalRequest = assembleCanonicalRequest(request.method, target.path, joinedSortedQuery(pairs),
                                                       request.headers, names, payloadHash(request.body),
                                                       options.normalizePath);
    result.stringToSign = stringToSign(time, options.region, options.service, result.canonicalRequest);
    result.signature = signatureFor(credentials, options, time.date(), result.stringToSign);

    // The reference signer's order (not sorted): the wire form need not be canonical.
    QByteArray &out = result.signedTarget;
    out.reserve(request.target.size() + credential.size() + signedHeaders.size() + encodedToken.size() + 200);
    out.append(request.target);
    if (!request.target.contains('?'))
        out.append('?');
    else if (!request.target.endsWith('?') && !request.target.endsWith('&'))
        out.append('&');
    out.append("X-Amz-Algorithm=").append(algorithm);
    out.append("&X-Amz-Credential=").append(credential);
    out.append("&X-Amz-Date=").append(date);
    out.append("&X-Amz-SignedHeaders=").append(signedHeaders);
    out.append("&X-Amz-Expires=").append(expires);
    if (!token.isEmpty())
        out.append("&X-Amz-Security-Token=").append(encodedToken);
    out.append("&X-Amz-Signature=").append(result.signature);
    return result;
}

} // namespace outcrop::aws
