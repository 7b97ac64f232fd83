// SPDX-License-Identifier: Apache-2.0
#include "mainwindow.h"

#include "aws/awserror.h"
#include "bedrock/bedrockclient.h"
#include "bedrock/bedrocksession.h"
#include "bedrock/custommodelnames.h"
#include "deploymentactions.h"
#include "deploymentdetailpane.h"
#include "deploymentfilterproxy.h"
#include "deploymentnotifications.h"
#include "desktopnotifier.h"
#include "connectionbar.h"
#include "profileappearancedialog.h"
#include "errorbanner.h"
#include "filterbar.h"
#include "lifecycleactions.h"
#include "overviewwidget.h"
#include "statussidebar.h"
#include "symbolicicon.h"
#include "windowshortcutpriority.h"
#include "deploymenttablemodel.h"
#include "exportdialog.h"
#include "liverefresh.h"
#include "statuscounts.h"
#include "sourcesdialog.h"
#include "sourceviews.h"

#include "bedrock/bedrockregions.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QScreen>
#include <QSplitter>
#include <QTimer>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>
#include <QWindowStateChangeEvent>

#include <iterator>
#include <utility>

namespace outcrop::gui {

namespace {
// Bumped when the table's columns change, so a saved header layout that no longer fits is
// dropped for the defaults instead of hiding the wrong columns.
// 2: the Account and Region columns.
constexpr int kHeaderStateVersion = 2;
constexpr int kDefaultAutoRefreshSeconds = 30;

const char *const kGeometryKey = "window/geometry";
const char *const kWindowStateKey = "window/state";
const char *const kHeaderKey = "table/header";
const char *const kHeaderVersionKey = "table/headerVersion";
const char *const kAutoRefreshKey = "live/autoRefreshSeconds";
const char *const kSplitterKey = "window/splitter";

QString settingsKey(const char *key)
{
    return QString::fromLatin1(key);
}
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setObjectName(QStringLiteral("MainWindow"));
    m_model = new DeploymentTableModel(this);
    m_proxy = new DeploymentFilterProxy(this);
    m_proxy->setSourceModel(m_model);
    m_counts = new StatusCounts(this);
    m_counts->setModel(m_model);
    m_modelNames = new bedrock::CustomModelNames(this);
    m_model->setModelNames(m_modelNames);
    m_live = new LiveRefresh(this);
    m_actions = new DeploymentActions(this);
    m_lifecycle = new LifecycleActions(this, this);
    m_lifecycle->setTableModel(m_model);
    m_lifecycle->setModelNames(m_modelNames);
    m_notifier = new DesktopNotifier(this);
    m_notifications = new DeploymentNotifications(m_notifier, this);
    // Polls change rows one by one; their outcome is looked at as one batch, so that several
    // deployments becoming Active at once make one notification.
    m_observeTimer = new QTimer(this);
    m_observeTimer->setSingleShot(true);
    m_observeTimer->setInterval(400);
    connect(m_observeTimer, &QTimer::timeout, this, &MainWindow::observeChangedRows);
    m_saveStateTimer = new QTimer(this);
    m_saveStateTimer->setSingleShot(true);
    m_saveStateTimer->setInterval(500);
    connect(m_saveStateTimer, &QTimer::timeout, this, [this] {
        if (!m_restoringColumns) {
            m_settingsWriter.writeInBackground(windowStateSnapshot());
        }
    });

    createActions();
    createCentralWidget();
    createMenus();
    createStatusBar();

    connect(m_model, &DeploymentTableModel::loadingChanged, this, &MainWindow::updateStatus);
    connect(m_model, &DeploymentTableModel::hasMoreChanged, this, &MainWindow::updateStatus);
    connect(m_model, &DeploymentTableModel::rowsLoaded, this, [this] {
        if (!m_lastRefreshed.isValid()) {
            m_lastRefreshed = QDateTime::currentDateTime();
        }
        if (failingSources().isEmpty()) {
            // Rows of one source prove nothing about another that failed: its error stays shown.
            m_banner->callSucceeded();
        }
        m_observeTimer->start();
        updateStatus();
    });
    connect(m_model, &DeploymentTableModel::refreshed, this, [this] {
        m_lastRefreshed = QDateTime::currentDateTime();
        if (failingSources().isEmpty()) {
            m_banner->callSucceeded();
        }
        observeChangedRows();
        updateStatus();
    });
    // Only the rows that arrived or changed go to the notifications (copying all 25,000 loaded
    // rows every time stalled the window ~14 ms); the tracker remembers the others.
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &, int first, int last) {
        collectChangedRows(first, last);
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
        // Model names and highlights change other columns; only a status can be a transition.
        if (topLeft.column() <= DeploymentTableModel::StatusColumn && bottomRight.column() >= DeploymentTableModel::StatusColumn) {
            collectChangedRows(topLeft.row(), bottomRight.row());
            m_observeTimer->start();
        }
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &MainWindow::updateStatus);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateEmptyState);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateEmptyState);
    // A row leaves when the service no longer lists its deployment (deleted, or out of the query):
    // the notifications forget it too, so a window left open for days while deployments come and
    // go remembers only what is listed (bench-soak: without this, RSS crept up at 15 ms refreshes).
    // A deployment that comes back is new to them: first seen, never a transition.
    connect(m_model, &QAbstractItemModel::rowsAboutToBeRemoved, this, [this](const QModelIndex &, int first, int last) {
        for (int row = first; row <= last; ++row) {
            m_notifications->forget(m_model->deployment(row).arn);
        }
    });
    // A reset (another server-side query or sort order, other sources) drops every row without
    // rowsAboutToBeRemoved: the same forgetting, or the tracker would keep each earlier query's
    // deployments, and those deleted while out of view for good. What changed just before is
    // observed first. A deployment still Creating stays remembered, so that the notice the user
    // waits for ("Active" or "Failed") survives a change of filter; it is forgotten like any other
    // once it is listed and leaves again.
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        observeChangedRows();
        for (int row = 0; row < m_model->rowCount(); ++row) {
            const bedrock::DeploymentSummary &deployment = m_model->deployment(row);
            if (bedrock::deploymentStatusFromText(deployment.statusText) != bedrock::DeploymentStatus::Creating) {
                m_notifications->forget(deployment.arn);
            }
        }
    });
    connect(m_model, &DeploymentTableModel::error, this, &MainWindow::onModelError);
    connect(m_model, &DeploymentTableModel::sourceFailed, this, &MainWindow::onSourceFailed);
    connect(m_live, &LiveRefresh::refreshDue, this, [this] { m_model->refresh(); });
    connect(m_live, &LiveRefresh::transitionalPollDue, m_model, &DeploymentTableModel::refreshTransitional);

    // Window shortcuts such as Ctrl+E (export) win over the Emacs bindings of text fields.
    WindowShortcutPriority::installOn(this);
    restoreWindowState();
    updateWindowTitle();
    updateStatus();
}

