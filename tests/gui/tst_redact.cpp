// SPDX-License-Identifier: Apache-2.0
#include "aws/debuglog.h"
#include "aws/logging.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using outcrop::aws::redactSecrets;

namespace {

// Made-up values of the real shapes (AWS documentation's example key, a fake session token).
const QString secretKey = QStringLiteral("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
const QString sessionToken = QStringLiteral("IQoJb3JpZ2luX2VjEFAaCXVzLWVhc3QtMSJHMEUCIQDexample")
    + QStringLiteral("A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8S9t0U1v2W3x4Y5z6/+aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789==");
const QString signature = QStringLiteral("5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7");
const QString bearerToken = QStringLiteral("ABSKQmVkcm9ja0FQSUtleS1leGFtcGxlOmV4YW1wbGU=");

} // namespace

class TestRedact : public QObject
{
    Q_OBJECT

private slots:
    void secretsAreRedacted_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("secret");
        QTest::addColumn<QString>("kept");

        QTest::newRow("credentials file") << QStringLiteral("aws_secret_access_key = ") + secretKey << secretKey
                                          << QStringLiteral("aws_secret_access_key = [REDACTED]");
        QTest::newRow("environment") << QStringLiteral("AWS_SECRET_ACCESS_KEY=") + secretKey + QStringLiteral(" next")
                                     << secretKey << QStringLiteral("AWS_SECRET_ACCESS_KEY=[REDACTED] next");
        QTest::newRow("credential_process JSON")
            << QStringLiteral("{\"Version\":1,\"AccessKeyId\":\"AKIAIOSFODNN7EXAMPLE\",\"SecretAccessKey\":\"") + secretKey
                + QStringLiteral("\",\"SessionToken\":\"") + sessionToken + QStringLiteral("\"}")
            << secretKey << QStringLiteral("\"SecretAccessKey\":\"[REDACTED]\"");
        QTest::newRow("JSON printed by qDebug")
            << QStringLiteral("{\\\"SecretAccessKey\\\":\\\"") + secretKey + QStringLiteral("\\\"}") << secretKey
            << QStringLiteral("SecretAccessKey\\\":\\\"[REDACTED]");
        QTest::newRow("JSON with escaped slashes")
            << QStringLiteral("\"SecretAccessKey\": \"wJalrXUtnFEMI\\/K7MDENG\\/bPxRfiCYEXAMPLEKEY\"")
            << QStringLiteral("bPxRfiCYEXAMPLEKEY") << QStringLiteral("\"SecretAccessKey\": \"[REDACTED]\"");
        QTest::newRow("STS XML") << QStringLiteral("<SecretAccessKey>") + secretKey + QStringLiteral("</SecretAccessKey>")
                                 << secretKey << QStringLiteral("<SecretAccessKey>[REDACTED]</SecretAccessKey>");
        QTest::newRow("session token in a config dump")
            << QStringLiteral("aws_session_token=") + sessionToken << sessionToken.left(40)
            << QStringLiteral("aws_session_token=[REDACTED]");
        QTest::newRow("bare session token") << QStringLiteral("token ") + sessionToken + QStringLiteral(" used")
                                            << sessionToken.left(40) << QStringLiteral("token [REDACTED] used");
        QTest::newRow("SigV4 Authorization header")
            << QStringLiteral("Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20240101/us-east-1/"
                              "bedrock/aws4_request, SignedHeaders=host;x-amz-date, Signature=")
                + signature + QStringLiteral("\nHost: bedrock.us-east-1.amazonaws.com")
            << signature << QStringLiteral("Authorization: [REDACTED]\nHost: bedrock.us-east-1.amazonaws.com");
        QTest::newRow("header pair printed by qDebug")
            << QStringLiteral("std::pair(\"Authorization\",\"Bearer ") + bearerToken + QStringLiteral("\")")
            << bearerToken << QStringLiteral("\"Authorization\",\"[REDACTED]\")");
        QTest::newRow("bearer alone") << QStringLiteral("sending Bearer ") + bearerToken << bearerToken
                                      << QStringLiteral("sending Bearer [REDACTED]");
        QTest::newRow("bearer environment variable")
            << QStringLiteral("AWS_BEARER_TOKEN_BEDROCK=") + bearerToken << bearerToken
            << QStringLiteral("AWS_BEARER_TOKEN_BEDROCK=[REDACTED]");
        QTest::newRow("presigned URL")
            << QStringLiteral("https://bedrock.us-east-1.amazonaws.com/x?X-Amz-Algorithm=AWS4-HMAC-SHA256"
                              "&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20240101%2Fus-east-1%2Fbedrock%2Faws4_request"
                              "&X-Amz-Security-Token=abc%2Bdef&X-Amz-Signature=")
                + signature + QStringLiteral("&X-Amz-SignedHeaders=host")
            << signature
            << QStringLiteral("X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=[REDACTED]&X-Amz-Security-Token="
                              "[REDACTED]&X-Amz-Signature=[REDACTED]&X-Amz-SignedHeaders=host");
        QTest::newRow("security token header") << QStringLiteral("X-Amz-Security-Token: short-token-value")
                                               << QStringLiteral("short-token-value")
                                               << QStringLiteral("X-Amz-Security-Token: [REDACTED]");
    }
    void secretsAreRedacted()
    {
        QFETCH(QString, text);
        QFETCH(QString, secret);
        QFETCH(QString, kept);
        const QString redacted = redactSecrets(text);
        QVERIFY2(!redacted.contains(secret), qPrintable(redacted));
        QVERIFY2(redacted.contains(kept), qPrintable(redacted));
        // Applying it twice changes nothing more.
        QCOMPARE(redactSecrets(redacted), redacted);
    }

