// SPDX-License-Identifier: Apache-2.0
#include "export/backgroundcsvformatter.h"

#include <QMutex>
#include <QMutexLocker>
#include <QRunnable>
#include <QThreadPool>

#include <deque>

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace outcrop::exporting {

// What the worker and the owner share. The worker holds it by shared_ptr, so it outlives the
// owner when the owner goes first; `owner` is cleared under the mutex, and results are posted
// under the same mutex, so nothing is ever posted to a destroyed owner (events posted before
// are removed with it).
struct BackgroundCsvFormatter::Shared
{
    Shared(CsvOptions options, const QString &sourceRegion)
        : format(options, sourceRegion)
    {
    }

    ~Shared()
    {
        if (fd >= 0) {
            ::close(fd);
        }
    }

    // A page to format, or (`preformatted`) bytes to write as they are.
    struct Job
    {
        bedrock::RawDeploymentPage page;
        QByteArray rows;
        qsizetype rowCount = 0;
        bool preformatted = false;
    };

    const DeploymentCsvFormat format;   // const: used by the worker only
    QMutex mutex;
    std::deque<Job> queue;
    bool draining = false;
    BackgroundCsvFormatter *owner = nullptr;
    // writeTo(): set before the first job, then used by the worker only.
    int fd = -1;
    bool startWriteback = false;
    bool writeFailed = false;

    // All of `bytes` to `fd`; false with `reason` set when the system refuses.
    bool writeAll(const QByteArray &bytes, QString *reason) const
    {
        qsizetype written = 0;
        while (written < bytes.size()) {
            const ssize_t count = ::write(fd, bytes.constData() + written, size_t(bytes.size() - written));
            if (count < 0 && errno == EINTR) {
                continue;
            }
            if (count <= 0) {
                *reason = qt_error_string(count < 0 ? errno : EIO);
                return false;
            }
            written += count;
        }
#ifdef __linux__
        if (startWriteback) {
            // As AtomicFileWriter::startWriteback: the fsync before the rename then waits less.
            (void)::sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WRITE);
        }
#endif
        return true;
    }

    // Runs on a pool thread until the queue is empty; one drain at a time keeps the order.
    static void drain(const std::shared_ptr<Shared> &shared)
    {
        for (;;) {
            Job job;
            {
                QMutexLocker lock(&shared->mutex);
                if (shared->queue.empty() || !shared->owner || shared->writeFailed) {
                    shared->queue.clear();
                    shared->draining = false;
                    return;
                }
                job = std::move(shared->queue.front());
                shared->queue.pop_front();
            }
            QByteArray rows = std::move(job.rows);
            bool ok = true;
            qsizetype rowCount = job.rowCount;
            if (!job.preformatted) {
                ok = shared->format.appendRows(job.page, &rows);
                rowCount = job.page.rows.size();
            }
            job = {};   // the page's body is freed here, not on the owner's thread
            QString writeError;
            if (ok && shared->fd >= 0) {
                if (!shared->writeAll(rows, &writeError)) {
                    shared->writeFailed = true;
                }
                rows = QByteArray();
            }
            QMutexLocker lock(&shared->mutex);
            if (BackgroundCsvFormatter *owner = shared->owner) {
                if (!writeError.isEmpty()) {
                    QMetaObject::invokeMethod(
                        owner, [owner, writeError] { emit owner->writeFailed(writeError); }, Qt::QueuedConnection);
                } else {
                    QMetaObject::invokeMethod(
                        owner, [owner, rows = std::move(rows), rowCount, ok] { owner->deliver(rows, rowCount, ok); },
                        Qt::QueuedConnection);
                }
            }
        }
    }
};

BackgroundCsvFormatter::BackgroundCsvFormatter(CsvOptions options, const QString &sourceRegion, QObject *parent)
    : QObject(parent)
    , m_shared(std::make_shared<Shared>(options, sourceRegion))
{
    m_shared->owner = this;
}

BackgroundCsvFormatter::~BackgroundCsvFormatter()
{
    QMutexLocker lock(&m_shared->mutex);
    m_shared->owner = nullptr;
}

void BackgroundCsvFormatter::writeTo(int fd, bool startWriteback)
{
    QMutexLocker lock(&m_shared->mutex);
    if (m_shared->fd >= 0) {
        ::close(m_shared->fd);
    }
    m_shared->fd = ::fcntl(fd, F_DUPFD_CLOEXEC, 0);
    m_shared->startWriteback = startWriteback;
}

void BackgroundCsvFormatter::format(bedrock::RawDeploymentPage page)
{
    enqueue(std::move(page), {}, 0, false);
}

void BackgroundCsvFormatter::write(QByteArray rows, qsizetype rowCount)
{
    enqueue({}, std::move(rows), rowCount, true);
}

void BackgroundCsvFormatter::enqueue(bedrock::RawDeploymentPage page, QByteArray rows, qsizetype rowCount,
                                     bool preformatted)
{
    ++m_pending;
    QMutexLocker lock(&m_shared->mutex);
    m_shared->queue.push_back(Shared::Job{std::move(page), std::move(rows), rowCount, preformatted});
    if (m_shared->draining) {
        return;
    }
    m_shared->draining = true;
    lock.unlock();
    QThreadPool::globalInstance()->start([shared = m_shared] { Shared::drain(shared); });
}

void BackgroundCsvFormatter::deliver(const QByteArray &rows, qsizetype rowCount, bool ok)
{
    --m_pending;
    emit formatted(rows, rowCount, ok);
}

} // namespace outcrop::exporting
