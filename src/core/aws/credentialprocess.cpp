// SPDX-License-Identifier: Apache-2.0
#include "aws/credentialprocess.h"

#include "aws/logging.h"
#include "aws/shellwords.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

#include <csignal>
#include <sys/types.h>
#include <unistd.h>

namespace outcrop::aws {

namespace {

// A credentials document is a few kilobytes; more means the wrong program.
constexpr qsizetype kMaxOutputBytes = 1024 * 1024;
constexpr qsizetype kMaxStderrBytes = 4096;
constexpr int kStderrLinesShown = 5;

QString firstLines(const QByteArray &text)
{
    QStringList lines = QString::fromUtf8(text).trimmed().split(QLatin1Char('\n'));
    const bool more = lines.size() > kStderrLinesShown;
    lines = lines.mid(0, kStderrLinesShown);
    QString shown = lines.join(QLatin1Char('\n')).trimmed();
    if (more) {
        shown += QStringLiteral("\n…");
    }
    return shown;
}

QDateTime parseIsoTimestamp(const QString &text)
{
    // Qt reads at most milliseconds; tools print micro- or nanoseconds too.
    QString normalized = text.trimmed();
    static const QRegularExpression longFraction(QStringLiteral("(\\.\\d{3})\\d+"));
    normalized.replace(longFraction, QStringLiteral("\\1"));
    return QDateTime::fromString(normalized, Qt::ISODateWithMs);
}

} // namespace

CredentialProcess::CredentialProcess(const QString &profileName, const QString &commandLine,
                                     const QProcessEnvironment &environment, QObject *parent)
    : QObject(parent)
    , m_profileName(profileName)
    , m_commandLine(commandLine)
    , m_environment(environment)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &CredentialProcess::onTimeout);
}

CredentialProcess::~CredentialProcess()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->disconnect(this);
        killProcessGroup();
        // ~QProcess (a child of ours) reaps the killed process.
    }
}

void CredentialProcess::start()
{
    QStringList words;
    QString splitError;
    if (!splitShellWords(m_commandLine, &words, &splitError)) {
        finishWithError(QStringLiteral("its command line cannot be split into words (%1)").arg(splitError));
        return;
    }
    if (words.isEmpty()) {
        finishWithError(QStringLiteral("its command line is empty"));
        return;
    }
    QString program = words.takeFirst();
    m_programName = program;
    if (!program.contains(QLatin1Char('/'))) {
        // Look the program up in the PATH the child gets, not in ours.
        const QStringList path = m_environment.value(QStringLiteral("PATH")).split(QLatin1Char(':'), Qt::SkipEmptyParts);
        const QString found = QStandardPaths::findExecutable(program, path);
        if (found.isEmpty()) {
            finishWithError(QStringLiteral("the program “%1” was not found in PATH").arg(program));
            return;
        }
        program = found;
    }
    m_process = new QProcess(this);
    m_process->setProgram(program);
    m_process->setArguments(words);
    m_process->setProcessEnvironment(m_environment);
    m_process->setStandardInputFile(QProcess::nullDevice());
    // Its own process group, so a timeout also ends what a wrapper script started.
    m_process->setChildProcessModifier([] { ::setpgid(0, 0); });
    connect(m_process, &QProcess::readyReadStandardOutput, this, [this] {
        m_stdout += m_process->readAllStandardOutput();
        if (m_stdout.size() > kMaxOutputBytes && !m_outputTooLarge) {
            m_outputTooLarge = true;
            killProcessGroup();
        }
    });
    connect(m_process, &QProcess::readyReadStandardError, this, [this] {
        const QByteArray chunk = m_process->readAllStandardError();
        m_stderr += chunk.left(kMaxStderrBytes - m_stderr.size());
    });
    connect(m_process, &QProcess::finished, this,
            [this](int exitCode, QProcess::ExitStatus status) { onFinished(exitCode, status == QProcess::CrashExit); });
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart) {
            finishWithError(QStringLiteral("the program “%1” could not be started: %2")
                                .arg(m_programName, m_process->errorString()));
        }
    });
    qCDebug(lcCredentials) << "running credential_process of profile" << m_profileName << "program" << program;
    m_timer.start(m_timeout);
    m_process->start();
}

void CredentialProcess::killProcessGroup()
{
    if (!m_process || m_process->state() == QProcess::NotRunning) {
        return;
    }
    const qint64 pid = m_process->processId();
    if (pid > 0) {
        ::kill(-static_cast<pid_t>(pid), SIGKILL);
    }
    m_process->kill();
}

void CredentialProcess::onTimeout()
{
    killProcessGroup();
    finishWithError(QStringLiteral("“%1” did not finish within %2 seconds and was stopped")
                        .arg(m_programName)
                        .arg(static_cast<double>(m_timeout.count()) / 1000.0));
}

