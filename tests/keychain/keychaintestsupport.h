// SPDX-License-Identifier: Apache-2.0
#pragma once

// Helpers of the keychain tests. They run against the real, unlocked gnome-keyring that
// scripts/test starts on a private session bus. The "no keyring" cases run this same test binary
// again as a child process (a D-Bus connection is process-wide, so a process cannot lose its
// keyring): either with no session bus at all, or on a bus of its own that has no Secret Service
// (a dbus-daemon with no service directories, so nothing can be activated on it).

#include "appprofiles.h"
#include "keychainstore.h"

#include <QByteArray>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDBusVariant>
#include <QDBusVirtualObject>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSettings>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QString>
#include <QTemporaryDir>
#include <QTest>
#include <QVariant>
#include <QVariantList>
#include <QVariantMap>

#include <qt6keychain/keychain.h>

#include <cstdio>
#include <cstring>
#include <initializer_list>
#include <memory>
#include <utility>

namespace outcrop::keychain::test {

// A profile name no other test run uses, so runs never see each other's entries.
inline QString uniqueProfile(const QString &prefix)
{
    return prefix + QLatin1Char('-') + QString::number(QRandomGenerator::global()->generate(), 16);
}

// Reads one raw keychain entry, bypassing KeychainStore (to see how it stored things).
inline KeychainResult rawRead(const QString &key)
{
    auto *job = new QKeychain::ReadPasswordJob(KeychainStore::serviceName());
    job->setAutoDelete(false);
    job->setKey(key);
    QSignalSpy finished(job, &QKeychain::Job::finished);
    job->start();
    KeychainResult result;
    if (!finished.wait(20000)) {
        result.status = KeychainStatus::Failed;
        result.message = QStringLiteral("raw read timed out");
        return result;
    }
    result.status = KeychainStore::classify(job->error(), job->errorString());
    result.data = job->binaryData();
    result.message = job->errorString();
    delete job;
    return result;
}

inline bool rawDelete(const QString &key)
{
    auto *job = new QKeychain::DeletePasswordJob(KeychainStore::serviceName());
    job->setAutoDelete(false);
    job->setKey(key);
    QSignalSpy finished(job, &QKeychain::Job::finished);
    job->start();
    const bool ok = finished.wait(20000) && job->error() == QKeychain::NoError;
    delete job;
    return ok;
}

// Waits for one store callback.
class ResultWaiter
{
public:
    KeychainStore::Callback callback()
    {
        return [this](const KeychainResult &result) {
            m_result = result;
            ++m_calls;
        };
    }
    bool wait(int timeoutMs = 20000)
    {
        return QTest::qWaitFor([this] { return m_calls > 0; }, timeoutMs);
    }
    const KeychainResult &result() const { return m_result; }
    int calls() const { return m_calls; }

private:
    KeychainResult m_result;
    int m_calls = 0;
};

// A session bus of the test's own: a dbus-daemon listening in `directory`, with no service
// directories, so nothing can be activated on it (no keyring daemon, no password prompter).
class PrivateBus
{
public:
    explicit PrivateBus(const QString &directory)
        : m_directory(directory)
    {
    }
    ~PrivateBus()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
    bool start()
    {
        const QString config = m_directory + QStringLiteral("/bus.conf");
        QFile file(config);
        if (!file.open(QIODevice::WriteOnly)) {
            return false;
        }
        file.write("<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\" "
                   "\"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
                   "<busconfig><type>session</type><listen>unix:dir=");
        file.write(QFile::encodeName(m_directory));
        file.write("</listen><policy context=\"default\"><allow send_destination=\"*\" eavesdrop=\"true\"/>"
                   "<allow eavesdrop=\"true\"/><allow own=\"*\"/></policy></busconfig>\n");
        file.close();
        m_process.start(QStringLiteral("dbus-daemon"), {QStringLiteral("--config-file=") + config,
                                                         QStringLiteral("--nofork"), QStringLiteral("--print-address")});
        if (!m_process.waitForStarted(10000) || !m_process.waitForReadyRead(10000)) {
            return false;
        }
        m_address = QString::fromUtf8(m_process.readLine().trimmed());
        return !m_address.isEmpty();
    }
    QString address() const { return m_address; }

private:
    QString m_directory;
    QString m_address;
    QProcess m_process;
};

// The argument that runs a keychain test binary as a password prompter that refuses (see
// runRefusingPrompter).
inline const char *const kRefusingPrompterArgument = "--refusing-prompter";

// A gnome-keyring-daemon of the test's own, on a PrivateBus, keeping its keyrings in `directory`
// (never the shared one of scripts/test), optionally with a password prompter that dismisses
// every prompt (this test binary, run with kRefusingPrompterArgument).
class PrivateKeyring
{
public:
    PrivateKeyring(const QString &directory, const QString &busAddress)
        : m_directory(directory)
        , m_busAddress(busAddress)
    {
    }
    ~PrivateKeyring()
    {
        QDBusConnection::disconnectFromBus(connectionName());
        for (QProcess *process : {&m_prompter, &m_daemon}) {
            if (process->state() != QProcess::NotRunning) {
                process->kill();
                process->waitForFinished(5000);
            }
        }
    }

