// SPDX-License-Identifier: Apache-2.0
#include "errorbanner.h"

#include <QAccessible>
#include <QClipboard>
#include <QEvent>
#include <QGuiApplication>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QResizeEvent>
#include <QStyle>
#include <QTimer>
#include <QToolButton>

namespace outcrop::gui {

using aws::AwsError;

namespace {

constexpr int iconSize = 22;
// Below this width the message gets too narrow to read beside the buttons, which then go under it.
constexpr int minimumTextWidth = 420;
constexpr int copiedFeedbackMs = 2000;
// How much of the level's colour tints the window background: enough to tell the levels apart,
// little enough that WindowText keeps its contrast in light and dark palettes.
constexpr qreal tintStrength = 0.2;

QColor blended(const QColor &base, const QColor &tint, qreal amount)
{
    return QColor::fromRgbF(base.redF() + (tint.redF() - base.redF()) * amount,
                            base.greenF() + (tint.greenF() - base.greenF()) * amount,
                            base.blueF() + (tint.blueF() - base.blueF()) * amount);
}

// Messages from the network layer and the service often lack the final full stop, which makes
// the sentence appended after them run on.
QString asSentence(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty() || trimmed.endsWith(QLatin1Char('.')) || trimmed.endsWith(QLatin1Char('!'))
        || trimmed.endsWith(QLatin1Char('?'))) {
        return trimmed;
    }
    return trimmed + QLatin1Char('.');
}

bool isOffline(AwsError::Kind kind)
{
    return kind == AwsError::Kind::Network || kind == AwsError::Kind::Timeout;
}

} // namespace

ErrorBanner::ErrorBanner(QWidget *parent)
    : QWidget(parent)
    , m_iconLabel(new QLabel(this))
    , m_textLabel(new QLabel(this))
    , m_copyIamActionButton(new QPushButton(tr("Copy IAM action"), this))
    , m_copyRequestIdButton(new QPushButton(tr("Copy request id"), this))
    , m_retryButton(new QPushButton(tr("Retry"), this))
    , m_closeButton(new QToolButton(this))
    , m_buttonBox(new QWidget(this))
    , m_layout(new QGridLayout(this))
    , m_copiedFeedbackTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("errorBanner"));
    m_textLabel->setObjectName(QStringLiteral("messageLabel"));
    m_copyIamActionButton->setObjectName(QStringLiteral("copyIamActionButton"));
    m_copyRequestIdButton->setObjectName(QStringLiteral("copyRequestIdButton"));
    m_retryButton->setObjectName(QStringLiteral("retryButton"));
    m_closeButton->setObjectName(QStringLiteral("closeButton"));

    m_iconLabel->setFixedSize(iconSize, iconSize);
    m_textLabel->setWordWrap(true);
    m_textLabel->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_textLabel->setTextFormat(Qt::RichText);
    // Selectable, so a message can be pasted into a support case even without the buttons.
    m_textLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_textLabel->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);

    m_copyIamActionButton->setToolTip(tr("Copy the IAM action your credentials lack, for your AWS administrator"));
    m_copyRequestIdButton->setToolTip(tr("Copy the AWS request id, for a support case"));
    m_closeButton->setAutoRaise(true);
    m_closeButton->setToolTip(tr("Close this message"));
    m_closeButton->setAccessibleName(tr("Close message"));

    auto *buttonLayout = new QHBoxLayout(m_buttonBox);
    buttonLayout->setContentsMargins(0, 0, 0, 0);
    buttonLayout->addWidget(m_copyIamActionButton);
    buttonLayout->addWidget(m_copyRequestIdButton);
    buttonLayout->addWidget(m_retryButton);

    m_layout->setContentsMargins(10, 6, 6, 6);
    m_layout->setHorizontalSpacing(8);
    m_layout->setVerticalSpacing(4);
    m_layout->addWidget(m_iconLabel, 0, 0, Qt::AlignTop);
    m_layout->addWidget(m_textLabel, 0, 1);
    m_layout->addWidget(m_closeButton, 0, 3, Qt::AlignTop);
    m_layout->setColumnStretch(1, 1);
    placeButtons();

    m_copiedFeedbackTimer->setSingleShot(true);
    m_copiedFeedbackTimer->setInterval(copiedFeedbackMs);
    connect(m_copiedFeedbackTimer, &QTimer::timeout, this, [this] {
        m_copyIamActionButton->setText(m_copyRemedyLabel);
        m_copyRequestIdButton->setText(tr("Copy request id"));
    });
    connect(m_copyIamActionButton, &QPushButton::clicked, this,
            [this] { copyToClipboard(m_copyIamActionButton, m_iamAction); });
    connect(m_copyRequestIdButton, &QPushButton::clicked, this,
            [this] { copyToClipboard(m_copyRequestIdButton, m_requestId); });
    connect(m_retryButton, &QPushButton::clicked, this, &ErrorBanner::retryRequested);
    connect(m_closeButton, &QToolButton::clicked, this, &ErrorBanner::clearError);

    updateIcon();
    hide();
}

