// SPDX-License-Identifier: Apache-2.0
// The fast page reader against a reference built on QJsonDocument (the checked path's rules,
// written out again here): whatever the fast reader accepts, it must read exactly as the
// reference does; whatever it declines, BedrockJson::parseDeploymentPage still reads right.
#include "../support/jsondamage.h"

#include "bedrock/bedrockjson.h"
#include "bedrock/deploymentpagereader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

using namespace outcrop::bedrock;

namespace {

bool referenceString(const QJsonObject &object, const char *key, bool required, QString *value)
{
    const QJsonValue field = object.value(QLatin1String(key));
    if (field.isString()) {
        *value = field.toString();
        return true;
    }
    return !required && (field.isNull() || field.isUndefined());
}

bool referenceTime(const QJsonObject &object, const char *key, bool required, QDateTime *time)
{
    QString text;
    if (!referenceString(object, key, required, &text)) {
        return false;
    }
    *time = text.isEmpty() ? QDateTime() : BedrockJson::parseTimestamp(text);
    return text.isEmpty() || time->isValid();
}

// The meaning of a page as QJsonDocument sees it; false where the checked path reports an error.
bool referencePage(const QByteArray &json, DeploymentPage *page)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        return false;
    }
    const QJsonObject object = document.object();
    const QJsonValue list = object.value(QLatin1String("modelDeploymentSummaries"));
    if (!list.isArray() && !list.isNull() && !list.isUndefined()) {
        return false;
    }
    for (const QJsonValue &value : list.toArray()) {
        if (!value.isObject()) {
            return false;
        }
        const QJsonObject row = value.toObject();
        DeploymentSummary summary;
        if (!referenceString(row, "customModelDeploymentArn", true, &summary.arn)
            || !referenceString(row, "customModelDeploymentName", true, &summary.name)
            || !referenceString(row, "modelArn", true, &summary.modelArn)
            || !referenceTime(row, "createdAt", true, &summary.createdAt)
            || !referenceString(row, "status", true, &summary.statusText)
            || !referenceTime(row, "lastUpdatedAt", false, &summary.lastUpdatedAt)
            || !referenceString(row, "failureMessage", false, &summary.failureMessage)) {
            return false;
        }
        summary.status = deploymentStatusFromText(summary.statusText);
        page->deployments.append(summary);
    }
    return referenceString(object, "nextToken", false, &page->nextToken);
}

QString differences(const DeploymentPage &actual, const DeploymentPage &expected)
{
    if (actual.nextToken != expected.nextToken) {
        return QStringLiteral("nextToken %1 != %2").arg(actual.nextToken, expected.nextToken);
    }
    if (actual.deployments.size() != expected.deployments.size()) {
        return QStringLiteral("%1 rows != %2").arg(actual.deployments.size()).arg(expected.deployments.size());
    }
    for (qsizetype i = 0; i < actual.deployments.size(); ++i) {
        const DeploymentSummary &a = actual.deployments.at(i);
        const DeploymentSummary &e = expected.deployments.at(i);
        const bool same = a.arn == e.arn && a.name == e.name && a.modelArn == e.modelArn && a.statusText == e.statusText
            && a.status == e.status && a.createdAt == e.createdAt && a.lastUpdatedAt == e.lastUpdatedAt
            && a.createdAt.isValid() == e.createdAt.isValid() && a.lastUpdatedAt.isValid() == e.lastUpdatedAt.isValid()
            && a.failureMessage == e.failureMessage;
        if (!same) {
            return QStringLiteral("row %1 differs (%2 / %3)").arg(i).arg(a.arn, e.arn);
        }
    }
    return {};
}

