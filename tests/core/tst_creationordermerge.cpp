// SPDX-License-Identifier: Apache-2.0
// The release rule of CreationOrderMerge: rows of several sources come out in one creation-time
// order, and no row is ever released above a row released before it.
#include "bedrock/creationordermerge.h"

#include "aws/utctime.h"

#include <QRandomGenerator>
#include <QTest>

using namespace outcrop::bedrock;

namespace {

const QDateTime base = outcrop::aws::utcDateTime(QDate(2026, 1, 1), QTime(0, 0));

// A row of `source` created `minute` minutes after the base time; its name says where it came from.
DeploymentSummary row(const QString &name, int minute)
{
    DeploymentSummary summary;
    summary.name = name;
    summary.arn = QStringLiteral("arn:aws:bedrock:us-east-1:123456789012:custom-model-deployment/") + name;
    summary.createdAt = base.addSecs(qint64(minute) * 60);
    return summary;
}

QList<DeploymentSummary> rows(const QString &prefix, const QList<int> &minutes)
{
    QList<DeploymentSummary> list;
    for (int i = 0; i < minutes.size(); ++i) {
        list.append(row(prefix + QString::number(i), minutes.at(i)));
    }
    return list;
}

QStringList strings(std::initializer_list<const char *> list)
{
    QStringList result;
    for (const char *text : list) {
        result.append(QString::fromLatin1(text));
    }
    return result;
}

QStringList names(const QList<SourcedDeployment> &released)
{
    QStringList list;
    for (const SourcedDeployment &entry : released) {
        list.append(entry.deployment.name);
    }
    return list;
}

} // namespace

class TestCreationOrderMerge : public QObject
{
    Q_OBJECT

private slots:
    void nothingUntilEverySourceHasAnswered()
    {
        CreationOrderMerge merge(2, SortOrder::Descending);
        merge.addRows(0, rows(QStringLiteral("a"), {100, 90, 80}));
        // Source 1 may still send a row newer than 100.
        QVERIFY(merge.takeReleasable().isEmpty());
        QVERIFY(merge.isHoldingBack(1));
        QCOMPARE(merge.pendingCount(0), 3);
    }

    void releasesDownToTheLeastAdvancedSource()
    {
        CreationOrderMerge merge(2, SortOrder::Descending);
        merge.addRows(0, rows(QStringLiteral("a"), {100, 90, 80}));
        merge.addRows(1, rows(QStringLiteral("b"), {95, 85, 75}));
        // a has passed 80, b 75: everything at or above 80 is safe, b2 (75) is not (a may send 79).
        QCOMPARE(names(merge.takeReleasable()), strings({"a0", "b0", "a1", "b1", "a2"}));
        QCOMPARE(merge.pendingCount(1), 1);
        QVERIFY(merge.isHoldingBack(0));    // a is the least advanced
        QVERIFY(!merge.isHoldingBack(1));
        merge.addRows(0, rows(QStringLiteral("c"), {70}));
        QCOMPARE(names(merge.takeReleasable()), strings({"b2"}));
        merge.finishSource(0);
        // b still has more pages and has passed 75 only: it may send 72, which goes above c0.
        QVERIFY(merge.takeReleasable().isEmpty());
        QVERIFY(merge.isHoldingBack(1));
        merge.finishSource(1);
        QCOMPARE(names(merge.takeReleasable()), strings({"c0"}));
    }

    void releasedRowsCarryTheirSource()
    {
        CreationOrderMerge merge(2, SortOrder::Descending);
        merge.addRows(1, rows(QStringLiteral("b"), {50}));
        merge.addRows(0, rows(QStringLiteral("a"), {60}));
        merge.finishSource(0);
        merge.finishSource(1);
        const QList<SourcedDeployment> released = merge.takeReleasable();
        QCOMPARE(released.size(), 2);
        QCOMPARE(released.at(0).source, 0);
        QCOMPARE(released.at(1).source, 1);
    }

    void ascendingOrder()
    {
        CreationOrderMerge merge(2, SortOrder::Ascending);
        merge.addRows(0, rows(QStringLiteral("a"), {10, 20, 30}));
        merge.addRows(1, rows(QStringLiteral("b"), {15, 25, 35}));
        QCOMPARE(names(merge.takeReleasable()), strings({"a0", "b0", "a1", "b1", "a2"}));
        merge.addRows(0, rows(QStringLiteral("c"), {40}));
        QCOMPARE(names(merge.takeReleasable()), strings({"b2"}));
        merge.finishSource(0);
        merge.finishSource(1);
        QCOMPARE(names(merge.takeReleasable()), strings({"c0"}));
    }

