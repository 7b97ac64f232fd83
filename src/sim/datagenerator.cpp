// SPDX-License-Identifier: Apache-2.0
#include "datagenerator.h"

#include <QRandomGenerator>
#include <QSet>

namespace outcrop::sim {

namespace {

constexpr qint64 dayMs = 24LL * 3600 * 1000;

const char *const teams[] = {"support", "claims", "search", "billing", "fraud", "legal", "hr", "sales",
                             "docs", "ops", "risk", "care", "triage", "retail", "kyc", "marketing"};
const char *const purposes[] = {"chat", "summarizer", "classifier", "router", "extractor", "assistant",
                                "qa", "translator", "tagger", "ranker", "redactor", "agent"};
const char *const environments[] = {"prod", "staging", "dev", "canary", "eval"};

struct BaseModel
{
    const char *modelId;   // as in the custom model ARN
    const char *name;      // ModelName pattern: [a-z0-9-]+.[a-z0-9-]+
};
const BaseModel baseModels[] = {
    {"amazon.nova-micro-v1:0:128k", "amazon.nova-micro-v1"},
    {"amazon.nova-lite-v1:0:300k", "amazon.nova-lite-v1"},
    {"amazon.nova-pro-v1:0:300k", "amazon.nova-pro-v1"},
};
const char *const customizationTypes[] = {"FINE_TUNING", "FINE_TUNING", "DISTILLATION", "CONTINUED_PRE_TRAINING"};

template <typename T, size_t N>
const T &pick(QRandomGenerator &random, const T (&items)[N])
{
    return items[random.bounded(static_cast<quint32>(N))];
}

class IdMaker
{
public:
    explicit IdMaker(QRandomGenerator &random) : m_random(random) {}
    // 12 chars of [a-z0-9]: the resource id in every ARN pattern of §2.
    QString next()
    {
        static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
        for (;;) {
            QString id;
            for (int i = 0; i < 12; ++i) {
                id += QLatin1Char(alphabet[m_random.bounded(36)]);
            }
            if (!m_used.contains(id)) {
                m_used.insert(id);
                return id;
            }
        }
    }

private:
    QRandomGenerator &m_random;
    QSet<QString> m_used;
};

QString uniqueName(QString name, QSet<QString> &used)
{
    const QString base = name;
    for (int n = 2; used.contains(name); ++n) {
        name = base + u'-' + QString::number(n);
    }
    used.insert(name);
    return name;
}

QDateTime between(QRandomGenerator &random, const QDateTime &from, const QDateTime &to)
{
    const qint64 span = qMax<qint64>(1, from.msecsTo(to));
    return from.addMSecs(static_cast<qint64>(random.bounded(static_cast<double>(span))));
}

} // namespace

QStringList DataGenerator::failureMessages()
{
    return {
        QStringLiteral("Deployment failed: insufficient capacity for the requested model units in this Region, try again later"),
        QStringLiteral("Model artifact \"model.safetensors\" failed its integrity check"),
        QStringLiteral("Model validation failed:\nline 1: unsupported tokenizer\nline 2: config.json is missing"),
        QStringLiteral("Le déploiement a échoué : quota dépassé — デプロイに失敗しました"),
        QStringLiteral("=HYPERLINK(\"https://example.com/logs\",\"see logs\") health checks failed, 3 of 3"),
        QStringLiteral("Internal error (request 5f0c2b7e), please contact AWS Support; \"retry\" did not help"),
    };
}

SimData DataGenerator::generate(const Options &options)
{
    QRandomGenerator random(options.seed);
    IdMaker ids(random);
    SimData data;
    const QString arnPrefix = QStringLiteral("arn:aws:bedrock:") + options.region + u':' + options.accountId + u':';
    const QDateTime earliest = options.anchor.addMSecs(-730 * dayMs);

    // Custom models first: deployments reference the Active ones.
    const int modelCount = qMax(4, options.deploymentCount / 8);
    QSet<QString> modelNames;
    QList<int> activeModels;
    for (int i = 0; i < modelCount; ++i) {
        const BaseModel &base = pick(random, baseModels);
        CustomModel model;
        const QString team = QLatin1String(pick(random, teams));
        const QString purpose = QLatin1String(pick(random, purposes));
        model.name = uniqueName(team + u'-' + purpose + QStringLiteral("-ft-v") + QString::number(1 + random.bounded(5)),
                                modelNames);
        const QString id = ids.next();
        model.arn = arnPrefix + QStringLiteral("custom-model/") + QLatin1String(base.modelId) + u'/' + id;
        model.baseModelArn = QStringLiteral("arn:aws:bedrock:") + options.region
            + QStringLiteral("::foundation-model/") + QLatin1String(base.modelId);
        model.baseModelName = QLatin1String(base.name);
        model.customizationType = QLatin1String(pick(random, customizationTypes));
        model.ownerAccountId = options.accountId;
        model.jobName = model.name + QStringLiteral("-job");
        model.jobArn = arnPrefix + QStringLiteral("model-customization-job/") + QLatin1String(base.modelId) + u'/' + ids.next();
        model.creationTime = between(random, earliest.addMSecs(-60 * dayMs), options.anchor.addMSecs(-7 * dayMs));
        // A few models are not usable, as in a real account.
        const quint32 roll = random.bounded(20);
        model.modelStatus = roll == 0 ? QStringLiteral("Failed") : roll == 1 ? QStringLiteral("Creating") : QStringLiteral("Active");
        if (model.modelStatus == QLatin1String("Failed")) {
            model.failureMessage = QStringLiteral("Training job failed: the training data contains invalid JSONL records");
        } else if (model.modelStatus == QLatin1String("Active")) {
            activeModels.append(i);
        }
        data.customModels.append(model);
    }
    if (activeModels.isEmpty()) {
        data.customModels[0].modelStatus = QStringLiteral("Active");
        data.customModels[0].failureMessage.clear();
        activeModels.append(0);
    }

    const QStringList failures = failureMessages();
    int failedCount = 0;
    QSet<QString> names;
    for (int i = 0; i < options.deploymentCount; ++i) {
        const CustomModel &model = data.customModels.at(activeModels.at(static_cast<int>(random.bounded(activeModels.size()))));
        Deployment deployment;
        const QString team = QLatin1String(pick(random, teams));
        const QString purpose = QLatin1String(pick(random, purposes));
        const QString environment = QLatin1String(pick(random, environments));
        const quint32 style = random.bounded(3);
        QString name;
        if (style == 0) {
            name = team + u'-' + purpose + u'-' + environment;
        } else if (style == 1) {
            name = team + u'_' + purpose + QStringLiteral("_v") + QString::number(1 + random.bounded(9));
        } else {
            name = purpose + u'-' + team + u'-' + environment;
        }
        deployment.name = uniqueName(name, names);
        deployment.arn = arnPrefix + QStringLiteral("custom-model-deployment/") + ids.next();
        deployment.modelArn = model.arn;
        deployment.tags = {{QStringLiteral("team"), team}, {QStringLiteral("env"), environment}};
        if (random.bounded(3) == 0) {
            deployment.description = QStringLiteral("Serves the ") + team + u' ' + purpose + QStringLiteral(" workload (")
                + environment + u')';
        }

        const quint32 roll = random.bounded(100);
        if (roll < 5) {
            // In flight: created in the last two hours before the anchor.
            deployment.status = QStringLiteral("Creating");
            deployment.createdAt = between(random, options.anchor.addMSecs(-2 * 3600 * 1000), options.anchor);
            deployment.lastUpdatedAt = deployment.createdAt;
        } else {
            deployment.createdAt = between(random, earliest, options.anchor);
            deployment.lastUpdatedAt = qMin(options.anchor, between(random, deployment.createdAt.addSecs(300),
                                                                    deployment.createdAt.addMSecs(2 * dayMs)));
            if (roll < 17) {
                deployment.status = QStringLiteral("Failed");
                deployment.failureMessage = failures.at(failedCount++ % failures.size());
            } else {
                deployment.status = QStringLiteral("Active");
                if (roll >= 95) {
                    const CustomModel &target = data.customModels.at(activeModels.at(
                        static_cast<int>(random.bounded(activeModels.size()))));
                    deployment.updateModelArn = target.arn;
                    deployment.updateStatus = roll == 99 ? QStringLiteral("UpdateFailed") : QStringLiteral("UpdateCompleted");
                }
            }
        }
        data.deployments.append(deployment);
    }
    return data;
}

} // namespace outcrop::sim
