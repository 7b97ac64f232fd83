// SPDX-License-Identifier: Apache-2.0
#include "desktopnotifier.h"

#include "aws/logging.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QIcon>
#include <QStyle>
#include <QSystemTrayIcon>
#include <QVariantMap>

#include <utility>

namespace outcrop::gui {

namespace {

// The Desktop Notifications Specification 1.2 (specifications.freedesktop.org/notification-spec).
const QString notificationsService = QStringLiteral("org.freedesktop.Notifications");
const QString notificationsPath = QStringLiteral("/org/freedesktop/Notifications");
const QString notificationsInterface = QStringLiteral("org.freedesktop.Notifications");

// A hung notification daemon must not hold notifications for D-Bus's default 25 s.
constexpr int callTimeoutMs = 10000;
constexpr int trayMessageMs = 10000;

// The spec's urgency levels, sent as a byte.
constexpr uchar urgencyNormal = 1;
constexpr uchar urgencyCritical = 2;

QDBusMessage notificationsCall(const QString &method)
{
    return QDBusMessage::createMethodCall(notificationsService, notificationsPath, notificationsInterface, method);
}

} // namespace

DesktopNotifier::DesktopNotifier(QObject *parent)
    : QObject(parent)
{
}

DesktopNotifier::~DesktopNotifier() = default;

void DesktopNotifier::setTrayIcon(QSystemTrayIcon *trayIcon)
{
    m_trayIcon = trayIcon;
}

void DesktopNotifier::notify(const QString &summary, const QString &body, Urgency urgency)
{
    const Notification notification { summary, body, urgency };
    if (!QDBusConnection::sessionBus().isConnected()) {
        // Queued, so that `delivered` comes after notify() returned on every route.
        QMetaObject::invokeMethod(
            this, [this, notification] { showFallback(notification); }, Qt::QueuedConnection);
        return;
    }
    switch (m_serviceState) {
    case ServiceState::Available:
        sendOverDBus(notification);
        return;
    case ServiceState::Probing:
        m_waitingForProbe.append(notification);
        return;
    case ServiceState::Unknown:
    case ServiceState::Unavailable:
        // Asked again each time: a notification daemon may start after Outcrop.
        m_waitingForProbe.append(notification);
        probeService();
        return;
    }
}

// GetCapabilities tells both whether the service is there and whether it reads markup in the body.
void DesktopNotifier::probeService()
{
    m_serviceState = ServiceState::Probing;
    const QDBusPendingCall call = QDBusConnection::sessionBus().asyncCall(notificationsCall(
                                                                               QStringLiteral("GetCapabilities")),
                                                                           callTimeoutMs);
    auto *watcher = new QDBusPendingCallWatcher(call, this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, &DesktopNotifier::onProbeFinished);
}

void DesktopNotifier::onProbeFinished(QDBusPendingCallWatcher *watcher)
{
    watcher->deleteLater();
    const QDBusPendingReply<QStringList> reply = *watcher;
    const QList<Notification> waiting = std::exchange(m_waitingForProbe, {});
    if (reply.isError()) {
        qCDebug(lcNotify) << "no notification service on the session bus:" << reply.error().name()
                          << reply.error().message();
        m_serviceState = ServiceState::Unavailable;
        for (const Notification &notification : waiting) {
            showFallback(notification);
        }
        return;
    }
    m_serviceState = ServiceState::Available;
    m_serverReadsMarkup = reply.value().contains(QStringLiteral("body-markup"));
    for (const Notification &notification : waiting) {
        sendOverDBus(notification);
    }
}

void DesktopNotifier::sendOverDBus(const Notification &notification)
{
    QVariantMap hints;
    hints.insert(QStringLiteral("urgency"),
                 QVariant::fromValue(notification.urgency == Urgency::Critical ? urgencyCritical : urgencyNormal));
    if (!QGuiApplication::desktopFileName().isEmpty()) {
        hints.insert(QStringLiteral("desktop-entry"), QGuiApplication::desktopFileName());
    }
    // Servers with body-markup read the body as a subset of XML: a failure message with '<' or '&'
    // would be cut or dropped without escaping.
    const QString body = m_serverReadsMarkup ? notification.body.toHtmlEscaped() : notification.body;
    const QString iconName = notification.urgency == Urgency::Critical ? QStringLiteral("dialog-error")
                                                                        : QStringLiteral("dialog-information");
    QDBusMessage message = notificationsCall(QStringLiteral("Notify"));
    message << QStringLiteral("Outcrop")  // app_name
            << 0U                          // replaces_id: always a new notification
            << iconName                    // app_icon
            << notification.summary
            << body
            << QStringList()               // actions: none, Outcrop does not listen for ActionInvoked
            << hints
            << -1;                         // expire_timeout: the server's default
    const QDBusPendingCall call = QDBusConnection::sessionBus().asyncCall(message, callTimeoutMs);
    auto *watcher = new QDBusPendingCallWatcher(call, this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this, notification](QDBusPendingCallWatcher *self) {
        self->deleteLater();
        const QDBusPendingReply<uint> reply = *self;
        if (reply.isError()) {
            // The daemon went away since the probe: probe again next time.
            qCDebug(lcNotify) << "Notify failed:" << reply.error().name() << reply.error().message();
            m_serviceState = ServiceState::Unknown;
            showFallback(notification);
            return;
        }
        qCDebug(lcNotify) << "notification" << reply.value() << "shown:" << notification.summary;
        emit delivered(Route::DBus, notification.summary);
    });
}

QSystemTrayIcon *DesktopNotifier::fallbackTrayIcon()
{
    if (m_trayIcon) {
        return m_trayIcon;
    }
    if (!QSystemTrayIcon::isSystemTrayAvailable() || !qobject_cast<QApplication *>(QCoreApplication::instance())) {
        return nullptr;
    }
    if (!m_ownTrayIcon) {
        QIcon icon = QGuiApplication::windowIcon();
        if (icon.isNull()) {
            icon = QApplication::style()->standardIcon(QStyle::SP_MessageBoxInformation);
        }
        m_ownTrayIcon = new QSystemTrayIcon(icon, this);
        m_ownTrayIcon->setToolTip(QStringLiteral("Outcrop"));
    }
    return m_ownTrayIcon;
}

void DesktopNotifier::showFallback(const Notification &notification)
{
    QSystemTrayIcon *trayIcon = fallbackTrayIcon();
    if (!trayIcon) {
        qCDebug(lcNotify) << "no notification service and no system tray; not shown:" << notification.summary;
        emit delivered(Route::Dropped, notification.summary);
        return;
    }
    if (!trayIcon->isVisible()) {
        trayIcon->show();  // a hidden tray icon shows no message
    }
    trayIcon->showMessage(notification.summary, notification.body,
                          notification.urgency == Urgency::Critical ? QSystemTrayIcon::Critical
                                                                    : QSystemTrayIcon::Information,
                          trayMessageMs);
    emit delivered(Route::Tray, notification.summary);
}

} // namespace outcrop::gui
