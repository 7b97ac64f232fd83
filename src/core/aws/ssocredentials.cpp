// SPDX-License-Identifier: Apache-2.0
#include "aws/ssocredentials.h"

#include "aws/awsclient.h"
#include "aws/awsenvironment.h"
#include "aws/awssharedconfig.h"
#include "aws/endpointresolver.h"
#include "aws/logging.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace outcrop::aws {

namespace {

// IAM Identity Center (SSO): what is wrong with a profile's settings, its sign-in, or a reply.
class SsoTr
{
    Q_DECLARE_TR_FUNCTIONS(SsoCredentials)
};

const QString kSsoSession = QStringLiteral("sso_session");
const QString kStartUrl = QStringLiteral("sso_start_url");
const QString kRegion = QStringLiteral("sso_region");
const QString kAccountId = QStringLiteral("sso_account_id");
const QString kRoleName = QStringLiteral("sso_role_name");

QString utcText(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'"));
}

// "ResourceNotFoundException: No access (request id …)" from a failed SSO call; never a token.
QString describeServiceError(const AwsError &error)
{
    QString text = error.code.isEmpty() ? QStringLiteral("HTTP %1").arg(error.httpStatus) : error.code;
    if (!error.message.isEmpty()) {
        text += QStringLiteral(": ") + error.message;
    }
    if (!error.requestId.isEmpty()) {
        text += SsoTr::tr(" (request id %1)").arg(error.requestId);
    }
    return text;
}

bool isTransportError(const AwsError &error)
{
    using Kind = AwsError::Kind;
    return error.kind == Kind::Network || error.kind == Kind::Timeout || error.kind == Kind::Redirect
        || error.kind == Kind::Configuration || error.kind == Kind::Cancelled;
}

} // namespace

bool SsoProfileSettings::isSsoProfile(const AwsProfile &profile)
{
    for (const QString &key : { kSsoSession, kStartUrl, kRegion, kAccountId, kRoleName }) {
        if (profile.contains(key)) {
            return true;
        }
    }
    return false;
}

std::optional<SsoProfileSettings> SsoProfileSettings::fromProfile(const AwsEnvironment &environment,
                                                                  const AwsSharedConfig &sharedConfig,
                                                                  const AwsProfile &profile, QString *error)
{
    SsoProfileSettings settings;
    settings.profileName = profile.name();
    settings.sessionName = profile.value(kSsoSession);
    settings.startUrl = profile.value(kStartUrl);
    settings.region = profile.value(kRegion);
    settings.accountId = profile.value(kAccountId);
    settings.roleName = profile.value(kRoleName);
    const QString configPath = sharedConfig.configFile().path();

    if (!settings.sessionName.isEmpty()) {
        const QString sessionType = QStringLiteral("sso-session");
        if (!sharedConfig.configFile().hasSection(sessionType, settings.sessionName)) {
            *error = SsoTr::tr("Profile %1 uses sso_session %2, but %3 has no [sso-session %2] section.")
                         .arg(settings.profileName, settings.sessionName, configPath);
            return std::nullopt;
        }
        const QHash<QString, QString> session = sharedConfig.configFile().section(sessionType, settings.sessionName);
        for (const QString &key : { kStartUrl, kRegion }) {
            const QString fromSession = session.value(key);
            if (fromSession.isEmpty()) {
                *error = SsoTr::tr("[sso-session %1] in %2 has no %3.").arg(settings.sessionName, configPath, key);
                return std::nullopt;
            }
            QString &target = key == kStartUrl ? settings.startUrl : settings.region;
            if (!target.isEmpty() && target != fromSession) {
                // fromSSO's "Conflicting SSO region / start_url configurations".
                *error = SsoTr::tr("Profile %1 and [sso-session %2] in %3 set different values for %4.")
                             .arg(settings.profileName, settings.sessionName, configPath, key);
                return std::nullopt;
            }
            target = fromSession;
        }
    }
    QStringList missing;
    for (const QString &key : { kStartUrl, kRegion, kAccountId, kRoleName }) {
        if (profile.value(key).isEmpty()
            && (settings.sessionName.isEmpty() || (key != kStartUrl && key != kRegion))) {
            missing.append(key);
        }
    }
    if (!missing.isEmpty()) {
        *error = SsoTr::tr("Profile %1 in %2 uses IAM Identity Center (SSO) but lacks %3. It needs sso_account_id "
                                "and sso_role_name, and sso_session (or the older sso_start_url and sso_region).")
                     .arg(settings.profileName, configPath, missing.join(QStringLiteral(", ")));
        return std::nullopt;
    }
    settings.tokenFile = SsoTokenCache::filePathFor(
        environment, settings.sessionName.isEmpty() ? settings.startUrl : settings.sessionName);

    const EndpointResolution portal = resolveServiceEndpoint(QStringLiteral("SSO"), QStringLiteral("portal.sso"),
                                                             environment, sharedConfig, profile, settings.region);
    const EndpointResolution oidc = resolveServiceEndpoint(QStringLiteral("SSO OIDC"), QStringLiteral("oidc"),
                                                           environment, sharedConfig, profile, settings.region);
    for (const EndpointResolution *resolution : { &portal, &oidc }) {
        if (!resolution->isValid()) {
            *error = SsoTr::tr("IAM Identity Center endpoint of profile %1: %2")
                         .arg(settings.profileName, resolution->error);
            return std::nullopt;
        }
    }
    settings.portalEndpoint = portal.url;
    settings.oidcEndpoint = oidc.url;
    return settings;
}