MainWindow::~MainWindow()
{
    // A header change whose state was not written yet: write it now, as before the delay.
    if (m_saveStateTimer->isActive() && !m_restoringColumns) {
        m_settingsWriter.write(windowStateSnapshot());
    }
    // Hiding the children on the way out can resize header sections (after columns were shown or
    // hidden, e.g. Account and Region): nothing is saved from a window being destroyed.
    m_restoringColumns = true;
    disconnect(m_view->horizontalHeader(), nullptr, this, nullptr);
}

ExportDialog *MainWindow::exportDialog() const
{
    return m_exportDialog;
}

void MainWindow::createActions()
{
    m_exportAction = new QAction(symbolicIcon(QStringLiteral("document-export"), QStringLiteral("document-export")),
                                  tr("&Export to CSV…"), this);
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_exportAction->setStatusTip(tr("Write the deployments to a CSV file"));
    connect(m_exportAction, &QAction::triggered, this, &MainWindow::openExportDialog);

    m_quitAction = new QAction(QIcon::fromTheme(QStringLiteral("application-exit")), tr("&Quit"), this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_refreshAction = new QAction(symbolicIcon(QStringLiteral("view-refresh"), QStringLiteral("view-refresh")), tr("&Refresh"), this);
    m_refreshAction->setShortcut(QKeySequence(Qt::Key_F5));
    m_refreshAction->setStatusTip(tr("Check the loaded deployments for changes now"));
    connect(m_refreshAction, &QAction::triggered, this, &MainWindow::refresh);

    m_loadAllAction = new QAction(symbolicIcon({}, QStringLiteral("load-all")), tr("Load &All"), this);
    m_loadAllAction->setStatusTip(tr("Load every remaining page of deployments"));
    connect(m_loadAllAction, &QAction::triggered, m_model, &DeploymentTableModel::loadAll);

    m_autoRefreshGroup = new QActionGroup(this);
    for (const int seconds : { 0, 15, 30, 60 }) {
        auto *action = new QAction(seconds == 0 ? tr("Off") : tr("Every %Ln second(s)", nullptr, seconds), m_autoRefreshGroup);
        action->setCheckable(true);
        action->setData(seconds);
        connect(action, &QAction::triggered, this, [this, seconds] { setAutoRefresh(seconds); });
    }
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_exportAction);
    QAction *credentials = file->addAction(tr("&Credentials…"));
    credentials->setStatusTip(tr("Store access keys or a Bedrock API key for a profile in the system keyring"));
    connect(credentials, &QAction::triggered, this, &MainWindow::credentialsDialogRequested);
    file->addSeparator();
    file->addAction(m_quitAction);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_refreshAction);
    view->addAction(m_loadAllAction);
    QMenu *autoRefresh = view->addMenu(tr("A&uto-Refresh"));
    autoRefresh->addActions(m_autoRefreshGroup->actions());
    view->addSeparator();
    view->addAction(m_filterBar->focusFilterAction());
    QMenu *columns = view->addMenu(tr("&Columns"));
    connect(columns, &QMenu::aboutToShow, this, [this, columns] { populateColumnMenu(columns); });
    QMenu *sources = view->addMenu(tr("&Sources"));
    sources->setObjectName(QStringLiteral("sourcesMenu"));
    connect(sources, &QMenu::aboutToShow, this, [this, sources] { populateSourcesMenu(sources); });
    populateSourcesMenu(sources);   // so that its actions exist before it is first shown (tests, automation)

    view->addSeparator();
    view->addAction(m_detailsDock->toggleViewAction());
    m_appearanceAction = view->addAction(tr("Profile &Label and Colour…"));
    m_appearanceAction->setStatusTip(tr("Give this profile a label and a colour, e.g. red for production"));
    connect(m_appearanceAction, &QAction::triggered, this, &MainWindow::openAppearanceDialog);

    QMenu *deployment = menuBar()->addMenu(tr("&Deployment"));
    deployment->addActions(m_lifecycle->actions());
    deployment->addSeparator();
    m_actions->addTo(deployment);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Outcrop"));
    about->setMenuRole(QAction::AboutRole);
    connect(about, &QAction::triggered, this, [this] {
        auto *box = new QMessageBox(QMessageBox::Information, tr("About Outcrop"),
                                    tr("<h3>Outcrop %1</h3>"
                                       "<p>A dashboard for Amazon Bedrock custom model deployments.</p>"
                                       "<p>Licensed under the Apache License, version 2.0.</p>")
                                        .arg(QApplication::applicationVersion()),
                                    QMessageBox::Ok, this);
        box->setInformativeText(
            tr("<p><b>Third-party software</b></p>"
               "<p>Qt %1 — GNU Lesser General Public License v3 (The Qt Company and contributors).<br>"
               "QtKeychain — BSD 3-Clause License (Frank Osterfeld and contributors).<br>"
               "AWS Signature Version 4 test suite, used by the tests — Apache License 2.0 "
               "(Amazon.com, Inc. or its affiliates).</p>")
                .arg(QString::fromLatin1(qVersion())));
        box->setTextInteractionFlags(Qt::TextSelectableByMouse);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });

    QToolBar *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolBar"));
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);   // "Load All" needs its words
    toolbar->addAction(m_refreshAction);
    toolbar->addAction(m_loadAllAction);
    toolbar->addAction(m_exportAction);
    toolbar->addAction(m_lifecycle->createAction());
    toolbar->addSeparator();
    m_connectionBar = new ConnectionBar(toolbar);
    toolbar->addWidget(m_connectionBar);
    connect(m_connectionBar, &ConnectionBar::connectionRequested, this, &MainWindow::connectionChangeRequested);
    connect(m_connectionBar, &ConnectionBar::sourcesDialogRequested, this, &MainWindow::openSourcesDialog);
}

