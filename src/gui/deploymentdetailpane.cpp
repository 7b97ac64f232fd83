// SPDX-License-Identifier: Apache-2.0
#include "deploymentdetailpane.h"

#include "aws/awsclient.h"
#include "bedrock/bedrockclient.h"
#include "symbolicicon.h"
#include "tageditor.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTableWidget>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace outcrop::gui {

using aws::AwsError;
using bedrock::DeploymentDetail;
using bedrock::DeploymentSummary;

namespace {

enum Page { EmptyPage, DetailsPage };

bool isDarkPalette(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor errorColor(const QPalette &palette)
{
    return isDarkPalette(palette) ? QColor(0xff, 0x8a, 0x80) : QColor(0xb3, 0x26, 0x1e);
}

// Status colours with at least 4.5:1 contrast (WCAG AA) on light windows (white to #e0e0e0) and
// dark ones (#1e1e1e to #353535); the text itself always names the state, the colour only helps.
QColor statusColor(const QString &statusText, const QPalette &palette)
{
    const bool dark = isDarkPalette(palette);
    if (statusText.compare(QLatin1String("Active"), Qt::CaseInsensitive) == 0
        || statusText.compare(QLatin1String("UpdateCompleted"), Qt::CaseInsensitive) == 0) {
        return dark ? QColor(0x6f, 0xdc, 0x8c) : QColor(0x17, 0x69, 0x2f);
    }
    if (statusText.compare(QLatin1String("Failed"), Qt::CaseInsensitive) == 0
        || statusText.compare(QLatin1String("UpdateFailed"), Qt::CaseInsensitive) == 0) {
        return errorColor(palette);
    }
    if (statusText.isEmpty()) {
        return palette.color(QPalette::Text);
    }
    // Creating, Updating, Deleting and anything the API model does not list: in progress.
    return dark ? QColor(0xff, 0xc6, 0x6d) : QColor(0x7a, 0x4f, 0x00);
}

QString localTimeText(const QDateTime &utc)
{
    return utc.isValid() ? QLocale().toString(utc.toLocalTime(), QLocale::ShortFormat) : QString();
}

QString utcTimeText(const QDateTime &utc)
{
    return utc.isValid() ? utc.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss 'UTC'")) : QString();
}

void setValue(QLineEdit *field, const QString &text, const QString &toolTip = {})
{
    field->setText(text);
    field->setCursorPosition(0);   // long ARNs show their start
    field->setToolTip(toolTip.isEmpty() ? text : toolTip);
}

// A read-only line edit without a frame: selectable with mouse and keyboard, in the tab order,
// Ctrl+C and its own context menu, and a long ARN scrolls instead of widening the pane.
QLineEdit *makeValueField()
{
    auto *field = new QLineEdit;
    field->setReadOnly(true);
    field->setFrame(false);
    QPalette palette = field->palette();
    palette.setBrush(QPalette::Base, Qt::transparent);   // reads as text, not as an input box
    field->setPalette(palette);
    return field;
}

void setTextColor(QWidget *widget, const QColor &color)
{
    QPalette palette = widget->palette();
    palette.setColor(QPalette::Text, color);
    palette.setColor(QPalette::WindowText, color);
    widget->setPalette(palette);
}

} // namespace

DeploymentDetailPane::DeploymentDetailPane(QWidget *parent)
    : QWidget(parent)
    , m_stack(new QStackedWidget(this))
    , m_detailsPage(new QWidget)
    , m_titleLabel(new QLabel)
    , m_loadingLabel(new QLabel(tr("Loading details…")))
    , m_refreshButton(new QToolButton)
    , m_errorFrame(new QFrame)
    , m_errorIcon(new QLabel)
    , m_errorLabel(new QLabel)
    , m_grid(new QGridLayout)
    , m_descriptionField(new QLabel)
    , m_failureField(new QPlainTextEdit)
    , m_requestIdRow(new QWidget)
    , m_requestIdField(makeValueField())
    , m_copyRequestIdButton(new QToolButton)
    , m_tags(new TagEditor)
{
    setAccessibleName(tr("Deployment details"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_stack);

    auto *emptyLabel = new QLabel(tr("Select a deployment to see its details"));
    emptyLabel->setAlignment(Qt::AlignCenter);
    emptyLabel->setWordWrap(true);
    emptyLabel->setForegroundRole(QPalette::PlaceholderText);
    emptyLabel->setMargin(24);
    m_stack->insertWidget(EmptyPage, emptyLabel);

    // Header: the name, what is going on, and refresh.
    QFont titleFont = m_titleLabel->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    m_titleLabel->setFont(titleFont);
    m_titleLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_titleLabel->setWordWrap(true);
    m_titleLabel->setAccessibleName(tr("Deployment name"));
    m_loadingLabel->setForegroundRole(QPalette::PlaceholderText);
    m_loadingLabel->setAccessibleName(tr("Loading"));
    m_loadingLabel->hide();
    m_refreshButton->setText(tr("Refresh"));
    m_refreshButton->setIcon(symbolicIcon(QStringLiteral("view-refresh"), QStringLiteral("view-refresh")));
    m_refreshButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_refreshButton->setToolTip(tr("Fetch the deployment's details again"));
    m_refreshButton->setAccessibleName(tr("Refresh details"));
    connect(m_refreshButton, &QToolButton::clicked, this, &DeploymentDetailPane::refresh);
    auto *header = new QHBoxLayout;
    header->addWidget(m_titleLabel, 1);
    header->addWidget(m_loadingLabel);
    header->addWidget(m_refreshButton);

    // The inline error: never a dialog, so the user keeps reading the details already shown.
    m_errorFrame->setFrameShape(QFrame::StyledPanel);
    m_errorFrame->setAccessibleName(tr("Error"));
    m_errorIcon->setAlignment(Qt::AlignTop);
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_errorLabel->setAccessibleName(tr("Error message"));
    auto *errorLayout = new QHBoxLayout(m_errorFrame);
    errorLayout->addWidget(m_errorIcon, 0, Qt::AlignTop);
    errorLayout->addWidget(m_errorLabel, 1);
    m_errorFrame->hide();

    // The fields. Labels have no mnemonics: the pane lives in a window whose menus own Alt+letter.
    // A grid rather than a QFormLayout: in Qt 6.4 a QFormLayout with a word-wrapped label
    // (height-for-width) squeezes a row to zero height after QFormLayout::setRowVisible().
    m_grid->setColumnStretch(1, 1);
    m_nameField = addValueRow(tr("Name:"), tr("Name"));
    m_statusField = addValueRow(tr("Status:"), tr("Status"));
    m_arnField = addValueRow(tr("ARN:"), tr("Deployment ARN"));
    m_descriptionField->setWordWrap(true);
    // Lines its text up with the line edits', which sit 2 px in (QLineEdit's horizontal margin).
    m_descriptionField->setContentsMargins(2, 0, 0, 0);
    m_descriptionField->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    addRow(tr("Description:"), m_descriptionField, tr("Description"));
    m_modelField = addValueRow(tr("Model:"), tr("Model name"));
    m_modelArnField = addValueRow(tr("Model ARN:"), tr("Model ARN"));
    m_updateStatusField = addValueRow(tr("Update:"), tr("Update status"));
    m_updateModelField = addValueRow(tr("Update target:"), tr("Update target model ARN"));
    m_createdField = addValueRow(tr("Created:"), tr("Created"));
    m_lastUpdatedField = addValueRow(tr("Last updated:"), tr("Last updated"));
    m_accountField = addValueRow(tr("Account:"), tr("Account"));
    m_regionField = addValueRow(tr("Region:"), tr("Region"));
    // The whole failure message, which the list can only show as a tooltip.
    m_failureField->setReadOnly(true);
    m_failureField->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_failureField->setTabChangesFocus(true);
    m_failureField->setMinimumHeight(m_failureField->fontMetrics().lineSpacing() * 3);
    m_failureField->setMaximumHeight(m_failureField->fontMetrics().lineSpacing() * 8);
    addRow(tr("Failure message:"), m_failureField, tr("Failure message"));

    auto *requestIdLayout = new QHBoxLayout(m_requestIdRow);
    requestIdLayout->setContentsMargins(0, 0, 0, 0);
    requestIdLayout->addWidget(m_requestIdField, 1);
    m_copyRequestIdButton->setText(tr("Copy"));
    m_copyRequestIdButton->setIcon(symbolicIcon(QStringLiteral("edit-copy"), QStringLiteral("edit-copy")));
    m_copyRequestIdButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_copyRequestIdButton->setToolTip(tr("Copy the request id, to quote it to AWS Support"));
    m_copyRequestIdButton->setAccessibleName(tr("Copy request id"));
    connect(m_copyRequestIdButton, &QToolButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_lastRequestId); });
    requestIdLayout->addWidget(m_copyRequestIdButton);
    addRow(tr("Request id:"), m_requestIdRow, tr("Request id of the last call"));
    m_rowLabels.value(m_requestIdRow)->setToolTip(tr("The x-amzn-RequestId of the last call, for AWS Support"));
    m_rowLabels.value(m_requestIdRow)->setBuddy(m_requestIdField);
    m_requestIdField->setAccessibleName(tr("Request id of the last call"));

