// SPDX-License-Identifier: Apache-2.0
#include "filterbar.h"

#include "custommodelcombo.h"

#include "fieldvaliditymarker.h"
#include "flowlayout.h"
#include "localtimeformatter.h"
#include "querystate.h"
#include "settingswriter.h"
#include "windowshortcutpriority.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateTimeEdit>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QAbstractItemView>
#include <QSettings>
#include <QStyle>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace outcrop::gui {

using bedrock::CustomModel;
using bedrock::DeploymentQuery;
using bedrock::SortOrder;

namespace {

const QString localFilterKey = QStringLiteral("localFilter");

// Minimum field widths, in characters: small enough that the bar fits a 960 px wide window (a
// 1920 px screen at 200%); the fields grow with the window.
constexpr int nameFieldCharacters = 12;
constexpr int modelFieldCharacters = 18;
constexpr int localFilterCharacters = 12;

QLabel *buddyLabel(const QString &text, QWidget *buddy, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setBuddy(buddy);
    return label;
}

QDateTimeEdit *newDateTimeEdit(const QDateTime &initial, QWidget *parent)
{
    auto *edit = new QDateTimeEdit(initial, parent);
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(LocalTimeFormatter::editorFormat());
    edit->setEnabled(false);   // until its check box sets the bound
    return edit;
}

// The inner line edit of a spin box takes focus too; screen readers that land on it get a name.
void setDateTimeEditName(QDateTimeEdit *edit, const QString &name)
{
    edit->setAccessibleName(name);
    if (auto *inner = edit->findChild<QLineEdit *>()) {
        inner->setAccessibleName(name);
    }
}

QString localTimeText(const QDateTime &time)
{
    return QLocale().toString(time.toLocalTime(), LocalTimeFormatter::editorFormat());
}

} // namespace

const QList<int> &FilterBar::pageSizes()
{
    static const QList<int> sizes = {25, 50, 100, 250, 500, 1000};
    return sizes;
}

FilterBar::FilterBar(QWidget *parent)
    : QWidget(parent)
    , m_queryTimer(new QTimer(this))
    , m_localFilterTimer(new QTimer(this))
{
    m_queryTimer->setSingleShot(true);
    m_queryTimer->setInterval(debounceMilliseconds);
    m_localFilterTimer->setSingleShot(true);
    m_localFilterTimer->setInterval(localFilterDebounceMilliseconds);

    buildFields();
    buildLayout();
    connectFields();
    WindowShortcutPriority::installOn(this);

    m_lastEmitted = query();
    updateValidation();
}

FilterBar::~FilterBar() = default;

