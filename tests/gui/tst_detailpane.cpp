// SPDX-License-Identifier: Apache-2.0
// The deployment detail pane against the in-process simulator: every field of a Failed and of an
// updating deployment, the request id, stale replies dropped, errors inline, the empty state, and
// status colours readable in light and dark palettes. Runs with TZ=Asia/Tokyo (see CMakeLists).
#include "clientharness.h"

#include "aws/utctime.h"
#include "deploymentactions.h"
#include "deploymentdetailpane.h"
#include "tageditor.h"

#include <QApplication>
#include <QClipboard>
#include <QDialog>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStyle>
#include <QStyleFactory>
#include <QTest>
#include <QToolButton>

#include <algorithm>

using namespace outcrop;
using outcrop::aws::AwsError;
using outcrop::aws::utcDateTime;
using outcrop::gui::DeploymentDetailPane;
using outcrop::testing::ClientHarness;

namespace {

const QString kPrefix = QStringLiteral("arn:aws:bedrock:us-east-1:123456789012:");
const QString kFailedArn = kPrefix + QStringLiteral("custom-model-deployment/fail00000001");
const QString kActiveArn = kPrefix + QStringLiteral("custom-model-deployment/actv00000002");
const QString kUpdateFailedArn = kPrefix + QStringLiteral("custom-model-deployment/updf00000003");
const QString kModelArn = kPrefix + QStringLiteral("custom-model/amazon.nova-micro-v1:0:128k/abcdefghijkl");
const QString kNewModelArn = kPrefix + QStringLiteral("custom-model/amazon.nova-micro-v1:0:128k/mnopqrstuvwx");
const QString kFailureMessage = QStringLiteral(
    "Deployment failed: the model artifacts could not be loaded.\n"
    "Cause: AccessDenied on s3://training-output/model.tar.gz\n"
    "  Check the service role's s3:GetObject permission and try again.");

sim::Deployment simDeployment(const QString &arn, const QString &name, const QString &status)
{
    sim::Deployment deployment;
    deployment.arn = arn;
    deployment.name = name;
    deployment.modelArn = kModelArn;
    deployment.status = status;
    deployment.createdAt = utcDateTime(QDate(2026, 1, 2), QTime(0, 0));
    deployment.lastUpdatedAt = utcDateTime(QDate(2026, 1, 2), QTime(0, 5, 30));
    return deployment;
}

sim::SimData testData()
{
    sim::SimData data;
    sim::Deployment failed = simDeployment(kFailedArn, QStringLiteral("support-bot-v3"), QStringLiteral("Failed"));
    failed.description = QStringLiteral("Support assistant, third attempt");
    failed.failureMessage = kFailureMessage;
    sim::Deployment active = simDeployment(kActiveArn, QStringLiteral("search-ranker"), QStringLiteral("Active"));
    sim::Deployment updateFailed =
        simDeployment(kUpdateFailedArn, QStringLiteral("summarizer"), QStringLiteral("Active"));
    updateFailed.updateModelArn = kNewModelArn;
    updateFailed.updateStatus = QStringLiteral("UpdateFailed");
    data.deployments = { failed, active, updateFailed };
    return data;
}

// What the list shows before Get: the summary fields only.
bedrock::DeploymentSummary summaryOf(const sim::Deployment &deployment)
{
    bedrock::DeploymentSummary summary;
    summary.arn = deployment.arn;
    summary.name = deployment.name;
    summary.modelArn = deployment.modelArn;
    summary.statusText = deployment.status;
    summary.status = bedrock::deploymentStatusFromText(deployment.status);
    summary.createdAt = deployment.createdAt;
    summary.lastUpdatedAt = deployment.lastUpdatedAt;
    summary.failureMessage = deployment.failureMessage;
    return summary;
}

struct PaneFixture
{
    PaneFixture()
        : harness(config())
    {
        harness.simulator.store().load(testData());
        pane.setClient(harness.client.get());
        pane.resize(460, 640);
    }

    static sim::SimConfig config()
    {
        sim::SimConfig config;
        config.count = 0;
        config.timings.updatingMs = 3600 * 1000;   // stays Updating for the whole test
        return config;
    }

