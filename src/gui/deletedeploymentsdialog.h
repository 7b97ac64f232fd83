// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "bedrock/deployment.h"

#include <QDialog>
#include <QList>
#include <QPointer>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QDialogButtonBox;

namespace outcrop::bedrock {
class BedrockClient;
}

namespace outcrop::gui {

class DeploymentDeleter;

// Deployment > Delete: the confirmation the AWS console asks for, then the deletions and their
// summary, in one non-modal dialog (open() it). For one deployment the user types its name; for
// several, their number. The Delete button stays disabled until the text matches. Afterwards
// the dialog lists what was deleted and what failed, with the reason (ConflictException and the
// other errors explained by explainLifecycleError()).
class DeleteDeploymentsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeleteDeploymentsDialog)

public:
    DeleteDeploymentsDialog(bedrock::BedrockClient *client, QList<bedrock::DeploymentSummary> deployments,
                            QWidget *parent = nullptr);
    ~DeleteDeploymentsDialog() override;

    // What the user must type: the name of the one deployment, or the number of them.
    QString expectedConfirmation() const;
    QLineEdit *confirmationEdit() const { return m_confirmation; }
    QPushButton *deleteButton() const { return m_deleteButton; }
    // The summary shown after the deletions (empty before).
    QString summaryText() const;
    bool isDeleting() const;
    bool hasFinished() const { return m_finished; }

public slots:
    // While deleting: stops after the call in flight (the summary says what was not attempted);
    // otherwise closes.
    void reject() override;

signals:
    // The service accepted the deletion of this deployment (the table shows it as Deleting).
    void deletionAccepted(const QString &arn);
    // Every deletion has been asked for: `deleted` accepted, `failed` refused.
    void deletionsFinished(int deleted, int failed);

private:
    void updateDeleteButton();
    void startDeleting();
    void showProgress(int done, int total);
    void showSummary();

    QPointer<bedrock::BedrockClient> m_client;
    QList<bedrock::DeploymentSummary> m_deployments;
    DeploymentDeleter *m_deleter = nullptr;
    bool m_finished = false;
    QLabel *m_question = nullptr;
    QLabel *m_names = nullptr;
    QLabel *m_confirmationLabel = nullptr;
    QLineEdit *m_confirmation = nullptr;
    QLabel *m_progress = nullptr;
    QPlainTextEdit *m_summary = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    QPushButton *m_deleteButton = nullptr;
};

} // namespace outcrop::gui
