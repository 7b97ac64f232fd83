// SPDX-License-Identifier: Apache-2.0
#include "deploymentstore.h"

#include "simclock.h"

#include <QTimer>

namespace outcrop::sim {

namespace {

template <typename Stored>
bool storedLess(const std::shared_ptr<Stored> &a, const std::shared_ptr<Stored> &b)
{
    return keyLess(a->key, b->key);
}

PageKey keyOf(const QDateTime &time, const QString &arn)
{
    return {time.toMSecsSinceEpoch(), arn};
}

template <typename Stored, typename Record>
std::shared_ptr<Stored> makeStored(const Record &record, const QDateTime &sortTime)
{
    auto stored = std::make_shared<Stored>();
    stored->data = record;
    stored->key = keyOf(sortTime, record.arn);
    stored->summaryJson = record.summaryJson();
    return stored;
}

} // namespace

DeploymentStore::DeploymentStore(const SimClock *clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
    , m_createFailurePattern(QStringLiteral("fail"), QRegularExpression::CaseInsensitiveOption)
    , m_random(1)
{
    setArnPrefix(QStringLiteral("us-east-1"), QStringLiteral("123456789012"));
}

void DeploymentStore::setArnPrefix(const QString &region, const QString &accountId)
{
    m_arnPrefix = QStringLiteral("arn:aws:bedrock:") + region + u':' + accountId + QStringLiteral(":custom-model-deployment/");
}

void DeploymentStore::load(const SimData &data)
{
    ++m_loadEpoch;   // timers of the previous data find nothing to do
    m_deployments.clear();
    m_deploymentsByArn.clear();
    m_arnsByName.clear();
    m_customModels.clear();
    m_customModelsByArn.clear();
    m_customModelArnsByName.clear();
    m_clientTokens.clear();
    m_deployments.reserve(static_cast<size_t>(data.deployments.size()));
    for (const Deployment &deployment : data.deployments) {
        auto stored = makeStored<StoredDeployment>(deployment, deployment.createdAt);
        m_deployments.push_back(stored);
        m_deploymentsByArn.insert(deployment.arn, stored);
        m_arnsByName.insert(deployment.name, deployment.arn);
    }
    std::sort(m_deployments.begin(), m_deployments.end(), storedLess<StoredDeployment>);
    for (const CustomModel &model : data.customModels) {
        auto stored = makeStored<StoredCustomModel>(model, model.creationTime);
        m_customModels.push_back(stored);
        m_customModelsByArn.insert(model.arn, stored);
        m_customModelArnsByName.insert(model.name, model.arn);
    }
    std::sort(m_customModels.begin(), m_customModels.end(), storedLess<StoredCustomModel>);
    ++m_generation;
    emit changed();
}

SimData DeploymentStore::snapshot() const
{
    SimData data;
    for (const auto &model : m_customModels) {
        data.customModels.append(model->data);
    }
    for (const auto &deployment : m_deployments) {
        data.deployments.append(deployment->data);
    }
    return data;
}

const StoredDeployment *DeploymentStore::findDeployment(const QString &identifier) const
{
    const auto found = m_deploymentsByArn.constFind(identifier);
    if (found != m_deploymentsByArn.constEnd()) {
        return found->get();
    }
    const QString arn = m_arnsByName.value(identifier);
    return arn.isEmpty() ? nullptr : m_deploymentsByArn.value(arn).get();
}

const StoredCustomModel *DeploymentStore::findCustomModel(const QString &identifier) const
{
    const auto found = m_customModelsByArn.constFind(identifier);
    if (found != m_customModelsByArn.constEnd()) {
        return found->get();
    }
    const QString arn = m_customModelArnsByName.value(identifier);
    return arn.isEmpty() ? nullptr : m_customModelsByArn.value(arn).get();
}

QString DeploymentStore::createDeployment(const QString &name, const QString &modelArn, const QString &description,
                                          const QList<Tag> &tags, const QString &clientToken,
                                          const QByteArray &request)
{
    Deployment deployment;
    deployment.arn = m_arnPrefix + newDeploymentId();
    deployment.name = name;
    deployment.modelArn = modelArn;
    deployment.description = description;
    deployment.status = QStringLiteral("Creating");
    deployment.createdAt = m_clock->now();
    deployment.lastUpdatedAt = deployment.createdAt;
    deployment.tags = tags;
    insert(deployment);
    if (!clientToken.isEmpty()) {
        m_clientTokens.insert(clientToken, ClientTokenUse{deployment.arn, request});
    }
    const QString arn = deployment.arn;
    const bool fails = m_createFailurePattern.isValid() && !m_createFailurePattern.pattern().isEmpty()
        && m_createFailurePattern.match(name).hasMatch();
    const quint64 epoch = m_loadEpoch;
    QTimer::singleShot(m_timings.creatingMs, this, [this, arn, fails, epoch] {
        StoredDeployment *stored = epoch == m_loadEpoch ? mutableDeployment(arn) : nullptr;
        if (!stored || stored->data.status != QLatin1String("Creating")) {
            return;
        }
        stored->data.status = fails ? QStringLiteral("Failed") : QStringLiteral("Active");
        if (fails) {
            stored->data.failureMessage = QStringLiteral("Deployment failed: the model artifacts could not be loaded");
        }
        touch(*stored);
    });
    return arn;
}

void DeploymentStore::completeCreation(const QString &arn, bool failed, const QString &failureMessage)
{
    StoredDeployment *stored = mutableDeployment(arn);
    if (!stored || stored->data.status != QLatin1String("Creating")) {
        return;
    }
    stored->data.status = failed ? QStringLiteral("Failed") : QStringLiteral("Active");
    stored->data.failureMessage = failed ? failureMessage : QString();
    touch(*stored);
}

void DeploymentStore::beginDelete(const QString &arn)
{
    StoredDeployment *stored = mutableDeployment(arn);
    if (!stored || stored->data.status == QLatin1String("Deleting")) {
        return;
    }
    stored->data.status = QStringLiteral("Deleting");
    touch(*stored);
    const quint64 epoch = m_loadEpoch;
    QTimer::singleShot(m_timings.deletingMs, this, [this, arn, epoch] {
        if (epoch == m_loadEpoch) {
            remove(arn);
        }
    });
}

void DeploymentStore::beginUpdate(const QString &arn, const QString &modelArn)
{
    StoredDeployment *stored = mutableDeployment(arn);
    if (!stored) {
        return;
    }
    stored->data.updateModelArn = modelArn;
    stored->data.updateStatus = QStringLiteral("Updating");
    touch(*stored);
    const quint64 epoch = m_loadEpoch;
    QTimer::singleShot(m_timings.updatingMs, this, [this, arn, modelArn, epoch] {
        StoredDeployment *updating = epoch == m_loadEpoch ? mutableDeployment(arn) : nullptr;
        if (!updating || updating->data.updateStatus != QLatin1String("Updating")
            || updating->data.updateModelArn != modelArn) {
            return;
        }
        updating->data.modelArn = modelArn;
        updating->data.updateStatus = QStringLiteral("UpdateCompleted");
        touch(*updating);
    });
}

void DeploymentStore::setTags(const QString &arn, const QList<Tag> &tags)
{
    StoredDeployment *stored = mutableDeployment(arn);
    if (!stored) {
        return;
    }
    for (const Tag &tag : tags) {
        bool replaced = false;
        for (Tag &existing : stored->data.tags) {
            if (existing.key == tag.key) {
                existing.value = tag.value;
                replaced = true;
            }
        }
        if (!replaced) {
            stored->data.tags.append(tag);
        }
    }
    ++m_generation;
    emit changed();
}

void DeploymentStore::removeTags(const QString &arn, const QStringList &keys)
{
    StoredDeployment *stored = mutableDeployment(arn);
    if (!stored) {
        return;
    }
    stored->data.tags.removeIf([&keys](const Tag &tag) { return keys.contains(tag.key); });
    ++m_generation;
    emit changed();
}

StoredDeployment *DeploymentStore::mutableDeployment(const QString &arn)
{
    return m_deploymentsByArn.value(arn).get();
}

void DeploymentStore::insert(const Deployment &deployment)
{
    auto stored = makeStored<StoredDeployment>(deployment, deployment.createdAt);
    m_deployments.insert(std::upper_bound(m_deployments.begin(), m_deployments.end(), stored,
                                          storedLess<StoredDeployment>),
                         stored);
    m_deploymentsByArn.insert(deployment.arn, stored);
    m_arnsByName.insert(deployment.name, deployment.arn);
    ++m_generation;
    emit changed();
}

void DeploymentStore::remove(const QString &arn)
{
    const std::shared_ptr<StoredDeployment> stored = m_deploymentsByArn.take(arn);
    if (!stored) {
        return;
    }
    const auto range = std::equal_range(m_deployments.begin(), m_deployments.end(), stored,
                                        storedLess<StoredDeployment>);
    m_deployments.erase(range.first, range.second);
    m_arnsByName.remove(stored->data.name);
    ++m_generation;
    emit changed();
}

void DeploymentStore::touch(StoredDeployment &stored)
{
    stored.data.lastUpdatedAt = m_clock->now();
    stored.summaryJson = stored.data.summaryJson();
    ++m_generation;
    emit changed();
}

QString DeploymentStore::newDeploymentId()
{
    static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    for (;;) {
        QString id;
        for (int i = 0; i < 12; ++i) {
            id += QLatin1Char(alphabet[m_random.bounded(36)]);
        }
        if (!m_deploymentsByArn.contains(m_arnPrefix + id)) {
            return id;
        }
    }
}

} // namespace outcrop::sim