void MainWindow::createCentralWidget()
{
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    // A thin stripe in the profile's colour (e.g. red for production), when it has one.
    m_profileStripe = new QWidget(central);
    m_profileStripe->setFixedHeight(4);
    m_profileStripe->setAutoFillBackground(true);
    m_profileStripe->hide();
    layout->addWidget(m_profileStripe);

    m_banner = new ErrorBanner(central);
    m_banner->setObjectName(QStringLiteral("errorBanner"));
    connect(m_banner, &ErrorBanner::retryRequested, this, [this] {
        emit retryRequested();
        if (m_model->rowCount() == 0) {
            applyQuery(m_model->query());   // nothing loaded yet: start the query again
        } else {
            refresh();
        }
    });
    layout->addWidget(m_banner);

    m_overview = new OverviewWidget(central);
    m_overview->setStatusCounts(m_counts);
    m_overview->setModel(m_model);
    layout->addWidget(m_overview);

    m_filterBar = new FilterBar(central);
    m_filterBar->setObjectName(QStringLiteral("filterBar"));
    connect(m_filterBar, &FilterBar::queryChanged, this, &MainWindow::applyQuery);
    connect(m_filterBar, &FilterBar::deployModelRequested, m_lifecycle, &LifecycleActions::openCreateDialog);
    connect(m_filterBar, &FilterBar::localFilterChanged, this, [this](const QString &text) {
        m_proxy->setTextFilter(text);
        updateEmptyState();
    });
    // Names arrive a page of models at a time (3,000 models: several pages in a row); the model
    // list is rebuilt once for them, not once per page.
    auto *customModelsUpdate = new QTimer(this);
    customModelsUpdate->setSingleShot(true);
    customModelsUpdate->setInterval(100);
    connect(customModelsUpdate, &QTimer::timeout, this,
            [this] { m_filterBar->setCustomModels(m_modelNames->knownModels()); });
    connect(m_modelNames, &bedrock::CustomModelNames::namesChanged, customModelsUpdate,
            [customModelsUpdate] {
                if (!customModelsUpdate->isActive()) {
                    customModelsUpdate->start();
                }
            });
    layout->addWidget(m_filterBar);

    m_view = new QTableView(central);
    m_view->setObjectName(QStringLiteral("deploymentTable"));
    m_view->setAccessibleName(tr("Deployments"));
    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Several rows for Delete; the current row is the one the details and Copy act on.
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setWordWrap(false);
    m_view->setAlternatingRowColors(true);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    // Large lists: a fixed row height lets the view skip measuring rows.
    QHeaderView *rows = m_view->verticalHeader();
    rows->setSectionResizeMode(QHeaderView::Fixed);
    rows->setDefaultSectionSize(m_view->fontMetrics().height() + 10);
    rows->hide();
    QHeaderView *columnsHeader = m_view->horizontalHeader();
    columnsHeader->setSectionsMovable(true);
    columnsHeader->setHighlightSections(false);
    columnsHeader->setStretchLastSection(true);
    columnsHeader->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(columnsHeader, &QHeaderView::customContextMenuRequested, this, &MainWindow::showColumnMenu);
    connect(columnsHeader, &QHeaderView::sectionMoved, this, [this] { saveWindowStateSoon(); });
    connect(columnsHeader, &QHeaderView::sectionResized, this, [this] {
        if (!m_restoringColumns) {
            saveWindowStateSoon();
        }
    });
    m_view->setSortingEnabled(true);
    connect(columnsHeader, &QHeaderView::sortIndicatorChanged, this, &MainWindow::onSortIndicatorChanged);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, &MainWindow::showTableContextMenu);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MainWindow::onCurrentRowChanged);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MainWindow::onSelectionChanged);
    // Rows that change (Deleting, updating) or leave change what the actions act on.
    connect(m_model, &QAbstractItemModel::dataChanged, this, &MainWindow::onSelectionChanged);
    // The Delete key on the table (the action's shortcut is limited to the widgets it is on).
    m_view->addAction(m_lifecycle->deleteAction());
    layout->addWidget(m_view, 1);

    m_emptyState = new QLabel(m_view->viewport());
    m_emptyState->setAlignment(Qt::AlignCenter);
    m_emptyState->setWordWrap(true);
    m_emptyState->setForegroundRole(QPalette::PlaceholderText);
    m_emptyState->hide();

    m_sidebar = new StatusSidebar(this);
    m_sidebar->setContentsMargins(6, 6, 0, 6);
    m_sidebar->setStatusCounts(m_counts);
    connect(m_sidebar, &StatusSidebar::statusFilterChanged, m_proxy, &DeploymentFilterProxy::setStatusFilter);
    connect(m_sidebar, &StatusSidebar::statusFilterChanged, this, [this](const QSet<QString> &keys) {
        m_overview->setActiveStatus(keys.isEmpty() ? QString() : *keys.begin());
        updateEmptyState();
    });
    connect(m_overview, &OverviewWidget::statusClicked, m_sidebar, &StatusSidebar::selectStatus);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->addWidget(m_sidebar);
    splitter->addWidget(central);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setCollapsible(0, false);
    splitter->setCollapsible(1, false);
    m_sidebar->setMinimumWidth(m_sidebar->sizeHint().width());
    splitter->setSizes({ m_view->fontMetrics().averageCharWidth() * 22, 1000 });
    setCentralWidget(splitter);

    m_detailPane = new DeploymentDetailPane(this);
    m_detailPane->setContextActions(m_actions->actions());
    // Update progress: the poller's Gets reach the pane, the pane's Gets reach the table.
    connect(m_model, &DeploymentTableModel::detailPolled, m_detailPane, &DeploymentDetailPane::applyDetail);
    connect(m_detailPane, &DeploymentDetailPane::detailLoaded, m_model, &DeploymentTableModel::applyDetail);
    m_detailPane->setModelNameLookup([this](const QString &arn) { return m_modelNames->displayName(arn); });
    connect(m_modelNames, &bedrock::CustomModelNames::namesChanged, this, [this](const QStringList &arns) {
        for (const QString &arn : arns) {
            m_detailPane->setModelName(arn, m_modelNames->displayName(arn));
        }
    });
    auto *dock = new QDockWidget(tr("Details"), this);
    dock->setObjectName(QStringLiteral("detailsDock"));
    dock->setWidget(m_detailPane);
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable | QDockWidget::DockWidgetClosable);
    addDockWidget(Qt::RightDockWidgetArea, dock);
    resizeDocks({ dock }, { m_view->fontMetrics().averageCharWidth() * 46 }, Qt::Horizontal);
    m_detailsDock = dock;
    connect(m_actions, &DeploymentActions::statusMessage, this, [this](const QString &message) {
        statusBar()->showMessage(message, 5000);
    });
    connect(m_lifecycle, &LifecycleActions::statusMessage, this, [this](const QString &message) {
        statusBar()->showMessage(message, 8000);
    });
}

