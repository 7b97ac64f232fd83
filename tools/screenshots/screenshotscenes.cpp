// SPDX-License-Identifier: Apache-2.0
#include "screenshotscenes.h"

#include "aws/authprovider.h"
#include "bedrock/bedrocksession.h"
#include "createdeploymentdialog.h"
#include "deletedeploymentsdialog.h"
#include "deploymentdetailpane.h"
#include "deploymentfilterproxy.h"
#include "deploymenttablemodel.h"
#include "errorbanner.h"
#include "filterbar.h"
#include "lifecycleactions.h"
#include "mainwindow.h"
#include "simulator.h"
#include "tageditor.h"

#include <QApplication>
#include <QComboBox>
#include <QDateTime>
#include <QDialog>
#include <QDir>
#include <QDockWidget>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPixmap>
#include <QTableView>
#include <QTextStream>
#include <QTimer>

namespace outcrop::screenshots {

namespace {
constexpr int kPollMilliseconds = 50;
// A scene is captured once it has been ready, with no request in flight, for this many polls in
// a row: the overview repaints on a coalescing timer, and custom model names arrive after rows.
constexpr int kQuietPollsBeforeCapture = 12;
constexpr qint64 kSceneTimeoutMilliseconds = 20000;
// Long enough that nothing changes state by itself while the scenes run.
constexpr int kFrozenTransitionMilliseconds = 3600 * 1000;

aws::AwsAuth simulatorAuth()
{
    const sim::SimCredential key = sim::SimConfig::documentationCredential();
    aws::AwsAuth auth;
    auth.credentials.accessKeyId = key.accessKeyId;
    auth.credentials.secretAccessKey = key.secretAccessKey;
    auth.credentials.source = QStringLiteral("the screenshot simulator");
    return auth;
}

// The Bedrock error text for a missing permission, as the service words it.
QString accessDeniedMessage()
{
    return QStringLiteral("User: arn:aws:iam::123456789012:user/dashboard is not authorized to perform: "
                          "bedrock:ListCustomModelDeployments on resource: "
                          "arn:aws:bedrock:us-east-1:123456789012:custom-model-deployment/* because no "
                          "identity-based policy allows the bedrock:ListCustomModelDeployments action");
}
} // namespace

QStringList ScreenshotScenes::sceneNames()
{
    return {QStringLiteral("dashboard"),     QStringLiteral("details-failed"),    QStringLiteral("details-active"),
            QStringLiteral("error-banner"),  QStringLiteral("empty-state"),       QStringLiteral("new-deployment"),
            QStringLiteral("delete-deployments")};
}

ScreenshotScenes::ScreenshotScenes(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_pollTimer(new QTimer(this))
{
    m_pollTimer->setInterval(kPollMilliseconds);
    connect(m_pollTimer, &QTimer::timeout, this, &ScreenshotScenes::poll);
}

ScreenshotScenes::~ScreenshotScenes()
{
    // The window lets go of the session, the session of its calls, then the server goes.
    if (m_window) {
        m_window->setSession(nullptr, {});
    }
    m_window.reset();
    m_session.reset();
    m_simulator.reset();
}

bool ScreenshotScenes::start()
{
    const QList<Scene> scenes = allScenes();
    const QStringList wanted = m_options.scenes.isEmpty() ? sceneNames() : m_options.scenes;
    for (const QString &name : wanted) {
        const auto found = std::find_if(scenes.begin(), scenes.end(), [&](const Scene &scene) { return scene.name == name; });
        if (found == scenes.end()) {
            m_error = QStringLiteral("unknown scene \"%1\" (one of: %2)").arg(name, sceneNames().join(QStringLiteral(", ")));
            return false;
        }
        m_queue.append(*found);
    }
    if (!QDir().mkpath(m_options.outputDirectory)) {
        m_error = QStringLiteral("cannot create the output folder %1").arg(m_options.outputDirectory);
        return false;
    }

    sim::SimConfig config;
    config.count = m_options.deploymentCount;   // the generated set of the default seed
    // Recent creation times, so the Creating rows were started minutes ago, as in real use.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    config.anchor = now.addSecs(-now.time().second());
    config.timings.creatingMs = kFrozenTransitionMilliseconds;
    config.timings.deletingMs = kFrozenTransitionMilliseconds;
    config.timings.updatingMs = kFrozenTransitionMilliseconds;
    m_simulator = std::make_unique<sim::Simulator>(config);
    if (!m_simulator->start()) {
        m_error = m_simulator->errorString();
        return false;
    }
    // One deployment being deleted, near the top of the list: the generated set has none.
    // The newest Active deployment carries the tags a team would give it (the details-active scene).
    int activeSeen = 0;
    const auto &stored = m_simulator->store().deploymentsByCreation();
    for (auto it = stored.rbegin(); it != stored.rend(); ++it) {
        if ((*it)->data.status != QLatin1String("Active")) {
            continue;
        }
        ++activeSeen;
        if (activeSeen == 1) {
            m_taggedArn = (*it)->data.arn;
        } else if (activeSeen == 3) {
            m_simulator->store().beginDelete((*it)->data.arn);
            break;
        }
    }
    m_simulator->store().setTags(m_taggedArn, {{QStringLiteral("team"), QStringLiteral("search-ranking")},
                                               {QStringLiteral("cost-center"), QStringLiteral("ml-4521")},
                                               {QStringLiteral("environment"), QStringLiteral("staging")}});
    m_session = std::make_unique<bedrock::BedrockSession>(m_simulator->serverUrl(), config.region,
                                                          std::make_unique<aws::StaticAuthProvider>(simulatorAuth()));

    m_window = std::make_unique<gui::MainWindow>();
    m_window->resize(m_options.windowSize);
    m_window->setSession(m_session.get(), gui::ConnectionLabel {{}, config.region, true});
    m_window->show();
    m_window->activateWindow();
    QTimer::singleShot(0, this, &ScreenshotScenes::runNextScene);
    return true;
}

QList<ScreenshotScenes::Scene> ScreenshotScenes::allScenes()
{
    QList<Scene> scenes;
    scenes.append({QStringLiteral("dashboard"),
                   [this] { setDetailsVisible(false); },
                   [this] { return m_window->tableModel()->loadedCount() > 0; },
                   [] {}, {}});
    scenes.append({QStringLiteral("details-failed"),
                   [this] {
                       setDetailsVisible(true);
                       selectRows(gui::DeploymentTableModel::StatusRole, QStringLiteral("Failed"), 1);
                   },
                   [this] {
                       const gui::DeploymentDetailPane *pane = m_window->detailPane();
                       return pane->hasDetail() && pane->summary().status == bedrock::DeploymentStatus::Failed;
                   },
                   [this] {
                       m_window->tableView()->setCurrentIndex(QModelIndex());
                       setDetailsVisible(false);
                   }, {}});
    scenes.append({QStringLiteral("details-active"),
                   [this] {
                       setDetailsVisible(true);
                       selectRows(gui::DeploymentTableModel::ArnRole, m_taggedArn, 1);
                   },
                   [this] {
                       const gui::DeploymentDetailPane *pane = m_window->detailPane();
                       return pane->hasDetail() && pane->summary().arn == m_taggedArn && pane->tagEditor()->isLoaded();
                   },
                   [this] {
                       m_window->tableView()->setCurrentIndex(QModelIndex());
                       setDetailsVisible(false);
                   }, {}});
    scenes.append({QStringLiteral("error-banner"),
                   [this] {
                       m_simulator->faults().forceError({QStringLiteral("ListCustomModelDeployments"),
                                                         QStringLiteral("AccessDeniedException"), -1,
                                                         accessDeniedMessage()});
                       m_window->refresh();
                   },
                   [this] { return m_window->errorBanner()->isVisible(); },
                   [this] {
                       m_simulator->faults().clearForcedErrors();
                       m_window->errorBanner()->clearError();
                   }, {}});
    scenes.append({QStringLiteral("empty-state"),
                   [this] {
                       bedrock::DeploymentQuery query = m_window->filterBar()->query();
                       query.nameContains = QStringLiteral("llama");
                       m_window->filterBar()->setQuery(query);
                       m_window->applyQuery(query);
                   },
                   [this] { return !m_window->emptyStateText().isEmpty(); },
                   [this] {
                       const bedrock::DeploymentQuery query;
                       m_window->filterBar()->setQuery(query);
                       m_window->applyQuery(query);
                   }, {}});
    // The dialogs are saved on their own, as a user sees them over the window.
    scenes.append({QStringLiteral("new-deployment"),
                   [this] { m_window->lifecycleActions()->openCreateDialog(); },
                   [this] {
                       auto *dialog = qobject_cast<gui::CreateDeploymentDialog *>(openDialog());
                       if (!dialog || dialog->modelCombo()->count() == 0) {
                           return false;
                       }
                       if (dialog->nameEdit()->text().isEmpty()) {
                           dialog->nameEdit()->setText(QStringLiteral("support-triage-v4"));
                           dialog->modelCombo()->setCurrentIndex(qMin(1, dialog->modelCombo()->count() - 1));
                           dialog->descriptionEdit()->setPlainText(
                               QStringLiteral("Fine-tuned on the October support tickets."));
                       }
                       return true;
                   },
                   [this] { closeOpenDialog(); },
                   [this] { return static_cast<QWidget *>(openDialog()); }});
    scenes.append({QStringLiteral("delete-deployments"),
                   [this] {
                       selectRows(gui::DeploymentTableModel::StatusRole, QStringLiteral("Failed"), 2);
                       m_window->lifecycleActions()->openDeleteDialog();
                   },
                   [this] { return qobject_cast<gui::DeleteDeploymentsDialog *>(openDialog()) != nullptr; },
                   [this] {
                       closeOpenDialog();
                       m_window->tableView()->clearSelection();
                   },
                   [this] { return static_cast<QWidget *>(openDialog()); }});
    return scenes;
}

void ScreenshotScenes::runNextScene()
{
    if (m_queue.isEmpty()) {
        emit finished(0);
        return;
    }
    m_current = m_queue.takeFirst();
    m_current.prepare();
    m_quietPolls = 0;
    m_sceneClock.start();
    m_pollTimer->start();
}

bool ScreenshotScenes::isQuiet() const
{
    return m_simulator->requestsInFlight() == 0 && !m_window->tableModel()->isLoading()
        && !m_window->detailPane()->isLoading();
}

void ScreenshotScenes::poll()
{
    if (m_current.isReady() && isQuiet()) {
        if (++m_quietPolls >= kQuietPollsBeforeCapture) {
            m_pollTimer->stop();
            capture();
        }
        return;
    }
    m_quietPolls = 0;
    if (m_sceneClock.elapsed() > kSceneTimeoutMilliseconds) {
        m_pollTimer->stop();
        fail(QStringLiteral("the scene \"%1\" was not ready after %2 s")
                 .arg(m_current.name)
                 .arg(kSceneTimeoutMilliseconds / 1000));
    }
}

void ScreenshotScenes::capture()
{
    const int scalePercent = qRound(m_window->devicePixelRatioF() * 100);
    QString variant = m_options.theme;
    if (!m_options.language.isEmpty()) {
        variant = m_options.theme == QLatin1String("light") ? m_options.language
                                                            : m_options.language + QLatin1Char('-') + m_options.theme;
    }
    const QString fileName = QStringLiteral("%1-%2-%3.png").arg(m_current.name, variant).arg(scalePercent);
    const QString path = QDir(m_options.outputDirectory).filePath(fileName);
    QWidget *target = m_current.target ? m_current.target() : m_window.get();
    if (!target || !target->grab().save(path, "PNG")) {
        fail(QStringLiteral("cannot write %1").arg(path));
        return;
    }
    QTextStream(stdout) << path << Qt::endl;
    m_current.cleanUp();
    runNextScene();
}

void ScreenshotScenes::fail(const QString &message)
{
    QTextStream(stderr) << "outcrop-screenshots: " << message << Qt::endl;
    emit finished(1);
}

// Selects the first `count` rows (in view order) whose `role` holds `value`, the first one
// current and scrolled to.
void ScreenshotScenes::selectRows(int role, const QString &value, int count)
{
    QTableView *view = m_window->tableView();
    const gui::DeploymentFilterProxy *proxy = m_window->proxyModel();
    view->clearSelection();
    int selected = 0;
    for (int row = 0; row < proxy->rowCount() && selected < count; ++row) {
        const QModelIndex index = proxy->index(row, gui::DeploymentTableModel::NameColumn);
        if (index.data(role).toString() != value) {
            continue;
        }
        const auto flags = selected == 0 ? QItemSelectionModel::ClearAndSelect : QItemSelectionModel::Select;
        view->selectionModel()->setCurrentIndex(index, flags | QItemSelectionModel::Rows);
        if (selected++ == 0) {
            view->scrollTo(index);
        }
    }
}

QDialog *ScreenshotScenes::openDialog() const
{
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        if (auto *dialog = qobject_cast<QDialog *>(widget); dialog && dialog->isVisible()) {
            return dialog;
        }
    }
    return nullptr;
}

void ScreenshotScenes::closeOpenDialog()
{
    if (QDialog *dialog = openDialog()) {
        dialog->reject();
    }
}

void ScreenshotScenes::setDetailsVisible(bool visible)
{
    if (auto *dock = m_window->findChild<QDockWidget *>(QStringLiteral("detailsDock"))) {
        dock->setVisible(visible);
    }
}

} // namespace outcrop::screenshots
