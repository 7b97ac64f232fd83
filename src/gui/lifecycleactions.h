// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "bedrock/deployment.h"

#include <QList>
#include <QObject>
#include <QPointer>

class QAction;
class QMenu;
class QWidget;

namespace outcrop::bedrock {
class BedrockClient;
class CustomModelNames;
} // namespace outcrop::bedrock

namespace outcrop::gui {

class DeploymentTableModel;

// The actions that change deployments: Create (a dialog), Change Model (UpdateCustomModelDeployment)
// and Delete (typed confirmation, then a summary). Each opens a non-modal dialog and shows what the
// service accepted in the table at once (a new row as Creating, a row as Deleting or updating), which
// the live refresh then follows. In read-only mode every one of them is hidden and disabled.
class LifecycleActions final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LifecycleActions)

public:
    // Dialogs open over `dialogParent`.
    explicit LifecycleActions(QWidget *dialogParent, QObject *parent = nullptr);

    // Not owned; nullptr disables every action.
    void setClient(bedrock::BedrockClient *client);
    // The table the outcome is shown in (not owned).
    void setTableModel(DeploymentTableModel *model);
    // The account's custom models, for choosing one by name (not owned).
    void setModelNames(bedrock::CustomModelNames *names);
    // The selected rows; Change Model acts on the first, Delete on all of them.
    void setSelection(const QList<bedrock::DeploymentSummary> &deployments);
    // Hides and disables every action (the client refuses mutating calls on its own as well).
    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return m_readOnly; }

    QAction *createAction() const { return m_create; }
    QAction *changeModelAction() const { return m_changeModel; }
    QAction *deleteAction() const { return m_delete; }
    QList<QAction *> actions() const { return { m_create, m_changeModel, m_delete }; }
    // Change Model and Delete, for a context menu on a row (with a separator before them).
    void addRowActionsTo(QMenu *menu) const;

public slots:
    // Opens the create dialog, with this custom model chosen when given.
    void openCreateDialog(const QString &modelArn = QString());
    void openChangeModelDialog();
    void openDeleteDialog();

signals:
    // A short note for the status bar.
    void statusMessage(const QString &message);

private:
    void updateActions();

    QWidget *m_dialogParent;
    QPointer<bedrock::BedrockClient> m_client;
    QPointer<DeploymentTableModel> m_model;
    QPointer<bedrock::CustomModelNames> m_names;
    QList<bedrock::DeploymentSummary> m_selection;
    bool m_readOnly = false;
    QAction *m_create;
    QAction *m_changeModel;
    QAction *m_delete;
};

} // namespace outcrop::gui
