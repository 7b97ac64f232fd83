// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QSignalSpy>
#include <QString>
#include <QStringList>

namespace outcrop::testing {

struct OutcropRun
{
    int exitCode = -1;   // -1: crashed or killed after the timeout
    QByteArray out;
    QString err;
};

// Runs the `outcrop` executable without blocking this thread (a simulator in the test process
// answers from this event loop); kills it after `timeoutMs`.
inline OutcropRun runOutcrop(const QString &executable, const QStringList &arguments,
                             const QProcessEnvironment &environment, int timeoutMs = 60000)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(executable, arguments);
    if (!finished.wait(timeoutMs)) {
        process.kill();
        process.waitForFinished();
    }
    return { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAllStandardOutput(),
             QString::fromUtf8(process.readAllStandardError()) };
}

// The ARNs of an exported CSV, in file order. The ARN column is never quoted (it holds no comma
// or quote); lines that continue a multi-line failure message do not hold the ARN prefix.
inline QStringList arnsOfCsv(const QByteArray &csv)
{
    QStringList arns;
    for (const QByteArray &line : csv.split('\n')) {
        const qsizetype start = line.indexOf(",arn:aws:bedrock:");
        if (start >= 0 && line.indexOf(":custom-model-deployment/", start) > start) {
            const QByteArray rest = line.mid(start + 1);
            arns.append(QString::fromLatin1(rest.left(rest.indexOf(','))));
        }
    }
    return arns;
}

} // namespace outcrop::testing
