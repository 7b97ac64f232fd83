// SPDX-License-Identifier: Apache-2.0
// The lifecycle calls of the Bedrock client against the simulator over loopback: create, update,
// delete and the tag operations; validation before sending; read-only mode.
#include "clientharness.h"

#include <QTest>

using namespace outcrop;
using namespace outcrop::bedrock;
using outcrop::aws::AwsError;
using outcrop::testing::ClientHarness;
using outcrop::testing::await;

namespace {

sim::SimConfig lifecycleConfig()
{
    sim::SimConfig config;
    config.count = 20;
    // Long enough that nothing moves on by itself during a test.
    config.timings = {60000, 60000, 60000};
    return config;
}

QStringList activeModels(sim::Simulator &simulator)
{
    QStringList arns;
    for (const auto &model : simulator.store().customModelsByCreation()) {
        if (model->data.modelStatus == QLatin1String("Active")) {
            arns.append(model->data.arn);
        }
    }
    return arns;
}

// A Create of `name` on the first Active model, with a dialog's token.
CreateDeploymentRequest createRequest(sim::Simulator &simulator, const QString &name)
{
    CreateDeploymentRequest request;
    request.name = name;
    request.modelArn = activeModels(simulator).first();
    request.clientRequestToken = newClientRequestToken();
    return request;
}

// The first `count` Creates are committed, and their replies lost.
sim::SimConfig lostCreateReplies(int count)
{
    sim::SimConfig config = lifecycleConfig();
    config.lostReplies = {QStringLiteral("CreateCustomModelDeployment"), count};
    return config;
}

QString activeDeploymentArn(sim::Simulator &simulator)
{
    for (const auto &stored : simulator.store().deploymentsByCreation()) {
        if (stored->data.status == QLatin1String("Active") && stored->data.updateStatus != QLatin1String("Updating")) {
            return stored->data.arn;
        }
    }
    return {};
}

// Adapters from the DoneNoResult calls to await<bool>.
AwsError awaitNoResult(const std::function<void(QObject *, BedrockClient::DoneNoResult)> &start)
{
    return await<bool>([&](QObject *context, auto done) {
               start(context, [done](const AwsError &error) { done(true, error); });
           })
        .second;
}

} // namespace

class TestLifecycleClient : public QObject
{
    Q_OBJECT

private slots:
    void createThenGetShowsCreating()
    {
        ClientHarness harness(lifecycleConfig());
        QVERIFY2(harness.started, qPrintable(harness.simulator.errorString()));
        const QStringList models = activeModels(harness.simulator);
        QVERIFY(!models.isEmpty());
        CreateDeploymentRequest request;
        request.name = QStringLiteral("client-created");
        request.modelArn = models.first();
        request.description = QStringLiteral("Made by tst_lifecycleclient: ünïcødé");
        request.tags = {{QStringLiteral("team"), QStringLiteral("qa")}, {QStringLiteral("empty"), QString()}};
        request.clientRequestToken = newClientRequestToken();
        const auto [arn, error] = await<QString>([&](QObject *context, auto done) {
            harness.client->createDeployment(request, context, done);
        });
        QVERIFY2(!error.isError(), qPrintable(error.userMessage()));
        QVERIFY2(arn.startsWith(QLatin1String("arn:aws:bedrock:us-east-1:123456789012:custom-model-deployment/")),
                 qPrintable(arn));

        const auto [detail, getError] = await<DeploymentDetail>([&](QObject *context, auto done) {
            harness.client->getDeployment(QStringLiteral("client-created"), context, done);
        });
        QVERIFY2(!getError.isError(), qPrintable(getError.userMessage()));
        QCOMPARE(detail.summary.arn, arn);
        QCOMPARE(detail.summary.status, DeploymentStatus::Creating);
        QCOMPARE(detail.summary.modelArn, request.modelArn);
        QCOMPARE(detail.description, request.description);

        const auto [tags, tagsError] = await<QList<Tag>>([&](QObject *context, auto done) {
            harness.client->listTags(arn, context, done);
        });
        QVERIFY2(!tagsError.isError(), qPrintable(tagsError.userMessage()));
        QCOMPARE(tags, request.tags);
    }

