// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "httpmessage.h"
#include "operations.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>

namespace outcrop::sim {

class DeploymentStore;

// The Bedrock operations with the service's semantics (bedrock-api.md §3-§8): validation with
// AWS-worded ValidationException messages, every List filter, both sort orders, keyset page
// tokens, and the modelled error for each failure. Synchronous: authentication, faults and
// latency happen before it is called.
class BedrockService
{
public:
    struct Limits
    {
        int defaultPageSize = 100;
        int maxDeployments = 0;    // > 0: quota for Create
        int maxTagsPerResource = 50;
    };

    explicit BedrockService(DeploymentStore *store);
    void setLimits(const Limits &limits) { m_limits = limits; }

    SimResponse handle(const RoutedRequest &routed, const SimRequest &request);
    // Renders (and caches) every page of the unfiltered, default-ordered List with this page
    // size, so that serving them later costs only the transport (the benchmark's floor).
    int prerenderDeploymentPages(int pageSize);

private:
    SimResponse listDeployments(const SimRequest &request);
    SimResponse getDeployment(const QString &identifier);
    SimResponse createDeployment(const SimRequest &request);
    SimResponse deleteDeployment(const QString &identifier);
    SimResponse updateDeployment(const QString &identifier, const SimRequest &request);
    SimResponse listCustomModels(const SimRequest &request);
    SimResponse getCustomModel(const QString &identifier);
    SimResponse listTags(const SimRequest &request);
    SimResponse tagResource(const SimRequest &request);
    SimResponse untagResource(const SimRequest &request);

    // The cached List response for this query, if the data has not changed since.
    const QByteArray *cachedPage(const QByteArray &key);
    void cachePage(const QByteArray &key, const QByteArray &body);

    DeploymentStore *m_store;
    Limits m_limits;
    QHash<QByteArray, QByteArray> m_pageCache;
    quint64 m_pageCacheGeneration = 0;
};

} // namespace outcrop::sim
