// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "fieldvaliditymarker.h"

#include "aws/awserror.h"
#include "bedrock/deployment.h"
#include "bedrock/deploymentmutations.h"

#include <QDialog>
#include <QList>
#include <QPointer>

#include <functional>
#include <memory>
#include <optional>

class QComboBox;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace Ui {
class CreateDeploymentDialog;
}
namespace outcrop::aws {
class AwsCall;
}
namespace outcrop::bedrock {
class BedrockClient;
}

namespace outcrop::gui {

// Deployment > New Deployment (ui/createdeploymentdialog.ui): name, custom model (by name from
// the account's models, or a pasted ARN), description and tags, each validated as it is typed
// with the service's own limits, and the name checked against the deployments already loaded.
//
// One idempotency token (clientRequestToken) per dialog: pressing Create again after a failure
// (a lost reply, a timeout) sends the same token, so the service returns the deployment the
// first attempt may have created instead of creating a second one. Only when the user has changed
// the request since the last attempt does a new token go with it: the service refuses a token
// reused with other parameters, and the changed request is a different one. Non-modal: open() it.
class CreateDeploymentDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CreateDeploymentDialog)

public:
    using NameTakenCheck = std::function<bool(const QString &name)>;

    explicit CreateDeploymentDialog(bedrock::BedrockClient *client, QWidget *parent = nullptr);
    ~CreateDeploymentDialog() override;

    // The account's custom models for the model field.
    void setCustomModels(const QList<bedrock::CustomModel> &models);
    void setModelArn(const QString &modelArn);
    // True when a deployment with this name is known (the loaded rows).
    void setNameTakenCheck(NameTakenCheck check);

    QString clientRequestToken() const { return m_token; }
    bool isBusy() const;
    // The problem of the first invalid field, empty when the request may be sent.
    QString validationProblem() const { return m_problem; }
    QString messageText() const;
    QPushButton *createButton() const { return m_createButton; }
    // The form's fields, for tests and automation.
    QLineEdit *nameEdit() const;
    QComboBox *modelCombo() const;
    QPlainTextEdit *descriptionEdit() const;
    QTableWidget *tagsTable() const;
    QPushButton *addTagButton() const;
    QPushButton *removeTagButton() const;

signals:
    // The service accepted the create: the new deployment, as Creating (the table inserts it).
    void created(const outcrop::bedrock::DeploymentSummary &deployment);

private:
    void validate();
    void create();
    void onCreated(const QString &arn, const aws::AwsError &error);
    void addTagRow();
    void removeTagRows();
    void setMessage(const QString &text, bool isError);
    QList<bedrock::Tag> enteredTags(QString *problem) const;

    std::unique_ptr<Ui::CreateDeploymentDialog> m_ui;
    QPointer<bedrock::BedrockClient> m_client;
    QPointer<aws::AwsCall> m_call;
    bool m_busy = false;
    QString m_token;
    std::optional<bedrock::CreateDeploymentRequest> m_lastSent;   // the last attempt, with m_token
    QString m_problem;
    NameTakenCheck m_nameTaken;
    QPushButton *m_createButton = nullptr;
    std::unique_ptr<FieldValidityMarker> m_nameMarker;
    std::unique_ptr<FieldValidityMarker> m_modelMarker;
    std::unique_ptr<FieldValidityMarker> m_descriptionMarker;
};

} // namespace outcrop::gui
