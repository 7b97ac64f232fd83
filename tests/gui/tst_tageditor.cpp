// SPDX-License-Identifier: Apache-2.0
// The tags of a deployment in the detail pane: listed, added, overwritten and removed against the
// simulator; key and value checked as typed; the 50-tag limit checked before anything is sent;
// errors shown inline; read-only hides the controls.
#include "lifecyclesupport.h"

#include "deploymentdetailpane.h"
#include "tageditor.h"

#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>

using namespace outcrop;
using namespace outcrop::gui;

namespace {
QList<sim::Tag> storedTags(test::LifecycleFixture &fixture, const QString &name)
{
    return fixture.stored(name)->tags;
}

QStringList shownKeys(const TagEditor &editor)
{
    QStringList keys;
    for (int row = 0; row < editor.table()->rowCount(); ++row) {
        keys.append(editor.table()->item(row, 0)->text());
    }
    return keys;
}
} // namespace

class TestTagEditor : public QObject
{
    Q_OBJECT

private slots:
    void listAddOverwriteAndRemove()
    {
        test::LifecycleFixture fixture;
        const QString arn = test::lifecycleDeploymentArn(1);
        fixture.simulator.store().setTags(arn, {sim::Tag {QStringLiteral("team"), QStringLiteral("ml")}});
        TagEditor editor;
        editor.setClient(fixture.client());
        editor.setResourceArn(arn);
        editor.show();
        QTRY_VERIFY(editor.isLoaded());
        QCOMPARE(shownKeys(editor), QStringList {QStringLiteral("team")});
        QCOMPARE(editor.table()->item(0, 1)->text(), QStringLiteral("ml"));

        QVERIFY(!editor.addButton()->isEnabled());
        QTest::keyClicks(editor.keyEdit(), QStringLiteral("env"));
        QTest::keyClicks(editor.valueEdit(), QStringLiteral("prod"));
        QVERIFY(editor.addButton()->isEnabled());
        QTest::keyClick(editor.valueEdit(), Qt::Key_Return);
        QTRY_VERIFY(!editor.isBusy());
        QCOMPARE(editor.messageText(), QString());
        QCOMPARE(shownKeys(editor), (QStringList {QStringLiteral("env"), QStringLiteral("team")}));
        QVERIFY(storedTags(fixture, QStringLiteral("support-bot")).contains(sim::Tag {QStringLiteral("env"), QStringLiteral("prod")}));
        QVERIFY(editor.keyEdit()->text().isEmpty());

        // The same key again changes its value.
        editor.keyEdit()->setText(QStringLiteral("team"));
        editor.valueEdit()->setText(QStringLiteral("search"));
        editor.addButton()->click();
        QTRY_VERIFY(!editor.isBusy());
        QCOMPARE(editor.tags().size(), 2);
        QVERIFY(storedTags(fixture, QStringLiteral("support-bot")).contains(sim::Tag {QStringLiteral("team"), QStringLiteral("search")}));

        editor.table()->selectRow(0);   // env
        QVERIFY(editor.removeButton()->isEnabled());
        editor.removeButton()->click();
        QTRY_VERIFY(!editor.isBusy());
        QCOMPARE(shownKeys(editor), QStringList {QStringLiteral("team")});
        QCOMPARE(storedTags(fixture, QStringLiteral("support-bot")),
                 (QList<sim::Tag> {sim::Tag {QStringLiteral("team"), QStringLiteral("search")}}));
    }

    void invalidInputAndTheLimitAreCaughtBeforeSending()
    {
        test::LifecycleFixture fixture;
        const QString arn = test::lifecycleDeploymentArn(2);
        QList<sim::Tag> fifty;
        for (int i = 0; i < 50; ++i) {
            fifty.append(sim::Tag {QStringLiteral("k%1").arg(i), QStringLiteral("v")});
        }
        fixture.simulator.store().setTags(arn, fifty);
        TagEditor editor;
        editor.setClient(fixture.client());
        editor.setResourceArn(arn);
        QTRY_VERIFY(editor.isLoaded());
        QCOMPARE(editor.tags().size(), 50);

        editor.keyEdit()->setText(QStringLiteral("aws:owner"));
        QCOMPARE(editor.keyEdit()->property("validity").toString(), QStringLiteral("invalid"));
        QVERIFY(!editor.addButton()->isEnabled());
        editor.keyEdit()->setText(QStringLiteral("owner"));
        editor.valueEdit()->setText(QStringLiteral("bad#value"));
        QCOMPARE(editor.valueEdit()->property("validity").toString(), QStringLiteral("invalid"));
        QCOMPARE(editor.keyEdit()->property("validity").toString(), QStringLiteral("valid"));
        QVERIFY(!editor.addButton()->isEnabled());

        const quint64 requests = fixture.simulator.requestsReceived();
        editor.valueEdit()->setText(QStringLiteral("me"));
        QVERIFY(editor.addButton()->isEnabled());
        editor.addButton()->click();
        QVERIFY2(editor.messageText().contains(QStringLiteral("50")), qPrintable(editor.messageText()));
        QVERIFY(!editor.isBusy());
        QCOMPARE(fixture.simulator.requestsReceived(), requests);   // nothing sent
        QCOMPARE(storedTags(fixture, QStringLiteral("summarizer")).size(), 50);

        // Overwriting an existing key does not add one: allowed.
        editor.keyEdit()->setText(QStringLiteral("k7"));
        editor.addButton()->click();
        QTRY_VERIFY(!editor.isBusy());
        QCOMPARE(editor.messageText(), QString());
        QVERIFY(storedTags(fixture, QStringLiteral("summarizer")).contains(sim::Tag {QStringLiteral("k7"), QStringLiteral("me")}));
    }

    void serviceErrorsAreShownInline()
    {
        test::LifecycleFixture fixture;
        fixture.simulator.faults().forceError(sim::ForcedError {QStringLiteral("TagResource"),
                                                                QStringLiteral("TooManyTagsException"), 1, {}});
        TagEditor editor;
        editor.setClient(fixture.client());
        editor.setResourceArn(test::lifecycleDeploymentArn(3));
        QTRY_VERIFY(editor.isLoaded());
        editor.keyEdit()->setText(QStringLiteral("team"));
        editor.addButton()->click();
        QTRY_VERIFY(!editor.isBusy());
        QVERIFY2(editor.messageText().startsWith(QStringLiteral("A deployment can have at most 50 tags")),
                 qPrintable(editor.messageText()));
        QVERIFY(editor.tags().isEmpty());
    }

    void readOnlyHidesTheControlsAndThePaneCarriesTheEditor()
    {
        test::LifecycleFixture fixture;
        DeploymentDetailPane pane;
        pane.setClient(fixture.client());
        pane.setReadOnly(true);
        pane.show();
        bedrock::DeploymentSummary summary;
        summary.arn = test::lifecycleDeploymentArn(1);
        summary.name = QStringLiteral("support-bot");
        pane.showDeployment(summary);
        TagEditor *editor = pane.tagEditor();
        QCOMPARE(editor->resourceArn(), summary.arn);
        QTRY_VERIFY(editor->isLoaded());
        QVERIFY(!editor->keyEdit()->isVisible());
        QVERIFY(!editor->addButton()->isVisible());
        QVERIFY(!editor->removeButton()->isVisible());
        QVERIFY(editor->table()->isVisible());
        pane.setReadOnly(false);
        QVERIFY(editor->addButton()->isVisible());
        pane.clear();
        QCOMPARE(editor->resourceArn(), QString());
    }
};

QTEST_MAIN(TestTagEditor)
#include "tst_tageditor.moc"
