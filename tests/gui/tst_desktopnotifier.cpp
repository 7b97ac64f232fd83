// SPDX-License-Identifier: Apache-2.0
#include "deploymentnotifications.h"
#include "desktopnotifier.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QSystemTrayIcon>
#include <QTest>

#include <memory>

using outcrop::bedrock::DeploymentSummary;
using outcrop::bedrock::deploymentStatusFromText;
using outcrop::gui::DeploymentNotifications;
using outcrop::gui::DesktopNotifier;

namespace {

const QString serviceName = QStringLiteral("org.freedesktop.Notifications");
const QString objectPath = QStringLiteral("/org/freedesktop/Notifications");

struct ReceivedNotification
{
    QString appName;
    uint replacesId = 0;
    QString appIcon;
    QString summary;
    QString body;
    QStringList actions;
    QVariantMap hints;
    int expireTimeout = 0;
};

} // namespace

// A stand-in for the desktop's notification daemon, with the signatures of the Desktop
// Notifications Specification: Notify(susssasa{sv}i) → u and GetCapabilities() → as.
class FakeNotificationServer : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")

public:
    QList<ReceivedNotification> received;
    QStringList capabilities { QStringLiteral("body"), QStringLiteral("body-markup") };

public slots:
    uint Notify(const QString &appName, uint replacesId, const QString &appIcon, const QString &summary,
                const QString &body, const QStringList &actions, const QVariantMap &hints, int expireTimeout)
    {
        received.append({ appName, replacesId, appIcon, summary, body, actions, hints, expireTimeout });
        return static_cast<uint>(received.size());
    }
    QStringList GetCapabilities() { return capabilities; }
};

class TestDesktopNotifier : public QObject
{
    Q_OBJECT

private:
    // The server has a connection of its own, so calls really cross the bus (a call to a service
    // of the same connection would be delivered locally, without the bus daemon checking it).
    static QString serverConnectionName() { return QStringLiteral("fake-notification-server"); }

    bool startServer()
    {
        m_server = std::make_unique<FakeNotificationServer>();
        QDBusConnection connection = QDBusConnection::connectToBus(QDBusConnection::SessionBus, serverConnectionName());
        return connection.isConnected() && connection.registerObject(objectPath, m_server.get(), QDBusConnection::ExportAllSlots)
            && connection.registerService(serviceName);
    }

    void stopServer()
    {
        QDBusConnection connection(serverConnectionName());
        connection.unregisterService(serviceName);
        connection.unregisterObject(objectPath);
        QDBusConnection::disconnectFromBus(serverConnectionName());
        m_server.reset();
    }

    static DeploymentSummary row(const QString &id, const QString &status, const QString &failure = {})
    {
        DeploymentSummary summary;
        summary.arn = QStringLiteral("arn:aws:bedrock:us-west-2:210987654321:custom-model-deployment/") + id;
        summary.name = id;
        summary.statusText = status;
        summary.status = deploymentStatusFromText(status);
        summary.failureMessage = failure;
        return summary;
    }