    void defaultOrderIsDescending()
    {
        CreationOrderMerge merge(1, SortOrder::Default);
        QVERIFY(merge.isDescending());
    }

    void tiesAtTheBoundAreReleasedAndLaterTiesGoAfter()
    {
        CreationOrderMerge merge(2, SortOrder::Descending);
        merge.addRows(0, rows(QStringLiteral("a"), {50, 40}));
        merge.addRows(1, rows(QStringLiteral("b"), {50, 40}));
        // Both have passed 40: rows at 40 go too, the source with the lower index first.
        QCOMPARE(names(merge.takeReleasable()), strings({"a0", "b0", "a1", "b1"}));
        // More rows at 40 come after the released ones: the order stays non-increasing.
        merge.addRows(1, rows(QStringLiteral("c"), {40, 30}));
        QCOMPARE(names(merge.takeReleasable()), strings({"c0"}));   // a has passed 40 only
        merge.addRows(0, rows(QStringLiteral("d"), {40}));
        QCOMPARE(names(merge.takeReleasable()), strings({"d0"}));
        merge.finishSource(0);
        QCOMPARE(names(merge.takeReleasable()), strings({"c1"}));   // b has passed 30
        merge.finishSource(1);
        QVERIFY(merge.takeReleasable().isEmpty());
    }

    void aWholePageAtTheBoundIsReleased()
    {
        CreationOrderMerge merge(2, SortOrder::Descending);
        merge.addRows(0, rows(QStringLiteral("a"), {70, 70, 70}));
        merge.addRows(1, rows(QStringLiteral("b"), {90, 80}));
        QCOMPARE(names(merge.takeReleasable()), strings({"b0", "b1"}));
        QVERIFY(merge.isHoldingBack(1));   // b is the least advanced: its next page is needed
        QVERIFY(!merge.isHoldingBack(0));
        merge.addRows(1, rows(QStringLiteral("c"), {70}));
        QCOMPARE(names(merge.takeReleasable()), strings({"a0", "a1", "a2", "c0"}));
        QCOMPARE(merge.pendingCount(), 0);
    }

    void aSourceThatFailsMidwayStopsHoldingBack()
    {
        CreationOrderMerge merge(3, SortOrder::Descending);
        merge.addRows(0, rows(QStringLiteral("a"), {100, 60}));
        merge.addRows(1, rows(QStringLiteral("b"), {90, 20}));   // one page, then it fails
        merge.addRows(2, rows(QStringLiteral("c"), {80, 70}));
        QCOMPARE(names(merge.takeReleasable()), strings({"a0", "b0", "c0", "c1"}));
        merge.finishSource(1);   // failed: what it sent still counts, it holds nothing back
        QVERIFY(merge.takeReleasable().isEmpty());   // c has passed 70 only: a1 (60) waits
        merge.addRows(0, rows(QStringLiteral("d"), {10}));
        QVERIFY(merge.takeReleasable().isEmpty());
        merge.addRows(2, rows(QStringLiteral("e"), {15}));
        QCOMPARE(names(merge.takeReleasable()), strings({"a1", "b1", "e0"}));
        merge.finishSource(2);
        merge.finishSource(0);
        QCOMPARE(names(merge.takeReleasable()), strings({"d0"}));
    }

    void aSourceThatFailsBeforeAnsweringHoldsNothingBack()
    {
        CreationOrderMerge merge(2, SortOrder::Descending);
        merge.addRows(0, rows(QStringLiteral("a"), {100, 90}));
        QVERIFY(merge.takeReleasable().isEmpty());
        merge.finishSource(1);
        QCOMPARE(names(merge.takeReleasable()), strings({"a0", "a1"}));
    }

    void anEmptySourceIsFine()
    {
        CreationOrderMerge merge(2, SortOrder::Descending);
        merge.addRows(1, {});     // an empty first (and last) page
        merge.finishSource(1);
        merge.addRows(0, rows(QStringLiteral("a"), {100, 90}));
        QCOMPARE(names(merge.takeReleasable()), strings({"a0", "a1"}));
    }

