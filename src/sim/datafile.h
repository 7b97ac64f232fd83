// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "records.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace outcrop::sim {

// The simulator's JSON data file:
//   { "customModels": [ {GetCustomModel members...} ],
//     "deployments":  [ {GetCustomModelDeployment members..., "tags": [{"key","value"}]} ] }
// Deployment names may be given as "modelDeploymentName" or "customModelDeploymentName", so a
// saved List response ({"modelDeploymentSummaries": [...]}) loads too.
class DataFile
{
public:
    // On failure: nullopt, and `error` names the file and the line/column or the field.
    static std::optional<SimData> load(const QString &path, QString *error);
    static std::optional<SimData> parse(const QByteArray &json, const QString &sourceName, QString *error);
    static QByteArray serialize(const SimData &data);
};

} // namespace outcrop::sim
