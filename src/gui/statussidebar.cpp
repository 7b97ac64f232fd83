// SPDX-License-Identifier: Apache-2.0
#include "statussidebar.h"

#include "statuscounts.h"
#include "statuspresentation.h"

#include <QApplication>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QPainter>
#include <QPixmap>
#include <QStandardItemModel>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QVBoxLayout>

namespace outcrop::gui {

namespace {

const QStringList &modelledKeys()
{
    static const QStringList keys{QStringLiteral("Creating"), QStringLiteral("Active"), QStringLiteral("Failed")};
    return keys;
}

// "All" has no status colour; a blank icon keeps its label aligned with the others.
QIcon blankIcon()
{
    static QIcon icon;
    if (icon.isNull()) {
        for (const int size : {16, 32}) {
            QPixmap pixmap(size, size);
            pixmap.fill(Qt::transparent);
            icon.addPixmap(pixmap);
        }
    }
    return icon;
}

// Paints the label on the left and the count right-aligned (the accessible text, DisplayRole,
// has both, so screen readers read "Active (120)").
class StatusCountDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QWidget *widget = opt.widget;
        QStyle *style = widget ? widget->style() : QApplication::style();
        const QString count = index.data(StatusSidebar::CountTextRole).toString();
        opt.text = index.data(StatusSidebar::LabelRole).toString();
        // The count keeps a space's width from the frame, where the style's text margin alone
        // is a pixel or two.
        const QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget)
                                   .adjusted(0, 0, -opt.fontMetrics.horizontalAdvance(QLatin1Char(' ')), 0);
        const int countWidth = opt.fontMetrics.horizontalAdvance(count);
        const int gap = opt.fontMetrics.horizontalAdvance(QLatin1Char(' ')) * 2;
        opt.text = opt.fontMetrics.elidedText(opt.text, Qt::ElideRight, qMax(0, textRect.width() - countWidth - gap));
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

        const QPalette::ColorGroup group = !(opt.state & QStyle::State_Enabled) ? QPalette::Disabled
            : (opt.state & QStyle::State_Active)                               ? QPalette::Normal
                                                                                : QPalette::Inactive;
        painter->save();
        painter->setFont(opt.font);
        painter->setPen(opt.palette.color(
            group, (opt.state & QStyle::State_Selected) ? QPalette::HighlightedText : QPalette::Text));
        painter->drawText(textRect, Qt::AlignRight | Qt::AlignVCenter, count);
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        // Room for the label, a gap and the count on one line.
        opt.text = index.data(StatusSidebar::LabelRole).toString() + QStringLiteral("     ")
            + index.data(StatusSidebar::CountTextRole).toString();
        const QWidget *widget = opt.widget;
        QStyle *style = widget ? widget->style() : QApplication::style();
        return style->sizeFromContents(QStyle::CT_ItemViewItem, &opt, QSize(), widget);
    }
};

} // namespace

StatusSidebar::StatusSidebar(QWidget *parent)
    : QWidget(parent)
    , m_model(new QStandardItemModel(this))
    , m_view(new QListView(this))
{
    auto *title = new QLabel(tr("&Status"), this);
    QFont titleFont = title->font();
    titleFont.setBold(true);
    title->setFont(titleFont);
    title->setBuddy(m_view);

    m_view->setModel(m_model);
    m_view->setItemDelegate(new StatusCountDelegate(m_view));
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setUniformItemSizes(true);
    // The delegate elides the label and keeps the count in view: never a scroll bar sideways.
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    m_view->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    m_view->setAccessibleName(tr("Status filter"));
    m_view->setAccessibleDescription(tr("Shows only the loaded deployments of the chosen status"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addWidget(m_view);
    layout->addStretch(1);

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &StatusSidebar::onSelectionChanged);
    refresh();
    m_view->setCurrentIndex(m_model->index(0, 0));
}

void StatusSidebar::setStatusCounts(StatusCounts *counts)
{
    if (m_counts) {
        disconnect(m_counts, nullptr, this, nullptr);
    }
    m_counts = counts;
    if (m_counts) {
        connect(m_counts, &StatusCounts::countsChanged, this, &StatusSidebar::refresh);
    }
    refresh();
}

int StatusSidebar::rowOfKey(const QString &key) const
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->item(row)->data(StatusKeyRole).toString() == key) {
            return row;
        }
    }
    return -1;
}

