// SPDX-License-Identifier: Apache-2.0
#include "liverefresh.h"

#include <QSignalSpy>
#include <QTest>

using outcrop::gui::LiveRefresh;

class TestLiveRefresh : public QObject
{
    Q_OBJECT

private slots:
    void offMeansNoTimers()
    {
        LiveRefresh live;
        live.setIntervalSeconds(0);
        QVERIFY(!live.isRunning());
        live.setIntervalSeconds(15);
        QVERIFY(live.isRunning());
        QCOMPARE(live.transitionalIntervalMs(), 5000);
        live.setIntervalSeconds(60);
        QCOMPARE(live.transitionalIntervalMs(), 20000);
    }

    void pausesWhileInactiveAndResumesWithOneRefresh()
    {
        LiveRefresh live;
        live.setIntervalSeconds(15);
        QSignalSpy refreshes(&live, &LiveRefresh::refreshDue);
        QSignalSpy polls(&live, &LiveRefresh::transitionalPollDue);
        live.setActive(false);   // hidden or minimised
        QVERIFY(!live.isRunning());
        live.setActive(true);
        QVERIFY(live.isRunning());
        // One refresh shortly after coming back, not a burst.
        QTRY_COMPARE_WITH_TIMEOUT(refreshes.size(), 1, LiveRefresh::resumeDelayMs + 5000);
        QTest::qWait(300);
        QCOMPARE(refreshes.size(), 1);
        QCOMPARE(polls.size(), 0);
        QVERIFY(live.isRunning());   // and the normal pace goes on
    }

    void anIntervalInMillisecondsForTheSoakBenchmark()
    {
        LiveRefresh live;
        live.setIntervalMs(20);
        QCOMPARE(live.intervalMs(), 20);
        QCOMPARE(live.intervalSeconds(), 0);   // not a choice of the menu
        QVERIFY(live.isRunning());
        QSignalSpy due(&live, &LiveRefresh::refreshDue);
        QTRY_VERIFY(due.size() >= 3);          // one tick after another, not just once
        QCOMPARE(live.transitionalIntervalMs(), 5000);
        live.setIntervalSeconds(15);
        QCOMPARE(live.intervalMs(), 15000);
        live.setIntervalMs(0);
        QVERIFY(!live.isRunning());
    }

    void activatingTwiceChangesNothing()
    {
        LiveRefresh live;
        live.setIntervalSeconds(30);
        QSignalSpy refreshes(&live, &LiveRefresh::refreshDue);
        live.setActive(true);   // already active: no resume refresh
        QTest::qWait(LiveRefresh::resumeDelayMs + 300);
        QCOMPARE(refreshes.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestLiveRefresh)
#include "tst_liverefresh.moc"
