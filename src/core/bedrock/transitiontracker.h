// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "bedrock/deployment.h"

#include <QHash>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace outcrop::bedrock {

// A deployment observed in this session that reached Active or Failed.
struct DeploymentTransition
{
    QString arn;
    QString name;                // the deployment's name, or the id from its ARN when the row had none
    QString previousStatusText;  // as the service sent it ("Creating", "Deleting", ...)
    DeploymentStatus status = DeploymentStatus::Unknown;  // Active or Failed
    QString failureMessage;
    QString region;
    QString accountId;
};

// Remembers the last status of every deployment seen in this session and reports the ones that
// became Active or Failed. A deployment first seen already Active or Failed is no transition: the
// user learns nothing new from it (it finished before Outcrop looked). Deleting and any status
// outside the model are remembered but never reported as targets.
//
// Rows stay remembered when a later batch lacks them: a filtered list or a single-row poll is not
// the whole account, and a row that comes back into view must compare against what was seen.
class TransitionTracker
{
public:
    // The rows of one refresh or poll; returns this batch's transitions, in the rows' order.
    QList<DeploymentTransition> observe(const QList<DeploymentSummary> &rows);

    // A deployment the app deleted itself: no longer worth remembering.
    void forget(const QString &arn);
    void clear();
    qsizetype rememberedCount() const { return m_lastStatus.size(); }

private:
    quint32 statusIndex(const QString &statusText);

    // ARN → the status text as last seen, as its index in m_statusTexts. One entry per row the
    // dashboard shows: a 4-byte index instead of a second QString makes an entry 32 bytes
    // instead of 48 (docs/benchmarks.md, memory per loaded row).
    QHash<QString, quint32> m_lastStatus;
    QStringList m_statusTexts;                  // every status text seen, once each: a handful
    QHash<QString, quint32> m_statusIndex;      // status text → index in m_statusTexts
};

// From this many transitions in one batch on, one summary replaces the single notifications (a
// first refresh after waking from sleep must not fire twenty bubbles).
inline constexpr int transitionCoalesceThreshold = 5;

// What a desktop notification says: plain text (the notifier escapes it for servers that read markup).
struct TransitionNotice
{
    QString summary;
    QString body;
    bool critical = false;       // a failure: shown until dismissed by servers that honour urgency
    int transitionCount = 1;
};

// The longest failure reason a notification body carries; the detail pane has the rest.
inline constexpr int noticeFailureMessageLength = 200;

// One notice per transition, or one summary ("7 deployments changed: 5 Active, 2 Failed") when
// the batch has transitionCoalesceThreshold or more.
QList<TransitionNotice> noticesForTransitions(const QList<DeploymentTransition> &transitions);

} // namespace outcrop::bedrock

Q_DECLARE_METATYPE(outcrop::bedrock::DeploymentTransition)
