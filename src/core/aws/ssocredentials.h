// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "aws/authprovider.h"
#include "aws/awscredentials.h"
#include "aws/awserror.h"
#include "aws/ssotokencache.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QString>
#include <QUrl>

#include <chrono>
#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace outcrop::aws {

class AwsCall;
class AwsClient;
class AwsEnvironment;
class AwsProfile;
class AwsSharedConfig;

// What an IAM Identity Center profile says, checked as @aws-sdk/credential-provider-sso's fromSSO
// checks it: sso_account_id and sso_role_name in the profile; sso_start_url and sso_region from
// its [sso-session NAME] section (sso_session) or from the profile itself (legacy profiles); a
// profile that repeats them must agree with its session.
struct SsoProfileSettings
{
    QString profileName;
    QString sessionName;   // empty for a legacy profile
    QString startUrl;
    QString region;
    QString accountId;
    QString roleName;
    QString tokenFile;     // the token cache file this profile reads
    QUrl portalEndpoint;   // SSO (GetRoleCredentials)
    QUrl oidcEndpoint;     // SSO OIDC (CreateToken)

    // True when the profile has any sso_* key (fromSSO's isSsoProfile).
    static bool isSsoProfile(const AwsProfile &profile);
    // nullopt with *error naming the profile, file and missing or conflicting keys.
    static std::optional<SsoProfileSettings> fromProfile(const AwsEnvironment &environment,
                                                         const AwsSharedConfig &sharedConfig,
                                                         const AwsProfile &profile, QString *error);
    // "aws sso login --profile dev": what the user runs to sign in again (the profile name quoted
    // for a POSIX shell when it needs it).
    QString loginCommand() const;
};

// Gets role credentials for one IAM Identity Center profile, asynchronously, the way the AWS
// SDKs do (@aws-sdk/token-providers fromSso, credential-provider-sso resolveSSOCredentials):
//  1. read the cached access token (SsoTokenCache);
//  2. sso-session profiles only: when it expires within kTokenRefreshWindow and the cache has a
//     refresh token and an unexpired client registration (botocore checks the registration
//     too), refresh it with SSO OIDC CreateToken and write it back to the cache file. A failed
//     refresh is only fatal once the old token has expired;
//  3. exchange the token for role credentials with SSO GetRoleCredentials.
// An expired token that cannot be refreshed, a missing or unreadable cache file, and a token
// the service rejects fail with AwsError::Kind::SsoLoginRequired and remedyCommand set to
// loginCommand(). No error text holds a token, a client secret or a key.
// Emits succeeded() or failed() once, never from inside start().
class SsoCredentialFetcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SsoCredentialFetcher)

public:
    // Five minutes, as token-providers' EXPIRE_WINDOW_MS (botocore: 15 min advisory, 10 mandatory).
    static constexpr std::chrono::seconds kTokenRefreshWindow { 300 };

    SsoCredentialFetcher(SsoProfileSettings settings, QNetworkAccessManager *network,
                         std::optional<QSslConfiguration> ssl, QObject *parent = nullptr);
    ~SsoCredentialFetcher() override;

    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }
    void start();

signals:
    void succeeded(const outcrop::aws::AwsCredentials &credentials);
    void failed(const outcrop::aws::AwsError &error);

private:
    void readToken();
    void refreshToken();
    void onTokenRefreshed(AwsCall *call);
    void getRoleCredentials();
    void onRoleCredentials(AwsCall *call);
    void fail(const AwsError &error);
    void failLoginRequired(const QString &reason);
    AwsClient *makeClient(const QUrl &endpoint, const QString &signingName);

    SsoProfileSettings m_settings;
    QNetworkAccessManager *m_network;
    std::optional<QSslConfiguration> m_ssl;
    std::function<QDateTime()> m_clock;
    AnonymousAuthProvider m_anonymous;
    SsoToken m_token;
    bool m_finished = false;
};

} // namespace outcrop::aws
