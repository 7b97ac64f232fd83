// SPDX-License-Identifier: Apache-2.0
#include "overviewwidget.h"

#include "deploymenttablemodel.h"
#include "statuscounts.h"
#include "statuspresentation.h"

#include <QEvent>
#include <QFocusEvent>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QStyle>
#include <QStyleOptionFocusRect>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace outcrop::gui {

using Granularity = CreationHistogram::Granularity;

namespace {

// Sizes derive from the font's line height, so the widget grows with the font and the scale.
struct Metrics
{
    explicit Metrics(const QFontMetrics &fm)
        : line(fm.height())
        , pad(qMax(2, fm.height() / 4))
        , margin(qMax(4, fm.height() / 2))
        , chipHeight(fm.height() + 2 * pad)
    {
    }
    int line;
    int pad;
    int margin;
    int chipHeight;
};

QColor withAlpha(QColor color, int alpha)
{
    color.setAlpha(alpha);
    return color;
}

QColor statusColor(const QString &key)
{
    return StatusPresentation::color(bedrock::deploymentStatusFromText(key));
}

} // namespace

OverviewWidget::OverviewWidget(QWidget *parent)
    : QWidget(parent)
    , m_ownCounts(new StatusCounts(this))
    , m_histogram(new CreationHistogram(this))
{
    setAccessibleName(tr("Deployments overview"));
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);

    m_updateTimer.setSingleShot(true);
    m_updateTimer.setInterval(updateIntervalMs);
    connect(&m_updateTimer, &QTimer::timeout, this, &OverviewWidget::applyUpdate);
    connect(m_ownCounts, &StatusCounts::countsChanged, this, &OverviewWidget::scheduleUpdate);
    connect(m_histogram, &CreationHistogram::changed, this, &OverviewWidget::scheduleUpdate);
    applyUpdate();
}

void OverviewWidget::setModel(DeploymentTableModel *model)
{
    m_model = model;
    m_ownCounts->setModel(m_sharedCounts ? nullptr : model);
    m_histogram->setModel(model);
    flushPendingUpdate();
}

void OverviewWidget::setStatusCounts(StatusCounts *counts)
{
    if (m_sharedCounts) {
        disconnect(m_sharedCounts, nullptr, this, nullptr);
    }
    m_sharedCounts = counts;
    if (m_sharedCounts) {
        connect(m_sharedCounts, &StatusCounts::countsChanged, this, &OverviewWidget::scheduleUpdate);
    }
    m_ownCounts->setModel(m_sharedCounts ? nullptr : m_model.data());
    flushPendingUpdate();
}

const StatusCounts &OverviewWidget::counts() const
{
    return m_sharedCounts ? *m_sharedCounts : *m_ownCounts;
}

void OverviewWidget::setActiveStatus(const QString &statusKey)
{
    if (statusKey == m_activeStatus) {
        return;
    }
    m_activeStatus = statusKey;
    flushPendingUpdate();
}

void OverviewWidget::scheduleUpdate()
{
    // Not restarted on every change: while pages stream in, the overview still updates every
    // interval instead of waiting for the stream to end.
    if (!m_updateTimer.isActive()) {
        m_updateTimer.start();
    }
}

void OverviewWidget::flushPendingUpdate()
{
    m_updateTimer.stop();
    applyUpdate();
}

void OverviewWidget::applyUpdate()
{
    m_buckets = m_histogram->buckets();
    m_granularity = m_histogram->granularity();
    m_maxBucketTotal = 0;
    for (const CreationHistogram::Bucket &bucket : std::as_const(m_buckets)) {
        m_maxBucketTotal = qMax(m_maxBucketTotal, bucket.total);
    }
    m_stackKeys = chipKeys();
    if (m_hoveredBucket >= m_buckets.size()) {
        m_hoveredBucket = -1;
    }
    layoutParts();
    m_focusedChip = std::clamp(m_focusedChip, 0, qMax(0, int(m_chips.size()) - 1));
    updateAccessibleDescription();
    update();
}

QStringList OverviewWidget::chipKeys() const
{
    QStringList keys = counts().statusKeys();
    if (!m_activeStatus.isEmpty() && !keys.contains(m_activeStatus)) {
        keys.append(m_activeStatus);
    }
    return keys;
}

QRect OverviewWidget::chipRect(const QString &statusKey) const
{
    for (const Chip &chip : m_chips) {
        if (chip.key == statusKey) {
            return chip.rect;
        }
    }
    return {};
}

