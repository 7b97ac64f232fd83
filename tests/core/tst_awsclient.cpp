// SPDX-License-Identifier: Apache-2.0
// AwsClient's behaviour on replies the simulator does not produce on its own schedule: scripted
// loopback replies, a pinned clock and a fixed random source, so each delay is known exactly.
#include "../support/capturinghttpserver.h"
#include "aws/authprovider.h"
#include "aws/awsclient.h"
#include "aws/utctime.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QTcpServer>
#include <QTcpSocket>
#include <QSignalSpy>
#include <QTest>

using namespace outcrop::aws;
using Reply = CapturingHttpServer::Reply;

namespace {

const QDateTime kLocalNow = utcDateTime(QDate(2025, 8, 1), QTime(9, 15, 30));

QByteArray httpReply(int status, const QByteArray &body, const QByteArray &extraHeaders = {})
{
    return "HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: application/json\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\nx-amzn-RequestId: rid-" + QByteArray::number(status) + "\r\n"
        + extraHeaders + "\r\n" + body;
}

QByteArray errorReply(int status, const QByteArray &type, const QByteArray &message, const QByteArray &extraHeaders = {})
{
    return httpReply(status, R"({"__type":")" + type + R"(","message":")" + message + R"("})",
                     "x-amzn-ErrorType: " + type + "\r\n" + extraHeaders);
}

class CountingAuth final : public AuthProvider
{
public:
    void fetchAuth(QObject *, Callback callback) override
    {
        ++fetches;
        AwsAuth auth;
        auth.credentials.accessKeyId = QStringLiteral("AKIDEXAMPLE");
        auth.credentials.secretAccessKey = QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
        callback(auth, error);
    }
    void invalidate() override { ++invalidations; }
    int fetches = 0;
    int invalidations = 0;
    AwsError error;
};

struct Harness
{
    explicit Harness(QList<Reply> script, int attemptTimeoutMs = 5000)
        : server(std::move(script))
    {
        AwsClientConfig config;
        config.endpoint = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.port()));
        config.region = QStringLiteral("us-east-1");
        config.clock = [] { return kLocalNow; };
        config.attemptTimeoutMs = attemptTimeoutMs;
        // Base delays scaled down so the suite takes milliseconds; the arithmetic is the same.
        config.retry.throttlingBaseMs = 40;
        config.retry.transientBaseMs = 2;
        config.retry.random = [] { return 0.5; };
        client = std::make_unique<AwsClient>(&network, &auth, config);
    }

    AwsCall *run(AwsHttpRequest request = {})
    {
        if (request.operation.isEmpty()) {
            request.operation = QStringLiteral("ListCustomModelDeployments");
            request.target = AwsRequestTarget(QByteArrayLiteral("/model-customization/custom-model-deployments"));
        }
        AwsCall *call = client->send(std::move(request));
        QSignalSpy finished(call, &AwsCall::finished);
        if (!finished.wait(10000)) {
            qWarning("the call did not finish");
        }
        return call;
    }

    CapturingHttpServer server;
    QNetworkAccessManager network;
    CountingAuth auth;
    std::unique_ptr<AwsClient> client;
};

} // namespace

class TestAwsClient : public QObject
{
    Q_OBJECT

private slots:
    void throttlingIsRetriedWithFullJitterBackoff()
    {
        Harness harness({ Reply { errorReply(429, "ThrottlingException", "Rate exceeded") },
                          Reply { errorReply(429, "ThrottlingException", "Rate exceeded") },
                          Reply { httpReply(200, "{}") } });
        AwsCall *call = harness.run();
        QVERIFY2(call->succeeded(), qPrintable(call->error().userMessage()));
        QCOMPARE(call->attempts(), 3);
        // floor(0.5 * min(40 * 2^k, cap)) for k = 0, 1.
        QCOMPARE(call->retryDelays(), (QList<int> { 20, 40 }));
        QCOMPARE(harness.auth.fetches, 3);   // every attempt is signed afresh
        // Two throttling retries cost 5 each; the success refunds the last one.
        QCOMPARE(harness.client->retryQuota().balance(), 500 - 5 - 5 + 5);
        QCOMPARE(harness.server.requestHeads().size(), 3);
        QVERIFY(harness.server.requestHeads().at(2).contains("amz-sdk-request: attempt=3; max=3"));
    }

