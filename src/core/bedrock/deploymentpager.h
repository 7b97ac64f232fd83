// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "aws/awserror.h"
#include "bedrock/arnset.h"
#include "bedrock/bedrockjson.h"
#include "bedrock/deploymentquery.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QString>

#include <functional>

namespace outcrop::aws {
class AwsCall;
}

namespace outcrop::bedrock {

class BedrockClient;

// Pages through ListCustomModelDeployments: one page at a time (the table asks for more as the
// user scrolls) or all of them (export). Rows are de-duplicated by ARN, and a service that hands
// back a token it gave before stops the pager with an error instead of looping for ever.
class DeploymentPager final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeploymentPager)

public:
    DeploymentPager(BedrockClient *client, DeploymentQuery query, QObject *parent = nullptr);
    ~DeploymentPager() override;

    // Requests the next page, unless one is loading or the last one has arrived.
    void fetchNext();
    // Requests pages one after another until the last (or an error).
    void fetchAll();
    void cancel();
    // Pages the page reader takes arrive raw through rawPageArrived instead of pageArrived (the
    // export's CSV path); de-duplication and every other rule stay the same. Set before fetching.
    void setRawPages(bool raw) { m_raw = raw; }

    bool isLoading() const;
    bool hasMore() const { return !m_done && !m_failed; }
    int rowCount() const { return int(m_seenArns.size()); }
    int pageCount() const { return m_pages; }
    const DeploymentQuery &query() const { return m_query; }

signals:
    // New rows of one page (rows already seen are left out).
    void pageArrived(const QList<outcrop::bedrock::DeploymentSummary> &rows);
    // The same for a raw page (setRawPages): its rows as they stand (rows already seen are left out).
    void rawPageArrived(const outcrop::bedrock::RawDeploymentPage &page);
    void finished();                                     // the last page has arrived
    void failed(const outcrop::aws::AwsError &error);

private:
    aws::AwsCall *requestPage(const QString &token, std::function<void(const DeploymentPage &, const aws::AwsError &)> done);
    void onPage(const DeploymentPage &page, const aws::AwsError &error);
    // The early request (fetchAll with raw pages): the page in flight names the next token at
    // the end of its body; that page is asked for at once, before the current one is checked, and
    // adopted when the checked page has the same token (dropped otherwise).
    void requestGuessedPage(const QString &token);
    void onGuessedPage(int guess, const DeploymentPage &page, const aws::AwsError &error);
    // True when the guessed page is the one `token` names: it becomes the page in flight.
    bool adoptGuess(const QString &token);
    void dropGuess();
    QList<DeploymentSummary> freshRows(const DeploymentPage &page);
    RawDeploymentPage freshRows(const RawDeploymentPage &page);
    void emitRows(const DeploymentPage &page);

    BedrockClient *m_client;
    DeploymentQuery m_query;
    QString m_nextToken;
    QSet<QString> m_seenTokens;
    ArnSet m_seenArns;
    bool m_raw = false;
    QPointer<aws::AwsCall> m_call;
    QPointer<aws::AwsCall> m_guessedCall;   // asked for before the page in flight was checked
    QString m_guessedToken;                 // its token; empty: no guess
    int m_guessSerial = 0;                  // numbers the guesses, so late reports of dropped ones are ignored
    int m_adoptedGuess = -1;                // the guess whose reports onPage takes
    // A guessed page that finished before it was adopted (the page before it was retried).
    bool m_guessedResultReady = false;
    bool m_adoptedResultWaiting = false;    // adopted with its result ready: handed on after this page
    DeploymentPage m_guessedPage;
    aws::AwsError m_guessedError;
    bool m_waitingForCall = false;   // a rejected query reports on the next event-loop turn
    bool m_fetchAll = false;
    bool m_done = false;
    bool m_failed = false;
    int m_pages = 0;
};

} // namespace outcrop::bedrock
