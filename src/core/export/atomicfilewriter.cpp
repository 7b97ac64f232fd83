// SPDX-License-Identifier: Apache-2.0
#include "export/atomicfilewriter.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QThreadPool>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace outcrop::exporting {

namespace {

// The translation context "AtomicFileWriter" of this file (a class of its own: lupdate gives tr() calls
// in free functions the namespace as context).
class AtomicFileWriterTr
{
    Q_DECLARE_TR_FUNCTIONS(AtomicFileWriter)
};

QString systemReason(int error)
{
    return qt_error_string(error);
}

// Tries of fresh random names before giving up; only a directory full of our own leftovers or
// an attacker racing us could exhaust them.
constexpr int maximumNameAttempts = 100;

} // namespace

AtomicFileWriter::AtomicFileWriter()
    : m_nameSource(&AtomicFileWriter::defaultTemporaryName)
{
}

AtomicFileWriter::~AtomicFileWriter()
{
    cancel();
}

QString AtomicFileWriter::defaultTemporaryName(const QString &directory, const QString &fileName, int attempt)
{
    Q_UNUSED(attempt);
    // 60 random bits: not guessable in advance, which O_EXCL does not need but a tidy
    // directory listing does (no collisions between two exports at once).
    const quint64 random = QRandomGenerator::system()->generate64() & 0x0FFFFFFFFFFFFFFFull;
    return directory + QLatin1Char('/') + fileName + QLatin1Char('.')
        + QString::number(random, 36) + QStringLiteral(".outcrop-tmp");
}

bool AtomicFileWriter::fail(const QString &message)
{
    m_errorString = message;
    return false;
}

