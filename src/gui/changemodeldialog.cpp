// SPDX-License-Identifier: Apache-2.0
#include "changemodeldialog.h"

#include "custommodelcombo.h"
#include "lifecycleerrors.h"

#include "aws/awsclient.h"
#include "bedrock/bedrockclient.h"
#include "bedrock/deploymentmutations.h"

#include <QComboBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace outcrop::gui {

ChangeModelDialog::ChangeModelDialog(bedrock::BedrockClient *client, const bedrock::DeploymentSummary &deployment,
                                     QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_deployment(deployment)
{
    setObjectName(QStringLiteral("ChangeModelDialog"));
    setWindowTitle(tr("Change Model"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("The deployment keeps its name and ARN and serves the new model once the update "
                                "completes; until then it serves the current one."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    auto *name = new QLabel(deployment.name, this);
    name->setTextFormat(Qt::PlainText);
    name->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    name->setAccessibleName(tr("Deployment"));
    form->addRow(tr("Deployment:"), name);
    m_currentModel = new QLabel(this);
    m_currentModel->setTextFormat(Qt::PlainText);
    m_currentModel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_currentModel->setAccessibleName(tr("Current model"));
    m_currentModel->setToolTip(deployment.modelArn);
    form->addRow(tr("Current model:"), m_currentModel);

    m_model = new QComboBox(this);
    m_model->setObjectName(QStringLiteral("newModelCombo"));
    m_model->setEditable(true);
    m_model->setInsertPolicy(QComboBox::NoInsert);
    m_model->setMinimumContentsLength(40);
    m_model->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_model->lineEdit()->setPlaceholderText(tr("Choose a model or paste a custom model ARN"));
    m_model->lineEdit()->setAccessibleName(tr("New model"));
    m_model->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_model->completer()->setFilterMode(Qt::MatchContains);
    m_model->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    m_model->setEditText(QString());
    auto *modelLabel = new QLabel(tr("&New model:"), this);
    modelLabel->setBuddy(m_model);
    form->addRow(modelLabel, m_model);
    layout->addLayout(form);
    m_modelMarker = std::make_unique<FieldValidityMarker>(m_model, tr("One of the account's custom models, or its ARN"));

    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_message->setAccessibleName(tr("Message"));
    m_message->hide();
    layout->addWidget(m_message);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_changeButton = buttons->addButton(tr("C&hange Model"), QDialogButtonBox::ApplyRole);
    m_changeButton->setObjectName(QStringLiteral("changeButton"));
    m_changeButton->setDefault(true);
    connect(m_changeButton, &QPushButton::clicked, this, &ChangeModelDialog::change);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(m_model, &QComboBox::editTextChanged, this, &ChangeModelDialog::validate);
    connect(m_model, &QComboBox::currentIndexChanged, this, &ChangeModelDialog::validate);
    setModelNameLookup({});
    validate();
}

ChangeModelDialog::~ChangeModelDialog()
{
    if (m_call) {
        m_call->cancel();
    }
}

void ChangeModelDialog::setCustomModels(const QList<bedrock::CustomModel> &models)
{
    const QString typed = m_model->currentText();
    QList<bedrock::CustomModel> others;
    for (const bedrock::CustomModel &model : models) {
        if (model.arn != m_deployment.modelArn) {
            others.append(model);
        }
    }
    CustomModelCombo::setModels(m_model, others);
    m_model->setEditText(typed);
    validate();
}

void ChangeModelDialog::setModelNameLookup(ModelNameLookup lookup)
{
    const QString name = lookup ? lookup(m_deployment.modelArn) : QString();
    m_currentModel->setText(name.isEmpty() ? bedrock::shortNameFromArn(m_deployment.modelArn) : name);
}

void ChangeModelDialog::setModelArn(const QString &modelArn)
{
    CustomModelCombo::selectArn(m_model, modelArn);
    validate();
}

QString ChangeModelDialog::messageText() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void ChangeModelDialog::validate()
{
    const QString text = m_model->currentText().trimmed();
    const QString arn = CustomModelCombo::chosenArn(m_model);
    QString problem;
    if (!text.isEmpty()) {
        const QString arnProblem = bedrock::validateCustomModelArn(arn);
        if (!arnProblem.isEmpty()) {
            problem = tr("Not one of the account's custom models, and not a custom model ARN: %1").arg(arnProblem);
        } else if (arn == m_deployment.modelArn) {
            problem = tr("The deployment serves this model already.");
        }
    }
    m_modelMarker->setInvalidReason(problem);
    m_problem = !problem.isEmpty() ? problem : text.isEmpty() ? tr("Choose the new custom model.") : QString();
    if (!m_busy) {
        m_message->setText(problem);
        m_message->setVisible(!problem.isEmpty());
    }
    m_changeButton->setEnabled(m_problem.isEmpty() && m_client && !m_busy);
}

void ChangeModelDialog::change()
{
    validate();
    if (!m_problem.isEmpty() || !m_client || m_busy) {
        return;
    }
    const QString modelArn = CustomModelCombo::chosenArn(m_model);
    m_busy = true;
    m_changeButton->setEnabled(false);
    m_message->setText(tr("Changing the model…"));
    m_message->show();
    m_call = m_client->updateDeployment(m_deployment.arn, modelArn, this,
                                        [this, modelArn](const QString &, const aws::AwsError &error) {
                                            m_call = nullptr;
                                            m_busy = false;
                                            if (!error.isError()) {
                                                emit updateAccepted(m_deployment.arn, modelArn);
                                                accept();
                                                return;
                                            }
                                            validate();
                                            m_message->setText(explainLifecycleError(error, LifecycleOperation::Update));
                                            m_message->show();
                                        });
}

} // namespace outcrop::gui
