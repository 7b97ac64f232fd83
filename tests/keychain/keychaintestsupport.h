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

#include <qt6keychain/keychain.h>

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

// Where a child process runs: with the test's real keyring, with no session bus at all, or on a
// bus of its own without a Secret Service.
enum class NoKeyring { KeepKeyring, NoBus, BusWithoutSecretService };

// Runs this test binary with `arguments`, by default where no keyring can be reached (see
// NoKeyring), with `extraEnvironment` added; returns its stdout and stderr. The private bus (if
// any) is stopped before returning.
class TestChild
{
public:
    struct Output
    {
        bool finished = false;
        int exitCode = -1;
        QByteArray stdOut;
        QByteArray stdErr;
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

        QProcess bus;
        if (kind == NoKeyring::BusWithoutSecretService) {
            const QString config = runtimeDir.filePath(QStringLiteral("bus.conf"));
            QFile file(config);
            if (!file.open(QIODevice::WriteOnly)) {
                return output;
            }
            file.write("<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\" "
                       "\"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
                       "<busconfig><type>session</type><listen>unix:dir=");
            file.write(QFile::encodeName(runtimeDir.path()));
            file.write("</listen><policy context=\"default\"><allow send_destination=\"*\" eavesdrop=\"true\"/>"
                       "<allow eavesdrop=\"true\"/><allow own=\"*\"/></policy></busconfig>\n");
            file.close();
            bus.start(QStringLiteral("dbus-daemon"),
                      {QStringLiteral("--config-file=") + config, QStringLiteral("--nofork"),
                       QStringLiteral("--print-address")});
            if (!bus.waitForStarted(10000) || !bus.waitForReadyRead(10000)) {
                return output;
            }
            const QString address = QString::fromUtf8(bus.readLine().trimmed());
            environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), address);
        }

        QProcess child;
        child.setProcessEnvironment(environment);
        child.start(QCoreApplication::applicationFilePath(), arguments);
        output.finished = child.waitForFinished(60000);
        if (!output.finished) {
            child.kill();
            child.waitForFinished(5000);
        }
        output.exitCode = child.exitCode();
        output.stdOut = child.readAllStandardOutput();
        output.stdErr = child.readAllStandardError();
        if (bus.state() != QProcess::NotRunning) {
            bus.kill();
            bus.waitForFinished(5000);
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
