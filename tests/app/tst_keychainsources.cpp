// SPDX-License-Identifier: Apache-2.0
// An app profile (secrets in the system keyring) as one of several sources, against the real
// gnome-keyring of scripts/test: its secret is read when its first request needs it, without
// holding up the other source; a missing entry fails that source only, named, and a later listing
// reads again; a locked keyring (a private one, in a child process) fails that source only too.
#include "appprofileauth.h"
#include "appprofiles.h"
#include "dashboardconnection.h"
#include "deploymenttablemodel.h"
#include "errorbanner.h"
#include "keychaintestsupport.h"
#include "mainwindow.h"
#include "simulatorset.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

using namespace outcrop;
using namespace outcrop::keychain::test;

namespace {

const char *const kLockedChildArgument = "--locked-keyring-child";
const QString kVaultKeyId = QStringLiteral("AKIDVAULTPROFILE");
const QString kVaultSecret = QStringLiteral("VaultProfileSecretDoNotLeak0123456789abcd");

keychain::AppCredentials vaultCredentials()
{
    keychain::AppCredentials credentials;
    credentials.accessKey.accessKeyId = kVaultKeyId;
    credentials.accessKey.secretAccessKey = kVaultSecret;
    return credentials;
}

bool writeText(const QString &path, const QByteArray &text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text) == text.size();
}

// Two simulators, each accepting the documentation key and the vault's; an environment where the
// shared profile "east" reaches the first, and the default profile (what an app profile resolves
// its region and endpoint with) the second. The default profile has no credentials of its own:
// the second simulator is reached with the keychain's secret or not at all.
struct SourcesSetup
{
    bool start(const QString &home)
    {
        sim::SimConfig base;
        base.count = 70;
        sim::SimCredential vault = sim::SimConfig::documentationCredential();
        vault.accessKeyId = kVaultKeyId;
        vault.secretAccessKey = kVaultSecret;
        base.credentials = {sim::SimConfig::documentationCredential(), vault};
        simulators = std::make_unique<sim::SimulatorSet>(
            base, QList<sim::SimSource>{{QStringLiteral("111111111111"), QStringLiteral("us-east-1")},
                                        {QStringLiteral("222222222222"), QStringLiteral("us-west-2")}});
        if (!simulators->start()) {
            qWarning("%s", qPrintable(simulators->errorString()));
            return false;
        }
        qputenv("HOME", home.toUtf8());
        qputenv("XDG_CONFIG_HOME", (home + QStringLiteral("/config")).toUtf8());
        for (const char *name : {"AWS_PROFILE", "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_ENDPOINT_URL",
                                 "AWS_ENDPOINT_URL_BEDROCK", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
                                 "AWS_SESSION_TOKEN", "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE",
                                 "AWS_BEARER_TOKEN_BEDROCK"}) {
            qunsetenv(name);
        }
        QDir(home).mkpath(QStringLiteral(".aws"));
        return writeText(home + QStringLiteral("/.aws/config"),
                         QStringLiteral("[profile east]\nregion = us-east-1\nendpoint_url = %1\n\n"
                                        "[default]\nregion = us-west-2\nendpoint_url = %2\n")
                             .arg(simulators->simulator(0)->serverUrl().toString(),
                                  simulators->simulator(1)->serverUrl().toString())
                             .toUtf8())
            && writeText(home + QStringLiteral("/.aws/credentials"),
                         "[east]\naws_access_key_id = AKIDEXAMPLE\n"
                         "aws_secret_access_key = wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY\n");
    }

    std::unique_ptr<sim::SimulatorSet> simulators;
};

// Lists the keychain's settings entry of an app profile without touching the keyring (the child's
// keyring is locked, so AppProfiles::save could not list it).
void listAppProfile(QSettings &settings, const QString &name)
{
    settings.beginWriteArray(QStringLiteral("appProfiles"), 1);
    settings.setArrayIndex(0);
    settings.setValue(QStringLiteral("name"), name);
    settings.setValue(QStringLiteral("kind"), QStringLiteral("accessKey"));
    settings.endArray();
    settings.sync();
}

// The window over the shared profile "east" and the app profile `appProfile`, listing everything.
struct TwoSourceWindow
{
    TwoSourceWindow(keychain::AppProfiles *profiles, const QString &appProfile)
        : connection(&window, {}, profiles)
    {
        connection.setSources({QStringLiteral("east"), appProfile}, {});
        connection.connectWindow();
        window.show();
        window.tableModel()->loadAll();
    }
    gui::DeploymentTableModel *model() const { return window.tableModel(); }

    gui::MainWindow window;
    app::DashboardConnection connection;
};

// An app profile with the vault's credentials in the real keyring, for one test; removed after it.
struct SavedAppProfile
{
    SavedAppProfile()
    {
        ResultWaiter saved;
        QObject context;
        fixture.profiles->save(name, vaultCredentials(), &context, saved.callback());
        ok = saved.wait() && saved.result().ok();
    }
    ~SavedAppProfile()
    {
        ResultWaiter removed;
        QObject context;
        fixture.profiles->remove(name, &context, removed.callback());
        removed.wait();
    }

