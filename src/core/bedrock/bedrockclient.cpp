// SPDX-License-Identifier: Apache-2.0
#include "bedrock/bedrockclient.h"

#include "aws/awsclient.h"
#include "bedrock/deploymentpagereader.h"

#include <QPointer>
#include <QTimer>

#include <memory>

namespace outcrop::bedrock {

using aws::AwsCall;
using aws::AwsError;
using aws::AwsHttpRequest;
using aws::AwsRequestTarget;

namespace {
const QByteArray kDeploymentsPath = QByteArrayLiteral("/model-customization/custom-model-deployments");
const QByteArray kCustomModelsPath = QByteArrayLiteral("/custom-models");

AwsRequestTarget deploymentTarget(const QString &identifier)
{
    AwsRequestTarget target(kDeploymentsPath);
    target.appendPathSegment(identifier);
    return target;
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
                             Done<T> done)
{
    AwsHttpRequest request;
    request.method = std::move(method);
    request.target = std::move(target);
    request.operation = operation;
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
                                     std::function<void(const AwsError &)> report)
{
    // The value never goes on the wire; the caller hears about it on the next turn of the event
    // loop, as it would about any other failure.
    QPointer<QObject> guard(context);
    const AwsError error = AwsError::make(AwsError::Kind::InvalidInput, problem, operation);
    QTimer::singleShot(0, this, [guard, error, report = std::move(report)] {
        if (guard) {
            report(error);
        }
    });
    return nullptr;
}

AwsCall *BedrockClient::listDeployments(const DeploymentQuery &query, const QString &nextToken, QObject *context,
                                        Done<DeploymentPage> done, bool raw)
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
    return call<DeploymentPage>(QByteArrayLiteral("GET"), std::move(target), operation, std::move(parse), context,
                                std::move(done));
}

AwsCall *BedrockClient::getDeployment(const QString &identifier, QObject *context, Done<DeploymentDetail> done)
{
    return call<DeploymentDetail>(QByteArrayLiteral("GET"), deploymentTarget(identifier),
                                  QStringLiteral("GetCustomModelDeployment"), &BedrockJson::parseDeploymentDetail,
                                  context, std::move(done));
}

AwsCall *BedrockClient::deleteDeployment(const QString &identifier, QObject *context, DoneNoResult done)
{
    // Delete answers 200 with an empty structure ("{}" or nothing at all): there is nothing to parse.
    using NoResult = bool;
    return call<NoResult>(QByteArrayLiteral("DELETE"), deploymentTarget(identifier),
                          QStringLiteral("DeleteCustomModelDeployment"), nullptr, context,
                          [done = std::move(done)](const NoResult &, const AwsError &error) { done(error); });
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
