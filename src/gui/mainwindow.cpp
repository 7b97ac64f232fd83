// SPDX-License-Identifier: Apache-2.0
#include "mainwindow.h"

#include <QLabel>

namespace outcrop::gui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Outcrop"));
    auto *placeholder = new QLabel(tr("Custom model deployments will be listed here."), this);
    placeholder->setAlignment(Qt::AlignCenter);
    setCentralWidget(placeholder);
    resize(1100, 700);
}

} // namespace outcrop::gui
