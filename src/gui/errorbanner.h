// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "aws/awserror.h"

#include <QColor>
#include <QString>
#include <QWidget>

class QGridLayout;
class QLabel;
class QPushButton;
class QTimer;
class QToolButton;

namespace outcrop::gui {

// An inline bar above the table (in the manner of KMessageWidget) that says what went wrong and
// what to do about it: the missing IAM action, expired credentials, throttling, offline. It
// replaces modal error boxes: the rows already shown stay, and a repeated error updates a counter
// ("×3") instead of stacking or flashing. Hidden until something is shown.
class ErrorBanner final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ErrorBanner)

public:
    enum class Level { Information, Warning, Error };
    Q_ENUM(Level)

    explicit ErrorBanner(QWidget *parent = nullptr);

    Level level() const { return m_level; }
    // The message as plain text (headline and details), as a screen reader gets it.
    QString plainText() const { return m_plainText; }
    // How often the error now shown has happened in a row.
    int repeatCount() const { return m_repeatCount; }
    QString requestId() const { return m_requestId; }
    QString iamAction() const { return m_iamAction; }

    // The tinted background and frame colours, from the palette (tests check contrast).
    QColor backgroundColor() const;
    QColor frameColor() const;

public slots:
    void showError(const outcrop::aws::AwsError &error);
    // The error of one source among several (profile, region): the headline names the source.
    void showSourceError(const QString &source, const outcrop::aws::AwsError &error);
    void showInfo(const QString &text);
    void clearError();
    // A later call succeeded: hides what that success proves over (throttling, offline, server
    // trouble, expired credentials), and leaves the rest (a missing permission may concern
    // another call).
    void callSucceeded();

signals:
    void retryRequested();

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    struct Content
    {
        Level level = Level::Error;
        QString headline;
        QString details;
        bool offersRetry = false;
        bool hidesOnSuccess = false;
    };
    static Content contentFor(const aws::AwsError &error);
    static QString identityOf(const aws::AwsError &error);

    void present(const Content &content);
    void updateText();
    // Beside the text when there is room, under it otherwise.
    void placeButtons();
    void updateIcon();
    void copyToClipboard(QPushButton *button, const QString &text);
    QColor accentColor() const;

    QLabel *m_iconLabel;
    QLabel *m_textLabel;
    QPushButton *m_copyIamActionButton;
    QPushButton *m_copyRequestIdButton;
    QPushButton *m_retryButton;
    QToolButton *m_closeButton;
    QWidget *m_buttonBox;
    QGridLayout *m_layout;
    bool m_buttonsBesideText = true;
    QTimer *m_copiedFeedbackTimer;

    Level m_level = Level::Information;
    QString m_headline;
    QString m_details;
    QString m_plainText;
    QString m_errorIdentity;   // what makes two errors "the same" for the counter
    int m_repeatCount = 0;
    QString m_requestId;
    QString m_iamAction;
    QString m_copyRemedyLabel = tr("Copy IAM action");
    bool m_hidesOnSuccess = false;
};

} // namespace outcrop::gui
