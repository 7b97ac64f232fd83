// SPDX-License-Identifier: Apache-2.0
#pragma once

// Helpers shared by the simulator tests: an HTTP client over QNetworkAccessManager that signs
// with the project's SigV4 signer (or sends a bearer token, or nothing), and a raw-socket client
// for what QNAM hides (split segments, pipelining, exact path bytes). Both spin the event loop
// while waiting, since the simulator runs in the same thread.

#include "simulator.h"

#include "aws/awscredentials.h"
#include "aws/sigv4signer.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>

#include <optional>

namespace outcrop::sim::test {

struct HttpResult
{
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QHash<QByteArray, QByteArray> headers;   // lower-case names
    QByteArray body;

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QByteArray header(const char *lowerName) const { return headers.value(QByteArray(lowerName)); }
    QString errorType() const { return QString::fromLatin1(header("x-amzn-errortype")); }
    QString message() const { return json().value(QStringLiteral("message")).toString(); }
};

inline aws::AwsCredentials exampleCredentials()
{
    aws::AwsCredentials credentials;
    credentials.accessKeyId = QStringLiteral("AKIDEXAMPLE");
    credentials.secretAccessKey = QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    credentials.source = QStringLiteral("test");
    return credentials;
}

// The headers SigV4 adds to a body-less request to 127.0.0.1:port, signed now.
inline QList<aws::HttpHeader> sigV4Headers(const QByteArray &method, const QByteArray &target, quint16 port,
                                           const aws::AwsCredentials &credentials,
                                           const QString &service = QStringLiteral("bedrock"))
{
    const aws::SigningRequest signing{method, target, {{"Host", "127.0.0.1:" + QByteArray::number(port)}}, {}};
    aws::SigningOptions options;
    options.region = QStringLiteral("us-east-1");
    options.service = service;
    options.time = QDateTime::currentDateTimeUtc();
    return aws::SigV4Signer::signHeaders(signing, credentials, options).addedHeaders;
}

class SimClient
{
public:
    enum class Auth { None, SigV4, Bearer };

    explicit SimClient(const Simulator &simulator) : m_base(simulator.serverUrl().toEncoded()) {}

    void useSigV4(const aws::AwsCredentials &credentials) { m_auth = Auth::SigV4; m_credentials = credentials; }
    void useBearer(const QByteArray &token) { m_auth = Auth::Bearer; m_bearer = token; }
    void useNoAuth() { m_auth = Auth::None; }
    // The signing time (default: now). Tests move it to provoke "Signature expired".
    void setSigningTime(const QDateTime &time) { m_signingTime = time; }
    void setSignBody(bool sign) { m_signBody = sign; }
    // Sent on every request, unsigned (e.g. SSO's x-amz-sso_bearer_token).
    void setExtraHeader(const QByteArray &name, const QByteArray &value) { m_extraHeaders.insert(name, value); }

