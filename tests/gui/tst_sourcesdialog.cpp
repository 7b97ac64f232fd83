// SPDX-License-Identifier: Apache-2.0
// View > Sources > Choose Sources: a region the list does not offer can be typed; a name that is
// not a region is refused with a message under the field and never reaches the sources.
#include "sourcesdialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace outcrop::gui;

namespace {

QLineEdit *regionInput(SourcesDialog &dialog)
{
    return dialog.findChild<QLineEdit *>(QStringLiteral("regionInput"));
}

QLabel *regionProblem(SourcesDialog &dialog)
{
    return dialog.findChild<QLabel *>(QStringLiteral("regionProblem"));
}

QPushButton *showButton(SourcesDialog &dialog)
{
    return dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
}

} // namespace

class TestSourcesDialog : public QObject
{
    Q_OBJECT

private slots:
    void aTypedRegionIsAddedAndChecked()
    {
        SourcesDialog dialog({QStringLiteral("dev")}, {QStringLiteral("us-east-1")});
        dialog.setSelection({QStringLiteral("dev")}, {});
        dialog.show();
        QLineEdit *input = regionInput(dialog);
        QVERIFY(input);
        QTest::keyClicks(input, QStringLiteral("  ap-east-9 "));
        dialog.findChild<QPushButton *>(QStringLiteral("addRegion"))->click();
        QCOMPARE(dialog.checkedRegions(), QStringList{QStringLiteral("ap-east-9")});
        QVERIFY(input->text().isEmpty());
        QVERIFY(regionProblem(dialog)->isHidden());
        const QString summary = dialog.findChild<QLabel *>(QStringLiteral("summary"))->text();
        QVERIFY2(summary.startsWith(QStringLiteral("1 source")), qPrintable(summary));
        // A region already listed is checked, not listed twice.
        QTest::keyClicks(input, QStringLiteral("us-east-1"));
        QVERIFY(dialog.addTypedRegion());
        QCOMPARE(dialog.findChild<QListWidget *>(QStringLiteral("regions"))->findItems(QStringLiteral("us-east-1"),
                                                                                       Qt::MatchExactly).size(),
                 1);
        QCOMPARE(dialog.checkedRegions(), QStringList({QStringLiteral("us-east-1"), QStringLiteral("ap-east-9")}));
    }

    void enterAddsTheRegionWithoutClosingTheDialog()
    {
        SourcesDialog dialog({QStringLiteral("dev")}, {QStringLiteral("us-east-1")});
        dialog.setSelection({QStringLiteral("dev")}, {});
        QSignalSpy chosen(&dialog, &SourcesDialog::sourcesChosen);
        dialog.show();
        QLineEdit *input = regionInput(dialog);
        input->setFocus();
        QTest::keyClicks(input, QStringLiteral("eu-south-3"));
        QTest::keyClick(input, Qt::Key_Return);
        QCOMPARE(dialog.checkedRegions(), QStringList{QStringLiteral("eu-south-3")});
        QCOMPARE(chosen.size(), 0);
        QVERIFY(dialog.isVisible());
    }

    void aNameThatIsNotARegionIsRefusedWithAMessage_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::newRow("upper case") << QStringLiteral("US-EAST-1");
        QTest::newRow("space") << QStringLiteral("us east 1");
        QTest::newRow("double hyphen") << QStringLiteral("us--east-1");
        QTest::newRow("trailing hyphen") << QStringLiteral("us-east-");
        QTest::newRow("dot") << QStringLiteral("bedrock.us-east-1");
        QTest::newRow("too long") << QStringLiteral("a").repeated(51);
    }
    void aNameThatIsNotARegionIsRefusedWithAMessage()
    {
        QFETCH(QString, typed);
        SourcesDialog dialog({QStringLiteral("dev")}, {QStringLiteral("us-east-1")});
        dialog.setSelection({QStringLiteral("dev")}, {QStringLiteral("us-east-1")});
        QSignalSpy chosen(&dialog, &SourcesDialog::sourcesChosen);
        dialog.show();
        QLineEdit *input = regionInput(dialog);
        input->setText(typed);
        QVERIFY(!dialog.addTypedRegion());
        QVERIFY(regionProblem(dialog)->isVisible());
        QVERIFY2(regionProblem(dialog)->text().contains(typed), qPrintable(regionProblem(dialog)->text()));
        QVERIFY(regionProblem(dialog)->text().contains(QStringLiteral("not a region name")));
        QCOMPARE(input->property("validity").toString(), QStringLiteral("invalid"));
        QCOMPARE(dialog.checkedRegions(), QStringList{QStringLiteral("us-east-1")});
        // Show does not go ahead with a bad region in the field.
        showButton(dialog)->click();
        QCOMPARE(chosen.size(), 0);
        QVERIFY(dialog.isVisible());
        // Editing the field takes the message away.
        QTest::keyClick(input, Qt::Key_Backspace);
        QVERIFY(regionProblem(dialog)->isHidden());
        QCOMPARE(input->property("validity").toString(), QStringLiteral("valid"));
    }

    void aRegionLeftInTheFieldIsShownToo()
    {
        SourcesDialog dialog({QStringLiteral("dev"), QStringLiteral("prod")}, {QStringLiteral("us-east-1")});
        dialog.setSelection({QStringLiteral("dev"), QStringLiteral("prod")}, {QStringLiteral("us-east-1")});
        QSignalSpy chosen(&dialog, &SourcesDialog::sourcesChosen);
        dialog.show();
        regionInput(dialog)->setText(QStringLiteral("ca-west-7"));
        showButton(dialog)->click();
        QCOMPARE(chosen.size(), 1);
        const auto view = chosen.first().first().value<SourceView>();
        QCOMPARE(view.regions, QStringList({QStringLiteral("us-east-1"), QStringLiteral("ca-west-7")}));
    }

    void anEmptyFieldSaysWhatToType()
    {
        SourcesDialog dialog({QStringLiteral("dev")}, {});
        dialog.show();
        QVERIFY(!dialog.addTypedRegion());
        QVERIFY(regionProblem(dialog)->isVisible());
        QVERIFY(!regionProblem(dialog)->text().isEmpty());
    }
};

QTEST_MAIN(TestSourcesDialog)
#include "tst_sourcesdialog.moc"
