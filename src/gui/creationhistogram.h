// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "localtimeformatter.h"

#include <QDate>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <map>
#include <vector>

class QModelIndex;

namespace outcrop::gui {

class DeploymentTableModel;

// How many deployments of each status were created per local day, over the loaded rows of a
// DeploymentTableModel (rows shown as removed are not counted, as in StatusCounts). Kept up to
// date from the model's row and data signals in O(changed rows): a page of 1,000 rows costs
// 1,000 map updates, never a pass over all rows. buckets() folds the days into weeks or months,
// which costs O(distinct days), so the overview can call it on a coalescing timer.
class CreationHistogram final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CreationHistogram)

public:
    enum class Granularity { Day, Week, Month };
    Q_ENUM(Granularity)

    // A run of days [first, last] and the deployments created in it per status key.
    struct Bucket
    {
        QDate first;
        QDate last;
        QHash<QString, int> counts;
        int total = 0;
    };

    // Spans up to these many days are bucketed by day, then by week; longer ones by month.
    static constexpr int maxDaySpan = 21;
    static constexpr int maxWeekSpan = 26 * 7;

    explicit CreationHistogram(QObject *parent = nullptr);

    void setModel(DeploymentTableModel *model);

    // The granularity for the current span of creation days.
    Granularity granularity() const;
    // Every bucket from the one holding the first creation day to the one holding the last,
    // empty ones included (the strip is a time axis). Empty when no row has a creation time.
    QList<Bucket> buckets() const;
    // The rows counted in buckets (rows without a creation time are not).
    int datedRows() const { return m_datedRows; }

    static Granularity granularityForSpan(qint64 days);
    // The first day of the bucket holding `day` (weeks start on Monday, ISO 8601).
    static QDate bucketStart(QDate day, Granularity granularity);
    static QDate nextBucketStart(QDate start, Granularity granularity);

signals:
    // Something was counted or uncounted; buckets() has changed.
    void changed();

private:
    struct Entry
    {
        qint64 julianDay = 0;
        int key = -1;   // index in m_keys, -1 when the row is not counted
    };

    void rebuild();
    void onRowsInserted(const QModelIndex &parent, int first, int last);
    void onRowsAboutToBeRemoved(const QModelIndex &parent, int first, int last);
    void onDataChanged(const QModelIndex &topLeft, const QModelIndex &bottomRight);
    Entry entryOfRow(int row);
    int keyIndex(const QString &key);
    void add(const Entry &entry, int delta);

    QPointer<DeploymentTableModel> m_model;
    LocalTimeFormatter m_localTime;   // cheap local offsets for the day of each row
    QStringList m_keys;
    std::vector<Entry> m_rowEntries;                  // per model row
    std::map<qint64, std::vector<int>> m_perDay;      // Julian day -> count per key index
    int m_datedRows = 0;
};

} // namespace outcrop::gui
