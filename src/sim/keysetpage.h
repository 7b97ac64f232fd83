// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <algorithm>
#include <memory>
#include <optional>
#include <vector>

namespace outcrop::sim {

// Where a page ended: the sort key of its last row. The next page starts strictly after it, so
// rows created or deleted meanwhile shift nothing (an offset would repeat or skip rows).
struct PageKey
{
    qint64 timeMs = 0;
    QString arn;

    friend bool operator==(const PageKey &a, const PageKey &b) { return a.timeMs == b.timeMs && a.arn == b.arn; }
};

inline bool keyLess(const PageKey &a, const PageKey &b)
{
    return a.timeMs != b.timeMs ? a.timeMs < b.timeMs : a.arn < b.arn;
}

template <typename Item>
struct Page
{
    QList<const Item *> items;
    std::optional<PageKey> nextKey;   // set when more matching rows follow
};

// One page from `sorted` (ascending by key(), i.e. creation time then ARN). Rows for which
// `matches` is false are skipped. Scans only as far as it must: maxResults rows plus one more
// match to know whether a next page exists.
namespace detail {

template <typename Item, typename Iterator, typename KeyOf, typename Matches>
Page<Item> collectFrom(Iterator it, Iterator end, KeyOf keyOf, int maxResults, Matches matches)
{
    Page<Item> page;
    for (; it != end; ++it) {
        if (!matches(**it)) {
            continue;
        }
        if (page.items.size() == maxResults) {
            page.nextKey = keyOf(*page.items.constLast());
            break;
        }
        page.items.append(it->get());
    }
    return page;
}

} // namespace detail

template <typename Item, typename KeyOf, typename Matches>
Page<Item> collectPage(const std::vector<std::shared_ptr<Item>> &sorted, KeyOf keyOf, bool descending,
                       const std::optional<PageKey> &after, int maxResults, Matches matches)
{
    const auto compareItemToKey = [&](const std::shared_ptr<Item> &item, const PageKey &key) {
        return keyLess(keyOf(*item), key);
    };
    const auto compareKeyToItem = [&](const PageKey &key, const std::shared_ptr<Item> &item) {
        return keyLess(key, keyOf(*item));
    };
    if (!descending) {
        const auto begin = after ? std::upper_bound(sorted.begin(), sorted.end(), *after, compareKeyToItem) : sorted.begin();
        return detail::collectFrom<Item>(begin, sorted.end(), keyOf, maxResults, matches);
    }
    const auto end = after ? std::lower_bound(sorted.begin(), sorted.end(), *after, compareItemToKey) : sorted.end();
    return detail::collectFrom<Item>(std::make_reverse_iterator(end), sorted.rend(), keyOf, maxResults, matches);
}

} // namespace outcrop::sim
