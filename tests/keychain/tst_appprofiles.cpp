// SPDX-License-Identifier: Apache-2.0
// AppProfiles: names and kinds in the settings, secrets only in the keyring (real gnome-keyring
// of scripts/test) or, without a keyring, only in memory.

#include "appprofiles.h"
#include "keychaintestsupport.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QSettings>
#include <QTemporaryDir>
#include <QTextStream>

using namespace outcrop;
using namespace outcrop::keychain;
using namespace outcrop::keychain::test;

namespace {

const char *const kChildArgument = "--no-keyring-child";
const char *const kFullSessionArgument = "--full-session-child";
const QString kSecretAccessKey = QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYzAppProfilesSecret");
const QByteArray kApiKey = QByteArrayLiteral("ABSKQmVkcm9ja0FQSUtleS1UZXN0U2VjcmV0QXBwUHJvZmlsZXM=");

QString longSessionToken()
{
    QString token;
    for (int index = 0; token.size() < 400; ++index) {
        token += QStringLiteral("IQoJb3JpZ2luX2VjEXAMPLETOKEN") + QString::number(index);
    }
    return token;
}

AppCredentials accessKeyCredentials(const QString &sessionToken = {})
{
    AppCredentials credentials;
    credentials.kind = CredentialKind::AccessKey;
    credentials.accessKey.accessKeyId = QStringLiteral("AKIAIOSFODNN7EXAMPLE");
    credentials.accessKey.secretAccessKey = kSecretAccessKey;
    credentials.accessKey.sessionToken = sessionToken;
    return credentials;
}

AppCredentials apiKeyCredentials()
{
    AppCredentials credentials;
    credentials.kind = CredentialKind::ApiKey;
    credentials.apiKey = kApiKey;
    return credentials;
}

// The child: a save without a keyring, then the same credentials for this session only.
int runNoKeyringChild(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    ProfilesFixture fixture(std::chrono::milliseconds(50));
    AppProfiles &profiles = *fixture.profiles;
    QTextStream out(stdout);
    profiles.save(QStringLiteral("offline"), accessKeyCredentials(), &app, [&](const KeychainResult &result) {
        out << "save " << statusName(result.status) << ' ' << (result.keyringUnavailable() ? "unavailable" : "usable")
            << ' ' << profiles.profiles().size() << ' ' << result.message << '\n';
        profiles.useForThisSession(QStringLiteral("offline"), accessKeyCredentials());
        const std::optional<AppProfile> kept = profiles.profile(QStringLiteral("offline"));
        out << "session " << (kept && kept->thisSessionOnly ? "kept" : "missing") << '\n';
        profiles.credentials(QStringLiteral("offline"), &app, [&](const AppCredentials &credentials, const QString &) {
            out << "credentials "
                << (credentials.accessKey.secretAccessKey == kSecretAccessKey ? "same" : "different") << '\n';
            out << "settings " << (fixture.settingsBytes().contains("offline") ? "named" : "unnamed") << '\n';
            out.flush();
            app.quit();
        });
    });
    return app.exec();
}

// The child of the secret scan: everything AppProfiles does, with the application's own settings
// under a throw-away HOME and every outcrop logging category on. Errors go to stderr.
int runFullSessionChild(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Outcrop"));
    QCoreApplication::setApplicationName(QStringLiteral("outcrop"));
    KeychainStore store;
    store.setChunkThreshold(128);
    AppProfiles profiles(&store);
    const QString keys = uniqueProfile(QStringLiteral("scan-keys"));
    const QString bearer = uniqueProfile(QStringLiteral("scan-bearer"));
    const auto report = [](const char *what, const QString &message) {
        qWarning("%s: %s", what, qPrintable(message));
    };
    const auto step = [&](const char *what, const std::function<void(AppProfiles::DoneCallback)> &start) {
        ResultWaiter waiter;
        start(waiter.callback());
        if (!waiter.wait() || !waiter.result().ok()) {
            report(what, waiter.result().message);
            return false;
        }
        return true;
    };
    const auto read = [&](const QString &name) {
        bool answered = false;
        profiles.credentials(name, &app, [&](const AppCredentials &credentials, const QString &error) {
            report("credentials", error);
            qDebug() << "read" << name << credentials.accessKey; // AwsCredentials' QDebug hides secrets
            answered = true;
        });
        if (!QTest::qWaitFor([&] { return answered; }, 20000)) {
            report("credentials", QStringLiteral("no answer"));
        }
    };
    bool ok = step("save keys", [&](auto done) { profiles.save(keys, accessKeyCredentials(longSessionToken()), &app, done); })
        && step("save bearer", [&](auto done) { profiles.save(bearer, apiKeyCredentials(), &app, done); });
    read(keys);
    read(bearer);
    // An incomplete entry: its error message must not quote the parts that are there.
    rawDelete(KeychainStore::entryKey(keys, AppProfiles::kSessionTokenField) + QStringLiteral("#2"));
    read(keys);
    read(QStringLiteral("nobody"));
    profiles.useForThisSession(QStringLiteral("memory"), accessKeyCredentials(longSessionToken()));
    read(QStringLiteral("memory"));
    ok = step("remove keys", [&](auto done) { profiles.remove(keys, &app, done); })
        && step("remove bearer", [&](auto done) { profiles.remove(bearer, &app, done); }) && ok;
    return ok ? 0 : 1;
}

} // namespace

