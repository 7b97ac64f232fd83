// SPDX-License-Identifier: Apache-2.0
#include "connectionbar.h"

#include "bedrock/bedrockregions.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSettings>
#include <QUrl>

namespace outcrop::gui {

namespace {
QString appearanceGroup(const QString &profile)
{
    // Profile names may hold characters QSettings treats specially ('/'): percent-encode them.
    return QStringLiteral("profiles/") + QString::fromLatin1(QUrl::toPercentEncoding(profile));
}
} // namespace

ProfileAppearance ProfileAppearance::load(const QString &profile)
{
    QSettings settings;
    settings.beginGroup(appearanceGroup(profile));
    ProfileAppearance appearance;
    appearance.label = settings.value(QStringLiteral("label")).toString();
    appearance.color = QColor(settings.value(QStringLiteral("color")).toString());
    const QVariant readOnly = settings.value(QStringLiteral("readOnly"));
    if (readOnly.isValid()) {
        appearance.readOnly = readOnly.toBool();
    }
    return appearance;
}

bool ProfileAppearance::looksLikeProduction(const QString &profile, const QString &label)
{
    const QLatin1String prod("prod");
    return label.contains(prod, Qt::CaseInsensitive) || profile.contains(prod, Qt::CaseInsensitive);
}

void ProfileAppearance::save(const QString &profile, const ProfileAppearance &appearance)
{
    QSettings settings;
    settings.beginGroup(appearanceGroup(profile));
    settings.setValue(QStringLiteral("label"), appearance.label);
    settings.setValue(QStringLiteral("color"), appearance.color.isValid() ? appearance.color.name() : QString());
    if (appearance.readOnly.has_value()) {
        settings.setValue(QStringLiteral("readOnly"), *appearance.readOnly);
    }
}

ConnectionBar::ConnectionBar(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 0, 6, 0);

    m_profileLabel = new QLabel(tr("&Profile:"), this);
    m_profile = new QComboBox(this);
    m_profile->setEditable(false);
    m_profile->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_profile->setToolTip(tr("The AWS profile whose credentials Outcrop uses"));
    m_profileLabel->setBuddy(m_profile);

    m_regionLabel = new QLabel(tr("&Region:"), this);
    m_region = new QComboBox(this);
    m_region->setEditable(true);   // any region name may be typed; the service decides
    m_region->addItems(bedrock::bedrockRegions());
    m_region->setInsertPolicy(QComboBox::NoInsert);
    m_region->setMinimumContentsLength(14);
    m_region->setToolTip(tr("The AWS region to list deployments from"));
    m_regionLabel->setBuddy(m_region);

    m_sourcesLabel = new QLabel(tr("&Sources:"), this);
    // A push button with a menu: drawn with its arrow beside the text, like the combo boxes it
    // stands in for (a tool button's arrow sits on top of the text's last letter).
    m_sourcesButton = new QPushButton(this);
    m_sourcesButton->setObjectName(QStringLiteral("sourcesButton"));
    m_sourcesButton->setAccessibleName(tr("Sources"));
    m_sourcesMenu = new QMenu(m_sourcesButton);
    m_sourcesMenu->setObjectName(QStringLiteral("sourcesButtonMenu"));
    m_sourcesButton->setMenu(m_sourcesMenu);
    m_sourcesLabel->setBuddy(m_sourcesButton);
    m_sourcesLabel->hide();
    m_sourcesButton->hide();

    m_account = new QLabel(this);
    m_account->setTextInteractionFlags(Qt::TextSelectableByMouse);

    layout->addWidget(m_profileLabel);
    layout->addWidget(m_profile);
    layout->addSpacing(8);
    layout->addWidget(m_regionLabel);
    layout->addWidget(m_region);
    layout->addWidget(m_sourcesLabel);
    layout->addWidget(m_sourcesButton);
    layout->addSpacing(8);
    layout->addWidget(m_account);

    connect(m_profile, &QComboBox::activated, this, &ConnectionBar::emitIfChanged);
    connect(m_region, &QComboBox::activated, this, &ConnectionBar::emitIfChanged);
    connect(m_region->lineEdit(), &QLineEdit::editingFinished, this, &ConnectionBar::emitIfChanged);
}

