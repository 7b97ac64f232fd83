// SPDX-License-Identifier: Apache-2.0
// CustomModelNames against the simulator: every page of ListCustomModels, GetCustomModel for an
// ARN the list did not have (or when List is denied), the short name when nothing is allowed.

#include "guitestsupport.h"

#include "bedrock/custommodelnames.h"

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
};

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
    QTRY_VERIFY_WITH_TIMEOUT(!names.isListing(), 15000);
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
    QTRY_VERIFY(!names.isListing());
    // List denied, then one round of Gets denied; after that no more calls, even for new ARNs.
    QTRY_VERIFY(sim.simulator.requestsInFlight() == 0);
    QTest::qWait(100);
    const quint64 received = sim.simulator.requestsReceived();
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

QTEST_GUILESS_MAIN(TestCustomModelNames)
#include "tst_custommodelnames.moc"
