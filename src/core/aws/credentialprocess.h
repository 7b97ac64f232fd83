// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "aws/awscredentials.h"

#include <QByteArray>
#include <QDateTime>
#include <QObject>
#include <QProcessEnvironment>
#include <QString>
#include <QTimer>

#include <chrono>
#include <functional>

class QProcess;

namespace outcrop::aws {

// Runs a profile's credential_process once and reads the credentials it prints
// (https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-sourcing-external.html):
// {"Version": 1, "AccessKeyId", "SecretAccessKey", "SessionToken"?, "Expiration"? (ISO 8601)}.
//
// The command line is split like botocore does (splitShellWords) and the program is started
// WITHOUT a shell (the JS SDK hands it to /bin/sh through exec(); botocore does not, and a shell
// would read $, `, | and the like in a path). The program gets no standard input (a prompt reads
// end-of-file instead of hanging), runs in its own process group, and the whole group is killed on
// timeout and when this object is destroyed, so no helper survives the app.
// Messages name the profile and the program and say what went wrong: exit code with the first lines
// of standard error, timeout, invalid JSON, wrong Version, missing keys, expired credentials.
// Standard output is never quoted: it holds the secrets.
class CredentialProcess : public QObject
{
    Q_OBJECT

public:
    // botocore and the JS SDK wait forever; a dashboard cannot. A minute leaves room for helpers
    // that open a browser or a hardware-key prompt.
    static constexpr std::chrono::milliseconds kDefaultTimeout { 60000 };

    CredentialProcess(const QString &profileName, const QString &commandLine,
                      const QProcessEnvironment &environment, QObject *parent = nullptr);
    ~CredentialProcess() override;

    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }
    // Emits exactly one of succeeded() or failed(), always after start() has returned.
    void start();

    // Exposed for tests. Reads the printed JSON; on failure returns invalid credentials and sets *error
    // (without the profile prefix).
    static AwsCredentials parseOutput(const QByteArray &output, const QDateTime &now, QString *error);

signals:
    void succeeded(const outcrop::aws::AwsCredentials &credentials);
    void failed(const QString &message);

private:
    void finishWithError(const QString &problem);
    void onFinished(int exitCode, bool crashed);
    void onTimeout();
    void killProcessGroup();

    QString m_profileName;
    QString m_commandLine;
    QString m_programName; // for messages: the program only, never its arguments
    QProcessEnvironment m_environment;
    std::chrono::milliseconds m_timeout = kDefaultTimeout;
    std::function<QDateTime()> m_clock;
    QProcess *m_process = nullptr;
    QTimer m_timer;
    QByteArray m_stdout;
    QByteArray m_stderr;
    bool m_done = false;
    bool m_outputTooLarge = false;
};

} // namespace outcrop::aws
