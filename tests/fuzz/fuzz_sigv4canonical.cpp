// SPDX-License-Identifier: Apache-2.0
// The SigV4 canonicaliser (aws/sigv4signer.h) on arbitrary requests. Input: parts separated by
// 0xFF: method, target (path?query), body, then header names and values alternately.
// Checks: the canonical path and query use only unreserved characters and %XX (upper-case hex),
// the normalised path has no ".", ".." or empty segments, the canonical query is a fixed point,
// and signing is deterministic with a 64-digit hex signature.
#include "fuzzsupport.h"

#include "aws/sigv4signer.h"
#include "aws/utctime.h"

#include <cstring>

using namespace outcrop::aws;

namespace {

bool isUnreserved(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
        || c == '_' || c == '~';
}

bool isUpperHex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F');
}

// Only unreserved characters, `extra` and well-formed %XX escapes.
bool isEncoded(const QByteArray &text, const char *extra)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char c = text.at(i);
        if (c == '%') {
            if (i + 2 >= text.size()) {
                return false;
            }
            if (!isUpperHex(text.at(i + 1)) || !isUpperHex(text.at(i + 2))) {
                return false;
            }
            i += 2;
        } else if (!isUnreserved(c) && (c == '\0' || !std::strchr(extra, c))) {
            return false;
        }
    }
    return true;
}

bool isLowerHex(const QByteArray &text)
{
    for (char c : text) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return false;
        }
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QList<QByteArray> parts = outcrop::fuzz::splitParts(outcrop::fuzz::bytes(data, size));
    SigningRequest request;
    request.method = parts.value(0);
    request.target = parts.value(1);
    request.body = parts.value(2);
    request.headers.append({QByteArrayLiteral("Host"), QByteArrayLiteral("bedrock.us-east-1.amazonaws.com")});
    for (qsizetype i = 3; i + 1 < parts.size(); i += 2) {
        request.headers.append({parts.at(i), parts.at(i + 1)});
    }

    const qsizetype question = request.target.indexOf('?');
    const QByteArray path = question < 0 ? request.target : request.target.left(question);
    const QByteArray query = question < 0 ? QByteArray() : request.target.mid(question + 1);

    // A wire path starts with '/' (or is empty, which means "/"); anything else is the caller's
    // mistake, and then the checks below that rely on it are left out.
    const bool absolute = path.isEmpty() || path.startsWith('/');
    const QByteArray normalized = SigV4Signer::canonicalPath(path, true);
    FUZZ_CHECK(normalized.startsWith('/') || !absolute);
    FUZZ_CHECK(isEncoded(normalized, "/"));
    const QList<QByteArray> segments = normalized.split('/');
    for (qsizetype i = 1; i < segments.size(); ++i) {
        FUZZ_CHECK(segments.at(i) != "." && segments.at(i) != "..");
        FUZZ_CHECK(!segments.at(i).isEmpty() || i == segments.size() - 1);   // only a trailing '/'
    }
    const QByteArray kept = SigV4Signer::canonicalPath(path, false);
    FUZZ_CHECK((kept.startsWith('/') || !absolute) && isEncoded(kept, "/"));

    const QByteArray canonicalQuery = SigV4Signer::canonicalQuery(query);
    FUZZ_CHECK(isEncoded(canonicalQuery, "=&"));
    FUZZ_CHECK(SigV4Signer::canonicalQuery(canonicalQuery) == canonicalQuery);

    AwsCredentials credentials;
    credentials.accessKeyId = QStringLiteral("AKIDEXAMPLE");
    credentials.secretAccessKey = QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    credentials.sessionToken = (size % 2) ? QStringLiteral("session-token") : QString();
    SigningOptions options;
    options.region = QStringLiteral("us-east-1");
    options.service = QStringLiteral("bedrock");
    options.time = utcDateTime(QDate(2025, 8, 1), QTime(9, 15, 30));
    options.signBody = size % 3 == 0;

    const SigningResult signedOnce = SigV4Signer::signHeaders(request, credentials, options);
    const SigningResult signedTwice = SigV4Signer::signHeaders(request, credentials, options);
    FUZZ_CHECK(signedOnce.signature == signedTwice.signature);
    FUZZ_CHECK(signedOnce.canonicalRequest == signedTwice.canonicalRequest);
    FUZZ_CHECK(signedOnce.signature.size() == 64 && isLowerHex(signedOnce.signature));
    FUZZ_CHECK(signedOnce.canonicalRequest.startsWith(QByteArray(request.method + '\n')));
    FUZZ_CHECK(signedOnce.canonicalRequest.contains(QByteArray('\n' + normalized + '\n' + canonicalQuery + '\n')));
    FUZZ_CHECK(!signedOnce.canonicalRequest.contains(credentials.secretAccessKey.toLatin1()));

    const SigningResult presigned = SigV4Signer::presign(request, credentials, options);
    FUZZ_CHECK(presigned.signature.size() == 64 && isLowerHex(presigned.signature));
    FUZZ_CHECK(presigned.signedTarget.startsWith(request.target));
    return 0;
}
