// SPDX-License-Identifier: Apache-2.0
#include "net/networkpolicy.h"

#include "aws/logging.h"

#include <QCoreApplication>
#include <QFile>
#include <QHostAddress>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace outcrop::net {

bool NetworkPolicy::isLoopbackHost(const QString &host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0) {
        return true;
    }
    QString literal = host;
    if (literal.startsWith(QLatin1Char('[')) && literal.endsWith(QLatin1Char(']'))) {
        literal = literal.mid(1, literal.size() - 2);
    }
    QHostAddress address;
    if (!address.setAddress(literal)) {
        return false;   // a name, not a literal address
    }
    // QHostAddress::isLoopback covers 127.0.0.0/8, ::1 and IPv4-mapped ::ffff:127.x.
    return address.isLoopback();
}

QString NetworkPolicy::checkEndpoint(const QUrl &endpoint)
{
    if (!endpoint.isValid() || endpoint.host().isEmpty()) {
        return QCoreApplication::translate("NetworkPolicy", "The endpoint \"%1\" is not a valid URL.").arg(endpoint.toDisplayString());
    }
    const QString scheme = endpoint.scheme().toLower();
    if (scheme == QLatin1String("https")) {
        return {};
    }
    if (scheme == QLatin1String("http")) {
        if (isLoopbackHost(endpoint.host())) {
            return {};
        }
        return QCoreApplication::translate("NetworkPolicy", "The endpoint %1 uses plain http://, which would send credentials unencrypted; "
                           "use https://, or http:// only for a loopback address (127.0.0.1, ::1, localhost).")
            .arg(endpoint.toDisplayString());
    }
    return QCoreApplication::translate("NetworkPolicy", "The endpoint %1 has the scheme \"%2\"; only https:// (and http:// on loopback) is allowed.")
        .arg(endpoint.toDisplayString(), endpoint.scheme());
}

void NetworkPolicy::applyRequestDefaults(QNetworkRequest &request, int transferTimeoutMs)
{
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(transferTimeoutMs);
}

QString NetworkPolicy::redirectError(const QNetworkReply &reply)
{
    const int status = reply.attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status < 300 || status > 399) {
        return {};
    }
    const QByteArray location = reply.rawHeader(QByteArrayLiteral("Location"));
    if (location.isEmpty()) {
        return QCoreApplication::translate("NetworkPolicy", "The server answered with a redirect (HTTP %1) without a Location; "
                           "Outcrop does not follow redirects.")
            .arg(status);
    }
    return QCoreApplication::translate("NetworkPolicy", "The server redirected to %1 (HTTP %2); Outcrop does not follow redirects, so that "
                       "credentials never go to another host. Check the endpoint URL.")
        .arg(QString::fromLatin1(location))
        .arg(status);
}

bool CaBundle::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QCoreApplication::translate("NetworkPolicy", "Cannot read the CA bundle %1: %2").arg(path, file.errorString());
        return false;
    }
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
    if (certificates.isEmpty()) {
        *error = QCoreApplication::translate("NetworkPolicy", "The CA bundle %1 holds no PEM certificate.").arg(path);
        return false;
    }
    m_certificates += certificates;
    return true;
}

QSslConfiguration CaBundle::sslConfiguration() const
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    if (!m_certificates.isEmpty()) {
        configuration.addCaCertificates(m_certificates);
    }
    configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
    return configuration;
}

namespace {
QUrl proxyUrlFrom(const QProcessEnvironment &environment, const QString &upper, const QString &lower)
{
    // curl gives the lower-case spelling precedence; the AWS CLI (through urllib) does the same.
    QString value = environment.value(lower);
    if (value.isEmpty()) {
        value = environment.value(upper);
    }
    if (value.isEmpty()) {
        return {};
    }
    if (!value.contains(QLatin1String("://"))) {
        value.prepend(QLatin1String("http://"));
    }
    return QUrl(value);
}

QNetworkProxy toProxy(const QUrl &url)
{
    const bool socks = url.scheme().startsWith(QLatin1String("socks"));
    QNetworkProxy proxy(socks ? QNetworkProxy::Socks5Proxy : QNetworkProxy::HttpProxy, url.host(),
                        static_cast<quint16>(url.port(socks ? 1080 : 80)));
    proxy.setUser(url.userName(QUrl::FullyDecoded));
    proxy.setPassword(url.password(QUrl::FullyDecoded));
    return proxy;
}
} // namespace

AwsProxyFactory::AwsProxyFactory(QProcessEnvironment environment)
    : m_httpsProxy(proxyUrlFrom(environment, QStringLiteral("HTTPS_PROXY"), QStringLiteral("https_proxy")))
    , m_httpProxy(proxyUrlFrom(environment, QStringLiteral("HTTP_PROXY"), QStringLiteral("http_proxy")))
{
    QString noProxy = environment.value(QStringLiteral("no_proxy"));
    if (noProxy.isEmpty()) {
        noProxy = environment.value(QStringLiteral("NO_PROXY"));
    }
    for (QString entry : noProxy.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        entry = entry.trimmed().toLower();
        if (!entry.isEmpty()) {
            m_noProxy.append(entry);
        }
    }
}

bool AwsProxyFactory::isExempt(const QString &host) const
{
    const QString name = host.toLower();
    for (const QString &entry : m_noProxy) {
        if (entry == QLatin1String("*")) {
            return true;
        }
        // ".example.com" and "example.com" both match example.com and its subdomains (curl's rule).
        const QString domain = entry.startsWith(QLatin1Char('.')) ? entry.mid(1) : entry;
        if (name == domain || name.endsWith(QLatin1Char('.') + domain)) {
            return true;
        }
    }
    return false;
}

QList<QNetworkProxy> AwsProxyFactory::queryProxy(const QNetworkProxyQuery &query)
{
    const QString host = query.peerHostName();
    if (NetworkPolicy::isLoopbackHost(host) || isExempt(host)) {
        return { QNetworkProxy(QNetworkProxy::NoProxy) };
    }
    const bool https = query.protocolTag().compare(QLatin1String("https"), Qt::CaseInsensitive) == 0
        || query.url().scheme() == QLatin1String("https");
    const QUrl &fromEnvironment = https ? m_httpsProxy : m_httpProxy;
    if (fromEnvironment.isValid() && !fromEnvironment.host().isEmpty()) {
        return { toProxy(fromEnvironment) };
    }
    return QNetworkProxyFactory::systemProxyForQuery(query);
}

} // namespace outcrop::net
