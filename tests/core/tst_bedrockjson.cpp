// SPDX-License-Identifier: Apache-2.0
#include "bedrock/bedrockjson.h"

#include "aws/utctime.h"

#include <QTest>

using namespace outcrop::bedrock;

namespace {
const QByteArray kArn = QByteArrayLiteral("arn:aws:bedrock:us-west-2:123456789012:custom-model-deployment/abcdef123456");
}

class TestBedrockJson : public QObject
{
    Q_OBJECT

private slots:
    void pageWithUnknownStatusAndFields()
    {
        const QByteArray json = R"({"modelDeploymentSummaries":[
            {"customModelDeploymentArn":"arn:aws:bedrock:us-west-2:123456789012:custom-model-deployment/abcdef123456",
             "customModelDeploymentName":"prod-1","modelArn":"arn:aws:bedrock:us-west-2:123456789012:custom-model/imported/abcdefghijkl",
             "createdAt":"2025-07-20T10:11:12.123Z","status":"Deleting","lastUpdatedAt":"2025-07-21T00:00:00+02:00",
             "someFutureField":{"x":1}},
            {"customModelDeploymentArn":"arn:aws:bedrock:us-west-2:123456789012:custom-model-deployment/bbbbbbbbbbbb",
             "customModelDeploymentName":"prod-2","modelArn":"m","createdAt":"2025-07-20T10:11:12Z","status":"FAILED",
             "failureMessage":"quota, \u0022exceeded\u0022\nretry"}],
            "nextToken":"abc+/="})";
        DeploymentPage page;
        QString error;
        QVERIFY2(BedrockJson::parseDeploymentPage(json, &page, &error), qPrintable(error));
        QCOMPARE(page.deployments.size(), 2);
        QCOMPARE(page.nextToken, QStringLiteral("abc+/="));
        const DeploymentSummary &first = page.deployments.at(0);
        QCOMPARE(first.name, QStringLiteral("prod-1"));
        QCOMPARE(first.statusText, QStringLiteral("Deleting"));   // kept as it came
        QCOMPARE(first.status, DeploymentStatus::Unknown);
        QVERIFY(isTransitional(first.statusText));
        QCOMPARE(first.createdAt, outcrop::aws::utcDateTime(QDate(2025, 7, 20), QTime(10, 11, 12, 123)));
        QCOMPARE(first.lastUpdatedAt, outcrop::aws::utcDateTime(QDate(2025, 7, 20), QTime(22, 0)));
        QCOMPARE(first.accountId(), QStringLiteral("123456789012"));
        QCOMPARE(first.region(), QStringLiteral("us-west-2"));
        QCOMPARE(page.deployments.at(1).status, DeploymentStatus::Failed);
        QCOMPARE(page.deployments.at(1).failureMessage, QStringLiteral("quota, \"exceeded\"\nretry"));
        QVERIFY(!page.deployments.at(1).lastUpdatedAt.isValid());
    }

    void lastPageHasNoToken()
    {
        for (const QByteArray &json : { QByteArrayLiteral(R"({"modelDeploymentSummaries":[]})"),
                                        QByteArrayLiteral(R"({"modelDeploymentSummaries":[],"nextToken":null})"),
                                        QByteArrayLiteral(R"({"nextToken":""})") }) {
            DeploymentPage page;
            page.nextToken = QStringLiteral("stale");
            QString error;
            QVERIFY2(BedrockJson::parseDeploymentPage(json, &page, &error), qPrintable(error));
            QVERIFY(page.nextToken.isEmpty());
            QVERIFY(page.deployments.isEmpty());
        }
    }

    void errorsNameTheField_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not json") << QByteArrayLiteral("<html>502</html>") << QStringLiteral("not valid JSON");
        QTest::newRow("truncated") << QByteArrayLiteral("{\"modelDeploymentSummaries\":[{\"customModel")
                                   << QStringLiteral("not valid JSON");
        QTest::newRow("array") << QByteArrayLiteral("[]") << QStringLiteral("not a JSON object");
        QTest::newRow("missing name")
            << QByteArrayLiteral(R"({"modelDeploymentSummaries":[{"customModelDeploymentArn":"a","modelArn":"m","createdAt":"2025-07-20T10:11:12Z","status":"Active"}]})")
            << QStringLiteral("modelDeploymentSummaries[0].customModelDeploymentName");
        QTest::newRow("epoch time")
            << QByteArrayLiteral(R"({"modelDeploymentSummaries":[{"customModelDeploymentArn":"a","customModelDeploymentName":"n","modelArn":"m","createdAt":1753000000,"status":"Active"}]})")
            << QStringLiteral("modelDeploymentSummaries[0].createdAt");
        QTest::newRow("no zone")
            << QByteArrayLiteral(R"({"modelDeploymentSummaries":[{"customModelDeploymentArn":"a","customModelDeploymentName":"n","modelArn":"m","createdAt":"2025-07-20T10:11:12","status":"Active"}]})")
            << QStringLiteral("modelDeploymentSummaries[0].createdAt");
        QTest::newRow("list not array") << QByteArrayLiteral(R"({"modelDeploymentSummaries":{}})")
                                        << QStringLiteral("modelDeploymentSummaries");
        QTest::newRow("token not string") << QByteArrayLiteral(R"({"nextToken":5})") << QStringLiteral("nextToken");
    }

    void errorsNameTheField()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        DeploymentPage page;
        QString error;
        QVERIFY(!BedrockJson::parseDeploymentPage(json, &page, &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
    }

    void detailUsesTheGetNameKey()
    {
        const QByteArray json = R"({"customModelDeploymentArn":"arn:aws:bedrock:us-east-1:123456789012:custom-model-deployment/abcdef123456",
            "modelDeploymentName":"my-dep","modelArn":"arn:x","createdAt":"2025-07-20T10:11:12.000Z","status":"Creating",
            "description":"d","updateDetails":{"modelArn":"arn:y","updateStatus":"Updating"}})";
        DeploymentDetail detail;
        QString error;
        QVERIFY2(BedrockJson::parseDeploymentDetail(json, &detail, &error), qPrintable(error));
        QCOMPARE(detail.summary.name, QStringLiteral("my-dep"));
        QCOMPARE(detail.summary.status, DeploymentStatus::Creating);
        QCOMPARE(detail.description, QStringLiteral("d"));
        QVERIFY(detail.hasUpdateDetails);
        QCOMPARE(detail.updateDetails.updateStatus, QStringLiteral("Updating"));

        const QByteArray summaryKey = R"({"customModelDeploymentArn":"a","customModelDeploymentName":"my-dep","modelArn":"m","createdAt":"2025-07-20T10:11:12Z","status":"Active"})";
        QVERIFY(!BedrockJson::parseDeploymentDetail(summaryKey, &detail, &error));
        QVERIFY2(error.contains(QLatin1String("modelDeploymentName")), qPrintable(error));
    }

    void tagLists()
    {
        QList<Tag> tags{{QStringLiteral("stale"), {}}};
        QString error;
        QVERIFY2(BedrockJson::parseTagList(R"({"tags":[{"key":"team","value":"qa"},{"key":"empty","value":""}]})", &tags, &error),
                 qPrintable(error));
        QCOMPARE(tags, (QList<Tag>{{QStringLiteral("team"), QStringLiteral("qa")}, {QStringLiteral("empty"), QString()}}));
        // No tags member (or null): no tags, and nothing left from before.
        QVERIFY(BedrockJson::parseTagList("{}", &tags, &error));
        QVERIFY(tags.isEmpty());
        QVERIFY(BedrockJson::parseTagList(R"({"tags":null})", &tags, &error));
        QVERIFY(!BedrockJson::parseTagList(R"({"tags":{"team":"qa"}})", &tags, &error));
        QVERIFY2(error.contains(QLatin1String("tags")), qPrintable(error));
        QVERIFY(!BedrockJson::parseTagList(R"({"tags":[{"key":"a","value":"1"},{"key":"b"}]})", &tags, &error));
        QVERIFY2(error.contains(QLatin1String("tags[1].value")), qPrintable(error));
        QVERIFY(!BedrockJson::parseTagList("not json", &tags, &error));
    }

    void deploymentArnReply()
    {
        QString arn;
        QString error;
        QVERIFY(BedrockJson::parseDeploymentArn(R"({"customModelDeploymentArn":"arn:x"})", &arn, &error));
        QCOMPARE(arn, QStringLiteral("arn:x"));
        QVERIFY(!BedrockJson::parseDeploymentArn("{}", &arn, &error));
        QVERIFY2(error.contains(QLatin1String("customModelDeploymentArn")), qPrintable(error));
    }

    void customModels()
    {
        const QByteArray json = R"({"modelSummaries":[{"modelArn":"arn:m1","modelName":"Support bot","creationTime":"2025-07-20T10:11:12Z","baseModelArn":"arn:b"}],"nextToken":"t"})";
        CustomModelPage page;
        QString error;
        QVERIFY2(BedrockJson::parseCustomModelPage(json, &page, &error), qPrintable(error));
        QCOMPARE(page.models.size(), 1);
        QCOMPARE(page.models.first().name, QStringLiteral("Support bot"));
        QCOMPARE(page.nextToken, QStringLiteral("t"));
        CustomModel model;
        QVERIFY(!BedrockJson::parseCustomModel(QByteArrayLiteral(R"({"modelArn":"arn:m1"})"), &model, &error));
        QVERIFY2(error.contains(QLatin1String("modelName")), qPrintable(error));
        QCOMPARE(shortNameFromArn(QString::fromLatin1(kArn)), QStringLiteral("abcdef123456"));
    }
};

QTEST_GUILESS_MAIN(TestBedrockJson)
#include "tst_bedrockjson.moc"
