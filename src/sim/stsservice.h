// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "httpmessage.h"
#include "simrole.h"

#include <QHash>
#include <QList>
#include <QString>

namespace outcrop::sim {

class Authenticator;
class SimClock;

// The two STS operations Outcrop calls, in the query protocol as AWS serves them: POST / with a
// form body (Action, Version=2011-06-15, parameters), replies in XML with the namespace
// https://sts.amazonaws.com/doc/2011-06-15/, errors as <ErrorResponse><Error><Type/><Code/>
// <Message/></Error><RequestId/></ErrorResponse> with STS's codes and statuses (AccessDenied 403,
// ExpiredToken 403, InvalidClientTokenId 403, SignatureDoesNotMatch 403, ValidationError 400, ...).
//
// AssumeRole checks the roles of the configuration (trust, external id, MFA code, session length)
// and issues temporary credentials that the Authenticator then accepts on the Bedrock routes
// until they expire (by the simulator's clock). GetCallerIdentity answers for configured keys
// (an IAM user named after the key id) and for issued sessions (the assumed-role ARN).
class StsService
{
public:
    StsService(Authenticator *authenticator, const SimClock *clock);

    void setAccountId(const QString &accountId) { m_accountId = accountId; }
    void setRoles(const QList<SimRole> &roles) { m_roles = roles; }
    void addRole(const SimRole &role) { m_roles.append(role); }

    // POST / with a form body: what the query protocol sends.
    static bool isStsRequest(const SimRequest &request);
    SimResponse handle(const SimRequest &request);

    // For tests: how many AssumeRole calls issued credentials.
    int issuedCount() const { return m_issuedCount; }

private:
    struct Identity
    {
        QString arn;
        QString userId;
        QString account;
        QString roleArn;   // for issued sessions
        QString accessKeyId;
    };
    SimResponse assumeRole(const QueryParameters &parameters, const Identity &caller, const QByteArray &requestId);
    SimResponse getCallerIdentity(const Identity &caller, const QByteArray &requestId) const;
    Identity identityOf(const QString &accessKeyId) const;

    Authenticator *m_authenticator;
    const SimClock *m_clock;
    QString m_accountId = QStringLiteral("123456789012");
    QList<SimRole> m_roles;
    QHash<QString, Identity> m_issued;   // by access key id
    int m_issuedCount = 0;
};

} // namespace outcrop::sim
