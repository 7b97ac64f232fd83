// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

class QDBusPendingCallWatcher;
class QSystemTrayIcon;

namespace outcrop::gui {

// Shows desktop notifications through org.freedesktop.Notifications on the session bus, and
// through the tray icon where that service is missing (other platforms, minimal desktops).
// Never blocks: every D-Bus call is asynchronous (QDBusInterface is not used on purpose, since its
// constructor introspects the remote object with a blocking call). With neither route available
// a notification is dropped quietly (a debug line in outcrop.notify).
class DesktopNotifier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DesktopNotifier)

public:
    enum class Route { DBus, Tray, Dropped };
    Q_ENUM(Route)

    enum class Urgency { Normal, Critical };
    Q_ENUM(Urgency)

    explicit DesktopNotifier(QObject *parent = nullptr);
    ~DesktopNotifier() override;

    // The window's tray icon, for the fallback. Without one the notifier makes its own when the
    // platform has a tray (a tray message needs a visible icon).
    void setTrayIcon(QSystemTrayIcon *trayIcon);

    // Plain text; escaped for servers that read markup in the body.
    void notify(const QString &summary, const QString &body, Urgency urgency = Urgency::Normal);

signals:
    // Where a notification went, once that is known (after the bus answered).
    void delivered(outcrop::gui::DesktopNotifier::Route route, const QString &summary);

private:
    struct Notification
    {
        QString summary;
        QString body;
        Urgency urgency = Urgency::Normal;
    };
    enum class ServiceState { Unknown, Probing, Available, Unavailable };

    void probeService();
    void onProbeFinished(QDBusPendingCallWatcher *watcher);
    void sendOverDBus(const Notification &notification);
    void showFallback(const Notification &notification);
    QSystemTrayIcon *fallbackTrayIcon();

    ServiceState m_serviceState = ServiceState::Unknown;
    bool m_serverReadsMarkup = false;
    QList<Notification> m_waitingForProbe;
    QPointer<QSystemTrayIcon> m_trayIcon;
    QSystemTrayIcon *m_ownTrayIcon = nullptr;
};

} // namespace outcrop::gui
