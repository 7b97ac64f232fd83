// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QLayout>
#include <QList>
#include <QStyle>

namespace outcrop::gui {

// Lays its items out left to right and wraps them onto another line when the width runs out, as
// words in a paragraph, so a bar of labelled fields fits a narrow window (a 1920 px screen at 200%
// is 960 px wide, with the sidebar and the details beside it) and uses the room of a wide one.
// addLineBreak() starts a new line for the items that belong together. On each line the spare
// width first brings every item up to its size hint, then goes to the items added with a
// stretch, in proportion (so the text fields grow, as in a QHBoxLayout).
class FlowLayout final : public QLayout
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FlowLayout)

public:
    explicit FlowLayout(QWidget *parent = nullptr);
    ~FlowLayout() override;

    using QLayout::addWidget;
    void addWidget(QWidget *widget, int stretch);
    // The next item starts a new line.
    void addLineBreak();

    // Between items of a line; -1 (default): the style's layout spacing.
    void setHorizontalSpacing(int spacing) { m_horizontalSpacing = spacing; invalidate(); }
    int horizontalSpacing() const;
    // Between lines; -1 (default): the style's layout spacing.
    void setVerticalSpacing(int spacing) { m_verticalSpacing = spacing; invalidate(); }
    int verticalSpacing() const;

    void addItem(QLayoutItem *item) override;
    int count() const override;
    QLayoutItem *itemAt(int index) const override;
    QLayoutItem *takeAt(int index) override;
    Qt::Orientations expandingDirections() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize minimumSize() const override;
    QSize sizeHint() const override;
    void setGeometry(const QRect &rect) override;

private:
    struct Entry
    {
        QLayoutItem *item = nullptr;
        int stretch = 0;
        bool startsLine = false;
    };

    // Places the items in `rect` (when `apply`) and returns the height they take.
    int arrange(const QRect &rect, bool apply) const;
    int placeLine(const QList<const Entry *> &line, const QRect &area, int y, bool apply) const;
    int styleSpacing(QStyle::PixelMetric metric) const;

    QList<Entry> m_entries;
    bool m_breakPending = false;
    int m_horizontalSpacing = -1;
    int m_verticalSpacing = -1;
};

} // namespace outcrop::gui
