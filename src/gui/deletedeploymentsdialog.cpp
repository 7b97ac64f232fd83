// SPDX-License-Identifier: Apache-2.0
#include "deletedeploymentsdialog.h"

#include "deploymentdeleter.h"
#include "lifecycleerrors.h"

#include "bedrock/bedrockclient.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

#include <algorithm>
#include <utility>

namespace outcrop::gui {

namespace {
// Names listed in the question before "and N more".
constexpr int kNamesShown = 8;

QString displayName(const bedrock::DeploymentSummary &deployment)
{
    return deployment.name.isEmpty() ? bedrock::shortNameFromArn(deployment.arn) : deployment.name;
}
} // namespace

DeleteDeploymentsDialog::DeleteDeploymentsDialog(bedrock::BedrockClient *client,
                                                 QList<bedrock::DeploymentSummary> deployments, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_deployments(std::move(deployments))
{
    setObjectName(QStringLiteral("DeleteDeploymentsDialog"));
    const int count = int(m_deployments.size());
    const bool one = count == 1;
    setWindowTitle(one ? tr("Delete Deployment") : tr("Delete %n Deployment(s)", nullptr, count));

    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    auto *icon = new QLabel(this);
    const int iconSize = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this).pixmap(iconSize));
    icon->setAlignment(Qt::AlignTop);
    top->addWidget(icon, 0, Qt::AlignTop);

    auto *texts = new QVBoxLayout;
    m_question = new QLabel(this);
    m_question->setWordWrap(true);
    m_question->setTextFormat(Qt::PlainText);
    m_question->setText(
        one ? tr("Delete the deployment “%1”? This cannot be undone: applications that invoke its ARN will fail.")
                  .arg(displayName(m_deployments.constFirst()))
            : tr("Delete these %n deployment(s)? This cannot be undone: applications that invoke their ARNs will fail.",
                 nullptr, count));
    texts->addWidget(m_question);

    m_names = new QLabel(this);
    m_names->setTextFormat(Qt::PlainText);
    m_names->setWordWrap(true);
    m_names->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_names->setAccessibleName(tr("Deployments to delete"));
    if (!one) {
        QStringList lines;
        for (int i = 0; i < std::min(count, kNamesShown); ++i) {
            lines.append(QStringLiteral("• ") + displayName(m_deployments.at(i)));
        }
        if (count > kNamesShown) {
            lines.append(tr("… and %n more", nullptr, count - kNamesShown));
        }
        m_names->setText(lines.join(QLatin1Char('\n')));
    }
    m_names->setVisible(!one);
    texts->addWidget(m_names);

    m_confirmationLabel = new QLabel(this);
    m_confirmationLabel->setWordWrap(true);
    m_confirmationLabel->setTextFormat(Qt::PlainText);
    m_confirmationLabel->setText(one ? tr("To confirm, type the deployment's name (%1):").arg(expectedConfirmation())
                                     : tr("To confirm, type the number of deployments (%1):").arg(count));
    m_confirmation = new QLineEdit(this);
    m_confirmation->setObjectName(QStringLiteral("confirmationEdit"));
    m_confirmation->setAccessibleName(one ? tr("Name of the deployment to delete")
                                          : tr("Number of deployments to delete"));
    m_confirmation->setPlaceholderText(expectedConfirmation());
    m_confirmationLabel->setBuddy(m_confirmation);
    texts->addWidget(m_confirmationLabel);
    texts->addWidget(m_confirmation);

    m_progress = new QLabel(this);
    m_progress->setAccessibleName(tr("Progress"));
    m_progress->hide();
    texts->addWidget(m_progress);
    top->addLayout(texts, 1);
    layout->addLayout(top);

    m_summary = new QPlainTextEdit(this);
    m_summary->setReadOnly(true);
    m_summary->setAccessibleName(tr("What was deleted and what failed"));
    m_summary->setTabChangesFocus(true);
    m_summary->hide();
    layout->addWidget(m_summary, 1);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_deleteButton = m_buttons->addButton(one ? tr("&Delete") : tr("&Delete %n", nullptr, count),
                                          QDialogButtonBox::DestructiveRole);
    m_deleteButton->setObjectName(QStringLiteral("deleteButton"));
    m_deleteButton->setAccessibleName(tr("Delete"));
    // Never the default: Enter in the field must not delete by accident before the text matches,
    // and a destructive button should be a deliberate click.
    m_deleteButton->setAutoDefault(false);
    m_deleteButton->setDefault(false);
    // Nor Cancel: a dialog presses its (auto-)default button on Enter, and Enter in the field must
    // mean Delete (when the text matches) and nothing else.
    m_buttons->button(QDialogButtonBox::Cancel)->setAutoDefault(false);
    connect(m_deleteButton, &QPushButton::clicked, this, &DeleteDeploymentsDialog::startDeleting);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);

    connect(m_confirmation, &QLineEdit::textChanged, this, &DeleteDeploymentsDialog::updateDeleteButton);
    connect(m_confirmation, &QLineEdit::returnPressed, this, [this] {
        if (m_deleteButton->isEnabled()) {
            startDeleting();
        }
    });
    updateDeleteButton();
    setMinimumWidth(fontMetrics().averageCharWidth() * 60);
}

