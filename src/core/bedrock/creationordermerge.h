// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "bedrock/deployment.h"
#include "bedrock/deploymentquery.h"

#include <QList>

#include <deque>
#include <vector>

namespace outcrop::bedrock {

// A deployment and the index of the source (profile, region) it was listed from.
struct SourcedDeployment
{
    int source = 0;
    DeploymentSummary deployment;
};

// Merges the pages of several sources, each listed in creation-time order by its own service,
// into one creation-time order, and releases a row only when no source can still send a row that
// belongs above it: a source with more pages may still send rows down to the creation time of
// the last row it has sent (its "passed" time), so rows are released only up to the least
// advanced passed time among those sources. A source that has not answered yet holds back every
// row. A finished source (last page, failure, cancel) holds back nothing.
//
// Released rows are final: every row released later sorts at or after them (equal creation
// times, which the service may return in any order, go after the rows already released). Among
// rows with equal times released together, the lower source index comes first.
class CreationOrderMerge
{
public:
    explicit CreationOrderMerge(int sourceCount = 0, SortOrder order = SortOrder::Default);

    // Forgets everything: `sourceCount` sources, none heard from yet. Default is Descending, the
    // service's default order (bedrock-api.md §3).
    void reset(int sourceCount, SortOrder order);
    int sourceCount() const { return int(m_sources.size()); }
    bool isDescending() const { return m_descending; }

    // One page of `source`, in the source's order (rows out of order are sorted first).
    void addRows(int source, const QList<DeploymentSummary> &rows);
    // `source` will send nothing more.
    void finishSource(int source);
    bool isFinished(int source) const { return m_sources.at(size_t(source)).finished; }

    // The rows that may be shown now, in global order, removed from the pending buffers.
    QList<SourcedDeployment> takeReleasable();

    // Rows received from `source` and not yet released.
    int pendingCount(int source) const { return int(m_sources.at(size_t(source)).pending.size()); }
    int pendingCount() const;
    // True when `source` holds back the release: it has more pages and has not answered yet or
    // is (one of) the least advanced. The next page should come from such a source.
    bool isHoldingBack(int source) const;

private:
    struct Pending
    {
        qint64 createdMs;
        DeploymentSummary deployment;
    };
    struct Source
    {
        std::deque<Pending> pending;
        bool heard = false;      // at least one row arrived
        qint64 passedMs = 0;     // the creation time of the furthest row received (when heard)
        bool finished = false;
    };

    // True when `a` sorts strictly before `b` in the merge's order.
    bool before(qint64 a, qint64 b) const { return m_descending ? a > b : a < b; }
    // The release bound: rows at or before it may go. False when nothing may (a source with more
    // pages has not sent a row yet); `*unbounded` when every source has finished.
    bool releaseBound(qint64 *bound, bool *unbounded) const;

    std::vector<Source> m_sources;
    bool m_descending = true;
};

} // namespace outcrop::bedrock
