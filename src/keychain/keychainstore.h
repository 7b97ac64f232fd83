// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>

#include <chrono>
#include <functional>

namespace outcrop::keychain {

enum class KeychainStatus {
    Ok,
    NotFound,   // a read found no entry
    NoKeyring,  // no session bus, no Secret Service / KWallet / Keychain, or the backend is not up
    Locked,     // the keyring is locked and did not open (or did not answer: a prompt nobody sees)
    Denied,     // the user or the system refused access
    Failed,     // anything else (including an incomplete chunked entry)
};

enum class KeyringState { Available, NoKeyring, Locked, Denied };

struct KeychainResult
{
    KeychainStatus status = KeychainStatus::Ok;
    QString message;   // for the user; names the entry, never contains its value
    QByteArray data;   // what a read found

    bool ok() const { return status == KeychainStatus::Ok; }
    // The keyring cannot be used at all (as opposed to one entry being missing or damaged).
    bool keyringUnavailable() const
    {
        return status == KeychainStatus::NoKeyring || status == KeychainStatus::Locked
            || status == KeychainStatus::Denied;
    }
};

// Secrets of the app's own profiles in the system keyring, through QtKeychain (Secret Service or
// KWallet on Linux, Keychain on macOS, Credential Manager on Windows), under the service name
// "Outcrop" and the keys "outcrop/<profile>/<field>".
//
// Every call is asynchronous and answers through its callback later, never from inside the call;
// nothing waits. QtKeychain runs its jobs one at a time, in order, process-wide. Destroying the
// store while jobs run is safe: the jobs finish and delete themselves, and their callbacks are
// dropped.
//
// Values longer than the chunk threshold (2,048 bytes) are stored in parts on every platform,
// because Windows' Credential Manager refuses blobs over 2,560 bytes (CRED_MAX_CREDENTIAL_BLOB_SIZE
// is 5 * 512), so a value behaves the same everywhere: "<key>" holds the manifest "chunks:N" and
// "<key>#0" .. "<key>#N-1" the parts. Replacing or removing a value removes all its parts.
//
// A backend that is not up yet (the keyring daemon starting with the session) is retried once
// after a short delay; after that, "no keyring" is reported at once. QtKeychain's insecure
// fallback (plain text in a settings file) is never enabled.
class KeychainStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeychainStore)

public:
    using Callback = std::function<void(const KeychainResult &result)>;
    using StateCallback = std::function<void(KeyringState state, const QString &message)>;

    static constexpr int kDefaultChunkThreshold = 2048;
    static constexpr std::chrono::milliseconds kDefaultRetryDelay { 1500 };
    // A locked keyring may show a password prompt; without a display nobody sees it and the job
    // never finishes (../shared/docs/toolchain.md). Past this, the keyring is reported locked.
    static constexpr std::chrono::milliseconds kDefaultAnswerTimeout { 60000 };

    explicit KeychainStore(QObject *parent = nullptr);
    ~KeychainStore() override;

    static QString serviceName();
    // "outcrop/<profile>/<field>".
    static QString entryKey(const QString &profile, const QString &field);
    // Maps a QtKeychain error to a status; the text tells the kinds of OtherError apart.
    static KeychainStatus classify(int qtKeychainError, const QString &errorText);

    void setChunkThreshold(int bytes);
    int chunkThreshold() const { return m_chunkThreshold; }
    void setRetryDelay(std::chrono::milliseconds delay) { m_retryDelay = delay; }
    void setAnswerTimeout(std::chrono::milliseconds timeout) { m_answerTimeout = timeout; }

    void write(const QString &profile, const QString &field, const QByteArray &secret, Callback done);
    // NotFound when there is no such entry.
    void read(const QString &profile, const QString &field, Callback done);
    // Ok when the entry is gone, including when there was none.
    void remove(const QString &profile, const QString &field, Callback done);
    // One harmless read of a probe key: a missing entry means the keyring works.
    void checkAvailable(StateCallback done);

private:
    enum class Operation { Read, Write, Delete };
    struct Step
    {
        Operation operation;
        QString key;
        QByteArray data;
    };
    using ChunkCountCallback = std::function<void(const KeychainResult &result, int chunkCount)>;

    void runJob(const Step &step, Callback done);
    void startJob(const Step &step, const Callback &done, bool mayRetry);
    void runSteps(QList<Step> steps, Callback done);
    void readChunkCount(const QString &key, ChunkCountCallback done);
    void readParts(const QString &key, int part, int count, const QByteArray &collected, Callback done);
    QString describe(KeychainStatus status, const QString &key, const QString &backendText) const;

    int m_chunkThreshold = kDefaultChunkThreshold;
    std::chrono::milliseconds m_retryDelay = kDefaultRetryDelay;
    std::chrono::milliseconds m_answerTimeout = kDefaultAnswerTimeout;
    bool m_retried = false;
};

} // namespace outcrop::keychain