    ProfilesFixture fixture;
    QString name = uniqueProfile(QStringLiteral("vault"));
    bool ok = false;
};

// The child: the window over "east" and a listed app profile, with a locked keyring of its own;
// prints what each source did.
int runLockedKeyringChild(int argc, char **argv)
{
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("OutcropTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_keychainsources-child"));
    QTemporaryDir home;
    SourcesSetup setup;
    if (!setup.start(home.path())) {
        return 2;
    }
    ProfilesFixture fixture(std::chrono::milliseconds(50));
    fixture.store->setAnswerTimeout(std::chrono::seconds(20));
    listAppProfile(*fixture.settings, QStringLiteral("vault"));
    TwoSourceWindow sources(fixture.profiles.get(), QStringLiteral("vault"));
    gui::DeploymentTableModel *model = sources.model();
    const bool settled = QTest::qWaitFor([&] { return model->loadedCount() == 70 && model->sourceError(1).isError(); },
                                         40000);
    QTextStream out(stdout);
    out << "settled " << (settled ? "yes" : "no") << '\n';
    out << "rows " << model->loadedCount() << '\n';
    out << "east " << (model->sourceError(0).isError() ? "failed" : "ok") << '\n';
    out << "vault " << model->sourceError(1).userMessage() << '\n';
    out << "banner " << sources.window.errorBanner()->plainText().replace(QLatin1Char('\n'), QLatin1Char(' ')) << '\n';
    out << "requests " << setup.simulators->simulator(1)->requestsReceived() << '\n';
    out.flush();
    return 0;
}

} // namespace

