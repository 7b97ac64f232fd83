// SPDX-License-Identifier: Apache-2.0
// StatusCounts: counts per status over the loaded rows, kept up to date incrementally (checked
// against a full recount after every change), partial while pages remain, blind to the proxy's
// local filters.

#include "guitestsupport.h"

#include "deploymentfilterproxy.h"
#include "deploymenttablemodel.h"
#include "statuscounts.h"

#include <QAbstractItemModelTester>
#include <QHash>
#include <QSignalSpy>
#include <QTest>

using namespace outcrop;
using namespace outcrop::gui;
using namespace outcrop::gui::test;
using Model = DeploymentTableModel;

namespace {

QHash<QString, int> recount(const Model &model)
{
    QHash<QString, int> counts;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row, 0);
        if (index.data(Model::ChangeHighlightRole).toInt() != int(Model::Change::Removed)) {
            ++counts[index.data(Model::StatusRole).toString()];
        }
    }
    return counts;
}

bool countsMatch(const StatusCounts &counts, const Model &model)
{
    const QHash<QString, int> expected = recount(model);
    int total = 0;
    for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
        if (counts.count(it.key()) != it.value()) {
            qWarning() << "count of" << it.key() << "is" << counts.count(it.key()) << "expected" << it.value();
            return false;
        }
        total += it.value();
    }
    for (const QString &key : counts.statusKeys()) {
        if (counts.count(key) != expected.value(key)) {
            qWarning() << "count of" << key << "is" << counts.count(key) << "expected" << expected.value(key);
            return false;
        }
    }
    return counts.total() == total;
}

} // namespace

class TestStatusCounts : public QObject
{
    Q_OBJECT

private slots:
    void countsLoadedRowsAndIsPartialWhilePagesRemain();
    void followsRefreshIncrementally();
    void ignoresLocalFilters();
};

void TestStatusCounts::countsLoadedRowsAndIsPartialWhilePagesRemain()
{
    SimFixture sim(quietConfig(120));
    Model model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    StatusCounts counts;
    counts.setModel(&model);
    QCOMPARE(counts.statusKeys(), (QStringList{QStringLiteral("Creating"), QStringLiteral("Active"), QStringLiteral("Failed")}));
    QCOMPARE(counts.total(), 0);
    bool sawPartial = false;
    bool allMatched = true;
    connect(&counts, &StatusCounts::countsChanged, this, [&] {
        sawPartial = sawPartial || (counts.isPartial() && counts.total() > 0);
        allMatched = allMatched && countsMatch(counts, model);
    });
    model.setPageSize(50);
    model.setClient(sim.client());
    // The tester fetches every page in turn; the counts follow each one.
    QTRY_VERIFY_WITH_TIMEOUT(!model.hasMore() && !model.isLoading(), 15000);
    QVERIFY(sawPartial);
    QVERIFY(allMatched);
    QVERIFY(!counts.isPartial());
    QCOMPARE(counts.total(), 120);
    QVERIFY(countsMatch(counts, model));
    QVERIFY(counts.count(QStringLiteral("Active")) > 0);
}

void TestStatusCounts::followsRefreshIncrementally()
{
    SimFixture sim(quietConfig(40));
    Model model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setHighlightDuration(300);
    StatusCounts counts;
    counts.setModel(&model);
    model.setClient(sim.client());
    QTRY_VERIFY_WITH_TIMEOUT(!model.hasMore() && !model.isLoading(), 15000);
    const int creating = counts.count(QStringLiteral("Creating"));
    const int activeBefore = counts.count(QStringLiteral("Active"));

    bool allMatched = true;
    connect(&counts, &StatusCounts::countsChanged, this, [&] { allMatched = allMatched && countsMatch(counts, model); });
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    auto &store = sim.simulator.store();
    // Deleting for 3 s: the refresh must see it before it ends, also on a loaded machine.
    store.setTimings({3600 * 1000, 3000, 3600 * 1000});
    store.createDeployment(QStringLiteral("counted-new"), sim.customModelArn(), {}, {}, {});
    QString activeArn;
    for (int row = 0; row < model.rowCount() && activeArn.isEmpty(); ++row) {
        if (model.deployment(row).statusText == QLatin1String("Active")) {
            activeArn = model.deployment(row).arn;
        }
    }
    QVERIFY(!activeArn.isEmpty());
    store.beginDelete(activeArn);
    QSignalSpy refreshed(&model, &Model::refreshed);
    QVERIFY(model.refresh());
    QVERIFY(refreshed.wait(10000));
    QCOMPARE(counts.count(QStringLiteral("Creating")), creating + 1);
    QCOMPARE(counts.count(QStringLiteral("Deleting")), 1);
    QCOMPARE(counts.count(QStringLiteral("Active")), activeBefore - 1);
    QVERIFY(counts.statusKeys().contains(QStringLiteral("Deleting")));

    // Gone: shown as removed (not counted), then removed.
    QTRY_VERIFY_WITH_TIMEOUT(store.findDeployment(activeArn) == nullptr, 10000);
    QVERIFY(model.refresh());
    QVERIFY(refreshed.wait(10000));
    QCOMPARE(counts.count(QStringLiteral("Deleting")), 0);
    QVERIFY(!counts.statusKeys().contains(QStringLiteral("Deleting")));
    QCOMPARE(counts.total(), 40);
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 40, 5000);
    QCOMPARE(counts.total(), 40);
    QVERIFY(allMatched);
    QCOMPARE(resets.count(), 0);
}

void TestStatusCounts::ignoresLocalFilters()
{
    SimFixture sim(quietConfig(30));
    Model model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    DeploymentFilterProxy proxy;
    proxy.setSourceModel(&model);
    StatusCounts counts;
    counts.setModel(&model);
    model.setClient(sim.client());
    QTRY_VERIFY_WITH_TIMEOUT(!model.hasMore() && !model.isLoading(), 15000);
    QSignalSpy changed(&counts, &StatusCounts::countsChanged);
    proxy.setStatusFilter({QStringLiteral("Failed")});
    proxy.setTextFilter(QStringLiteral("no such deployment"));
    QCOMPARE(proxy.rowCount(), 0);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(counts.total(), 30);
}

QTEST_MAIN(TestStatusCounts)
#include "tst_statuscounts.moc"
