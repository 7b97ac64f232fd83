// SPDX-License-Identifier: Apache-2.0
#include "aws/retrypolicy.h"
#include "aws/utctime.h"

#include <QTest>

using namespace outcrop::aws;

class TestRetryPolicy : public QObject
{
    Q_OBJECT

private slots:
    void classification()
    {
        const auto http = [](int status, const char *code = "", const char *message = "") {
            return AwsError::fromHttpReply(status, QByteArray(code),
                                           QByteArrayLiteral("{\"message\":\"") + message + "\"}", {}, {});
        };
        QCOMPARE(classifyForRetry(http(429), false), RetryClass::Throttling);
        QCOMPARE(classifyForRetry(http(400, "ThrottlingException"), false), RetryClass::Throttling);
        QCOMPARE(classifyForRetry(http(400, "TooManyRequestsException"), false), RetryClass::Throttling);
        for (const int status : { 500, 502, 503, 504 }) {
            QCOMPARE(classifyForRetry(http(status), false), RetryClass::Transient);
        }
        QCOMPARE(classifyForRetry(http(501), false), RetryClass::NotRetryable);
        QCOMPARE(classifyForRetry(http(400, "ValidationException"), false), RetryClass::NotRetryable);
        QCOMPARE(classifyForRetry(http(403, "AccessDeniedException"), false), RetryClass::NotRetryable);
        QCOMPARE(classifyForRetry(http(404, "ResourceNotFoundException"), false), RetryClass::NotRetryable);
        QCOMPARE(classifyForRetry(http(403, "InvalidSignatureException", "Signature expired: 20250801T091530Z is now earlier than 20250801T092030Z"), false),
                 RetryClass::Transient);
        QCOMPARE(classifyForRetry(http(403, "InvalidSignatureException", "does not match"), false), RetryClass::NotRetryable);
        QCOMPARE(classifyForRetry(http(403, "InvalidSignatureException", "does not match"), true), RetryClass::Transient);
        QCOMPARE(classifyForRetry(AwsError::make(AwsError::Kind::Timeout, {}), false), RetryClass::Transient);
        QCOMPARE(classifyForRetry(AwsError::make(AwsError::Kind::Network, {}), false), RetryClass::Transient);
        QCOMPARE(classifyForRetry(AwsError::make(AwsError::Kind::Cancelled, {}), false), RetryClass::NotRetryable);
    }

    void fullJitterBackoff()
    {
        const RetrySettings settings;
        QCOMPARE(backoffDelayMs(RetryClass::Throttling, 0, 0.5, settings), 500);
        QCOMPARE(backoffDelayMs(RetryClass::Throttling, 1, 0.5, settings), 1000);
        QCOMPARE(backoffDelayMs(RetryClass::Transient, 0, 0.5, settings), 25);
        QCOMPARE(backoffDelayMs(RetryClass::Transient, 2, 0.999, settings), 199);
        QCOMPARE(backoffDelayMs(RetryClass::Throttling, 10, 0.5, settings), 10000);   // capped at 20 s
        QCOMPARE(backoffDelayMs(RetryClass::Throttling, 10, 0.0, settings), 0);
    }

    void retryAfterHints()
    {
        const QDateTime now = utcDateTime(QDate(2025, 8, 1), QTime(9, 15, 30));
        QCOMPARE(retryAfterHintMs(QByteArrayLiteral("2"), {}, now), 2000);
        QCOMPARE(retryAfterHintMs(QByteArrayLiteral("1.5"), {}, now), 1500);
        QCOMPARE(retryAfterHintMs({}, QByteArrayLiteral("750"), now), 750);
        QCOMPARE(retryAfterHintMs(QByteArrayLiteral("Fri, 01 Aug 2025 09:15:33 GMT"), {}, now), 3000);
        QCOMPARE(retryAfterHintMs(QByteArrayLiteral("soon"), {}, now), -1);
        QCOMPARE(retryAfterHintMs({}, {}, now), -1);
        QCOMPARE(delayWithHint(100, -1), 100);
        QCOMPARE(delayWithHint(100, 2000), 2000);
        QCOMPARE(delayWithHint(100, 60000), 5100);   // the hint is clamped to delay + 5 s
        QCOMPARE(delayWithHint(900, 10), 900);
    }

    void quotaBalance()
    {
        RetryQuota quota;
        int cost = 0;
        QVERIFY(quota.acquire(RetryClass::Transient, &cost));
        QCOMPARE(cost, 14);
        QCOMPARE(quota.balance(), 486);
        QVERIFY(quota.acquire(RetryClass::Throttling, &cost));
        QCOMPARE(cost, 5);
        QCOMPARE(quota.balance(), 481);
        quota.release(5);
        QCOMPARE(quota.balance(), 486);
        quota.release(0);
        QCOMPARE(quota.balance(), 487);
        while (quota.acquire(RetryClass::Transient, &cost)) {
        }
        QCOMPARE(quota.balance(), 487 % 14);
        QVERIFY(!quota.acquire(RetryClass::Transient, &cost));
        QVERIFY(quota.acquire(RetryClass::Throttling, &cost));   // 11 tokens still pay for a throttling retry
        for (int i = 0; i < 1000; ++i) {
            quota.release(0);
        }
        QCOMPARE(quota.balance(), RetryQuota::Capacity);
    }
};

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
