// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "aws/awserror.h"
#include "bedrock/bedrockjson.h"
#include "bedrock/deploymentquery.h"

#include <QObject>

#include <functional>

namespace outcrop::aws {
class AwsCall;
class AwsClient;
} // namespace outcrop::aws

namespace outcrop::bedrock {

// The custom model deployment API of Amazon Bedrock (../shared/docs/bedrock-api.md §3-7, §11), and
// the two custom model calls used for display names. Every call is asynchronous: it returns the
// AwsCall job (for cancel()) and reports once through `done`, unless `context` is gone by then.
// The job deletes itself after reporting.
class BedrockClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BedrockClient)

public:
    template<typename T>
    using Done = std::function<void(const T &result, const aws::AwsError &error)>;
    using DoneNoResult = std::function<void(const aws::AwsError &error)>;

    explicit BedrockClient(aws::AwsClient *client, QObject *parent = nullptr);

    // With `raw`, a page the page reader takes comes back as it stands (DeploymentPage::isRaw,
    // for the export's CSV); any other is parsed into rows as without it.
    aws::AwsCall *listDeployments(const DeploymentQuery &query, const QString &nextToken, QObject *context,
                                  Done<DeploymentPage> done,
                                  bool raw = false);
    // `identifier` is a deployment ARN or name.
    aws::AwsCall *getDeployment(const QString &identifier, QObject *context, Done<DeploymentDetail> done);
    aws::AwsCall *deleteDeployment(const QString &identifier, QObject *context, DoneNoResult done);
    aws::AwsCall *listCustomModels(const QString &nextToken, QObject *context, Done<CustomModelPage> done);
    aws::AwsCall *getCustomModel(const QString &modelArn, QObject *context, Done<CustomModel> done);

    aws::AwsClient *awsClient() const { return m_client; }
    QString region() const;

private:
    template<typename T>
    aws::AwsCall *call(QByteArray method, aws::AwsRequestTarget target, const QString &operation,
                       std::function<bool(const QByteArray &, T *, QString *)> parse, QObject *context,
                       Done<T> done);
    aws::AwsCall *rejectedCall(const QString &problem, const QString &operation, QObject *context,
                               std::function<void(const aws::AwsError &)> report);

    aws::AwsClient *m_client;
};

} // namespace outcrop::bedrock
