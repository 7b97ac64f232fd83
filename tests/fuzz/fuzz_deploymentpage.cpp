// SPDX-License-Identifier: Apache-2.0
// The List/Get reply parsers (bedrock/deploymentpagereader.h, bedrock/bedrockjson.h) on arbitrary
// bytes. Besides "never crash", a differential check: whenever the hand-written fast reader takes
// a page, QJsonDocument must read the same rows from it (the fast path promises that the two
// paths cannot disagree on a page's meaning), and the export's raw reader takes exactly the
// same pages with the same rows.
#include "fuzzsupport.h"

#include "bedrock/bedrockjson.h"
#include "bedrock/deploymentpagereader.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>

using namespace outcrop::bedrock;

namespace {

QString stringField(const QJsonObject &row, const char *key)
{
    return row.value(QLatin1String(key)).toString();
}

QDateTime timeField(const QJsonObject &row, const char *key)
{
    const QString text = stringField(row, key);
    return text.isEmpty() ? QDateTime() : BedrockJson::parseTimestamp(text);
}

// What the QJsonDocument path reads from a page the fast path took.
void checkAgainstQJsonDocument(const QByteArray &json, const DeploymentPage &page)
{
    const QJsonDocument document = QJsonDocument::fromJson(json);
    FUZZ_CHECK(document.isObject());
    const QJsonObject object = document.object();
    const QJsonArray rows = object.value(QLatin1String("modelDeploymentSummaries")).toArray();
    FUZZ_CHECK(rows.size() == page.deployments.size());
    for (qsizetype i = 0; i < rows.size(); ++i) {
        FUZZ_CHECK(rows.at(i).isObject());
        const QJsonObject row = rows.at(i).toObject();
        const DeploymentSummary &summary = page.deployments.at(i);
        FUZZ_CHECK(summary.arn == stringField(row, "customModelDeploymentArn"));
        FUZZ_CHECK(summary.name == stringField(row, "customModelDeploymentName"));
        FUZZ_CHECK(summary.modelArn == stringField(row, "modelArn"));
        FUZZ_CHECK(summary.statusText == stringField(row, "status"));
        FUZZ_CHECK(summary.status == deploymentStatusFromText(summary.statusText));
        FUZZ_CHECK(summary.failureMessage == stringField(row, "failureMessage"));
        FUZZ_CHECK(summary.createdAt == timeField(row, "createdAt"));
        FUZZ_CHECK(summary.lastUpdatedAt == timeField(row, "lastUpdatedAt"));
    }
    FUZZ_CHECK(page.nextToken == object.value(QLatin1String("nextToken")).toString());
}

void checkRawPage(const QByteArray &json, const DeploymentPage *fastPage)
{
    RawDeploymentPage raw;
    const bool rawTaken = readRawDeploymentPage(json, &raw);
    FUZZ_CHECK(rawTaken == (fastPage != nullptr));
    if (!rawTaken) {
        return;
    }
    FUZZ_CHECK(raw.rows.size() == fastPage->deployments.size());
    FUZZ_CHECK(raw.nextToken == fastPage->nextToken);
    for (qsizetype i = 0; i < raw.rows.size(); ++i) {
        const RawDeploymentRow &row = raw.rows.at(i);
        const DeploymentSummary &summary = fastPage->deployments.at(i);
        FUZZ_CHECK(row.value(DeploymentField::Arn).decode() == summary.arn);
        FUZZ_CHECK(row.value(DeploymentField::Name).decode() == summary.name);
        FUZZ_CHECK(row.value(DeploymentField::Status).decode() == summary.statusText);
        QDateTime created;
        FUZZ_CHECK(readDeploymentTime(row.value(DeploymentField::CreatedAt), &created));
        FUZZ_CHECK(created == summary.createdAt);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // Not copied: a read one byte past the end (QByteArray's terminator) is caught too.
    const QByteArray json = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));

    DeploymentPage fastPage;
    const bool fastTaken = readDeploymentPageFast(json, &fastPage);
    if (fastTaken) {
        checkAgainstQJsonDocument(json, fastPage);
    }
    checkRawPage(json, fastTaken ? &fastPage : nullptr);

    QString error;
    DeploymentPage page;
    if (!BedrockJson::parseDeploymentPage(json, &page, &error)) {
        FUZZ_CHECK(!error.isEmpty());
        FUZZ_CHECK(!fastTaken);
    }
    error.clear();
    DeploymentDetail detail;
    FUZZ_CHECK(BedrockJson::parseDeploymentDetail(json, &detail, &error) || !error.isEmpty());
    error.clear();
    CustomModelPage models;
    FUZZ_CHECK(BedrockJson::parseCustomModelPage(json, &models, &error) || !error.isEmpty());
    error.clear();
    CustomModel model;
    FUZZ_CHECK(BedrockJson::parseCustomModel(json, &model, &error) || !error.isEmpty());
    // The time parser on its own, with the text as one string.
    BedrockJson::parseTimestamp(QString::fromUtf8(json));
    isCanonicalTime(json.constData(), json.size());
    return 0;
}
