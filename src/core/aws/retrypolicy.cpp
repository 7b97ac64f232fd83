// SPDX-License-Identifier: Apache-2.0
#include "aws/retrypolicy.h"

#include "aws/utctime.h"


#include <algorithm>
#include <cmath>

namespace outcrop::aws {

RetryClass classifyForRetry(const AwsError &error, bool clockSkewCorrected)
{
    using Kind = AwsError::Kind;
    static const QStringList throttlingCodes {
        QStringLiteral("BandwidthLimitExceeded"), QStringLiteral("EC2ThrottledException"),
        QStringLiteral("LimitExceededException"), QStringLiteral("PriorRequestNotComplete"),
        QStringLiteral("ProvisionedThroughputExceededException"), QStringLiteral("RequestLimitExceeded"),
        QStringLiteral("RequestThrottled"), QStringLiteral("RequestThrottledException"), QStringLiteral("SlowDown"),
        QStringLiteral("ThrottledException"), QStringLiteral("Throttling"), QStringLiteral("ThrottlingException"),
        QStringLiteral("TooManyRequestsException"), QStringLiteral("TransactionInProgressException"),
    };
    if (error.kind == Kind::Cancelled) {
        return RetryClass::NotRetryable;
    }
    if (error.httpStatus == 429 || error.kind == Kind::Throttling || throttlingCodes.contains(error.code)) {
        return RetryClass::Throttling;
    }
    if (clockSkewCorrected) {
        return RetryClass::Transient;
    }
    if (error.kind == Kind::InvalidSignature && error.message.contains(QLatin1String("Signature expired"))) {
        return RetryClass::Transient;
    }
    if (error.kind == Kind::Timeout || error.kind == Kind::Network || error.code == QLatin1String("RequestTimeout")
        || error.code == QLatin1String("RequestTimeoutException")) {
        return RetryClass::Transient;
    }
    if (error.httpStatus == 500 || error.httpStatus == 502 || error.httpStatus == 503 || error.httpStatus == 504) {
        return RetryClass::Transient;
    }
    return RetryClass::NotRetryable;
}

int backoffDelayMs(RetryClass retryClass, int retriesMade, double random, const RetrySettings &settings)
{
    const double base = retryClass == RetryClass::Throttling ? settings.throttlingBaseMs : settings.transientBaseMs;
    const double ceiling = std::min(base * std::pow(2.0, std::min(retriesMade, 30)), double(settings.maxBackoffMs));
    return static_cast<int>(std::floor(random * ceiling));
}

int retryAfterHintMs(const QByteArray &retryAfter, const QByteArray &amzRetryAfter, const QDateTime &now)
{
    bool ok = false;
    if (!amzRetryAfter.isEmpty()) {
        const qint64 milliseconds = amzRetryAfter.trimmed().toLongLong(&ok);
        if (ok && milliseconds >= 0) {
            return static_cast<int>(std::min<qint64>(milliseconds, std::numeric_limits<int>::max()));
        }
    }
    const QByteArray value = retryAfter.trimmed();
    if (value.isEmpty()) {
        return -1;
    }
    const double seconds = value.toDouble(&ok);
    if (ok && seconds >= 0) {
        return static_cast<int>(std::min(seconds * 1000.0, double(std::numeric_limits<int>::max())));
    }
    // An HTTP-date (RFC 7231), e.g. "Fri, 01 Aug 2025 09:15:30 GMT".
    const QDateTime utc = parseHttpDate(value);
    if (!utc.isValid()) {
        return -1;
    }
    return static_cast<int>(std::max<qint64>(0, now.msecsTo(utc)));
}

int delayWithHint(int delayMs, int hintMs)
{
    if (hintMs < 0) {
        return delayMs;
    }
    return std::max(delayMs, std::min(hintMs, delayMs + 5000));
}

bool RetryQuota::acquire(RetryClass retryClass, int *cost)
{
    const int price = retryClass == RetryClass::Throttling ? ThrottlingRetryCost : RetryCost;
    if (m_tokens < price) {
        return false;
    }
    m_tokens -= price;
    *cost = price;
    return true;
}

void RetryQuota::release(int lastRetryCost)
{
    m_tokens = std::min(Capacity, m_tokens + (lastRetryCost > 0 ? lastRetryCost : NoRetryIncrement));
}

} // namespace outcrop::aws
