// SPDX-License-Identifier: Apache-2.0
#include "aws/credentialchain.h"

#include "aws/awssharedconfig.h"
#include "aws/credentialprocess.h"
#include "aws/logging.h"
#include "aws/ssocredentials.h"
#include "net/networkpolicy.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>

namespace outcrop::aws {

namespace {

// The messages of the credential chain: the "Searched:" list of a profile without credentials,
// and why a profile cannot be used.
class CredentialChainTr
{
    Q_DECLARE_TR_FUNCTIONS(CredentialChain)
};

const QString kAccessKeyVariable = QStringLiteral("AWS_ACCESS_KEY_ID");
const QString kSecretKeyVariable = QStringLiteral("AWS_SECRET_ACCESS_KEY");
const QString kAccessKey = QStringLiteral("aws_access_key_id");
const QString kSecretKey = QStringLiteral("aws_secret_access_key");
const QString kSessionToken = QStringLiteral("aws_session_token");
const QString kCredentialProcess = QStringLiteral("credential_process");

QString bullet(const QString &line)
{
    return QStringLiteral("\n  • ") + line;
}

QString fileState(const AwsConfigFile &file, const QString &sectionName, bool hasProfile)
{
    if (!file.exists()) {
        //: A line of "No AWS credentials found … Searched:"; %1 is a file's path.
        return CredentialChainTr::tr("%1 (file not found)").arg(file.path());
    }
    //: A line of "No AWS credentials found … Searched:"; %1 a file's path, %2 a section such as
    //: [profile dev], %3 what was missing there.
    return CredentialChainTr::tr("%1, %2 (%3)")
        .arg(file.path(), sectionName,
             hasProfile ? CredentialChainTr::tr("no aws_access_key_id / aws_secret_access_key")
                        : CredentialChainTr::tr("no such section"));
}

} // namespace

CredentialChain::CredentialChain(const AwsEnvironment &environment, QObject *parent)
    : QObject(parent)
    , m_environment(environment)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
    , m_processTimeout(CredentialProcess::kDefaultTimeout)
{
}

CredentialChain::~CredentialChain() = default;

void CredentialChain::setProfile(const QString &explicitProfile)
{
    m_explicitProfile = explicitProfile;
    invalidate();
}

void CredentialChain::setAppCredentials(const AwsCredentials &credentials)
{
    m_appCredentials = credentials;
    if (m_appCredentials.isValid() && m_appCredentials.source.isEmpty()) {
        m_appCredentials.source = CredentialChainTr::tr("credentials entered in Outcrop");
    }
    invalidate();
}

void CredentialChain::setClock(std::function<QDateTime()> clock)
{
    m_clock = std::move(clock);
}

void CredentialChain::setNetwork(QNetworkAccessManager *network, const std::optional<QSslConfiguration> &ssl)
{
    m_network = network;
    m_ssl = ssl;
}

QNetworkAccessManager *CredentialChain::network()
{
    if (!m_network) {
        m_network = new QNetworkAccessManager(this);
        m_network->setProxyFactory(new net::AwsProxyFactory(m_environment.variables()));
    }
    return m_network;
}

void CredentialChain::invalidate()
{
    m_cached = AwsCredentials();
    if (m_roles) {
        m_roles->clearCache();
    }
}

void CredentialChain::setStsSettings(const StsSettings &settings)
{
    m_stsSettings = settings;
    if (m_roles) {
        m_roles->setStsSettings(settings);
    }
}

void CredentialChain::setMfaCodeProvider(MfaCodeProvider provider)
{
    m_mfaProvider = std::move(provider);
    if (m_roles) {
        m_roles->setMfaCodeProvider(m_mfaProvider);
    }
}

AssumeRoleProvider *CredentialChain::roles()
{
    if (!m_roles) {
        m_roles = new AssumeRoleProvider(m_environment, this);
        m_roles->setStsSettings(m_stsSettings);
        m_roles->setMfaCodeProvider(m_mfaProvider);
    }
    m_roles->setClock(m_clock);
    m_roles->setProcessTimeout(m_processTimeout);
    return m_roles;
}

std::optional<AwsCredentials> CredentialChain::cachedCredentials() const
{
    if (m_process || m_sso || (m_roles && m_roles->isBusy())
        || !m_cached.isValid() || m_cached.expiresWithin(m_clock(), kRefreshMargin.count())) {
        return std::nullopt;
    }
    return m_cached;
}

void CredentialChain::resolve()
{
    if (m_process || m_sso || (m_roles && m_roles->isBusy())) {
        return; // its result answers this call too
    }
    if (const std::optional<AwsCredentials> cached = cachedCredentials()) {
        QMetaObject::invokeMethod(this, [this, credentials = *cached] { emit resolved(credentials); },
                                  Qt::QueuedConnection);
        return;
    }
    m_cached = AwsCredentials();
    runChain();
}

void CredentialChain::succeed(const AwsCredentials &credentials)
{
    m_cached = credentials;
    qCDebug(lcCredentials) << "resolved" << credentials;
    QMetaObject::invokeMethod(this, [this, credentials] { emit resolved(credentials); }, Qt::QueuedConnection);
}

void CredentialChain::emitResolved(const AwsCredentials &credentials)
{
    m_cached = credentials;
    qCDebug(lcCredentials) << "resolved" << credentials;
    emit resolved(credentials);
}

void CredentialChain::fail(const QString &message)
{
    fail(AwsError::make(AwsError::Kind::Credentials, message));
}

void CredentialChain::fail(const AwsError &error)
{
    // A debug message, not a warning: the caller shows the error (the window's banner, the
    // export's stderr), and a warning printed it a second time on the terminal.
    qCDebug(lcCredentials).noquote() << error.message;
    QMetaObject::invokeMethod(this, [this, error] { emitFailure(error); }, Qt::QueuedConnection);
}

void CredentialChain::emitFailure(const AwsError &error)
{
    emit failed(error.message);
    emit failedWithError(error);
}

void CredentialChain::runChain()
{
    if (m_appCredentials.isValid()) {
        succeed(m_appCredentials);
        return;
    }
    QStringList searched;
    searched.append(CredentialChainTr::tr("credentials entered in Outcrop (none)"));

    const QString profileName = m_environment.profileName(m_explicitProfile);
    const bool hasAccessKey = m_environment.isSet(kAccessKeyVariable);
    const bool hasSecretKey = m_environment.isSet(kSecretKeyVariable);
    if (m_environment.profileChosen(m_explicitProfile)) {
        searched.append(CredentialChainTr::tr("environment variables %1 / %2 (skipped: profile %3 was chosen, which "
                                              "takes precedence as in the AWS SDK for JavaScript)")
                            .arg(kAccessKeyVariable, kSecretKeyVariable, profileName));
    } else if (hasAccessKey && hasSecretKey) {
        AwsCredentials credentials;
        credentials.accessKeyId = m_environment.value(kAccessKeyVariable);
        credentials.secretAccessKey = m_environment.value(kSecretKeyVariable);
        credentials.sessionToken = m_environment.value(QStringLiteral("AWS_SESSION_TOKEN"));
        credentials.source = CredentialChainTr::tr("environment variables");
        const QString expiration = m_environment.value(QStringLiteral("AWS_CREDENTIAL_EXPIRATION"));
        if (!expiration.isEmpty()) {
            credentials.expiration = QDateTime::fromString(expiration, Qt::ISODateWithMs);
            if (!credentials.expiration.isValid()) {
                fail(CredentialChainTr::tr("AWS_CREDENTIAL_EXPIRATION is not an ISO 8601 time."));
                return;
            }
        }
        succeed(credentials);
        return;
    } else {
        searched.append(
            CredentialChainTr::tr("environment variables %1 / %2 (%3)")
                .arg(kAccessKeyVariable, kSecretKeyVariable,
                     hasAccessKey ? CredentialChainTr::tr("only %1 is set").arg(kAccessKeyVariable)
                                  : hasSecretKey ? CredentialChainTr::tr("only %1 is set").arg(kSecretKeyVariable)
                                                 : CredentialChainTr::tr("not set")));
    }

    const AwsSharedConfig sharedConfig = AwsSharedConfig::load(m_environment);
    if (!sharedConfig.errorString().isEmpty()) {
        fail(CredentialChainTr::tr("Cannot read the AWS configuration: %1").arg(sharedConfig.errorString()));
        return;
    }
    const AwsProfile profile = sharedConfig.profile(profileName);
    if (resolveFromProfile(sharedConfig, profile, &searched)) {
        return;
    }
    QString message = CredentialChainTr::tr("No AWS credentials found for profile %1. Searched:").arg(profileName);
    for (const QString &place : std::as_const(searched)) {
        message += bullet(place);
    }
    if (!profile.exists() && sharedConfig.configFile().ignoredSections().contains(profileName)) {
        message += QLatin1Char('\n')
            + CredentialChainTr::tr("%1 has a section [%2]; in the config file a profile is written [profile %2].")
                       .arg(sharedConfig.configFile().path(), profileName);
    }
    fail(message);
}

bool CredentialChain::resolveFromProfile(const AwsSharedConfig &sharedConfig, const AwsProfile &profile,
                                         QStringList *searched)
{
    const auto notSupported = [this, &profile](const QString &kind) {
        //: %2 says what the profile uses, e.g. "uses web identity (web_identity_token_file)".
        fail(CredentialChainTr::tr("Profile %1 %2; Outcrop does not support that kind of profile yet. Use static keys, "
                                   "credential_process or environment variables for now.")
                 .arg(profile.name(), kind));
        return true;
    };
    // Roles first, as the JS SDK's fromIni (resolveProfileData) checks them.
    if (AssumeRoleProvider::isRoleProfile(profile)) {
        roles()->resolve(sharedConfig, profile.name(), [this](const AwsCredentials &credentials, const QString &error) {
            if (error.isEmpty()) {
                emitResolved(credentials);
            } else {
                qCDebug(lcCredentials).noquote() << error;   // the caller shows it
                emitFailure(AwsError::make(AwsError::Kind::Credentials, error));
            }
        });
        return true;
    }
    const auto fromCredentialsFile = AwsProfile::Prefer::CredentialsFile;
    if (profile.contains(kAccessKey) && profile.contains(kSecretKey)) {
        AwsCredentials credentials;
        credentials.accessKeyId = profile.value(kAccessKey, fromCredentialsFile);
        credentials.secretAccessKey = profile.value(kSecretKey, fromCredentialsFile);
        credentials.sessionToken = profile.value(kSessionToken, fromCredentialsFile);
        credentials.source = profile.describe(kAccessKey, fromCredentialsFile);
        succeed(credentials);
        return true;
    }
    const bool onlyOneKey = profile.contains(kAccessKey) != profile.contains(kSecretKey);
    const QString credentialsSection = QStringLiteral("[%1]").arg(profile.name());
    const QString configSection = profile.name() == QLatin1String("default")
        ? QStringLiteral("[default]")
        : QStringLiteral("[profile %1]").arg(profile.name());
    searched->append(fileState(sharedConfig.credentialsFile(), credentialsSection, profile.inCredentialsFile()));
    searched->append(fileState(sharedConfig.configFile(), configSection, profile.inConfigFile()));
    if (onlyOneKey) {
        searched->last() += CredentialChainTr::tr("; profile %1 has only one of %2 and %3")
                                .arg(profile.name(), kAccessKey, kSecretKey);
    }
    if (profile.contains(QStringLiteral("web_identity_token_file")) && profile.contains(QStringLiteral("role_arn"))) {
        //: Completes "Profile NAME …; Outcrop does not support that kind of profile yet."
        return notSupported(CredentialChainTr::tr("uses web identity (web_identity_token_file)"));
    }
    if (profile.contains(kCredentialProcess)) {
        auto *process = new CredentialProcess(profile.name(), profile.value(kCredentialProcess, fromCredentialsFile),
                                              m_environment.variables(), this);
        process->setTimeout(m_processTimeout);
        process->setClock(m_clock);
        connect(process, &CredentialProcess::succeeded, this, [this, process](const AwsCredentials &credentials) {
            process->deleteLater();
            m_process = nullptr;
            emitResolved(credentials);
        });
        connect(process, &CredentialProcess::failed, this, [this, process](const QString &message) {
            process->deleteLater();
            m_process = nullptr;
            emitFailure(AwsError::make(AwsError::Kind::Credentials, message));
        });
        m_process = process;
        process->start();
        return true;
    }
    searched->append(CredentialChainTr::tr("credential_process of profile %1 (not set)").arg(profile.name()));
    if (SsoProfileSettings::isSsoProfile(profile)) {
        startSso(sharedConfig, profile);
        return true;
    }
    if (profile.contains(QStringLiteral("login_session"))) {
        //: Completes "Profile NAME …; Outcrop does not support that kind of profile yet."
        return notSupported(CredentialChainTr::tr("uses “aws login” (login_session)"));
    }
    return false;
}

void CredentialChain::startSso(const AwsSharedConfig &sharedConfig, const AwsProfile &profile)
{
    QString problem;
    const std::optional<SsoProfileSettings> settings
        = SsoProfileSettings::fromProfile(m_environment, sharedConfig, profile, &problem);
    if (!settings) {
        fail(problem);
        return;
    }
    auto *fetcher = new SsoCredentialFetcher(*settings, network(), m_ssl, this);
    fetcher->setClock(m_clock);
    connect(fetcher, &SsoCredentialFetcher::succeeded, this, [this, fetcher](const AwsCredentials &credentials) {
        fetcher->deleteLater();
        m_sso = nullptr;
        emitResolved(credentials);
    });
    connect(fetcher, &SsoCredentialFetcher::failed, this, [this, fetcher](const AwsError &error) {
        fetcher->deleteLater();
        m_sso = nullptr;
        qCDebug(lcCredentials).noquote() << error.message;   // the caller shows it
        emitFailure(error);
    });
    m_sso = fetcher;
    fetcher->start();
}

} // namespace outcrop::aws
