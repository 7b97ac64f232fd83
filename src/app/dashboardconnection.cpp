// SPDX-License-Identifier: Apache-2.0
#include "dashboardconnection.h"

#include "appprofileauth.h"
#include "appprofiles.h"
#include "aws/assumeroleprovider.h"
#include "aws/awsenvironment.h"
#include "aws/awssharedconfig.h"
#include "aws/credentialchain.h"
#include "aws/stsclient.h"
#include "bedrock/bedrockregions.h"
#include "bedrock/bedrocksession.h"
#include "bedrock/deploymentsources.h"
#include "credentialsdialog.h"
#include "mainwindow.h"

#include <QInputDialog>
#include <QLineEdit>
#include <QSettings>

namespace outcrop::app {

namespace {
// The last choice made in the window: one profile and region, or several sources (profiles ×
// regions, no region: each profile in its own). Names only, nothing secret.
const QString kProfileKey = QStringLiteral("connection/profile");
const QString kRegionKey = QStringLiteral("connection/region");
const QString kSourceProfilesKey = QStringLiteral("connection/sourceProfiles");
const QString kSourceRegionsKey = QStringLiteral("connection/sourceRegions");
} // namespace

DashboardConnection::DashboardConnection(gui::MainWindow *window, aws::AwsClientOptions options,
                                         keychain::AppProfiles *appProfiles, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_options(std::move(options))
    , m_appProfiles(appProfiles)
{
    // The last profile and region chosen in the window, unless the command line or the
    // environment says otherwise.
    const aws::AwsEnvironment environment = aws::AwsEnvironment::system();
    QSettings settings;
    // The same for several sources (View > Sources), unless the command line names a profile or
    // a region or AWS_PROFILE names one. (Several on the command line are set after this, by
    // setSources(), and win.)
    if (m_options.profile.isEmpty() && m_options.region.isEmpty() && !environment.isSet(QStringLiteral("AWS_PROFILE"))) {
        m_profiles = settings.value(kSourceProfilesKey).toStringList();
        m_regions = settings.value(kSourceRegionsKey).toStringList();
        if (!isMultiSource()) {
            m_profiles.clear();
            m_regions.clear();
        }
    }
    if (m_options.profile.isEmpty() && !environment.isSet(QStringLiteral("AWS_PROFILE"))) {
        m_options.profile = settings.value(kProfileKey).toString();
    }
    if (m_options.region.isEmpty() && !environment.isSet(QStringLiteral("AWS_REGION"))
        && !environment.isSet(QStringLiteral("AWS_DEFAULT_REGION"))) {
        m_options.region = settings.value(kRegionKey).toString();
    }
    connect(m_window, &gui::MainWindow::connectionChangeRequested, this,
            [this](const QString &profile, const QString &region) {
                // The tool bar's switchers choose one source.
                m_profiles.clear();
                m_regions.clear();
                m_options.profile = profile;
                m_options.region = region;
                rememberChoice();
                connectWindow();
            });
    connect(m_window, &gui::MainWindow::sourcesChangeRequested, this,
            [this](const QStringList &profiles, const QStringList &regions) {
                setSources(profiles, regions);
                rememberChoice();
                connectWindow();
            });
    connect(m_window, &gui::MainWindow::credentialsDialogRequested, this, &DashboardConnection::openCredentialsDialog);
    connect(m_window, &gui::MainWindow::retryRequested, this, [this] {
        for (const QPointer<keychain::AppProfileAuthProvider> &auth : std::as_const(m_keychainAuth)) {
            if (auth) {
                auth->invalidate();
            }
        }
    });
    if (m_appProfiles) {
        connect(m_appProfiles, &keychain::AppProfiles::profilesChanged, this, &DashboardConnection::listProfiles);
    }
}

DashboardConnection::~DashboardConnection()
{
    if (m_window) {
        m_window->setSession(nullptr, {});
    }
}

void DashboardConnection::setSources(const QStringList &profiles, const QStringList &regions)
{
    m_profiles = profiles;
    m_regions = regions;
    if (!isMultiSource()) {
        // One profile in at most one region: the single connection, with its region prompt.
        m_options.profile = profiles.value(0, m_options.profile);
        m_options.region = regions.value(0, profiles.isEmpty() ? m_options.region : QString());
        m_profiles.clear();
        m_regions.clear();
    }
}

void DashboardConnection::rememberChoice()
{
    QSettings settings;
    if (isMultiSource()) {
        settings.setValue(kSourceProfilesKey, m_profiles);
        settings.setValue(kSourceRegionsKey, m_regions);
        return;
    }
    settings.remove(kSourceProfilesKey);
    settings.remove(kSourceRegionsKey);
    settings.setValue(kProfileKey, m_options.profile);
    settings.setValue(kRegionKey, m_options.region);
}

void DashboardConnection::connectSources()
{
    const aws::AwsEnvironment environment = aws::AwsEnvironment::system();
    m_window->setSession(nullptr, {});
    m_session.reset();
    m_sessions.clear();
    m_keychainAuth.clear();
    QList<gui::WindowSource> sources;
    const QList<bedrock::DeploymentSource> wanted = bedrock::crossSources(m_profiles, m_regions);
    for (const bedrock::DeploymentSource &wantedSource : wanted) {
        const bool appProfile = m_appProfiles && m_appProfiles->profile(wantedSource.profile).has_value();
        bedrock::DeploymentSource resolvable = wantedSource;
        if (appProfile) {
            resolvable.profile.clear();   // in the keychain, not in the shared files
        }
        const bedrock::ResolvedSource resolved
            = bedrock::resolveSources({resolvable}, m_options.endpointUrl, environment).constFirst();
        gui::WindowSource source;
        source.profile = wantedSource.profile;
        source.region = resolved.connection.region.region.isEmpty() ? wantedSource.region
                                                                   : resolved.connection.region.region;
        source.label = bedrock::sourceLabel(wantedSource.profile, source.region);
        if (!resolved.connection.isValid()) {
            source.problem = resolved.connection.error;
        } else if (appProfile) {
            // The keychain answers later: the source is set up now and its first request waits
            // for the secret (AppProfileAuthProvider), so no other source waits for it.
            auto auth = std::make_unique<keychain::AppProfileAuthProvider>(m_appProfiles, wantedSource.profile);
            m_keychainAuth.append(auth.get());
            m_sessions.push_back(std::make_unique<bedrock::BedrockSession>(resolved.connection, std::move(auth)));
            source.session = m_sessions.back().get();
        } else {
            m_sessions.push_back(std::make_unique<bedrock::BedrockSession>(
                resolved.connection, resolvable.clientOptions(m_options.endpointUrl), environment));
            installMfaPrompt(m_sessions.back()->credentialChain());
            source.session = m_sessions.back().get();
        }
        sources.append(source);
    }
    m_window->setSources(sources, gui::ConnectionLabel{m_profiles.join(QStringLiteral(", ")),
                                                       m_regions.join(QStringLiteral(", ")), false});
}

void DashboardConnection::listProfiles()
{
    const aws::AwsEnvironment environment = aws::AwsEnvironment::system();
    const aws::AwsSharedConfig shared = aws::AwsSharedConfig::load(environment);
    QStringList profiles = shared.configFile().profileNames() + shared.credentialsFile().profileNames();
    profiles.removeDuplicates();
    profiles.sort();
    QStringList appProfiles;
    if (m_appProfiles) {
        for (const keychain::AppProfile &profile : m_appProfiles->profiles()) {
            appProfiles.append(profile.name);
        }
    }
    m_window->setProfiles(profiles, appProfiles);
}

void DashboardConnection::connectWindow()
{
    ++m_generation;
    listProfiles();
    if (isMultiSource()) {
        connectSources();
        return;
    }
    if (!m_sessions.empty()) {
        m_window->setSession(nullptr, {});   // the window lets go of the sources first
        m_sessions.clear();
        m_keychainAuth.clear();
    }
    const aws::AwsEnvironment environment = aws::AwsEnvironment::system();
    const bool appProfile = m_appProfiles && !m_options.profile.isEmpty()
        && m_appProfiles->profile(m_options.profile).has_value();
    // An app profile lives in the keychain, not in the shared files: resolve the region and the
    // endpoint without it.
    aws::AwsClientOptions resolveOptions = m_options;
    if (appProfile) {
        resolveOptions.profile.clear();
    }
    const bedrock::BedrockConnection connection = bedrock::BedrockConnection::resolve(resolveOptions, environment);
    if (!connection.isValid()) {
        if (connection.region.region.isEmpty() && m_options.region.isEmpty() && connection.region.error == connection.error) {
            askForRegion();
            return;
        }
        m_window->setSession(nullptr, {});
        m_session.reset();
        m_window->showConnectionProblem(connection.error);
        return;
    }
    if (!appProfile) {
        startSession(std::make_unique<bedrock::BedrockSession>(connection, m_options, environment), connection.profile,
                     connection.region.region);
        return;
    }
    const QString profile = m_options.profile;
    const quint64 generation = m_generation;
    m_appProfiles->credentials(profile, this,
                               [this, connection, resolveOptions, profile, generation](
                                   const keychain::AppCredentials &credentials, const QString &error) {
                                   if (generation != m_generation) {
                                       return;   // the user has switched again meanwhile
                                   }
                                   if (!error.isEmpty()) {
                                       m_window->setSession(nullptr, {});
                                       m_session.reset();
                                       m_window->showConnectionProblem(error);
                                       return;
                                   }
                                   startSession(std::make_unique<bedrock::BedrockSession>(
                                                    connection, resolveOptions, aws::AwsEnvironment::system(),
                                                    credentials.toAuth()),
                                                profile, connection.region.region);
                               });
}

void DashboardConnection::startSession(std::unique_ptr<bedrock::BedrockSession> session, const QString &profile,
                                       const QString &region)
{
    m_window->setSession(nullptr, {});
    m_session = std::move(session);
    installMfaPrompt(m_session->credentialChain());
    m_window->setSession(m_session.get(), gui::ConnectionLabel { profile, region, false });
    showAccount();
}

void DashboardConnection::installMfaPrompt(aws::CredentialChain *chain)
{
    if (!chain) {
        return;
    }
    // A role with mfa_serial: ask for the device's code without blocking (open(), not exec()).
    chain->setMfaCodeProvider([window = m_window](const aws::MfaCodeRequest &request, aws::MfaCodeCallback answer) {
        if (!window) {
            answer({}, tr("The window is gone."));
            return;
        }
        auto *prompt = new QInputDialog(window);
        prompt->setAttribute(Qt::WA_DeleteOnClose);
        prompt->setWindowTitle(tr("MFA code"));
        prompt->setLabelText(tr("Profile %1 assumes the role %2, which needs a code from the MFA device %3.\n"
                                "Enter the current code:")
                                 .arg(request.profile, request.roleArn, request.mfaSerial));
        prompt->setTextEchoMode(QLineEdit::Normal);
        prompt->setInputMethodHints(Qt::ImhDigitsOnly);
        // finished() comes before textValueSelected() (QInputDialog::done), so it alone answers.
        connect(prompt, &QDialog::finished, prompt, [prompt, answer](int result) {
            if (result == QDialog::Accepted && !prompt->textValue().trimmed().isEmpty()) {
                answer(prompt->textValue().trimmed(), {});
            } else {
                answer({}, tr("No MFA code was entered."));
            }
        });
        prompt->open();
    });
}

void DashboardConnection::showAccount()
{
    aws::StsClient *sts = m_session ? m_session->sts() : nullptr;
    if (!sts) {
        return;
    }
    // Best effort: the account is a label, and a role or policy that does not allow
    // GetCallerIdentity must not get in the way of the deployments.
    sts->getCallerIdentity(this, [this](const aws::CallerIdentity &identity, const aws::AwsError &error) {
        if (!error.isError() && m_window) {
            m_window->setAccount(identity.account);
        }
    });
}

void DashboardConnection::openCredentialsDialog()
{
    if (!m_appProfiles) {
        return;
    }
    auto *dialog = new gui::CredentialsDialog(m_appProfiles, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void DashboardConnection::askForRegion()
{
    // Non-modal (open(), not exec()): the window stays responsive while the user chooses.
    auto *prompt = new QInputDialog(m_window);
    prompt->setAttribute(Qt::WA_DeleteOnClose);
    prompt->setWindowTitle(tr("Choose a region"));
    prompt->setLabelText(tr("No AWS region is configured for this profile.\nWhich region should Outcrop show?"));
    prompt->setComboBoxItems(bedrock::bedrockRegions());
    prompt->setComboBoxEditable(true);
    prompt->setTextValue(QStringLiteral("us-east-1"));
    connect(prompt, &QInputDialog::textValueSelected, this, [this](const QString &region) {
        m_options.region = region.trimmed();
        connectWindow();
    });
    connect(prompt, &QInputDialog::rejected, this, [this] {
        m_window->showConnectionProblem(tr("No region chosen: start Outcrop with --region, or set AWS_REGION."));
    });
    prompt->open();
}

} // namespace outcrop::app
