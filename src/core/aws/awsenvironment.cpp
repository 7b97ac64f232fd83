// SPDX-License-Identifier: Apache-2.0
#include "aws/awsenvironment.h"

#include <QDir>

namespace outcrop::aws {

AwsEnvironment AwsEnvironment::system()
{
    return AwsEnvironment(QProcessEnvironment::systemEnvironment());
}

AwsEnvironment::AwsEnvironment(const QProcessEnvironment &variables, const QString &homeDir)
    : m_variables(variables)
    , m_homeDir(homeDir.isEmpty() ? variables.value(QStringLiteral("HOME")) : homeDir)
{
    if (m_homeDir.isEmpty()) {
        m_homeDir = QDir::homePath();
    }
}

QString AwsEnvironment::value(const QString &name) const
{
    return m_variables.value(name);
}

QString AwsEnvironment::expandHome(const QString &path) const
{
    if (path == QLatin1String("~")) {
        return m_homeDir;
    }
    if (path.startsWith(QLatin1String("~/"))) {
        return QDir(m_homeDir).filePath(path.mid(2));
    }
    return path;
}

QString AwsEnvironment::configFilePath() const
{
    const QString configured = value(QStringLiteral("AWS_CONFIG_FILE"));
    return expandHome(configured.isEmpty() ? QStringLiteral("~/.aws/config") : configured);
}

QString AwsEnvironment::credentialsFilePath() const
{
    const QString configured = value(QStringLiteral("AWS_SHARED_CREDENTIALS_FILE"));
    return expandHome(configured.isEmpty() ? QStringLiteral("~/.aws/credentials") : configured);
}

QString AwsEnvironment::profileName(const QString &explicitProfile) const
{
    if (!explicitProfile.isEmpty()) {
        return explicitProfile;
    }
    const QString fromEnvironment = value(QStringLiteral("AWS_PROFILE"));
    return fromEnvironment.isEmpty() ? QStringLiteral("default") : fromEnvironment;
}

bool AwsEnvironment::profileChosen(const QString &explicitProfile) const
{
    return !explicitProfile.isEmpty() || isSet(QStringLiteral("AWS_PROFILE"));
}

} // namespace outcrop::aws
