// SPDX-License-Identifier: Apache-2.0
// Faults on demand: periodic 429 and 500, a reset or truncated response, latency that lets
// requests overlap, and every modelled error forced per operation.
#include "simtestsupport.h"

using namespace outcrop::sim;
using namespace outcrop::sim::test;

class TestSimFaults : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_simulator = std::make_unique<Simulator>(unauthenticatedConfig(40));
        QVERIFY2(m_simulator->start(), qPrintable(m_simulator->errorString()));
        m_client = std::make_unique<SimClient>(*m_simulator);
    }
    void cleanup()
    {
        m_client.reset();
        m_simulator.reset();
    }

    void everyKthRequestIsThrottled()
    {
        m_simulator->faults().setSettings({3, 0, 0, 0, 0});
        QList<int> statuses;
        for (int i = 0; i < 7; ++i) {
            const HttpResult result = m_client->get(QByteArray(deploymentsPath) + "?maxResults=2");
            statuses.append(result.status);
            if (result.status == 429) {
                QCOMPARE(result.errorType(), QStringLiteral("ThrottlingException"));
                QCOMPARE(result.json().value(QStringLiteral("__type")).toString(), QStringLiteral("ThrottlingException"));
                QVERIFY(!result.message().isEmpty());
            }
        }
        QCOMPARE(statuses, (QList<int>{200, 200, 429, 200, 200, 429, 200}));
    }

    void everyKthRequestFailsWith500()
    {
        m_simulator->faults().setSettings({0, 2, 0, 0, 0});
        QCOMPARE(m_client->get("/custom-models").status, 200);
        const HttpResult failed = m_client->get("/custom-models");
        QCOMPARE(failed.status, 500);
        QCOMPARE(failed.errorType(), QStringLiteral("InternalServerException"));
    }

    void resetMidResponse()
    {
        m_simulator->faults().setSettings({0, 0, 1, 0, 0});
        // Checked on a raw socket: QNetworkAccessManager silently re-sends a request whose
        // connection dropped, which made a QNAM-level check here timing-dependent on a loaded
        // machine. What a client does with resets is tested in tst_bedrockclient.
        RawClient raw;
        QVERIFY(raw.connectTo(m_simulator->port()));
        raw.send("GET /model-customization/custom-model-deployments?maxResults=50 HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(raw.waitForDisconnect());
        QVERIFY(!raw.read(100));   // never a complete response
    }

    void truncatedBody()
    {
        m_simulator->faults().setSettings({0, 0, 0, 1, 0});
        RawClient raw;
        QVERIFY(raw.connectTo(m_simulator->port()));
        raw.send("GET /model-customization/custom-model-deployments?maxResults=50 HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(raw.waitForDisconnect());
        const QByteArray received = raw.buffer();
        const qsizetype headEnd = received.indexOf("\r\n\r\n");
        QVERIFY(headEnd > 0);
        const QRegularExpressionMatch length = QRegularExpression(QStringLiteral("Content-Length: (\\d+)"))
                                                   .match(QString::fromLatin1(received.left(headEnd)));
        QVERIFY(length.hasMatch());
        const qsizetype promised = length.captured(1).toLongLong();
        const qsizetype got = received.size() - headEnd - 4;
        QVERIFY2(got > 0 && got < promised, qPrintable(QStringLiteral("%1 of %2").arg(got).arg(promised)));

        const HttpResult result = m_client->get(QByteArray(deploymentsPath) + "?maxResults=50");
        QVERIFY(result.error != QNetworkReply::NoError);
    }

    void latencyLetsRequestsOverlap()
    {
        // 200 ms: long enough that a second connection's request arrives while the first waits,
        // also on a loaded machine.
        m_simulator->faults().setSettings({0, 0, 0, 0, 200});
        QNetworkAccessManager manager;
        QList<QNetworkReply *> replies;
        for (int i = 0; i < 8; ++i) {
            QNetworkRequest request(QUrl::fromEncoded(m_simulator->serverUrl().toEncoded() + "/custom-models?maxResults="
                                                      + QByteArray::number(i + 1)));
            replies.append(manager.get(request));
        }
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(replies.cbegin(), replies.cend(), [](QNetworkReply *r) { return r->isFinished(); }),
                                 10000);
        for (QNetworkReply *reply : replies) {
            QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
            reply->deleteLater();
        }
        // Timers, not sleeps: the delayed requests were in flight together.
        QVERIFY2(m_simulator->maxRequestsInFlight() > 1, qPrintable(QString::number(m_simulator->maxRequestsInFlight())));
    }

    void everyModelledErrorOnDemand_data()
    {
        QTest::addColumn<QString>("operation");
        QTest::addColumn<QString>("errorType");
        for (const QString &operation : Operations::allNames()) {
            for (const QString &error : Operations::modelledErrors(Operations::fromName(operation))) {
                QTest::newRow(qPrintable(operation + u'/' + error)) << operation << error;
            }
        }
    }
    void everyModelledErrorOnDemand()
    {
        QFETCH(QString, operation);
        QFETCH(QString, errorType);
        QVERIFY(m_simulator->faults().forceError({operation, errorType, 1, {}}).isEmpty());
        const auto [method, target, body] = requestFor(operation);
        const HttpResult result = m_client->send(method, target, body);
        QCOMPARE(result.status, Operations::errorStatus(errorType));
        QCOMPARE(result.errorType(), errorType);
        QCOMPARE(result.header("content-type"), QByteArray("application/json"));
        QCOMPARE(result.json().value(QStringLiteral("__type")).toString(), errorType);
        QVERIFY(result.message().contains(operation));
        QVERIFY(!result.header("x-amzn-requestid").isEmpty());
        // COUNT 1: the next request is served normally.
        const HttpResult next = m_client->send(method, target, body);
        QVERIFY2(next.status >= 200 && next.status < 300, next.body.constData());
    }

    void forcingAnUnmodelledErrorIsRefused()
    {
        const QString problem = m_simulator->faults().forceError(
            {QStringLiteral("ListCustomModelDeployments"), QStringLiteral("ConflictException"), -1, {}});
        QVERIFY(problem.contains(QStringLiteral("not an error of ListCustomModelDeployments")));
        SimConfig config = unauthenticatedConfig(5);
        config.forcedErrors.append({QStringLiteral("NoSuchOperation"), QStringLiteral("ValidationException"), -1, {}});
        Simulator simulator(config);
        QVERIFY(!simulator.start());
        QVERIFY(simulator.errorString().contains(QStringLiteral("NoSuchOperation")));
    }

private:
    std::tuple<QByteArray, QByteArray, QByteArray> requestFor(const QString &operation) const
    {
        const auto &stored = m_simulator->store().deploymentsByCreation();
        const auto active = std::find_if(stored.cbegin(), stored.cend(), [](const auto &d) {
            return d->data.status == QLatin1String("Active") && d->data.updateStatus.isEmpty();
        });
        const QByteArray arn = (*active)->data.arn.toUtf8();
        const QByteArray one = QByteArray(deploymentsPath) + '/' + arn.toPercentEncoding();
        QByteArray modelArn;
        for (const auto &model : m_simulator->store().customModelsByCreation()) {
            if (model->data.modelStatus == QLatin1String("Active")) {
                modelArn = model->data.arn.toUtf8();
            }
        }
        switch (Operations::fromName(operation)) {
        case Operation::ListCustomModelDeployments: return {"GET", deploymentsPath, {}};
        case Operation::GetCustomModelDeployment: return {"GET", one, {}};
        case Operation::CreateCustomModelDeployment:
            return {"POST", deploymentsPath, "{\"modelDeploymentName\":\"forced-one\",\"modelArn\":\"" + modelArn + "\"}"};
        case Operation::DeleteCustomModelDeployment: return {"DELETE", one, {}};
        case Operation::UpdateCustomModelDeployment: return {"PATCH", one, "{\"modelArn\":\"" + modelArn + "\"}"};
        case Operation::ListCustomModels: return {"GET", "/custom-models", {}};
        case Operation::GetCustomModel: return {"GET", "/custom-models/" + modelArn.toPercentEncoding(), {}};
        case Operation::ListTagsForResource: return {"POST", "/listTagsForResource", "{\"resourceARN\":\"" + arn + "\"}"};
        case Operation::TagResource: return {"POST", "/tagResource", "{\"resourceARN\":\"" + arn + "\",\"tags\":[]}"};
        case Operation::UntagResource: return {"POST", "/untagResource", "{\"resourceARN\":\"" + arn + "\",\"tagKeys\":[]}"};
        case Operation::Unknown: break;
        }
        return {};
    }

    std::unique_ptr<Simulator> m_simulator;
    std::unique_ptr<SimClient> m_client;
};

QTEST_GUILESS_MAIN(TestSimFaults)
#include "tst_simfaults.moc"