    std::unique_ptr<FakeNotificationServer> m_server;

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        if (!QDBusConnection::sessionBus().isConnected()) {
            QSKIP("No D-Bus session bus (run the tests through scripts/test, which starts a private one)");
        }
        // A real notification daemon on this bus would receive the test's notifications.
        QVERIFY2(!QDBusConnection::sessionBus().interface()->isServiceRegistered(serviceName),
                 "org.freedesktop.Notifications is already on this session bus: run in a private one");
        QSettings().clear();
    }

    void cleanup()
    {
        if (m_server) {
            stopServer();
        }
    }

    void notifyReachesTheService()
    {
        QVERIFY(startServer());
        DesktopNotifier notifier;
        QSignalSpy delivered(&notifier, &DesktopNotifier::delivered);
        notifier.notify(QStringLiteral("Deployment demo is Active"), QStringLiteral("us-west-2 · account 210987654321"));
        // Asynchronous: notify() returned before the server saw anything.
        QCOMPARE(m_server->received.size(), 0);
        QVERIFY(delivered.wait());
        QCOMPARE(delivered.first().at(0).value<DesktopNotifier::Route>(), DesktopNotifier::Route::DBus);
        QCOMPARE(m_server->received.size(), 1);
        const ReceivedNotification &notification = m_server->received.first();
        QCOMPARE(notification.appName, QStringLiteral("Outcrop"));
        QCOMPARE(notification.replacesId, 0U);
        QCOMPARE(notification.appIcon, QStringLiteral("dialog-information"));
        QCOMPARE(notification.summary, QStringLiteral("Deployment demo is Active"));
        QCOMPARE(notification.body, QStringLiteral("us-west-2 · account 210987654321"));
        QVERIFY(notification.actions.isEmpty());
        QCOMPARE(notification.expireTimeout, -1);
        QCOMPARE(notification.hints.value(QStringLiteral("urgency")).userType(), QMetaType::UChar);
        QCOMPARE(notification.hints.value(QStringLiteral("urgency")).toInt(), 1);
    }

    void failureIsCriticalAndEscapedForMarkup()
    {
        QVERIFY(startServer());
        DesktopNotifier notifier;
        QSignalSpy delivered(&notifier, &DesktopNotifier::delivered);
        notifier.notify(QStringLiteral("Deployment demo failed"), QStringLiteral("Model <v2> & weights missing"),
                        DesktopNotifier::Urgency::Critical);
        QVERIFY(delivered.wait());
        QCOMPARE(m_server->received.size(), 1);
        QCOMPARE(m_server->received.first().body, QStringLiteral("Model &lt;v2&gt; &amp; weights missing"));
        QCOMPARE(m_server->received.first().appIcon, QStringLiteral("dialog-error"));
        QCOMPARE(m_server->received.first().hints.value(QStringLiteral("urgency")).toInt(), 2);
    }

    void bodyIsSentAsIsWithoutMarkup()
    {
        QVERIFY(startServer());
        m_server->capabilities = { QStringLiteral("body") };
        DesktopNotifier notifier;
        QSignalSpy delivered(&notifier, &DesktopNotifier::delivered);
        notifier.notify(QStringLiteral("s"), QStringLiteral("a < b & c"));
        QVERIFY(delivered.wait());
        QCOMPARE(m_server->received.first().body, QStringLiteral("a < b & c"));
    }

    void notificationsDuringTheProbeAreAllSent()
    {
        QVERIFY(startServer());
        DesktopNotifier notifier;
        QSignalSpy delivered(&notifier, &DesktopNotifier::delivered);
        for (int i = 0; i < 3; ++i) {
            notifier.notify(QStringLiteral("n%1").arg(i), QString());
        }
        QTRY_COMPARE(delivered.size(), 3);
        QCOMPARE(m_server->received.size(), 3);
        QCOMPARE(m_server->received.at(2).summary, QStringLiteral("n2"));
    }

    void withoutServiceNothingIsShownAndNothingBlocks()
    {
        // No tray on the offscreen platform either: the notification is dropped, quietly.
        QVERIFY(!QSystemTrayIcon::isSystemTrayAvailable());
        DesktopNotifier notifier;
        QSignalSpy delivered(&notifier, &DesktopNotifier::delivered);
        notifier.notify(QStringLiteral("Deployment demo is Active"), QString());
        QCOMPARE(delivered.size(), 0);  // the answer comes later, through the event loop
        QVERIFY(delivered.wait());
        QCOMPARE(delivered.first().at(0).value<DesktopNotifier::Route>(), DesktopNotifier::Route::Dropped);

        // A daemon that starts later is found.
        QVERIFY(startServer());
        notifier.notify(QStringLiteral("later"), QString());
        QVERIFY(delivered.wait());
        QCOMPARE(delivered.last().at(0).value<DesktopNotifier::Route>(), DesktopNotifier::Route::DBus);
        QCOMPARE(m_server->received.size(), 1);
    }

    void serviceGoneAfterTheProbeFallsBack()
    {
        QVERIFY(startServer());
        DesktopNotifier notifier;
        QSignalSpy delivered(&notifier, &DesktopNotifier::delivered);
        notifier.notify(QStringLiteral("first"), QString());
        QVERIFY(delivered.wait());
        stopServer();
        notifier.notify(QStringLiteral("second"), QString());
        QVERIFY(delivered.wait());
        QCOMPARE(delivered.last().at(0).value<DesktopNotifier::Route>(), DesktopNotifier::Route::Dropped);
        QCOMPARE(delivered.last().at(1).toString(), QStringLiteral("second"));
    }

    void deploymentTransitionsBecomeNotifications()
    {
        QVERIFY(startServer());
        DesktopNotifier notifier;
        DeploymentNotifications notifications(&notifier);
        QSignalSpy delivered(&notifier, &DesktopNotifier::delivered);
        QSignalSpy observed(&notifications, &DeploymentNotifications::transitionsObserved);

        notifications.observe({ row(QStringLiteral("a"), QStringLiteral("Creating")),
                                row(QStringLiteral("b"), QStringLiteral("Creating")),
                                row(QStringLiteral("c"), QStringLiteral("Active")) });
        QCOMPARE(observed.size(), 0);
        notifications.observe({ row(QStringLiteral("a"), QStringLiteral("Active")),
                                row(QStringLiteral("b"), QStringLiteral("Failed"), QStringLiteral("Quota exceeded")),
                                row(QStringLiteral("c"), QStringLiteral("Active")) });
        QCOMPARE(observed.size(), 1);
        QTRY_COMPARE(delivered.size(), 2);
        QCOMPARE(m_server->received.size(), 2);
        QCOMPARE(m_server->received.at(0).summary, QStringLiteral("Deployment a is Active"));
        QCOMPARE(m_server->received.at(0).hints.value(QStringLiteral("urgency")).toInt(), 1);
        QCOMPARE(m_server->received.at(1).summary, QStringLiteral("Deployment b failed"));
        QCOMPARE(m_server->received.at(1).body, QStringLiteral("Quota exceeded\nus-west-2 · account 210987654321"));
        QCOMPARE(m_server->received.at(1).hints.value(QStringLiteral("urgency")).toInt(), 2);
    }

    void manyTransitionsAreOneNotification()
    {
        QVERIFY(startServer());
        DesktopNotifier notifier;
        DeploymentNotifications notifications(&notifier);
        QSignalSpy delivered(&notifier, &DesktopNotifier::delivered);
        QList<DeploymentSummary> creating;
        QList<DeploymentSummary> done;
        for (int i = 0; i < 7; ++i) {
            const QString id = QStringLiteral("d%1").arg(i);
            creating << row(id, QStringLiteral("Creating"));
            done << row(id, i < 2 ? QStringLiteral("Failed") : QStringLiteral("Active"));
        }
        notifications.observe(creating);
        notifications.observe(done);
        QVERIFY(delivered.wait());
        QCOMPARE(m_server->received.size(), 1);
        QCOMPARE(m_server->received.first().summary, QStringLiteral("7 deployments changed: 5 Active, 2 Failed"));
        QVERIFY(m_server->received.first().body.startsWith(QStringLiteral("Failed: d0, d1\nActive: d2, d3, d4, d5, d6")));
        QCOMPARE(m_server->received.first().hints.value(QStringLiteral("urgency")).toInt(), 2);
        // Nothing else follows.
        QTest::qWait(50);
        QCOMPARE(m_server->received.size(), 1);
    }

    void settingTurnsNotificationsOff()
    {
        QVERIFY(startServer());
        DesktopNotifier notifier;
        QSignalSpy delivered(&notifier, &DesktopNotifier::delivered);
        {
            DeploymentNotifications notifications(&notifier);
            QVERIFY(notifications.isEnabled());
            notifications.setEnabled(false);
        }
        DeploymentNotifications notifications(&notifier);
        QVERIFY(!notifications.isEnabled());  // kept in the settings
        QSignalSpy observed(&notifications, &DeploymentNotifications::transitionsObserved);
        notifications.observe({ row(QStringLiteral("a"), QStringLiteral("Creating")) });
        notifications.observeRow(row(QStringLiteral("a"), QStringLiteral("Active")));
        QCOMPARE(observed.size(), 1);  // still tracked
        // Turned on again, the change already seen is not reported late.
        notifications.setEnabled(true);
        notifications.observeRow(row(QStringLiteral("a"), QStringLiteral("Active")));
        notifications.observe({ row(QStringLiteral("b"), QStringLiteral("Creating")) });
        notifications.observeRow(row(QStringLiteral("b"), QStringLiteral("Active")));
        QVERIFY(delivered.wait());
        QCOMPARE(m_server->received.size(), 1);
        QCOMPARE(m_server->received.first().summary, QStringLiteral("Deployment b is Active"));
    }
};

QTEST_MAIN(TestDesktopNotifier)
#include "tst_desktopnotifier.moc"
