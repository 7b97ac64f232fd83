// SPDX-License-Identifier: Apache-2.0
#include "aws/awsurl.h"
#include "bedrock/deploymentquery.h"

#include "aws/utctime.h"

#include <QTest>

using namespace outcrop::bedrock;

class TestDeploymentQuery : public QObject
{
    Q_OBJECT

private slots:
    void everyFilterOnTheWireSortedAndEncoded()
    {
        DeploymentQuery query;
        query.createdAfter = outcrop::aws::utcDateTime(QDate(2025, 7, 1), QTime(0, 0));
        query.createdBefore = outcrop::aws::utcDateTime(QDate(2025, 8, 1), QTime(12, 34, 56, 789));
        query.maxResults = 50;
        query.modelArnEquals = QStringLiteral(
            "arn:aws:bedrock:us-east-1:123456789012:custom-model/amazon.nova-micro-v1:0:128k/abcdefghijkl");
        query.nameContains = QStringLiteral("my-dep_1");
        query.sortByCreationTime = true;
        query.sortOrder = SortOrder::Descending;
        query.statusEquals = QStringLiteral("ACTIVE");
        QVERIFY2(query.validate().isEmpty(), qPrintable(query.validate()));
        outcrop::aws::AwsRequestTarget target(QByteArrayLiteral("/model-customization/custom-model-deployments"));
        query.appendTo(target, QStringLiteral("tok/+= en:x"));
        // The JS SDK's bytes for the same input (bedrock-api.md §3).
        QCOMPARE(target.target(),
                 QByteArrayLiteral(
                     "/model-customization/custom-model-deployments?createdAfter=2025-07-01T00%3A00%3A00Z"
                     "&createdBefore=2025-08-01T12%3A34%3A56.789Z&maxResults=50&modelArnEquals=arn%3Aaws%3Abedrock"
                     "%3Aus-east-1%3A123456789012%3Acustom-model%2Famazon.nova-micro-v1%3A0%3A128k%2Fabcdefghijkl"
                     "&nameContains=my-dep_1&nextToken=tok%2F%2B%3D%20en%3Ax&sortBy=CreationTime"
                     "&sortOrder=Descending&statusEquals=Active"));
    }

