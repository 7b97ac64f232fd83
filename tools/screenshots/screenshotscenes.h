// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QSize>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

class QDialog;
class QTimer;
class QWidget;

namespace outcrop::sim {
class Simulator;
}
namespace outcrop::bedrock {
class BedrockSession;
}
namespace outcrop::gui {
class MainWindow;
}

namespace outcrop::screenshots {

// Drives the real dashboard through the scenes of the README screenshots, against a simulator in
// this process, and saves window.grab() of each as <scene>-<theme>-<scale>.png. Every wait is a
// timer polling a condition (rows loaded, details fetched, banner shown, no request in flight),
// so the GUI thread never sleeps.
class ScreenshotScenes final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScreenshotScenes)

public:
    struct Options
    {
        QString outputDirectory;
        QString theme;              // "light" or "dark": only the file names; the palette is set by main()
        QString language;           // --lang: only the file names (scene-de-100.png for light,
                                    // scene-de-dark-100.png); main() installs the translations
        QStringList scenes;         // empty: all of sceneNames()
        QSize windowSize;           // in device-independent pixels
        int deploymentCount = 150;
    };

    static QStringList sceneNames();

    explicit ScreenshotScenes(Options options, QObject *parent = nullptr);
    ~ScreenshotScenes() override;

    // Starts the simulator and the window, then the scenes one after the other; finished() at the
    // end. False with errorString() when the simulator does not start or a scene is unknown.
    bool start();
    QString errorString() const { return m_error; }

signals:
    void finished(int exitCode);

private:
    struct Scene
    {
        QString name;
        std::function<void()> prepare;
        std::function<bool()> isReady;
        std::function<void()> cleanUp;
        // What is saved: the main window unless a scene shows a dialog of its own.
        std::function<QWidget *()> target;
    };

    QList<Scene> allScenes();
    void runNextScene();
    void poll();
    void capture();
    void fail(const QString &message);
    bool isQuiet() const;
    void selectRows(int role, const QString &value, int count);
    QDialog *openDialog() const;
    void closeOpenDialog();
    void setDetailsVisible(bool visible);

    Options m_options;
    QString m_error;
    QString m_scaleTag;
    std::unique_ptr<sim::Simulator> m_simulator;
    std::unique_ptr<bedrock::BedrockSession> m_session;
    std::unique_ptr<gui::MainWindow> m_window;
    QList<Scene> m_queue;
    Scene m_current;
    QTimer *m_pollTimer;
    QElapsedTimer m_sceneClock;
    int m_quietPolls = 0;
    QString m_taggedArn;   // the Active deployment with tags (details-active)
};

} // namespace outcrop::screenshots
