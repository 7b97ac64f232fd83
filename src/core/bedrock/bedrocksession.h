// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "aws/awsclientoptions.h"
#include "aws/endpointresolver.h"
#include "aws/regionresolver.h"

#include <QObject>
#include <QSslConfiguration>
#include <QUrl>

#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace outcrop::aws {
struct AwsAuth;
class AuthProvider;
class AwsClient;
class AwsEnvironment;
class CredentialChain;
class StsClient;
} // namespace outcrop::aws

namespace outcrop::bedrock {

class BedrockClient;

// Where and how to reach Bedrock, resolved from the user's choices, the environment and the
// shared config files as the AWS SDKs do. `error` names the first problem (a malformed config
// line, no region: "use --region", FIPS with a custom endpoint, an unreadable CA bundle, ...).
struct BedrockConnection
{
    QString profile;
    aws::RegionResolution region;
    aws::EndpointResolution endpoint;
    // STS, for role profiles and GetCallerIdentity. Its error is not the connection's: it matters
    // only when STS is called (then the call fails with it).
    aws::EndpointResolution stsEndpoint;
    std::optional<QSslConfiguration> ssl;   // with the AWS_CA_BUNDLE / ca_bundle certificates added
    QString error;

    bool isValid() const { return error.isEmpty(); }
    static BedrockConnection resolve(const aws::AwsClientOptions &options, const aws::AwsEnvironment &environment);
};

// Everything one Bedrock account/region needs, wired together: the network access manager (with
// the proxy rules), the credential chain, the AWS client and the Bedrock client.
class BedrockSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BedrockSession)

public:
    // A session for a resolved connection, authenticated through the credential chain (or a
    // Bedrock API key from AWS_BEARER_TOKEN_BEDROCK). `appAuth` is what the user chose in the app
    // (an app profile from the keychain) and comes first: its API key is the bearer token, or its
    // credentials head the chain (then AWS_BEARER_TOKEN_BEDROCK is not used, since the user picked
    // these credentials over it).
    BedrockSession(const BedrockConnection &connection, const aws::AwsClientOptions &options,
                   const aws::AwsEnvironment &environment, QObject *parent = nullptr);
    BedrockSession(const BedrockConnection &connection, const aws::AwsClientOptions &options,
                   const aws::AwsEnvironment &environment, const aws::AwsAuth &appAuth, QObject *parent = nullptr);
    // A session for a resolved connection (endpoint, region, CA bundle) authenticated by `auth`
    // alone, without the credential chain: an app profile of several sources, whose keychain
    // credentials are read when the first request needs them. No STS client (sts() is null):
    // `auth` may be a Bedrock API key, which STS does not take.
    BedrockSession(const BedrockConnection &connection, std::unique_ptr<aws::AuthProvider> auth,
                   QObject *parent = nullptr);
    // A session with a fixed endpoint and authentication (the simulator, tests).
    BedrockSession(const QUrl &endpoint, const QString &region, std::unique_ptr<aws::AuthProvider> auth,
                   QObject *parent = nullptr);
    ~BedrockSession() override;

    BedrockClient *client() const { return m_bedrock; }
    aws::AwsClient *awsClient() const { return m_aws; }
    // STS with the session's credentials (never a Bedrock API key): getCallerIdentity() for the
    // account shown in the title and status bar. Null when the STS endpoint cannot be resolved
    // (stsError() says why).
    aws::StsClient *sts() const { return m_sts; }
    QString stsError() const { return m_stsError; }
    // The credential chain (null for a session with fixed authentication): setMfaCodeProvider()
    // for role profiles with mfa_serial.
    aws::CredentialChain *credentialChain() const { return m_chain; }
    QString region() const { return m_region; }
    QUrl endpoint() const { return m_endpoint; }

private:
    void build(const std::optional<QSslConfiguration> &ssl);
    void buildSts(const aws::EndpointResolution &endpoint, const QString &region,
                  const std::optional<QSslConfiguration> &ssl, aws::AuthProvider *auth);

    QString m_region;
    QUrl m_endpoint;
    QNetworkAccessManager *m_network = nullptr;
    aws::CredentialChain *m_chain = nullptr;
    std::unique_ptr<aws::AuthProvider> m_auth;
    std::unique_ptr<aws::AuthProvider> m_stsAuth;   // the chain without the bearer token
    aws::StsClient *m_sts = nullptr;
    QString m_stsError;
    aws::AwsClient *m_aws = nullptr;
    BedrockClient *m_bedrock = nullptr;
};

} // namespace outcrop::bedrock