QString SsoProfileSettings::loginCommand() const
{
    QString name = profileName;
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_.@%+=:,/-]+$"));
    if (!plain.match(name).hasMatch()) {
        name = QLatin1Char('\'') + name.replace(QLatin1Char('\''), QStringLiteral("'\\''")) + QLatin1Char('\'');
    }
    return QStringLiteral("aws sso login --profile ") + name;
}

SsoCredentialFetcher::SsoCredentialFetcher(SsoProfileSettings settings, QNetworkAccessManager *network,
                                           std::optional<QSslConfiguration> ssl, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_network(network)
    , m_ssl(std::move(ssl))
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
}

SsoCredentialFetcher::~SsoCredentialFetcher() = default;

void SsoCredentialFetcher::start()
{
    QMetaObject::invokeMethod(this, &SsoCredentialFetcher::readToken, Qt::QueuedConnection);
}

AwsClient *SsoCredentialFetcher::makeClient(const QUrl &endpoint, const QString &signingName)
{
    AwsClientConfig config;
    config.endpoint = endpoint;
    config.region = m_settings.region;
    config.service = signingName;
    config.ssl = m_ssl;
    return new AwsClient(m_network, &m_anonymous, config, this);
}

void SsoCredentialFetcher::fail(const AwsError &error)
{
    if (m_finished) {
        return;
    }
    m_finished = true;
    emit failed(error);
}

void SsoCredentialFetcher::failLoginRequired(const QString &reason)
{
    const QString command = m_settings.loginCommand();
    AwsError error = AwsError::make(
        AwsError::Kind::SsoLoginRequired,
        SsoTr::tr("%1 Run “%2” to sign in to IAM Identity Center again, then retry.").arg(reason, command));
    error.remedyCommand = command;
    fail(error);
}