    void serverErrorsUseTheShortBaseAndGiveUpAfterThreeAttempts()
    {
        Harness harness({ Reply { errorReply(500, "InternalServerException", "boom") } });
        AwsCall *call = harness.run();
        QVERIFY(!call->succeeded());
        QCOMPARE(call->error().kind, AwsError::Kind::InternalServer);
        QCOMPARE(call->attempts(), 3);
        QCOMPARE(call->retryDelays(), (QList<int> { 1, 2 }));
        QCOMPARE(harness.client->retryQuota().balance(), 500 - 14 - 14);   // no success, no refund
        QCOMPARE(call->error().requestId, QStringLiteral("rid-500"));
    }

    void retryAfterIsHonoured()
    {
        Harness harness({ Reply { errorReply(503, "ServiceUnavailableException", "later", "Retry-After: 0.3\r\n") },
                          Reply { httpReply(200, "{}") } });
        AwsCall *call = harness.run();
        QVERIFY(call->succeeded());
        QCOMPARE(call->retryDelays(), (QList<int> { 300 }));
    }

    void clientErrorsAreNotRetried()
    {
        Harness harness({ Reply { errorReply(400, "ValidationException", "maxResults must be at most 1000") },
                          Reply { httpReply(200, "{}") } });
        AwsCall *call = harness.run();
        QCOMPARE(call->error().kind, AwsError::Kind::Validation);
        QCOMPARE(call->attempts(), 1);
        QCOMPARE(harness.server.requestHeads().size(), 1);
    }

    void signatureExpiredAfterASkewCorrectionIsRetriedAtOnceWithTheServersTime()
    {
        // The server's clock is an hour ahead of ours: it rejects the request and tells its time.
        const QByteArray serverDate = "Date: " + formatHttpDate(kLocalNow.addSecs(3600)) + "\r\n";
        Harness harness({ Reply { errorReply(403, "InvalidSignatureException",
                                             "Signature expired: 20250801T091530Z is now earlier than 20250801T101030Z",
                                             serverDate) },
                          Reply { httpReply(200, "{}", serverDate) } });
        AwsCall *call = harness.run();
        QVERIFY2(call->succeeded(), qPrintable(call->error().userMessage()));
        QCOMPARE(call->retryDelays(), (QList<int> { 0 }));
        QCOMPARE(harness.client->clockOffsetMs(), 3600 * 1000);
        QVERIFY(harness.server.requestHeads().at(0).contains("X-Amz-Date: 20250801T091530Z"));
        QVERIFY(harness.server.requestHeads().at(1).contains("X-Amz-Date: 20250801T101530Z"));
    }

    void aCutOffBodyIsRetried()
    {
        QByteArray cut = httpReply(200, R"({"modelDeploymentSummaries":[]})");
        cut.chop(10);   // Content-Length promises more than arrives before the connection closes
        Harness harness({ Reply { cut, true }, Reply { httpReply(200, R"({"modelDeploymentSummaries":[]})") } });
        AwsCall *call = harness.run();
        QVERIFY2(call->succeeded(), qPrintable(call->error().userMessage()));
        QCOMPARE(call->attempts(), 2);
        QCOMPARE(call->body(), QByteArrayLiteral(R"({"modelDeploymentSummaries":[]})"));
    }

    // The body is read as it arrives: a large one that comes in many pieces, and one without a
    // Content-Length (chunked), are handed on whole and in order.
    void bodiesArriveWholeWhateverTheirFraming()
    {
        QByteArray large;
        for (int row = 0; large.size() < 600000; ++row) {
            large += "{\"row\":" + QByteArray::number(row) + "},";
        }
        const QByteArray chunked = QByteArrayLiteral(
            "HTTP/1.1 200 X\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
            "5\r\nhello\r\nF\r\n, chunked world\r\n0\r\n\r\n");
        Harness harness({ Reply { httpReply(200, large) }, Reply { chunked } });
        AwsCall *first = harness.run();
        QVERIFY2(first->succeeded(), qPrintable(first->error().userMessage()));
        QCOMPARE(first->body().size(), large.size());
        QVERIFY(first->body() == large);
        AwsCall *second = harness.run();
        QVERIFY2(second->succeeded(), qPrintable(second->error().userMessage()));
        QCOMPARE(second->body(), QByteArrayLiteral("hello, chunked world"));
    }

