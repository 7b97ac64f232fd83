// SPDX-License-Identifier: Apache-2.0
// `outcrop` runs the export, --help and --version itself without Qt Widgets or Gui, and hands
// anything else to outcrop-dashboard (same process, same arguments) through exec().
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>

class TestLauncher : public QObject
{
    Q_OBJECT

private slots:
    void headlessRunsDoNotLoadTheGui()
    {
        // What the dynamic linker would load: the DT_NEEDED entries, read by the linker itself.
        QProcess ldd;
        QSignalSpy finished(&ldd, &QProcess::finished);
        ldd.start(QStringLiteral("ldd"), { QStringLiteral(OUTCROP_EXECUTABLE) });
        QVERIFY(finished.wait(30000));
        const QByteArray libraries = ldd.readAllStandardOutput();
        QVERIFY2(libraries.contains("libQt6Core"), libraries.constData());
        QVERIFY2(libraries.contains("libQt6Network"), libraries.constData());
        QVERIFY2(!libraries.contains("libQt6Gui"), libraries.constData());
        QVERIFY2(!libraries.contains("libQt6Widgets"), libraries.constData());
    }

    void theDashboardReplacesTheLauncher()
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(OUTCROP_EXECUTABLE),
                      { QStringLiteral("--demo"), QStringLiteral("--demo-count"), QStringLiteral("3") });
        QVERIFY(process.waitForStarted());
        // Killed on every path out of this test, a failed comparison included.
        const auto stopDashboard = qScopeGuard([&process] {
            process.kill();
            process.waitForFinished();
        });
        const QString exe = QStringLiteral("/proc/%1/exe").arg(process.processId());
        const QString cmdline = QStringLiteral("/proc/%1/cmdline").arg(process.processId());
        QTRY_COMPARE_WITH_TIMEOUT(QFileInfo(exe).symLinkTarget(), QStringLiteral(OUTCROP_DASHBOARD_EXECUTABLE), 30000);
        // Waited for as well: during execve the kernel points /proc/PID/exe at the new binary
        // (begin_new_exec) before it has laid out the new argument area (create_elf_tables), and in
        // between /proc/PID/cmdline reads empty. CI once read it in that window.
        const auto passedArguments = [&cmdline] {
            QFile arguments(cmdline);
            return arguments.open(QIODevice::ReadOnly) ? arguments.readAll().split('\0').mid(1, 3)
                                                       : QList<QByteArray>();
        };
        QTRY_COMPARE_WITH_TIMEOUT(passedArguments(), (QList<QByteArray> { "--demo", "--demo-count", "3" }), 30000);
    }
};

QTEST_GUILESS_MAIN(TestLauncher)
#include "tst_launcher.moc"
