// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "bedrock/rawdeploymentpage.h"
#include "export/deploymentcsvformat.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <memory>

namespace outcrop::exporting {

// Formats the CSV of checked pages (DeploymentCsvFormat::appendRows) on a worker thread, one page
// after the other in the order they were given, and hands each page's bytes back on the owner's
// thread through `formatted`, in that order. The export's main thread meanwhile reads and checks
// the next page: on a machine with two cores the writing no longer adds to the time of an export
// (docs/benchmarks.md, "Export").
//
// Destroying it never waits: a page being formatted at that moment finishes on the worker and
// its bytes are dropped.
class BackgroundCsvFormatter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackgroundCsvFormatter)

public:
    BackgroundCsvFormatter(CsvOptions options, const QString &sourceRegion, QObject *parent = nullptr);
    ~BackgroundCsvFormatter() override;

    // From now on the worker also writes what it formats to `fd` (a duplicate of it, so that the
    // owner may close its own at any time), starting the file's writeback after each page when
    // `startWriteback` (Linux sync_file_range; not for a pipe or terminal). `formatted` then comes
    // with no bytes, once they are written. Call before the first format().
    void writeTo(int fd, bool startWriteback);
    void format(bedrock::RawDeploymentPage page);
    // Bytes already formatted (`rowCount` rows), written in their turn behind the pages before.
    // Only with writeTo().
    void write(QByteArray rows, qsizetype rowCount);
    // Pages given to format() or write() whose `formatted` has not been emitted yet.
    int pending() const { return m_pending; }

signals:
    // `ok` false: a page readRawDeploymentPage would not have returned (DeploymentCsvFormat).
    void formatted(const QByteArray &rows, qsizetype rowCount, bool ok);
    // With writeTo(): writing failed, `reason` says why (the system's text); nothing more is
    // written or reported after it.
    void writeFailed(const QString &reason);

private:
    struct Shared;
    void deliver(const QByteArray &rows, qsizetype rowCount, bool ok);
    void enqueue(bedrock::RawDeploymentPage page, QByteArray rows, qsizetype rowCount, bool preformatted);

    std::shared_ptr<Shared> m_shared;
    int m_pending = 0;
};

} // namespace outcrop::exporting