void ConnectionBar::setProfiles(const QStringList &sharedProfiles, const QStringList &appProfiles)
{
    m_updating = true;
    const QString current = profile();
    m_profile->clear();
    for (const QString &name : sharedProfiles) {
        m_profile->addItem(name, name);
    }
    if (!appProfiles.isEmpty()) {
        m_profile->insertSeparator(m_profile->count());
        for (const QString &name : appProfiles) {
            m_profile->addItem(tr("%1 (keychain)").arg(name), name);
        }
    }
    const int index = m_profile->findData(current);
    m_profile->setCurrentIndex(index >= 0 ? index : 0);
    m_updating = false;
}

void ConnectionBar::setCurrent(const QString &profileName, const QString &regionName)
{
    m_updating = true;
    int index = m_profile->findData(profileName);
    if (index < 0 && !profileName.isEmpty()) {
        m_profile->addItem(profileName, profileName);
        index = m_profile->count() - 1;
    }
    m_profile->setCurrentIndex(index);
    m_region->setCurrentText(regionName);
    m_emittedProfile = profileName;
    m_emittedRegion = regionName;
    m_updating = false;
}

void ConnectionBar::setAccount(const QString &accountId)
{
    m_account->setText(accountId.isEmpty() ? QString() : tr("Account %1").arg(accountId));
}

void ConnectionBar::setSwitchingEnabled(bool enabled)
{
    m_switchingEnabled = enabled;
    m_profile->setEnabled(enabled);
    m_region->setEnabled(enabled);
    populateSourcesMenu();
}

void ConnectionBar::setSources(const QList<ConnectionBarSource> &sources)
{
    m_sources = sources;
    const bool several = showsSeveralSources();
    const QList<QWidget *> switchers{m_profileLabel, m_profile, m_regionLabel, m_region};
    for (QWidget *switcher : switchers) {
        switcher->setVisible(!several);
    }
    m_sourcesLabel->setVisible(several);
    m_sourcesButton->setVisible(several);
    if (!several) {
        m_sourcesButton->setToolTip({});
        m_sourcesMenu->clear();
        return;
    }
    m_sourcesButton->setText(tr("%n source(s)", nullptr, int(sources.size())));
    QStringList lines;
    //: Tooltip of the tool bar's sources button; the sources follow, one a line
    lines.append(tr("Shown together:"));
    for (const ConnectionBarSource &source : sources) {
        lines.append(source.label);
    }
    m_sourcesButton->setToolTip(lines.join(QLatin1Char('\n')));
    populateSourcesMenu();
}

void ConnectionBar::populateSourcesMenu()
{
    m_sourcesMenu->clear();
    if (!showsSeveralSources()) {
        return;
    }
    QAction *choose = m_sourcesMenu->addAction(tr("&Choose Sources…"));
    choose->setObjectName(QStringLiteral("chooseSourcesFromBar"));
    choose->setEnabled(m_switchingEnabled);
    connect(choose, &QAction::triggered, this, &ConnectionBar::sourcesDialogRequested);
    m_sourcesMenu->addSection(tr("Show Only"));
    for (const ConnectionBarSource &source : std::as_const(m_sources)) {
        QAction *only = m_sourcesMenu->addAction(source.label);
        only->setObjectName(QStringLiteral("onlySource:") + source.label);
        //: %1 is a source such as "prod · us-west-2"
        only->setStatusTip(tr("Show %1 alone, with the profile and region switchers").arg(source.label));
        only->setEnabled(m_switchingEnabled && !source.region.isEmpty());
        connect(only, &QAction::triggered, this, [this, profile = source.profile, region = source.region] {
            emit connectionRequested(profile, region);
        });
    }
}

QString ConnectionBar::profile() const
{
    return m_profile->currentData().toString();
}

QString ConnectionBar::region() const
{
    return m_region->currentText().trimmed();
}

void ConnectionBar::emitIfChanged()
{
    if (m_updating || region().isEmpty()) {
        return;
    }
    if (profile() == m_emittedProfile && region() == m_emittedRegion) {
        return;
    }
    m_emittedProfile = profile();
    m_emittedRegion = region();
    emit connectionRequested(m_emittedProfile, m_emittedRegion);
}

} // namespace outcrop::gui