void MainWindow::createStatusBar()
{
    m_rowsLabel = new QLabel(this);
    m_sortNote = new QLabel(this);
    m_refreshedLabel = new QLabel(this);
    m_connectionLabel = new QLabel(this);
    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(90);
    m_busy->setMaximumHeight(m_rowsLabel->fontMetrics().height());
    m_busy->setTextVisible(false);
    m_busy->setAccessibleName(tr("Loading"));
    m_busy->hide();
    statusBar()->addWidget(m_busy);
    statusBar()->addWidget(m_rowsLabel);
    statusBar()->addWidget(m_sortNote);
    // Says why the actions that change deployments are missing.
    m_readOnlyLabel = new QLabel(tr("Read-only"), this);
    m_readOnlyLabel->setObjectName(QStringLiteral("readOnlyIndicator"));
    m_readOnlyLabel->setAccessibleName(tr("Read-only mode"));
    m_readOnlyLabel->setFrameShape(QFrame::StyledPanel);
    m_readOnlyLabel->setMargin(1);
    m_readOnlyLabel->hide();
    statusBar()->addPermanentWidget(m_readOnlyLabel);
    statusBar()->addPermanentWidget(m_refreshedLabel);
    statusBar()->addPermanentWidget(m_connectionLabel);
}

void MainWindow::setSession(bedrock::BedrockSession *session, const ConnectionLabel &label)
{
    QList<WindowSource> sources;
    if (session) {
        sources.append({label.region, label.profile, label.region, session, {}});
    }
    setSources(sources, label);
}

void MainWindow::setSources(const QList<WindowSource> &sources, const ConnectionLabel &label)
{
    m_sources = sources;
    m_session = nullptr;
    for (const WindowSource &source : sources) {
        if (source.session) {
            m_session = source.session;
            break;
        }
    }
    // With one source nothing changes; with several, the first connected source is the window's
    // "session", model names are asked for through the source each model belongs to, and the
    // detail pane and actions follow the current row's source (onCurrentRowChanged).
    bedrock::BedrockSession *session = m_sources.size() > 1 ? m_session : (m_sources.isEmpty() ? nullptr : m_sources.first().session);
    m_label = label;
    m_lastRefreshed = {};
    bedrock::BedrockClient *client = session ? session->client() : nullptr;
    if (m_sources.size() > 1) {
        QList<bedrock::BedrockClient *> clients;
        for (const WindowSource &source : std::as_const(m_sources)) {
            clients.append(source.session ? source.session->client() : nullptr);
        }
        m_modelNames->setClients(clients);
    } else {
        m_modelNames->setClient(client);
    }
    m_detailPane->setClient(client);
    m_detailPane->clear();
    m_actions->clearDeployment();
    m_lifecycle->setClient(client);
    m_lifecycle->setSelection({});
    bedrock::CliOptions cli;
    cli.region = label.region;
    cli.profile = label.demo ? QString() : label.profile;
    if (session && label.demo) {
        cli.endpointUrl = session->endpoint().toString();
    }
    m_actions->setCliOptions(cli);
    m_banner->clearError();
    m_account.clear();
    m_connectionBar->setAccount({});
    m_connectionBar->setSwitchingEnabled(!label.demo);
    showConnectionInBar();
    applyProfileAppearance();
    m_appearanceAction->setEnabled(session && !label.demo && m_sources.size() < 2);
    QList<bedrock::ListingSource> listing;
    for (const WindowSource &source : std::as_const(m_sources)) {
        listing.append({source.label, source.session ? source.session->client() : nullptr, source.problem});
    }
    applySourceColumns();
    m_model->setSources(listing);
    updateWindowTitle();
    updateStatus();
}

