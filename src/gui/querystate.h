// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "bedrock/deploymentquery.h"

#include <QVariantMap>

namespace outcrop::gui {

// The remembered form of a deployment query: plain strings and numbers (readable in an INI file,
// no binary QVariant blobs), times in UTC ISO-8601, unset members left out. Keys: nameContains,
// statusEquals, modelArnEquals, createdAfter, createdBefore, sortOrder (Ascending|Descending),
// maxResults.
QVariantMap queryToVariantMap(const bedrock::DeploymentQuery &query);
// Lenient: a value that does not parse (an older or hand-edited file) is left unset rather than
// failing the whole restore; text fields are kept as they are so the bar can say what is wrong.
bedrock::DeploymentQuery queryFromVariantMap(const QVariantMap &map);

} // namespace outcrop::gui