QString OverviewWidget::totalText() const
{
    const int total = counts().total();
    if (counts().isPartial()) {
        return tr("%1+ deployments (loaded so far)").arg(QLocale().toString(total));
    }
    // Not tr("%n deployment(s)"): without an English translation loaded that shows "(s)".
    return total == 1 ? tr("1 deployment") : tr("%1 deployments").arg(QLocale().toString(total));
}

QString OverviewWidget::emptyStateText() const
{
    if (!m_buckets.isEmpty() && m_maxBucketTotal > 0) {
        return {};
    }
    return counts().total() > 0 ? tr("No creation times in the loaded rows") : tr("No deployments loaded");
}

QString OverviewWidget::stripTitle() const
{
    switch (m_granularity) {
    case Granularity::Day:
        return tr("Created per day");
    case Granularity::Week:
        return tr("Created per week");
    case Granularity::Month:
        return tr("Created per month");
    }
    return {};
}

QSize OverviewWidget::sizeHint() const
{
    const Metrics m(fontMetrics());
    // A title line and two rows of chips, and a strip tall enough to tell bars apart: about
    // 100 px at a 16 px line, growing with the font.
    return {m.line * 36, qMax(2 * m.margin + m.line + 2 * m.pad + 2 * m.chipHeight, m.line * 6)};
}

QSize OverviewWidget::minimumSizeHint() const
{
    const Metrics m(fontMetrics());
    return {m.line * 10, 2 * m.margin + m.line + m.pad + m.chipHeight};
}

void OverviewWidget::layoutParts()
{
    const QFontMetrics fm = fontMetrics();
    const Metrics m(fm);
    const QRect content = rect().adjusted(m.margin, m.margin, -m.margin, -m.margin);
    const bool partial = counts().isPartial();

    QFont bold = font();
    bold.setBold(true);
    const int totalWidth = QFontMetrics(bold).horizontalAdvance(totalText());

    m_chips.clear();
    int chipWidth = 0;
    for (const QString &key : std::as_const(m_stackKeys)) {
        Chip chip;
        chip.key = key;
        chip.text = StatusPresentation::label(key);
        const QString count = QLocale().toString(counts().count(key)) + (partial ? QStringLiteral("+") : QString());
        // dot, label, gap, count, with padding on both sides
        chipWidth = qMax(chipWidth, 3 * m.pad + m.line + fm.horizontalAdvance(chip.text) + m.line
                                         + fm.horizontalAdvance(count) + 2 * m.pad);
        m_chips.append(chip);
    }
    // As many chip rows as the height allows (at least one), then as many columns as needed.
    const int chipsTop = content.top() + m.line + m.pad;
    const int rowsThatFit = qMax(1, (content.bottom() - chipsTop + 1 + m.pad) / (m.chipHeight + m.pad));
    const int count = int(m_chips.size());
    const int columns = count == 0 ? 1 : (count + rowsThatFit - 1) / rowsThatFit;
    int leftWidth = qMax(totalWidth, columns * chipWidth + (columns - 1) * m.pad);

    const int minimumStripWidth = m.line * 8;
    const bool showStrip = content.width() >= leftWidth + 2 * m.margin + minimumStripWidth;
    if (!showStrip) {
        leftWidth = content.width();
    }
    m_totalRect = QRect(content.left(), content.top(), leftWidth, m.line);
    for (int i = 0; i < count; ++i) {
        const int column = i % columns;   // row by row, as text reads
        const int row = i / columns;
        m_chips[i].rect = QRect(content.left() + column * (chipWidth + m.pad), chipsTop + row * (m.chipHeight + m.pad),
                                chipWidth, m.chipHeight);
    }

    if (!showStrip) {
        m_stripTitleRect = m_barsRect = m_axisRect = QRect();
        return;
    }
    const int stripLeft = content.left() + leftWidth + 2 * m.margin;
    const int stripWidth = content.right() - stripLeft + 1;
    m_stripTitleRect = QRect(stripLeft, content.top(), stripWidth, m.line);
    m_axisRect = QRect(stripLeft, content.bottom() - m.line + 1, stripWidth, m.line);
    m_barsRect = QRect(QPoint(stripLeft, m_stripTitleRect.bottom() + 1 + m.pad),
                       QPoint(content.right(), m_axisRect.top() - 1 - m.pad / 2));
}

void OverviewWidget::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    layoutParts();
}

void OverviewWidget::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange) {
        updateGeometry();
        layoutParts();
        update();
    } else if (event->type() == QEvent::PaletteChange || event->type() == QEvent::LocaleChange) {
        applyUpdate();
    }
}

void OverviewWidget::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    paintChips(painter);
    if (!m_barsRect.isNull()) {
        paintStrip(painter);
    }
}

