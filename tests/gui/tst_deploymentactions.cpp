// SPDX-License-Identifier: Apache-2.0
// The per-deployment actions: what each copy action puts on the clipboard, when they are enabled,
// Ctrl+C, and which URL "Open in AWS console" hands to the desktop.
#include "deploymentactions.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QLineEdit>
#include <QMenu>
#include <QSignalSpy>
#include <QTest>
#include <QVBoxLayout>

using namespace outcrop;
using outcrop::gui::DeploymentActions;

namespace {

bedrock::DeploymentSummary deploymentIn(const QString &region)
{
    bedrock::DeploymentSummary deployment;
    const QString partition = region.startsWith(QLatin1String("cn-")) ? QStringLiteral("aws-cn")
        : region.startsWith(QLatin1String("us-gov-"))                  ? QStringLiteral("aws-us-gov")
                                                                        : QStringLiteral("aws");
    deployment.arn = QStringLiteral("arn:%1:bedrock:%2:123456789012:custom-model-deployment/abcdef123456")
                         .arg(partition, region);
    deployment.name = QStringLiteral("support-bot");
    deployment.modelArn = QStringLiteral("arn:%1:bedrock:%2:123456789012:custom-model/amazon.nova-micro-v1:0:128k/"
                                         "abcdefghijkl")
                              .arg(partition, region);
    deployment.statusText = QStringLiteral("Active");
    deployment.status = bedrock::DeploymentStatus::Active;
    return deployment;
}

QString clipboardText()
{
    return QApplication::clipboard()->text();
}

} // namespace

class TestDeploymentActions : public QObject
{
    Q_OBJECT

public:
    // The https handler registered with QDesktopServices, so no browser starts.
    Q_INVOKABLE void openUrl(const QUrl &url) { m_openedUrls.append(url); }

private slots:
    void init()
    {
        m_openedUrls.clear();
        QApplication::clipboard()->setText(QStringLiteral("before"));
    }

    void disabledWithoutDeployment()
    {
        DeploymentActions actions;
        for (QAction *action : actions.actions()) {
            if (action != actions.copyListCommandAction()) {
                QVERIFY2(!action->isEnabled(), qPrintable(action->text()));
            }
        }
        QVERIFY(actions.copyListCommandAction()->isEnabled());
        actions.setDeployment(deploymentIn(QStringLiteral("us-east-1")));
        for (QAction *action : actions.actions()) {
            QVERIFY2(action->isEnabled(), qPrintable(action->text()));
        }
        actions.clearDeployment();
        QVERIFY(!actions.copyArnAction()->isEnabled());
        // Triggered anyway (a stale menu), nothing is copied.
        QSignalSpy messages(&actions, &DeploymentActions::statusMessage);
        actions.copyArnAction()->setEnabled(true);
        actions.copyArnAction()->trigger();
        QCOMPARE(clipboardText(), QStringLiteral("before"));
        QCOMPARE(messages.size(), 1);
    }

    void everyCopyActionFillsTheClipboard()
    {
        DeploymentActions actions;
        const bedrock::DeploymentSummary deployment = deploymentIn(QStringLiteral("us-west-2"));
        actions.setDeployment(deployment);
        bedrock::CliOptions options;
        options.region = QStringLiteral("eu-west-1");   // the connection's; the deployment's own wins
        options.profile = QStringLiteral("prod");
        actions.setCliOptions(options);
        bedrock::DeploymentQuery query;
        query.statusEquals = QStringLiteral("active");
        actions.setQuery(query);
        QSignalSpy messages(&actions, &DeploymentActions::statusMessage);

        actions.copyNameAction()->trigger();
        QCOMPARE(clipboardText(), QStringLiteral("support-bot"));
        actions.copyArnAction()->trigger();
        QCOMPARE(clipboardText(), deployment.arn);
        actions.copyModelArnAction()->trigger();
        QCOMPARE(clipboardText(), deployment.modelArn);
        actions.copyCliCommandAction()->trigger();
        QCOMPARE(clipboardText(),
                 QStringLiteral("aws bedrock get-custom-model-deployment --custom-model-deployment-identifier ")
                     + deployment.arn + QStringLiteral(" --region us-west-2 --profile prod"));
        actions.copyListCommandAction()->trigger();
        QCOMPARE(clipboardText(), QStringLiteral("aws bedrock list-custom-model-deployments --status-equals Active "
                                                 "--region eu-west-1 --profile prod"));
        actions.copyInvokeSnippetAction()->trigger();
        QCOMPARE(clipboardText(),
                 QStringLiteral("aws bedrock-runtime converse --model-id ") + deployment.arn
                     + QStringLiteral(" --region us-west-2 --profile prod --messages "
                                      "'[{\"role\":\"user\",\"content\":[{\"text\":\"Hello\"}]}]'"));
        QCOMPARE(messages.size(), 6);
    }

