// SPDX-License-Identifier: Apache-2.0
#include "bedrockservice.h"

#include "deploymentstore.h"
#include "jsonwriter.h"
#include "pagetoken.h"
#include "validation.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <optional>

namespace outcrop::sim {

namespace {

constexpr int maxCachedPages = 20000;

SimResponse validationError(const QString &message)
{
    return SimResponse::error(400, "ValidationException", message);
}

SimResponse notFound(const QString &message)
{
    return SimResponse::error(404, "ResourceNotFoundException", message);
}

// The query parameters every List operation shares, validated. Filters specific to one
// operation are checked by the caller and folded into `canonicalFilters`.
struct ListParameters
{
    QDateTime createdAfter;
    QDateTime createdBefore;
    QString nameContains;
    QString status;
    bool descending = true;   // the documented default order
    int maxResults = 0;
    std::optional<PageKey> after;
    QString canonicalFilters;
};

struct ListSpec
{
    const char *createdAfterName;
    const char *createdBeforeName;
    const char *statusName;
    QStringList extraFilterNames;   // equality filters, part of the page-token hash
};

QString parseListParameters(const QueryParameters &query, const ListSpec &spec, int defaultPageSize,
                            ValidationErrors &errors, ListParameters &parameters)
{
    const QString afterName = QLatin1String(spec.createdAfterName);
    const QString beforeName = QLatin1String(spec.createdBeforeName);
    const QString statusName = QLatin1String(spec.statusName);
    const auto timestamp = [&](const QString &name, QDateTime &target) {
        if (!query.contains(name)) {
            return;
        }
        const QString text = query.value(name);
        target = Shapes::parseTimestamp(text);
        if (!target.isValid()) {
            errors.add(text, name, QStringLiteral("Member must be a timestamp in RFC 3339 (ISO 8601) format"));
        }
    };
    timestamp(afterName, parameters.createdAfter);
    timestamp(beforeName, parameters.createdBefore);

    if (query.contains(QStringLiteral("nameContains"))) {
        parameters.nameContains = query.value(QStringLiteral("nameContains"));
        errors.checkLength(parameters.nameContains, QStringLiteral("nameContains"), 1, 63);
        errors.checkPattern(parameters.nameContains, QStringLiteral("nameContains"), Shapes::nameFragmentPattern);
    }
    if (query.contains(QStringLiteral("maxResults"))) {
        const QString text = query.value(QStringLiteral("maxResults"));
        bool ok = false;
        const qlonglong value = text.toLongLong(&ok);
        if (!ok) {
            errors.add(text, QStringLiteral("maxResults"), QStringLiteral("Member must be an integer"));
        } else if (value < 1) {
            errors.add(text, QStringLiteral("maxResults"),
                       QStringLiteral("Member must have value greater than or equal to 1"));
        } else if (value > 1000) {
            errors.add(text, QStringLiteral("maxResults"),
                       QStringLiteral("Member must have value less than or equal to 1000"));
        } else {
            parameters.maxResults = static_cast<int>(value);
        }
    } else {
        parameters.maxResults = defaultPageSize;
    }
    if (query.contains(QStringLiteral("sortBy"))) {
        errors.checkEnum(query.value(QStringLiteral("sortBy")), QStringLiteral("sortBy"), {QStringLiteral("CreationTime")});
    }
    if (query.contains(QStringLiteral("sortOrder"))) {
        const QString order = query.value(QStringLiteral("sortOrder"));
        errors.checkEnum(order, QStringLiteral("sortOrder"), {QStringLiteral("Ascending"), QStringLiteral("Descending")});
        parameters.descending = order != QLatin1String("Ascending");
    }
    if (query.contains(statusName)) {
        parameters.status = query.value(statusName);
        errors.checkEnum(parameters.status, statusName,
                         {QStringLiteral("Creating"), QStringLiteral("Active"), QStringLiteral("Failed")});
    }
    QString token;
    if (query.contains(QStringLiteral("nextToken"))) {
        token = query.value(QStringLiteral("nextToken"));
        errors.checkLength(token, QStringLiteral("nextToken"), 1, 2048);
    }

    // Everything that selects or orders rows; defaults spelled out so that "sortOrder=Descending"
    // and no sortOrder give the same hash.
    QStringList canonical = {
        QString::number(parameters.createdAfter.isValid() ? parameters.createdAfter.toMSecsSinceEpoch() : -1),
        QString::number(parameters.createdBefore.isValid() ? parameters.createdBefore.toMSecsSinceEpoch() : -1),
        parameters.nameContains, parameters.status,
        parameters.descending ? QStringLiteral("Descending") : QStringLiteral("Ascending")};
    for (const QString &name : spec.extraFilterNames) {
        canonical.append(query.contains(name) ? QStringLiteral("=") + query.value(name) : QString());
    }
    parameters.canonicalFilters = canonical.join(QChar(0x1f));
    return token;
}

// Decodes the token against the filters; an error response when it does not fit.
std::optional<SimResponse> applyToken(const QString &token, ListParameters &parameters)
{
    if (token.isEmpty()) {
        return std::nullopt;
    }
    PageToken::Problem problem = PageToken::Problem::None;
    parameters.after = PageToken::decode(token, PageToken::filterHash(parameters.canonicalFilters), &problem);
    switch (problem) {
    case PageToken::Problem::None:
        return std::nullopt;
    case PageToken::Problem::Garbled:
        return validationError(QStringLiteral("The provided pagination token is invalid."));
    case PageToken::Problem::OtherFilters:
        return validationError(QStringLiteral(
            "The provided pagination token was issued for a request with other filters or another sort order."));
    }
    return std::nullopt;
}

bool inTimeRange(qint64 timeMs, const ListParameters &parameters)
{
    // Bounds are exclusive (not documented; bedrock-api.md §12 item 7).
    return (!parameters.createdAfter.isValid() || timeMs > parameters.createdAfter.toMSecsSinceEpoch())
        && (!parameters.createdBefore.isValid() || timeMs < parameters.createdBefore.toMSecsSinceEpoch());
}

template <typename Stored>
QByteArray renderPage(const char *listKey, const Page<Stored> &page, const ListParameters &parameters)
{
    qsizetype size = 64;
    for (const Stored *item : page.items) {
        size += item->summaryJson.size() + 1;
    }
    QByteArray body;
    body.reserve(size + 200);
    body += "{\"";
    body += listKey;
    body += "\":[";
    for (qsizetype i = 0; i < page.items.size(); ++i) {
        if (i > 0) {
            body += ',';
        }
        body += page.items.at(i)->summaryJson;
    }
    body += ']';
    if (page.nextKey) {
        body += ",\"nextToken\":";
        JsonWriter::appendString(body, PageToken::encode(*page.nextKey, PageToken::filterHash(parameters.canonicalFilters)));
    }
    body += '}';
    return body;
}

const auto storedKey = [](const auto &stored) -> const PageKey & { return stored.key; };

std::optional<QJsonObject> parseBody(const SimRequest &request, SimResponse *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(request.body.isEmpty() ? QByteArrayLiteral("{}") : request.body,
                                                           &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        *error = SimResponse::error(400, "SerializationException",
                                    QStringLiteral("The request body is not a JSON object: %1 at offset %2")
                                        .arg(parseError.errorString())
                                        .arg(parseError.offset));
        return std::nullopt;
    }
    return document.object();
}

// A string member: null string when absent, an error when present but not a string.
QString stringMember(const QJsonObject &object, const QString &name, ValidationErrors &errors)
{
    const QJsonValue value = object.value(name);
    if (value.isUndefined() || value.isNull()) {
        return {};
    }
    if (!value.isString()) {
        errors.add(QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact)), name,
                   QStringLiteral("Member must be a string"));
        return {};
    }
    return value.toString();
}

