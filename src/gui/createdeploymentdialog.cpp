// SPDX-License-Identifier: Apache-2.0
#include "createdeploymentdialog.h"

#include "custommodelcombo.h"
#include "lifecycleerrors.h"
#include "ui_createdeploymentdialog.h"

#include "aws/awsclient.h"
#include "bedrock/bedrockclient.h"
#include "bedrock/deploymentmutations.h"

#include <QComboBox>
#include <QCompleter>
#include <QHeaderView>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>

#include <algorithm>

namespace outcrop::gui {

namespace {
bool sameRequest(const bedrock::CreateDeploymentRequest &a, const bedrock::CreateDeploymentRequest &b)
{
    return a.name == b.name && a.modelArn == b.modelArn && a.description == b.description && a.tags == b.tags;
}
} // namespace

CreateDeploymentDialog::CreateDeploymentDialog(bedrock::BedrockClient *client, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::CreateDeploymentDialog>())
    , m_client(client)
    , m_token(bedrock::newClientRequestToken())
{
    m_ui->setupUi(this);
    m_createButton = m_ui->buttonBox->addButton(tr("&Create", "deployment"), QDialogButtonBox::AcceptRole);
    m_createButton->setObjectName(QStringLiteral("createButton"));
    m_createButton->setDefault(true);
    // The form connects nothing to accepted(): the button sends, and only success closes.
    connect(m_createButton, &QPushButton::clicked, this, &CreateDeploymentDialog::create);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &QDialog::reject);

    m_ui->modelCombo->lineEdit()->setPlaceholderText(tr("Choose a model or paste a custom model ARN"));
    m_ui->modelCombo->lineEdit()->setAccessibleName(tr("Custom model"));
    m_ui->modelCombo->setMinimumContentsLength(40);
    m_ui->modelCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_ui->modelCombo->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_ui->modelCombo->completer()->setFilterMode(Qt::MatchContains);
    m_ui->modelCombo->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    m_ui->modelCombo->setEditText(QString());
    m_ui->descriptionEdit->setMaximumHeight(m_ui->descriptionEdit->fontMetrics().lineSpacing() * 4
                                            + m_ui->descriptionEdit->frameWidth() * 2 + 8);
    // Room for four tags before it scrolls; more rows would only push the buttons down.
    m_ui->tagsTable->setMinimumHeight(m_ui->tagsTable->fontMetrics().lineSpacing() * 6);
    m_ui->tagsTable->setMaximumHeight(m_ui->tagsTable->fontMetrics().lineSpacing() * 9);
    m_ui->tagsTable->horizontalHeader()->resizeSection(0, fontMetrics().averageCharWidth() * 24);
    m_ui->addTagButton->setAccessibleName(tr("Add a tag"));
    m_ui->removeTagButton->setAccessibleName(tr("Remove the selected tags"));
    m_ui->messageLabel->hide();

    m_nameMarker = std::make_unique<FieldValidityMarker>(
        m_ui->nameEdit, tr("1 to 63 letters and digits; '-' or '_' may follow a letter or digit"));
    m_modelMarker = std::make_unique<FieldValidityMarker>(m_ui->modelCombo,
                                                          tr("One of the account's custom models (it must be Active), "
                                                             "or its ARN"));
    m_descriptionMarker = std::make_unique<FieldValidityMarker>(m_ui->descriptionEdit,
                                                                tr("Optional, up to 2048 characters"));

    connect(m_ui->nameEdit, &QLineEdit::textChanged, this, &CreateDeploymentDialog::validate);
    connect(m_ui->modelCombo, &QComboBox::editTextChanged, this, &CreateDeploymentDialog::validate);
    connect(m_ui->modelCombo, &QComboBox::currentIndexChanged, this, &CreateDeploymentDialog::validate);
    connect(m_ui->descriptionEdit, &QPlainTextEdit::textChanged, this, &CreateDeploymentDialog::validate);
    connect(m_ui->tagsTable, &QTableWidget::itemChanged, this, &CreateDeploymentDialog::validate);
    connect(m_ui->tagsTable, &QTableWidget::itemSelectionChanged, this, [this] {
        m_ui->removeTagButton->setEnabled(!m_ui->tagsTable->selectedItems().isEmpty());
    });
    connect(m_ui->addTagButton, &QPushButton::clicked, this, &CreateDeploymentDialog::addTagRow);
    connect(m_ui->removeTagButton, &QPushButton::clicked, this, &CreateDeploymentDialog::removeTagRows);
    m_ui->removeTagButton->setEnabled(false);
    validate();
}

