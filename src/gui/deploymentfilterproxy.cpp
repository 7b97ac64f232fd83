// SPDX-License-Identifier: Apache-2.0
#include "deploymentfilterproxy.h"

#include "deploymenttablemodel.h"

#include <QDateTime>
#include <QtGlobal>

namespace outcrop::gui {

using Model = DeploymentTableModel;

DeploymentFilterProxy::DeploymentFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    m_collator.setCaseSensitivity(Qt::CaseInsensitive);
    m_collator.setNumericMode(true);   // "model-v2" before "model-v10"
    // Rows change in place on refresh; keep the sort order and filter up to date with them.
    setDynamicSortFilter(true);
}

void DeploymentFilterProxy::changeFilter(const std::function<void()> &change)
{
    // beginFilterChange() is Qt 6.9, endFilterChange() 6.10; 6.4 has invalidateRowsFilter().
#if QT_VERSION >= QT_VERSION_CHECK(6, 10, 0)
    beginFilterChange();
    change();
    endFilterChange(QSortFilterProxyModel::Direction::Rows);
#elif QT_VERSION >= QT_VERSION_CHECK(6, 9, 0)
    beginFilterChange();
    change();
    invalidateRowsFilter();
#else
    change();
    invalidateRowsFilter();
#endif
}

void DeploymentFilterProxy::setTextFilter(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text) {
        return;
    }
    changeFilter([this, &trimmed] { m_text = trimmed; });
}

void DeploymentFilterProxy::setStatusFilter(const QSet<QString> &statusKeys)
{
    if (statusKeys == m_statuses) {
        return;
    }
    changeFilter([this, &statusKeys] { m_statuses = statusKeys; });
}

bool DeploymentFilterProxy::sortCoversLoadedRowsOnly() const
{
    const auto *model = qobject_cast<const DeploymentTableModel *>(sourceModel());
    return model && sortColumn() >= 0 && !Model::isServerSorted(sortColumn()) && model->hasMore();
}

bool DeploymentFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QAbstractItemModel *model = sourceModel();
    if (!m_statuses.isEmpty()) {
        const QString key = model->index(sourceRow, Model::NameColumn, sourceParent).data(Model::StatusRole).toString();
        if (!m_statuses.contains(key)) {
            return false;
        }
    }
    if (m_text.isEmpty()) {
        return true;
    }
    for (const int column : {Model::NameColumn, Model::ModelColumn, Model::FailureMessageColumn, Model::ArnColumn}) {
        const QString text = model->index(sourceRow, column, sourceParent).data(Qt::DisplayRole).toString();
        if (text.contains(m_text, Qt::CaseInsensitive)) {
            return true;
        }
    }
    return false;
}

int DeploymentFilterProxy::compareRaw(const QVariant &left, const QVariant &right) const
{
    // An absent value (no last update) sorts before any value.
    if (!left.isValid() || !right.isValid()) {
        return int(left.isValid()) - int(right.isValid());
    }
    switch (left.metaType().id()) {
    case QMetaType::QDateTime: {
        const QDateTime a = left.toDateTime();
        const QDateTime b = right.toDateTime();
        if (!a.isValid() || !b.isValid()) {
            return int(a.isValid()) - int(b.isValid());
        }
        return a < b ? -1 : (b < a ? 1 : 0);
    }
    case QMetaType::Int: {
        const int a = left.toInt();
        const int b = right.toInt();
        return a < b ? -1 : (b < a ? 1 : 0);
    }
    default:
        return m_collator.compare(left.toString(), right.toString());
    }
}

bool DeploymentFilterProxy::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    int order = compareRaw(left.data(Model::RawValueRole), right.data(Model::RawValueRole));
    if (order == 0) {
        order = compareRaw(left.data(Model::CreatedAtRole), right.data(Model::CreatedAtRole));
    }
    if (order == 0) {
        order = QString::compare(left.data(Model::ArnRole).toString(), right.data(Model::ArnRole).toString());
    }
    return order < 0;
}

} // namespace outcrop::gui
