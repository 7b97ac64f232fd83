// SPDX-License-Identifier: Apache-2.0
#include "bedrock/custommodelnames.h"

#include "aws/awsclient.h"
#include "aws/awserror.h"
#include "aws/logging.h"
#include "bedrock/bedrockclient.h"

namespace outcrop::bedrock {

CustomModelNames::CustomModelNames(QObject *parent)
    : QObject(parent)
{
}

CustomModelNames::~CustomModelNames()
{
    ++m_generation;
    for (const QPointer<aws::AwsCall> &call : std::as_const(m_calls)) {
        if (call) {
            call->cancel();
        }
    }
}

void CustomModelNames::setClient(BedrockClient *client)
{
    ++m_generation;
    for (const QPointer<aws::AwsCall> &call : std::as_const(m_calls)) {
        if (call) {
            call->cancel();
        }
    }
    m_calls.clear();
    m_client = client;
    m_names.clear();
    m_queue.clear();
    m_asked.clear();
    m_listing = false;
    m_getDenied = false;
    m_getsInFlight = 0;
    if (m_client) {
        m_listing = true;
        listPage({});
    }
}

QString CustomModelNames::displayName(const QString &modelArn) const
{
    const auto known = m_names.constFind(modelArn);
    if (known != m_names.cend()) {
        return *known;
    }
    auto fallback = m_shortNames.find(modelArn);
    if (fallback == m_shortNames.end()) {
        fallback = m_shortNames.insert(modelArn, shortNameFromArn(modelArn));
    }
    return *fallback;
}

void CustomModelNames::resolve(const QString &modelArn)
{
    if (modelArn.isEmpty() || !m_client || m_names.contains(modelArn) || m_asked.contains(modelArn)) {
        return;
    }
    m_asked.insert(modelArn);
    if (m_getDenied) {
        return;
    }
    m_queue.append(modelArn);
    if (!m_listing) {
        startGets();
    }
}

void CustomModelNames::listPage(const QString &nextToken)
{
    const quint64 generation = m_generation;
    m_calls.append(m_client->listCustomModels(
        nextToken, this, [this, generation, nextToken](const CustomModelPage &page, const aws::AwsError &error) {
            if (generation != m_generation) {
                return;
            }
            if (error.isError()) {
                // Not fatal: the names are sugar. The ARNs asked for get a GetCustomModel each
                // (which may be allowed where List is not), else keep their short names.
                qCDebug(lcNet) << "ListCustomModels failed; model names fall back to GetCustomModel:"
                               << error.code << error.httpStatus;
                m_listing = false;
                startGets();
                return;
            }
            QStringList learnt;
            for (const CustomModel &model : page.models) {
                if (!model.arn.isEmpty() && !model.name.isEmpty() && m_names.value(model.arn) != model.name) {
                    m_names.insert(model.arn, model.name);
                    learnt.append(model.arn);
                }
            }
            if (!page.nextToken.isEmpty() && page.nextToken != nextToken) {
                listPage(page.nextToken);
            } else {
                m_listing = false;
            }
            if (!learnt.isEmpty()) {
                emit namesChanged(learnt);
            }
            if (!m_listing) {
                startGets();
            }
        }));
}

void CustomModelNames::startGets()
{
    while (!m_getDenied && m_client && m_getsInFlight < maxGetsInFlight && !m_queue.isEmpty()) {
        const QString arn = m_queue.takeFirst();
        if (m_names.contains(arn)) {
            continue;   // the list had it
        }
        ++m_getsInFlight;
        const quint64 generation = m_generation;
        m_calls.append(m_client->getCustomModel(
            arn, this, [this, generation, arn](const CustomModel &model, const aws::AwsError &error) {
                if (generation != m_generation) {
                    return;
                }
                --m_getsInFlight;
                if (error.isError()) {
                    if (error.kind == aws::AwsError::Kind::AccessDenied) {
                        // Every other Get would be denied too; short names from here on.
                        m_getDenied = true;
                        m_queue.clear();
                    }
                    qCDebug(lcNet) << "GetCustomModel failed; the short name serves:" << error.code << error.httpStatus;
                } else if (!model.name.isEmpty()) {
                    m_names.insert(arn, model.name);
                    emit namesChanged({arn});
                }
                startGets();
            }));
    }
    // Calls that have reported are gone (they delete themselves).
    m_calls.removeAll(QPointer<aws::AwsCall>());
}

QList<CustomModel> CustomModelNames::knownModels() const
{
    QList<CustomModel> models;
    models.reserve(m_names.size());
    for (auto it = m_names.cbegin(); it != m_names.cend(); ++it) {
        CustomModel model;
        model.arn = it.key();
        model.name = it.value();
        models.append(model);
    }
    return models;
}

} // namespace outcrop::bedrock
