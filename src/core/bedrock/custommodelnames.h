// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "bedrock/deployment.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>
#include <QStringList>

namespace outcrop::aws {
class AwsCall;
struct AwsError;
} // namespace outcrop::aws

namespace outcrop::bedrock {

class BedrockClient;

// The display names of custom models, by ARN, for the Model column and the detail pane.
// setClient() lists every custom model (ListCustomModels, all pages); an ARN that list did not
// have is asked for with GetCustomModel (a model shared from another account, or created since).
// Names are display sugar: when a call fails or the user may not make it (AccessDenied), the
// short name from the ARN serves quietly and nothing is reported.
class CustomModelNames final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CustomModelNames)

public:
    explicit CustomModelNames(QObject *parent = nullptr);
    ~CustomModelNames() override;

    // Forgets every name, cancels the calls in flight and lists the models through `client`
    // (nullptr: no calls; short names only).
    void setClient(BedrockClient *client);

    // The model's name when known, else shortNameFromArn(modelArn). Never starts a call.
    QString displayName(const QString &modelArn) const;
    bool hasName(const QString &modelArn) const { return m_names.contains(modelArn); }
    // Asks for the name of an ARN not known yet (after the list, with GetCustomModel); does
    // nothing for a known ARN, one already asked for, or one that could not be fetched.
    void resolve(const QString &modelArn);
    bool isListing() const { return m_listing; }
    // Every model whose name is known (for choosing a model to filter by), in no particular order.
    QList<CustomModel> knownModels() const;

    // At most this many GetCustomModel calls at once, so a page of rows with many unknown models
    // does not fire a burst of requests.
    static constexpr int maxGetsInFlight = 4;

signals:
    // Real names learnt for these ARNs (never emitted for a fallback).
    void namesChanged(const QStringList &modelArns);

private:
    void listPage(const QString &nextToken);
    void startGets();

    QPointer<BedrockClient> m_client;
    QHash<QString, QString> m_names;               // ARN -> name from the service
    mutable QHash<QString, QString> m_shortNames;  // ARN -> fallback, so rows share one string
    QStringList m_queue;                           // ARNs waiting for GetCustomModel
    QSet<QString> m_asked;                         // queued, in flight, or given up
    QList<QPointer<aws::AwsCall>> m_calls;
    bool m_listing = false;
    bool m_getDenied = false;                      // GetCustomModel is not allowed: stop asking
    int m_getsInFlight = 0;
    quint64 m_generation = 0;                      // bumped by setClient; older replies are dropped
};

} // namespace outcrop::bedrock
