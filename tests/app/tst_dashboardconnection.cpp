// SPDX-License-Identifier: Apache-2.0
// The dashboard connecting as a user would: an app profile from the real keyring, a role with
// MFA answered in the (non-modal) prompt, the account in the title; then a whole session
// (sign in, refresh, export, quit) after which no file under HOME and no log line holds a secret.
#include "appprofiles.h"
#include "aws/ssotokencache.h"
#include "dashboardconnection.h"
#include "errorbanner.h"
#include "deploymenttablemodel.h"
#include "exportdialog.h"
#include "keychainstore.h"
#include "liverefresh.h"
#include "mainwindow.h"
#include "simulator.h"

#include <QAbstractButton>
#include <QDirIterator>
#include <QInputDialog>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace outcrop;

namespace {

const QString kAppSecret = QStringLiteral("AppProfileSecretValueDoNotLeak1234567890");
const QString kSourceSecret = QStringLiteral("SourceProfileSecretDoNotLeak0987654321");
QStringList g_logLines;

void captureMessages(QtMsgType, const QMessageLogContext &, const QString &message)
{
    g_logLines.append(message);
}

bool writeText(const QString &path, const QByteArray &text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text) == text.size();
}

} // namespace

class TestDashboardConnection : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    std::unique_ptr<sim::Simulator> m_simulator;

