// SPDX-License-Identifier: Apache-2.0
#include "bedrock/deploymentpager.h"

#include "aws/awsclient.h"
#include "bedrock/bedrockclient.h"

#include <QCoreApplication>

#include <utility>

namespace outcrop::bedrock {

DeploymentPager::DeploymentPager(BedrockClient *client, DeploymentQuery query, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_query(std::move(query))
{
}

DeploymentPager::~DeploymentPager()
{
    cancel();
}

bool DeploymentPager::isLoading() const
{
    return !m_call.isNull() || m_waitingForCall;
}

aws::AwsCall *DeploymentPager::requestPage(const QString &token,
                                           std::function<void(const DeploymentPage &, const aws::AwsError &)> done)
{
    std::function<void(const QString &)> tailToken;
    if (m_raw && m_fetchAll) {
        tailToken = [this](const QString &next) { requestGuessedPage(next); };
    }
    return m_client->listDeployments(m_query, token, this, std::move(done), m_raw, std::move(tailToken));
}

void DeploymentPager::fetchNext()
{
    if (isLoading() || !hasMore()) {
        return;
    }
    m_waitingForCall = true;
    m_call = requestPage(m_nextToken, [this](const DeploymentPage &page, const aws::AwsError &error) {
        onPage(page, error);
    });
}

// Checking a 1000-row page and setting up the next request took the main thread ~0.5 ms per page
// while the connection stood idle; asked for from the body's tail, the next page is on the wire
// meanwhile (docs/benchmarks.md, "Fifth round"). Only one guess at a time, for the page in flight.
void DeploymentPager::requestGuessedPage(const QString &token)
{
    if (!m_fetchAll || m_call.isNull() || !m_guessedToken.isEmpty() || token == m_nextToken
        || m_seenTokens.contains(token)) {
        return;
    }
    m_guessedToken = token;
    m_guessedResultReady = false;
    const int guess = ++m_guessSerial;
    m_guessedCall = requestPage(token, [this, guess](const DeploymentPage &page, const aws::AwsError &error) {
        onGuessedPage(guess, page, error);
    });
    if (m_guessedCall) {
        m_guessedCall->startNow();   // not on the next turn: that would come after the check
    }
}

void DeploymentPager::onGuessedPage(int guess, const DeploymentPage &page, const aws::AwsError &error)
{
    if (guess == m_adoptedGuess) {
        onPage(page, error);
    } else if (guess == m_guessSerial && !m_guessedToken.isEmpty()) {
        // The page before it is being retried: kept until that one is checked.
        m_guessedCall.clear();
        m_guessedResultReady = true;
        m_guessedPage = page;
        m_guessedError = error;
    }
    // Otherwise a dropped guess (its Cancelled report, or a result nobody wants).
}

bool DeploymentPager::adoptGuess(const QString &token)
{
    if (m_guessedToken.isEmpty() || m_guessedToken != token) {
        dropGuess();
        return false;
    }
    m_adoptedGuess = m_guessSerial;
    m_guessedToken.clear();
    m_call = std::exchange(m_guessedCall, nullptr);
    m_waitingForCall = true;
    return true;
}

void DeploymentPager::dropGuess()
{
    m_guessedToken.clear();
    m_guessedResultReady = false;
    m_guessedPage = DeploymentPage();
    m_guessedError = aws::AwsError();
    // Cleared first: the call reports Cancelled at once, to a guess that is no longer wanted.
    if (QPointer<aws::AwsCall> call = std::exchange(m_guessedCall, nullptr)) {
        call->cancel();
    }
}

void DeploymentPager::fetchAll()
{
    m_fetchAll = true;
    fetchNext();
}

void DeploymentPager::cancel()
{
    m_fetchAll = false;
    dropGuess();
    if (std::exchange(m_adoptedResultWaiting, false)) {
        m_waitingForCall = false;   // an adopted page that had already arrived is not handed on
    }
    if (m_call) {
        m_call->cancel();   // reports Cancelled to onPage, which ignores it once m_call is gone
    }
}

void DeploymentPager::onPage(const DeploymentPage &page, const aws::AwsError &error)
{
    m_call.clear();
    m_waitingForCall = false;
    if (error.isError()) {
        if (error.kind != aws::AwsError::Kind::Cancelled) {
            dropGuess();
            m_failed = true;
            emit failed(error);
        }
        return;
    }
    ++m_pages;
    // A page is filtered before anything is emitted, so that rowCount() counts it in pageArrived.
    DeploymentPage fresh;
    fresh.isRaw = page.isRaw;
    if (page.isRaw) {
        fresh.raw = freshRows(page.raw);
    } else {
        fresh.deployments = freshRows(page);
    }
    const QString token = page.isRaw ? page.raw.nextToken : page.nextToken;
    if (!token.isEmpty() && m_seenTokens.contains(token)) {
        // The JS SDK's paginator has the same guard (stopOnSameToken); botocore raises
        // PaginationError. Without it a misbehaving service would page for ever.
        dropGuess();
        m_failed = true;
        emitRows(fresh);
        emit failed(aws::AwsError::make(
            aws::AwsError::Kind::BadReply,
            QCoreApplication::translate("DeploymentPager",
                                        "The service returned a page token it had already returned (after %Ln page(s)); "
                                        "stopped so as not to list the same rows for ever.",
                                        nullptr, m_pages),
            QStringLiteral("ListCustomModelDeployments")));
        return;
    }
    m_seenTokens.insert(token);
    m_nextToken = token;
    m_done = token.isEmpty();
    if (!m_done && m_fetchAll) {
        // The next page is asked for before this one is handed on, so that its transfer overlaps
        // whatever the receivers do with these rows (the export's CSV writing took longer than a
        // loopback transfer of a 1000-row page; docs/benchmarks.md). A receiver that cancels in
        // pageArrived cancels this request, whose Cancelled report onPage ignores. Usually it was
        // asked for already, from this page's tail.
        if (adoptGuess(token)) {
            m_adoptedResultWaiting = std::exchange(m_guessedResultReady, false);
        } else {
            fetchNext();
        }
    } else {
        dropGuess();
    }
    emitRows(fresh);
    if (m_done) {
        emit finished();
    }
    if (std::exchange(m_adoptedResultWaiting, false)) {
        // The adopted page had arrived while this one was retried (unless a receiver cancelled).
        onPage(std::exchange(m_guessedPage, DeploymentPage()), std::exchange(m_guessedError, aws::AwsError()));
    }
}

QList<DeploymentSummary> DeploymentPager::freshRows(const DeploymentPage &page)
{
    QList<DeploymentSummary> fresh;
    fresh.reserve(page.deployments.size());
    for (const DeploymentSummary &row : page.deployments) {
        if (m_seenArns.insert(QStringView(row.arn))) {
            fresh.append(row);
        }
    }
    return fresh;
}

RawDeploymentPage DeploymentPager::freshRows(const RawDeploymentPage &page)
{
    QList<bool> isNew(page.rows.size());
    bool allNew = true;
    for (qsizetype i = 0; i < page.rows.size(); ++i) {
        // The key of a plain ARN is its bytes as they stand; the reader checked that any other decodes.
        const RawJsonString &arn = page.rows.at(i).value(DeploymentField::Arn);
        isNew[i] = arn.plain ? m_seenArns.insert(QByteArrayView(arn.begin, arn.size))
                             : m_seenArns.insert(QStringView(arn.decode().value_or(QString())));
        allNew = allNew && isNew.at(i);
    }
    if (allNew) {
        return page;   // the usual case: nothing repeated, nothing copied
    }
    RawDeploymentPage fresh;
    fresh.body = page.body;
    fresh.nextToken = page.nextToken;
    for (qsizetype i = 0; i < page.rows.size(); ++i) {
        if (isNew.at(i)) {
            fresh.rows.append(page.rows.at(i));
        }
    }
    return fresh;
}

void DeploymentPager::emitRows(const DeploymentPage &page)
{
    if (page.isRaw) {
        emit rawPageArrived(page.raw);
    } else {
        emit pageArrived(page.deployments);
    }
}

} // namespace outcrop::bedrock