    // bodyArrived hears each 2xx body announced by Content-Length once it is whole, before the
    // reply finishes and before acceptBody (which may still refuse it: then again for the retry);
    // never an error reply's body.
    void bodyArrivedHearsEachWholeBodyBeforeItIsChecked()
    {
        Harness harness({ Reply { errorReply(500, "InternalServerException", "later") }, Reply { httpReply(200, "{not json") },
                          Reply { httpReply(200, "{\"a\":1}") } });
        QList<QByteArray> heard;
        QList<QByteArray> checked;
        AwsHttpRequest request;
        request.operation = QStringLiteral("GetCustomModelDeployment");
        request.target = AwsRequestTarget(QByteArrayLiteral("/x"));
        request.bodyArrived = [&](const QByteArray &body) {
            QCOMPARE(checked.size(), heard.size());   // heard before it is checked
            heard.append(body);
        };
        request.acceptBody = [&](const QByteArray &body, QString *error) {
            checked.append(body);
            *error = QStringLiteral("not JSON");
            return !body.startsWith("{not");
        };
        AwsCall *call = harness.run(request);
        QVERIFY2(call->succeeded(), qPrintable(call->error().userMessage()));
        QCOMPARE(call->attempts(), 3);
        QCOMPARE(heard, (QList<QByteArray>{ "{not json", "{\"a\":1}" }));
        QCOMPARE(checked, heard);
    }

    // startNow sends at once, with the provider's ready auth, without waiting for the event loop;
    // the queued start send() arranged then does nothing (one attempt, one request).
    void startNowSendsBeforeReturning()
    {
        Harness harness({ Reply { httpReply(200, "{}") } });
        AwsHttpRequest request;
        request.operation = QStringLiteral("ListCustomModelDeployments");
        request.target = AwsRequestTarget(QByteArrayLiteral("/model-customization/custom-model-deployments"));
        AwsCall *call = harness.client->send(std::move(request));
        QSignalSpy finished(call, &AwsCall::finished);
        call->startNow();
        QCOMPARE(call->attempts(), 1);      // CountingAuth has no ready auth: fetched at once instead
        QCOMPARE(harness.auth.fetches, 1);
        call->startNow();                   // started: nothing
        QVERIFY(finished.wait(10000));
        QVERIFY2(call->succeeded(), qPrintable(call->error().userMessage()));
        QCOMPARE(call->attempts(), 1);
        QCOMPARE(harness.server.requestHeads().size(), 1);

        AwsAuth keys;
        keys.credentials.accessKeyId = QStringLiteral("AKIDREADY");
        keys.credentials.secretAccessKey = QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
        StaticAuthProvider ready(keys);   // has a ready answer
        AwsClient readyClient(&harness.network, &ready, harness.client->config());
        AwsHttpRequest second;
        second.operation = QStringLiteral("ListCustomModelDeployments");
        second.target = AwsRequestTarget(QByteArrayLiteral("/model-customization/custom-model-deployments"));
        AwsCall *readyCall = readyClient.send(std::move(second));
        QSignalSpy readyFinished(readyCall, &AwsCall::finished);
        readyCall->startNow();
        QCOMPARE(readyCall->attempts(), 1);
        QVERIFY(readyFinished.wait(10000));
        QVERIFY(readyCall->succeeded());
        QCOMPARE(harness.server.requestHeads().size(), 2);
        QVERIFY(harness.server.requestHeads().at(1).contains("Credential=AKIDREADY/"));
    }

    // A GET or DELETE without a body goes out as Qt's plain get()/deleteResource(), which starts at
    // once; through sendCustomRequest() Qt would give it an empty upload (sent as
    // "Content-Length: 0") that starts only on the next turn of the event loop. A body keeps its
    // custom request.
    void bodilessRequestsGoOutWithoutAnUpload()
    {
        Harness harness({ Reply { httpReply(200, "{}") } });
        const auto requestOf = [](const QByteArray &method, const QByteArray &body) {
            AwsHttpRequest request;
            request.operation = QStringLiteral("Op");
            request.method = method;
            request.body = body;
            request.target = AwsRequestTarget(QByteArrayLiteral("/model-customization/custom-model-deployments"));
            return request;
        };
        QVERIFY(harness.run(requestOf("GET", {}))->succeeded());
        QVERIFY(harness.run(requestOf("DELETE", {}))->succeeded());
        QVERIFY(harness.run(requestOf("POST", R"({"a":1})"))->succeeded());
        QVERIFY(harness.run(requestOf("PATCH", {}))->succeeded());
        const QList<QByteArray> &heads = harness.server.requestHeads();
        QCOMPARE(heads.size(), 4);
        QVERIFY(heads.at(0).startsWith("GET /model-customization/custom-model-deployments HTTP/1.1"));
        QVERIFY(heads.at(1).startsWith("DELETE /model-customization/custom-model-deployments HTTP/1.1"));
        for (int i : {0, 1}) {
            QVERIFY2(!heads.at(i).toLower().contains("content-length"), heads.at(i).constData());
        }
        QVERIFY(heads.at(2).startsWith("POST "));
        QVERIFY(heads.at(2).toLower().contains("content-length: 7"));
        QCOMPARE(harness.server.requestBodies().at(2), QByteArray(R"({"a":1})"));
        QVERIFY(heads.at(3).startsWith("PATCH "));   // another method without a body: still sent
    }

