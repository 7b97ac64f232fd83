// SPDX-License-Identifier: Apache-2.0
// The dashboard window on the offscreen platform against the simulator in this process.
#include "guitestsupport.h"

#include "deploymentfilterproxy.h"
#include "deploymenttablemodel.h"
#include "connectionbar.h"
#include "profileappearancedialog.h"
#include "desktopnotifier.h"
#include "exportdialog.h"
#include "filterbar.h"
#include "liverefresh.h"
#include "deploymentnotifications.h"
#include "mainwindow.h"

#include <QAction>
#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QPushButton>
#include <QHeaderView>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace outcrop;
using namespace outcrop::gui;

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("OutcropTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    }

    void init()
    {
        QSettings().clear();
    }

    void rowsArriveAndTheStatusBarSaysSo()
    {
        test::SimFixture fixture(test::quietConfig(150));
        MainWindow window;
        window.setSession(fixture.session.get(), ConnectionLabel { QStringLiteral("prod"), QStringLiteral("us-east-1"), false });
        window.show();
        QTRY_COMPARE(window.tableModel()->loadedCount(), 100);   // the first page of the default size
        QVERIFY(window.tableModel()->hasMore());
        QCOMPARE(window.windowTitle(), QStringLiteral("Outcrop — prod — us-east-1"));
        QVERIFY(window.emptyStateText().isEmpty());
        QVERIFY(window.tableView()->isColumnHidden(DeploymentTableModel::ArnColumn));
        window.setSession(nullptr, {});
    }

    void emptyStatesExplainThemselves()
    {
        test::SimFixture fixture(test::quietConfig(0));
        MainWindow window;
        window.setSession(fixture.session.get(), ConnectionLabel { QStringLiteral("default"), QStringLiteral("us-east-1"), false });
        QTRY_COMPARE(window.emptyStateText(), QStringLiteral("No deployments in us-east-1."));
        bedrock::DeploymentQuery query;
        query.statusEquals = QStringLiteral("Failed");
        window.applyQuery(query);
        QTRY_COMPARE(window.emptyStateText(), QStringLiteral("No deployments match these filters."));
        window.setSession(nullptr, {});
        QCOMPARE(window.emptyStateText(), QStringLiteral("Not connected to AWS."));
    }

    void refreshNeverResetsTheModel()
    {
        test::SimFixture fixture(test::quietConfig(60));
        MainWindow window;
        window.setSession(fixture.session.get(), ConnectionLabel { QStringLiteral("p"), QStringLiteral("us-east-1"), false });
        QTRY_COMPARE(window.tableModel()->loadedCount(), 60);
        window.tableView()->selectRow(5);
        const QString selectedArn = window.tableView()->currentIndex().data(DeploymentTableModel::ArnRole).toString();
        QSignalSpy resets(window.tableModel(), &QAbstractItemModel::modelAboutToBeReset);
        QSignalSpy refreshed(window.tableModel(), &DeploymentTableModel::refreshed);
        window.refreshAction()->trigger();
        QTRY_COMPARE(refreshed.size(), 1);
        QCOMPARE(resets.size(), 0);
        QCOMPARE(window.tableView()->currentIndex().data(DeploymentTableModel::ArnRole).toString(), selectedArn);
        window.setSession(nullptr, {});
    }

    void exportDialogIsNonModalAndWritesTheShownRows()
    {
        test::SimFixture fixture(test::quietConfig(30));
        MainWindow window;
        window.setSession(fixture.session.get(), ConnectionLabel { QStringLiteral("p"), QStringLiteral("us-east-1"), false });
        window.show();
        QTRY_COMPARE(window.tableModel()->loadedCount(), 30);
        window.filterBar()->localFilterEdit()->setText(QStringLiteral("zzz-no-such-name"));   // the local filter
        QTRY_COMPARE(window.proxyModel()->rowCount(), 0);
        window.filterBar()->localFilterEdit()->clear();
        window.exportAction()->trigger();   // Ctrl+E
        ExportDialog *dialog = window.exportDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        QVERIFY(window.isEnabled());   // nothing waits on the dialog
        QTemporaryDir directory;
        const QString path = directory.filePath(QStringLiteral("shown.csv"));
        dialog->setFilePath(path);
        dialog->findChild<QAbstractButton *>(QStringLiteral("shownRowsButton"))->click();
        QSignalSpy exported(dialog, &ExportDialog::exported);
        const auto buttons = dialog->findChildren<QPushButton *>();
        for (QPushButton *button : buttons) {
            if (button->text() == QLatin1String("&Export")) {
                button->click();
            }
        }
        QTRY_COMPARE(exported.size(), 1);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        QCOMPARE(lines.first(), QByteArrayLiteral("name,status,modelArn,createdAt,lastUpdatedAt,failureMessage,account,region\r"));
        window.setSession(nullptr, {});
    }

    void exportAllMatchingFetchesEveryPage()
    {
        test::SimFixture fixture(test::quietConfig(230));
        MainWindow window;
        window.setSession(fixture.session.get(), ConnectionLabel { QStringLiteral("p"), QStringLiteral("us-east-1"), false });
        QTRY_COMPARE(window.tableModel()->loadedCount(), 100);
        window.openExportDialog();
        ExportDialog *dialog = window.exportDialog();
        QTemporaryDir directory;
        const QString path = directory.filePath(QStringLiteral("all.csv"));
        dialog->setFilePath(path);
        QSignalSpy exported(dialog, &ExportDialog::exported);
        for (QPushButton *button : dialog->findChildren<QPushButton *>()) {
            if (button->text() == QLatin1String("&Export")) {
                button->click();
            }
        }
        QTRY_COMPARE(exported.size(), 1);
        QCOMPARE(exported.first().at(1).toInt(), 230);
        window.setSession(nullptr, {});
    }

    void columnsAndAutoRefreshAreRemembered()
    {
        {
            MainWindow window;
            window.tableView()->setColumnHidden(DeploymentTableModel::ModelColumn, true);
            window.tableView()->setColumnHidden(DeploymentTableModel::ArnColumn, false);
            window.tableView()->horizontalHeader()->moveSection(DeploymentTableModel::StatusColumn, 0);
            const auto actions = window.findChildren<QAction *>();
            for (QAction *action : actions) {
                if (action->isCheckable() && action->data().toInt() == 60) {
                    action->trigger();
                }
            }
            window.close();
        }
        MainWindow restored;
        QVERIFY(restored.tableView()->isColumnHidden(DeploymentTableModel::ModelColumn));
        QVERIFY(!restored.tableView()->isColumnHidden(DeploymentTableModel::ArnColumn));
        QCOMPARE(restored.tableView()->horizontalHeader()->visualIndex(DeploymentTableModel::StatusColumn), 0);
        QCOMPARE(restored.liveRefresh()->intervalSeconds(), 60);
    }

    void aResizedColumnIsWrittenSoonAfterwardsAndWhenTheWindowGoes()
    {
        {
            MainWindow window;
            QHeaderView *header = window.tableView()->horizontalHeader();
            header->resizeSection(DeploymentTableModel::NameColumn, 321);
            // Written off the GUI thread after a short delay, not at once.
            QTRY_COMPARE(QSettings().value(QStringLiteral("table/header")).toByteArray(), header->saveState());
            header->resizeSection(DeploymentTableModel::NameColumn, 234);
        }   // destroyed, not closed, before the delay ran out
        MainWindow restored;
        QCOMPARE(restored.tableView()->horizontalHeader()->sectionSize(DeploymentTableModel::NameColumn), 234);
    }

    void aSavedLayoutThatNoLongerFitsFallsBackToDefaults()
    {
        QSettings().setValue(QStringLiteral("table/header"), QByteArrayLiteral("garbage"));
        QSettings().setValue(QStringLiteral("table/headerVersion"), 1);
        MainWindow window;
        QVERIFY(window.tableView()->isColumnHidden(DeploymentTableModel::ArnColumn));
        QVERIFY(!window.tableView()->isColumnHidden(DeploymentTableModel::NameColumn));
    }

    void pollingPausesWhileMinimised()
    {
        MainWindow window;
        window.show();
        QVERIFY(window.liveRefresh()->isActive());
        window.hide();
        QVERIFY(!window.liveRefresh()->isActive());
        window.show();
        QVERIFY(window.liveRefresh()->isActive());
    }

    void quittingMidLoadIsClean()
    {
        sim::SimConfig config = test::quietConfig(500);
        config.faults.latencyMs = 400;
        auto fixture = std::make_unique<test::SimFixture>(config);
        auto window = std::make_unique<MainWindow>();
        window->setSession(fixture->session.get(), ConnectionLabel { QStringLiteral("p"), QStringLiteral("us-east-1"), false });
        window->show();
        QTRY_VERIFY(window->tableModel()->isLoading());
        window->close();
        window.reset();     // the window goes with a page in flight
        fixture.reset();    // then the session and the server
        QTest::qWait(500);  // late events, if any, find nothing to crash on
    }

    void filterBarChangesReloadTheTable()
    {
        test::SimFixture fixture(test::quietConfig(80));
        MainWindow window;
        window.setSession(fixture.session.get(), ConnectionLabel { QStringLiteral("p"), QStringLiteral("us-east-1"), false });
        QTRY_COMPARE(window.tableModel()->loadedCount(), 80);
        QSignalSpy resets(window.tableModel(), &QAbstractItemModel::modelReset);
        QComboBox *status = window.filterBar()->statusCombo();
        status->setCurrentIndex(status->findText(QStringLiteral("Failed")));
        window.filterBar()->applyNow();
        QTRY_VERIFY(resets.size() >= 1);
        QTRY_VERIFY(!window.tableModel()->isLoading());
        QVERIFY(window.tableModel()->loadedCount() > 0);
        for (int row = 0; row < window.tableModel()->rowCount(); ++row) {
            QCOMPARE(window.tableModel()->deployment(row).statusText, QStringLiteral("Failed"));
        }
        window.setSession(nullptr, {});
    }

    void ctrlEExportsEvenFromATextField()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        window.filterBar()->nameEdit()->setFocus();
        QSignalSpy triggered(window.exportAction(), &QAction::triggered);
        QTest::keyClick(window.filterBar()->nameEdit(), Qt::Key_E, Qt::ControlModifier);
        QCOMPARE(triggered.size(), 1);
    }

    void profileLabelColourAndAccountAreShown()
    {
        ProfileAppearance::save(QStringLiteral("prod"), ProfileAppearance { QStringLiteral("Production"), QColor(Qt::red) });
        test::SimFixture fixture(test::quietConfig(5));
        MainWindow window;
        window.show();
        window.setSession(fixture.session.get(), ConnectionLabel { QStringLiteral("prod"), QStringLiteral("us-east-1"), false });
        QCOMPARE(window.windowTitle(), QStringLiteral("Outcrop — Production (prod) — us-east-1"));
        window.setAccount(QStringLiteral("123456789012"));
        QVERIFY(window.windowTitle().contains(QLatin1String("123456789012")));
        QWidget *stripe = nullptr;
        for (QWidget *widget : window.findChildren<QWidget *>()) {
            if (widget->height() == 4 && widget->palette().color(QPalette::Window) == QColor(Qt::red)) {
                stripe = widget;
            }
        }
        QVERIFY(stripe && stripe->isVisible());
        window.setSession(nullptr, {});
    }

    void profileLabelAndColourAreSetInTheWindow()
    {
        test::SimFixture fixture(test::quietConfig(5));
        MainWindow window;
        window.show();
        window.setSession(fixture.session.get(), ConnectionLabel { QStringLiteral("staging"), QStringLiteral("us-east-1"), false });
        QAction *action = nullptr;
        for (QAction *candidate : window.findChildren<QAction *>()) {
            if (candidate->text().startsWith(QLatin1String("Profile &Label"))) {
                action = candidate;
            }
        }
        QVERIFY(action && action->isEnabled());
        action->trigger();
        auto *dialog = window.findChild<ProfileAppearanceDialog *>();
        QVERIFY(dialog && dialog->isVisible());
        dialog->labelEdit()->setText(QStringLiteral("Staging"));
        dialog->colorCombo()->setCurrentIndex(2);   // orange
        const auto buttons = dialog->findChildren<QPushButton *>();
        for (QPushButton *button : buttons) {
            if (button->text().contains(QLatin1String("Save"))) {
                button->click();
            }
        }
        QCOMPARE(window.windowTitle(), QStringLiteral("Outcrop — Staging (staging) — us-east-1"));
        QCOMPARE(ProfileAppearance::load(QStringLiteral("staging")).label, QStringLiteral("Staging"));
        QVERIFY(ProfileAppearance::load(QStringLiteral("staging")).color.isValid());
        window.setSession(nullptr, {});
    }

    void switchingRegionAsksToReconnect()
    {
        test::SimFixture fixture(test::quietConfig(5));
        MainWindow window;
        window.setProfiles({ QStringLiteral("default"), QStringLiteral("prod") }, {});
        window.setSession(fixture.session.get(), ConnectionLabel { QStringLiteral("default"), QStringLiteral("us-east-1"), false });
        QSignalSpy requested(&window, &MainWindow::connectionChangeRequested);
        QComboBox *regions = window.connectionBar()->regionCombo();
        regions->setCurrentIndex(regions->findText(QStringLiteral("us-west-2")));
        emit regions->activated(regions->currentIndex());
        QCOMPARE(requested.size(), 1);
        QCOMPARE(requested.first().at(0).toString(), QStringLiteral("default"));
        QCOMPARE(requested.first().at(1).toString(), QStringLiteral("us-west-2"));
        QComboBox *profiles = window.connectionBar()->profileCombo();
        profiles->setCurrentIndex(profiles->findData(QStringLiteral("prod")));
        emit profiles->activated(profiles->currentIndex());
        QCOMPARE(requested.size(), 2);
        QCOMPARE(requested.last().at(0).toString(), QStringLiteral("prod"));
        window.setSession(nullptr, {});
    }

    void ctrlFFocusesTheLocalFilter()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(window.filterBar()->localFilterEdit()->hasFocus());
    }

    // The window hands only inserted and changed rows to the notifications; a deployment seen
    // Creating when loaded and Active through a poll still notifies, once.
    void aPolledTransitionNotifiesOnce()
    {
        test::SimFixture fixture(test::quietConfig(20));
        auto &store = fixture.simulator.store();
        // Creating until the test moves it on: a timer would race the window's first listing on a
        // loaded machine (and under the sanitizers).
        store.setTimings({ 3600 * 1000, 3600 * 1000, 3600 * 1000 });
        const QString arn = store.createDeployment(QStringLiteral("window-creating"), fixture.customModelArn(), {}, {}, {});
        MainWindow window;
        QSignalSpy delivered(window.desktopNotifier(), &DesktopNotifier::delivered);
        window.setSession(fixture.session.get(), ConnectionLabel { QStringLiteral("p"), QStringLiteral("us-east-1"), false });
        QTRY_COMPARE(window.tableModel()->loadedCount(), 21);
        const int row = window.tableModel()->rowOfArn(arn);
        QCOMPARE(window.tableModel()->deployment(row).statusText, QStringLiteral("Creating"));
        store.completeCreation(arn, false, {});
        QCOMPARE(store.findDeployment(arn)->data.status, QStringLiteral("Active"));

        window.tableModel()->refreshTransitional();
        QTRY_COMPARE(window.tableModel()->deployment(row).statusText, QStringLiteral("Active"));
        QTRY_COMPARE_WITH_TIMEOUT(delivered.size(), 1, 5000);
        QCOMPARE(delivered.first().at(1).toString(), QStringLiteral("Deployment window-creating is Active"));

        // A refresh that sees it Active again, and more polls, notify nothing more.
        QSignalSpy refreshed(window.tableModel(), &DeploymentTableModel::refreshed);
        window.refreshAction()->trigger();
        QTRY_COMPARE(refreshed.size(), 1);
        window.tableModel()->refreshTransitional();
        QTest::qWait(1000);
        QCOMPARE(delivered.size(), 1);
        window.setSession(nullptr, {});
    }

    // A deployment the service stops listing leaves the table and the notifications' memory, so
    // that memory stays bounded while deployments come and go.
    void aDeploymentThatIsGoneIsForgotten()
    {
        test::SimFixture fixture(test::quietConfig(5));
        auto &store = fixture.simulator.store();
        const QString arn = store.createDeployment(QStringLiteral("short-lived"), fixture.customModelArn(), {}, {}, {});
        MainWindow window;
        window.tableModel()->setHighlightDuration(50);
        window.setSession(fixture.session.get(), ConnectionLabel { QStringLiteral("p"), QStringLiteral("us-east-1"), false });
        QTRY_COMPARE(window.tableModel()->loadedCount(), 6);
        QSignalSpy refreshed(window.tableModel(), &DeploymentTableModel::refreshed);
        window.refreshAction()->trigger();   // a refresh is a batch the notifications observe
        QTRY_COMPARE(refreshed.size(), 1);
        QTRY_COMPARE(window.notifications()->rememberedCount(), qsizetype(6));

        store.setTimings({ 3600 * 1000, 1, 3600 * 1000 });
        store.beginDelete(arn);
        QTRY_VERIFY(!store.findDeployment(arn));
        window.refreshAction()->trigger();
        QTRY_COMPARE(refreshed.size(), 2);
        QTRY_COMPARE(window.tableModel()->rowOfArn(arn), -1);
        QCOMPARE(window.notifications()->rememberedCount(), qsizetype(5));
        window.setSession(nullptr, {});
    }

    // Another server-side query resets the table: the deployments it no longer shows are forgotten
    // too, except one still Creating (its "Active" notice must survive a change of filter).
    void deploymentsOfAnEarlierQueryAreForgotten()
    {
        test::SimFixture fixture(test::quietConfig(5));
        auto &store = fixture.simulator.store();
        store.setTimings({ 3600 * 1000, 3600 * 1000, 3600 * 1000 });
        store.createDeployment(QStringLiteral("still-creating"), fixture.customModelArn(), {}, {}, {});
        MainWindow window;
        window.setSession(fixture.session.get(), ConnectionLabel { QStringLiteral("p"), QStringLiteral("us-east-1"), false });
        QTRY_COMPARE(window.tableModel()->loadedCount(), 6);
        QTRY_COMPARE(window.notifications()->rememberedCount(), qsizetype(6));

        bedrock::DeploymentQuery query;
        query.nameContains = QStringLiteral("no-such-deployment");
        window.tableModel()->setQuery(query);
        QTRY_VERIFY(!window.tableModel()->isLoading());
        QCOMPARE(window.tableModel()->rowCount(), 0);
        QCOMPARE(window.notifications()->rememberedCount(), qsizetype(1));
        window.setSession(nullptr, {});
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