bool AtomicFileWriter::open(const QString &path)
{
    cancel();
    m_path = path;
    m_errorString.clear();
    m_streaming = false;

    if (path.isEmpty()) {
        return fail(AtomicFileWriterTr::tr("No output file given."));
    }
    if (path == QLatin1String("-")) {
        m_streaming = true;
        if (!m_file.open(STDOUT_FILENO, QIODevice::WriteOnly | QIODevice::Unbuffered,
                         QFileDevice::DontCloseHandle)) {
            return fail(AtomicFileWriterTr::tr("Cannot write to standard output: %1").arg(m_file.errorString()));
        }
        return true;
    }

    const QByteArray encodedPath = QFile::encodeName(path);
    // lstat, not stat: the link itself is what we look at. A link planted after this check is
    // harmless: rename() replaces a link at the target, it never writes through it.
    struct stat existing = {};
    mode_t mode = 0666;   // narrowed by the umask, like a shell's "> FILE"
    bool replacing = false;
    if (::lstat(encodedPath.constData(), &existing) == 0) {
        if (S_ISLNK(existing.st_mode)) {
            return fail(AtomicFileWriterTr::tr("Refusing to write %1: it is a symbolic link. Give the path of the file "
                           "it points to, or remove the link.")
                            .arg(path));
        }
        if (S_ISDIR(existing.st_mode)) {
            return fail(AtomicFileWriterTr::tr("Cannot write %1: it is a directory.").arg(path));
        }
        if (!S_ISREG(existing.st_mode)) {
            return fail(AtomicFileWriterTr::tr("Refusing to write %1: it is not a regular file (a device, pipe or socket "
                           "would be replaced, not written to). Use - for standard output.")
                            .arg(path));
        }
        mode = existing.st_mode & 0777;   // the replacement keeps the permissions of the file it replaces
        replacing = true;
    } else if (errno != ENOENT) {
        return fail(AtomicFileWriterTr::tr("Cannot write %1: %2").arg(path, systemReason(errno)));
    }

    const QFileInfo target(path);
    const QString directory = target.path();
    const QString fileName = target.fileName();
    if (fileName.isEmpty()) {
        return fail(AtomicFileWriterTr::tr("Cannot write %1: it names a directory, not a file.").arg(path));
    }

    for (int attempt = 0; attempt < maximumNameAttempts; ++attempt) {
        const QString candidate = m_nameSource(directory, fileName, attempt);
        // O_EXCL: fail if anything exists at the name, a symlink included (POSIX: with O_CREAT
        // and O_EXCL a symlink is not followed). O_NOFOLLOW says the same a second time.
        const int fd = ::open(QFile::encodeName(candidate).constData(),
                              O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
        if (fd < 0) {
            const int error = errno;
            if (error == EEXIST) {
                continue;
            }
            return fail(AtomicFileWriterTr::tr("Cannot create a temporary file in %1 to write %2: %3")
                            .arg(directory, path, systemReason(error)));
        }
        m_temporaryPath = candidate;
        if (replacing) {
            // open() applied the umask; the permissions of the replaced file are restored as they were.
            (void)::fchmod(fd, mode);
        }
        if (!m_file.open(fd, QIODevice::WriteOnly | QIODevice::Unbuffered, QFileDevice::AutoCloseHandle)) {
            ::close(fd);
            removeTemporary();
            return fail(AtomicFileWriterTr::tr("Cannot write %1: %2").arg(path, m_file.errorString()));
        }
        return true;
    }
    return fail(AtomicFileWriterTr::tr("Cannot create a temporary file in %1 to write %2: every name tried already exists.")
                    .arg(directory, path));
}

bool AtomicFileWriter::commit()
{
    if (!m_file.isOpen()) {
        return fail(m_errorString.isEmpty() ? AtomicFileWriterTr::tr("Cannot write %1: the output is not open.").arg(m_path)
                                            : m_errorString);
    }
    if (m_streaming) {
        const bool flushed = m_file.flush() && m_file.error() == QFileDevice::NoError;
        const QString reason = m_file.errorString();
        m_file.close();
        return flushed || fail(writeFailedMessage(reason));
    }

    if (!m_file.flush() || m_file.error() != QFileDevice::NoError) {
        const QString reason = m_file.errorString();
        removeTemporary();
        return fail(writeFailedMessage(reason));
    }
    // fsync before rename: otherwise a crash soon after can leave an empty FILE where the old
    // one was (the rename reaches the disk before the data; ext4 "auto_da_alloc" covers only
    // some cases). NFS and full disks also report late write errors here.
    if (::fsync(m_file.handle()) != 0) {
        const int error = errno;
        removeTemporary();
        return fail(writeFailedMessage(systemReason(error)));
    }
    m_file.close();   // AutoCloseHandle: closes the descriptor
    // The file being replaced, held by an O_PATH descriptor (no I/O, no permission needed, no
    // side effect of opening a device that raced in): the rename then only unlinks its name, and
    // its storage is freed when the descriptor closes, on a pool thread. Freeing a 7 MB file
    // (ext4 releasing its blocks and cached pages) took 1.3-1.8 ms inside rename(), the longest
    // step at the end of an export (docs/benchmarks.md); the caller need not wait for it.
    const int replaced = ::open(QFile::encodeName(m_path).constData(), O_PATH | O_NOFOLLOW | O_CLOEXEC);
    if (::rename(QFile::encodeName(m_temporaryPath).constData(), QFile::encodeName(m_path).constData()) != 0) {
        const int error = errno;
        if (replaced >= 0) {
            ::close(replaced);   // still linked: nothing is freed
        }
        removeTemporary();
        return fail(AtomicFileWriterTr::tr("Cannot replace %1: %2").arg(m_path, systemReason(error)));
    }
    if (replaced >= 0) {
        QThreadPool::globalInstance()->start([replaced] { ::close(replaced); });
    }
    m_temporaryPath.clear();
    // Make the rename itself durable; best effort, the data is already complete.
    const int directoryFd = ::open(QFile::encodeName(QFileInfo(m_path).path()).constData(),
                                   O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (directoryFd >= 0) {
        (void)::fsync(directoryFd);
        ::close(directoryFd);
    }
    return true;
}

void AtomicFileWriter::startWriteback()
{
#ifdef __linux__
    if (m_streaming || !m_file.isOpen()) {
        return;
    }
    // From the start to the end of the file: pages already under way or clean are skipped.
    (void)::sync_file_range(m_file.handle(), 0, 0, SYNC_FILE_RANGE_WRITE);
#endif
}

void AtomicFileWriter::cancel()
{
    if (m_streaming) {
        m_file.close();
        return;
    }
    removeTemporary();
}

void AtomicFileWriter::removeTemporary()
{
    m_file.close();
    if (!m_temporaryPath.isEmpty()) {
        ::unlink(QFile::encodeName(m_temporaryPath).constData());
        m_temporaryPath.clear();
    }
}

QString AtomicFileWriter::writeFailedMessage(const QString &reason) const
{
    if (m_streaming) {
        return AtomicFileWriterTr::tr("Writing to standard output failed: %1. The output is incomplete.").arg(reason);
    }
    return AtomicFileWriterTr::tr("Cannot write %1: %2. %1 was not changed.").arg(m_path, reason);
}

} // namespace outcrop::exporting
