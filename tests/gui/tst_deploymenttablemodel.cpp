// SPDX-License-Identifier: Apache-2.0
// DeploymentTableModel against the simulator: paging (one request in flight), load all, a new
// query resets and drops older replies, refresh merges without a reset, highlights expire,
// transitional rows are polled, unknown statuses are shown as they came, custom model names,
// and the per-row bookkeeping (interned strings, rows created here) goes with the rows.

#include "guitestsupport.h"

#include "deploymentfilterproxy.h"
#include "deploymenttablemodel.h"

#include "aws/awserror.h"
#include "bedrock/custommodelnames.h"

#include <QAbstractItemModelTester>
#include <QIcon>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>

using namespace outcrop;
using namespace outcrop::gui;
using namespace outcrop::gui::test;
using Model = DeploymentTableModel;

namespace {

// Every model in these tests runs under QAbstractItemModelTester. The tester calls fetchMore()
// itself after every change, so with it attached the model keeps loading page after page: the
// tests expect that instead of single pages.
struct CheckedModel
{
    CheckedModel()
        : modelTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest)
    {
        proxy.setSourceModel(&model);
        proxyTester = std::make_unique<QAbstractItemModelTester>(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    }

    Model model;
    QAbstractItemModelTester modelTester;
    DeploymentFilterProxy proxy;
    std::unique_ptr<QAbstractItemModelTester> proxyTester;
};

QStringList modelArns(const Model &model)
{
    QStringList arns;
    for (int row = 0; row < model.rowCount(); ++row) {
        arns.append(model.index(row, 0).data(Model::ArnRole).toString());
    }
    return arns;
}

bool waitIdle(const Model &model)
{
    return QTest::qWaitFor([&] { return !model.isLoading() && !model.isRefreshing(); }, 15000);
}

// The model on the simulator's client with highlights of `highlightMs`, once its pages are loaded.
bool loadWithHighlights(Model &model, SimFixture &sim, int highlightMs)
{
    model.setHighlightDuration(highlightMs);
    model.setClient(sim.client());
    return waitIdle(model);
}

} // namespace

class TestDeploymentTableModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { qRegisterMetaType<aws::AwsError>(); }
    void pagesArriveOneRequestAtATime();
    void fetchMoreWithoutTesterLoadsOnePage();
    void loadAllLoadsEveryPage();
    void newQueryResetsAndDropsOlderReply();
    void displayAndRawValues();
    void refreshMergesWithoutReset();
    void refreshOfLongerListKeepsWindow();
    void refreshTransitionalUpdatesChangingRows();
    void customModelNamesReplaceShortNames();
    void customModelNamesFallBackWhenDenied();
    void listFailureIsReported();
    void rowBookkeepingFollowsTheRows();
};

void TestDeploymentTableModel::pagesArriveOneRequestAtATime()
{
    SimFixture sim(quietConfig(250));
    CheckedModel checked;
    Model &model = checked.model;
    QSignalSpy loaded(&model, &Model::rowsLoaded);
    model.setClient(sim.client());
    QVERIFY(model.isLoading());
    QVERIFY(!model.canFetchMore({}));   // the first page is in flight
    QVERIFY(loaded.wait(10000));
    QCOMPARE(loaded.first().first().toInt(), Model::defaultPageSize);
    QCOMPARE(model.rowCount(), 100);
    // The tester asked for the next page as soon as the rows arrived.
    QVERIFY(model.isLoading());
    QVERIFY(model.hasMore());
    QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading() && !model.hasMore(), 15000);
    QCOMPARE(model.rowCount(), 250);
    QCOMPARE(loaded.count(), 3);
    QCOMPARE(sim.simulator.maxRequestsInFlight(), 1);
    QCOMPARE(modelArns(model), sim.listedArns());
    QVERIFY(!model.canFetchMore({}));
}

// A view calls fetchMore() only when it needs rows; without a tester nothing else does.
void TestDeploymentTableModel::fetchMoreWithoutTesterLoadsOnePage()
{
    SimFixture sim(quietConfig(120));
    Model model;
    model.setPageSize(50);
    model.setClient(sim.client());
    QVERIFY(waitIdle(model));
    QCOMPARE(model.rowCount(), 50);
    QVERIFY(model.canFetchMore({}));
    model.fetchMore({});
    QVERIFY(model.isLoading());
    QVERIFY(!model.canFetchMore({}));
    model.fetchMore({});   // ignored: one request in flight
    QVERIFY(waitIdle(model));
    QCOMPARE(model.rowCount(), 100);
    QCOMPARE(sim.simulator.requestsReceived(), quint64(2));
    model.fetchMore({});
    QVERIFY(waitIdle(model));
    QCOMPARE(model.rowCount(), 120);
    QVERIFY(!model.hasMore());
    QVERIFY(!model.canFetchMore({}));
}