QString ErrorBanner::identityOf(const AwsError &error)
{
    // Throttling and being offline are one condition whichever call ran into it.
    if (error.kind == AwsError::Kind::Throttling || isOffline(error.kind)) {
        return QString::number(static_cast<int>(error.kind));
    }
    return QString::number(static_cast<int>(error.kind)) + QLatin1Char('\n') + error.code + QLatin1Char('\n')
        + error.operation + QLatin1Char('\n') + error.message;
}

ErrorBanner::Content ErrorBanner::contentFor(const AwsError &error)
{
    Content content;
    // The request id goes last, after what to do (updateText), so it is left out here.
    AwsError withoutRequestId = error;
    withoutRequestId.requestId.clear();
    const QString userMessage = asSentence(withoutRequestId.userMessage());
    switch (error.kind) {
    case AwsError::Kind::AccessDenied:
        content.headline = error.operation.isEmpty()
            ? tr("Access denied")
            : tr("Missing IAM permission %1").arg(aws::iamActionFor(error.operation));
        content.details = userMessage;
        break;
    case AwsError::Kind::ExpiredToken:
        content.headline = tr("Your AWS credentials have expired");
        content.details = userMessage;
        content.offersRetry = true;
        content.hidesOnSuccess = true;
        break;
    case AwsError::Kind::SsoLoginRequired:
        content.headline = tr("Sign in to IAM Identity Center again");
        content.details = userMessage;
        content.offersRetry = true;
        content.hidesOnSuccess = true;
        break;
    case AwsError::Kind::Credentials:
        content.headline = tr("No usable AWS credentials");
        content.details = userMessage + QLatin1Char(' ')
            + tr("Check the profile, or sign in with 'aws sso login', then press Retry.");
        content.offersRetry = true;
        content.hidesOnSuccess = true;
        break;
    case AwsError::Kind::Throttling:
        content.level = Level::Warning;
        content.headline = tr("AWS is throttling requests; retrying");
        // Not userMessage(): it tells the user to try again, and Outcrop already does.
        content.details = tr("Outcrop waits and retries by itself. The rows shown stay as they are.");
        content.hidesOnSuccess = true;
        break;
    case AwsError::Kind::Network:
    case AwsError::Kind::Timeout:
        content.level = Level::Warning;
        content.headline = tr("Offline, or AWS is unreachable");
        content.details = (userMessage.isEmpty() ? QString() : userMessage + QLatin1Char(' '))
            + tr("Check the network connection, VPN or proxy, then press Retry. The rows shown are from the "
                 "last successful refresh.");
        content.offersRetry = true;
        content.hidesOnSuccess = true;
        break;
    case AwsError::Kind::InternalServer:
    case AwsError::Kind::ServiceUnavailable:
        content.level = Level::Warning;
        content.headline = tr("AWS had a temporary problem");
        content.details = userMessage;
        content.offersRetry = true;
        content.hidesOnSuccess = true;
        break;
    case AwsError::Kind::InvalidSignature:
    case AwsError::Kind::UnrecognizedClient:
        content.headline = tr("AWS did not accept the credentials");
        content.details = userMessage;
        content.offersRetry = true;
        break;
    default:
        content.headline = error.operation.isEmpty() ? tr("The request failed") : tr("%1 failed").arg(error.operation);
        content.details = userMessage;
        break;
    }
    return content;
}

