// SPDX-License-Identifier: Apache-2.0
// The simulator's HTTP layer over raw sockets: framing, keep-alive, pipelining, split segments,
// many connections, the response headers every answer carries, and the path decoded once.
#include "simtestsupport.h"
#include "aws/utctime.h"

#include <QRegularExpression>
#include <QTimer>
#include <QUuid>

using namespace outcrop::sim;
using namespace outcrop::sim::test;

class TestSimHttp : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        m_simulator = std::make_unique<Simulator>(unauthenticatedConfig(50));
        QVERIFY2(m_simulator->start(), qPrintable(m_simulator->errorString()));
    }
    void cleanup() { m_simulator.reset(); }

    void requestSplitAcrossSegments()
    {
        const QByteArray body = "{\"modelDeploymentName\":\"split-dep\",\"modelArn\":\"" + anActiveModelArn() + "\"}";
        const QByteArray request = "POST /model-customization/custom-model-deployments HTTP/1.1\r\nHost: x\r\n"
                                   "Content-Type: application/json\r\nContent-Length: "
            + QByteArray::number(body.size()) + "\r\n\r\n" + body;
        RawClient client;
        QVERIFY(client.connectTo(m_simulator->port()));
        // One byte per write, with the event loop turning in between: every boundary is a split.
        for (const char c : request) {
            client.send(QByteArray(1, c));
            QTest::qWait(0);
        }
        const auto response = client.read();
        QVERIFY(response);
        QCOMPARE(response->status, 202);
        QVERIFY(response->body.contains("customModelDeploymentArn"));
        QVERIFY(m_simulator->store().findDeployment(QStringLiteral("split-dep")));
    }

    void expectContinueGetsAnInterimAnswer()
    {
        const QByteArray body = "{\"modelDeploymentName\":\"continued-dep\",\"modelArn\":\"" + anActiveModelArn() + "\"}";
        RawClient client;
        QVERIFY(client.connectTo(m_simulator->port()));
        client.send("POST /model-customization/custom-model-deployments HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
                    "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n");
        QTRY_VERIFY_WITH_TIMEOUT(client.buffer().startsWith("HTTP/1.1 100 Continue\r\n\r\n"), 5000);
        client.buffer().remove(0, 25);
        client.send(body);
        const auto response = client.read();
        QVERIFY(response);
        QCOMPARE(response->status, 202);
    }

    void keepAliveServesManyRequestsOnOneConnection()
    {
        RawClient client;
        QVERIFY(client.connectTo(m_simulator->port()));
        for (int i = 0; i < 5; ++i) {
            client.send("GET /model-customization/custom-model-deployments?maxResults=1 HTTP/1.1\r\nHost: x\r\n\r\n");
            const auto response = client.read();
            QVERIFY(response);
            QCOMPARE(response->status, 200);
            QCOMPARE(response->headers.value("connection"), QByteArray("keep-alive"));
        }
        QCOMPARE(client.socket().state(), QAbstractSocket::ConnectedState);
        QCOMPARE(m_simulator->acceptedConnections(), 1);
    }

    void pipelinedRequestsAreAnsweredInOrder()
    {
        // A bare HttpServer whose handler answers "/slow" after a timer and "/fast" at once:
        // the answers must still leave in the order the requests came.
        HttpServer server([](const SimRequest &request, Responder responder) {
            SimResponse response = SimResponse::json(200, request.target);
            if (request.target.startsWith("/slow")) {
                QTimer::singleShot(50, [responder, response] { responder(response); });
            } else {
                responder(response);
            }
        });
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        RawClient client;
        QVERIFY(client.connectTo(server.port()));
        client.send("GET /slow/1 HTTP/1.1\r\nHost: x\r\n\r\nGET /fast/2 HTTP/1.1\r\nHost: x\r\n\r\n"
                    "GET /slow/3 HTTP/1.1\r\nHost: x\r\n\r\nGET /fast/4 HTTP/1.1\r\nHost: x\r\n\r\n");
        for (const QByteArray expected : {"/slow/1", "/fast/2", "/slow/3", "/fast/4"}) {
            const auto response = client.read();
            QVERIFY(response);
            QCOMPARE(response->body, expected);
        }
    }

    void connectionCloseIsHonoured()
    {
        RawClient client;
        QVERIFY(client.connectTo(m_simulator->port()));
        client.send("GET /custom-models?maxResults=1 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                    "GET /custom-models HTTP/1.1\r\nHost: x\r\n\r\n");
        const auto response = client.read();
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        QCOMPARE(response->headers.value("connection"), QByteArray("close"));
        QVERIFY(client.waitForDisconnect());
        QVERIFY(!client.read(200));   // the request after "close" is not answered
    }

    void manyConnectionsAtOnce()
    {
        std::vector<std::unique_ptr<RawClient>> clients;
        for (int i = 0; i < 40; ++i) {
            clients.push_back(std::make_unique<RawClient>());
            QVERIFY(clients.back()->connectTo(m_simulator->port()));
        }
        for (auto &client : clients) {
            client->send("GET /model-customization/custom-model-deployments?maxResults=5 HTTP/1.1\r\nHost: x\r\n\r\n");
        }
        for (auto &client : clients) {
            const auto response = client->read();
            QVERIFY(response);
            QCOMPARE(response->status, 200);
        }
        QCOMPARE(m_simulator->acceptedConnections(), 40);
    }

    void everyResponseHasDateAndRequestId()
    {
        RawClient client;
        QVERIFY(client.connectTo(m_simulator->port()));
        QSet<QByteArray> requestIds;
        for (const QByteArray &target : {QByteArray("/custom-models"), QByteArray("/no/such/operation"),
                                         QByteArray("/model-customization/custom-model-deployments?maxResults=0")}) {
            client.send("GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n");
            const auto response = client.read();
            QVERIFY(response);
            const QByteArray date = response->headers.value("date");
            const QDateTime parsed = QLocale::c().toDateTime(QString::fromLatin1(date),
                                                             QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"));
            QVERIFY2(parsed.isValid(), date.constData());
            const QByteArray requestId = response->headers.value("x-amzn-requestid");
            QVERIFY2(!QUuid::fromString(QLatin1String(requestId)).isNull(), requestId.constData());
            requestIds.insert(requestId);
            QCOMPARE(response->headers.value("content-type"), QByteArray("application/json"));
        }
        QCOMPARE(requestIds.size(), 3);
    }

    void dateFollowsTheSimulatorClock()
    {
        m_simulator->clock().setFixedTime(outcrop::aws::utcDateTime(QDate(2025, 8, 1), QTime(9, 15, 30)));
        RawClient client;
        QVERIFY(client.connectTo(m_simulator->port()));
        client.send("GET /custom-models HTTP/1.1\r\nHost: x\r\n\r\n");
        const auto response = client.read();
        QVERIFY(response);
        QCOMPARE(response->headers.value("date"), QByteArray("Fri, 01 Aug 2025 09:15:30 GMT"));
    }

    void unknownOperationIs404()
    {
        RawClient client;
        QVERIFY(client.connectTo(m_simulator->port()));
        client.send("PUT /model-customization/custom-model-deployments HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");
        const auto response = client.read();
        QVERIFY(response);
        QCOMPARE(response->status, 404);
        QCOMPARE(response->headers.value("x-amzn-errortype"), QByteArray("UnknownOperationException"));
    }

    void malformedRequestGets400AndClose()
    {
        RawClient client;
        QVERIFY(client.connectTo(m_simulator->port()));
        client.send("NONSENSE\r\n\r\n");
        const auto response = client.read();
        QVERIFY(response);
        QCOMPARE(response->status, 400);
        QVERIFY(client.waitForDisconnect());
    }

    void chunkedBodyIsRefused()
    {
        RawClient client;
        QVERIFY(client.connectTo(m_simulator->port()));
        client.send("POST /model-customization/custom-model-deployments HTTP/1.1\r\nHost: x\r\n"
                    "Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n");
        const auto response = client.read();
        QVERIFY(response);
        QCOMPARE(response->status, 501);
        QVERIFY(client.waitForDisconnect());
    }

    void pathIsDecodedExactlyOnce()
    {
        const StoredDeployment *any = m_simulator->store().deploymentsByCreation().front().get();
        const QByteArray encodedOnce = any->data.arn.toUtf8().toPercentEncoding();
        QVERIFY(encodedOnce.contains("%3A") && encodedOnce.contains("%2F"));
        QByteArray encodedTwice = encodedOnce;
        encodedTwice.replace('%', "%25");

        RawClient client;
        QVERIFY(client.connectTo(m_simulator->port()));
        client.send("GET /model-customization/custom-model-deployments/" + encodedOnce + " HTTP/1.1\r\nHost: x\r\n\r\n");
        auto response = client.read();
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        QCOMPARE(QJsonDocument::fromJson(response->body).object().value(QStringLiteral("customModelDeploymentArn")).toString(),
                 any->data.arn);

        // Decoded once, "%253A" is "%3A": an identifier that still contains '%' is not found.
        client.send("GET /model-customization/custom-model-deployments/" + encodedTwice + " HTTP/1.1\r\nHost: x\r\n\r\n");
        response = client.read();
        QVERIFY(response);
        QCOMPARE(response->status, 404);
        QCOMPARE(response->headers.value("x-amzn-errortype"), QByteArray("ResourceNotFoundException"));

        // By name, too.
        client.send("GET /model-customization/custom-model-deployments/" + any->data.name.toUtf8() + " HTTP/1.1\r\nHost: x\r\n\r\n");
        response = client.read();
        QVERIFY(response);
        QCOMPARE(response->status, 200);
    }

private:
    QByteArray anActiveModelArn() const
    {
        for (const auto &model : m_simulator->store().customModelsByCreation()) {
            if (model->data.modelStatus == QLatin1String("Active")) {
                return model->data.arn.toUtf8();
            }
        }
        return {};
    }

    std::unique_ptr<Simulator> m_simulator;
};

QTEST_GUILESS_MAIN(TestSimHttp)
#include "tst_simhttp.moc"
