// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "aws/awsconfigfile.h"

#include <QHash>
#include <QString>

namespace outcrop::aws {

class AwsEnvironment;

// One profile as the SDKs see it: its sections from both shared files.
class AwsProfile
{
public:
    // Which file wins when both set a key. The JS SDK is not uniform, so every lookup says:
    // credentials (fromIni's mergeConfigFiles) and region (NODE_REGION_CONFIG_FILE_OPTIONS) prefer
    // the credentials file; other settings (loadConfig's default) prefer the config file.
    enum class Prefer { ConfigFile, CredentialsFile };

    AwsProfile() = default;
    AwsProfile(const QString &name, const AwsConfigFile &config, const AwsConfigFile &credentials);

    QString name() const { return m_name; }
    bool exists() const { return m_inConfig || m_inCredentials; }
    bool inConfigFile() const { return m_inConfig; }
    bool inCredentialsFile() const { return m_inCredentials; }
    QString value(const QString &key, Prefer prefer = Prefer::ConfigFile) const;
    bool contains(const QString &key) const { return m_config.contains(key) || m_credentials.contains(key); }
    // Which file `value(key, prefer)` came from, for messages (a path).
    QString whereIs(const QString &key, Prefer prefer = Prefer::ConfigFile) const;
    // "profile NAME in PATH" for the file `value(key, prefer)` came from, for messages.
    QString describe(const QString &key, Prefer prefer = Prefer::ConfigFile) const;

private:
    QString m_name;
    QHash<QString, QString> m_config;
    QHash<QString, QString> m_credentials;
    QString m_configPath;
    QString m_credentialsPath;
    bool m_inConfig = false;
    bool m_inCredentials = false;
};

// Both shared files, loaded together as every SDK does.
class AwsSharedConfig
{
public:
    static AwsSharedConfig load(const AwsEnvironment &environment);
    AwsSharedConfig(const AwsConfigFile &config, const AwsConfigFile &credentials);

    const AwsConfigFile &configFile() const { return m_config; }
    const AwsConfigFile &credentialsFile() const { return m_credentials; }
    // The first parse error of either file (a malformed line stops the SDKs too), or empty.
    QString errorString() const;

    AwsProfile profile(const QString &name) const;
    // The profile's [services NAME] section value for "<service>.<key>", e.g. ("bedrock",
    // "endpoint_url"). Empty when the profile has no `services` key. *error is set when the
    // profile names a services section the config file does not have.
    QString serviceSetting(const AwsProfile &profile, const QString &service, const QString &key,
                           QString *error) const;

private:
    AwsConfigFile m_config;
    AwsConfigFile m_credentials;
};

} // namespace outcrop::aws
