// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "keysetpage.h"
#include "records.h"

#include <QHash>
#include <QObject>
#include <QRandomGenerator>
#include <QRegularExpression>

#include <memory>
#include <vector>

namespace outcrop::sim {

class SimClock;

struct StoredDeployment
{
    Deployment data;
    PageKey key;              // (createdAt, arn): the List order
    QByteArray summaryJson;   // rendered once per change, so a List page is a concatenation
};

struct StoredCustomModel
{
    CustomModel data;
    PageKey key;
    QByteArray summaryJson;
};

// The simulator's data and its state machine: deployments go Creating -> Active/Failed and
// Deleting -> gone after configured times (QTimer, so nothing blocks), updates go Updating ->
// UpdateCompleted. Every change bumps generation(), which invalidates cached pages.
class DeploymentStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeploymentStore)

public:
    struct Timings
    {
        int creatingMs = 5000;   // Creating -> Active / Failed
        int deletingMs = 3000;   // Deleting -> removed
        int updatingMs = 5000;   // Updating -> UpdateCompleted
    };

    explicit DeploymentStore(const SimClock *clock, QObject *parent = nullptr);

    void setTimings(const Timings &timings) { m_timings = timings; }
    // A created deployment whose name matches ends Failed instead of Active (so a demo or a test
    // can make one fail on purpose).
    void setCreateFailurePattern(const QRegularExpression &pattern) { m_createFailurePattern = pattern; }
    void setArnPrefix(const QString &region, const QString &accountId);
    void setRandomSeed(quint32 seed) { m_random.seed(seed); }

    void load(const SimData &data);
    SimData snapshot() const;

    // ARN or name; nullptr when there is none.
    const StoredDeployment *findDeployment(const QString &identifier) const;
    const StoredCustomModel *findCustomModel(const QString &identifier) const;
    const std::vector<std::shared_ptr<StoredDeployment>> &deploymentsByCreation() const { return m_deployments; }
    const std::vector<std::shared_ptr<StoredCustomModel>> &customModelsByCreation() const { return m_customModels; }
    int deploymentCount() const { return static_cast<int>(m_deployments.size()); }

    // The ARN a clientRequestToken already created, or empty.
    QString arnForClientToken(const QString &token) const { return m_clientTokens.value(token).arn; }
    // What the request that used the token asked for (BedrockService's canonical form of it), so
    // that the same token with other parameters can be told apart from a retry.
    QByteArray requestForClientToken(const QString &token) const { return m_clientTokens.value(token).request; }
    // Creates a deployment in Creating (inputs validated by the caller); returns its ARN.
    QString createDeployment(const QString &name, const QString &modelArn, const QString &description,
                             const QList<Tag> &tags, const QString &clientToken, const QByteArray &request = {});
    void beginDelete(const QString &arn);
    // Ends a deployment's Creating state now (the demo moves generated deployments along too).
    void completeCreation(const QString &arn, bool failed, const QString &failureMessage);
    void beginUpdate(const QString &arn, const QString &modelArn);
    void setTags(const QString &arn, const QList<Tag> &tags);
    void removeTags(const QString &arn, const QStringList &keys);

    quint64 generation() const { return m_generation; }

signals:
    void changed();

private:
    StoredDeployment *mutableDeployment(const QString &arn);
    void insert(const Deployment &deployment);
    void remove(const QString &arn);
    void touch(StoredDeployment &stored);
    QString newDeploymentId();

    const SimClock *m_clock;
    Timings m_timings;
    QRegularExpression m_createFailurePattern;
    QString m_arnPrefix;
    QRandomGenerator m_random;
    std::vector<std::shared_ptr<StoredDeployment>> m_deployments;   // sorted by key
    QHash<QString, std::shared_ptr<StoredDeployment>> m_deploymentsByArn;
    QHash<QString, QString> m_arnsByName;
    std::vector<std::shared_ptr<StoredCustomModel>> m_customModels;  // sorted by key
    QHash<QString, std::shared_ptr<StoredCustomModel>> m_customModelsByArn;
    QHash<QString, QString> m_customModelArnsByName;
    struct ClientTokenUse
    {
        QString arn;
        QByteArray request;
    };
    QHash<QString, ClientTokenUse> m_clientTokens;
    quint64 m_generation = 0;
    quint64 m_loadEpoch = 0;
};

} // namespace outcrop::sim
