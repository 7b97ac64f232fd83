// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>
#include <QStringList>

namespace outcrop::sim {

// An IAM role the simulator's STS lets callers assume (AssumeRole).
struct SimRole
{
    QString arn;                       // arn:aws:iam::123456789012:role/NAME
    // Who the trust policy lets in: key ids, or role ARNs (the holders of that role's sessions,
    // for role chaining). Empty: every key the simulator accepts.
    QStringList trustedPrincipals;
    QString externalId;                // required ExternalId; empty: none
    QString mfaSerial;                 // required SerialNumber; empty: no MFA condition
    QString mfaCode;                   // the code the device "shows" (TokenCode)
    int maxSessionDurationSeconds = 3600;   // the role's MaxSessionDuration (1 to 12 hours)
    QStringList allowedActions;        // Bedrock operations the sessions may call; empty: all
};

} // namespace outcrop::sim
