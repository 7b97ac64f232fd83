// SPDX-License-Identifier: Apache-2.0
// Change Model (UpdateCustomModelDeployment) in the window: the dialog, then the update's
// progress (updateDetails) in the table and the detail pane until it completes; an updating row
// is polled as transitional, and a refused update is explained in the dialog.
#include "lifecyclesupport.h"

#include "changemodeldialog.h"
#include "deploymentdetailpane.h"
#include "deploymentfilterproxy.h"
#include "deploymenttablemodel.h"
#include "lifecycleactions.h"
#include "mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using namespace outcrop;
using namespace outcrop::gui;

namespace {
void selectArn(MainWindow &window, const QString &arn)
{
    const int sourceRow = window.tableModel()->rowOfArn(arn);
    const QModelIndex index = window.proxyModel()->mapFromSource(window.tableModel()->index(sourceRow, 0));
    window.tableView()->setCurrentIndex(index);
    window.tableView()->selectRow(index.row());
}
} // namespace

class TestChangeModel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { test::useTestSettings(QStringLiteral("tst_changemodel")); }

    void init() { QSettings().clear(); }

    void progressShowsInTheTableAndTheDetailPane()
    {
        sim::SimConfig config = test::quietConfig(0);
        // Updating for 5 s: the poll's Get must see it before it ends, also on a loaded machine.
        config.timings.updatingMs = 5000;
        test::LifecycleFixture fixture(config);
        MainWindow window;
        window.setSession(fixture.session.get(), ConnectionLabel { QStringLiteral("dev"), QStringLiteral("us-east-1"), false });
        window.show();
        QTRY_COMPARE(window.tableModel()->loadedCount(), 4);
        const QString arn = test::lifecycleDeploymentArn(1);   // support-bot, Active
        selectArn(window, arn);
        QTRY_VERIFY(window.detailPane()->hasDetail());
        QAction *change = window.lifecycleActions()->changeModelAction();
        QVERIFY(change->isVisible());
        QVERIFY(change->isEnabled());
        change->trigger();
        const QPointer<ChangeModelDialog> dialog = test::visibleDialog<ChangeModelDialog>();
        QVERIFY(dialog);
        QVERIFY(!dialog->changeButton()->isEnabled());
        dialog->setModelArn(test::lifecycleModelArn(0));   // the one it serves
        QCOMPARE(dialog->validationProblem(), QStringLiteral("The deployment serves this model already."));
        QVERIFY(!dialog->changeButton()->isEnabled());
        dialog->modelCombo()->setEditText(QStringLiteral("beta-model"));
        QTRY_VERIFY(dialog->changeButton()->isEnabled());   // once the names are listed
        dialog->changeButton()->click();
        QTRY_VERIFY(!dialog);
        QCOMPARE(fixture.stored(QStringLiteral("support-bot"))->updateStatus, QStringLiteral("Updating"));

        DeploymentTableModel *model = window.tableModel();
        const auto status = [&] {
            return model->index(model->rowOfArn(arn), DeploymentTableModel::StatusColumn).data().toString();
        };
        QCOMPARE(status(), QStringLiteral("Active · updating model"));
        QVERIFY(model->isUpdating(model->rowOfArn(arn)));
        // Transitional: the poller's Get brings updateDetails to the pane too.
        model->refreshTransitional();
        QTRY_COMPARE(window.detailPane()->detail().updateDetails.updateStatus, QStringLiteral("Updating"));
        QCOMPARE(window.detailPane()->detail().updateDetails.modelArn, test::lifecycleModelArn(1));

        // Until it completes: the row then serves the new model and is no longer polled.
        QTRY_VERIFY_WITH_TIMEOUT(fixture.stored(QStringLiteral("support-bot"))->updateStatus
                                     == QLatin1String("UpdateCompleted"),
                                 20000);
        model->refreshTransitional();
        QTRY_COMPARE(status(), QStringLiteral("Active"));
        QCOMPARE(model->index(model->rowOfArn(arn), 0).data(DeploymentTableModel::ModelArnRole).toString(),
                 test::lifecycleModelArn(1));
        QCOMPARE(model->updateStatus(model->rowOfArn(arn)), QStringLiteral("UpdateCompleted"));
        QTRY_COMPARE(window.detailPane()->detail().updateDetails.updateStatus, QStringLiteral("UpdateCompleted"));
        window.setSession(nullptr, {});
    }

    void aRefusedUpdateIsExplainedInTheDialog()
    {
        test::LifecycleFixture fixture;
        LifecycleActions actions(nullptr);
        actions.setClient(fixture.client());
        bedrock::DeploymentSummary creating = test::summaryOf(*fixture.stored(QStringLiteral("warming-up")));
        actions.setSelection({creating});
        QVERIFY(!actions.changeModelAction()->isEnabled());   // only an Active deployment
        // The service has the last word: a row still listed as Active may have changed since.
        creating.status = bedrock::DeploymentStatus::Active;
        actions.setSelection({creating});
        actions.changeModelAction()->trigger();
        const QPointer<ChangeModelDialog> dialog = test::visibleDialog<ChangeModelDialog>();
        QVERIFY(dialog);
        dialog->setModelArn(test::lifecycleModelArn(1));
        dialog->changeButton()->click();
        QTRY_VERIFY(dialog->changeButton()->isEnabled());
        QVERIFY2(dialog->messageText().contains(QStringLiteral("only be updated when it is Active")),
                 qPrintable(dialog->messageText()));
        QCOMPARE(fixture.stored(QStringLiteral("warming-up"))->updateStatus, QString());
        dialog->close();
    }
};

QTEST_MAIN(TestChangeModel)
#include "tst_changemodel.moc"
