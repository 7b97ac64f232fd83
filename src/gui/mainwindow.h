// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "bedrock/deployment.h"
#include "bedrock/deploymentquery.h"
#include "settingswriter.h"

#include <QDateTime>
#include <QList>
#include <QMainWindow>
#include <QPointer>

class QAction;
class QActionGroup;
class QDockWidget;
class QLabel;
class QLineEdit;
class QMenu;
class QProgressBar;
class QTableView;
class QTimer;

namespace outcrop::bedrock {
class BedrockSession;
class CustomModelNames;
} // namespace outcrop::bedrock
namespace outcrop::aws {
struct AwsError;
}

namespace outcrop::gui {

class DeploymentActions;
class DeploymentDetailPane;
class DeploymentFilterProxy;
class DeploymentNotifications;
class DeploymentTableModel;
class DesktopNotifier;
class ConnectionBar;
class ErrorBanner;
class FilterBar;
class LifecycleActions;
class OverviewWidget;
class StatusSidebar;
class ExportDialog;
class LiveRefresh;
class StatusCounts;

// What the window shows in its title and status bar about where it is connected.
struct ConnectionLabel
{
    QString profile;
    QString region;
    bool demo = false;
};

// One source of the window (a profile in a region): its session, or why there is none.
struct WindowSource
{
    QString label;     // "prod · us-west-2"
    QString profile;
    QString region;
    bedrock::BedrockSession *session = nullptr;   // not owned; null: could not be connected
    QString problem;   // why `session` is null
};

// The dashboard: the deployments of one or several accounts and regions, live, with filters,
// details and CSV export. Owns no network state itself: everything goes through the sessions' clients.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // The session the table lists from (not owned); nullptr shows the empty, unconnected state.
    void setSession(bedrock::BedrockSession *session, const ConnectionLabel &label);
    // Several sources at once: listed concurrently, merged in creation order; the Account and
    // Region columns show. `label` describes the whole (its profile and region may be empty).
    void setSources(const QList<WindowSource> &sources, const ConnectionLabel &label);
    int sourceCount() const { return int(m_sources.size()); }

    // The profiles the profile switcher offers.
    void setProfiles(const QStringList &sharedProfiles, const QStringList &appProfiles);
    // The account behind the session's credentials, once known (STS GetCallerIdentity).
    void setAccount(const QString &accountId);
    ConnectionBar *connectionBar() const { return m_connectionBar; }

    // Shown when there is no session because the connection could not be set up.
    void showConnectionProblem(const QString &message);

    // For tests and automation.
    DeploymentTableModel *tableModel() const { return m_model; }
    DeploymentFilterProxy *proxyModel() const { return m_proxy; }
    QTableView *tableView() const { return m_view; }
    LiveRefresh *liveRefresh() const { return m_live; }
    bedrock::CustomModelNames *modelNames() const { return m_modelNames; }
    QAction *exportAction() const { return m_exportAction; }
    QAction *refreshAction() const { return m_refreshAction; }
    QString emptyStateText() const;
    ErrorBanner *errorBanner() const { return m_banner; }
    FilterBar *filterBar() const { return m_filterBar; }
    DeploymentDetailPane *detailPane() const { return m_detailPane; }
    DeploymentActions *deploymentActions() const { return m_actions; }
    LifecycleActions *lifecycleActions() const { return m_lifecycle; }

