// SPDX-License-Identifier: Apache-2.0
// OverviewWidget and its CreationHistogram: bars per month/week/day of the loaded rows, kept up
// to date incrementally (checked against a fresh count), chips that emit statusClicked, and
// painting that survives any size and an empty model.

#include "guitestsupport.h"

#include "creationhistogram.h"
#include "deploymenttablemodel.h"
#include "overviewwidget.h"
#include "statuscounts.h"

#include <QSignalSpy>
#include <QTest>

using namespace outcrop;
using namespace outcrop::gui;
using namespace outcrop::gui::test;
using Model = DeploymentTableModel;
using Bucket = CreationHistogram::Bucket;
using Granularity = CreationHistogram::Granularity;

namespace {

// Noon UTC: the same local day in any time zone within 11 hours of UTC.
sim::SimData sampleData()
{
    sim::SimData data;
    data.deployments = {
        makeDeployment(QStringLiteral("j1"), QStringLiteral("jan-a"), QStringLiteral("Active"), utc(2025, 1, 10)),
        makeDeployment(QStringLiteral("j2"), QStringLiteral("jan-f"), QStringLiteral("Failed"), utc(2025, 1, 20),
                       QStringLiteral("Insufficient capacity")),
        makeDeployment(QStringLiteral("m1"), QStringLiteral("mar-a"), QStringLiteral("Active"), utc(2025, 3, 5)),
        makeDeployment(QStringLiteral("u1"), QStringLiteral("jun-c"), QStringLiteral("Creating"), utc(2025, 6, 1)),
        makeDeployment(QStringLiteral("u2"), QStringLiteral("jun-d"), QStringLiteral("Deleting"), utc(2025, 6, 2)),
        makeDeployment(QStringLiteral("s1"), QStringLiteral("sep-a"), QStringLiteral("Active"), utc(2025, 9, 15)),
    };
    return data;
}

QString describe(const QList<Bucket> &buckets)
{
    QStringList parts;
    for (const Bucket &bucket : buckets) {
        QStringList counts;
        for (auto it = bucket.counts.cbegin(); it != bucket.counts.cend(); ++it) {
            if (it.value() != 0) {
                counts.append(it.key() + QLatin1Char('=') + QString::number(it.value()));
            }
        }
        counts.sort();
        parts.append(bucket.first.toString(Qt::ISODate) + QLatin1Char('/') + bucket.last.toString(Qt::ISODate)
                     + QLatin1Char('[') + counts.join(QLatin1Char(',')) + QLatin1Char(']'));
    }
    return parts.join(QLatin1Char(' '));
}

// The incremental histogram must equal one counted from scratch over the model.
bool matchesFreshCount(const CreationHistogram &incremental, Model &model)
{
    CreationHistogram fresh;
    fresh.setModel(&model);
    if (describe(fresh.buckets()) != describe(incremental.buckets())) {
        qWarning() << "incremental" << describe(incremental.buckets()) << "\nfresh" << describe(fresh.buckets());
        return false;
    }
    return true;
}

} // namespace

class TestOverview : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void granularityFollowsTheSpan();
    void bucketsCountLoadedRowsPerMonth();
    void followsPagesChangesAndRemovalsIncrementally();
    void sharedCountsAndPartialMarker();
    void chipsEmitStatusClicked();
    void paintsAtAnySizeAndWhenEmpty();

private:
    void load(int pageSize = 100);

    std::unique_ptr<SimFixture> m_sim;
    std::unique_ptr<Model> m_model;
};

void TestOverview::init()
{
    m_sim = std::make_unique<SimFixture>(quietConfig(0));
    m_sim->simulator.store().load(sampleData());
    m_model = std::make_unique<Model>();
}

void TestOverview::cleanup()
{
    m_model.reset();
    m_sim.reset();
}