    // The daemon, unlocked (its login keyring is created with this password on first start).
    bool start()
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), m_busAddress);
        environment.insert(QStringLiteral("HOME"), m_directory);
        environment.insert(QStringLiteral("XDG_DATA_HOME"), m_directory + QStringLiteral("/data"));
        environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), m_directory);
        environment.remove(QStringLiteral("DISPLAY"));
        environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
        m_daemon.setProcessEnvironment(environment);
        m_daemon.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_daemon.start(QStringLiteral("gnome-keyring-daemon"),
                       {QStringLiteral("--foreground"), QStringLiteral("--unlock"), QStringLiteral("--components=secrets")});
        if (!m_daemon.waitForStarted(10000)) {
            return false;
        }
        m_daemon.write("outcrop-private-keyring");
        m_daemon.closeWriteChannel();
        return waitForName(QStringLiteral("org.freedesktop.secrets"));
    }

    // org.freedesktop.Secret.Service.Lock on the default collection; true once it reports locked.
    bool lockDefaultCollection()
    {
        QDBusMessage lock = QDBusMessage::createMethodCall(
            QStringLiteral("org.freedesktop.secrets"), QStringLiteral("/org/freedesktop/secrets"),
            QStringLiteral("org.freedesktop.Secret.Service"), QStringLiteral("Lock"));
        lock << QVariant::fromValue(QList<QDBusObjectPath> {QDBusObjectPath(kDefaultCollection)});
        const QDBusMessage reply = connection().call(lock, QDBus::Block, 10000);
        if (reply.type() != QDBusMessage::ReplyMessage) {
            qWarning("Lock failed: %s", qPrintable(reply.errorMessage()));
            return false;
        }
        return isDefaultCollectionLocked();
    }
    bool isDefaultCollectionLocked()
    {
        QDBusMessage get = QDBusMessage::createMethodCall(QStringLiteral("org.freedesktop.secrets"), kDefaultCollection,
                                                          QStringLiteral("org.freedesktop.DBus.Properties"),
                                                          QStringLiteral("Get"));
        get << QStringLiteral("org.freedesktop.Secret.Collection") << QStringLiteral("Locked");
        const QDBusMessage reply = connection().call(get, QDBus::Block, 10000);
        return reply.type() == QDBusMessage::ReplyMessage && !reply.arguments().isEmpty()
            && qvariant_cast<QDBusVariant>(reply.arguments().constFirst()).variant().toBool();
    }

    // The refusing prompter, on the bus under gcr's name for the system prompter.
    bool startRefusingPrompter()
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), m_busAddress);
        m_prompter.setProcessEnvironment(environment);
        m_prompter.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_prompter.start(QCoreApplication::applicationFilePath(), {QString::fromLatin1(kRefusingPrompterArgument)});
        return m_prompter.waitForStarted(10000) && waitForName(QStringLiteral("org.gnome.keyring.SystemPrompter"));
    }
    // What the prompter did, one line per prompt ("dismissed password ...").
    QByteArray prompterLog()
    {
        if (m_prompter.state() == QProcess::NotRunning) {
            return {};
        }
        m_prompter.waitForReadyRead(2000); // what it wrote while this process waited for the child
        return m_prompter.readAllStandardOutput();
    }

private:
    static inline const QString kDefaultCollection = QStringLiteral("/org/freedesktop/secrets/aliases/default");

    QString connectionName() const { return QStringLiteral("private-keyring-") + m_busAddress; }
    QDBusConnection connection() { return QDBusConnection::connectToBus(m_busAddress, connectionName()); }
    bool waitForName(const QString &name)
    {
        return QTest::qWaitFor([&] { return connection().interface()->isServiceRegistered(name).value(); }, 10000);
    }

    QString m_directory;
    QString m_busAddress;
    QProcess m_daemon;
    QProcess m_prompter;
};

