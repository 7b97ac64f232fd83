// SPDX-License-Identifier: Apache-2.0
#include "bedrock/transitiontracker.h"

#include <QTest>

using namespace outcrop::bedrock;

namespace {

const QString arnPrefix = QStringLiteral("arn:aws:bedrock:us-east-1:123456789012:custom-model-deployment/");

DeploymentSummary row(const QString &id, const QString &statusText, const QString &failureMessage = {})
{
    DeploymentSummary summary;
    summary.arn = arnPrefix + id;
    summary.name = QStringLiteral("deployment-") + id;
    summary.statusText = statusText;
    summary.status = deploymentStatusFromText(statusText);
    summary.failureMessage = failureMessage;
    return summary;
}

QList<DeploymentSummary> rows(int count, const QString &statusText, const QString &idPrefix = QStringLiteral("d"))
{
    QList<DeploymentSummary> result;
    for (int i = 0; i < count; ++i) {
        result.append(row(idPrefix + QString::number(i), statusText));
    }
    return result;
}

} // namespace

class TestTransitionTracker : public QObject
{
    Q_OBJECT

private slots:
    void firstSightingIsNoTransition_data()
    {
        QTest::addColumn<QString>("status");
        QTest::newRow("Active") << QStringLiteral("Active");
        QTest::newRow("Failed") << QStringLiteral("Failed");
        QTest::newRow("Creating") << QStringLiteral("Creating");
    }
    void firstSightingIsNoTransition()
    {
        QFETCH(QString, status);
        TransitionTracker tracker;
        QVERIFY(tracker.observe({ row(QStringLiteral("a"), status) }).isEmpty());
        // Seen again unchanged: still nothing.
        QVERIFY(tracker.observe({ row(QStringLiteral("a"), status) }).isEmpty());
        QCOMPARE(tracker.rememberedCount(), 1);
    }

    void creatingThenActive()
    {
        TransitionTracker tracker;
        tracker.observe({ row(QStringLiteral("a"), QStringLiteral("Creating")) });
        const QList<DeploymentTransition> transitions = tracker.observe({ row(QStringLiteral("a"), QStringLiteral("Active")) });
        QCOMPARE(transitions.size(), 1);
        QCOMPARE(transitions.first().arn, arnPrefix + QStringLiteral("a"));
        QCOMPARE(transitions.first().name, QStringLiteral("deployment-a"));
        QCOMPARE(transitions.first().previousStatusText, QStringLiteral("Creating"));
        QCOMPARE(transitions.first().status, DeploymentStatus::Active);
        QCOMPARE(transitions.first().region, QStringLiteral("us-east-1"));
        QCOMPARE(transitions.first().accountId, QStringLiteral("123456789012"));
        // Reported once, not on every later refresh.
        QVERIFY(tracker.observe({ row(QStringLiteral("a"), QStringLiteral("Active")) }).isEmpty());
    }

    void creatingThenFailedCarriesTheReason()
    {
        TransitionTracker tracker;
        tracker.observe({ row(QStringLiteral("a"), QStringLiteral("Creating")) });
        const QList<DeploymentTransition> transitions
            = tracker.observe({ row(QStringLiteral("a"), QStringLiteral("Failed"), QStringLiteral("Model not found")) });
        QCOMPARE(transitions.size(), 1);
        QCOMPARE(transitions.first().status, DeploymentStatus::Failed);
        QCOMPARE(transitions.first().failureMessage, QStringLiteral("Model not found"));
    }

    void activeThenFailed()
    {
        TransitionTracker tracker;
        tracker.observe({ row(QStringLiteral("a"), QStringLiteral("Active")) });
        QCOMPARE(tracker.observe({ row(QStringLiteral("a"), QStringLiteral("Failed")) }).size(), 1);
    }

    void caseOfTheStatusDoesNotMatter()
    {
        TransitionTracker tracker;
        tracker.observe({ row(QStringLiteral("a"), QStringLiteral("Active")) });
        QVERIFY(tracker.observe({ row(QStringLiteral("a"), QStringLiteral("ACTIVE")) }).isEmpty());
    }

