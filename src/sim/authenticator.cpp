// SPDX-License-Identifier: Apache-2.0
#include "authenticator.h"

#include "aws/utctime.h"

#include "simclock.h"

#include "aws/sigv4signer.h"

#include <QMessageAuthenticationCode>

namespace outcrop::sim {

using aws::SigV4Signer;

namespace {

AuthFailure forbidden(const QByteArray &type, const QString &message)
{
    return AuthFailure{403, type, message};
}

AuthFailure invalidToken()
{
    // AWS's answer for a key id it does not know, and for a session token that does not match.
    return forbidden("UnrecognizedClientException", QStringLiteral("The security token included in the request is invalid."));
}

AuthFailure accessDenied(const QString &principal, const QString &action)
{
    return forbidden("AccessDeniedException",
                     QStringLiteral("User: %1 is not authorized to perform: bedrock:%2 because no identity-based policy "
                                    "allows the bedrock:%2 action")
                         .arg(principal, action));
}

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size()) {
        return false;
    }
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i) {
        difference |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    }
    return difference == 0;
}

bool allows(const QStringList &allowedActions, const QString &action)
{
    return allowedActions.isEmpty() || allowedActions.contains(action) || allowedActions.contains(QStringLiteral("*"));
}

QDateTime parseAmzDate(const QByteArray &value)
{
    // Parsed as local time by QDateTime::fromString, then re-based on UTC with the same fields.
    const QDateTime local = QDateTime::fromString(QString::fromLatin1(value), QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    if (value.size() != 16 || !local.isValid()) {
        return {};
    }
    return outcrop::aws::utcDateTime(local.date(), local.time());
}

struct AuthorizationHeader
{
    QByteArray accessKeyId;
    QList<QByteArray> scope;   // date, region, service, "aws4_request"
    QList<QByteArray> signedHeaders;
    QByteArray signature;
};

// "AWS4-HMAC-SHA256 Credential=AKID/20250801/us-east-1/bedrock/aws4_request, SignedHeaders=host;x-amz-date, Signature=hex"
std::optional<AuthorizationHeader> parseAuthorization(const QByteArray &value, QString *problem)
{
    const QByteArray prefix = QByteArray(SigV4Signer::algorithm) + ' ';
    if (!value.startsWith(prefix)) {
        *problem = QStringLiteral("Authorization header requires the AWS4-HMAC-SHA256 algorithm.");
        return std::nullopt;
    }
    AuthorizationHeader header;
    QByteArray credential;
    QByteArray signedHeaders;
    bool hasSignature = false;
    for (QByteArray part : value.mid(prefix.size()).split(',')) {
        part = part.trimmed();
        if (part.startsWith("Credential=")) {
            credential = part.mid(11);
        } else if (part.startsWith("SignedHeaders=")) {
            signedHeaders = part.mid(14);
        } else if (part.startsWith("Signature=")) {
            header.signature = part.mid(10);
            hasSignature = true;
        }
    }
    QStringList missing;
    if (credential.isEmpty()) {
        missing << QStringLiteral("'Credential'");
    }
    if (signedHeaders.isEmpty()) {
        missing << QStringLiteral("'SignedHeaders'");
    }
    if (!hasSignature) {
        missing << QStringLiteral("'Signature'");
    }
    if (!missing.isEmpty()) {
        *problem = QStringLiteral("Authorization header requires %1 parameter(s). Authorization=AWS4-HMAC-SHA256 ...")
                       .arg(missing.join(QStringLiteral(", ")));
        return std::nullopt;
    }
    const QList<QByteArray> credentialParts = credential.split('/');
    if (credentialParts.size() != 5 || credentialParts.at(4) != "aws4_request") {
        *problem = QStringLiteral("Credential should be of the form AKID/yyyymmdd/region/service/aws4_request.");
        return std::nullopt;
    }
    header.accessKeyId = credentialParts.at(0);
    header.scope = credentialParts.mid(1);
    header.signedHeaders = signedHeaders.split(';');
    return header;
}

} // namespace

Authenticator::Authenticator(const SimClock *clock)
    : m_clock(clock)
{
}

std::optional<SimResponse> Authenticator::verify(const SimRequest &request, const QString &action) const
{
    if (!m_required) {
        return std::nullopt;
    }
    const QByteArray authorization = request.header("authorization");
    std::optional<AuthFailure> failure;
    if (authorization.isEmpty()) {
        failure = forbidden("MissingAuthenticationTokenException", QStringLiteral("Missing Authentication Token"));
    } else if (authorization.startsWith("Bearer ")) {
        failure = verifyBearer(authorization.mid(7).trimmed(), action);
    } else {
        failure = verifySigV4(request, action, QStringLiteral("bedrock"), nullptr);
    }
    if (failure) {
        return SimResponse::error(failure->status, failure->type, failure->message);
    }
    return std::nullopt;
}

std::optional<AuthFailure> Authenticator::verifyCaller(const SimRequest &request, const QString &service,
                                                       SimCredential *caller) const
{
    if (request.header("authorization").isEmpty()) {
        return forbidden("MissingAuthenticationTokenException", QStringLiteral("Request is missing Authentication Token"));
    }
    return verifySigV4(request, QString(), service, caller);
}

std::optional<AuthFailure> Authenticator::verifyBearer(const QByteArray &token, const QString &action) const
{
    for (const SimBearerToken &known : m_bearerTokens) {
        if (constantTimeEquals(known.token.toUtf8(), token)) {
            if (!allows(known.allowedActions, action)) {
                return accessDenied(QStringLiteral("bedrock-api-key"), action);
            }
            return std::nullopt;
        }
    }
    return invalidToken();
}