    void createWithoutATokenGetsOne()
    {
        ClientHarness harness(lifecycleConfig());
        QVERIFY(harness.started);
        CreateDeploymentRequest request;
        request.name = QStringLiteral("no-token");
        request.modelArn = activeModels(harness.simulator).first();
        const auto [arn, error] = await<QString>([&](QObject *context, auto done) {
            harness.client->createDeployment(request, context, done);
        });
        QVERIFY2(!error.isError(), qPrintable(error.userMessage()));
        QVERIFY(harness.simulator.store().findDeployment(QStringLiteral("no-token")));
    }

    // The simulator commits the Create, then resets the connection before replying: the client
    // retries (same body, so the same clientRequestToken) and gets the deployment the first
    // attempt created. Exactly one exists afterwards.
    void aCreateWhoseReplyIsLostIsNotRepeated()
    {
        ClientHarness harness(lostCreateReplies(1));
        QVERIFY(harness.started);
        const int before = harness.simulator.store().deploymentCount();
        const CreateDeploymentRequest request = createRequest(harness.simulator, QStringLiteral("retried-create"));
        const auto [arn, error] = await<QString>([&](QObject *context, auto done) {
            harness.client->createDeployment(request, context, done);
        });
        QVERIFY2(!error.isError(), qPrintable(error.userMessage()));
        QCOMPARE(harness.simulator.faults().lostRepliesLeft(), 0);   // the fault did happen
        QVERIFY(harness.simulator.requestsReceived() >= 2);          // and the request was sent again
        QCOMPARE(harness.simulator.store().deploymentCount(), before + 1);
        QCOMPARE(harness.simulator.store().arnForClientToken(request.clientRequestToken), arn);
        QCOMPARE(harness.simulator.store().findDeployment(request.name)->data.arn, arn);
    }

    // Every attempt of the call loses its reply, so the call fails; the dialog keeps its token, and
    // pressing Create again returns the deployment the first attempt made.
    void aFailedCreateRetriedWithTheSameTokenFindsTheFirstDeployment()
    {
        ClientHarness harness(lostCreateReplies(1000));
        QVERIFY(harness.started);
        const int before = harness.simulator.store().deploymentCount();
        CreateDeploymentRequest request = createRequest(harness.simulator, QStringLiteral("again-create"));
        const AwsError failure = await<QString>([&](QObject *context, auto done) {
                                     harness.client->createDeployment(request, context, done);
                                 }).second;
        QCOMPARE(failure.kind, AwsError::Kind::Network);
        QCOMPARE(harness.simulator.store().deploymentCount(), before + 1);

        harness.simulator.faults().setLostReplies({});
        const auto [arn, error] = await<QString>([&](QObject *context, auto done) {
            harness.client->createDeployment(request, context, done);
        });
        QVERIFY2(!error.isError(), qPrintable(error.userMessage()));
        QCOMPARE(arn, harness.simulator.store().findDeployment(request.name)->data.arn);
        QCOMPARE(harness.simulator.store().deploymentCount(), before + 1);

        // A new token (a new dialog) with the same name is a new request: the name is taken.
        request.clientRequestToken = newClientRequestToken();
        const AwsError taken = await<QString>([&](QObject *context, auto done) {
                                   harness.client->createDeployment(request, context, done);
                               }).second;
        QCOMPARE(taken.kind, AwsError::Kind::Validation);
        QCOMPARE(harness.simulator.store().deploymentCount(), before + 1);
    }

