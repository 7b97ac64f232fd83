// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "httpmessage.h"
#include "simconfig.h"

#include <QList>
#include <QString>

#include <optional>

namespace outcrop::sim {

class SimClock;

// Why a request was refused: the AWS error name (restJson style, "UnrecognizedClientException"),
// the HTTP status and AWS's wording. Bedrock sends it as JSON; StsService maps it to STS's codes.
struct AuthFailure
{
    int status = 403;
    QByteArray type;
    QString message;
};

// Verifies each request the way AWS front ends do: a SigV4 Authorization header (recomputed with
// the signer's canonical request from the signed headers) or a Bedrock API key as a bearer
// token, then the key's permission for the action. Failures use the names and wording AWS uses.
// Secrets never appear in a message.
class Authenticator
{
public:
    explicit Authenticator(const SimClock *clock);

    void setRequired(bool required) { m_required = required; }
    bool isRequired() const { return m_required; }
    void setRegion(const QString &region) { m_region = region; }
    void setAccountId(const QString &accountId) { m_accountId = accountId; }
    void setCredentials(const QList<SimCredential> &credentials) { m_credentials = credentials; }
    void addCredential(const SimCredential &credential) { m_credentials.append(credential); }
    void setBearerTokens(const QList<SimBearerToken> &tokens) { m_bearerTokens = tokens; }
    void setMaxClockSkewSeconds(qint64 seconds) { m_maxSkewSeconds = seconds; }

    // nullopt when the request may perform `action` (an operation name).
    std::optional<SimResponse> verify(const SimRequest &request, const QString &action) const;
    // A SigV4 request to another service ("sts"), verified whether or not auth is required:
    // nullopt with the caller's key in *caller, or why not. No per-action permission check.
    std::optional<AuthFailure> verifyCaller(const SimRequest &request, const QString &service,
                                            SimCredential *caller) const;

private:
    std::optional<AuthFailure> verifySigV4(const SimRequest &request, const QString &action, const QString &service,
                                           SimCredential *caller) const;
    std::optional<AuthFailure> verifyBearer(const QByteArray &token, const QString &action) const;

    const SimClock *m_clock;
    bool m_required = true;
    QString m_region = QStringLiteral("us-east-1");
    QString m_accountId = QStringLiteral("123456789012");
    QList<SimCredential> m_credentials;
    QList<SimBearerToken> m_bearerTokens;
    qint64 m_maxSkewSeconds = 300;
};

} // namespace outcrop::sim
