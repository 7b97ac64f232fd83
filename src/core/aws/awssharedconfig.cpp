// SPDX-License-Identifier: Apache-2.0
#include "aws/awssharedconfig.h"

#include "aws/awsenvironment.h"

#include <QCoreApplication>

namespace outcrop::aws {

namespace {

// Where settings come from, and what is wrong with the shared config and credentials files.
class SharedConfigTr
{
    Q_DECLARE_TR_FUNCTIONS(AwsSharedConfig)
};

} // namespace

AwsProfile::AwsProfile(const QString &name, const AwsConfigFile &config, const AwsConfigFile &credentials)
    : m_name(name)
    , m_config(config.profile(name))
    , m_credentials(credentials.profile(name))
    , m_configPath(config.path())
    , m_credentialsPath(credentials.path())
    , m_inConfig(config.hasProfile(name))
    , m_inCredentials(credentials.hasProfile(name))
{
}

QString AwsProfile::value(const QString &key, Prefer prefer) const
{
    const QHash<QString, QString> &first = prefer == Prefer::ConfigFile ? m_config : m_credentials;
    const QHash<QString, QString> &second = prefer == Prefer::ConfigFile ? m_credentials : m_config;
    const auto found = first.constFind(key);
    return found != first.constEnd() ? *found : second.value(key);
}

QString AwsProfile::whereIs(const QString &key, Prefer prefer) const
{
    const bool inConfig = m_config.contains(key);
    const bool inCredentials = m_credentials.contains(key);
    if (inConfig && (prefer == Prefer::ConfigFile || !inCredentials)) {
        return m_configPath;
    }
    return inCredentials ? m_credentialsPath : QString();
}

QString AwsProfile::describe(const QString &key, Prefer prefer) const
{
    //: Where a setting was found; %2 is a file's path. Used inside other messages.
    return SharedConfigTr::tr("profile %1 in %2").arg(m_name, whereIs(key, prefer));
}

AwsSharedConfig AwsSharedConfig::load(const AwsEnvironment &environment)
{
    return AwsSharedConfig(AwsConfigFile::load(environment.configFilePath(), AwsConfigFile::Kind::Config),
                           AwsConfigFile::load(environment.credentialsFilePath(),
                                               AwsConfigFile::Kind::Credentials));
}

AwsSharedConfig::AwsSharedConfig(const AwsConfigFile &config, const AwsConfigFile &credentials)
    : m_config(config)
    , m_credentials(credentials)
{
}

QString AwsSharedConfig::errorString() const
{
    return m_config.hasError() ? m_config.errorString() : m_credentials.errorString();
}

AwsProfile AwsSharedConfig::profile(const QString &name) const
{
    return AwsProfile(name, m_config, m_credentials);
}

QString AwsSharedConfig::serviceSetting(const AwsProfile &profile, const QString &service, const QString &key,
                                        QString *error) const
{
    const QString servicesName = profile.value(QStringLiteral("services"));
    if (servicesName.isEmpty()) {
        return QString();
    }
    if (!m_config.hasSection(QStringLiteral("services"), servicesName)) {
        // The JS SDK throws this internally and then silently ignores every configured endpoint;
        // a misconfiguration deserves to be told instead.
        *error = SharedConfigTr::tr("profile %1 names the services section “%2”, but %3 has no [services %2]")
                     .arg(profile.name(), servicesName, m_config.path());
        return QString();
    }
    return m_config.section(QStringLiteral("services"), servicesName).value(service + QLatin1Char('.') + key);
}

} // namespace outcrop::aws
