// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace outcrop::aws {

class AwsEnvironment;

// One IAM Identity Center access token as `aws sso login` caches it. Every field but startUrl,
// region and the times is a secret: never log it or put it in a message.
struct SsoToken
{
    QString accessToken;
    QDateTime expiresAt;
    QString refreshToken;              // only sso-session logins have one
    QString clientId;                  // the OIDC client registration the refresh needs
    QString clientSecret;
    QDateTime registrationExpiresAt;   // invalid when absent
    QString startUrl;
    QString region;
    QJsonObject otherFields;           // kept as they are when the file is rewritten

    // The SDKs refresh only with all three (token-providers validateTokenKey(..., forRefresh)).
    bool canRefresh() const { return !refreshToken.isEmpty() && !clientId.isEmpty() && !clientSecret.isEmpty(); }
};

// The token cache of the AWS CLI and SDKs: ~/.aws/sso/cache/<sha1 hex>.json, keyed by the
// sso_session name (profiles with sso_session) or by the sso_start_url (legacy profiles), as
// @smithy/core getSSOTokenFilepath and botocore's SSOTokenLoader name it. The folder is not
// configurable in either SDK; only the home folder moves it.
// Fields (camelCase, as the CLI writes them): accessToken, expiresAt (ISO 8601 UTC; the CLI
// writes "…Z", the JS SDK "….000Z", old CLI v1 "…UTC"), and for refreshable tokens
// refreshToken, clientId, clientSecret, registrationExpiresAt; also startUrl and region.
class SsoTokenCache
{
public:
    static QString cacheDirectory(const AwsEnvironment &environment);
    // "<sha1 hex of key>.json"
    static QString fileNameFor(const QString &cacheKey);
    static QString filePathFor(const AwsEnvironment &environment, const QString &cacheKey);

    // The token in `path`, or nullopt with *error naming the file and what is wrong with it
    // (missing, unreadable, not JSON, a field missing or of the wrong type), never a value.
    static std::optional<SsoToken> read(const QString &path, QString *error);
    // Writes the token atomically (a temporary file renamed over the old one, owner-only
    // permissions), keeping fields Outcrop does not know, as the SDKs do on refresh.
    static bool write(const QString &path, const SsoToken &token, QString *error);

    // Parses the expiresAt spellings above; invalid for anything else.
    static QDateTime parseTime(const QString &text);
    // "2026-01-01T00:00:00Z", the AWS CLI's spelling.
    static QString formatTime(const QDateTime &time);
};

} // namespace outcrop::aws
