// SPDX-License-Identifier: Apache-2.0
// The restJson1 error reader (aws/awserror.h) on arbitrary replies. Input: parts separated by
// 0xFF: the x-amzn-ErrorType header, the body, the request id; the first byte picks the status.
#include "fuzzsupport.h"

#include "aws/awserror.h"

using namespace outcrop::aws;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0) {
        return 0;
    }
    const int httpStatus = 300 + data[0] * 3 % 300;   // 300-599
    const QList<QByteArray> parts = outcrop::fuzz::splitParts(outcrop::fuzz::bytes(data + 1, size - 1));
    const QByteArray errorType = parts.value(0);
    const QByteArray body = parts.value(1);
    const QByteArray requestId = parts.value(2);

    const AwsError error = AwsError::fromHttpReply(httpStatus, errorType, body, requestId,
                                                   QStringLiteral("ListCustomModelDeployments"));
    FUZZ_CHECK(error.isError());
    FUZZ_CHECK(error.httpStatus == httpStatus);
    FUZZ_CHECK(!error.userMessage().isEmpty());
    // A cleaned code has nothing left of a namespace ('#'), a URL (':') or a list (',').
    for (const QString &code : {error.code, AwsError::sanitizeCode(QString::fromUtf8(body))}) {
        FUZZ_CHECK(!code.contains(QLatin1Char(':')) && !code.contains(QLatin1Char('#'))
                   && !code.contains(QLatin1Char(',')));
    }
    return 0;
}