    bedrock::DeploymentSummary summary(const QString &arn)
    {
        return summaryOf(harness.simulator.store().findDeployment(arn)->data);
    }

    // Shows a deployment and waits for its Get.
    bool showAndWait(const QString &arn)
    {
        QSignalSpy loaded(&pane, &DeploymentDetailPane::detailLoaded);
        QSignalSpy failed(&pane, &DeploymentDetailPane::loadFailed);
        pane.showDeployment(summary(arn));
        return QTest::qWaitFor([&] { return !loaded.isEmpty() || !failed.isEmpty(); }, 10000);
    }

    QLineEdit *field(const QString &accessibleName)
    {
        const QList<QLineEdit *> fields = pane.findChildren<QLineEdit *>();
        const auto found = std::find_if(fields.cbegin(), fields.cend(), [&](QLineEdit *candidate) {
            return candidate->accessibleName() == accessibleName;
        });
        if (found == fields.cend()) {
            qWarning("no field %s", qPrintable(accessibleName));
            return nullptr;
        }
        return *found;
    }

    QString text(const QString &accessibleName)
    {
        QLineEdit *lineEdit = field(accessibleName);
        return lineEdit && lineEdit->isVisibleTo(&pane) ? lineEdit->text() : QStringLiteral("<hidden>");
    }

    template<typename T>
    T *widget(const QString &accessibleName)
    {
        for (T *candidate : pane.findChildren<T *>()) {
            if (candidate->accessibleName() == accessibleName) {
                return candidate;
            }
        }
        return nullptr;
    }

    ClientHarness harness;
    DeploymentDetailPane pane;
};

double relativeLuminance(const QColor &color)
{
    const auto channel = [](double value) {
        return value <= 0.03928 ? value / 12.92 : std::pow((value + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF()) + 0.0722 * channel(color.blueF());
}

double contrastRatio(const QColor &a, const QColor &b)
{
    const double la = relativeLuminance(a);
    const double lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QPalette darkPalette()
{
    QPalette palette;
    const QColor window(0x2b, 0x2b, 0x2b);
    const QColor text(0xe6, 0xe6, 0xe6);
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    palette.setColor(QPalette::AlternateBase, QColor(0x33, 0x33, 0x33));
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, QColor(0x3a, 0x3a, 0x3a));
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::Highlight, QColor(0x2a, 0x82, 0xda));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::PlaceholderText, QColor(0xa0, 0xa0, 0xa0));
    palette.setColor(QPalette::ToolTipBase, window);
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::Light, QColor(0x50, 0x50, 0x50));
    palette.setColor(QPalette::Midlight, QColor(0x45, 0x45, 0x45));
    palette.setColor(QPalette::Mid, QColor(0x30, 0x30, 0x30));
    palette.setColor(QPalette::Dark, QColor(0x20, 0x20, 0x20));
    palette.setColor(QPalette::Shadow, Qt::black);
    return palette;
}

// With OUTCROP_SCREENSHOT_DIR set, saves what the pane looks like (for reviewing the layout).
void saveScreenshot(QWidget &widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("OUTCROP_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        QDir().mkpath(dir);
        QCoreApplication::processEvents();   // pending layout requests
        widget.grab().save(dir + QLatin1Char('/') + name + QLatin1String(".png"));
    }
}

bool anyDialogVisible()
{
    const QWidgetList windows = QApplication::topLevelWidgets();
    return std::any_of(windows.cbegin(), windows.cend(),
                       [](QWidget *window) { return window->isVisible() && qobject_cast<QDialog *>(window); });
}

} // namespace

