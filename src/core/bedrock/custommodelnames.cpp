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
    setClients(client ? QList<BedrockClient *>{client} : QList<BedrockClient *>());
}

void CustomModelNames::setClients(const QList<BedrockClient *> &clients)
{
    ++m_generation;
    for (const QPointer<aws::AwsCall> &call : std::as_const(m_calls)) {
        if (call) {
            call->cancel();
        }
    }
    m_calls.clear();
    m_sources.clear();
    m_names.clear();
    m_asked.clear();
    for (BedrockClient *client : clients) {
        Source source;
        source.client = client;
        source.region = client ? client->region() : QString();
        m_sources.append(source);
    }
    for (int i = 0; i < m_sources.size(); ++i) {
        if (m_sources.at(i).client) {
            m_sources[i].listing = true;
            listPage(i, {});
        }
    }
}

void CustomModelNames::setClientAccount(int client, const QString &account)
{
    if (client >= 0 && client < m_sources.size() && m_sources.at(client).account != account) {
        m_sources[client].account = account;
    }
}

bool CustomModelNames::isListing() const
{
    for (const Source &source : m_sources) {
        if (source.listing) {
            return true;
        }
    }
    return false;
}

bool CustomModelNames::isBusy() const
{
    for (const Source &source : m_sources) {
        if (source.listing || source.getsInFlight > 0 || (!source.getDenied && source.client && !source.queue.isEmpty())) {
            return true;
        }
    }
    return false;
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

int CustomModelNames::clientFor(const QString &modelArn) const
{
    if (m_sources.size() == 1) {
        // One source answers for every model, also one shared from another account.
        return m_sources.constFirst().client ? 0 : -1;
    }
    const QString region = arnField(modelArn, 3);
    const QString account = arnField(modelArn, 4);
    int unknownAccount = -1;
    int sameRegion = -1;
    for (int i = 0; i < m_sources.size(); ++i) {
        const Source &source = m_sources.at(i);
        if (!source.client || source.region != region) {
            continue;
        }
        if (source.account == account) {
            return i;
        }
        if (unknownAccount < 0 && source.account.isEmpty()) {
            unknownAccount = i;
        }
        if (sameRegion < 0) {
            sameRegion = i;
        }
    }
    return unknownAccount >= 0 ? unknownAccount : sameRegion;
}

void CustomModelNames::resolve(const QString &modelArn)
{
    if (modelArn.isEmpty() || m_names.contains(modelArn) || m_asked.contains(modelArn)) {
        return;
    }
    const int index = clientFor(modelArn);
    if (index < 0) {
        return;   // no source serves its region: the short name (asked again once one may)
    }
    m_asked.insert(modelArn);
    Source &source = m_sources[index];
    if (source.getDenied) {
        return;
    }
    source.queue.append(modelArn);
    if (!source.listing) {
        startGets(index);
    }
}

void CustomModelNames::listPage(int index, const QString &nextToken)
{
    const quint64 generation = m_generation;
    m_calls.append(m_sources.at(index).client->listCustomModels(
        nextToken, this, [this, generation, index, nextToken](const CustomModelPage &page, const aws::AwsError &error) {
            if (generation != m_generation) {
                return;
            }
            Source &source = m_sources[index];
            if (error.isError()) {
                // Not fatal: the names are sugar. The ARNs asked for get a GetCustomModel each
                // (which may be allowed where List is not), else keep their short names.
                qCDebug(lcNet) << "ListCustomModels failed; model names fall back to GetCustomModel:"
                               << error.code << error.httpStatus;
                source.listing = false;
                startGets(index);
                return;
            }
            QStringList learnt;
            for (const CustomModel &model : page.models) {
                if (!model.arn.isEmpty() && !model.name.isEmpty() && m_names.value(model.arn) != model.name) {
                    m_names.insert(model.arn, model.name);
                    learnt.append(model.arn);
                }
            }
            if (!page.nextToken.isEmpty() && page.nextToken != nextToken && source.client) {
                listPage(index, page.nextToken);
            } else {
                source.listing = false;
            }
            const bool listed = !source.listing;
            if (!learnt.isEmpty()) {
                emit namesChanged(learnt);
                if (generation != m_generation) {
                    return;   // a receiver chose other sources meanwhile
                }
            }
            if (listed) {
                startGets(index);
            }
        }));
}

void CustomModelNames::startGets(int index)
{
    Source &source = m_sources[index];
    while (!source.getDenied && source.client && source.getsInFlight < maxGetsInFlight && !source.queue.isEmpty()) {
        const QString arn = source.queue.takeFirst();
        if (m_names.contains(arn)) {
            continue;   // a list had it
        }
        ++source.getsInFlight;
        const quint64 generation = m_generation;
        m_calls.append(source.client->getCustomModel(
            arn, this, [this, generation, index, arn](const CustomModel &model, const aws::AwsError &error) {
                if (generation != m_generation) {
                    return;
                }
                Source &answered = m_sources[index];
                --answered.getsInFlight;
                if (error.isError()) {
                    if (error.kind == aws::AwsError::Kind::AccessDenied) {
                        // Every other Get of this source would be denied too; short names from here on.
                        answered.getDenied = true;
                        answered.queue.clear();
                    }
                    qCDebug(lcNet) << "GetCustomModel failed; the short name serves:" << error.code << error.httpStatus;
                } else if (!model.name.isEmpty()) {
                    m_names.insert(arn, model.name);
                    emit namesChanged({arn});
                    if (generation != m_generation) {
                        return;
                    }
                }
                startGets(index);
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
