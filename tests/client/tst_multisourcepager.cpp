// SPDX-License-Identifier: Apache-2.0
// MultiSourcePager against several simulators on loopback, one per (account, region), each with
// its own client: global creation-time order, and a source that fails, is throttled or is empty
// while the others go on.
#include "aws/authprovider.h"
#include "aws/awsclient.h"
#include "bedrock/bedrockclient.h"
#include "bedrock/multisourcepager.h"
#include "clientharness.h"
#include "simulatorset.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <memory>
#include <vector>

using namespace outcrop;
using namespace outcrop::bedrock;
using outcrop::aws::AwsError;

namespace {

const QList<sim::SimSource> threeSources = {
    {QStringLiteral("111111111111"), QStringLiteral("us-east-1")},
    {QStringLiteral("222222222222"), QStringLiteral("us-west-2")},
    {QStringLiteral("333333333333"), QStringLiteral("us-east-1")},
};

// The simulators, and per source a network manager, an AWS client (its own retry budget) and a
// Bedrock client, as BedrockSession makes them.
struct MultiHarness
{
    explicit MultiHarness(const QList<sim::SimConfig> &configs)
    {
        for (const sim::SimConfig &config : configs) {
            auto simulator = std::make_unique<sim::Simulator>(config);
            started = simulator->start() && started;
            auto network = std::make_unique<QNetworkAccessManager>();
            aws::AwsClientConfig clientConfig;
            clientConfig.endpoint = simulator->serverUrl();
            clientConfig.region = config.region;
            clientConfig.retry.throttlingBaseMs = 10;
            clientConfig.retry.transientBaseMs = 2;
            clientConfig.attemptTimeoutMs = 5000;
            auto awsClient = std::make_unique<aws::AwsClient>(network.get(), &auth, clientConfig);
            clients.push_back(std::make_unique<BedrockClient>(awsClient.get()));
            awsClients.push_back(std::move(awsClient));
            networks.push_back(std::move(network));
            simulators.push_back(std::move(simulator));
        }
    }

    static QList<sim::SimConfig> configs(int count, const QList<sim::SimSource> &sources = threeSources)
    {
        sim::SimConfig base;
        base.count = count;
        QList<sim::SimConfig> list;
        for (int i = 0; i < sources.size(); ++i) {
            list.append(sim::SimulatorSet::configFor(base, sources.at(i), i));
        }
        return list;
    }

    QList<ListingSource> sources() const
    {
        QList<ListingSource> list;
        for (size_t i = 0; i < clients.size(); ++i) {
            list.append({QStringLiteral("source %1").arg(i), clients.at(i).get(), {}});
        }
        return list;
    }

    // Newest first (or oldest first) over every simulator but `skip`: the expected creation times.
    QList<qint64> expectedTimes(bool descending, int skip = -1) const
    {
        QList<qint64> times;
        for (int i = 0; i < int(simulators.size()); ++i) {
            if (i == skip) {
                continue;
            }
            for (const auto &stored : simulators.at(size_t(i))->store().deploymentsByCreation()) {
                times.append(stored->data.createdAt.toMSecsSinceEpoch());
            }
        }
        std::sort(times.begin(), times.end());
        if (descending) {
            std::reverse(times.begin(), times.end());
        }
        return times;
    }

    aws::StaticAuthProvider auth{testing::documentationAuth()};
    std::vector<std::unique_ptr<sim::Simulator>> simulators;
    std::vector<std::unique_ptr<QNetworkAccessManager>> networks;
    std::vector<std::unique_ptr<aws::AwsClient>> awsClients;
    std::vector<std::unique_ptr<BedrockClient>> clients;
    bool started = true;
};

// What a pager released, in order.
struct Collected
{
    QList<SourcedDeployment> rows;
    QList<int> batchSizes;

    explicit Collected(MultiSourcePager *pager)
    {
        QObject::connect(pager, &MultiSourcePager::rowsReleased, pager,
                         [this](const QList<SourcedDeployment> &released) {
                             rows.append(released);
                             batchSizes.append(int(released.size()));
                         });
    }
    QList<qint64> times() const
    {
        QList<qint64> list;
        for (const SourcedDeployment &row : rows) {
            list.append(row.deployment.createdAt.toMSecsSinceEpoch());
        }
        return list;
    }
};

DeploymentQuery pageQuery(int pageSize, SortOrder order = SortOrder::Default)
{
    DeploymentQuery query;
    query.maxResults = pageSize;
    query.sortOrder = order;
    return query;
}

} // namespace

class TestMultiSourcePager : public QObject
{
    Q_OBJECT

private slots:
    void everySourceMergedInCreationOrder_data()
    {
        QTest::addColumn<int>("order");
        QTest::newRow("default (descending)") << int(SortOrder::Default);
        QTest::newRow("ascending") << int(SortOrder::Ascending);
    }

