// SPDX-License-Identifier: Apache-2.0
#include "export/exportoptions.h"
#include "aws/utctime.h"

#include <QCommandLineParser>
#include <QTest>
#include <QTimeZone>

#include <ctime>

using outcrop::bedrock::SortOrder;
using namespace outcrop::exporting;

namespace {

const QString modelArn =
    QStringLiteral("arn:aws:bedrock:us-east-1:123456789012:custom-model/amazon.nova-micro-v1:0:128k/abcdefghijkl");

QStringList args(std::initializer_list<const char *> list)
{
    QStringList result{QStringLiteral("outcrop")};
    for (const char *item : list) {
        result << QString::fromUtf8(item);
    }
    return result;
}

QDateTime utc(int year, int month, int day, int hour = 0, int minute = 0, int second = 0, int msec = 0)
{
    return outcrop::aws::utcDateTime(QDate(year, month, day), QTime(hour, minute, second, msec));
}

} // namespace

class TestExportOptions : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // A local zone far from UTC, so that reading a zone-less time as local time would fail.
        qputenv("TZ", "America/New_York");
        ::tzset();
    }

    void noExportStartsTheDashboard()
    {
        ExportOptions options;
        QString error;
        QVERIFY2(parseExportArguments(args({"--profile", "dev", "--region", "us-west-2"}), &options, &error),
                 qPrintable(error));
        QVERIFY(!options.isExportRequested());
        QCOMPARE(options.connection.profile, QStringLiteral("dev"));
        QCOMPARE(options.connection.region, QStringLiteral("us-west-2"));
    }

    void repeatedProfilesAndRegionsAreSources()
    {
        ExportOptions options;
        QString error;
        QVERIFY2(parseExportArguments(args({"--profile", "dev", "--profile", "prod", "--region", "us-east-1", "--region",
                                            "us-west-2", "--region", "us-east-1"}),
                                      &options, &error),
                 qPrintable(error));
        QCOMPARE(options.connection.profiles, QStringList({QStringLiteral("dev"), QStringLiteral("prod")}));
        QCOMPARE(options.connection.regions, QStringList({QStringLiteral("us-east-1"), QStringLiteral("us-west-2")}));
        QCOMPARE(options.connection.profile, QStringLiteral("dev"));   // the first, for single-source callers
        QVERIFY(!parseExportArguments(args({"--region", "us-east-1", "--region", "US-WEST-2"}), &options, &error));
        QVERIFY2(error.contains(QLatin1String("'US-WEST-2'")), qPrintable(error));
        QVERIFY(!parseExportArguments(args({"--profile", "dev", "--profile", " "}), &options, &error));
        QVERIFY2(error.startsWith(QLatin1String("--profile")), qPrintable(error));
    }

    void defaults()
    {
        ExportOptions options;
        QString error;
        QVERIFY2(parseExportArguments(args({"--export", "out.csv"}), &options, &error), qPrintable(error));
        QVERIFY(options.isExportRequested());
        QCOMPARE(options.outputPath, QStringLiteral("out.csv"));
        QCOMPARE(options.pageSize, 1000);
        QCOMPARE(options.query.maxResults, 1000);
        QVERIFY(!options.csv.byteOrderMark);
        QVERIFY(options.csv.formulaEscape);
        QVERIFY(options.query.statusEquals.isEmpty());
        QVERIFY(!options.query.createdAfter.isValid());
        QCOMPARE(options.query.sortOrder, SortOrder::Default);
        QVERIFY(!options.query.sortByCreationTime);
        QVERIFY(options.connection.profile.isEmpty());
    }

    void everyOption()
    {
        ExportOptions options;
        QString error;
        const QStringList arguments = args({"--export=-", "--status", "failed", "--name-contains", "prod_1-a",
                                            "--created-after", "2025-07-01", "--created-before",
                                            "2025-08-01T12:34:56.789Z", "--sort-order", "ascending",
                                            "--page-size", "50", "--profile", "ops", "--region", "us-east-1",
                                            "--endpoint-url", "http://127.0.0.1:4566", "--bom",
                                            "--no-formula-escape"})
            << QStringLiteral("--model-arn") << modelArn;
        QVERIFY2(parseExportArguments(arguments, &options, &error), qPrintable(error));
        QCOMPARE(options.outputPath, QStringLiteral("-"));
        QCOMPARE(options.query.statusEquals, QStringLiteral("Failed"));
        QCOMPARE(options.query.nameContains, QStringLiteral("prod_1-a"));
        QCOMPARE(options.query.modelArnEquals, modelArn);
        QCOMPARE(options.query.createdAfter, utc(2025, 7, 1));
        QCOMPARE(options.query.createdBefore, utc(2025, 8, 1, 12, 34, 56, 789));
        QCOMPARE(options.query.sortOrder, SortOrder::Ascending);
        QVERIFY(options.query.sortByCreationTime);
        QCOMPARE(options.pageSize, 50);
        QCOMPARE(options.query.maxResults, 50);
        QCOMPARE(options.connection.profile, QStringLiteral("ops"));
        QCOMPARE(options.connection.region, QStringLiteral("us-east-1"));
        QCOMPARE(options.connection.endpointUrl, QStringLiteral("http://127.0.0.1:4566"));
        QVERIFY(options.csv.byteOrderMark);
        QVERIFY(!options.csv.formulaEscape);
        QVERIFY(options.query.validate().isEmpty());
    }

    void awsCliAliases()
    {
        ExportOptions options;
        QString error;
        const QStringList arguments = args({"--export", "x.csv", "--status-equals", "ACTIVE", "--max-results", "7"})
            << QStringLiteral("--model-arn-equals") << modelArn;
        QVERIFY2(parseExportArguments(arguments, &options, &error), qPrintable(error));
        QCOMPARE(options.query.statusEquals, QStringLiteral("Active"));
        QCOMPARE(options.query.modelArnEquals, modelArn);
        QCOMPARE(options.pageSize, 7);
        QCOMPARE(options.query.maxResults, 7);
    }

    void caseInsensitiveValues_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("wire");
        QTest::addColumn<QString>("order");
        QTest::addColumn<int>("sortOrder");
        QTest::newRow("lower") << QStringLiteral("creating") << QStringLiteral("Creating")
                               << QStringLiteral("descending") << int(SortOrder::Descending);
        QTest::newRow("upper") << QStringLiteral("ACTIVE") << QStringLiteral("Active")
                               << QStringLiteral("ASCENDING") << int(SortOrder::Ascending);
        QTest::newRow("mixed") << QStringLiteral("fAiLeD") << QStringLiteral("Failed")
                               << QStringLiteral("DeScEnDiNg") << int(SortOrder::Descending);
    }
    void caseInsensitiveValues()
    {
        QFETCH(QString, status);
        QFETCH(QString, wire);
        QFETCH(QString, order);
        QFETCH(int, sortOrder);
        ExportOptions options;
        QString error;
        QVERIFY2(parseExportArguments({QStringLiteral("outcrop"), QStringLiteral("--export"), QStringLiteral("f"),
                                       QStringLiteral("--status"), status, QStringLiteral("--sort-order"), order},
                                      &options, &error),
                 qPrintable(error));
        QCOMPARE(options.query.statusEquals, wire);
        QCOMPARE(int(options.query.sortOrder), sortOrder);
    }

    void timeForms_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDateTime>("expected");
        QTest::newRow("bare date = UTC midnight") << QStringLiteral("2025-07-01") << utc(2025, 7, 1);
        QTest::newRow("no zone = UTC") << QStringLiteral("2025-07-01T12:00:00") << utc(2025, 7, 1, 12);
        QTest::newRow("Z") << QStringLiteral("2025-07-01T12:00:00Z") << utc(2025, 7, 1, 12);
        QTest::newRow("lower-case t and z") << QStringLiteral("2025-07-01t12:00:00z") << utc(2025, 7, 1, 12);
        QTest::newRow("+02:00") << QStringLiteral("2025-07-01T14:00:00+02:00") << utc(2025, 7, 1, 12);
        QTest::newRow("-05:30 over midnight") << QStringLiteral("2025-06-30T20:00:00-05:30")
                                              << utc(2025, 7, 1, 1, 30);
        QTest::newRow("milliseconds") << QStringLiteral("2025-07-01T12:00:00.123Z") << utc(2025, 7, 1, 12, 0, 0, 123);
        QTest::newRow("space separator") << QStringLiteral("2025-07-01 12:00:00") << utc(2025, 7, 1, 12);
    }
    void timeForms()
    {
        QFETCH(QString, text);
        QFETCH(QDateTime, expected);
        for (const QString &option : {QStringLiteral("--created-after"), QStringLiteral("--created-before")}) {
            ExportOptions options;
            QString error;
            QVERIFY2(parseExportArguments({QStringLiteral("outcrop"), QStringLiteral("--export"),
                                           QStringLiteral("f"), option, text},
                                          &options, &error),
                     qPrintable(error));
            const QDateTime parsed = option == QLatin1String("--created-after") ? options.query.createdAfter
                                                                               : options.query.createdBefore;
            QCOMPARE(parsed, expected);
            QCOMPARE(parsed.offsetFromUtc(), 0);
        }
    }

    void badValues_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("expected");
        const auto row = [](const char *name, QStringList arguments, const QString &expected) {
            arguments.prepend(QStringLiteral("outcrop"));
            QTest::newRow(name) << arguments << expected;
        };
        const auto notATime = [](const char *option, const char *value) {
            return QStringLiteral("%1: '%2' is not an RFC 3339 time or date; use e.g. 2025-07-01, "
                                  "2025-07-01T12:00:00Z or 2025-07-01T14:00:00+02:00 (without a zone, UTC).")
                .arg(QLatin1String(option), QLatin1String(value));
        };
        const QString f = QStringLiteral("out.csv");
        const QString e = QStringLiteral("--export");
        row("status", {e, f, QStringLiteral("--status"), QStringLiteral("Running")},
            QStringLiteral("--status: 'Running' is not a status; use Creating, Active or Failed."));
        row("status alias", {e, f, QStringLiteral("--status-equals"), QStringLiteral("Deleting")},
            QStringLiteral("--status-equals: 'Deleting' is not a status; use Creating, Active or Failed."));
        // The full text once; the other time rows build it the same way.
        row("created-after month 13", {e, f, QStringLiteral("--created-after"), QStringLiteral("2025-13-01")},
            QStringLiteral("--created-after: '2025-13-01' is not an RFC 3339 time or date; use e.g. 2025-07-01, "
                           "2025-07-01T12:00:00Z or 2025-07-01T14:00:00+02:00 (without a zone, UTC)."));
        row("created-before words", {e, f, QStringLiteral("--created-before"), QStringLiteral("yesterday")},
            notATime("--created-before", "yesterday"));
        row("created-after zone +25:00",
            {e, f, QStringLiteral("--created-after"), QStringLiteral("2025-07-01T00:00:00+25:00")},
            notATime("--created-after", "2025-07-01T00:00:00+25:00"));
        row("created-after day 32", {e, f, QStringLiteral("--created-after"), QStringLiteral("2025-01-32T00:00:00Z")},
            notATime("--created-after", "2025-01-32T00:00:00Z"));
        row("after later than before",
            {e, f, QStringLiteral("--created-after"), QStringLiteral("2025-08-01"), QStringLiteral("--created-before"),
             QStringLiteral("2025-07-01")},
            QStringLiteral("--created-after (2025-08-01T00:00:00Z) is later than --created-before "
                           "(2025-07-01T00:00:00Z): no deployment can match."));
        row("sort-order", {e, f, QStringLiteral("--sort-order"), QStringLiteral("up")},
            QStringLiteral("--sort-order: 'up' is not a sort order; use Ascending or Descending."));
        row("page-size 0", {e, f, QStringLiteral("--page-size"), QStringLiteral("0")},
            QStringLiteral("--page-size: '0' is not a page size; use a whole number from 1 to 1000."));
        row("page-size 1001", {e, f, QStringLiteral("--page-size"), QStringLiteral("1001")},
            QStringLiteral("--page-size: '1001' is not a page size; use a whole number from 1 to 1000."));
        row("max-results text", {e, f, QStringLiteral("--max-results"), QStringLiteral("lots")},
            QStringLiteral("--max-results: 'lots' is not a page size; use a whole number from 1 to 1000."));
        row("name-contains space", {e, f, QStringLiteral("--name-contains"), QStringLiteral("my dep")},
            QStringLiteral("--name-contains: 'my dep' cannot be part of a deployment name; use 1 to 63 letters, "
                           "digits, - and _."));
        row("name-contains 64", {e, f, QStringLiteral("--name-contains"), QString(64, QLatin1Char('a'))},
            QStringLiteral("--name-contains: '%1' cannot be part of a deployment name; use 1 to 63 letters, "
                           "digits, - and _.")
                .arg(QString(64, QLatin1Char('a'))));
        row("model-arn", {e, f, QStringLiteral("--model-arn-equals"), QStringLiteral("my-model")},
            QStringLiteral("--model-arn-equals: 'my-model' is not a custom model ARN; use "
                           "arn:aws:bedrock:REGION:ACCOUNT:custom-model/MODEL/ID."));
        row("empty export", {QStringLiteral("--export="), QStringLiteral("--bom")},
            QStringLiteral("--export: give a file name, or - for standard output."));
        row("given twice", {e, f, QStringLiteral("--status"), QStringLiteral("Active"), QStringLiteral("--status-equals"),
                             QStringLiteral("Failed")},
            QStringLiteral("--status-equals is given 2 times; give it once."));
        row("export twice", {e, f, e, QStringLiteral("g.csv")}, QStringLiteral("--export is given 2 times; give it once."));
        row("filter without export", {QStringLiteral("--status"), QStringLiteral("Active")},
            QStringLiteral("--status is only used with --export <file>."));
        row("flag without export", {QStringLiteral("--no-formula-escape")},
            QStringLiteral("--no-formula-escape is only used with --export <file>."));
        row("region", {QStringLiteral("--region"), QStringLiteral("US East")},
            QStringLiteral("--region: 'US East' is not a region name; use e.g. us-east-1 or us-west-2 (lower case)."));
        row("empty profile", {QStringLiteral("--profile=")}, QStringLiteral("--profile: give the name of a profile."));
        row("endpoint no scheme", {QStringLiteral("--endpoint-url"), QStringLiteral("localhost:4566")},
            QStringLiteral("--endpoint-url: 'localhost:4566' is not a URL; give one such as "
                           "https://bedrock.us-east-1.amazonaws.com or http://127.0.0.1:4566."));
        row("unknown option", {QStringLiteral("--colour")}, QStringLiteral("Unknown option 'colour'."));
        row("missing value", {QStringLiteral("--export")}, QStringLiteral("Missing value after '--export'."));
        row("positional", {QStringLiteral("stray")}, QStringLiteral("Unexpected argument 'stray'."));
    }
    void badValues()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, expected);
        ExportOptions options;
        options.outputPath = QStringLiteral("untouched");
        QString error;
        QVERIFY(!parseExportArguments(arguments, &options, &error));
        QCOMPARE(error, expected);
        QCOMPARE(options.outputPath, QStringLiteral("untouched"));
    }

    void endpointMessagesNameTheOption_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("plain http to a remote host") << QStringLiteral("http://bedrock.example.com") << QStringLiteral("http://");
        QTest::newRow("ftp") << QStringLiteral("ftp://127.0.0.1") << QStringLiteral("ftp");
        QTest::newRow("garbage") << QStringLiteral("https://") << QStringLiteral("https://");
    }
    void endpointMessagesNameTheOption()
    {
        QFETCH(QString, url);
        QFETCH(QString, mentions);
        ExportOptions options;
        QString error;
        QVERIFY(!parseExportArguments({QStringLiteral("outcrop"), QStringLiteral("--endpoint-url"), url}, &options,
                                      &error));
        QVERIFY2(error.startsWith(QStringLiteral("--endpoint-url: '") + url + QLatin1Char('\'')), qPrintable(error));
        QVERIFY2(error.contains(mentions), qPrintable(error));
    }

    void goodConnectionValues()
    {
        ExportOptions options;
        QString error;
        QVERIFY2(parseExportArguments({QStringLiteral("outcrop"), QStringLiteral("--region"),
                                       QStringLiteral("us-gov-west-1"), QStringLiteral("--endpoint-url"),
                                       QStringLiteral("https://bedrock-fips.us-gov-west-1.amazonaws.com")},
                                      &options, &error),
                 qPrintable(error));
        QCOMPARE(options.connection.region, QStringLiteral("us-gov-west-1"));
    }

    void sharedParserKeepsOtherOptions()
    {
        // main.cpp's way: its own options (--demo) next to ours, one parser.
        QCommandLineParser parser;
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOption(QCommandLineOption(QStringLiteral("demo"), QStringLiteral("Run on the simulator.")));
        addConnectionOptions(parser);
        addExportOptions(parser);
        QVERIFY(parser.parse({QStringLiteral("outcrop"), QStringLiteral("--demo"), QStringLiteral("--export"),
                              QStringLiteral("-"), QStringLiteral("--max-results"), QStringLiteral("10")}));
        ExportOptions options;
        QString error;
        QVERIFY2(parseExportOptions(parser, &options, &error), qPrintable(error));
        QVERIFY(parser.isSet(QStringLiteral("demo")));
        QCOMPARE(options.outputPath, QStringLiteral("-"));
        QCOMPARE(options.pageSize, 10);

        const QString help = parser.helpText();
        for (const char *name : {"--export", "--status, --status-equals", "--name-contains",
                                 "--model-arn, --model-arn-equals", "--created-after", "--created-before",
                                 "--sort-order", "--page-size, --max-results", "--bom", "--no-formula-escape",
                                 "--profile", "--region", "--endpoint-url"}) {
            QVERIFY2(help.contains(QLatin1String(name)), name);
        }
    }
};

QTEST_GUILESS_MAIN(TestExportOptions)
#include "tst_exportoptions.moc"