// AWS reserves the "aws:" prefix (any case) of tag keys and values for its own tags (AWS General
// Reference, "Tagging AWS resources"): they cannot be added or removed.
void checkNotReserved(const QString &text, const QString &field, ValidationErrors &errors)
{
    if (text.startsWith(QLatin1String("aws:"), Qt::CaseInsensitive)) {
        errors.add(text, field, QStringLiteral("Member must not begin with the reserved prefix aws:"));
    }
}

void checkTagKey(const QString &key, const QString &field, ValidationErrors &errors)
{
    errors.checkLength(key, field, 1, 128);
    errors.checkPattern(key, field, Shapes::tagPattern);
    checkNotReserved(key, field, errors);
}

QList<Tag> parseTags(const QJsonValue &value, ValidationErrors &errors)
{
    QList<Tag> tags;
    if (!value.isArray()) {
        errors.add(QStringLiteral("(not a list)"), QStringLiteral("tags"), QStringLiteral("Member must be a list"));
        return tags;
    }
    const QJsonArray array = value.toArray();
    if (array.size() > 200) {
        errors.add(QString::number(array.size()), QStringLiteral("tags"),
                   QStringLiteral("Member must have length less than or equal to 200"));
    }
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonObject tag = array.at(i).toObject();
        const QString field = QStringLiteral("tags.%1.member").arg(i + 1);
        if (!tag.value(QStringLiteral("key")).isString()) {
            errors.addNull(field + QStringLiteral(".key"));
            continue;
        }
        if (!tag.value(QStringLiteral("value")).isString()) {
            errors.addNull(field + QStringLiteral(".value"));
            continue;
        }
        Tag parsed{tag.value(QStringLiteral("key")).toString(), tag.value(QStringLiteral("value")).toString()};
        checkTagKey(parsed.key, field + QStringLiteral(".key"), errors);
        errors.checkLength(parsed.value, field + QStringLiteral(".value"), 0, 256);
        errors.checkPattern(parsed.value, field + QStringLiteral(".value"), Shapes::tagPattern);
        checkNotReserved(parsed.value, field + QStringLiteral(".value"), errors);
        // Tag keys are unique per resource, so one request cannot give a key two values (AWS
        // tagging rules; the exact wording of the service's error is not documented).
        for (const Tag &earlier : std::as_const(tags)) {
            if (earlier.key == parsed.key) {
                errors.add(parsed.key, field + QStringLiteral(".key"), QStringLiteral("Member must be unique in the list"));
                break;
            }
        }
        tags.append(parsed);
    }
    return tags;
}