class TestDetailPane : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    }

    void emptyStateUntilADeploymentIsShown()
    {
        PaneFixture fixture;
        fixture.pane.show();
        auto *stack = fixture.pane.findChild<QStackedWidget *>();
        auto *empty = qobject_cast<QLabel *>(stack->currentWidget());
        QVERIFY(empty);
        QCOMPARE(empty->text(), QStringLiteral("Select a deployment to see its details"));
        QVERIFY(!fixture.pane.hasDeployment());
        saveScreenshot(fixture.pane, QStringLiteral("empty-light"));

        QVERIFY(fixture.showAndWait(kActiveArn));
        QVERIFY(!qobject_cast<QLabel *>(stack->currentWidget()));
        fixture.pane.clear();
        QCOMPARE(stack->currentWidget(), empty);
        QVERIFY(!fixture.pane.isLoading());
        QVERIFY(fixture.pane.lastRequestId().isEmpty());
    }

    void failedDeploymentShowsEveryField()
    {
        PaneFixture fixture;
        fixture.pane.setModelName(kModelArn, QStringLiteral("nova-support-ft"));
        fixture.pane.show();
        QSignalSpy loading(&fixture.pane, &DeploymentDetailPane::loadingChanged);
        fixture.pane.showDeployment(fixture.summary(kFailedArn));
        // The summary fields at once, before Get answers.
        QVERIFY(fixture.pane.isLoading());
        QVERIFY(fixture.widget<QLabel>(QStringLiteral("Loading"))->isVisibleTo(&fixture.pane));
        QCOMPARE(fixture.text(QStringLiteral("Deployment ARN")), kFailedArn);
        QVERIFY(!fixture.widget<QLabel>(QStringLiteral("Description"))->isVisibleTo(&fixture.pane));
        QTRY_VERIFY(fixture.pane.hasDetail());
        QVERIFY(!fixture.pane.isLoading());
        QVERIFY(!fixture.widget<QLabel>(QStringLiteral("Loading"))->isVisibleTo(&fixture.pane));
        QCOMPARE(loading.size(), 2);

        QCOMPARE(fixture.text(QStringLiteral("Name")), QStringLiteral("support-bot-v3"));
        QCOMPARE(fixture.text(QStringLiteral("Status")), QStringLiteral("Failed"));
        QCOMPARE(fixture.text(QStringLiteral("Deployment ARN")), kFailedArn);
        QCOMPARE(fixture.widget<QLabel>(QStringLiteral("Description"))->text(),
                 QStringLiteral("Support assistant, third attempt"));
        QCOMPARE(fixture.text(QStringLiteral("Model name")), QStringLiteral("nova-support-ft"));
        QCOMPARE(fixture.text(QStringLiteral("Model ARN")), kModelArn);
        QCOMPARE(fixture.text(QStringLiteral("Account")), QStringLiteral("123456789012"));
        QCOMPARE(fixture.text(QStringLiteral("Region")), QStringLiteral("us-east-1"));
        QCOMPARE(fixture.text(QStringLiteral("Update status")), QStringLiteral("<hidden>"));

        // Local time (Asia/Tokyo, UTC+9) in the field, UTC in the tooltip.
        QLineEdit *created = fixture.field(QStringLiteral("Created"));
        QCOMPARE(created->text(), QLocale().toString(QDateTime(QDate(2026, 1, 2), QTime(9, 0)), QLocale::ShortFormat));
        QCOMPARE(created->toolTip(), QStringLiteral("2026-01-02 00:00:00 UTC"));
        QLineEdit *lastUpdated = fixture.field(QStringLiteral("Last updated"));
        QCOMPARE(lastUpdated->text(),
                 QLocale().toString(QDateTime(QDate(2026, 1, 2), QTime(9, 5, 30)), QLocale::ShortFormat));
        QCOMPARE(lastUpdated->toolTip(), QStringLiteral("2026-01-02 00:05:30 UTC"));

        // The whole failure message, line breaks kept, read-only and wrapped.
        auto *failure = fixture.widget<QPlainTextEdit>(QStringLiteral("Failure message"));
        QVERIFY(failure->isVisibleTo(&fixture.pane));
        QCOMPARE(failure->toPlainText(), kFailureMessage);
        QVERIFY(failure->isReadOnly());
        QCOMPARE(failure->lineWrapMode(), QPlainTextEdit::WidgetWidth);

        // The request id of the Get, and its copy button.
        const QString requestId = fixture.pane.lastRequestId();
        QVERIFY2(QRegularExpression(QStringLiteral("^[0-9a-f-]{36}$")).match(requestId).hasMatch(),
                 qPrintable(requestId));
        QCOMPARE(fixture.text(QStringLiteral("Request id of the last call")), requestId);
        QApplication::clipboard()->clear();
        fixture.widget<QToolButton>(QStringLiteral("Copy request id"))->click();
        QCOMPARE(QApplication::clipboard()->text(), requestId);
        QVERIFY(fixture.pane.errorText().isEmpty());
        saveScreenshot(fixture.pane, QStringLiteral("failed-light"));
    }

    void everyValueIsSelectableAndLabelled()
    {
        PaneFixture fixture;
        QVERIFY(fixture.showAndWait(kFailedArn));
        const QList<QLineEdit *> fields = fixture.pane.findChildren<QLineEdit *>();
        QVERIFY(fields.size() >= 12);
        for (QLineEdit *field : fields) {
            QVERIFY(!field->accessibleName().isEmpty());
            // The tag editor's key and value are the pane's only inputs (tst_tageditor).
            if (!fixture.pane.tagEditor()->isAncestorOf(field)) {
                QVERIFY2(field->isReadOnly(), qPrintable(field->accessibleName()));
            }
        }
        // Every field has a label pointing at it.
        for (QLabel *label : fixture.pane.findChildren<QLabel *>()) {
            if (label->text().endsWith(QLatin1Char(':'))) {
                QVERIFY2(label->buddy(), qPrintable(label->text()));
            }
        }
    }

    void updatingDeploymentShowsTheTargetModel()
    {
        PaneFixture fixture;
        fixture.pane.setModelNameLookup([](const QString &arn) {
            return arn == kNewModelArn ? QStringLiteral("nova-ranker-v2") : QString();
        });
        fixture.harness.simulator.store().beginUpdate(kActiveArn, kNewModelArn);
        fixture.pane.show();
        QVERIFY(fixture.showAndWait(kActiveArn));
        QCOMPARE(fixture.text(QStringLiteral("Update status")), QStringLiteral("Updating"));
        QCOMPARE(fixture.text(QStringLiteral("Update target model ARN")),
                 QStringLiteral("nova-ranker-v2 \u2014 ") + kNewModelArn);
        QCOMPARE(fixture.field(QStringLiteral("Update target model ARN"))->toolTip(), kNewModelArn);
        // The model being served is still the old one until the update completes.
        QCOMPARE(fixture.text(QStringLiteral("Model ARN")), kModelArn);
        QCOMPARE(fixture.text(QStringLiteral("Model name")), QStringLiteral("abcdefghijkl"));
        QCOMPARE(fixture.widget<QLabel>(QStringLiteral("Description"))->text(), QStringLiteral("No description"));
        QVERIFY(!fixture.widget<QPlainTextEdit>(QStringLiteral("Failure message"))->isVisibleTo(&fixture.pane));
        saveScreenshot(fixture.pane, QStringLiteral("updating-light"));

        QVERIFY(fixture.showAndWait(kUpdateFailedArn));
        QCOMPARE(fixture.text(QStringLiteral("Update status")), QStringLiteral("UpdateFailed"));
        QCOMPARE(fixture.field(QStringLiteral("Update target model ARN"))->toolTip(), kNewModelArn);
    }

    void refreshFetchesAgain()
    {
        PaneFixture fixture;
        QVERIFY(fixture.showAndWait(kActiveArn));
        QCOMPARE(fixture.text(QStringLiteral("Update status")), QStringLiteral("<hidden>"));
        const QString firstRequestId = fixture.pane.lastRequestId();
        fixture.harness.simulator.store().beginUpdate(kActiveArn, kNewModelArn);
        QSignalSpy loaded(&fixture.pane, &DeploymentDetailPane::detailLoaded);
        fixture.pane.refresh();
        QTRY_COMPARE(loaded.size(), 1);
        QCOMPARE(fixture.text(QStringLiteral("Update status")), QStringLiteral("Updating"));
        QVERIFY(fixture.pane.lastRequestId() != firstRequestId);
    }

    void slowReplyForAnEarlierSelectionIsIgnored()
    {
        PaneFixture fixture;
        sim::Simulator &simulator = fixture.harness.simulator;
        QSignalSpy loaded(&fixture.pane, &DeploymentDetailPane::detailLoaded);
        sim::FaultSettings slow;
        slow.latencyMs = 1500;
        simulator.faults().setSettings(slow);
        const quint64 before = simulator.requestsReceived();
        fixture.pane.showDeployment(fixture.summary(kFailedArn));
        // Once the server holds the slow requests (the Get and the tags' ListTagsForResource),
        // the next ones are answered at once.
        QTRY_COMPARE(simulator.requestsReceived(), before + 2);
        simulator.faults().setSettings(sim::FaultSettings());
        fixture.pane.showDeployment(fixture.summary(kActiveArn));
        QTRY_COMPARE(loaded.size(), 1);
        QCOMPARE(loaded.first().first().value<bedrock::DeploymentDetail>().summary.arn, kActiveArn);
        // Past the time the first reply would have come, nothing changed.
        QTest::qWait(2000);
        QCOMPARE(loaded.size(), 1);
        QCOMPARE(fixture.pane.summary().arn, kActiveArn);
        QCOMPARE(fixture.text(QStringLiteral("Name")), QStringLiteral("search-ranker"));
        QVERIFY(!fixture.widget<QPlainTextEdit>(QStringLiteral("Failure message"))->isVisibleTo(&fixture.pane));
        QVERIFY(fixture.pane.errorText().isEmpty());
    }

    void errorIsShownInlineWithTheRequestId()
    {
        PaneFixture fixture;
        QVERIFY(fixture.harness.simulator.faults()
                    .forceError({ QStringLiteral("GetCustomModelDeployment"),
                                  QStringLiteral("ResourceNotFoundException"), 1, QStringLiteral("gone") })
                    .isEmpty());
        fixture.pane.show();
        QSignalSpy failed(&fixture.pane, &DeploymentDetailPane::loadFailed);
        QVERIFY(fixture.showAndWait(kFailedArn));
        QCOMPARE(failed.size(), 1);
        const AwsError error = failed.first().first().value<AwsError>();
        QCOMPARE(error.kind, AwsError::Kind::ResourceNotFound);
        QVERIFY(!error.requestId.isEmpty());
        QVERIFY(fixture.pane.errorText().contains(error.userMessage()));
        QVERIFY(fixture.pane.errorText().contains(error.requestId));
        QVERIFY(fixture.widget<QLabel>(QStringLiteral("Error message"))->isVisibleTo(&fixture.pane));
        QCOMPARE(fixture.pane.lastRequestId(), error.requestId);
        QCOMPARE(fixture.text(QStringLiteral("Request id of the last call")), error.requestId);
        // The summary stays readable, and nothing pops up.
        QCOMPARE(fixture.text(QStringLiteral("Deployment ARN")), kFailedArn);
        QCOMPARE(fixture.widget<QPlainTextEdit>(QStringLiteral("Failure message"))->toPlainText(), kFailureMessage);
        QVERIFY(!anyDialogVisible());
        saveScreenshot(fixture.pane, QStringLiteral("error-light"));

        // The next successful fetch takes the error away.
        QSignalSpy loaded(&fixture.pane, &DeploymentDetailPane::detailLoaded);
        fixture.pane.refresh();
        QTRY_COMPARE(loaded.size(), 1);
        QVERIFY(fixture.pane.errorText().isEmpty());
        QVERIFY(!fixture.widget<QLabel>(QStringLiteral("Error message"))->isVisibleTo(&fixture.pane));
    }

    void detailOfOneDeploymentNeverShowsUnderAnother()
    {
        PaneFixture fixture;
        QVERIFY(fixture.showAndWait(kUpdateFailedArn));
        QVERIFY(fixture.pane.hasDetail());
        fixture.pane.setClient(nullptr);   // no Get: only the summary is known
        fixture.pane.showDeployment(fixture.summary(kActiveArn));
        QVERIFY(!fixture.pane.hasDetail());
        QVERIFY(!fixture.pane.isLoading());
        QCOMPARE(fixture.text(QStringLiteral("Update status")), QStringLiteral("<hidden>"));
        QCOMPARE(fixture.text(QStringLiteral("Request id of the last call")), QStringLiteral("<hidden>"));
    }

    void contextMenuOffersTheDeploymentActions()
    {
        PaneFixture fixture;
        gui::DeploymentActions actions;
        fixture.pane.setContextActions(actions.actions());
        QVERIFY(fixture.showAndWait(kFailedArn));
        auto *stack = fixture.pane.findChild<QStackedWidget *>();
        QWidget *details = stack->currentWidget();
        QCOMPARE(details->contextMenuPolicy(), Qt::ActionsContextMenu);
        QCOMPARE(details->actions(), actions.actions());
        fixture.pane.setContextActions({});
        QVERIFY(details->actions().isEmpty());
    }

    void readableInLightAndDarkPalettes_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::newRow("light") << false;
        QTest::newRow("dark") << true;
    }

    void readableInLightAndDarkPalettes()
    {
        QFETCH(bool, dark);
        const QString suffix = dark ? QStringLiteral("dark") : QStringLiteral("light");
        PaneFixture fixture;
        fixture.pane.setPalette(dark ? darkPalette() : QApplication::style()->standardPalette());
        fixture.pane.show();
        saveScreenshot(fixture.pane, QStringLiteral("empty-") + suffix);
        const QColor window = fixture.pane.palette().color(QPalette::Window);
        const auto checkContrast = [&](QWidget *widget, QPalette::ColorRole role) {
            const double ratio = contrastRatio(widget->palette().color(role), window);
            QVERIFY2(ratio >= 4.5, qPrintable(QStringLiteral("%1: %2").arg(widget->accessibleName()).arg(ratio)));
        };

        QVERIFY(fixture.showAndWait(kFailedArn));
        checkContrast(fixture.field(QStringLiteral("Status")), QPalette::Text);
        checkContrast(fixture.field(QStringLiteral("Name")), QPalette::Text);
        saveScreenshot(fixture.pane, QStringLiteral("failed-") + suffix);

        fixture.harness.simulator.store().beginUpdate(kActiveArn, kNewModelArn);
        QVERIFY(fixture.showAndWait(kActiveArn));
        checkContrast(fixture.field(QStringLiteral("Status")), QPalette::Text);
        checkContrast(fixture.field(QStringLiteral("Update status")), QPalette::Text);
        // Every shown value gets the height of its text (a layout bug once squeezed one to nothing).
        QCoreApplication::processEvents();
        for (QLineEdit *field : fixture.pane.findChildren<QLineEdit *>()) {
            if (field->isVisibleTo(&fixture.pane)) {
                QVERIFY2(field->height() >= field->fontMetrics().height(), qPrintable(field->accessibleName()));
            }
        }
        saveScreenshot(fixture.pane, QStringLiteral("updating-") + suffix);

        QVERIFY(fixture.harness.simulator.faults()
                    .forceError({ QStringLiteral("GetCustomModelDeployment"),
                                  QStringLiteral("ResourceNotFoundException"), 1, {} })
                    .isEmpty());
        QVERIFY(fixture.showAndWait(kUpdateFailedArn));
        checkContrast(fixture.widget<QLabel>(QStringLiteral("Error message")), QPalette::WindowText);
        saveScreenshot(fixture.pane, QStringLiteral("error-") + suffix);

        // Switching the palette while shown recolours the status.
        QVERIFY(fixture.showAndWait(kActiveArn));
        fixture.pane.setPalette(dark ? QApplication::style()->standardPalette() : darkPalette());
        const QColor flippedWindow = fixture.pane.palette().color(QPalette::Window);
        const double ratio =
            contrastRatio(fixture.field(QStringLiteral("Status"))->palette().color(QPalette::Text), flippedWindow);
        QVERIFY2(ratio >= 4.5, qPrintable(QString::number(ratio)));
    }
};

QTEST_MAIN(TestDetailPane)
#include "tst_detailpane.moc"