void MainWindow::applySourceColumns()
{
    // Account and Region say where a row comes from: shown with several sources only.
    const bool several = m_sources.size() > 1;
    m_view->setColumnHidden(DeploymentTableModel::AccountColumn, !several);
    m_view->setColumnHidden(DeploymentTableModel::RegionColumn, !several);
}

void MainWindow::onSourceFailed(int source, const QString &label, const aws::AwsError &error)
{
    Q_UNUSED(source)
    if (m_sources.size() > 1) {
        m_banner->showSourceError(label, error);
    }
    updateStatus();
}

QStringList MainWindow::failingSources() const
{
    QStringList labels;
    if (m_sources.size() < 2) {
        return labels;
    }
    for (int i = 0; i < m_model->sourceCount(); ++i) {
        if (m_model->sourceError(i).isError()) {
            labels.append(m_model->sourceLabel(i));
        }
    }
    return labels;
}

void MainWindow::openSourcesDialog()
{
    QStringList profiles = m_sharedProfiles + m_appProfiles;
    profiles.removeDuplicates();
    auto *dialog = new SourcesDialog(profiles, bedrock::bedrockRegions(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QStringList currentProfiles;
    QStringList currentRegions;
    for (const WindowSource &source : std::as_const(m_sources)) {
        if (!source.profile.isEmpty() && !currentProfiles.contains(source.profile)) {
            currentProfiles.append(source.profile);
        }
        if (!source.region.isEmpty() && !currentRegions.contains(source.region)) {
            currentRegions.append(source.region);
        }
    }
    dialog->setSelection(currentProfiles, currentRegions);
    connect(dialog, &SourcesDialog::sourcesChosen, this, [this](const SourceView &view) {
        if (!view.name.isEmpty()) {
            SourceViews::save(view);
        }
        emit sourcesChangeRequested(view.profiles, view.regions);
    });
    dialog->open();
}

void MainWindow::populateSourcesMenu(QMenu *menu)
{
    menu->clear();
    QAction *choose = menu->addAction(tr("&Choose Sources…"));
    choose->setObjectName(QStringLiteral("chooseSourcesAction"));
    choose->setStatusTip(tr("Show several profiles and regions in one table"));
    choose->setEnabled(!m_label.demo);
    connect(choose, &QAction::triggered, this, &MainWindow::openSourcesDialog);
    const QList<SourceView> views = SourceViews::load();
    if (!views.isEmpty()) {
        menu->addSection(tr("Saved Views"));
    }
    for (const SourceView &view : views) {
        QAction *open = menu->addAction(view.name);
        open->setObjectName(QStringLiteral("sourceView:") + view.name);
        open->setEnabled(!m_label.demo);
        //: %1 profiles, %2 regions (or "own region")
        open->setStatusTip(tr("Profiles %1 in %2")
                               .arg(view.profiles.join(QStringLiteral(", ")),
                                    view.regions.isEmpty() ? tr("their own regions") : view.regions.join(QStringLiteral(", "))));
        connect(open, &QAction::triggered, this,
                [this, view] { emit sourcesChangeRequested(view.profiles, view.regions); });
    }
    if (!views.isEmpty()) {
        QMenu *remove = menu->addMenu(tr("&Delete View"));
        for (const SourceView &view : views) {
            connect(remove->addAction(view.name), &QAction::triggered, this,
                    [name = view.name] { SourceViews::remove(name); });
        }
    }
}

void MainWindow::openAppearanceDialog()
{
    if (!m_session || m_label.demo || m_label.profile.isEmpty()) {
        return;
    }
    auto *dialog = new ProfileAppearanceDialog(m_label.profile, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ProfileAppearanceDialog::appearanceChanged, this, [this] { applyProfileAppearance(); });
    dialog->open();
}

void MainWindow::applyProfileAppearance()
{
    const ProfileAppearance appearance = m_label.demo ? ProfileAppearance() : ProfileAppearance::load(m_label.profile);
    if (appearance.color.isValid()) {
        QPalette stripe = m_profileStripe->palette();
        stripe.setColor(QPalette::Window, appearance.color);
        m_profileStripe->setPalette(stripe);
    }
    m_profileStripe->setVisible(m_session && appearance.color.isValid());
    applyReadOnly();
    updateWindowTitle();
}

void MainWindow::setForcedReadOnly(bool forced)
{
    m_forcedReadOnly = forced;
    applyReadOnly();
}

void MainWindow::applyReadOnly()
{
    const bool profileReadOnly = m_session && !m_label.demo && !m_label.profile.isEmpty()
        && ProfileAppearance::load(m_label.profile).isReadOnly(m_label.profile);
    // A view over several sources is for watching: each profile's own read-only setting and the
    // account a new deployment would go to are questions of one source, so lifecycle actions are
    // taken in a single-source view (decision recorded in README.md).
    const bool severalSources = m_sources.size() > 1;
    m_readOnly = m_forcedReadOnly || profileReadOnly || severalSources;
    m_lifecycle->setReadOnly(m_readOnly);
    m_detailPane->setReadOnly(m_readOnly);
    m_filterBar->deployModelAction()->setVisible(!m_readOnly);
    // Every source's client refuses mutating calls too, whatever a dialog left open tries.
    for (const WindowSource &source : std::as_const(m_sources)) {
        if (source.session) {
            source.session->client()->setReadOnly(m_readOnly);
        }
    }
    m_readOnlyLabel->setVisible(m_readOnly);
    m_readOnlyLabel->setToolTip(severalSources && !m_forcedReadOnly
                                    ? tr("A view over several sources is read-only: open one profile and region "
                                         "to create, change, delete or tag deployments.")
                                    : m_forcedReadOnly
                                    ? tr("Started with --read-only: deployments cannot be created, changed, deleted "
                                         "or tagged from this window.")
                                    : tr("The profile %1 is read-only (View > Profile Label and Colour): deployments "
                                         "cannot be created, changed, deleted or tagged from this window.")
                                          .arg(m_label.profile));
}

void MainWindow::onSelectionChanged()
{
    QList<bedrock::DeploymentSummary> selected;
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    selected.reserve(rows.size());
    for (const QModelIndex &index : rows) {
        const int sourceRow = m_proxy->mapToSource(index).row();
        if (sourceRow >= 0 && m_model->data(m_model->index(sourceRow, 0), DeploymentTableModel::ChangeHighlightRole).toInt()
                != int(DeploymentTableModel::Change::Removed)) {
            selected.append(m_model->deployment(sourceRow));
        }
    }
    m_lifecycle->setSelection(selected);
}

void MainWindow::setProfiles(const QStringList &sharedProfiles, const QStringList &appProfiles)
{
    m_sharedProfiles = sharedProfiles;
    m_appProfiles = appProfiles;
    m_connectionBar->setProfiles(sharedProfiles, appProfiles);
    showConnectionInBar();
}

void MainWindow::showConnectionInBar()
{
    // Several sources: the bar names them (its switchers would show one profile and region that
    // is not what the table shows). One: the switchers, set to it.
    QList<ConnectionBarSource> several;
    if (m_sources.size() > 1) {
        for (const WindowSource &source : std::as_const(m_sources)) {
            several.append({source.label, source.profile, source.region});
        }
    }
    m_connectionBar->setSources(several);
    if (several.isEmpty()) {
        m_connectionBar->setCurrent(m_label.demo ? tr("Demo") : m_label.profile, m_label.region);
    }
}

void MainWindow::setAccount(const QString &accountId)
{
    m_account = accountId;
    m_connectionBar->setAccount(accountId);
    updateWindowTitle();
    updateStatus();
}

void MainWindow::showConnectionProblem(const QString &message)
{
    m_banner->showError(aws::AwsError::make(aws::AwsError::Kind::Configuration, message));
}

void MainWindow::applyQuery(const bedrock::DeploymentQuery &query)
{
    m_lastRefreshed = {};
    m_actions->setQuery(query);
    if (query.maxResults > 0) {
        m_model->setPageSize(query.maxResults);
    }
    m_model->setQuery(query);
    // The Created column shows the service's order, whichever control chose it.
    QHeaderView *header = m_view->horizontalHeader();
    if (header->sortIndicatorSection() == DeploymentTableModel::CreatedColumn) {
        const Qt::SortOrder order = query.sortOrder == bedrock::SortOrder::Ascending ? Qt::AscendingOrder
                                                                                      : Qt::DescendingOrder;
        if (header->sortIndicatorOrder() != order) {
            m_view->sortByColumn(DeploymentTableModel::CreatedColumn, order);
        }
    }
}

void MainWindow::refresh()
{
    m_detailPane->refresh();
    if (!m_model->refresh()) {
        // A page is loading: that request brings fresh rows anyway.
        return;
    }
    m_model->refreshTransitional();
}

void MainWindow::openExportDialog()
{
    if (m_exportDialog) {
        m_exportDialog->raise();
        m_exportDialog->activateWindow();
        return;
    }
    ShownRows shown;
    const QHeaderView *header = m_view->horizontalHeader();
    for (int visual = 0; visual < header->count(); ++visual) {
        const int column = header->logicalIndex(visual);
        // account and region are always the last two columns of the file, whether shown or not.
        if (!m_view->isColumnHidden(column) && column < DeploymentTableModel::AccountColumn) {
            shown.columns.append(static_cast<exporting::TableColumn>(column));
        }
    }
    shown.rows.reserve(m_proxy->rowCount());
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const int sourceRow = m_proxy->mapToSource(m_proxy->index(row, 0)).row();
        shown.rows.append(m_model->deployment(sourceRow));
    }
    QList<bedrock::ListingSource> sources;
    for (const WindowSource &source : std::as_const(m_sources)) {
        sources.append({source.label, source.session ? source.session->client() : nullptr, source.problem});
    }
    m_exportDialog = new ExportDialog(sources, m_model->query(), std::move(shown), this);
    m_exportDialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_exportDialog, &ExportDialog::exported, this, [this](const QString &path, int rows) {
        statusBar()->showMessage(tr("Exported %Ln deployment(s) to %1", nullptr, rows).arg(path), 8000);
    });
    m_exportDialog->open();
}

