// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "aws/awserror.h"
#include "bedrock/bedrockjson.h"
#include "bedrock/deploymentmutations.h"
#include "bedrock/deploymentquery.h"

#include <QObject>
#include <QStringList>

#include <functional>

namespace outcrop::aws {
class AwsCall;
class AwsClient;
} // namespace outcrop::aws

namespace outcrop::bedrock {

// The custom model deployment API of Amazon Bedrock (../shared/docs/bedrock-api.md §3-8, §11), and
// the two custom model calls used for display names. Every call is asynchronous: it returns the
// AwsCall job (for cancel()) and reports once through `done`, unless `context` is gone by then.
// The job deletes itself after reporting.
//
// A call whose input is invalid (Kind::InvalidInput, a message naming the field), or a mutating
// call while the client is read-only (Kind::ReadOnly), never goes on the wire: it returns nullptr
// and reports the error through `done` on the next turn of the event loop.
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
    // for the export's CSV); any other is parsed into rows as without it. `tailToken`, when set,
    // hears the next page's token as the body's tail names it (nextTokenFromPageTail), once the
    // body has arrived and before it is checked: a guess (DeploymentPager asks for that page early).
    aws::AwsCall *listDeployments(const DeploymentQuery &query, const QString &nextToken, QObject *context,
                                  Done<DeploymentPage> done,
                                  bool raw = false, std::function<void(const QString &token)> tailToken = {});
    // `identifier` is a deployment ARN or name.
    aws::AwsCall *getDeployment(const QString &identifier, QObject *context, Done<DeploymentDetail> done);
    aws::AwsCall *deleteDeployment(const QString &identifier, QObject *context, DoneNoResult done);
    // CreateCustomModelDeployment; the result is the new deployment's ARN. The request's
    // clientRequestToken (or, when empty, one made for this call) is sent on every attempt, so a
    // retry after a lost reply returns the same deployment instead of creating a second one.
    aws::AwsCall *createDeployment(const CreateDeploymentRequest &request, QObject *context, Done<QString> done);
    // UpdateCustomModelDeployment: swaps the model behind a deployment (ARN or name); the result
    // is the deployment's ARN. Progress shows in getDeployment's updateDetails.
    aws::AwsCall *updateDeployment(const QString &identifier, const QString &modelArn, QObject *context,
                                   Done<QString> done);
    // ListTagsForResource, TagResource and UntagResource (note the API's `resourceARN` casing).
    aws::AwsCall *listTags(const QString &resourceArn, QObject *context, Done<QList<Tag>> done);
    aws::AwsCall *tagResource(const QString &resourceArn, const QList<Tag> &tags, QObject *context,
                              DoneNoResult done);
    aws::AwsCall *untagResource(const QString &resourceArn, const QStringList &tagKeys, QObject *context,
                                DoneNoResult done);
    aws::AwsCall *listCustomModels(const QString &nextToken, QObject *context, Done<CustomModelPage> done);
    aws::AwsCall *getCustomModel(const QString &modelArn, QObject *context, Done<CustomModel> done);

    aws::AwsClient *awsClient() const { return m_client; }
    QString region() const;

    // Read-only (--read-only, or a profile set to read-only): create, update, delete, tag and
    // untag are refused with Kind::ReadOnly before anything is sent. Reads are unaffected.
    void setReadOnly(bool readOnly) { m_readOnly = readOnly; }
    bool isReadOnly() const { return m_readOnly; }

private:
    template<typename T>
    aws::AwsCall *call(QByteArray method, aws::AwsRequestTarget target, const QString &operation,
                       std::function<bool(const QByteArray &, T *, QString *)> parse, QObject *context,
                       Done<T> done, QByteArray requestBody = {},
                       std::function<void(const QByteArray &body)> bodyArrived = {});
    aws::AwsCall *rejectedCall(const QString &problem, const QString &operation, QObject *context,
                               std::function<void(const aws::AwsError &)> report,
                               aws::AwsError::Kind kind = aws::AwsError::Kind::InvalidInput);
    // The refusal of a mutating call: the read-only error, or the first invalid input; empty
    // (and `kind` untouched) when the call may be sent.
    QString refusalFor(const QString &operation, aws::AwsError::Kind *kind, const QStringList &problems) const;
    // A mutating call with an empty reply, refused (read-only, or the first non-empty `problems`)
    // without traffic.
    aws::AwsCall *mutationWithoutResult(const QString &operation, const QStringList &problems, QByteArray method,
                                        aws::AwsRequestTarget target, QByteArray body, QObject *context,
                                        DoneNoResult done);

    aws::AwsClient *m_client;
    bool m_readOnly = false;
};

} // namespace outcrop::bedrock
