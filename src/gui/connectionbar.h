// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QColor>
#include <QList>
#include <QString>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QMenu;
class QPushButton;

namespace outcrop::gui {

// How a profile looks in the window: a label (e.g. "Production") and a colour (e.g. red for
// prod) that the title and a stripe show, and whether the window is read-only for it (every
// action that changes a deployment hidden, the client refusing mutating calls). Stored in the
// settings; no secret involved.
struct ProfileAppearance
{
    QString label;
    QColor color;
    // The user's choice; none stored: looksLikeProduction() decides (isReadOnly()).
    std::optional<bool> readOnly = std::nullopt;

    bool isReadOnly(const QString &profile) const { return readOnly.value_or(looksLikeProduction(profile, label)); }

    // The default of the read-only setting: on when the label or the profile's name contains
    // "prod" in any case ("Production", "prod-admin", "PROD"), since acting on production by
    // mistake costs far more than one click to turn read-only off.
    static bool looksLikeProduction(const QString &profile, const QString &label);
    static ProfileAppearance load(const QString &profile);
    // Writes the label and colour, and the read-only choice when it has one (else leaves it).
    static void save(const QString &profile, const ProfileAppearance &appearance);
};

// One of several sources the window shows, as the tool bar names it.
struct ConnectionBarSource
{
    QString label;     // "prod · us-west-2"
    QString profile;
    QString region;
};

// The profile and region switchers in the tool bar, and the account the credentials belong to.
// Choosing another profile or region asks the window's owner to reconnect.
//
// With several sources the two switchers would have nothing single to show: a "3 sources" button
// takes their place, its tooltip listing the sources and its menu leading to View > Sources and
// back to any one of them (which brings the switchers back).
class ConnectionBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionBar)

public:
    explicit ConnectionBar(QWidget *parent = nullptr);

    // Profiles of the shared config/credentials files and the app's own (keychain) profiles.
    void setProfiles(const QStringList &sharedProfiles, const QStringList &appProfiles);
    void setCurrent(const QString &profile, const QString &region);
    // The account behind the current credentials (STS GetCallerIdentity); empty while unknown.
    void setAccount(const QString &accountId);
    // Demo mode: nothing to switch.
    void setSwitchingEnabled(bool enabled);
    // Two or more: the sources button instead of the switchers; fewer: the switchers.
    void setSources(const QList<ConnectionBarSource> &sources);
    bool showsSeveralSources() const { return m_sources.size() > 1; }
    QPushButton *sourcesButton() const { return m_sourcesButton; }

    QString profile() const;
    QString region() const;
    QComboBox *profileCombo() const { return m_profile; }
    QComboBox *regionCombo() const { return m_region; }

signals:
    void connectionRequested(const QString &profile, const QString &region);
    // The sources button's "Choose Sources…": the owner opens View > Sources.
    void sourcesDialogRequested();

private:
    void emitIfChanged();
    void populateSourcesMenu();

    QLabel *m_profileLabel = nullptr;
    QComboBox *m_profile = nullptr;
    QLabel *m_regionLabel = nullptr;
    QComboBox *m_region = nullptr;
    QLabel *m_sourcesLabel = nullptr;
    QPushButton *m_sourcesButton = nullptr;
    QMenu *m_sourcesMenu = nullptr;
    QList<ConnectionBarSource> m_sources;
    bool m_switchingEnabled = true;
    QLabel *m_account = nullptr;
    QString m_emittedProfile;
    QString m_emittedRegion;
    bool m_updating = false;
};

} // namespace outcrop::gui