void FilterBar::buildFields()
{
    m_nameEdit = new QLineEdit(this);
    m_nameEdit->setObjectName(QStringLiteral("nameContains"));
    m_nameEdit->setPlaceholderText(tr("Any name"));
    m_nameEdit->setClearButtonEnabled(true);
    m_nameValidity = std::make_unique<FieldValidityMarker>(
        m_nameEdit, tr("Part of the deployment name: 1 to 63 letters, digits, '-' or '_'."));

    m_statusCombo = new QComboBox(this);
    m_statusCombo->setObjectName(QStringLiteral("statusEquals"));
    m_statusCombo->addItem(tr("Any status"), QString());
    // Display text translated, item data the API's wire value.
    m_statusCombo->addItem(tr("Creating"), QStringLiteral("Creating"));
    m_statusCombo->addItem(tr("Active"), QStringLiteral("Active"));
    m_statusCombo->addItem(tr("Failed"), QStringLiteral("Failed"));

    m_modelCombo = new QComboBox(this);
    m_modelCombo->setObjectName(QStringLiteral("modelArnEquals"));
    m_modelCombo->setEditable(true);
    // Return must not add the typed ARN to the list of the account's models.
    m_modelCombo->setInsertPolicy(QComboBox::NoInsert);
    m_modelCombo->setMinimumContentsLength(modelFieldCharacters);
    m_modelCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_modelCombo->addItem(tr("Any model"), QString());
    m_modelCombo->lineEdit()->clear();
    // "Any model" shows as the placeholder of an empty field, so typing needs no deleting first.
    m_modelCombo->lineEdit()->setPlaceholderText(tr("Any model"));
    m_modelCombo->lineEdit()->setAccessibleName(tr("Model"));
    m_modelCombo->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_modelCombo->completer()->setFilterMode(Qt::MatchContains);
    m_modelCombo->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    m_modelValidity = std::make_unique<FieldValidityMarker>(
        m_modelCombo, tr("One of the account's custom models, or a custom model ARN "
                         "(arn:aws:bedrock:REGION:ACCOUNT:custom-model/...)."));
    buildDeployModelMenus();

    // Unset by default; the values are what checking the box starts from: the last week.
    const QDate today = QDate::currentDate();
    m_createdAfterCheck = new QCheckBox(tr("Created &after:"), this);
    m_createdAfterEdit = newDateTimeEdit(QDateTime(today.addDays(-7), QTime(0, 0)), this);
    m_createdAfterEdit->setObjectName(QStringLiteral("createdAfter"));
    setDateTimeEditName(m_createdAfterEdit, tr("Created after (local time)"));
    m_createdAfterValidity = std::make_unique<FieldValidityMarker>(
        m_createdAfterEdit, tr("Only deployments created after this local time."));
    m_createdBeforeCheck = new QCheckBox(tr("Created &before:"), this);
    m_createdBeforeEdit = newDateTimeEdit(QDateTime(today.addDays(1), QTime(0, 0)), this);
    m_createdBeforeEdit->setObjectName(QStringLiteral("createdBefore"));
    setDateTimeEditName(m_createdBeforeEdit, tr("Created before (local time)"));
    m_createdBeforeValidity = std::make_unique<FieldValidityMarker>(
        m_createdBeforeEdit, tr("Only deployments created before this local time."));

    m_sortCombo = new QComboBox(this);
    m_sortCombo->setObjectName(QStringLiteral("sortOrder"));
    m_sortCombo->addItem(tr("Newest first"), int(SortOrder::Descending));
    m_sortCombo->addItem(tr("Oldest first"), int(SortOrder::Ascending));
    m_sortCombo->setToolTip(tr("The service sorts by creation time only; sorting by a column "
                               "orders the rows loaded so far."));

    m_pageSizeCombo = new QComboBox(this);
    m_pageSizeCombo->setObjectName(QStringLiteral("maxResults"));
    for (int size : pageSizes()) {
        m_pageSizeCombo->addItem(QLocale().toString(size), size);
    }
    selectPageSize(defaultPageSize);
    m_pageSizeCombo->setToolTip(tr("Deployments asked for per request; more are loaded as you scroll."));

    m_resetButton = new QToolButton(this);
    m_resetButton->setText(tr("&Reset Filters"));
    m_resetButton->setAccessibleName(tr("Reset filters"));
    m_resetButton->setToolTip(tr("Show every deployment, newest first."));

    m_localFilterEdit = new QLineEdit(this);
    m_localFilterEdit->setObjectName(QStringLiteral("localFilter"));
    m_localFilterEdit->setPlaceholderText(tr("Text in any column"));
    m_localFilterEdit->setClearButtonEnabled(true);
    m_localFilterEdit->setToolTip(tr("Hides loaded rows without this text; does not ask the service "
                                     "(%1).").arg(QKeySequence(QKeySequence::Find).toString(QKeySequence::NativeText)));

    m_messageIcon = new QLabel(this);
    m_messageText = new QLabel(this);
    m_messageText->setObjectName(QStringLiteral("filterMessage"));
    m_messageText->setWordWrap(true);
    m_messageText->setTextFormat(Qt::PlainText);
    m_messageText->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_focusFilterAction = new QAction(tr("Filter Loaded Rows"), this);
    m_focusFilterAction->setShortcut(QKeySequence::Find);
    m_focusFilterAction->setShortcutContext(Qt::WindowShortcut);
    addAction(m_focusFilterAction);
}

