// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "bedrock/deployment.h"
#include "bedrock/deploymentquery.h"

#include <QList>
#include <QString>
#include <QVariantMap>
#include <QWidget>

#include <memory>

class QAction;
class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QSettings;
class QTimer;
class QToolButton;

namespace outcrop::gui {

class FieldValidityMarker;

// The filter bar of the dashboard: every server-side filter of ListCustomModelDeployments
// (name contains, status, model, created after/before, sort order, page size) plus a quick local
// text filter over the rows already loaded.
//
// Fields are checked as the user types; an invalid field is tinted, carries a warning icon and
// its reason as tooltip, and the first reason is shown under the bar; nothing is emitted while
// any field is invalid. A valid change emits queryChanged() once the user pauses (debounce), and
// only when the query differs from the one last emitted (or set with setQuery()).
//
// The window owns the loading: on queryChanged() it cancels the pager in flight, resets the model
// and starts a new pager; replies of the old pager must be dropped (a new DeploymentPager object
// per query, the old one deleted, does that). The bar's text fields let the window's modified-key
// shortcuts (Ctrl+E export, ...) win over their Emacs-style bindings (WindowShortcutPriority).
class FilterBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FilterBar)

public:
    // Page sizes offered (maxResults). A fixed list rather than a spin box: every choice is valid,
    // typing "250" does not go through 2 and 25, and it matches the console's page-size setting.
    static const QList<int> &pageSizes();
    static constexpr int defaultPageSize = 100;
    // How long the bar waits after the last change before emitting queryChanged().
    static constexpr int debounceMilliseconds = 300;
    static constexpr int localFilterDebounceMilliseconds = 150;

    explicit FilterBar(QWidget *parent = nullptr);
    ~FilterBar() override;

    // The query the fields describe now, valid or not (see isValid() and firstError()). Times
    // are UTC; sortByCreationTime is set and sortOrder explicit; maxResults is the page size.
    bedrock::DeploymentQuery query() const;
    // Shows `query` in the fields (a status or model ARN that does not parse is shown as invalid)
    // and takes it as the last emitted query: setQuery() itself does not emit queryChanged().
    // Unset sort order means newest first; unset maxResults means the default page size.
    void setQuery(const bedrock::DeploymentQuery &query);
    bool isValid() const;
    // The first field's error ("Name contains: ..."), empty when every field is valid.
    QString firstError() const;

    QString localFilterText() const;
    void setLocalFilterText(const QString &text);

    // The account's custom models, for the model combo (name shown, ARN as data and tooltip).
    // The current model filter is kept (by ARN), and shown by name once its model is known.
    void setCustomModels(const QList<bedrock::CustomModel> &models);

    // Filter state for the window to remember: the query (see querystate.h) plus the local
    // filter text under "localFilter". Plain strings and numbers. restoreState() is lenient
    // (unknown keys ignored, bad values unset) and, like setQuery(), does not emit.
    QVariantMap saveState() const;
    void restoreState(const QVariantMap &state);
    // The same in the current group of `settings`; restoring replaces every filter.
    void saveState(QSettings &settings) const;
    void restoreState(const QSettings &settings);

    // Ctrl+F (QKeySequence::Find), window-wide: focuses the local filter and selects its text.
    // It belongs to the bar; the window may also put it in a menu.
    QAction *focusFilterAction() const { return m_focusFilterAction; }
    // "Deploy This Model…" in the context menus of the model field and of its list: emits
    // deployModelRequested() with the model under the pointer (or the one the field names).
    // The window hides it in read-only mode.
    QAction *deployModelAction() const { return m_deployModelAction; }

    // The inner widgets, for tests and for a window that lays out differently.
    QLineEdit *nameEdit() const { return m_nameEdit; }
    QComboBox *statusCombo() const { return m_statusCombo; }
    QComboBox *modelCombo() const { return m_modelCombo; }
    QCheckBox *createdAfterCheck() const { return m_createdAfterCheck; }
    QDateTimeEdit *createdAfterEdit() const { return m_createdAfterEdit; }
    QCheckBox *createdBeforeCheck() const { return m_createdBeforeCheck; }
    QDateTimeEdit *createdBeforeEdit() const { return m_createdBeforeEdit; }
    QComboBox *sortCombo() const { return m_sortCombo; }
    QComboBox *pageSizeCombo() const { return m_pageSizeCombo; }
    QLineEdit *localFilterEdit() const { return m_localFilterEdit; }
    QLabel *messageLabel() const { return m_messageText; }

public slots:
    void focusLocalFilter();
    // Sets every server filter back to its default (emits after the debounce when that changes
    // the query). The local filter is left alone.
    void resetFilters();
    // Emits now instead of after the debounce (Return in a field).
    void applyNow();

signals:
    void queryChanged(const outcrop::bedrock::DeploymentQuery &query);
    void localFilterChanged(const QString &text);
    void deployModelRequested(const QString &modelArn);

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildFields();
    void buildLayout();
    void connectFields();
    void onFieldEdited();
    void updateValidation();
    void emitIfChanged();
    void emitLocalFilterIfChanged();
    QString modelArn() const;
    QString modelFieldError() const;
    QString nameFieldError() const;
    QString dateRangeError() const;
    void selectModelArn(const QString &arn);
    void clearModelTextForAnyModel(int index);
    void buildDeployModelMenus();
    void selectPageSize(int pageSize);
    static void setDateFilter(QCheckBox *check, QDateTimeEdit *edit, const QDateTime &utcTime);

    QLineEdit *m_nameEdit = nullptr;
    QComboBox *m_statusCombo = nullptr;
    QComboBox *m_modelCombo = nullptr;
    QCheckBox *m_createdAfterCheck = nullptr;
    QDateTimeEdit *m_createdAfterEdit = nullptr;
    QCheckBox *m_createdBeforeCheck = nullptr;
    QDateTimeEdit *m_createdBeforeEdit = nullptr;
    QComboBox *m_sortCombo = nullptr;
    QComboBox *m_pageSizeCombo = nullptr;
    QToolButton *m_resetButton = nullptr;
    QLineEdit *m_localFilterEdit = nullptr;
    QLabel *m_messageIcon = nullptr;
    QLabel *m_messageText = nullptr;
    QAction *m_focusFilterAction = nullptr;
    QAction *m_deployModelAction = nullptr;
    QString m_contextModelArn;   // the model a context menu was opened on
    QTimer *m_queryTimer = nullptr;
    QTimer *m_localFilterTimer = nullptr;

    std::unique_ptr<FieldValidityMarker> m_nameValidity;
    std::unique_ptr<FieldValidityMarker> m_modelValidity;
    std::unique_ptr<FieldValidityMarker> m_createdAfterValidity;
    std::unique_ptr<FieldValidityMarker> m_createdBeforeValidity;

    bedrock::DeploymentQuery m_lastEmitted;
    QString m_lastLocalFilter;
    bool m_applyingQuery = false;   // setQuery() is filling the fields
};

} // namespace outcrop::gui