void ErrorBanner::showError(const AwsError &error)
{
    showSourceError({}, error);
}

void ErrorBanner::showSourceError(const QString &source, const AwsError &error)
{
    // A cancelled call is the user's own doing, not something to report.
    if (!error.isError() || error.kind == AwsError::Kind::Cancelled) {
        return;
    }
    const auto contentWithSource = [&source](const AwsError &sourceError) {
        Content content = contentFor(sourceError);
        if (!source.isEmpty()) {
            //: A source (profile · region), then the headline of what went wrong there
            content.headline = tr("%1: %2", "source: headline").arg(source, content.headline);
        }
        return content;
    };
    const QString identity = source + QLatin1Char('\n') + identityOf(error);
    const bool repeated = !isHidden() && identity == m_errorIdentity;
    m_repeatCount = repeated ? m_repeatCount + 1 : 1;
    m_errorIdentity = identity;
    m_requestId = error.requestId;  // the latest: that is the one support can still find
    // The one thing to copy that fixes it: the IAM action to grant, or the sign-in command to run.
    if (error.kind == AwsError::Kind::AccessDenied) {
        m_iamAction = aws::iamActionFor(error.operation);
        m_copyRemedyLabel = tr("Copy IAM action");
    } else if (error.kind == AwsError::Kind::SsoLoginRequired) {
        m_iamAction = error.remedyCommand;
        m_copyRemedyLabel = tr("Copy command");
    } else {
        m_iamAction.clear();
    }
    if (repeated) {
        // Only the counter and the request id change: no hide and show, no new alert.
        const Content content = contentWithSource(error);
        m_details = content.details;
        m_copyRequestIdButton->setVisible(!m_requestId.isEmpty());
        m_buttonBox->setVisible(!m_iamAction.isEmpty() || !m_requestId.isEmpty() || !m_retryButton->isHidden());
        placeButtons();
        updateText();
        return;
    }
    present(contentWithSource(error));
}

void ErrorBanner::showInfo(const QString &text)
{
    m_errorIdentity.clear();
    m_repeatCount = 0;
    m_requestId.clear();
    m_iamAction.clear();
    Content content;
    content.level = Level::Information;
    content.headline = text;
    present(content);
}

void ErrorBanner::clearError()
{
    hide();
    m_errorIdentity.clear();
    m_repeatCount = 0;
}

void ErrorBanner::callSucceeded()
{
    if (!isHidden() && m_hidesOnSuccess) {
        clearError();
    }
}

void ErrorBanner::present(const Content &content)
{
    const bool levelChanged = content.level != m_level;
    m_level = content.level;
    m_headline = content.headline;
    m_details = content.details;
    m_hidesOnSuccess = content.hidesOnSuccess;
    m_copyIamActionButton->setVisible(!m_iamAction.isEmpty());
    m_copyRequestIdButton->setVisible(!m_requestId.isEmpty());
    m_retryButton->setVisible(content.offersRetry);
    m_copiedFeedbackTimer->stop();
    m_copyIamActionButton->setText(m_copyRemedyLabel);
    m_copyRequestIdButton->setText(tr("Copy request id"));
    m_buttonBox->setVisible(!m_iamAction.isEmpty() || !m_requestId.isEmpty() || content.offersRetry);
    placeButtons();
    if (levelChanged) {
        updateIcon();
    }
    updateText();
    show();
    update();
    // Read out by screen readers as it appears, as a message box would be.
    QAccessibleEvent alert(this, QAccessible::Alert);
    QAccessible::updateAccessibility(&alert);
}

void ErrorBanner::placeButtons()
{
    const int besideTextWidth = width() - m_buttonBox->sizeHint().width() - iconSize - m_closeButton->sizeHint().width()
        - 4 * m_layout->horizontalSpacing() - 16;
    const bool beside = besideTextWidth >= minimumTextWidth;
    if (m_layout->indexOf(m_buttonBox) >= 0 && beside == m_buttonsBesideText) {
        return;
    }
    m_buttonsBesideText = beside;
    m_layout->removeWidget(m_buttonBox);
    if (beside) {
        m_layout->addWidget(m_buttonBox, 0, 2, Qt::AlignVCenter);
    } else {
        m_layout->addWidget(m_buttonBox, 1, 1, Qt::AlignLeft);
    }
}

