// SPDX-License-Identifier: Apache-2.0
// The simulator's authentication: SigV4 requests signed with the project's signer, bearer
// tokens, and every failure answered as AWS does (403 with the AWS error names and wording).
#include "simtestsupport.h"
#include "aws/utctime.h"

using namespace outcrop::sim;
using namespace outcrop::sim::test;
namespace aws = outcrop::aws;

namespace {

const QString listOnlyKey = QStringLiteral("AKIDLISTONLY");
const QString listOnlySecret = QStringLiteral("list/only+secret/KEY");
const QString sessionKey = QStringLiteral("ASIASESSION");
const QString sessionSecret = QStringLiteral("session/secret+KEY");
const QString sessionToken = QStringLiteral("FwoGZXIvYXdzEJr//////////wEaDPsessiontoken==");
const QByteArray bearerToken = "ABSKQmVkcm9ja0FQSUtleS1zaW06c2VjcmV0";

aws::AwsCredentials credentials(const QString &key, const QString &secret, const QString &token = {})
{
    aws::AwsCredentials result;
    result.accessKeyId = key;
    result.secretAccessKey = secret;
    result.sessionToken = token;
    return result;
}

} // namespace

class TestSimAuth : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        SimConfig config;
        config.count = 30;
        config.credentials.append({listOnlyKey, listOnlySecret, {}, {}, {QStringLiteral("ListCustomModelDeployments")}});
        config.credentials.append({sessionKey, sessionSecret, sessionToken, QDateTime::currentDateTimeUtc().addSecs(3600), {}});
        config.bearerTokens.append({QString::fromLatin1(bearerToken), {}});
        m_simulator = std::make_unique<Simulator>(config);
        QVERIFY2(m_simulator->start(), qPrintable(m_simulator->errorString()));
        m_client = std::make_unique<SimClient>(*m_simulator);
        m_client->useSigV4(exampleCredentials());
    }
    void cleanup()
    {
        // No secret ever appears in an answer.
        for (const HttpResult &result : std::as_const(m_results)) {
            for (const QString &secret : {exampleCredentials().secretAccessKey, listOnlySecret, sessionSecret, sessionToken,
                                          QString::fromLatin1(bearerToken)}) {
                QVERIFY2(!result.body.contains(secret.toUtf8()), result.body.constData());
            }
        }
        m_results.clear();
        m_client.reset();
        m_simulator.reset();
    }

    void signedRequestsSucceed()
    {
        QCOMPARE(send("GET", QByteArray(deploymentsPath) + "?maxResults=5&nameContains=a").status, 200);
        // An encoded ARN in the path (signed double-encoded) and a token with + / = in the query.
        const QString arn = m_simulator->store().deploymentsByCreation().front()->data.arn;
        QCOMPARE(send("GET", QByteArray(deploymentsPath) + '/' + arn.toUtf8().toPercentEncoding()).status, 200);
        const QString token = send("GET", QByteArray(deploymentsPath) + "?maxResults=2").json().value(QStringLiteral("nextToken")).toString();
        QCOMPARE(send("GET", QByteArray(deploymentsPath) + "?maxResults=2&nextToken=" + token.toUtf8().toPercentEncoding()).status, 200);
        // A body, with and without x-amz-content-sha256.
        QByteArray modelArn;
        for (const auto &model : m_simulator->store().customModelsByCreation()) {
            if (model->data.modelStatus == QLatin1String("Active")) {
                modelArn = model->data.arn.toUtf8();
            }
        }
        const QByteArray first = "{\"modelDeploymentName\":\"signed-1\",\"modelArn\":\"" + modelArn + "\"}";
        QCOMPARE(send("POST", deploymentsPath, first).status, 202);
        m_client->setSignBody(true);
        QByteArray second = first;
        second.replace("signed-1", "signed-2");
        QCOMPARE(send("POST", deploymentsPath, second).status, 202);
    }

    void missingAuthentication()
    {
        m_client->useNoAuth();
        const HttpResult result = send("GET", deploymentsPath);
        QCOMPARE(result.status, 403);
        QCOMPARE(result.errorType(), QStringLiteral("MissingAuthenticationTokenException"));
    }

    void badSignature()
    {
        m_client->useSigV4(credentials(QStringLiteral("AKIDEXAMPLE"), QStringLiteral("not-the-secret")));
        const HttpResult result = send("GET", deploymentsPath);
        QCOMPARE(result.status, 403);
        QCOMPARE(result.errorType(), QStringLiteral("InvalidSignatureException"));
        QCOMPARE(result.json().value(QStringLiteral("__type")).toString(), QStringLiteral("InvalidSignatureException"));
        QVERIFY(result.message().startsWith(QStringLiteral("The request signature we calculated does not match")));
    }

    void expiredSignature()
    {
        const QDateTime now = outcrop::aws::utcDateTime(QDate(2025, 8, 1), QTime(9, 30, 30));
        m_simulator->clock().setFixedTime(now);
        m_client->setSigningTime(now.addSecs(-15 * 60));
        HttpResult result = send("GET", deploymentsPath);
        QCOMPARE(result.status, 403);
        QCOMPARE(result.errorType(), QStringLiteral("InvalidSignatureException"));
        QCOMPARE(result.message(), QStringLiteral("Signature expired: 20250801T091530Z is now earlier than 20250801T092530Z "
                                                  "(20250801T093030Z - 5 min.)"));
        // The Date header carries the server's time, for the client's skew correction.
        QCOMPARE(result.header("date"), QByteArray("Fri, 01 Aug 2025 09:30:30 GMT"));

        m_client->setSigningTime(now.addSecs(10 * 60));
        result = send("GET", deploymentsPath);
        QCOMPARE(result.errorType(), QStringLiteral("InvalidSignatureException"));
        QVERIFY(result.message().startsWith(QStringLiteral("Signature not yet current: 20250801T094030Z")));

        m_client->setSigningTime(now.addSecs(-4 * 60));   // within 5 minutes
        QCOMPARE(send("GET", deploymentsPath).status, 200);
    }

    void unknownKey()
    {
        m_client->useSigV4(credentials(QStringLiteral("AKIDUNKNOWN"), QStringLiteral("whatever")));
        const HttpResult result = send("GET", deploymentsPath);
        QCOMPARE(result.status, 403);
        QCOMPARE(result.errorType(), QStringLiteral("UnrecognizedClientException"));
        QCOMPARE(result.message(), QStringLiteral("The security token included in the request is invalid."));
    }

    void sessionCredentials()
    {
        m_client->useSigV4(credentials(sessionKey, sessionSecret, sessionToken));
        QCOMPARE(send("GET", deploymentsPath).status, 200);

        m_client->useSigV4(credentials(sessionKey, sessionSecret, QStringLiteral("some-other-token")));
        QCOMPARE(send("GET", deploymentsPath).errorType(), QStringLiteral("UnrecognizedClientException"));

        m_client->useSigV4(credentials(sessionKey, sessionSecret, sessionToken));
        m_simulator->clock().setOffsetMs(2 * 3600 * 1000);   // the server is past the expiry
        m_client->setSigningTime(m_simulator->clock().now());
        const HttpResult result = send("GET", deploymentsPath);
        QCOMPARE(result.status, 403);
        QCOMPARE(result.errorType(), QStringLiteral("ExpiredTokenException"));
        QCOMPARE(result.message(), QStringLiteral("The security token included in the request is expired"));
    }

    void perKeyPermissions()
    {
        m_client->useSigV4(credentials(listOnlyKey, listOnlySecret));
        QCOMPARE(send("GET", deploymentsPath).status, 200);
        const HttpResult result = send("GET", "/custom-models");
        QCOMPARE(result.status, 403);
        QCOMPARE(result.errorType(), QStringLiteral("AccessDeniedException"));
        QVERIFY2(result.message().contains(QStringLiteral("bedrock:ListCustomModels")), qPrintable(result.message()));
        QVERIFY(result.message().contains(listOnlyKey));
    }

    void wrongScope()
    {
        // Signed for another service: the signature may be right, the scope is not.
        const auto response = sendRaw(deploymentsPath, deploymentsPath, QStringLiteral("s3"));
        QVERIFY(response);
        QCOMPARE(response->status, 403);
        QVERIFY(QJsonDocument::fromJson(response->body).object().value(QStringLiteral("message")).toString().contains(QStringLiteral("'bedrock'")));
    }

    void tamperedRequestFailsTheSignature()
    {
        // Sign one query, send another.
        const QByteArray signedTarget = QByteArray(deploymentsPath) + "?maxResults=5";
        auto response = sendRaw(signedTarget, QByteArray(deploymentsPath) + "?maxResults=6");
        QVERIFY(response);
        QCOMPARE(response->headers.value("x-amzn-errortype"), QByteArray("InvalidSignatureException"));
        response = sendRaw(signedTarget, signedTarget);
        QVERIFY(response);
        QCOMPARE(response->status, 200);
    }

    void malformedAuthorization()
    {
        RawClient raw;
        QVERIFY(raw.connectTo(m_simulator->port()));
        raw.send("GET /custom-models HTTP/1.1\r\nHost: x\r\nAuthorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250801/us-east-1/bedrock/aws4_request\r\n\r\n");
        const auto response = raw.read();
        QVERIFY(response);
        QCOMPARE(response->status, 403);
        QCOMPARE(response->headers.value("x-amzn-errortype"), QByteArray("IncompleteSignatureException"));
    }

    void bearerToken_()
    {
        m_client->useBearer(bearerToken);
        QCOMPARE(send("GET", deploymentsPath).status, 200);
        m_client->useBearer("ABSKnot-a-known-key");
        const HttpResult result = send("GET", deploymentsPath);
        QCOMPARE(result.status, 403);
        QCOMPARE(result.errorType(), QStringLiteral("UnrecognizedClientException"));
    }

private:
    // GET `sentTarget` over a raw socket with the SigV4 headers of `signedTarget`.
    std::optional<RawResponse> sendRaw(const QByteArray &signedTarget, const QByteArray &sentTarget,
                                       const QString &service = QStringLiteral("bedrock"))
    {
        const quint16 port = m_simulator->port();
        QByteArray request = "GET " + sentTarget + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(port) + "\r\n";
        for (const aws::HttpHeader &header : sigV4Headers("GET", signedTarget, port, exampleCredentials(), service)) {
            request += header.name + ": " + header.value + "\r\n";
        }
        RawClient raw;
        if (!raw.connectTo(port)) {
            return std::nullopt;
        }
        raw.send(request + "\r\n");
        return raw.read();
    }

    HttpResult send(const QByteArray &method, const QByteArray &target, const QByteArray &body = {})
    {
        HttpResult result = m_client->send(method, target, body);
        m_results.append(result);
        return result;
    }

    std::unique_ptr<Simulator> m_simulator;
    std::unique_ptr<SimClient> m_client;
    QList<HttpResult> m_results;
};

QTEST_GUILESS_MAIN(TestSimAuth)
#include "tst_simauth.moc"