class TestAppProfiles : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_fixture = std::make_unique<ProfilesFixture>();
        m_fixture->store->setChunkThreshold(128); // the session token is stored in parts
        m_profiles = m_fixture->profiles.get();
        m_store = m_fixture->store.get();
        m_settings = m_fixture->settings.get();
    }
    void cleanup()
    {
        m_fixture.reset();
    }

    void validatesNames()
    {
        QVERIFY(AppProfiles::validateName(QStringLiteral("dev-eu_1.test")).isEmpty());
        QVERIFY(AppProfiles::validateName(QString()).contains(QStringLiteral("Enter a profile name")));
        QVERIFY(!AppProfiles::validateName(QStringLiteral("a/b")).isEmpty());
        QVERIFY(!AppProfiles::validateName(QStringLiteral("with space")).isEmpty());
        QVERIFY(!AppProfiles::validateName(QString(65, QLatin1Char('a'))).isEmpty());
    }

    void savesListsReadsAndRemoves()
    {
        const QString keys = uniqueProfile(QStringLiteral("keys"));
        const QString bearer = uniqueProfile(QStringLiteral("bearer"));
        QSignalSpy changed(m_profiles, &AppProfiles::profilesChanged);
        QCOMPARE(save(keys, accessKeyCredentials(longSessionToken())).status, KeychainStatus::Ok);
        QCOMPARE(save(bearer, apiKeyCredentials()).status, KeychainStatus::Ok);
        QCOMPARE(changed.size(), 2);

        const QList<AppProfile> listed = m_profiles->profiles();
        QCOMPARE(listed.size(), 2);
        QCOMPARE(m_profiles->profile(keys)->kind, CredentialKind::AccessKey);
        QCOMPARE(m_profiles->profile(bearer)->kind, CredentialKind::ApiKey);
        QVERIFY(!m_profiles->profile(keys)->thisSessionOnly);
        // Another instance on the same settings lists them too (they were written).
        AppProfiles again(m_store, m_settings);
        QCOMPARE(again.profiles().size(), 2);

        const AppCredentials readKeys = credentials(keys);
        QCOMPARE(readKeys.accessKey.accessKeyId, QStringLiteral("AKIAIOSFODNN7EXAMPLE"));
        QCOMPARE(readKeys.accessKey.secretAccessKey, kSecretAccessKey);
        QCOMPARE(readKeys.accessKey.sessionToken, longSessionToken());
        QVERIFY(readKeys.accessKey.source.contains(keys));
        QVERIFY(!readKeys.toAuth().isBearer());
        const AppCredentials readBearer = credentials(bearer);
        QCOMPARE(readBearer.kind, CredentialKind::ApiKey);
        QCOMPARE(readBearer.apiKey, kApiKey);
        QCOMPARE(readBearer.toAuth().bearerToken, kApiKey);

        assertSettingsHoldNoSecret();

        QCOMPARE(remove(keys).status, KeychainStatus::Ok);
        QCOMPARE(remove(bearer).status, KeychainStatus::Ok);
        QVERIFY(m_profiles->profiles().isEmpty());
        for (const QString &field : {AppProfiles::kAccessKeyIdField, AppProfiles::kSecretAccessKeyField,
                                     AppProfiles::kSessionTokenField}) {
            QCOMPARE(rawRead(KeychainStore::entryKey(keys, field)).status, KeychainStatus::NotFound);
        }
        QCOMPARE(rawRead(KeychainStore::entryKey(keys, AppProfiles::kSessionTokenField) + QStringLiteral("#0")).status,
                 KeychainStatus::NotFound);
        QCOMPARE(rawRead(KeychainStore::entryKey(bearer, AppProfiles::kApiKeyField)).status, KeychainStatus::NotFound);
    }

    void replacingTheKindRemovesTheOtherEntries()
    {
        const QString name = uniqueProfile(QStringLiteral("switch"));
        QCOMPARE(save(name, accessKeyCredentials(QStringLiteral("short-token"))).status, KeychainStatus::Ok);
        QCOMPARE(save(name, apiKeyCredentials()).status, KeychainStatus::Ok);
        QCOMPARE(m_profiles->profiles().size(), 1);
        QCOMPARE(m_profiles->profile(name)->kind, CredentialKind::ApiKey);
        QCOMPARE(rawRead(KeychainStore::entryKey(name, AppProfiles::kSecretAccessKeyField)).status,
                 KeychainStatus::NotFound);
        QCOMPARE(rawRead(KeychainStore::entryKey(name, AppProfiles::kSessionTokenField)).status,
                 KeychainStatus::NotFound);
        // And back: no session token this time, so the old one must not come back.
        QCOMPARE(save(name, accessKeyCredentials()).status, KeychainStatus::Ok);
        QCOMPARE(rawRead(KeychainStore::entryKey(name, AppProfiles::kApiKeyField)).status, KeychainStatus::NotFound);
        QVERIFY(credentials(name).accessKey.sessionToken.isEmpty());
        QCOMPARE(remove(name).status, KeychainStatus::Ok);
    }

    void aMissingEntryIsReportedWithoutTheSecret()
    {
        const QString name = uniqueProfile(QStringLiteral("broken"));
        QCOMPARE(save(name, accessKeyCredentials()).status, KeychainStatus::Ok);
        QVERIFY(rawDelete(KeychainStore::entryKey(name, AppProfiles::kSecretAccessKeyField)));
        QString error;
        const AppCredentials found = credentials(name, &error);
        QVERIFY(!found.isValid());
        QVERIFY2(error.contains(AppProfiles::kSecretAccessKeyField) && error.contains(name), qPrintable(error));
        QVERIFY(!error.contains(kSecretAccessKey));

        credentials(QStringLiteral("nobody"), &error);
        QVERIFY2(error.contains(QStringLiteral("no app profile named nobody")), qPrintable(error));
        QCOMPARE(remove(name).status, KeychainStatus::Ok);
    }

    void rejectsBadInputWithoutStoringIt()
    {
        const KeychainResult result = save(QStringLiteral("has space"), accessKeyCredentials());
        QCOMPARE(result.status, KeychainStatus::Failed);
        QVERIFY(result.message.contains(QStringLiteral("profile name")));
        QVERIFY(m_profiles->profiles().isEmpty());
    }

    void thisSessionOnlyStaysInMemory()
    {
        const QString name = uniqueProfile(QStringLiteral("memory"));
        QSignalSpy changed(m_profiles, &AppProfiles::profilesChanged);
        m_profiles->useForThisSession(name, accessKeyCredentials(longSessionToken()));
        QCOMPARE(changed.size(), 1);
        QVERIFY(m_profiles->profile(name)->thisSessionOnly);
        const AppCredentials found = credentials(name);
        QCOMPARE(found.accessKey.secretAccessKey, kSecretAccessKey);
        QVERIFY(found.accessKey.source.contains(QStringLiteral("this session only")));
        // Not in the settings, not in the keyring, not in another instance.
        QVERIFY(!settingsBytes().contains(name.toUtf8()));
        assertSettingsHoldNoSecret();
        QCOMPARE(rawRead(KeychainStore::entryKey(name, AppProfiles::kSecretAccessKeyField)).status,
                 KeychainStatus::NotFound);
        QVERIFY(AppProfiles(m_store, m_settings).profiles().isEmpty());

        QCOMPARE(remove(name).status, KeychainStatus::Ok);
        QVERIFY(!m_profiles->profile(name));
    }

    void destroyingDuringASaveIsSafe()
    {
        const QString name = uniqueProfile(QStringLiteral("gone"));
        bool called = false;
        QObject context;
        m_profiles->save(name, accessKeyCredentials(), &context, [&](const KeychainResult &) { called = true; });
        m_fixture->profiles.reset();
        m_fixture->store.reset();
        // Queued after whatever the store started: it answers once those jobs are done.
        rawRead(KeychainStore::entryKey(name, AppProfiles::kAccessKeyIdField));
        QTest::qWait(100);
        QVERIFY(!called);
        rawDelete(KeychainStore::entryKey(name, AppProfiles::kAccessKeyIdField));
    }

    void noKeyringKeepsNothingAndOffersThisSession_data()
    {
        QTest::addColumn<NoKeyring>("kind");
        QTest::addColumn<QByteArray>("saved");
        QTest::newRow("bus without Secret Service")
            << NoKeyring::BusWithoutSecretService << QByteArray("save NoKeyring unavailable 0 No system keyring is available");
        // A real, locked gnome-keyring: its unlock prompt fails, or is shown and dismissed.
        QTest::newRow("locked, prompt fails")
            << NoKeyring::LockedNoPrompter << QByteArray("save Locked unavailable 0 The system keyring is locked");
        QTest::newRow("locked, prompt dismissed")
            << NoKeyring::LockedPromptDismissed << QByteArray("save Locked unavailable 0 The system keyring is locked");
    }
    void noKeyringKeepsNothingAndOffersThisSession()
    {
        QFETCH(NoKeyring, kind);
        QFETCH(QByteArray, saved);
        const TestChild::Output output = TestChild::run(kind, {QString::fromLatin1(kChildArgument)});
        QVERIFY2(output.finished, output.stdErr.constData());
        QCOMPARE(output.exitCode, 0);
        const QList<QByteArray> lines = output.stdOut.trimmed().split('\n');
        QCOMPARE(lines.size(), 4);
        QVERIFY2(lines.at(0).startsWith(saved), lines.at(0).constData());
        QCOMPARE(lines.at(1), QByteArray("session kept"));
        QCOMPARE(lines.at(2), QByteArray("credentials same"));
        QCOMPARE(lines.at(3), QByteArray("settings unnamed"));
        QVERIFY(!output.stdOut.contains(kSecretAccessKey.toUtf8()));
        QVERIFY(!output.stdErr.contains(kSecretAccessKey.toUtf8()));
    }

    // The keychain part of "no secret in any file or output": a whole session of saves, reads,
    // a damaged entry, a session-only profile and removals, with logging on; then every file under
    // its HOME and everything it printed is searched for the secrets.
    void aFullSessionLeavesNoSecretBehind()
    {
        QTemporaryDir home;
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("HOME"), home.path());
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral(".config")));
        environment.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral(".local/share")));
        environment.insert(QStringLiteral("XDG_CACHE_HOME"), home.filePath(QStringLiteral(".cache")));
        environment.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("outcrop.*=true"));
        const TestChild::Output output = TestChild::run(NoKeyring::KeepKeyring, {QString::fromLatin1(kFullSessionArgument)},
                                                        environment);
        QVERIFY2(output.finished, output.stdErr.constData());
        QVERIFY2(output.exitCode == 0, output.stdErr.constData());
        // The damaged entry was reported, so error paths were part of the session.
        QVERIFY2(output.stdErr.contains("part 3 of"), output.stdErr.constData());

        QList<QByteArray> secrets;
        for (const QByteArray &secret : {kSecretAccessKey.toUtf8(), kApiKey, longSessionToken().toUtf8()}) {
            secrets << secret << secret.toBase64() << secret.left(24);
            if (secret.size() >= 152) {
                secrets << secret.mid(128, 24); // a later part of a value stored in parts
            }
        }
        int filesScanned = 0;
        QDirIterator files(home.path(), QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile file(files.next());
            QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
            const QByteArray bytes = file.readAll();
            ++filesScanned;
            for (const QByteArray &secret : std::as_const(secrets)) {
                QVERIFY2(!bytes.contains(secret), qPrintable(file.fileName() + QStringLiteral(" holds ")
                                                             + QString::fromLatin1(secret.left(4)) + QStringLiteral("…")));
            }
        }
        QVERIFY(filesScanned >= 1); // at least the settings file
        for (const QByteArray &secret : std::as_const(secrets)) {
            QVERIFY(!output.stdOut.contains(secret));
            QVERIFY2(!output.stdErr.contains(secret), output.stdErr.constData());
        }
    }

