// SPDX-License-Identifier: Apache-2.0
#include "bedrock/bedrockjson.h"

#include "bedrock/deploymentpagereader.h"
#include "bedrock/deploymentquery.h"
#include "bedrock/rfc3339.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QJsonValue>

namespace outcrop::bedrock {

namespace {

// The translation context "BedrockJson" of this file (a class of its own: lupdate gives tr() calls
// in free functions the namespace as context).
class BedrockJsonTr
{
    Q_DECLARE_TR_FUNCTIONS(BedrockJson)
};

// Reads the fields of one JSON object, remembering the first problem with the name of the field
// and of the object it is in ("modelDeploymentSummaries[3].createdAt").
class FieldReader
{
public:
    FieldReader(const QJsonObject &object, QString where, QString *error)
        : m_object(object)
        , m_where(std::move(where))
        , m_error(error)
    {
    }

    QString requiredString(QLatin1String key) { return string(key, true); }
    QString optionalString(QLatin1String key) { return string(key, false); }

    QDateTime requiredTime(QLatin1String key) { return time(key, true); }
    QDateTime optionalTime(QLatin1String key) { return time(key, false); }

    bool ok() const { return m_ok; }

private:
    QString fieldName(QLatin1String key) const
    {
        return m_where.isEmpty() ? QString(key) : m_where + QLatin1Char('.') + key;
    }

    void fail(const QString &message)
    {
        if (m_ok) {
            m_ok = false;
            *m_error = message;
        }
    }

    QString string(QLatin1String key, bool required)
    {
        const QJsonValue value = m_object.value(key);
        if (value.isString()) {
            return value.toString();
        }
        if (value.isUndefined() || value.isNull()) {
            if (required) {
                fail(BedrockJsonTr::tr("the reply has no %1, which is required").arg(fieldName(key)));
            }
            return {};
        }
        fail(BedrockJsonTr::tr("%1 in the reply is not a string").arg(fieldName(key)));
        return {};
    }

    QDateTime time(QLatin1String key, bool required)
    {
        const QString text = string(key, required);
        if (text.isEmpty()) {
            return {};
        }
        const QDateTime parsed = BedrockJson::parseTimestamp(text);
        if (!parsed.isValid()) {
            fail(BedrockJsonTr::tr("%1 in the reply is \"%2\", not an RFC 3339 time").arg(fieldName(key), text));
        }
        return parsed;
    }

    const QJsonObject &m_object;
    QString m_where;
    QString *m_error;
    bool m_ok = true;
};

bool parseObject(const QByteArray &json, QJsonObject *object, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = BedrockJsonTr::tr("the reply is not valid JSON (%1 at byte %2)")
                     .arg(parseError.errorString())
                     .arg(parseError.offset);
        return false;
    }
    if (!document.isObject()) {
        *error = BedrockJsonTr::tr("the reply is not a JSON object");
        return false;
    }
    *object = document.object();
    return true;
}

bool readSummary(const QJsonObject &object, const QString &where, QLatin1String nameKey, DeploymentSummary *summary,
                 QString *error)
{
    FieldReader reader(object, where, error);
    summary->arn = reader.requiredString(QLatin1String("customModelDeploymentArn"));
    summary->name = reader.requiredString(nameKey);
    summary->modelArn = reader.requiredString(QLatin1String("modelArn"));
    summary->createdAt = reader.requiredTime(QLatin1String("createdAt"));
    summary->statusText = reader.requiredString(QLatin1String("status"));
    summary->lastUpdatedAt = reader.optionalTime(QLatin1String("lastUpdatedAt"));
    summary->failureMessage = reader.optionalString(QLatin1String("failureMessage"));
    summary->status = deploymentStatusFromText(summary->statusText);
    return reader.ok();
}

QString readNextToken(const QJsonObject &object, QString *error, bool *ok)
{
    const QJsonValue token = object.value(QLatin1String("nextToken"));
    if (token.isString() || token.isUndefined() || token.isNull()) {
        return token.toString();
    }
    *error = BedrockJsonTr::tr("nextToken in the reply is not a string");
    *ok = false;
    return {};
}

} // namespace

QDateTime BedrockJson::parseTimestamp(const QString &text)
{
    if (const std::optional<QDateTime> time = parseRfc3339Fast(text.utf16(), text.size(), Rfc3339Shape::Reply)) {
        return *time;
    }
    // parseUserTime also accepts a time without a zone; a reply must carry one (the JS SDK
    // rejects such a value as well).
    const QChar last = text.isEmpty() ? QChar() : text.back();
    const bool hasZone = last == QLatin1Char('Z') || last == QLatin1Char('z')
        || (text.size() > 6 && (text.at(text.size() - 6) == QLatin1Char('+') || text.at(text.size() - 6) == QLatin1Char('-')));
    if (!hasZone || !text.contains(QLatin1Char('T'), Qt::CaseInsensitive)) {
        return {};
    }
    return parseUserTime(text);
}

