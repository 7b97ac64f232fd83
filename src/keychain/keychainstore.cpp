// SPDX-License-Identifier: Apache-2.0
#include "keychainstore.h"

#include "secretservicelock.h"

#include "aws/logging.h"

#include <QPointer>
#include <QTimer>

#include <qt6keychain/keychain.h>

#include <memory>

namespace outcrop::keychain {

namespace {

const QByteArray kManifestPrefix = QByteArrayLiteral("chunks:");
// A manifest naming more parts than this is damaged (a 2 KiB threshold gives 128 KiB).
constexpr int kMaxChunks = 64;

QString chunkKey(const QString &key, int index)
{
    return key + QLatin1Char('#') + QString::number(index);
}

// 0 when `data` is not a manifest, -1 when it is one with a bad count.
int manifestChunkCount(const QByteArray &data)
{
    if (!data.startsWith(kManifestPrefix)) {
        return 0;
    }
    bool ok = false;
    const int count = data.mid(kManifestPrefix.size()).toInt(&ok);
    return ok && count >= 1 && count <= kMaxChunks ? count : -1;
}

} // namespace

KeychainStore::KeychainStore(QObject *parent)
    : QObject(parent)
{
}

KeychainStore::~KeychainStore() = default;

QString KeychainStore::serviceName()
{
    return QStringLiteral("Outcrop");
}

QString KeychainStore::entryKey(const QString &profile, const QString &field)
{
    return QStringLiteral("outcrop/") + profile + QLatin1Char('/') + field;
}

KeychainStatus KeychainStore::classify(int qtKeychainError, const QString &errorText)
{
    switch (static_cast<QKeychain::Error>(qtKeychainError)) {
    case QKeychain::NoError:
        return KeychainStatus::Ok;
    case QKeychain::EntryNotFound:
        return KeychainStatus::NotFound;
    case QKeychain::AccessDeniedByUser:
        return KeychainStatus::Denied;
    case QKeychain::AccessDenied:
        // libsecret's write to a locked collection whose unlock prompt failed or was dismissed
        // comes back as AccessDenied "Cannot create an item in a locked collection".
        return errorText.contains(QLatin1String("locked"), Qt::CaseInsensitive) ? KeychainStatus::Locked
                                                                                : KeychainStatus::Denied;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return KeychainStatus::NoKeyring;
    case QKeychain::CouldNotDeleteEntry:
        return KeychainStatus::Failed;
    case QKeychain::OtherError:
        break;
    }
    // libsecret reports a missing bus or service only as text (GDBus / D-Bus error messages):
    // "Cannot autolaunch D-Bus without X11 $DISPLAY", "The name org.freedesktop.secrets was not
    // provided by any .service files", "Could not connect: No such file or directory".
    const QString text = errorText.toLower();
    static const QLatin1String noKeyringHints[] = {
        QLatin1String("org.freedesktop.secrets"), QLatin1String("autolaunch"),
        QLatin1String("could not connect"), QLatin1String("serviceunknown"),
        QLatin1String("not provided by any"), QLatin1String("no such file or directory"),
        QLatin1String("d-bus"), QLatin1String("dbus"), QLatin1String("kwallet"),
    };
    for (const QLatin1String &hint : noKeyringHints) {
        if (text.contains(hint)) {
            return KeychainStatus::NoKeyring;
        }
    }
    if (text.contains(QLatin1String("lock")) || text.contains(QLatin1String("prompt"))
        || text.contains(QLatin1String("dismissed"))) {
        return KeychainStatus::Locked;
    }
    if (text.contains(QLatin1String("denied")) || text.contains(QLatin1String("not allowed"))) {
        return KeychainStatus::Denied;
    }
    return KeychainStatus::Failed;
}

void KeychainStore::setChunkThreshold(int bytes)
{
    m_chunkThreshold = qMax(16, bytes);
}

QString KeychainStore::describe(KeychainStatus status, const QString &key, const QString &backendText) const
{
    const QString details = backendText.isEmpty() ? QString() : tr(" (%1)").arg(backendText);
    switch (status) {
    case KeychainStatus::Ok:
        return {};
    case KeychainStatus::NotFound:
        return tr("The system keyring has no entry %1.").arg(key);
    case KeychainStatus::NoKeyring:
        return tr("No system keyring is available: no Secret Service (GNOME Keyring, KWallet) answered "
                  "on the session bus%1.").arg(details);
    case KeychainStatus::Locked:
        return tr("The system keyring is locked and was not unlocked%1.").arg(details);
    case KeychainStatus::Denied:
        return tr("Access to the system keyring was denied%1.").arg(details);
    case KeychainStatus::Failed:
        return tr("The system keyring could not handle the entry %1%2.").arg(key, details);
    }
    return {};
}

void KeychainStore::runJob(const Step &step, Callback done)
{
    // The first "no keyring" may be a daemon still starting with the session: retry it once.
    startJob(step, done, !m_retried);
}

void KeychainStore::startJob(const Step &step, const Callback &done, bool mayRetry)
{
    QKeychain::Job *job = nullptr;
    switch (step.operation) {
    case Operation::Read:
        job = new QKeychain::ReadPasswordJob(serviceName());
        break;
    case Operation::Write: {
        auto *writeJob = new QKeychain::WritePasswordJob(serviceName());
        writeJob->setBinaryData(step.data);
        job = writeJob;
        break;
    }
    case Operation::Delete:
        job = new QKeychain::DeletePasswordJob(serviceName());
        break;
    }
    // No parent: a job outlives the store if need be, and deletes itself when finished.
    job->setAutoDelete(true);
    job->setKey(step.key);

    // Answered once: by the job, or by the timeout when the job hangs on a prompt nobody sees.
    auto answered = std::make_shared<bool>(false);
    auto *timeout = new QTimer(this);
    timeout->setSingleShot(true);
    connect(timeout, &QTimer::timeout, this, [this, step, done, answered, timeout] {
        timeout->deleteLater();
        if (*answered) {
            return;
        }
        *answered = true;
        qCWarning(lcKeychain) << "the keyring did not answer for" << step.key;
        done({KeychainStatus::Locked, describe(KeychainStatus::Locked, step.key, tr("no answer")), {}});
    });
    const QPointer<QTimer> guardedTimeout(timeout);
    connect(job, &QKeychain::Job::finished, this,
            [this, step, done, mayRetry, answered, guardedTimeout](QKeychain::Job *finished) {
                if (guardedTimeout) {
                    guardedTimeout->deleteLater();
                }
                if (*answered) {
                    return;
                }
                *answered = true;
                const KeychainStatus status = classify(finished->error(), finished->errorString());
                if (status == KeychainStatus::NoKeyring && mayRetry && !m_retried) {
                    m_retried = true;
                    qCInfo(lcKeychain) << "no keyring yet; retrying once in" << m_retryDelay.count() << "ms";
                    QTimer::singleShot(m_retryDelay, this, [this, step, done] { startJob(step, done, false); });
                    return;
                }
                KeychainResult result;
                result.status = status;
                if (status == KeychainStatus::Ok) {
                    if (step.operation == Operation::Read) {
                        result.data = static_cast<QKeychain::ReadPasswordJob *>(finished)->binaryData();
                    }
                    done(result);
                    return;
                }
                // QtKeychain's texts describe the backend, never the value.
                result.message = describe(status, step.key, finished->errorString());
                if (status != KeychainStatus::NotFound) {
                    qCInfo(lcKeychain) << "keyring job failed for" << step.key << ":" << finished->errorString();
                    done(result);
                    return;
                }
                // "Not found" is also what a locked keyring whose unlock prompt failed or was
                // dismissed reports (see SecretServiceLock): ask the keyring itself.
                SecretServiceLock::queryDefaultCollectionLocked(this, [this, step, done, result](bool locked) {
                    if (!locked) {
                        done(result);
                        return;
                    }
                    qCInfo(lcKeychain) << "the keyring is locked; could not read" << step.key;
                    done({KeychainStatus::Locked,
                          describe(KeychainStatus::Locked, step.key,
                                   tr("its default collection stays locked: the unlock prompt failed or was dismissed")),
                          {}});
                });
            });
    timeout->start(m_answerTimeout);
    job->start();
}

void KeychainStore::runSteps(QList<Step> steps, Callback done)
{
    if (steps.isEmpty()) {
        QTimer::singleShot(0, this, [done] { done({}); });
        return;
    }
    const Step step = steps.takeFirst();
    runJob(step, [this, step, steps, done](const KeychainResult &result) {
        // Deleting what is not there is fine: the aim is that it is gone.
        const bool fine = result.ok() || (step.operation == Operation::Delete && result.status == KeychainStatus::NotFound);
        if (!fine) {
            done(result);
            return;
        }
        runSteps(steps, done);
    });
}

void KeychainStore::readChunkCount(const QString &key, ChunkCountCallback done)
{
    runJob({Operation::Read, key, {}}, [done](const KeychainResult &result) {
        done(result, result.ok() ? qMax(0, manifestChunkCount(result.data)) : 0);
    });
}

void KeychainStore::write(const QString &profile, const QString &field, const QByteArray &secret, Callback done)
{
    const QString key = entryKey(profile, field);
    readChunkCount(key, [this, key, secret, done](const KeychainResult &existing, int oldChunks) {
        if (!existing.ok() && existing.status != KeychainStatus::NotFound) {
            done(existing);
            return;
        }
        QList<Step> steps;
        int newChunks = 0;
        // A value that looks like a manifest is stored in parts too, so it is never misread.
        if (secret.size() > m_chunkThreshold || secret.startsWith(kManifestPrefix)) {
            for (qsizetype offset = 0; offset < secret.size(); offset += m_chunkThreshold) {
                steps.append({Operation::Write, chunkKey(key, newChunks++), secret.mid(offset, m_chunkThreshold)});
            }
            if (newChunks > kMaxChunks) {
                done({KeychainStatus::Failed,
                      tr("The value of %1 is too long for the system keyring (%2 bytes).").arg(key).arg(secret.size()),
                      {}});
                return;
            }
            // The manifest last: a reader never finds a manifest before its parts.
            steps.append({Operation::Write, key, kManifestPrefix + QByteArray::number(newChunks)});
        } else {
            steps.append({Operation::Write, key, secret});
        }
        for (int index = newChunks; index < oldChunks; ++index) {
            steps.append({Operation::Delete, chunkKey(key, index), {}});
        }
        runSteps(steps, done);
    });
}

void KeychainStore::read(const QString &profile, const QString &field, Callback done)
{
    const QString key = entryKey(profile, field);
    runJob({Operation::Read, key, {}}, [this, key, done](const KeychainResult &result) {
        if (!result.ok()) {
            done(result);
            return;
        }
        const int count = manifestChunkCount(result.data);
        if (count == 0) {
            done(result);
            return;
        }
        if (count < 0) {
            done({KeychainStatus::Failed,
                  tr("The system keyring entry %1 is damaged (its list of parts is unreadable); save the "
                     "credentials again.").arg(key),
                  {}});
            return;
        }
        readParts(key, 0, count, {}, done);
    });
}

void KeychainStore::readParts(const QString &key, int part, int count, const QByteArray &collected, Callback done)
{
    if (part == count) {
        done({KeychainStatus::Ok, {}, collected});
        return;
    }
    const QString partKey = chunkKey(key, part);
    runJob({Operation::Read, partKey, {}}, [this, key, part, count, collected, partKey, done](
                                               const KeychainResult &result) {
        if (result.status == KeychainStatus::NotFound) {
            done({KeychainStatus::Failed,
                  tr("The system keyring entry %1 is incomplete: part %2 of %3 (%4) is missing; save the "
                     "credentials again.").arg(key).arg(part + 1).arg(count).arg(partKey),
                  {}});
            return;
        }
        if (!result.ok()) {
            done(result);
            return;
        }
        readParts(key, part + 1, count, collected + result.data, done);
    });
}

void KeychainStore::remove(const QString &profile, const QString &field, Callback done)
{
    const QString key = entryKey(profile, field);
    readChunkCount(key, [this, key, done](const KeychainResult &existing, int chunks) {
        if (!existing.ok() && existing.status != KeychainStatus::NotFound) {
            done(existing);
            return;
        }
        QList<Step> steps {{Operation::Delete, key, {}}};
        for (int index = 0; index < chunks; ++index) {
            steps.append({Operation::Delete, chunkKey(key, index), {}});
        }
        runSteps(steps, done);
    });
}

void KeychainStore::checkAvailable(StateCallback done)
{
    runJob({Operation::Read, entryKey(QStringLiteral(".probe"), QStringLiteral("available")), {}},
           [done](const KeychainResult &result) {
               switch (result.status) {
               case KeychainStatus::Ok:
               case KeychainStatus::NotFound:
                   done(KeyringState::Available, {});
                   return;
               case KeychainStatus::Locked:
                   done(KeyringState::Locked, result.message);
                   return;
               case KeychainStatus::Denied:
                   done(KeyringState::Denied, result.message);
                   return;
               case KeychainStatus::NoKeyring:
               case KeychainStatus::Failed:
                   done(KeyringState::NoKeyring, result.message);
                   return;
               }
           });
}

} // namespace outcrop::keychain