    void anUnreadableBodyIsRetriedThenReported()
    {
        Harness harness({ Reply { httpReply(200, "{not json") } });
        AwsHttpRequest request;
        request.operation = QStringLiteral("GetCustomModelDeployment");
        request.target = AwsRequestTarget(QByteArrayLiteral("/x"));
        request.acceptBody = [](const QByteArray &body, QString *error) {
            if (body.startsWith("{not")) {
                *error = QStringLiteral("the reply is not valid JSON");
                return false;
            }
            return true;
        };
        AwsCall *call = harness.run(request);
        QCOMPARE(call->error().kind, AwsError::Kind::BadReply);
        QCOMPARE(call->attempts(), 3);
        QVERIFY(call->error().userMessage().contains(QLatin1String("GetCustomModelDeployment")));
    }

    void aHangingServerTimesOut()
    {
        Harness harness({ Reply { QByteArray() } }, 200);
        AwsCall *call = harness.run();
        QCOMPARE(call->error().kind, AwsError::Kind::Timeout);
        QCOMPARE(call->attempts(), 3);   // timeouts are transient
    }

    void cancelStopsEverything()
    {
        Harness harness({ Reply { QByteArray() } }, 60000);
        AwsCall *call = harness.client->send(AwsHttpRequest {});
        QSignalSpy finished(call, &AwsCall::finished);
        QTRY_COMPARE(harness.server.requestHeads().size(), 1);
        call->cancel();
        QCOMPARE(finished.size(), 1);
        QCOMPARE(call->error().kind, AwsError::Kind::Cancelled);
        call->cancel();   // idempotent
        QCOMPARE(finished.size(), 1);
    }

    void expiredTokenInvalidatesCachedCredentials()
    {
        Harness harness({ Reply { errorReply(403, "ExpiredTokenException", "The security token included in the request is expired") } });
        AwsCall *call = harness.run();
        QCOMPARE(call->error().kind, AwsError::Kind::ExpiredToken);
        QCOMPARE(harness.auth.invalidations, 1);
    }

    void credentialErrorsStopTheCallWithoutSending()
    {
        Harness harness({ Reply { httpReply(200, "{}") } });
        harness.auth.error = AwsError::make(AwsError::Kind::Credentials,
                                            QStringLiteral("No credentials found; searched the environment"));
        AwsCall *call = harness.run();
        QCOMPARE(call->error().kind, AwsError::Kind::Credentials);
        QCOMPARE(call->error().operation, QStringLiteral("ListCustomModelDeployments"));
        QCOMPARE(harness.server.requestHeads().size(), 0);
    }

    void redirectsAreErrorsAndNotFollowed()
    {
        Harness harness({ Reply { "HTTP/1.1 301 Moved\r\nLocation: https://elsewhere.example/\r\nContent-Length: 0\r\n\r\n" } });
        AwsCall *call = harness.run();
        QCOMPARE(call->error().kind, AwsError::Kind::Redirect);
        QVERIFY(call->error().userMessage().contains(QLatin1String("https://elsewhere.example/")));
        QCOMPARE(harness.server.requestHeads().size(), 1);
    }