    void ordinaryTextIsKept_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("ARN") << QStringLiteral(
            "GetCustomModelDeployment arn:aws:bedrock:us-east-1:123456789012:custom-model-deployment/abcdef123456");
        QTest::newRow("request id") << QStringLiteral("request id 3f1c9a9e-2b1d-4c55-9e8f-1a2b3c4d5e6f, HTTP 429");
        QTest::newRow("access key id") << QStringLiteral("signing with access key AKIAIOSFODNN7EXAMPLE");
        QTest::newRow("payload hash") << QStringLiteral("x-amz-content-sha256: ") + signature;
        QTest::newRow("bearer in prose") << QStringLiteral("using the Bearer token from the environment");
        QTest::newRow("names without values") << QStringLiteral("profile has no aws_session_token; SessionToken missing.");
        QTest::newRow("empty") << QString();
    }
    void ordinaryTextIsKept()
    {
        QFETCH(QString, text);
        QCOMPARE(redactSecrets(text), text);
    }

    void debugLogWritesRedactedOutcropMessages()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("logs/outcrop-debug.log"));
        QString error;
        QVERIFY2(outcrop::aws::installDebugLog(path, &error), qPrintable(error));
        QVERIFY(lcNet().isDebugEnabled());
        qCDebug(lcNet) << "request with" << (QStringLiteral("Authorization: Bearer ") + bearerToken);
        qCDebug(lcCredentials).noquote() << QStringLiteral("aws_secret_access_key=") + secretKey;
        qCInfo(lcNotify) << "notification shown";
        QLoggingCategory other("some.library");
        qCDebug(other) << "not ours, debug";
        qCWarning(other) << "not ours, warning";
        outcrop::aws::uninstallDebugLog();
        QVERIFY(!lcNet().isDebugEnabled());
        qCInfo(lcNotify) << "after uninstall";

        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
        const QString log = QString::fromUtf8(file.readAll());
        QVERIFY2(!log.contains(bearerToken), qPrintable(log));
        QVERIFY2(!log.contains(secretKey), qPrintable(log));
        QVERIFY2(log.contains(QStringLiteral("debug outcrop.net: request with \"Authorization: [REDACTED]\"")),
                 qPrintable(log));
        QVERIFY(log.contains(QStringLiteral("debug outcrop.aws.credentials: aws_secret_access_key=[REDACTED]")));
        QVERIFY(log.contains(QStringLiteral("info outcrop.notify: notification shown")));
        QVERIFY(log.contains(QStringLiteral("warning some.library: not ours, warning")));
        QVERIFY(!log.contains(QStringLiteral("not ours, debug")));
        QVERIFY(!log.contains(QStringLiteral("after uninstall")));
    }

    void debugLogThatCannotBeWrittenSaysWhere()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        // A folder where the file should be.
        QString error;
        QVERIFY(!outcrop::aws::installDebugLog(dir.path(), &error));
        QVERIFY2(error.contains(dir.path()), qPrintable(error));
        QVERIFY(!lcNet().isDebugEnabled());
    }
};

QTEST_GUILESS_MAIN(TestRedact)
#include "tst_redact.moc"
