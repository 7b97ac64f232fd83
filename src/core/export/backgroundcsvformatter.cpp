// SPDX-License-Identifier: Apache-2.0
#include "export/backgroundcsvformatter.h"

#include <QMutex>
#include <QMutexLocker>
#include <QRunnable>
#include <QThreadPool>

#include <deque>

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

    const DeploymentCsvFormat format;   // const: used by the worker only
    QMutex mutex;
    std::deque<bedrock::RawDeploymentPage> queue;
    bool draining = false;
    BackgroundCsvFormatter *owner = nullptr;

    // Runs on a pool thread until the queue is empty; one drain at a time keeps the order.
    static void drain(const std::shared_ptr<Shared> &shared)
    {
        for (;;) {
            bedrock::RawDeploymentPage page;
            {
                QMutexLocker lock(&shared->mutex);
                if (shared->queue.empty() || !shared->owner) {
                    shared->queue.clear();
                    shared->draining = false;
                    return;
                }
                page = std::move(shared->queue.front());
                shared->queue.pop_front();
            }
            QByteArray rows;
            const bool ok = shared->format.appendRows(page, &rows);
            const auto rowCount = page.rows.size();
            page = {};   // the page's body is freed here, not on the owner's thread
            QMutexLocker lock(&shared->mutex);
            if (BackgroundCsvFormatter *owner = shared->owner) {
                QMetaObject::invokeMethod(
                    owner, [owner, rows = std::move(rows), rowCount, ok] { owner->deliver(rows, rowCount, ok); },
                    Qt::QueuedConnection);
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

void BackgroundCsvFormatter::format(bedrock::RawDeploymentPage page)
{
    ++m_pending;
    QMutexLocker lock(&m_shared->mutex);
    m_shared->queue.push_back(std::move(page));
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