    auto *content = new QWidget;
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->addLayout(header);
    contentLayout->addWidget(m_errorFrame);
    contentLayout->addLayout(m_grid);
    auto *tagsHeading = new QLabel(tr("Tags"));
    QFont headingFont = tagsHeading->font();
    headingFont.setBold(true);
    tagsHeading->setFont(headingFont);
    tagsHeading->setBuddy(m_tags->table());
    contentLayout->addSpacing(6);
    contentLayout->addWidget(tagsHeading);
    contentLayout->addWidget(m_tags);
    contentLayout->addStretch(1);
    auto *scroll = new QScrollArea;
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *pageLayout = new QVBoxLayout(m_detailsPage);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    pageLayout->addWidget(scroll);
    m_stack->insertWidget(DetailsPage, m_detailsPage);

    applyStatusColors();
    clear();
}

DeploymentDetailPane::~DeploymentDetailPane()
{
    cancelFetch();
}

void DeploymentDetailPane::addRow(const QString &label, QWidget *field, const QString &accessibleName)
{
    auto *labelWidget = new QLabel(label);
    labelWidget->setBuddy(field);
    field->setAccessibleName(accessibleName);
    // Labels of multi-line values sit at the top, the others level with their value.
    const bool multiLine = qobject_cast<QPlainTextEdit *>(field) || qobject_cast<QLabel *>(field);
    const int row = m_grid->rowCount();
    m_grid->addWidget(labelWidget, row, 0, Qt::AlignLeft | (multiLine ? Qt::AlignTop : Qt::AlignVCenter));
    m_grid->addWidget(field, row, 1);
    m_rowLabels.insert(field, labelWidget);
}