void OverviewWidget::paintChips(QPainter &painter)
{
    const QPalette &pal = palette();
    const Metrics m(fontMetrics());
    const bool partial = counts().isPartial();

    QFont bold = font();
    bold.setBold(true);
    painter.setFont(bold);
    painter.setPen(pal.color(QPalette::WindowText));
    painter.drawText(m_totalRect, Qt::AlignLeft | Qt::AlignVCenter,
                     fontMetrics().elidedText(totalText(), Qt::ElideRight, m_totalRect.width()));
    painter.setFont(font());

    painter.setRenderHint(QPainter::Antialiasing);
    for (int i = 0; i < m_chips.size(); ++i) {
        const Chip &chip = m_chips.at(i);
        const bool active = chip.key == m_activeStatus;
        const QRectF frame = QRectF(chip.rect).adjusted(0.5, 0.5, -0.5, -0.5);
        QColor fill = pal.color(QPalette::Button);
        if (active) {
            fill = pal.color(QPalette::Highlight);
        } else if (i == m_hoveredChip) {
            fill = withAlpha(pal.color(QPalette::Highlight), 60);
        }
        painter.setPen(QPen(withAlpha(pal.color(QPalette::WindowText), active ? 0 : 70), 1));
        painter.setBrush(fill);
        const qreal radius = m.chipHeight / 4.0;
        painter.drawRoundedRect(frame, radius, radius);

        const int dot = m.line * 6 / 10;
        const QRectF dotRect(chip.rect.left() + 2 * m.pad, chip.rect.center().y() - dot / 2.0 + 0.5, dot, dot);
        // A thin ring keeps the light grey and dark green dots visible on either palette.
        painter.setPen(QPen(withAlpha(pal.color(active ? QPalette::HighlightedText : QPalette::WindowText), 110), 1));
        painter.setBrush(statusColor(chip.key));
        painter.drawEllipse(dotRect);

        const QColor textColor = pal.color(active ? QPalette::HighlightedText : QPalette::ButtonText);
        painter.setPen(textColor);
        const QRect textRect = chip.rect.adjusted(2 * m.pad + m.line, 0, -2 * m.pad, 0);
        const QString count = QLocale().toString(counts().count(chip.key)) + (partial ? QStringLiteral("+") : QString());
        painter.setFont(bold);
        painter.drawText(textRect, Qt::AlignRight | Qt::AlignVCenter, count);
        painter.setFont(font());
        const int labelWidth = textRect.width() - QFontMetrics(bold).horizontalAdvance(count) - m.pad;
        painter.drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter,
                         fontMetrics().elidedText(chip.text, Qt::ElideRight, qMax(0, labelWidth)));

        if (hasFocus() && i == m_focusedChip) {
            QStyleOptionFocusRect option;
            option.initFrom(this);
            option.rect = chip.rect.adjusted(-2, -2, 2, 2);
            option.backgroundColor = pal.color(QPalette::Window);
            style()->drawPrimitive(QStyle::PE_FrameFocusRect, &option, &painter, this);
        }
    }
    painter.setRenderHint(QPainter::Antialiasing, false);
}