QJsonArray tagsAsJson(const QList<Tag> &tags)
{
    QJsonArray array;
    for (const Tag &tag : tags) {
        array.append(QJsonArray{tag.key, tag.value});
    }
    return array;
}

QString deploymentNotFound(const QString &identifier)
{
    return QStringLiteral("The custom model deployment %1 was not found.").arg(identifier);
}

} // namespace

BedrockService::BedrockService(DeploymentStore *store)
    : m_store(store)
{
}

SimResponse BedrockService::handle(const RoutedRequest &routed, const SimRequest &request)
{
    switch (routed.operation) {
    case Operation::ListCustomModelDeployments: return listDeployments(request);
    case Operation::GetCustomModelDeployment: return getDeployment(routed.identifier);
    case Operation::CreateCustomModelDeployment: return createDeployment(request);
    case Operation::DeleteCustomModelDeployment: return deleteDeployment(routed.identifier);
    case Operation::UpdateCustomModelDeployment: return updateDeployment(routed.identifier, request);
    case Operation::ListCustomModels: return listCustomModels(request);
    case Operation::GetCustomModel: return getCustomModel(routed.identifier);
    case Operation::ListTagsForResource: return listTags(request);
    case Operation::TagResource: return tagResource(request);
    case Operation::UntagResource: return untagResource(request);
    case Operation::Unknown: break;
    }
    // What AWS front ends answer for a path or method no operation has.
    return SimResponse::error(404, "UnknownOperationException", QStringLiteral("Unknown operation"));
}

const QByteArray *BedrockService::cachedPage(const QByteArray &key)
{
    if (m_pageCacheGeneration != m_store->generation()) {
        m_pageCache.clear();
        m_pageCacheGeneration = m_store->generation();
        return nullptr;
    }
    const auto found = m_pageCache.constFind(key);
    return found == m_pageCache.constEnd() ? nullptr : &*found;
}

void BedrockService::cachePage(const QByteArray &key, const QByteArray &body)
{
    if (m_pageCacheGeneration != m_store->generation()) {
        m_pageCache.clear();
        m_pageCacheGeneration = m_store->generation();
    }
    if (m_pageCache.size() >= maxCachedPages) {
        m_pageCache.clear();
    }
    m_pageCache.insert(key, body);
}

