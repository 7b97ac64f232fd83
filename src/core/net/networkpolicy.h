// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QNetworkProxyFactory>
#include <QProcessEnvironment>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QString>
#include <QUrl>

class QNetworkReply;
class QNetworkRequest;

namespace outcrop::net {

// The network rules every AWS request of Outcrop follows (issue #2, "Network defaults").
namespace NetworkPolicy {

// True for a host that is a loopback literal: 127.0.0.0/8, ::1, or the name "localhost".
// A name that merely resolves to loopback does not count: resolving it would be a DNS answer
// an attacker controls.
bool isLoopbackHost(const QString &host);

// An empty string when Outcrop may send credentials to `endpoint`; otherwise why not.
// Plain http:// is allowed only for loopback (the simulator, local test doubles).
QString checkEndpoint(const QUrl &endpoint);

// Redirects are never followed: QNetworkAccessManager's default policy sends the Authorization
// header on to the other host (../shared/docs/toolchain.md). Also sets the transfer timeout.
void applyRequestDefaults(QNetworkRequest &request, int transferTimeoutMs);

// For a finished reply with a 3xx status: the error text naming the Location; else empty.
QString redirectError(const QNetworkReply &reply);

} // namespace NetworkPolicy

// Trusted certificates: the system's, plus those of AWS_CA_BUNDLE / a profile's ca_bundle.
// Verification is never turned off; a bundle only adds trust.
class CaBundle
{
public:
    // Loads a PEM bundle; on failure returns false and sets `error` (naming the file).
    bool load(const QString &path, QString *error);
    QList<QSslCertificate> certificates() const { return m_certificates; }
    // The default configuration with the bundle's certificates added, and peer verification on.
    QSslConfiguration sslConfiguration() const;

private:
    QList<QSslCertificate> m_certificates;
};

// Picks the proxy for each request: loopback never goes through a proxy; then the environment
// (HTTPS_PROXY / https_proxy, HTTP_PROXY / http_proxy, NO_PROXY / no_proxy) as curl and the AWS
// CLI read it; then the system's settings.
class AwsProxyFactory final : public QNetworkProxyFactory
{
public:
    explicit AwsProxyFactory(QProcessEnvironment environment = QProcessEnvironment::systemEnvironment());
    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery &query) override;

    // Exposed for tests: does NO_PROXY exempt `host`?
    bool isExempt(const QString &host) const;

private:
    QUrl m_httpsProxy;
    QUrl m_httpProxy;
    QStringList m_noProxy;
};

} // namespace outcrop::net
