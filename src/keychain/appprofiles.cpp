// SPDX-License-Identifier: Apache-2.0
#include "appprofiles.h"

#include <QPointer>
#include <QRegularExpression>
#include <QSettings>
#include <QTimer>

#include <algorithm>

namespace outcrop::keychain {

const QString AppProfiles::kAccessKeyIdField = QStringLiteral("access-key-id");
const QString AppProfiles::kSecretAccessKeyField = QStringLiteral("secret-access-key");
const QString AppProfiles::kSessionTokenField = QStringLiteral("session-token");
const QString AppProfiles::kApiKeyField = QStringLiteral("api-key");

namespace {

const QString kSettingsArray = QStringLiteral("appProfiles");
const QString kNameKey = QStringLiteral("name");
const QString kKindKey = QStringLiteral("kind");

QString kindName(CredentialKind kind)
{
    return kind == CredentialKind::ApiKey ? QStringLiteral("apiKey") : QStringLiteral("accessKey");
}

std::optional<CredentialKind> kindFromName(const QString &name)
{
    if (name == QLatin1String("apiKey")) {
        return CredentialKind::ApiKey;
    }
    if (name == QLatin1String("accessKey")) {
        return CredentialKind::AccessKey;
    }
    return std::nullopt;
}

QList<AppProfile> withoutProfile(QList<AppProfile> profiles, const QString &name)
{
    profiles.erase(std::remove_if(profiles.begin(), profiles.end(),
                                  [&](const AppProfile &profile) { return profile.name == name; }),
                   profiles.end());
    return profiles;
}

} // namespace

aws::AwsAuth AppCredentials::toAuth() const
{
    aws::AwsAuth auth;
    if (kind == CredentialKind::ApiKey) {
        auth.bearerToken = apiKey;
    } else {
        auth.credentials = accessKey;
    }
    return auth;
}

AppProfiles::AppProfiles(KeychainStore *store, QSettings *settings, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_settings(settings ? settings : new QSettings(this))
{
}

AppProfiles::~AppProfiles() = default;

QString AppProfiles::validateName(const QString &name)
{
    // The name is part of keychain keys ("outcrop/<profile>/...") and of settings keys: no
    // slashes, no spaces.
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._@+-]{0,63}$"));
    if (name.isEmpty()) {
        return tr("Enter a profile name.");
    }
    if (!pattern.match(name).hasMatch()) {
        return tr("The profile name may have up to 64 letters, digits and . _ @ + - (starting with a letter or "
                  "digit), without spaces or slashes.");
    }
    return {};
}

QList<AppProfile> AppProfiles::storedProfiles() const
{
    QList<AppProfile> profiles;
    const int count = m_settings->beginReadArray(kSettingsArray);
    for (int index = 0; index < count; ++index) {
        m_settings->setArrayIndex(index);
        const QString name = m_settings->value(kNameKey).toString();
        const std::optional<CredentialKind> kind = kindFromName(m_settings->value(kKindKey).toString());
        // A hand-edited entry that makes no sense is skipped rather than trusted.
        if (kind && validateName(name).isEmpty()) {
            profiles.append({name, *kind, false});
        }
    }
    m_settings->endArray();
    return profiles;
}

void AppProfiles::writeStoredProfiles(const QList<AppProfile> &profiles)
{
    m_settings->remove(kSettingsArray);
    m_settings->beginWriteArray(kSettingsArray, static_cast<int>(profiles.size()));
    for (int index = 0; index < profiles.size(); ++index) {
        m_settings->setArrayIndex(index);
        m_settings->setValue(kNameKey, profiles.at(index).name);
        m_settings->setValue(kKindKey, kindName(profiles.at(index).kind));
    }
    m_settings->endArray();
    m_settings->sync();
}

QList<AppProfile> AppProfiles::profiles() const
{
    QList<AppProfile> profiles = storedProfiles();
    for (auto it = m_sessionOnly.cbegin(); it != m_sessionOnly.cend(); ++it) {
        profiles = withoutProfile(profiles, it.key());
        profiles.append({it.key(), it.value().kind, true});
    }
    std::sort(profiles.begin(), profiles.end(),
              [](const AppProfile &a, const AppProfile &b) { return a.name < b.name; });
    return profiles;
}

std::optional<AppProfile> AppProfiles::profile(const QString &name) const
{
    for (const AppProfile &candidate : profiles()) {
        if (candidate.name == name) {
            return candidate;
        }
    }
    return std::nullopt;
}

void AppProfiles::runInOrder(QList<KeychainOperation> operations, DoneCallback done)
{
    if (operations.isEmpty()) {
        done({});
        return;
    }
    const KeychainOperation first = operations.takeFirst();
    const QPointer<AppProfiles> self(this);
    first([self, operations, done](const KeychainResult &result) {
        if (!self) {
            return;
        }
        if (!result.ok()) {
            done(result);
            return;
        }
        self->runInOrder(operations, done);
    });
}

void AppProfiles::credentials(const QString &name, QObject *context, CredentialsCallback done)
{
    const QPointer<QObject> guard(context);
    const CredentialsCallback answer = [guard, done](const AppCredentials &credentials, const QString &error) {
        if (guard) {
            done(credentials, error);
        }
    };
    const std::optional<AppProfile> found = profile(name);
    if (!found) {
        QTimer::singleShot(0, this, [answer, name] {
            answer({}, tr("There is no app profile named %1.").arg(name));
        });
        return;
    }
    if (found->thisSessionOnly) {
        const AppCredentials inMemory = m_sessionOnly.value(name);
        QTimer::singleShot(0, this, [answer, inMemory] { answer(inMemory, {}); });
        return;
    }
    if (found->kind == CredentialKind::AccessKey) {
        readAccessKey(name, answer);
        return;
    }
    m_store->read(name, kApiKeyField, [answer, name](const KeychainResult &result) {
        AppCredentials credentials;
        credentials.kind = CredentialKind::ApiKey;
        if (result.status == KeychainStatus::NotFound) {
            answer({}, tr("The system keyring has no API key for the app profile %1: enter it again in "
                          "Credentials.").arg(name));
            return;
        }
        if (!result.ok()) {
            answer({}, result.message);
            return;
        }
        credentials.apiKey = result.data;
        answer(credentials, {});
    });
}

void AppProfiles::readAccessKey(const QString &name, CredentialsCallback done)
{
    // Three entries, read one after the other; the session token may be absent.
    auto credentials = std::make_shared<AppCredentials>();
    credentials->kind = CredentialKind::AccessKey;
    credentials->accessKey.source = tr("app profile %1 (system keyring)").arg(name);
    const auto reader = [this, name, credentials](const QString &field, bool required, QString *target) {
        return KeychainOperation([this, name, field, required, target](KeychainStore::Callback next) {
            m_store->read(name, field, [name, field, required, target, next](const KeychainResult &result) {
                if (result.status == KeychainStatus::NotFound && !required) {
                    next({});
                    return;
                }
                if (result.status == KeychainStatus::NotFound) {
                    next({KeychainStatus::NotFound,
                          tr("The system keyring has no %1 for the app profile %2: enter the credentials again "
                             "in Credentials.").arg(field, name),
                          {}});
                    return;
                }
                if (result.ok()) {
                    *target = QString::fromUtf8(result.data);
                }
                next(result);
            });
        });
    };
    runInOrder({reader(kAccessKeyIdField, true, &credentials->accessKey.accessKeyId),
                reader(kSecretAccessKeyField, true, &credentials->accessKey.secretAccessKey),
                reader(kSessionTokenField, false, &credentials->accessKey.sessionToken)},
               [credentials, done](const KeychainResult &result) {
                   if (!result.ok()) {
                       done({}, result.message);
                       return;
                   }
                   done(*credentials, {});
               });
}

void AppProfiles::save(const QString &name, const AppCredentials &credentials, QObject *context, DoneCallback done)
{
    const QPointer<QObject> guard(context);
    const DoneCallback answer = [guard, done](const KeychainResult &result) {
        if (guard) {
            done(result);
        }
    };
    const QString nameProblem = validateName(name);
    if (!nameProblem.isEmpty() || !credentials.isValid()) {
        const QString message = nameProblem.isEmpty() ? tr("The credentials are incomplete.") : nameProblem;
        QTimer::singleShot(0, this, [answer, message] { answer({KeychainStatus::Failed, message, {}}); });
        return;
    }
    const auto write = [this, name](const QString &field, const QByteArray &value) {
        return KeychainOperation([this, name, field, value](KeychainStore::Callback next) {
            m_store->write(name, field, value, next);
        });
    };
    const auto erase = [this, name](const QString &field) {
        return KeychainOperation([this, name, field](KeychainStore::Callback next) {
            m_store->remove(name, field, next);
        });
    };
    QList<KeychainOperation> operations;
    if (credentials.kind == CredentialKind::AccessKey) {
        const aws::AwsCredentials &key = credentials.accessKey;
        operations = {write(kAccessKeyIdField, key.accessKeyId.toUtf8()),
                      write(kSecretAccessKeyField, key.secretAccessKey.toUtf8()),
                      key.sessionToken.isEmpty() ? erase(kSessionTokenField)
                                                 : write(kSessionTokenField, key.sessionToken.toUtf8()),
                      erase(kApiKeyField)};
    } else {
        operations = {write(kApiKeyField, credentials.apiKey), erase(kAccessKeyIdField),
                      erase(kSecretAccessKeyField), erase(kSessionTokenField)};
    }
    const QPointer<AppProfiles> self(this);
    runInOrder(operations, [self, name, kind = credentials.kind, answer](const KeychainResult &result) {
        if (!self) {
            return;
        }
        if (result.ok()) {
            QList<AppProfile> stored = withoutProfile(self->storedProfiles(), name);
            stored.append({name, kind, false});
            self->writeStoredProfiles(stored);
            self->m_sessionOnly.remove(name);
            emit self->profilesChanged();
        }
        answer(result);
    });
}

void AppProfiles::useForThisSession(const QString &name, const AppCredentials &credentials)
{
    AppCredentials inMemory = credentials;
    inMemory.accessKey.source = tr("app profile %1 (this session only)").arg(name);
    m_sessionOnly.insert(name, inMemory);
    emit profilesChanged();
}

void AppProfiles::remove(const QString &name, QObject *context, DoneCallback done)
{
    const QPointer<QObject> guard(context);
    const DoneCallback answer = [guard, done](const KeychainResult &result) {
        if (guard) {
            done(result);
        }
    };
    const bool wasInMemory = m_sessionOnly.remove(name) > 0;
    const QList<AppProfile> stored = storedProfiles();
    if (withoutProfile(stored, name).size() == stored.size()) {
        if (wasInMemory) {
            emit profilesChanged();
        }
        QTimer::singleShot(0, this, [answer] { answer({}); });
        return;
    }
    QList<KeychainOperation> operations;
    for (const QString &field : {kAccessKeyIdField, kSecretAccessKeyField, kSessionTokenField, kApiKeyField}) {
        operations.append([this, name, field](KeychainStore::Callback next) { m_store->remove(name, field, next); });
    }
    const QPointer<AppProfiles> self(this);
    runInOrder(operations, [self, name, wasInMemory, answer](const KeychainResult &result) {
        if (!self) {
            return;
        }
        // Listed until its secrets are gone, so a failed removal leaves nothing hidden behind.
        if (result.ok()) {
            self->writeStoredProfiles(withoutProfile(self->storedProfiles(), name));
        }
        if (result.ok() || wasInMemory) {
            emit self->profilesChanged();
        }
        answer(result);
    });
}

} // namespace outcrop::keychain
