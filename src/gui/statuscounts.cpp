// SPDX-License-Identifier: Apache-2.0
#include "statuscounts.h"

#include "deploymenttablemodel.h"

#include "bedrock/deployment.h"

#include <algorithm>

namespace outcrop::gui {

using Model = DeploymentTableModel;

StatusCounts::StatusCounts(QObject *parent)
    : QObject(parent)
{
    rebuild();
}

void StatusCounts::setModel(DeploymentTableModel *model)
{
    if (m_model) {
        disconnect(m_model, nullptr, this, nullptr);
    }
    m_model = model;
    if (m_model) {
        connect(m_model, &QAbstractItemModel::modelReset, this, &StatusCounts::rebuild);
        connect(m_model, &QAbstractItemModel::rowsInserted, this, &StatusCounts::onRowsInserted);
        connect(m_model, &QAbstractItemModel::rowsAboutToBeRemoved, this, &StatusCounts::onRowsAboutToBeRemoved);
        connect(m_model, &QAbstractItemModel::dataChanged, this, &StatusCounts::onDataChanged);
        // The counts stop being partial when the last page arrives.
        connect(m_model, &Model::hasMoreChanged, this, &StatusCounts::countsChanged);
    }
    rebuild();
}

bool StatusCounts::isPartial() const
{
    return m_model && m_model->hasMore();
}

QStringList StatusCounts::statusKeys() const
{
    QStringList keys;
    QStringList others;
    for (const QString &key : m_keys) {
        if (bedrock::deploymentStatusFromText(key) == bedrock::DeploymentStatus::Unknown) {
            if (count(key) > 0) {
                others.append(key);
            }
        } else {
            keys.append(key);
        }
    }
    std::sort(others.begin(), others.end());
    return keys + others;
}

int StatusCounts::count(const QString &statusKey) const
{
    const qsizetype at = m_keys.indexOf(statusKey);
    return at < 0 ? 0 : m_counts.at(at);
}

int StatusCounts::keyIndex(const QString &key)
{
    // A handful of keys: a linear search beats a hash here.
    qsizetype at = m_keys.indexOf(key);
    if (at < 0) {
        at = m_keys.size();
        m_keys.append(key);
        m_counts.append(0);
    }
    return int(at);
}

void StatusCounts::add(int key, int delta)
{
    if (key >= 0) {
        m_counts[key] += delta;
        m_total += delta;
    }
}

int StatusCounts::keyOfRow(int row)
{
    const QModelIndex index = m_model->index(row, 0);
    if (index.data(Model::ChangeHighlightRole).toInt() == int(Model::Change::Removed)) {
        return -1;
    }
    return keyIndex(index.data(Model::StatusRole).toString());
}

void StatusCounts::rebuild()
{
    m_keys.clear();
    m_counts.clear();
    m_rowKeys.clear();
    m_total = 0;
    for (const bedrock::DeploymentStatus status :
         {bedrock::DeploymentStatus::Creating, bedrock::DeploymentStatus::Active, bedrock::DeploymentStatus::Failed}) {
        keyIndex(bedrock::deploymentStatusWireValue(status));
    }
    if (m_model) {
        const int rows = m_model->rowCount();
        m_rowKeys.reserve(size_t(rows));
        for (int row = 0; row < rows; ++row) {
            const int key = keyOfRow(row);
            m_rowKeys.push_back(key);
            add(key, 1);
        }
    }
    emit countsChanged();
}

void StatusCounts::onRowsInserted(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid()) {
        return;
    }
    std::vector<int> keys;
    keys.reserve(size_t(last - first + 1));
    for (int row = first; row <= last; ++row) {
        keys.push_back(keyOfRow(row));
        add(keys.back(), 1);
    }
    m_rowKeys.insert(m_rowKeys.begin() + first, keys.begin(), keys.end());
    emit countsChanged();
}

void StatusCounts::onRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid()) {
        return;
    }
    for (int row = first; row <= last; ++row) {
        add(m_rowKeys.at(size_t(row)), -1);
    }
    m_rowKeys.erase(m_rowKeys.begin() + first, m_rowKeys.begin() + last + 1);
    emit countsChanged();
}

void StatusCounts::onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight)
{
    bool changed = false;
    for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
        const int key = keyOfRow(row);
        int &previous = m_rowKeys.at(size_t(row));
        if (key != previous) {
            add(previous, -1);
            add(key, 1);
            previous = key;
            changed = true;
        }
    }
    if (changed) {
        emit countsChanged();
    }
}

} // namespace outcrop::gui
