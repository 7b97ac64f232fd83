// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "aws/awsclientoptions.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <memory>
#include <vector>

namespace outcrop::aws {
class CredentialChain;
}
namespace outcrop::bedrock {
class BedrockSession;
}
namespace outcrop::gui {
class MainWindow;
}
namespace outcrop::keychain {
class AppProfiles;
class AppProfileAuthProvider;
}

namespace outcrop::app {

// Connects the dashboard to AWS from the command line, the environment, the shared config files
// and the app's own keychain profiles. When no region resolves it asks for one (a non-modal
// prompt); a role with mfa_serial asks for the code (non-modal too); any other problem is shown
// in the window. The account of the credentials (STS GetCallerIdentity) goes to the window.
//
// Several sources (repeated --profile/--region, or View › Sources): one session per (profile,
// region), each with its own credentials and endpoint; a source that cannot be set up is shown
// as failed (naming it) while the others are listed. A keychain profile among them reads its
// secret when its first request needs it; a locked keyring or a missing entry fails that source.
// The last choice made in the window, one source or several, comes back at the next start
// unless the command line names sources.
class DashboardConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DashboardConnection)

public:
    DashboardConnection(gui::MainWindow *window, aws::AwsClientOptions options, keychain::AppProfiles *appProfiles,
                        QObject *parent = nullptr);
    // Several sources: the cross product of `profiles` and `regions` (none: each profile in its
    // own region). One profile and at most one region is the single connection above.
    void setSources(const QStringList &profiles, const QStringList &regions);
    ~DashboardConnection() override;

    void connectWindow();

private:
    void askForRegion();
    void listProfiles();
    void startSession(std::unique_ptr<bedrock::BedrockSession> session, const QString &profile,
                      const QString &region);
    void showAccount();
    void openCredentialsDialog();
    void connectSources();
    // Writes the choice made in the window, restored at the next start.
    void rememberChoice();
    void installMfaPrompt(aws::CredentialChain *chain);
    bool isMultiSource() const { return m_profiles.size() > 1 || m_regions.size() > 1; }

    QPointer<gui::MainWindow> m_window;
    aws::AwsClientOptions m_options;
    keychain::AppProfiles *m_appProfiles;
    std::unique_ptr<bedrock::BedrockSession> m_session;
    QStringList m_profiles;   // several sources: the chosen profiles and regions
    QStringList m_regions;
    std::vector<std::unique_ptr<bedrock::BedrockSession>> m_sessions;
    // The keychain sources' providers (owned by their sessions): Retry lets them read again.
    QList<QPointer<keychain::AppProfileAuthProvider>> m_keychainAuth;
    quint64 m_generation = 0;   // a keychain answer for an older connection is dropped
};

} // namespace outcrop::app
