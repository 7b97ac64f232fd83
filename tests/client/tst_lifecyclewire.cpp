// SPDX-License-Identifier: Apache-2.0
// The lifecycle calls as they go on the wire (method, path, content type, JSON members with the
// API's spelling, resourceARN included), and Create's body, token and all, sent again unchanged
// when the first attempt fails.
#include "../support/capturinghttpserver.h"
#include "clientharness.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTest>

using namespace outcrop;
using namespace outcrop::bedrock;
using outcrop::aws::AwsError;

namespace {

const QString kModelArn =
    QStringLiteral("arn:aws:bedrock:us-east-1:123456789012:custom-model/amazon.nova-micro-v1:0:128k/abcdefghijkl");
const QString kDeploymentArn = QStringLiteral("arn:aws:bedrock:us-east-1:123456789012:custom-model-deployment/abcdef123456");

QByteArray reply(int status, const QByteArray &reason, const QByteArray &body, const QByteArray &errorType = {})
{
    QByteArray bytes = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\nContent-Type: application/json\r\n";
    if (!errorType.isEmpty()) {
        bytes += "x-amzn-ErrorType: " + errorType + "\r\n";
    }
    return bytes + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

const QByteArray kCreated = reply(202, "Accepted", "{\"customModelDeploymentArn\":\"" + kDeploymentArn.toUtf8() + "\"}");
const QByteArray kEmpty = reply(200, "OK", "{}");

// A BedrockClient talking to a CapturingHttpServer with its scripted replies.
struct WireHarness
{
    explicit WireHarness(QList<CapturingHttpServer::Reply> script)
        : server(std::move(script))
        , auth(testing::documentationAuth())
    {
        aws::AwsClientConfig config;
        config.endpoint = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.port()));
        config.region = QStringLiteral("us-east-1");
        config.retry.transientBaseMs = 1;
        awsClient = std::make_unique<aws::AwsClient>(&network, &auth, config);
        client = std::make_unique<BedrockClient>(awsClient.get());
    }

    // Runs one call; returns its error (None on success).
    AwsError run(const std::function<void(QObject *, BedrockClient::DoneNoResult)> &start)
    {
        AwsError outcome;
        bool finished = false;
        QObject context;
        start(&context, [&](const AwsError &error) {
            outcome = error;
            finished = true;
        });
        if (!QTest::qWaitFor([&] { return finished; }, 10000)) {
            outcome = AwsError::make(AwsError::Kind::Timeout, QStringLiteral("the test waited in vain"));
        }
        return outcome;
    }

    QByteArray header(int request, const QByteArray &lowerName) const
    {
        for (const QByteArray &line : server.requestHeads().value(request).split('\n')) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed().toLower() == lowerName) {
                return line.mid(colon + 1).trimmed();
            }
        }
        return {};
    }
    QJsonObject body(int request) const { return QJsonDocument::fromJson(server.requestBodies().value(request)).object(); }

    CapturingHttpServer server;
    QNetworkAccessManager network;
    aws::StaticAuthProvider auth;
    std::unique_ptr<aws::AwsClient> awsClient;
    std::unique_ptr<BedrockClient> client;
};

} // namespace

class TestLifecycleWire : public QObject
{
    Q_OBJECT

private slots:
    void createIsSentAgainByteForByteAfterAFailedAttempt_data()
    {
        QTest::addColumn<QString>("token");
        QTest::newRow("the dialog's token") << newClientRequestToken();
        QTest::newRow("no token: one made for the call") << QString();
    }

    void createIsSentAgainByteForByteAfterAFailedAttempt()
    {
        QFETCH(QString, token);
        WireHarness wire({{reply(500, "Internal Server Error", "{\"message\":\"try again\"}", "InternalServerException"), false},
                          {kCreated, false}});
        CreateDeploymentRequest request{QStringLiteral("my-dep"), kModelArn, {}, {}, token};
        QString arn;
        const AwsError error = wire.run([&](QObject *context, BedrockClient::DoneNoResult done) {
            wire.client->createDeployment(request, context, [&arn, done](const QString &result, const AwsError &e) {
                arn = result;
                done(e);
            });
        });
        QVERIFY2(!error.isError(), qPrintable(error.userMessage()));
        QCOMPARE(arn, kDeploymentArn);
        QCOMPARE(wire.server.requestBodies().size(), 2);
        QCOMPARE(wire.server.requestBodies().at(1), wire.server.requestBodies().at(0));
        for (int i = 0; i < 2; ++i) {
            QCOMPARE(wire.server.requestLine(i), QByteArray("POST /model-customization/custom-model-deployments HTTP/1.1"));
            QCOMPARE(wire.header(i, "content-type"), QByteArray("application/json"));
        }
        const QJsonObject body = wire.body(0);
        // No description and no tags when there are none.
        QCOMPARE(body.keys(), (QStringList{QStringLiteral("clientRequestToken"), QStringLiteral("modelArn"),
                                           QStringLiteral("modelDeploymentName")}));
        QCOMPARE(body.value(QStringLiteral("modelDeploymentName")).toString(), QStringLiteral("my-dep"));
        QCOMPARE(body.value(QStringLiteral("modelArn")).toString(), kModelArn);
        const QString sentToken = body.value(QStringLiteral("clientRequestToken")).toString();
        if (token.isEmpty()) {
            QVERIFY2(validateClientRequestToken(sentToken).isEmpty(), qPrintable(sentToken));
        } else {
            QCOMPARE(sentToken, token);
        }
    }

