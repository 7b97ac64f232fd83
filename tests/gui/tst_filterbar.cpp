// SPDX-License-Identifier: Apache-2.0
// FilterBar: each field fills its DeploymentQuery member, debounce and de-duplication of
// queryChanged, inline validation that blocks emission, dates that can be unset, the free model
// ARN, save/restore, the window's Ctrl+E while a field has focus, Ctrl+F, accessible names.
#include "filterbar.h"

#include "aws/utctime.h"

#include <QAbstractSpinBox>
#include <QAccessible>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMainWindow>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QVBoxLayout>

using outcrop::bedrock::CustomModel;
using outcrop::bedrock::DeploymentQuery;
using outcrop::bedrock::SortOrder;
using outcrop::gui::FilterBar;

namespace {

const QString modelArnA = QStringLiteral("arn:aws:bedrock:us-east-1:123456789012:custom-model/amazon.nova-micro-v1:0:128k/abcdefghijkl");
const QString modelArnB = QStringLiteral("arn:aws:bedrock:us-east-1:123456789012:custom-model/imported/mnopqrstuvwx");

QList<CustomModel> twoModels()
{
    CustomModel a;
    a.arn = modelArnA;
    a.name = QStringLiteral("support-bot");
    CustomModel b;
    b.arn = modelArnB;
    b.name = QStringLiteral("claims-triage");
    return {a, b};
}

DeploymentQuery lastQuery(const QSignalSpy &spy)
{
    return spy.last().at(0).value<DeploymentQuery>();
}

// Window shortcuts (Qt::WindowShortcut) only fire in the active window.
bool showActive(QWidget &window)
{
    window.show();
    window.activateWindow();
    return QTest::qWaitForWindowActive(&window);
}

// Lets any pending debounce timer fire, so a test can show that nothing (more) was emitted.
void waitPastDebounce()
{
    QTest::qWait(FilterBar::debounceMilliseconds * 2);
}

// The offscreen platform uses the Windows keyboard scheme, where QLineEdit leaves Ctrl+E alone.
// Under the X11, KDE and GNOME schemes of a Linux desktop Ctrl+E is MoveToEndOfLine, and
// QLineEdit accepts its ShortcutOverride, which keeps the window's shortcut from firing. This
// filter does what that QLineEdit does, so the test shows the desktop behaviour.
class LinuxDesktopCtrlE final : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::ShortcutOverride) {
            auto *key = static_cast<QKeyEvent *>(event);
            if (key->key() == Qt::Key_E && key->modifiers() == Qt::ControlModifier) {
                key->accept();
            }
        }
        return QObject::eventFilter(watched, event);
    }
};

} // namespace

class TestFilterBar : public QObject
{
    Q_OBJECT

private slots:
    void defaultsAreAValidUnfilteredQuery();
    void typedNameMapsToNameContains();
    void rapidTypingCoalescesIntoOneEmission();
    void returnAppliesWithoutWaiting();
    void unchangedQueryIsNotEmittedAgain();
    void statusSortAndPageSizeCombosMapToTheirMembers();
    void modelChosenByNameMapsToItsArn();
    void freeModelArnIsValidated();
    void invalidNameBlocksEmissionAndNamesTheField();
    void datesAreSentInUtcAndCanBeCleared();
    void reversedDateRangeIsInvalid();
    void customModelsArrivingLaterShowTheRestoredModelByName();
    void setQueryShowsTheQueryWithoutEmitting();
    void resetFiltersGoesBackToDefaults();
    void saveRestoreRoundTrip();
    void saveRestoreThroughSettings();
    void restoreIgnoresBadValues();
    void localFilterIsDebouncedAndSeparate();
    void windowShortcutWinsWhileAFieldHasFocus_data();
    void windowShortcutWinsWhileAFieldHasFocus();
    void plainLineEditKeepsCtrlEOnLinuxDesktops();
    void editingShortcutsStayWithTheField();
    void ctrlFFocusesTheLocalFilter();
    void everyInputHasAnAccessibleName();
    void invalidTintFollowsThePalette();
};