int BedrockService::prerenderDeploymentPages(int pageSize)
{
    int pages = 0;
    QByteArray query = "maxResults=" + QByteArray::number(pageSize);
    for (;;) {
        SimRequest request;
        request.method = "GET";
        request.target = "/model-customization/custom-model-deployments?" + query;
        const SimResponse response = listDeployments(request);
        ++pages;
        const QJsonObject object = QJsonDocument::fromJson(response.body).object();
        const QString token = object.value(QStringLiteral("nextToken")).toString();
        if (response.status != 200 || token.isEmpty()) {
            return pages;
        }
        query = "maxResults=" + QByteArray::number(pageSize) + "&nextToken=" + token.toUtf8().toPercentEncoding();
    }
}

SimResponse BedrockService::listDeployments(const SimRequest &request)
{
    const QByteArray cacheKey = "deployments?" + request.rawQuery();
    if (const QByteArray *cached = cachedPage(cacheKey)) {
        return SimResponse::json(200, *cached);
    }
    const QueryParameters query = request.query();
    ValidationErrors errors;
    ListParameters parameters;
    const ListSpec spec{"createdAfter", "createdBefore", "statusEquals", {QStringLiteral("modelArnEquals")}};
    const QString token = parseListParameters(query, spec, m_limits.defaultPageSize, errors, parameters);
    const bool hasModelArn = query.contains(QStringLiteral("modelArnEquals"));
    const QString modelArn = query.value(QStringLiteral("modelArnEquals"));
    if (hasModelArn) {
        errors.checkLength(modelArn, QStringLiteral("modelArnEquals"), 20, 1011);
        errors.checkPattern(modelArn, QStringLiteral("modelArnEquals"), Shapes::customModelArnPattern);
    }
    if (!errors.isEmpty()) {
        return validationError(errors.message());
    }
    if (auto error = applyToken(token, parameters)) {
        return *error;
    }
    const auto matches = [&](const StoredDeployment &stored) {
        const Deployment &deployment = stored.data;
        return inTimeRange(stored.key.timeMs, parameters)
            && (parameters.status.isEmpty() || deployment.status == parameters.status)
            && (!hasModelArn || deployment.modelArn == modelArn)
            && (parameters.nameContains.isEmpty()
                || deployment.name.contains(parameters.nameContains, Qt::CaseInsensitive));
    };
    const auto page = collectPage(m_store->deploymentsByCreation(), storedKey, parameters.descending, parameters.after,
                                  parameters.maxResults, matches);
    const QByteArray body = renderPage("modelDeploymentSummaries", page, parameters);
    cachePage(cacheKey, body);
    return SimResponse::json(200, body);
}

SimResponse BedrockService::getDeployment(const QString &identifier)
{
    const StoredDeployment *stored = m_store->findDeployment(identifier);
    if (!stored) {
        return notFound(deploymentNotFound(identifier));
    }
    return SimResponse::json(200, stored->data.detailJson());
}