// The prompter's side of gcr's private prompting protocol (gcr/gcr-system-prompt.c and
// gcr-dbus-constants.h in GNOME/gcr): the keyring daemon calls BeginPrompting(callback), the
// prompter says it is ready with callback.PromptReady("", ...), the daemon asks PerformPrompt(
// callback, type, properties, exchange), and the prompter answers PromptReady(reply, ...), where
// reply "no" is the user pressing Cancel; StopPrompting(callback) ends with callback.PromptDone().
class RefusingPrompter final : public QDBusVirtualObject
{
public:
    explicit RefusingPrompter(QDBusConnection bus)
        : m_bus(std::move(bus))
    {
    }
    QString introspect(const QString &) const override { return {}; }
    bool handleMessage(const QDBusMessage &message, const QDBusConnection &) override
    {
        if (message.interface() != QStringLiteral("org.gnome.keyring.internal.Prompter") || message.arguments().isEmpty()) {
            return false;
        }
        const QString callback = qvariant_cast<QDBusObjectPath>(message.arguments().constFirst()).path();
        m_bus.send(message.createReply());
        const QString member = message.member();
        // No secret exchange ("" where gcr sends its "[sx-aes-1]" keys): nothing secret is
        // exchanged when the answer is Cancel. The daemon logs "received invalid secret exchange
        // string" and carries on.
        if (member == QStringLiteral("BeginPrompting")) {
            answer(message.service(), callback, QStringLiteral("PromptReady"), {QString(), QVariantMap(), QString()});
        } else if (member == QStringLiteral("PerformPrompt")) {
            const QString type = message.arguments().value(1).toString();
            std::fprintf(stdout, "dismissed %s\n", qPrintable(type));
            std::fflush(stdout);
            answer(message.service(), callback, QStringLiteral("PromptReady"),
                   {QStringLiteral("no"), QVariantMap(), QString()});
        } else if (member == QStringLiteral("StopPrompting")) {
            answer(message.service(), callback, QStringLiteral("PromptDone"), {});
        }
        return true;
    }

private:
    void answer(const QString &service, const QString &callback, const QString &member, const QVariantList &arguments)
    {
        QDBusMessage call = QDBusMessage::createMethodCall(
            service, callback, QStringLiteral("org.gnome.keyring.internal.Prompter.Callback"), member);
        call.setArguments(arguments);
        m_bus.asyncCall(call);
    }

    QDBusConnection m_bus;
};

inline int runRefusingPrompter(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QDBusConnection bus = QDBusConnection::sessionBus();
    RefusingPrompter prompter(bus);
    if (!bus.registerVirtualObject(QStringLiteral("/org/gnome/keyring/Prompter"), &prompter)
        || !bus.registerService(QStringLiteral("org.gnome.keyring.SystemPrompter"))) {
        std::fprintf(stderr, "the refusing prompter could not register: %s\n", qPrintable(bus.lastError().message()));
        return 1;
    }
    return app.exec();
}

// Where a child process runs: with the test's real keyring; with no session bus at all; on a bus
// of its own without a Secret Service; or with a keyring of its own that is locked, where the
// unlock prompt either fails (nothing can show it: no prompter on the bus, as without a display)
// or is shown and dismissed (a prompter that answers Cancel).
// KeyringStartsLate: a bus without a Secret Service, whose keyring daemon starts once the child
// has said "retrying once" (a keyring still starting with the login session).
enum class NoKeyring {
    KeepKeyring,
    NoBus,
    BusWithoutSecretService,
    LockedNoPrompter,
    LockedPromptDismissed,
    KeyringStartsLate,
};

// Runs this test binary with `arguments`, by default where no keyring can be reached (see
// NoKeyring), with `extraEnvironment` added; returns its stdout and stderr (and, with a refusing
// prompter, what that prompter did). The private bus and keyring (if any) are stopped before
// returning.
class TestChild
{
public:
    struct Output
    {
        bool finished = false;
        int exitCode = -1;
        QByteArray stdOut;
        QByteArray stdErr;
        QByteArray prompterLog;
    };

