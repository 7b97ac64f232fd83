// SPDX-License-Identifier: Apache-2.0
// StatusSidebar: All plus one entry per status with the counts of StatusCounts, marked partial
// while pages remain; picking an entry by mouse, keyboard or selectStatus() emits the status set.

#include "guitestsupport.h"

#include "deploymenttablemodel.h"
#include "statuscounts.h"
#include "statussidebar.h"

#include <QListView>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTest>

using namespace outcrop;
using namespace outcrop::gui;
using namespace outcrop::gui::test;
using Model = DeploymentTableModel;

namespace {

QStringList entryKeys(const StatusSidebar &sidebar)
{
    QStringList keys;
    const QAbstractItemModel *model = sidebar.view()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        keys.append(model->index(row, 0).data(StatusSidebar::StatusKeyRole).toString());
    }
    return keys;
}

QModelIndex entryOf(const StatusSidebar &sidebar, const QString &key)
{
    const QAbstractItemModel *model = sidebar.view()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(StatusSidebar::StatusKeyRole).toString() == key) {
            return model->index(row, 0);
        }
    }
    return {};
}

QString countText(const StatusSidebar &sidebar, const QString &key)
{
    return entryOf(sidebar, key).data(StatusSidebar::CountTextRole).toString();
}

QSet<QString> emittedSet(const QSignalSpy &spy, int at)
{
    return spy.at(at).at(0).value<QSet<QString>>();
}

void clickEntry(const StatusSidebar &sidebar, const QString &key)
{
    const QRect rect = sidebar.view()->visualRect(entryOf(sidebar, key));
    QVERIFY(!rect.isEmpty());
    QTest::mouseClick(sidebar.view()->viewport(), Qt::LeftButton, {}, rect.center());
}

} // namespace

class TestStatusSidebar : public QObject
{
    Q_OBJECT

private slots:
    void entriesFollowCountsAndArePartialWhilePagesRemain();
    void clickingAndKeyboardSelectionEmitTheStatus();
    void selectStatusDrivesTheSelection();
};

void TestStatusSidebar::entriesFollowCountsAndArePartialWhilePagesRemain()
{
    SimFixture sim(quietConfig(120));
    Model model;
    model.setPageSize(50);
    StatusCounts counts;
    counts.setModel(&model);
    StatusSidebar sidebar;
    // Without counts: All and the modelled statuses at 0.
    QCOMPARE(entryKeys(sidebar), (QStringList{QString(), QStringLiteral("Creating"), QStringLiteral("Active"),
                                              QStringLiteral("Failed")}));
    QCOMPARE(countText(sidebar, QString()), QStringLiteral("0"));
    sidebar.setStatusCounts(&counts);

    model.setClient(sim.client());
    QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 50, 10000);
    QVERIFY(model.hasMore());
    QCOMPARE(countText(sidebar, QString()), QStringLiteral("50+"));
    QCOMPARE(entryKeys(sidebar), QStringList{QString()} + counts.statusKeys());
    for (const QString &key : counts.statusKeys()) {
        QCOMPARE(countText(sidebar, key), QString::number(counts.count(key)) + QLatin1Char('+'));
    }
    QVERIFY(entryOf(sidebar, QStringLiteral("Active")).data(Qt::ToolTipRole).toString().contains(QStringLiteral("so far")));
    // Screen readers get the label and the count.
    const QString activeText = entryOf(sidebar, QStringLiteral("Active")).data(Qt::DisplayRole).toString();
    QVERIFY2(activeText.contains(QStringLiteral("Active")) && activeText.contains(countText(sidebar, QStringLiteral("Active"))),
             qPrintable(activeText));

    model.loadAll();
    QTRY_VERIFY_WITH_TIMEOUT(!model.hasMore() && !model.isLoading(), 15000);
    QCOMPARE(countText(sidebar, QString()), QStringLiteral("120"));
    int sum = 0;
    for (const QString &key : counts.statusKeys()) {
        QCOMPARE(countText(sidebar, key), QString::number(counts.count(key)));
        sum += counts.count(key);
    }
    QCOMPARE(sum, 120);
    QVERIFY(!entryOf(sidebar, QStringLiteral("Active")).data(Qt::ToolTipRole).toString().contains(QStringLiteral("so far")));
}

