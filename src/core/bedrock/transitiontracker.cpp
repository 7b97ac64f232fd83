// SPDX-License-Identifier: Apache-2.0
#include "bedrock/transitiontracker.h"

#include <QCoreApplication>
#include <QSet>
#include <QStringList>

namespace outcrop::bedrock {

namespace {

// The translation context "TransitionNotice" of this file (a class of its own: lupdate gives tr() calls
// in free functions the namespace as context).
class TransitionNoticeTr
{
    Q_DECLARE_TR_FUNCTIONS(TransitionNotice)
};

bool isTargetStatus(DeploymentStatus status)
{
    return status == DeploymentStatus::Active || status == DeploymentStatus::Failed;
}

QString truncated(const QString &text, int length)
{
    const QString simplified = text.simplified();
    if (simplified.size() <= length) {
        return simplified;
    }
    return simplified.left(length - 1).trimmed() + QChar(0x2026);  // …
}

// "us-east-1 · account 123456789012", or what is known of it.
QString whereText(const QString &region, const QString &accountId)
{
    if (region.isEmpty() && accountId.isEmpty()) {
        return {};
    }
    if (accountId.isEmpty()) {
        return region;
    }
    if (region.isEmpty()) {
        return TransitionNoticeTr::tr("account %1").arg(accountId);
    }
    return TransitionNoticeTr::tr("%1 · account %2").arg(region, accountId);
}

TransitionNotice singleNotice(const DeploymentTransition &transition)
{
    TransitionNotice notice;
    const QString where = whereText(transition.region, transition.accountId);
    if (transition.status == DeploymentStatus::Failed) {
        notice.critical = true;
        notice.summary = TransitionNoticeTr::tr("Deployment %1 failed").arg(transition.name);
        const QString reason = transition.failureMessage.trimmed().isEmpty()
            ? TransitionNoticeTr::tr("The service gave no failure reason.")
            : truncated(transition.failureMessage, noticeFailureMessageLength);
        notice.body = where.isEmpty() ? reason : reason + QLatin1Char('\n') + where;
    } else {
        notice.summary = TransitionNoticeTr::tr("Deployment %1 is Active").arg(transition.name);
        notice.body = where;
    }
    return notice;
}

// "Failed: a, b, c and 4 more"
QString namesLine(const QString &label, const QStringList &names)
{
    constexpr int shownNames = 5;
    QString line = label + QStringLiteral(": ") + names.mid(0, shownNames).join(QStringLiteral(", "));
    if (names.size() > shownNames) {
        // Counts in variables: lupdate 6.4 hangs on parentheses inside tr()'s count argument.
        const int moreNames = static_cast<int>(names.size()) - shownNames;
        line += QLatin1Char(' ') + TransitionNoticeTr::tr("and %Ln more", nullptr, moreNames);
    }
    return line;
}

TransitionNotice summaryNotice(const QList<DeploymentTransition> &transitions)
{
    QStringList activeNames;
    QStringList failedNames;
    QSet<QString> regions;
    QSet<QString> accounts;
    for (const DeploymentTransition &transition : transitions) {
        (transition.status == DeploymentStatus::Failed ? failedNames : activeNames).append(transition.name);
        regions.insert(transition.region);
        accounts.insert(transition.accountId);
    }
    TransitionNotice notice;
    notice.transitionCount = static_cast<int>(transitions.size());
    notice.critical = !failedNames.isEmpty();
    QStringList parts;
    const int activeCount = static_cast<int>(activeNames.size());
    const int failedCount = static_cast<int>(failedNames.size());
    if (activeCount > 0) {
        parts << TransitionNoticeTr::tr("%Ln Active", nullptr, activeCount);
    }
    if (failedCount > 0) {
        parts << TransitionNoticeTr::tr("%Ln Failed", nullptr, failedCount);
    }
    const int transitionCount = notice.transitionCount;
    notice.summary = TransitionNoticeTr::tr("%Ln deployments changed", nullptr, transitionCount) + QStringLiteral(": ")
        + parts.join(QStringLiteral(", "));
    QStringList lines;
    // Failures first: they are what the user has to act on.
    if (!failedNames.isEmpty()) {
        lines << namesLine(TransitionNoticeTr::tr("Failed", "deployment status"), failedNames);
    }
    if (!activeNames.isEmpty()) {
        lines << namesLine(TransitionNoticeTr::tr("Active", "deployment status"), activeNames);
    }
    if (regions.size() == 1 && accounts.size() == 1) {
        const QString where = whereText(*regions.cbegin(), *accounts.cbegin());
        if (!where.isEmpty()) {
            lines << where;
        }
    } else {
        const int regionCount = static_cast<int>(regions.size());
        const int accountCount = static_cast<int>(accounts.size());
        lines << TransitionNoticeTr::tr("in %Ln regions", nullptr, regionCount) + QStringLiteral(", ")
                + TransitionNoticeTr::tr("%Ln accounts", nullptr, accountCount);
    }
    notice.body = lines.join(QLatin1Char('\n'));
    return notice;
}

} // namespace

QList<DeploymentTransition> TransitionTracker::observe(const QList<DeploymentSummary> &rows)
{
    QList<DeploymentTransition> transitions;
    for (const DeploymentSummary &row : rows) {
        if (row.arn.isEmpty()) {
            continue;
        }
        const auto previous = m_lastStatus.constFind(row.arn);
        const bool seenBefore = previous != m_lastStatus.cend();
        const QString previousText = seenBefore ? m_statusTexts.at(*previous) : QString();
        m_lastStatus.insert(row.arn, statusIndex(row.statusText));
        // Compared as the service spells it, case-insensitively (the docs mix ACTIVE and Active).
        const DeploymentStatus status = deploymentStatusFromText(row.statusText);
        if (!seenBefore || !isTargetStatus(status) || deploymentStatusFromText(previousText) == status) {
            continue;
        }
        DeploymentTransition transition;
        transition.arn = row.arn;
        transition.name = row.name.isEmpty() ? shortNameFromArn(row.arn) : row.name;
        transition.previousStatusText = previousText;
        transition.status = status;
        transition.failureMessage = row.failureMessage;
        transition.region = row.region();
        transition.accountId = row.accountId();
        transitions.append(transition);
    }
    return transitions;
}

quint32 TransitionTracker::statusIndex(const QString &statusText)
{
    auto found = m_statusIndex.constFind(statusText);
    if (found == m_statusIndex.cend()) {
        found = m_statusIndex.insert(statusText, quint32(m_statusTexts.size()));
        m_statusTexts.append(statusText);
    }
    return *found;
}

void TransitionTracker::forget(const QString &arn)
{
    m_lastStatus.remove(arn);
}

void TransitionTracker::clear()
{
    m_lastStatus.clear();
    m_statusTexts.clear();
    m_statusIndex.clear();
}

QList<TransitionNotice> noticesForTransitions(const QList<DeploymentTransition> &transitions)
{
    if (transitions.size() >= transitionCoalesceThreshold) {
        return { summaryNotice(transitions) };
    }
    QList<TransitionNotice> notices;
    for (const DeploymentTransition &transition : transitions) {
        notices.append(singleNotice(transition));
    }
    return notices;
}

} // namespace outcrop::bedrock