    void deletingAndUnknownAreNoTargets_data()
    {
        QTest::addColumn<QString>("status");
        QTest::newRow("Deleting") << QStringLiteral("Deleting");
        QTest::newRow("unknown") << QStringLiteral("Rebalancing");
        QTest::newRow("empty") << QString();
    }
    void deletingAndUnknownAreNoTargets()
    {
        QFETCH(QString, status);
        TransitionTracker tracker;
        tracker.observe({ row(QStringLiteral("a"), QStringLiteral("Active")) });
        QVERIFY(tracker.observe({ row(QStringLiteral("a"), status) }).isEmpty());
        // ... but remembered: coming back to Active afterwards is a transition.
        QCOMPARE(tracker.observe({ row(QStringLiteral("a"), QStringLiteral("Active")) }).size(), 1);
    }

    void rowsMissingFromABatchStayRemembered()
    {
        // A filtered list or a single-row poll leaves rows out; they must still compare later.
        TransitionTracker tracker;
        tracker.observe({ row(QStringLiteral("a"), QStringLiteral("Creating")), row(QStringLiteral("b"), QStringLiteral("Creating")) });
        QVERIFY(tracker.observe({ row(QStringLiteral("b"), QStringLiteral("Creating")) }).isEmpty());
        const QList<DeploymentTransition> transitions = tracker.observe({ row(QStringLiteral("a"), QStringLiteral("Active")) });
        QCOMPARE(transitions.size(), 1);
        QCOMPARE(transitions.first().name, QStringLiteral("deployment-a"));
    }

    void forgetAndClear()
    {
        TransitionTracker tracker;
        tracker.observe({ row(QStringLiteral("a"), QStringLiteral("Creating")), row(QStringLiteral("b"), QStringLiteral("Creating")) });
        tracker.forget(arnPrefix + QStringLiteral("a"));
        QCOMPARE(tracker.rememberedCount(), 1);
        // Forgotten, so this is a first sighting again.
        QVERIFY(tracker.observe({ row(QStringLiteral("a"), QStringLiteral("Active")) }).isEmpty());
        tracker.clear();
        QCOMPARE(tracker.rememberedCount(), 0);
    }

    // Each row's previous status comes back as that row's service spelled it, though rows with
    // the same text share one entry of the tracker; also after clear().
    void previousStatusIsKeptAsSpelledPerRow()
    {
        TransitionTracker tracker;
        const QStringList spellings = {QStringLiteral("CREATING"), QStringLiteral("Creating"), QStringLiteral("Rebalancing"),
                                       QStringLiteral("Creating"), QString()};
        for (int round = 0; round < 2; ++round) {
            QList<DeploymentSummary> before;
            QList<DeploymentSummary> after;
            for (int i = 0; i < spellings.size(); ++i) {
                before.append(row(QString::number(i), spellings.at(i)));
                after.append(row(QString::number(i), QStringLiteral("Active")));
            }
            QVERIFY(tracker.observe(before).isEmpty());
            const QList<DeploymentTransition> transitions = tracker.observe(after);
            QCOMPARE(transitions.size(), spellings.size());
            for (int i = 0; i < spellings.size(); ++i) {
                QCOMPARE(transitions.at(i).arn, arnPrefix + QString::number(i));
                QCOMPARE(transitions.at(i).previousStatusText, spellings.at(i));
            }
            tracker.clear();
        }
    }

    void nameFallsBackToTheArnId()
    {
        TransitionTracker tracker;
        DeploymentSummary unnamed = row(QStringLiteral("x1"), QStringLiteral("Creating"));
        unnamed.name.clear();
        tracker.observe({ unnamed });
        unnamed.statusText = QStringLiteral("Active");
        QCOMPARE(tracker.observe({ unnamed }).first().name, QStringLiteral("x1"));
    }

