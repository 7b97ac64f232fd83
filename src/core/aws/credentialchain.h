// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "aws/assumeroleprovider.h"
#include "aws/awscredentials.h"
#include "aws/awsenvironment.h"
#include "aws/awserror.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QString>

#include <chrono>
#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace outcrop::aws {

class AwsProfile;
class AwsSharedConfig;
class CredentialProcess;
class SsoCredentialFetcher;

// Finds AWS credentials, asynchronously, in the order of the AWS SDKs' default chain:
//  1. credentials given to the app (setAppCredentials; later the keychain);
//  2. AWS_ACCESS_KEY_ID + AWS_SECRET_ACCESS_KEY (+ AWS_SESSION_TOKEN, AWS_CREDENTIAL_EXPIRATION) —
//     skipped when a profile is chosen (--profile or AWS_PROFILE), as the JS SDK's defaultProvider
//     does (botocore skips them only for an explicit --profile);
//  3. the profile's aws_access_key_id / aws_secret_access_key / aws_session_token, each from the
//     credentials file before the config file (JS fromIni mergeConfigFiles);
//  4. the profile's credential_process (CredentialProcess);
//  5. the profile's IAM Identity Center settings (sso_session or sso_start_url, sso_account_id,
//     sso_role_name: SsoCredentialFetcher), failing with AwsError::Kind::SsoLoginRequired when
//     the user must run `aws sso login` again.
// A profile with role_arn and source_profile or credential_source assumes the role through STS
// (AssumeRoleProvider; checked first, as fromIni does). A profile using web identity or
// `aws login` fails with a message saying that kind of profile is not supported yet, unless static
// keys come first in fromIni's order (static keys beat everything but role_arn).
// Credentials that expire are cached until they are within kRefreshMargin of expiring; the next
// resolve() then runs the chain again. Five minutes is what the JS SDK uses for the whole default
// chain (credential-provider-node memoize-chain: credentialsTreatedAsExpired, 300000 ms); botocore
// refreshes process credentials 15 minutes (advisory) / 10 minutes (mandatory) ahead.
// Credentials that do not expire are cached until invalidate().
class CredentialChain : public QObject
{
    Q_OBJECT

public:
    static constexpr std::chrono::seconds kRefreshMargin { 300 };

    explicit CredentialChain(const AwsEnvironment &environment, QObject *parent = nullptr);
    ~CredentialChain() override;

    void setProfile(const QString &explicitProfile); // --profile; empty: AWS_PROFILE or "default"
    void setAppCredentials(const AwsCredentials &credentials); // invalid credentials: none
    void setClock(std::function<QDateTime()> clock);
    void setProcessTimeout(std::chrono::milliseconds timeout) { m_processTimeout = timeout; }
    // The network for credential sources that call AWS (IAM Identity Center). Without it the
    // chain makes its own, with the AWS proxy rules.
    void setNetwork(QNetworkAccessManager *network, const std::optional<QSslConfiguration> &ssl = std::nullopt);
    // Role profiles: how AssumeRole reaches STS, and who answers for an mfa_serial (the GUI's
    // dialog, the headless export's --mfa-code). Without a provider an MFA role fails with a message.
    void setStsSettings(const StsSettings &settings);
    void setMfaCodeProvider(MfaCodeProvider provider);

    // Emits resolved() or failed() later (never from inside this call). Calls made while a
    // credential_process runs share its result.
    void resolve();
    // The credentials resolve() would answer from its cache (nothing running, not within
    // kRefreshMargin of expiring), if any; answers nothing itself.
    std::optional<AwsCredentials> cachedCredentials() const;
    // Forget the cached credentials (e.g. after the service said they expired or were revoked).
    void invalidate();

signals:
    void resolved(const outcrop::aws::AwsCredentials &credentials);
    // Names every place searched when nothing was found. Never contains a secret.
    void failed(const QString &message);
    // Emitted with every failed(), typed: Kind::Credentials, or a more specific kind such as
    // SsoLoginRequired (with remedyCommand "aws sso login --profile NAME"), or Network when an
    // AWS credential service cannot be reached.
    void failedWithError(const outcrop::aws::AwsError &error);

private:
    void runChain();
    void succeed(const AwsCredentials &credentials);
    void fail(const QString &message);
    void fail(const AwsError &error);
    // For asynchronous sources, whose answer already comes from the event loop.
    void emitResolved(const AwsCredentials &credentials);
    void emitFailure(const AwsError &error);
    void startSso(const AwsSharedConfig &sharedConfig, const AwsProfile &profile);
    QNetworkAccessManager *network();
    // Static keys or credential_process of the profile; false when the profile has neither.
    bool resolveFromProfile(const AwsSharedConfig &sharedConfig, const AwsProfile &profile, QStringList *searched);
    AssumeRoleProvider *roles();

    AwsEnvironment m_environment;
    QString m_explicitProfile;
    AwsCredentials m_appCredentials;
    AwsCredentials m_cached;
    std::function<QDateTime()> m_clock;
    std::chrono::milliseconds m_processTimeout;
    QPointer<CredentialProcess> m_process;
    QPointer<SsoCredentialFetcher> m_sso;
    QPointer<QNetworkAccessManager> m_network;
    std::optional<QSslConfiguration> m_ssl;
    AssumeRoleProvider *m_roles = nullptr;   // made on first use: most profiles never need it
    StsSettings m_stsSettings;
    MfaCodeProvider m_mfaProvider;
};

} // namespace outcrop::aws
