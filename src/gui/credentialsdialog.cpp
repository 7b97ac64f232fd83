// SPDX-License-Identifier: Apache-2.0
#include "credentialsdialog.h"

#include "ui_credentialsdialog.h"

#include <QEvent>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QStyle>

#include <algorithm>

namespace outcrop::gui {

using keychain::AppCredentials;
using keychain::AppProfile;
using keychain::CredentialKind;
using keychain::KeychainResult;
using keychain::KeyringState;

namespace {

// What IAM issues: 16 to 128 characters, capital letters and digits (AKIA…, ASIA…).
bool isAccessKeyId(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Z0-9]{16,128}$"));
    return pattern.match(text).hasMatch();
}

bool hasWhitespace(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar character) { return character.isSpace(); });
}

} // namespace

CredentialsDialog::CredentialsDialog(keychain::AppProfiles *profiles, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::CredentialsDialog>())
    , m_profiles(profiles)
{
    m_ui->setupUi(this);
    m_saveButton = m_ui->buttonBox->addButton(tr("&Save"), QDialogButtonBox::ApplyRole);
    m_saveButton->setDefault(true);
    m_removeButton = m_ui->buttonBox->addButton(tr("&Remove"), QDialogButtonBox::DestructiveRole);
    m_removeButton->setAccessibleName(tr("Remove the profile's credentials"));
    connect(m_saveButton, &QPushButton::clicked, this, &CredentialsDialog::save);
    connect(m_removeButton, &QPushButton::clicked, this, &CredentialsDialog::removeProfile);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);

    m_profileMarker = std::make_unique<FieldValidityMarker>(
        m_ui->profileCombo, tr("A name for these credentials, chosen in the profile switcher"));
    m_accessKeyIdMarker = std::make_unique<FieldValidityMarker>(m_ui->accessKeyIdEdit,
                                                                tr("The access key ID, like AKIAIOSFODNN7EXAMPLE"));
    m_secretAccessKeyMarker = std::make_unique<FieldValidityMarker>(m_ui->secretAccessKeyEdit,
                                                                    tr("The secret access key of the key pair"));
    m_sessionTokenMarker = std::make_unique<FieldValidityMarker>(
        m_ui->sessionTokenEdit, tr("Only for temporary credentials (access key IDs starting with ASIA)"));
    m_apiKeyMarker = std::make_unique<FieldValidityMarker>(m_ui->apiKeyEdit,
                                                           tr("A Bedrock API key (sent as a bearer token)"));

    connect(m_ui->profileCombo, &QComboBox::currentTextChanged, this, &CredentialsDialog::showProfileState);
    connect(m_ui->kindCombo, &QComboBox::currentIndexChanged, this, &CredentialsDialog::showKind);
    connect(m_profiles, &keychain::AppProfiles::profilesChanged, this, &CredentialsDialog::reloadProfiles);

    reloadProfiles();
    showKind();
    m_ui->keyringLabel->setText(tr("Checking the system keyring…"));
    setBusy(true);
    // The store outlives dialogs: its answer must not reach a dialog already closed and deleted.
    const QPointer<CredentialsDialog> self(this);
    m_profiles->store()->checkAvailable([self](KeyringState state, const QString &details) {
        if (self) {
            self->setBusy(false);
            self->showKeyringState(state, details);
        }
    });
}

CredentialsDialog::~CredentialsDialog() = default;

void CredentialsDialog::changeEvent(QEvent *event)
{
    QDialog::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange) {
        // The red tint of invalid fields is computed from the palette (light or dark theme).
        for (FieldValidityMarker *marker : {m_profileMarker.get(), m_accessKeyIdMarker.get(),
                                            m_secretAccessKeyMarker.get(), m_sessionTokenMarker.get(),
                                            m_apiKeyMarker.get()}) {
            if (marker) {
                marker->refresh();
            }
        }
    }
}

void CredentialsDialog::setProfileName(const QString &name)
{
    m_ui->profileCombo->setCurrentText(name);
}

QString CredentialsDialog::profileName() const
{
    return m_ui->profileCombo->currentText().trimmed();
}

CredentialKind CredentialsDialog::chosenKind() const
{
    return m_ui->kindCombo->currentIndex() == 1 ? CredentialKind::ApiKey : CredentialKind::AccessKey;
}

