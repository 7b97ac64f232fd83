// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "export/csvwriter.h"

#include <QList>
#include <QStringList>

namespace outcrop::bedrock {
struct DeploymentSummary;
}

namespace outcrop::exporting {

// The columns of the dashboard's table, as the "rows currently shown" export writes them: each
// column's raw value under its fixed key of the headless export's header (full ARNs, ISO 8601
// UTC times), whatever the UI language and however the column is displayed.
enum class TableColumn { Name, Status, Model, Created, LastUpdated, FailureMessage, Arn };

// The header for `columns` (in view order), with `account` and `region` always last.
QStringList tableExportHeader(const QList<TableColumn> &columns);
// One row for `columns`, then account and region (the region the row was listed from, or the
// ARN's when empty).
QStringList tableExportRow(const bedrock::DeploymentSummary &deployment, const QList<TableColumn> &columns,
                           const QString &sourceRegion);

} // namespace outcrop::exporting