void TestDeploymentTableModel::loadAllLoadsEveryPage()
{
    SimFixture sim(quietConfig(350));
    CheckedModel checked;
    Model &model = checked.model;
    QSignalSpy loading(&model, &Model::loadingChanged);
    QSignalSpy more(&model, &Model::hasMoreChanged);
    model.setClient(sim.client());
    model.loadAll();
    QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), 15000);
    QCOMPARE(model.rowCount(), 350);
    QVERIFY(!model.hasMore());
    // One "loading" span for the whole load, not one per page.
    QCOMPARE(loading.count(), 2);
    QCOMPARE(loading.at(0).first().toBool(), true);
    QCOMPARE(loading.at(1).first().toBool(), false);
    QCOMPARE(more.count(), 2);   // true with the first page in flight, false after the last
    QCOMPARE(sim.simulator.maxRequestsInFlight(), 1);
}

void TestDeploymentTableModel::newQueryResetsAndDropsOlderReply()
{
    sim::SimConfig config = quietConfig(40);
    config.faults.latencyMs = 300;
    SimFixture sim(config);
    CheckedModel checked;
    Model &model = checked.model;
    QSignalSpy resets(&model, &QAbstractItemModel::modelAboutToBeReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

    bedrock::DeploymentQuery ascending;
    ascending.sortByCreationTime = true;
    ascending.sortOrder = bedrock::SortOrder::Ascending;
    model.setQuery(ascending);
    model.setClient(sim.client());
    QTRY_VERIFY(sim.simulator.requestsInFlight() == 1);   // the ascending request is at the service

    bedrock::DeploymentQuery descending = ascending;
    descending.sortOrder = bedrock::SortOrder::Descending;
    model.setQuery(descending);
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(waitIdle(model));
    // Wait past the latency of the older request too: its reply must never show.
    QTest::qWait(400);
    QCOMPARE(resets.count(), 3);   // setQuery, setClient, setQuery
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(modelArns(model), sim.listedArns());   // newest first: the descending query
    QVERIFY(sim.simulator.requestsReceived() >= 2);
}

void TestDeploymentTableModel::displayAndRawValues()
{
    SimFixture sim(quietConfig(0));
    sim::SimData data;
    data.deployments = {
        makeDeployment(QStringLiteral("d1"), QStringLiteral("alpha"), QStringLiteral("Active"), utc(2025, 3, 1)),
        makeDeployment(QStringLiteral("d2"), QStringLiteral("beta"), QStringLiteral("Paused"), utc(2025, 3, 2),
                       QStringLiteral("Quota exceeded")),
    };
    data.deployments[0].lastUpdatedAt = QDateTime();
    // Last updated at the minute it was created: the two cells read the same.
    data.deployments.append(makeDeployment(QStringLiteral("d3"), QStringLiteral("gamma"), QStringLiteral("Creating"),
                                           utc(2025, 2, 28)));
    data.deployments.last().lastUpdatedAt = utc(2025, 2, 28).addSecs(20);
    sim.simulator.store().load(data);

    CheckedModel checked;
    Model &model = checked.model;
    model.setClient(sim.client());
    QVERIFY(waitIdle(model));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), int(Model::ColumnCount));
    // Newest first.
    const int beta = 0;
    const int alpha = 1;
    const int gamma = 2;
    QCOMPARE(model.index(beta, Model::NameColumn).data().toString(), QStringLiteral("beta"));

    // An unknown status is shown as it came, with the grey icon, and counted under its own text.
    const QModelIndex betaStatus = model.index(beta, Model::StatusColumn);
    QCOMPARE(betaStatus.data().toString(), QStringLiteral("Paused"));
    QCOMPARE(betaStatus.data(Model::StatusRole).toString(), QStringLiteral("Paused"));
    QCOMPARE(betaStatus.data(Model::RawValueRole).toInt(), int(bedrock::DeploymentStatus::Unknown));
    QVERIFY(betaStatus.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Paused")));
    QVERIFY(!betaStatus.data(Qt::DecorationRole).value<QIcon>().isNull());
    QCOMPARE(model.index(alpha, Model::StatusColumn).data(Model::RawValueRole).toInt(),
             int(bedrock::DeploymentStatus::Active));

    // Times: local time in the cell, the typed UTC value for sorting, the age in the tooltip.
    const QModelIndex created = model.index(alpha, Model::CreatedColumn);
    QCOMPARE(created.data(Model::RawValueRole).toDateTime(), utc(2025, 3, 1));
    // The locale's short format (ISO 8601's order in the C locale, which has none of its own).
    const auto cellText = [](const QDateTime &time) {
        const QDateTime local = time.toLocalTime();
        return QLocale().language() == QLocale::C ? local.toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                                                  : QLocale().toString(local, QLocale::ShortFormat);
    };
    QCOMPARE(created.data().toString(), cellText(utc(2025, 3, 1)));
    QVERIFY(created.data(Qt::ToolTipRole).toString().contains(QStringLiteral("ago")));
    QCOMPARE(model.index(alpha, Model::LastUpdatedColumn).data().toString(), QString());
    QVERIFY(!model.index(alpha, Model::LastUpdatedColumn).data(Model::RawValueRole).toDateTime().isValid());
    // Both cells of a row are kept in one string: each reads as itself, with nothing of the other.
    const QString betaCreated = model.index(beta, Model::CreatedColumn).data().toString();
    const QString betaUpdated = model.index(beta, Model::LastUpdatedColumn).data().toString();
    QCOMPARE(betaCreated, cellText(utc(2025, 3, 2)));
    QCOMPARE(betaUpdated, cellText(utc(2025, 3, 2).addSecs(600)));
    QCOMPARE(betaCreated.size(), cellText(utc(2025, 3, 2)).size());
    QVERIFY(!betaCreated.contains(QChar(u'\0')));
    QCOMPARE(QString::fromUtf16(reinterpret_cast<const char16_t *>(betaCreated.utf16())), betaCreated);   // ends where it should as a C string too
    QCOMPARE(model.index(gamma, Model::CreatedColumn).data().toString(), cellText(utc(2025, 2, 28)));
    QCOMPARE(model.index(gamma, Model::LastUpdatedColumn).data().toString(), cellText(utc(2025, 2, 28)));
    QCOMPARE(model.index(gamma, Model::LastUpdatedColumn).data(Model::RawValueRole).toDateTime(),
             utc(2025, 2, 28).addSecs(20));

    // Model: the short name without a name source, the full ARN in the tooltip.
    const QModelIndex modelCell = model.index(alpha, Model::ModelColumn);
    QCOMPARE(modelCell.data().toString(), QStringLiteral("m1"));
    QCOMPARE(modelCell.data(Qt::ToolTipRole).toString(), modelArn(QStringLiteral("m1")));
    QCOMPARE(model.index(beta, Model::FailureMessageColumn).data().toString(), QStringLiteral("Quota exceeded"));
    QCOMPARE(model.index(beta, Model::ArnColumn).data().toString(), deploymentArn(QStringLiteral("d2")));
    QVERIFY(Model::isHiddenByDefault(Model::ArnColumn));
    QVERIFY(!Model::isHiddenByDefault(Model::NameColumn));
    QCOMPARE(model.headerData(Model::ModelColumn, Qt::Horizontal).toString(), QStringLiteral("Model"));
    QCOMPARE(model.index(alpha, 0).data(Model::ChangeHighlightRole).toInt(), int(Model::Change::None));
    // One source: its account and region from the ARN.
    QCOMPARE(model.index(alpha, Model::AccountColumn).data().toString(), bedrock::arnField(deploymentArn(QStringLiteral("d1")), 4));
    QCOMPARE(model.index(alpha, Model::RegionColumn).data(Model::RawValueRole).toString(),
             bedrock::arnField(deploymentArn(QStringLiteral("d1")), 3));
    QCOMPARE(model.index(alpha, Model::RegionColumn).data(Model::SourceRole).toInt(), 0);

    // A cell's text outlives its row (it shares the row's string, it does not point into it).
    model.setClient(nullptr);
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(betaCreated, cellText(utc(2025, 3, 2)));
    QCOMPARE(betaUpdated, cellText(utc(2025, 3, 2).addSecs(600)));
}

