// SPDX-License-Identifier: Apache-2.0
#include "deploymentnotifications.h"

#include "desktopnotifier.h"

#include <QSettings>

namespace outcrop::gui {

QString DeploymentNotifications::enabledSettingsKey()
{
    return QStringLiteral("notifications/desktopNotifications");
}

DeploymentNotifications::DeploymentNotifications(DesktopNotifier *notifier, QObject *parent)
    : QObject(parent)
    , m_notifier(notifier)
    , m_enabled(QSettings().value(enabledSettingsKey(), true).toBool())
{
}

void DeploymentNotifications::setEnabled(bool enabled)
{
    m_enabled = enabled;
    QSettings().setValue(enabledSettingsKey(), enabled);
}

void DeploymentNotifications::observe(const QList<bedrock::DeploymentSummary> &rows)
{
    const QList<bedrock::DeploymentTransition> transitions = m_tracker.observe(rows);
    if (transitions.isEmpty()) {
        return;
    }
    emit transitionsObserved(transitions);
    if (!m_enabled || !m_notifier) {
        return;
    }
    for (const bedrock::TransitionNotice &notice : bedrock::noticesForTransitions(transitions)) {
        m_notifier->notify(notice.summary, notice.body,
                           notice.critical ? DesktopNotifier::Urgency::Critical : DesktopNotifier::Urgency::Normal);
    }
}

void DeploymentNotifications::observeRow(const bedrock::DeploymentSummary &row)
{
    observe({ row });
}

void DeploymentNotifications::forget(const QString &arn)
{
    m_tracker.forget(arn);
}

} // namespace outcrop::gui
