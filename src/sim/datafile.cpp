// SPDX-License-Identifier: Apache-2.0
#include "datafile.h"

#include "jsonwriter.h"
#include "validation.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace outcrop::sim {

namespace {

class FieldReader
{
public:
    FieldReader(const QJsonObject &object, QString where, QString *error)
        : m_object(object), m_where(std::move(where)), m_error(error)
    {
    }

    bool ok() const { return m_error->isEmpty(); }

    QString string(const char *name, bool required, const char *alternative = nullptr)
    {
        QJsonValue value = m_object.value(QLatin1String(name));
        if (value.isUndefined() && alternative) {
            value = m_object.value(QLatin1String(alternative));
        }
        if (value.isUndefined() || value.isNull()) {
            if (required) {
                fail(name, QStringLiteral("is missing"));
            }
            return {};
        }
        if (!value.isString()) {
            fail(name, QStringLiteral("must be a string"));
            return {};
        }
        return value.toString();
    }

    QDateTime timestamp(const char *name, bool required)
    {
        const QString text = string(name, required);
        if (text.isEmpty()) {
            return {};
        }
        const QDateTime time = Shapes::parseTimestamp(text);
        if (!time.isValid()) {
            fail(name, QStringLiteral("is not an RFC 3339 timestamp like 2025-07-20T10:11:12.123Z: \"%1\"").arg(text));
        }
        return time;
    }

    void fail(const char *name, const QString &problem)
    {
        if (m_error->isEmpty()) {
            *m_error = m_where + u'.' + QLatin1String(name) + u' ' + problem;
        }
    }

private:
    QJsonObject m_object;
    QString m_where;
    QString *m_error;
};

// Line and column of a byte offset, for parse errors.
QString position(const QByteArray &json, int offset)
{
    int line = 1;
    int column = 1;
    for (int i = 0; i < offset && i < json.size(); ++i) {
        if (json.at(i) == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return QStringLiteral("line %1, column %2").arg(line).arg(column);
}

} // namespace

std::optional<SimData> DataFile::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: cannot read the data file: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    return parse(file.readAll(), path, error);
}

std::optional<SimData> DataFile::parse(const QByteArray &json, const QString &sourceName, QString *error)
{
    error->clear();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("%1: %2: invalid JSON: %3")
                     .arg(sourceName, position(json, parseError.offset), parseError.errorString());
        return std::nullopt;
    }
    if (!document.isObject()) {
        *error = QStringLiteral("%1: the top level must be a JSON object with \"deployments\" and \"customModels\"").arg(sourceName);
        return std::nullopt;
    }
    const QJsonObject root = document.object();
    QJsonValue deploymentsValue = root.value(QStringLiteral("deployments"));
    if (deploymentsValue.isUndefined()) {
        deploymentsValue = root.value(QStringLiteral("modelDeploymentSummaries"));
    }
    const QJsonValue modelsValue = root.value(QStringLiteral("customModels"));
    if (!deploymentsValue.isArray() && !deploymentsValue.isUndefined()) {
        *error = QStringLiteral("%1: \"deployments\" must be an array").arg(sourceName);
        return std::nullopt;
    }
    if (!modelsValue.isArray() && !modelsValue.isUndefined()) {
        *error = QStringLiteral("%1: \"customModels\" must be an array").arg(sourceName);
        return std::nullopt;
    }