void DeploymentDetailPane::setRowVisible(QWidget *field, bool visible)
{
    // QGridLayout leaves out rows whose widgets are all hidden, spacing included.
    field->setVisible(visible);
    m_rowLabels.value(field)->setVisible(visible);
}

QLineEdit *DeploymentDetailPane::addValueRow(const QString &label, const QString &accessibleName)
{
    QLineEdit *field = makeValueField();
    addRow(label, field, accessibleName);
    return field;
}

void DeploymentDetailPane::setClient(bedrock::BedrockClient *client)
{
    if (m_client == client) {
        return;
    }
    cancelFetch();
    m_client = client;
    m_tags->setClient(client);
    if (hasDeployment()) {
        fetch();
    }
}

void DeploymentDetailPane::setReadOnly(bool readOnly)
{
    m_tags->setReadOnly(readOnly);
}

void DeploymentDetailPane::applyDetail(const DeploymentDetail &detail)
{
    if (!hasDeployment() || detail.summary.arn != m_summary.arn) {
        return;
    }
    m_detail = detail;
    m_hasDetail = true;
    m_summary = detail.summary;
    showSummaryFields();
    showDetailFields();
}

void DeploymentDetailPane::setModelName(const QString &modelArn, const QString &name)
{
    m_modelNames.insert(modelArn, name);
    if (hasDeployment()) {
        showSummaryFields();
        showDetailFields();
    }
}