private slots:
    void initTestCase()
    {
        // Everything this test writes (settings, keyring-free files, the CSV) lands in its HOME.
        qputenv("HOME", m_home.path().toUtf8());
        qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
        qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toUtf8());
        for (const char *name : { "AWS_PROFILE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_REGION",
                                  "AWS_BEARER_TOKEN_BEDROCK", "AWS_CA_BUNDLE" }) {
            qunsetenv(name);
        }
        QCoreApplication::setOrganizationName(QStringLiteral("OutcropTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_dashboardconnection"));

        sim::SimConfig config;
        config.count = 30;
        sim::SimCredential source = sim::SimConfig::documentationCredential();
        source.accessKeyId = QStringLiteral("AKIDSOURCEPROFILE");
        source.secretAccessKey = kSourceSecret;
        sim::SimCredential app = sim::SimConfig::documentationCredential();
        app.accessKeyId = QStringLiteral("AKIDAPPPROFILEKEY");
        app.secretAccessKey = kAppSecret;
        config.credentials = { source, app };
        sim::SimRole role;
        role.arn = QStringLiteral("arn:aws:iam::123456789012:role/viewer");
        role.mfaSerial = QStringLiteral("arn:aws:iam::123456789012:mfa/alice");
        role.mfaCode = QStringLiteral("314159");
        config.roles = { role };
        // IAM Identity Center whose role credentials live two minutes: always inside the chain's
        // five-minute refresh margin, so every call that needs credentials fetches new ones.
        config.sso.roles = { sim::SimSsoRole { QStringLiteral("111122223333"), QStringLiteral("Dev") } };
        config.sso.accessTokens = { sim::SimSsoAccessToken { QStringLiteral("SsoAccessTokenDoNotLeak"), {} } };
        config.sso.roleCredentialSeconds = 120;
        m_simulator = std::make_unique<sim::Simulator>(config);
        QVERIFY2(m_simulator->start(), qPrintable(m_simulator->errorString()));
        const QByteArray url = m_simulator->serverUrl().toString().toUtf8();
        qputenv("AWS_ENDPOINT_URL_BEDROCK", url);
        qputenv("AWS_ENDPOINT_URL_STS", url);
        qputenv("AWS_ENDPOINT_URL_SSO", url);
        qputenv("AWS_ENDPOINT_URL_SSO_OIDC", url);

        QDir(m_home.path()).mkpath(QStringLiteral(".aws"));
        QVERIFY(writeText(m_home.filePath(QStringLiteral(".aws/config")),
                          "[profile source]\nregion = us-east-1\n"
                          "[profile viewer]\nregion = us-east-1\nsource_profile = source\n"
                          "role_arn = arn:aws:iam::123456789012:role/viewer\n"
                          "mfa_serial = arn:aws:iam::123456789012:mfa/alice\n"
                          "[profile sso-dev]\nregion = us-east-1\nsso_session = corp\nsso_account_id = 111122223333\n"
                          "sso_role_name = Dev\n[sso-session corp]\nsso_start_url = https://d-abc123.awsapps.com/start\n"
                          "sso_region = us-east-1\n"));
        QDir(m_home.path()).mkpath(QStringLiteral(".aws/sso/cache"));
        const QJsonObject token { { QStringLiteral("startUrl"), QStringLiteral("https://d-abc123.awsapps.com/start") },
                                  { QStringLiteral("region"), QStringLiteral("us-east-1") },
                                  { QStringLiteral("accessToken"), QStringLiteral("SsoAccessTokenDoNotLeak") },
                                  { QStringLiteral("expiresAt"), QStringLiteral("2099-01-01T00:00:00Z") } };
        QVERIFY(writeText(m_home.filePath(QStringLiteral(".aws/sso/cache/") + aws::SsoTokenCache::fileNameFor(QStringLiteral("corp"))),
                          QJsonDocument(token).toJson()));
        QVERIFY(writeText(m_home.filePath(QStringLiteral(".aws/credentials")),
                          "[source]\naws_access_key_id = AKIDSOURCEPROFILE\naws_secret_access_key = "
                              + kSourceSecret.toUtf8() + "\n"));
        qInstallMessageHandler(captureMessages);
    }

    void cleanupTestCase()
    {
        qInstallMessageHandler(nullptr);
    }

    void appProfileFromTheKeyring()
    {
        keychain::KeychainStore store;
        keychain::AppProfiles profiles(&store);
        keychain::AppCredentials credentials;
        credentials.accessKey.accessKeyId = QStringLiteral("AKIDAPPPROFILEKEY");
        credentials.accessKey.secretAccessKey = kAppSecret;
        QString saveError = QStringLiteral("pending");
        QObject context;
        profiles.save(QStringLiteral("app-team"), credentials, &context,
                      [&saveError](const keychain::KeychainResult &result) {
                          saveError = result.ok() ? QString() : QStringLiteral("failed: ") + result.message;
                      });
        QTRY_VERIFY_WITH_TIMEOUT(saveError != QLatin1String("pending"), 20000);
        QVERIFY2(saveError.isEmpty(), qPrintable(saveError));

        gui::MainWindow window;
        window.liveRefresh()->setIntervalSeconds(0);   // the refreshes counted below are the test's own
        aws::AwsClientOptions options;
        options.profile = QStringLiteral("app-team");
        options.region = QStringLiteral("us-east-1");
        app::DashboardConnection connection(&window, options, &profiles);
        connection.connectWindow();
        QTRY_COMPARE_WITH_TIMEOUT(window.tableModel()->loadedCount(), 30, 20000);
        QVERIFY(window.windowTitle().contains(QLatin1String("app-team")));
        // The account of the credentials, from STS GetCallerIdentity.
        QTRY_VERIFY_WITH_TIMEOUT(window.windowTitle().contains(QLatin1String("123456789012")), 10000);

        // A whole session: refresh, export, then quit.
        QSignalSpy refreshed(window.tableModel(), &gui::DeploymentTableModel::refreshed);
        window.refresh();
        QTRY_COMPARE_WITH_TIMEOUT(refreshed.size(), 1, 10000);
        window.openExportDialog();
        gui::ExportDialog *dialog = window.exportDialog();
        QVERIFY(dialog);
        dialog->setFilePath(m_home.filePath(QStringLiteral("session.csv")));
        QSignalSpy exported(dialog, &gui::ExportDialog::exported);
        for (QPushButton *button : dialog->findChildren<QPushButton *>()) {
            if (button->text() == QLatin1String("&Export")) {
                button->click();
            }
        }
        QTRY_COMPARE_WITH_TIMEOUT(exported.size(), 1, 20000);
        window.close();
        QObject removed;
        QString removeError = QStringLiteral("pending");
        profiles.remove(QStringLiteral("app-team"), &removed,
                        [&removeError](const keychain::KeychainResult &result) {
                            removeError = result.ok() ? QString() : QStringLiteral("failed: ") + result.message;
                        });
        QTRY_VERIFY_WITH_TIMEOUT(removeError != QLatin1String("pending"), 20000);
    }

    void roleWithMfaAsksForTheCode()
    {
        keychain::KeychainStore store;
        keychain::AppProfiles profiles(&store);
        gui::MainWindow window;
        window.show();
        aws::AwsClientOptions options;
        options.profile = QStringLiteral("viewer");
        app::DashboardConnection connection(&window, options, &profiles);
        connection.connectWindow();
        QInputDialog *prompt = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((prompt = window.findChild<QInputDialog *>()) != nullptr, 20000);
        QVERIFY(prompt->labelText().contains(QLatin1String("arn:aws:iam::123456789012:mfa/alice")));
        QVERIFY(window.isEnabled());   // non-modal to the application: open(), never exec()
        prompt->setTextValue(QStringLiteral("314159"));
        prompt->accept();
        QTRY_COMPARE_WITH_TIMEOUT(window.tableModel()->loadedCount(), 30, 20000);
        window.close();
    }

    void ssoCredentialsExpiringDuringRefreshes()
    {
        keychain::KeychainStore store;
        keychain::AppProfiles profiles(&store);
        gui::MainWindow window;
        window.liveRefresh()->setIntervalSeconds(0);   // the refreshes counted below are the test's own
        window.show();
        aws::AwsClientOptions options;
        options.profile = QStringLiteral("sso-dev");
        app::DashboardConnection connection(&window, options, &profiles);
        connection.connectWindow();
        QTRY_COMPARE_WITH_TIMEOUT(window.tableModel()->loadedCount(), 30, 20000);
        // Refreshes and transitional polls while the credentials keep running out: each one gets
        // new credentials, none fails, and nothing asks the user anything.
        QSignalSpy refreshed(window.tableModel(), &gui::DeploymentTableModel::refreshed);
        for (int round = 1; round <= 3; ++round) {
            window.refresh();
            window.tableModel()->refreshTransitional();
            QTRY_COMPARE_WITH_TIMEOUT(refreshed.size(), round, 20000);
            QVERIFY(window.errorBanner()->isHidden());
            QVERIFY(window.findChild<QInputDialog *>() == nullptr);
        }
        QCOMPARE(window.tableModel()->loadedCount(), 30);
        window.close();
    }

    void noSecretAnywhereAfterTheSession()
    {
        QDirIterator files(m_home.path(), QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        int scanned = 0;
        while (files.hasNext()) {
            const QString path = files.next();
            if (path.endsWith(QLatin1String("/.aws/credentials"))) {
                continue;   // the user's own file, written by this test
            }
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray content = file.readAll();
            ++scanned;
            QVERIFY2(!content.contains(kAppSecret.toUtf8()), qPrintable(path));
            QVERIFY2(!content.contains(kSourceSecret.toUtf8()), qPrintable(path));
            QVERIFY2(!content.contains("314159"), qPrintable(path));
            if (!path.contains(QLatin1String("/.aws/sso/cache/"))) {   // the token cache is `aws sso login`'s own
                QVERIFY2(!content.contains("SsoAccessTokenDoNotLeak"), qPrintable(path));
            }
        }
        QVERIFY(scanned >= 3);   // at least the settings, the CSV and the config file were looked at
        for (const QString &line : std::as_const(g_logLines)) {
            QVERIFY2(!line.contains(kAppSecret) && !line.contains(kSourceSecret), qPrintable(line));
        }
    }
};

QTEST_MAIN(TestDashboardConnection)
#include "tst_dashboardconnection.moc"
