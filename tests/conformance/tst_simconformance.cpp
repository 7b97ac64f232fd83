// SPDX-License-Identifier: Apache-2.0
// Holds the simulator true to AWS with the official AWS SDK for JavaScript: starts outcrop-sim
// processes (read-only, mutations, forced errors, clocks off by an hour either way) on one data
// file and runs sim-conformance.mjs (node:test) against them. The SDK must be able to sign for the
// simulator and parse every reply; node's output explains any failure.
#include "conformancesupport.h"
#include "operations.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <vector>

using namespace outcrop::sim;
using outcrop::conformance::dieWithParent;

namespace {

const QString kConformanceDir = QStringLiteral(OUTCROP_SOURCE_DIR "/tests/conformance");
const QString kSimExecutable = QStringLiteral(OUTCROP_SIM_EXECUTABLE);
constexpr int kStartTimeoutMs = 30000;
constexpr int kNodeTimeoutMs = 240000;
constexpr qint64 kClockOffsetSeconds = 3600;

QJsonObject key(const QString &accessKeyId, const QString &secretAccessKey, const QString &sessionToken = {})
{
    QJsonObject object{{QStringLiteral("accessKeyId"), accessKeyId}, {QStringLiteral("secretAccessKey"), secretAccessKey}};
    if (!sessionToken.isEmpty()) {
        object.insert(QStringLiteral("sessionToken"), sessionToken);
    }
    return object;
}

} // namespace

class TestSimConformance : public QObject
{
    Q_OBJECT

private:
    QString m_node;
    QTemporaryDir m_dir;
    QString m_dataFile;
    std::vector<std::unique_ptr<QProcess>> m_simulators;

    // Starts outcrop-sim on the data file and returns its URL from the first stdout line, or an
    // empty string (with the test failed) when it does not come up.
    QString startSimulator(const QString &name, QStringList arguments)
    {
        auto process = std::make_unique<QProcess>();
        arguments << QStringLiteral("--port") << QStringLiteral("0") << QStringLiteral("--data") << m_dataFile;
        QProcess *started = process.get();
        m_simulators.push_back(std::move(process));
        return outcrop::conformance::startSimulator(*started, kSimExecutable, arguments,
                                                    m_dir.filePath(name + QStringLiteral(".stderr")), kStartTimeoutMs);
    }

    QString simulatorLog(const QString &name) const
    {
        QFile file(m_dir.filePath(name + QStringLiteral(".stderr")));
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
    }

    void stopSimulators()
    {
        for (const auto &process : m_simulators) {
            process->kill();
            process->waitForFinished(5000);
        }
        m_simulators.clear();
    }

    // Every modelled error of every operation, once each: the node script sends one request per
    // entry, in this order, and expects the SDK's exception class for it.
    static QJsonArray forcedErrors(QStringList &arguments)
    {
        QJsonArray forced;
        for (const QString &operation : Operations::allNames()) {
            for (const QString &errorType : Operations::modelledErrors(Operations::fromName(operation))) {
                arguments << QStringLiteral("--error") << operation + u'=' + errorType + QStringLiteral(":1");
                forced.append(QJsonArray{operation, errorType});
            }
        }
        return forced;
    }

private slots:
    void initTestCase()
    {
        if (!QFileInfo::exists(kConformanceDir + QStringLiteral("/node_modules/@aws-sdk/client-bedrock"))) {
            QSKIP("tests/conformance/node_modules is missing (scripts/test installs it with npm ci)");
        }
        m_node = QStandardPaths::findExecutable(QStringLiteral("node"));
        QVERIFY2(!m_node.isEmpty(), "node is not in PATH");
        QVERIFY(m_dir.isValid());
        m_dataFile = m_dir.filePath(QStringLiteral("data.json"));

        QProcess writer;
        dieWithParent(writer);
        writer.start(kSimExecutable, {QStringLiteral("--write-data"), m_dataFile, QStringLiteral("--seed"),
                                      QStringLiteral("7"), QStringLiteral("--count"), QStringLiteral("300")});
        QVERIFY(writer.waitForFinished(kStartTimeoutMs));
        QVERIFY2(writer.exitCode() == 0, writer.readAllStandardError().constData());
        QVERIFY(QFileInfo(m_dataFile).size() > 0);
    }

    void cleanupTestCase() { stopSimulators(); }

