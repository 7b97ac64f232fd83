// SPDX-License-Identifier: Apache-2.0
// DeploymentFilterProxy: the local text and status filters, and sorting on typed values (never
// on display text) with a stable tie-break.

#include "guitestsupport.h"

#include "deploymentfilterproxy.h"
#include "deploymenttablemodel.h"

#include <QAbstractItemModelTester>
#include <QItemSelectionModel>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTest>

using namespace outcrop;
using namespace outcrop::gui;
using namespace outcrop::gui::test;
using Model = DeploymentTableModel;

namespace {

QStringList names(const QAbstractItemModel &model)
{
    QStringList result;
    for (int row = 0; row < model.rowCount(); ++row) {
        result.append(model.index(row, Model::NameColumn).data().toString());
    }
    return result;
}

sim::SimData sampleData()
{
    sim::SimData data;
    data.deployments = {
        makeDeployment(QStringLiteral("a1"), QStringLiteral("chat-prod"), QStringLiteral("Active"), utc(2025, 1, 10)),
        makeDeployment(QStringLiteral("a2"), QStringLiteral("search-dev"), QStringLiteral("Failed"), utc(2025, 1, 11),
                       QStringLiteral("Insufficient GPU capacity")),
        makeDeployment(QStringLiteral("a3"), QStringLiteral("summaries"), QStringLiteral("Creating"), utc(2025, 1, 12)),
        makeDeployment(QStringLiteral("a4"), QStringLiteral("old-chat"), QStringLiteral("Deleting"), utc(2025, 1, 9)),
        makeDeployment(QStringLiteral("a5"), QStringLiteral("billing"), QStringLiteral("Active"), utc(2025, 1, 13)),
    };
    data.deployments[4].modelArn = modelArn(QStringLiteral("special-model"));
    // Last updated: display strings "2025-02-..." vs "2025-10-..." are irrelevant, raw values decide.
    data.deployments[0].lastUpdatedAt = utc(2025, 10, 1);
    data.deployments[1].lastUpdatedAt = utc(2025, 2, 1);
    data.deployments[2].lastUpdatedAt = QDateTime();
    data.deployments[3].lastUpdatedAt = utc(2025, 3, 1);
    data.deployments[4].lastUpdatedAt = utc(2025, 2, 1);   // a tie with a2: created decides
    return data;
}

} // namespace

class TestDeploymentFilterProxy : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void textFilterMatchesNameModelFailureAndArn();
    void statusFilterUsesStatusKeys();
    void filtersCombine();
    void sortsStatusByValueNotText();
    void sortsTimesByValueWithTieBreak();
    void sortsDatesNotTheirDisplayText();
    void reportsPartialSort();
    void pagesMergeIntoTheSortedOrderInOneInsertion();
    void changedRowsMoveToTheirSortedPlace();
    void manyPagesMergeIntoTheSameOrderAsAFullSort_data();
    void manyPagesMergeIntoTheSameOrderAsAFullSort();

private:
    std::unique_ptr<SimFixture> m_sim;
    std::unique_ptr<Model> m_model;
    std::unique_ptr<DeploymentFilterProxy> m_proxy;
    std::unique_ptr<QAbstractItemModelTester> m_modelTester;
    std::unique_ptr<QAbstractItemModelTester> m_proxyTester;
};

