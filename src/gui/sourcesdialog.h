// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "sourceviews.h"

#include <QDialog>
#include <QStringList>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;

namespace outcrop::gui {

// View › Sources › Choose Sources: which profiles in which regions the table shows. Every checked
// profile is shown in every checked region (no region: each profile in its own region), as with
// repeated --profile and --region. Optionally saved as a named view. Non-modal: open() it.
class SourcesDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SourcesDialog)

public:
    SourcesDialog(const QStringList &profiles, const QStringList &regions, QWidget *parent = nullptr);

    // Checks these (adding any that are not in the lists, e.g. typed earlier).
    void setSelection(const QStringList &profiles, const QStringList &regions);
    QStringList checkedProfiles() const;
    QStringList checkedRegions() const;
    void setViewName(const QString &name);
    QString viewName() const;

signals:
    // The user accepted: the sources to show, and the view name when it is to be saved (empty: not saved).
    void sourcesChosen(const outcrop::gui::SourceView &view);

private:
    void updateSummary();

    QListWidget *m_profiles = nullptr;
    QListWidget *m_regions = nullptr;
    QLineEdit *m_viewName = nullptr;
    QLabel *m_summary = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace outcrop::gui