void StatusSidebar::setEntry(QStandardItem *item, const QString &label, int count, bool partial)
{
    const QString countText = QLocale().toString(count) + (partial ? QStringLiteral("+") : QString());
    if (item->data(LabelRole).toString() == label && item->data(CountTextRole).toString() == countText) {
        return;   // unchanged: no repaint, no accessibility event
    }
    item->setData(label, LabelRole);
    item->setData(countText, CountTextRole);
    item->setText(tr("%1 (%2)", "status sidebar entry: label (count)").arg(label, countText));
    if (partial) {
        item->setToolTip(tr("%1: %2 counted over the rows loaded so far; more pages remain")
                             .arg(label, QLocale().toString(count)));
        item->setData(tr("%1, %2 or more", "accessible text of a partial count").arg(label, QLocale().toString(count)),
                      Qt::AccessibleTextRole);
    } else {
        item->setToolTip(tr("%1: %2 loaded").arg(label, countText));
        item->setData(tr("%1, %2").arg(label, countText), Qt::AccessibleTextRole);
    }
}

void StatusSidebar::refresh()
{
    QStringList keys = m_counts ? m_counts->statusKeys() : modelledKeys();
    // The selected status stays listed (at 0) even when its last row is gone, so the filter
    // the user chose does not silently change under them.
    if (!m_selected.isEmpty() && !keys.contains(m_selected)) {
        keys.append(m_selected);
    }
    const bool partial = m_counts && m_counts->isPartial();

    m_updating = true;
    if (m_model->rowCount() == 0) {
        auto *all = new QStandardItem(blankIcon(), QString());
        all->setData(QString(), StatusKeyRole);
        m_model->appendRow(all);
    }
    setEntry(m_model->item(0), tr("All", "all deployment statuses"), m_counts ? m_counts->total() : 0, partial);
    // Update the entries in place: a page of rows changes counts, not the list, and a rebuilt
    // list would lose the current item and make screen readers start over.
    for (int i = 0; i < keys.size(); ++i) {
        const QString &key = keys.at(i);
        QStandardItem *item = m_model->item(i + 1);
        if (!item) {
            item = new QStandardItem;
            m_model->appendRow(item);
        }
        if (item->data(StatusKeyRole).toString() != key || item->data(LabelRole).isNull()) {
            item->setData(key, StatusKeyRole);
            item->setIcon(StatusPresentation::icon(bedrock::deploymentStatusFromText(key)));
            item->setData(QVariant(), LabelRole);
        }
        setEntry(item, StatusPresentation::label(key), m_counts ? m_counts->count(key) : 0, partial);
    }
    if (m_model->rowCount() > keys.size() + 1) {
        m_model->removeRows(int(keys.size()) + 1, m_model->rowCount() - int(keys.size()) - 1);
    }
    const QModelIndex selected = m_model->index(qMax(0, rowOfKey(m_selected)), 0);
    if (m_view->currentIndex() != selected || !m_view->selectionModel()->isSelected(selected)) {
        m_view->selectionModel()->setCurrentIndex(selected, QItemSelectionModel::ClearAndSelect);
    }
    m_updating = false;
}

void StatusSidebar::onSelectionChanged()
{
    if (m_updating) {
        return;
    }
    const QModelIndexList rows = m_view->selectionModel()->selectedIndexes();
    if (rows.isEmpty()) {
        // Ctrl+click on the selected entry would leave nothing selected: keep the filter shown.
        m_updating = true;
        m_view->selectionModel()->select(m_model->index(qMax(0, rowOfKey(m_selected)), 0),
                                         QItemSelectionModel::ClearAndSelect);
        m_updating = false;
        return;
    }
    const QString key = rows.first().data(StatusKeyRole).toString();
    if (key == m_selected) {
        return;
    }
    m_selected = key;
    emit statusFilterChanged(key.isEmpty() ? QSet<QString>() : QSet<QString>{key});
    // A status that was only listed because it was selected leaves the list once deselected.
    refresh();
}

void StatusSidebar::selectStatus(const QString &statusKey)
{
    if (statusKey == m_selected) {
        return;
    }
    if (rowOfKey(statusKey) < 0) {
        m_selected = statusKey;   // listed (at 0) by refresh()
        refresh();
        emit statusFilterChanged(statusKey.isEmpty() ? QSet<QString>() : QSet<QString>{statusKey});
        return;
    }
    m_view->selectionModel()->setCurrentIndex(m_model->index(rowOfKey(statusKey), 0),
                                              QItemSelectionModel::ClearAndSelect);
}

} // namespace outcrop::gui
