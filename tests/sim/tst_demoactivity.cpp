// SPDX-License-Identifier: Apache-2.0
#include "demoactivity.h"
#include "simulator.h"

#include <QTest>

using namespace outcrop::sim;

class TestDemoActivity : public QObject
{
    Q_OBJECT

private slots:
    void theDataKeepsMoving()
    {
        SimConfig config;
        config.count = 60;
        Simulator simulator(config);
        QVERIFY(simulator.start());
        const auto statusCounts = [&simulator] {
            QMap<QString, int> counts;
            for (const auto &stored : simulator.store().deploymentsByCreation()) {
                ++counts[stored->data.status];
            }
            return counts;
        };
        const int before = simulator.store().deploymentCount();
        const int creatingBefore = statusCounts().value(QStringLiteral("Creating"));
        QVERIFY(creatingBefore > 0);
        DemoActivity activity(&simulator.store(), 7);
        for (int i = 0; i < 40; ++i) {
            activity.step();
        }
        const QMap<QString, int> after = statusCounts();
        QVERIFY(simulator.store().deploymentCount() > before);           // more created than deleted
        QVERIFY(after.value(QStringLiteral("Deleting")) > 0);            // some are going away
        // Generated deployments left Creating too (the new ones are Creating until their timer).
        const quint64 generation = simulator.store().generation();
        QVERIFY(generation > 0);
        int generatedStillCreating = 0;
        for (const auto &stored : simulator.store().deploymentsByCreation()) {
            if (stored->data.status == QLatin1String("Creating") && stored->data.description != QLatin1String("Created by the demo")) {
                ++generatedStillCreating;
            }
        }
        QVERIFY(generatedStillCreating < creatingBefore);
    }
};

QTEST_GUILESS_MAIN(TestDemoActivity)
#include "tst_demoactivity.moc"