void TestFilterBar::defaultsAreAValidUnfilteredQuery()
{
    FilterBar bar;
    const DeploymentQuery query = bar.query();
    QVERIFY(query.nameContains.isEmpty());
    QVERIFY(query.statusEquals.isEmpty());
    QVERIFY(query.modelArnEquals.isEmpty());
    QVERIFY(!query.createdAfter.isValid());
    QVERIFY(!query.createdBefore.isValid());
    QCOMPARE(query.sortOrder, SortOrder::Descending);
    QCOMPARE(query.maxResults, FilterBar::defaultPageSize);
    QVERIFY(query.validate().isEmpty());
    QVERIFY(bar.isValid());
    QVERIFY(bar.messageLabel()->isHidden());
}

void TestFilterBar::typedNameMapsToNameContains()
{
    FilterBar bar;
    QSignalSpy spy(&bar, &FilterBar::queryChanged);
    QTest::keyClicks(bar.nameEdit(), QStringLiteral("prod_v2-eu"));
    QTRY_COMPARE(spy.count(), 1);
    QCOMPARE(lastQuery(spy).nameContains, QStringLiteral("prod_v2-eu"));
    QCOMPARE(bar.query().nameContains, QStringLiteral("prod_v2-eu"));
}

void TestFilterBar::rapidTypingCoalescesIntoOneEmission()
{
    FilterBar bar;
    QSignalSpy spy(&bar, &FilterBar::queryChanged);
    // Every keystroke is a change; the event loop does not run in between, as with fast typing.
    QTest::keyClicks(bar.nameEdit(), QStringLiteral("abcdef"));
    bar.statusCombo()->setCurrentIndex(bar.statusCombo()->findData(QStringLiteral("Active")));
    QCOMPARE(spy.count(), 0);
    QTRY_COMPARE(spy.count(), 1);
    waitPastDebounce();
    QCOMPARE(spy.count(), 1);
    QCOMPARE(lastQuery(spy).nameContains, QStringLiteral("abcdef"));
    QCOMPARE(lastQuery(spy).statusEquals, QStringLiteral("Active"));
}

void TestFilterBar::returnAppliesWithoutWaiting()
{
    FilterBar bar;
    QSignalSpy spy(&bar, &FilterBar::queryChanged);
    QTest::keyClicks(bar.nameEdit(), QStringLiteral("abc"));
    QTest::keyClick(bar.nameEdit(), Qt::Key_Return);
    QCOMPARE(spy.count(), 1);   // synchronously, before any timer
    QCOMPARE(lastQuery(spy).nameContains, QStringLiteral("abc"));
    waitPastDebounce();
    QCOMPARE(spy.count(), 1);   // the pending debounce does not emit it a second time
}

void TestFilterBar::unchangedQueryIsNotEmittedAgain()
{
    FilterBar bar;
    QSignalSpy spy(&bar, &FilterBar::queryChanged);
    QTest::keyClicks(bar.nameEdit(), QStringLiteral("a"));
    QTRY_COMPARE(spy.count(), 1);
    // Typed and taken back before the debounce: the query is the one already emitted.
    QTest::keyClick(bar.nameEdit(), Qt::Key_B);
    QTest::keyClick(bar.nameEdit(), Qt::Key_Backspace);
    waitPastDebounce();
    QCOMPARE(spy.count(), 1);
    bar.applyNow();
    QCOMPARE(spy.count(), 1);
}

void TestFilterBar::statusSortAndPageSizeCombosMapToTheirMembers()
{
    FilterBar bar;
    QSignalSpy spy(&bar, &FilterBar::queryChanged);

    // Choose with the keyboard, as a user without a mouse would.
    bar.statusCombo()->setFocus();
    QTest::keyClick(bar.statusCombo(), Qt::Key_Down);   // Any -> Creating
    QTest::keyClick(bar.statusCombo(), Qt::Key_Down);   // -> Active
    QCOMPARE(bar.statusCombo()->currentText(), QStringLiteral("Active"));
    bar.sortCombo()->setCurrentIndex(bar.sortCombo()->findText(QStringLiteral("Oldest first")));
    bar.pageSizeCombo()->setCurrentIndex(bar.pageSizeCombo()->findData(250));

    QTRY_COMPARE(spy.count(), 1);
    const DeploymentQuery query = lastQuery(spy);
    QCOMPARE(query.statusEquals, QStringLiteral("Active"));
    QCOMPARE(query.sortOrder, SortOrder::Ascending);
    QVERIFY(query.sortByCreationTime);
    QCOMPARE(query.maxResults, 250);

    bar.statusCombo()->setCurrentIndex(bar.statusCombo()->findText(QStringLiteral("Failed")));
    QTRY_COMPARE(spy.count(), 2);
    QCOMPARE(lastQuery(spy).statusEquals, QStringLiteral("Failed"));
    bar.statusCombo()->setCurrentIndex(0);
    QTRY_COMPARE(spy.count(), 3);
    QVERIFY(lastQuery(spy).statusEquals.isEmpty());
}

