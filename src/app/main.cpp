// SPDX-License-Identifier: Apache-2.0
#include "commandline.h"
#include "appprofiles.h"
#include "dashboardconnection.h"
#include "keychainstore.h"
#include "demomode.h"
#include "firstrowreport.h"
#include "bedrock/bedrocksession.h"
#include "headlessexport.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCoreApplication>
#include <QTableView>
#include <QTextStream>

#include <memory>
#include <optional>

int main(int argc, char *argv[])
{
    // The export, --help and --version need no display: they run in a QCoreApplication, which
    // works where a QApplication would abort (no DISPLAY, no WAYLAND_DISPLAY, no session bus).
    // (`outcrop` itself runs those without loading this executable at all: launcher.cpp.)
    const bool headless = outcrop::app::runsHeadless(argc, argv);
    // Names the window after packaging/io.github.outcrop.Outcrop.desktop (Wayland app id, icon, menu entry).
    QApplication::setDesktopFileName(QStringLiteral("io.github.outcrop.Outcrop"));
    std::unique_ptr<QCoreApplication> app = headless ? std::make_unique<QCoreApplication>(argc, argv)
                                                     : std::make_unique<QApplication>(argc, argv);
    outcrop::app::CommandLine commandLine;
    if (const std::optional<int> exitCode = outcrop::app::startCommandLine(&commandLine)) {
        return *exitCode;
    }
    if (commandLine.exportOptions.isExportRequested()) {
        return outcrop::app::runHeadlessExport(commandLine);
    }

    std::unique_ptr<outcrop::app::DemoMode> demo;
    if (commandLine.demo) {
        demo = std::make_unique<outcrop::app::DemoMode>(commandLine.demoCount,
                                                              commandLine.exportOptions.connection.regions);
        if (!demo->start()) {
            QTextStream(stderr) << "outcrop: " << demo->errorString() << Qt::endl;
            return 1;
        }
    }
    outcrop::gui::MainWindow window;
    // Before any session: the client of the first one is read-only from the start.
    window.setForcedReadOnly(commandLine.readOnly);
    if (outcrop::app::FirstRowReport::isRequested()) {
        outcrop::app::FirstRowReport::install(window.tableView());
    }
    // The app's own profiles: secrets in the system keyring only.
    outcrop::keychain::KeychainStore keychainStore;
    outcrop::keychain::AppProfiles appProfiles(&keychainStore);
    std::unique_ptr<outcrop::app::DashboardConnection> connection;
    if (demo && demo->sessions().size() > 1) {
        // --demo with several --region: one simulator per region, all in one table.
        QList<outcrop::gui::WindowSource> sources;
        for (outcrop::bedrock::BedrockSession *session : demo->sessions()) {
            sources.append({session->region(), {}, session->region(), session, {}});
        }
        window.setSources(sources, outcrop::gui::ConnectionLabel { {}, demo->regions().join(QStringLiteral(", ")), true });
    } else if (demo) {
        window.setSession(demo->session(), outcrop::gui::ConnectionLabel { {}, demo->session()->region(), true });
    } else {
        outcrop::aws::AwsClientOptions options;
        options.profile = commandLine.exportOptions.connection.profile;
        options.region = commandLine.exportOptions.connection.region;
        options.endpointUrl = commandLine.exportOptions.connection.endpointUrl;
        connection = std::make_unique<outcrop::app::DashboardConnection>(&window, options, &appProfiles);
        const outcrop::exporting::ConnectionOptions &given = commandLine.exportOptions.connection;
        if (given.profiles.size() > 1 || given.regions.size() > 1) {
            connection->setSources(given.profiles, given.regions);   // several sources
        }
        connection->connectWindow();
    }
    window.show();
    const int exitCode = QApplication::exec();
    // The window lets go of the session before the session (and the demo simulator) go away.
    window.setSession(nullptr, {});
    return exitCode;
}
