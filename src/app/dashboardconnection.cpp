// SPDX-License-Identifier: Apache-2.0
#include "dashboardconnection.h"

#include "aws/awsenvironment.h"
#include "bedrock/bedrockregions.h"
#include "bedrock/bedrocksession.h"
#include "mainwindow.h"

#include <QInputDialog>

namespace outcrop::app {

DashboardConnection::DashboardConnection(gui::MainWindow *window, aws::AwsClientOptions options, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_options(std::move(options))
{
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
    const bedrock::BedrockConnection connection = bedrock::BedrockConnection::resolve(m_options, environment);
    if (!connection.isValid()) {
        if (connection.region.region.isEmpty() && m_options.region.isEmpty() && connection.region.error == connection.error) {
            askForRegion();
            return;
        }
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