void TestOverview::load(int pageSize)
{
    m_model->setPageSize(pageSize);
    m_model->setClient(m_sim->client());
    m_model->loadAll();
    QTRY_VERIFY_WITH_TIMEOUT(!m_model->hasMore() && !m_model->isLoading() && m_model->rowCount() == 6, 10000);
}

void TestOverview::granularityFollowsTheSpan()
{
    QCOMPARE(CreationHistogram::granularityForSpan(0), Granularity::Day);
    QCOMPARE(CreationHistogram::granularityForSpan(CreationHistogram::maxDaySpan), Granularity::Day);
    QCOMPARE(CreationHistogram::granularityForSpan(CreationHistogram::maxDaySpan + 1), Granularity::Week);
    QCOMPARE(CreationHistogram::granularityForSpan(CreationHistogram::maxWeekSpan), Granularity::Week);
    QCOMPARE(CreationHistogram::granularityForSpan(CreationHistogram::maxWeekSpan + 1), Granularity::Month);
    // Weeks start on Monday; 2025-06-01 is a Sunday.
    QCOMPARE(CreationHistogram::bucketStart(QDate(2025, 6, 1), Granularity::Week), QDate(2025, 5, 26));
    QCOMPARE(CreationHistogram::bucketStart(QDate(2025, 6, 2), Granularity::Week), QDate(2025, 6, 2));
    QCOMPARE(CreationHistogram::bucketStart(QDate(2025, 6, 17), Granularity::Month), QDate(2025, 6, 1));
}

void TestOverview::bucketsCountLoadedRowsPerMonth()
{
    OverviewWidget overview;
    overview.setModel(m_model.get());
    load();
    // The widget catches up by itself on its coalescing timer.
    QTRY_COMPARE(overview.buckets().size(), 9);
    QCOMPARE(overview.granularity(), Granularity::Month);
    const QList<Bucket> &buckets = overview.buckets();
    QCOMPARE(buckets.first().first, QDate(2025, 1, 1));
    QCOMPARE(buckets.last().last, QDate(2025, 9, 30));
    QCOMPARE(buckets.at(0).counts.value(QStringLiteral("Active")), 1);
    QCOMPARE(buckets.at(0).counts.value(QStringLiteral("Failed")), 1);
    QCOMPARE(buckets.at(0).total, 2);
    QCOMPARE(buckets.at(1).total, 0);   // February: an empty bucket keeps the time axis
    QCOMPARE(buckets.at(2).counts.value(QStringLiteral("Active")), 1);
    QCOMPARE(buckets.at(5).counts.value(QStringLiteral("Creating")), 1);
    QCOMPARE(buckets.at(5).counts.value(QStringLiteral("Deleting")), 1);
    QCOMPARE(buckets.at(8).counts.value(QStringLiteral("Active")), 1);
    int total = 0;
    for (const Bucket &bucket : buckets) {
        total += bucket.total;
    }
    QCOMPARE(total, 6);
    QCOMPARE(overview.chipKeys(), (QStringList{QStringLiteral("Creating"), QStringLiteral("Active"),
                                               QStringLiteral("Failed"), QStringLiteral("Deleting")}));
    const QString description = overview.accessibleDescription();
    QVERIFY2(description.contains(QStringLiteral("Active 3")) && description.contains(QStringLiteral("Deleting 1")),
             qPrintable(description));
    QVERIFY(overview.emptyStateText().isEmpty());
}