bool BedrockJson::parseDeploymentPage(const QByteArray &json, DeploymentPage *page, QString *error)
{
    // Well-formed pages take the fast path; anything else comes here, to be decided and worded.
    if (readDeploymentPageFast(json, page)) {
        return true;
    }
    QJsonObject object;
    if (!parseObject(json, &object, error)) {
        return false;
    }
    const QJsonValue list = object.value(QLatin1String("modelDeploymentSummaries"));
    if (!list.isUndefined() && !list.isNull() && !list.isArray()) {
        *error = BedrockJsonTr::tr("modelDeploymentSummaries in the reply is not a list");
        return false;
    }
    const QJsonArray rows = list.toArray();
    page->deployments.clear();
    page->deployments.reserve(rows.size());
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const QString where = QStringLiteral("modelDeploymentSummaries[%1]").arg(i);
        if (!rows.at(i).isObject()) {
            *error = BedrockJsonTr::tr("%1 in the reply is not an object").arg(where);
            return false;
        }
        DeploymentSummary summary;
        if (!readSummary(rows.at(i).toObject(), where, QLatin1String("customModelDeploymentName"), &summary, error)) {
            return false;
        }
        page->deployments.append(std::move(summary));
    }
    bool ok = true;
    page->nextToken = readNextToken(object, error, &ok);
    return ok;
}

bool BedrockJson::parseDeploymentDetail(const QByteArray &json, DeploymentDetail *detail, QString *error)
{
    QJsonObject object;
    if (!parseObject(json, &object, error)) {
        return false;
    }
    // Get names the field modelDeploymentName where List says customModelDeploymentName (bedrock-api.md §3).
    if (!readSummary(object, {}, QLatin1String("modelDeploymentName"), &detail->summary, error)) {
        return false;
    }
    FieldReader reader(object, {}, error);
    detail->description = reader.optionalString(QLatin1String("description"));
    const QJsonValue update = object.value(QLatin1String("updateDetails"));
    detail->hasUpdateDetails = update.isObject();
    if (detail->hasUpdateDetails) {
        FieldReader updateReader(update.toObject(), QStringLiteral("updateDetails"), error);
        detail->updateDetails.modelArn = updateReader.requiredString(QLatin1String("modelArn"));
        detail->updateDetails.updateStatus = updateReader.requiredString(QLatin1String("updateStatus"));
        if (!updateReader.ok()) {
            return false;
        }
    }
    return reader.ok();
}

namespace {
bool readCustomModel(const QJsonObject &object, const QString &where, CustomModel *model, QString *error)
{
    FieldReader reader(object, where, error);
    model->arn = reader.requiredString(QLatin1String("modelArn"));
    model->name = reader.requiredString(QLatin1String("modelName"));
    model->baseModelArn = reader.optionalString(QLatin1String("baseModelArn"));
    model->createdAt = reader.optionalTime(QLatin1String("creationTime"));
    return reader.ok();
}
} // namespace

bool BedrockJson::parseCustomModelPage(const QByteArray &json, CustomModelPage *page, QString *error)
{
    QJsonObject object;
    if (!parseObject(json, &object, error)) {
        return false;
    }
    const QJsonArray rows = object.value(QLatin1String("modelSummaries")).toArray();
    page->models.clear();
    for (qsizetype i = 0; i < rows.size(); ++i) {
        CustomModel model;
        if (!readCustomModel(rows.at(i).toObject(), QStringLiteral("modelSummaries[%1]").arg(i), &model, error)) {
            return false;
        }
        page->models.append(std::move(model));
    }
    bool ok = true;
    page->nextToken = readNextToken(object, error, &ok);
    return ok;
}

bool BedrockJson::parseCustomModel(const QByteArray &json, CustomModel *model, QString *error)
{
    QJsonObject object;
    return parseObject(json, &object, error) && readCustomModel(object, {}, model, error);
}

bool BedrockJson::parseDeploymentArn(const QByteArray &json, QString *arn, QString *error)
{
    QJsonObject object;
    if (!parseObject(json, &object, error)) {
        return false;
    }
    FieldReader reader(object, {}, error);
    *arn = reader.requiredString(QLatin1String("customModelDeploymentArn"));
    return reader.ok();
}

bool BedrockJson::parseTagList(const QByteArray &json, QList<Tag> *tags, QString *error)
{
    QJsonObject object;
    if (!parseObject(json, &object, error)) {
        return false;
    }
    tags->clear();
    const QJsonValue list = object.value(QLatin1String("tags"));
    if (list.isUndefined() || list.isNull()) {
        return true;
    }
    if (!list.isArray()) {
        *error = BedrockJsonTr::tr("tags in the reply is not a list");
        return false;
    }
    const QJsonArray rows = list.toArray();
    for (qsizetype i = 0; i < rows.size(); ++i) {
        FieldReader reader(rows.at(i).toObject(), QStringLiteral("tags[%1]").arg(i), error);
        Tag tag;
        tag.key = reader.requiredString(QLatin1String("key"));
        tag.value = reader.requiredString(QLatin1String("value"));
        if (!reader.ok()) {
            return false;
        }
        tags->append(std::move(tag));
    }
    return true;
}

} // namespace outcrop::bedrock
