// SPDX-License-Identifier: Apache-2.0
#include "ssoservice.h"

#include "authenticator.h"
#include "jsonwriter.h"
#include "simclock.h"
#include "validation.h"

#include <QCommandLineParser>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>

namespace outcrop::sim {

namespace {

QString randomText(int length, const char *alphabet)
{
    const qsizetype size = static_cast<qsizetype>(qstrlen(alphabet));
    QString text;
    text.reserve(length);
    for (int i = 0; i < length; ++i) {
        text += QLatin1Char(alphabet[QRandomGenerator::global()->bounded(static_cast<int>(size))]);
    }
    return text;
}

const char kUpperAlphanumeric[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const char kTokenAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

// SSO OIDC errors: the type in x-amzn-ErrorType, an OAuth error body.
SimResponse oidcError(int status, const QByteArray &type, const QString &oauthError, const QString &description)
{
    QByteArray body = "{\"error\":";
    JsonWriter::appendString(body, oauthError);
    body += ",\"error_description\":";
    JsonWriter::appendString(body, description);
    body += '}';
    SimResponse response = SimResponse::json(status, body);
    response.headers.append({ QByteArrayLiteral("x-amzn-ErrorType"), type });
    return response;
}

bool isExpired(const QDateTime &expiration, const QDateTime &now)
{
    return expiration.isValid() && now >= expiration;
}

} // namespace

SsoService::SsoService(const SimClock *clock, Authenticator *authenticator)
    : m_clock(clock)
    , m_authenticator(authenticator)
{
}

std::optional<SimResponse> SsoService::handle(const SimRequest &request)
{
    const QByteArray path = request.rawPath();
    if (path == "/federation/credentials" && request.method == "GET") {
        return getRoleCredentials(request);
    }
    if (path == "/token" && request.method == "POST") {
        return createToken(request);
    }
    return std::nullopt;
}

SimResponse SsoService::getRoleCredentials(const SimRequest &request)
{
    const QString token = QString::fromUtf8(request.header("x-amz-sso_bearer_token"));
    const QDateTime now = m_clock->now();
    bool valid = false;
    for (const SimSsoAccessToken &known : std::as_const(m_settings.accessTokens)) {
        if (!token.isEmpty() && known.token == token && !isExpired(known.expiration, now)) {
            valid = true;
        }
    }
    if (!valid) {
        // The service's wording for unknown, expired and signed-out tokens alike.
        return SimResponse::error(401, "UnauthorizedException", QStringLiteral("Session token not found or invalid"));
    }
    const QueryParameters query = request.query();
    const QString accountId = query.value(QStringLiteral("account_id"));
    const QString roleName = query.value(QStringLiteral("role_name"));
    if (accountId.isEmpty() || roleName.isEmpty()) {
        return SimResponse::error(400, "InvalidRequestException",
                                  QStringLiteral("account_id and role_name are required query parameters"));
    }
    bool assigned = false;
    for (const SimSsoRole &role : std::as_const(m_settings.roles)) {
        assigned = assigned || (role.accountId == accountId && role.roleName == roleName);
    }
    if (!assigned) {
        return SimResponse::error(404, "ResourceNotFoundException", QStringLiteral("No access"));
    }
    ++m_roleCredentialCount;
    SimCredential credential;
    credential.accessKeyId = QStringLiteral("ASIA") + randomText(16, kUpperAlphanumeric);
    credential.secretAccessKey = randomText(40, kTokenAlphabet);
    credential.sessionToken = randomText(120, kTokenAlphabet);
    credential.expiration = now.addSecs(m_settings.roleCredentialSeconds);
    m_authenticator->addCredential(credential);

    const QJsonObject role {
        { QStringLiteral("accessKeyId"), credential.accessKeyId },
        { QStringLiteral("secretAccessKey"), credential.secretAccessKey },
        { QStringLiteral("sessionToken"), credential.sessionToken },
        { QStringLiteral("expiration"), static_cast<double>(credential.expiration.toMSecsSinceEpoch()) },
    };
    return SimResponse::json(200, QJsonDocument(QJsonObject { { QStringLiteral("roleCredentials"), role } })
                                      .toJson(QJsonDocument::Compact));
}

SimResponse SsoService::createToken(const SimRequest &request)
{
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    const QString clientId = body.value(QLatin1String("clientId")).toString();
    const QString clientSecret = body.value(QLatin1String("clientSecret")).toString();
    const QString grantType = body.value(QLatin1String("grantType")).toString();
    const QString refreshToken = body.value(QLatin1String("refreshToken")).toString();
    if (clientId.isEmpty() || clientSecret.isEmpty() || grantType.isEmpty()) {
        return oidcError(400, "InvalidRequestException", QStringLiteral("invalid_request"),
                         QStringLiteral("clientId, clientSecret and grantType are required"));
    }
    if (grantType != QLatin1String("refresh_token")) {
        return oidcError(400, "UnsupportedGrantTypeException", QStringLiteral("unsupported_grant_type"),
                         QStringLiteral("The simulator supports the refresh_token grant only"));
    }
    bool knownClient = false;
    for (const SimSsoRefreshGrant &grant : std::as_const(m_settings.refreshGrants)) {
        knownClient = knownClient || (grant.clientId == clientId && grant.clientSecret == clientSecret);
    }
    if (!knownClient) {
        return oidcError(401, "InvalidClientException", QStringLiteral("invalid_client"),
                         QStringLiteral("Invalid client credentials provided"));
    }
    const QDateTime now = m_clock->now();
    for (qsizetype i = 0; i < m_settings.refreshGrants.size(); ++i) {
        SimSsoRefreshGrant &grant = m_settings.refreshGrants[i];
        if (grant.clientId != clientId || refreshToken.isEmpty() || grant.refreshToken != refreshToken) {
            continue;
        }
        if (isExpired(grant.expiration, now)) {
            return oidcError(400, "ExpiredTokenException", QStringLiteral("expired_token"),
                             QStringLiteral("The refresh token has expired"));
        }
        ++m_createTokenCount;
        SimSsoAccessToken issued { randomText(64, kTokenAlphabet), now.addSecs(m_settings.accessTokenSeconds) };
        m_settings.accessTokens.append(issued);
        grant.refreshToken = randomText(64, kTokenAlphabet);   // rotated: the old one is spent
        const QJsonObject reply {
            { QStringLiteral("accessToken"), issued.token },
            { QStringLiteral("tokenType"), QStringLiteral("Bearer") },
            { QStringLiteral("expiresIn"), m_settings.accessTokenSeconds },
            { QStringLiteral("refreshToken"), grant.refreshToken },
        };
        return SimResponse::json(200, QJsonDocument(reply).toJson(QJsonDocument::Compact));
    }
    return oidcError(400, "InvalidGrantException", QStringLiteral("invalid_grant"),
                     QStringLiteral("Invalid refresh token provided"));
}

void SsoService::addOptions(QCommandLineParser &parser)
{
    const auto option = [&parser](const QString &name, const QString &description, const QString &valueName) {
        parser.addOption(QCommandLineOption(name, description, valueName));
    };
    option(QStringLiteral("sso-role"),
           QStringLiteral("IAM Identity Center: GetRoleCredentials answers for this ACCOUNT:ROLE. Repeatable."),
           QStringLiteral("SPEC"));
    option(QStringLiteral("sso-access-token"),
           QStringLiteral("IAM Identity Center: accept this access token, until EXPIRY (RFC 3339) if given: "
                          "TOKEN[:EXPIRY]. Repeatable."),
           QStringLiteral("SPEC"));
    option(QStringLiteral("sso-refresh-token"),
           QStringLiteral("SSO OIDC: CreateToken redeems REFRESH_TOKEN for this client (rotating it): "
                          "CLIENT_ID:CLIENT_SECRET:REFRESH_TOKEN. Repeatable."),
           QStringLiteral("SPEC"));
    option(QStringLiteral("sso-token-seconds"),
           QStringLiteral("Lifetime of the access tokens CreateToken issues (default 3600)."), QStringLiteral("S"));
    option(QStringLiteral("sso-credential-seconds"),
           QStringLiteral("Lifetime of the credentials GetRoleCredentials issues (default 3600)."), QStringLiteral("S"));
}

QString SsoService::readOptions(const QCommandLineParser &parser, SimSsoSettings *settings)
{
    for (const QString &spec : parser.values(QStringLiteral("sso-role"))) {
        const QStringList parts = spec.split(u':');
        if (parts.size() != 2 || !Shapes::fullMatch(QStringLiteral("[0-9]{12}"), parts.at(0)) || parts.at(1).isEmpty()) {
            return QStringLiteral("--sso-role: expected ACCOUNT:ROLE with a 12-digit account id, got \"%1\"").arg(spec);
        }
        settings->roles.append({ parts.at(0), parts.at(1) });
    }
    for (const QString &spec : parser.values(QStringLiteral("sso-access-token"))) {
        const qsizetype colon = spec.indexOf(u':');
        SimSsoAccessToken token { spec.left(colon), {} };
        if (token.token.isEmpty()) {
            return QStringLiteral("--sso-access-token: expected TOKEN[:EXPIRY]");   // never echo a token
        }
        if (colon >= 0) {
            token.expiration = Shapes::parseTimestamp(spec.mid(colon + 1));
            if (!token.expiration.isValid()) {
                return QStringLiteral("--sso-access-token: the expiry \"%1\" is not an RFC 3339 time").arg(spec.mid(colon + 1));
            }
        }
        settings->accessTokens.append(token);
    }
    for (const QString &spec : parser.values(QStringLiteral("sso-refresh-token"))) {
        const QStringList parts = spec.split(u':');
        if (parts.size() != 3 || parts.contains(QString())) {
            return QStringLiteral("--sso-refresh-token: expected CLIENT_ID:CLIENT_SECRET:REFRESH_TOKEN");
        }
        settings->refreshGrants.append({ parts.at(0), parts.at(1), parts.at(2), {} });
    }
    for (const auto &[name, target] : { std::pair { QStringLiteral("sso-token-seconds"), &settings->accessTokenSeconds },
                                        std::pair { QStringLiteral("sso-credential-seconds"),
                                                    &settings->roleCredentialSeconds } }) {
        if (parser.isSet(name)) {
            bool ok = false;
            const int seconds = parser.value(name).toInt(&ok);
            if (!ok || seconds < 1) {
                return QStringLiteral("--%1: expected a positive number of seconds, got \"%2\"").arg(name, parser.value(name));
            }
            *target = seconds;
        }
    }
    return {};
}

} // namespace outcrop::sim
