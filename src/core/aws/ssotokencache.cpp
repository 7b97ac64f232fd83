// SPDX-License-Identifier: Apache-2.0
#include "aws/ssotokencache.h"

#include "aws/awsenvironment.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSaveFile>

namespace outcrop::aws {

namespace {

// What is wrong with a token file of the SSO cache; each message begins with the file's path.
class SsoTokenCacheTr
{
    Q_DECLARE_TR_FUNCTIONS(SsoTokenCache)
};

const QString kAccessToken = QStringLiteral("accessToken");
const QString kExpiresAt = QStringLiteral("expiresAt");
const QString kRefreshToken = QStringLiteral("refreshToken");
const QString kClientId = QStringLiteral("clientId");
const QString kClientSecret = QStringLiteral("clientSecret");
const QString kRegistrationExpiresAt = QStringLiteral("registrationExpiresAt");
const QString kStartUrl = QStringLiteral("startUrl");
const QString kRegion = QStringLiteral("region");

} // namespace

QString SsoTokenCache::cacheDirectory(const AwsEnvironment &environment)
{
    return QDir(environment.homeDir()).filePath(QStringLiteral(".aws/sso/cache"));
}

QString SsoTokenCache::fileNameFor(const QString &cacheKey)
{
    return QString::fromLatin1(QCryptographicHash::hash(cacheKey.toUtf8(), QCryptographicHash::Sha1).toHex())
        + QStringLiteral(".json");
}

QString SsoTokenCache::filePathFor(const AwsEnvironment &environment, const QString &cacheKey)
{
    return QDir(cacheDirectory(environment)).filePath(fileNameFor(cacheKey));
}

QDateTime SsoTokenCache::parseTime(const QString &text)
{
    QString normalized = text.trimmed();
    if (normalized.endsWith(QLatin1String("UTC"))) {
        normalized.chop(3);
        normalized += QLatin1Char('Z');
    }
    const QDateTime time = QDateTime::fromString(normalized, Qt::ISODateWithMs);
    // A time without a zone is read as local time; the cache always states UTC.
    if (!time.isValid() || time.timeSpec() == Qt::LocalTime) {
        return {};
    }
    return time.toUTC();
}

QString SsoTokenCache::formatTime(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss'Z'"));
}

std::optional<SsoToken> SsoTokenCache::read(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.exists()) {
        *error = SsoTokenCacheTr::tr("%1: no such file").arg(path);
        return std::nullopt;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        *error = SsoTokenCacheTr::tr("%1: cannot be read (%2)").arg(path, file.errorString());
        return std::nullopt;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        // The parser's message and offset only: the text around it may be a token.
        *error = parseError.error != QJsonParseError::NoError
            ? SsoTokenCacheTr::tr("%1: not valid JSON (%2 at offset %3)")
                  .arg(path, parseError.errorString(), QString::number(parseError.offset))
            : SsoTokenCacheTr::tr("%1: not a JSON object").arg(path);
        return std::nullopt;
    }
    QJsonObject object = document.object();
    const auto text = [&object, &path, error](const QString &key, bool required, QString *target) {
        const QJsonValue value = object.take(key);
        if (value.isUndefined() || value.isNull()) {
            if (required) {
                *error = SsoTokenCacheTr::tr("%1: the field “%2” is missing").arg(path, key);
                return false;
            }
            return true;
        }
        if (!value.isString() || (required && value.toString().isEmpty())) {
            *error = SsoTokenCacheTr::tr("%1: the field “%2” is not a non-empty string").arg(path, key);
            return false;
        }
        *target = value.toString();
        return true;
    };
    const auto time = [&path, error](const QString &key, const QString &value, QDateTime *target) {
        if (value.isEmpty()) {
            return true;
        }
        *target = parseTime(value);
        if (!target->isValid()) {
            *error = SsoTokenCacheTr::tr("%1: the field “%2” is not an ISO 8601 UTC time (“%3”)").arg(path, key, value);
            return false;
        }
        return true;
    };
    SsoToken token;
    QString expiresAt;
    QString registrationExpiresAt;
    if (!text(kAccessToken, true, &token.accessToken) || !text(kExpiresAt, true, &expiresAt)
        || !text(kRefreshToken, false, &token.refreshToken) || !text(kClientId, false, &token.clientId)
        || !text(kClientSecret, false, &token.clientSecret)
        || !text(kRegistrationExpiresAt, false, &registrationExpiresAt) || !text(kStartUrl, false, &token.startUrl)
        || !text(kRegion, false, &token.region) || !time(kExpiresAt, expiresAt, &token.expiresAt)
        || !time(kRegistrationExpiresAt, registrationExpiresAt, &token.registrationExpiresAt)) {
        return std::nullopt;
    }
    token.otherFields = object;
    return token;
}

bool SsoTokenCache::write(const QString &path, const SsoToken &token, QString *error)
{
    QJsonObject object = token.otherFields;
    const auto put = [&object](const QString &key, const QString &value) {
        if (!value.isEmpty()) {
            object.insert(key, value);
        }
    };
    put(kStartUrl, token.startUrl);
    put(kRegion, token.region);
    put(kAccessToken, token.accessToken);
    put(kExpiresAt, formatTime(token.expiresAt));
    put(kClientId, token.clientId);
    put(kClientSecret, token.clientSecret);
    if (token.registrationExpiresAt.isValid()) {
        put(kRegistrationExpiresAt, formatTime(token.registrationExpiresAt));
    }
    put(kRefreshToken, token.refreshToken);

    if (!QDir().mkpath(QFileInfo(path).absolutePath())) {
        *error = SsoTokenCacheTr::tr("%1: cannot create the folder").arg(QFileInfo(path).absolutePath());
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = SsoTokenCacheTr::tr("%1: cannot be written (%2)").arg(path, file.errorString());
        return false;
    }
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    file.write(QJsonDocument(object).toJson(QJsonDocument::Indented));
    if (!file.commit()) {
        *error = SsoTokenCacheTr::tr("%1: cannot be written (%2)").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace outcrop::aws