void SsoCredentialFetcher::readToken()
{
    QString problem;
    const std::optional<SsoToken> token = SsoTokenCache::read(m_settings.tokenFile, &problem);
    if (!token) {
        failLoginRequired(SsoTr::tr("Profile %1 has no usable IAM Identity Center (SSO) sign-in: %2.")
                              .arg(m_settings.profileName, problem));
        return;
    }
    m_token = *token;
    const QDateTime now = m_clock();
    const bool nearExpiry = now.secsTo(m_token.expiresAt) <= kTokenRefreshWindow.count();
    const bool registrationValid
        = !m_token.registrationExpiresAt.isValid() || m_token.registrationExpiresAt > now;
    // Legacy profiles are never refreshed (neither SDK does: their cache has no refresh token).
    if (nearExpiry && !m_settings.sessionName.isEmpty() && m_token.canRefresh() && registrationValid) {
        refreshToken();
        return;
    }
    if (m_token.expiresAt <= now) {
        failLoginRequired(SsoTr::tr("The IAM Identity Center (SSO) sign-in of profile %1 expired at %2.")
                              .arg(m_settings.profileName, utcText(m_token.expiresAt)));
        return;
    }
    getRoleCredentials();
}

void SsoCredentialFetcher::refreshToken()
{
    qCInfo(lcCredentials) << "refreshing the IAM Identity Center token of sso-session" << m_settings.sessionName;
    AwsClient *oidc = makeClient(m_settings.oidcEndpoint, QStringLiteral("sso-oauth"));
    AwsHttpRequest request;
    request.method = QByteArrayLiteral("POST");
    request.target = AwsRequestTarget(QByteArrayLiteral("/token"));
    request.operation = QStringLiteral("CreateToken");
    request.body = QJsonDocument(QJsonObject {
                                     { QStringLiteral("clientId"), m_token.clientId },
                                     { QStringLiteral("clientSecret"), m_token.clientSecret },
                                     { QStringLiteral("grantType"), QStringLiteral("refresh_token") },
                                     { QStringLiteral("refreshToken"), m_token.refreshToken },
                                 })
                       .toJson(QJsonDocument::Compact);
    request.acceptBody = [](const QByteArray &body, QString *error) {
        const QJsonObject object = QJsonDocument::fromJson(body).object();
        if (!object.value(QLatin1String("accessToken")).isString()
            || !object.value(QLatin1String("expiresIn")).isDouble()) {
            *error = SsoTr::tr("no accessToken or expiresIn");
            return false;
        }
        return true;
    };
    AwsCall *call = oidc->send(std::move(request));
    connect(call, &AwsCall::finished, this, [this, call] { onTokenRefreshed(call); });
}

void SsoCredentialFetcher::onTokenRefreshed(AwsCall *call)
{
    call->deleteLater();
    const QDateTime now = m_clock();
    if (!call->succeeded()) {
        const AwsError &error = call->error();
        if (m_token.expiresAt > now) {
            // Not an error yet, but worth knowing: the sign-in will run out soon.
            qCWarning(lcCredentials).noquote() << "refreshing the IAM Identity Center token failed:"
                                               << describeServiceError(error);
            getRoleCredentials();   // still valid for a few minutes: use it (token-providers does)
            return;
        }
        // The failure below carries the same service error, and the caller shows it.
        qCDebug(lcCredentials).noquote() << "refreshing the IAM Identity Center token failed:"
                                         << describeServiceError(error);
        if (isTransportError(error)) {
            AwsError failure = error;
            failure.message = SsoTr::tr("Refreshing the IAM Identity Center (SSO) sign-in of profile %1 failed: %2")
                                  .arg(m_settings.profileName, error.message);
            fail(failure);
            return;
        }
        failLoginRequired(SsoTr::tr("The IAM Identity Center (SSO) sign-in of profile %1 expired at %2 and could "
                                         "not be refreshed (%3).")
                              .arg(m_settings.profileName, utcText(m_token.expiresAt), describeServiceError(error)));
        return;
    }
    const QJsonObject reply = QJsonDocument::fromJson(call->body()).object();
    m_token.accessToken = reply.value(QLatin1String("accessToken")).toString();
    m_token.expiresAt = now.addSecs(static_cast<qint64>(reply.value(QLatin1String("expiresIn")).toDouble()));
    const QString newRefreshToken = reply.value(QLatin1String("refreshToken")).toString();
    if (!newRefreshToken.isEmpty()) {
        m_token.refreshToken = newRefreshToken;
    }
    QString problem;
    if (!SsoTokenCache::write(m_settings.tokenFile, m_token, &problem)) {
        // The SDKs carry on with the new token too; the next start refreshes again.
        qCWarning(lcCredentials).noquote() << "could not update the IAM Identity Center token cache:" << problem;
    }
    getRoleCredentials();
}

