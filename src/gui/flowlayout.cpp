// SPDX-License-Identifier: Apache-2.0
#include "flowlayout.h"

#include <QStyle>
#include <QWidget>

#include <algorithm>

namespace outcrop::gui {

FlowLayout::FlowLayout(QWidget *parent)
    : QLayout(parent)
{
}

FlowLayout::~FlowLayout()
{
    for (const Entry &entry : std::as_const(m_entries)) {
        delete entry.item;
    }
}

void FlowLayout::addWidget(QWidget *widget, int stretch)
{
    QLayout::addWidget(widget);
    m_entries.last().stretch = stretch;
}

void FlowLayout::addLineBreak()
{
    m_breakPending = true;
    invalidate();
}

void FlowLayout::addItem(QLayoutItem *item)
{
    m_entries.append({item, 0, m_breakPending});
    m_breakPending = false;
    invalidate();
}

int FlowLayout::count() const
{
    return int(m_entries.size());
}

QLayoutItem *FlowLayout::itemAt(int index) const
{
    return index >= 0 && index < m_entries.size() ? m_entries.at(index).item : nullptr;
}

QLayoutItem *FlowLayout::takeAt(int index)
{
    if (index < 0 || index >= m_entries.size()) {
        return nullptr;
    }
    const Entry taken = m_entries.takeAt(index);
    if (taken.startsLine && index < m_entries.size()) {
        m_entries[index].startsLine = true;
    }
    invalidate();
    return taken.item;
}

Qt::Orientations FlowLayout::expandingDirections() const
{
    return Qt::Horizontal;
}

int FlowLayout::styleSpacing(QStyle::PixelMetric metric) const
{
    const QWidget *widget = parentWidget();
    const QStyle *style = widget ? widget->style() : nullptr;
    return style ? style->pixelMetric(metric, nullptr, widget) : 6;
}

int FlowLayout::horizontalSpacing() const
{
    return m_horizontalSpacing >= 0 ? m_horizontalSpacing : styleSpacing(QStyle::PM_LayoutHorizontalSpacing);
}

int FlowLayout::verticalSpacing() const
{
    return m_verticalSpacing >= 0 ? m_verticalSpacing : styleSpacing(QStyle::PM_LayoutVerticalSpacing);
}

int FlowLayout::heightForWidth(int width) const
{
    return arrange(QRect(0, 0, width, 0), false);
}

QSize FlowLayout::minimumSize() const
{
    // As narrow as the widest item; the height then follows from heightForWidth().
    QSize size;
    for (const Entry &entry : m_entries) {
        if (!entry.item->isEmpty()) {
            size = size.expandedTo(entry.item->minimumSize());
        }
    }
    const QMargins margins = contentsMargins();
    return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom());
}

QSize FlowLayout::sizeHint() const
{
    // Every line as the caller broke it, each item at its size hint.
    int width = 0;
    int lineWidth = 0;
    for (const Entry &entry : m_entries) {
        if (entry.item->isEmpty()) {
            continue;
        }
        if (entry.startsLine) {
            lineWidth = 0;
        }
        lineWidth += (lineWidth > 0 ? horizontalSpacing() : 0) + entry.item->sizeHint().width();
        width = std::max(width, lineWidth);
    }
    const QMargins margins = contentsMargins();
    width += margins.left() + margins.right();
    return {width, heightForWidth(width)};
}

void FlowLayout::setGeometry(const QRect &rect)
{
    QLayout::setGeometry(rect);
    arrange(rect, true);
}

int FlowLayout::arrange(const QRect &rect, bool apply) const
{
    const QRect area = rect.marginsRemoved(contentsMargins());
    const int spacing = horizontalSpacing();
    int y = area.top();
    bool firstLine = true;
    QList<const Entry *> line;
    int lineWidth = 0;
    const auto flush = [&] {
        if (line.isEmpty()) {
            return;
        }
        if (!firstLine) {
            y += verticalSpacing();
        }
        y += placeLine(line, area, y, apply);
        firstLine = false;
        line.clear();
        lineWidth = 0;
    };
    for (const Entry &entry : m_entries) {
        if (entry.item->isEmpty()) {
            continue;
        }
        const int width = entry.item->minimumSize().width();
        if (entry.startsLine || (!line.isEmpty() && lineWidth + spacing + width > area.width())) {
            flush();
        }
        lineWidth += (line.isEmpty() ? 0 : spacing) + width;
        line.append(&entry);
    }
    flush();
    const QMargins margins = contentsMargins();
    return y - area.top() + margins.top() + margins.bottom();
}

int FlowLayout::placeLine(const QList<const Entry *> &line, const QRect &area, int y, bool apply) const
{
    QList<int> widths;
    int spare = area.width() - horizontalSpacing() * int(line.size() - 1);
    int wantedUpToHints = 0;
    int stretchTotal = 0;
    for (const Entry *entry : line) {
        const int minimum = entry->item->minimumSize().width();
        widths.append(minimum);
        spare -= minimum;
        wantedUpToHints += std::max(0, entry->item->sizeHint().width() - minimum);
        stretchTotal += entry->stretch;
    }
    // First every item up to its size hint (in proportion when there is not enough room)...
    if (spare > 0 && wantedUpToHints > 0) {
        const int granted = std::min(spare, wantedUpToHints);
        for (int i = 0; i < line.size(); ++i) {
            const int wanted = std::max(0, line.at(i)->item->sizeHint().width() - widths.at(i));
            const int share = int(qint64(wanted) * granted / wantedUpToHints);
            widths[i] += share;
            spare -= share;
        }
    }
    // ...then the rest to the stretching items, up to their maximum width.
    if (spare > 0 && stretchTotal > 0) {
        const int available = spare;
        for (int i = 0; i < line.size(); ++i) {
            const int share = int(qint64(available) * line.at(i)->stretch / stretchTotal);
            const int grown = std::min(widths.at(i) + share, line.at(i)->item->maximumSize().width());
            spare -= grown - widths.at(i);
            widths[i] = grown;
        }
    }

    int height = 0;
    for (int i = 0; i < line.size(); ++i) {
        const QLayoutItem *item = line.at(i)->item;
        height = std::max(height, item->hasHeightForWidth() ? item->heightForWidth(widths.at(i)) : item->sizeHint().height());
    }
    if (apply) {
        const bool rightToLeft = parentWidget() && parentWidget()->layoutDirection() == Qt::RightToLeft;
        int x = area.left();
        for (int i = 0; i < line.size(); ++i) {
            QLayoutItem *item = line.at(i)->item;
            const int itemHeight = std::min(height, item->maximumSize().height());
            QRect geometry(x, y + (height - itemHeight) / 2, widths.at(i), itemHeight);
            if (rightToLeft) {
                geometry.moveRight(area.right() - (x - area.left()));
            }
            item->setGeometry(geometry);
            x += widths.at(i) + horizontalSpacing();
        }
    }
    return height;
}

} // namespace outcrop::gui
