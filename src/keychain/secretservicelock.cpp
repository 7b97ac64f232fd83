// SPDX-License-Identifier: Apache-2.0
#include "secretservicelock.h"

#include <QTimer>
#include <QtGlobal>

#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN)
#define OUTCROP_SECRET_SERVICE 1
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>
#include <QVariant>
#endif

namespace outcrop::keychain {

#ifdef OUTCROP_SECRET_SERVICE
namespace {
// The Secret Service API 0.2: the "default" alias names the collection new items go to (the one
// QtKeychain writes to), and org.freedesktop.Secret.Collection has a boolean "Locked".
const QString kService = QStringLiteral("org.freedesktop.secrets");
const QString kDefaultCollection = QStringLiteral("/org/freedesktop/secrets/aliases/default");
constexpr int kAnswerTimeoutMs = 5000;
} // namespace
#endif

void SecretServiceLock::queryDefaultCollectionLocked(QObject *context, std::function<void(bool locked)> done)
{
#ifdef OUTCROP_SECRET_SERVICE
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (bus.isConnected()) {
        QDBusMessage get = QDBusMessage::createMethodCall(kService, kDefaultCollection,
                                                          QStringLiteral("org.freedesktop.DBus.Properties"),
                                                          QStringLiteral("Get"));
        get << QStringLiteral("org.freedesktop.Secret.Collection") << QStringLiteral("Locked");
        // Never activate a keyring daemon just to ask: only one that already runs answers.
        get.setAutoStartService(false);
        auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(get, kAnswerTimeoutMs), context);
        QObject::connect(watcher, &QDBusPendingCallWatcher::finished, context,
                         [done](QDBusPendingCallWatcher *finished) {
                             finished->deleteLater();
                             const QDBusPendingReply<QDBusVariant> reply = *finished;
                             done(!reply.isError() && reply.value().variant().toBool());
                         });
        return;
    }
#endif
    QTimer::singleShot(0, context, [done] { done(false); });
}

} // namespace outcrop::keychain