void FilterBar::buildLayout()
{
    const int fieldCharacterWidth = fontMetrics().averageCharWidth();
    m_nameEdit->setMinimumWidth(nameFieldCharacters * fieldCharacterWidth);
    m_localFilterEdit->setMinimumWidth(localFilterCharacters * fieldCharacterWidth);

    // Two lines on a wide window: the query filters, then the time range, reset and the local
    // filter (last, as it does not ask the service). A narrow window wraps each line's groups
    // onto more lines instead of clipping them or widening the window (FlowLayout).
    auto *fields = new FlowLayout;
    fields->setHorizontalSpacing(2 * style()->pixelMetric(QStyle::PM_LayoutHorizontalSpacing));
    // A label and its field stay together on a line. Every control moves into a group in the
    // order shown, which makes that the tab order (a reparented widget goes to the end of the chain).
    const auto addGroup = [this, fields](QWidget *label, QWidget *field, int stretch) {
        auto *group = new QWidget(this);
        auto *groupLayout = new QHBoxLayout(group);
        groupLayout->setContentsMargins(0, 0, 0, 0);
        if (label) {
            groupLayout->addWidget(label);
        }
        groupLayout->addWidget(field, 1);
        fields->addWidget(group, stretch);
    };
    addGroup(buddyLabel(tr("&Name contains:"), m_nameEdit, this), m_nameEdit, 2);
    addGroup(buddyLabel(tr("&Status:"), m_statusCombo, this), m_statusCombo, 0);
    addGroup(buddyLabel(tr("&Model:"), m_modelCombo, this), m_modelCombo, 3);
    addGroup(buddyLabel(tr("S&ort:"), m_sortCombo, this), m_sortCombo, 0);
    addGroup(buddyLabel(tr("&Page size:"), m_pageSizeCombo, this), m_pageSizeCombo, 0);
    fields->addLineBreak();
    addGroup(m_createdAfterCheck, m_createdAfterEdit, 0);
    addGroup(m_createdBeforeCheck, m_createdBeforeEdit, 0);
    addGroup(nullptr, m_resetButton, 0);
    addGroup(buddyLabel(tr("Fi&lter loaded rows:"), m_localFilterEdit, this), m_localFilterEdit, 2);

    // The fields now sit in group widgets, which get a new palette only after this bar handled
    // its PaletteChange (changeEvent()): the tint is computed from the bar's palette.
    for (FieldValidityMarker *marker : {m_nameValidity.get(), m_modelValidity.get(), m_createdAfterValidity.get(),
                                        m_createdBeforeValidity.get()}) {
        marker->setPaletteSource(this);
    }

    auto *messageRow = new QHBoxLayout;
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_messageIcon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(iconSize, iconSize));
    messageRow->addWidget(m_messageIcon, 0, Qt::AlignTop);
    messageRow->addWidget(m_messageText, 1);

    auto *rows = new QVBoxLayout(this);
    rows->setContentsMargins(0, 0, 0, 0);
    rows->addLayout(fields);
    rows->addLayout(messageRow);
}

void FilterBar::connectFields()
{
    connect(m_nameEdit, &QLineEdit::textChanged, this, &FilterBar::onFieldEdited);
    connect(m_nameEdit, &QLineEdit::returnPressed, this, &FilterBar::applyNow);
    connect(m_statusCombo, &QComboBox::currentIndexChanged, this, &FilterBar::onFieldEdited);
    connect(m_modelCombo, &QComboBox::currentIndexChanged, this, &FilterBar::clearModelTextForAnyModel);
    connect(m_modelCombo, &QComboBox::activated, this, &FilterBar::clearModelTextForAnyModel);
    connect(m_modelCombo, &QComboBox::editTextChanged, this, &FilterBar::onFieldEdited);
    connect(m_modelCombo->lineEdit(), &QLineEdit::returnPressed, this, &FilterBar::applyNow);
    connect(m_sortCombo, &QComboBox::currentIndexChanged, this, &FilterBar::onFieldEdited);
    connect(m_pageSizeCombo, &QComboBox::currentIndexChanged, this, &FilterBar::onFieldEdited);
    connect(m_createdAfterCheck, &QCheckBox::toggled, m_createdAfterEdit, &QWidget::setEnabled);
    connect(m_createdAfterCheck, &QCheckBox::toggled, this, &FilterBar::onFieldEdited);
    connect(m_createdAfterEdit, &QDateTimeEdit::dateTimeChanged, this, &FilterBar::onFieldEdited);
    connect(m_createdBeforeCheck, &QCheckBox::toggled, m_createdBeforeEdit, &QWidget::setEnabled);
    connect(m_createdBeforeCheck, &QCheckBox::toggled, this, &FilterBar::onFieldEdited);
    connect(m_createdBeforeEdit, &QDateTimeEdit::dateTimeChanged, this, &FilterBar::onFieldEdited);
    connect(m_resetButton, &QToolButton::clicked, this, &FilterBar::resetFilters);
    connect(m_queryTimer, &QTimer::timeout, this, &FilterBar::emitIfChanged);

    connect(m_localFilterEdit, &QLineEdit::textChanged, m_localFilterTimer, qOverload<>(&QTimer::start));
    connect(m_localFilterEdit, &QLineEdit::returnPressed, this, &FilterBar::emitLocalFilterIfChanged);
    connect(m_localFilterTimer, &QTimer::timeout, this, &FilterBar::emitLocalFilterIfChanged);
    connect(m_focusFilterAction, &QAction::triggered, this, &FilterBar::focusLocalFilter);
}