SimResponse BedrockService::createDeployment(const SimRequest &request)
{
    SimResponse error;
    const std::optional<QJsonObject> body = parseBody(request, &error);
    if (!body) {
        return error;
    }
    ValidationErrors errors;
    const QString name = stringMember(*body, QStringLiteral("modelDeploymentName"), errors);
    const QString modelArn = stringMember(*body, QStringLiteral("modelArn"), errors);
    const QString description = stringMember(*body, QStringLiteral("description"), errors);
    const QString clientToken = stringMember(*body, QStringLiteral("clientRequestToken"), errors);
    if (name.isNull()) {
        errors.addNull(QStringLiteral("modelDeploymentName"));
    } else {
        errors.checkLength(name, QStringLiteral("modelDeploymentName"), 1, 63);
        errors.checkPattern(name, QStringLiteral("modelDeploymentName"), Shapes::deploymentNamePattern);
    }
    if (modelArn.isNull()) {
        errors.addNull(QStringLiteral("modelArn"));
    } else {
        errors.checkLength(modelArn, QStringLiteral("modelArn"), 20, 1011);
        errors.checkPattern(modelArn, QStringLiteral("modelArn"), Shapes::customModelArnPattern);
    }
    if (!description.isNull()) {
        errors.checkLength(description, QStringLiteral("description"), 1, 2048);
    }
    if (!clientToken.isNull()) {
        errors.checkLength(clientToken, QStringLiteral("clientRequestToken"), 1, 256);
        errors.checkPattern(clientToken, QStringLiteral("clientRequestToken"), Shapes::idempotencyTokenPattern);
    }
    QList<Tag> tags;
    if (body->contains(QStringLiteral("tags"))) {
        tags = parseTags(body->value(QStringLiteral("tags")), errors);
    }
    if (!errors.isEmpty()) {
        return validationError(errors.message());
    }
    // The idempotency token: the same request again succeeds with the same deployment, even when
    // that one has moved on (Active, or deleted) since; the same token with other parameters is
    // refused. ConflictException is not modelled for Create, so that is a ValidationException
    // (the AWS idempotency convention; the service's wording is not documented).
    const QByteArray canonicalRequest = QJsonDocument(QJsonArray{name, modelArn, description.isNull() ? QJsonValue() : QJsonValue(description),
                                                                 tagsAsJson(tags)})
                                            .toJson(QJsonDocument::Compact);
    if (!clientToken.isEmpty()) {
        const QString existing = m_store->arnForClientToken(clientToken);
        if (!existing.isEmpty()) {
            if (m_store->requestForClientToken(clientToken) != canonicalRequest) {
                return validationError(QStringLiteral("The client request token %1 was already used for a different "
                                                      "request; use a new token for a new request.")
                                           .arg(clientToken));
            }
            return SimResponse::json(202, "{\"customModelDeploymentArn\":" + JsonWriter::string(existing) + '}');
        }
    }
    const StoredCustomModel *model = m_store->findCustomModel(modelArn);
    if (!model || model->data.arn != modelArn) {
        return notFound(QStringLiteral("The custom model %1 was not found.").arg(modelArn));
    }
    if (model->data.modelStatus != QLatin1String("Active")) {
        return validationError(QStringLiteral("The custom model %1 is %2; only an Active model can be deployed.")
                                   .arg(modelArn, model->data.modelStatus));
    }
    if (m_store->findDeployment(name)) {
        // ConflictException is not modelled for Create, so a taken name is a validation error
        // (bedrock-api.md §5, uncertain).
        return validationError(QStringLiteral("A custom model deployment named %1 already exists.").arg(name));
    }
    if (tags.size() > m_limits.maxTagsPerResource) {
        return SimResponse::error(400, "TooManyTagsException",
                                  QStringLiteral("A resource can have at most %1 tags.").arg(m_limits.maxTagsPerResource));
    }
    if (m_limits.maxDeployments > 0 && m_store->deploymentCount() >= m_limits.maxDeployments) {
        return SimResponse::error(400, "ServiceQuotaExceededException",
                                  QStringLiteral("You have reached the quota of %1 custom model deployments.")
                                      .arg(m_limits.maxDeployments));
    }
    const QString arn = m_store->createDeployment(name, modelArn, description, tags, clientToken, canonicalRequest);
    return SimResponse::json(202, "{\"customModelDeploymentArn\":" + JsonWriter::string(arn) + '}');
}

SimResponse BedrockService::deleteDeployment(const QString &identifier)
{
    const StoredDeployment *stored = m_store->findDeployment(identifier);
    if (!stored) {
        return notFound(deploymentNotFound(identifier));
    }
    const Deployment &deployment = stored->data;
    if (deployment.status == QLatin1String("Creating") || deployment.updateStatus == QLatin1String("Updating")) {
        // When the service returns ConflictException is not documented; a deployment that is
        // still being created or updated is the plausible case (bedrock-api.md §6).
        return SimResponse::error(400, "ConflictException",
                                  QStringLiteral("The custom model deployment %1 is %2; try again when it is stable.")
                                      .arg(deployment.name,
                                           deployment.status == QLatin1String("Creating") ? QStringLiteral("being created")
                                                                                          : QStringLiteral("being updated")));
    }
    m_store->beginDelete(deployment.arn);
    return SimResponse::json(200, QByteArrayLiteral("{}"));
}