void SsoCredentialFetcher::getRoleCredentials()
{
    AwsClient *portal = makeClient(m_settings.portalEndpoint, QStringLiteral("awsssoportal"));
    AwsHttpRequest request;
    request.target = AwsRequestTarget(QByteArrayLiteral("/federation/credentials"));
    request.target.addQueryItem(QStringLiteral("account_id"), m_settings.accountId);
    request.target.addQueryItem(QStringLiteral("role_name"), m_settings.roleName);
    request.operation = QStringLiteral("GetRoleCredentials");
    request.headers.append({ QByteArrayLiteral("x-amz-sso_bearer_token"), m_token.accessToken.toUtf8() });
    request.acceptBody = [](const QByteArray &body, QString *error) {
        const QJsonObject role = QJsonDocument::fromJson(body).object().value(QLatin1String("roleCredentials")).toObject();
        for (const char *key : { "accessKeyId", "secretAccessKey", "sessionToken" }) {
            if (role.value(QLatin1String(key)).toString().isEmpty()) {
                *error = SsoTr::tr("roleCredentials has no %1").arg(QLatin1String(key));
                return false;
            }
        }
        if (!role.value(QLatin1String("expiration")).isDouble()) {
            *error = SsoTr::tr("roleCredentials has no expiration");
            return false;
        }
        return true;
    };
    AwsCall *call = portal->send(std::move(request));
    connect(call, &AwsCall::finished, this, [this, call] { onRoleCredentials(call); });
}

void SsoCredentialFetcher::onRoleCredentials(AwsCall *call)
{
    call->deleteLater();
    const QString role = SsoTr::tr("role %1 in account %2").arg(m_settings.roleName, m_settings.accountId);
    if (!call->succeeded()) {
        const AwsError &error = call->error();
        if (error.code == QLatin1String("UnauthorizedException") || error.httpStatus == 401) {
            failLoginRequired(SsoTr::tr("IAM Identity Center rejected the sign-in of profile %1 (%2).")
                                  .arg(m_settings.profileName, describeServiceError(error)));
            return;
        }
        AwsError failure = error;
        if (!isTransportError(error)) {
            failure.kind = AwsError::Kind::Credentials;
        }
        failure.message = SsoTr::tr("IAM Identity Center gave no credentials for %1 (profile %2): %3")
                              .arg(role, m_settings.profileName,
                                   isTransportError(error) ? error.message : describeServiceError(error));
        fail(failure);
        return;
    }
    const QJsonObject credentialsObject
        = QJsonDocument::fromJson(call->body()).object().value(QLatin1String("roleCredentials")).toObject();
    AwsCredentials credentials;
    credentials.accessKeyId = credentialsObject.value(QLatin1String("accessKeyId")).toString();
    credentials.secretAccessKey = credentialsObject.value(QLatin1String("secretAccessKey")).toString();
    credentials.sessionToken = credentialsObject.value(QLatin1String("sessionToken")).toString();
    // Epoch milliseconds (the model's `long` ExpirationTimestampType).
    credentials.expiration = QDateTime::fromMSecsSinceEpoch(
                                 static_cast<qint64>(credentialsObject.value(QLatin1String("expiration")).toDouble()))
                                 .toUTC();
    credentials.source = SsoTr::tr("IAM Identity Center, %1 (profile %2)").arg(role, m_settings.profileName);
    if (m_finished) {
        return;
    }
    m_finished = true;
    emit succeeded(credentials);
}

} // namespace outcrop::aws
