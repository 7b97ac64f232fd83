// SPDX-License-Identifier: Apache-2.0
// `outcrop --export` (the real executable) against a simulator that throttles, answers 500,
// resets connections, truncates bodies and adds latency all at once: every deployment is written
// exactly once. When retries run out, part-way through, the export says so, exits non-zero and
// leaves no file that could pass for a complete one.
#include "faultsettings.h"
#include "simulator.h"
#include "../support/outcropprocess.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace outcrop;

using outcrop::testing::arnsOfCsv;

namespace {

// Once the simulator has received `after` more requests, every request fails (retries run out).
void failEveryRequestAfter(sim::Simulator &simulator, quint64 after, QTimer &watch)
{
    const quint64 switchAt = simulator.requestsReceived() + after;
    QObject::connect(&watch, &QTimer::timeout, &watch, [&simulator, &watch, switchAt] {
        if (simulator.requestsReceived() >= switchAt) {
            simulator.faults().setSettings(faulttest::everyRequestFails());
            watch.stop();
        }
    });
    watch.start(1);
}

} // namespace

class TestFaultExport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    std::unique_ptr<sim::Simulator> m_simulator;

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *name : { "QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS" }) {
            env.remove(QString::fromLatin1(name));
        }
        env.insert(QStringLiteral("HOME"), m_home.path());
        env.insert(QStringLiteral("AWS_CONFIG_FILE"), m_home.filePath(QStringLiteral("no-config")));
        env.insert(QStringLiteral("AWS_SHARED_CREDENTIALS_FILE"), m_home.filePath(QStringLiteral("no-credentials")));
        env.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), QStringLiteral("AKIDEXAMPLE"));
        env.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"));
        env.insert(QStringLiteral("AWS_REGION"), QStringLiteral("us-east-1"));
        env.insert(QStringLiteral("AWS_ENDPOINT_URL_BEDROCK"), m_simulator->serverUrl().toString());
        return env;
    }

    outcrop::testing::OutcropRun run(const QStringList &arguments)
    {
        return outcrop::testing::runOutcrop(QStringLiteral(OUTCROP_EXECUTABLE), arguments, environment(), 90000);
    }

    QStringList simulatorArns() const
    {
        QStringList arns;
        for (const auto &stored : m_simulator->store().deploymentsByCreation()) {
            arns.append(stored->data.arn);
        }
        return arns;
    }

    QStringList leftovers() const
    {
        return QDir(m_home.path()).entryList({ QStringLiteral("*.outcrop-tmp"), QStringLiteral(".*.outcrop-tmp") },
                                             QDir::Files | QDir::Hidden);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        sim::SimConfig config;
        config.count = 120;
        // Nothing changes state by itself while the export runs.
        config.timings.creatingMs = 3600 * 1000;
        config.timings.deletingMs = 3600 * 1000;
        config.timings.updatingMs = 3600 * 1000;
        m_simulator = std::make_unique<sim::Simulator>(config);
        QVERIFY2(m_simulator->start(), qPrintable(m_simulator->errorString()));
    }

    void init()
    {
        m_simulator->faults().setSettings(faulttest::allFaultsAtOnce());
    }

    void everyDeploymentIsExportedExactlyOnce()
    {
        const QString path = m_home.filePath(QStringLiteral("all.csv"));
        const quint64 before = m_simulator->requestsReceived();
        const outcrop::testing::OutcropRun result = run({ QStringLiteral("--export"), path, QStringLiteral("--page-size"), QStringLiteral("7") });
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QStringList exported = arnsOfCsv(file.readAll());
        QCOMPARE(QSet<QString>(exported.begin(), exported.end()).size(), exported.size());   // no row twice
        QStringList sortedExported = exported;
        QStringList expected = simulatorArns();
        sortedExported.sort();
        expected.sort();
        QCOMPARE(sortedExported, expected);   // and none missing
        // The faults did happen: 18 pages took far more requests than 18.
        QVERIFY2(m_simulator->requestsReceived() - before >= 25,
                 qPrintable(QString::number(m_simulator->requestsReceived() - before)));
        QVERIFY(leftovers().isEmpty());
    }

    void retriesRunningOutPartWayIsReportedHonestly()
    {
        const QString path = m_home.filePath(QStringLiteral("partial.csv"));
        // A few pages get through, then every request fails for the rest of the run.
        QTimer watch;
        failEveryRequestAfter(*m_simulator, 8, watch);
        const outcrop::testing::OutcropRun result = run({ QStringLiteral("--export"), path, QStringLiteral("--page-size"), QStringLiteral("7") });
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains(QLatin1String("internal error")), qPrintable(result.err));
        // No file at all: nothing that could be taken for a complete export, and no temporary one.
        QVERIFY(!QFile::exists(path));
        QVERIFY(leftovers().isEmpty());
    }

    void retriesRunningOutKeepsThePreviousExport()
    {
        const QString path = m_home.filePath(QStringLiteral("previous.csv"));
        QFile previous(path);
        QVERIFY(previous.open(QIODevice::WriteOnly));
        previous.write("the previous export\n");
        previous.close();
        m_simulator->faults().setSettings(faulttest::everyRequestFails());
        const outcrop::testing::OutcropRun result = run({ QStringLiteral("--export"), path });
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(!result.err.trimmed().isEmpty(), "no message");
        QVERIFY(previous.open(QIODevice::ReadOnly));
        QCOMPARE(previous.readAll(), QByteArrayLiteral("the previous export\n"));
        QVERIFY(leftovers().isEmpty());
    }

    void streamingToStandardOutputSaysItIsIncomplete()
    {
        QTimer watch;
        failEveryRequestAfter(*m_simulator, 8, watch);
        const outcrop::testing::OutcropRun result = run({ QStringLiteral("--export"), QStringLiteral("-"), QStringLiteral("--page-size"), QStringLiteral("7") });
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains(QLatin1String("incomplete")), qPrintable(result.err));
    }
};

QTEST_GUILESS_MAIN(TestFaultExport)
#include "tst_faultexport.moc"