private:
    KeychainResult save(const QString &name, const AppCredentials &credentials)
    {
        return waitFor([&](AppProfiles::DoneCallback done) { m_profiles->save(name, credentials, this, done); });
    }
    KeychainResult remove(const QString &name)
    {
        return waitFor([&](AppProfiles::DoneCallback done) { m_profiles->remove(name, this, done); });
    }
    KeychainResult waitFor(const std::function<void(AppProfiles::DoneCallback)> &start)
    {
        ResultWaiter waiter;
        start(waiter.callback());
        if (!waiter.wait()) {
            return {KeychainStatus::Failed, QStringLiteral("no answer"), {}};
        }
        return waiter.result();
    }
    AppCredentials credentials(const QString &name, QString *error = nullptr)
    {
        bool answered = false;
        AppCredentials found;
        m_profiles->credentials(name, this, [&](const AppCredentials &credentials, const QString &message) {
            found = credentials;
            if (error) {
                *error = message;
            }
            answered = true;
        });
        if (!QTest::qWaitFor([&] { return answered; }, 20000)) {
            qWarning("no answer from credentials()");
        }
        return found;
    }
    QByteArray settingsBytes() { return m_fixture->settingsBytes(); }
    void assertSettingsHoldNoSecret()
    {
        const QByteArray bytes = settingsBytes();
        for (const QByteArray &secret : {kSecretAccessKey.toUtf8(), kApiKey, QByteArray("AKIAIOSFODNN7EXAMPLE"), longSessionToken().toUtf8().left(40),
                                         kSecretAccessKey.toUtf8().toBase64(), kApiKey.toBase64()}) {
            QVERIFY2(!bytes.contains(secret), bytes.constData());
        }
    }

    std::unique_ptr<ProfilesFixture> m_fixture;
    AppProfiles *m_profiles = nullptr;
    KeychainStore *m_store = nullptr;
    QSettings *m_settings = nullptr;
};

int main(int argc, char **argv)
{
    return keychainTestMain<QCoreApplication, TestAppProfiles>(
        argc, argv, {{kChildArgument, runNoKeyringChild}, {kFullSessionArgument, runFullSessionChild}});
}

#include "tst_appprofiles.moc"