void DeploymentDetailPane::setModelNameLookup(ModelNameLookup lookup)
{
    m_modelNameLookup = std::move(lookup);
    if (hasDeployment()) {
        showSummaryFields();
        showDetailFields();
    }
}

void DeploymentDetailPane::setContextActions(const QList<QAction *> &actions)
{
    for (QAction *action : m_detailsPage->actions()) {
        m_detailsPage->removeAction(action);
    }
    m_detailsPage->addActions(actions);
    m_detailsPage->setContextMenuPolicy(actions.isEmpty() ? Qt::DefaultContextMenu : Qt::ActionsContextMenu);
}

bool DeploymentDetailPane::isLoading() const
{
    return m_loading;
}

QString DeploymentDetailPane::errorText() const
{
    return m_errorFrame->isHidden() ? QString() : m_errorLabel->text();
}

void DeploymentDetailPane::showDeployment(const DeploymentSummary &deployment)
{
    const bool sameDeployment = hasDeployment() && deployment.arn == m_summary.arn;
    cancelFetch();
    m_summary = deployment;
    if (!sameDeployment) {
        // What Get said about another deployment must not show under this one.
        m_detail = {};
        m_hasDetail = false;
        m_lastError = {};
        m_lastRequestId.clear();
    }
    m_stack->setCurrentIndex(DetailsPage);
    showSummaryFields();
    showDetailFields();
    showError();
    showRequestId();
    m_tags->setResourceArn(deployment.arn);
    fetch();
}

void DeploymentDetailPane::refresh()
{
    if (hasDeployment()) {
        cancelFetch();
        fetch();
        m_tags->reload();
    }
}

void DeploymentDetailPane::clear()
{
    cancelFetch();
    m_summary = {};
    m_detail = {};
    m_hasDetail = false;
    m_lastError = {};
    m_lastRequestId.clear();
    m_tags->setResourceArn({});
    m_stack->setCurrentIndex(EmptyPage);
}

void DeploymentDetailPane::fetch()
{
    if (!m_client) {
        return;
    }
    const QString identifier = m_summary.arn.isEmpty() ? m_summary.name : m_summary.arn;
    const quint64 generation = ++m_generation;
    setLoading(true);
    m_call = m_client->getDeployment(
        identifier, this, [this, generation](const DeploymentDetail &detail, const AwsError &error) {
            if (generation != m_generation) {
                return;   // a reply for an earlier selection or an earlier refresh
            }
            // The job is still alive while it reports (it deletes itself afterwards).
            const QString requestId = error.isError() ? error.requestId : (m_call ? m_call->requestId() : QString());
            onReply(detail, error, requestId);
        });
}

void DeploymentDetailPane::cancelFetch()
{
    ++m_generation;   // first, so a reply delivered from inside cancel() is dropped
    if (m_call) {
        m_call->cancel();
    }
    m_call = nullptr;
    setLoading(false);
}

void DeploymentDetailPane::onReply(const DeploymentDetail &detail, const AwsError &error, const QString &requestId)
{
    m_call = nullptr;
    setLoading(false);
    m_lastRequestId = requestId;
    m_lastError = error;
    if (!error.isError()) {
        m_detail = detail;
        m_hasDetail = true;
        m_summary = detail.summary;
        showSummaryFields();
        showDetailFields();
    }
    showError();
    showRequestId();
    if (error.isError()) {
        emit loadFailed(error);
    } else {
        emit detailLoaded(detail);
    }
}

void DeploymentDetailPane::setLoading(bool loading)
{
    if (m_loading == loading) {
        return;
    }
    m_loading = loading;
    m_loadingLabel->setVisible(loading);
    emit loadingChanged(loading);
}