    void updateSwapsTheModel()
    {
        ClientHarness harness(lifecycleConfig());
        QVERIFY(harness.started);
        const QString arn = activeDeploymentArn(harness.simulator);
        QVERIFY(!arn.isEmpty());
        const QString current = harness.simulator.store().findDeployment(arn)->data.modelArn;
        QString other;
        for (const QString &model : activeModels(harness.simulator)) {
            if (model != current) {
                other = model;
            }
        }
        QVERIFY(!other.isEmpty());
        const QString name = harness.simulator.store().findDeployment(arn)->data.name;
        const auto [updatedArn, error] = await<QString>([&](QObject *context, auto done) {
            harness.client->updateDeployment(name, other, context, done);
        });
        QVERIFY2(!error.isError(), qPrintable(error.userMessage()));
        QCOMPARE(updatedArn, arn);
        const auto [detail, getError] = await<DeploymentDetail>([&](QObject *context, auto done) {
            harness.client->getDeployment(arn, context, done);
        });
        QVERIFY(!getError.isError());
        QVERIFY(detail.hasUpdateDetails);
        QCOMPARE(detail.updateDetails.modelArn, other);
        QCOMPARE(detail.updateDetails.updateStatus, QStringLiteral("Updating"));
    }

    void tagAndUntag()
    {
        ClientHarness harness(lifecycleConfig());
        QVERIFY(harness.started);
        const QString arn = activeDeploymentArn(harness.simulator);
        AwsError error = awaitNoResult([&](QObject *context, BedrockClient::DoneNoResult done) {
            harness.client->tagResource(arn, {{QStringLiteral("owner"), QStringLiteral("me@example.com")},
                                              {QStringLiteral("cost centre"), QStringLiteral("4711")}},
                                        context, done);
        });
        QVERIFY2(!error.isError(), qPrintable(error.userMessage()));
        auto [tags, listError] = await<QList<Tag>>([&](QObject *context, auto done) {
            harness.client->listTags(arn, context, done);
        });
        QVERIFY(!listError.isError());
        QVERIFY(tags.contains(Tag{QStringLiteral("owner"), QStringLiteral("me@example.com")}));
        QVERIFY(tags.contains(Tag{QStringLiteral("cost centre"), QStringLiteral("4711")}));

        error = awaitNoResult([&](QObject *context, BedrockClient::DoneNoResult done) {
            harness.client->untagResource(arn, {QStringLiteral("owner")}, context, done);
        });
        QVERIFY2(!error.isError(), qPrintable(error.userMessage()));
        std::tie(tags, listError) = await<QList<Tag>>([&](QObject *context, auto done) {
            harness.client->listTags(arn, context, done);
        });
        QVERIFY(!listError.isError());
        QVERIFY(!tags.contains(Tag{QStringLiteral("owner"), QStringLiteral("me@example.com")}));
        QVERIFY(tags.contains(Tag{QStringLiteral("cost centre"), QStringLiteral("4711")}));
    }

    void deleteWhileCreatingIsAConflict()
    {
        ClientHarness harness(lifecycleConfig());
        QVERIFY(harness.started);
        const CreateDeploymentRequest request = createRequest(harness.simulator, QStringLiteral("busy"));
        const auto [arn, error] = await<QString>([&](QObject *context, auto done) {
            harness.client->createDeployment(request, context, done);
        });
        QVERIFY(!error.isError());
        const AwsError deleteError = awaitNoResult([&](QObject *context, BedrockClient::DoneNoResult done) {
            harness.client->deleteDeployment(arn, context, done);
        });
        QCOMPARE(deleteError.kind, AwsError::Kind::Conflict);
        QCOMPARE(deleteError.code, QStringLiteral("ConflictException"));
    }