// Rows with what the service really sends, and what it might: escapes, non-ASCII text, offsets,
// nulls, unknown fields of every JSON type but numbers.
// moc cannot read this as a raw string literal.
const QByteArray samplePage = QByteArrayLiteral(
    " {\"modelDeploymentSummaries\" : [\n"
    "  {\"customModelDeploymentArn\":\"arn:aws:bedrock:us-east-1:123456789012:custom-model-deployment/abcdefabcdef\",\n"
    "   \"customModelDeploymentName\":\"prod-1\",\"modelArn\":\"arn:aws:bedrock:us-east-1:123456789012:custom-model/imported/abcdefghijkl\",\n"
    "   \"createdAt\":\"2025-07-20T10:11:12.123Z\",\"status\":\"Active\",\"lastUpdatedAt\":\"2025-07-21T00:00:00.5+02:00\"},\n"
    "  {\"customModelDeploymentArn\":\"arn:aws:bedrock:us-east-1:123456789012:custom-model-deployment/bbbbbbbbbbbb\",\n"
    "   \"customModelDeploymentName\":\"prod-2\",\"modelArn\":\"m\",\"createdAt\":\"2025-07-20t10:11:12z\",\"status\":\"FAILED\",\n"
    "   \"failureMessage\":\"quota, \\\"exceeded\\\" \\u00e9t\\u00E9 \\/ caf\\u00c3\\u00a9 — 日本 😀 \\\\ \\b\\f\\n\\r\\t end\",\n"
    "   \"lastUpdatedAt\":null,\"future\":{\"a\":[true,false,null,\"x\",{}],\"b\":[]}},\n"
    "  {\"customModelDeploymentArn\":\"c\",\"customModelDeploymentName\":\"n\",\"modelArn\":\"m\",\"createdAt\":\"2025-01-01T00:00:00-12:30\",\n"
    "   \"status\":\"Deleting\",\"failureMessage\":null,\"lastUpdatedAt\":\"\"}\n"
    " ],\n"
    " \"nextToken\" : \"abc+/=\\u0041\" }\n");

} // namespace

class TestDeploymentPageReader : public QObject
{
    Q_OBJECT

private slots:
    void readsWhatTheReferenceReads()
    {
        DeploymentPage fast;
        QVERIFY(readDeploymentPageFast(samplePage, &fast));
        DeploymentPage reference;
        QVERIFY(referencePage(samplePage, &reference));
        QCOMPARE(differences(fast, reference), QString());
        QCOMPARE(fast.deployments.size(), 3);
        QCOMPARE(fast.deployments.at(1).failureMessage,
                 QStringLiteral("quota, \"exceeded\" \u00e9t\u00e9 / caf\u00c3\u00a9 \u2014 \u65e5\u672c \U0001F600 \\ \b\f\n\r\t end"));
        QCOMPARE(fast.nextToken, QStringLiteral("abc+/=A"));
    }

    void declinesWhatItLeavesToQJsonDocument_data()
    {
        QTest::addColumn<QByteArray>("json");
        const QByteArray row = R"("customModelDeploymentArn":"a","customModelDeploymentName":"n","modelArn":"m","status":"Active")";
        const auto page = [&row](const QByteArray &extra) -> QByteArray {
            return "{\"modelDeploymentSummaries\":[{" + row + extra + "}]}";
        };
        QTest::newRow("number in an unknown field") << page(R"(,"createdAt":"2025-07-20T10:11:12Z","size":1)");
        QTest::newRow("duplicate key") << page(R"(,"createdAt":"2025-07-20T10:11:12Z","status":"Failed")");
        QTest::newRow("surrogate escape pair") << page(R"(,"createdAt":"2025-07-20T10:11:12Z","failureMessage":"\ud83d\ude00")");
        QTest::newRow("escaped key") << page(R"(,"created\u0041t":"2025-07-20T10:11:12Z")");
        QTest::newRow("control escape") << page(R"(,"createdAt":"2025-07-20T10:11:12Z","failureMessage":"a\u0001")");
        QTest::newRow("byte order mark") << "\xEF\xBB\xBF" + page(R"(,"createdAt":"2025-07-20T10:11:12Z")");
        QTest::newRow("missing createdAt") << page({});
        QTest::newRow("not JSON") << QByteArrayLiteral("<html>502</html>");
        QTest::newRow("garbage after") << page(R"(,"createdAt":"2025-07-20T10:11:12Z")") + "x";
        QTest::newRow("invalid UTF-8") << page(",\"createdAt\":\"2025-07-20T10:11:12Z\",\"failureMessage\":\"\xC0\xAF\"");
        // Found by tests/fuzz/fuzz_deploymentpage: a key followed by another string instead of
        // its colon was taken, the second string read as the key.
        QTest::newRow("expected key without its colon")
            << QByteArray(R"({"modelDeploymentSummaries":[{"customModelDeploymentArn":"a","customModelDeploymentName":"n",)"
                          R"("modelArn":"m","createdAt""createdAt":"2025-07-20T10:11:12Z","status":"Active"}]})");
        QTest::newRow("first key without its colon")
            << QByteArray("{\"modelDeploymentSummaries\":[{\"customModelDeploymentArn\"" + row
                          + ",\"createdAt\":\"2025-07-20T10:11:12Z\"}]}");
    }

