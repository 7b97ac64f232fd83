// SPDX-License-Identifier: Apache-2.0
#include "aws/debuglog.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QMutex>
#include <QMutexLocker>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QSysInfo>

namespace outcrop::aws {

namespace {

QString redactedMarker()
{
    return QStringLiteral("[REDACTED]");
}

// Replaces capture group `valueGroup` of every match, keeping the rest of the match.
QString replaceGroup(const QString &text, const QRegularExpression &pattern, int valueGroup,
                     bool (*keep)(QStringView value) = nullptr)
{
    QString result;
    qsizetype copiedUpTo = 0;
    QRegularExpressionMatchIterator matches = pattern.globalMatch(text);
    while (matches.hasNext()) {
        const QRegularExpressionMatch match = matches.next();
        if (keep && keep(match.capturedView(valueGroup))) {
            continue;
        }
        result += QStringView(text).mid(copiedUpTo, match.capturedStart(valueGroup) - copiedUpTo);
        result += redactedMarker();
        copiedUpTo = match.capturedEnd(valueGroup);
    }
    if (copiedUpTo == 0) {
        return text;
    }
    result += QStringView(text).mid(copiedUpTo);
    return result;
}

// "Bearer token" in prose is not a secret; a real token is never a short lowercase word.
bool isPlainWord(QStringView value)
{
    if (value.size() > 15) {
        return false;
    }
    for (const QChar c : value) {
        if (c < QLatin1Char('a') || c > QLatin1Char('z')) {
            return false;
        }
    }
    return true;
}

// The separator between a name and its value, in every form the logs show: `key=value`,
// `key: value`, JSON `"key":"value"`, JSON printed by qDebug `\"key\":\"value\"`, and a
// header pair printed as `("key", "value")`.
const char separator[] = "[\\\\\"']*\\s*[:=,]\\s*[\\\\\"']*";

} // namespace

QString redactSecrets(const QString &text)
{
    // thread_local: the message handler runs on whichever thread logs.
    static thread_local const QRegularExpression namedSecret(
        QStringLiteral("(aws_secret_access_key|secret_access_key|secretaccesskey|aws_session_token|session_token|"
                       "sessiontoken|security_token|x-amz-security-token|x-amz-signature|x-amz-credential|"
                       "bearer_token\\w*|password)")
            + QLatin1String(separator)
            // JSON may escape '/' as "\/", which must not end the value early.
            + QStringLiteral("((?:\\\\/|[^\\s\"'&,;\\\\<])+)"),
        QRegularExpression::CaseInsensitiveOption);
    static thread_local const QRegularExpression xmlSecret(
        QStringLiteral("<(SecretAccessKey|SessionToken)>([^<]+)<"), QRegularExpression::CaseInsensitiveOption);
    static thread_local const QRegularExpression authorization(
        QStringLiteral("(authorization)") + QLatin1String(separator) + QStringLiteral("([^\\r\\n\"'\\\\]+)"),
        QRegularExpression::CaseInsensitiveOption);
    static thread_local const QRegularExpression bearer(QStringLiteral("bearer\\s+([A-Za-z0-9\\-._~+/=]+)"),
                                                        QRegularExpression::CaseInsensitiveOption);
    static thread_local const QRegularExpression longBase64(QStringLiteral("([A-Za-z0-9+/]{100,}={0,2})"));

    QString result = replaceGroup(text, authorization, 2);
    result = replaceGroup(result, namedSecret, 2);
    result = replaceGroup(result, xmlSecret, 2);
    result = replaceGroup(result, bearer, 1, isPlainWord);
    result = replaceGroup(result, longBase64, 1);
    return result;
}

QString defaultDebugLogPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/outcrop-debug.log");
}

namespace {

struct DebugLogState
{
    QMutex mutex;
    QFile file;
    QtMessageHandler previousHandler = nullptr;
    bool installed = false;
};

DebugLogState &debugLogState()
{
    static DebugLogState state;
    return state;
}

const char *levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return "debug";
    case QtInfoMsg:
        return "info";
    case QtWarningMsg:
        return "warning";
    case QtCriticalMsg:
        return "critical";
    case QtFatalMsg:
        return "fatal";
    }
    return "?";
}

thread_local bool insideHandler = false;

void debugLogHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    DebugLogState &state = debugLogState();
    const QString redacted = redactSecrets(message);
    const bool ours = context.category && qstrncmp(context.category, "outcrop.", 8) == 0;
    // A warning raised while writing (a full disk) must not recurse into the handler.
    if (!insideHandler && (ours || type >= QtWarningMsg)) {
        insideHandler = true;
        {
            const QMutexLocker locker(&state.mutex);
            if (state.file.isOpen()) {
                const QString line = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) + QLatin1Char(' ')
                    + QLatin1String(levelName(type)) + QLatin1Char(' ')
                    + QLatin1String(context.category ? context.category : "default") + QStringLiteral(": ")
                    + redacted + QLatin1Char('\n');
                state.file.write(line.toUtf8());
                // Flushed at once: the log matters most when the app is about to crash.
                state.file.flush();
            }
        }
        insideHandler = false;
    }
    // Debug output of our categories was switched on for the file only; stderr stays as quiet as before.
    if (state.previousHandler && !(ours && type == QtDebugMsg)) {
        state.previousHandler(type, context, redacted);
    }
}

} // namespace

bool installDebugLog(const QString &path, QString *errorMessage)
{
    DebugLogState &state = debugLogState();
    {
        // The lock is released before anything that might log (setFilterRules), or the handler deadlocks.
        const QMutexLocker locker(&state.mutex);
        if (state.file.isOpen()) {
            state.file.close();
        }
        QDir().mkpath(QFileInfo(path).absolutePath());
        state.file.setFileName(path);
        if (!state.file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text)) {
            if (errorMessage) {
                *errorMessage = QCoreApplication::translate("DebugLog", "Cannot write the debug log %1: %2")
                                    .arg(QDir::toNativeSeparators(path), state.file.errorString());
            }
            return false;
        }
        // Account ids and ARNs are not secrets, but they are nobody else's business.
        state.file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        const QString header = QStringLiteral("# %1 %2, Qt %3, %4\n")
                                   .arg(QCoreApplication::applicationName(), QCoreApplication::applicationVersion(),
                                        QLatin1String(qVersion()), QSysInfo::prettyProductName());
        state.file.write(header.toUtf8());
        state.file.flush();
        if (!state.installed) {
            state.previousHandler = qInstallMessageHandler(debugLogHandler);
            state.installed = true;
        }
    }
    QLoggingCategory::setFilterRules(QStringLiteral("outcrop.*.debug=true"));
    return true;
}

void uninstallDebugLog()
{
    DebugLogState &state = debugLogState();
    bool wasInstalled = false;
    {
        const QMutexLocker locker(&state.mutex);
        wasInstalled = state.installed;
        if (state.installed) {
            qInstallMessageHandler(state.previousHandler);
            state.previousHandler = nullptr;
            state.installed = false;
        }
        state.file.close();
    }
    if (wasInstalled) {
        QLoggingCategory::setFilterRules(QString());
    }
}

} // namespace outcrop::aws
