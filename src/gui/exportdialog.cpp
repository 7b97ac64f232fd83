// SPDX-License-Identifier: Apache-2.0
#include "exportdialog.h"

#include "bedrock/bedrockclient.h"
#include "export/atomicfilewriter.h"
#include "export/deploymentexport.h"
#include "ui_exportdialog.h"

#include <QDir>
#include <QFileDialog>
#include <QPointer>
#include <QPushButton>
#include <QStandardPaths>
#include <QThread>

namespace outcrop::gui {

void writeShownRows(const ShownRows &shown, const QString &path, const QString &region, bool byteOrderMark,
                    QObject *context, std::function<void(bool ok, const QString &message)> done)
{
    // Writing and the fsync of the rename happen off the GUI thread: a slow disk must not freeze
    // the window. The rows are copied into the worker (implicitly shared, so cheap).
    QPointer<QObject> guard(context);
    QThread *worker = QThread::create([shown, path, region, byteOrderMark, guard, done = std::move(done)] {
        exporting::AtomicFileWriter file;
        bool ok = file.open(path);
        QString message = ok ? QString() : file.errorString();
        if (ok) {
            exporting::CsvWriter writer(file.device(), exporting::CsvOptions { byteOrderMark, true });
            writer.writeHeader(exporting::tableExportHeader(shown.columns));
            for (const bedrock::DeploymentSummary &row : shown.rows) {
                writer.writeRow(exporting::tableExportRow(row, shown.columns, region));
            }
            if (!writer.flush()) {
                ok = false;
                message = file.writeFailedMessage(writer.errorString());
                file.cancel();
            } else if (!file.commit()) {
                ok = false;
                message = file.errorString();
            }
        }
        if (guard) {
            QMetaObject::invokeMethod(guard, [guard, done, ok, message] {
                if (guard) {
                    done(ok, message);
                }
            }, Qt::QueuedConnection);
        }
    });
    QObject::connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    worker->start();
}

ExportDialog::ExportDialog(bedrock::BedrockClient *client, bedrock::DeploymentQuery query, ShownRows shown,
                           QWidget *parent)
    : ExportDialog(client ? QList<bedrock::ListingSource>{{client->region(), client, {}}} : QList<bedrock::ListingSource>(),
                   std::move(query), std::move(shown), parent)
{
}

ExportDialog::ExportDialog(QList<bedrock::ListingSource> sources, bedrock::DeploymentQuery query, ShownRows shown,
                           QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ExportDialog>())
    , m_sources(std::move(sources))
    , m_query(std::move(query))
    , m_shown(std::move(shown))
{
    m_ui->setupUi(this);
    // The count in a variable: lupdate 6.4 hangs on parentheses inside tr()'s count argument.
    const int shownRows = int(m_shown.rows.size());
    m_ui->shownRowsButton->setText(tr("Only the &rows shown (%Ln row(s))", nullptr, shownRows));
    m_ui->progressBar->hide();
    m_ui->fileEdit->setAccessibleName(tr("File to write"));
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    m_ui->fileEdit->setText(QDir(documents.isEmpty() ? QDir::homePath() : documents)
                                .filePath(QStringLiteral("bedrock-deployments.csv")));
    m_exportButton = m_ui->buttonBox->addButton(tr("&Export"), QDialogButtonBox::AcceptRole);
    m_exportButton->setDefault(true);
    connect(m_exportButton, &QPushButton::clicked, this, &ExportDialog::startExport);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &ExportDialog::cancelExport);
    connect(m_ui->browseButton, &QPushButton::clicked, this, &ExportDialog::browse);
    connect(m_ui->fileEdit, &QLineEdit::textChanged, this, &ExportDialog::updateButtons);
    updateButtons();
}

ExportDialog::~ExportDialog()
{
    if (m_export) {
        m_export->cancel();
    }
}

void ExportDialog::setFilePath(const QString &path)
{
    m_ui->fileEdit->setText(path);
}

QString ExportDialog::filePath() const
{
    return m_ui->fileEdit->text().trimmed();
}

bool ExportDialog::isRunning() const
{
    return m_export || m_writingShownRows;
}

void ExportDialog::updateButtons()
{
    m_exportButton->setEnabled(!isRunning() && !filePath().isEmpty());
    m_ui->scopeGroup->setEnabled(!isRunning());
    m_ui->bomCheck->setEnabled(!isRunning());
    m_ui->fileEdit->setEnabled(!isRunning());
    m_ui->browseButton->setEnabled(!isRunning());
}

void ExportDialog::browse()
{
    // Opened with open(), never exec(): the event loop (and the table's live refresh) go on.
    auto *chooser = new QFileDialog(this, tr("Export to CSV"), filePath(), tr("CSV files (*.csv);;All files (*)"));
    chooser->setAcceptMode(QFileDialog::AcceptSave);
    chooser->setDefaultSuffix(QStringLiteral("csv"));
    chooser->setAttribute(Qt::WA_DeleteOnClose);
    connect(chooser, &QFileDialog::fileSelected, this, &ExportDialog::setFilePath);
    chooser->open();
}

void ExportDialog::startExport()
{
    if (isRunning() || filePath().isEmpty()) {
        return;
    }
    m_ui->statusLabel->clear();
    m_ui->progressBar->setRange(0, 0);
    m_ui->progressBar->show();
    const bool bom = m_ui->bomCheck->isChecked();
    if (m_ui->shownRowsButton->isChecked()) {
        m_writingShownRows = true;
        updateButtons();
        const int rows = int(m_shown.rows.size());
        // One source: the region it was listed from; several: each row's own (from its ARN).
        const bedrock::BedrockClient *client = m_sources.size() == 1 ? m_sources.first().client.data() : nullptr;
        writeShownRows(m_shown, filePath(), client ? client->region() : QString(), bom, this,
                       [this, rows](bool ok, const QString &message) {
                           m_writingShownRows = false;
                           finishExport(ok, message, rows);
                       });
        return;
    }
    exporting::ExportOptions options;
    options.outputPath = filePath();
    options.query = m_query;
    options.pageSize = exporting::defaultExportPageSize;
    options.csv.byteOrderMark = bom;
    m_export = new exporting::DeploymentExport(m_sources, options, this);
    connect(m_export, &exporting::DeploymentExport::progress, this, [this](int rows, int pages) {
        m_ui->statusLabel->setText(tr("%Ln deployment(s) written", nullptr, rows) + QStringLiteral(" · ")
                                   + tr("%Ln page(s)", nullptr, pages));
    });
    connect(m_export, &exporting::DeploymentExport::finished, this, [this](bool ok, const QString &message) {
        const int rows = m_export->rowsWritten();
        m_export->deleteLater();
        m_export.clear();
        finishExport(ok, message, rows);
    });
    updateButtons();
    m_export->start();
}

void ExportDialog::cancelExport()
{
    if (m_export) {
        m_export->cancel();   // reports through finished(false, "cancelled"); the dialog stays open
        return;
    }
    if (!m_writingShownRows) {
        reject();
    }
}

void ExportDialog::finishExport(bool ok, const QString &message, int rows)
{
    m_ui->progressBar->hide();
    updateButtons();
    if (!ok) {
        m_ui->statusLabel->setText(message);
        return;
    }
    m_ui->statusLabel->setText(tr("Wrote %Ln deployment(s) to %1.", nullptr, rows).arg(QDir::toNativeSeparators(filePath())));
    emit exported(filePath(), rows);
    accept();
}

} // namespace outcrop::gui
