// SPDX-License-Identifier: Apache-2.0
// The Bedrock client against the simulator over loopback: every call, every filter, paging,
// typed errors, and faults injected by the server.
#include "clientharness.h"

#include "bedrock/deploymentpager.h"

#include <QSignalSpy>
#include <QTest>

#include <algorithm>

using namespace outcrop;
using namespace outcrop::bedrock;
using outcrop::aws::AwsError;
using outcrop::testing::ClientHarness;
using outcrop::testing::await;

namespace {

sim::SimConfig smallConfig(int count = 120)
{
    sim::SimConfig config;
    config.count = count;
    return config;
}

// The simulator's rows in the service's default order (newest first).
QStringList expectedArns(sim::Simulator &simulator, const std::function<bool(const sim::Deployment &)> &keep = {})
{
    QStringList arns;
    for (const auto &stored : simulator.store().deploymentsByCreation()) {
        if (!keep || keep(stored->data)) {
            arns.append(stored->data.arn);
        }
    }
    std::reverse(arns.begin(), arns.end());
    return arns;
}

// Every row of a query, through the pager, in the order they arrived.
QStringList listAll(BedrockClient *client, const DeploymentQuery &query, AwsError *error = nullptr)
{
    DeploymentPager pager(client, query);
    QStringList arns;
    QObject::connect(&pager, &DeploymentPager::pageArrived, &pager, [&arns](const QList<DeploymentSummary> &rows) {
        for (const DeploymentSummary &row : rows) {
            arns.append(row.arn);
        }
    });
    QSignalSpy finished(&pager, &DeploymentPager::finished);
    QSignalSpy failed(&pager, &DeploymentPager::failed);
    pager.fetchAll();
    if (!QTest::qWaitFor([&] { return !finished.isEmpty() || !failed.isEmpty(); }, 60000)) {
        qWarning("the pager did not finish");
    }
    if (error && !failed.isEmpty()) {
        *error = failed.first().first().value<AwsError>();
    }
    return arns;
}

} // namespace

class TestBedrockClient : public QObject
{
    Q_OBJECT

private slots:
    void pagingReturnsEveryRowOnceInServiceOrder()
    {
        ClientHarness harness(smallConfig(250));
        QVERIFY2(harness.started, qPrintable(harness.simulator.errorString()));
        DeploymentQuery query;
        query.maxResults = 40;
        DeploymentPager pager(harness.client.get(), query);
        QStringList arns;
        connect(&pager, &DeploymentPager::pageArrived, this, [&arns](const QList<DeploymentSummary> &rows) {
            for (const DeploymentSummary &row : rows) {
                arns.append(row.arn);
            }
        });
        QSignalSpy finished(&pager, &DeploymentPager::finished);
        pager.fetchNext();   // one page only
        QTRY_COMPARE(arns.size(), 40);
        QVERIFY(pager.hasMore());
        QCOMPARE(finished.size(), 0);
        pager.fetchAll();
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(pager.pageCount(), 7);
        QCOMPARE(arns, expectedArns(harness.simulator));
    }