    void aRedirectToASecondListenerNeverReachesIt()
    {
        // The second listener records every connection and every byte it is sent.
        QTcpServer second;
        QVERIFY(second.listen(QHostAddress::LocalHost));
        int connections = 0;
        QByteArray received;
        connect(&second, &QTcpServer::newConnection, &second, [&] {
            while (QTcpSocket *socket = second.nextPendingConnection()) {
                ++connections;
                connect(socket, &QTcpSocket::readyRead, socket, [&received, socket] { received += socket->readAll(); });
            }
        });
        const QByteArray location = "http://127.0.0.1:" + QByteArray::number(second.serverPort()) + "/steal";
        const QByteArray redirect = "HTTP/1.1 307 Temporary Redirect\r\nLocation: " + location + "\r\nContent-Length: 0\r\n\r\n";
        Harness harness({ Reply { redirect } });

        // Control: Qt's default policy follows this redirect and hands the Authorization header
        // on, so the second listener would notice if the client did the same.
        {
            QNetworkAccessManager defaults;
            QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/x").arg(harness.server.port())));
            request.setRawHeader(QByteArrayLiteral("Authorization"), QByteArrayLiteral("AWS4-HMAC-SHA256 control"));
            QNetworkReply *reply = defaults.get(request);
            QTRY_VERIFY_WITH_TIMEOUT(received.contains("Authorization: AWS4-HMAC-SHA256 control"), 10000);
            reply->abort();
            delete reply;
        }
        QCOMPARE(connections, 1);
        received.clear();

        AwsCall *call = harness.run();
        QCOMPARE(call->error().kind, AwsError::Kind::Redirect);
        QVERIFY2(call->error().userMessage().contains(QString::fromLatin1(location)), qPrintable(call->error().userMessage()));
        QVERIFY(call->body().isEmpty());
        // The first listener saw the signed request; the second one nothing at all, even after
        // the event loop has had time to carry out a follow-up (a queued redirect is async).
        QCOMPARE(harness.server.requestHeads().size(), 2);   // the control's request, then the client's
        QVERIFY(harness.server.requestHeads().last().contains("Authorization: AWS4-HMAC-SHA256"));
        QTest::qWait(300);
        QCOMPARE(connections, 1);
        QVERIFY(received.isEmpty());
    }

    void plainHttpToARemoteHostSendsNothing()
    {
        // Everything this manager sends goes to a loopback proxy that records it, so a request to
        // any host would show up there.
        CapturingHttpServer proxy(QByteArrayLiteral("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n{}"));
        QNetworkAccessManager network;
        network.setProxy(QNetworkProxy(QNetworkProxy::HttpProxy, QStringLiteral("127.0.0.1"), proxy.port()));

        // Control: a plain request to the remote host does reach the proxy.
        {
            QNetworkReply *reply = network.get(QNetworkRequest(QUrl(QStringLiteral("http://bedrock.example.com/control"))));
            QSignalSpy finished(reply, &QNetworkReply::finished);
            QVERIFY(finished.wait(10000));
            delete reply;
        }
        QCOMPARE(proxy.requestHeads().size(), 1);

        CountingAuth auth;
        AwsClientConfig config;
        config.endpoint = QUrl(QStringLiteral("http://bedrock.example.com"));
        config.region = QStringLiteral("us-east-1");
        AwsClient client(&network, &auth, config);
        AwsHttpRequest request;
        request.operation = QStringLiteral("ListCustomModelDeployments");
        request.target = AwsRequestTarget(QByteArrayLiteral("/model-customization/custom-model-deployments"));
        AwsCall *call = client.send(std::move(request));
        QSignalSpy finished(call, &AwsCall::finished);
        QVERIFY(finished.wait(10000));
        QCOMPARE(call->error().kind, AwsError::Kind::Configuration);
        QVERIFY2(call->error().userMessage().contains(QLatin1String("http://bedrock.example.com")),
                 qPrintable(call->error().userMessage()));
        QTest::qWait(100);
        QCOMPARE(proxy.requestHeads().size(), 1);   // only the control
        delete call;
    }

    void quotaExhaustionStopsRetries()
    {
        Harness harness({ Reply { errorReply(500, "InternalServerException", "boom") } });
        // 500 tokens pay for 35 transient retries; after that calls fail on their first attempt.
        int retries = 0;
        for (int i = 0; i < 20; ++i) {
            retries += harness.run()->retryDelays().size();
        }
        QCOMPARE(retries, 500 / 14);
        QCOMPARE(harness.client->retryQuota().balance(), 500 % 14);
        QCOMPARE(harness.run()->attempts(), 1);
    }
};

QTEST_GUILESS_MAIN(TestAwsClient)
#include "tst_awsclient.moc"