CreateDeploymentDialog::~CreateDeploymentDialog()
{
    // A reply after the dialog is gone has nowhere to go; the token keeps a retry from another
    // dialog from being mistaken for this one, so nothing else is needed.
    if (m_call) {
        m_call->cancel();
    }
}

void CreateDeploymentDialog::setCustomModels(const QList<bedrock::CustomModel> &models)
{
    const QString typed = m_ui->modelCombo->currentText();
    const QString arn = CustomModelCombo::chosenArn(m_ui->modelCombo);
    CustomModelCombo::setModels(m_ui->modelCombo, models);
    if (!arn.isEmpty() && m_ui->modelCombo->findData(arn) >= 0) {
        CustomModelCombo::selectArn(m_ui->modelCombo, arn);
    } else {
        m_ui->modelCombo->setEditText(typed);
    }
    validate();
}

void CreateDeploymentDialog::setModelArn(const QString &modelArn)
{
    CustomModelCombo::selectArn(m_ui->modelCombo, modelArn);
    validate();
}

void CreateDeploymentDialog::setNameTakenCheck(NameTakenCheck check)
{
    m_nameTaken = std::move(check);
    validate();
}

QLineEdit *CreateDeploymentDialog::nameEdit() const
{
    return m_ui->nameEdit;
}

QComboBox *CreateDeploymentDialog::modelCombo() const
{
    return m_ui->modelCombo;
}

QPlainTextEdit *CreateDeploymentDialog::descriptionEdit() const
{
    return m_ui->descriptionEdit;
}

QTableWidget *CreateDeploymentDialog::tagsTable() const
{
    return m_ui->tagsTable;
}

QPushButton *CreateDeploymentDialog::addTagButton() const
{
    return m_ui->addTagButton;
}

QPushButton *CreateDeploymentDialog::removeTagButton() const
{
    return m_ui->removeTagButton;
}

bool CreateDeploymentDialog::isBusy() const
{
    return m_call || m_busy;
}

QString CreateDeploymentDialog::messageText() const
{
    return m_ui->messageLabel->isHidden() ? QString() : m_ui->messageLabel->text();
}

QList<bedrock::Tag> CreateDeploymentDialog::enteredTags(QString *problem) const
{
    QList<bedrock::Tag> tags;
    for (int row = 0; row < m_ui->tagsTable->rowCount(); ++row) {
        const QTableWidgetItem *keyItem = m_ui->tagsTable->item(row, 0);
        const QTableWidgetItem *valueItem = m_ui->tagsTable->item(row, 1);
        const QString key = keyItem ? keyItem->text().trimmed() : QString();
        const QString value = valueItem ? valueItem->text() : QString();
        if (key.isEmpty() && value.isEmpty()) {
            continue;   // a row added and left empty
        }
        if (key.isEmpty() && problem && problem->isEmpty()) {
            *problem = tr("Tag %1 has a value but no key.").arg(row + 1);
        }
        tags.append(bedrock::Tag { key, value });
    }
    if (problem && problem->isEmpty()) {
        *problem = bedrock::validateTags(tags);
    }
    if (problem && problem->isEmpty() && tags.size() > bedrock::MutationLimits::maxTagsPerResource) {
        *problem = tr("A deployment can have at most %1 tags.").arg(bedrock::MutationLimits::maxTagsPerResource);
    }
    return tags;
}

