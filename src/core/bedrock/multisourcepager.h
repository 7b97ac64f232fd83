// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "aws/awserror.h"
#include "bedrock/creationordermerge.h"
#include "bedrock/deploymentquery.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

namespace outcrop::bedrock {

class BedrockClient;
class DeploymentPager;

// One source of a listing: a Bedrock client (its own credentials, endpoint, retry budget) and
// how the user knows it ("prod · us-west-2").
struct ListingSource
{
    QString label;
    QPointer<BedrockClient> client;
    // Without a client: why the source could not be connected (reported as its error).
    QString unavailableReason;
};

// Lists the deployments of one query from several sources at once, one DeploymentPager per
// source, and hands them on merged into one creation-time order (CreationOrderMerge): rows are
// released only when no source with more pages can still send a row above them.
//
// Each source pages, retries and fails on its own: a source that fails (throttled beyond its
// retry budget, access denied, offline) reports sourceFailed() and stops holding the others back,
// and the others go on. fetchNext() pulls a page from the sources that hold back the release (or
// have run out of rows to release); fetchAll() pages every source to its end concurrently.
class MultiSourcePager final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MultiSourcePager)

public:
    // `query.maxResults` is the page size of every source.
    MultiSourcePager(QList<ListingSource> sources, DeploymentQuery query, QObject *parent = nullptr);
    ~MultiSourcePager() override;

    void fetchNext();
    void fetchAll();
    void cancel();
    // Stop asking `source` for pages once this many of its rows have been received (0 = no limit):
    // a refresh re-lists only as many rows of each source as are loaded. Set before fetching.
    void setRowLimit(int source, int rows);

    bool isLoading() const;
    // True while a source has more pages or rows wait to be released.
    bool hasMore() const;
    int sourceCount() const { return int(m_sources.size()); }
    const ListingSource &source(int index) const { return m_sources.at(index).listing; }
    bool sourceHasMore(int index) const;
    bool sourceIsLoading(int index) const;
    aws::AwsError sourceError(int index) const { return m_sources.at(index).error; }
    // Rows received from a source (released or not).
    int sourceRowCount(int index) const { return m_sources.at(index).received; }
    int rowCount() const { return m_released; }
    int pageCount() const { return m_pages; }
    const DeploymentQuery &query() const { return m_query; }

signals:
    // Rows that may be shown, in global creation-time order, after every row released before.
    void rowsReleased(const QList<outcrop::bedrock::SourcedDeployment> &rows);
    // A page of a source arrived (its rows may still be held back).
    void sourcePageArrived(int source);
    void sourceFailed(int source, const outcrop::aws::AwsError &error);
    void sourceFinished(int source);
    // No source has more: each finished or failed, and every row has been released.
    void finished();

private:
    struct Source
    {
        ListingSource listing;
        DeploymentPager *pager = nullptr;
        aws::AwsError error;
        int received = 0;
        int rowLimit = 0;
    };

    void onPage(int index, const QList<DeploymentSummary> &rows);
    void onSourceFailed(int index, const aws::AwsError &error);
    void onSourceFinished(int index);
    void endSource(int index);
    void release();
    void fetchFrom(int index);
    bool limitReached(int index) const;
    bool allSourcesEnded() const;

    QList<Source> m_sources;
    DeploymentQuery m_query;
    CreationOrderMerge m_merge;
    int m_released = 0;
    int m_pages = 0;
    bool m_fetchAll = false;
    bool m_finishedEmitted = false;
};

} // namespace outcrop::bedrock
