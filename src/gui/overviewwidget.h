// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "creationhistogram.h"

#include <QList>
#include <QPointer>
#include <QRect>
#include <QString>
#include <QTimer>
#include <QWidget>

namespace outcrop::gui {

class DeploymentTableModel;
class StatusCounts;

// A small overview of the loaded deployments, painted with QPainter: on the left the counts per
// status as chips (click, or Tab to the widget and use the arrow keys and Space, to filter the
// table by that status: statusClicked), on the right a strip of bars of deployments created per
// day, week or month, stacked by status, with a tooltip per bar.
//
// Counting is incremental (StatusCounts, CreationHistogram: O(rows of the page) per page); the
// bars, layout, repaint and accessible description follow on a coalescing timer, so 25,000 rows
// arriving page by page cost a repaint every updateIntervalMs, never one per page.
class OverviewWidget final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OverviewWidget)

public:
    static constexpr int updateIntervalMs = 100;

    explicit OverviewWidget(QWidget *parent = nullptr);

    void setModel(DeploymentTableModel *model);
    // Optional: the window's counts of the same model (as the sidebar shows), so the rows are
    // counted once. Without them the widget counts the model itself.
    void setStatusCounts(StatusCounts *counts);
    // The status the table is filtered by (empty: all), drawn as the pressed chip.
    void setActiveStatus(const QString &statusKey);
    QString activeStatus() const { return m_activeStatus; }

    // For tests and the window: the chips' keys in order, and where a chip is drawn.
    QStringList chipKeys() const;
    QRect chipRect(const QString &statusKey) const;
    // The bars as last drawn (after the coalescing timer has run).
    const QList<CreationHistogram::Bucket> &buckets() const { return m_buckets; }
    CreationHistogram::Granularity granularity() const { return m_granularity; }
    // What the strip says instead of bars ("No deployments loaded"); empty while it has bars.
    QString emptyStateText() const;
    // Applies pending changes now instead of at the next timer tick.
    void flushPendingUpdate();

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void statusClicked(const QString &statusKey);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;
    bool event(QEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;

private:
    struct Chip
    {
        QString key;
        QString text;
        QRect rect;
    };

    const StatusCounts &counts() const;
    void scheduleUpdate();
    void applyUpdate();
    void layoutParts();
    void updateAccessibleDescription();
    int chipAt(const QPoint &pos) const;
    int bucketAt(const QPoint &pos) const;
    QString bucketRangeText(const CreationHistogram::Bucket &bucket) const;
    QString bucketTooltip(const CreationHistogram::Bucket &bucket) const;
    QString stripTitle() const;
    QString totalText() const;
    void paintChips(QPainter &painter);
    void paintStrip(QPainter &painter);

    QPointer<DeploymentTableModel> m_model;
    StatusCounts *m_ownCounts = nullptr;
    QPointer<StatusCounts> m_sharedCounts;
    CreationHistogram *m_histogram = nullptr;
    QTimer m_updateTimer;

    QList<CreationHistogram::Bucket> m_buckets;
    CreationHistogram::Granularity m_granularity = CreationHistogram::Granularity::Day;
    QStringList m_stackKeys;   // the order bars stack in: the chips' order
    int m_maxBucketTotal = 0;

    // Layout, from layoutParts().
    QRect m_totalRect;
    QList<Chip> m_chips;
    QRect m_stripTitleRect;
    QRect m_barsRect;
    QRect m_axisRect;

    QString m_activeStatus;
    int m_hoveredChip = -1;
    int m_focusedChip = 0;
    int m_hoveredBucket = -1;
};

} // namespace outcrop::gui
