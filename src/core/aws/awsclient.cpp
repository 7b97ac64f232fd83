// SPDX-License-Identifier: Apache-2.0
#include "aws/awsclient.h"

#include "aws/authprovider.h"
#include "aws/logging.h"
#include "aws/sigv4signer.h"
#include "aws/utctime.h"
#include "net/networkpolicy.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QUuid>

#include <algorithm>
#include <optional>
#include <utility>

namespace outcrop::aws {

namespace {

// The translation context "AwsClient" of this file (a class of its own: lupdate gives tr() calls
// in free functions the namespace as context).
class AwsClientTr
{
    Q_DECLARE_TR_FUNCTIONS(AwsClient)
};

// The Host header as QNetworkAccessManager would send it; we set it ourselves so that the bytes
// we sign are the bytes on the wire.
QByteArray hostHeaderFor(const QUrl &url)
{
    QByteArray host = url.host(QUrl::FullyEncoded).toLatin1();
    if (host.contains(':')) {
        host = '[' + host + ']';   // IPv6 literal
    }
    const int port = url.port();
    const int defaultPort = url.scheme() == QLatin1String("https") ? 443 : 80;
    if (port != -1 && port != defaultPort) {
        host += ':' + QByteArray::number(port);
    }
    return host;
}

// A request without a body goes out through get()/deleteResource(), not sendCustomRequest():
// Qt gives a custom request a QBuffer as its upload device, and a reply with an upload device
// starts on the next turn of the caller's event loop (QNetworkReplyHttpImpl's constructor queues
// _q_startOperation), so a request made in the middle of a page's work left only after that work,
// and the HTTP thread forwarded an empty upload as well. Without a body the reply starts at once.
QNetworkReply *sendRequest(QNetworkAccessManager *network, const QNetworkRequest &request,
                           const QByteArray &method, const QByteArray &body)
{
    if (body.isEmpty()) {
        if (method == "GET") {
            return network->get(request);
        }
        if (method == "DELETE") {
            return network->deleteResource(request);
        }
    }
    return network->sendCustomRequest(request, method, body);
}

AwsError networkError(const QNetworkReply &reply, const QString &operation)
{
    QString text = AwsClientTr::tr("Could not reach %1: %2").arg(reply.url().host(), reply.errorString());
    if (reply.error() == QNetworkReply::SslHandshakeFailedError) {
        // Qt's text names the certificate problem ("self-signed", "expired", "host name does not
        // match"); the usual cause behind a corporate proxy or a private endpoint is a private
        // certificate authority, which the AWS tools trust through these two settings.
        text += QLatin1Char(' ')
            + AwsClientTr::tr("If the endpoint uses a private certificate authority, give its certificate with "
                              "AWS_CA_BUNDLE or ca_bundle in the profile.");
    }
    return AwsError::make(AwsError::Kind::Network, text, operation);
}

} // namespace

AwsClient::AwsClient(QNetworkAccessManager *network, AuthProvider *auth, AwsClientConfig config, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_auth(auth)
    , m_config(std::move(config))
    , m_userAgent(QByteArrayLiteral("outcrop/") + QCoreApplication::applicationVersion().toLatin1()
                  + QByteArrayLiteral(" Qt/") + qVersion())
{
    if (!m_config.clock) {
        m_config.clock = [] { return QDateTime::currentDateTimeUtc(); };
    }
    if (!m_config.retry.random) {
        m_config.retry.random = [] { return QRandomGenerator::global()->generateDouble(); };
    }
}

AwsClient::~AwsClient() = default;

AwsCall *AwsClient::send(AwsHttpRequest request)
{
    auto *call = new AwsCall(this, std::move(request));
    // Start on the next turn of the event loop, so the caller can connect to finished() first.
    QMetaObject::invokeMethod(call, &AwsCall::startFirstAttempt, Qt::QueuedConnection);
    return call;
}

QDateTime AwsClient::now() const
{
    return m_config.clock().addMSecs(m_clockOffsetMs);
}

bool AwsClient::learnServerClock(const QByteArray &dateHeader, bool hasAgeHeader, bool isError)
{
    // As @aws-sdk/core's AwsSdkSigV4Signer: every reply with a Date header (but not a cached one,
    // which has an Age header) sets the offset; an error reply that moves it by 4 minutes or more
    // is marked clock-skew-corrected (bedrock-api.md §10.3).
    if (dateHeader.isEmpty() || hasAgeHeader) {
        return false;
    }
    const QDateTime serverTime = parseHttpDate(dateHeader);
    if (!serverTime.isValid()) {
        return false;
    }
    const qint64 offset = m_config.clock().msecsTo(serverTime);
    const bool corrected = isError && std::abs(offset - m_clockOffsetMs) >= 240 * 1000;
    if (std::abs(offset - m_clockOffsetMs) >= 240 * 1000) {
        qCInfo(lcNet) << "clock skew: the server's clock is" << offset / 1000 << "s ahead of this computer's";
    }
    m_clockOffsetMs = offset;
    return corrected;
}

AwsCall::AwsCall(AwsClient *client, AwsHttpRequest request)
    : QObject(client)
    , m_client(client)
    , m_request(std::move(request))
    , m_invocationId(QUuid::createUuid().toByteArray(QUuid::WithoutBraces))
{
    m_attemptTimer.setSingleShot(true);
    m_retryTimer.setSingleShot(true);
    connect(&m_attemptTimer, &QTimer::timeout, this, &AwsCall::onAttemptTimeout);
    connect(&m_retryTimer, &QTimer::timeout, this, &AwsCall::startAttempt);
}

AwsCall::~AwsCall()
{
    dropReply();
}

void AwsCall::dropReply()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
    m_reply.clear();
}

void AwsCall::cancel()
{
    if (m_finished) {
        return;
    }
    finish(AwsError::make(AwsError::Kind::Cancelled, AwsClientTr::tr("Cancelled."), m_request.operation));
}

void AwsCall::startFirstAttempt()
{
    if (m_attempt == 0) {
        startAttempt();
    }
}

void AwsCall::startNow()
{
    if (m_attempt > 0 || m_finished) {
        return;
    }
    if (const std::optional<AwsAuth> auth = m_client->m_auth->readyAuth()) {
        ++m_attempt;
        sendWith(*auth);
        return;
    }
    startAttempt();
}

void AwsCall::startAttempt()
{
    if (m_finished) {
        return;
    }
    ++m_attempt;
    m_client->m_auth->fetchAuth(this, [this](const AwsAuth &auth, const AwsError &error) {
        if (m_finished) {
            return;
        }
        if (error.isError()) {
            AwsError failure = error;
            failure.operation = m_request.operation;
            finish(failure);
            return;
        }
        sendWith(auth);
    });
}

void AwsCall::sendWith(const AwsAuth &auth)
{
    const AwsClientConfig &config = m_client->m_config;
    const QUrl url = m_request.target.urlOn(config.endpoint);
    const QString endpointProblem = net::NetworkPolicy::checkEndpoint(url);
    if (!endpointProblem.isEmpty()) {
        finish(AwsError::make(AwsError::Kind::Configuration, endpointProblem, m_request.operation));
        return;
    }

    SigningRequest signing;
    signing.method = m_request.method;
    signing.target = AwsRequestTarget::wireTarget(url);
    signing.body = m_request.body;
    signing.headers.append({ QByteArrayLiteral("Host"), hostHeaderFor(url) });
    if (!m_request.body.isEmpty()) {
        signing.headers.append({ QByteArrayLiteral("Content-Type"), m_request.contentType });
    }
    signing.headers += m_request.headers;

    QList<HttpHeader> headers = signing.headers;
    if (auth.anonymous) {
        // smithy.api#noAuth: nothing to add.
    } else if (auth.isBearer()) {
        headers.append({ QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + auth.bearerToken });
    } else {
        SigningOptions options;
        options.region = config.region;
        options.service = config.service;
        options.time = m_client->now();
        headers += SigV4Signer::signHeaders(signing, auth.credentials, options).addedHeaders;
    }

    QNetworkRequest request(url);
    net::NetworkPolicy::applyRequestDefaults(request, config.attemptTimeoutMs);
    if (config.ssl && url.scheme() == QLatin1String("https")) {
        request.setSslConfiguration(*config.ssl);
    }
    for (const HttpHeader &header : std::as_const(headers)) {
        request.setRawHeader(header.name, header.value);
    }
    request.setRawHeader(QByteArrayLiteral("User-Agent"), m_client->m_userAgent);
    // The SDKs' invocation id (the same on every attempt) and attempt counter: not signed, but
    // they let AWS Support tie the attempts of one call together.
    request.setRawHeader(QByteArrayLiteral("amz-sdk-invocation-id"), m_invocationId);
    request.setRawHeader(QByteArrayLiteral("amz-sdk-request"),
                         "attempt=" + QByteArray::number(m_attempt) + "; max="
                             + QByteArray::number(config.retry.maxAttempts));

    m_timedOut = false;
    m_reply = sendRequest(m_client->m_network, request, m_request.method, m_request.body);
    m_arrivedBody.clear();
    m_announcedLength = -1;
    QNetworkReply *reply = m_reply;
    connect(reply, &QIODevice::readyRead, this, [this, reply] {
        if (reply == m_reply) {
            readArrivedBody(*reply);
        }
    });
    connect(m_reply, &QNetworkReply::finished, this, &AwsCall::onReplyFinished);
    m_attemptTimer.start(config.attemptTimeoutMs);
}

// The body is read as it arrives, into one buffer the size of Content-Length, rather than with
// readAll() once the reply has finished: the copy out of the reply's buffer (and the first touch
// of the new memory) then overlaps the rest of the transfer instead of delaying what the caller
// does with the body (for the export, checking a page and asking for the next one;
// docs/benchmarks.md).
void AwsCall::readArrivedBody(QNetworkReply &reply)
{
    const qint64 available = reply.bytesAvailable();
    if (available <= 0) {
        return;
    }
    if (m_arrivedBody.isEmpty()) {
        // Reserved only up to a bound: the header is the server's word, not a size to trust.
        constexpr qint64 largestReservation = 64 * 1024 * 1024;
        bool known = false;
        const qint64 announced = reply.header(QNetworkRequest::ContentLengthHeader).toLongLong(&known);
        if (known && announced > available && announced <= largestReservation) {
            m_arrivedBody.reserve(qsizetype(announced));
        }
        const int status = reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        m_announcedLength = known && status >= 200 && status < 300 ? announced : -1;
    }
    const qsizetype before = m_arrivedBody.size();
    m_arrivedBody.resize(before + qsizetype(available));
    const qint64 read = reply.read(m_arrivedBody.data() + before, available);
    m_arrivedBody.resize(before + qsizetype(std::max<qint64>(read, 0)));
    if (m_announcedLength >= 0 && m_arrivedBody.size() == m_announcedLength && m_request.bodyArrived) {
        m_announcedLength = -1;   // once per attempt
        m_request.bodyArrived(m_arrivedBody);
    }
}

void AwsCall::onAttemptTimeout()
{
    if (m_reply) {
        m_timedOut = true;
        m_reply->abort();   // finishes the reply with OperationCanceledError; onReplyFinished sees m_timedOut
    }
}

void AwsCall::onReplyFinished()
{
    m_attemptTimer.stop();
    QNetworkReply *reply = m_reply;
    m_reply.clear();
    if (!reply) {
        return;
    }
    reply->deleteLater();

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray requestId = reply->rawHeader(QByteArrayLiteral("x-amzn-RequestId"));
    m_requestId = QString::fromLatin1(requestId);
    m_httpStatus = status;

    if (m_timedOut) {
        failAttempt(AwsError::make(AwsError::Kind::Timeout,
                                   AwsClientTr::tr("%1 timed out after %2 s.")
                                       .arg(m_request.operation)
                                       .arg(m_client->m_config.attemptTimeoutMs / 1000.0),
                                   m_request.operation),
                    false, -1);
        return;
    }
    const bool gotHttpReply = status > 0;
    const bool isError = !gotHttpReply || status >= 300;
    const bool skewCorrected = m_client->learnServerClock(reply->rawHeader(QByteArrayLiteral("Date")),
                                                          reply->hasRawHeader(QByteArrayLiteral("Age")), isError);
    readArrivedBody(*reply);
    QByteArray body = std::exchange(m_arrivedBody, QByteArray());

    if (status >= 300 && status < 400) {
        AwsError error = AwsError::make(AwsError::Kind::Redirect, net::NetworkPolicy::redirectError(*reply),
                                        m_request.operation);
        error.httpStatus = status;
        finish(error);
        return;
    }
    // A reply whose connection broke midway has a status but an error too: the body is partial.
    const bool transportFailed = reply->error() != QNetworkReply::NoError && reply->error() < QNetworkReply::ContentAccessDenied;
    if (!gotHttpReply || (transportFailed && status < 300)) {
        failAttempt(networkError(*reply, m_request.operation), false, -1);
        return;
    }
    if (status >= 400) {
        AwsError error = AwsError::fromHttpReply(status, reply->rawHeader(QByteArrayLiteral("x-amzn-ErrorType")), body,
                                                 requestId, m_request.operation);
        if (error.kind == AwsError::Kind::ExpiredToken) {
            m_client->m_auth->invalidate();
        }
        const int hint = retryAfterHintMs(reply->rawHeader(QByteArrayLiteral("Retry-After")),
                                          reply->rawHeader(QByteArrayLiteral("x-amz-retry-after")), m_client->now());
        failAttempt(error, skewCorrected, hint);
        return;
    }
    if (m_request.acceptBody) {
        QString problem;
        if (!m_request.acceptBody(body, &problem)) {
            AwsError error = AwsError::make(
                AwsError::Kind::BadReply, AwsClientTr::tr("%1 returned a reply Outcrop cannot read: %2").arg(m_request.operation, problem),
                m_request.operation);
            error.httpStatus = status;
            error.requestId = m_requestId;
            failAttempt(error, false, -1);
            return;
        }
    }
    m_body = std::move(body);
    m_client->m_quota.release(m_lastRetryCost);
    finish(AwsError());
}

void AwsCall::failAttempt(AwsError error, bool clockSkewCorrected, int retryAfterMs)
{
    RetryClass retryClass = classifyForRetry(error, clockSkewCorrected);
    if (error.kind == AwsError::Kind::BadReply) {
        retryClass = RetryClass::Transient;
    }
    const RetrySettings &settings = m_client->m_config.retry;
    int cost = 0;
    if (retryClass == RetryClass::NotRetryable || m_attempt >= settings.maxAttempts
        || !m_client->m_quota.acquire(retryClass, &cost)) {
        finish(error);
        return;
    }
    m_lastRetryCost = cost;
    int delay = 0;
    if (!clockSkewCorrected) {
        delay = backoffDelayMs(retryClass, m_attempt - 1, settings.random(), settings);
        delay = delayWithHint(delay, retryAfterMs);
    }
    m_retryDelays.append(delay);
    qCDebug(lcNet) << m_request.operation << "attempt" << m_attempt << "failed (" << error.code << error.httpStatus
                   << "); retrying in" << delay << "ms";
    m_retryTimer.start(delay);
}

void AwsCall::finish(AwsError error)
{
    if (m_finished) {
        return;
    }
    m_finished = true;
    m_attemptTimer.stop();
    m_retryTimer.stop();
    dropReply();
    if (error.isError() && error.requestId.isEmpty()) {
        error.requestId = m_requestId;
    }
    m_error = std::move(error);
    emit finished();
}

} // namespace outcrop::aws
