// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "deploymentstore.h"
#include "ssoservice.h"
#include "simrole.h"
#include "aws/utctime.h"

#include <QDateTime>
#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>

namespace outcrop::sim {

// A key the simulator accepts. allowedActions holds operation names ("ListCustomModelDeployments");
// empty means every action (per-key permissions give AccessDeniedException).
struct SimCredential
{
    QString accessKeyId;
    QString secretAccessKey;
    QString sessionToken;    // non-empty: temporary credentials, x-amz-security-token required
    QDateTime expiration;    // invalid: never expires
    QStringList allowedActions;
};

// A Bedrock API key (Authorization: Bearer ...).
struct SimBearerToken
{
    QString token;
    QStringList allowedActions;
};

// A modelled error the simulator returns on demand for an operation.
struct ForcedError
{
    QString operation;      // "GetCustomModelDeployment"
    QString errorType;      // "ConflictException"; must be modelled for the operation
    int count = -1;         // how many requests get it; -1 = all of them
    QString message;        // empty: a generated one
};

// Faults counted over every request the service receives (control requests excluded).
struct FaultSettings
{
    int throttleEvery = 0;        // every Kth request: 429 ThrottlingException
    int internalErrorEvery = 0;   // every Kth request: 500 InternalServerException
    int resetEvery = 0;           // every Kth response: connection reset half-way through the body
    int truncateEvery = 0;        // every Kth response: half the body, then a clean close
    int latencyMs = 0;            // added to every request with a timer (requests overlap)
};

// A lost reply: the next `count` requests of `operation` are carried out (a Create is committed),
// then the connection is reset before a byte of the reply is sent. The client cannot tell whether
// the change happened, and must be able to retry safely (idempotency tokens).
struct LostReplyFault
{
    QString operation;   // "CreateCustomModelDeployment"
    int count = 0;
};

// Every option of the simulator, usable from code (tests, the app's --demo) and from the
// outcrop-sim command line (SimCommandLine).
struct SimConfig
{
    QHostAddress address = QHostAddress(QHostAddress::LocalHost);
    quint16 port = 0;   // 0 = any free port
    QString region = QStringLiteral("us-east-1");
    QString accountId = QStringLiteral("123456789012");

    // Data: a JSON file when dataFile is set, else the generated set.
    QString dataFile;
    quint32 seed = 42;
    int count = 300;
    QDateTime anchor = outcrop::aws::utcDateTime(QDate(2026, 1, 1), QTime(0, 0));

    bool requireAuth = true;
    QList<SimCredential> credentials = {documentationCredential()};
    QList<SimBearerToken> bearerTokens;
    SimSsoSettings sso;   // IAM Identity Center (SsoService)
    QList<SimRole> roles;               // STS AssumeRole (StsService)
    qint64 maxClockSkewSeconds = 300;   // SigV4: "Signature expired" beyond 5 minutes
    // The simulator's clock runs this far from the system clock (SimClock; the Date header and
    // the SigV4 time check follow it), so a real SDK's clock-skew correction can be exercised.
    qint64 clockOffsetSeconds = 0;

    FaultSettings faults;
    LostReplyFault lostReplies;
    QList<ForcedError> forcedErrors;

    DeploymentStore::Timings timings;
    QString createFailurePattern = QStringLiteral("fail");   // created names matching it end Failed
    int defaultPageSize = 100;        // List without maxResults (the real default is not documented)
    int maxDeployments = 0;           // > 0: Create beyond it gives ServiceQuotaExceededException
    int prerenderPageSize = 0;        // > 0: render the unfiltered List pages of this size at start

    // The example key pair of the AWS SigV4 documentation.
    static SimCredential documentationCredential()
    {
        return {QStringLiteral("AKIDEXAMPLE"), QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"), {}, {}, {}};
    }
};

} // namespace outcrop::sim
