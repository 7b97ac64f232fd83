// SPDX-License-Identifier: Apache-2.0
#include "dashboardconnection.h"

#include "aws/awsenvironment.h"
#include "aws/awssharedconfig.h"
#include "bedrock/bedrockregions.h"
#include "bedrock/bedrocksession.h"
#include "mainwindow.h"

#include <QInputDialog>
#include <QSettings>

namespace outcrop::app {

DashboardConnection::DashboardConnection(gui::MainWindow *window, aws::AwsClientOptions options, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_options(std::move(options))
{
    // The last profile and region chosen in the window, unless the command line or the
    // environment says otherwise.
    const aws::AwsEnvironment environment = aws::AwsEnvironment::system();
    QSettings settings;
    if (m_options.profile.isEmpty() && !environment.isSet(QStringLiteral("AWS_PROFILE"))) {
        m_options.profile = settings.value(QStringLiteral("connection/profile")).toString();
    }
    if (m_options.region.isEmpty() && !environment.isSet(QStringLiteral("AWS_REGION"))
        && !environment.isSet(QStringLiteral("AWS_DEFAULT_REGION"))) {
        m_options.region = settings.value(QStringLiteral("connection/region")).toString();
    }
    connect(m_window, &gui::MainWindow::connectionChangeRequested, this,
            [this](const QString &profile, const QString &region) {
                m_options.profile = profile;
                m_options.region = region;
                QSettings remembered;
                remembered.setValue(QStringLiteral("connection/profile"), profile);
                remembered.setValue(QStringLiteral("connection/region"), region);
                connectWindow();
            });
}

DashboardConnection::~DashboardConnection()
{
    if (m_window) {
        m_window->setSession(nullptr, {});
    }
}

void DashboardConnection::connectWindow()
{
    const aws::AwsEnvironment environment = aws::AwsEnvironment::system();
    const aws::AwsSharedConfig shared = aws::AwsSharedConfig::load(environment);
    QStringList profiles = shared.configFile().profileNames() + shared.credentialsFile().profileNames();
    profiles.removeDuplicates();
    profiles.sort();
    m_window->setProfiles(profiles, {});
    const bedrock::BedrockConnection connection = bedrock::BedrockConnection::resolve(m_options, environment);
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
    m_window->setSession(nullptr, {});
    m_session = std::make_unique<bedrock::BedrockSession>(connection, m_options, environment);
    m_window->setSession(m_session.get(), gui::ConnectionLabel { connection.profile, connection.region.region, false });
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
