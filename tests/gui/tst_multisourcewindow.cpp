// SPDX-License-Identifier: Apache-2.0
// The dashboard window over several sources on the offscreen platform: one simulator per
// (account, region), rows in one creation-time order, the Account and Region columns, a failing
// source named in the banner and the status bar while the others load, and both CSV exports.
#include "guitestsupport.h"

#include "bedrock/bedrockclient.h"
#include "bedrock/bedrocksession.h"
#include "connectionbar.h"
#include "lifecycleactions.h"

#include "deploymentfilterproxy.h"
#include "deploymenttablemodel.h"
#include "errorbanner.h"
#include "exportdialog.h"
#include "filterbar.h"
#include "mainwindow.h"
#include "overviewwidget.h"
#include "simulatorset.h"
#include "sourcesdialog.h"
#include "sourceviews.h"
#include "statuscounts.h"
#include "statussidebar.h"

#include <QListView>

#include <QAbstractButton>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace outcrop;
using namespace outcrop::gui;

namespace {

const QList<sim::SimSource> sources = {
    {QStringLiteral("111111111111"), QStringLiteral("us-east-1")},
    {QStringLiteral("222222222222"), QStringLiteral("us-west-2")},
    {QStringLiteral("333333333333"), QStringLiteral("eu-west-1")},
};

// Simulators and a session per source, as DashboardConnection makes them.
struct MultiFixture
{
    explicit MultiFixture(int count, const std::function<void(int, sim::SimConfig &)> &adjust = {})
    {
        for (int i = 0; i < sources.size(); ++i) {
            sim::SimConfig config = sim::SimulatorSet::configFor(test::quietConfig(count), sources.at(i), i);
            if (adjust) {
                adjust(i, config);
            }
            simulators.push_back(std::make_unique<sim::Simulator>(config));
            if (!simulators.back()->start()) {
                qFatal("simulator %d did not start", i);
            }
            sessions.push_back(std::make_unique<bedrock::BedrockSession>(
                simulators.back()->serverUrl(), config.region,
                std::make_unique<aws::StaticAuthProvider>(test::exampleAuth())));
        }
    }

    QList<WindowSource> windowSources() const
    {
        QList<WindowSource> list;
        for (int i = 0; i < sources.size(); ++i) {
            const QString profile = QStringLiteral("p%1").arg(i);
            list.append({profile + QStringLiteral(" · ") + sources.at(i).region, profile, sources.at(i).region,
                         sessions.at(size_t(i)).get(), {}});
        }
        return list;
    }

    int total() const
    {
        int rows = 0;
        for (const auto &simulator : simulators) {
            rows += int(simulator->store().deploymentsByCreation().size());
        }
        return rows;
    }

    std::vector<std::unique_ptr<sim::Simulator>> simulators;
    std::vector<std::unique_ptr<bedrock::BedrockSession>> sessions;
};

bool inCreationOrder(const DeploymentTableModel *model, bool descending)
{
    for (int row = 1; row < model->rowCount(); ++row) {
        const QDateTime previous = model->deployment(row - 1).createdAt;
        const QDateTime current = model->deployment(row).createdAt;
        if (descending ? previous < current : previous > current) {
            return false;
        }
    }
    return true;
}

void clickExport(ExportDialog *dialog)
{
    for (QPushButton *button : dialog->findChildren<QPushButton *>()) {
        if (button->text() == QLatin1String("&Export")) {
            button->click();
        }
    }
}

} // namespace

class TestMultiSourceWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("OutcropTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_multisourcewindow"));
    }

    void init()
    {
        QSettings().clear();
    }

    void rowsOfEverySourceInOneCreationOrder()
    {
        MultiFixture fixture(120);
        MainWindow window;
        window.setSources(fixture.windowSources(), ConnectionLabel{});
        window.show();
        DeploymentTableModel *model = window.tableModel();
        QTRY_VERIFY(model->loadedCount() >= 100);
        QVERIFY(inCreationOrder(model, true));
        QVERIFY(!window.tableView()->isColumnHidden(DeploymentTableModel::AccountColumn));
        QVERIFY(!window.tableView()->isColumnHidden(DeploymentTableModel::RegionColumn));
        // (English plural forms come from outcrop_en.qm, which this test does not load.)
        QVERIFY2(window.windowTitle().startsWith(QStringLiteral("Outcrop — 3 source")), qPrintable(window.windowTitle()));
        // Watching only: no lifecycle action, every source's client refuses mutating calls.
        QVERIFY(window.readOnlyIndicator()->isVisibleTo(&window));
        QVERIFY(window.readOnlyIndicator()->toolTip().contains(QStringLiteral("several sources")));
        QVERIFY(!window.lifecycleActions()->createAction()->isVisible());
        for (const WindowSource &source : fixture.windowSources()) {
            QVERIFY(source.session->client()->isReadOnly());
        }
        // Scrolling for more pulls from the sources that hold the release back, in order.
        while (model->canFetchMore({})) {
            model->fetchMore({});
            QTRY_VERIFY(!model->isLoading());
        }
        QTRY_COMPARE(model->loadedCount(), fixture.total());
        QVERIFY(inCreationOrder(model, true));
        QSet<QString> accounts;
        for (int row = 0; row < model->rowCount(); ++row) {
            const QModelIndex account = model->index(row, DeploymentTableModel::AccountColumn);
            const QModelIndex region = model->index(row, DeploymentTableModel::RegionColumn);
            const int source = account.data(DeploymentTableModel::SourceRole).toInt();
            QCOMPARE(account.data().toString(), sources.at(source).accountId);
            QCOMPARE(region.data().toString(), sources.at(source).region);
            accounts.insert(account.data().toString());
        }
        QCOMPARE(accounts.size(), 3);
        // The status counts (of the sidebar and the overview) cover every source.
        StatusCounts counts;
        counts.setModel(model);
        QCOMPARE(counts.total(), fixture.total());
        const QModelIndex all = window.statusSidebar()->view()->model()->index(0, 0);
        QVERIFY2(all.data(StatusSidebar::CountTextRole).toString() == QString::number(fixture.total()),
                 qPrintable(all.data(StatusSidebar::CountTextRole).toString()));
        // A local sort on Account, and the quick filter on a region, work across sources.
        window.tableView()->sortByColumn(DeploymentTableModel::AccountColumn, Qt::DescendingOrder);
        QCOMPARE(window.proxyModel()->index(0, DeploymentTableModel::AccountColumn).data().toString(),
                 QStringLiteral("333333333333"));
        window.filterBar()->localFilterEdit()->setText(QStringLiteral("us-west-2"));
        QTRY_COMPARE(window.proxyModel()->rowCount(),
                     int(fixture.simulators.at(1)->store().deploymentsByCreation().size()));
        window.setSession(nullptr, {});
        QVERIFY(window.tableView()->isColumnHidden(DeploymentTableModel::AccountColumn));
    }

    void ascendingAcrossSources()
    {
        MultiFixture fixture(60);
        MainWindow window;
        window.setSources(fixture.windowSources(), ConnectionLabel{});
        bedrock::DeploymentQuery query;
        query.sortByCreationTime = true;
        query.sortOrder = bedrock::SortOrder::Ascending;
        window.applyQuery(query);
        window.tableModel()->loadAll();
        QTRY_COMPARE(window.tableModel()->loadedCount(), fixture.total());
        QVERIFY(inCreationOrder(window.tableModel(), false));
        window.setSession(nullptr, {});
    }

    // One source denied, one throttled beyond its retries, one empty: the others load, and the
    // banner and the status bar name the failing sources.
    void aFailingAThrottledAndAnEmptySource()
    {
        MultiFixture fixture(80, [](int index, sim::SimConfig &config) {
            if (index == 0) {
                config.forcedErrors = {{QStringLiteral("ListCustomModelDeployments"),
                                        QStringLiteral("AccessDeniedException"), -1, {}}};
            } else if (index == 2) {
                config.count = 0;
            }
        });
        // A fourth source, throttled on every request.
        sim::SimConfig throttledConfig = sim::SimulatorSet::configFor(
            test::quietConfig(50), {QStringLiteral("444444444444"), QStringLiteral("ap-south-1")}, 3);
        throttledConfig.faults.throttleEvery = 1;
        sim::Simulator throttled(throttledConfig);
        QVERIFY(throttled.start());
        bedrock::BedrockSession throttledSession(throttled.serverUrl(), throttledConfig.region,
                                                 std::make_unique<aws::StaticAuthProvider>(test::exampleAuth()));
        QList<WindowSource> windowSources = fixture.windowSources();
        windowSources.append({QStringLiteral("slow · ap-south-1"), QStringLiteral("slow"), QStringLiteral("ap-south-1"),
                              &throttledSession, {}});
        MainWindow window;
        window.setSources(windowSources, ConnectionLabel{});
        window.show();
        DeploymentTableModel *model = window.tableModel();
        window.tableModel()->loadAll();
        QTRY_VERIFY_WITH_TIMEOUT(!model->hasMore() && !model->isLoading(), 60000);
        QCOMPARE(model->loadedCount(), 80);   // source 1 only: 0 denied, 2 empty, 3 throttled
        QCOMPARE(model->sourceError(0).kind, aws::AwsError::Kind::AccessDenied);
        QVERIFY(!model->sourceError(1).isError());
        QVERIFY(!model->sourceError(2).isError());
        QCOMPARE(model->sourceError(3).kind, aws::AwsError::Kind::Throttling);
        QVERIFY(window.errorBanner()->isVisible());
        QVERIFY2(window.errorBanner()->plainText().contains(QStringLiteral("p0 · us-east-1"))
                     || window.errorBanner()->plainText().contains(QStringLiteral("slow · ap-south-1")),
                 qPrintable(window.errorBanner()->plainText()));
        QString statusText;
        for (QLabel *label : window.statusBar()->findChildren<QLabel *>()) {
            statusText += label->text() + QLatin1Char('\n');
        }
        QVERIFY2(statusText.contains(QStringLiteral("failed: p0 · us-east-1, slow · ap-south-1")), qPrintable(statusText));
        window.setSession(nullptr, {});
    }

    void aSourceThatCouldNotConnectIsNamed()
    {
        MultiFixture fixture(20);
        QList<WindowSource> windowSources = fixture.windowSources().mid(0, 1);
        windowSources.append({QStringLiteral("broken · us-east-2"), QStringLiteral("broken"), QStringLiteral("us-east-2"),
                              nullptr, QStringLiteral("The config file has no profile broken.")});
        MainWindow window;
        window.setSources(windowSources, ConnectionLabel{});
        window.show();
        QTRY_COMPARE(window.tableModel()->loadedCount(), 20);
        QTRY_VERIFY(window.errorBanner()->plainText().contains(QStringLiteral("broken · us-east-2")));
        QVERIFY(window.errorBanner()->plainText().contains(QLatin1String("has no profile broken")));
        window.setSession(nullptr, {});
    }

    void refreshAcrossSourcesMergesWithoutAReset()
    {
        MultiFixture fixture(40);
        MainWindow window;
        window.setSources(fixture.windowSources(), ConnectionLabel{});
        DeploymentTableModel *model = window.tableModel();
        model->loadAll();
        QTRY_COMPARE(model->loadedCount(), 120);
        // A deployment created since in the second source appears at the top, highlighted.
        const QString modelArn = fixture.simulators.at(1)->store().customModelsByCreation().front()->data.arn;
        fixture.simulators.at(1)->store().createDeployment(QStringLiteral("brand-new"), modelArn, {}, {}, {});
        QSignalSpy resets(model, &QAbstractItemModel::modelAboutToBeReset);
        QSignalSpy refreshed(model, &DeploymentTableModel::refreshed);
        QVERIFY(model->refresh());
        QTRY_COMPARE(refreshed.size(), 1);
        QCOMPARE(resets.size(), 0);
        QCOMPARE(model->loadedCount(), 121);
        QCOMPARE(model->deployment(0).name, QStringLiteral("brand-new"));
        QVERIFY(inCreationOrder(model, true));
        window.setSession(nullptr, {});
    }

    void bothExportsCoverEverySource()
    {
        MultiFixture fixture(50);
        MainWindow window;
        window.setSources(fixture.windowSources(), ConnectionLabel{});
        window.show();
        DeploymentTableModel *model = window.tableModel();
        QTRY_VERIFY(model->loadedCount() >= 100);
        QTemporaryDir directory;

        // All matching: every source, in one creation order, each row with its account and region.
        window.openExportDialog();
        ExportDialog *dialog = window.exportDialog();
        QVERIFY(dialog);
        const QString allPath = directory.filePath(QStringLiteral("all.csv"));
        dialog->setFilePath(allPath);
        QSignalSpy exported(dialog, &ExportDialog::exported);
        clickExport(dialog);
        QTRY_COMPARE(exported.size(), 1);
        QCOMPARE(exported.first().at(1).toInt(), 150);   // the dialog closes itself
        QFile all(allPath);
        QVERIFY(all.open(QIODevice::ReadOnly));
        const QList<QByteArray> allLines = all.readAll().split('\n');
        QCOMPARE(allLines.first(), QByteArrayLiteral("name,arn,modelArn,status,createdAt,lastUpdatedAt,failureMessage,account,region\r"));
        // Rows end with account,region (a quoted failure message may span lines before them).
        QHash<QByteArray, int> rowsPerRegion;
        for (const QByteArray &line : allLines.mid(1)) {
            for (const sim::SimSource &source : sources) {
                if (line.trimmed().endsWith(QByteArray(',' + source.accountId.toLatin1() + ',' + source.region.toLatin1()))) {
                    ++rowsPerRegion[source.region.toLatin1()];
                }
            }
        }
        QCOMPARE(rowsPerRegion.size(), 3);
        QCOMPARE(rowsPerRegion.value("us-west-2"), 50);

        // The rows shown: the visible columns, then account and region once (not twice, though
        // the Account and Region columns are visible).
        QTRY_VERIFY(!window.exportDialog());
        window.openExportDialog();
        dialog = window.exportDialog();
        const QString shownPath = directory.filePath(QStringLiteral("shown.csv"));
        dialog->setFilePath(shownPath);
        dialog->findChild<QAbstractButton *>(QStringLiteral("shownRowsButton"))->click();
        QSignalSpy shownExported(dialog, &ExportDialog::exported);
        clickExport(dialog);
        QTRY_COMPARE(shownExported.size(), 1);
        QFile shown(shownPath);
        QVERIFY(shown.open(QIODevice::ReadOnly));
        const QList<QByteArray> shownLines = shown.readAll().split('\n');
        QCOMPARE(shownLines.first(), QByteArrayLiteral("name,status,modelArn,createdAt,lastUpdatedAt,failureMessage,account,region\r"));
        QCOMPARE(shownExported.first().at(1).toInt(), model->loadedCount());
        window.setSession(nullptr, {});
    }

    // Model names of every source, each asked for through its own source (ListCustomModels
    // denied, so every name is a GetCustomModel sent where the model lives).
    void modelNamesOfEverySource()
    {
        MultiFixture fixture(15, [](int, sim::SimConfig &config) {
            sim::SimCredential credential = sim::SimConfig::documentationCredential();
            credential.allowedActions = {QStringLiteral("ListCustomModelDeployments"), QStringLiteral("GetCustomModel")};
            config.credentials = {credential};
        });
        MainWindow window;
        window.setSources(fixture.windowSources(), ConnectionLabel{});
        window.show();
        DeploymentTableModel *model = window.tableModel();
        model->loadAll();
        QTRY_COMPARE(model->loadedCount(), fixture.total());
        QSet<int> sourcesSeen;
        for (int row = 0; row < model->rowCount(); ++row) {
            const int source = model->index(row, 0).data(DeploymentTableModel::SourceRole).toInt();
            const QString arn = model->deployment(row).modelArn;
            const auto stored = fixture.simulators.at(size_t(source))->store().findCustomModel(arn);
            QVERIFY(stored);
            QVERIFY(stored->data.name != bedrock::shortNameFromArn(arn));
            QTRY_COMPARE(model->index(row, DeploymentTableModel::ModelColumn).data().toString(), stored->data.name);
            sourcesSeen.insert(source);
        }
        QCOMPARE(sourcesSeen.size(), 3);
        window.setSession(nullptr, {});
    }

    // The tool bar with several sources: a "3 sources" button in place of the profile and region
    // switchers, listing the sources in its tooltip; its menu opens View > Sources or shows one
    // source, after which the switchers are back, set to it.
    void theToolBarNamesTheSourcesAndLeadsBackToOne()
    {
        MultiFixture fixture(10);
        MainWindow window;
        window.setProfiles({QStringLiteral("p0"), QStringLiteral("p1"), QStringLiteral("p2")}, {});
        window.setSources(fixture.windowSources(),
                          ConnectionLabel{QStringLiteral("p0, p1, p2"), QString(), false});
        window.show();
        ConnectionBar *bar = window.connectionBar();
        QPushButton *button = bar->sourcesButton();
        QVERIFY(bar->showsSeveralSources());
        QVERIFY(button->isVisibleTo(bar));
        QVERIFY(!bar->profileCombo()->isVisibleTo(bar));
        QVERIFY(!bar->regionCombo()->isVisibleTo(bar));
        QVERIFY2(button->text().startsWith(QStringLiteral("3 source")), qPrintable(button->text()));
        for (const WindowSource &source : fixture.windowSources()) {
            QVERIFY2(button->toolTip().contains(source.label), qPrintable(button->toolTip()));
        }
        // The joined profile names never became an entry of the profile switcher.
        QCOMPARE(bar->profileCombo()->findData(QStringLiteral("p0, p1, p2")), -1);
        QCOMPARE(bar->profileCombo()->count(), 3);
        QVERIFY(button->menu());

        // Its menu: Choose Sources… opens the dialog with the current sources checked.
        auto *choose = button->menu()->findChild<QAction *>(QStringLiteral("chooseSourcesFromBar"));
        QVERIFY(choose);
        QVERIFY(choose->isEnabled());
        choose->trigger();
        auto *dialog = window.findChild<SourcesDialog *>();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->checkedProfiles(), QStringList({QStringLiteral("p0"), QStringLiteral("p1"), QStringLiteral("p2")}));
        dialog->reject();

        // ... and one source alone.
        QSignalSpy requested(&window, &MainWindow::connectionChangeRequested);
        auto *only = button->menu()->findChild<QAction *>(QStringLiteral("onlySource:p1 · us-west-2"));
        QVERIFY(only);
        only->trigger();
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.first().at(0).toString(), QStringLiteral("p1"));
        QCOMPARE(requested.first().at(1).toString(), QStringLiteral("us-west-2"));
        // The owner connects that one source: the switchers are back, showing it.
        window.setSession(fixture.sessions.at(1).get(),
                          ConnectionLabel{QStringLiteral("p1"), QStringLiteral("us-west-2"), false});
        QVERIFY(!bar->showsSeveralSources());
        QVERIFY(!button->isVisibleTo(bar));
        QVERIFY(bar->profileCombo()->isVisibleTo(bar));
        QVERIFY(bar->regionCombo()->isVisibleTo(bar));
        QCOMPARE(bar->profile(), QStringLiteral("p1"));
        QCOMPARE(bar->region(), QStringLiteral("us-west-2"));
        QCOMPARE(bar->profileCombo()->count(), 3);
        // ... and switch as before.
        bar->profileCombo()->setCurrentIndex(bar->profileCombo()->findData(QStringLiteral("p2")));
        emit bar->profileCombo()->activated(bar->profileCombo()->currentIndex());
        QCOMPARE(requested.size(), 2);
        QCOMPARE(requested.at(1).at(0).toString(), QStringLiteral("p2"));
        window.setSession(nullptr, {});
    }

    // The demo over several regions: the sources are named, but there is nothing to switch.
    void theDemoNamesItsSourcesWithoutSwitching()
    {
        MultiFixture fixture(5);
        MainWindow window;
        window.setSources(fixture.windowSources(), ConnectionLabel{{}, QStringLiteral("us-east-1, us-west-2, eu-west-1"), true});
        window.show();
        ConnectionBar *bar = window.connectionBar();
        QVERIFY(bar->sourcesButton()->isVisibleTo(bar));
        for (QAction *action : bar->sourcesButton()->menu()->actions()) {
            QVERIFY2(!action->isEnabled() || action->isSeparator(), qPrintable(action->text()));
        }
        window.setSession(nullptr, {});
    }

    void sourcesAreChosenAndSavedAsNamedViews()
    {
        MainWindow window;
        window.setProfiles({QStringLiteral("dev"), QStringLiteral("prod")}, {});
        QSignalSpy requested(&window, &MainWindow::sourcesChangeRequested);
        auto *choose = window.findChild<QAction *>(QStringLiteral("chooseSourcesAction"));
        QVERIFY(choose);
        choose->trigger();
        auto *dialog = window.findChild<SourcesDialog *>();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        dialog->setSelection({QStringLiteral("dev"), QStringLiteral("prod")},
                             {QStringLiteral("us-east-1"), QStringLiteral("us-west-2")});
        const QString summary = dialog->findChild<QLabel *>(QStringLiteral("summary"))->text();
        QVERIFY2(summary.startsWith(QStringLiteral("4 source")), qPrintable(summary));
        dialog->setViewName(QStringLiteral("All prod"));
        for (QPushButton *button : dialog->findChildren<QPushButton *>()) {
            if (button->text() == QLatin1String("Show")) {
                button->click();
            }
        }
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.first().at(0).toStringList(), QStringList({QStringLiteral("dev"), QStringLiteral("prod")}));
        QCOMPARE(requested.first().at(1).toStringList(),
                 QStringList({QStringLiteral("us-east-1"), QStringLiteral("us-west-2")}));
        const QList<SourceView> views = SourceViews::load();
        QCOMPARE(views.size(), 1);
        QCOMPARE(views.first().name, QStringLiteral("All prod"));
        // The saved view is in View › Sources, and choosing it asks for its sources again.
        auto *menu = window.findChild<QMenu *>(QStringLiteral("sourcesMenu"));
        QVERIFY(menu);
        emit menu->aboutToShow();
        auto *saved = window.findChild<QAction *>(QStringLiteral("sourceView:All prod"));
        QVERIFY(saved);
        saved->trigger();
        QCOMPARE(requested.size(), 2);
        QCOMPARE(requested.at(1).at(1).toStringList(), views.first().regions);
        SourceViews::remove(QStringLiteral("All prod"));
        QVERIFY(SourceViews::load().isEmpty());
    }
};

QTEST_MAIN(TestMultiSourceWindow)
#include "tst_multisourcewindow.moc"