void TestFilterBar::modelChosenByNameMapsToItsArn()
{
    FilterBar bar;
    bar.setCustomModels(twoModels());
    QCOMPARE(bar.modelCombo()->itemText(0), QStringLiteral("Any model"));
    // Sorted by name; the ARN is the item data and tooltip.
    QCOMPARE(bar.modelCombo()->itemText(1), QStringLiteral("claims-triage"));
    QCOMPARE(bar.modelCombo()->itemData(1).toString(), modelArnB);
    QCOMPARE(bar.modelCombo()->itemData(1, Qt::ToolTipRole).toString(), modelArnB);

    QSignalSpy spy(&bar, &FilterBar::queryChanged);
    bar.modelCombo()->setCurrentIndex(bar.modelCombo()->findText(QStringLiteral("support-bot")));
    QTRY_COMPARE(spy.count(), 1);
    QCOMPARE(lastQuery(spy).modelArnEquals, modelArnA);

    // Typed by name into the editable combo.
    bar.modelCombo()->lineEdit()->clear();
    QTest::keyClicks(bar.modelCombo()->lineEdit(), QStringLiteral("claims-triage"));
    QTRY_COMPARE(spy.count(), 2);
    QCOMPARE(lastQuery(spy).modelArnEquals, modelArnB);

    bar.modelCombo()->setCurrentIndex(0);
    QTRY_COMPARE(spy.count(), 3);
    QVERIFY(lastQuery(spy).modelArnEquals.isEmpty());
}

void TestFilterBar::freeModelArnIsValidated()
{
    FilterBar bar;
    QSignalSpy spy(&bar, &FilterBar::queryChanged);
    QLineEdit *edit = bar.modelCombo()->lineEdit();

    // A foundation-model ARN is not a custom model ARN.
    edit->clear();
    QTest::keyClicks(edit, QStringLiteral("arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-micro-v1:0"));
    QVERIFY(!bar.isValid());
    QVERIFY(bar.firstError().startsWith(QStringLiteral("Model:")));
    QVERIFY(!bar.messageLabel()->isHidden());
    QCOMPARE(bar.messageLabel()->text(), bar.firstError());
    QCOMPARE(bar.modelCombo()->property("validity").toString(), QStringLiteral("invalid"));
    QCOMPARE(bar.modelCombo()->toolTip(), bar.firstError());
    waitPastDebounce();
    QCOMPARE(spy.count(), 0);

    // With a second invalid field the message still names the first and counts the others.
    QTest::keyClicks(bar.nameEdit(), QStringLiteral("a b"));
    QVERIFY(bar.firstError().startsWith(QStringLiteral("Name contains:")));
    QCOMPARE(bar.messageLabel()->text(), bar.firstError() + QStringLiteral(" (one more field is invalid)"));
    bar.nameEdit()->clear();
    QVERIFY(bar.firstError().startsWith(QStringLiteral("Model:")));

    // Text that is neither a known name nor an ARN.
    edit->clear();
    QTest::keyClicks(edit, QStringLiteral("no-such-model"));
    QVERIFY(bar.firstError().contains(QStringLiteral("no-such-model")));
    waitPastDebounce();
    QCOMPARE(spy.count(), 0);

    // A custom model ARN of another account is fine: it is sent as typed.
    edit->clear();
    QTest::keyClicks(edit, modelArnB);
    QVERIFY(bar.isValid());
    QVERIFY(bar.messageLabel()->isHidden());
    QCOMPARE(bar.modelCombo()->property("validity").toString(), QStringLiteral("valid"));
    QTRY_COMPARE(spy.count(), 1);
    QCOMPARE(lastQuery(spy).modelArnEquals, modelArnB);
}

