// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "sourceviews.h"

#include <QDialog>
#include <QStringList>

#include <memory>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace outcrop::gui {

class FieldValidityMarker;

// View › Sources › Choose Sources: which profiles in which regions the table shows. Every checked
// profile is shown in every checked region (no region: each profile in its own region), as with
// repeated --profile and --region. A region the list does not offer may be typed (checked against
// the region pattern, with a message under the field when it is not a region name). Optionally
// saved as a named view. Non-modal: open() it.
class SourcesDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SourcesDialog)

public:
    SourcesDialog(const QStringList &profiles, const QStringList &regions, QWidget *parent = nullptr);
    ~SourcesDialog() override;

    // Checks these (adding any that are not in the lists, e.g. typed earlier).
    void setSelection(const QStringList &profiles, const QStringList &regions);
    QStringList checkedProfiles() const;
    QStringList checkedRegions() const;
    void setViewName(const QString &name);
    QString viewName() const;

    // The typed region: added to the list and checked. False (and the message shown under the
    // field) when it is not a region name.
    bool addTypedRegion();
    // What is wrong with the typed region; empty when it is fine or nothing was typed.
    QString regionProblem() const;

signals:
    // The user accepted: the sources to show, and the view name when it is to be saved (empty: not saved).
    void sourcesChosen(const outcrop::gui::SourceView &view);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateSummary();
    void showRegionProblem(const QString &problem);

    QListWidget *m_profiles = nullptr;
    QListWidget *m_regions = nullptr;
    QLineEdit *m_regionInput = nullptr;
    QPushButton *m_addRegion = nullptr;
    QLabel *m_regionProblem = nullptr;
    std::unique_ptr<FieldValidityMarker> m_regionMarker;
    QLineEdit *m_viewName = nullptr;
    QLabel *m_summary = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace outcrop::gui
