// SPDX-License-Identifier: Apache-2.0
#include "sourcesdialog.h"

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace outcrop::gui {

namespace {

void fill(QListWidget *list, const QStringList &names)
{
    for (const QString &name : names) {
        auto *item = new QListWidgetItem(name, list);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
}

QStringList checked(const QListWidget *list)
{
    QStringList names;
    for (int i = 0; i < list->count(); ++i) {
        if (list->item(i)->checkState() == Qt::Checked) {
            names.append(list->item(i)->text());
        }
    }
    return names;
}

void check(QListWidget *list, const QStringList &names)
{
    for (const QString &name : names) {
        if (list->findItems(name, Qt::MatchExactly).isEmpty()) {
            fill(list, {name});
        }
    }
    for (int i = 0; i < list->count(); ++i) {
        list->item(i)->setCheckState(names.contains(list->item(i)->text()) ? Qt::Checked : Qt::Unchecked);
    }
}

} // namespace

SourcesDialog::SourcesDialog(const QStringList &profiles, const QStringList &regions, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Choose Sources"));
    m_profiles = new QListWidget(this);
    m_profiles->setObjectName(QStringLiteral("profiles"));
    m_profiles->setAccessibleName(tr("Profiles"));
    fill(m_profiles, profiles);
    m_regions = new QListWidget(this);
    m_regions->setObjectName(QStringLiteral("regions"));
    m_regions->setAccessibleName(tr("Regions"));
    fill(m_regions, regions);
    m_viewName = new QLineEdit(this);
    m_viewName->setObjectName(QStringLiteral("viewName"));
    m_viewName->setPlaceholderText(tr("Not saved"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setWordWrap(true);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Show"));

    auto *profilesLabel = new QLabel(tr("&Profiles:"), this);
    profilesLabel->setBuddy(m_profiles);
    auto *regionsLabel = new QLabel(tr("&Regions:"), this);
    regionsLabel->setBuddy(m_regions);
    auto *nameLabel = new QLabel(tr("Save as &view:"), this);
    nameLabel->setBuddy(m_viewName);

    auto *grid = new QGridLayout;
    grid->addWidget(profilesLabel, 0, 0);
    grid->addWidget(regionsLabel, 0, 1);
    grid->addWidget(m_profiles, 1, 0);
    grid->addWidget(m_regions, 1, 1);
    auto *nameRow = new QHBoxLayout;
    nameRow->addWidget(nameLabel);
    nameRow->addWidget(m_viewName, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(grid, 1);
    layout->addWidget(m_summary);
    layout->addLayout(nameRow);
    layout->addWidget(m_buttons);

    connect(m_profiles, &QListWidget::itemChanged, this, &SourcesDialog::updateSummary);
    connect(m_regions, &QListWidget::itemChanged, this, &SourcesDialog::updateSummary);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        emit sourcesChosen({viewName(), checkedProfiles(), checkedRegions()});
        accept();
    });
    updateSummary();
}

void SourcesDialog::setSelection(const QStringList &profiles, const QStringList &regions)
{
    check(m_profiles, profiles);
    check(m_regions, regions);
    updateSummary();
}

QStringList SourcesDialog::checkedProfiles() const
{
    return checked(m_profiles);
}

QStringList SourcesDialog::checkedRegions() const
{
    return checked(m_regions);
}

void SourcesDialog::setViewName(const QString &name)
{
    m_viewName->setText(name);
}

QString SourcesDialog::viewName() const
{
    return m_viewName->text().trimmed();
}

void SourcesDialog::updateSummary()
{
    const qsizetype profiles = checkedProfiles().size();
    const qsizetype regions = checkedRegions().size();
    QString text;
    if (profiles == 0) {
        text = tr("Check at least one profile.");
    } else if (regions == 0) {
        text = tr("%n profile(s), each in its own region.", nullptr, int(profiles));
    } else {
        text = tr("%n source(s): every checked profile in every checked region.", nullptr, int(profiles * regions));
    }
    m_summary->setText(text);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(profiles > 0);
}

} // namespace outcrop::gui
