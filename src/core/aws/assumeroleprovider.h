// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "aws/authprovider.h"
#include "aws/awscredentials.h"
#include "aws/awsenvironment.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSslConfiguration>
#include <QString>

#include <chrono>
#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace outcrop::aws {

class AwsProfile;
class AwsSharedConfig;
class CredentialChain;
class StsClient;

// What a role profile with mfa_serial needs a code for.
struct MfaCodeRequest
{
    QString profile;     // the profile that names mfa_serial
    QString mfaSerial;   // arn:aws:iam::123456789012:mfa/alice (or a hardware serial)
    QString roleArn;
};
// Answers once: the code, or an error saying why there is none (the user cancelled, the headless
// export got no --mfa-code). The error becomes the credential chain's message.
using MfaCodeCallback = std::function<void(const QString &code, const QString &error)>;
// Asks for the current code of an MFA device, asynchronously (the GUI opens a dialog with open()).
using MfaCodeProvider = std::function<void(const MfaCodeRequest &request, MfaCodeCallback answer)>;

// How the AssumeRole calls reach STS.
struct StsSettings
{
    QNetworkAccessManager *network = nullptr;   // null: a network manager of its own, with the proxy rules
    QString region;                             // empty: the profile's (AWS_REGION, region), else us-east-1
    std::optional<QSslConfiguration> ssl;       // AWS_CA_BUNDLE / ca_bundle
    std::function<QDateTime()> clock;           // UTC now for signing; empty: the system clock
};

// Credentials of a role profile: `role_arn` with `source_profile` or `credential_source`, as the
// AWS SDKs resolve them (JS fromIni resolveAssumeRoleCredentials, botocore AssumeRoleProvider):
//  * the source credentials: credential_source = Environment (AWS_ACCESS_KEY_ID ...), or the
//    source profile's own credentials (static keys, credential_process, ... through a
//    CredentialChain fixed on that profile), or the profile's own static keys when it names itself
//    as source_profile; a source profile that is a role profile itself is assumed first (a chain);
//  * then STS AssumeRole for every role in the chain, signed with the credentials before it, with
//    external_id, role_session_name (default "outcrop-<ms since epoch>"), duration_seconds and
//    mfa_serial (the code from the MfaCodeProvider).
// Assumed credentials are cached per (role, source key id, external id) and assumed again once
// within kRefreshMargin of expiring (the JS SDK's five minutes). Cycles of source_profile and
// settings that cannot work are errors naming the profile and the file. Messages never hold a secret.
class AssumeRoleProvider final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AssumeRoleProvider)

public:
    static constexpr std::chrono::seconds kRefreshMargin { 300 };
    using Callback = std::function<void(const AwsCredentials &credentials, const QString &error)>;

    explicit AssumeRoleProvider(const AwsEnvironment &environment, QObject *parent = nullptr);
    ~AssumeRoleProvider() override;

    // role_arn together with source_profile or credential_source (both: an error at resolve()).
    static bool isRoleProfile(const AwsProfile &profile);

    void setStsSettings(const StsSettings &settings);
    void setMfaCodeProvider(MfaCodeProvider provider) { m_mfaProvider = std::move(provider); }
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }
    void setProcessTimeout(std::chrono::milliseconds timeout) { m_processTimeout = timeout; }

    // Calls `callback` once, later (never from inside this call). One resolution at a time:
    // call again only after the callback (isBusy()).
    void resolve(const AwsSharedConfig &sharedConfig, const QString &profileName, Callback callback);
    bool isBusy() const { return m_busy; }
    // Forget every assumed credential (the service said they expired, or the profile changed).
    void clearCache() { m_cache.clear(); }

private:
    struct RoleStep
    {
        QString profile;
        QString roleArn;
        QString externalId;
        QString sessionName;
        std::optional<int> durationSeconds;
        QString mfaSerial;
    };
    enum class SourceKind { Profile, OwnStaticKeys, Environment };
    struct Plan
    {
        SourceKind sourceKind = SourceKind::Profile;
        QString sourceProfile;
        AwsCredentials ownStaticKeys;
        QList<RoleStep> steps;   // the role nearest the source first
        QString error;
    };

    Plan buildPlan(const AwsSharedConfig &sharedConfig, const QString &profileName) const;
    QString prepareSts(const AwsSharedConfig &sharedConfig, const QString &profileName);
    void fetchSource();
    void runStep(const AwsCredentials &source);
    void assume(const RoleStep &step, const AwsCredentials &source, const QString &tokenCode);
    void finish(const AwsCredentials &credentials, const QString &error);
    QString cacheKey(const RoleStep &step, const AwsCredentials &source) const;
    QDateTime now() const { return m_clock(); }

    AwsEnvironment m_environment;
    StsSettings m_settings;
    MfaCodeProvider m_mfaProvider;
    std::function<QDateTime()> m_clock;
    std::chrono::milliseconds m_processTimeout;
    QNetworkAccessManager *m_ownNetwork = nullptr;
    StaticAuthProvider m_stsAuth;   // the source credentials of the AssumeRole call in flight
    StsClient *m_sts = nullptr;
    QString m_stsKey;               // endpoint and region m_sts was made for
    QHash<QString, CredentialChain *> m_sourceChains;   // per source profile, keeping their caches
    QHash<QString, AwsCredentials> m_cache;

    bool m_busy = false;
    quint64 m_generation = 0;   // answers of an older run (an MFA dialog still open) are dropped
    Plan m_plan;
    int m_nextStep = 0;
    Callback m_callback;
};

} // namespace outcrop::aws
