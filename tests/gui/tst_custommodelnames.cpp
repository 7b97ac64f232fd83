// SPDX-License-Identifier: Apache-2.0
// CustomModelNames against the simulator: every page of ListCustomModels, GetCustomModel for an
// ARN the list did not have (or when List is denied), the short name when nothing is allowed.

#include "guitestsupport.h"

#include "bedrock/custommodelnames.h"
#include "simulatorset.h"

#include <QSignalSpy>
#include <QTest>

using namespace outcrop;
using namespace outcrop::gui::test;
using bedrock::CustomModelNames;

class TestCustomModelNames : public QObject
{
    Q_OBJECT

private slots:
    void listsEveryPage();
    void getsWhenListIsDenied();
    void shortNameWhenNothingIsAllowed();
    void setClientForgetsAndDropsOlderReplies();
    void eachModelThroughTheSourceItBelongsTo();
    void listsOfEverySource();
    void sameRegionPrefersTheAccountOfTheArn();
};

namespace {

// Sources of their own (account, region), each simulator with its own custom models.
struct SourcesFixture
{
    SourcesFixture(const sim::SimConfig &base, const QList<sim::SimSource> &sources)
        : simulators(base, sources)
    {
        if (!simulators.start()) {
            qFatal("%s", qPrintable(simulators.errorString()));
        }
        for (int i = 0; i < simulators.size(); ++i) {
            sessions.push_back(std::make_unique<bedrock::BedrockSession>(
                simulators.simulator(i)->serverUrl(), sources.at(i).region,
                std::make_unique<aws::StaticAuthProvider>(exampleAuth())));
        }
    }
    QList<bedrock::BedrockClient *> clients() const
    {
        QList<bedrock::BedrockClient *> list;
        for (const auto &session : sessions) {
            list.append(session->client());
        }
        return list;
    }
    QString modelArn(int source, int index = 0) const
    {
        return simulators.simulator(source)->store().customModelsByCreation().at(size_t(index))->data.arn;
    }
    QString modelName(int source, int index = 0) const
    {
        return simulators.simulator(source)->store().customModelsByCreation().at(size_t(index))->data.name;
    }
    quint64 requests() const
    {
        quint64 total = 0;
        for (int i = 0; i < simulators.size(); ++i) {
            total += simulators.simulator(i)->requestsReceived();
        }
        return total;
    }

    sim::SimulatorSet simulators;
    std::vector<std::unique_ptr<bedrock::BedrockSession>> sessions;
};

} // namespace

