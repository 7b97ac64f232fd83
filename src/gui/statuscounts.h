// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <vector>

class QModelIndex;

namespace outcrop::gui {

class DeploymentTableModel;

// Live counts of the loaded rows per status, for the status sidebar: counted on the table model
// itself, so before the local filters, and kept up to date incrementally from the model's row and
// data signals (no recount on every change). Rows shown as removed are not counted. The counts are
// partial while more pages remain.
class StatusCounts final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatusCounts)

public:
    explicit StatusCounts(QObject *parent = nullptr);

    void setModel(DeploymentTableModel *model);

    // Status keys (StatusPresentation::key) as a sidebar lists them: Creating, Active, Failed
    // (always, even at 0), then any other status seen, in alphabetical order.
    QStringList statusKeys() const;
    int count(const QString &statusKey) const;
    int total() const { return m_total; }
    bool isPartial() const;

signals:
    void countsChanged();

private:
    void rebuild();
    void onRowsInserted(const QModelIndex &parent, int first, int last);
    void onRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last);
    void onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight);
    // The key index a row counts under; -1 when it is not counted.
    int keyOfRow(int row);
    int keyIndex(const QString &key);
    void add(int keyIndex, int delta);

    QPointer<DeploymentTableModel> m_model;
    QStringList m_keys;
    QList<int> m_counts;          // per key index
    std::vector<int> m_rowKeys;   // per model row: its key index, or -1
    int m_total = 0;
};

} // namespace outcrop::gui
