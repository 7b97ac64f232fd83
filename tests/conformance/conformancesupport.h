// SPDX-License-Identifier: Apache-2.0
#pragma once

// Shared by the conformance tests: child processes (outcrop-sim, node) that die with the test,
// and node:test runs whose output is checked for a real pass count.

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QString>
#include <QTest>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#endif

namespace outcrop::conformance {

// A child that dies with the test, even when the test itself is killed (a ctest timeout):
// QProcess's destructor covers every other way out.
inline void dieWithParent(QProcess &process)
{
#ifdef Q_OS_LINUX
    process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGKILL); });
#else
    Q_UNUSED(process)
#endif
}

// Starts `executable` (outcrop-sim) with `arguments`, stderr to `stderrPath`, and returns the URL
// of its first stdout line "listening http://127.0.0.1:PORT", or an empty string (with a warning).
inline QString startSimulator(QProcess &process, const QString &executable, const QStringList &arguments,
                              const QString &stderrPath, int timeoutMs)
{
    dieWithParent(process);
    // stderr to a file: a pipe nobody reads while node runs could fill up and stall it.
    process.setStandardErrorFile(stderrPath);
    process.start(executable, arguments);
    if (!process.waitForStarted(timeoutMs)) {
        qWarning("outcrop-sim did not start: %s", qPrintable(process.errorString()));
        return {};
    }
    if (!QTest::qWaitFor([&process] { return process.canReadLine() || process.state() == QProcess::NotRunning; },
                         timeoutMs)) {
        qWarning("outcrop-sim printed no line in %d ms", timeoutMs);
        return {};
    }
    const QString line = QString::fromUtf8(process.readLine()).trimmed();
    const QRegularExpressionMatch match =
        QRegularExpression(QStringLiteral("^listening (http://127\\.0\\.0\\.1:\\d+)$")).match(line);
    if (!match.hasMatch()) {
        QFile log(stderrPath);
        qWarning("outcrop-sim said \"%s\"; stderr: %s", qPrintable(line),
                 log.open(QIODevice::ReadOnly) ? log.readAll().constData() : "");
        return {};
    }
    return match.captured(1);
}

// The environment of a node run: node on PATH, `home` as HOME, and nothing of the machine's AWS
// set-up (shared files, instance metadata) within the SDK's reach.
inline QProcessEnvironment nodeEnvironment(const QString &node, const QString &home, const QString &configFile)
{
    QProcessEnvironment environment;
    environment.insert(QStringLiteral("PATH"), QFileInfo(node).absolutePath() + QStringLiteral(":/usr/bin:/bin"));
    environment.insert(QStringLiteral("HOME"), home);
    environment.insert(QStringLiteral("AWS_EC2_METADATA_DISABLED"), QStringLiteral("true"));
    environment.insert(QStringLiteral("AWS_CONFIG_FILE"), configFile);
    environment.insert(QStringLiteral("AWS_SHARED_CREDENTIALS_FILE"), home + QStringLiteral("/no-credentials"));
    return environment;
}

struct NodeRun
{
    bool finished = false;
    bool passed = false;
    int passCount = 0;
    QString output;
};

// Runs `node --test script` in `workingDirectory` with exactly `environment`, keeping the event
// loop running (so in-process servers answer and node's output never stalls in its pipe).
inline NodeRun runNodeTest(const QString &node, const QString &script, const QString &workingDirectory,
                           const QProcessEnvironment &environment, int timeoutMs)
{
    QProcess process;
    dieWithParent(process);
    process.setProcessEnvironment(environment);
    process.setWorkingDirectory(workingDirectory);
    process.setProcessChannelMode(QProcess::MergedChannels);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(node, { QStringLiteral("--test"), QStringLiteral("--test-reporter=spec"), script });
    NodeRun run;
    if (!process.waitForStarted(30000)) {
        run.output = process.errorString();
        return run;
    }
    run.finished = finished.wait(timeoutMs);
    if (!run.finished) {
        process.kill();
        process.waitForFinished(5000);
    }
    run.output = QString::fromUtf8(process.readAll());
    // node:test's own counts, so a script that ran no case cannot pass.
    const QRegularExpressionMatch passed =
        QRegularExpression(QStringLiteral("^\\S+ pass (\\d+)$"), QRegularExpression::MultilineOption).match(run.output);
    run.passCount = passed.hasMatch() ? passed.captured(1).toInt() : 0;
    run.passed = run.finished && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0
        && run.output.contains(QRegularExpression(QStringLiteral("^\\S+ fail 0$"), QRegularExpression::MultilineOption));
    return run;
}

} // namespace outcrop::conformance