    SimData data;
    const QJsonArray models = modelsValue.toArray();
    for (qsizetype i = 0; i < models.size(); ++i) {
        const QString where = QStringLiteral("%1: customModels[%2]").arg(sourceName).arg(i);
        if (!models.at(i).isObject()) {
            *error = where + QStringLiteral(" must be an object");
            return std::nullopt;
        }
        FieldReader reader(models.at(i).toObject(), where, error);
        CustomModel model;
        model.arn = reader.string("modelArn", true);
        model.name = reader.string("modelName", true);
        model.creationTime = reader.timestamp("creationTime", true);
        model.baseModelArn = reader.string("baseModelArn", true);
        model.baseModelName = reader.string("baseModelName", false);
        model.customizationType = reader.string("customizationType", false);
        model.ownerAccountId = reader.string("ownerAccountId", false);
        model.modelStatus = reader.string("modelStatus", false);
        model.jobName = reader.string("jobName", false);
        model.jobArn = reader.string("jobArn", false);
        model.failureMessage = reader.string("failureMessage", false);
        if (model.modelStatus.isEmpty()) {
            model.modelStatus = QStringLiteral("Active");
        }
        if (!reader.ok()) {
            return std::nullopt;
        }
        data.customModels.append(model);
    }
    const QJsonArray deployments = deploymentsValue.toArray();
    for (qsizetype i = 0; i < deployments.size(); ++i) {
        const QString where = QStringLiteral("%1: deployments[%2]").arg(sourceName).arg(i);
        if (!deployments.at(i).isObject()) {
            *error = where + QStringLiteral(" must be an object");
            return std::nullopt;
        }
        const QJsonObject object = deployments.at(i).toObject();
        FieldReader reader(object, where, error);
        Deployment deployment;
        deployment.arn = reader.string("customModelDeploymentArn", true);
        deployment.name = reader.string("modelDeploymentName", true, "customModelDeploymentName");
        deployment.modelArn = reader.string("modelArn", true);
        deployment.createdAt = reader.timestamp("createdAt", true);
        deployment.status = reader.string("status", true);
        deployment.lastUpdatedAt = reader.timestamp("lastUpdatedAt", false);
        deployment.description = reader.string("description", false);
        deployment.failureMessage = reader.string("failureMessage", false);
        const QJsonObject update = object.value(QStringLiteral("updateDetails")).toObject();
        deployment.updateModelArn = update.value(QStringLiteral("modelArn")).toString();
        deployment.updateStatus = update.value(QStringLiteral("updateStatus")).toString();
        const QJsonArray tags = object.value(QStringLiteral("tags")).toArray();
        for (const QJsonValue &tag : tags) {
            deployment.tags.append({tag.toObject().value(QStringLiteral("key")).toString(),
                                    tag.toObject().value(QStringLiteral("value")).toString()});
        }
        if (reader.ok() && !Shapes::fullMatch(Shapes::deploymentNamePattern, deployment.name)) {
            reader.fail("modelDeploymentName", QStringLiteral("is not a valid deployment name: \"%1\"").arg(deployment.name));
        }
        if (!reader.ok()) {
            return std::nullopt;
        }
        data.deployments.append(deployment);
    }
    return data;
}

QByteArray DataFile::serialize(const SimData &data)
{
    QByteArray out = "{\n  \"customModels\": [";
    for (qsizetype i = 0; i < data.customModels.size(); ++i) {
        out += i > 0 ? ",\n    " : "\n    ";
        out += data.customModels.at(i).detailJson();
        // detailJson has no baseModelName/ownerAccountId; add them so the file round-trips.
        out.chop(1);
        JsonWriter::appendMember(out, "baseModelName", data.customModels.at(i).baseModelName);
        JsonWriter::appendMember(out, "ownerAccountId", data.customModels.at(i).ownerAccountId);
        out += '}';
    }
    out += "\n  ],\n  \"deployments\": [";
    for (qsizetype i = 0; i < data.deployments.size(); ++i) {
        const Deployment &deployment = data.deployments.at(i);
        out += i > 0 ? ",\n    " : "\n    ";
        out += deployment.detailJson();
        out.chop(1);
        out += ",\"tags\":[";
        for (qsizetype t = 0; t < deployment.tags.size(); ++t) {
            out += t > 0 ? ",{" : "{";
            JsonWriter::appendMember(out, "key", deployment.tags.at(t).key, true);
            JsonWriter::appendMember(out, "value", deployment.tags.at(t).value);
            out += '}';
        }
        out += "]}";
    }
    out += "\n  ]\n}\n";
    return out;
}

} // namespace outcrop::sim
