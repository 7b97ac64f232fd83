// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "bedrock/rawdeploymentpage.h"
#include "export/deploymentcsvformat.h"

#include <QByteArray>
#include <QObject>

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

    void format(bedrock::RawDeploymentPage page);
    // Pages given to format() whose `formatted` has not been emitted yet.
    int pending() const { return m_pending; }

signals:
    // `ok` false: a page readRawDeploymentPage would not have returned (DeploymentCsvFormat).
    void formatted(const QByteArray &rows, qsizetype rowCount, bool ok);

private:
    struct Shared;
    void deliver(const QByteArray &rows, qsizetype rowCount, bool ok);

    std::shared_ptr<Shared> m_shared;
    int m_pending = 0;
};

} // namespace outcrop::exporting