DeploymentQuery FilterBar::query() const
{
    DeploymentQuery query;
    query.nameContains = m_nameEdit->text().trimmed();
    query.statusEquals = m_statusCombo->currentData().toString();
    query.modelArnEquals = modelArn();
    if (m_createdAfterCheck->isChecked()) {
        query.createdAfter = m_createdAfterEdit->dateTime().toUTC();
    }
    if (m_createdBeforeCheck->isChecked()) {
        query.createdBefore = m_createdBeforeEdit->dateTime().toUTC();
    }
    query.sortByCreationTime = true;
    query.sortOrder = SortOrder(m_sortCombo->currentData().toInt());
    query.maxResults = m_pageSizeCombo->currentData().toInt();
    return query;
}

void FilterBar::setQuery(const DeploymentQuery &query)
{
    m_applyingQuery = true;
    m_nameEdit->setText(query.nameContains);
    // An unknown status cannot be shown by the combo: it falls back to any status.
    const int statusIndex = m_statusCombo->findData(bedrock::normalizeStatus(query.statusEquals));
    m_statusCombo->setCurrentIndex(std::max(statusIndex, 0));
    selectModelArn(query.modelArnEquals);
    setDateFilter(m_createdAfterCheck, m_createdAfterEdit, query.createdAfter);
    setDateFilter(m_createdBeforeCheck, m_createdBeforeEdit, query.createdBefore);
    m_sortCombo->setCurrentIndex(query.sortOrder == SortOrder::Ascending ? 1 : 0);
    selectPageSize(query.maxResults > 0 ? std::clamp(query.maxResults, 1, 1000) : defaultPageSize);
    m_applyingQuery = false;

    m_queryTimer->stop();
    m_lastEmitted = this->query();
    updateValidation();
}

bool FilterBar::isValid() const
{
    return firstError().isEmpty();
}

QString FilterBar::firstError() const
{
    for (const FieldValidityMarker *marker :
         {m_nameValidity.get(), m_modelValidity.get(), m_createdAfterValidity.get()}) {
        if (marker->isInvalid()) {
            return marker->reason();
        }
    }
    // The fields above cover every rule; this catches a rule the core adds later.
    return query().validate();
}

QString FilterBar::localFilterText() const
{
    return m_localFilterEdit->text();
}

void FilterBar::setLocalFilterText(const QString &text)
{
    m_localFilterEdit->setText(text);
    m_localFilterTimer->stop();
    m_lastLocalFilter = text;
}

void FilterBar::setCustomModels(const QList<CustomModel> &models)
{
    const QString typedText = m_modelCombo->currentText();
    const QString arn = modelArn();
    const bool wasValid = !m_modelValidity->isInvalid();

    m_applyingQuery = true;
    // Item 0 is "Any model".
    CustomModelCombo::setModels(m_modelCombo, models, 1);
    if (wasValid) {
        selectModelArn(arn);
    } else {
        m_modelCombo->setEditText(typedText);   // keep what the user is typing
    }
    m_applyingQuery = false;
    // A typed name may now be a known model: re-check, and emit if that changed the query.
    onFieldEdited();
}

QVariantMap FilterBar::saveState() const
{
    QVariantMap state = queryToVariantMap(query());
    if (!localFilterText().isEmpty()) {
        state.insert(localFilterKey, localFilterText());
    }
    return state;
}

void FilterBar::restoreState(const QVariantMap &state)
{
    setQuery(queryFromVariantMap(state));
    setLocalFilterText(state.value(localFilterKey).toString());
}

void FilterBar::saveState(QSettings &settings) const
{
    // Every key is written (removed when unset) so restoring gives exactly this state back.
    replaceGroupKeys(settings, saveState());
}

void FilterBar::restoreState(const QSettings &settings)
{
    QVariantMap state;
    for (const QString &key : settings.childKeys()) {
        state.insert(key, settings.value(key));
    }
    restoreState(state);
}

