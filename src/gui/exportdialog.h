// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "bedrock/deployment.h"
#include "bedrock/deploymentquery.h"
#include "bedrock/multisourcepager.h"
#include "export/tableexport.h"

#include <QDialog>
#include <QPointer>

#include <memory>

namespace Ui {
class ExportDialog;
}

namespace outcrop::bedrock {
class BedrockClient;
}
namespace outcrop::exporting {
class DeploymentExport;
}

namespace outcrop::gui {

// The rows the table shows, in view order, with its visible columns.
struct ShownRows
{
    QList<exporting::TableColumn> columns;
    QList<bedrock::DeploymentSummary> rows;
};

// File > Export to CSV: non-modal (open it with open(); nothing waits on it). Exports either
// every deployment matching the current filters (fetching the remaining pages, with progress
// that can be cancelled) or the rows shown, through the same writer and rules as the headless
// export, written atomically.
class ExportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportDialog)

public:
    ExportDialog(bedrock::BedrockClient *client, bedrock::DeploymentQuery query, ShownRows shown,
                 QWidget *parent = nullptr);
    // Several sources: "all matching" lists every source and writes one creation-time order.
    ExportDialog(QList<bedrock::ListingSource> sources, bedrock::DeploymentQuery query, ShownRows shown,
                 QWidget *parent = nullptr);
    ~ExportDialog() override;

    void setFilePath(const QString &path);
    QString filePath() const;
    bool isRunning() const;

signals:
    void exported(const QString &path, int rows);

private:
    void browse();
    void startExport();
    void cancelExport();
    void finishExport(bool ok, const QString &message, int rows);
    void updateButtons();

    std::unique_ptr<Ui::ExportDialog> m_ui;
    QList<bedrock::ListingSource> m_sources;
    bedrock::DeploymentQuery m_query;
    ShownRows m_shown;
    QPointer<exporting::DeploymentExport> m_export;
    QPushButton *m_exportButton = nullptr;
    bool m_writingShownRows = false;
};

// Writes `shown` to `path` (atomically) on a worker thread and calls `done` on the caller's
// thread; exposed for tests.
void writeShownRows(const ShownRows &shown, const QString &path, const QString &region, bool byteOrderMark,
                    QObject *context, std::function<void(bool ok, const QString &message)> done);

} // namespace outcrop::gui
