// SPDX-License-Identifier: Apache-2.0
#include "sourcesdialog.h"

#include "bedrock/bedrockregions.h"
#include "fieldvaliditymarker.h"

#include <QDialogButtonBox>
#include <QKeyEvent>
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
    m_regionInput = new QLineEdit(this);
    m_regionInput->setObjectName(QStringLiteral("regionInput"));
    m_regionInput->setAccessibleName(tr("Region to add"));
    m_regionInput->setPlaceholderText(tr("e.g. ap-east-2"));
    // Room for a long region name and the warning icon of an invalid one.
    m_regionInput->setMinimumWidth(m_regionInput->fontMetrics().horizontalAdvance(QStringLiteral("ap-southeast-77"))
                                   + 2 * m_regionInput->fontMetrics().height());
    m_regionInput->installEventFilter(this);   // Enter adds the region instead of pressing Show
    m_addRegion = new QPushButton(tr("&Add"), this);
    m_addRegion->setObjectName(QStringLiteral("addRegion"));
    m_addRegion->setAccessibleName(tr("Add region"));
    m_addRegion->setAutoDefault(false);
    m_regionProblem = new QLabel(this);
    m_regionProblem->setObjectName(QStringLiteral("regionProblem"));
    m_regionProblem->setWordWrap(true);
    m_regionProblem->setAccessibleName(tr("Region problem"));
    m_regionProblem->hide();
    m_regionMarker = std::make_unique<FieldValidityMarker>(
        m_regionInput, tr("A region the list does not offer; the service decides whether it serves Bedrock"));
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
    auto *regionInputLabel = new QLabel(tr("&Other region:"), this);
    regionInputLabel->setBuddy(m_regionInput);
    auto *nameLabel = new QLabel(tr("Save as &view:"), this);
    nameLabel->setBuddy(m_viewName);

    auto *grid = new QGridLayout;
    grid->addWidget(profilesLabel, 0, 0);
    grid->addWidget(regionsLabel, 0, 1);
    grid->addWidget(m_profiles, 1, 0);
    grid->addWidget(m_regions, 1, 1);
    auto *regionInputRow = new QHBoxLayout;
    regionInputRow->addWidget(regionInputLabel);
    regionInputRow->addWidget(m_regionInput, 1);
    regionInputRow->addWidget(m_addRegion);
    grid->addLayout(regionInputRow, 2, 1);
    grid->addWidget(m_regionProblem, 3, 1);
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
    connect(m_addRegion, &QPushButton::clicked, this, &SourcesDialog::addTypedRegion);
    connect(m_regionInput, &QLineEdit::textEdited, this, [this] { showRegionProblem({}); });
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        // A region typed but not added yet is meant to be shown too; a bad one stops here.
        if (!m_regionInput->text().trimmed().isEmpty() && !addTypedRegion()) {
            m_regionInput->setFocus();
            return;
        }
        emit sourcesChosen({viewName(), checkedProfiles(), checkedRegions()});
        accept();
    });
    updateSummary();
}

SourcesDialog::~SourcesDialog() = default;

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

QString SourcesDialog::regionProblem() const
{
    const QString region = m_regionInput->text().trimmed();
    if (region.isEmpty() || bedrock::isRegionName(region)) {
        return {};
    }
    //: %1 is what the user typed
    return tr("“%1” is not a region name: use lower-case letters, digits and single hyphens, such as "
              "us-east-1 or ap-southeast-7.")
        .arg(region);
}

bool SourcesDialog::addTypedRegion()
{
    const QString region = m_regionInput->text().trimmed();
    if (region.isEmpty()) {
        showRegionProblem(tr("Type the name of a region to add, such as ap-southeast-7."));
        return false;
    }
    const QString problem = regionProblem();
    if (!problem.isEmpty()) {
        showRegionProblem(problem);
        return false;
    }
    QList<QListWidgetItem *> found = m_regions->findItems(region, Qt::MatchExactly);
    if (found.isEmpty()) {
        fill(m_regions, {region});
        found = m_regions->findItems(region, Qt::MatchExactly);
    }
    found.constFirst()->setCheckState(Qt::Checked);
    m_regions->scrollToItem(found.constFirst());
    m_regionInput->clear();
    showRegionProblem({});
    updateSummary();
    return true;
}

void SourcesDialog::showRegionProblem(const QString &problem)
{
    m_regionProblem->setText(problem);
    m_regionProblem->setVisible(!problem.isEmpty());
    m_regionMarker->setInvalidReason(problem);
}

bool SourcesDialog::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_regionInput && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if ((key == Qt::Key_Return || key == Qt::Key_Enter) && !m_regionInput->text().trimmed().isEmpty()) {
            addTypedRegion();
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
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
