// SPDX-License-Identifier: Apache-2.0
#include "aws/credentialprocess.h"

#include "aws/logging.h"
#include "aws/shellwords.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QLocale>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

#include <csignal>
#include <sys/types.h>
#include <unistd.h>

namespace outcrop::aws {

namespace {

// Why a credential_process gave no credentials. Most messages begin with the program's name or
// with what it did ("printed no …"): they complete "credential_process of profile %1 failed: …".
class CredentialProcessTr
{
    Q_DECLARE_TR_FUNCTIONS(CredentialProcess)
};

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
        finishWithError(CredentialProcessTr::tr("its command line cannot be split into words (%1)").arg(splitError));
        return;
    }
    if (words.isEmpty()) {
        finishWithError(CredentialProcessTr::tr("its command line is empty"));
        return;
    }
    QString program = words.takeFirst();
    m_programName = program;
    if (!program.contains(QLatin1Char('/'))) {
        // Look the program up in the PATH the child gets, not in ours.
        const QStringList path = m_environment.value(QStringLiteral("PATH")).split(QLatin1Char(':'), Qt::SkipEmptyParts);
        const QString found = QStandardPaths::findExecutable(program, path);
        if (found.isEmpty()) {
            finishWithError(CredentialProcessTr::tr("the program “%1” was not found in PATH").arg(program));
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
            finishWithError(CredentialProcessTr::tr("the program “%1” could not be started: %2")
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
    // One arg() call: a program name holding "%1" must not take the number.
    finishWithError(CredentialProcessTr::tr("“%1” did not finish within %2 seconds and was stopped")
                        .arg(m_programName, QString::number(static_cast<double>(m_timeout.count()) / 1000.0, 'g',
                                                            QLocale::FloatingPointShortest)));
}

void CredentialProcess::onFinished(int exitCode, bool crashed)
{
    if (m_done) {
        return;
    }
    m_stdout += m_process->readAllStandardOutput();
    m_stderr += m_process->readAllStandardError().left(kMaxStderrBytes - m_stderr.size());
    if (m_outputTooLarge) {
        finishWithError(CredentialProcessTr::tr("“%1” printed more than %2 bytes; that is not a credentials document")
                            .arg(m_programName, QString::number(kMaxOutputBytes)));
        return;
    }
    if (crashed || exitCode != 0) {
        const QString errorOutput = firstLines(m_stderr);
        QString problem;
        if (crashed) {
            problem = errorOutput.isEmpty()
                ? CredentialProcessTr::tr("“%1” crashed and printed nothing on standard error").arg(m_programName)
                : CredentialProcessTr::tr("“%1” crashed. Its standard error:\n%2").arg(m_programName, errorOutput);
        } else {
            problem = errorOutput.isEmpty()
                ? CredentialProcessTr::tr("“%1” exited with code %2 and printed nothing on standard error")
                      .arg(m_programName, QString::number(exitCode))
                : CredentialProcessTr::tr("“%1” exited with code %2. Its standard error:\n%3")
                      .arg(m_programName, QString::number(exitCode), errorOutput);
        }
        finishWithError(problem);
        return;
    }
    QString parseError;
    AwsCredentials credentials = parseOutput(m_stdout, m_clock(), &parseError);
    m_stdout.fill('\0');
    m_stdout.clear();
    if (!parseError.isEmpty()) {
        //: %1 is the program, %2 what it did wrong, e.g. "printed no "Version" (it must be 1)".
        finishWithError(CredentialProcessTr::tr("“%1” %2").arg(m_programName, parseError));
        return;
    }
    m_done = true;
    m_timer.stop();
    credentials.source = CredentialProcessTr::tr("credential_process of profile %1").arg(m_profileName);
    emit succeeded(credentials);
}

void CredentialProcess::finishWithError(const QString &problem)
{
    if (m_done) {
        return;
    }
    m_done = true;
    m_timer.stop();
    const QString message = CredentialProcessTr::tr("credential_process of profile %1 failed: %2").arg(m_profileName, problem);
    qCDebug(lcCredentials).noquote() << message;   // the caller shows it (a warning printed it twice)
    // Always after start() returned, so callers connect first and never see a re-entrant signal.
    QMetaObject::invokeMethod(this, [this, message] { emit failed(message); }, Qt::QueuedConnection);
}

AwsCredentials CredentialProcess::parseOutput(const QByteArray &output, const QDateTime &now, QString *error)
{
    QJsonParseError jsonError;
    const QJsonDocument document = QJsonDocument::fromJson(output.trimmed(), &jsonError);
    if (jsonError.error != QJsonParseError::NoError || !document.isObject()) {
        *error = CredentialProcessTr::tr("printed something that is not a JSON object (%1)")
                     .arg(jsonError.error != QJsonParseError::NoError ? jsonError.errorString()
                                                                      : CredentialProcessTr::tr("not an object"));
        return {};
    }
    const QJsonObject object = document.object();
    // The JS SDK: data.Version !== 1 — the number 1, not the string.
    const QJsonValue version = object.value(QLatin1String("Version"));
    if (!version.isDouble() || version.toDouble() != 1.0) {
        *error = version.isUndefined()
            ? CredentialProcessTr::tr("printed no \"Version\" (it must be 1)")
            : CredentialProcessTr::tr("printed a \"Version\" other than 1; only Version 1 is known");
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
        *error = missing.size() == 1 ? CredentialProcessTr::tr("printed no %1").arg(missing.first())
                                     : CredentialProcessTr::tr("printed no %1 and %2").arg(missing.at(0), missing.at(1));
        return {};
    }
    const QJsonValue sessionToken = object.value(QLatin1String("SessionToken"));
    if (!sessionToken.isUndefined() && !sessionToken.isNull() && !sessionToken.isString()) {
        *error = CredentialProcessTr::tr("printed a \"SessionToken\" that is not a string");
        return {};
    }
    credentials.sessionToken = sessionToken.toString();
    const QJsonValue expiration = object.value(QLatin1String("Expiration"));
    if (!expiration.isUndefined() && !expiration.isNull()) {
        credentials.expiration = parseIsoTimestamp(expiration.toString());
        if (!credentials.expiration.isValid()) {
            *error = CredentialProcessTr::tr("printed an \"Expiration\" that is not an ISO 8601 time (%1)")
                         .arg(expiration.toString().left(40));
            return {};
        }
        if (credentials.expiration < now) {
            *error = CredentialProcessTr::tr("returned expired credentials (Expiration %1)")
                         .arg(credentials.expiration.toUTC().toString(Qt::ISODate));
            return {};
        }
    }
    return credentials;
}

} // namespace outcrop::aws
