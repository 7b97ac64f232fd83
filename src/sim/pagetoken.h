// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "keysetpage.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace outcrop::sim {

// Keyset page tokens: (creation time, ARN) of the last row served, bound to a hash of the
// request's filters and sort order, with a checksum, in standard base64. The layout makes every
// token contain '+', '/' and '=': a client that forgets to percent-encode it (a '+' in a query
// is a space to AWS front ends) fails on the second page, not only in production.
class PageToken
{
public:
    enum class Problem { None, Garbled, OtherFilters };

    // A hash of everything that selects and orders rows (not maxResults, not nextToken).
    static quint64 filterHash(const QString &canonicalFilters);
    static QString encode(const PageKey &key, quint64 filterHash);
    static std::optional<PageKey> decode(const QString &token, quint64 filterHash, Problem *problem);
};

} // namespace outcrop::sim