void FilterBar::focusLocalFilter()
{
    m_localFilterEdit->setFocus(Qt::ShortcutFocusReason);
    m_localFilterEdit->selectAll();
}

void FilterBar::resetFilters()
{
    m_applyingQuery = true;
    m_nameEdit->clear();
    m_statusCombo->setCurrentIndex(0);
    m_modelCombo->setCurrentIndex(0);
    m_createdAfterCheck->setChecked(false);
    m_createdBeforeCheck->setChecked(false);
    m_sortCombo->setCurrentIndex(0);
    selectPageSize(defaultPageSize);
    m_applyingQuery = false;
    onFieldEdited();
}

void FilterBar::applyNow()
{
    m_queryTimer->stop();
    emitIfChanged();
}

void FilterBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange) {
        // The invalid tint is computed from the palette: recompute it for the new theme.
        for (FieldValidityMarker *marker : {m_nameValidity.get(), m_modelValidity.get(),
                                            m_createdAfterValidity.get(), m_createdBeforeValidity.get()}) {
            marker->refresh();
        }
    }
    QWidget::changeEvent(event);
}

void FilterBar::onFieldEdited()
{
    if (m_applyingQuery) {
        return;
    }
    updateValidation();
    if (isValid()) {
        m_queryTimer->start();   // restarts: rapid edits coalesce into one emission
    } else {
        m_queryTimer->stop();    // nothing is sent while a field is invalid
    }
}

void FilterBar::updateValidation()
{
    m_nameValidity->setInvalidReason(nameFieldError());
    m_modelValidity->setInvalidReason(modelFieldError());
    const QString rangeError = dateRangeError();
    m_createdAfterValidity->setInvalidReason(rangeError);
    m_createdBeforeValidity->setInvalidReason(rangeError);

    QString error = firstError();
    const int invalidFields = int(m_nameValidity->isInvalid()) + int(m_modelValidity->isInvalid())
        + int(m_createdAfterValidity->isInvalid());
    if (invalidFields == 2) {
        error = tr("%1 (one more field is invalid)").arg(error);
    } else if (invalidFields > 2) {
        error = tr("%1 (%2 more fields are invalid)").arg(error).arg(invalidFields - 1);
    }
    m_messageText->setText(error);
    m_messageText->setVisible(!error.isEmpty());
    m_messageIcon->setVisible(!error.isEmpty());
}

void FilterBar::emitIfChanged()
{
    if (!isValid()) {
        return;
    }
    const DeploymentQuery current = query();
    if (current == m_lastEmitted) {
        return;
    }
    m_lastEmitted = current;
    emit queryChanged(current);
}

void FilterBar::emitLocalFilterIfChanged()
{
    m_localFilterTimer->stop();
    const QString text = localFilterText();
    if (text == m_lastLocalFilter) {
        return;
    }
    m_lastLocalFilter = text;
    emit localFilterChanged(text);
}

QString FilterBar::modelArn() const
{
    // "Any model" is item 0 with an empty ARN.
    return CustomModelCombo::chosenArn(m_modelCombo);
}

QString FilterBar::nameFieldError() const
{
    DeploymentQuery probe;
    probe.nameContains = m_nameEdit->text().trimmed();
    const QString coreError = probe.validate();
    if (coreError.isEmpty()) {
        return {};
    }
    // The core names the API parameter; the user needs the field's label and the culprit.
    const QString &name = probe.nameContains;
    if (name.size() > 63) {
        return tr("Name contains: %1 characters; at most 63 are allowed.").arg(name.size());
    }
    for (const QChar character : name) {
        const bool allowed = (character >= QLatin1Char('0') && character <= QLatin1Char('9'))
            || (character >= QLatin1Char('a') && character <= QLatin1Char('z'))
            || (character >= QLatin1Char('A') && character <= QLatin1Char('Z')) || character == QLatin1Char('-')
            || character == QLatin1Char('_');
        if (!allowed) {
            const QString shown = character.isSpace() ? tr("a space") : QStringLiteral("'%1'").arg(character);
            return tr("Name contains: %1 is not allowed; use letters, digits, '-' and '_' (at most 63).")
                .arg(shown);
        }
    }
    return tr("Name contains: %1").arg(coreError);
}