    void validationNamesTheField_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::newRow("maxResults 0") << QStringLiteral("maxResults") << QStringLiteral("-1");
        QTest::newRow("maxResults 1001") << QStringLiteral("maxResults") << QStringLiteral("1001");
        QTest::newRow("nameContains space") << QStringLiteral("nameContains") << QStringLiteral("has space");
        QTest::newRow("nameContains dot") << QStringLiteral("nameContains") << QStringLiteral("a.b");
        QTest::newRow("nameContains 64") << QStringLiteral("nameContains") << QString(64, QLatin1Char('x'));
        QTest::newRow("status") << QStringLiteral("statusEquals") << QStringLiteral("Running");
        QTest::newRow("model arn") << QStringLiteral("modelArnEquals")
                                   << QStringLiteral("arn:aws:bedrock:us-east-1:123456789012:custom-model/abcdefghijkl");
        QTest::newRow("created range") << QStringLiteral("createdAfter") << QString();
    }

    void validationNamesTheField()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        DeploymentQuery query;
        if (field == QLatin1String("maxResults")) {
            query.maxResults = value.toInt();
        } else if (field == QLatin1String("nameContains")) {
            query.nameContains = value;
        } else if (field == QLatin1String("statusEquals")) {
            query.statusEquals = value;
        } else if (field == QLatin1String("modelArnEquals")) {
            query.modelArnEquals = value;
        } else {
            query.createdAfter = outcrop::aws::utcDateTime(QDate(2025, 8, 2), QTime(0, 0));
            query.createdBefore = outcrop::aws::utcDateTime(QDate(2025, 8, 1), QTime(0, 0));
        }
        const QString error = query.validate();
        QVERIFY2(error.contains(field), qPrintable(error));
    }

    void substringsThatAreNotNamesAreAllowed()
    {
        // "-prod" and "_v2" are not valid names but are valid substrings (bedrock-api.md §2).
        for (const QString &text : { QStringLiteral("-prod"), QStringLiteral("_v2"), QStringLiteral("a--b") }) {
            DeploymentQuery query;
            query.nameContains = text;
            QVERIFY2(query.validate().isEmpty(), qPrintable(text));
        }
        DeploymentQuery bounds;
        bounds.maxResults = 1000;
        QVERIFY(bounds.validate().isEmpty());
        bounds.maxResults = 1;
        QVERIFY(bounds.validate().isEmpty());
    }

    void customModelArns()
    {
        QVERIFY(isCustomModelArn(QStringLiteral(
            "arn:aws:bedrock:us-east-1:123456789012:custom-model/amazon.nova-micro-v1:0:128k/abcdefghijkl")));
        QVERIFY(isCustomModelArn(QStringLiteral("arn:aws:bedrock:us-east-1:123456789012:custom-model/imported/abcdefghijkl")));
        QVERIFY(isCustomModelArn(QStringLiteral("arn:aws-cn:bedrock:cn-north-1:123456789012:custom-model/imported/abcdefghijkl")));
        QVERIFY(!isCustomModelArn(QStringLiteral("arn:aws:bedrock:us-east-1:123456789012:custom-model/abcdefghijkl")));
        QVERIFY(!isCustomModelArn(QStringLiteral("xarn:aws:bedrock:us-east-1:123456789012:custom-model/imported/abcdefghijkl")));
    }

    void userTimes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDateTime>("expected");
        const auto utc = [](int y, int mo, int d, int h, int mi, int s, int ms = 0) {
            return outcrop::aws::utcDateTime(QDate(y, mo, d), QTime(h, mi, s, ms));
        };
        QTest::newRow("bare date is UTC midnight") << QStringLiteral("2025-07-01") << utc(2025, 7, 1, 0, 0, 0);
        QTest::newRow("no zone is UTC") << QStringLiteral("2025-07-01T10:11:12") << utc(2025, 7, 1, 10, 11, 12);
        QTest::newRow("Z") << QStringLiteral("2025-07-01T10:11:12Z") << utc(2025, 7, 1, 10, 11, 12);
        QTest::newRow("ms") << QStringLiteral("2025-07-01T10:11:12.123Z") << utc(2025, 7, 1, 10, 11, 12, 123);
        QTest::newRow("us") << QStringLiteral("2025-07-01T10:11:12.123456Z") << utc(2025, 7, 1, 10, 11, 12, 123);
        QTest::newRow("offset") << QStringLiteral("2025-07-01T12:11:12+02:00") << utc(2025, 7, 1, 10, 11, 12);
        QTest::newRow("negative offset") << QStringLiteral("2025-07-01T05:41:12-04:30") << utc(2025, 7, 1, 10, 11, 12);
        QTest::newRow("lower-case") << QStringLiteral("2025-07-01t10:11:12z") << utc(2025, 7, 1, 10, 11, 12);
        QTest::newRow("bad month") << QStringLiteral("2025-13-01") << QDateTime();
        QTest::newRow("words") << QStringLiteral("yesterday") << QDateTime();
        QTest::newRow("bad offset") << QStringLiteral("2025-07-01T10:11:12+25:00") << QDateTime();
        // The fast path (rfc3339.h) and the full parser must agree at their edges.
        QTest::newRow("space separator") << QStringLiteral("2025-07-01 10:11:12") << utc(2025, 7, 1, 10, 11, 12);
        QTest::newRow("padded") << QStringLiteral(" 2025-07-01T10:11:12Z ") << utc(2025, 7, 1, 10, 11, 12);
        QTest::newRow("fraction cut, not rounded") << QStringLiteral("2025-07-01T10:11:12.9999Z") << utc(2025, 7, 1, 10, 11, 12, 999);
        QTest::newRow("one fraction digit") << QStringLiteral("2025-07-01T10:11:12.5Z") << utc(2025, 7, 1, 10, 11, 12, 500);
        QTest::newRow("offset across midnight") << QStringLiteral("2025-07-01T01:00:00+02:00") << utc(2025, 6, 30, 23, 0, 0);
        QTest::newRow("leap day") << QStringLiteral("2024-02-29T12:00:00Z") << utc(2024, 2, 29, 12, 0, 0);
        QTest::newRow("no leap day") << QStringLiteral("2025-02-29T12:00:00Z") << QDateTime();
        QTest::newRow("second 60") << QStringLiteral("2025-07-01T10:11:60Z") << QDateTime();
        QTest::newRow("ten fraction digits") << QStringLiteral("2025-07-01T10:11:12.1234567890Z") << QDateTime();
        QTest::newRow("empty fraction") << QStringLiteral("2025-07-01T10:11:12.Z") << QDateTime();
        QTest::newRow("offset minutes 60") << QStringLiteral("2025-07-01T10:11:12+02:60") << QDateTime();
        QTest::newRow("year zero") << QStringLiteral("0000-01-01T00:00:00Z") << QDateTime();
        QTest::newRow("trailing text") << QStringLiteral("2025-07-01T10:11:12Zx") << QDateTime();
    }

    void userTimes()
    {
        QFETCH(QString, text);
        QFETCH(QDateTime, expected);
        const QDateTime parsed = parseUserTime(text);
        QCOMPARE(parsed.isValid(), expected.isValid());
        if (expected.isValid()) {
            QCOMPARE(parsed, expected);
            QCOMPARE(parsed.offsetFromUtc(), 0);
        }
    }

    void statusAndSortAreCaseInsensitive()
    {
        QCOMPARE(normalizeStatus(QStringLiteral("creating")), QStringLiteral("Creating"));
        QCOMPARE(normalizeStatus(QStringLiteral("FAILED")), QStringLiteral("Failed"));
        QCOMPARE(normalizeStatus(QStringLiteral("Deleting")), QString());
        SortOrder order = SortOrder::Default;
        QVERIFY(parseSortOrder(QStringLiteral("ascending"), &order));
        QCOMPARE(order, SortOrder::Ascending);
        QVERIFY(!parseSortOrder(QStringLiteral("up"), &order));
    }
};

QTEST_GUILESS_MAIN(TestDeploymentQuery)
#include "tst_deploymentquery.moc"