class TestKeychainSources : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    SourcesSetup m_setup;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("OutcropTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_keychainsources"));
        QVERIFY(m_setup.start(m_home.path()));
    }

    // The keychain source is set up at once and lists once its secret has arrived, beside a
    // shared-file profile.
    void aKeychainProfileIsOneOfSeveralSources()
    {
        SavedAppProfile vault;
        QVERIFY(vault.ok);
        TwoSourceWindow sources(vault.fixture.profiles.get(), vault.name);
        gui::DeploymentTableModel *model = sources.model();
        QCOMPARE(sources.window.sourceCount(), 2);
        QCOMPARE(model->sourceLabel(1), vault.name + QStringLiteral(" · us-west-2"));
        // A source like the others from the start (not one that failed for being in the keychain).
        QVERIFY(!model->sourceError(1).isError());
        QTRY_COMPARE_WITH_TIMEOUT(model->loadedCount(), 140, 20000);
        QVERIFY(!model->sourceError(0).isError());
        QVERIFY(!model->sourceError(1).isError());
        QSet<QString> accounts;
        for (int row = 0; row < model->rowCount(); ++row) {
            accounts.insert(model->index(row, gui::DeploymentTableModel::AccountColumn).data().toString());
        }
        QCOMPARE(accounts, QSet<QString>({QStringLiteral("111111111111"), QStringLiteral("222222222222")}));
        QVERIFY(sources.window.errorBanner()->isHidden());
    }

    // Requests that ask while the keyring is read share one read; the credentials are kept.
    void waitersShareOneRead()
    {
        SavedAppProfile vault;
        QVERIFY(vault.ok);
        keychain::AppProfileAuthProvider provider(vault.fixture.profiles.get(), vault.name);
        int answered = 0;
        QObject context;
        for (int i = 0; i < 3; ++i) {
            provider.fetchAuth(&context, [&answered](const aws::AwsAuth &auth, const aws::AwsError &error) {
                QVERIFY(!error.isError());
                QCOMPARE(auth.credentials.secretAccessKey, kVaultSecret);
                ++answered;
            });
        }
        QCOMPARE(answered, 0);   // never from inside the call: the keyring answers later
        QTRY_COMPARE_WITH_TIMEOUT(answered, 3, 20000);
        QCOMPARE(provider.readCount(), 1);
        provider.fetchAuth(&context, [&answered](const aws::AwsAuth &, const aws::AwsError &) { ++answered; });
        QCOMPARE(answered, 4);
        QCOMPARE(provider.readCount(), 1);
    }

    // A failed read is kept until Retry (invalidate()): a keyring that prompts to unlock for a
    // read would otherwise ask again at every auto-refresh.
    void aFailedReadIsKeptUntilRetry()
    {
        SavedAppProfile vault;
        QVERIFY(vault.ok);
        QVERIFY(rawDelete(keychain::KeychainStore::entryKey(vault.name, keychain::AppProfiles::kSecretAccessKeyField)));
        keychain::AppProfileAuthProvider provider(vault.fixture.profiles.get(), vault.name);
        QObject context;
        int failed = 0;
        const auto expectFailure = [&failed](const aws::AwsAuth &, const aws::AwsError &error) {
            QCOMPARE(error.kind, aws::AwsError::Kind::Credentials);
            ++failed;
        };
        provider.fetchAuth(&context, expectFailure);
        QTRY_COMPARE_WITH_TIMEOUT(failed, 1, 20000);
        QCOMPARE(provider.readCount(), 1);
        // A refresh asks again: answered with the same failure, later, without reading.
        provider.fetchAuth(&context, expectFailure);
        provider.fetchAuth(&context, expectFailure);
        QCOMPARE(failed, 1);   // never from inside the call
        QTRY_COMPARE_WITH_TIMEOUT(failed, 3, 20000);
        QCOMPARE(provider.readCount(), 1);
        // Retry: the keyring is read again, and once the secret is back the credentials come.
        ResultWaiter saved;
        vault.fixture.profiles->save(vault.name, vaultCredentials(), &context, saved.callback());
        QVERIFY(saved.wait() && saved.result().ok());
        provider.invalidate();
        bool answered = false;
        provider.fetchAuth(&context, [&answered](const aws::AwsAuth &auth, const aws::AwsError &error) {
            QVERIFY(!error.isError());
            QCOMPARE(auth.credentials.secretAccessKey, kVaultSecret);
            answered = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(answered, 20000);
        QCOMPARE(provider.readCount(), 2);
    }

    // The profile is listed but its secret is not in the keyring: that source fails, named, with
    // the keyring's message; the other lists. Once the entry is back, Retry reads it again.
    void aMissingSecretFailsThatSourceOnly()
    {
        SavedAppProfile vault;
        QVERIFY(vault.ok);
        QVERIFY(rawDelete(keychain::KeychainStore::entryKey(vault.name, keychain::AppProfiles::kSecretAccessKeyField)));
        TwoSourceWindow sources(vault.fixture.profiles.get(), vault.name);
        gui::DeploymentTableModel *model = sources.model();
        QTRY_COMPARE_WITH_TIMEOUT(model->loadedCount(), 70, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(model->sourceError(1).isError(), 20000);
        QVERIFY(!model->sourceError(0).isError());
        QCOMPARE(model->sourceError(1).kind, aws::AwsError::Kind::Credentials);
        const QString message = model->sourceError(1).userMessage();
        QVERIFY2(message.contains(vault.name) && message.contains(QStringLiteral("secret-access-key")),
                 qPrintable(message));
        const QString banner = sources.window.errorBanner()->plainText();
        QVERIFY2(banner.contains(vault.name + QStringLiteral(" · us-west-2")), qPrintable(banner));
        QVERIFY2(banner.contains(QStringLiteral("system keyring")), qPrintable(banner));
        QVERIFY(!banner.contains(kVaultSecret));

        // The entry is back (entered again in Credentials): the banner's Retry reads it again,
        // and the source's rows join the table.
        ResultWaiter saved;
        vault.fixture.profiles->save(vault.name, vaultCredentials(), &sources.window, saved.callback());
        QVERIFY(saved.wait() && saved.result().ok());
        // An auto-refresh does not read the keyring again (the source stays failed) ...
        QTRY_VERIFY(!model->isRefreshing());
        QVERIFY(model->refresh());
        QTRY_VERIFY_WITH_TIMEOUT(!model->isRefreshing(), 20000);
        QVERIFY(model->sourceError(1).isError());
        // ... the banner's Retry does.
        emit sources.window.errorBanner()->retryRequested();
        const auto hasVaultRows = [model] {
            for (int row = 0; row < model->rowCount(); ++row) {
                if (model->index(row, 0).data(gui::DeploymentTableModel::SourceRole).toInt() == 1) {
                    return true;
                }
            }
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(hasVaultRows(), 20000);
        QVERIFY(!model->sourceError(1).isError());
        QTRY_VERIFY(!model->isRefreshing());
        model->loadAll();
        QTRY_COMPARE_WITH_TIMEOUT(model->loadedCount(), 140, 20000);
    }

    // A real gnome-keyring of the child's own, locked, whose unlock prompt cannot be shown: the
    // app profile's source fails saying the keyring is locked, and "east" lists all its rows.
    void aLockedKeyringFailsThatSourceOnly()
    {
        const TestChild::Output output = TestChild::run(NoKeyring::LockedNoPrompter,
                                                        {QString::fromLatin1(kLockedChildArgument)});
        QVERIFY2(output.finished, output.stdErr.constData());
        QVERIFY2(output.exitCode == 0, output.stdErr.constData());
        const QByteArray out = output.stdOut;
        QVERIFY2(out.contains("settled yes\n"), out.constData());
        QVERIFY2(out.contains("rows 70\n"), out.constData());
        QVERIFY2(out.contains("east ok\n"), out.constData());
        QVERIFY2(out.contains("vault The system keyring is locked"), out.constData());
        QVERIFY2(out.contains("banner vault · us-west-2: "), out.constData());
        // Without a secret, nothing was sent to the keychain source's server.
        QVERIFY2(out.contains("requests 0\n"), out.constData());
    }
};

int main(int argc, char **argv)
{
    return keychainTestMain<QApplication, TestKeychainSources>(argc, argv,
                                                               {{kLockedChildArgument, runLockedKeyringChild}});
}

#include "tst_keychainsources.moc"