void CredentialsDialog::reloadProfiles()
{
    const QString current = m_ui->profileCombo->currentText();
    const QSignalBlocker blocker(m_ui->profileCombo);
    m_ui->profileCombo->clear();
    for (const AppProfile &profile : m_profiles->profiles()) {
        m_ui->profileCombo->addItem(profile.name);
    }
    m_ui->profileCombo->setCurrentText(current);
    showProfileState();
}

void CredentialsDialog::showProfileState()
{
    const QString name = profileName();
    const std::optional<AppProfile> profile = m_profiles->profile(name);
    m_removeButton->setEnabled(profile.has_value() && !m_busy);
    if (!profile) {
        m_ui->storedLabel->setText(name.isEmpty() ? tr("Type a name for a new profile, or choose one.")
                                                  : tr("“%1” is a new profile.").arg(name));
        return;
    }
    m_ui->kindCombo->setCurrentIndex(profile->kind == CredentialKind::ApiKey ? 1 : 0);
    const QString what = profile->kind == CredentialKind::ApiKey ? tr("a Bedrock API key") : tr("an access key pair");
    m_ui->storedLabel->setText(profile->thisSessionOnly
                                   ? tr("“%1” has %2 for this session only; what you enter replaces it.").arg(name, what)
                                   : tr("“%1” has %2 in the system keyring; what you enter replaces it.").arg(name, what));
}

void CredentialsDialog::showKind()
{
    const bool accessKey = chosenKind() == CredentialKind::AccessKey;
    for (QWidget *field : {static_cast<QWidget *>(m_ui->accessKeyIdEdit), static_cast<QWidget *>(m_ui->secretAccessKeyEdit),
                           static_cast<QWidget *>(m_ui->sessionTokenEdit)}) {
        m_ui->formLayout->setRowVisible(field, accessKey);
    }
    m_ui->formLayout->setRowVisible(m_ui->apiKeyEdit, !accessKey);
}

void CredentialsDialog::showKeyringState(KeyringState state, const QString &details)
{
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    const QStyle::StandardPixmap icon =
        state == KeyringState::Available ? QStyle::SP_MessageBoxInformation : QStyle::SP_MessageBoxWarning;
    m_ui->keyringIcon->setPixmap(style()->standardIcon(icon, nullptr, this).pixmap(iconSize, iconSize));
    switch (state) {
    case KeyringState::Available:
        m_keyringMode = KeyringMode::Keyring;
        m_ui->keyringLabel->setText(tr("Saved in the system keyring."));
        m_saveButton->setText(tr("&Save"));
        break;
    case KeyringState::NoKeyring:
    case KeyringState::Locked:
    case KeyringState::Denied: {
        m_keyringMode = KeyringMode::ThisSessionOnly;
        const QString why = state == KeyringState::Locked   ? tr("The system keyring is locked")
                            : state == KeyringState::Denied ? tr("Access to the system keyring was denied")
                                                            : tr("No keyring is available");
        m_ui->keyringLabel->setText(
            tr("%1: these credentials will be used for this session only and not saved.").arg(why));
        m_ui->keyringLabel->setToolTip(details);
        m_saveButton->setText(tr("&Use for This Session"));
        break;
    }
    }
    m_ui->keyringLabel->setAccessibleDescription(m_ui->keyringLabel->text());
}

void CredentialsDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_saveButton->setEnabled(!busy);
    m_removeButton->setEnabled(!busy && m_profiles->profile(profileName()).has_value());
}

void CredentialsDialog::setMessage(const QString &message)
{
    m_ui->messageLabel->setText(message);
    m_ui->messageLabel->setAccessibleDescription(message);
}

