// SPDX-License-Identifier: Apache-2.0
#include "bedrock/bedrocksession.h"

#include "aws/authprovider.h"
#include "aws/awsclient.h"
#include "aws/awsenvironment.h"
#include "aws/awssharedconfig.h"
#include "aws/bearertoken.h"
#include "aws/chainauthprovider.h"
#include "aws/credentialchain.h"
#include "aws/stsclient.h"
#include "bedrock/bedrockclient.h"
#include "net/networkpolicy.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>

namespace outcrop::bedrock {

namespace {

// Why the session has no STS client (no account shown).
class BedrockSessionTr
{
    Q_DECLARE_TR_FUNCTIONS(BedrockSession)
};

} // namespace

BedrockConnection BedrockConnection::resolve(const aws::AwsClientOptions &options,
                                             const aws::AwsEnvironment &environment)
{
    BedrockConnection connection;
    const aws::AwsSharedConfig shared = aws::AwsSharedConfig::load(environment);
    if (!shared.errorString().isEmpty()) {
        connection.error = shared.errorString();
        return connection;
    }
    connection.profile = environment.profileName(options.profile);
    const aws::AwsProfile profile = shared.profile(connection.profile);
    connection.region = aws::resolveRegion(options, environment, profile);
    connection.endpoint = aws::resolveEndpoint(options, environment, shared, profile, connection.region);
    if (!connection.region.isValid()) {
        connection.error = connection.region.error;
        return connection;
    }
    if (!connection.endpoint.isValid()) {
        connection.error = connection.endpoint.error;
        return connection;
    }
    connection.stsEndpoint = aws::resolveServiceEndpoint(QStringLiteral("sts"), {}, environment, shared, profile,
                                                         connection.region);
    const QString endpointProblem = net::NetworkPolicy::checkEndpoint(connection.endpoint.url);
    if (!endpointProblem.isEmpty()) {
        connection.error = endpointProblem;
        return connection;
    }
    // AWS_CA_BUNDLE, then the profile's ca_bundle (as botocore and the JS SDK read them). The
    // bundle adds trust; verification stays on.
    QString bundlePath = environment.value(QStringLiteral("AWS_CA_BUNDLE"));
    if (bundlePath.isEmpty()) {
        bundlePath = environment.expandHome(profile.value(QStringLiteral("ca_bundle")));
    }
    if (!bundlePath.isEmpty()) {
        net::CaBundle bundle;
        QString error;
        if (!bundle.load(bundlePath, &error)) {
            connection.error = error;
            return connection;
        }
        connection.ssl = bundle.sslConfiguration();
    }
    return connection;
}

BedrockSession::BedrockSession(const BedrockConnection &connection, const aws::AwsClientOptions &options,
                               const aws::AwsEnvironment &environment, QObject *parent)
    : BedrockSession(connection, options, environment, aws::AwsAuth(), parent)
{
}

BedrockSession::BedrockSession(const BedrockConnection &connection, const aws::AwsClientOptions &options,
                               const aws::AwsEnvironment &environment, const aws::AwsAuth &appAuth,
                               QObject *parent)
    : QObject(parent)
    , m_region(connection.region.region)
    , m_endpoint(connection.endpoint.url)
{
    m_chain = new aws::CredentialChain(environment, this);
    m_chain->setProfile(options.profile);
    QByteArray bearer;
    if (appAuth.isBearer()) {
        bearer = appAuth.bearerToken;
    } else if (appAuth.credentials.isValid()) {
        m_chain->setAppCredentials(appAuth.credentials);
    } else if (const std::optional<QString> fromEnvironment = aws::bedrockBearerToken(environment)) {
        bearer = fromEnvironment->toUtf8();
    }
    m_auth = std::make_unique<aws::ChainAuthProvider>(m_chain, bearer);
    build(connection.ssl);
    m_chain->setNetwork(m_network, connection.ssl);
    aws::StsSettings sts;
    sts.network = m_network;
    sts.region = connection.region.region;
    sts.ssl = connection.ssl;
    m_chain->setStsSettings(sts);
    m_stsAuth = std::make_unique<aws::ChainAuthProvider>(m_chain, QByteArray());
    buildSts(connection.stsEndpoint, connection.region.region, connection.ssl, m_stsAuth.get());
}

BedrockSession::BedrockSession(const BedrockConnection &connection, std::unique_ptr<aws::AuthProvider> auth,
                               QObject *parent)
    : QObject(parent)
    , m_region(connection.region.region)
    , m_endpoint(connection.endpoint.url)
    , m_auth(std::move(auth))
{
    build(connection.ssl);
    m_stsError = BedrockSessionTr::tr("No STS client: the session is authenticated for Bedrock only.");
}

BedrockSession::BedrockSession(const QUrl &endpoint, const QString &region, std::unique_ptr<aws::AuthProvider> auth,
                               QObject *parent)
    : QObject(parent)
    , m_region(region)
    , m_endpoint(endpoint)
    , m_auth(std::move(auth))
{
    build(std::nullopt);
    // The simulator serves STS on the same endpoint (POST / with a form body).
    aws::EndpointResolution sts;
    sts.url = endpoint;
    sts.custom = true;
    buildSts(sts, region, std::nullopt, m_auth.get());
}

BedrockSession::~BedrockSession()
{
    // The clients go first: their calls still refer to the network manager and the auth provider.
    delete m_bedrock;
    delete m_aws;
    delete m_sts;
}

void BedrockSession::buildSts(const aws::EndpointResolution &endpoint, const QString &region,
                              const std::optional<QSslConfiguration> &ssl, aws::AuthProvider *auth)
{
    if (!endpoint.isValid() || endpoint.url.isEmpty()) {
        m_stsError = endpoint.error.isEmpty() ? BedrockSessionTr::tr("No STS endpoint.") : endpoint.error;
        return;
    }
    aws::AwsClientConfig config;
    config.endpoint = endpoint.url;
    config.region = region;
    config.ssl = ssl;
    m_sts = new aws::StsClient(m_network, auth, config);
}

void BedrockSession::build(const std::optional<QSslConfiguration> &ssl)
{
    m_network = new QNetworkAccessManager(this);
    // Environment, then system proxy settings; never a proxy for loopback (networkpolicy.h).
    m_network->setProxyFactory(new net::AwsProxyFactory());
    aws::AwsClientConfig config;
    config.endpoint = m_endpoint;
    config.region = m_region;
    config.ssl = ssl;
    m_aws = new aws::AwsClient(m_network, m_auth.get(), config);
    m_bedrock = new BedrockClient(m_aws);
}

} // namespace outcrop::bedrock