    static Output run(NoKeyring kind, const QStringList &arguments,
                      const QProcessEnvironment &extraEnvironment = QProcessEnvironment())
    {
        Output output;
        QTemporaryDir runtimeDir;
        QFile::setPermissions(runtimeDir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        if (kind != NoKeyring::KeepKeyring) {
            // Nothing that could reach the test's keyring or autolaunch a bus.
            for (const char *name : {"DBUS_SESSION_BUS_ADDRESS", "DISPLAY", "WAYLAND_DISPLAY", "XDG_CURRENT_DESKTOP",
                                     "DESKTOP_SESSION", "KDE_FULL_SESSION"}) {
                environment.remove(QString::fromLatin1(name));
            }
            environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtimeDir.path());
        }
        environment.insert(extraEnvironment);

        PrivateBus bus(runtimeDir.path());
        std::unique_ptr<PrivateKeyring> keyring;
        if (kind != NoKeyring::KeepKeyring && kind != NoKeyring::NoBus) {
            if (!bus.start()) {
                return output;
            }
            environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), bus.address());
        }
        if (kind == NoKeyring::LockedNoPrompter || kind == NoKeyring::LockedPromptDismissed
            || kind == NoKeyring::KeyringStartsLate) {
            keyring = std::make_unique<PrivateKeyring>(runtimeDir.path(), bus.address());
        }
        if (kind == NoKeyring::LockedNoPrompter || kind == NoKeyring::LockedPromptDismissed) {
            if (!keyring->start() || !keyring->lockDefaultCollection()) {
                return output;
            }
            if (kind == NoKeyring::LockedPromptDismissed && !keyring->startRefusingPrompter()) {
                return output;
            }
        }

        QProcess child;
        child.setProcessEnvironment(environment);
        child.start(QCoreApplication::applicationFilePath(), arguments);
        if (kind == NoKeyring::KeyringStartsLate) {
            child.setReadChannel(QProcess::StandardError);
            while (!output.stdErr.contains("retrying once") && child.waitForReadyRead(30000)) {
                output.stdErr += child.readAllStandardError();
            }
            if (!keyring->start()) {
                output.stdErr += "the private keyring did not start\n";
            }
        }
        output.finished = child.waitForFinished(60000);
        if (!output.finished) {
            child.kill();
            child.waitForFinished(5000);
        }
        output.exitCode = child.exitCode();
        output.stdOut = child.readAllStandardOutput();
        output.stdErr += child.readAllStandardError();
        if (keyring) {
            output.prompterLog = keyring->prompterLog();
        }
        return output;
    }
};

inline const char *statusName(KeychainStatus status)
{
    switch (status) {
    case KeychainStatus::Ok: return "Ok";
    case KeychainStatus::NotFound: return "NotFound";
    case KeychainStatus::NoKeyring: return "NoKeyring";
    case KeychainStatus::Locked: return "Locked";
    case KeychainStatus::Denied: return "Denied";
    case KeychainStatus::Failed: return "Failed";
    }
    return "?";
}

inline const char *stateName(KeyringState state)
{
    switch (state) {
    case KeyringState::Available: return "Available";
    case KeyringState::NoKeyring: return "NoKeyring";
    case KeyringState::Locked: return "Locked";
    case KeyringState::Denied: return "Denied";
    }
    return "?";
}

// App profiles over a throw-away settings file and the real keyring. Members are pointers so a
// test can destroy one part before the others.
struct ProfilesFixture
{
    explicit ProfilesFixture(std::chrono::milliseconds retryDelay = KeychainStore::kDefaultRetryDelay)
        : dir(std::make_unique<QTemporaryDir>())
        , settings(std::make_unique<QSettings>(dir->filePath(QStringLiteral("outcrop.ini")), QSettings::IniFormat))
        , store(std::make_unique<KeychainStore>())
    {
        store->setRetryDelay(retryDelay);
        profiles = std::make_unique<AppProfiles>(store.get(), settings.get());
    }
    ~ProfilesFixture()
    {
        profiles.reset();
        store.reset();
    }
    QByteArray settingsBytes() const
    {
        settings->sync();
        QFile file(settings->fileName());
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    std::unique_ptr<QTemporaryDir> dir;
    std::unique_ptr<QSettings> settings;
    std::unique_ptr<KeychainStore> store;
    std::unique_ptr<AppProfiles> profiles;
};

using ChildMain = int (*)(int argc, char **argv);

// main() of a keychain test: runs the child named by the first argument (one of `children`), else
// the test class in an `Application` (QCoreApplication or QApplication).
template<typename Application, typename TestClass>
int keychainTestMain(int argc, char **argv, std::initializer_list<std::pair<const char *, ChildMain>> children)
{
    if (argc > 1 && std::strcmp(argv[1], kRefusingPrompterArgument) == 0) {
        return runRefusingPrompter(argc, argv);
    }
    for (const auto &[argument, childMain] : children) {
        if (argc > 1 && std::strcmp(argv[1], argument) == 0) {
            return childMain(argc, argv);
        }
    }
    Application app(argc, argv);
    TestClass test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

} // namespace outcrop::keychain::test