void TestFilterBar::invalidNameBlocksEmissionAndNamesTheField()
{
    FilterBar bar;
    QSignalSpy spy(&bar, &FilterBar::queryChanged);
    QTest::keyClicks(bar.nameEdit(), QStringLiteral("bad!"));
    QVERIFY(!bar.isValid());
    QVERIFY(bar.firstError().startsWith(QStringLiteral("Name contains:")));
    QVERIFY(bar.firstError().contains(QStringLiteral("'!'")));
    QCOMPARE(bar.messageLabel()->text(), bar.firstError());
    QVERIFY(!bar.messageLabel()->isHidden());
    QCOMPARE(bar.nameEdit()->property("validity").toString(), QStringLiteral("invalid"));
    QCOMPARE(bar.nameEdit()->accessibleDescription(), bar.firstError());
    QTest::keyClick(bar.nameEdit(), Qt::Key_Return);   // not even on Return
    waitPastDebounce();
    QCOMPARE(spy.count(), 0);

    bar.nameEdit()->clear();
    QTest::keyClicks(bar.nameEdit(), QString(64, QLatin1Char('x')));
    QVERIFY(bar.firstError().startsWith(QStringLiteral("Name contains: 64 characters")));
    waitPastDebounce();
    QCOMPARE(spy.count(), 0);

    // Fixed: the message goes away and the query is sent.
    QTest::keyClick(bar.nameEdit(), Qt::Key_Backspace);
    QVERIFY(bar.isValid());
    QVERIFY(bar.messageLabel()->isHidden());
    QCOMPARE(bar.nameEdit()->property("validity").toString(), QStringLiteral("valid"));
    QTRY_COMPARE(spy.count(), 1);
    QCOMPARE(lastQuery(spy).nameContains, QString(63, QLatin1Char('x')));
}

void TestFilterBar::datesAreSentInUtcAndCanBeCleared()
{
    FilterBar bar;
    QSignalSpy spy(&bar, &FilterBar::queryChanged);
    const QDateTime localAfter(QDate(2025, 7, 1), QTime(9, 30));
    const QDateTime localBefore(QDate(2025, 8, 1), QTime(18, 0));

    QVERIFY(!bar.createdAfterEdit()->isEnabled());
    QTest::mouseClick(bar.createdAfterCheck(), Qt::LeftButton, {}, QPoint(4, bar.createdAfterCheck()->height() / 2));
    QVERIFY(bar.createdAfterCheck()->isChecked());
    QVERIFY(bar.createdAfterEdit()->isEnabled());
    bar.createdAfterEdit()->setDateTime(localAfter);
    bar.createdBeforeCheck()->setChecked(true);
    bar.createdBeforeEdit()->setDateTime(localBefore);
    QTRY_COMPARE(spy.count(), 1);
    DeploymentQuery query = lastQuery(spy);
    QCOMPARE(query.createdAfter, localAfter);   // the same instant...
    QCOMPARE(query.createdAfter, outcrop::aws::utcDateTime(QDate(2025, 7, 1), QTime(9, 30)).addSecs(-localAfter.offsetFromUtc()));
    QVERIFY(query.createdAfter.offsetFromUtc() == 0);   // ...sent in UTC
    QCOMPARE(query.createdBefore, localBefore);
    QVERIFY(query.createdBefore.offsetFromUtc() == 0);

    // Unchecking removes the bound.
    bar.createdAfterCheck()->setChecked(false);
    QVERIFY(!bar.createdAfterEdit()->isEnabled());
    QTRY_COMPARE(spy.count(), 2);
    query = lastQuery(spy);
    QVERIFY(!query.createdAfter.isValid());
    QCOMPARE(query.createdBefore, localBefore);

    bar.createdBeforeCheck()->setChecked(false);
    QTRY_COMPARE(spy.count(), 3);
    QVERIFY(!lastQuery(spy).createdBefore.isValid());
}

void TestFilterBar::reversedDateRangeIsInvalid()
{
    FilterBar bar;
    QSignalSpy spy(&bar, &FilterBar::queryChanged);
    bar.createdAfterCheck()->setChecked(true);
    bar.createdAfterEdit()->setDateTime(QDateTime(QDate(2025, 9, 1), QTime(0, 0)));
    bar.createdBeforeCheck()->setChecked(true);
    bar.createdBeforeEdit()->setDateTime(QDateTime(QDate(2025, 8, 1), QTime(0, 0)));
    QVERIFY(!bar.isValid());
    QVERIFY(bar.firstError().startsWith(QStringLiteral("Created after (2025-09-01 00:00)")));
    QCOMPARE(bar.createdAfterEdit()->property("validity").toString(), QStringLiteral("invalid"));
    QCOMPARE(bar.createdBeforeEdit()->property("validity").toString(), QStringLiteral("invalid"));
    waitPastDebounce();
    QCOMPARE(spy.count(), 0);

    // Clearing one bound makes the rest valid again.
    bar.createdBeforeCheck()->setChecked(false);
    QVERIFY(bar.isValid());
    QCOMPARE(bar.createdAfterEdit()->property("validity").toString(), QStringLiteral("valid"));
    QTRY_COMPARE(spy.count(), 1);
    QVERIFY(lastQuery(spy).createdAfter.isValid());
    QVERIFY(!lastQuery(spy).createdBefore.isValid());
}

