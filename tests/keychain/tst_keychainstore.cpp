// SPDX-License-Identifier: Apache-2.0
// KeychainStore against the real gnome-keyring of scripts/test, and without any keyring (in a
// child process, see keychaintestsupport.h).

#include "keychaintestsupport.h"

#include <QCoreApplication>
#include <QTextStream>
#include <QTimer>

using namespace outcrop::keychain;
using namespace outcrop::keychain::test;

namespace {

const QByteArray kSecret = QByteArrayLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYzSecretUnderTest");
const char *const kChildArgument = "--no-keyring-child";

// What QtKeychain itself reports for one job, as "<error code> <error text>".
QString rawOutcome(QKeychain::Job *job)
{
    job->setAutoDelete(false);
    job->setKey(QStringLiteral("outcrop/child/raw"));
    QSignalSpy finished(job, &QKeychain::Job::finished);
    job->start();
    const QString outcome = finished.wait(20000)
        ? QString::number(int(job->error())) + QLatin1Char(' ') + job->errorString()
        : QStringLiteral("no answer");
    delete job;
    return outcome;
}

// What QtKeychain itself reports for a read, a write and a delete, one line each.
void reportRawOutcomes(QTextStream &out)
{
    out << "qtkeychain-read " << rawOutcome(new QKeychain::ReadPasswordJob(KeychainStore::serviceName())) << '\n';
    auto *write = new QKeychain::WritePasswordJob(KeychainStore::serviceName());
    write->setBinaryData("raw");
    out << "qtkeychain-write " << rawOutcome(write) << '\n';
    out << "qtkeychain-delete " << rawOutcome(new QKeychain::DeletePasswordJob(KeychainStore::serviceName())) << '\n';
    out.flush();
}

// The child: every operation once, each result on one line of stdout, then what QtKeychain itself
// reports for a read, a write and a delete. OUTCROP_TEST_RETRY_DELAY_MS: the store's retry delay.
int runNoKeyringChild(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    auto *store = new KeychainStore(&app);
    const int retryDelay = qEnvironmentVariableIntValue("OUTCROP_TEST_RETRY_DELAY_MS");
    store->setRetryDelay(std::chrono::milliseconds(retryDelay > 0 ? retryDelay : 50));
    QTextStream out(stdout);
    const auto report = [&out](const char *operation, const KeychainResult &result) {
        out << operation << ' ' << statusName(result.status) << ' ' << result.message << '\n';
        out.flush();
    };
    store->checkAvailable([&, store](KeyringState state, const QString &message) {
        out << "check " << stateName(state) << ' ' << message << '\n';
        out.flush();
        store->write(QStringLiteral("child"), QStringLiteral("secret"), kSecret, [&, store](const KeychainResult &written) {
            report("write", written);
            store->read(QStringLiteral("child"), QStringLiteral("secret"), [&, store](const KeychainResult &read) {
                report("read", read);
                out << "read-data " << (read.data == kSecret ? "same" : "other") << '\n';
                store->remove(QStringLiteral("child"), QStringLiteral("secret"), [&](const KeychainResult &removed) {
                    report("remove", removed);
                    // Later, not inside the store's callback: QtKeychain starts the next job only
                    // once the one that called back is done.
                    QTimer::singleShot(0, &app, [&] { reportRawOutcomes(out); app.quit(); });
                });
            });
        });
    });
    return app.exec();
}

} // namespace

