// SPDX-License-Identifier: Apache-2.0
#include "export/tableexport.h"

#include "bedrock/deployment.h"

namespace outcrop::exporting {

namespace {
QString keyOf(TableColumn column)
{
    switch (column) {
    case TableColumn::Name:
        return QStringLiteral("name");
    case TableColumn::Status:
        return QStringLiteral("status");
    case TableColumn::Model:
        return QStringLiteral("modelArn");
    case TableColumn::Created:
        return QStringLiteral("createdAt");
    case TableColumn::LastUpdated:
        return QStringLiteral("lastUpdatedAt");
    case TableColumn::FailureMessage:
        return QStringLiteral("failureMessage");
    case TableColumn::Arn:
        return QStringLiteral("arn");
    }
    return {};
}

QString valueOf(const bedrock::DeploymentSummary &deployment, TableColumn column)
{
    switch (column) {
    case TableColumn::Name:
        return deployment.name;
    case TableColumn::Status:
        return deployment.statusText;
    case TableColumn::Model:
        return deployment.modelArn;
    case TableColumn::Created:
        return formatCsvTime(deployment.createdAt);
    case TableColumn::LastUpdated:
        return formatCsvTime(deployment.lastUpdatedAt);
    case TableColumn::FailureMessage:
        return deployment.failureMessage;
    case TableColumn::Arn:
        return deployment.arn;
    }
    return {};
}
} // namespace

QStringList tableExportHeader(const QList<TableColumn> &columns)
{
    QStringList header;
    header.reserve(columns.size() + 2);
    for (const TableColumn column : columns) {
        header.append(keyOf(column));
    }
    header << QStringLiteral("account") << QStringLiteral("region");
    return header;
}

QStringList tableExportRow(const bedrock::DeploymentSummary &deployment, const QList<TableColumn> &columns,
                           const QString &sourceRegion)
{
    QStringList row;
    row.reserve(columns.size() + 2);
    for (const TableColumn column : columns) {
        row.append(valueOf(deployment, column));
    }
    row << deployment.accountId() << (sourceRegion.isEmpty() ? deployment.region() : sourceRegion);
    return row;
}

} // namespace outcrop::exporting
