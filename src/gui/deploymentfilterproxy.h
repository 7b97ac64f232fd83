// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QAbstractProxyModel>
#include <QCollator>
#include <QCollatorSortKey>
#include <QSet>
#include <QString>

#include <functional>
#include <optional>
#include <vector>

namespace outcrop::gui {

class DeploymentTableModel;

// The local filters and sorting over the loaded rows of a DeploymentTableModel: a quick text
// filter (name, model name, failure message, ARN; any case), a status filter (the sidebar), and
// sorting on each column's typed value (RawValueRole) with the creation time, then the ARN, as
// tie-breakers so equal values keep a stable order. Rows stay sorted and filtered as they
// arrive and change (what QSortFilterProxyModel calls a dynamic sort filter).
//
// Not a QSortFilterProxyModel: that one inserts every new row at its sorted place as an
// insertion of its own (a 1,000-row page sorted by name: ~1,000 insertions, each rebuilding its
// mapping and relayouting the view, 10-20 ms per page near 25,000 rows). Here a page is one
// insertion at the end, then, when it does not already sort after every row, one layout change
// that merges it in, with sort keys computed once per row (collation keys for text) so a
// comparison never goes through QVariant or the collator.
class DeploymentFilterProxy final : public QAbstractProxyModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeploymentFilterProxy)

public:
    explicit DeploymentFilterProxy(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *sourceModel) override;

    void setTextFilter(const QString &text);
    QString textFilter() const { return m_text; }
    // Status keys (StatusPresentation::key: "Active", "Deleting", ...) to show; empty = all.
    void setStatusFilter(const QSet<QString> &statusKeys);
    QSet<QString> statusFilter() const { return m_statuses; }

    // -1: the source's order.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    // True when the rows are sorted by a column the service cannot sort by while more pages
    // remain: the order covers the loaded rows only, and the UI should say so.
    bool sortCoversLoadedRowsOnly() const;

    QModelIndex index(int row, int column, const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    QModelIndex sibling(int row, int column, const QModelIndex &index) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    bool hasChildren(const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;

private:
    bool filterAcceptsRow(int sourceRow) const;
    bool isSorted() const { return m_sortColumn >= 0; }
    bool sortsText() const;
    // Computes the sort keys of source rows [first, last]; returns whether one of them changed.
    bool computeKeys(int first, int last);
    int compareRows(int a, int b) const;
    // Whether source row a comes before b in the current order.
    bool lessRow(int a, int b) const;
    void sortRows();
    void ensureSourceToProxy() const;
    // One layoutChanged around `reorder`, which may only permute m_proxyToSource.
    void changeLayout(const std::function<void()> &reorder);
    void rebuild();
    void applyFilter();
    // Shows or hides source rows [first, last] as the filters now say.
    void refilter(int first, int last);
    // Adds accepted source rows that are not shown yet at their places.
    void insertSourceRows(std::vector<int> sourceRows);
    void insertRuns(const std::vector<int> &finalOrder);
    // Removes shown rows (proxy rows, any order) in contiguous runs, from the bottom up.
    void removeProxyRows(std::vector<int> proxyRows);

    void onRowsInserted(int first, int last);
    void onRowsAboutToBeRemoved(int first, int last);
    void onRowsRemoved(int first, int last);
    void onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles);

    const DeploymentTableModel *m_table = nullptr;   // the source, when it is one (typed access)
    QString m_text;
    QSet<QString> m_statuses;
    QCollator m_collator;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;

    std::vector<int> m_proxyToSource;
    // Rebuilt on demand after the rows moved: -1 for a filtered-out row.
    mutable std::vector<int> m_sourceToProxy;
    mutable bool m_sourceToProxyDirty = false;
    int m_sourceRows = 0;   // as the mapping knows it (the source changes before it tells)
    // Per source row, while sorted (empty otherwise). m_numberKeys: a time (ms) or a status, the
    // smallest value for an absent one; m_textKeys: the collation key of a text column;
    // m_createdKeys: the tie-breaker, when the sort column is not the creation time itself.
    std::vector<qint64> m_numberKeys;
    std::vector<std::optional<QCollatorSortKey>> m_textKeys;
    std::vector<qint64> m_createdKeys;
    std::vector<QMetaObject::Connection> m_connections;
};

} // namespace outcrop::gui
