// SPDX-License-Identifier: Apache-2.0
// Create, Delete, Update and the tag operations, with the state machine on short timers:
// Creating -> Active / Failed, Deleting -> gone, Updating -> UpdateCompleted.
#include "simtestsupport.h"

using namespace outcrop::sim;
using namespace outcrop::sim::test;

class TestSimMutations : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        SimConfig config = unauthenticatedConfig(30);
        // Long enough that the requests checking a transitional state (up to four, as in
        // deleteGoesThroughDeletingThenGone) reach the server before it ends, also on a loaded
        // machine and under the sanitizers; short enough to wait for the state that follows.
        config.timings = {1500, 1500, 1500};
        config.maxDeployments = 40;
        m_simulator = std::make_unique<Simulator>(config);
        QVERIFY2(m_simulator->start(), qPrintable(m_simulator->errorString()));
        m_client = std::make_unique<SimClient>(*m_simulator);
        for (const auto &model : m_simulator->store().customModelsByCreation()) {
            if (model->data.modelStatus == QLatin1String("Active")) {
                m_activeModels.append(model->data.arn);
            } else {
                m_inactiveModel = model->data.arn;
            }
        }
        QVERIFY(m_activeModels.size() >= 2);
    }
    void cleanup()
    {
        m_client.reset();
        m_simulator.reset();
        m_activeModels.clear();
    }

    void createGoesFromCreatingToActive()
    {
        const HttpResult created = create("new-dep", m_activeModels.at(0), ",\"description\":\"a test\",\"tags\":[{\"key\":\"team\",\"value\":\"qa\"}]");
        QCOMPARE(created.status, 202);
        const QString arn = created.json().value(QStringLiteral("customModelDeploymentArn")).toString();
        QVERIFY2(QRegularExpression(QStringLiteral(
                     "^arn:aws:bedrock:us-east-1:123456789012:custom-model-deployment/[a-z0-9]{12}$"))
                     .match(arn)
                     .hasMatch(),
                 qPrintable(arn));
        QCOMPARE(created.json().keys(), QStringList{QStringLiteral("customModelDeploymentArn")});

        HttpResult got = m_client->get(QByteArray(deploymentsPath) + '/' + arn.toUtf8().toPercentEncoding());
        QCOMPARE(got.status, 200);
        QCOMPARE(got.json().value(QStringLiteral("status")).toString(), QStringLiteral("Creating"));
        QCOMPARE(got.json().value(QStringLiteral("modelDeploymentName")).toString(), QStringLiteral("new-dep"));
        QCOMPARE(got.json().value(QStringLiteral("description")).toString(), QStringLiteral("a test"));
        QVERIFY(!got.json().contains(QStringLiteral("customModelDeploymentName")));

        QTRY_COMPARE_WITH_TIMEOUT(statusOf("new-dep"), QStringLiteral("Active"), 15000);
        got = m_client->get(QByteArray(deploymentsPath) + "/new-dep");
        QVERIFY(!got.json().contains(QStringLiteral("failureMessage")));
        QVERIFY(got.json().value(QStringLiteral("lastUpdatedAt")).toString() >= got.json().value(QStringLiteral("createdAt")).toString());
    }

    void createCanEndFailed()
    {
        QCOMPARE(create("will-fail-1", m_activeModels.at(0)).status, 202);
        QTRY_COMPARE_WITH_TIMEOUT(statusOf("will-fail-1"), QStringLiteral("Failed"), 15000);
        const HttpResult got = m_client->get(QByteArray(deploymentsPath) + "/will-fail-1");
        QVERIFY(!got.json().value(QStringLiteral("failureMessage")).toString().isEmpty());
    }

    void createValidation_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("errorType");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("no name") << QByteArray("{\"modelArn\":\"MODEL\"}") << QStringLiteral("ValidationException") << QStringLiteral("modelDeploymentName");
        QTest::newRow("bad name") << QByteArray("{\"modelDeploymentName\":\"a--b\",\"modelArn\":\"MODEL\"}") << QStringLiteral("ValidationException")
                                  << QStringLiteral("modelDeploymentName");
        QTest::newRow("no model") << QByteArray("{\"modelDeploymentName\":\"ok\"}") << QStringLiteral("ValidationException") << QStringLiteral("modelArn");
        QTest::newRow("bad model arn") << QByteArray("{\"modelDeploymentName\":\"ok\",\"modelArn\":\"arn:aws:bedrock:us-east-1:123456789012:custom-model/abcdefghijkl\"}")
                                       << QStringLiteral("ValidationException") << QStringLiteral("modelArn");
        QTest::newRow("unknown model") << QByteArray("{\"modelDeploymentName\":\"ok\",\"modelArn\":\"arn:aws:bedrock:us-east-1:123456789012:custom-model/amazon.nova-micro-v1:0:128k/zzzzzzzzzzzz\"}")
                                       << QStringLiteral("ResourceNotFoundException") << QStringLiteral("zzzzzzzzzzzz");
        QTest::newRow("not json") << QByteArray("{nope") << QStringLiteral("SerializationException") << QStringLiteral("JSON");
        QTest::newRow("bad token") << QByteArray("{\"modelDeploymentName\":\"ok\",\"modelArn\":\"MODEL\",\"clientRequestToken\":\"-x-\"}")
                                   << QStringLiteral("ValidationException") << QStringLiteral("clientRequestToken");
        QTest::newRow("bad tag") << QByteArray("{\"modelDeploymentName\":\"ok\",\"modelArn\":\"MODEL\",\"tags\":[{\"key\":\"a*b\",\"value\":\"v\"}]}")
                                 << QStringLiteral("ValidationException") << QStringLiteral("tags.1.member.key");
    }
    void createValidation()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, errorType);
        QFETCH(QString, mentions);
        body.replace("MODEL", m_activeModels.at(0).toUtf8());
        const HttpResult result = m_client->send("POST", deploymentsPath, body);
        QCOMPARE(result.errorType(), errorType);
        QCOMPARE(result.status, Operations::errorStatus(errorType) ? Operations::errorStatus(errorType) : 400);
        QVERIFY2(result.message().contains(mentions), qPrintable(result.message()));
        QCOMPARE(m_simulator->store().deploymentCount(), 30);
    }

    void createRejectsATakenNameAndAnInactiveModel()
    {
        const QString taken = m_simulator->store().deploymentsByCreation().front()->data.name;
        HttpResult result = create(taken, m_activeModels.at(0));
        QCOMPARE(result.status, 400);
        QCOMPARE(result.errorType(), QStringLiteral("ValidationException"));
        if (!m_inactiveModel.isEmpty()) {
            result = create(QStringLiteral("on-inactive"), m_inactiveModel);
            QCOMPARE(result.errorType(), QStringLiteral("ValidationException"));
        }
    }

    void clientRequestTokenMakesCreateIdempotent()
    {
        const QByteArray token = ",\"clientRequestToken\":\"5d3be5b3-4601-4926-a560-4defcb9325f4\"";
        const HttpResult first = create("idem-dep", m_activeModels.at(0), token);
        const HttpResult second = create("idem-dep", m_activeModels.at(0), token);
        QCOMPARE(first.status, 202);
        QCOMPARE(second.status, 202);
        QCOMPARE(second.json(), first.json());
        QCOMPARE(m_simulator->store().deploymentCount(), 31);
    }

    void theSameTokenWithOtherParametersIsRefused()
    {
        const QByteArray token = ",\"clientRequestToken\":\"token-used-once\"";
        const HttpResult first = create("token-dep", m_activeModels.at(0), token);
        QCOMPARE(first.status, 202);
        const QList<HttpResult> refused{
            create("token-dep", m_activeModels.at(0), token + ",\"description\":\"other\""),
            create("token-other", m_activeModels.at(0), token),
            create("token-dep", m_activeModels.at(1), token),
            create("token-dep", m_activeModels.at(0), token + ",\"tags\":[{\"key\":\"k\",\"value\":\"v\"}]"),
        };
        for (const HttpResult &result : refused) {
            QCOMPARE(result.status, 400);
            QCOMPARE(result.errorType(), QStringLiteral("ValidationException"));
            QVERIFY2(result.message().contains(QLatin1String("token-used-once")), qPrintable(result.message()));
        }
        QCOMPARE(m_simulator->store().deploymentCount(), 31);
        // Still the same deployment for the same request once it has moved on to Active.
        QTRY_COMPARE_WITH_TIMEOUT(statusOf("token-dep"), QStringLiteral("Active"), 15000);
        const HttpResult again = create("token-dep", m_activeModels.at(0), token);
        QCOMPARE(again.status, 202);
        QCOMPARE(again.json(), first.json());
    }

    void aLostReplyIsCommittedFirst()
    {
        m_simulator->faults().setLostReplies({QStringLiteral("CreateCustomModelDeployment"), 1});
        // A raw connection, since QNAM may quietly send a request again on a connection that closes
        // before any reply byte: this test is about what the server does.
        RawClient raw;
        QVERIFY(raw.connectTo(m_simulator->port()));
        const QByteArray body = "{\"modelDeploymentName\":\"lost-dep\",\"modelArn\":\"" + m_activeModels.at(0).toUtf8()
            + "\",\"clientRequestToken\":\"lost-token\"}";
        raw.send("POST " + QByteArray(deploymentsPath) + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                 "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        QVERIFY(raw.waitForDisconnect());
        QVERIFY(!raw.read(200).has_value());   // not a byte of a reply
        QCOMPARE(m_simulator->faults().lostRepliesLeft(), 0);
        // ... but the deployment was created,
        const StoredDeployment *stored = m_simulator->store().findDeployment(QStringLiteral("lost-dep"));
        QVERIFY(stored);
        QCOMPARE(m_simulator->store().deploymentCount(), 31);
        // and the retry with the same token gets it, without a second one.
        const HttpResult retried = create("lost-dep", m_activeModels.at(0), ",\"clientRequestToken\":\"lost-token\"");
        QCOMPARE(retried.status, 202);
        QCOMPARE(retried.json().value(QStringLiteral("customModelDeploymentArn")).toString(), stored->data.arn);
        QCOMPARE(m_simulator->store().deploymentCount(), 31);
        // Only the operation named loses its reply.
        m_simulator->faults().setLostReplies({QStringLiteral("DeleteCustomModelDeployment"), 5});
        QCOMPARE(create("not-lost", m_activeModels.at(0)).status, 202);
    }

    void tagRulesBeyondLengthAndPattern_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QByteArray>("members");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("duplicate key") << QByteArray("/tagResource")
                                       << QByteArray("\"tags\":[{\"key\":\"k\",\"value\":\"1\"},{\"key\":\"k\",\"value\":\"2\"}]")
                                       << QStringLiteral("tags.2.member.key");
        QTest::newRow("reserved key") << QByteArray("/tagResource") << QByteArray("\"tags\":[{\"key\":\"aws:owner\",\"value\":\"v\"}]")
                                      << QStringLiteral("aws:");
        QTest::newRow("reserved value") << QByteArray("/tagResource") << QByteArray("\"tags\":[{\"key\":\"k\",\"value\":\"AWS:x\"}]")
                                        << QStringLiteral("tags.1.member.value");
        QTest::newRow("untag bad key") << QByteArray("/untagResource") << QByteArray("\"tagKeys\":[\"ok\",\"a*b\"]")
                                       << QStringLiteral("tagKeys.2.member");
        QTest::newRow("untag empty key") << QByteArray("/untagResource") << QByteArray("\"tagKeys\":[\"\"]")
                                         << QStringLiteral("tagKeys.1.member");
        QTest::newRow("untag reserved key") << QByteArray("/untagResource") << QByteArray("\"tagKeys\":[\"aws:cloudformation:stack-name\"]")
                                            << QStringLiteral("aws:");
        QByteArray manyKeys = "\"tagKeys\":[";
        for (int i = 0; i < 201; ++i) {
            manyKeys += (i ? ",\"k" : "\"k") + QByteArray::number(i) + '"';
        }
        QTest::newRow("untag 201 keys") << QByteArray("/untagResource") << manyKeys + ']' << QStringLiteral("tagKeys");
    }
    void tagRulesBeyondLengthAndPattern()
    {
        QFETCH(QByteArray, path);
        QFETCH(QByteArray, members);
        QFETCH(QString, mentions);
        const Deployment any = firstWithStatus(QStringLiteral("Active"));
        const QList<Tag> before = any.tags;
        const HttpResult result = m_client->send("POST", path, "{\"resourceARN\":\"" + any.arn.toUtf8() + "\"," + members + '}');
        QCOMPARE(result.status, 400);
        QCOMPARE(result.errorType(), QStringLiteral("ValidationException"));
        QVERIFY2(result.message().contains(mentions), qPrintable(result.message()));
        QCOMPARE(m_simulator->store().findDeployment(any.arn)->data.tags, before);
    }

    void tooManyTagsCountsTheTagsAlreadyThere()
    {
        const Deployment any = firstWithStatus(QStringLiteral("Active"));
        const qsizetype existing = any.tags.size();
        QVERIFY(existing > 0);
        const auto tagsJson = [](qsizetype count, const char *prefix) -> QByteArray {
            QByteArray json = "[";
            for (qsizetype i = 0; i < count; ++i) {
                json += (i ? ",{\"key\":\"" : "{\"key\":\"") + QByteArray(prefix) + QByteArray::number(i) + "\",\"value\":\"v\"}";
            }
            return json + ']';
        };
        const QByteArray resource = "{\"resourceARN\":\"" + any.arn.toUtf8() + "\",\"tags\":";
        HttpResult result = m_client->send("POST", "/tagResource", resource + tagsJson(51 - existing, "a") + '}');
        QCOMPARE(result.status, 400);
        QCOMPARE(result.errorType(), QStringLiteral("TooManyTagsException"));
        QCOMPARE(result.json().value(QStringLiteral("resourceName")).toString(), any.arn);
        QCOMPARE(m_simulator->store().findDeployment(any.arn)->data.tags.size(), existing);
        // Exactly 50, and overwriting an existing key, are fine.
        result = m_client->send("POST", "/tagResource", resource + tagsJson(50 - existing, "a") + '}');
        QCOMPARE(result.status, 200);
        result = m_client->send("POST", "/tagResource", resource + "[{\"key\":\"a0\",\"value\":\"changed\"}]}");
        QCOMPARE(result.status, 200);
        QCOMPARE(m_simulator->store().findDeployment(any.arn)->data.tags.size(), 50);
    }

    void quotaAndTagLimits()
    {
        QByteArray manyTags = ",\"tags\":[";
        for (int i = 0; i < 51; ++i) {
            manyTags += (i ? "," : "") + QByteArray("{\"key\":\"k") + QByteArray::number(i) + "\",\"value\":\"v\"}";
        }
        manyTags += ']';
        HttpResult result = create("tagged-too-much", m_activeModels.at(0), manyTags);
        QCOMPARE(result.status, 400);
        QCOMPARE(result.errorType(), QStringLiteral("TooManyTagsException"));
        for (int i = 0; i < 10; ++i) {
            QCOMPARE(create(QStringLiteral("quota-%1").arg(i), m_activeModels.at(0)).status, 202);
        }
        result = create("quota-over", m_activeModels.at(0));
        QCOMPARE(result.status, 400);
        QCOMPARE(result.errorType(), QStringLiteral("ServiceQuotaExceededException"));
    }

    void deleteGoesThroughDeletingThenGone()
    {
        const Deployment active = firstWithStatus(QStringLiteral("Active"));
        const QByteArray target = QByteArray(deploymentsPath) + '/' + active.arn.toUtf8().toPercentEncoding();
        const HttpResult deleted = m_client->send("DELETE", target);
        QCOMPARE(deleted.status, 200);
        QCOMPARE(deleted.body, QByteArray("{}"));
        QCOMPARE(m_client->get(target).json().value(QStringLiteral("status")).toString(), QStringLiteral("Deleting"));
        // Deleting shows in List too, with its (unmodelled) status.
        const auto rows = m_client->listAll(deploymentsPath, "maxResults=1000", "modelDeploymentSummaries");
        QVERIFY(std::any_of(rows.cbegin(), rows.cend(), [](const QJsonObject &row) {
            return row.value(QStringLiteral("status")).toString() == QLatin1String("Deleting");
        }));
        QCOMPARE(m_client->send("DELETE", target).status, 200);   // idempotent while Deleting
        QTRY_COMPARE_WITH_TIMEOUT(m_client->get(target).status, 404, 15000);
        const HttpResult again = m_client->send("DELETE", target);
        QCOMPARE(again.status, 404);
        QCOMPARE(again.errorType(), QStringLiteral("ResourceNotFoundException"));
    }

    void deleteWhileCreatingIsAConflict()
    {
        QCOMPARE(create("young-dep", m_activeModels.at(0)).status, 202);
        const HttpResult result = m_client->send("DELETE", QByteArray(deploymentsPath) + "/young-dep");
        QCOMPARE(result.status, 400);
        QCOMPARE(result.errorType(), QStringLiteral("ConflictException"));
    }

    void updateSwapsTheModel()
    {
        const Deployment active = firstWithStatus(QStringLiteral("Active"));
        const QString newModel = active.modelArn == m_activeModels.at(0) ? m_activeModels.at(1) : m_activeModels.at(0);
        const QByteArray target = QByteArray(deploymentsPath) + '/' + active.name.toUtf8();
        const HttpResult updated = m_client->send("PATCH", target, "{\"modelArn\":\"" + newModel.toUtf8() + "\"}");
        QCOMPARE(updated.status, 202);
        QCOMPARE(updated.json().value(QStringLiteral("customModelDeploymentArn")).toString(), active.arn);
        QJsonObject details = m_client->get(target).json().value(QStringLiteral("updateDetails")).toObject();
        QCOMPARE(details.value(QStringLiteral("updateStatus")).toString(), QStringLiteral("Updating"));
        QCOMPARE(details.value(QStringLiteral("modelArn")).toString(), newModel);
        QTRY_COMPARE_WITH_TIMEOUT(m_client->get(target).json().value(QStringLiteral("updateDetails")).toObject()
                                      .value(QStringLiteral("updateStatus")).toString(),
                                  QStringLiteral("UpdateCompleted"), 15000);
        QCOMPARE(m_client->get(target).json().value(QStringLiteral("modelArn")).toString(), newModel);

        const HttpResult missing = m_client->send("PATCH", QByteArray(deploymentsPath) + "/no-such-dep",
                                                  "{\"modelArn\":\"" + newModel.toUtf8() + "\"}");
        QCOMPARE(missing.status, 404);
        QCOMPARE(m_client->send("PATCH", target, "{}").errorType(), QStringLiteral("ValidationException"));
    }

    void tags()
    {
        const Deployment any = firstWithStatus(QStringLiteral("Active"));
        const QByteArray resource = "{\"resourceARN\":\"" + any.arn.toUtf8() + '"';
        HttpResult result = m_client->send("POST", "/tagResource", resource + ",\"tags\":[{\"key\":\"owner\",\"value\":\"me\"},{\"key\":\"team\",\"value\":\"new\"}]}");
        QCOMPARE(result.status, 200);
        QCOMPARE(result.body, QByteArray("{}"));
        result = m_client->send("POST", "/untagResource", resource + ",\"tagKeys\":[\"env\"]}");
        QCOMPARE(result.status, 200);
        result = m_client->send("POST", "/listTagsForResource", resource + '}');
        QCOMPARE(result.status, 200);
        QStringList pairs;
        for (const QJsonValue &tag : result.json().value(QStringLiteral("tags")).toArray()) {
            pairs.append(tag.toObject().value(QStringLiteral("key")).toString() + u'=' + tag.toObject().value(QStringLiteral("value")).toString());
        }
        QCOMPARE(pairs, (QStringList{QStringLiteral("team=new"), QStringLiteral("owner=me")}));
        result = m_client->send("POST", "/listTagsForResource",
                                "{\"resourceARN\":\"arn:aws:bedrock:us-east-1:123456789012:custom-model-deployment/zzzzzzzzzzzz\"}");
        QCOMPARE(result.status, 404);
    }

private:
    HttpResult create(const char *name, const QString &modelArn, const QByteArray &extra = {})
    {
        return create(QString::fromLatin1(name), modelArn, extra);
    }
    HttpResult create(const QString &name, const QString &modelArn, const QByteArray &extra = {})
    {
        return m_client->send("POST", deploymentsPath,
                              "{\"modelDeploymentName\":\"" + name.toUtf8() + "\",\"modelArn\":\"" + modelArn.toUtf8() + '"'
                                  + extra + '}');
    }
    QString statusOf(const char *name)
    {
        return m_client->get(QByteArray(deploymentsPath) + '/' + name).json().value(QStringLiteral("status")).toString();
    }
    Deployment firstWithStatus(const QString &status) const
    {
        for (const auto &stored : m_simulator->store().deploymentsByCreation()) {
            if (stored->data.status == status && stored->data.updateStatus.isEmpty()) {
                return stored->data;
            }
        }
        return {};
    }

    std::unique_ptr<Simulator> m_simulator;
    std::unique_ptr<SimClient> m_client;
    QStringList m_activeModels;
    QString m_inactiveModel;
};

QTEST_GUILESS_MAIN(TestSimMutations)
#include "tst_simmutations.moc"