    void declinesWhatItLeavesToQJsonDocument()
    {
        QFETCH(QByteArray, json);
        DeploymentPage untouched;
        untouched.nextToken = QStringLiteral("stale");
        QVERIFY(!readDeploymentPageFast(json, &untouched));
        QCOMPARE(untouched.nextToken, QStringLiteral("stale"));
        // The public parser still gives the checked path's answer.
        DeploymentPage parsed;
        QString error;
        DeploymentPage reference;
        const bool referenceOk = referencePage(json, &reference);
        QCOMPARE(BedrockJson::parseDeploymentPage(json, &parsed, &error), referenceOk);
        if (referenceOk) {
            QCOMPARE(differences(parsed, reference), QString());
        } else {
            QVERIFY(!error.isEmpty());
        }
    }

    void timesOffTheFastPathGoToTheFullParser()
    {
        for (const QByteArray &time : {QByteArrayLiteral("2025-07-20T24:00:00Z"), QByteArrayLiteral(" 2025-07-20T10:11:12Z"),
                                      QByteArrayLiteral("2025-07-20T10:11:12.1234567890Z"), QByteArrayLiteral("2025-02-29T10:11:12Z")}) {
            const QByteArray json = "{\"modelDeploymentSummaries\":[{\"customModelDeploymentArn\":\"a\","
                                    "\"customModelDeploymentName\":\"n\",\"modelArn\":\"m\",\"status\":\"Active\","
                                    "\"createdAt\":\"" + time + "\"}]}";
            DeploymentPage fast;
            DeploymentPage reference;
            const bool referenceOk = referencePage(json, &reference);
            QCOMPARE(readDeploymentPageFast(json, &fast), referenceOk);
            if (referenceOk) {
                QCOMPARE(differences(fast, reference), QString());
            }
        }
    }

    // Random damage to the sample page: whenever the fast reader still accepts it, QJsonDocument
    // must accept it too and mean the same.
    void damagedPagesNeverReadDifferently()
    {
        const QByteArray alphabet = QByteArrayLiteral("\"\\{}[],: nul0Z+-T.tu\xC3\xA9\x80\x01/e");
        QRandomGenerator random(20250801);
        int acceptedByBoth = 0;
        int rejectedByBoth = 0;
        for (int round = 0; round < 4000; ++round) {
            const QByteArray json = damagedJson(samplePage, alphabet, random);
            DeploymentPage fast;
            DeploymentPage reference;
            const bool fastOk = readDeploymentPageFast(json, &fast);
            const bool referenceOk = referencePage(json, &reference);
            if (fastOk) {
                QVERIFY2(referenceOk, json.constData());
                const QString difference = differences(fast, reference);
                QVERIFY2(difference.isEmpty(), qPrintable(difference + QLatin1Char('\n') + QString::fromUtf8(json)));
                ++acceptedByBoth;
            } else if (!referenceOk) {
                ++rejectedByBoth;
            }
        }
        // Neither outcome may be vacuous.
        QVERIFY2(acceptedByBoth > 100, qPrintable(QString::number(acceptedByBoth)));
        QVERIFY2(rejectedByBoth > 100, qPrintable(QString::number(rejectedByBoth)));
    }
};

QTEST_GUILESS_MAIN(TestDeploymentPageReader)
#include "tst_deploymentpagereader.moc"