class TestKeychainStore : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_store = std::make_unique<KeychainStore>();
        m_profile = uniqueProfile(QStringLiteral("store"));
    }
    void cleanup()
    {
        m_store.reset();
    }

    void keysAreNamespaced()
    {
        QCOMPARE(KeychainStore::entryKey(QStringLiteral("dev"), QStringLiteral("api-key")),
                 QStringLiteral("outcrop/dev/api-key"));
        QCOMPARE(KeychainStore::serviceName(), QStringLiteral("Outcrop"));
    }

    void classifiesBackendErrors_data()
    {
        QTest::addColumn<int>("error");
        QTest::addColumn<QString>("text");
        QTest::addColumn<KeychainStatus>("status");
        // The texts QtKeychain 0.13 with libsecret gives (../shared/docs/toolchain.md).
        QTest::newRow("no bus") << int(QKeychain::OtherError)
                                << QStringLiteral("Cannot autolaunch D-Bus without X11 $DISPLAY") << KeychainStatus::NoKeyring;
        QTest::newRow("no service")
            << int(QKeychain::OtherError)
            << QStringLiteral("The name org.freedesktop.secrets was not provided by any .service files")
            << KeychainStatus::NoKeyring;
        QTest::newRow("no backend") << int(QKeychain::NoBackendAvailable) << QString() << KeychainStatus::NoKeyring;
        QTest::newRow("denied") << int(QKeychain::AccessDenied) << QString() << KeychainStatus::Denied;
        QTest::newRow("write to a locked collection")
            << int(QKeychain::AccessDenied) << QStringLiteral("Cannot create an item in a locked collection")
            << KeychainStatus::Locked;
        QTest::newRow("denied by user") << int(QKeychain::AccessDeniedByUser) << QString() << KeychainStatus::Denied;
        QTest::newRow("prompt dismissed") << int(QKeychain::OtherError) << QStringLiteral("Prompt dismissed")
                                          << KeychainStatus::Locked;
        QTest::newRow("not found") << int(QKeychain::EntryNotFound) << QString() << KeychainStatus::NotFound;
        QTest::newRow("other") << int(QKeychain::OtherError) << QStringLiteral("Something odd") << KeychainStatus::Failed;
    }
    void classifiesBackendErrors()
    {
        QFETCH(int, error);
        QFETCH(QString, text);
        QFETCH(KeychainStatus, status);
        QCOMPARE(KeychainStore::classify(error, text), status);
    }

    void keyringIsAvailable()
    {
        bool answered = false;
        KeyringState state = KeyringState::NoKeyring;
        m_store->checkAvailable([&](KeyringState found, const QString &) {
            state = found;
            answered = true;
        });
        QVERIFY(!answered); // never from inside the call
        QTRY_VERIFY_WITH_TIMEOUT(answered, 20000);
        QCOMPARE(state, KeyringState::Available);
    }

    void storesReadsReplacesAndRemoves()
    {
        QCOMPARE(write(QStringLiteral("secret"), kSecret).status, KeychainStatus::Ok);
        // Stored under the namespaced key, as one plain entry (below the threshold).
        const KeychainResult raw = rawRead(KeychainStore::entryKey(m_profile, QStringLiteral("secret")));
        QCOMPARE(raw.status, KeychainStatus::Ok);
        QCOMPARE(raw.data, kSecret);
        QCOMPARE(read(QStringLiteral("secret")).data, kSecret);

        const QByteArray replacement = QByteArrayLiteral("another-secret-value");
        QCOMPARE(write(QStringLiteral("secret"), replacement).status, KeychainStatus::Ok);
        QCOMPARE(read(QStringLiteral("secret")).data, replacement);

        QCOMPARE(remove(QStringLiteral("secret")).status, KeychainStatus::Ok);
        const KeychainResult gone = read(QStringLiteral("secret"));
        QCOMPARE(gone.status, KeychainStatus::NotFound);
        QVERIFY(!gone.message.contains(QString::fromLatin1(replacement)));
        // Removing what is not there is fine.
        QCOMPARE(remove(QStringLiteral("secret")).status, KeychainStatus::Ok);
    }

    void readingAMissingEntryIsNotFound()
    {
        const KeychainResult result = read(QStringLiteral("never-written"));
        QCOMPARE(result.status, KeychainStatus::NotFound);
        QVERIFY(result.message.contains(KeychainStore::entryKey(m_profile, QStringLiteral("never-written"))));
    }

    void chunksValuesOverTheThreshold()
    {
        m_store->setChunkThreshold(64);
        QByteArray longValue;
        for (int index = 0; longValue.size() < 300; ++index) {
            longValue += "token-part-" + QByteArray::number(index) + '/';
        }
        const QString key = KeychainStore::entryKey(m_profile, QStringLiteral("session-token"));
        QCOMPARE(write(QStringLiteral("session-token"), longValue).status, KeychainStatus::Ok);
        const int parts = int((longValue.size() + 63) / 64);
        QCOMPARE(rawRead(key).data, QByteArray("chunks:" + QByteArray::number(parts)));
        for (int part = 0; part < parts; ++part) {
            const KeychainResult chunk = rawRead(key + QStringLiteral("#") + QString::number(part));
            QCOMPARE(chunk.status, KeychainStatus::Ok);
            QVERIFY(chunk.data.size() <= 64);
        }
        QCOMPARE(read(QStringLiteral("session-token")).data, longValue);

        // Replaced by a short value: the parts go.
        QCOMPARE(write(QStringLiteral("session-token"), "short").status, KeychainStatus::Ok);
        QCOMPARE(rawRead(key).data, QByteArray("short"));
        for (int part = 0; part < parts; ++part) {
            QCOMPARE(rawRead(key + QStringLiteral("#") + QString::number(part)).status, KeychainStatus::NotFound);
        }

        // Chunked again, then removed: everything goes.
        QCOMPARE(write(QStringLiteral("session-token"), longValue).status, KeychainStatus::Ok);
        QCOMPARE(remove(QStringLiteral("session-token")).status, KeychainStatus::Ok);
        QCOMPARE(rawRead(key).status, KeychainStatus::NotFound);
        for (int part = 0; part < parts; ++part) {
            QCOMPARE(rawRead(key + QStringLiteral("#") + QString::number(part)).status, KeychainStatus::NotFound);
        }
    }

    void defaultThresholdKeepsWindowsLimit()
    {
        QCOMPARE(m_store->chunkThreshold(), 2048);
        const QByteArray value(2049, 'x');
        QCOMPARE(write(QStringLiteral("big"), value).status, KeychainStatus::Ok);
        QCOMPARE(rawRead(KeychainStore::entryKey(m_profile, QStringLiteral("big"))).data, QByteArray("chunks:2"));
        QCOMPARE(read(QStringLiteral("big")).data, value);
        QCOMPARE(remove(QStringLiteral("big")).status, KeychainStatus::Ok);
    }

    void aValueLookingLikeAManifestRoundTrips()
    {
        const QByteArray tricky = QByteArrayLiteral("chunks:3");
        QCOMPARE(write(QStringLiteral("tricky"), tricky).status, KeychainStatus::Ok);
        QCOMPARE(read(QStringLiteral("tricky")).data, tricky);
        QCOMPARE(remove(QStringLiteral("tricky")).status, KeychainStatus::Ok);
    }

    void reportsAMissingChunk()
    {
        m_store->setChunkThreshold(32);
        const QByteArray longValue = kSecret + kSecret + kSecret; // 3 × 46 bytes: 5 parts
        QCOMPARE(write(QStringLiteral("token"), longValue).status, KeychainStatus::Ok);
        const QString key = KeychainStore::entryKey(m_profile, QStringLiteral("token"));
        QVERIFY(rawDelete(key + QStringLiteral("#1")));
        const KeychainResult result = read(QStringLiteral("token"));
        QCOMPARE(result.status, KeychainStatus::Failed);
        QVERIFY2(result.message.contains(QStringLiteral("part 2 of 5")), qPrintable(result.message));
        QVERIFY(result.message.contains(key + QStringLiteral("#1")));
        QVERIFY(result.data.isEmpty());
        QVERIFY(!result.message.contains(QString::fromLatin1(kSecret.left(16))));
        QCOMPARE(remove(QStringLiteral("token")).status, KeychainStatus::Ok);
        QCOMPARE(rawRead(key + QStringLiteral("#4")).status, KeychainStatus::NotFound);
    }

    void destroyingTheStoreWhileJobsRunIsSafe()
    {
        bool called = false;
        m_store->write(m_profile, QStringLiteral("orphan"), kSecret, [&](const KeychainResult &) { called = true; });
        m_store.reset();
        // A job queued after the store's own: once it answers, the store's jobs have run too.
        const KeychainResult after = rawRead(KeychainStore::entryKey(m_profile, QStringLiteral("orphan")));
        QVERIFY(after.status == KeychainStatus::Ok || after.status == KeychainStatus::NotFound);
        QTest::qWait(100);
        QVERIFY(!called);
        rawDelete(KeychainStore::entryKey(m_profile, QStringLiteral("orphan")));
    }

    void noKeyring_data()
    {
        QTest::addColumn<NoKeyring>("kind");
        QTest::addColumn<QByteArray>("status");
        QTest::addColumn<QByteArray>("message");
        QTest::newRow("no session bus") << NoKeyring::NoBus << QByteArray("NoKeyring")
                                        << QByteArray("No system keyring is available");
        QTest::newRow("bus without Secret Service") << NoKeyring::BusWithoutSecretService << QByteArray("NoKeyring")
                                                    << QByteArray("No system keyring is available");
        // A real gnome-keyring of the child's own, locked; the unlock prompt cannot be shown (no
        // prompter on the bus, as without a display) or is dismissed (a prompter answering Cancel).
        QTest::newRow("locked, prompt fails") << NoKeyring::LockedNoPrompter << QByteArray("Locked")
                                              << QByteArray("The system keyring is locked and was not unlocked");
        QTest::newRow("locked, prompt dismissed") << NoKeyring::LockedPromptDismissed << QByteArray("Locked")
                                                  << QByteArray("The system keyring is locked and was not unlocked");
    }
    void noKeyring()
    {
        QFETCH(NoKeyring, kind);
        QFETCH(QByteArray, status);
        QFETCH(QByteArray, message);
        const TestChild::Output output = TestChild::run(kind, {QString::fromLatin1(kChildArgument)});
        QVERIFY2(output.finished, output.stdErr.constData()); // no hang
        QCOMPARE(output.exitCode, 0);
        const QList<QByteArray> lines = output.stdOut.trimmed().split('\n');
        QCOMPARE(lines.size(), 8);
        QVERIFY2(lines.at(0).startsWith(QByteArray("check " + status + ' ' + message)), lines.at(0).constData());
        QVERIFY2(lines.at(1).startsWith(QByteArray("write " + status + ' ')), lines.at(1).constData());
        QVERIFY2(lines.at(2).startsWith(QByteArray("read " + status + ' ')), lines.at(2).constData());
        QCOMPARE(lines.at(3), QByteArray("read-data other"));
        QVERIFY2(lines.at(4).startsWith(QByteArray("remove " + status + ' ')), lines.at(4).constData());
        QVERIFY(!output.stdOut.contains(kSecret));
        QVERIFY(!output.stdErr.contains(kSecret));
        const bool locked = status == "Locked";
        // A keyring still starting with the session gets one more chance, and only one; a locked
        // one is there, so it gets none.
        QCOMPARE(output.stdErr.count("retrying once"), locked ? 0 : 1);
        if (!locked) {
            return;
        }
        // What QtKeychain 0.13 (libsecret) reports for a locked keyring whose prompt failed or was
        // dismissed: the same either way, so the two cannot be told apart. A read finds nothing, a
        // write is AccessDenied naming the lock (classified Locked), a delete claims success; so on
        // "not found" the store asks the Secret Service whether it is locked (SecretServiceLock).
        QCOMPARE(lines.at(5), QByteArray("qtkeychain-read " + QByteArray::number(int(QKeychain::EntryNotFound))
                                         + " Entry not found"));
        QCOMPARE(lines.at(6), QByteArray("qtkeychain-write " + QByteArray::number(int(QKeychain::AccessDenied))
                                         + " Cannot create an item in a locked collection"));
        QVERIFY2(lines.at(7).startsWith(QByteArray("qtkeychain-delete " + QByteArray::number(int(QKeychain::NoError)))),
                 lines.at(7).constData());
        // The prompt really was shown to the refusing prompter, and dismissed.
        QCOMPARE(output.prompterLog.contains("dismissed password"), kind == NoKeyring::LockedPromptDismissed);
    }

    // A keyring that is not up yet (the daemon starting with the login session) is asked again
    // once after the delay, and then works.
    void aKeyringStartingLateIsRetriedOnce()
    {
        QProcessEnvironment environment;
        // Time for the test to start gnome-keyring-daemon and for it to register on the bus before
        // the one retry, also on a loaded machine.
        environment.insert(QStringLiteral("OUTCROP_TEST_RETRY_DELAY_MS"), QStringLiteral("8000"));
        const TestChild::Output output =
            TestChild::run(NoKeyring::KeyringStartsLate, {QString::fromLatin1(kChildArgument)}, environment);
        QVERIFY2(output.finished, output.stdErr.constData());
        QCOMPARE(output.exitCode, 0);
        const QList<QByteArray> lines = output.stdOut.trimmed().split('\n');
        QVERIFY2(lines.size() >= 5, output.stdOut.constData());
        QCOMPARE(lines.at(0).trimmed(), QByteArray("check Available"));
        QCOMPARE(lines.at(1).trimmed(), QByteArray("write Ok"));
        QCOMPARE(lines.at(2).trimmed(), QByteArray("read Ok"));
        QCOMPARE(lines.at(3), QByteArray("read-data same"));
        QCOMPARE(lines.at(4).trimmed(), QByteArray("remove Ok"));
        QCOMPARE(output.stdErr.count("retrying once"), 1);
    }

private:
    KeychainResult write(const QString &field, const QByteArray &value)
    {
        ResultWaiter waiter;
        m_store->write(m_profile, field, value, waiter.callback());
        return waited(waiter);
    }
    KeychainResult read(const QString &field)
    {
        ResultWaiter waiter;
        m_store->read(m_profile, field, waiter.callback());
        return waited(waiter);
    }
    KeychainResult remove(const QString &field)
    {
        ResultWaiter waiter;
        m_store->remove(m_profile, field, waiter.callback());
        return waited(waiter);
    }
    static KeychainResult waited(ResultWaiter &waiter)
    {
        if (!waiter.wait()) {
            return {KeychainStatus::Failed, QStringLiteral("no answer"), {}};
        }
        return waiter.calls() == 1 ? waiter.result()
                                   : KeychainResult {KeychainStatus::Failed, QStringLiteral("answered twice"), {}};
    }

    std::unique_ptr<KeychainStore> m_store;
    QString m_profile;
};

int main(int argc, char **argv)
{
    return keychainTestMain<QCoreApplication, TestKeychainStore>(argc, argv, {{kChildArgument, runNoKeyringChild}});
}

#include "tst_keychainstore.moc"