    // --read-only: read-only whatever the profile's setting says.
    void setForcedReadOnly(bool forced);
    // Every action that changes deployments hidden and the client refusing mutating calls: from
    // --read-only, or the profile's read-only setting (ProfileAppearance).
    bool isReadOnly() const { return m_readOnly; }
    QLabel *readOnlyIndicator() const { return m_readOnlyLabel; }
    StatusSidebar *statusSidebar() const { return m_sidebar; }
    OverviewWidget *overview() const { return m_overview; }
    DesktopNotifier *desktopNotifier() const { return m_notifier; }
    DeploymentNotifications *notifications() const { return m_notifications; }
    ExportDialog *exportDialog() const;

signals:
    // The user chose another profile or region.
    void connectionChangeRequested(const QString &profile, const QString &region);
    // The user chose several sources (View › Sources): every profile in every region, or each
    // profile in its own region when `regions` is empty.
    void sourcesChangeRequested(const QStringList &profiles, const QStringList &regions);
    // File > Credentials: the owner opens the dialog (it owns the keychain profiles).
    void credentialsDialogRequested();
    // The user pressed the error banner's Retry (before the window lists again): what an
    // auto-refresh does not try again (a failed keychain read) may be tried now.
    void retryRequested();

public slots:
    void refresh();
    void openExportDialog();
    void applyQuery(const outcrop::bedrock::DeploymentQuery &query);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createCentralWidget();
    void createStatusBar();
    void restoreWindowState();
    // Writes the window's state now (closing, the column menu, a new sort).
    void saveWindowState();
    // After a change of the header's sections (which the stretched last section makes on every
    // resize of the table, e.g. when its scroll bar appears with the first page): the state is
    // written 500 ms after the last change, on a worker thread.
    void saveWindowStateSoon();
    SettingsSnapshot windowStateSnapshot() const;
    void restoreColumns();
    void showColumnMenu(const QPoint &position);
    void populateColumnMenu(QMenu *menu);
    void setAutoRefresh(int seconds);
    void updateStatus();
    void updateEmptyState();
    void updateWindowTitle();
    void updateLiveActivity();
    void onSortIndicatorChanged(int column, Qt::SortOrder order);
    void onModelError(const outcrop::aws::AwsError &error);
    void onCurrentRowChanged();
    void openAppearanceDialog();
    void applyProfileAppearance();
    void applyReadOnly();
    void onSelectionChanged();
    // Rows the model inserted or changed since the last observation, copied when reported.
    void collectChangedRows(int first, int last);
    // Hands the collected rows to the notifications as one batch.
    void observeChangedRows();
    void showTableContextMenu(const QPoint &position);
    void openSourcesDialog();
    void showConnectionInBar();
    void populateSourcesMenu(QMenu *menu);
    void applySourceColumns();
    void onSourceFailed(int source, const QString &label, const outcrop::aws::AwsError &error);
    QStringList failingSources() const;

    bedrock::BedrockSession *m_session = nullptr;   // the first connected source's
    QList<WindowSource> m_sources;
    QStringList m_sharedProfiles;
    QStringList m_appProfiles;
    ConnectionLabel m_label;
    bedrock::CustomModelNames *m_modelNames = nullptr;
    DeploymentTableModel *m_model = nullptr;
    DeploymentFilterProxy *m_proxy = nullptr;
    StatusCounts *m_counts = nullptr;
    LiveRefresh *m_live = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_emptyState = nullptr;
    FilterBar *m_filterBar = nullptr;
    ConnectionBar *m_connectionBar = nullptr;
    QWidget *m_profileStripe = nullptr;
    QAction *m_appearanceAction = nullptr;
    QString m_account;
    QLabel *m_rowsLabel = nullptr;
    QLabel *m_sortNote = nullptr;
    QLabel *m_refreshedLabel = nullptr;
    QLabel *m_connectionLabel = nullptr;
    ErrorBanner *m_banner = nullptr;
    StatusSidebar *m_sidebar = nullptr;
    OverviewWidget *m_overview = nullptr;
    DeploymentDetailPane *m_detailPane = nullptr;
    DeploymentActions *m_actions = nullptr;
    LifecycleActions *m_lifecycle = nullptr;
    QLabel *m_readOnlyLabel = nullptr;
    bool m_forcedReadOnly = false;
    bool m_readOnly = false;
    DesktopNotifier *m_notifier = nullptr;
    DeploymentNotifications *m_notifications = nullptr;
    QTimer *m_observeTimer = nullptr;
    QTimer *m_saveStateTimer = nullptr;
    SettingsWriter m_settingsWriter;
    QList<bedrock::DeploymentSummary> m_changedRows;
    QDockWidget *m_detailsDock = nullptr;
    QProgressBar *m_busy = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_loadAllAction = nullptr;
    QAction *m_quitAction = nullptr;
    QActionGroup *m_autoRefreshGroup = nullptr;
    QPointer<ExportDialog> m_exportDialog;
    QDateTime m_lastRefreshed;
    bool m_restoringColumns = false;
};

} // namespace outcrop::gui