QString CredentialsDialog::validate()
{
    QList<QString> problems;
    const auto check = [&problems](FieldValidityMarker &marker, const QString &problem) {
        marker.setInvalidReason(problem);
        if (!problem.isEmpty()) {
            problems.append(problem);
        }
    };
    const auto secretProblem = [](const QString &value, const QString &what, bool required) -> QString {
        if (value.isEmpty()) {
            return required ? tr("Enter the %1.").arg(what) : QString();
        }
        if (hasWhitespace(value)) {
            return tr("The %1 contains a space or line break: copy it again without them.").arg(what);
        }
        return {};
    };
    check(*m_profileMarker, keychain::AppProfiles::validateName(profileName()));
    const bool accessKey = chosenKind() == CredentialKind::AccessKey;
    const QString accessKeyId = m_ui->accessKeyIdEdit->text();
    QString accessKeyIdProblem;
    if (accessKey && accessKeyId.isEmpty()) {
        accessKeyIdProblem = tr("Enter the access key ID.");
    } else if (accessKey && !isAccessKeyId(accessKeyId)) {
        accessKeyIdProblem = tr("The access key ID must be 16 to 128 capital letters and digits, like "
                                "AKIAIOSFODNN7EXAMPLE.");
    }
    check(*m_accessKeyIdMarker, accessKeyIdProblem);
    check(*m_secretAccessKeyMarker,
          accessKey ? secretProblem(m_ui->secretAccessKeyEdit->text(), tr("secret access key"), true) : QString());
    check(*m_sessionTokenMarker,
          accessKey ? secretProblem(m_ui->sessionTokenEdit->text(), tr("session token"), false) : QString());
    check(*m_apiKeyMarker, accessKey ? QString() : secretProblem(m_ui->apiKeyEdit->text(), tr("API key"), true));
    const QString first = problems.isEmpty() ? QString() : problems.constFirst();
    setMessage(first);
    return first;
}

AppCredentials CredentialsDialog::enteredCredentials() const
{
    AppCredentials credentials;
    credentials.kind = chosenKind();
    if (credentials.kind == CredentialKind::AccessKey) {
        credentials.accessKey.accessKeyId = m_ui->accessKeyIdEdit->text();
        credentials.accessKey.secretAccessKey = m_ui->secretAccessKeyEdit->text();
        credentials.accessKey.sessionToken = m_ui->sessionTokenEdit->text();
    } else {
        credentials.apiKey = m_ui->apiKeyEdit->text().toUtf8();
    }
    return credentials;
}

void CredentialsDialog::clearSecrets()
{
    // Nothing typed stays in the widgets once it has been handed over.
    m_ui->accessKeyIdEdit->clear();
    m_ui->secretAccessKeyEdit->clear();
    m_ui->sessionTokenEdit->clear();
    m_ui->apiKeyEdit->clear();
}

void CredentialsDialog::save()
{
    if (m_busy || !validate().isEmpty()) {
        return;
    }
    const QString name = profileName();
    if (m_keyringMode == KeyringMode::ThisSessionOnly) {
        m_profiles->useForThisSession(name, enteredCredentials());
        clearSecrets();
        setMessage(tr("“%1” will be used until Outcrop quits; nothing was saved.").arg(name));
        emit saved(name);
        return;
    }
    setBusy(true);
    setMessage(tr("Saving “%1” in the system keyring…").arg(name));
    m_profiles->save(name, enteredCredentials(), this, [this, name](const KeychainResult &result) {
        setBusy(false);
        if (result.ok()) {
            clearSecrets();
            setMessage(tr("Saved “%1” in the system keyring.").arg(name));
            emit saved(name);
            return;
        }
        if (result.keyringUnavailable()) {
            // Told plainly, and the choice is the user's: the fields stay filled for one more click.
            showKeyringState(result.status == keychain::KeychainStatus::Locked   ? KeyringState::Locked
                             : result.status == keychain::KeychainStatus::Denied ? KeyringState::Denied
                                                                                  : KeyringState::NoKeyring,
                             result.message);
            setMessage(tr("Nothing was saved. Choose “Use for This Session” to use these credentials until "
                          "Outcrop quits."));
            return;
        }
        setMessage(result.message);
    });
}

void CredentialsDialog::removeProfile()
{
    const QString name = profileName();
    if (m_busy || !m_profiles->profile(name)) {
        return;
    }
    setBusy(true);
    m_profiles->remove(name, this, [this, name](const KeychainResult &result) {
        setBusy(false);
        if (!result.ok()) {
            setMessage(result.message);
            return;
        }
        clearSecrets();
        setMessage(tr("Removed “%1”.").arg(name));
        emit removed(name);
    });
}

} // namespace outcrop::gui