    void everySourceMergedInCreationOrder()
    {
        QFETCH(int, order);
        MultiHarness harness(MultiHarness::configs(230));
        QVERIFY(harness.started);
        MultiSourcePager pager(harness.sources(), pageQuery(40, SortOrder(order)));
        Collected collected(&pager);
        QSignalSpy finished(&pager, &MultiSourcePager::finished);
        QSignalSpy failed(&pager, &MultiSourcePager::sourceFailed);
        pager.fetchAll();
        QVERIFY(finished.wait(30000));
        QCOMPARE(failed.count(), 0);
        QCOMPARE(collected.times(), harness.expectedTimes(SortOrder(order) != SortOrder::Ascending));
        QVERIFY(!pager.hasMore());
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(pager.sourceRowCount(i), 230);
        }
        // Each row says where it came from: the source's account is in its ARN.
        for (const SourcedDeployment &row : std::as_const(collected.rows)) {
            QCOMPARE(row.deployment.accountId(), threeSources.at(row.source).accountId);
        }
    }

    // fetchNext pulls only from the sources that hold the release back: a source whose rows are
    // all older than another's waits until they are needed, and no released row sorts above one
    // released before.
    void fetchNextPullsFromTheSourcesHoldingBack()
    {
        QList<sim::SimConfig> configs = MultiHarness::configs(200, threeSources.mid(0, 2));
        // Source 1's deployments all come before source 0's (its anchor is three years earlier).
        configs[1].anchor = configs[0].anchor.addDays(-3 * 365);
        MultiHarness harness(configs);
        QVERIFY(harness.started);
        MultiSourcePager pager(harness.sources(), pageQuery(50));
        Collected collected(&pager);
        QSignalSpy pages(&pager, &MultiSourcePager::sourcePageArrived);
        pager.fetchNext();
        QTRY_COMPARE(pages.count(), 2);   // the first page of each
        QTRY_VERIFY(!pager.isLoading());
        QCOMPARE(collected.rows.size(), 50);   // all of source 0's page, none of source 1's
        const quint64 olderRequests = harness.simulators.at(1)->requestsReceived();
        for (int step = 0; step < 3; ++step) {
            pager.fetchNext();
            QTRY_VERIFY(!pager.isLoading());
        }
        // Source 0 to its end (4 pages of 50), then source 1's first page, waiting since the start.
        QCOMPARE(collected.rows.size(), 250);
        for (int i = 0; i < 250; ++i) {
            QCOMPARE(collected.rows.at(i).source, i < 200 ? 0 : 1);
        }
        QCOMPARE(harness.simulators.at(1)->requestsReceived(), olderRequests);   // not asked again
        QVERIFY(pager.hasMore());
        QSignalSpy finished(&pager, &MultiSourcePager::finished);
        while (pager.hasMore()) {
            pager.fetchNext();
            QTRY_VERIFY(!pager.isLoading());
            if (finished.count() == 0 && !pager.hasMore()) {
                QTRY_COMPARE(finished.count(), 1);
            }
        }
        QCOMPARE(collected.times(), harness.expectedTimes(true));
        QCOMPARE(collected.rows.last().source, 1);
    }

    void aFailingSourceReportsItsErrorWhileTheOthersGoOn()
    {
        QList<sim::SimConfig> configs = MultiHarness::configs(150);
        configs[1].forcedErrors = {{QStringLiteral("ListCustomModelDeployments"), QStringLiteral("AccessDeniedException"),
                                    -1, {}}};
        MultiHarness harness(configs);
        QVERIFY(harness.started);
        MultiSourcePager pager(harness.sources(), pageQuery(25));
        Collected collected(&pager);
        QSignalSpy finished(&pager, &MultiSourcePager::finished);
        QSignalSpy failed(&pager, &MultiSourcePager::sourceFailed);
        pager.fetchAll();
        QVERIFY(finished.wait(30000));
        QCOMPARE(failed.count(), 1);
        QCOMPARE(failed.at(0).at(0).toInt(), 1);
        QCOMPARE(failed.at(0).at(1).value<AwsError>().kind, AwsError::Kind::AccessDenied);
        QCOMPARE(pager.sourceError(1).kind, AwsError::Kind::AccessDenied);
        QVERIFY(!pager.sourceError(0).isError());
        QCOMPARE(collected.times(), harness.expectedTimes(true, 1));
    }

    void aSourceFailingMidwayKeepsWhatItSent()
    {
        QList<sim::SimConfig> configs = MultiHarness::configs(150);
        MultiHarness harness(configs);
        QVERIFY(harness.started);
        MultiSourcePager pager(harness.sources(), pageQuery(25));
        Collected collected(&pager);
        QSignalSpy finished(&pager, &MultiSourcePager::finished);
        QSignalSpy failed(&pager, &MultiSourcePager::sourceFailed);
        // Source 2 answers its first page, then fails for good.
        connect(&pager, &MultiSourcePager::sourcePageArrived, this, [&harness](int source) {
            if (source == 2) {
                harness.simulators.at(2)->faults().forceError(
                    {QStringLiteral("ListCustomModelDeployments"), QStringLiteral("InternalServerException"), -1, {}});
            }
        });
        pager.fetchAll();
        QVERIFY(finished.wait(30000));
        QCOMPARE(failed.count(), 1);
        QCOMPARE(pager.sourceRowCount(2), 25);
        QCOMPARE(collected.rows.size(), 150 + 150 + 25);
        const QList<qint64> times = collected.times();
        QVERIFY(std::is_sorted(times.crbegin(), times.crend()));
    }

    void aThrottledSourceFailsAloneAfterItsRetries()
    {
        QList<sim::SimConfig> configs = MultiHarness::configs(120);
        configs[0].faults.throttleEvery = 1;   // every request: 429 ThrottlingException
        MultiHarness harness(configs);
        QVERIFY(harness.started);
        MultiSourcePager pager(harness.sources(), pageQuery(30));
        Collected collected(&pager);
        QSignalSpy finished(&pager, &MultiSourcePager::finished);
        QSignalSpy failed(&pager, &MultiSourcePager::sourceFailed);
        pager.fetchAll();
        QVERIFY(finished.wait(30000));
        QCOMPARE(failed.count(), 1);
        QCOMPARE(failed.at(0).at(0).toInt(), 0);
        QCOMPARE(pager.sourceError(0).kind, AwsError::Kind::Throttling);
        // Its own retry budget was spent, not the others'.
        QVERIFY(harness.simulators.at(0)->requestsReceived() >= 3);
        QCOMPARE(harness.awsClients.at(1)->retryQuota().balance(), harness.awsClients.at(2)->retryQuota().balance());
        QVERIFY(harness.awsClients.at(0)->retryQuota().balance() < harness.awsClients.at(1)->retryQuota().balance());
        QCOMPARE(collected.times(), harness.expectedTimes(true, 0));
    }

    void anEmptySourceIsFine()
    {
        QList<sim::SimConfig> configs = MultiHarness::configs(90);
        configs[1].count = 0;
        MultiHarness harness(configs);
        QVERIFY(harness.started);
        MultiSourcePager pager(harness.sources(), pageQuery(20));
        Collected collected(&pager);
        QSignalSpy finished(&pager, &MultiSourcePager::finished);
        QSignalSpy sourceFinished(&pager, &MultiSourcePager::sourceFinished);
        pager.fetchAll();
        QVERIFY(finished.wait(30000));
        QCOMPARE(sourceFinished.count(), 3);
        QCOMPARE(pager.sourceRowCount(1), 0);
        QCOMPARE(collected.times(), harness.expectedTimes(true));
    }

    void aSourceWithoutAClientFailsAtOnce()
    {
        MultiHarness harness(MultiHarness::configs(30, threeSources.mid(0, 1)));
        QVERIFY(harness.started);
        QList<ListingSource> sources = harness.sources();
        sources.append({QStringLiteral("nowhere"), nullptr, {}});
        MultiSourcePager pager(sources, pageQuery(50));
        Collected collected(&pager);
        QSignalSpy finished(&pager, &MultiSourcePager::finished);
        QSignalSpy failed(&pager, &MultiSourcePager::sourceFailed);
        pager.fetchAll();
        QVERIFY(finished.wait(30000));
        QCOMPARE(failed.count(), 1);
        QCOMPARE(failed.at(0).at(0).toInt(), 1);
        QVERIFY(failed.at(0).at(1).value<AwsError>().message.contains(QLatin1String("nowhere")));
        QCOMPARE(collected.rows.size(), 30);
    }

    void aRowLimitPerSourceStopsItsPaging()
    {
        MultiHarness harness(MultiHarness::configs(100, threeSources.mid(0, 2)));
        QVERIFY(harness.started);
        MultiSourcePager pager(harness.sources(), pageQuery(20));
        pager.setRowLimit(0, 30);
        pager.setRowLimit(1, 50);
        Collected collected(&pager);
        QSignalSpy finished(&pager, &MultiSourcePager::finished);
        pager.fetchAll();
        QVERIFY(finished.wait(30000));
        QCOMPARE(pager.sourceRowCount(0), 40);   // whole pages: two of 20
        QCOMPARE(pager.sourceRowCount(1), 60);
        QCOMPARE(collected.rows.size(), 100);
    }
};

QTEST_GUILESS_MAIN(TestMultiSourcePager)
#include "tst_multisourcepager.moc"