void CreateDeploymentDialog::validate()
{
    const QString name = m_ui->nameEdit->text().trimmed();
    QString nameProblem;
    if (!name.isEmpty()) {
        nameProblem = bedrock::validateDeploymentName(name);
        if (nameProblem.isEmpty() && m_nameTaken && m_nameTaken(name)) {
            nameProblem = tr("A deployment with this name exists.");
        }
    }
    m_nameMarker->setInvalidReason(nameProblem);

    const QString modelText = m_ui->modelCombo->currentText().trimmed();
    const QString modelArn = CustomModelCombo::chosenArn(m_ui->modelCombo);
    const QString modelProblem = modelText.isEmpty() ? QString() : bedrock::validateCustomModelArn(modelArn);
    m_modelMarker->setInvalidReason(modelProblem.isEmpty() ? QString()
                                                           : tr("Not one of the account's custom models, and not a "
                                                                "custom model ARN: %1")
                                                                 .arg(modelProblem));

    const QString descriptionProblem = bedrock::validateDescription(m_ui->descriptionEdit->toPlainText());
    m_descriptionMarker->setInvalidReason(descriptionProblem);

    QString tagProblem;
    enteredTags(&tagProblem);

    // The first problem in form order; an empty required field is a problem only for sending.
    m_problem = !nameProblem.isEmpty() ? nameProblem
        : name.isEmpty()               ? tr("Enter a name for the deployment.")
        : !modelProblem.isEmpty()      ? m_modelMarker->reason()
        : modelText.isEmpty()          ? tr("Choose the custom model to deploy.")
        : !descriptionProblem.isEmpty() ? descriptionProblem
                                        : tagProblem;
    // Say what is wrong with what was typed; not nag about fields not reached yet.
    const QString shown = !nameProblem.isEmpty() ? nameProblem
        : !modelProblem.isEmpty()               ? m_modelMarker->reason()
        : !descriptionProblem.isEmpty()         ? descriptionProblem
                                                : tagProblem;
    if (!m_busy && !m_call) {
        setMessage(shown, true);
    }
    m_createButton->setEnabled(m_problem.isEmpty() && m_client && !m_call && !m_busy);
}

void CreateDeploymentDialog::addTagRow()
{
    const int row = m_ui->tagsTable->rowCount();
    m_ui->tagsTable->insertRow(row);
    m_ui->tagsTable->setItem(row, 0, new QTableWidgetItem);
    m_ui->tagsTable->setItem(row, 1, new QTableWidgetItem);
    m_ui->tagsTable->setCurrentCell(row, 0);
    m_ui->tagsTable->setFocus();
    m_ui->tagsTable->editItem(m_ui->tagsTable->item(row, 0));
    validate();
}

void CreateDeploymentDialog::removeTagRows()
{
    QList<int> rows;
    for (const QTableWidgetItem *item : m_ui->tagsTable->selectedItems()) {
        if (!rows.contains(item->row())) {
            rows.append(item->row());
        }
    }
    std::sort(rows.begin(), rows.end(), std::greater<int>());
    for (const int row : rows) {
        m_ui->tagsTable->removeRow(row);
    }
    validate();
}

void CreateDeploymentDialog::setMessage(const QString &text, bool isError)
{
    m_ui->messageLabel->setText(text);
    m_ui->messageLabel->setVisible(!text.isEmpty());
    m_ui->messageLabel->setForegroundRole(isError ? QPalette::WindowText : QPalette::PlaceholderText);
}

void CreateDeploymentDialog::create()
{
    validate();
    if (!m_problem.isEmpty() || !m_client || m_call || m_busy) {
        return;
    }
    bedrock::CreateDeploymentRequest request;
    request.name = m_ui->nameEdit->text().trimmed();
    request.modelArn = CustomModelCombo::chosenArn(m_ui->modelCombo);
    request.description = m_ui->descriptionEdit->toPlainText();
    request.tags = enteredTags(nullptr);
    // The same token on every press of the same request: see the class comment.
    if (m_lastSent && !sameRequest(*m_lastSent, request)) {
        m_token = bedrock::newClientRequestToken();
    }
    request.clientRequestToken = m_token;
    m_lastSent = request;
    m_busy = true;
    m_createButton->setEnabled(false);
    setMessage(tr("Creating…"), false);
    m_call = m_client->createDeployment(request, this, [this, request](const QString &arn, const aws::AwsError &error) {
        m_call = nullptr;
        m_busy = false;
        if (!error.isError()) {
            bedrock::DeploymentSummary deployment;
            deployment.arn = arn;
            deployment.name = request.name;
            deployment.modelArn = request.modelArn;
            deployment.statusText = bedrock::deploymentStatusWireValue(bedrock::DeploymentStatus::Creating);
            deployment.status = bedrock::DeploymentStatus::Creating;
            deployment.createdAt = QDateTime::currentDateTimeUtc();
            emit created(deployment);
            accept();
            return;
        }
        onCreated(arn, error);
    });
}

void CreateDeploymentDialog::onCreated(const QString &, const aws::AwsError &error)
{
    validate();
    setMessage(explainLifecycleError(error, LifecycleOperation::Create), true);
    m_createButton->setText(tr("&Try Again"));
}

} // namespace outcrop::gui
