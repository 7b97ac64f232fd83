// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QFile>
#include <QString>

#include <functional>

class QIODevice;

namespace outcrop::exporting {

// The output of `outcrop --export FILE`: either all of it appears at FILE, or nothing does.
//
// open() creates a temporary file beside FILE with O_CREAT|O_EXCL|O_NOFOLLOW (so a file or
// symlink planted at that name is never opened, let alone followed); commit() flushes, fsyncs and
// renames it over FILE; cancel() and the destructor remove it. A symbolic link at FILE is refused.
//
// Why not QSaveFile: it resolves a symlink at FILE and replaces the link's *target*, so a link
// planted in a shared directory would redirect our write anywhere the user can write. It also
// creates its temporary with QTemporaryFile, whose 0600 mode would end up on FILE; we create it
// with 0666 & ~umask like any shell redirect (or with the mode of the file we replace).
// POSIX only: Outcrop targets Linux (Debian 12).
//
// "-" means standard output. Nothing can be taken back there, so isStreaming() tells the caller
// to say "the output is incomplete" when it fails.
class AtomicFileWriter
{
public:
    // Builds the temporary file's path from the target's directory and name; `attempt` counts
    // up from 0 after each name that already exists. Replaceable so tests can plant a file at
    // the exact name that will be tried.
    using TemporaryNameSource =
        std::function<QString(const QString &directory, const QString &fileName, int attempt)>;

    AtomicFileWriter();
    ~AtomicFileWriter();
    AtomicFileWriter(const AtomicFileWriter &) = delete;
    AtomicFileWriter &operator=(const AtomicFileWriter &) = delete;

    // False with errorString() naming the path and the system's reason.
    bool open(const QString &path);
    // The device to write to; valid between open() and commit()/cancel().
    QIODevice *device() { return &m_file; }
    bool isStreaming() const { return m_streaming; }
    bool isOpen() const { return m_file.isOpen(); }

    // Asks the system to start writing what the device holds so far to the disk, without waiting
    // for it (Linux; nothing when streaming or elsewhere). commit()'s fsync then waits only for
    // the rest: for a 7 MB export it waited ~4.5 ms at the end (docs/benchmarks.md). The file's
    // durability and errors are still commit()'s: a hint, not a flush.
    void startWriteback();
    // Makes the output final: flush, fsync, rename over the target. False with errorString()
    // when anything fails; the temporary file is then removed and the target left as it was.
    // The storage of a file it replaces is freed on a pool thread, after commit() returns.
    bool commit();
    // Removes the temporary file (if any); an existing target stays as it was.
    void cancel();

    QString errorString() const { return m_errorString; }
    // The message for a failure while writing (the reason comes from the device or the CSV
    // writer): names the path, and for standard output says that what was written is incomplete.
    QString writeFailedMessage(const QString &reason) const;

    QString path() const { return m_path; }
    QString temporaryPath() const { return m_temporaryPath; }   // empty when streaming

    void setTemporaryNameSource(TemporaryNameSource source) { m_nameSource = std::move(source); }
    static QString defaultTemporaryName(const QString &directory, const QString &fileName, int attempt);

private:
    bool fail(const QString &message);
    void removeTemporary();

    QFile m_file;
    QString m_path;
    QString m_temporaryPath;
    QString m_errorString;
    TemporaryNameSource m_nameSource;
    bool m_streaming = false;
};

} // namespace outcrop::exporting