void TestOverview::followsPagesChangesAndRemovalsIncrementally()
{
    CreationHistogram histogram;
    histogram.setModel(m_model.get());
    QCOMPARE(histogram.buckets().size(), 0);
    int pagesChecked = 0;
    bool allMatched = true;
    connect(m_model.get(), &Model::rowsLoaded, this, [&] {
        ++pagesChecked;
        allMatched = allMatched && matchesFreshCount(histogram, *m_model);
    });
    // Newest first, two per page: September + June, then the span grows page by page.
    m_model->setPageSize(2);
    m_model->setClient(m_sim->client());
    QTRY_COMPARE_WITH_TIMEOUT(m_model->rowCount(), 2, 10000);
    QCOMPARE(histogram.granularity(), Granularity::Week);   // 2 June to 15 September: 105 days
    QCOMPARE(histogram.datedRows(), 2);
    m_model->loadAll();
    QTRY_VERIFY_WITH_TIMEOUT(!m_model->hasMore() && !m_model->isLoading() && m_model->rowCount() == 6, 10000);
    QCOMPARE(histogram.granularity(), Granularity::Month);
    QCOMPARE(pagesChecked, 3);
    QVERIFY(allMatched);

    // A status change moves a deployment between stacks (dataChanged).
    m_model->setHighlightDuration(200);
    auto &store = m_sim->simulator.store();
    // Deleting for 3 s: the refresh's first page must reach the simulator before it ends, also on
    // a loaded machine (the wait for the removal below allows 10 s).
    store.setTimings({3600 * 1000, 3000, 3600 * 1000});
    const QString septemberArn = deploymentArn(QStringLiteral("s1"));
    store.beginDelete(septemberArn);
    QSignalSpy refreshed(m_model.get(), &Model::refreshed);
    QSignalSpy changed(&histogram, &CreationHistogram::changed);
    QVERIFY(m_model->refresh());
    QVERIFY(refreshed.wait(10000));
    QVERIFY(changed.count() > 0);
    QCOMPARE(histogram.buckets().last().counts.value(QStringLiteral("Deleting")), 1);
    QCOMPARE(histogram.buckets().last().counts.value(QStringLiteral("Active")), 0);
    QVERIFY(matchesFreshCount(histogram, *m_model));

    // Gone: shown as removed (no longer counted), then removed. The span shrinks to January to
    // June (143 days), so the buckets become weeks.
    QTRY_VERIFY_WITH_TIMEOUT(store.findDeployment(septemberArn) == nullptr, 10000);
    QVERIFY(m_model->refresh());
    QVERIFY(refreshed.wait(10000));
    QCOMPARE(histogram.datedRows(), 5);
    QCOMPARE(histogram.granularity(), Granularity::Week);
    QCOMPARE(histogram.buckets().last().first, QDate(2025, 6, 2));
    QVERIFY(matchesFreshCount(histogram, *m_model));
    QTRY_COMPARE_WITH_TIMEOUT(m_model->rowCount(), 5, 5000);
    QCOMPARE(histogram.datedRows(), 5);
    QVERIFY(matchesFreshCount(histogram, *m_model));

    // A reset (new query) starts over.
    bedrock::DeploymentQuery query;
    query.statusEquals = QStringLiteral("Failed");
    m_model->setQuery(query);
    QTRY_VERIFY_WITH_TIMEOUT(!m_model->isLoading() && m_model->rowCount() == 1, 10000);
    QCOMPARE(histogram.datedRows(), 1);
    QCOMPARE(histogram.granularity(), Granularity::Day);
    QCOMPARE(histogram.buckets().size(), 1);
}

void TestOverview::sharedCountsAndPartialMarker()
{
    StatusCounts counts;
    counts.setModel(m_model.get());
    OverviewWidget overview;
    overview.setStatusCounts(&counts);
    overview.setModel(m_model.get());
    m_model->setPageSize(2);
    m_model->setClient(m_sim->client());
    QTRY_VERIFY_WITH_TIMEOUT(m_model->rowCount() == 2 && !m_model->isLoading(), 10000);
    overview.flushPendingUpdate();
    QVERIFY2(overview.accessibleDescription().startsWith(QStringLiteral("2+ deployments (loaded so far)")),
             qPrintable(overview.accessibleDescription()));
    m_model->loadAll();
    QTRY_VERIFY_WITH_TIMEOUT(!m_model->hasMore() && !m_model->isLoading() && m_model->rowCount() == 6, 10000);
    // No flush: the coalescing timer catches up.
    QTRY_VERIFY(overview.accessibleDescription().startsWith(QStringLiteral("6 deployments:")));
    QVERIFY2(overview.accessibleDescription().contains(QStringLiteral("Active 3")), qPrintable(overview.accessibleDescription()));
    QCOMPARE(overview.chipKeys(), counts.statusKeys());
}

