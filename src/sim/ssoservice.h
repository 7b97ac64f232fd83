// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "httpmessage.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

class QCommandLineParser;

namespace outcrop::sim {

class Authenticator;
class SimClock;

// A permission set the signed-in user may take: GetRoleCredentials answers for it.
struct SimSsoRole
{
    QString accountId;
    QString roleName;
};

// An IAM Identity Center access token the portal accepts (what `aws sso login` caches).
struct SimSsoAccessToken
{
    QString token;
    QDateTime expiration;   // invalid: never expires
};

// A registered OIDC client and one refresh token CreateToken redeems for it. Redeeming rotates
// it: the reply carries a new refresh token and the old one stops working.
struct SimSsoRefreshGrant
{
    QString clientId;
    QString clientSecret;
    QString refreshToken;
    QDateTime expiration;   // invalid: never expires; past: ExpiredTokenException
};

struct SimSsoSettings
{
    QList<SimSsoRole> roles;
    QList<SimSsoAccessToken> accessTokens;
    QList<SimSsoRefreshGrant> refreshGrants;
    int accessTokenSeconds = 3600;      // expiresIn of the tokens CreateToken issues
    int roleCredentialSeconds = 3600;   // lifetime of the credentials GetRoleCredentials issues
};

// IAM Identity Center on the simulator's port, for tests of every SSO path:
//  * SSO GetRoleCredentials: GET /federation/credentials?account_id=&role_name= with the
//    x-amz-sso_bearer_token header → {"roleCredentials": {accessKeyId, secretAccessKey,
//    sessionToken, expiration (epoch ms)}}. The credentials are added to the Authenticator with
//    their expiry, so the Bedrock routes accept them until then. Errors as the service models
//    them (botocore sso/2019-06-10): UnauthorizedException 401 (unknown or expired token),
//    InvalidRequestException 400, ResourceNotFoundException 404 (no such role for the user).
//  * SSO OIDC CreateToken: POST /token {clientId, clientSecret, grantType "refresh_token",
//    refreshToken} → {accessToken, tokenType "Bearer", expiresIn, refreshToken}. OAuth-style
//    errors (x-amzn-ErrorType, body {"error", "error_description"}): InvalidRequestException,
//    UnsupportedGrantTypeException, InvalidClientException 401, InvalidGrantException,
//    ExpiredTokenException (sso-oidc/2019-06-10).
// Both operations are unsigned (smithy.api#noAuth), so no SigV4 is checked here.
class SsoService
{
public:
    SsoService(const SimClock *clock, Authenticator *authenticator);

    void setSettings(const SimSsoSettings &settings) { m_settings = settings; }
    const SimSsoSettings &settings() const { return m_settings; }
    void addAccessToken(const SimSsoAccessToken &token) { m_settings.accessTokens.append(token); }
    void addRefreshGrant(const SimSsoRefreshGrant &grant) { m_settings.refreshGrants.append(grant); }

    // The reply when `request` is an SSO or SSO OIDC route; nullopt for every other request.
    std::optional<SimResponse> handle(const SimRequest &request);

    // Statistics, for tests (e.g. that concurrent resolutions share one refresh).
    int createTokenCount() const { return m_createTokenCount; }
    int roleCredentialCount() const { return m_roleCredentialCount; }

    // The outcrop-sim options (--sso-role, --sso-access-token, --sso-refresh-token,
    // --sso-token-seconds, --sso-credential-seconds).
    static void addOptions(QCommandLineParser &parser);
    // Empty on success; else what is wrong (never a secret).
    static QString readOptions(const QCommandLineParser &parser, SimSsoSettings *settings);

private:
    SimResponse getRoleCredentials(const SimRequest &request);
    SimResponse createToken(const SimRequest &request);

    const SimClock *m_clock;
    Authenticator *m_authenticator;
    SimSsoSettings m_settings;
    int m_createTokenCount = 0;
    int m_roleCredentialCount = 0;
};

} // namespace outcrop::sim
