// SPDX-License-Identifier: Apache-2.0
#include "demoactivity.h"

#include "deploymentstore.h"

namespace outcrop::sim {

namespace {
// Names for deployments the demo creates; the ones containing "fail" end Failed (the store's
// default create-failure pattern), so failures show up live too.
const char *const kDemoNames[] = {
    "support-triage-v", "search-rerank-v", "fail-canary-v", "summarizer-eu-v", "code-review-v", "intent-router-v",
};
} // namespace

DemoActivity::DemoActivity(DeploymentStore *store, quint32 seed, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_random(seed)
{
    connect(&m_timer, &QTimer::timeout, this, &DemoActivity::step);
}

void DemoActivity::start(int intervalMs)
{
    m_timer.start(intervalMs);
}

void DemoActivity::step()
{
    const auto &deployments = m_store->deploymentsByCreation();
    const auto &models = m_store->customModelsByCreation();
    if (models.empty()) {
        return;
    }
    // Half of the steps also finish the oldest deployment still Creating (one in five fails), so
    // the generated data moves along as well as what the demo creates.
    if (m_random.bounded(2) == 0) {
        for (const auto &stored : deployments) {
            if (stored->data.status == QLatin1String("Creating")) {
                const bool failed = m_random.bounded(5) == 0;
                m_store->completeCreation(stored->data.arn, failed,
                                          tr("Deployment failed: insufficient capacity for the requested model units; "
                                             "retry later or request a quota increase."));
                break;
            }
        }
    }
    // Two creations for each deletion, so the list grows slowly while it is watched.
    if (m_random.bounded(3) < 2 || deployments.empty()) {
        const QString base = QLatin1String(kDemoNames[m_random.bounded(int(std::size(kDemoNames)))]);
        const QString name = base + QString::number(100 + m_created++) + QLatin1Char('-')
            + QString::number(m_random.bounded(1000, 9999));
        const QString modelArn = models.at(m_random.bounded(int(models.size())))->data.arn;
        m_store->createDeployment(name, modelArn, tr("Created by the demo"), {}, {});
        return;
    }
    for (int attempt = 0; attempt < 10; ++attempt) {
        const auto &candidate = deployments.at(m_random.bounded(int(deployments.size())))->data;
        if (candidate.status == QLatin1String("Active")) {
            m_store->beginDelete(candidate.arn);
            return;
        }
    }
}

} // namespace outcrop::sim