void TestDeploymentTableModel::refreshMergesWithoutReset()
{
    SimFixture sim(quietConfig(30));
    CheckedModel checked;
    Model &model = checked.model;
    QVERIFY(loadWithHighlights(model, sim, 600));
    QCOMPARE(model.rowCount(), 30);

    QSignalSpy resets(&model, &QAbstractItemModel::modelAboutToBeReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy refreshed(&model, &Model::refreshed);

    // Nothing changed: nothing happens.
    QVERIFY(model.refresh());
    QVERIFY(!model.refresh());   // one refresh at a time
    QVERIFY(refreshed.wait(10000));
    QCOMPARE(inserted.count() + removed.count() + changed.count(), 0);

    // A new deployment (the newest: row 0) and one being deleted (shown as "Deleting").
    auto &store = sim.simulator.store();
    const QString newArn = store.createDeployment(QStringLiteral("gui-new"), sim.customModelArn(), {}, {}, {});
    const QString doomed = model.index(5, 0).data(Model::ArnRole).toString();
    // Deleting for 5 s: the refresh must see it before it ends, also on a loaded machine.
    store.setTimings({3600 * 1000, 5000, 3600 * 1000});
    store.beginDelete(doomed);
    QVERIFY(model.refresh());
    QVERIFY(refreshed.wait(10000));
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 0);
    QCOMPARE(inserted.first().at(2).toInt(), 0);
    QCOMPARE(model.index(0, 0).data(Model::ArnRole).toString(), newArn);
    QCOMPARE(model.index(0, 0).data(Model::ChangeHighlightRole).toInt(), int(Model::Change::Added));
    const int doomedRow = model.rowOfArn(doomed);
    QCOMPARE(doomedRow, 6);
    QCOMPARE(model.index(doomedRow, Model::StatusColumn).data().toString(), QStringLiteral("Deleting"));
    QCOMPARE(model.index(doomedRow, 0).data(Model::ChangeHighlightRole).toInt(), int(Model::Change::Changed));
    QVERIFY(std::any_of(changed.cbegin(), changed.cend(), [&](const QList<QVariant> &args) {
        return args.at(0).toModelIndex().row() <= doomedRow && args.at(1).toModelIndex().row() >= doomedRow;
    }));
    QCOMPARE(removed.count(), 0);
    QCOMPARE(model.rowCount(), 31);

    // The highlights end by themselves, through dataChanged.
    QTRY_COMPARE_WITH_TIMEOUT(model.index(0, 0).data(Model::ChangeHighlightRole).toInt(), int(Model::Change::None), 5000);
    QCOMPARE(model.index(doomedRow, 0).data(Model::ChangeHighlightRole).toInt(), int(Model::Change::None));

    // Once the deletion has finished, the row is shown as removed for a while, then removed.
    QTRY_VERIFY_WITH_TIMEOUT(store.findDeployment(doomed) == nullptr, 10000);
    changed.clear();
    QVERIFY(model.refresh());
    QVERIFY(refreshed.wait(10000));
    QCOMPARE(model.index(doomedRow, 0).data(Model::ChangeHighlightRole).toInt(), int(Model::Change::Removed));
    QCOMPARE(model.loadedCount(), 30);
    QCOMPARE(removed.count(), 0);
    QVERIFY(removed.wait(5000));
    QCOMPARE(removed.first().at(1).toInt(), doomedRow);
    QCOMPARE(model.rowCount(), 30);
    QCOMPARE(modelArns(model), sim.listedArns());
    QCOMPARE(resets.count(), 0);
}

