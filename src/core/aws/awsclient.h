// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "aws/awserror.h"
#include "aws/awsurl.h"
#include "aws/retrypolicy.h"
#include "aws/sigv4signer.h"

#include <QByteArray>
#include <QDateTime>
#include <QObject>
#include <QSslConfiguration>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace outcrop::aws {

class AuthProvider;
struct AwsAuth;

struct AwsClientConfig
{
    QUrl endpoint;                      // https://bedrock.us-east-1.amazonaws.com, or the simulator's
    QString region;
    QString service = QStringLiteral("bedrock");
    int attemptTimeoutMs = 30000;       // one attempt, from sending to the last byte of the reply
    RetrySettings retry;
    std::function<QDateTime()> clock;   // UTC now; injectable for tests (default: the system clock)
    std::optional<QSslConfiguration> ssl;   // extra trusted CAs (AWS_CA_BUNDLE); verification stays on
};

// One HTTP request of an AWS REST API, before it is authenticated.
struct AwsHttpRequest
{
    QByteArray method = QByteArrayLiteral("GET");
    AwsRequestTarget target;
    QByteArray body;                    // empty for GET and DELETE (they carry no content-type)
    // Bedrock speaks JSON; STS (the query protocol) a form body, application/x-www-form-urlencoded.
    QByteArray contentType = QByteArrayLiteral("application/json");
    QString operation;                  // "ListCustomModelDeployments": for messages and the IAM action
    // Headers the operation binds its input to (SSO's x-amz-sso_bearer_token), signed with the
    // rest when the request is signed. They may hold secrets: never logged.
    QList<HttpHeader> headers;
    // Checks (and typically parses) a 2xx body. An error makes the attempt fail as a bad reply,
    // which is retried: a body cut short by a proxy or a dropped connection is the usual cause.
    std::function<bool(const QByteArray &body, QString *error)> acceptBody;
    // Called once per attempt when a 2xx body announced by Content-Length has arrived whole, on the
    // reply's last readyRead: before the reply finishes and before acceptBody has checked it. The
    // export's pager reads the next page's token from it to ask for that page at once
    // (DeploymentPager; docs/benchmarks.md "Fifth round"). Nothing may be concluded from it: the
    // body may still be refused.
    std::function<void(const QByteArray &body)> bodyArrived;
};

class AwsCall;

// Sends authenticated requests to one AWS endpoint: SigV4 (or bearer) on every attempt, retries
// with the SDKs' standard policy and a shared retry quota, clock-skew correction from the
// server's Date header. Never blocks; every call is an AwsCall job.
class AwsClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AwsClient)

public:
    AwsClient(QNetworkAccessManager *network, AuthProvider *auth, AwsClientConfig config, QObject *parent = nullptr);
    ~AwsClient() override;

    // Starts a call. The call is a child of the client; delete it (deleteLater) once finished.
    AwsCall *send(AwsHttpRequest request);

    const AwsClientConfig &config() const { return m_config; }
    const RetryQuota &retryQuota() const { return m_quota; }
    // Server time minus local time, learnt from Date headers; applied to every signature.
    qint64 clockOffsetMs() const { return m_clockOffsetMs; }

private:
    friend class AwsCall;
    QDateTime now() const;
    // Records the server's clock from a reply; true when an error reply moved the offset by four
    // minutes or more (the JS SDK's "clockSkewCorrected", which makes the error retryable at once).
    bool learnServerClock(const QByteArray &dateHeader, bool hasAgeHeader, bool isError);

    QNetworkAccessManager *m_network;
    AuthProvider *m_auth;
    AwsClientConfig m_config;
    RetryQuota m_quota;
    qint64 m_clockOffsetMs = 0;
    QByteArray m_userAgent;
};

// One logical API call: attempts, retries, timeout, cancellation. Emits finished() exactly once.
class AwsCall final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AwsCall)

public:
    ~AwsCall() override;

    // Aborts the request in flight (or the wait before a retry) and finishes with Kind::Cancelled.
    void cancel();
    // Starts the first attempt now instead of on the next turn of the event loop (send()'s
    // default), with the auth provider's ready answer when it has one (AuthProvider::readyAuth),
    // so that the request is on its way before the caller returns. Connect to finished() first:
    // a request that cannot be sent at all finishes before this returns. Nothing once started.
    void startNow();

    bool isFinished() const { return m_finished; }
    bool succeeded() const { return m_finished && !m_error.isError(); }
    const AwsError &error() const { return m_error; }
    int httpStatus() const { return m_httpStatus; }
    const QByteArray &body() const { return m_body; }
    QString requestId() const { return m_requestId; }
    int attempts() const { return m_attempt; }
    // The delays waited before each retry, in milliseconds (for tests and diagnostics).
    const QList<int> &retryDelays() const { return m_retryDelays; }
    const QString &operation() const { return m_request.operation; }

signals:
    void finished();

private:
    friend class AwsClient;
    AwsCall(AwsClient *client, AwsHttpRequest request);

    void startFirstAttempt();
    void startAttempt();
    void sendWith(const AwsAuth &auth);
    void onReplyFinished();
    void readArrivedBody(QNetworkReply &reply);
    void onAttemptTimeout();
    void failAttempt(AwsError error, bool clockSkewCorrected, int retryAfterMs);
    void finish(AwsError error);
    void dropReply();

    AwsClient *m_client;
    AwsHttpRequest m_request;
    QByteArray m_invocationId;
    QPointer<QNetworkReply> m_reply;
    QTimer m_attemptTimer;
    QTimer m_retryTimer;
    int m_attempt = 0;
    int m_lastRetryCost = 0;
    bool m_timedOut = false;
    bool m_finished = false;
    AwsError m_error;
    int m_httpStatus = 0;
    QByteArray m_body;
    QByteArray m_arrivedBody;   // the reply's bytes read so far, this attempt
    qint64 m_announcedLength = -1;   // this attempt's 2xx Content-Length, for bodyArrived; -1: none
    QString m_requestId;
    QList<int> m_retryDelays;
};

} // namespace outcrop::aws
