// SPDX-License-Identifier: Apache-2.0
// Several (account, region) sources in one simulator process: outcrop-sim --source, each on its
// own port with data of its own, and the rows of each carrying its account and region.
#include "simcommandline.h"
#include "simulatorset.h"

#include <QSet>
#include <QTest>

using namespace outcrop::sim;

class TestSimSources : public QObject
{
    Q_OBJECT

private slots:
    void commandLineSources()
    {
        const SimCommandLine::Result result = SimCommandLine::parse(
            {QStringLiteral("outcrop-sim"), QStringLiteral("--source"), QStringLiteral("111111111111:us-east-1"),
             QStringLiteral("--source"), QStringLiteral("222222222222:us-west-2"), QStringLiteral("--port"),
             QStringLiteral("4100")});
        QVERIFY2(result.error.isEmpty(), qPrintable(result.error));
        QCOMPARE(result.sources.size(), 2);
        QCOMPARE(result.sources.at(1).accountId, QStringLiteral("222222222222"));
        QCOMPARE(result.sources.at(1).region, QStringLiteral("us-west-2"));
        const SimConfig second = SimulatorSet::configFor(result.config, result.sources.at(1), 1);
        QCOMPARE(second.port, quint16(4101));
        QCOMPARE(second.seed, result.config.seed + 1);
    }

    void badSourcesAreNamed_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("error");
        QTest::newRow("no colon") << QStringList{QStringLiteral("--source"), QStringLiteral("111111111111")}
                                  << QStringLiteral("--source: expected ACCOUNT:REGION");
        QTest::newRow("short account") << QStringList{QStringLiteral("--source"), QStringLiteral("1234:us-east-1")}
                                       << QStringLiteral("--source: expected ACCOUNT:REGION");
        QTest::newRow("with --account")
            << QStringList{QStringLiteral("--source"), QStringLiteral("111111111111:us-east-1"), QStringLiteral("--account"),
                           QStringLiteral("222222222222")}
            << QStringLiteral("--source: not with");
    }

    void badSourcesAreNamed()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, error);
        const SimCommandLine::Result result = SimCommandLine::parse(QStringList{QStringLiteral("outcrop-sim")} + arguments);
        QVERIFY2(result.error.startsWith(error), qPrintable(result.error));
    }

    void eachSourceOnItsOwnPortWithItsOwnData()
    {
        SimConfig base;
        base.count = 50;
        SimulatorSet set(base, {{QStringLiteral("111111111111"), QStringLiteral("us-east-1")},
                                {QStringLiteral("222222222222"), QStringLiteral("us-west-2")},
                                {QStringLiteral("333333333333"), QStringLiteral("eu-west-1")}});
        QVERIFY2(set.start(), qPrintable(set.errorString()));
        QSet<quint16> ports;
        QSet<qint64> times;
        for (int i = 0; i < set.size(); ++i) {
            ports.insert(set.simulator(i)->port());
            const auto &rows = set.simulator(i)->store().deploymentsByCreation();
            QCOMPARE(int(rows.size()), 50);
            for (const auto &row : rows) {
                QVERIFY(row->data.arn.startsWith(QStringLiteral("arn:aws:bedrock:") + set.source(i).region + u':'
                                                 + set.source(i).accountId + u':'));
                times.insert(row->data.createdAt.toMSecsSinceEpoch());
            }
        }
        QCOMPARE(ports.size(), 3);
        QVERIFY(times.size() > 140);   // different seeds: different data, interleaved in time
    }
};

QTEST_GUILESS_MAIN(TestSimSources)
#include "tst_simsources.moc"
