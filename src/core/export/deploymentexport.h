// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "export/atomicfilewriter.h"
#include "export/csvwriter.h"
#include "export/deploymentcsvformat.h"
#include "export/exportoptions.h"

#include <QObject>

#include <memory>

#include "bedrock/multisourcepager.h"

namespace outcrop::bedrock {
class BedrockClient;
class DeploymentPager;
} // namespace outcrop::bedrock

namespace outcrop::exporting {

// Writes every deployment matching a query to a CSV file (or standard output), page by page as
// they arrive, so memory stays flat. The file appears only when the last page is written; on any
// failure nothing is left at the target (AtomicFileWriter).
//
// With several sources (profile, region), every source is listed at once and the rows are written
// in one creation-time order (MultiSourcePager), each with its own account and region. A source
// that fails fails the export, naming the source: a file without it would look complete.
class DeploymentExport final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeploymentExport)

public:
    DeploymentExport(bedrock::BedrockClient *client, ExportOptions options, QObject *parent = nullptr);
    DeploymentExport(QList<bedrock::ListingSource> sources, ExportOptions options, QObject *parent = nullptr);
    ~DeploymentExport() override;

    void start();
    void cancel();

    int rowsWritten() const;

signals:
    void progress(int rows, int pages);
    // `message` says what went wrong (naming the file) when `ok` is false.
    void finished(bool ok, const QString &message);

private:
    void startSingleSource();
    void startMultiSource();
    void afterPage(int pages);
    // The last page is written: flush and move the file into place.
    void commit();
    // Listing failed (not writing): `message` says why.
    void failListing(const QString &message);
    void fail(const QString &message);

    QList<bedrock::ListingSource> m_sources;
    ExportOptions m_options;
    AtomicFileWriter m_file;
    std::unique_ptr<CsvWriter> m_writer;
    std::unique_ptr<DeploymentCsvFormat> m_csvFormat;
    QByteArray m_csvRows;   // one page's rows on the direct path
    bedrock::DeploymentPager *m_pager = nullptr;                // one source
    bedrock::MultiSourcePager *m_multiPager = nullptr;          // several
    bool m_finished = false;
};

} // namespace outcrop::exporting
