// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "aws/authprovider.h"
#include "aws/awscredentials.h"
#include "keychainstore.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <optional>

class QSettings;

namespace outcrop::keychain {

enum class CredentialKind { AccessKey, ApiKey };

// What an app profile authenticates with: an access key pair (with an optional session token)
// or a Bedrock API key.
struct AppCredentials
{
    CredentialKind kind = CredentialKind::AccessKey;
    aws::AwsCredentials accessKey; // kind AccessKey
    QByteArray apiKey;             // kind ApiKey

    bool isValid() const { return kind == CredentialKind::AccessKey ? accessKey.isValid() : !apiKey.isEmpty(); }
    // For a BedrockSession or a StaticAuthProvider: credentials, or a bearer token.
    aws::AwsAuth toAuth() const;
};

struct AppProfile
{
    QString name;
    CredentialKind kind = CredentialKind::AccessKey;
    bool thisSessionOnly = false; // kept in memory for this run; nothing was stored
};

// The app's own profiles. Their names and kinds are listed in QSettings; their secrets are only in
// the system keyring (KeychainStore), or, when no keyring can be used and the user agrees, only
// in this object's memory for this run ("this session only"). No secret is ever written to the
// settings.
class AppProfiles final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AppProfiles)

public:
    using CredentialsCallback = std::function<void(const AppCredentials &credentials, const QString &error)>;
    using DoneCallback = std::function<void(const KeychainResult &result)>;

    // Fields of the keychain entries "outcrop/<profile>/<field>".
    static const QString kAccessKeyIdField;
    static const QString kSecretAccessKeyField;
    static const QString kSessionTokenField;
    static const QString kApiKeyField;

    // `settings` null: the application's QSettings.
    explicit AppProfiles(KeychainStore *store, QSettings *settings = nullptr, QObject *parent = nullptr);
    ~AppProfiles() override;

    // Empty when `name` can name a profile, else what is wrong with it.
    static QString validateName(const QString &name);

    KeychainStore *store() const { return m_store; }
    // Sorted by name; a profile kept for this session only is marked so.
    QList<AppProfile> profiles() const;
    std::optional<AppProfile> profile(const QString &name) const;

    // The credentials of a listed profile, from memory or the keyring. Callbacks are dropped when
    // `context` is destroyed first.
    void credentials(const QString &name, QObject *context, CredentialsCallback done);
    // Stores the credentials in the keyring (replacing what the profile had, including the other
    // kind's entries), then lists the profile. When the keyring cannot be used,
    // result.keyringUnavailable() is true and nothing is stored or listed.
    void save(const QString &name, const AppCredentials &credentials, QObject *context, DoneCallback done);
    // Keeps the credentials in memory only, for this run (the keyring is unavailable).
    void useForThisSession(const QString &name, const AppCredentials &credentials);
    // Forgets the profile: its keyring entries, its listing and any copy in memory.
    void remove(const QString &name, QObject *context, DoneCallback done);

signals:
    void profilesChanged();

private:
    using KeychainOperation = std::function<void(KeychainStore::Callback)>;
    void runInOrder(QList<KeychainOperation> operations, DoneCallback done);
    QList<AppProfile> storedProfiles() const;
    void writeStoredProfiles(const QList<AppProfile> &profiles);
    void readAccessKey(const QString &name, CredentialsCallback done);

    KeychainStore *m_store;
    QSettings *m_settings;
    QHash<QString, AppCredentials> m_sessionOnly;
};

} // namespace outcrop::keychain
