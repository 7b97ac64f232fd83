// SPDX-License-Identifier: Apache-2.0
// The dashboard over several sources as the command line and View > Sources start it: each
// profile resolves its own region, credentials and endpoint (two profiles with their own
// endpoint_url reach two different simulators); a profile that does not resolve is a failed
// source, named, while the others are listed.
#include "dashboardconnection.h"
#include "deploymenttablemodel.h"
#include "errorbanner.h"
#include "mainwindow.h"
#include "connectionbar.h"
#include "simulatorset.h"

#include <QDir>
#include <QFile>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace outcrop;

class TestDashboardSources : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    std::unique_ptr<sim::SimulatorSet> m_simulators;

private slots:
    void initTestCase()
    {
        qputenv("HOME", m_home.path().toUtf8());
        qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
        for (const char *name : {"AWS_PROFILE", "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_ENDPOINT_URL",
                                 "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_CONFIG_FILE",
                                 "AWS_SHARED_CREDENTIALS_FILE"}) {
            qunsetenv(name);
        }
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("OutcropTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_dashboardsources"));
        sim::SimConfig base;
        base.count = 70;
        m_simulators = std::make_unique<sim::SimulatorSet>(
            base, QList<sim::SimSource>{{QStringLiteral("111111111111"), QStringLiteral("us-east-1")},
                                        {QStringLiteral("222222222222"), QStringLiteral("us-west-2")}});
        QVERIFY2(m_simulators->start(), qPrintable(m_simulators->errorString()));
        QVERIFY(QDir(m_home.path()).mkpath(QStringLiteral(".aws")));
        QFile config(m_home.filePath(QStringLiteral(".aws/config")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        for (int i = 0; i < 2; ++i) {
            config.write(QStringLiteral("[profile %1]\nregion = %2\nendpoint_url = %3\n\n")
                             .arg(i == 0 ? QStringLiteral("east") : QStringLiteral("west"),
                                  m_simulators->source(i).region, m_simulators->simulator(i)->serverUrl().toString())
                             .toUtf8());
        }
        config.close();
        QFile credentials(m_home.filePath(QStringLiteral(".aws/credentials")));
        QVERIFY(credentials.open(QIODevice::WriteOnly));
        for (const char *name : {"east", "west"}) {
            credentials.write(QByteArray("[") + name
                              + "]\naws_access_key_id = AKIDEXAMPLE\n"
                                "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY\n\n");
        }
    }

    void twoProfilesReachTwoServers()
    {
        gui::MainWindow window;
        app::DashboardConnection connection(&window, {}, nullptr);
        connection.setSources({QStringLiteral("east"), QStringLiteral("west")}, {});
        connection.connectWindow();
        window.show();
        gui::DeploymentTableModel *model = window.tableModel();
        QCOMPARE(window.sourceCount(), 2);
        model->loadAll();
        QTRY_COMPARE_WITH_TIMEOUT(model->loadedCount(), 140, 15000);
        QVERIFY(!window.tableView()->isColumnHidden(gui::DeploymentTableModel::AccountColumn));
        QSet<QString> accounts;
        for (int row = 0; row < model->rowCount(); ++row) {
            accounts.insert(model->index(row, gui::DeploymentTableModel::AccountColumn).data().toString());
            if (row > 0) {
                QVERIFY(model->deployment(row - 1).createdAt >= model->deployment(row).createdAt);
            }
        }
        QCOMPARE(accounts, QSet<QString>({QStringLiteral("111111111111"), QStringLiteral("222222222222")}));
        QCOMPARE(model->sourceLabel(0), QStringLiteral("east · us-east-1"));
        QCOMPARE(model->sourceLabel(1), QStringLiteral("west · us-west-2"));
    }

    // View > Sources asks for east and a profile the config files do not have: that source fails,
    // named, and east is listed.
    void aSourceThatFailsIsNamedWhileTheOtherLoads()
    {
        gui::MainWindow window;
        app::DashboardConnection connection(&window, {}, nullptr);
        connection.connectWindow();
        emit window.sourcesChangeRequested({QStringLiteral("east"), QStringLiteral("nowhere")}, {});
        window.show();
        QCOMPARE(window.sourceCount(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(window.tableModel()->loadedCount(), 70, 15000);
        QTRY_VERIFY(window.errorBanner()->plainText().contains(QStringLiteral("nowhere")));
        QVERIFY(window.tableModel()->sourceError(1).isError());
        // Back to one source through the tool bar's switchers: the columns go again.
        emit window.connectionChangeRequested(QStringLiteral("west"), QStringLiteral("us-west-2"));
        QCOMPARE(window.sourceCount(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(window.tableModel()->loadedCount(), 70, 15000);
        QVERIFY(window.tableView()->isColumnHidden(gui::DeploymentTableModel::AccountColumn));
    }
    // The last choice of several sources comes back at the next start, as one profile and region
    // does; a profile on the command line (or AWS_PROFILE) wins, and choosing one source in the
    // tool bar replaces it.
    void theLastSourcesComeBackAtStart()
    {
        QSettings().clear();
        {
            gui::MainWindow window;
            app::DashboardConnection connection(&window, {}, nullptr);
            connection.connectWindow();
            emit window.sourcesChangeRequested({QStringLiteral("east"), QStringLiteral("west")}, {});
            QCOMPARE(window.sourceCount(), 2);
        }
        {
            gui::MainWindow window;
            app::DashboardConnection connection(&window, {}, nullptr);
            connection.connectWindow();
            QCOMPARE(window.sourceCount(), 2);
            window.tableModel()->loadAll();
            QTRY_COMPARE_WITH_TIMEOUT(window.tableModel()->loadedCount(), 140, 15000);
            QCOMPARE(window.tableModel()->sourceLabel(1), QStringLiteral("west · us-west-2"));
        }
        {
            // --profile east: the command line names the source.
            gui::MainWindow window;
            aws::AwsClientOptions options;
            options.profile = QStringLiteral("east");
            app::DashboardConnection connection(&window, options, nullptr);
            connection.connectWindow();
            QCOMPARE(window.sourceCount(), 1);
            QTRY_COMPARE_WITH_TIMEOUT(window.tableModel()->loadedCount(), 70, 15000);
        }
        {
            // Several on the command line replace the remembered ones.
            gui::MainWindow window;
            app::DashboardConnection connection(&window, {}, nullptr);
            connection.setSources({QStringLiteral("west")}, {QStringLiteral("us-west-2"), QStringLiteral("eu-west-1")});
            connection.connectWindow();
            QCOMPARE(window.sourceCount(), 2);
            QCOMPARE(window.tableModel()->sourceLabel(1), QStringLiteral("west · eu-west-1"));
        }
        {
            qputenv("AWS_PROFILE", "west");
            gui::MainWindow window;
            app::DashboardConnection connection(&window, {}, nullptr);
            connection.connectWindow();
            qunsetenv("AWS_PROFILE");
            QCOMPARE(window.sourceCount(), 1);
        }
        {
            // One source chosen in the tool bar: that is what comes back.
            gui::MainWindow window;
            app::DashboardConnection connection(&window, {}, nullptr);
            connection.connectWindow();
            QCOMPARE(window.sourceCount(), 2);
            emit window.connectionChangeRequested(QStringLiteral("west"), QStringLiteral("us-west-2"));
            QCOMPARE(window.sourceCount(), 1);
        }
        {
            gui::MainWindow window;
            app::DashboardConnection connection(&window, {}, nullptr);
            connection.connectWindow();
            QCOMPARE(window.sourceCount(), 1);
            QTRY_COMPARE_WITH_TIMEOUT(window.tableModel()->loadedCount(), 70, 15000);
            QCOMPARE(window.connectionBar()->profile(), QStringLiteral("west"));
        }
    }
};

QTEST_MAIN(TestDashboardSources)
#include "tst_dashboardsources.moc"
