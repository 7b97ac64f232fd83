// SPDX-License-Identifier: Apache-2.0
// Deleting deployments: the typed confirmation (the name of one, the number of several), the
// deletions against the simulator, the summary with the reasons of failures (ConflictException
// explained), and the table showing Deleting until the service no longer returns the rows.
#include "lifecyclesupport.h"

#include "deletedeploymentsdialog.h"
#include "deploymenttablemodel.h"
#include "lifecycleactions.h"
#include "mainwindow.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QItemSelection>
#include <QPointer>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace outcrop;
using namespace outcrop::gui;

using test::summaryOf;

class TestDeleteDeployments : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { test::useTestSettings(QStringLiteral("tst_deletedeployments")); }

    void oneDeploymentNeedsItsNameTyped()
    {
        test::LifecycleFixture fixture;
        DeleteDeploymentsDialog dialog(fixture.client(), {summaryOf(*fixture.stored(QStringLiteral("support-bot")))});
        dialog.open();
        QCOMPARE(dialog.expectedConfirmation(), QStringLiteral("support-bot"));
        QVERIFY(!dialog.deleteButton()->isEnabled());
        QTest::keyClicks(dialog.confirmationEdit(), QStringLiteral("support-bo"));
        QVERIFY(!dialog.deleteButton()->isEnabled());
        QTest::keyClicks(dialog.confirmationEdit(), QStringLiteral("x"));
        QVERIFY(!dialog.deleteButton()->isEnabled());
        dialog.confirmationEdit()->setText(QStringLiteral("Support-Bot"));   // the console matches exactly
        QVERIFY(!dialog.deleteButton()->isEnabled());
        // Enter before the text matches deletes nothing.
        QTest::keyClick(dialog.confirmationEdit(), Qt::Key_Return);
        QCOMPARE(fixture.stored(QStringLiteral("support-bot"))->status, QStringLiteral("Active"));
        dialog.confirmationEdit()->setText(QStringLiteral("support-bot"));
        QVERIFY(dialog.deleteButton()->isEnabled());

        QSignalSpy accepted(&dialog, &DeleteDeploymentsDialog::deletionAccepted);
        QSignalSpy finished(&dialog, &DeleteDeploymentsDialog::deletionsFinished);
        dialog.deleteButton()->click();
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(0).toInt(), 1);
        QCOMPARE(finished.at(0).at(1).toInt(), 0);
        QCOMPARE(accepted.size(), 1);
        QCOMPARE(accepted.at(0).at(0).toString(), test::lifecycleDeploymentArn(1));
        QCOMPARE(fixture.stored(QStringLiteral("support-bot"))->status, QStringLiteral("Deleting"));
        QVERIFY2(dialog.summaryText().contains(QStringLiteral("support-bot")), qPrintable(dialog.summaryText()));
        QVERIFY(dialog.isVisible());   // the summary stays until closed
    }

    void severalNeedTheirNumberAndTheSummaryExplainsAConflict()
    {
        test::LifecycleFixture fixture;
        const QList<bedrock::DeploymentSummary> three = {
            summaryOf(*fixture.stored(QStringLiteral("summarizer"))),
            summaryOf(*fixture.stored(QStringLiteral("warming-up"))),   // Creating: ConflictException
            summaryOf(*fixture.stored(QStringLiteral("translator"))),
        };
        DeleteDeploymentsDialog dialog(fixture.client(), three);
        dialog.open();
        QCOMPARE(dialog.expectedConfirmation(), QStringLiteral("3"));
        QVERIFY(!dialog.deleteButton()->isEnabled());
        dialog.confirmationEdit()->setText(QStringLiteral("summarizer"));   // a name is not the count
        QVERIFY(!dialog.deleteButton()->isEnabled());
        dialog.confirmationEdit()->setText(QStringLiteral("3"));
        QVERIFY(dialog.deleteButton()->isEnabled());
        QSignalSpy finished(&dialog, &DeleteDeploymentsDialog::deletionsFinished);
        QTest::keyClick(dialog.confirmationEdit(), Qt::Key_Return);
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished.at(0).at(0).toInt(), 2);
        QCOMPARE(finished.at(0).at(1).toInt(), 1);
        QCOMPARE(fixture.stored(QStringLiteral("summarizer"))->status, QStringLiteral("Deleting"));
        QCOMPARE(fixture.stored(QStringLiteral("translator"))->status, QStringLiteral("Deleting"));
        QCOMPARE(fixture.stored(QStringLiteral("warming-up"))->status, QStringLiteral("Creating"));
        const QString summary = dialog.summaryText();
        QVERIFY2(summary.contains(QStringLiteral("Not deleted (1)")), qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("warming-up: It is being created or updated; try again when it is "
                                                 "Active or Failed.")),
                 qPrintable(summary));
        QVERIFY2(summary.contains(QStringLiteral("request id")), qPrintable(summary));
    }

    void rowsShowDeletingAndLeaveWhenTheServiceNoLongerReturnsThem()
    {
        sim::SimConfig config = test::quietConfig(0);
        config.timings.deletingMs = 200;
        test::SimFixture fixture(config);
        fixture.simulator.store().load(test::lifecycleData());
        DeploymentTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setClient(fixture.client());
        QTRY_COMPARE(model.rowCount(), 4);
        QTRY_VERIFY(!model.isLoading());
        model.setHighlightDuration(50);

        LifecycleActions actions(nullptr);
        actions.setClient(fixture.client());
        actions.setTableModel(&model);
        const int row = model.rowOfArn(test::lifecycleDeploymentArn(2));
        actions.setSelection({model.deployment(row)});
        QVERIFY(actions.deleteAction()->isEnabled());
        actions.deleteAction()->trigger();
        auto *dialog = test::visibleDialog<DeleteDeploymentsDialog>();
        QVERIFY(dialog);
        dialog->confirmationEdit()->setText(QStringLiteral("summarizer"));
        dialog->deleteButton()->click();
        QTRY_COMPARE(model.index(model.rowOfArn(test::lifecycleDeploymentArn(2)), DeploymentTableModel::StatusColumn)
                         .data()
                         .toString(),
                     QStringLiteral("Deleting"));
        // Deleting is transitional: the poller's Get finds it gone, and the row leaves.
        QTRY_VERIFY_WITH_TIMEOUT(fixture.simulator.store().findDeployment(test::lifecycleDeploymentArn(2)) == nullptr, 5000);
        model.refreshTransitional();
        QTRY_COMPARE(model.rowOfArn(test::lifecycleDeploymentArn(2)), -1);
        QCOMPARE(model.rowCount(), 3);
        dialog->close();
    }

    void theWindowDeletesTheSelectedRowsByTheirNumber()
    {
        QSettings().clear();
        test::LifecycleFixture fixture;
        MainWindow window;
        window.setSession(fixture.session.get(), ConnectionLabel {QStringLiteral("dev"), QStringLiteral("us-east-1"), false});
        window.show();
        QTRY_COMPARE(window.tableModel()->loadedCount(), 4);
        QTableView *view = window.tableView();
        QAction *remove = window.lifecycleActions()->deleteAction();
        QVERIFY(!remove->isEnabled());   // nothing selected
        // Rows 1 and 2 of the view: translator and summarizer (newest first).
        view->selectionModel()->select(QItemSelection(view->model()->index(1, 0), view->model()->index(2, 0)),
                                       QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QVERIFY(remove->isEnabled());
        QCOMPARE(remove->text(), QStringLiteral("&Delete 2 Deployment(s)…"));
        QVERIFY(!window.lifecycleActions()->changeModelAction()->isEnabled());   // one at a time
        // The Delete key in the table.
        QApplication::setActiveWindow(&window);
        QVERIFY(QTest::qWaitForWindowActive(&window));
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Delete);
        const QPointer<DeleteDeploymentsDialog> dialog = test::visibleDialog<DeleteDeploymentsDialog>();
        QVERIFY(dialog);
        QCOMPARE(dialog->expectedConfirmation(), QStringLiteral("2"));
        QTest::keyClicks(dialog->confirmationEdit(), QStringLiteral("2"));
        QTest::keyClick(dialog->confirmationEdit(), Qt::Key_Return);
        QTRY_VERIFY(dialog->hasFinished());
        DeploymentTableModel *model = window.tableModel();
        for (const QString &arn : {test::lifecycleDeploymentArn(2), test::lifecycleDeploymentArn(3)}) {
            QCOMPARE(model->index(model->rowOfArn(arn), DeploymentTableModel::StatusColumn).data().toString(),
                     QStringLiteral("Deleting"));
        }
        QCOMPARE(model->index(model->rowOfArn(test::lifecycleDeploymentArn(1)), DeploymentTableModel::StatusColumn)
                     .data()
                     .toString(),
                 QStringLiteral("Active"));
        dialog->close();
        window.setSession(nullptr, {});
    }
};

QTEST_MAIN(TestDeleteDeployments)
#include "tst_deletedeployments.moc"
