// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "aws/awsclient.h"
#include "aws/awscredentials.h"
#include "aws/awserror.h"

#include <QObject>
#include <QString>

#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace outcrop::aws {

class AuthProvider;

// AssumeRole's parameters (STS API reference). Empty strings and no duration are left out of the
// request, so STS applies its defaults (one hour).
struct AssumeRoleRequest
{
    QString roleArn;
    QString roleSessionName;
    QString externalId;
    std::optional<int> durationSeconds;
    QString serialNumber;   // mfa_serial
    QString tokenCode;      // the MFA device's current code
};

struct AssumedRole
{
    AwsCredentials credentials;   // with session token and expiration
    QString arn;                  // arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION
    QString assumedRoleId;        // AROA...:SESSION
};

// Who the credentials belong to (GetCallerIdentity).
struct CallerIdentity
{
    QString account;   // 123456789012
    QString arn;       // arn:aws:iam::123456789012:user/alice, or an assumed-role ARN
    QString userId;
};

// The two STS operations Outcrop needs, over an AwsClient signing for service "sts" (SigV4 on
// every attempt, retries, clock-skew correction). Query protocol: POST / with a form body
// (Action, Version=2011-06-15, parameters), XML replies; errors come back as AwsError (with the
// STS codes AccessDenied, ExpiredToken, InvalidClientTokenId, ValidationError, ...).
class StsClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StsClient)

public:
    static constexpr const char *kApiVersion = "2011-06-15";

    using AssumeRoleCallback = std::function<void(const AssumedRole &role, const AwsError &error)>;
    using CallerIdentityCallback = std::function<void(const CallerIdentity &identity, const AwsError &error)>;

    // config.service is set to "sts"; endpoint and region as resolved (resolveServiceEndpoint).
    StsClient(QNetworkAccessManager *network, AuthProvider *auth, AwsClientConfig config, QObject *parent = nullptr);
    ~StsClient() override;

    // Each calls `callback` once, later, unless `context` is destroyed first.
    void assumeRole(const AssumeRoleRequest &request, QObject *context, AssumeRoleCallback callback);
    void getCallerIdentity(QObject *context, CallerIdentityCallback callback);

    AwsClient *awsClient() const { return m_client; }

    // The reply readers, public for tests. False with *error naming what is missing; never a secret.
    static bool readAssumeRoleResponse(const QByteArray &body, AssumedRole *role, QString *error);
    static bool readCallerIdentityResponse(const QByteArray &body, CallerIdentity *identity, QString *error);

private:
    template<typename Result>
    void send(AwsHttpRequest http, bool (*read)(const QByteArray &, Result *, QString *), QObject *context,
              std::function<void(const Result &, const AwsError &)> callback);

    AwsClient *m_client;
};

} // namespace outcrop::aws