    // `target` is path?query exactly as it should go on the wire.
    HttpResult send(const QByteArray &method, const QByteArray &target, const QByteArray &body = {})
    {
        const QUrl url = QUrl::fromEncoded(m_base + target, QUrl::StrictMode);
        QNetworkRequest request(url);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        if (!body.isEmpty()) {
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        }
        if (m_auth == Auth::Bearer) {
            request.setRawHeader("Authorization", "Bearer " + m_bearer);
        } else if (m_auth == Auth::SigV4) {
            aws::SigningRequest signing;
            signing.method = method;
            // Sign exactly what QNAM will send.
            signing.target = url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority);
            signing.headers.append({QByteArrayLiteral("Host"), url.host().toLatin1() + ':' + QByteArray::number(url.port())});
            if (!body.isEmpty()) {
                signing.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
            }
            signing.body = body;
            aws::SigningOptions options;
            options.region = QStringLiteral("us-east-1");
            options.service = QStringLiteral("bedrock");
            options.time = m_signingTime.isValid() ? m_signingTime : QDateTime::currentDateTimeUtc();
            options.signBody = m_signBody;
            const aws::SigningResult signed_ = aws::SigV4Signer::signHeaders(signing, m_credentials, options);
            for (const aws::HttpHeader &header : signed_.addedHeaders) {
                request.setRawHeader(header.name, header.value);
            }
        }
        for (auto it = m_extraHeaders.cbegin(); it != m_extraHeaders.cend(); ++it) {
            request.setRawHeader(it.key(), it.value());
        }
        QNetworkReply *reply = m_manager.sendCustomRequest(request, method, body);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished()) {
            finished.wait(15000);
        }
        HttpResult result;
        result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        result.error = reply->error();
        for (const auto &pair : reply->rawHeaderPairs()) {
            result.headers.insert(pair.first.toLower(), pair.second);
        }
        result.body = reply->readAll();
        reply->deleteLater();
        return result;
    }

    HttpResult get(const QByteArray &target) { return send("GET", target); }

    // Every page of a List call; `pageKey` is the array's name. Stops at 1000 pages.
    QList<QJsonObject> listAll(const QByteArray &path, const QByteArray &query, const char *pageKey, int *pages = nullptr)
    {
        QList<QJsonObject> rows;
        QString token;
        int count = 0;
        for (; count < 1000; ++count) {
            QByteArray target = path + '?' + query;
            if (!token.isEmpty()) {
                target += "&nextToken=" + token.toUtf8().toPercentEncoding();
            }
            const HttpResult result = get(target);
            if (result.status != 200) {
                qWarning() << "List failed:" << result.status << result.body;
                break;
            }
            const QJsonObject page = result.json();
            for (const QJsonValue &row : page.value(QLatin1String(pageKey)).toArray()) {
                rows.append(row.toObject());
            }
            token = page.value(QStringLiteral("nextToken")).toString();
            if (token.isEmpty()) {
                ++count;
                break;
            }
        }
        if (pages) {
            *pages = count;
        }
        return rows;
    }

private:
    QByteArray m_base;
    QNetworkAccessManager m_manager;
    Auth m_auth = Auth::None;
    aws::AwsCredentials m_credentials;
    QByteArray m_bearer;
    QDateTime m_signingTime;
    bool m_signBody = false;
    QHash<QByteArray, QByteArray> m_extraHeaders;
};

struct RawResponse
{
    int status = 0;
    QHash<QByteArray, QByteArray> headers;   // lower-case names
    QByteArray body;
};

// A plain TCP client: sends bytes as given, parses Content-Length framed responses.
class RawClient
{
public:
    bool connectTo(quint16 port)
    {
        QObject::connect(&m_socket, &QTcpSocket::readyRead, [this] { m_buffer += m_socket.readAll(); });
        m_socket.connectToHost(QHostAddress::LocalHost, port);
        return QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::ConnectedState; }, 5000);
    }
    void send(const QByteArray &bytes)
    {
        m_socket.write(bytes);
        m_socket.flush();
    }
    // The next complete response, or nullopt after `timeoutMs`.
    std::optional<RawResponse> read(int timeoutMs = 10000)
    {
        std::optional<RawResponse> response;
        static_cast<void>(QTest::qWaitFor([&] { return (response = takeResponse()).has_value(); }, timeoutMs));
        return response;
    }
    bool waitForDisconnect(int timeoutMs = 5000)
    {
        return QTest::qWaitFor([this] { return m_socket.state() == QAbstractSocket::UnconnectedState; }, timeoutMs);
    }
    QByteArray &buffer() { return m_buffer; }
    QTcpSocket &socket() { return m_socket; }

private:
    std::optional<RawResponse> takeResponse()
    {
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0) {
            return std::nullopt;
        }
        RawResponse response;
        const QList<QByteArray> lines = m_buffer.left(end).split('\n');
        response.status = lines.value(0).split(' ').value(1).toInt();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            response.headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
        }
        const qsizetype length = response.headers.value("content-length").toLongLong();
        if (m_buffer.size() < end + 4 + length) {
            return std::nullopt;
        }
        response.body = m_buffer.mid(end + 4, length);
        m_buffer.remove(0, end + 4 + length);
        return response;
    }

    QTcpSocket m_socket;
    QByteArray m_buffer;
};

inline SimConfig unauthenticatedConfig(int count = 200)
{
    SimConfig config;
    config.requireAuth = false;
    config.count = count;
    return config;
}

constexpr char deploymentsPath[] = "/model-customization/custom-model-deployments";

} // namespace outcrop::sim::test
