// SPDX-License-Identifier: Apache-2.0
#include "sigv4vectorcheck.h"

#include "aws/sigv4signer.h"

namespace outcrop::testsupport {

namespace {

using aws::HttpHeader;
using aws::SigV4Signer;

QString shown(const QByteArray &bytes)
{
    // Line breaks visible, so a difference in the canonical request's layout is readable.
    return QString::fromUtf8(bytes).replace(QLatin1Char('\n'), QStringLiteral("\\n"));
}

QString shown(const QList<HttpHeader> &headers)
{
    QStringList lines;
    for (const HttpHeader &header : headers)
        lines.append(shown(header.name + ':' + header.value));
    return QLatin1Char('[') + lines.join(QStringLiteral(" | ")) + QLatin1Char(']');
}

class Comparison
{
public:
    explicit Comparison(QString prefix)
        : m_prefix(std::move(prefix))
    {
    }

    void bytes(const QString &what, const QByteArray &expected, const QByteArray &actual)
    {
        if (expected != actual)
            fail(what, shown(expected), shown(actual));
    }
    void headers(const QString &what, const QList<HttpHeader> &expected, const QList<HttpHeader> &actual)
    {
        if (expected != actual)
            fail(what, shown(expected), shown(actual));
    }
    void fail(const QString &what, const QString &expected, const QString &actual)
    {
        m_mismatches.append(QStringLiteral("%1: %2: expected \"%3\", got \"%4\"").arg(m_prefix, what, expected, actual));
    }
    void problem(const QString &what) { m_mismatches.append(m_prefix + QStringLiteral(": ") + what); }
    QStringList mismatches() const { return m_mismatches; }

private:
    QString m_prefix;
    QStringList m_mismatches;
};

QByteArray parameter(const QList<std::pair<QByteArray, QByteArray>> &parameters, const QByteArray &name)
{
    for (const auto &[parameterName, value] : parameters) {
        if (parameterName == name)
            return value;
    }
    return QByteArray();
}

void compareRequestLineAndBody(Comparison &check, const HttpRequestText &request, const HttpRequestText &signedRequest)
{
    check.bytes(QStringLiteral("signed request method"), signedRequest.method, request.method);
    check.bytes(QStringLiteral("signed request protocol"), signedRequest.protocol, request.protocol);
    check.bytes(QStringLiteral("signed request body"), signedRequest.body, request.body);
    if (!signedRequest.hasBlankLine)
        check.problem(QStringLiteral("signed request does not end its headers with an empty line"));
}

void checkHeaderMode(Comparison &check, const SigV4VectorCase &vectorCase, const aws::SigningResult &result)
{
    const HttpRequestText &signedRequest = vectorCase.header.signedRequest;
    const SigV4Context &context = vectorCase.context;
    compareRequestLineAndBody(check, vectorCase.request, signedRequest);
    check.bytes(QStringLiteral("signed request target"), signedRequest.target, vectorCase.request.target);

    // The original headers, unchanged, then what the signer added, in the reference order.
    const qsizetype originalCount = vectorCase.request.headers.size();
    check.headers(QStringLiteral("original headers in the signed request"),
                  signedRequest.headers.mid(0, originalCount), vectorCase.request.headers);
    check.headers(QStringLiteral("added headers"), signedRequest.headers.mid(originalCount), result.addedHeaders);

    const QByteArray scope = SigV4Signer::credentialScope(context.time, context.region, context.service);
    check.bytes(QStringLiteral("X-Amz-Date header"), signedRequest.headerValue("X-Amz-Date"),
                SigV4Signer::amzDate(context.time));
    AuthorizationParts authorization;
    QString error;
    if (!parseAuthorization(signedRequest.headerValue("Authorization"), &authorization, &error)) {
        check.problem(error);
        return;
    }
    check.bytes(QStringLiteral("Authorization algorithm"), authorization.algorithm, SigV4Signer::algorithm);
    check.bytes(QStringLiteral("Authorization Credential"), authorization.credential,
                context.credentials.accessKeyId.toUtf8() + '/' + scope);
    check.bytes(QStringLiteral("Authorization SignedHeaders"), authorization.signedHeaders, result.signedHeaderNames);
    check.bytes(QStringLiteral("Authorization Signature"), authorization.signature, result.signature);
}

void checkQueryMode(Comparison &check, const SigV4VectorCase &vectorCase, const aws::SigningResult &result)
{
    const HttpRequestText &signedRequest = vectorCase.query.signedRequest;
    const SigV4Context &context = vectorCase.context;
    compareRequestLineAndBody(check, vectorCase.request, signedRequest);
    check.headers(QStringLiteral("headers of the presigned request"), signedRequest.headers,
                  vectorCase.request.headers);
    check.bytes(QStringLiteral("signed target"), signedRequest.target, result.signedTarget);

    const auto parameters = decodedQueryParameters(signedRequest.target);
    const QByteArray scope = SigV4Signer::credentialScope(context.time, context.region, context.service);
    check.bytes(QStringLiteral("X-Amz-Algorithm"), parameter(parameters, "X-Amz-Algorithm"), SigV4Signer::algorithm);
    check.bytes(QStringLiteral("X-Amz-Credential"), parameter(parameters, "X-Amz-Credential"),
                context.credentials.accessKeyId.toUtf8() + '/' + scope);
    check.bytes(QStringLiteral("X-Amz-Date"), parameter(parameters, "X-Amz-Date"), SigV4Signer::amzDate(context.time));
    check.bytes(QStringLiteral("X-Amz-SignedHeaders"), parameter(parameters, "X-Amz-SignedHeaders"),
                result.signedHeaderNames);
    check.bytes(QStringLiteral("X-Amz-Expires"), parameter(parameters, "X-Amz-Expires"),
                QByteArray::number(context.expiresSeconds));
    check.bytes(QStringLiteral("X-Amz-Security-Token"), parameter(parameters, "X-Amz-Security-Token"),
                context.credentials.sessionToken.toUtf8());
    check.bytes(QStringLiteral("X-Amz-Signature"), parameter(parameters, "X-Amz-Signature"), result.signature);
}

} // namespace

QStringList checkSigV4VectorCase(const SigV4VectorCase &vectorCase, SigningMode mode)
{
    const bool headerMode = mode == SigningMode::Header;
    Comparison check(vectorCase.name + (headerMode ? QStringLiteral(" header") : QStringLiteral(" query")));
    const aws::SigningRequest request = vectorCase.signingRequest();
    const aws::SigningOptions options = vectorCase.context.signingOptions();
    const aws::SigningResult result = headerMode
        ? SigV4Signer::signHeaders(request, vectorCase.context.credentials, options)
        : SigV4Signer::presign(request, vectorCase.context.credentials, options);

    const ExpectedSigning &expected = vectorCase.expected(mode);
    check.bytes(QStringLiteral("canonical request"), expected.canonicalRequest, result.canonicalRequest);
    check.bytes(QStringLiteral("string to sign"), expected.stringToSign, result.stringToSign);
    check.bytes(QStringLiteral("signature"), expected.signature, result.signature);
    if (headerMode)
        checkHeaderMode(check, vectorCase, result);
    else
        checkQueryMode(check, vectorCase, result);
    return check.mismatches();
}

QStringList checkSigV4VectorCase(const QString &directory, SigningMode mode)
{
    SigV4VectorCase vectorCase;
    QString error;
    if (!readSigV4VectorCase(directory, &vectorCase, &error))
        return {QStringLiteral("cannot read the case: ") + error};
    return checkSigV4VectorCase(vectorCase, mode);
}

} // namespace outcrop::testsupport