void TestFilterBar::customModelsArrivingLaterShowTheRestoredModelByName()
{
    FilterBar bar;
    DeploymentQuery restored;
    restored.modelArnEquals = modelArnA;
    bar.setQuery(restored);
    QCOMPARE(bar.modelCombo()->currentText(), modelArnA);   // not known yet: the ARN
    QVERIFY(bar.isValid());

    QSignalSpy spy(&bar, &FilterBar::queryChanged);
    bar.setCustomModels(twoModels());
    QCOMPARE(bar.modelCombo()->currentText(), QStringLiteral("support-bot"));
    QCOMPARE(bar.query().modelArnEquals, modelArnA);
    waitPastDebounce();
    QCOMPARE(spy.count(), 0);   // same query: nothing to reload

    // A name typed before the list arrived becomes valid when its model is listed.
    FilterBar early;
    QSignalSpy earlySpy(&early, &FilterBar::queryChanged);
    QTest::keyClicks(early.modelCombo()->lineEdit(), QStringLiteral("claims-triage"));
    QVERIFY(!early.isValid());
    early.setCustomModels(twoModels());
    QVERIFY2(early.isValid(), qPrintable(early.firstError() + QLatin1Char('|') + early.modelCombo()->currentText()));
    QTRY_COMPARE(earlySpy.count(), 1);
    QCOMPARE(lastQuery(earlySpy).modelArnEquals, modelArnB);
}

void TestFilterBar::setQueryShowsTheQueryWithoutEmitting()
{
    FilterBar bar;
    bar.setCustomModels(twoModels());
    QSignalSpy spy(&bar, &FilterBar::queryChanged);
    DeploymentQuery query;
    query.nameContains = QStringLiteral("eu-");
    query.statusEquals = QStringLiteral("failed");   // any case, as from the command line
    query.modelArnEquals = modelArnB;
    query.createdAfter = outcrop::aws::utcDateTime(QDate(2025, 6, 1), QTime(12, 0));
    query.sortOrder = SortOrder::Ascending;
    query.maxResults = 37;   // not offered, kept
    bar.setQuery(query);

    QCOMPARE(bar.nameEdit()->text(), QStringLiteral("eu-"));
    QCOMPARE(bar.statusCombo()->currentData().toString(), QStringLiteral("Failed"));
    QCOMPARE(bar.modelCombo()->currentText(), QStringLiteral("claims-triage"));
    QVERIFY(bar.createdAfterCheck()->isChecked());
    QVERIFY(!bar.createdBeforeCheck()->isChecked());
    QCOMPARE(bar.pageSizeCombo()->currentData().toInt(), 37);
    query.sortByCreationTime = true;
    QCOMPARE(bar.query(), query);
    waitPastDebounce();
    QCOMPARE(spy.count(), 0);
}

void TestFilterBar::resetFiltersGoesBackToDefaults()
{
    FilterBar bar;
    QSignalSpy spy(&bar, &FilterBar::queryChanged);
    QTest::keyClicks(bar.nameEdit(), QStringLiteral("x"));
    bar.createdBeforeCheck()->setChecked(true);
    bar.pageSizeCombo()->setCurrentIndex(0);
    QTRY_COMPARE(spy.count(), 1);
    bar.resetFilters();
    QTRY_COMPARE(spy.count(), 2);
    QCOMPARE(lastQuery(spy), FilterBar().query());
}