void TestDeploymentFilterProxy::init()
{
    m_sim = std::make_unique<SimFixture>(quietConfig(0));
    m_sim->simulator.store().load(sampleData());
    m_model = std::make_unique<Model>();
    m_modelTester = std::make_unique<QAbstractItemModelTester>(m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_proxy = std::make_unique<DeploymentFilterProxy>();
    m_proxy->setSourceModel(m_model.get());
    m_proxyTester = std::make_unique<QAbstractItemModelTester>(m_proxy.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    m_model->setClient(m_sim->client());
    QTRY_COMPARE(m_model->rowCount(), 5);
    QTRY_VERIFY(!m_model->isLoading());
}

void TestDeploymentFilterProxy::cleanup()
{
    m_proxyTester.reset();
    m_proxy.reset();
    m_modelTester.reset();
    m_model.reset();
    m_sim.reset();
}

void TestDeploymentFilterProxy::textFilterMatchesNameModelFailureAndArn()
{
    m_proxy->sort(Model::NameColumn);
    m_proxy->setTextFilter(QStringLiteral("CHAT"));   // any case
    QCOMPARE(names(*m_proxy), (QStringList{QStringLiteral("chat-prod"), QStringLiteral("old-chat")}));
    m_proxy->setTextFilter(QStringLiteral("gpu capacity"));   // failure message
    QCOMPARE(names(*m_proxy), QStringList{QStringLiteral("search-dev")});
    m_proxy->setTextFilter(QStringLiteral("special"));   // model name
    QCOMPARE(names(*m_proxy), QStringList{QStringLiteral("billing")});
    m_proxy->setTextFilter(QStringLiteral("deployment/a3"));   // ARN
    QCOMPARE(names(*m_proxy), QStringList{QStringLiteral("summaries")});
    m_proxy->setTextFilter(QStringLiteral("  "));
    QCOMPARE(m_proxy->rowCount(), 5);
}

void TestDeploymentFilterProxy::statusFilterUsesStatusKeys()
{
    m_proxy->sort(Model::NameColumn);
    m_proxy->setStatusFilter({QStringLiteral("Active")});
    QCOMPARE(names(*m_proxy), (QStringList{QStringLiteral("billing"), QStringLiteral("chat-prod")}));
    m_proxy->setStatusFilter({QStringLiteral("Deleting"), QStringLiteral("Failed")});
    QCOMPARE(names(*m_proxy), (QStringList{QStringLiteral("old-chat"), QStringLiteral("search-dev")}));
    m_proxy->setStatusFilter({});
    QCOMPARE(m_proxy->rowCount(), 5);
}

void TestDeploymentFilterProxy::filtersCombine()
{
    m_proxy->setStatusFilter({QStringLiteral("Active")});
    m_proxy->setTextFilter(QStringLiteral("chat"));
    QCOMPARE(names(*m_proxy), QStringList{QStringLiteral("chat-prod")});
}

void TestDeploymentFilterProxy::sortsStatusByValueNotText()
{
    // Alphabetical text would give Active, Creating, Deleting, Failed; the value order is
    // Creating, Active, Failed, then statuses the API does not model.
    m_proxy->sort(Model::StatusColumn, Qt::AscendingOrder);
    QStringList statuses;
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        statuses.append(m_proxy->index(row, Model::StatusColumn).data().toString());
    }
    QCOMPARE(statuses, (QStringList{QStringLiteral("Creating"), QStringLiteral("Active"), QStringLiteral("Active"),
                                    QStringLiteral("Failed"), QStringLiteral("Deleting")}));
    // Equal statuses by creation time: chat-prod (10 Jan) before billing (13 Jan).
    QCOMPARE(m_proxy->index(1, Model::NameColumn).data().toString(), QStringLiteral("chat-prod"));
    QCOMPARE(m_proxy->index(2, Model::NameColumn).data().toString(), QStringLiteral("billing"));
}

void TestDeploymentFilterProxy::sortsTimesByValueWithTieBreak()
{
    m_proxy->sort(Model::LastUpdatedColumn, Qt::AscendingOrder);
    // No last update first; the tie of search-dev and billing (1 Feb) by creation time.
    QCOMPARE(names(*m_proxy), (QStringList{QStringLiteral("summaries"), QStringLiteral("search-dev"),
                                           QStringLiteral("billing"), QStringLiteral("old-chat"),
                                           QStringLiteral("chat-prod")}));
}

// Display strings in a day-first format sort differently from the dates; the proxy must use the
// raw values. A plain item model stands in for the table model here, with the same roles.
void TestDeploymentFilterProxy::sortsDatesNotTheirDisplayText()
{
    QStandardItemModel source(0, Model::ColumnCount);
    const QList<QDateTime> times = {utc(2024, 12, 2), utc(2025, 1, 31), utc(2025, 1, 1)};
    for (const QDateTime &time : times) {
        QList<QStandardItem *> row;
        for (int column = 0; column < Model::ColumnCount; ++column) {
            row.append(new QStandardItem());
        }
        row[Model::CreatedColumn]->setData(time.toString(QStringLiteral("dd.MM.yyyy")), Qt::DisplayRole);
        row[Model::CreatedColumn]->setData(time, Model::RawValueRole);
        for (QStandardItem *item : row) {
            item->setData(time, Model::CreatedAtRole);
        }
        source.appendRow(row);
    }
    DeploymentFilterProxy proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&source);
    proxy.sort(Model::CreatedColumn, Qt::AscendingOrder);
    QStringList shown;
    for (int row = 0; row < proxy.rowCount(); ++row) {
        shown.append(proxy.index(row, Model::CreatedColumn).data().toString());
    }
    // As text, "01.01.2025" < "02.12.2024" < "31.01.2025".
    QCOMPARE(shown, (QStringList{QStringLiteral("02.12.2024"), QStringLiteral("01.01.2025"), QStringLiteral("31.01.2025")}));
}

