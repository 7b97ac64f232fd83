// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "bedrock/deployment.h"

#include <QDateTime>
#include <QString>

namespace outcrop::aws {
class AwsRequestTarget;
}

namespace outcrop::bedrock {

enum class SortOrder { Default, Ascending, Descending };

// The filters of ListCustomModelDeployments (../shared/docs/bedrock-api.md §3). A value type that
// filter widgets and the command line fill in; the client validates it before sending.
struct DeploymentQuery
{
    QDateTime createdAfter;      // invalid = not set
    QDateTime createdBefore;
    QString nameContains;
    QString statusEquals;        // any case; sent in the API's PascalCase
    QString modelArnEquals;
    bool sortByCreationTime = false;   // the API's only sortBy value, CreationTime
    SortOrder sortOrder = SortOrder::Default;
    int maxResults = 0;          // 0 = not set (the service's default page size)

    // An empty string when the query may be sent; otherwise a message naming the field and what
    // is allowed. The SDKs check nothing, so the service would answer ValidationException; we
    // tell the user before a round trip.
    QString validate() const;

    // Adds the query parameters (and `nextToken` when not empty) to a List request target.
    void appendTo(aws::AwsRequestTarget &target, const QString &nextToken = {}) const;

    bool operator==(const DeploymentQuery &other) const;
    bool operator!=(const DeploymentQuery &other) const { return !(*this == other); }
};

// Parses a status given by a user ("active", "FAILED"): the PascalCase wire value, or an empty
// string when it is not one of Creating, Active, Failed.
QString normalizeStatus(const QString &text);
// Parses "ascending"/"descending" in any case.
bool parseSortOrder(const QString &text, SortOrder *order);
// RFC 3339 time as the user types it: with a zone, without one (UTC), or a bare date (UTC
// midnight). Fractions of a second are kept to the millisecond. Invalid on failure.
QDateTime parseUserTime(const QString &text);
// The wire form of a query time: "2025-07-01T00:00:00Z", or with ".789" when the milliseconds
// are non-zero, as the JS SDK sends it (bedrock-api.md §1.4).
QString formatQueryTime(const QDateTime &time);
// The pattern of a CustomModelArn (service-2.json), applied as a full match.
bool isCustomModelArn(const QString &text);

} // namespace outcrop::bedrock