QString DeploymentDetailPane::modelDisplayName(const QString &modelArn) const
{
    if (modelArn.isEmpty()) {
        return {};
    }
    QString name = m_modelNameLookup ? m_modelNameLookup(modelArn) : QString();
    if (name.isEmpty()) {
        name = m_modelNames.value(modelArn);
    }
    return name.isEmpty() ? bedrock::shortNameFromArn(modelArn) : name;
}

void DeploymentDetailPane::showSummaryFields()
{
    m_titleLabel->setText(m_summary.name.isEmpty() ? bedrock::shortNameFromArn(m_summary.arn) : m_summary.name);
    setValue(m_nameField, m_summary.name);
    setValue(m_statusField, m_summary.statusText);
    setValue(m_arnField, m_summary.arn);
    setValue(m_modelField, modelDisplayName(m_summary.modelArn), m_summary.modelArn);
    setValue(m_modelArnField, m_summary.modelArn);
    setValue(m_createdField, localTimeText(m_summary.createdAt), utcTimeText(m_summary.createdAt));
    setValue(m_lastUpdatedField, localTimeText(m_summary.lastUpdatedAt), utcTimeText(m_summary.lastUpdatedAt));
    setRowVisible(m_lastUpdatedField, m_summary.lastUpdatedAt.isValid());
    setValue(m_accountField, m_summary.accountId());
    setValue(m_regionField, m_summary.region());
    // The list already carries the failure message; Get repeats it.
    m_failureField->setPlainText(m_summary.failureMessage);
    setRowVisible(m_failureField, !m_summary.failureMessage.isEmpty());
    applyStatusColors();
}

void DeploymentDetailPane::showDetailFields()
{
    // Description and update details exist only in Get's reply.
    setRowVisible(m_descriptionField, m_hasDetail);
    if (m_detail.description.isEmpty()) {
        m_descriptionField->setText(tr("No description"));
        m_descriptionField->setForegroundRole(QPalette::PlaceholderText);
    } else {
        m_descriptionField->setText(m_detail.description);
        m_descriptionField->setForegroundRole(QPalette::WindowText);
    }
    m_descriptionField->setTextFormat(Qt::PlainText);
    const bool hasUpdate = m_hasDetail && m_detail.hasUpdateDetails;
    setRowVisible(m_updateStatusField, hasUpdate);
    setRowVisible(m_updateModelField, hasUpdate);
    if (hasUpdate) {
        const QString target = m_detail.updateDetails.modelArn;
        setValue(m_updateStatusField, m_detail.updateDetails.updateStatus);
        const QString targetText = target.isEmpty() ? QString() : modelDisplayName(target) + QStringLiteral(" \u2014 ") + target;
        setValue(m_updateModelField, targetText, target);
    }
    applyStatusColors();
}

void DeploymentDetailPane::showError()
{
    if (!m_lastError.isError()) {
        m_errorFrame->hide();
        m_errorLabel->clear();
        return;
    }
    QString text = m_lastError.userMessage();
    // userMessage() names the request id for service errors; make sure it is always there.
    if (!m_lastError.requestId.isEmpty() && !text.contains(m_lastError.requestId)) {
        text += QLatin1Char(' ') + tr("(request id %1)").arg(m_lastError.requestId);
    }
    m_errorLabel->setText(text);
    m_errorFrame->show();
}

void DeploymentDetailPane::showRequestId()
{
    setValue(m_requestIdField, m_lastRequestId);
    m_copyRequestIdButton->setEnabled(!m_lastRequestId.isEmpty());
    setRowVisible(m_requestIdRow, !m_lastRequestId.isEmpty());
}

void DeploymentDetailPane::applyStatusColors()
{
    const QPalette &current = palette();
    setTextColor(m_statusField, statusColor(m_summary.statusText, current));
    setTextColor(m_updateStatusField, statusColor(m_detail.updateDetails.updateStatus, current));
    setTextColor(m_errorLabel, errorColor(current));
    const int iconSize = style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, this);
    m_errorIcon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, this).pixmap(iconSize));
}

void DeploymentDetailPane::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange) {
        applyStatusColors();
    }
}

} // namespace outcrop::gui
