// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QProcessEnvironment>
#include <QString>

namespace outcrop::aws {

// The inputs of AWS configuration resolution that come from outside the program: the
// environment variables and the home folder. Injectable, so tests never read the real ~/.aws.
class AwsEnvironment
{
public:
    // The process's own environment; the home folder from HOME.
    static AwsEnvironment system();
    // `homeDir` empty: taken from HOME in `variables` (as the JS SDK's getHomeDir does).
    explicit AwsEnvironment(const QProcessEnvironment &variables, const QString &homeDir = QString());

    // An empty variable counts as unset everywhere (the SDKs disagree on empty values; unset is the safe reading).
    QString value(const QString &name) const;
    bool isSet(const QString &name) const { return !value(name).isEmpty(); }
    const QProcessEnvironment &variables() const { return m_variables; }
    QString homeDir() const { return m_homeDir; }

    // AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE, or ~/.aws/config and ~/.aws/credentials,
    // with a leading "~/" expanded to the home folder as the SDKs do.
    QString configFilePath() const;
    QString credentialsFilePath() const;

    // The profile in use: the explicit one (--profile) → AWS_PROFILE → "default".
    QString profileName(const QString &explicitProfile = QString()) const;
    // True when a profile was chosen explicitly or through AWS_PROFILE. The JS SDK then skips the
    // environment credentials (credential-provider-node defaultProvider); see CredentialChain.
    bool profileChosen(const QString &explicitProfile = QString()) const;

    // "~/x" → "<home>/x"; other paths unchanged.
    QString expandHome(const QString &path) const;

private:

    QProcessEnvironment m_variables;
    QString m_homeDir;
};

} // namespace outcrop::aws
