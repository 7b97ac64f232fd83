// SPDX-License-Identifier: Apache-2.0
#include "bedrock/creationordermerge.h"

#include <algorithm>
#include <iterator>
#include <limits>

namespace outcrop::bedrock {

namespace {
// A row without a creation time (the service always sends one; a row the parser let through
// without it) sorts as the oldest possible.
qint64 createdKey(const DeploymentSummary &row)
{
    return row.createdAt.isValid() ? row.createdAt.toMSecsSinceEpoch() : std::numeric_limits<qint64>::min();
}
} // namespace

CreationOrderMerge::CreationOrderMerge(int sourceCount, SortOrder order)
{
    reset(sourceCount, order);
}

void CreationOrderMerge::reset(int sourceCount, SortOrder order)
{
    m_sources.clear();
    m_sources.resize(size_t(std::max(sourceCount, 0)));
    m_descending = order != SortOrder::Ascending;
}

void CreationOrderMerge::addRows(int source, const QList<DeploymentSummary> &rows)
{
    Source &from = m_sources.at(size_t(source));
    if (rows.isEmpty()) {
        return;
    }
    std::vector<Pending> page;
    page.reserve(size_t(rows.size()));
    for (const DeploymentSummary &row : rows) {
        page.push_back({createdKey(row), row});
    }
    const auto inOrder = [this](const Pending &a, const Pending &b) { return before(a.createdMs, b.createdMs); };
    // The service sends each page in order; a page that is not is put in order rather than
    // trusted, since a row out of order could otherwise pass the release bound too early.
    if (!std::is_sorted(page.begin(), page.end(), inOrder)) {
        std::stable_sort(page.begin(), page.end(), inOrder);
    }
    const qint64 last = page.back().createdMs;
    if (!from.heard || before(from.passedMs, last)) {
        from.passedMs = last;
    }
    from.heard = true;
    if (from.pending.empty() || !inOrder(page.front(), from.pending.back())) {
        // The usual case: the page continues where the previous one ended.
        for (Pending &row : page) {
            from.pending.push_back(std::move(row));
        }
        return;
    }
    std::deque<Pending> merged;
    std::merge(std::make_move_iterator(from.pending.begin()), std::make_move_iterator(from.pending.end()),
               std::make_move_iterator(page.begin()), std::make_move_iterator(page.end()), std::back_inserter(merged),
               inOrder);
    from.pending = std::move(merged);
}

void CreationOrderMerge::finishSource(int source)
{
    m_sources.at(size_t(source)).finished = true;
}

bool CreationOrderMerge::releaseBound(qint64 *bound, bool *unbounded) const
{
    *unbounded = true;
    for (const Source &source : m_sources) {
        if (source.finished) {
            continue;
        }
        if (!source.heard) {
            return false;   // its first row may sort before anything received so far
        }
        if (*unbounded || before(source.passedMs, *bound)) {
            *bound = source.passedMs;   // the least advanced source so far
        }
        *unbounded = false;
    }
    return true;
}

bool CreationOrderMerge::isHoldingBack(int source) const
{
    const Source &candidate = m_sources.at(size_t(source));
    if (candidate.finished) {
        return false;
    }
    if (!candidate.heard) {
        return true;
    }
    qint64 bound = 0;
    bool unbounded = false;
    return !releaseBound(&bound, &unbounded) || candidate.passedMs == bound;
}

int CreationOrderMerge::pendingCount() const
{
    int count = 0;
    for (const Source &source : m_sources) {
        count += int(source.pending.size());
    }
    return count;
}

QList<SourcedDeployment> CreationOrderMerge::takeReleasable()
{
    QList<SourcedDeployment> released;
    qint64 bound = 0;
    bool unbounded = false;
    if (!releaseBound(&bound, &unbounded)) {
        return released;
    }
    const auto releasable = [&](const Source &source) {
        // At the bound itself too: a later row with the same time goes after it, which keeps the order.
        return !source.pending.empty() && (unbounded || !before(bound, source.pending.front().createdMs));
    };
    // A k-way merge of the pending heads; k is the number of sources (a handful), so a linear scan
    // per row beats a heap.
    for (;;) {
        int best = -1;
        for (int i = 0; i < int(m_sources.size()); ++i) {
            const Source &source = m_sources.at(size_t(i));
            if (releasable(source)
                && (best < 0
                    || before(source.pending.front().createdMs, m_sources.at(size_t(best)).pending.front().createdMs))) {
                best = i;
            }
        }
        if (best < 0) {
            break;
        }
        Source &from = m_sources.at(size_t(best));
        released.append({best, std::move(from.pending.front().deployment)});
        from.pending.pop_front();
    }
    return released;
}

} // namespace outcrop::bedrock