void TestCustomModelNames::listsEveryPage()
{
    // The client asks for pages of 1,000 models: 1,001 take two pages.
    SimFixture sim(quietConfig(0));
    sim::SimData data;
    for (int i = 0; i < 1001; ++i) {
        sim::CustomModel model;
        model.arn = modelArn(QStringLiteral("model%1").arg(i));
        model.name = QStringLiteral("name-%1").arg(i);
        model.baseModelArn = QStringLiteral("arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-micro-v1:0:128k");
        model.baseModelName = QStringLiteral("Nova Micro");
        model.customizationType = QStringLiteral("FINE_TUNING");
        model.ownerAccountId = QStringLiteral("123456789012");
        model.modelStatus = QStringLiteral("Active");
        model.creationTime = utc(2025, 1, 1).addSecs(i);
        data.customModels.append(model);
    }
    sim.simulator.store().load(data);
    CustomModelNames names;
    QSignalSpy changed(&names, &CustomModelNames::namesChanged);
    names.setClient(sim.client());
    QVERIFY(names.isListing());
    QVERIFY(names.isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(!names.isListing(), 15000);
    QVERIFY(!names.isBusy());   // every name came with the list: no Get waiting
    QCOMPARE(changed.count(), 2);
    for (const auto &model : sim.simulator.store().customModelsByCreation()) {
        QVERIFY(names.hasName(model->data.arn));
        QCOMPARE(names.displayName(model->data.arn), model->data.name);
    }
    // Known ARNs need no call.
    const quint64 received = sim.simulator.requestsReceived();
    names.resolve(sim.customModelArn());
    QTest::qWait(50);
    QCOMPARE(sim.simulator.requestsReceived(), received);
}

void TestCustomModelNames::getsWhenListIsDenied()
{
    const sim::SimConfig config = configAllowing(20, {QStringLiteral("GetCustomModel")});
    SimFixture sim(config);
    CustomModelNames names;
    QSignalSpy changed(&names, &CustomModelNames::namesChanged);
    names.setClient(sim.client());
    const QString arn = sim.customModelArn(1);
    names.resolve(arn);   // queued until the list has failed
    QCOMPARE(names.displayName(arn), bedrock::shortNameFromArn(arn));
    QVERIFY(changed.wait(10000));
    QTRY_VERIFY(!names.isBusy());
    QCOMPARE(changed.first().first().toStringList(), QStringList{arn});
    QCOMPARE(names.displayName(arn), sim.simulator.store().findCustomModel(arn)->data.name);
}

void TestCustomModelNames::shortNameWhenNothingIsAllowed()
{
    const sim::SimConfig config = configAllowing(20, {QStringLiteral("ListCustomModelDeployments")});
    SimFixture sim(config);
    CustomModelNames names;
    QSignalSpy changed(&names, &CustomModelNames::namesChanged);
    names.setClient(sim.client());
    for (int i = 0; i < 3; ++i) {
        names.resolve(sim.customModelArn(i));
    }
    // List denied, then one round of Gets denied; after that no more calls, even for new ARNs.
    // Waited for through the replies taken in, not a pause: on a loaded machine a Get can still
    // be on its way after any fixed time.
    QTRY_VERIFY_WITH_TIMEOUT(!names.isBusy(), 10000);
    const quint64 received = sim.simulator.requestsReceived();
    QVERIFY(received >= 2);   // the list, and at least one Get
    QVERIFY(received <= quint64(1 + CustomModelNames::maxGetsInFlight));
    names.resolve(sim.customModelArn(3));
    QTest::qWait(100);
    QCOMPARE(sim.simulator.requestsReceived(), received);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(names.displayName(sim.customModelArn(3)), bedrock::shortNameFromArn(sim.customModelArn(3)));
}

void TestCustomModelNames::setClientForgetsAndDropsOlderReplies()
{
    sim::SimConfig config = quietConfig(20);
    config.faults.latencyMs = 200;
    SimFixture sim(config);
    CustomModelNames names;
    QSignalSpy changed(&names, &CustomModelNames::namesChanged);
    names.setClient(sim.client());
    names.setClient(nullptr);   // the list in flight is cancelled; its reply must not count
    QVERIFY(!names.isListing());
    QTest::qWait(400);
    QCOMPARE(changed.count(), 0);
    QVERIFY(!names.hasName(sim.customModelArn()));
}

// ListCustomModels denied everywhere: every name comes from a GetCustomModel, sent to the source
// of the ARN's account and region (any other source would not know the model).
void TestCustomModelNames::eachModelThroughTheSourceItBelongsTo()
{
    SourcesFixture fixture(configAllowing(5, {QStringLiteral("GetCustomModel")}),
                           {{QStringLiteral("111111111111"), QStringLiteral("us-east-1")},
                            {QStringLiteral("222222222222"), QStringLiteral("us-west-2")},
                            {QStringLiteral("333333333333"), QStringLiteral("eu-west-1")}});
    CustomModelNames names;
    QSignalSpy changed(&names, &CustomModelNames::namesChanged);
    names.setClients(fixture.clients());
    for (int i = 0; i < 3; ++i) {
        names.setClientAccount(i, fixture.simulators.source(i).accountId);
    }
    QTRY_VERIFY(!names.isListing());
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(names.clientFor(fixture.modelArn(i)), i);
        names.resolve(fixture.modelArn(i));
    }
    QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 3, 10000);
    for (int i = 0; i < 3; ++i) {
        QVERIFY(fixture.modelName(i) != bedrock::shortNameFromArn(fixture.modelArn(i)));
        QCOMPARE(names.displayName(fixture.modelArn(i)), fixture.modelName(i));
    }
    // A model of a region no source serves: its short name, quietly, without a call.
    QTRY_VERIFY(fixture.requests() == 3 + 3);   // a List and a Get per source
    const QString elsewhere = QStringLiteral("arn:aws:bedrock:ap-south-1:444444444444:custom-model/amazon.nova-micro-v1:0:128k/zzz");
    QCOMPARE(names.clientFor(elsewhere), -1);
    names.resolve(elsewhere);
    QTest::qWait(100);
    QCOMPARE(fixture.requests(), quint64(3 + 3));
    QCOMPARE(names.displayName(elsewhere), QStringLiteral("zzz"));
}

