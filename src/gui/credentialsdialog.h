// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "appprofiles.h"
#include "fieldvaliditymarker.h"

#include <QDialog>
#include <QList>

#include <memory>

class QPushButton;

namespace Ui {
class CredentialsDialog;
}

namespace outcrop::gui {

// Settings > Credentials: adds, replaces and removes the credentials of the app's own profiles (an
// access key pair with an optional session token, or a Bedrock API key), stored only in the
// system keyring. When no keyring can be used, it says so and offers to use the credentials for
// this session only (in memory; nothing is written). Non-modal: open it with open(), never
// exec(). Stored secrets are never read back into the fields: typing replaces them.
class CredentialsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CredentialsDialog)

public:
    enum class KeyringMode { Checking, Keyring, ThisSessionOnly };

    explicit CredentialsDialog(keychain::AppProfiles *profiles, QWidget *parent = nullptr);
    ~CredentialsDialog() override;

    void setProfileName(const QString &name);
    QString profileName() const;
    KeyringMode keyringMode() const { return m_keyringMode; }
    bool isBusy() const { return m_busy; }
    // Checks the fields of the chosen kind, marks the invalid ones and shows the first problem.
    // Returns that problem, empty when everything is valid. Never quotes a secret.
    QString validate();

signals:
    // Stored in the keyring, or kept for this session only (profiles->profile(name)->thisSessionOnly).
    void saved(const QString &profile);
    void removed(const QString &profile);

protected:
    void changeEvent(QEvent *event) override;

private:
    void save();
    void removeProfile();
    void reloadProfiles();
    void showProfileState();
    void showKind();
    void showKeyringState(keychain::KeyringState state, const QString &details);
    void setBusy(bool busy);
    void setMessage(const QString &message);
    void clearSecrets();
    keychain::CredentialKind chosenKind() const;
    keychain::AppCredentials enteredCredentials() const;

    std::unique_ptr<Ui::CredentialsDialog> m_ui;
    keychain::AppProfiles *m_profiles;
    QPushButton *m_saveButton = nullptr;
    QPushButton *m_removeButton = nullptr;
    KeyringMode m_keyringMode = KeyringMode::Checking;
    bool m_busy = false;
    std::unique_ptr<FieldValidityMarker> m_profileMarker;
    std::unique_ptr<FieldValidityMarker> m_accessKeyIdMarker;
    std::unique_ptr<FieldValidityMarker> m_secretAccessKeyMarker;
    std::unique_ptr<FieldValidityMarker> m_sessionTokenMarker;
    std::unique_ptr<FieldValidityMarker> m_apiKeyMarker;
};

} // namespace outcrop::gui
