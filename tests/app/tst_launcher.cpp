// SPDX-License-Identifier: Apache-2.0
// `outcrop` runs the export, --help and --version itself without Qt Widgets or Gui, and hands
// anything else to outcrop-dashboard (same process, same arguments) through exec().
#include <QFile>
#include <QFileInfo>
#include <QProcess>
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
        const QString exe = QStringLiteral("/proc/%1/exe").arg(process.processId());
        const QString cmdline = QStringLiteral("/proc/%1/cmdline").arg(process.processId());
        QTRY_COMPARE_WITH_TIMEOUT(QFileInfo(exe).symLinkTarget(), QStringLiteral(OUTCROP_DASHBOARD_EXECUTABLE), 30000);
        QFile arguments(cmdline);
        QVERIFY(arguments.open(QIODevice::ReadOnly));
        QCOMPARE(arguments.readAll().split('\0').mid(1, 3),
                 (QList<QByteArray> { "--demo", "--demo-count", "3" }));
        process.kill();
        process.waitForFinished();
    }
};

QTEST_GUILESS_MAIN(TestLauncher)
#include "tst_launcher.moc"