void TestDeploymentFilterProxy::reportsPartialSort()
{
    // All five rows are loaded: no page remains, so every sort is complete.
    m_proxy->sort(Model::NameColumn);
    QVERIFY(!m_proxy->sortCoversLoadedRowsOnly());

    Model pagedModel;
    QAbstractItemModelTester tester(&pagedModel, QAbstractItemModelTester::FailureReportingMode::QtTest);
    DeploymentFilterProxy proxy;
    proxy.setSourceModel(&pagedModel);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    pagedModel.setPageSize(2);
    pagedModel.setClient(m_sim->client());
    proxy.sort(Model::NameColumn);
    QVERIFY(pagedModel.hasMore());
    QVERIFY(proxy.sortCoversLoadedRowsOnly());
    proxy.sort(Model::CreatedColumn);
    QVERIFY(!proxy.sortCoversLoadedRowsOnly());   // the service sorts by creation time
    proxy.sort(Model::NameColumn);
    // The tester keeps fetching; once everything is loaded the sort covers every row.
    QTRY_VERIFY_WITH_TIMEOUT(!pagedModel.hasMore(), 10000);
    QVERIFY(!proxy.sortCoversLoadedRowsOnly());
    QCOMPARE(names(proxy), (QStringList{QStringLiteral("billing"), QStringLiteral("chat-prod"), QStringLiteral("old-chat"),
                                        QStringLiteral("search-dev"), QStringLiteral("summaries")}));
}

// A page sorted by a local column is one insertion (at the end) and one layout change that
// merges it in; the selected row stays selected, on the same deployment.
void TestDeploymentFilterProxy::pagesMergeIntoTheSortedOrderInOneInsertion()
{
    // No model tester here: it would fetch every page by itself (reportsPartialSort has one on a
    // sorted proxy over pages).
    Model pagedModel;
    DeploymentFilterProxy proxy;
    proxy.setSourceModel(&pagedModel);
    QItemSelectionModel selection(&proxy);
    proxy.sort(Model::NameColumn);
    pagedModel.setPageSize(2);
    pagedModel.setClient(m_sim->client());
    QTRY_COMPARE(pagedModel.rowCount(), 2);   // summaries, billing (newest first)
    QTRY_VERIFY(!pagedModel.isLoading());
    QCOMPARE(names(proxy), (QStringList{QStringLiteral("billing"), QStringLiteral("summaries")}));
    selection.setCurrentIndex(proxy.index(1, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);

    QSignalSpy inserted(&proxy, &QAbstractItemModel::rowsInserted);
    QSignalSpy layouts(&proxy, &QAbstractItemModel::layoutChanged);
    pagedModel.fetchMore({});   // search-dev, chat-prod: both sort before summaries
    QTRY_COMPARE(pagedModel.rowCount(), 4);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(layouts.size(), 1);
    QCOMPARE(names(proxy), (QStringList{QStringLiteral("billing"), QStringLiteral("chat-prod"), QStringLiteral("search-dev"),
                                        QStringLiteral("summaries")}));
    QCOMPARE(selection.currentIndex().data().toString(), QStringLiteral("summaries"));
    QCOMPARE(selection.selectedRows().size(), 1);
    QCOMPARE(selection.selectedRows().first().row(), 3);
    for (int row = 0; row < proxy.rowCount(); ++row) {
        const QModelIndex source = proxy.mapToSource(proxy.index(row, Model::NameColumn));
        QCOMPARE(proxy.mapFromSource(source), proxy.index(row, Model::NameColumn));
    }

    // Descending: the last page (old-chat) goes between search-dev and chat-prod.
    proxy.sort(Model::NameColumn, Qt::DescendingOrder);
    inserted.clear();
    pagedModel.fetchMore({});
    QTRY_COMPARE(pagedModel.rowCount(), 5);
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(names(proxy), (QStringList{QStringLiteral("summaries"), QStringLiteral("search-dev"), QStringLiteral("old-chat"),
                                        QStringLiteral("chat-prod"), QStringLiteral("billing")}));
    QCOMPARE(selection.currentIndex().data().toString(), QStringLiteral("summaries"));
}

void TestDeploymentFilterProxy::manyPagesMergeIntoTheSameOrderAsAFullSort_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<Qt::SortOrder>("order");
    QTest::newRow("name ascending") << int(Model::NameColumn) << Qt::AscendingOrder;
    QTest::newRow("name descending") << int(Model::NameColumn) << Qt::DescendingOrder;
    QTest::newRow("status ascending") << int(Model::StatusColumn) << Qt::AscendingOrder;
    QTest::newRow("last updated descending") << int(Model::LastUpdatedColumn) << Qt::DescendingOrder;
}