    void openInConsole_data()
    {
        // The URL strings per partition are tst_deploymentcommands' business; here the action
        // must hand the deployment's region's URL to the desktop.
        QTest::addColumn<QString>("region");
        QTest::newRow("aws") << QStringLiteral("us-east-1");
        QTest::newRow("aws-cn") << QStringLiteral("cn-north-1");
        QTest::newRow("aws-us-gov") << QStringLiteral("us-gov-west-1");
    }

    void openInConsole()
    {
        QFETCH(QString, region);
        QDesktopServices::setUrlHandler(QStringLiteral("https"), this, "openUrl");
        DeploymentActions actions;
        actions.setCliOptions({ QStringLiteral("eu-west-1"), {}, {} });   // the deployment's region wins
        actions.setDeployment(deploymentIn(region));
        QVERIFY(actions.openConsoleAction()->isEnabled());
        actions.openConsoleAction()->trigger();
        QDesktopServices::unsetUrlHandler(QStringLiteral("https"));
        QCOMPARE(m_openedUrls, QList<QUrl>({ bedrock::bedrockConsoleUrl(region) }));
        QVERIFY(m_openedUrls.first().host().startsWith(QLatin1String("console.")));
    }

    void noConsoleForIsoPartition()
    {
        DeploymentActions actions;
        bedrock::DeploymentSummary deployment = deploymentIn(QStringLiteral("us-east-1"));
        deployment.arn = QStringLiteral("arn:aws-iso:bedrock:us-iso-east-1:123456789012:custom-model-deployment/x");
        actions.setDeployment(deployment);
        QVERIFY(!actions.openConsoleAction()->isEnabled());
        QVERIFY(actions.openConsoleAction()->toolTip().contains(QLatin1String("us-iso-east-1")));
    }

    void menuHasEveryActionInGroups()
    {
        DeploymentActions actions;
        QMenu menu;
        actions.addTo(&menu);
        QList<QAction *> withoutSeparators;
        int separators = 0;
        for (QAction *action : menu.actions()) {
            if (action->isSeparator()) {
                ++separators;
            } else {
                withoutSeparators.append(action);
            }
        }
        QCOMPARE(withoutSeparators, actions.actions());
        QCOMPARE(separators, 2);
    }

    void ctrlCCopiesTheArnButNotFromATextField()
    {
        QWidget window;
        auto *layout = new QVBoxLayout(&window);
        auto *field = new QLineEdit(QStringLiteral("selected text"));
        auto *other = new QWidget;
        other->setFocusPolicy(Qt::StrongFocus);
        layout->addWidget(field);
        layout->addWidget(other);
        DeploymentActions actions;
        window.addActions(actions.actions());
        const bedrock::DeploymentSummary deployment = deploymentIn(QStringLiteral("us-east-1"));
        actions.setDeployment(deployment);
        QCOMPARE(actions.copyArnAction()->shortcut(), QKeySequence(QKeySequence::Copy));
        window.show();
        QApplication::setActiveWindow(&window);
        QVERIFY(QTest::qWaitForWindowActive(&window));

        other->setFocus();
        QTest::keyClick(other, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(clipboardText(), deployment.arn);

        // A text field with a selection keeps its own Ctrl+C.
        field->setFocus();
        field->selectAll();
        QTest::keyClick(field, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(clipboardText(), QStringLiteral("selected text"));
    }

private:
    QList<QUrl> m_openedUrls;
};

QTEST_MAIN(TestDeploymentActions)
#include "tst_deploymentactions.moc"
