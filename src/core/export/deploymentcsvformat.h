// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "bedrock/deploymentpageformat.h"
#include "export/csvwriter.h"

#include <QByteArray>
#include <QString>

namespace outcrop::exporting {

// The export's direct path: turns a ListCustomModelDeployments page's bytes into the CSV rows
// CsvWriter::writeRow would write for it, byte for byte, without DeploymentSummary rows, QStrings
// or QDateTimes for the usual row (plain ASCII strings are copied, times of the service's own
// shape "2025-07-20T10:11:12.123Z" are copied as they are). It reads with the page reader's
// tokenizer (bedrock/deploymentpagereader.h) and declines every page that reader declines, so
// anything unusual or wrong still goes through BedrockJson::parseDeploymentPage and writeRow,
// which decide it and word its error.
class DeploymentCsvFormat final : public bedrock::DeploymentPageFormat
{
public:
    // `sourceRegion` as for CsvWriter::writeRow. The byte order mark is the writer's business.
    DeploymentCsvFormat(CsvOptions options, const QString &sourceRegion);

    bool format(const QByteArray &json, bedrock::FormattedDeploymentPage *page) const override;

private:
    CsvOptions m_options;
    QString m_sourceRegion;
    QByteArray m_sourceRegionCell;   // encoded once
};

} // namespace outcrop::exporting
