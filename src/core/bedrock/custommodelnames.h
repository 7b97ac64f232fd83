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
// setClients() lists every custom model through each client (ListCustomModels, all pages); an ARN
// those lists did not have is asked for with GetCustomModel (a model shared from another account,
// or created since). Names are display sugar: when a call fails or the user may not make it
// (AccessDenied), the short name from the ARN serves quietly and nothing is reported.
//
// With several sources (one client per account and region), a model is asked for through the
// source its ARN belongs to ("arn:aws:bedrock:REGION:ACCOUNT:custom-model/..."): the client of
// that region whose account is the ARN's (learnt from the rows each source lists,
// setClientAccount()), else a client of that region whose account is not known yet, else any
// client of that region (a model shared across accounts). A model of a region no source serves
// keeps its short name. With one client, that client answers for every model, as before.
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
    // The same for several sources, in the window's order of sources (a null entry: a source that
    // could not be connected). Each client lists its own models, independently.
    void setClients(const QList<BedrockClient *> &clients);
    // The account source `client` lists from (the account in its deployments' ARNs).
    void setClientAccount(int client, const QString &account);

    // The model's name when known, else shortNameFromArn(modelArn). Never starts a call.
    QString displayName(const QString &modelArn) const;
    bool hasName(const QString &modelArn) const { return m_names.contains(modelArn); }
    // Asks for the name of an ARN not known yet (after the list of the source it belongs to, with
    // GetCustomModel); does nothing for a known ARN, one already asked for, one that could not be
    // fetched, or one no source can answer for.
    void resolve(const QString &modelArn);
    // True while any source is still listing its models.
    bool isListing() const;
    // True while any source is listing, has GetCustomModel calls in flight, or has ARNs waiting
    // for one; false once every answer has been taken in.
    bool isBusy() const;
    // Every model whose name is known (for choosing a model to filter by), in no particular order.
    QList<CustomModel> knownModels() const;
    // Which client resolve() would ask for `modelArn`; -1 when none can answer.
    int clientFor(const QString &modelArn) const;

    // At most this many GetCustomModel calls at once per source, so a page of rows with many
    // unknown models does not fire a burst of requests.
    static constexpr int maxGetsInFlight = 4;

signals:
    // Real names learnt for these ARNs (never emitted for a fallback).
    void namesChanged(const QStringList &modelArns);

private:
    struct Source
    {
        QPointer<BedrockClient> client;
        QString region;
        QString account;                 // empty until setClientAccount()
        QStringList queue;               // ARNs waiting for GetCustomModel
        bool listing = false;
        bool getDenied = false;          // GetCustomModel is not allowed here: stop asking
        int getsInFlight = 0;
    };

    void listPage(int source, const QString &nextToken);
    void startGets(int source);

    QList<Source> m_sources;
    QHash<QString, QString> m_names;               // ARN -> name from the service
    mutable QHash<QString, QString> m_shortNames;  // ARN -> fallback, so rows share one string
    QSet<QString> m_asked;                         // queued, in flight, or given up
    QList<QPointer<aws::AwsCall>> m_calls;
    quint64 m_generation = 0;                      // bumped by setClients; older replies are dropped
};

} // namespace outcrop::bedrock
