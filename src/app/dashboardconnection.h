// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "aws/awsclientoptions.h"

#include <QObject>
#include <QPointer>

#include <memory>

namespace outcrop::bedrock {
class BedrockSession;
}
namespace outcrop::gui {
class MainWindow;
}

namespace outcrop::app {

// Connects the dashboard to AWS from the command line, the environment and the shared config
// files. When no region resolves it asks for one (a non-modal prompt); any other problem is
// shown in the window.
class DashboardConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DashboardConnection)

public:
    DashboardConnection(gui::MainWindow *window, aws::AwsClientOptions options, QObject *parent = nullptr);
    ~DashboardConnection() override;

    void connectWindow();

private:
    void askForRegion();

    QPointer<gui::MainWindow> m_window;
    aws::AwsClientOptions m_options;
    std::unique_ptr<bedrock::BedrockSession> m_session;
};

} // namespace outcrop::app