DeleteDeploymentsDialog::~DeleteDeploymentsDialog() = default;

QString DeleteDeploymentsDialog::expectedConfirmation() const
{
    if (m_deployments.size() == 1) {
        return displayName(m_deployments.constFirst());
    }
    return QString::number(m_deployments.size());
}

QString DeleteDeploymentsDialog::summaryText() const
{
    return m_summary->isVisible() || m_finished ? m_summary->toPlainText() : QString();
}

bool DeleteDeploymentsDialog::isDeleting() const
{
    return m_deleter && m_deleter->isRunning();
}

void DeleteDeploymentsDialog::reject()
{
    if (isDeleting()) {
        m_deleter->cancel();
        m_progress->setText(tr("Stopping after the deletion in flight…"));
        return;
    }
    QDialog::reject();
}

void DeleteDeploymentsDialog::updateDeleteButton()
{
    const bool matches = m_confirmation->text().trimmed() == expectedConfirmation();
    m_deleteButton->setEnabled(matches && m_client && !m_deleter);
}

void DeleteDeploymentsDialog::startDeleting()
{
    if (m_deleter || !m_client || m_confirmation->text().trimmed() != expectedConfirmation()) {
        return;
    }
    m_confirmation->setEnabled(false);
    m_deleteButton->setEnabled(false);
    m_deleter = new DeploymentDeleter(m_client, m_deployments, this);
    connect(m_deleter, &DeploymentDeleter::accepted, this, &DeleteDeploymentsDialog::deletionAccepted);
    connect(m_deleter, &DeploymentDeleter::progressed, this, &DeleteDeploymentsDialog::showProgress);
    connect(m_deleter, &DeploymentDeleter::finished, this, &DeleteDeploymentsDialog::showSummary);
    showProgress(0, m_deleter->total());
    m_progress->show();
    m_deleter->start();
}

void DeleteDeploymentsDialog::showProgress(int done, int total)
{
    m_progress->setText(tr("Deleting… %1 of %2 done").arg(done).arg(total));
}

void DeleteDeploymentsDialog::showSummary()
{
    m_finished = true;
    QStringList deleted;
    QStringList failed;
    for (const DeploymentDeleter::Outcome &outcome : m_deleter->outcomes()) {
        if (outcome.error.isError()) {
            failed.append(tr("• %1: %2").arg(displayName(outcome.deployment),
                                             explainLifecycleError(outcome.error, LifecycleOperation::Delete)));
        } else {
            deleted.append(QStringLiteral("• ") + displayName(outcome.deployment));
        }
    }
    QString text;
    if (!deleted.isEmpty()) {
        text += tr("Deleting (%n):", "deployments whose deletion the service accepted", int(deleted.size()))
            + QLatin1Char('\n') + deleted.join(QLatin1Char('\n'));
    }
    if (!failed.isEmpty()) {
        if (!text.isEmpty()) {
            text += QStringLiteral("\n\n");
        }
        text += tr("Not deleted (%n):", nullptr, int(failed.size())) + QLatin1Char('\n') + failed.join(QLatin1Char('\n'));
    }
    const int notAsked = m_deleter->total() - m_deleter->done();
    if (notAsked > 0) {
        text += QStringLiteral("\n\n") + tr("Not attempted: %n", nullptr, notAsked);
    }
    m_summary->setPlainText(text);
    m_summary->show();
    m_progress->setText(failed.isEmpty()
                            ? tr("The service is deleting %n deployment(s); they leave the list when it is done.",
                                 nullptr, int(deleted.size()))
                            : tr("%1 of %2 could not be deleted.").arg(failed.size()).arg(m_deleter->total()));
    m_confirmationLabel->hide();
    m_confirmation->hide();
    m_buttons->setStandardButtons(QDialogButtonBox::Close);
    // After setStandardButtons(), which lays the box out again and shows its buttons.
    m_deleteButton->hide();
    m_buttons->button(QDialogButtonBox::Close)->setDefault(true);
    m_buttons->button(QDialogButtonBox::Close)->setFocus();
    adjustSize();
    emit deletionsFinished(int(deleted.size()), int(failed.size()));
}

} // namespace outcrop::gui