    void aSourceFinishingEarlyReleasesTheRest()
    {
        CreationOrderMerge merge(2, SortOrder::Descending);
        merge.addRows(0, rows(QStringLiteral("a"), {100, 10}));
        merge.addRows(1, rows(QStringLiteral("b"), {50, 40}));
        QCOMPARE(names(merge.takeReleasable()), strings({"a0", "b0", "b1"}));
        merge.finishSource(1);   // b had one page only
        QCOMPARE(names(merge.takeReleasable()), strings({"a1"}));
        QCOMPARE(merge.pendingCount(), 0);
    }

    void anUnorderedPageIsSortedFirst()
    {
        CreationOrderMerge merge(2, SortOrder::Descending);
        merge.addRows(0, rows(QStringLiteral("a"), {60, 100, 80}));
        merge.addRows(1, rows(QStringLiteral("b"), {70}));
        // a has passed 60 (not 80, its last row on the wire); b 70.
        QCOMPARE(names(merge.takeReleasable()), strings({"a1", "a2", "b0"}));
    }

    void aSingleSourceReleasesEachPageAtOnce()
    {
        CreationOrderMerge merge(1, SortOrder::Descending);
        merge.addRows(0, rows(QStringLiteral("a"), {100, 90}));
        QCOMPARE(names(merge.takeReleasable()), strings({"a0", "a1"}));
        QVERIFY(merge.isHoldingBack(0));
    }

    // Random sources (with ties), random page sizes, random arrival order, failures and early
    // ends: the concatenation of every release is in order and holds every row received.
    void randomSchedulesKeepTheOrder_data()
    {
        QTest::addColumn<bool>("descending");
        QTest::addColumn<quint32>("seed");
        for (quint32 seed = 1; seed <= 40; ++seed) {
            QTest::addRow("descending %u", seed) << true << seed;
            QTest::addRow("ascending %u", seed) << false << seed;
        }
    }

    void randomSchedulesKeepTheOrder()
    {
        QFETCH(bool, descending);
        QFETCH(quint32, seed);
        QRandomGenerator random(seed);
        const int sourceCount = 1 + int(random.bounded(6));
        struct Plan
        {
            QList<int> minutes;
            int next = 0;
            int failAfter = -1;   // rows sent before it fails; -1: never
        };
        QList<Plan> plans(sourceCount);
        for (Plan &plan : plans) {
            const int count = int(random.bounded(60));   // 0: an empty source
            for (int i = 0; i < count; ++i) {
                plan.minutes.append(int(random.bounded(40)));   // few distinct values: many ties
            }
            std::sort(plan.minutes.begin(), plan.minutes.end());
            if (descending) {
                std::reverse(plan.minutes.begin(), plan.minutes.end());
            }
            if (random.bounded(4) == 0) {
                plan.failAfter = int(random.bounded(count + 1));
            }
        }
        CreationOrderMerge merge(sourceCount, descending ? SortOrder::Descending : SortOrder::Ascending);
        QList<SourcedDeployment> all;
        int expected = 0;
        for (;;) {
            QList<int> open;
            for (int i = 0; i < sourceCount; ++i) {
                if (!merge.isFinished(i)) {
                    open.append(i);
                }
            }
            if (open.isEmpty()) {
                break;
            }
            const int source = open.at(int(random.bounded(int(open.size()))));
            Plan &plan = plans[source];
            const int end = plan.failAfter >= 0 ? plan.failAfter : int(plan.minutes.size());
            const int pageSize = 1 + int(random.bounded(7));
            const int take = std::min(pageSize, end - plan.next);
            const QList<int> page = plan.minutes.mid(plan.next, take);
            merge.addRows(source, rows(QStringLiteral("s%1-p%2-").arg(source).arg(plan.next), page));
            plan.next += take;
            expected += take;
            if (plan.next >= end) {
                merge.finishSource(source);   // the last page, or a failure
            }
            all.append(merge.takeReleasable());
        }
        QCOMPARE(int(all.size()), expected);
        QCOMPARE(merge.pendingCount(), 0);
        for (int i = 1; i < all.size(); ++i) {
            const QDateTime previous = all.at(i - 1).deployment.createdAt;
            const QDateTime current = all.at(i).deployment.createdAt;
            QVERIFY2(descending ? previous >= current : previous <= current,
                     qPrintable(QStringLiteral("row %1 (%2) out of order after %3")
                                    .arg(i)
                                    .arg(current.toString(Qt::ISODate), previous.toString(Qt::ISODate))));
        }
    }
};

QTEST_GUILESS_MAIN(TestCreationOrderMerge)
#include "tst_creationordermerge.moc"
