// SPDX-License-Identifier: Apache-2.0
#include "deploymentactions.h"

#include "symbolicicon.h"

#include <QAction>
#include <QClipboard>
#include <QDesktopServices>
#include <QGuiApplication>
#include <QIcon>
#include <QKeySequence>
#include <QMenu>

namespace outcrop::gui {

using bedrock::CliOptions;

DeploymentActions::DeploymentActions(QObject *parent)
    : QObject(parent)
    , m_copyName(makeAction(tr("Copy &Name"), tr("Copy the deployment's name")))
    , m_copyArn(makeAction(tr("Copy &ARN"), tr("Copy the deployment's ARN (the model id for inference)")))
    , m_copyModelArn(makeAction(tr("Copy &Model ARN"), tr("Copy the ARN of the custom model it serves")))
    , m_copyCliCommand(makeAction(tr("Copy AWS &CLI Command"),
                                  tr("Copy the 'aws bedrock get-custom-model-deployment' command for it")))
    , m_copyListCommand(makeAction(tr("Copy &List Command"),
                                   tr("Copy the 'aws bedrock list-custom-model-deployments' command with the "
                                      "current filters")))
    , m_copyInvokeSnippet(makeAction(tr("Copy &Invoke Snippet"),
                                     tr("Copy an 'aws bedrock-runtime converse' command that calls it")))
    , m_openConsole(makeAction(tr("&Open in AWS Console"), tr("Open the Bedrock console for its region")))
{
    m_copyArn->setShortcut(QKeySequence::Copy);
    m_copyArn->setIcon(symbolicIcon(QStringLiteral("edit-copy"), QStringLiteral("edit-copy")));
    m_openConsole->setIcon(QIcon::fromTheme(QStringLiteral("internet-web-browser")));

    connect(m_copyName, &QAction::triggered, this, [this] { copyText(m_deployment.name, tr("Copied the name")); });
    connect(m_copyArn, &QAction::triggered, this, [this] { copyText(m_deployment.arn, tr("Copied the ARN")); });
    connect(m_copyModelArn, &QAction::triggered, this,
            [this] { copyText(m_deployment.modelArn, tr("Copied the model ARN")); });
    connect(m_copyCliCommand, &QAction::triggered, this,
            [this] { copyText(cliCommand(), tr("Copied the AWS CLI command")); });
    connect(m_copyListCommand, &QAction::triggered, this,
            [this] { copyText(listCommand(), tr("Copied the list command")); });
    connect(m_copyInvokeSnippet, &QAction::triggered, this,
            [this] { copyText(invokeSnippet(), tr("Copied the invoke snippet")); });
    connect(m_openConsole, &QAction::triggered, this, &DeploymentActions::openConsole);
    updateEnabled();
}

QAction *DeploymentActions::makeAction(const QString &text, const QString &toolTip)
{
    auto *action = new QAction(text, this);
    action->setToolTip(toolTip);
    action->setStatusTip(toolTip);
    return action;
}

void DeploymentActions::setDeployment(const bedrock::DeploymentSummary &deployment)
{
    m_deployment = deployment;
    updateEnabled();
}

void DeploymentActions::clearDeployment()
{
    m_deployment = {};
    updateEnabled();
}

void DeploymentActions::setCliOptions(const CliOptions &options)
{
    m_cliOptions = options;
    updateEnabled();
}

void DeploymentActions::setQuery(const bedrock::DeploymentQuery &query)
{
    m_query = query;
}

QList<QAction *> DeploymentActions::actions() const
{
    return { m_copyName,        m_copyArn,           m_copyModelArn, m_copyCliCommand,
             m_copyListCommand, m_copyInvokeSnippet, m_openConsole };
}

void DeploymentActions::addTo(QMenu *menu) const
{
    menu->addAction(m_copyName);
    menu->addAction(m_copyArn);
    menu->addAction(m_copyModelArn);
    menu->addSeparator();
    menu->addAction(m_copyCliCommand);
    menu->addAction(m_copyListCommand);
    menu->addAction(m_copyInvokeSnippet);
    menu->addSeparator();
    menu->addAction(m_openConsole);
}

CliOptions DeploymentActions::effectiveCliOptions() const
{
    CliOptions options = m_cliOptions;
    const QString deploymentRegion = m_deployment.region();
    if (!deploymentRegion.isEmpty()) {
        options.region = deploymentRegion;
    }
    return options;
}

QString DeploymentActions::cliCommand() const
{
    return hasDeployment() ? bedrock::getDeploymentCliCommand(m_deployment.arn, effectiveCliOptions()) : QString();
}

QString DeploymentActions::listCommand() const
{
    // The list belongs to the connection's region, not to the selected row's.
    return bedrock::listDeploymentsCliCommand(m_query, m_cliOptions);
}

QString DeploymentActions::invokeSnippet() const
{
    return hasDeployment() ? bedrock::converseCliSnippet(m_deployment.arn, effectiveCliOptions()) : QString();
}

QUrl DeploymentActions::consoleUrl() const
{
    return hasDeployment() ? bedrock::bedrockConsoleUrl(effectiveCliOptions().region) : QUrl();
}

void DeploymentActions::copyText(const QString &text, const QString &confirmation)
{
    if (text.isEmpty()) {
        emit statusMessage(tr("Nothing to copy"));
        return;
    }
    QGuiApplication::clipboard()->setText(text);
    emit statusMessage(confirmation);
}

void DeploymentActions::openConsole()
{
    const QUrl url = consoleUrl();
    if (!url.isValid()) {
        emit statusMessage(tr("There is no AWS console known for the region %1").arg(effectiveCliOptions().region));
        return;
    }
    if (!QDesktopServices::openUrl(url)) {
        emit statusMessage(tr("Could not open a web browser for %1").arg(url.toDisplayString()));
        return;
    }
    emit statusMessage(tr("Opened the Bedrock console for %1").arg(effectiveCliOptions().region));
}

void DeploymentActions::updateEnabled()
{
    const bool has = hasDeployment();
    m_copyName->setEnabled(has && !m_deployment.name.isEmpty());
    m_copyArn->setEnabled(has);
    m_copyModelArn->setEnabled(has && !m_deployment.modelArn.isEmpty());
    m_copyCliCommand->setEnabled(has);
    m_copyInvokeSnippet->setEnabled(has);
    m_copyListCommand->setEnabled(true);
    const bool hasConsole = has && bedrock::bedrockConsoleUrl(effectiveCliOptions().region).isValid();
    m_openConsole->setEnabled(hasConsole);
    m_openConsole->setToolTip(has && !hasConsole
                                  ? tr("There is no AWS console known for the region %1")
                                        .arg(effectiveCliOptions().region)
                                  : tr("Open the Bedrock console for its region"));
}

} // namespace outcrop::gui