void CredentialProcess::onFinished(int exitCode, bool crashed)
{
    if (m_done) {
        return;
    }
    m_stdout += m_process->readAllStandardOutput();
    m_stderr += m_process->readAllStandardError().left(kMaxStderrBytes - m_stderr.size());
    if (m_outputTooLarge) {
        finishWithError(QStringLiteral("“%1” printed more than %2 bytes; that is not a credentials document")
                            .arg(m_programName)
                            .arg(kMaxOutputBytes));
        return;
    }
    if (crashed || exitCode != 0) {
        QString problem = crashed ? QStringLiteral("“%1” crashed").arg(m_programName)
                                  : QStringLiteral("“%1” exited with code %2").arg(m_programName).arg(exitCode);
        const QString errorOutput = firstLines(m_stderr);
        problem += errorOutput.isEmpty() ? QStringLiteral(" and printed nothing on standard error")
                                         : QStringLiteral(". Its standard error:\n") + errorOutput;
        finishWithError(problem);
        return;
    }
    QString parseError;
    AwsCredentials credentials = parseOutput(m_stdout, m_clock(), &parseError);
    m_stdout.fill('\0');
    m_stdout.clear();
    if (!parseError.isEmpty()) {
        finishWithError(QStringLiteral("“%1” %2").arg(m_programName, parseError));
        return;
    }
    m_done = true;
    m_timer.stop();
    credentials.source = QStringLiteral("credential_process of profile %1").arg(m_profileName);
    emit succeeded(credentials);
}

void CredentialProcess::finishWithError(const QString &problem)
{
    if (m_done) {
        return;
    }
    m_done = true;
    m_timer.stop();
    const QString message = QStringLiteral("credential_process of profile %1 failed: %2").arg(m_profileName, problem);
    qCWarning(lcCredentials).noquote() << message;
    // Always after start() returned, so callers connect first and never see a re-entrant signal.
    QMetaObject::invokeMethod(this, [this, message] { emit failed(message); }, Qt::QueuedConnection);
}

AwsCredentials CredentialProcess::parseOutput(const QByteArray &output, const QDateTime &now, QString *error)
{
    QJsonParseError jsonError;
    const QJsonDocument document = QJsonDocument::fromJson(output.trimmed(), &jsonError);
    if (jsonError.error != QJsonParseError::NoError || !document.isObject()) {
        *error = QStringLiteral("printed something that is not a JSON object (%1)")
                     .arg(jsonError.error != QJsonParseError::NoError ? jsonError.errorString()
                                                                      : QStringLiteral("not an object"));
        return {};
    }
    const QJsonObject object = document.object();
    // The JS SDK: data.Version !== 1 — the number 1, not the string.
    const QJsonValue version = object.value(QLatin1String("Version"));
    if (!version.isDouble() || version.toDouble() != 1.0) {
        *error = version.isUndefined() ? QStringLiteral("printed no \"Version\" (it must be 1)")
                                       : QStringLiteral("printed a \"Version\" other than 1; only Version 1 is known");
        return {};
    }
    AwsCredentials credentials;
    QStringList missing;
    for (const auto &[key, target] : { std::pair { QLatin1String("AccessKeyId"), &credentials.accessKeyId },
                                       std::pair { QLatin1String("SecretAccessKey"), &credentials.secretAccessKey } }) {
        const QJsonValue value = object.value(key);
        if (!value.isString() || value.toString().isEmpty()) {
            missing.append(QLatin1Char('"') + key + QLatin1Char('"'));
        } else {
            *target = value.toString();
        }
    }
    if (!missing.isEmpty()) {
        *error = QStringLiteral("printed no %1").arg(missing.join(QStringLiteral(" and ")));
        return {};
    }
    const QJsonValue sessionToken = object.value(QLatin1String("SessionToken"));
    if (!sessionToken.isUndefined() && !sessionToken.isNull() && !sessionToken.isString()) {
        *error = QStringLiteral("printed a \"SessionToken\" that is not a string");
        return {};
    }
    credentials.sessionToken = sessionToken.toString();
    const QJsonValue expiration = object.value(QLatin1String("Expiration"));
    if (!expiration.isUndefined() && !expiration.isNull()) {
        credentials.expiration = parseIsoTimestamp(expiration.toString());
        if (!credentials.expiration.isValid()) {
            *error = QStringLiteral("printed an \"Expiration\" that is not an ISO 8601 time (%1)")
                         .arg(expiration.toString().left(40));
            return {};
        }
        if (credentials.expiration < now) {
            *error = QStringLiteral("returned expired credentials (Expiration %1)")
                         .arg(credentials.expiration.toUTC().toString(Qt::ISODate));
            return {};
        }
    }
    return credentials;
}

} // namespace outcrop::aws