    void sdkDrivesTheSimulator()
    {
        const QString bearerToken = QStringLiteral("bedrock-api-key-conformance");
        const QString readOnly = startSimulator(QStringLiteral("read-only"), {
            QStringLiteral("--bearer-token"), bearerToken,
            QStringLiteral("--credential"), QStringLiteral("AKIDLIMITED:limited-secret"),
            QStringLiteral("--permission"), QStringLiteral("AKIDLIMITED=ListCustomModelDeployments"),
            QStringLiteral("--credential"), QStringLiteral("ASIATEMPORARY:temporary-secret:temporary-token"),
            QStringLiteral("--credential"), QStringLiteral("ASIAEXPIRED:expired-secret:expired-token:2020-01-01T00:00:00Z"),
        });
        QVERIFY(!readOnly.isEmpty());
        // Long Creating/Deleting phases, so the states the script checks cannot move on meanwhile.
        const QString mutations = startSimulator(QStringLiteral("mutations"), {
            QStringLiteral("--creating-ms"), QStringLiteral("600000"),
            QStringLiteral("--deleting-ms"), QStringLiteral("600000"),
        });
        QVERIFY(!mutations.isEmpty());
        QStringList errorArguments;
        const QJsonArray forced = forcedErrors(errorArguments);
        const QString errors = startSimulator(QStringLiteral("errors"), errorArguments);
        QVERIFY(!errors.isEmpty());
        const QString ahead = startSimulator(QStringLiteral("ahead"),
                                             {QStringLiteral("--clock-offset"), QString::number(kClockOffsetSeconds)});
        QVERIFY(!ahead.isEmpty());
        const QString behind = startSimulator(QStringLiteral("behind"),
                                              {QStringLiteral("--clock-offset"), QString::number(-kClockOffsetSeconds)});
        QVERIFY(!behind.isEmpty());

        const QJsonObject setup{
            {QStringLiteral("dataFile"), m_dataFile},
            {QStringLiteral("readOnly"), readOnly},
            {QStringLiteral("mutations"), mutations},
            {QStringLiteral("errors"), QJsonObject{{QStringLiteral("url"), errors}, {QStringLiteral("forced"), forced}}},
            {QStringLiteral("ahead"), QJsonObject{{QStringLiteral("url"), ahead}, {QStringLiteral("offsetSeconds"), kClockOffsetSeconds}}},
            {QStringLiteral("behind"), QJsonObject{{QStringLiteral("url"), behind}, {QStringLiteral("offsetSeconds"), -kClockOffsetSeconds}}},
            {QStringLiteral("bearerToken"), bearerToken},
            {QStringLiteral("limitedKey"), QJsonObject{{QStringLiteral("accessKeyId"), QStringLiteral("AKIDLIMITED")},
                                                       {QStringLiteral("secretAccessKey"), QStringLiteral("limited-secret")},
                                                       {QStringLiteral("allowed"), QJsonArray{QStringLiteral("ListCustomModelDeployments")}}}},
            {QStringLiteral("temporaryKey"), key(QStringLiteral("ASIATEMPORARY"), QStringLiteral("temporary-secret"), QStringLiteral("temporary-token"))},
            {QStringLiteral("expiredKey"), key(QStringLiteral("ASIAEXPIRED"), QStringLiteral("expired-secret"), QStringLiteral("expired-token"))},
        };

        QProcessEnvironment env = outcrop::conformance::nodeEnvironment(m_node, m_dir.path(),
                                                                        m_dir.filePath(QStringLiteral("no-config")));
        env.insert(QStringLiteral("OUTCROP_SIM_SETUP"), QString::fromUtf8(QJsonDocument(setup).toJson(QJsonDocument::Compact)));
        const outcrop::conformance::NodeRun run = outcrop::conformance::runNodeTest(
            m_node, kConformanceDir + QStringLiteral("/sim-conformance.mjs"), kConformanceDir, env, kNodeTimeoutMs);
        const QString &output = run.output;
        if (!run.passed) {
            QString logs;
            for (const char *name : {"read-only", "mutations", "errors", "ahead", "behind"}) {
                logs += QStringLiteral("--- outcrop-sim %1 stderr:\n%2").arg(QLatin1String(name), simulatorLog(QLatin1String(name)));
            }
            qWarning().noquote() << output << logs;
            QFAIL(run.finished ? "sim-conformance.mjs failed (its output is above)" : "sim-conformance.mjs timed out");
        }
        // The summary lines of node:test, for the log.
        qInfo().noquote() << output.section(QStringLiteral("\n"), -9);
        // node:test's own count, so a script that ran no case cannot pass.
        QVERIFY2(run.passCount > 50, qPrintable(output.right(2000)));
    }
};

QTEST_GUILESS_MAIN(TestSimConformance)
#include "tst_simconformance.moc"