void TestFilterBar::saveRestoreRoundTrip()
{
    FilterBar bar;
    bar.setCustomModels(twoModels());
    QTest::keyClicks(bar.nameEdit(), QStringLiteral("prod"));
    bar.statusCombo()->setCurrentIndex(bar.statusCombo()->findData(QStringLiteral("Creating")));
    bar.modelCombo()->setCurrentIndex(bar.modelCombo()->findData(modelArnA));
    bar.createdAfterCheck()->setChecked(true);
    bar.createdAfterEdit()->setDateTime(QDateTime(QDate(2025, 5, 4), QTime(3, 2)));
    bar.createdBeforeCheck()->setChecked(true);
    bar.createdBeforeEdit()->setDateTime(QDateTime(QDate(2025, 6, 7), QTime(8, 9)));
    bar.sortCombo()->setCurrentIndex(1);
    bar.pageSizeCombo()->setCurrentIndex(bar.pageSizeCombo()->findData(1000));
    QTest::keyClicks(bar.localFilterEdit(), QStringLiteral("nova"));
    const QVariantMap state = bar.saveState();

    FilterBar restored;   // before the models are known, as at start-up
    QSignalSpy spy(&restored, &FilterBar::queryChanged);
    QSignalSpy localSpy(&restored, &FilterBar::localFilterChanged);
    restored.restoreState(state);
    QCOMPARE(restored.query(), bar.query());
    QCOMPARE(restored.localFilterText(), QStringLiteral("nova"));
    QCOMPARE(restored.saveState(), state);
    waitPastDebounce();
    QCOMPARE(spy.count(), 0);
    QCOMPARE(localSpy.count(), 0);

    // Defaults leave nothing but the page size and order behind.
    const QVariantMap defaults = FilterBar().saveState();
    QVERIFY(!defaults.contains(QStringLiteral("nameContains")));
    QVERIFY(!defaults.contains(QStringLiteral("createdAfter")));
    restored.restoreState(defaults);
    QCOMPARE(restored.query(), FilterBar().query());
    QVERIFY(restored.localFilterText().isEmpty());
}

void TestFilterBar::saveRestoreThroughSettings()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = dir.filePath(QStringLiteral("outcrop.ini"));
    FilterBar bar;
    QTest::keyClicks(bar.nameEdit(), QStringLiteral("eu"));
    bar.createdAfterCheck()->setChecked(true);
    bar.createdAfterEdit()->setDateTime(QDateTime(QDate(2025, 1, 2), QTime(3, 4)));
    {
        QSettings settings(file, QSettings::IniFormat);
        settings.beginGroup(QStringLiteral("filters"));
        settings.setValue(QStringLiteral("statusEquals"), QStringLiteral("Active"));   // stale key
        bar.saveState(settings);
    }
    {
        QSettings settings(file, QSettings::IniFormat);
        settings.beginGroup(QStringLiteral("filters"));
        QVERIFY(!settings.contains(QStringLiteral("statusEquals")));   // unset now: removed
        FilterBar restored;
        restored.restoreState(settings);
        QCOMPARE(restored.query(), bar.query());
    }
    // Readable text, no binary QVariant.
    QFile ini(file);
    QVERIFY(ini.open(QIODevice::ReadOnly));
    const QByteArray text = ini.readAll();
    QVERIFY2(text.contains("nameContains=eu"), text.constData());
    QVERIFY2(!text.contains("@Variant"), text.constData());
}

void TestFilterBar::restoreIgnoresBadValues()
{
    FilterBar bar;
    QVariantMap state;
    state.insert(QStringLiteral("createdAfter"), QStringLiteral("yesterday"));
    state.insert(QStringLiteral("sortOrder"), QStringLiteral("sideways"));
    state.insert(QStringLiteral("maxResults"), QStringLiteral("many"));
    state.insert(QStringLiteral("statusEquals"), QStringLiteral("Deleting"));
    state.insert(QStringLiteral("nameContains"), QStringLiteral("has space"));
    bar.restoreState(state);
    QVERIFY(!bar.createdAfterCheck()->isChecked());
    QCOMPARE(bar.query().sortOrder, SortOrder::Descending);
    QCOMPARE(bar.query().maxResults, FilterBar::defaultPageSize);
    QVERIFY(bar.query().statusEquals.isEmpty());
    // A bad name is shown, with the reason, rather than dropped.
    QCOMPARE(bar.nameEdit()->text(), QStringLiteral("has space"));
    QVERIFY(bar.firstError().contains(QStringLiteral("a space")));
}