void TestOverview::chipsEmitStatusClicked()
{
    load();
    OverviewWidget overview;
    overview.setModel(m_model.get());
    overview.resize(900, overview.sizeHint().height());
    overview.show();
    QVERIFY(QTest::qWaitForWindowExposed(&overview));
    QSignalSpy clicked(&overview, &OverviewWidget::statusClicked);

    const QRect failed = overview.chipRect(QStringLiteral("Failed"));
    QVERIFY(!failed.isEmpty());
    QVERIFY(overview.rect().contains(failed));
    QTest::mouseClick(&overview, Qt::LeftButton, {}, failed.center());
    QCOMPARE(clicked.count(), 1);
    QCOMPARE(clicked.at(0).at(0).toString(), QStringLiteral("Failed"));

    // Clicking the active status again means all statuses.
    overview.setActiveStatus(QStringLiteral("Failed"));
    QTest::mouseClick(&overview, Qt::LeftButton, {}, overview.chipRect(QStringLiteral("Failed")).center());
    QCOMPARE(clicked.count(), 2);
    QCOMPARE(clicked.at(1).at(0).toString(), QString());

    // Nothing happens between the chips or on the bars.
    QTest::mouseClick(&overview, Qt::LeftButton, {}, QPoint(overview.width() - 10, overview.height() / 2));
    QCOMPARE(clicked.count(), 2);

    // Keyboard: Home, Right, Space picks the second chip.
    overview.setFocus();
    QTest::keyClick(&overview, Qt::Key_Home);
    QTest::keyClick(&overview, Qt::Key_Right);
    QTest::keyClick(&overview, Qt::Key_Space);
    QCOMPARE(clicked.count(), 3);
    QCOMPARE(clicked.at(2).at(0).toString(), overview.chipKeys().at(1));
}

void TestOverview::paintsAtAnySizeAndWhenEmpty()
{
    OverviewWidget unset;   // no model at all
    QCOMPARE(unset.emptyStateText(), QStringLiteral("No deployments loaded"));
    QVERIFY(unset.accessibleDescription().contains(QStringLiteral("No deployments loaded")));
    QVERIFY(!unset.accessibleName().isEmpty());
    QVERIFY(!unset.grab().isNull());

    Model empty;   // a model without a client: no rows
    OverviewWidget overview;
    overview.setModel(&empty);
    QVERIFY(overview.buckets().isEmpty());
    QCOMPARE(overview.emptyStateText(), QStringLiteral("No deployments loaded"));
    QCOMPARE(overview.chipKeys().size(), 3);
    const QSize hint = overview.sizeHint();
    QVERIFY(hint.height() >= overview.fontMetrics().height() * 4);
    for (const QSize size : {QSize(1, 1), QSize(12, 8), QSize(60, 20), QSize(200, 40), QSize(hint.width() / 3, hint.height()),
                             hint}) {
        overview.resize(size);
        QVERIFY(!overview.grab().isNull());
    }

    overview.setModel(m_model.get());
    load();
    overview.flushPendingUpdate();
    QVERIFY(overview.emptyStateText().isEmpty());
    for (const QSize size : {QSize(1, 1), QSize(12, 8), QSize(60, 20), QSize(200, 40), hint, QSize(4000, 300)}) {
        overview.resize(size);
        QVERIFY(!overview.grab().isNull());
    }
    // Wide enough for the strip: the chips stay inside the widget.
    overview.resize(hint);
    QVERIFY(!overview.grab().isNull());
    for (const QString &key : overview.chipKeys()) {
        QVERIFY2(overview.rect().contains(overview.chipRect(key)), qPrintable(key));
    }
}

QTEST_MAIN(TestOverview)
#include "tst_overview.moc"
