// SPDX-License-Identifier: Apache-2.0
#include "bedrock/bedrockclient.h"

#include "aws/awsclient.h"
#include "bedrock/deploymentpagereader.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTimer>

#include <memory>

namespace outcrop::bedrock {

using aws::AwsCall;
using aws::AwsError;
using aws::AwsHttpRequest;
using aws::AwsRequestTarget;

namespace {
// The translation context "BedrockClient" of this file's free functions.
class BedrockClientTr
{
    Q_DECLARE_TR_FUNCTIONS(BedrockClient)
};

const QByteArray kDeploymentsPath = QByteArrayLiteral("/model-customization/custom-model-deployments");
const QByteArray kCustomModelsPath = QByteArrayLiteral("/custom-models");

AwsRequestTarget deploymentTarget(const QString &identifier)
{
    AwsRequestTarget target(kDeploymentsPath);
    target.appendPathSegment(identifier);
    return target;
}

QByteArray jsonBody(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonArray tagsJson(const QList<Tag> &tags)
{
    QJsonArray array;
    for (const Tag &tag : tags) {
        array.append(QJsonObject{{QStringLiteral("key"), tag.key}, {QStringLiteral("value"), tag.value}});
    }
    return array;
}
} // namespace

BedrockClient::BedrockClient(aws::AwsClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{
}

QString BedrockClient::region() const
{
    return m_client->config().region;
}

template<typename T>
AwsCall *BedrockClient::call(QByteArray method, AwsRequestTarget target, const QString &operation,
                             std::function<bool(const QByteArray &, T *, QString *)> parse, QObject *context,
                             Done<T> done, QByteArray requestBody,
                             std::function<void(const QByteArray &body)> bodyArrived)
{
    AwsHttpRequest request;
    request.method = std::move(method);
    request.target = std::move(target);
    request.operation = operation;
    // The body is fixed here, once: every retry of the call sends these same bytes (which is what
    // keeps Create's clientRequestToken the same across attempts).
    request.body = std::move(requestBody);
    request.bodyArrived = std::move(bodyArrived);
    // The body is parsed once, while the call can still retry a reply it cannot read.
    auto result = std::make_shared<T>();
    if (parse) {
        request.acceptBody = [result, parse = std::move(parse)](const QByteArray &body, QString *error) {
            return parse(body, result.get(), error);
        };
    }
    AwsCall *job = m_client->send(std::move(request));
    QPointer<QObject> guard(context);
    connect(job, &AwsCall::finished, job, [job, guard, result, done = std::move(done)] {
        if (guard) {
            done(*result, job->error());
        }
        job->deleteLater();
    });
    return job;
}

AwsCall *BedrockClient::rejectedCall(const QString &problem, const QString &operation, QObject *context,
                                     std::function<void(const AwsError &)> report, AwsError::Kind kind)
{
    // The value never goes on the wire; the caller hears about it on the next turn of the event
    // loop, as it would about any other failure.
    QPointer<QObject> guard(context);
    const AwsError error = AwsError::make(kind, problem, operation);
    QTimer::singleShot(0, this, [guard, error, report = std::move(report)] {
        if (guard) {
            report(error);
        }
    });
    return nullptr;
}

AwsCall *BedrockClient::listDeployments(const DeploymentQuery &query, const QString &nextToken, QObject *context,
                                        Done<DeploymentPage> done, bool raw,
                                        std::function<void(const QString &token)> tailToken)
{
    const QString operation = QStringLiteral("ListCustomModelDeployments");
    const QString problem = query.validate();
    if (!problem.isEmpty()) {
        return rejectedCall(problem, operation, context, [done](const AwsError &error) { done({}, error); });
    }
    AwsRequestTarget target(kDeploymentsPath);
    query.appendTo(target, nextToken);
    auto parse = [raw](const QByteArray &body, DeploymentPage *page, QString *error) {
        // A retried attempt reads into the same page: nothing of an earlier attempt may remain.
        *page = DeploymentPage();
        if (raw && readRawDeploymentPage(body, &page->raw)) {
            page->isRaw = true;
            return true;
        }
        return BedrockJson::parseDeploymentPage(body, page, error);
    };
    std::function<void(const QByteArray &)> bodyArrived;
    if (tailToken) {
        bodyArrived = [tailToken = std::move(tailToken)](const QByteArray &body) {
            const QString token = nextTokenFromPageTail(body);
            if (!token.isEmpty()) {
                tailToken(token);
            }
        };
    }
    return call<DeploymentPage>(QByteArrayLiteral("GET"), std::move(target), operation, std::move(parse), context,
                                std::move(done), {}, std::move(bodyArrived));
}

AwsCall *BedrockClient::getDeployment(const QString &identifier, QObject *context, Done<DeploymentDetail> done)
{
    return call<DeploymentDetail>(QByteArrayLiteral("GET"), deploymentTarget(identifier),
                                  QStringLiteral("GetCustomModelDeployment"), &BedrockJson::parseDeploymentDetail,
                                  context, std::move(done));
}

QString BedrockClient::refusalFor(const QString &operation, AwsError::Kind *kind, const QStringList &problems) const
{
    if (m_readOnly) {
        *kind = AwsError::Kind::ReadOnly;
        return BedrockClientTr::tr("Outcrop is read-only (--read-only, or the profile's read-only setting): %1 was not "
                                   "sent and nothing was changed.")
            .arg(operation);
    }
    for (const QString &problem : problems) {
        if (!problem.isEmpty()) {
            *kind = AwsError::Kind::InvalidInput;
            return problem;
        }
    }
    return {};
}

AwsCall *BedrockClient::mutationWithoutResult(const QString &operation, const QStringList &problems, QByteArray method,
                                              AwsRequestTarget target, QByteArray body, QObject *context,
                                              DoneNoResult done)
{
    AwsError::Kind kind = AwsError::Kind::None;
    const QString refusal = refusalFor(operation, &kind, problems);
    if (!refusal.isEmpty()) {
        return rejectedCall(refusal, operation, context, std::move(done), kind);
    }
    // Delete, TagResource and UntagResource answer 200 with an empty structure ("{}" or nothing
    // at all): there is nothing to parse.
    using NoResult = bool;
    return call<NoResult>(std::move(method), std::move(target), operation, nullptr, context,
                          [done = std::move(done)](const NoResult &, const AwsError &error) { done(error); },
                          std::move(body));
}

AwsCall *BedrockClient::deleteDeployment(const QString &identifier, QObject *context, DoneNoResult done)
{
    return mutationWithoutResult(QStringLiteral("DeleteCustomModelDeployment"), {validateDeploymentIdentifier(identifier)},
                                 QByteArrayLiteral("DELETE"), deploymentTarget(identifier), {}, context, std::move(done));
}

AwsCall *BedrockClient::createDeployment(const CreateDeploymentRequest &request, QObject *context, Done<QString> done)
{
    const QString operation = QStringLiteral("CreateCustomModelDeployment");
    // The SDKs fill in a missing token with a UUID (bedrock-api.md §5); so do we, once per call.
    const QString token = request.clientRequestToken.isEmpty() ? newClientRequestToken() : request.clientRequestToken;
    AwsError::Kind kind = AwsError::Kind::None;
    const QString refusal = refusalFor(operation, &kind,
                                       {validateDeploymentName(request.name), validateCustomModelArn(request.modelArn),
                                        validateDescription(request.description), validateTags(request.tags),
                                        validateClientRequestToken(token)});
    if (!refusal.isEmpty()) {
        return rejectedCall(refusal, operation, context, [done](const AwsError &error) { done({}, error); }, kind);
    }
    QJsonObject body{{QStringLiteral("modelDeploymentName"), request.name},
                     {QStringLiteral("modelArn"), request.modelArn},
                     {QStringLiteral("clientRequestToken"), token}};
    if (!request.description.isEmpty()) {
        body.insert(QStringLiteral("description"), request.description);
    }
    if (!request.tags.isEmpty()) {
        body.insert(QStringLiteral("tags"), tagsJson(request.tags));
    }
    return call<QString>(QByteArrayLiteral("POST"), AwsRequestTarget(kDeploymentsPath), operation, &BedrockJson::parseDeploymentArn,
                         context, std::move(done), jsonBody(body));
}

AwsCall *BedrockClient::updateDeployment(const QString &identifier, const QString &modelArn, QObject *context,
                                         Done<QString> done)
{
    const QString operation = QStringLiteral("UpdateCustomModelDeployment");
    AwsError::Kind kind = AwsError::Kind::None;
    const QString refusal = refusalFor(operation, &kind,
                                       {validateDeploymentIdentifier(identifier), validateCustomModelArn(modelArn)});
    if (!refusal.isEmpty()) {
        return rejectedCall(refusal, operation, context, [done](const AwsError &error) { done({}, error); }, kind);
    }
    return call<QString>(QByteArrayLiteral("PATCH"), deploymentTarget(identifier), operation, &BedrockJson::parseDeploymentArn, context,
                         std::move(done), jsonBody(QJsonObject{{QStringLiteral("modelArn"), modelArn}}));
}

AwsCall *BedrockClient::listTags(const QString &resourceArn, QObject *context, Done<QList<Tag>> done)
{
    const QString operation = QStringLiteral("ListTagsForResource");
    const QString problem = validateResourceArn(resourceArn);
    if (!problem.isEmpty()) {
        return rejectedCall(problem, operation, context, [done](const AwsError &error) { done({}, error); });
    }
    // A POST although it only reads: the tag operations are RPC-style routes (bedrock-api.md §8).
    return call<QList<Tag>>(QByteArrayLiteral("POST"), AwsRequestTarget(QByteArrayLiteral("/listTagsForResource")),
                            operation, &BedrockJson::parseTagList, context, std::move(done),
                            jsonBody(QJsonObject{{QStringLiteral("resourceARN"), resourceArn}}));
}

AwsCall *BedrockClient::tagResource(const QString &resourceArn, const QList<Tag> &tags, QObject *context,
                                    DoneNoResult done)
{
    return mutationWithoutResult(QStringLiteral("TagResource"), {validateResourceArn(resourceArn), validateTags(tags)},
                                 QByteArrayLiteral("POST"), AwsRequestTarget(QByteArrayLiteral("/tagResource")),
                                 jsonBody(QJsonObject{{QStringLiteral("resourceARN"), resourceArn},
                                                      {QStringLiteral("tags"), tagsJson(tags)}}),
                                 context, std::move(done));
}

AwsCall *BedrockClient::untagResource(const QString &resourceArn, const QStringList &tagKeys, QObject *context,
                                      DoneNoResult done)
{
    return mutationWithoutResult(
        QStringLiteral("UntagResource"), {validateResourceArn(resourceArn), validateTagKeys(tagKeys)},
        QByteArrayLiteral("POST"), AwsRequestTarget(QByteArrayLiteral("/untagResource")),
        jsonBody(QJsonObject{{QStringLiteral("resourceARN"), resourceArn},
                             {QStringLiteral("tagKeys"), QJsonArray::fromStringList(tagKeys)}}),
        context, std::move(done));
}

AwsCall *BedrockClient::listCustomModels(const QString &nextToken, QObject *context, Done<CustomModelPage> done)
{
    AwsRequestTarget target(kCustomModelsPath);
    target.addQueryItem(QStringLiteral("maxResults"), QStringLiteral("1000"));
    if (!nextToken.isEmpty()) {
        target.addQueryItem(QStringLiteral("nextToken"), nextToken);
    }
    return call<CustomModelPage>(QByteArrayLiteral("GET"), std::move(target), QStringLiteral("ListCustomModels"),
                                 &BedrockJson::parseCustomModelPage, context, std::move(done));
}

AwsCall *BedrockClient::getCustomModel(const QString &modelArn, QObject *context, Done<CustomModel> done)
{
    AwsRequestTarget target(kCustomModelsPath);
    target.appendPathSegment(modelArn);
    return call<CustomModel>(QByteArrayLiteral("GET"), std::move(target), QStringLiteral("GetCustomModel"),
                             &BedrockJson::parseCustomModel, context, std::move(done));
}

} // namespace outcrop::bedrock