void TestFilterBar::localFilterIsDebouncedAndSeparate()
{
    FilterBar bar;
    QSignalSpy querySpy(&bar, &FilterBar::queryChanged);
    QSignalSpy localSpy(&bar, &FilterBar::localFilterChanged);
    QTest::keyClicks(bar.localFilterEdit(), QStringLiteral("nova"));
    QTRY_COMPARE(localSpy.count(), 1);
    QCOMPARE(localSpy.last().at(0).toString(), QStringLiteral("nova"));
    QTest::keyClick(bar.localFilterEdit(), Qt::Key_Backspace);
    QTest::keyClick(bar.localFilterEdit(), Qt::Key_Return);   // at once
    QCOMPARE(localSpy.count(), 2);
    QCOMPARE(localSpy.last().at(0).toString(), QStringLiteral("nov"));
    waitPastDebounce();
    QCOMPARE(localSpy.count(), 2);
    QCOMPARE(querySpy.count(), 0);   // the service is not asked again
}

void TestFilterBar::windowShortcutWinsWhileAFieldHasFocus_data()
{
    QTest::addColumn<QString>("field");
    QTest::newRow("name") << QStringLiteral("nameContains");
    QTest::newRow("model combo") << QStringLiteral("modelArnEquals");
    QTest::newRow("date") << QStringLiteral("createdAfter");
    QTest::newRow("local filter") << QStringLiteral("localFilter");
}

void TestFilterBar::windowShortcutWinsWhileAFieldHasFocus()
{
    QFETCH(QString, field);
    QMainWindow window;
    auto *bar = new FilterBar;
    window.setCentralWidget(bar);
    // The window owns export, as the dashboard does.
    auto *exportAction = new QAction(QStringLiteral("Export"), &window);
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    exportAction->setShortcutContext(Qt::WindowShortcut);
    window.addAction(exportAction);
    QSignalSpy exported(exportAction, &QAction::triggered);
    bar->createdAfterCheck()->setChecked(true);
    QVERIFY(showActive(window));

    auto *target = bar->findChild<QWidget *>(field);
    QVERIFY(target);
    target->setFocus();
    QTRY_VERIFY(target->hasFocus());
    auto *lineEdit = qobject_cast<QLineEdit *>(target);
    if (lineEdit) {
        QTest::keyClicks(lineEdit, QStringLiteral("ab"));
    }
    LinuxDesktopCtrlE desktopBindings;
    QApplication::focusWidget()->installEventFilter(&desktopBindings);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_E, Qt::ControlModifier);
    QCOMPARE(exported.count(), 1);
    if (lineEdit) {
        QCOMPARE(lineEdit->text(), QStringLiteral("ab"));   // and no 'e' typed
    }
}

void TestFilterBar::plainLineEditKeepsCtrlEOnLinuxDesktops()
{
    // The control for the test above: without the bar's filter, a line edit with the desktop
    // bindings takes Ctrl+E and the window's export never fires.
    QMainWindow window;
    auto *plainEdit = new QLineEdit;
    window.setCentralWidget(plainEdit);
    auto *exportAction = new QAction(QStringLiteral("Export"), &window);
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    window.addAction(exportAction);
    QSignalSpy exported(exportAction, &QAction::triggered);
    QVERIFY(showActive(window));
    plainEdit->setFocus();
    QTRY_VERIFY(plainEdit->hasFocus());
    LinuxDesktopCtrlE desktopBindings;
    plainEdit->installEventFilter(&desktopBindings);
    QTest::keyClick(plainEdit, Qt::Key_E, Qt::ControlModifier);
    QCOMPARE(exported.count(), 0);
}

void TestFilterBar::editingShortcutsStayWithTheField()
{
    // A window action on an editing key (Copy) must not take it from a text field.
    QMainWindow window;
    auto *bar = new FilterBar;
    window.setCentralWidget(bar);
    auto *copyAction = new QAction(QStringLiteral("Copy ARN"), &window);
    copyAction->setShortcut(QKeySequence::Copy);
    window.addAction(copyAction);
    QSignalSpy copied(copyAction, &QAction::triggered);
    QVERIFY(showActive(window));

    bar->nameEdit()->setFocus();
    QTRY_VERIFY(bar->nameEdit()->hasFocus());
    QTest::keyClicks(bar->nameEdit(), QStringLiteral("abc"));
    QTest::keySequence(bar->nameEdit(), QKeySequence::SelectAll);
    QCOMPARE(bar->nameEdit()->selectedText(), QStringLiteral("abc"));
    QTest::keySequence(bar->nameEdit(), QKeySequence::Copy);
    QCOMPARE(copied.count(), 0);
    // A word delete is an editing key too.
    bar->nameEdit()->end(false);
    QTest::keySequence(bar->nameEdit(), QKeySequence::DeleteStartOfWord);
    QVERIFY2(bar->nameEdit()->text().isEmpty(), qPrintable(bar->nameEdit()->text()));
}