std::optional<AuthFailure> Authenticator::verifySigV4(const SimRequest &request, const QString &action,
                                                      const QString &service, SimCredential *caller) const
{
    QString problem;
    const std::optional<AuthorizationHeader> header = parseAuthorization(request.header("authorization"), &problem);
    if (!header) {
        return forbidden("IncompleteSignatureException", problem);
    }
    const SimCredential *credential = nullptr;
    for (const SimCredential &known : m_credentials) {
        if (known.accessKeyId.toUtf8() == header->accessKeyId) {
            credential = &known;
        }
    }
    if (!credential) {
        return invalidToken();
    }
    const QByteArray amzDate = request.header("x-amz-date");
    const QDateTime requestTime = parseAmzDate(amzDate);
    if (!requestTime.isValid()) {
        return forbidden("IncompleteSignatureException",
                         QStringLiteral("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' "
                                        "header."));
    }
    if (!header->signedHeaders.contains("host") || !header->signedHeaders.contains("x-amz-date")) {
        return forbidden("InvalidSignatureException",
                         QStringLiteral("The host and x-amz-date headers must be signed."));
    }
    const QDateTime now = m_clock->now();
    const QByteArray nowText = SigV4Signer::amzDate(now);
    const QDateTime earliest = now.addSecs(-m_maxSkewSeconds);
    const QDateTime latest = now.addSecs(m_maxSkewSeconds);
    const QString minutes = QString::number(m_maxSkewSeconds / 60);
    if (requestTime < earliest) {
        // AWS's wording, which the JS SDK looks for to retry with a corrected clock (§10.2).
        return forbidden("InvalidSignatureException",
                         QStringLiteral("Signature expired: %1 is now earlier than %2 (%3 - %4 min.)")
                             .arg(QString::fromLatin1(amzDate), QString::fromLatin1(SigV4Signer::amzDate(earliest)),
                                  QString::fromLatin1(nowText), minutes));
    }
    if (requestTime > latest) {
        return forbidden("InvalidSignatureException",
                         QStringLiteral("Signature not yet current: %1 is still later than %2 (%3 + %4 min.)")
                             .arg(QString::fromLatin1(amzDate), QString::fromLatin1(SigV4Signer::amzDate(latest)),
                                  QString::fromLatin1(nowText), minutes));
    }
    const QList<QByteArray> &scope = header->scope;
    if (scope.at(0) != amzDate.left(8)) {
        return forbidden("InvalidSignatureException",
                         QStringLiteral("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date "
                                        "from HTTP: '%1' != '%2', from '%3'.")
                             .arg(QString::fromLatin1(scope.at(0)), QString::fromLatin1(amzDate.left(8)),
                                  QString::fromLatin1(amzDate)));
    }
    if (QString::fromLatin1(scope.at(1)) != m_region) {
        return forbidden("InvalidSignatureException",
                         QStringLiteral("Credential should be scoped to a valid region, not '%1'.")
                             .arg(QString::fromLatin1(scope.at(1))));
    }
    if (QString::fromLatin1(scope.at(2)) != service) {
        return forbidden("InvalidSignatureException",
                         QStringLiteral("Credential should be scoped to correct service: '%1'.").arg(service));
    }
    if (!credential->sessionToken.isEmpty()) {
        if (!constantTimeEquals(request.header("x-amz-security-token"), credential->sessionToken.toUtf8())) {
            return invalidToken();
        }
        if (credential->expiration.isValid() && now >= credential->expiration) {
            return forbidden("ExpiredTokenException", QStringLiteral("The security token included in the request is expired"));
        }
    }

    QByteArray payloadHash = request.header("x-amz-content-sha256");
    const QByteArray bodyHash = SigV4Signer::payloadHash(request.body);
    if (payloadHash.isEmpty()) {
        payloadHash = bodyHash;
    } else if (payloadHash != "UNSIGNED-PAYLOAD" && payloadHash != bodyHash) {
        return forbidden("InvalidSignatureException",
                         QStringLiteral("The provided 'x-amz-content-sha256' header does not match what was computed."));
    }
    aws::SigningRequest signing;
    signing.method = request.method;
    signing.target = request.target;
    signing.body = request.body;
    for (const auto &wireHeader : request.headers) {
        signing.headers.append(aws::HttpHeader{wireHeader.first, wireHeader.second});
    }
    const QByteArray canonical = SigV4Signer::canonicalRequest(signing, header->signedHeaders, payloadHash, true);
    const QByteArray stringToSign = SigV4Signer::stringToSign(requestTime, m_region, service, canonical);
    const QByteArray key = SigV4Signer::signingKey(credential->secretAccessKey, requestTime.date(), m_region, service);
    const QByteArray expected = QMessageAuthenticationCode::hash(stringToSign, key, QCryptographicHash::Sha256).toHex();
    if (!constantTimeEquals(expected, header->signature)) {
        return forbidden("InvalidSignatureException",
                         QStringLiteral("The request signature we calculated does not match the signature you provided. "
                                        "Check your AWS Secret Access Key and signing method. Consult the service "
                                        "documentation for details."));
    }
    if (caller) {
        *caller = *credential;
    }
    if (!action.isEmpty() && !allows(credential->allowedActions, action)) {
        return accessDenied(QStringLiteral("arn:aws:iam::") + m_accountId + QStringLiteral(":user/") + credential->accessKeyId, action);
    }
    return std::nullopt;
}

} // namespace outcrop::sim
