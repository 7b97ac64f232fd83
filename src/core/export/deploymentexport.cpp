// SPDX-License-Identifier: Apache-2.0
#include "export/deploymentexport.h"

#include "bedrock/bedrockclient.h"
#include "bedrock/deploymentpager.h"
#include "export/backgroundcsvformatter.h"

#include <QCoreApplication>

namespace outcrop::exporting {

DeploymentExport::DeploymentExport(bedrock::BedrockClient *client, ExportOptions options, QObject *parent)
    : DeploymentExport(QList<bedrock::ListingSource>{{client ? client->region() : QString(), client, {}}}, std::move(options),
                       parent)
{
}

DeploymentExport::DeploymentExport(QList<bedrock::ListingSource> sources, ExportOptions options, QObject *parent)
    : QObject(parent)
    , m_sources(std::move(sources))
    , m_options(std::move(options))
{
}

DeploymentExport::~DeploymentExport()
{
    if (!m_finished) {
        m_file.cancel();
    }
}

int DeploymentExport::rowsWritten() const
{
    return m_writer ? m_writer->rowsWritten() : 0;
}

void DeploymentExport::start()
{
    if (!m_file.open(m_options.outputPath)) {
        // Reported on the next turn of the event loop, like every other outcome.
        QMetaObject::invokeMethod(this, [this] { fail(m_file.errorString()); }, Qt::QueuedConnection);
        return;
    }
    m_writer = std::make_unique<CsvWriter>(m_file.device(), m_options.csv);
    m_writer->writeDeploymentHeader();
    if (m_sources.size() == 1 && m_sources.first().client) {
        startSingleSource();
    } else {
        startMultiSource();
    }
}

void DeploymentExport::startMultiSource()
{
    bedrock::DeploymentQuery query = m_options.query;
    query.maxResults = m_options.pageSize;
    m_multiPager = new bedrock::MultiSourcePager(m_sources, query, this);
    connect(m_multiPager, &bedrock::MultiSourcePager::rowsReleased, this,
            [this](const QList<bedrock::SourcedDeployment> &rows) {
                for (const bedrock::SourcedDeployment &row : rows) {
                    const bedrock::BedrockClient *client = m_sources.at(row.source).client;
                    m_writer->writeRow(row.deployment, client ? client->region() : QString());
                }
                afterPage(m_multiPager->pageCount());
            });
    connect(m_multiPager, &bedrock::MultiSourcePager::sourceFailed, this,
            [this](int source, const aws::AwsError &error) {
                m_multiPager->cancel();
                failListing(QCoreApplication::translate("DeploymentExport", "Source %1: %2")
                                .arg(m_sources.at(source).label, error.userMessage()));
            });
    connect(m_multiPager, &bedrock::MultiSourcePager::finished, this, &DeploymentExport::commit);
    m_multiPager->fetchAll();
}

void DeploymentExport::startSingleSource()
{
    bedrock::BedrockClient *client = m_sources.first().client;
    bedrock::DeploymentQuery query = m_options.query;
    query.maxResults = m_options.pageSize;
    m_pager = new bedrock::DeploymentPager(client, query, this);
    // Pages go from their bytes straight to CSV (DeploymentCsvFormat), written after the next
    // page has been asked for; a page the reader declines comes as rows, written by writeRow
    // into the same bytes.
    m_pager->setRawPages(true);
    m_formatter = new BackgroundCsvFormatter(m_options.csv, client->region(), this);
    connect(m_pager, &bedrock::DeploymentPager::pageArrived, this,
            [this](const QList<bedrock::DeploymentSummary> &rows) {
                m_pages.push_back(PendingPage{false, false, rows, {}, 0});
                writeReadyPages();
            });
    connect(m_pager, &bedrock::DeploymentPager::rawPageArrived, this, [this](const bedrock::RawDeploymentPage &page) {
        m_pages.push_back(PendingPage{true, false, {}, {}, 0});
        m_formatter->format(page);
    });
    // Raw pages come back in the order they were given, so each result belongs to the first raw
    // page still waiting.
    connect(m_formatter, &BackgroundCsvFormatter::formatted, this, [this](const QByteArray &csv, qsizetype rowCount, bool) {
        for (PendingPage &page : m_pages) {
            if (page.raw && !page.formatted) {
                page.formatted = true;
                page.csv = csv;
                page.rowCount = rowCount;
                break;
            }
        }
        writeReadyPages();
    });
    connect(m_pager, &bedrock::DeploymentPager::failed, this, [this](const aws::AwsError &error) {
        failListing(error.userMessage());
    });
    connect(m_pager, &bedrock::DeploymentPager::finished, this, [this] {
        m_pagerFinished = true;
        finishWhenWritten();
    });
    m_pager->fetchAll();
}

void DeploymentExport::commit()
{
    if (m_finished) {
        return;
    }
    if (!m_writer->flush() || !m_file.commit()) {
        fail(m_writer->errorString().isEmpty() ? m_file.errorString()
                                               : m_file.writeFailedMessage(m_writer->errorString()));
        return;
    }
    m_finished = true;
    emit finished(true, {});
}

void DeploymentExport::failListing(const QString &message)
{
    // The service or the credentials failed, not the writing: say that, and for standard output
    // that what was written so far is incomplete, on a line of its own (the message may be a list,
    // such as the places searched for credentials).
    fail(m_file.isStreaming() ? message + QLatin1Char('\n')
                 + QCoreApplication::translate("DeploymentExport", "What was written to standard output is incomplete.")
                              : message);
}

void DeploymentExport::afterPage(int pages)
{
    if (!m_writer->flush()) {
        if (m_pager) {
            m_pager->cancel();
        }
        if (m_multiPager) {
            m_multiPager->cancel();
        }
        fail(m_file.writeFailedMessage(m_writer->errorString()));
        return;
    }
    m_file.startWriteback();
    emit progress(m_writer->rowsWritten(), pages);
}

void DeploymentExport::writeReadyPages()
{
    const QString region = m_sources.first().client ? m_sources.first().client->region() : QString();
    while (!m_pages.empty() && !m_finished && (!m_pages.front().raw || m_pages.front().formatted)) {
        const PendingPage page = std::move(m_pages.front());
        m_pages.pop_front();
        ++m_pagesWritten;
        if (page.raw) {
            m_writer->writeFormattedRows(page.csv, page.rowCount);
        } else {
            for (const bedrock::DeploymentSummary &row : page.rows) {
                m_writer->writeRow(row, region);
            }
        }
        if (!m_writer->flush()) {
            m_pager->cancel();
            fail(m_file.writeFailedMessage(m_writer->errorString()));
            return;
        }
        m_file.startWriteback();
        emit progress(m_writer->rowsWritten(), m_pagesWritten);
    }
    finishWhenWritten();
}

void DeploymentExport::finishWhenWritten()
{
    if (m_finished || !m_pagerFinished || !m_pages.empty()) {
        return;
    }
    commit();
}

void DeploymentExport::cancel()
{
    if (m_pager) {
        m_pager->cancel();
    }
    if (m_multiPager) {
        m_multiPager->cancel();
    }
    fail(QCoreApplication::translate("DeploymentExport", "The export was cancelled."));
}

void DeploymentExport::fail(const QString &message)
{
    if (m_finished) {
        return;
    }
    m_finished = true;
    m_file.cancel();
    emit finished(false, message);
}

} // namespace outcrop::exporting