void TestFilterBar::ctrlFFocusesTheLocalFilter()
{
    QMainWindow window;
    auto *bar = new FilterBar;
    window.setCentralWidget(bar);
    QVERIFY(showActive(window));
    bar->localFilterEdit()->setText(QStringLiteral("old"));
    bar->nameEdit()->setFocus();
    QTRY_VERIFY(bar->nameEdit()->hasFocus());
    QTest::keySequence(bar->nameEdit(), QKeySequence::Find);
    QVERIFY(bar->localFilterEdit()->hasFocus());
    QCOMPARE(bar->localFilterEdit()->selectedText(), QStringLiteral("old"));   // typing replaces it
}

// What an assistive technology announces a widget by: its accessible name, or the text of the
// label that labels it (the buddy relation). On Linux Qt gives a combo box its current text as
// the name and its label only through the relation, so a combo must have a buddy label.
QString spokenLabel(QWidget *widget)
{
    QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(widget);
    if (!accessible) {
        return {};
    }
    const auto labels = accessible->relations(QAccessible::Label);
    for (const auto &relation : labels) {
        const QString text = relation.first->text(QAccessible::Name);
        if (!text.isEmpty()) {
            return text;
        }
    }
    return qobject_cast<QComboBox *>(widget) ? QString() : accessible->text(QAccessible::Name);
}

void TestFilterBar::everyInputHasAnAccessibleName()
{
    FilterBar bar;
    bar.setCustomModels(twoModels());
    bar.show();
    int checked = 0;
    const QList<QWidget *> widgets = bar.findChildren<QWidget *>();
    for (QWidget *widget : widgets) {
        if (widget->focusPolicy() == Qt::NoFocus || !widget->isVisibleTo(&bar)) {
            continue;   // labels, the line edits' inner icon buttons
        }
        QVERIFY2(!spokenLabel(widget).isEmpty(),
                 qPrintable(QStringLiteral("%1 (%2) has neither an accessible name nor a buddy label")
                                .arg(QString::fromLatin1(widget->metaObject()->className()), widget->objectName())));
        ++checked;
    }
    // Name, status, model (and its line edit), two check boxes and date edits (and their line
    // edits), sort, page size, reset, local filter.
    QVERIFY2(checked >= 14, qPrintable(QString::number(checked)));
    QCOMPARE(spokenLabel(bar.nameEdit()), QStringLiteral("Name contains:"));
    QCOMPARE(spokenLabel(bar.statusCombo()), QStringLiteral("Status:"));
    QCOMPARE(spokenLabel(bar.modelCombo()), QStringLiteral("Model:"));
    QCOMPARE(spokenLabel(bar.createdAfterEdit()), QStringLiteral("Created after (local time)"));
}

void TestFilterBar::invalidTintFollowsThePalette()
{
    FilterBar bar;
    QTest::keyClicks(bar.nameEdit(), QStringLiteral("a b"));
    const QColor lightTint = bar.nameEdit()->palette().color(QPalette::Base);
    QVERIFY(lightTint != bar.palette().color(QPalette::Base));

    QPalette dark = bar.palette();
    dark.setColor(QPalette::Base, QColor(30, 30, 30));
    dark.setColor(QPalette::Text, QColor(230, 230, 230));
    bar.setPalette(dark);
    const QColor darkTint = bar.nameEdit()->palette().color(QPalette::Base);
    QVERIFY(darkTint != lightTint);
    QVERIFY(darkTint.lightness() < 110);   // still a dark field: the light text stays readable
    QCOMPARE(bar.nameEdit()->palette().color(QPalette::Text), QColor(230, 230, 230));

    bar.nameEdit()->clear();
    QCOMPARE(bar.nameEdit()->palette().color(QPalette::Base), QColor(30, 30, 30));
}

QTEST_MAIN(TestFilterBar)
#include "tst_filterbar.moc"
