// SPDX-License-Identifier: Apache-2.0
#include "bedrock/multisourcepager.h"

#include "bedrock/bedrockclient.h"
#include "bedrock/deploymentpager.h"

#include <QCoreApplication>

namespace outcrop::bedrock {

MultiSourcePager::MultiSourcePager(QList<ListingSource> sources, DeploymentQuery query, QObject *parent)
    : QObject(parent)
    , m_query(std::move(query))
{
    m_merge.reset(int(sources.size()), m_query.sortOrder);
    for (int i = 0; i < int(sources.size()); ++i) {
        Source source;
        source.listing = sources.at(i);
        if (source.listing.client) {
            source.pager = new DeploymentPager(source.listing.client, m_query, this);
            connect(source.pager, &DeploymentPager::pageArrived, this,
                    [this, i](const QList<DeploymentSummary> &rows) { onPage(i, rows); });
            connect(source.pager, &DeploymentPager::failed, this,
                    [this, i](const aws::AwsError &error) { onSourceFailed(i, error); });
            connect(source.pager, &DeploymentPager::finished, this, [this, i] { onSourceFinished(i); });
        } else {
            // A source whose client could not be made is an error of its own, known at once.
            source.error = aws::AwsError::make(
                aws::AwsError::Kind::Configuration,
                source.listing.unavailableReason.isEmpty()
                    ? QCoreApplication::translate("MultiSourcePager", "No connection to %1.").arg(source.listing.label)
                    : source.listing.unavailableReason);
            m_merge.finishSource(i);
            // Reported like any other outcome, on a later turn of the event loop.
            QMetaObject::invokeMethod(
                this,
                [this, i] {
                    emit sourceFailed(i, m_sources.at(i).error);
                    release();
                },
                Qt::QueuedConnection);
        }
        m_sources.append(source);
    }
}

MultiSourcePager::~MultiSourcePager()
{
    cancel();
}

void MultiSourcePager::setRowLimit(int source, int rows)
{
    m_sources[source].rowLimit = rows;
}

bool MultiSourcePager::limitReached(int index) const
{
    const Source &source = m_sources.at(index);
    return source.rowLimit > 0 && source.received >= source.rowLimit;
}

bool MultiSourcePager::sourceHasMore(int index) const
{
    const Source &source = m_sources.at(index);
    return source.pager && source.pager->hasMore() && !limitReached(index);
}

bool MultiSourcePager::sourceIsLoading(int index) const
{
    const Source &source = m_sources.at(index);
    return source.pager && source.pager->isLoading();
}

bool MultiSourcePager::isLoading() const
{
    for (int i = 0; i < m_sources.size(); ++i) {
        if (sourceIsLoading(i)) {
            return true;
        }
    }
    return false;
}

bool MultiSourcePager::hasMore() const
{
    for (int i = 0; i < m_sources.size(); ++i) {
        if (sourceHasMore(i)) {
            return true;
        }
    }
    return m_merge.pendingCount() > 0;
}

void MultiSourcePager::fetchFrom(int index)
{
    if (sourceHasMore(index) && !sourceIsLoading(index)) {
        m_sources.at(index).pager->fetchNext();
    }
}

void MultiSourcePager::fetchNext()
{
    // A page from each source that holds the release back, and from each that has fewer rows
    // waiting than a page: those are the ones whose next rows the user may see next. Sources far
    // ahead (their rows sort after what the others have sent) wait until they are needed.
    const int pageSize = m_query.maxResults > 0 ? m_query.maxResults : 1;
    for (int i = 0; i < m_sources.size(); ++i) {
        if (m_merge.isHoldingBack(i) || m_merge.pendingCount(i) < pageSize) {
            fetchFrom(i);
        }
    }
}

void MultiSourcePager::fetchAll()
{
    m_fetchAll = true;
    for (int i = 0; i < m_sources.size(); ++i) {
        if (!sourceHasMore(i)) {
            continue;
        }
        if (m_sources.at(i).rowLimit > 0) {
            fetchFrom(i);   // paged one at a time so the limit is honoured (onPage asks for the next)
        } else {
            // Also while a page is loading: the pager goes on from it.
            m_sources.at(i).pager->fetchAll();
        }
    }
    // A pager without sources (or with failed ones only) finishes here, on the next turn of the
    // event loop like every other outcome.
    QMetaObject::invokeMethod(this, [this] { release(); }, Qt::QueuedConnection);
}

void MultiSourcePager::cancel()
{
    m_fetchAll = false;
    for (const Source &source : std::as_const(m_sources)) {
        if (source.pager) {
            source.pager->cancel();
        }
    }
}

void MultiSourcePager::onPage(int index, const QList<DeploymentSummary> &rows)
{
    ++m_pages;
    Source &source = m_sources[index];
    source.received += int(rows.size());
    m_merge.addRows(index, rows);
    if (limitReached(index)) {
        source.pager->cancel();
        endSource(index);
    } else if (m_fetchAll && source.rowLimit > 0) {
        fetchFrom(index);
    }
    emit sourcePageArrived(index);
    release();
}

void MultiSourcePager::onSourceFailed(int index, const aws::AwsError &error)
{
    m_sources[index].error = error;
    m_merge.finishSource(index);
    emit sourceFailed(index, error);
    release();
}

void MultiSourcePager::onSourceFinished(int index)
{
    endSource(index);
    release();
}

void MultiSourcePager::endSource(int index)
{
    if (m_merge.isFinished(index)) {
        return;
    }
    m_merge.finishSource(index);
    emit sourceFinished(index);
}

bool MultiSourcePager::allSourcesEnded() const
{
    for (int i = 0; i < m_sources.size(); ++i) {
        if (!m_merge.isFinished(i)) {
            return false;
        }
    }
    return true;
}

void MultiSourcePager::release()
{
    const QList<SourcedDeployment> rows = m_merge.takeReleasable();
    if (!rows.isEmpty()) {
        m_released += int(rows.size());
        emit rowsReleased(rows);
    }
    if (!m_finishedEmitted && allSourcesEnded() && m_merge.pendingCount() == 0) {
        m_finishedEmitted = true;
        emit finished();
    }
}

} // namespace outcrop::bedrock