// With more pages than loaded, rows pushed out of the re-listed window by new ones go quietly
// (they are not deleted) and paging carries on after the new window without duplicates. The one
// model here without QAbstractItemModelTester: the tester would load every page, and this is
// about a partly loaded list (the other tests check the same merge code under the tester).
void TestDeploymentTableModel::refreshOfLongerListKeepsWindow()
{
    SimFixture sim(quietConfig(30));
    Model model;
    model.setPageSize(10);
    model.setClient(sim.client());
    QVERIFY(waitIdle(model));
    model.fetchMore({});
    QVERIFY(waitIdle(model));
    QCOMPARE(model.rowCount(), 20);
    const QStringList before = modelArns(model);

    QSignalSpy resets(&model, &QAbstractItemModel::modelAboutToBeReset);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    auto &store = sim.simulator.store();
    store.createDeployment(QStringLiteral("gui-one"), sim.customModelArn(), {}, {}, {});
    store.createDeployment(QStringLiteral("gui-two"), sim.customModelArn(), {}, {}, {});
    QSignalSpy refreshed(&model, &Model::refreshed);
    QVERIFY(model.refresh());
    QVERIFY(refreshed.wait(10000));
    // Two pages re-listed: the two new rows and the first 18 old ones.
    QCOMPARE(model.rowCount(), 20);
    QCOMPARE(modelArns(model), sim.listedArns().mid(0, 20));
    QCOMPARE(inserted.count(), 1);
    QCOMPARE(removed.count(), 1);   // the last two old rows, at once, without a "removed" highlight
    QCOMPARE(removed.first().at(1).toInt(), 18);
    QCOMPARE(removed.first().at(2).toInt(), 19);
    QCOMPARE(modelArns(model).mid(2), before.mid(0, 18));
    QVERIFY(model.hasMore());

    model.fetchMore({});
    QVERIFY(waitIdle(model));
    model.fetchMore({});
    QVERIFY(waitIdle(model));
    QVERIFY(!model.hasMore());
    QCOMPARE(modelArns(model), sim.listedArns());
    QCOMPARE(resets.count(), 0);
}