void OverviewWidget::paintStrip(QPainter &painter)
{
    const QPalette &pal = palette();
    const QFontMetrics fm = fontMetrics();
    const QColor text = pal.color(QPalette::WindowText);

    painter.setPen(text);
    QString peak;
    if (m_maxBucketTotal > 0) {
        peak = tr("peak %1").arg(QLocale().toString(m_maxBucketTotal));
    }
    const int peakWidth = fm.horizontalAdvance(peak);
    painter.drawText(m_stripTitleRect, Qt::AlignLeft | Qt::AlignVCenter,
                     fm.elidedText(stripTitle(), Qt::ElideRight, m_stripTitleRect.width() - peakWidth - fm.height()));
    painter.setPen(withAlpha(text, 170));
    painter.drawText(m_stripTitleRect, Qt::AlignRight | Qt::AlignVCenter, peak);

    // The baseline, visible even without bars.
    painter.setPen(withAlpha(text, 90));
    painter.drawLine(m_barsRect.bottomLeft(), m_barsRect.bottomRight());

    if (const QString message = emptyStateText(); !message.isEmpty()) {
        painter.setPen(withAlpha(text, 190));
        painter.drawText(m_barsRect, Qt::AlignCenter, fm.elidedText(message, Qt::ElideRight, m_barsRect.width()));
        return;
    }

    const int n = int(m_buckets.size());
    const qreal slot = qreal(m_barsRect.width()) / n;
    const int gap = slot >= 4 ? qMax(1, int(slot / 5)) : 0;
    const int height = m_barsRect.height() - 1;   // above the baseline
    const int bottom = m_barsRect.bottom() - 1;
    for (int i = 0; i < n; ++i) {
        const CreationHistogram::Bucket &bucket = m_buckets.at(i);
        const int x = m_barsRect.left() + int(std::lround(i * slot));
        const int width = qMax(1, m_barsRect.left() + int(std::lround((i + 1) * slot)) - x - gap);
        if (i == m_hoveredBucket) {
            painter.fillRect(QRect(x, m_barsRect.top(), width, m_barsRect.height()),
                             withAlpha(pal.color(QPalette::Highlight), 60));
        }
        // Stacked from the bottom in the chips' order; edges from cumulative sums so rounding
        // never makes a bar taller than its total.
        int cumulative = 0;
        int previousY = bottom + 1;
        for (const QString &key : std::as_const(m_stackKeys)) {
            const int count = bucket.counts.value(key);
            if (count == 0) {
                continue;
            }
            cumulative += count;
            const int y = bottom + 1 - int(std::lround(qreal(cumulative) * height / m_maxBucketTotal));
            if (y < previousY) {
                painter.fillRect(QRect(x, y, width, previousY - y), statusColor(key));
                previousY = y;
            }
        }
        // A status the chips do not list (none today) still shows, in grey.
        if (cumulative < bucket.total) {
            const int y = bottom + 1 - int(std::lround(qreal(bucket.total) * height / m_maxBucketTotal));
            if (y < previousY) {
                painter.fillRect(QRect(x, y, width, previousY - y), statusColor(QString()));
            }
        }
    }

    const QLocale locale;
    const QString format = m_granularity == Granularity::Month ? QStringLiteral("MMM yyyy") : QStringLiteral("d MMM yyyy");
    const QString first = locale.toString(m_buckets.first().first, format);
    const QString last = locale.toString(m_buckets.last().first, format);
    painter.setPen(withAlpha(text, 200));
    if (n == 1 || fm.horizontalAdvance(first) + fm.horizontalAdvance(last) + fm.height() > m_axisRect.width()) {
        painter.drawText(m_axisRect, Qt::AlignLeft | Qt::AlignVCenter, first);
    } else {
        painter.drawText(m_axisRect, Qt::AlignLeft | Qt::AlignVCenter, first);
        painter.drawText(m_axisRect, Qt::AlignRight | Qt::AlignVCenter, last);
    }
}

int OverviewWidget::chipAt(const QPoint &pos) const
{
    for (int i = 0; i < m_chips.size(); ++i) {
        if (m_chips.at(i).rect.contains(pos)) {
            return i;
        }
    }
    return -1;
}

int OverviewWidget::bucketAt(const QPoint &pos) const
{
    if (m_buckets.isEmpty() || m_barsRect.isNull() || pos.x() < m_barsRect.left() || pos.x() > m_barsRect.right()
        || pos.y() < m_barsRect.top() || pos.y() > m_axisRect.bottom()) {
        return -1;
    }
    const qreal slot = qreal(m_barsRect.width()) / m_buckets.size();
    return std::clamp(int((pos.x() - m_barsRect.left()) / slot), 0, int(m_buckets.size()) - 1);
}

QString OverviewWidget::bucketRangeText(const CreationHistogram::Bucket &bucket) const
{
    const QLocale locale;
    switch (m_granularity) {
    case Granularity::Day:
        return locale.toString(bucket.first, QLocale::LongFormat);
    case Granularity::Week:
        return tr("%1 to %2", "a week's range of dates")
            .arg(locale.toString(bucket.first, QStringLiteral("d MMM yyyy")),
                 locale.toString(bucket.last, QStringLiteral("d MMM yyyy")));
    case Granularity::Month:
        return locale.toString(bucket.first, QStringLiteral("MMMM yyyy"));
    }
    return {};
}

QString OverviewWidget::bucketTooltip(const CreationHistogram::Bucket &bucket) const
{
    QStringList lines{bucketRangeText(bucket), tr("Created: %1").arg(QLocale().toString(bucket.total))};
    for (const QString &key : std::as_const(m_stackKeys)) {
        if (const int count = bucket.counts.value(key)) {
            lines.append(tr("%1: %2").arg(StatusPresentation::label(key), QLocale().toString(count)));
        }
    }
    if (counts().isPartial()) {
        lines.append(tr("Counted over the rows loaded so far"));
    }
    return lines.join(QLatin1Char('\n'));
}