SimResponse BedrockService::updateDeployment(const QString &identifier, const SimRequest &request)
{
    SimResponse error;
    const std::optional<QJsonObject> body = parseBody(request, &error);
    if (!body) {
        return error;
    }
    ValidationErrors errors;
    const QString modelArn = stringMember(*body, QStringLiteral("modelArn"), errors);
    if (modelArn.isNull()) {
        errors.addNull(QStringLiteral("modelArn"));
    } else {
        errors.checkLength(modelArn, QStringLiteral("modelArn"), 20, 1011);
        errors.checkPattern(modelArn, QStringLiteral("modelArn"), Shapes::customModelArnPattern);
    }
    if (!errors.isEmpty()) {
        return validationError(errors.message());
    }
    const StoredDeployment *stored = m_store->findDeployment(identifier);
    if (!stored) {
        return notFound(deploymentNotFound(identifier));
    }
    const StoredCustomModel *model = m_store->findCustomModel(modelArn);
    if (!model || model->data.arn != modelArn) {
        return notFound(QStringLiteral("The custom model %1 was not found.").arg(modelArn));
    }
    const Deployment &deployment = stored->data;
    if (deployment.status != QLatin1String("Active") || deployment.updateStatus == QLatin1String("Updating")) {
        return validationError(QStringLiteral("The custom model deployment %1 can only be updated when it is Active and "
                                              "not already updating (it is %2).")
                                   .arg(deployment.name, deployment.status));
    }
    const QString arn = deployment.arn;
    m_store->beginUpdate(arn, modelArn);
    return SimResponse::json(202, "{\"customModelDeploymentArn\":" + JsonWriter::string(arn) + '}');
}

SimResponse BedrockService::listCustomModels(const SimRequest &request)
{
    const QByteArray cacheKey = "models?" + request.rawQuery();
    if (const QByteArray *cached = cachedPage(cacheKey)) {
        return SimResponse::json(200, *cached);
    }
    const QueryParameters query = request.query();
    ValidationErrors errors;
    ListParameters parameters;
    const ListSpec spec{"creationTimeAfter", "creationTimeBefore", "modelStatus",
                        {QStringLiteral("baseModelArnEquals"), QStringLiteral("foundationModelArnEquals"),
                         QStringLiteral("isOwned")}};
    const QString token = parseListParameters(query, spec, m_limits.defaultPageSize, errors, parameters);
    const bool hasBase = query.contains(QStringLiteral("baseModelArnEquals"));
    const QString baseArn = query.value(QStringLiteral("baseModelArnEquals"));
    if (hasBase) {
        errors.checkLength(baseArn, QStringLiteral("baseModelArnEquals"), 20, 1011);
        errors.checkPattern(baseArn, QStringLiteral("baseModelArnEquals"), Shapes::modelArnPattern);
    }
    const bool hasFoundation = query.contains(QStringLiteral("foundationModelArnEquals"));
    const QString foundationArn = query.value(QStringLiteral("foundationModelArnEquals"));
    bool onlyOwned = false;
    bool onlyShared = false;
    if (query.contains(QStringLiteral("isOwned"))) {
        const QString owned = query.value(QStringLiteral("isOwned"));
        errors.checkEnum(owned, QStringLiteral("isOwned"), {QStringLiteral("true"), QStringLiteral("false")});
        onlyOwned = owned == QLatin1String("true");
        onlyShared = owned == QLatin1String("false");
    }
    if (!errors.isEmpty()) {
        return validationError(errors.message());
    }
    if (auto error = applyToken(token, parameters)) {
        return *error;
    }
    Q_UNUSED(onlyOwned)   // every model of the simulated account is owned by it
    const auto matches = [&](const StoredCustomModel &stored) {
        const CustomModel &model = stored.data;
        return !onlyShared && inTimeRange(stored.key.timeMs, parameters)
            && (parameters.status.isEmpty() || model.modelStatus == parameters.status)
            && (!hasBase || model.baseModelArn == baseArn) && (!hasFoundation || model.baseModelArn == foundationArn)
            && (parameters.nameContains.isEmpty() || model.name.contains(parameters.nameContains, Qt::CaseInsensitive));
    };
    const auto page = collectPage(m_store->customModelsByCreation(), storedKey, parameters.descending, parameters.after,
                                  parameters.maxResults, matches);
    const QByteArray body = renderPage("modelSummaries", page, parameters);
    cachePage(cacheKey, body);
    return SimResponse::json(200, body);
}

SimResponse BedrockService::getCustomModel(const QString &identifier)
{
    const StoredCustomModel *stored = m_store->findCustomModel(identifier);
    if (!stored) {
        return notFound(QStringLiteral("The custom model %1 was not found.").arg(identifier));
    }
    return SimResponse::json(200, stored->data.detailJson());
}