void TestDeploymentTableModel::refreshTransitionalUpdatesChangingRows()
{
    SimFixture sim(quietConfig(10));
    CheckedModel checked;
    Model &model = checked.model;
    model.setHighlightDuration(60 * 1000);
    auto &store = sim.simulator.store();
    // Creating until the test moves it on (a timer would race the first listing on a loaded machine).
    store.setTimings({3600 * 1000, 3600 * 1000, 3600 * 1000});
    const QString arn = store.createDeployment(QStringLiteral("gui-creating"), sim.customModelArn(), {}, {}, {});
    model.setClient(sim.client());
    QVERIFY(waitIdle(model));
    const int row = model.rowOfArn(arn);
    QVERIFY(row >= 0);
    QCOMPARE(model.index(row, Model::StatusColumn).data(Model::StatusRole).toString(), QStringLiteral("Creating"));

    store.completeCreation(arn, false, {});
    QCOMPARE(store.findDeployment(arn)->data.status, QStringLiteral("Active"));
    QSignalSpy resets(&model, &QAbstractItemModel::modelAboutToBeReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    const quint64 before = sim.simulator.requestsReceived();
    model.refreshTransitional();
    QVERIFY(changed.wait(10000));
    // Only the Creating row was asked for (the generated rows of a quiet set are settled or
    // Creating; count those).
    int transitional = 0;
    for (int i = 0; i < model.rowCount(); ++i) {
        transitional += bedrock::isTransitional(model.deployment(i).statusText) || i == row ? 1 : 0;
    }
    QTRY_COMPARE(sim.simulator.requestsReceived() - before, quint64(transitional));
    QCOMPARE(model.index(row, Model::StatusColumn).data(Model::StatusRole).toString(), QStringLiteral("Active"));
    QCOMPARE(model.index(row, 0).data(Model::ChangeHighlightRole).toInt(), int(Model::Change::Changed));
    QCOMPARE(resets.count(), 0);
}

void TestDeploymentTableModel::customModelNamesReplaceShortNames()
{
    SimFixture sim(quietConfig(20));
    bedrock::CustomModelNames names;
    names.setClient(sim.client());
    CheckedModel checked;
    Model &model = checked.model;
    model.setModelNames(&names);
    model.setClient(sim.client());
    QVERIFY(waitIdle(model));
    QTRY_VERIFY(!names.isListing());
    for (int row = 0; row < model.rowCount(); ++row) {
        const QString arn = model.index(row, 0).data(Model::ModelArnRole).toString();
        QTRY_COMPARE(model.index(row, Model::ModelColumn).data().toString(),
                     sim.simulator.store().findCustomModel(arn)->data.name);
        QCOMPARE(model.index(row, Model::ModelColumn).data(Qt::ToolTipRole).toString(), arn);
    }
}

void TestDeploymentTableModel::customModelNamesFallBackWhenDenied()
{
    const sim::SimConfig config = configAllowing(20, {QStringLiteral("ListCustomModelDeployments")});
    SimFixture sim(config);
    bedrock::CustomModelNames names;
    names.setClient(sim.client());
    CheckedModel checked;
    Model &model = checked.model;
    QSignalSpy errors(&model, &Model::error);
    QSignalSpy namesChanged(&names, &bedrock::CustomModelNames::namesChanged);
    model.setModelNames(&names);
    model.setClient(sim.client());
    QVERIFY(waitIdle(model));
    // The List was denied, then the first round of Gets: no further calls, no error for the user.
    // Waited for through the replies taken in, not a pause (a Get can still be on its way after
    // any fixed time on a loaded machine).
    QTRY_VERIFY_WITH_TIMEOUT(!names.isBusy(), 10000);
    const quint64 received = sim.simulator.requestsReceived();
    QVERIFY(received <= quint64(2 + bedrock::CustomModelNames::maxGetsInFlight));
    QTest::qWait(200);
    QCOMPARE(sim.simulator.requestsReceived(), received);
    QVERIFY(model.rowCount() > 0);
    for (int row = 0; row < model.rowCount(); ++row) {
        const QString arn = model.index(row, 0).data(Model::ModelArnRole).toString();
        QCOMPARE(model.index(row, Model::ModelColumn).data().toString(), bedrock::shortNameFromArn(arn));
    }
    QCOMPARE(errors.count(), 0);
    QCOMPARE(namesChanged.count(), 0);
}

void TestDeploymentTableModel::listFailureIsReported()
{
    const sim::SimConfig config = configAllowing(20, {QStringLiteral("GetCustomModelDeployment")});
    SimFixture sim(config);
    CheckedModel checked;
    Model &model = checked.model;
    QSignalSpy errors(&model, &Model::error);
    model.setClient(sim.client());
    QVERIFY(errors.wait(10000));
    QCOMPARE(errors.first().first().value<aws::AwsError>().kind, aws::AwsError::Kind::AccessDenied);
    QVERIFY(!model.isLoading());
    QVERIFY(!model.hasMore());
    QCOMPARE(model.rowCount(), 0);
}

// A window left open for days while deployments come and go (bench-soak): the strings interned
// for rows and the guard for rows created in this window follow the rows shown, not every row
// ever shown. Each round creates rows here with a model ARN of their own; the service never
// lists them, so a refresh removes them again.
void TestDeploymentTableModel::rowBookkeepingFollowsTheRows()
{
    SimFixture sim(quietConfig(3));
    CheckedModel checked;
    Model &model = checked.model;
    QVERIFY(loadWithHighlights(model, sim, 20));
    QCOMPARE(model.rowCount(), 3);
    QSignalSpy refreshed(&model, &Model::refreshed);

    constexpr int rounds = 6;
    constexpr int rowsPerRound = 60;
    const QString prefix = QStringLiteral("arn:aws:bedrock:us-east-1:123456789012:");
    for (int round = 0; round < rounds; ++round) {
        for (int i = 0; i < rowsPerRound; ++i) {
            const QString id = QStringLiteral("r%1n%2").arg(round).arg(i);
            bedrock::DeploymentSummary summary;
            summary.arn = prefix + QStringLiteral("custom-model-deployment/") + id;
            summary.name = QStringLiteral("gone-") + id;
            summary.modelArn = prefix + QStringLiteral("custom-model/model-") + id;
            summary.statusText = QStringLiteral("Creating");
            summary.status = bedrock::DeploymentStatus::Creating;
            summary.createdAt = QDateTime::currentDateTimeUtc();
            QVERIFY(model.insertCreated(summary));
        }
        QCOMPARE(model.rowCount(), 3 + rowsPerRound);
        QCOMPARE(model.locallyInsertedCount(), qsizetype(rowsPerRound));
        QVERIFY(model.refresh());
        QVERIFY(refreshed.wait(10000));
        QTRY_COMPARE(model.rowCount(), 3);
        QCOMPARE(model.locallyInsertedCount(), qsizetype(0));
    }
    // Without pruning: every model ARN ever shown (360) plus the sim rows' strings. With it: at most
    // twice what one round shows (60 model ARNs and a few shared strings) plus the slack of 64.
    QVERIFY2(model.internedStringCount() <= 2 * (rowsPerRound + 10) + 64,
             qPrintable(QString::number(model.internedStringCount())));
    QCOMPARE(modelArns(model), sim.listedArns());
}

QTEST_MAIN(TestDeploymentTableModel)
#include "tst_deploymenttablemodel.moc"
