// SPDX-License-Identifier: Apache-2.0
#include "creationhistogram.h"

#include "deploymenttablemodel.h"

#include <QDateTime>

namespace outcrop::gui {

using Model = DeploymentTableModel;

namespace {
constexpr qint64 dayMs = 24 * 3600 * 1000;
constexpr qint64 unixEpochJulianDay = 2440588;   // QDate(1970, 1, 1).toJulianDay()

// floor division: days before 1970 must not round towards zero.
qint64 floorDiv(qint64 value, qint64 divisor)
{
    return value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor);
}
} // namespace

CreationHistogram::CreationHistogram(QObject *parent)
    : QObject(parent)
{
}

void CreationHistogram::setModel(DeploymentTableModel *model)
{
    if (m_model) {
        disconnect(m_model, nullptr, this, nullptr);
    }
    m_model = model;
    if (m_model) {
        connect(m_model, &QAbstractItemModel::modelReset, this, &CreationHistogram::rebuild);
        connect(m_model, &QAbstractItemModel::rowsInserted, this, &CreationHistogram::onRowsInserted);
        connect(m_model, &QAbstractItemModel::rowsAboutToBeRemoved, this,
                &CreationHistogram::onRowsAboutToBeRemoved);
        connect(m_model, &QAbstractItemModel::dataChanged, this, &CreationHistogram::onDataChanged);
    }
    rebuild();
}

CreationHistogram::Granularity CreationHistogram::granularityForSpan(qint64 days)
{
    if (days <= maxDaySpan) {
        return Granularity::Day;
    }
    return days <= maxWeekSpan ? Granularity::Week : Granularity::Month;
}

QDate CreationHistogram::bucketStart(QDate day, Granularity granularity)
{
    switch (granularity) {
    case Granularity::Day:
        return day;
    case Granularity::Week:
        return day.addDays(1 - day.dayOfWeek());
    case Granularity::Month:
        return QDate(day.year(), day.month(), 1);
    }
    return day;
}

QDate CreationHistogram::nextBucketStart(QDate start, Granularity granularity)
{
    switch (granularity) {
    case Granularity::Day:
        return start.addDays(1);
    case Granularity::Week:
        return start.addDays(7);
    case Granularity::Month:
        return start.addMonths(1);
    }
    return start.addDays(1);
}

CreationHistogram::Granularity CreationHistogram::granularity() const
{
    if (m_perDay.empty()) {
        return Granularity::Day;
    }
    return granularityForSpan(m_perDay.rbegin()->first - m_perDay.begin()->first);
}

QList<CreationHistogram::Bucket> CreationHistogram::buckets() const
{
    QList<Bucket> result;
    if (m_perDay.empty()) {
        return result;
    }
    const Granularity unit = granularity();
    const QDate lastDay = QDate::fromJulianDay(m_perDay.rbegin()->first);
    auto day = m_perDay.cbegin();
    for (QDate start = bucketStart(QDate::fromJulianDay(m_perDay.begin()->first), unit); start <= lastDay;
         start = nextBucketStart(start, unit)) {
        Bucket bucket;
        bucket.first = start;
        bucket.last = nextBucketStart(start, unit).addDays(-1);
        const qint64 end = bucket.last.toJulianDay();
        for (; day != m_perDay.cend() && day->first <= end; ++day) {
            for (size_t key = 0; key < day->second.size(); ++key) {
                if (const int count = day->second[key]) {
                    bucket.counts[m_keys.at(qsizetype(key))] += count;
                    bucket.total += count;
                }
            }
        }
        result.append(bucket);
    }
    return result;
}

int CreationHistogram::keyIndex(const QString &key)
{
    // A handful of keys: a linear search beats a hash here.
    qsizetype at = m_keys.indexOf(key);
    if (at < 0) {
        at = m_keys.size();
        m_keys.append(key);
    }
    return int(at);
}

CreationHistogram::Entry CreationHistogram::entryOfRow(int row)
{
    Entry entry;
    const QModelIndex index = m_model->index(row, 0);
    if (index.data(Model::ChangeHighlightRole).toInt() == int(Model::Change::Removed)) {
        return entry;
    }
    const QDateTime &created = m_model->deployment(row).createdAt;   // not through a QVariant copy
    if (!created.isValid()) {
        return entry;
    }
    // The local day, as the Created column shows it, without a QDateTime::toLocalTime() per row.
    const qint64 localMs = created.toMSecsSinceEpoch() + qint64(m_localTime.offsetSeconds(created)) * 1000;
    entry.julianDay = unixEpochJulianDay + floorDiv(localMs, dayMs);
    entry.key = keyIndex(index.data(Model::StatusRole).toString());
    return entry;
}

void CreationHistogram::add(const Entry &entry, int delta)
{
    if (entry.key < 0) {
        return;
    }
    std::vector<int> &counts = m_perDay[entry.julianDay];
    if (counts.size() <= size_t(entry.key)) {
        counts.resize(size_t(entry.key) + 1, 0);
    }
    counts[size_t(entry.key)] += delta;
    m_datedRows += delta;
    if (delta < 0) {
        bool empty = true;
        for (const int count : counts) {
            empty = empty && count == 0;
        }
        if (empty) {
            // Dropped so that the span (and so the granularity) shrinks with the rows.
            m_perDay.erase(entry.julianDay);
        }
    }
}

void CreationHistogram::rebuild()
{
    m_keys.clear();
    m_rowEntries.clear();
    m_perDay.clear();
    m_datedRows = 0;
    if (m_model) {
        const int rows = m_model->rowCount();
        m_rowEntries.reserve(size_t(rows));
        for (int row = 0; row < rows; ++row) {
            m_rowEntries.push_back(entryOfRow(row));
            add(m_rowEntries.back(), 1);
        }
    }
    emit changed();
}

void CreationHistogram::onRowsInserted(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid()) {
        return;
    }
    std::vector<Entry> entries;
    entries.reserve(size_t(last - first + 1));
    for (int row = first; row <= last; ++row) {
        entries.push_back(entryOfRow(row));
        add(entries.back(), 1);
    }
    m_rowEntries.insert(m_rowEntries.begin() + first, entries.begin(), entries.end());
    emit changed();
}

void CreationHistogram::onRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last)
{
    if (parent.isValid()) {
        return;
    }
    for (int row = first; row <= last; ++row) {
        add(m_rowEntries.at(size_t(row)), -1);
    }
    m_rowEntries.erase(m_rowEntries.begin() + first, m_rowEntries.begin() + last + 1);
    emit changed();
}

void CreationHistogram::onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight)
{
    bool changedAny = false;
    for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
        const Entry entry = entryOfRow(row);
        Entry &previous = m_rowEntries.at(size_t(row));
        if (entry.key != previous.key || entry.julianDay != previous.julianDay) {
            add(previous, -1);
            add(entry, 1);
            previous = entry;
            changedAny = true;
        }
    }
    if (changedAny) {
        emit changed();
    }
}

} // namespace outcrop::gui
