// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "export/atomicfilewriter.h"
#include "export/csvwriter.h"
#include "export/deploymentcsvformat.h"
#include "export/exportoptions.h"

#include <QObject>

#include <memory>

namespace outcrop::bedrock {
class BedrockClient;
class DeploymentPager;
} // namespace outcrop::bedrock

namespace outcrop::exporting {

// Writes every deployment matching a query to a CSV file (or standard output), page by page as
// they arrive, so memory stays flat. The file appears only when the last page is written; on any
// failure nothing is left at the target (AtomicFileWriter).
class DeploymentExport final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeploymentExport)

public:
    DeploymentExport(bedrock::BedrockClient *client, ExportOptions options, QObject *parent = nullptr);
    ~DeploymentExport() override;

    void start();
    void cancel();

    int rowsWritten() const;

signals:
    void progress(int rows, int pages);
    // `message` says what went wrong (naming the file) when `ok` is false.
    void finished(bool ok, const QString &message);

private:
    void afterPage();
    void fail(const QString &message);

    bedrock::BedrockClient *m_client;
    ExportOptions m_options;
    AtomicFileWriter m_file;
    std::unique_ptr<CsvWriter> m_writer;
    std::unique_ptr<DeploymentCsvFormat> m_csvFormat;
    QByteArray m_csvRows;   // one page's rows on the direct path
    bedrock::DeploymentPager *m_pager = nullptr;
    bool m_finished = false;
};

} // namespace outcrop::exporting
