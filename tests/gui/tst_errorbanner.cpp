// SPDX-License-Identifier: Apache-2.0
#include "errorbanner.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QStyle>
#include <QTest>
#include <QToolButton>

#include <algorithm>
#include <cmath>

using outcrop::aws::AwsError;
using outcrop::gui::ErrorBanner;
using Kind = AwsError::Kind;

namespace {

AwsError serviceError(Kind kind, const QString &code, const QString &message, const QString &requestId,
                      const QString &operation = QStringLiteral("ListCustomModelDeployments"))
{
    AwsError error = AwsError::make(kind, message, operation);
    error.code = code;
    error.requestId = requestId;
    error.httpStatus = 400;
    return error;
}

AwsError accessDenied(const QString &requestId = QStringLiteral("req-1"))
{
    return serviceError(Kind::AccessDenied, QStringLiteral("AccessDeniedException"),
                        QStringLiteral("User is not authorized"), requestId);
}

AwsError throttled(const QString &requestId = QStringLiteral("req-t"))
{
    return serviceError(Kind::Throttling, QStringLiteral("ThrottlingException"), QStringLiteral("Rate exceeded"),
                        requestId);
}

AwsError offline()
{
    return AwsError::make(Kind::Network, QStringLiteral("Could not connect to bedrock.us-east-1.amazonaws.com: "
                                                         "Connection refused"),
                          QStringLiteral("ListCustomModelDeployments"));
}

// The relative luminance contrast of WCAG 2.
double contrast(const QColor &a, const QColor &b)
{
    auto luminance = [](const QColor &c) {
        auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
    };
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QPalette darkPalette()
{
    QPalette palette;
    palette.setColor(QPalette::Window, QColor(0x2a, 0x2e, 0x32));
    palette.setColor(QPalette::WindowText, QColor(0xfc, 0xfc, 0xfc));
    palette.setColor(QPalette::Base, QColor(0x1b, 0x1e, 0x20));
    palette.setColor(QPalette::Text, QColor(0xfc, 0xfc, 0xfc));
    palette.setColor(QPalette::Button, QColor(0x31, 0x36, 0x3b));
    palette.setColor(QPalette::ButtonText, QColor(0xfc, 0xfc, 0xfc));
    return palette;
}

} // namespace

class TestErrorBanner : public QObject
{
    Q_OBJECT

private:
    static QPushButton *button(ErrorBanner &banner, const char *name)
    {
        return banner.findChild<QPushButton *>(QLatin1String(name));
    }

private slots:
    void ssoSignInOffersTheCommandToCopy()
    {
        ErrorBanner banner;
        outcrop::aws::AwsError error = outcrop::aws::AwsError::make(outcrop::aws::AwsError::Kind::SsoLoginRequired,
                                                  QStringLiteral("The IAM Identity Center token of profile dev has expired."));
        error.remedyCommand = QStringLiteral("aws sso login --profile dev");
        banner.showError(error);
        auto *copy = banner.findChild<QPushButton *>(QStringLiteral("copyIamActionButton"));
        QVERIFY(copy && !copy->isHidden());
        QCOMPARE(copy->text(), QStringLiteral("Copy command"));
        copy->click();
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("aws sso login --profile dev"));
        QVERIFY(banner.findChild<QPushButton *>(QStringLiteral("retryButton")) == nullptr
                || !banner.findChild<QPushButton *>(QStringLiteral("retryButton"))->isHidden());
    }

    void hiddenUntilSomethingIsShown()
    {
        ErrorBanner banner;
        QVERIFY(banner.isHidden());
    }

