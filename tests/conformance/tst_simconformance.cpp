// SPDX-License-Identifier: Apache-2.0
// Holds the simulator true to AWS with the official AWS SDK for JavaScript: starts outcrop-sim
// processes (read-only, mutations, a lost Create reply, forced errors, clocks off by an hour
// either way) on one data file and runs sim-conformance.mjs (node:test) against them; one more
// with roles runs
// sts-conformance.mjs (@aws-sdk/client-sts). The SDK must be able to sign for the simulator and
// parse every reply; node's output explains any failure.
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

    // Runs a node:test script with `setup` as JSON in the variable `setupVariable`, and fails with
    // node's output and the simulators' logs unless more than `minimumPassed` cases pass and none fails.
    void runNodeScript(const QString &script, const QString &setupVariable, const QJsonObject &setup,
                       const QStringList &simulatorNames, int minimumPassed)
    {
        QProcess node;
        dieWithParent(node);
        QProcessEnvironment env;
        env.insert(QStringLiteral("PATH"), QFileInfo(m_node).absolutePath() + QStringLiteral(":/usr/bin:/bin"));
        env.insert(QStringLiteral("HOME"), m_dir.path());
        // No shared config, instance metadata or proxy of the machine may reach the SDK.
        env.insert(QStringLiteral("AWS_EC2_METADATA_DISABLED"), QStringLiteral("true"));
        env.insert(QStringLiteral("AWS_CONFIG_FILE"), m_dir.filePath(QStringLiteral("no-config")));
        env.insert(QStringLiteral("AWS_SHARED_CREDENTIALS_FILE"), m_dir.filePath(QStringLiteral("no-credentials")));
        env.insert(setupVariable, QString::fromUtf8(QJsonDocument(setup).toJson(QJsonDocument::Compact)));
        node.setProcessEnvironment(env);
        node.setWorkingDirectory(kConformanceDir);
        node.setProcessChannelMode(QProcess::MergedChannels);
        QSignalSpy finished(&node, &QProcess::finished);
        node.start(m_node, {QStringLiteral("--test"), QStringLiteral("--test-reporter=spec"),
                            kConformanceDir + QLatin1Char('/') + script});
        QVERIFY2(node.waitForStarted(kStartTimeoutMs), qPrintable(node.errorString()));
        // The event loop runs while waiting, so node's output never stalls in its pipe.
        const bool done = finished.wait(kNodeTimeoutMs);
        if (!done) {
            node.kill();
            node.waitForFinished(5000);
        }
        const QString output = QString::fromUtf8(node.readAll());
        if (!done || node.exitStatus() != QProcess::NormalExit || node.exitCode() != 0) {
            QString logs;
            for (const QString &name : simulatorNames) {
                logs += QStringLiteral("--- outcrop-sim %1 stderr:\n%2").arg(name, simulatorLog(name));
            }
            qWarning().noquote() << output << logs;
            QFAIL(qPrintable(script + (done ? QStringLiteral(" failed (its output is above)") : QStringLiteral(" timed out"))));
        }
        // The summary lines of node:test, for the log.
        qInfo().noquote() << output.section(QStringLiteral("\n"), -9);
        // node:test's own count, so a script that ran no case cannot pass.
        const QRegularExpressionMatch passed =
            QRegularExpression(QStringLiteral("^\\S+ pass (\\d+)$"), QRegularExpression::MultilineOption).match(output);
        QVERIFY2(passed.hasMatch() && passed.captured(1).toInt() > minimumPassed, qPrintable(output.right(2000)));
        QVERIFY(output.contains(QRegularExpression(QStringLiteral("^\\S+ fail 0$"), QRegularExpression::MultilineOption)));
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

    // STS: AssumeRole and GetCallerIdentity through @aws-sdk/client-sts (sts-conformance.mjs).
    void stsSdkDrivesTheSimulator()
    {
        const QString account = QStringLiteral("arn:aws:iam::123456789012:");
        const QString plainRole = account + QStringLiteral("role/plain");
        const QString partnerRole = account + QStringLiteral("role/partner");
        const QString guardedRole = account + QStringLiteral("role/guarded");
        const QString longRole = account + QStringLiteral("role/long");
        const QString externalId = QStringLiteral("partner-ext-42");
        const QString mfaSerial = account + QStringLiteral("mfa/alice");
        const QString mfaCode = QStringLiteral("271828");
        const QString url = startSimulator(QStringLiteral("sts"), {
            QStringLiteral("--role"), plainRole,
            QStringLiteral("--role"), partnerRole + u':' + externalId,
            QStringLiteral("--role"), guardedRole,
            QStringLiteral("--role-mfa"), guardedRole + u':' + mfaSerial + u':' + mfaCode,
            QStringLiteral("--role"), longRole,
            QStringLiteral("--role-max-duration"), longRole + QStringLiteral(":7200"),
            QStringLiteral("--credential"), QStringLiteral("ASIAEXPIRED:expired-secret:expired-token:2020-01-01T00:00:00Z"),
        });
        QVERIFY(!url.isEmpty());
        QTemporaryDir scratch;
        QVERIFY(scratch.isValid());
        const QJsonObject setup{
            {QStringLiteral("url"), url},
            {QStringLiteral("plainRole"), plainRole},
            {QStringLiteral("partnerRole"), partnerRole},
            {QStringLiteral("guardedRole"), guardedRole},
            {QStringLiteral("longRole"), longRole},
            {QStringLiteral("externalId"), externalId},
            {QStringLiteral("mfaSerial"), mfaSerial},
            {QStringLiteral("mfaCode"), mfaCode},
            {QStringLiteral("expiredKey"), key(QStringLiteral("ASIAEXPIRED"), QStringLiteral("expired-secret"), QStringLiteral("expired-token"))},
            {QStringLiteral("scratchDir"), scratch.path()},
        };
        runNodeScript(QStringLiteral("sts-conformance.mjs"), QStringLiteral("OUTCROP_STS_SETUP"), setup,
                      {QStringLiteral("sts")}, 10);
    }

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
        // Long Creating/Deleting/Updating phases, so the states the script checks cannot move on meanwhile.
        const QString mutations = startSimulator(QStringLiteral("mutations"), {
            QStringLiteral("--creating-ms"), QStringLiteral("600000"),
            QStringLiteral("--deleting-ms"), QStringLiteral("600000"),
            QStringLiteral("--updating-ms"), QStringLiteral("600000"),
        });
        QVERIFY(!mutations.isEmpty());
        // Carries out the first Create, then resets the connection before replying.
        const QString lostReply = startSimulator(QStringLiteral("lost-reply"), {
            QStringLiteral("--lost-reply"), QStringLiteral("CreateCustomModelDeployment:1"),
        });
        QVERIFY(!lostReply.isEmpty());
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
            {QStringLiteral("lostReply"), lostReply},
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

        runNodeScript(QStringLiteral("sim-conformance.mjs"), QStringLiteral("OUTCROP_SIM_SETUP"), setup,
                      {QStringLiteral("read-only"), QStringLiteral("mutations"), QStringLiteral("lost-reply"),
                       QStringLiteral("errors"), QStringLiteral("ahead"), QStringLiteral("behind")},
                      50);
    }
};

QTEST_GUILESS_MAIN(TestSimConformance)
#include "tst_simconformance.moc"