// Pages merged one by one (the galloping merge) give exactly the order of sorting every row at
// once: 1,200 generated rows (names repeat, so the tie-breakers count) in pages of 100.
void TestDeploymentFilterProxy::manyPagesMergeIntoTheSameOrderAsAFullSort()
{
    QFETCH(int, column);
    QFETCH(Qt::SortOrder, order);
    SimFixture fixture(quietConfig(1200));
    Model pagedModel;
    DeploymentFilterProxy proxy;
    proxy.setSourceModel(&pagedModel);
    proxy.sort(column, order);
    pagedModel.setPageSize(100);
    pagedModel.setClient(fixture.session->client());
    QTRY_VERIFY(pagedModel.rowCount() > 0 && !pagedModel.isLoading());
    pagedModel.loadAll();
    QTRY_COMPARE_WITH_TIMEOUT(pagedModel.rowCount(), 1200, 20000);
    QTRY_VERIFY(!pagedModel.isLoading());
    QCOMPARE(proxy.rowCount(), 1200);

    std::vector<int> merged;
    for (int row = 0; row < proxy.rowCount(); ++row) {
        merged.push_back(proxy.mapToSource(proxy.index(row, 0)).row());
    }
    // The reference: a fresh proxy sorting the loaded rows at once.
    DeploymentFilterProxy reference;
    reference.setSourceModel(&pagedModel);
    reference.sort(column, order);
    std::vector<int> sorted;
    for (int row = 0; row < reference.rowCount(); ++row) {
        sorted.push_back(reference.mapToSource(reference.index(row, 0)).row());
    }
    QCOMPARE(merged, sorted);
}

// A refresh that changes a row's sort value moves it; one that filters it out removes it.
void TestDeploymentFilterProxy::changedRowsMoveToTheirSortedPlace()
{
    m_proxy->sort(Model::StatusColumn, Qt::AscendingOrder);
    const QStringList before = names(*m_proxy);
    m_sim->simulator.store().completeCreation(deploymentArn(QStringLiteral("a3")), true, QStringLiteral("No capacity"));
    m_proxy->setStatusFilter({QStringLiteral("Creating"), QStringLiteral("Failed")});
    QCOMPARE(names(*m_proxy), (QStringList{QStringLiteral("summaries"), QStringLiteral("search-dev")}));
    QSignalSpy refreshed(m_model.get(), &Model::refreshed);
    QVERIFY(m_model->refresh());
    QTRY_COMPARE(refreshed.size(), 1);
    // summaries is Failed now: it sorts with search-dev, by creation time (a2 before a3).
    QCOMPARE(names(*m_proxy), (QStringList{QStringLiteral("search-dev"), QStringLiteral("summaries")}));
    m_proxy->setStatusFilter({QStringLiteral("Creating")});
    QCOMPARE(m_proxy->rowCount(), 0);
    m_proxy->setStatusFilter({});
    QCOMPARE(m_proxy->rowCount(), 5);
    QVERIFY(before != names(*m_proxy));
}

QTEST_MAIN(TestDeploymentFilterProxy)
#include "tst_deploymentfilterproxy.moc"