// Listing allowed: each source lists its own models, all of them known without a Get.
void TestCustomModelNames::listsOfEverySource()
{
    SourcesFixture fixture(quietConfig(5), {{QStringLiteral("111111111111"), QStringLiteral("us-east-1")},
                                            {QStringLiteral("222222222222"), QStringLiteral("us-west-2")}});
    CustomModelNames names;
    names.setClients(fixture.clients());
    QVERIFY(names.isListing());
    QTRY_VERIFY(!names.isListing());
    for (int i = 0; i < 2; ++i) {
        QVERIFY(names.hasName(fixture.modelArn(i)));
        QCOMPARE(names.displayName(fixture.modelArn(i)), fixture.modelName(i));
    }
    // A source that could not be connected (no client) is skipped.
    names.setClients({nullptr, fixture.clients().at(1)});
    QTRY_VERIFY(!names.isListing());
    QVERIFY(!names.hasName(fixture.modelArn(0)));
    QVERIFY(names.hasName(fixture.modelArn(1)));
}

// Two accounts in one region: the ARN's account decides, once the sources' accounts are known;
// before, a source whose account is not known yet is asked.
void TestCustomModelNames::sameRegionPrefersTheAccountOfTheArn()
{
    SourcesFixture fixture(configAllowing(5, {QStringLiteral("GetCustomModel")}),
                           {{QStringLiteral("111111111111"), QStringLiteral("us-east-1")},
                            {QStringLiteral("222222222222"), QStringLiteral("us-east-1")}});
    CustomModelNames names;
    names.setClients(fixture.clients());
    QCOMPARE(names.clientFor(fixture.modelArn(1)), 0);   // no account known: the first of the region
    names.setClientAccount(0, QStringLiteral("111111111111"));
    QCOMPARE(names.clientFor(fixture.modelArn(1)), 1);   // the one whose account is not known yet
    names.setClientAccount(1, QStringLiteral("222222222222"));
    QCOMPARE(names.clientFor(fixture.modelArn(1)), 1);
    QCOMPARE(names.clientFor(fixture.modelArn(0)), 0);
    QSignalSpy changed(&names, &CustomModelNames::namesChanged);
    names.resolve(fixture.modelArn(1));
    QVERIFY(changed.wait(10000));
    QCOMPARE(names.displayName(fixture.modelArn(1)), fixture.modelName(1));
    // An account no source lists from: a source of the region is asked (a model shared across
    // accounts), and when it does not know the model, the short name stays.
    const QString shared = QStringLiteral("arn:aws:bedrock:us-east-1:999999999999:custom-model/amazon.nova-micro-v1:0:128k/shared1");
    QVERIFY(names.clientFor(shared) >= 0);
    names.resolve(shared);
    QTRY_VERIFY(fixture.requests() == 2 + 2);
    QTest::qWait(50);
    QCOMPARE(names.displayName(shared), QStringLiteral("shared1"));
}

QTEST_GUILESS_MAIN(TestCustomModelNames)
#include "tst_custommodelnames.moc"