void ErrorBanner::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    placeButtons();
}

void ErrorBanner::updateText()
{
    QString headline = m_headline;
    if (m_repeatCount > 1) {
        //: How often the same error happened in a row, after the message's headline
        headline += QStringLiteral("  ") + tr("×%1").arg(m_repeatCount);
    }
    QString rich = QStringLiteral("<b>") + headline.toHtmlEscaped() + QStringLiteral("</b>");
    m_plainText = headline;
    if (!m_details.isEmpty() || !m_requestId.isEmpty()) {
        rich += QStringLiteral("<br>") + m_details.toHtmlEscaped();
        m_plainText += QLatin1Char('\n') + m_details;
    }
    if (!m_requestId.isEmpty()) {
        const QString separator = m_details.isEmpty() ? QString() : QStringLiteral(" ");
        // Kept on one line: a request id broken at its hyphens is hard to read out to support.
        rich += separator
            + tr("Request id: %1")
                  .arg(QStringLiteral("<span style=\"white-space:nowrap\">") + m_requestId.toHtmlEscaped()
                       + QStringLiteral("</span>"));
        m_plainText += separator + tr("Request id: %1").arg(m_requestId);
    }
    m_textLabel->setText(rich);
    switch (m_level) {
    case Level::Error:
        setAccessibleName(tr("Error"));
        break;
    case Level::Warning:
        setAccessibleName(tr("Warning"));
        break;
    case Level::Information:
        setAccessibleName(tr("Information"));
        break;
    }
    setAccessibleDescription(m_plainText);
}

void ErrorBanner::updateIcon()
{
    QString themeName;
    QStyle::StandardPixmap fallback = QStyle::SP_MessageBoxInformation;
    switch (m_level) {
    case Level::Error:
        themeName = QStringLiteral("dialog-error");
        fallback = QStyle::SP_MessageBoxCritical;
        break;
    case Level::Warning:
        themeName = QStringLiteral("dialog-warning");
        fallback = QStyle::SP_MessageBoxWarning;
        break;
    case Level::Information:
        themeName = QStringLiteral("dialog-information");
        fallback = QStyle::SP_MessageBoxInformation;
        break;
    }
    const QIcon icon = QIcon::fromTheme(themeName, style()->standardIcon(fallback, nullptr, this));
    m_iconLabel->setPixmap(icon.pixmap(iconSize, iconSize));
    // The styles' own close icons are tiny grey boxes that vanish on a dark tint: without an icon
    // theme, a cross drawn in the button's text colour reads on every palette.
    if (QIcon::hasThemeIcon(QStringLiteral("window-close"))) {
        m_closeButton->setIcon(QIcon::fromTheme(QStringLiteral("window-close")));
    } else {
        m_closeButton->setText(QString(QChar(0x2715)));  // ✕
    }
}

void ErrorBanner::copyToClipboard(QPushButton *button, const QString &text)
{
    QGuiApplication::clipboard()->setText(text);
    button->setText(tr("Copied"));
    m_copiedFeedbackTimer->start();
}

QColor ErrorBanner::accentColor() const
{
    // Breeze's negative, neutral and information colours: they read on light and dark windows.
    switch (m_level) {
    case Level::Error:
        return QColor(0xda, 0x44, 0x53);
    case Level::Warning:
        return QColor(0xf6, 0x74, 0x00);
    case Level::Information:
        break;
    }
    return QColor(0x3d, 0xae, 0xe9);
}

QColor ErrorBanner::backgroundColor() const
{
    return blended(palette().color(QPalette::Window), accentColor(), tintStrength);
}

QColor ErrorBanner::frameColor() const
{
    return accentColor();
}

void ErrorBanner::paintEvent(QPaintEvent *event)
{
    Q_UNUSED(event)
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(frameColor(), 1));
    painter.setBrush(backgroundColor());
    painter.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), 4, 4);
}

void ErrorBanner::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange) {
        updateIcon();
        update();
    }
    QWidget::changeEvent(event);
}

} // namespace outcrop::gui
