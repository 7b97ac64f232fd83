// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "bedrock/rawdeploymentpage.h"
#include "export/csvwriter.h"

#include <QByteArray>
#include <QString>

namespace outcrop::exporting {

// The export's direct path: writes the rows of a page the page reader has checked
// (bedrock::readRawDeploymentPage) as the CSV rows CsvWriter::writeRow would write for them,
// byte for byte, without DeploymentSummary rows, QStrings or QDateTimes for the usual row: plain
// ASCII strings are copied, times of the service's own shape "2025-07-20T10:11:12.123Z" are
// copied as they are. Anything unusual in a cell goes through the same functions writeRow uses;
// a page the reader declines never gets here (the pager hands it on as rows).
class DeploymentCsvFormat
{
public:
    // `sourceRegion` as for CsvWriter::writeRow. The byte order mark is the writer's business.
    DeploymentCsvFormat(CsvOptions options, const QString &sourceRegion);

    // Appends the page's rows to `out`. False (with the rows it could write) only for a page
    // readRawDeploymentPage would not have returned.
    bool appendRows(const bedrock::RawDeploymentPage &page, QByteArray *out) const;

private:
    CsvOptions m_options;
    QString m_sourceRegion;
    QByteArray m_sourceRegionCell;   // encoded once
};

} // namespace outcrop::exporting