void OverviewWidget::updateAccessibleDescription()
{
    QStringList parts;
    for (const QString &key : std::as_const(m_stackKeys)) {
        parts.append(tr("%1 %2").arg(StatusPresentation::label(key), QLocale().toString(counts().count(key))));
    }
    QString description = totalText() + QStringLiteral(": ") + parts.join(QStringLiteral(", ")) + QLatin1Char('.');
    if (const QString message = emptyStateText(); !message.isEmpty()) {
        description += QLatin1Char(' ') + message + QLatin1Char('.');
    } else {
        const QLocale locale;
        const auto peak = std::max_element(m_buckets.cbegin(), m_buckets.cend(),
                                           [](const auto &a, const auto &b) { return a.total < b.total; });
        description += QLatin1Char(' ')
            + tr("%1 from %2 to %3; the most, %4, in %5.")
                  .arg(stripTitle(), locale.toString(m_buckets.first().first, QLocale::LongFormat),
                       locale.toString(m_buckets.last().last, QLocale::LongFormat), locale.toString(peak->total),
                       bucketRangeText(*peak));
    }
    if (description != accessibleDescription()) {
        setAccessibleDescription(description);
    }
}

bool OverviewWidget::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        if (const int chip = chipAt(help->pos()); chip >= 0) {
            const QString &key = m_chips.at(chip).key;
            const QString action = key == m_activeStatus ? tr("Click to show every status")
                                                         : tr("Click to show only these deployments");
            QToolTip::showText(help->globalPos(),
                               tr("%1: %2 loaded").arg(StatusPresentation::label(key),
                                                       QLocale().toString(counts().count(key)))
                                   + QLatin1Char('\n') + action,
                               this, m_chips.at(chip).rect);
        } else if (const int bucket = bucketAt(help->pos()); bucket >= 0) {
            QToolTip::showText(help->globalPos(), bucketTooltip(m_buckets.at(bucket)), this);
        } else {
            QToolTip::hideText();
            event->ignore();
        }
        return true;
    }
    return QWidget::event(event);
}

void OverviewWidget::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    const int chip = chipAt(pos);
    const int bucket = bucketAt(pos);
    if (chip != m_hoveredChip || bucket != m_hoveredBucket) {
        m_hoveredChip = chip;
        m_hoveredBucket = bucket;
        setCursor(chip >= 0 ? Qt::PointingHandCursor : Qt::ArrowCursor);
        if (bucket >= 0 && QToolTip::isVisible()) {
            // Follow the pointer from bar to bar without waiting for a new tooltip event.
            QToolTip::showText(event->globalPosition().toPoint(), bucketTooltip(m_buckets.at(bucket)), this);
        }
        update();
    }
    QWidget::mouseMoveEvent(event);
}

void OverviewWidget::leaveEvent(QEvent *event)
{
    m_hoveredChip = -1;
    m_hoveredBucket = -1;
    update();
    QWidget::leaveEvent(event);
}

void OverviewWidget::mouseReleaseEvent(QMouseEvent *event)
{
    const int chip = chipAt(event->position().toPoint());
    if (event->button() == Qt::LeftButton && chip >= 0) {
        m_focusedChip = chip;
        const QString &key = m_chips.at(chip).key;
        // A second click on the active status goes back to all statuses.
        emit statusClicked(key == m_activeStatus ? QString() : key);
        event->accept();
        return;
    }
    QWidget::mouseReleaseEvent(event);
}

void OverviewWidget::keyPressEvent(QKeyEvent *event)
{
    const int count = int(m_chips.size());
    if (count == 0) {
        QWidget::keyPressEvent(event);
        return;
    }
    switch (event->key()) {
    case Qt::Key_Left:
    case Qt::Key_Up:
        m_focusedChip = qMax(0, m_focusedChip - 1);
        break;
    case Qt::Key_Right:
    case Qt::Key_Down:
        m_focusedChip = qMin(count - 1, m_focusedChip + 1);
        break;
    case Qt::Key_Home:
        m_focusedChip = 0;
        break;
    case Qt::Key_End:
        m_focusedChip = count - 1;
        break;
    case Qt::Key_Space:
    case Qt::Key_Return:
    case Qt::Key_Enter: {
        const QString &key = m_chips.at(m_focusedChip).key;
        emit statusClicked(key == m_activeStatus ? QString() : key);
        break;
    }
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    update();
}

void OverviewWidget::focusInEvent(QFocusEvent *event)
{
    QWidget::focusInEvent(event);
    update();
}

void OverviewWidget::focusOutEvent(QFocusEvent *event)
{
    QWidget::focusOutEvent(event);
    update();
}

} // namespace outcrop::gui
