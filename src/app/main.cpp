// SPDX-License-Identifier: Apache-2.0
#include "commandline.h"
#include "dashboardconnection.h"
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

namespace {
void setApplicationIdentity()
{
    QCoreApplication::setApplicationName(QStringLiteral("Outcrop"));
    QCoreApplication::setOrganizationName(QStringLiteral("Outcrop"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION_STRING));
}
} // namespace

int main(int argc, char *argv[])
{
    // The export, --help and --version need no display: they run in a QCoreApplication, which
    // works where a QApplication would abort (no DISPLAY, no WAYLAND_DISPLAY, no session bus).
    const bool headless = outcrop::app::runsHeadless(argc, argv);
    std::unique_ptr<QCoreApplication> app = headless ? std::make_unique<QCoreApplication>(argc, argv)
                                                     : std::make_unique<QApplication>(argc, argv);
    setApplicationIdentity();

    QCommandLineParser parser;
    outcrop::app::addOptions(parser);
    const outcrop::app::CommandLine commandLine = outcrop::app::readCommandLine(parser, QCoreApplication::arguments());
    if (!commandLine.error.isEmpty()) {
        QTextStream(stderr) << "outcrop: " << commandLine.error << Qt::endl;
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        return 0;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        QTextStream(stdout) << QCoreApplication::applicationName() << ' ' << QCoreApplication::applicationVersion()
                            << Qt::endl;
        return 0;
    }
    if (commandLine.exportOptions.isExportRequested()) {
        return outcrop::app::runHeadlessExport(commandLine);
    }

    std::unique_ptr<outcrop::app::DemoMode> demo;
    if (commandLine.demo) {
        demo = std::make_unique<outcrop::app::DemoMode>(commandLine.demoCount);
        if (!demo->start()) {
            QTextStream(stderr) << "outcrop: " << demo->errorString() << Qt::endl;
            return 1;
        }
    }
    outcrop::gui::MainWindow window;
    if (outcrop::app::FirstRowReport::isRequested()) {
        outcrop::app::FirstRowReport::install(window.tableView());
    }
    std::unique_ptr<outcrop::app::DashboardConnection> connection;
    if (demo) {
        window.setSession(demo->session(), outcrop::gui::ConnectionLabel { {}, demo->session()->region(), true });
    } else {
        outcrop::aws::AwsClientOptions options;
        options.profile = commandLine.exportOptions.connection.profile;
        options.region = commandLine.exportOptions.connection.region;
        options.endpointUrl = commandLine.exportOptions.connection.endpointUrl;
        connection = std::make_unique<outcrop::app::DashboardConnection>(&window, options);
        connection->connectWindow();
    }
    window.show();
    const int exitCode = QApplication::exec();
    // The window lets go of the session before the session (and the demo simulator) go away.
    window.setSession(nullptr, {});
    return exitCode;
}
