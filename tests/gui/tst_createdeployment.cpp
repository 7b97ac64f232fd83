// SPDX-License-Identifier: Apache-2.0
// The create dialog: live validation of every field (the service's name pattern, a name already
// loaded, the model by name or ARN, tags), the new row appearing at once as Creating, and one
// idempotency token per dialog: a Create whose reply is lost (the simulator commits it and then
// resets the connection) and is pressed again makes exactly one deployment.
#include "lifecyclesupport.h"

#include "createdeploymentdialog.h"
#include "deploymenttablemodel.h"
#include "filterbar.h"
#include "lifecycleactions.h"
#include "mainwindow.h"

#include "bedrock/custommodelnames.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QPointer>
#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

using namespace outcrop;
using namespace outcrop::gui;

namespace {
QString validity(QWidget *field)
{
    return field->property("validity").toString();
}

QList<bedrock::CustomModel> twoModels()
{
    QList<bedrock::CustomModel> models;
    for (int i = 0; i < 2; ++i) {
        const sim::CustomModel model = test::lifecycleModel(i);
        models.append(bedrock::CustomModel { model.arn, model.name, model.baseModelArn, model.creationTime });
    }
    return models;
}
} // namespace

class TestCreateDeployment : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { test::useTestSettings(QStringLiteral("tst_createdeployment")); }

    void fieldsAreValidatedAsTyped()
    {
        test::LifecycleFixture fixture;
        CreateDeploymentDialog dialog(fixture.client());
        dialog.setCustomModels(twoModels());
        dialog.setNameTakenCheck([](const QString &name) { return name == QLatin1String("support-bot"); });
        dialog.open();
        CreateDeploymentDialog *ui = &dialog;
        QVERIFY(!dialog.createButton()->isEnabled());
        QCOMPARE(dialog.messageText(), QString());   // nothing typed: nothing to complain about
        QVERIFY(!dialog.clientRequestToken().isEmpty());

        QTest::keyClicks(ui->nameEdit(), QStringLiteral("-bad"));
        QCOMPARE(validity(ui->nameEdit()), QStringLiteral("invalid"));
        QVERIFY(!dialog.messageText().isEmpty());
        ui->nameEdit()->setText(QStringLiteral("a--b"));
        QCOMPARE(validity(ui->nameEdit()), QStringLiteral("invalid"));
        ui->nameEdit()->setText(QStringLiteral("support-bot"));
        QCOMPARE(validity(ui->nameEdit()), QStringLiteral("invalid"));
        QCOMPARE(dialog.messageText(), QStringLiteral("A deployment with this name exists."));
        ui->nameEdit()->setText(QStringLiteral("support-bot-v2"));
        QCOMPARE(validity(ui->nameEdit()), QStringLiteral("valid"));
        QCOMPARE(dialog.validationProblem(), QStringLiteral("Choose the custom model to deploy."));
        QVERIFY(!dialog.createButton()->isEnabled());

        ui->modelCombo()->setEditText(QStringLiteral("not-a-model"));
        QCOMPARE(validity(ui->modelCombo()), QStringLiteral("invalid"));
        QVERIFY2(dialog.messageText().startsWith(QStringLiteral("Not one of the account's custom models")),
                 qPrintable(dialog.messageText()));
        ui->modelCombo()->setEditText(QStringLiteral("beta-model"));   // by name
        QCOMPARE(validity(ui->modelCombo()), QStringLiteral("valid"));
        QVERIFY(dialog.createButton()->isEnabled());
        ui->modelCombo()->setEditText(test::lifecycleModelArn(0));       // or a pasted ARN
        QVERIFY(dialog.createButton()->isEnabled());

        ui->addTagButton()->click();
        QCOMPARE(ui->tagsTable()->rowCount(), 1);
        QVERIFY(dialog.createButton()->isEnabled());   // an empty row is ignored
        ui->tagsTable()->item(0, 0)->setText(QStringLiteral("aws:reserved"));
        QVERIFY(!dialog.createButton()->isEnabled());
        QVERIFY(!dialog.messageText().isEmpty());
        ui->tagsTable()->item(0, 0)->setText(QString());
        ui->tagsTable()->item(0, 1)->setText(QStringLiteral("orphan"));
        QCOMPARE(dialog.messageText(), QStringLiteral("Tag 1 has a value but no key."));
        ui->tagsTable()->item(0, 0)->setText(QStringLiteral("team"));
        QVERIFY(dialog.createButton()->isEnabled());
        ui->tagsTable()->selectRow(0);
        ui->removeTagButton()->click();
        QCOMPARE(ui->tagsTable()->rowCount(), 0);

        ui->descriptionEdit()->setPlainText(QString(2049, QLatin1Char('x')));
        QCOMPARE(validity(ui->descriptionEdit()), QStringLiteral("invalid"));
        QVERIFY(!dialog.createButton()->isEnabled());
        ui->descriptionEdit()->setPlainText(QStringLiteral("Second version"));
        QVERIFY(dialog.createButton()->isEnabled());
    }

    void theNewRowAppearsAtOnceAsCreating()
    {
        test::LifecycleFixture fixture;
        DeploymentTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        bedrock::CustomModelNames names;
        names.setClient(fixture.client());
        model.setModelNames(&names);
        model.setClient(fixture.client());
        QTRY_COMPARE(model.rowCount(), 4);
        QTRY_VERIFY(!names.isListing());

        LifecycleActions actions(nullptr);
        actions.setClient(fixture.client());
        actions.setTableModel(&model);
        actions.setModelNames(&names);
        // From the filter bar's "Deploy This Model…": the model is chosen already.
        actions.openCreateDialog(test::lifecycleModelArn(1));
        const QPointer<CreateDeploymentDialog> dialog = test::visibleDialog<CreateDeploymentDialog>();
        QVERIFY(dialog);
        QCOMPARE(dialog->modelCombo()->currentText(), QStringLiteral("beta-model"));
        dialog->nameEdit()->setText(QStringLiteral("translator"));   // loaded already
        QCOMPARE(dialog->messageText(), QStringLiteral("A deployment with this name exists."));
        dialog->nameEdit()->setText(QStringLiteral("fresh-one"));
        dialog->descriptionEdit()->setPlainText(QStringLiteral("made by the test"));
        dialog->addTagButton()->click();
        dialog->tagsTable()->item(0, 0)->setText(QStringLiteral("team"));
        dialog->tagsTable()->item(0, 1)->setText(QStringLiteral("ml"));
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy created(dialog, &CreateDeploymentDialog::created);
        dialog->createButton()->click();
        QTRY_COMPARE(created.size(), 1);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.index(0, DeploymentTableModel::NameColumn).data().toString(), QStringLiteral("fresh-one"));
        QCOMPARE(model.index(0, DeploymentTableModel::StatusColumn).data(DeploymentTableModel::StatusRole).toString(),
                 QStringLiteral("Creating"));
        const sim::Deployment *stored = fixture.stored(QStringLiteral("fresh-one"));
        QVERIFY(stored);
        QCOMPARE(model.deployment(0).arn, stored->arn);
        QCOMPARE(stored->modelArn, test::lifecycleModelArn(1));
        QCOMPARE(stored->description, QStringLiteral("made by the test"));
        QCOMPARE(stored->tags, (QList<sim::Tag> { sim::Tag { QStringLiteral("team"), QStringLiteral("ml") } }));
        QTRY_VERIFY(!dialog);   // closed and deleted on success
        const QString arn = stored->arn;

        // The poller follows it (Creating is transitional); a refresh does not add it twice.
        model.refreshTransitional();
        QVERIFY(model.refresh());
        QSignalSpy refreshed(&model, &DeploymentTableModel::refreshed);
        QTRY_COMPARE(refreshed.size(), 1);
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.rowOfArn(arn), 0);
    }

    void aRetryAfterALostReplyCreatesOneDeployment()
    {
        test::LifecycleFixture fixture;
        CreateDeploymentDialog dialog(fixture.client());
        dialog.setCustomModels(twoModels());
        dialog.open();
        dialog.nameEdit()->setText(QStringLiteral("once-only"));
        dialog.modelCombo()->setEditText(QStringLiteral("alpha-model"));
        QVERIFY(dialog.createButton()->isEnabled());
        const QString token = dialog.clientRequestToken();
        const int before = fixture.simulator.store().deploymentCount();

        // The service commits the Create and the connection is reset before the reply: the
        // deployment exists, and the client's own retries (same token) are lost the same way.
        fixture.simulator.faults().setLostReplies(sim::LostReplyFault {QStringLiteral("CreateCustomModelDeployment"), 10});
        QSignalSpy created(&dialog, &CreateDeploymentDialog::created);
        dialog.createButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.isBusy(), 20000);
        QCOMPARE(created.size(), 0);
        QVERIFY(!dialog.messageText().isEmpty());
        QVERIFY(dialog.isVisible());
        QCOMPARE(fixture.simulator.store().deploymentCount(), before + 1);   // committed
        QCOMPARE(dialog.createButton()->text(), QStringLiteral("&Try Again"));
        QVERIFY(dialog.createButton()->isEnabled());

        // The network is back: pressing again sends the same token and gets the same deployment.
        fixture.simulator.faults().setLostReplies(sim::LostReplyFault());
        dialog.createButton()->click();
        QTRY_COMPARE(created.size(), 1);
        QCOMPARE(dialog.clientRequestToken(), token);
        QCOMPARE(fixture.simulator.store().deploymentCount(), before + 1);
        const auto summary = created.at(0).at(0).value<bedrock::DeploymentSummary>();
        QCOMPARE(summary.arn, fixture.stored(QStringLiteral("once-only"))->arn);
        QCOMPARE(fixture.simulator.store().arnForClientToken(token), summary.arn);
    }

    void theFilterBarDeploysTheModelItNames()
    {
        QSettings().clear();
        test::LifecycleFixture fixture;
        MainWindow window;
        window.setSession(fixture.session.get(), ConnectionLabel {QStringLiteral("dev"), QStringLiteral("us-east-1"), false});
        window.show();
        QTRY_COMPARE(window.tableModel()->loadedCount(), 4);
        QComboBox *models = window.filterBar()->modelCombo();
        QTRY_VERIFY(models->findData(test::lifecycleModelArn(1)) > 0);   // the names have been listed
        models->setCurrentIndex(models->findData(test::lifecycleModelArn(1)));
        QAction *deploy = window.filterBar()->deployModelAction();
        QVERIFY(deploy->isVisible());
        deploy->trigger();
        const QPointer<CreateDeploymentDialog> dialog = test::visibleDialog<CreateDeploymentDialog>();
        QVERIFY(dialog);
        QCOMPARE(dialog->modelCombo()->currentText(), QStringLiteral("beta-model"));
        // The toolbar's and the menu's action opens one with nothing chosen.
        dialog->close();
        QTRY_VERIFY(!dialog);
        window.lifecycleActions()->createAction()->trigger();
        QVERIFY(test::visibleDialog<CreateDeploymentDialog>());
        QCOMPARE(test::visibleDialog<CreateDeploymentDialog>()->modelCombo()->currentText(), QString());
        test::visibleDialog<CreateDeploymentDialog>()->close();
        window.setSession(nullptr, {});
    }

    void aServiceRefusalIsExplainedInline()
    {
        test::LifecycleFixture fixture;
        CreateDeploymentDialog dialog(fixture.client());
        dialog.open();
        // Not loaded in any table, so only the service knows the name is taken.
        dialog.nameEdit()->setText(QStringLiteral("summarizer"));
        dialog.modelCombo()->setEditText(test::lifecycleModelArn(0));
        dialog.createButton()->click();
        QTRY_VERIFY(!dialog.isBusy());
        QVERIFY2(dialog.messageText().contains(QStringLiteral("already exists")), qPrintable(dialog.messageText()));
        QVERIFY2(dialog.messageText().contains(QStringLiteral("request id")), qPrintable(dialog.messageText()));
        QVERIFY(dialog.isVisible());

        // A changed request is a new one: it goes with a new token (the service refuses a token
        // reused with other parameters).
        const QString firstToken = dialog.clientRequestToken();
        QSignalSpy created(&dialog, &CreateDeploymentDialog::created);
        dialog.nameEdit()->setText(QStringLiteral("summarizer-2"));
        dialog.createButton()->click();
        QTRY_COMPARE(created.size(), 1);
        QVERIFY(dialog.clientRequestToken() != firstToken);
        QVERIFY(fixture.stored(QStringLiteral("summarizer-2")));
    }
};

QTEST_MAIN(TestCreateDeployment)
#include "tst_createdeployment.moc"
