// SPDX-License-Identifier: Apache-2.0
// `outcrop --export` over several sources: two profiles whose endpoint_url names two different
// simulators (two accounts, two regions), and the cross product of --profile and --region.
#include "simulatorset.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace outcrop;

namespace {

struct RunResult
{
    int exitCode = -1;
    QByteArray out;
    QString err;
};

struct CsvRow
{
    QString arn;
    QString createdAt;
    QString account;
    QString region;
};

// RFC 4180: fields separated by commas, rows by CRLF, a field in quotes when it holds a comma, a
// quote or a line break (failure messages do). Columns:
// name,arn,modelArn,status,createdAt,lastUpdatedAt,failureMessage,account,region.
QList<CsvRow> readCsv(const QByteArray &csv)
{
    QList<QStringList> records;
    QStringList record;
    QByteArray field;
    bool quoted = false;
    for (qsizetype i = 0; i < csv.size(); ++i) {
        const char c = csv.at(i);
        if (quoted) {
            if (c == '"' && i + 1 < csv.size() && csv.at(i + 1) == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            record.append(QString::fromUtf8(field));
            field.clear();
        } else if (c == '\n') {
            record.append(QString::fromUtf8(field));
            field.clear();
            records.append(record);
            record.clear();
        } else if (c != '\r') {
            field += c;
        }
    }
    QList<CsvRow> rows;
    for (const QStringList &fields : std::as_const(records)) {
        if (fields.size() == 9 && fields.at(1).startsWith(QStringLiteral("arn:"))) {
            rows.append({fields.at(1), fields.at(4), fields.at(7), fields.at(8)});
        }
    }
    return rows;
}

} // namespace

class TestMultiSourceExport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    std::unique_ptr<sim::SimulatorSet> m_simulators;

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS"}) {
            env.remove(QString::fromLatin1(name));
        }
        env.insert(QStringLiteral("HOME"), m_home.path());
        for (const char *name : {"AWS_PROFILE", "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_ENDPOINT_URL"}) {
            env.remove(QString::fromLatin1(name));
        }
        return env;
    }

    RunResult run(const QStringList &arguments)
    {
        QProcess process;
        process.setProcessEnvironment(environment());
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(QStringLiteral(OUTCROP_EXECUTABLE), arguments);
        if (!finished.wait(60000)) {
            process.kill();
            process.waitForFinished();
        }
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                process.readAllStandardOutput(), QString::fromUtf8(process.readAllStandardError())};
    }

    // Every deployment of the simulators given, newest first.
    QList<CsvRow> expectedRows(const QList<int> &sources) const
    {
        QList<std::pair<qint64, CsvRow>> all;
        for (int source : sources) {
            for (const auto &stored : m_simulators->simulator(source)->store().deploymentsByCreation()) {
                all.append({stored->data.createdAt.toMSecsSinceEpoch(),
                            {stored->data.arn, {}, m_simulators->source(source).accountId,
                             m_simulators->source(source).region}});
            }
        }
        std::stable_sort(all.begin(), all.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
        QList<CsvRow> rows;
        for (const auto &entry : all) {
            rows.append(entry.second);
        }
        return rows;
    }

private slots:
    void initTestCase()
    {
        sim::SimConfig base;
        base.count = 140;
        m_simulators = std::make_unique<sim::SimulatorSet>(
            base, QList<sim::SimSource>{{QStringLiteral("111111111111"), QStringLiteral("us-east-1")},
                                        {QStringLiteral("222222222222"), QStringLiteral("us-west-2")},
                                        {QStringLiteral("333333333333"), QStringLiteral("eu-west-1")}});
        QVERIFY2(m_simulators->start(), qPrintable(m_simulators->errorString()));
        // The third simulator is empty: a source with nothing to list.
        m_simulators->simulator(2)->store().load({});
        QVERIFY(QDir().mkpath(m_home.filePath(QStringLiteral(".aws"))));
        QFile config(m_home.filePath(QStringLiteral(".aws/config")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        const auto profile = [this](const char *name, int source) {
            return QStringLiteral("[profile %1]\nregion = %2\nendpoint_url = %3\n\n")
                .arg(QLatin1String(name), m_simulators->source(source).region,
                     m_simulators->simulator(source)->serverUrl().toString())
                .toUtf8();
        };
        config.write(profile("east", 0) + profile("west", 1) + profile("empty", 2));
        config.close();
        // A chosen profile skips the environment's keys (as the JS SDK does): each has its own.
        QFile credentials(m_home.filePath(QStringLiteral(".aws/credentials")));
        QVERIFY(credentials.open(QIODevice::WriteOnly));
        for (const char *name : {"east", "west", "empty"}) {
            credentials.write(QByteArray("[") + name
                              + "]\naws_access_key_id = AKIDEXAMPLE\n"
                                "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY\n\n");
        }
    }

    void twoProfilesReachTwoServersInOneCreationOrder()
    {
        const QString path = m_home.filePath(QStringLiteral("both.csv"));
        const RunResult result = run({QStringLiteral("--export"), path, QStringLiteral("--profile"),
                                      QStringLiteral("east"), QStringLiteral("--profile"), QStringLiteral("west"),
                                      QStringLiteral("--profile"), QStringLiteral("empty"),
                                      QStringLiteral("--page-size"), QStringLiteral("30")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<CsvRow> rows = readCsv(file.readAll());
        const QList<CsvRow> expected = expectedRows({0, 1});
        QCOMPARE(rows.size(), expected.size());
        for (int i = 0; i < rows.size(); ++i) {
            QCOMPARE(rows.at(i).arn, expected.at(i).arn);
            QCOMPARE(rows.at(i).account, expected.at(i).account);
            QCOMPARE(rows.at(i).region, expected.at(i).region);
        }
        for (int i = 1; i < rows.size(); ++i) {
            QVERIFY(rows.at(i - 1).createdAt >= rows.at(i).createdAt);   // RFC 3339 UTC sorts as text
        }
    }

    void ascendingAcrossSources()
    {
        const RunResult result = run({QStringLiteral("--export"), QStringLiteral("-"), QStringLiteral("--profile"),
                                      QStringLiteral("west"), QStringLiteral("--profile"), QStringLiteral("east"),
                                      QStringLiteral("--sort-order"), QStringLiteral("ascending")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        const QList<CsvRow> rows = readCsv(result.out);
        QCOMPARE(rows.size(), 280);
        for (int i = 1; i < rows.size(); ++i) {
            QVERIFY(rows.at(i - 1).createdAt <= rows.at(i).createdAt);
        }
    }

    // --profile east --region us-east-1 --region us-west-2: the same endpoint (east's) in two
    // regions; the simulator there serves us-east-1 only, so the second source fails, and the
    // export says which one and leaves no file.
    void aFailingSourceFailsTheExportNamingIt()
    {
        const QString path = m_home.filePath(QStringLiteral("cross.csv"));
        const RunResult result = run({QStringLiteral("--export"), path, QStringLiteral("--profile"),
                                      QStringLiteral("east"), QStringLiteral("--region"), QStringLiteral("us-east-1"),
                                      QStringLiteral("--region"), QStringLiteral("us-west-2")});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains(QStringLiteral("east · us-west-2")), qPrintable(result.err));
        QVERIFY(!QFile::exists(path));
        QVERIFY(!result.err.contains(QLatin1String("wJalrXUtnFEMI")));
    }

    void anUnresolvableSourceIsNamed()
    {
        const RunResult result = run({QStringLiteral("--export"), QStringLiteral("-"), QStringLiteral("--profile"),
                                      QStringLiteral("east"), QStringLiteral("--profile"), QStringLiteral("missing")});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains(QStringLiteral("missing")), qPrintable(result.err));
        QVERIFY(result.out.isEmpty());
    }

    void demoWithTwoRegions()
    {
        const RunResult result = run({QStringLiteral("--demo"), QStringLiteral("--demo-count"), QStringLiteral("40"),
                                      QStringLiteral("--region"), QStringLiteral("us-east-1"), QStringLiteral("--region"),
                                      QStringLiteral("us-west-2"), QStringLiteral("--export"), QStringLiteral("-")});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        const QList<CsvRow> rows = readCsv(result.out);
        QVERIFY(rows.size() >= 80);   // the demo's activity may have created a few more
        QSet<QString> regions;
        for (const CsvRow &row : rows) {
            regions.insert(row.region);
        }
        QCOMPARE(regions, QSet<QString>({QStringLiteral("us-east-1"), QStringLiteral("us-west-2")}));
    }
};

QTEST_GUILESS_MAIN(TestMultiSourceExport)
#include "tst_multisourceexport.moc"
