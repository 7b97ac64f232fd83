// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "bedrock/deployment.h"
#include "bedrock/transitiontracker.h"

#include <QList>
#include <QObject>

namespace outcrop::gui {

class DesktopNotifier;

// Turns what each refresh or poll sees into desktop notifications: deployments observed in this
// session that became Active or Failed, one notification each, or one summary for a batch of
// transitionCoalesceThreshold or more. Tracking goes on while notifications are off, so turning
// them on again does not report stale changes.
class DeploymentNotifications final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeploymentNotifications)

public:
    // The QSettings key of the on/off setting (default on).
    static QString enabledSettingsKey();

    // `notifier` is not owned; it must outlive this object or be destroyed with the same parent.
    explicit DeploymentNotifications(DesktopNotifier *notifier, QObject *parent = nullptr);

    bool isEnabled() const { return m_enabled; }
    // How many deployments' last status is remembered (bounded by what the service still lists).
    qsizetype rememberedCount() const { return m_tracker.rememberedCount(); }

public slots:
    // Saved in QSettings under enabledSettingsKey().
    void setEnabled(bool enabled);

    // One batch: every row of a finished refresh (after its last page, so a refresh is coalesced
    // as a whole), or the rows of one poll. A failed refresh is not a batch: call nothing.
    void observe(const QList<outcrop::bedrock::DeploymentSummary> &rows);
    // One polled deployment (GetCustomModelDeployment).
    void observeRow(const outcrop::bedrock::DeploymentSummary &row);
    // A deployment deleted from within Outcrop, or one the service no longer lists.
    void forget(const QString &arn);

signals:
    // Every batch's transitions, notified or not (for highlighting rows that just changed).
    void transitionsObserved(const QList<outcrop::bedrock::DeploymentTransition> &transitions);

private:
    DesktopNotifier *m_notifier;
    bedrock::TransitionTracker m_tracker;
    bool m_enabled = true;
};

} // namespace outcrop::gui
