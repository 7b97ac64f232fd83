// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "aws/awserror.h"

#include <QDateTime>

#include <functional>

namespace outcrop::aws {

// Retries as the AWS SDKs' "standard" mode does (the 2026 defaults of @smithy/core's retry module;
// ../shared/docs/bedrock-api.md §10.2): 3 attempts, full-jitter backoff, a shared token bucket.
enum class RetryClass { NotRetryable, Throttling, Transient };

RetryClass classifyForRetry(const AwsError &error, bool clockSkewCorrected);

struct RetrySettings
{
    int maxAttempts = 3;
    int throttlingBaseMs = 1000;
    int transientBaseMs = 50;
    int maxBackoffMs = 20000;
    // A number in [0, 1); injectable so tests can assert each delay.
    std::function<double()> random;
};

// delay = floor(random * min(base * 2^retriesMade, cap)).
int backoffDelayMs(RetryClass retryClass, int retriesMade, double random, const RetrySettings &settings);

// The server's hint from `retry-after` (seconds, integer or decimal, or an HTTP-date) or
// `x-amz-retry-after` (milliseconds); -1 when there is none or it cannot be read.
int retryAfterHintMs(const QByteArray &retryAfter, const QByteArray &amzRetryAfter, const QDateTime &now);

// With a hint: max(delay, min(hint, delay + 5 s)), so a server cannot park a client for long.
int delayWithHint(int delayMs, int hintMs);

// The retry quota: a bucket of 500 tokens shared by every call of one client. A retry costs 14
// tokens (5 after throttling); with an empty bucket no retry happens, so a broken network does
// not turn into a retry storm. A success pays back the cost of its last retry (or 1).
class RetryQuota
{
public:
    static constexpr int Capacity = 500;
    static constexpr int RetryCost = 14;
    static constexpr int ThrottlingRetryCost = 5;
    static constexpr int NoRetryIncrement = 1;

    // Takes the cost of a retry of `retryClass`; false (and nothing taken) if the bucket cannot pay.
    bool acquire(RetryClass retryClass, int *cost);
    // A call succeeded; `lastRetryCost` is the cost of its last retry, 0 when it needed none.
    void release(int lastRetryCost);
    int balance() const { return m_tokens; }

private:
    int m_tokens = Capacity;
};

} // namespace outcrop::aws
