// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "bedrock/deployment.h"
#include "bedrock/deploymentcommands.h"
#include "bedrock/deploymentquery.h"

#include <QList>
#include <QObject>

class QAction;
class QMenu;

namespace outcrop::gui {

// The actions on one deployment, for the table's and the detail pane's context menus and the
// window's menus: copy its name, ARN, model ARN, the equivalent AWS CLI command and an invoke
// snippet, and open the Bedrock console for its region. The window sets the current deployment
// from the selection; with none, every per-deployment action is disabled.
//
// Copy ARN has the standard Copy shortcut (Ctrl+C). Its shortcut context is the Qt default
// (the window); text fields keep their own Ctrl+C, because QLineEdit and the text views accept
// the ShortcutOverride for QKeySequence::Copy when they have focus.
class DeploymentActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeploymentActions)

public:
    explicit DeploymentActions(QObject *parent = nullptr);

    void setDeployment(const bedrock::DeploymentSummary &deployment);
    void clearDeployment();
    bool hasDeployment() const { return !m_deployment.arn.isEmpty(); }
    const bedrock::DeploymentSummary &deployment() const { return m_deployment; }

    // Profile, endpoint and the fallback region for the copied commands (the deployment's own
    // region, from its ARN, wins).
    void setCliOptions(const bedrock::CliOptions &options);
    // The filters of the list, for "Copy list command".
    void setQuery(const bedrock::DeploymentQuery &query);

    QAction *copyNameAction() const { return m_copyName; }
    QAction *copyArnAction() const { return m_copyArn; }
    QAction *copyModelArnAction() const { return m_copyModelArn; }
    QAction *copyCliCommandAction() const { return m_copyCliCommand; }
    QAction *copyListCommandAction() const { return m_copyListCommand; }
    QAction *copyInvokeSnippetAction() const { return m_copyInvokeSnippet; }
    QAction *openConsoleAction() const { return m_openConsole; }
    // In menu order.
    QList<QAction *> actions() const;
    // Adds the actions to a menu, with separators between the groups.
    void addTo(QMenu *menu) const;

    // What the actions produce for the current deployment (also used by the tests).
    bedrock::CliOptions effectiveCliOptions() const;
    QString cliCommand() const;
    QString listCommand() const;
    QString invokeSnippet() const;
    QUrl consoleUrl() const;

signals:
    // A short confirmation for the status bar ("Copied the ARN"), or why nothing happened.
    void statusMessage(const QString &message);

private:
    QAction *makeAction(const QString &text, const QString &toolTip);
    void copyText(const QString &text, const QString &confirmation);
    void openConsole();
    void updateEnabled();

    bedrock::DeploymentSummary m_deployment;
    bedrock::CliOptions m_cliOptions;
    bedrock::DeploymentQuery m_query;
    QAction *m_copyName;
    QAction *m_copyArn;
    QAction *m_copyModelArn;
    QAction *m_copyCliCommand;
    QAction *m_copyListCommand;
    QAction *m_copyInvokeSnippet;
    QAction *m_openConsole;
};

} // namespace outcrop::gui
