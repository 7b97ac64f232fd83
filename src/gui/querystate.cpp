// SPDX-License-Identifier: Apache-2.0
#include "querystate.h"

#include <QString>

namespace outcrop::gui {

using bedrock::DeploymentQuery;
using bedrock::SortOrder;

namespace {
const QString nameKey = QStringLiteral("nameContains");
const QString statusKey = QStringLiteral("statusEquals");
const QString modelKey = QStringLiteral("modelArnEquals");
const QString afterKey = QStringLiteral("createdAfter");
const QString beforeKey = QStringLiteral("createdBefore");
const QString sortKey = QStringLiteral("sortOrder");
const QString pageSizeKey = QStringLiteral("maxResults");
} // namespace

QVariantMap queryToVariantMap(const DeploymentQuery &query)
{
    QVariantMap map;
    if (!query.nameContains.isEmpty()) {
        map.insert(nameKey, query.nameContains);
    }
    if (!query.statusEquals.isEmpty()) {
        map.insert(statusKey, query.statusEquals);
    }
    if (!query.modelArnEquals.isEmpty()) {
        map.insert(modelKey, query.modelArnEquals);
    }
    if (query.createdAfter.isValid()) {
        map.insert(afterKey, bedrock::formatQueryTime(query.createdAfter));
    }
    if (query.createdBefore.isValid()) {
        map.insert(beforeKey, bedrock::formatQueryTime(query.createdBefore));
    }
    if (query.sortOrder != SortOrder::Default) {
        map.insert(sortKey, query.sortOrder == SortOrder::Ascending ? QStringLiteral("Ascending")
                                                                     : QStringLiteral("Descending"));
    }
    if (query.maxResults > 0) {
        map.insert(pageSizeKey, query.maxResults);
    }
    return map;
}

DeploymentQuery queryFromVariantMap(const QVariantMap &map)
{
    DeploymentQuery query;
    query.nameContains = map.value(nameKey).toString();
    query.statusEquals = map.value(statusKey).toString();
    query.modelArnEquals = map.value(modelKey).toString();
    query.createdAfter = bedrock::parseUserTime(map.value(afterKey).toString());
    query.createdBefore = bedrock::parseUserTime(map.value(beforeKey).toString());
    if (bedrock::parseSortOrder(map.value(sortKey).toString(), &query.sortOrder)) {
        query.sortByCreationTime = true;
    }
    bool isNumber = false;
    const int pageSize = map.value(pageSizeKey).toInt(&isNumber);
    query.maxResults = isNumber ? pageSize : 0;
    return query;
}

} // namespace outcrop::gui