    void accessDeniedNamesTheIamAction()
    {
        ErrorBanner banner;
        banner.showError(accessDenied());
        QVERIFY(!banner.isHidden());
        QCOMPARE(banner.level(), ErrorBanner::Level::Error);
        QVERIFY2(banner.plainText().startsWith(QStringLiteral("Missing IAM permission bedrock:ListCustomModelDeployments\n")),
                 qPrintable(banner.plainText()));
        // The text of userMessage(): what to do, the service's words and the request id.
        QVERIFY(banner.plainText().contains(QStringLiteral("Ask your AWS administrator")));
        QVERIFY(banner.plainText().contains(QStringLiteral("User is not authorized")));
        QVERIFY(banner.plainText().contains(QStringLiteral("req-1")));
        QCOMPARE(banner.iamAction(), QStringLiteral("bedrock:ListCustomModelDeployments"));
        QVERIFY(!button(banner, "copyIamActionButton")->isHidden());
        QVERIFY(!button(banner, "copyRequestIdButton")->isHidden());
        QVERIFY(button(banner, "retryButton")->isHidden());

        button(banner, "copyIamActionButton")->click();
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("bedrock:ListCustomModelDeployments"));
        QCOMPARE(button(banner, "copyIamActionButton")->text(), QStringLiteral("Copied"));
    }

    void copyRequestIdPutsItOnTheClipboard()
    {
        ErrorBanner banner;
        banner.showError(accessDenied(QStringLiteral("3f1c9a9e-2b1d-4c55-9e8f-1a2b3c4d5e6f")));
        button(banner, "copyRequestIdButton")->click();
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("3f1c9a9e-2b1d-4c55-9e8f-1a2b3c4d5e6f"));
    }

    void noRequestIdNoButton()
    {
        ErrorBanner banner;
        banner.showError(offline());
        QVERIFY(button(banner, "copyRequestIdButton")->isHidden());
        QVERIFY(button(banner, "copyIamActionButton")->isHidden());
    }

    void expiredTokenSaysHowToRefresh()
    {
        ErrorBanner banner;
        QSignalSpy retry(&banner, &ErrorBanner::retryRequested);
        banner.showError(serviceError(Kind::ExpiredToken, QStringLiteral("ExpiredTokenException"),
                                      QStringLiteral("The security token included in the request is expired"),
                                      QStringLiteral("req-e")));
        QCOMPARE(banner.level(), ErrorBanner::Level::Error);
        QVERIFY(banner.plainText().startsWith(QStringLiteral("Your AWS credentials have expired")));
        QVERIFY(banner.plainText().contains(QStringLiteral("aws sso login")));
        QVERIFY(button(banner, "copyIamActionButton")->isHidden());
        QVERIFY(!button(banner, "retryButton")->isHidden());
        button(banner, "retryButton")->click();
        QCOMPARE(retry.size(), 1);
    }

    void throttlingIsAWarningThatSaysItRetries()
    {
        ErrorBanner banner;
        banner.showError(throttled());
        QCOMPARE(banner.level(), ErrorBanner::Level::Warning);
        QVERIFY(banner.plainText().startsWith(QStringLiteral("AWS is throttling requests; retrying")));
        // Not "try again": Outcrop does that itself.
        QVERIFY(!banner.plainText().contains(QStringLiteral("try again")));
        QVERIFY(button(banner, "retryButton")->isHidden());
    }

    void offlineOffersRetry()
    {
        ErrorBanner banner;
        QSignalSpy retry(&banner, &ErrorBanner::retryRequested);
        banner.showError(offline());
        QCOMPARE(banner.level(), ErrorBanner::Level::Warning);
        QVERIFY(banner.plainText().startsWith(QStringLiteral("Offline, or AWS is unreachable\n")));
        QVERIFY(banner.plainText().contains(QStringLiteral("Connection refused")));
        button(banner, "retryButton")->click();
        QCOMPARE(retry.size(), 1);
    }

    void otherErrorsAreGeneric()
    {
        ErrorBanner banner;
        banner.showError(serviceError(Kind::Validation, QStringLiteral("ValidationException"),
                                      QStringLiteral("1 validation error"), QStringLiteral("req-v"),
                                      QStringLiteral("GetCustomModelDeployment")));
        QCOMPARE(banner.level(), ErrorBanner::Level::Error);
        QVERIFY(banner.plainText().startsWith(QStringLiteral("GetCustomModelDeployment failed\n")));
        QVERIFY(banner.plainText().contains(QStringLiteral("1 validation error")));
    }

    void cancelledIsNotShown()
    {
        ErrorBanner banner;
        banner.showError(AwsError::make(Kind::Cancelled, QStringLiteral("cancelled")));
        banner.showError(AwsError());
        QVERIFY(banner.isHidden());
    }

    void repeatedErrorCountsInsteadOfStacking()
    {
        ErrorBanner banner;
        banner.showError(throttled(QStringLiteral("req-1")));
        QCOMPARE(banner.repeatCount(), 1);
        QVERIFY(!banner.plainText().contains(QStringLiteral("×")));
        banner.showError(throttled(QStringLiteral("req-2")));
        banner.showError(throttled(QStringLiteral("req-3")));
        QCOMPARE(banner.repeatCount(), 3);
        QVERIFY2(banner.plainText().startsWith(QStringLiteral("AWS is throttling requests; retrying  ×3\n")),
                 qPrintable(banner.plainText()));
        QCOMPARE(banner.requestId(), QStringLiteral("req-3"));
        QCOMPARE(banner.findChild<QLabel *>(QStringLiteral("messageLabel"))->text().count(QStringLiteral("<b>")), 1);

        // Another error starts a new count.
        banner.showError(accessDenied());
        QCOMPARE(banner.repeatCount(), 1);
        banner.showError(accessDenied(QStringLiteral("req-9")));
        QCOMPARE(banner.repeatCount(), 2);
        QVERIFY(banner.plainText().contains(QStringLiteral("req-9")));
        // Closed, the count starts again.
        banner.findChild<QToolButton *>(QStringLiteral("closeButton"))->click();
        QVERIFY(banner.isHidden());
        banner.showError(accessDenied());
        QCOMPARE(banner.repeatCount(), 1);
    }

    void successHidesWhatItProvesOver()
    {
        ErrorBanner banner;
        banner.showError(throttled());
        banner.callSucceeded();
        QVERIFY(banner.isHidden());

        banner.showError(offline());
        banner.callSucceeded();
        QVERIFY(banner.isHidden());

        // A missing permission may concern another call: it stays until closed.
        banner.showError(accessDenied());
        banner.callSucceeded();
        QVERIFY(!banner.isHidden());
        banner.clearError();
        QVERIFY(banner.isHidden());
    }

    void showInfoHasNoErrorButtons()
    {
        ErrorBanner banner;
        banner.showError(accessDenied());
        banner.showInfo(QStringLiteral("Showing the demo data set."));
        QCOMPARE(banner.level(), ErrorBanner::Level::Information);
        QCOMPARE(banner.plainText(), QStringLiteral("Showing the demo data set."));
        QVERIFY(button(banner, "copyIamActionButton")->isHidden());
        QVERIFY(button(banner, "copyRequestIdButton")->isHidden());
        QVERIFY(button(banner, "retryButton")->isHidden());
        banner.callSucceeded();
        QVERIFY(!banner.isHidden());
    }

    void buttonsGoUnderTheTextWhenNarrow()
    {
        ErrorBanner banner;
        banner.showError(accessDenied());
        banner.resize(1000, 80);
        banner.show();
        QVERIFY(QTest::qWaitForWindowExposed(&banner));
        QLabel *label = banner.findChild<QLabel *>(QStringLiteral("messageLabel"));
        QPushButton *copy = button(banner, "copyRequestIdButton");
        QTRY_VERIFY(copy->mapTo(&banner, QPoint()).x() > label->geometry().right());

        banner.resize(500, 200);
        QTRY_VERIFY(copy->mapTo(&banner, QPoint()).y() > label->geometry().bottom());
        QVERIFY(copy->mapTo(&banner, QPoint()).x() < label->geometry().right());
    }

    void textIsEscaped()
    {
        ErrorBanner banner;
        banner.showError(AwsError::make(Kind::Network, QStringLiteral("<b>proxy</b> & co")));
        const QString rich = banner.findChild<QLabel *>(QStringLiteral("messageLabel"))->text();
        QVERIFY2(rich.contains(QStringLiteral("&lt;b&gt;proxy&lt;/b&gt; &amp; co")), qPrintable(rich));
    }

    void readableInLightAndDarkPalettes_data()
    {
        QTest::addColumn<QPalette>("palette");
        QTest::addColumn<AwsError>("error");
        const QPalette light = QApplication::style()->standardPalette();
        QTest::newRow("light error") << light << accessDenied();
        QTest::newRow("light warning") << light << throttled();
        QTest::newRow("dark error") << darkPalette() << accessDenied();
        QTest::newRow("dark warning") << darkPalette() << throttled();
    }
    void readableInLightAndDarkPalettes()
    {
        QFETCH(QPalette, palette);
        QFETCH(AwsError, error);
        ErrorBanner banner;
        banner.setPalette(palette);
        banner.showError(error);
        QVERIFY(banner.backgroundColor() != palette.color(QPalette::Window));  // tinted
        // WCAG AA for normal text.
        const double ratio = contrast(banner.backgroundColor(), palette.color(QPalette::WindowText));
        QVERIFY2(ratio >= 4.5, qPrintable(QString::number(ratio)));
    }
};

QTEST_MAIN(TestErrorBanner)
#include "tst_errorbanner.moc"