    void createWithDescriptionAndTags()
    {
        WireHarness wire({{kCreated, false}});
        CreateDeploymentRequest request{QStringLiteral("my-dep"), kModelArn, QStringLiteral("für Tests"),
                                        {{QStringLiteral("team"), QStringLiteral("qa")}, {QStringLiteral("empty"), {}}},
                                        newClientRequestToken()};
        const AwsError error = wire.run([&](QObject *context, BedrockClient::DoneNoResult done) {
            wire.client->createDeployment(request, context, [done](const QString &, const AwsError &e) { done(e); });
        });
        QVERIFY2(!error.isError(), qPrintable(error.userMessage()));
        const QJsonObject body = wire.body(0);
        QCOMPARE(body.value(QStringLiteral("description")).toString(), QStringLiteral("für Tests"));
        const QJsonArray expectedTags{QJsonObject{{QStringLiteral("key"), QStringLiteral("team")}, {QStringLiteral("value"), QStringLiteral("qa")}},
                                      QJsonObject{{QStringLiteral("key"), QStringLiteral("empty")}, {QStringLiteral("value"), QString()}}};
        QCOMPARE(body.value(QStringLiteral("tags")).toArray(), expectedTags);
    }

    void updateIsAPatchOfTheModelArn()
    {
        WireHarness wire({{kCreated, false}});
        const AwsError error = wire.run([&](QObject *context, BedrockClient::DoneNoResult done) {
            wire.client->updateDeployment(kDeploymentArn, kModelArn, context,
                                          [done](const QString &, const AwsError &e) { done(e); });
        });
        QVERIFY2(!error.isError(), qPrintable(error.userMessage()));
        QCOMPARE(wire.server.requestLine(0),
                 QByteArray("PATCH /model-customization/custom-model-deployments/"
                            "arn%3Aaws%3Abedrock%3Aus-east-1%3A123456789012%3Acustom-model-deployment%2Fabcdef123456 HTTP/1.1"));
        QCOMPARE(wire.body(0), (QJsonObject{{QStringLiteral("modelArn"), kModelArn}}));
    }

    void tagOperationsUseResourceArnSpelling()
    {
        WireHarness wire({{reply(200, "OK", "{\"tags\":[{\"key\":\"team\",\"value\":\"qa\"}]}"), false}, {kEmpty, false}});
        QList<Tag> listed;
        AwsError error = wire.run([&](QObject *context, BedrockClient::DoneNoResult done) {
            wire.client->listTags(kDeploymentArn, context, [&listed, done](const QList<Tag> &tags, const AwsError &e) {
                listed = tags;
                done(e);
            });
        });
        QVERIFY2(!error.isError(), qPrintable(error.userMessage()));
        QCOMPARE(listed, (QList<Tag>{{QStringLiteral("team"), QStringLiteral("qa")}}));
        error = wire.run([&](QObject *context, BedrockClient::DoneNoResult done) {
            wire.client->tagResource(kDeploymentArn, {{QStringLiteral("k"), QStringLiteral("v")}}, context, done);
        });
        QVERIFY(!error.isError());
        error = wire.run([&](QObject *context, BedrockClient::DoneNoResult done) {
            wire.client->untagResource(kDeploymentArn, {QStringLiteral("k"), QStringLiteral("other")}, context, done);
        });
        QVERIFY(!error.isError());

        QCOMPARE(wire.server.requestLine(0), QByteArray("POST /listTagsForResource HTTP/1.1"));
        QCOMPARE(wire.body(0), (QJsonObject{{QStringLiteral("resourceARN"), kDeploymentArn}}));
        QCOMPARE(wire.server.requestLine(1), QByteArray("POST /tagResource HTTP/1.1"));
        QCOMPARE(wire.body(1), (QJsonObject{{QStringLiteral("resourceARN"), kDeploymentArn},
                                            {QStringLiteral("tags"), QJsonArray{QJsonObject{{QStringLiteral("key"), QStringLiteral("k")},
                                                                                            {QStringLiteral("value"), QStringLiteral("v")}}}}}));
        QCOMPARE(wire.server.requestLine(2), QByteArray("POST /untagResource HTTP/1.1"));
        QCOMPARE(wire.body(2), (QJsonObject{{QStringLiteral("resourceARN"), kDeploymentArn},
                                            {QStringLiteral("tagKeys"), QJsonArray{QStringLiteral("k"), QStringLiteral("other")}}}));
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(wire.header(i, "content-type"), QByteArray("application/json"));
        }
    }

    void aReplyWithoutTheArnIsABadReply()
    {
        // Three attempts (a body the client cannot read is retried), then a BadReply naming the field.
        WireHarness wire({{reply(202, "Accepted", "{}"), false}});
        const AwsError error = wire.run([&](QObject *context, BedrockClient::DoneNoResult done) {
            wire.client->createDeployment({QStringLiteral("my-dep"), kModelArn, {}, {}, {}}, context,
                                          [done](const QString &, const AwsError &e) { done(e); });
        });
        QCOMPARE(error.kind, AwsError::Kind::BadReply);
        QVERIFY2(error.userMessage().contains(QLatin1String("customModelDeploymentArn")), qPrintable(error.userMessage()));
        QVERIFY(!error.userMessage().contains(QLatin1String("wJalrXUtnFEMI")));
    }
};

QTEST_GUILESS_MAIN(TestLifecycleWire)
#include "tst_lifecyclewire.moc"