void MainWindow::onSortIndicatorChanged(int column, Qt::SortOrder order)
{
    if (column == DeploymentTableModel::CreatedColumn) {
        // Created sorts through the service, across every page: a new query.
        const bedrock::SortOrder wanted = order == Qt::AscendingOrder ? bedrock::SortOrder::Ascending
                                                                       : bedrock::SortOrder::Descending;
        bedrock::DeploymentQuery query = m_filterBar->query();
        const bool unchanged = query.sortOrder == wanted
            || (query.sortOrder == bedrock::SortOrder::Default && wanted == bedrock::SortOrder::Descending);
        if (!unchanged) {
            query.sortByCreationTime = true;
            query.sortOrder = wanted;
            m_filterBar->setQuery(query);   // the bar's sort field follows; it does not emit
            applyQuery(query);
        }
    }
    updateStatus();
    saveWindowState();
}

void MainWindow::onModelError(const aws::AwsError &error)
{
    if (m_sources.size() > 1) {
        return;   // onSourceFailed shows it, naming the source
    }
    // Inline, never a dialog, and the rows already shown stay.
    m_banner->showError(error);
    updateStatus();
}

void MainWindow::onCurrentRowChanged()
{
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid()) {
        m_detailPane->clear();
        m_actions->clearDeployment();
        return;
    }
    const int sourceRow = m_proxy->mapToSource(current).row();
    const bedrock::DeploymentSummary &deployment = m_model->deployment(sourceRow);
    if (m_sources.size() > 1) {
        // Get, and the copied CLI commands, go to the source the row was listed from.
        const WindowSource &source = m_sources.value(m_model->index(sourceRow, 0).data(DeploymentTableModel::SourceRole).toInt());
        m_detailPane->setClient(m_model->clientOfRow(sourceRow));
        bedrock::CliOptions cli;
        cli.region = deployment.region();
        cli.profile = m_label.demo ? QString() : source.profile;
        if (m_label.demo && source.session) {
            cli.endpointUrl = source.session->endpoint().toString();
        }
        m_actions->setCliOptions(cli);
    }
    m_detailPane->showDeployment(deployment);
    m_actions->setDeployment(deployment);
}

