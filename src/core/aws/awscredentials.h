// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDateTime>
#include <QDebug>
#include <QString>

namespace outcrop::aws {

// A set of AWS credentials. Held in memory only; the secret parts never reach a log, an error
// message or a settings file (operator<< prints the key id and the source, nothing else).
struct AwsCredentials
{
    QString accessKeyId;
    QString secretAccessKey;
    QString sessionToken;   // empty for long-term keys
    QDateTime expiration;   // invalid when the credentials do not expire
    QString source;         // where they came from, for messages: "environment", "profile dev in ~/.aws/credentials", ...

    bool isValid() const { return !accessKeyId.isEmpty() && !secretAccessKey.isEmpty(); }
    bool expires() const { return expiration.isValid(); }
    // True when the credentials run out within `margin` seconds of `now`.
    bool expiresWithin(const QDateTime &now, qint64 margin) const
    {
        return expires() && now.secsTo(expiration) <= margin;
    }
};

QDebug operator<<(QDebug debug, const AwsCredentials &credentials);

} // namespace outcrop::aws