void TestStatusSidebar::clickingAndKeyboardSelectionEmitTheStatus()
{
    SimFixture sim(quietConfig(30));
    Model model;
    StatusCounts counts;
    counts.setModel(&model);
    model.setClient(sim.client());
    QTRY_VERIFY_WITH_TIMEOUT(!model.hasMore() && !model.isLoading() && model.rowCount() == 30, 10000);

    StatusSidebar sidebar;
    sidebar.setStatusCounts(&counts);
    sidebar.resize(240, 300);
    sidebar.show();
    QVERIFY(QTest::qWaitForWindowExposed(&sidebar));
    QSignalSpy changed(&sidebar, &StatusSidebar::statusFilterChanged);
    QCOMPARE(sidebar.selectedStatus(), QString());

    clickEntry(sidebar, QStringLiteral("Active"));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(emittedSet(changed, 0), QSet<QString>{QStringLiteral("Active")});
    QCOMPARE(sidebar.selectedStatus(), QStringLiteral("Active"));

    // Down from Active (Creating, Active, Failed) is Failed.
    sidebar.view()->setFocus();
    QTest::keyClick(sidebar.view(), Qt::Key_Down);
    QCOMPARE(changed.count(), 2);
    QCOMPARE(emittedSet(changed, 1), QSet<QString>{QStringLiteral("Failed")});

    // Ctrl+click on the selected entry keeps it selected and the filter unchanged.
    QTest::mouseClick(sidebar.view()->viewport(), Qt::LeftButton, Qt::ControlModifier,
                      sidebar.view()->visualRect(entryOf(sidebar, QStringLiteral("Failed"))).center());
    QCOMPARE(changed.count(), 2);
    QVERIFY(sidebar.view()->selectionModel()->isSelected(entryOf(sidebar, QStringLiteral("Failed"))));

    QTest::keyClick(sidebar.view(), Qt::Key_Home);
    QCOMPARE(changed.count(), 3);
    QCOMPARE(emittedSet(changed, 2), QSet<QString>());
    QCOMPARE(sidebar.selectedStatus(), QString());

    clickEntry(sidebar, QStringLiteral("Creating"));
    clickEntry(sidebar, QString());   // All clears the filter
    QCOMPARE(changed.count(), 5);
    QCOMPARE(emittedSet(changed, 3), QSet<QString>{QStringLiteral("Creating")});
    QCOMPARE(emittedSet(changed, 4), QSet<QString>());
}

void TestStatusSidebar::selectStatusDrivesTheSelection()
{
    SimFixture sim(quietConfig(20));
    Model model;
    StatusCounts counts;
    counts.setModel(&model);
    model.setClient(sim.client());
    QTRY_VERIFY_WITH_TIMEOUT(!model.hasMore() && !model.isLoading() && model.rowCount() == 20, 10000);
    StatusSidebar sidebar;
    sidebar.setStatusCounts(&counts);
    QSignalSpy changed(&sidebar, &StatusSidebar::statusFilterChanged);

    sidebar.selectStatus(QStringLiteral("Failed"));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(emittedSet(changed, 0), QSet<QString>{QStringLiteral("Failed")});
    QCOMPARE(sidebar.view()->currentIndex(), entryOf(sidebar, QStringLiteral("Failed")));
    sidebar.selectStatus(QStringLiteral("Failed"));   // no change, no signal
    QCOMPARE(changed.count(), 1);

    // A status no loaded row has (yet) is listed at 0 while selected, and leaves the list after.
    QVERIFY(!counts.statusKeys().contains(QStringLiteral("Deleting")));
    sidebar.selectStatus(QStringLiteral("Deleting"));
    QCOMPARE(changed.count(), 2);
    QCOMPARE(emittedSet(changed, 1), QSet<QString>{QStringLiteral("Deleting")});
    QCOMPARE(countText(sidebar, QStringLiteral("Deleting")), QStringLiteral("0"));
    QVERIFY(sidebar.view()->selectionModel()->isSelected(entryOf(sidebar, QStringLiteral("Deleting"))));

    sidebar.selectStatus(QString());
    QCOMPARE(changed.count(), 3);
    QCOMPARE(emittedSet(changed, 2), QSet<QString>());
    QVERIFY(!entryOf(sidebar, QStringLiteral("Deleting")).isValid());
    QVERIFY(sidebar.view()->selectionModel()->isSelected(entryOf(sidebar, QString())));
}

QTEST_MAIN(TestStatusSidebar)
#include "tst_statussidebar.moc"
