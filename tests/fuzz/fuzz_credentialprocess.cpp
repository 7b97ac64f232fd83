// SPDX-License-Identifier: Apache-2.0
// What a credential_process prints (CredentialProcess::parseOutput) on arbitrary output. Checks:
// a failure has a message, a success has both keys, and no message repeats the secret or the
// session token the program printed (standard output holds the secrets).
#include "fuzzsupport.h"

#include "aws/credentialprocess.h"
#include "aws/utctime.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace outcrop::aws;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray output = outcrop::fuzz::bytes(data, size);
    const QDateTime now = utcDateTime(QDate(2025, 8, 1), QTime(9, 0));
    QString error;
    const AwsCredentials credentials = CredentialProcess::parseOutput(output, now, &error);
    if (!credentials.isValid()) {
        FUZZ_CHECK(!error.isEmpty());
    } else {
        FUZZ_CHECK(error.isEmpty());
        FUZZ_CHECK(!credentials.expires() || credentials.expiration >= now);
    }
    // The message does not depend on the secrets' values: with other values in their place it
    // is the same (so it cannot quote them).
    QJsonObject printed = QJsonDocument::fromJson(output.trimmed()).object();
    bool replaced = false;
    for (const char *secretKey : {"SecretAccessKey", "SessionToken"}) {
        const QLatin1String key(secretKey);
        if (printed.value(key).isString() && !printed.value(key).toString().isEmpty()) {
            printed.insert(key, QStringLiteral("replaced-secret-value"));
            replaced = true;
        }
    }
    if (replaced) {
        QString otherError;
        CredentialProcess::parseOutput(QJsonDocument(printed).toJson(), now, &otherError);
        FUZZ_CHECK(otherError == error);
    }
    return 0;
}
