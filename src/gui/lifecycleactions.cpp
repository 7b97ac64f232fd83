// SPDX-License-Identifier: Apache-2.0
#include "lifecycleactions.h"

#include "changemodeldialog.h"
#include "createdeploymentdialog.h"
#include "deletedeploymentsdialog.h"
#include "deploymenttablemodel.h"

#include "bedrock/bedrockclient.h"
#include "bedrock/custommodelnames.h"

#include <QAction>
#include <QIcon>
#include <QKeySequence>
#include <QMenu>
#include <QWidget>

namespace outcrop::gui {

LifecycleActions::LifecycleActions(QWidget *dialogParent, QObject *parent)
    : QObject(parent)
    , m_dialogParent(dialogParent)
    , m_create(new QAction(QIcon::fromTheme(QStringLiteral("list-add")), tr("&New Deployment…"), this))
    , m_changeModel(new QAction(tr("C&hange Model…"), this))
    , m_delete(new QAction(QIcon::fromTheme(QStringLiteral("edit-delete")), tr("&Delete…", "deployment"), this))
{
    m_create->setObjectName(QStringLiteral("createDeploymentAction"));
    m_create->setShortcut(QKeySequence::New);
    m_create->setToolTip(tr("Deploy a custom model for on-demand inference"));
    m_create->setStatusTip(m_create->toolTip());
    m_changeModel->setObjectName(QStringLiteral("changeModelAction"));
    m_changeModel->setToolTip(tr("Swap the custom model behind the selected deployment"));
    m_changeModel->setStatusTip(m_changeModel->toolTip());
    m_delete->setObjectName(QStringLiteral("deleteDeploymentAction"));
    m_delete->setShortcut(QKeySequence::Delete);
    // Only where the action is added to a widget with focus (the table): the Delete key of a text
    // field must stay the text field's.
    m_delete->setShortcutContext(Qt::WidgetShortcut);
    m_delete->setToolTip(tr("Delete the selected deployments"));
    m_delete->setStatusTip(m_delete->toolTip());
    connect(m_create, &QAction::triggered, this, [this] { openCreateDialog(); });
    connect(m_changeModel, &QAction::triggered, this, &LifecycleActions::openChangeModelDialog);
    connect(m_delete, &QAction::triggered, this, &LifecycleActions::openDeleteDialog);
    updateActions();
}

void LifecycleActions::setClient(bedrock::BedrockClient *client)
{
    m_client = client;
    updateActions();
}

void LifecycleActions::setTableModel(DeploymentTableModel *model)
{
    m_model = model;
}

void LifecycleActions::setModelNames(bedrock::CustomModelNames *names)
{
    m_names = names;
}

void LifecycleActions::setSelection(const QList<bedrock::DeploymentSummary> &deployments)
{
    m_selection = deployments;
    updateActions();
}

void LifecycleActions::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
    updateActions();
}

void LifecycleActions::addRowActionsTo(QMenu *menu) const
{
    if (m_readOnly) {
        return;
    }
    menu->addSeparator();
    menu->addAction(m_changeModel);
    menu->addAction(m_delete);
}

void LifecycleActions::updateActions()
{
    const bool available = m_client && !m_readOnly;
    for (QAction *action : actions()) {
        action->setVisible(!m_readOnly);
    }
    m_create->setEnabled(available);
    // The service swaps the model of an Active deployment only (a Creating or Failed one gets a
    // ValidationException); the dialog would explain that, but a disabled action says it sooner.
    const bool oneActive = m_selection.size() == 1 && m_selection.constFirst().status == bedrock::DeploymentStatus::Active;
    m_changeModel->setEnabled(available && oneActive);
    m_changeModel->setToolTip(m_selection.size() == 1 && !oneActive
                                  ? tr("Only an Active deployment can change its model")
                                  : tr("Swap the custom model behind the selected deployment"));
    m_delete->setEnabled(available && !m_selection.isEmpty());
    m_delete->setText(m_selection.size() > 1 ? tr("&Delete %n Deployment(s)…", nullptr, int(m_selection.size()))
                                             : tr("&Delete…", "deployment"));
}

void LifecycleActions::openCreateDialog(const QString &modelArn)
{
    if (!m_client || m_readOnly) {
        return;
    }
    auto *dialog = new CreateDeploymentDialog(m_client, m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (m_names) {
        dialog->setCustomModels(m_names->knownModels());
        // The list of models may still be arriving.
        connect(m_names, &bedrock::CustomModelNames::namesChanged, dialog,
                [dialog, names = m_names] { dialog->setCustomModels(names->knownModels()); });
    }
    if (!modelArn.isEmpty()) {
        dialog->setModelArn(modelArn);
    }
    const QPointer<DeploymentTableModel> model = m_model;
    dialog->setNameTakenCheck([model](const QString &name) { return model && model->hasDeploymentNamed(name); });
    connect(dialog, &CreateDeploymentDialog::created, this, [this](const bedrock::DeploymentSummary &deployment) {
        const bool shown = m_model && m_model->insertCreated(deployment);
        emit statusMessage(shown ? tr("Creating the deployment %1").arg(deployment.name)
                                 : tr("Creating the deployment %1 (the current filters hide it)").arg(deployment.name));
    });
    dialog->open();
}

void LifecycleActions::openChangeModelDialog()
{
    if (!m_client || m_readOnly || m_selection.size() != 1) {
        return;
    }
    auto *dialog = new ChangeModelDialog(m_client, m_selection.constFirst(), m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (m_names) {
        dialog->setCustomModels(m_names->knownModels());
        dialog->setModelNameLookup([names = m_names](const QString &arn) { return names ? names->displayName(arn) : QString(); });
        connect(m_names, &bedrock::CustomModelNames::namesChanged, dialog,
                [dialog, names = m_names] { dialog->setCustomModels(names->knownModels()); });
    }
    connect(dialog, &ChangeModelDialog::updateAccepted, this, [this](const QString &arn, const QString &modelArn) {
        if (m_model) {
            m_model->markUpdating(arn, modelArn);
        }
        emit statusMessage(tr("Changing the model of the deployment"));
    });
    dialog->open();
}

void LifecycleActions::openDeleteDialog()
{
    if (!m_client || m_readOnly || m_selection.isEmpty()) {
        return;
    }
    auto *dialog = new DeleteDeploymentsDialog(m_client, m_selection, m_dialogParent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &DeleteDeploymentsDialog::deletionAccepted, this, [this](const QString &arn) {
        if (m_model) {
            m_model->markDeleting(arn);
        }
    });
    connect(dialog, &DeleteDeploymentsDialog::deletionsFinished, this, [this](int deleted, int failed) {
        emit statusMessage(failed == 0 ? tr("Deleting %n deployment(s)", nullptr, deleted)
                                       : tr("Deleting %1, %2 could not be deleted").arg(deleted).arg(failed));
    });
    dialog->open();
}

} // namespace outcrop::gui
