// SPDX-License-Identifier: Apache-2.0
// Read-only mode: from --read-only (MainWindow::setForcedReadOnly) or the profile's setting (on by
// default for a production-looking label or name). Every mutating action is hidden, the status
// bar says so, and the client refuses mutating calls without sending them.
#include "lifecyclesupport.h"

#include "connectionbar.h"
#include "deploymentdetailpane.h"
#include "deploymenttablemodel.h"
#include "filterbar.h"
#include "lifecycleactions.h"
#include "mainwindow.h"
#include "profileappearancedialog.h"
#include "tageditor.h"

#include <QAction>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace outcrop;
using namespace outcrop::gui;

namespace {
ConnectionLabel profile(const QString &name)
{
    return ConnectionLabel {name, QStringLiteral("us-east-1"), false};
}

bool anyMutatingActionVisible(MainWindow &window)
{
    for (QAction *action : window.lifecycleActions()->actions()) {
        if (action->isVisible()) {
            return true;
        }
    }
    return window.filterBar()->deployModelAction()->isVisible()
        || window.detailPane()->tagEditor()->addButton()->isVisibleTo(window.detailPane());
}
} // namespace

class TestReadOnly : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { test::useTestSettings(QStringLiteral("tst_readonly")); }

    void init() { QSettings().clear(); }

    void productionLooksReadOnlyByDefault()
    {
        QVERIFY(ProfileAppearance::looksLikeProduction(QStringLiteral("default"), QStringLiteral("Production")));
        QVERIFY(ProfileAppearance::looksLikeProduction(QStringLiteral("PROD-admin"), QString()));
        QVERIFY(!ProfileAppearance::looksLikeProduction(QStringLiteral("staging"), QStringLiteral("Staging")));
        QVERIFY(!ProfileAppearance().isReadOnly(QStringLiteral("dev")));
        QVERIFY(ProfileAppearance().isReadOnly(QStringLiteral("prod")));
        // A stored choice wins over the default.
        ProfileAppearance::save(QStringLiteral("prod"), ProfileAppearance {QStringLiteral("Production"), QColor(), false});
        QVERIFY(!ProfileAppearance::load(QStringLiteral("prod")).isReadOnly(QStringLiteral("prod")));
        // Saving label and colour alone keeps the choice.
        ProfileAppearance::save(QStringLiteral("prod"), ProfileAppearance {QStringLiteral("Prod"), QColor(Qt::red), {}});
        QCOMPARE(ProfileAppearance::load(QStringLiteral("prod")).readOnly, std::optional<bool>(false));
    }

    void forcedReadOnlyHidesEveryMutatingActionAndTheClientRefuses()
    {
        test::LifecycleFixture fixture;
        MainWindow window;
        window.setForcedReadOnly(true);
        window.setSession(fixture.session.get(), profile(QStringLiteral("dev")));
        window.show();
        QTRY_COMPARE(window.tableModel()->loadedCount(), 4);
        QVERIFY(window.isReadOnly());
        QVERIFY(window.readOnlyIndicator()->isVisible());
        QVERIFY(window.readOnlyIndicator()->toolTip().contains(QStringLiteral("--read-only")));
        QVERIFY(!anyMutatingActionVisible(window));
        QVERIFY(fixture.client()->isReadOnly());

        // The client refuses on its own: nothing reaches the service.
        const quint64 requests = fixture.simulator.requestsReceived();
        QSignalSpy done(this, &TestReadOnly::called);
        fixture.client()->deleteDeployment(test::lifecycleDeploymentArn(1), this,
                                           [this](const aws::AwsError &error) { emit called(int(error.kind)); });
        QTRY_COMPARE(done.size(), 1);
        QCOMPARE(done.at(0).at(0).toInt(), int(aws::AwsError::Kind::ReadOnly));
        QCOMPARE(fixture.simulator.requestsReceived(), requests);
        QCOMPARE(fixture.stored(QStringLiteral("support-bot"))->status, QStringLiteral("Active"));

        // Triggering a hidden action (a stale shortcut) does nothing either.
        window.lifecycleActions()->createAction()->trigger();
        window.lifecycleActions()->openDeleteDialog();
        QCOMPARE(window.findChildren<QDialog *>().size(), 0);
        window.setSession(nullptr, {});
    }

    void theProfileSettingDecidesAndCanBeChanged()
    {
        test::LifecycleFixture fixture;
        ProfileAppearance::save(QStringLiteral("acct"), ProfileAppearance {QStringLiteral("Production"), QColor(), {}});
        MainWindow window;
        window.setSession(fixture.session.get(), profile(QStringLiteral("acct")));
        window.show();
        QVERIFY(window.isReadOnly());
        QVERIFY(fixture.client()->isReadOnly());
        QVERIFY(window.readOnlyIndicator()->isVisible());
        QVERIFY(!anyMutatingActionVisible(window));

        // View > Profile Label and Colour: turning read-only off shows the actions again.
        QAction *appearance = nullptr;
        for (QAction *action : window.findChildren<QAction *>()) {
            if (action->text() == QStringLiteral("Profile &Label and Colour…")) {
                appearance = action;
            }
        }
        QVERIFY(appearance);
        appearance->trigger();
        auto *dialog = window.findChild<ProfileAppearanceDialog *>();
        QVERIFY(dialog);
        QVERIFY(dialog->readOnlyCheck()->isChecked());
        dialog->readOnlyCheck()->click();
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Save)->click();
        QCOMPARE(ProfileAppearance::load(QStringLiteral("acct")).readOnly, std::optional<bool>(false));
        QVERIFY(!window.isReadOnly());
        QVERIFY(!fixture.client()->isReadOnly());
        QVERIFY(!window.readOnlyIndicator()->isVisible());
        QVERIFY(window.lifecycleActions()->createAction()->isVisible());
        QVERIFY(window.filterBar()->deployModelAction()->isVisible());
        window.setSession(nullptr, {});
    }

    void aStagingProfileIsNotReadOnly()
    {
        test::LifecycleFixture fixture;
        MainWindow window;
        window.setSession(fixture.session.get(), profile(QStringLiteral("staging")));
        QVERIFY(!window.isReadOnly());
        QVERIFY(window.lifecycleActions()->createAction()->isVisible());
        QVERIFY(window.lifecycleActions()->createAction()->isEnabled());
        window.setSession(nullptr, {});
    }

    void theDialogDefaultFollowsTheLabelUntilChosen()
    {
        ProfileAppearanceDialog dialog(QStringLiteral("team-a"));
        QVERIFY(!dialog.readOnlyCheck()->isChecked());
        QTest::keyClicks(dialog.labelEdit(), QStringLiteral("Prod"));
        QVERIFY(dialog.readOnlyCheck()->isChecked());
        dialog.readOnlyCheck()->click();   // the user decides
        QVERIFY(!dialog.readOnlyCheck()->isChecked());
        QTest::keyClicks(dialog.labelEdit(), QStringLiteral("uction"));
        QVERIFY(!dialog.readOnlyCheck()->isChecked());
    }

signals:
    void called(int kind);
};

QTEST_MAIN(TestReadOnly)
#include "tst_readonly.moc"