void MainWindow::collectChangedRows(int first, int last)
{
    for (int row = first; row <= last; ++row) {
        m_changedRows.append(m_model->deployment(row));
    }
}

void MainWindow::observeChangedRows()
{
    m_observeTimer->stop();
    if (m_changedRows.isEmpty()) {
        return;
    }
    const QList<bedrock::DeploymentSummary> rows = std::exchange(m_changedRows, {});
    m_notifications->observe(rows);
}

void MainWindow::showTableContextMenu(const QPoint &position)
{
    if (!m_view->indexAt(position).isValid()) {
        return;
    }
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    m_actions->addTo(menu);
    m_lifecycle->addRowActionsTo(menu);
    menu->popup(m_view->viewport()->mapToGlobal(position));
}

void MainWindow::setAutoRefresh(int seconds)
{
    m_live->setIntervalSeconds(seconds);
    for (QAction *action : m_autoRefreshGroup->actions()) {
        action->setChecked(action->data().toInt() == seconds);
    }
    QSettings().setValue(settingsKey(kAutoRefreshKey), seconds);
}

QString MainWindow::emptyStateText() const
{
    if (!m_session) {
        return tr("Not connected to AWS.");
    }
    if (m_model->isLoading() || m_proxy->rowCount() > 0) {
        return {};
    }
    if (m_model->rowCount() > 0) {
        return tr("No loaded deployment matches the local filter.");
    }
    const bedrock::DeploymentQuery &query = m_model->query();
    const bool filtered = query.createdAfter.isValid() || query.createdBefore.isValid() || !query.nameContains.isEmpty()
        || !query.statusEquals.isEmpty() || !query.modelArnEquals.isEmpty();
    if (filtered) {
        return tr("No deployments match these filters.");
    }
    if (m_sources.size() > 1) {
        QStringList labels;
        for (const WindowSource &source : m_sources) {
            labels.append(source.label);
        }
        return tr("No deployments in %1.").arg(QLocale().createSeparatedList(labels));
    }
    return tr("No deployments in %1.").arg(m_session->region());
}

void MainWindow::updateEmptyState()
{
    const QString text = emptyStateText();
    m_emptyState->setText(text);
    m_emptyState->setVisible(!text.isEmpty());
    m_emptyState->setGeometry(m_view->viewport()->rect());
}

void MainWindow::updateStatus()
{
    const int loaded = m_model->loadedCount();
    QString rows = tr("%Ln deployment(s) loaded", nullptr, loaded);
    if (m_model->hasMore()) {
        rows += QStringLiteral(" · ") + tr("more available");
    }
    m_rowsLabel->setText(rows);
    m_busy->setVisible(m_model->isLoading());
    m_loadAllAction->setEnabled(m_model->hasMore());
    const int sortColumn = m_view->horizontalHeader()->sortIndicatorSection();
    const bool localSort = sortColumn >= 0 && !DeploymentTableModel::isServerSorted(sortColumn);
    m_sortNote->setText(localSort && m_model->hasMore()
                            ? tr("Sorted over the loaded rows only; load all to sort every deployment.")
                            : QString());
    m_refreshedLabel->setText(m_lastRefreshed.isValid()
                                  ? tr("Updated %1").arg(QLocale().toString(m_lastRefreshed.time(), QLocale::ShortFormat))
                                  : QString());
    QString connection;
    if (m_sources.size() > 1) {
        // A status row for the sources: how many, and which failed (their errors stay listed here
        // after the banner is closed).
        const QStringList failing = failingSources();
        connection = m_label.demo ? tr("Demo · %n source(s)", nullptr, int(m_sources.size()))
                                  : tr("%n source(s)", nullptr, int(m_sources.size()));
        if (!failing.isEmpty()) {
            connection += QStringLiteral(" · ") + tr("failed: %1").arg(failing.join(QStringLiteral(", ")));
        }
        m_connectionLabel->setToolTip(QLocale().createSeparatedList([this] {
            QStringList labels;
            for (const WindowSource &source : m_sources) {
                labels.append(source.label);
            }
            return labels;
        }()));
    } else if (m_label.demo) {
        connection = tr("Demo · %1").arg(m_label.region);
    } else if (m_session) {
        connection = m_account.isEmpty()
            ? tr("Profile: %1 · Region: %2").arg(m_label.profile, m_label.region)
            : tr("Profile: %1 · Account: %2 · Region: %3").arg(m_label.profile, m_account, m_label.region);
    }
    m_connectionLabel->setText(connection);
    updateEmptyState();
}

void MainWindow::updateWindowTitle()
{
    if (m_sources.size() > 1) {
        setWindowTitle(m_label.demo ? tr("Outcrop — Demo — %n source(s)", nullptr, int(m_sources.size()))
                                    : tr("Outcrop — %n source(s)", nullptr, int(m_sources.size())));
    } else if (m_label.demo) {
        setWindowTitle(tr("Outcrop — Demo"));
    } else if (m_session) {
        const ProfileAppearance appearance = ProfileAppearance::load(m_label.profile);
        const QString profile = appearance.label.isEmpty() ? m_label.profile
                                                           : tr("%1 (%2)").arg(appearance.label, m_label.profile);
        setWindowTitle(m_account.isEmpty()
                           ? tr("Outcrop — %1 — %2").arg(profile, m_label.region)
                           : tr("Outcrop — %1 — %2 — %3").arg(profile, m_account, m_label.region));
    } else {
        setWindowTitle(tr("Outcrop"));
    }
}