    void invalidInputIsNotSent_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("modelArn");
        QTest::addColumn<QString>("description");
        QTest::addColumn<QString>("tagKey");
        QTest::addColumn<QString>("expectedWord");
        const QString model = QStringLiteral("arn:aws:bedrock:us-east-1:123456789012:custom-model/amazon.nova-micro-v1:0:128k/abcdefghijkl");
        QTest::newRow("bad name") << "has space" << model << "" << "k" << "name";
        QTest::newRow("empty name") << "" << model << "" << "k" << "name";
        QTest::newRow("bad model") << "ok" << "arn:aws:bedrock:us-east-1:123456789012:custom-model/abcdefghijkl" << "" << "k" << "custom model";
        QTest::newRow("long description") << "ok" << model << QString(2049, QLatin1Char('x')) << "k" << "description";
        QTest::newRow("bad tag") << "ok" << model << "" << "no!" << "Tag 1";
    }

    void invalidInputIsNotSent()
    {
        QFETCH(QString, name);
        QFETCH(QString, modelArn);
        QFETCH(QString, description);
        QFETCH(QString, tagKey);
        QFETCH(QString, expectedWord);
        ClientHarness harness(lifecycleConfig());
        QVERIFY(harness.started);
        CreateDeploymentRequest request{name, modelArn, description, {{tagKey, QStringLiteral("v")}}, {}};
        const auto [arn, error] = await<QString>([&](QObject *context, auto done) {
            QCOMPARE(harness.client->createDeployment(request, context, done), nullptr);
        });
        QCOMPARE(error.kind, AwsError::Kind::InvalidInput);
        QVERIFY2(error.userMessage().contains(expectedWord, Qt::CaseInsensitive), qPrintable(error.userMessage()));
        QCOMPARE(error.operation, QStringLiteral("CreateCustomModelDeployment"));
        QCOMPARE(harness.simulator.requestsReceived(), quint64(0));
    }

    void readOnlyRefusesEveryMutationWithoutTraffic()
    {
        ClientHarness harness(lifecycleConfig());
        QVERIFY(harness.started);
        QVERIFY(!harness.client->isReadOnly());
        harness.client->setReadOnly(true);
        QVERIFY(harness.client->isReadOnly());
        const QString arn = activeDeploymentArn(harness.simulator);
        const QString model = activeModels(harness.simulator).first();
        const int deploymentsBefore = harness.simulator.store().deploymentCount();

        QList<AwsError> errors;
        CreateDeploymentRequest request{QStringLiteral("read-only"), model, {}, {}, newClientRequestToken()};
        errors << await<QString>([&](QObject *c, auto done) {
                      QCOMPARE(harness.client->createDeployment(request, c, done), nullptr);
                  }).second;
        errors << await<QString>([&](QObject *c, auto done) {
                      QCOMPARE(harness.client->updateDeployment(arn, model, c, done), nullptr);
                  }).second;
        errors << awaitNoResult([&](QObject *c, BedrockClient::DoneNoResult done) {
            QCOMPARE(harness.client->deleteDeployment(arn, c, done), nullptr);
        });
        errors << awaitNoResult([&](QObject *c, BedrockClient::DoneNoResult done) {
            QCOMPARE(harness.client->tagResource(arn, {{QStringLiteral("k"), QStringLiteral("v")}}, c, done), nullptr);
        });
        errors << awaitNoResult([&](QObject *c, BedrockClient::DoneNoResult done) {
            QCOMPARE(harness.client->untagResource(arn, {QStringLiteral("k")}, c, done), nullptr);
        });
        QCOMPARE(errors.size(), 5);
        for (const AwsError &error : std::as_const(errors)) {
            QCOMPARE(error.kind, AwsError::Kind::ReadOnly);
            QVERIFY2(error.userMessage().contains(QLatin1String("read-only")), qPrintable(error.userMessage()));
            QVERIFY(error.userMessage().contains(error.operation));
        }
        QCOMPARE(harness.simulator.requestsReceived(), quint64(0));
        QCOMPARE(harness.simulator.store().deploymentCount(), deploymentsBefore);

        // Reads still work, and so do mutations once read-only is off again.
        const auto [tags, listError] = await<QList<Tag>>([&](QObject *c, auto done) {
            harness.client->listTags(arn, c, done);
        });
        QVERIFY2(!listError.isError(), qPrintable(listError.userMessage()));
        harness.client->setReadOnly(false);
        const AwsError tagError = awaitNoResult([&](QObject *c, BedrockClient::DoneNoResult done) {
            harness.client->tagResource(arn, {{QStringLiteral("k"), QStringLiteral("v")}}, c, done);
        });
        QVERIFY2(!tagError.isError(), qPrintable(tagError.userMessage()));
    }
};

QTEST_GUILESS_MAIN(TestLifecycleClient)
#include "tst_lifecycleclient.moc"
