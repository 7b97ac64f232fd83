// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "export/atomicfilewriter.h"
#include "export/csvwriter.h"
#include "bedrock/deployment.h"
#include "bedrock/multisourcepager.h"
#include "export/exportoptions.h"

#include <QByteArray>
#include <QList>
#include <QObject>

#include <deque>
#include <memory>

namespace outcrop::bedrock {
class BedrockClient;
class DeploymentPager;
} // namespace outcrop::bedrock

namespace outcrop::exporting {

class BackgroundCsvFormatter;

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
    // Single source: writes the pages at the front that are ready, in the order they arrived.
    void writeReadyPages();
    void finishWhenWritten();
    // Several sources: released rows are written at once.
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
    // A page on its way to the file: rows (a page the reader declined) are written when their
    // turn comes; a raw page's CSV is formatted on a worker thread first (BackgroundCsvFormatter).
    struct PendingPage
    {
        bool raw = false;
        bool formatted = false;
        QList<bedrock::DeploymentSummary> rows;
        QByteArray csv;
        qsizetype rowCount = 0;
    };
    std::deque<PendingPage> m_pages;
    BackgroundCsvFormatter *m_formatter = nullptr;
    bedrock::DeploymentPager *m_pager = nullptr;            // one source
    bedrock::MultiSourcePager *m_multiPager = nullptr;      // several
    int m_pagesWritten = 0;
    bool m_pagerFinished = false;
    bool m_finished = false;
};

} // namespace outcrop::exporting