void MainWindow::populateColumnMenu(QMenu *menu)
{
    menu->clear();
    for (int column = 0; column < m_model->columnCount(); ++column) {
        QAction *toggle = menu->addAction(m_model->headerData(column, Qt::Horizontal).toString());
        toggle->setCheckable(true);
        toggle->setChecked(!m_view->isColumnHidden(column));
        connect(toggle, &QAction::toggled, this, [this, column](bool visible) {
            m_view->setColumnHidden(column, !visible);
            saveWindowState();
        });
    }
}

void MainWindow::showColumnMenu(const QPoint &position)
{
    // popup() returns at once: no event loop of ours waits on the menu.
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    populateColumnMenu(menu);
    menu->popup(m_view->horizontalHeader()->mapToGlobal(position));
}

void MainWindow::restoreColumns()
{
    m_restoringColumns = true;
    QSettings settings;
    QHeaderView *header = m_view->horizontalHeader();
    const bool restored = settings.value(settingsKey(kHeaderVersionKey)).toInt() == kHeaderStateVersion
        && header->restoreState(settings.value(settingsKey(kHeaderKey)).toByteArray())
        && header->count() == DeploymentTableModel::ColumnCount;
    if (!restored) {
        // The curated default: every column but the long deployment ARN, newest first, each wide
        // enough for a typical value (measured, so it holds at any font size or scale).
        const QFontMetrics metrics = m_view->fontMetrics();
        const int padding = metrics.height() * 2;
        const QString samples[] = {
            QStringLiteral("translator-marketing-staging"), QStringLiteral("Creating…"),
            QStringLiteral("support-summarizer-ft-v12"), QStringLiteral("2026-11-28 19:34"),
            QStringLiteral("2026-11-28 19:34"), QStringLiteral("Deployment failed: insufficient capacity"),
            QStringLiteral("arn:aws:bedrock:us-east-1:123456789012:custom-model-deployment/abcdef123456"),
            QStringLiteral("123456789012"), QStringLiteral("ap-northeast-1"),
        };
        static_assert(std::size(samples) == DeploymentTableModel::ColumnCount, "a sample per column");
        for (int column = 0; column < DeploymentTableModel::ColumnCount; ++column) {
            m_view->setColumnHidden(column, DeploymentTableModel::isHiddenByDefault(column));
            header->resizeSection(column, metrics.horizontalAdvance(samples[column]) + padding);
        }
        header->setSortIndicator(DeploymentTableModel::CreatedColumn, Qt::DescendingOrder);
    }
    applySourceColumns();
    m_restoringColumns = false;
}

void MainWindow::restoreWindowState()
{
    QSettings settings;
    const bool restoredGeometry = restoreGeometry(settings.value(settingsKey(kGeometryKey)).toByteArray());
    const bool restoredState = restoreState(settings.value(settingsKey(kWindowStateKey)).toByteArray());
    if (!restoredGeometry) {
        // First start: most of the screen, up to a size where the table, sidebar and details fit.
        const QRect available = screen() ? screen()->availableGeometry() : QRect(0, 0, 1280, 800);
        resize(std::min(available.width() * 9 / 10, 1600), std::min(available.height() * 9 / 10, 1000));
    }
    if (!restoredState && width() < 1400) {
        // Too narrow for the details beside the table: they open from View > Details.
        m_detailsDock->hide();
    }
    if (auto *splitter = qobject_cast<QSplitter *>(centralWidget())) {
        splitter->restoreState(settings.value(settingsKey(kSplitterKey)).toByteArray());
    }
    restoreColumns();
    settings.beginGroup(QStringLiteral("filters"));
    m_filterBar->restoreState(settings);
    settings.endGroup();
    m_proxy->setTextFilter(m_filterBar->localFilterText());
    applyQuery(m_filterBar->query());   // no client yet: stored, loaded when a session arrives
    setAutoRefresh(settings.value(settingsKey(kAutoRefreshKey), kDefaultAutoRefreshSeconds).toInt());
}

SettingsSnapshot MainWindow::windowStateSnapshot() const
{
    SettingsSnapshot snapshot;
    snapshot.values.insert(settingsKey(kGeometryKey), saveGeometry());
    snapshot.values.insert(settingsKey(kWindowStateKey), saveState());
    if (const auto *splitter = qobject_cast<const QSplitter *>(centralWidget())) {
        snapshot.values.insert(settingsKey(kSplitterKey), splitter->saveState());
    }
    snapshot.values.insert(settingsKey(kHeaderKey), m_view->horizontalHeader()->saveState());
    snapshot.values.insert(settingsKey(kHeaderVersionKey), kHeaderStateVersion);
    snapshot.groups.insert(QStringLiteral("filters"), m_filterBar->saveState());
    return snapshot;
}

void MainWindow::saveWindowState()
{
    if (m_restoringColumns) {
        return;
    }
    m_saveStateTimer->stop();
    m_settingsWriter.write(windowStateSnapshot());
}

void MainWindow::saveWindowStateSoon()
{
    m_saveStateTimer->start();
}

void MainWindow::updateLiveActivity()
{
    m_live->setActive(isVisible() && !isMinimized());
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::WindowStateChange) {
        updateLiveActivity();
    }
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    updateLiveActivity();
    updateEmptyState();
}

void MainWindow::hideEvent(QHideEvent *event)
{
    QMainWindow::hideEvent(event);
    updateLiveActivity();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveWindowState();
    m_live->setActive(false);
    QMainWindow::closeEvent(event);
}

} // namespace outcrop::gui