    void fewTransitionsGiveOneNoticeEach()
    {
        TransitionTracker tracker;
        tracker.observe(rows(4, QStringLiteral("Creating")));
        QList<DeploymentSummary> next = rows(4, QStringLiteral("Active"));
        next[3] = row(QStringLiteral("d3"), QStringLiteral("Failed"), QStringLiteral("Quota <exceeded> & more"));
        const QList<TransitionNotice> notices = noticesForTransitions(tracker.observe(next));
        QCOMPARE(notices.size(), 4);
        QCOMPARE(notices.at(0).summary, QStringLiteral("Deployment deployment-d0 is Active"));
        QCOMPARE(notices.at(0).body, QStringLiteral("us-east-1 · account 123456789012"));
        QVERIFY(!notices.at(0).critical);
        QCOMPARE(notices.at(3).summary, QStringLiteral("Deployment deployment-d3 failed"));
        // Plain text: escaping is the notifier's business.
        QCOMPARE(notices.at(3).body, QStringLiteral("Quota <exceeded> & more\nus-east-1 · account 123456789012"));
        QVERIFY(notices.at(3).critical);
    }

    void fiveTransitionsAreCoalesced()
    {
        TransitionTracker tracker;
        tracker.observe(rows(7, QStringLiteral("Creating")));
        QList<DeploymentSummary> next = rows(7, QStringLiteral("Active"));
        next[1] = row(QStringLiteral("d1"), QStringLiteral("Failed"));
        next[4] = row(QStringLiteral("d4"), QStringLiteral("Failed"));
        const QList<TransitionNotice> notices = noticesForTransitions(tracker.observe(next));
        QCOMPARE(notices.size(), 1);
        QCOMPARE(notices.first().summary, QStringLiteral("7 deployments changed: 5 Active, 2 Failed"));
        QCOMPARE(notices.first().transitionCount, 7);
        QVERIFY(notices.first().critical);
        QCOMPARE(notices.first().body,
                 QStringLiteral("Failed: deployment-d1, deployment-d4\n"
                                "Active: deployment-d0, deployment-d2, deployment-d3, deployment-d5, deployment-d6\n"
                                "us-east-1 · account 123456789012"));
    }

    void thresholdIsFive()
    {
        TransitionTracker tracker;
        tracker.observe(rows(5, QStringLiteral("Creating")));
        QCOMPARE(noticesForTransitions(tracker.observe(rows(4, QStringLiteral("Active")))).size(), 4);
        TransitionTracker other;
        other.observe(rows(5, QStringLiteral("Creating")));
        const QList<TransitionNotice> notices = noticesForTransitions(other.observe(rows(5, QStringLiteral("Active"))));
        QCOMPARE(notices.size(), 1);
        QCOMPARE(notices.first().summary, QStringLiteral("5 deployments changed: 5 Active"));
        QVERIFY(!notices.first().critical);
    }

    void coalescedBodyShortensLongLists()
    {
        TransitionTracker tracker;
        tracker.observe(rows(9, QStringLiteral("Creating")));
        const QList<TransitionNotice> notices = noticesForTransitions(tracker.observe(rows(9, QStringLiteral("Active"))));
        QCOMPARE(notices.size(), 1);
        QVERIFY2(notices.first().body.contains(QStringLiteral("and 4 more")), qPrintable(notices.first().body));
        QVERIFY(!notices.first().body.contains(QStringLiteral("deployment-d5")));
    }

    void longFailureReasonIsTruncated()
    {
        TransitionTracker tracker;
        tracker.observe({ row(QStringLiteral("a"), QStringLiteral("Creating")) });
        const QString reason = QStringLiteral("x").repeated(500);
        const QList<TransitionNotice> notices
            = noticesForTransitions(tracker.observe({ row(QStringLiteral("a"), QStringLiteral("Failed"), reason) }));
        const QString firstLine = notices.first().body.section(QLatin1Char('\n'), 0, 0);
        QCOMPARE(firstLine.size(), noticeFailureMessageLength);
        QVERIFY(firstLine.endsWith(QChar(0x2026)));
    }

    void failureWithoutReasonSaysSo()
    {
        TransitionTracker tracker;
        tracker.observe({ row(QStringLiteral("a"), QStringLiteral("Creating")) });
        const QList<TransitionNotice> notices
            = noticesForTransitions(tracker.observe({ row(QStringLiteral("a"), QStringLiteral("Failed")) }));
        QVERIFY(notices.first().body.startsWith(QStringLiteral("The service gave no failure reason.")));
    }
};

QTEST_GUILESS_MAIN(TestTransitionTracker)
#include "tst_transitiontracker.moc"
