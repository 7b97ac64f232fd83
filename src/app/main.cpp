// SPDX-License-Identifier: Apache-2.0
#include "mainwindow.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Outcrop"));
    QApplication::setOrganizationName(QStringLiteral("Outcrop"));
    QApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION_STRING));

    outcrop::gui::MainWindow window;
    window.show();
    return app.exec();
}