namespace {

// resourceARN of the tag operations; only deployments carry tags in the simulator.
const StoredDeployment *taggedResource(const QJsonObject &body, const DeploymentStore *store, ValidationErrors &errors,
                                       SimResponse *error)
{
    const QString arn = stringMember(body, QStringLiteral("resourceARN"), errors);
    if (arn.isNull()) {
        errors.addNull(QStringLiteral("resourceARN"));
    } else {
        errors.checkLength(arn, QStringLiteral("resourceARN"), 20, 1011);
    }
    if (!errors.isEmpty()) {
        *error = validationError(errors.message());
        return nullptr;
    }
    const StoredDeployment *stored = store->findDeployment(arn);
    if (!stored || stored->data.arn != arn) {
        *error = notFound(QStringLiteral("The resource %1 was not found.").arg(arn));
        return nullptr;
    }
    return stored;
}

} // namespace

SimResponse BedrockService::listTags(const SimRequest &request)
{
    SimResponse error;
    const std::optional<QJsonObject> body = parseBody(request, &error);
    if (!body) {
        return error;
    }
    ValidationErrors errors;
    const StoredDeployment *stored = taggedResource(*body, m_store, errors, &error);
    if (!stored) {
        return error;
    }
    QByteArray out = "{\"tags\":[";
    for (qsizetype i = 0; i < stored->data.tags.size(); ++i) {
        const Tag &tag = stored->data.tags.at(i);
        out += i > 0 ? ",{" : "{";
        JsonWriter::appendMember(out, "key", tag.key, true);
        JsonWriter::appendMember(out, "value", tag.value);
        out += '}';
    }
    out += "]}";
    return SimResponse::json(200, out);
}

SimResponse BedrockService::tagResource(const SimRequest &request)
{
    SimResponse error;
    const std::optional<QJsonObject> body = parseBody(request, &error);
    if (!body) {
        return error;
    }
    ValidationErrors errors;
    QList<Tag> tags;
    if (!body->contains(QStringLiteral("tags"))) {
        errors.addNull(QStringLiteral("tags"));
    } else {
        tags = parseTags(body->value(QStringLiteral("tags")), errors);
    }
    const StoredDeployment *stored = taggedResource(*body, m_store, errors, &error);
    if (!stored) {
        return error;
    }
    QStringList keys;
    for (const Tag &tag : stored->data.tags) {
        keys.append(tag.key);
    }
    for (const Tag &tag : tags) {
        if (!keys.contains(tag.key)) {
            keys.append(tag.key);
        }
    }
    if (keys.size() > m_limits.maxTagsPerResource) {
        SimResponse tooMany = SimResponse::error(
            400, "TooManyTagsException",
            QStringLiteral("A resource can have at most %1 tags.").arg(m_limits.maxTagsPerResource));
        // TooManyTagsException carries the resource name too (§9.1).
        tooMany.body.chop(1);
        tooMany.body += ",\"resourceName\":" + JsonWriter::string(stored->data.arn) + '}';
        return tooMany;
    }
    m_store->setTags(stored->data.arn, tags);
    return SimResponse::json(200, QByteArrayLiteral("{}"));
}

SimResponse BedrockService::untagResource(const SimRequest &request)
{
    SimResponse error;
    const std::optional<QJsonObject> body = parseBody(request, &error);
    if (!body) {
        return error;
    }
    ValidationErrors errors;
    QStringList keys;
    const QJsonValue keyList = body->value(QStringLiteral("tagKeys"));
    if (!keyList.isArray()) {
        errors.addNull(QStringLiteral("tagKeys"));
    } else {
        const QJsonArray array = keyList.toArray();
        if (array.size() > 200) {
            errors.add(QString::number(array.size()), QStringLiteral("tagKeys"),
                       QStringLiteral("Member must have length less than or equal to 200"));
        }
        for (qsizetype i = 0; i < array.size(); ++i) {
            const QString field = QStringLiteral("tagKeys.%1.member").arg(i + 1);
            if (!array.at(i).isString()) {
                errors.addNull(field);
                continue;
            }
            keys.append(array.at(i).toString());
            checkTagKey(keys.constLast(), field, errors);
        }
    }
    const StoredDeployment *stored = taggedResource(*body, m_store, errors, &error);
    if (!stored) {
        return error;
    }
    m_store->removeTags(stored->data.arn, keys);
    return SimResponse::json(200, QByteArrayLiteral("{}"));
}

} // namespace outcrop::sim