    // fetchAll asks for the next page before handing on the current one, so that the transfer
    // overlaps the receiver's work; a receiver that cancels then still stops the pager cleanly.
    void fetchAllRequestsTheNextPageBeforeHandingOnRows()
    {
        ClientHarness harness(smallConfig(100));
        QVERIFY2(harness.started, qPrintable(harness.simulator.errorString()));
        DeploymentQuery query;
        query.maxResults = 30;
        DeploymentPager pager(harness.client.get(), query);
        QList<bool> loadingDuringPage;
        int rows = 0;
        connect(&pager, &DeploymentPager::pageArrived, this,
                [&](const QList<DeploymentSummary> &page) {
                    loadingDuringPage.append(pager.isLoading());
                    rows += int(page.size());
                    if (loadingDuringPage.size() == 2) {
                        pager.cancel();
                    }
                });
        QSignalSpy finished(&pager, &DeploymentPager::finished);
        QSignalSpy failed(&pager, &DeploymentPager::failed);
        pager.fetchAll();
        QTRY_COMPARE(loadingDuringPage.size(), 2);
        QCOMPARE(loadingDuringPage, (QList<bool> {true, true}));
        QTRY_VERIFY(!pager.isLoading());   // the cancelled request reported back
        QTest::qWait(50);                  // and nothing else arrives
        QCOMPARE(loadingDuringPage.size(), 2);
        QCOMPARE(rows, 60);
        QCOMPARE(pager.pageCount(), 2);
        QCOMPARE(finished.size(), 0);
        QCOMPARE(failed.size(), 0);
        QVERIFY(pager.hasMore());

        // A last page is handed on with nothing in flight.
        DeploymentPager all(harness.client.get(), query);
        QList<bool> loading;
        connect(&all, &DeploymentPager::pageArrived, this,
                [&](const QList<DeploymentSummary> &) { loading.append(all.isLoading()); });
        QSignalSpy allFinished(&all, &DeploymentPager::finished);
        all.fetchAll();
        QTRY_COMPARE(allFinished.size(), 1);
        QCOMPARE(loading, (QList<bool> {true, true, true, false}));
    }