QString FilterBar::modelFieldError() const
{
    const QString arn = modelArn();
    if (arn.isEmpty() || bedrock::isCustomModelArn(arn)) {
        return {};
    }
    if (arn.startsWith(QLatin1String("arn:"))) {
        return tr("Model: \"%1\" is not a custom model ARN (arn:aws:bedrock:REGION:ACCOUNT:custom-model/...); "
                  "base model and deployment ARNs cannot be used as a filter.")
            .arg(arn);
    }
    return tr("Model: \"%1\" is neither one of the account's custom models nor a custom model ARN.").arg(arn);
}

QString FilterBar::dateRangeError() const
{
    if (!m_createdAfterCheck->isChecked() || !m_createdBeforeCheck->isChecked()) {
        return {};
    }
    const QDateTime after = m_createdAfterEdit->dateTime();
    const QDateTime before = m_createdBeforeEdit->dateTime();
    if (after <= before) {
        return {};
    }
    return tr("Created after (%1) is later than created before (%2): no deployment can match.")
        .arg(localTimeText(after), localTimeText(before));
}

void FilterBar::buildDeployModelMenus()
{
    m_deployModelAction = new QAction(tr("&Deploy This Model…"), this);
    m_deployModelAction->setObjectName(QStringLiteral("deployModelAction"));
    m_deployModelAction->setStatusTip(tr("Create a deployment of this custom model"));
    connect(m_deployModelAction, &QAction::triggered, this, [this] {
        const QString arn = m_contextModelArn.isEmpty() ? modelArn() : m_contextModelArn;
        m_contextModelArn.clear();
        if (bedrock::isCustomModelArn(arn)) {
            emit deployModelRequested(arn);
        }
    });
    const auto popupFor = [this](QWidget *widget, QMenu *menu, const QPoint &position, const QString &arn) {
        menu->setAttribute(Qt::WA_DeleteOnClose);
        if (m_deployModelAction->isVisible()) {
            if (!menu->isEmpty()) {
                menu->addSeparator();
            }
            m_contextModelArn = arn;
            m_deployModelAction->setEnabled(bedrock::isCustomModelArn(arn));
            menu->addAction(m_deployModelAction);
        }
        if (menu->isEmpty()) {
            delete menu;
            return;
        }
        menu->popup(widget->mapToGlobal(position));
    };
    // The field's own menu (cut, copy, paste) plus the action for the model it names.
    QLineEdit *field = m_modelCombo->lineEdit();
    field->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(field, &QWidget::customContextMenuRequested, this, [this, field, popupFor](const QPoint &position) {
        popupFor(field, field->createStandardContextMenu(), position, modelArn());
    });
    // The list of models: the action for the model under the pointer.
    QAbstractItemView *list = m_modelCombo->view();
    list->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(list, &QWidget::customContextMenuRequested, this, [this, list, popupFor](const QPoint &position) {
        const QString arn = list->indexAt(position).data(Qt::UserRole).toString();
        if (!arn.isEmpty()) {
            popupFor(list->viewport(), new QMenu(list), position, arn);
        }
    });
}

void FilterBar::clearModelTextForAnyModel(int index)
{
    if (index == 0) {
        m_modelCombo->lineEdit()->clear();
    }
}

void FilterBar::selectModelArn(const QString &arn)
{
    if (arn.isEmpty()) {
        m_modelCombo->setCurrentIndex(0);   // "Any model", shown as the empty field's placeholder
        m_modelCombo->setEditText(QString());
        return;
    }
    CustomModelCombo::selectArn(m_modelCombo, arn);
}

void FilterBar::selectPageSize(int pageSize)
{
    int index = m_pageSizeCombo->findData(pageSize);
    if (index < 0) {
        // A size from the command line or an older version: keep it, in order.
        index = 0;
        while (index < m_pageSizeCombo->count() && m_pageSizeCombo->itemData(index).toInt() < pageSize) {
            ++index;
        }
        m_pageSizeCombo->insertItem(index, QLocale().toString(pageSize), pageSize);
    }
    m_pageSizeCombo->setCurrentIndex(index);
}

void FilterBar::setDateFilter(QCheckBox *check, QDateTimeEdit *edit, const QDateTime &utcTime)
{
    if (utcTime.isValid()) {
        edit->setDateTime(utcTime.toLocalTime());
    }
    check->setChecked(utcTime.isValid());
    edit->setEnabled(utcTime.isValid());
}

} // namespace outcrop::gui
