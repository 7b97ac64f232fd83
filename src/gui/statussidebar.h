// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QPointer>
#include <QSet>
#include <QString>
#include <QWidget>

class QListView;
class QStandardItem;
class QStandardItemModel;

namespace outcrop::gui {

class StatusCounts;

// The status filter of the sidebar (as qBittorrent's status filter): "All" and one entry per
// status with its icon, label and count of loaded rows ("Active 120"), marked "120+" while more
// pages remain. Picking an entry filters the loaded rows locally (statusFilterChanged); the
// filter bar's status stays the server-side filter. A QListView, so arrow keys, type-ahead and
// assistive technology work as in any list: each entry's accessible text carries its count.
class StatusSidebar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusSidebar)

public:
    enum Role {
        StatusKeyRole = Qt::UserRole + 1,   // QString; empty for "All"
        LabelRole,                          // the label painted left
        CountTextRole,                      // the count painted right ("120", "120+")
    };

    explicit StatusSidebar(QWidget *parent = nullptr);

    void setStatusCounts(StatusCounts *counts);
    // Selects the entry of `statusKey` (empty: All), adding it at 0 when no row has that status.
    void selectStatus(const QString &statusKey);
    // The selected key; empty when All is selected.
    QString selectedStatus() const { return m_selected; }

    QListView *view() const { return m_view; }

signals:
    // The status keys to show; empty = all statuses.
    void statusFilterChanged(const QSet<QString> &statusKeys);

private:
    void refresh();
    void onSelectionChanged();
    void setEntry(QStandardItem *item, const QString &label, int count, bool partial);
    int rowOfKey(const QString &key) const;

    QPointer<StatusCounts> m_counts;
    QStandardItemModel *m_model = nullptr;
    QListView *m_view = nullptr;
    QString m_selected;
    bool m_updating = false;
};

} // namespace outcrop::gui