    void everyFilter_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::newRow("status Active") << QStringLiteral("Active");
        QTest::newRow("status Failed") << QStringLiteral("Failed");
        QTest::newRow("status Creating") << QStringLiteral("Creating");
        QTest::newRow("name contains") << QStringLiteral("name");
        QTest::newRow("created after") << QStringLiteral("after");
        QTest::newRow("created before") << QStringLiteral("before");
        QTest::newRow("model") << QStringLiteral("model");
        QTest::newRow("ascending") << QStringLiteral("ascending");
    }

    void everyFilter()
    {
        QFETCH(QString, filter);
        ClientHarness harness(smallConfig(300));
        QVERIFY(harness.started);
        const auto &all = harness.simulator.store().deploymentsByCreation();
        const sim::Deployment &middle = all.at(all.size() / 2)->data;
        const QString fragment = middle.name.mid(1, 4);

        DeploymentQuery query;
        query.maxResults = 50;
        std::function<bool(const sim::Deployment &)> keep;
        if (filter == QLatin1String("name")) {
            query.nameContains = fragment;
            keep = [&](const sim::Deployment &d) { return d.name.contains(fragment, Qt::CaseInsensitive); };
        } else if (filter == QLatin1String("after")) {
            query.createdAfter = middle.createdAt;
            keep = [&](const sim::Deployment &d) { return d.createdAt > middle.createdAt; };
        } else if (filter == QLatin1String("before")) {
            query.createdBefore = middle.createdAt;
            keep = [&](const sim::Deployment &d) { return d.createdAt < middle.createdAt; };
        } else if (filter == QLatin1String("model")) {
            query.modelArnEquals = middle.modelArn;
            keep = [&](const sim::Deployment &d) { return d.modelArn == middle.modelArn; };
        } else if (filter != QLatin1String("ascending")) {
            query.statusEquals = filter.toUpper();   // sent as PascalCase whatever the case typed
            keep = [&](const sim::Deployment &d) { return d.status == filter; };
        }
        QStringList expected = expectedArns(harness.simulator, keep);
        if (filter == QLatin1String("ascending")) {
            query.sortByCreationTime = true;
            query.sortOrder = SortOrder::Ascending;
            std::reverse(expected.begin(), expected.end());
        }
        QVERIFY(!expected.isEmpty());
        AwsError error;
        QCOMPARE(listAll(harness.client.get(), query, &error), expected);
        QVERIFY2(!error.isError(), qPrintable(error.userMessage()));
    }

    void getByArnAndByName()
    {
        ClientHarness harness(smallConfig(20));
        QVERIFY(harness.started);
        const sim::Deployment &stored = harness.simulator.store().deploymentsByCreation().front()->data;
        for (const QString &identifier : { stored.arn, stored.name }) {
            const auto [detail, error] = await<DeploymentDetail>([&](QObject *context, auto done) {
                harness.client->getDeployment(identifier, context, done);
            });
            QVERIFY2(!error.isError(), qPrintable(error.userMessage()));
            QCOMPARE(detail.summary.arn, stored.arn);
            QCOMPARE(detail.summary.name, stored.name);
            QCOMPARE(detail.summary.modelArn, stored.modelArn);
            QCOMPARE(detail.summary.statusText, stored.status);
            QCOMPARE(detail.summary.createdAt, stored.createdAt);
            QCOMPARE(detail.description, stored.description);
        }
    }

    void deleteThenDeleting()
    {
        sim::SimConfig config = smallConfig(20);
        config.timings.deletingMs = 60000;
        ClientHarness harness(config);
        QVERIFY(harness.started);
        QString arn;
        for (const auto &stored : harness.simulator.store().deploymentsByCreation()) {
            if (stored->data.status == QLatin1String("Active")) {
                arn = stored->data.arn;
                break;
            }
        }
        QVERIFY(!arn.isEmpty());
        const auto [ignored, deleteError] = await<bool>([&](QObject *context, auto done) {
            harness.client->deleteDeployment(arn, context, [done](const AwsError &error) { done(true, error); });
        });
        QVERIFY2(!deleteError.isError(), qPrintable(deleteError.userMessage()));
        const auto [detail, error] = await<DeploymentDetail>([&](QObject *context, auto done) {
            harness.client->getDeployment(arn, context, done);
        });
        QVERIFY(!error.isError());
        QCOMPARE(detail.summary.statusText, QStringLiteral("Deleting"));   // not in the modelled enum: kept
        QCOMPARE(detail.summary.status, DeploymentStatus::Unknown);
        QVERIFY(isTransitional(detail.summary.statusText));
    }

    void customModels()
    {
        ClientHarness harness(smallConfig(20));
        QVERIFY(harness.started);
        const auto [page, error] = await<CustomModelPage>([&](QObject *context, auto done) {
            harness.client->listCustomModels({}, context, done);
        });
        QVERIFY2(!error.isError(), qPrintable(error.userMessage()));
        QCOMPARE(page.models.size(), int(harness.simulator.store().customModelsByCreation().size()));
        const CustomModel first = page.models.first();
        const auto [model, getError] = await<CustomModel>([&](QObject *context, auto done) {
            harness.client->getCustomModel(first.arn, context, done);
        });
        QVERIFY(!getError.isError());
        QCOMPARE(model.name, first.name);
    }

    void modelledErrorsAreTyped_data()
    {
        QTest::addColumn<QString>("operation");
        QTest::addColumn<QString>("exception");
        QTest::addColumn<int>("kind");
        QTest::newRow("list validation") << "ListCustomModelDeployments" << "ValidationException" << int(AwsError::Kind::Validation);
        QTest::newRow("list internal") << "ListCustomModelDeployments" << "InternalServerException" << int(AwsError::Kind::InternalServer);
        QTest::newRow("list throttling") << "ListCustomModelDeployments" << "ThrottlingException" << int(AwsError::Kind::Throttling);
        QTest::newRow("list access") << "ListCustomModelDeployments" << "AccessDeniedException" << int(AwsError::Kind::AccessDenied);
        QTest::newRow("get not found") << "GetCustomModelDeployment" << "ResourceNotFoundException" << int(AwsError::Kind::ResourceNotFound);
        QTest::newRow("delete conflict") << "DeleteCustomModelDeployment" << "ConflictException" << int(AwsError::Kind::Conflict);
    }

    void modelledErrorsAreTyped()
    {
        QFETCH(QString, operation);
        QFETCH(QString, exception);
        QFETCH(int, kind);
        sim::SimConfig config = smallConfig(5);
        config.forcedErrors.append(sim::ForcedError { operation, exception, -1, QStringLiteral("forced for the test") });
        ClientHarness harness(config);
        QVERIFY2(harness.started, qPrintable(harness.simulator.errorString()));
        const QString arn = harness.simulator.store().deploymentsByCreation().front()->data.arn;
        AwsError error;
        if (operation == QLatin1String("ListCustomModelDeployments")) {
            error = await<DeploymentPage>([&](QObject *c, auto done) { harness.client->listDeployments({}, {}, c, done); }).second;
        } else if (operation == QLatin1String("GetCustomModelDeployment")) {
            error = await<DeploymentDetail>([&](QObject *c, auto done) { harness.client->getDeployment(arn, c, done); }).second;
        } else {
            error = await<bool>([&](QObject *c, auto done) {
                        harness.client->deleteDeployment(arn, c, [done](const AwsError &e) { done(true, e); });
                    }).second;
        }
        QCOMPARE(int(error.kind), kind);
        QCOMPARE(error.code, exception);
        QVERIFY(error.message.contains(QLatin1String("forced for the test")));
        QVERIFY(!error.requestId.isEmpty());
        if (error.kind == AwsError::Kind::AccessDenied) {
            QVERIFY(error.userMessage().contains(QLatin1String("bedrock:") + operation));
        }
    }

    void authErrorsAreTyped_data()
    {
        QTest::addColumn<QString>("keyId");
        QTest::addColumn<QString>("secret");
        QTest::addColumn<int>("kind");
        QTest::newRow("bad secret") << "AKIDEXAMPLE" << "not-the-secret" << int(AwsError::Kind::InvalidSignature);
        QTest::newRow("unknown key") << "AKIDUNKNOWN" << "whatever" << int(AwsError::Kind::UnrecognizedClient);
    }

    void authErrorsAreTyped()
    {
        QFETCH(QString, keyId);
        QFETCH(QString, secret);
        QFETCH(int, kind);
        aws::AwsAuth auth;
        auth.credentials.accessKeyId = keyId;
        auth.credentials.secretAccessKey = secret;
        ClientHarness harness(smallConfig(5), auth);
        QVERIFY(harness.started);
        const AwsError error = await<DeploymentPage>([&](QObject *c, auto done) {
                                   harness.client->listDeployments({}, {}, c, done);
                               }).second;
        QCOMPARE(int(error.kind), kind);
        QVERIFY(!error.userMessage().contains(secret));
    }

    void expiredSessionCredentials()
    {
        sim::SimConfig config = smallConfig(5);
        config.credentials.append(sim::SimCredential { QStringLiteral("ASIATEMPORARY"), QStringLiteral("temporary-secret"),
                                                       QStringLiteral("session-token-value"),
                                                       QDateTime::currentDateTimeUtc().addSecs(-60), {} });
        aws::AwsAuth auth;
        auth.credentials = { QStringLiteral("ASIATEMPORARY"), QStringLiteral("temporary-secret"),
                             QStringLiteral("session-token-value"), {}, {} };
        ClientHarness harness(config, auth);
        QVERIFY(harness.started);
        const AwsError error = await<DeploymentPage>([&](QObject *c, auto done) {
                                   harness.client->listDeployments({}, {}, c, done);
                               }).second;
        QCOMPARE(error.kind, AwsError::Kind::ExpiredToken);
        QVERIFY(!error.userMessage().contains(QLatin1String("session-token-value")));
    }

    void perKeyPermissions()
    {
        sim::SimConfig config = smallConfig(5);
        config.credentials.first().allowedActions = { QStringLiteral("GetCustomModelDeployment") };
        ClientHarness harness(config);
        QVERIFY(harness.started);
        const AwsError error = await<DeploymentPage>([&](QObject *c, auto done) {
                                   harness.client->listDeployments({}, {}, c, done);
                               }).second;
        QCOMPARE(error.kind, AwsError::Kind::AccessDenied);
        QVERIFY2(error.userMessage().contains(QLatin1String("bedrock:ListCustomModelDeployments")),
                 qPrintable(error.userMessage()));
    }

    void bearerToken()
    {
        sim::SimConfig config = smallConfig(5);
        config.bearerTokens.append(sim::SimBearerToken { QStringLiteral("bedrock-api-key-EXAMPLE"), {} });
        aws::AwsAuth auth;
        auth.bearerToken = QByteArrayLiteral("bedrock-api-key-EXAMPLE");
        ClientHarness harness(config, auth);
        QVERIFY(harness.started);
        const auto [page, error] = await<DeploymentPage>([&](QObject *c, auto done) {
            harness.client->listDeployments({}, {}, c, done);
        });
        QVERIFY2(!error.isError(), qPrintable(error.userMessage()));
        QCOMPARE(page.deployments.size(), 5);
    }

    void clockSkewIsCorrected()
    {
        // This computer's clock is an hour behind the service's: the first attempt is refused as
        // "Signature expired", the retry signs with the server's time and succeeds.
        ClientHarness harness(smallConfig(5));
        QVERIFY(harness.started);
        harness.simulator.clock().setOffsetMs(3600 * 1000);
        const auto [page, error] = await<DeploymentPage>([&](QObject *c, auto done) {
            harness.client->listDeployments({}, {}, c, done);
        });
        QVERIFY2(!error.isError(), qPrintable(error.userMessage()));
        QCOMPARE(page.deployments.size(), 5);
        QVERIFY(std::abs(harness.awsClient->clockOffsetMs() - 3600 * 1000) < 5000);
        QCOMPARE(harness.simulator.requestsReceived(), quint64(2));
    }

    void invalidValuesAreNotSent()
    {
        ClientHarness harness(smallConfig(5));
        QVERIFY(harness.started);
        DeploymentQuery query;
        query.maxResults = 5000;
        const AwsError error = await<DeploymentPage>([&](QObject *c, auto done) {
                                   harness.client->listDeployments(query, {}, c, done);
                               }).second;
        QCOMPARE(error.kind, AwsError::Kind::InvalidInput);
        QVERIFY(error.userMessage().contains(QLatin1String("maxResults")));
        QCOMPARE(harness.simulator.requestsReceived(), quint64(0));
    }

    void faultsLoseAndRepeatNoRow_data()
    {
        QTest::addColumn<int>("throttleEvery");
        QTest::addColumn<int>("errorEvery");
        QTest::addColumn<int>("resetEvery");
        QTest::addColumn<int>("truncateEvery");
        QTest::newRow("throttling") << 3 << 0 << 0 << 0;
        QTest::newRow("500s") << 0 << 3 << 0 << 0;
        QTest::newRow("resets mid-body") << 0 << 0 << 3 << 0;
        QTest::newRow("truncated bodies") << 0 << 0 << 0 << 3;
        // Never three failures in a row (the retry budget of one call), but every kind mixed.
        QTest::newRow("mixed") << 5 << 7 << 0 << 0;
        QTest::newRow("mixed transport") << 0 << 0 << 5 << 7;
    }

    void faultsLoseAndRepeatNoRow()
    {
        QFETCH(int, throttleEvery);
        QFETCH(int, errorEvery);
        QFETCH(int, resetEvery);
        QFETCH(int, truncateEvery);
        sim::SimConfig config = smallConfig(400);
        config.faults.throttleEvery = throttleEvery;
        config.faults.internalErrorEvery = errorEvery;
        config.faults.resetEvery = resetEvery;
        config.faults.truncateEvery = truncateEvery;
        ClientHarness harness(config);
        QVERIFY(harness.started);
        DeploymentQuery query;
        query.maxResults = 25;
        AwsError error;
        const QStringList arns = listAll(harness.client.get(), query, &error);
        QVERIFY2(!error.isError(), qPrintable(error.userMessage()));
        QCOMPARE(arns, expectedArns(harness.simulator));
        QVERIFY(harness.simulator.requestsReceived() > 16);   // the faults did happen
    }

    void whenRetriesRunOutThePagerFailsCleanly()
    {
        sim::SimConfig config = smallConfig(50);
        config.faults.internalErrorEvery = 1;
        ClientHarness harness(config);
        QVERIFY(harness.started);
        AwsError error;
        const QStringList arns = listAll(harness.client.get(), DeploymentQuery(), &error);
        QVERIFY(arns.isEmpty());
        QCOMPARE(error.kind, AwsError::Kind::InternalServer);
        QCOMPARE(harness.simulator.requestsReceived(), quint64(3));   // three attempts, then it stops
    }
};

QTEST_GUILESS_MAIN(TestBedrockClient)
#include "tst_bedrockclient.moc"
