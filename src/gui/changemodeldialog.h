// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "fieldvaliditymarker.h"

#include "bedrock/deployment.h"

#include <QDialog>
#include <QList>
#include <QPointer>

#include <functional>
#include <memory>

class QComboBox;
class QLabel;
class QPushButton;

namespace outcrop::aws {
class AwsCall;
}
namespace outcrop::bedrock {
class BedrockClient;
}

namespace outcrop::gui {

// Deployment > Change Model: swaps the custom model behind a deployment
// (UpdateCustomModelDeployment). The new model is chosen by name or pasted as an ARN and checked
// as it is typed; the service's answer is shown inline, and on success the dialog closes and the
// table follows the update's progress (updateDetails). Non-modal: open() it.
class ChangeModelDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ChangeModelDialog)

public:
    using ModelNameLookup = std::function<QString(const QString &modelArn)>;

    ChangeModelDialog(bedrock::BedrockClient *client, const bedrock::DeploymentSummary &deployment,
                      QWidget *parent = nullptr);
    ~ChangeModelDialog() override;

    void setCustomModels(const QList<bedrock::CustomModel> &models);
    void setModelNameLookup(ModelNameLookup lookup);
    void setModelArn(const QString &modelArn);

    QComboBox *modelCombo() const { return m_model; }
    QPushButton *changeButton() const { return m_changeButton; }
    QString validationProblem() const { return m_problem; }
    QString messageText() const;

signals:
    // The service accepted the update of `deploymentArn` to `modelArn`.
    void updateAccepted(const QString &deploymentArn, const QString &modelArn);

private:
    void validate();
    void change();

    QPointer<bedrock::BedrockClient> m_client;
    bedrock::DeploymentSummary m_deployment;
    QPointer<aws::AwsCall> m_call;
    bool m_busy = false;
    QString m_problem;
    QLabel *m_currentModel = nullptr;
    QComboBox *m_model = nullptr;
    QLabel *m_message = nullptr;
    QPushButton *m_changeButton = nullptr;
    std::unique_ptr<FieldValidityMarker> m_modelMarker;
};

} // namespace outcrop::gui
