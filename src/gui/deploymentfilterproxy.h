// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QCollator>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QString>

#include <functional>

namespace outcrop::gui {

// The local filters and sorting over the loaded rows of a DeploymentTableModel: a quick text
// filter (name, model name, failure message, ARN; any case), a status filter (the sidebar), and
// sorting on each column's typed value (RawValueRole) with the creation time, then the ARN, as
// tie-breakers so equal values keep a stable order.
class DeploymentFilterProxy final : public QSortFilterProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeploymentFilterProxy)

public:
    explicit DeploymentFilterProxy(QObject *parent = nullptr);

    void setTextFilter(const QString &text);
    QString textFilter() const { return m_text; }
    // Status keys (StatusPresentation::key: "Active", "Deleting", ...) to show; empty = all.
    void setStatusFilter(const QSet<QString> &statusKeys);
    QSet<QString> statusFilter() const { return m_statuses; }

    // True when the rows are sorted by a column the service cannot sort by while more pages
    // remain: the order covers the loaded rows only, and the UI should say so.
    bool sortCoversLoadedRowsOnly() const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    void changeFilter(const std::function<void()> &change);
    int compareRaw(const QVariant &left, const QVariant &right) const;

    QString m_text;
    QSet<QString> m_statuses;
    QCollator m_collator;
};

} // namespace outcrop::gui
