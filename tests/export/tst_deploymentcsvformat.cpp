// SPDX-License-Identifier: Apache-2.0
// The export's direct path (page bytes straight to CSV: readRawDeploymentPage, DeploymentCsvFormat) against the path it
// short-cuts (BedrockJson::parseDeploymentPage, then CsvWriter::writeRow): the same bytes for every
// page it accepts, a decline for every page the page reader declines, and whole exports through
// DeploymentExport that equal the row path's CSV, with duplicates across pages, pages only the
// row path reads, retried replies and every CSV option.
#include "../support/capturinghttpserver.h"
#include "../support/jsondamage.h"

#include "aws/authprovider.h"
#include "aws/awsclient.h"
#include "bedrock/arnset.h"
#include "bedrock/bedrockclient.h"
#include "bedrock/bedrockjson.h"
#include "bedrock/deploymentpagereader.h"
#include "bedrock/deploymentpager.h"
#include "export/backgroundcsvformatter.h"
#include "export/csvwriter.h"
#include "export/deploymentcsvformat.h"
#include "export/deploymentexport.h"

#include <QBuffer>
#include <QFile>
#include <QMap>
#include <QNetworkAccessManager>
#include <QRandomGenerator>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

#include <algorithm>
#include <memory>

using namespace outcrop;
using namespace outcrop::bedrock;
using namespace outcrop::exporting;

namespace {

// One row's JSON; the values are JSON text as it goes between the quotes (escapes included).
// An empty `extra` adds nothing; else it is appended after a comma (more fields).
QByteArray jsonRow(const QByteArray &name, const QByteArray &arn, const QByteArray &status = "Active",
                   const QByteArray &createdAt = "2025-07-20T10:11:12.123Z", const QByteArray &extra = {})
{
    QByteArray row = "{\"customModelDeploymentArn\":\"" + arn + "\",\"customModelDeploymentName\":\"" + name
        + "\",\"modelArn\":\"arn:aws:bedrock:us-east-1:123456789012:custom-model/imported/m1\",\"createdAt\":\""
        + createdAt + "\",\"status\":\"" + status + "\"";
    if (!extra.isEmpty()) {
        row += ',' + extra;
    }
    return row + '}';
}

QByteArray arnOf(const QByteArray &id)
{
    return "arn:aws:bedrock:us-east-1:123456789012:custom-model-deployment/" + id;
}

QByteArray jsonPage(const QList<QByteArray> &rows, const QByteArray &nextToken = {})
{
    QByteArray page = "{\"modelDeploymentSummaries\":[" + rows.join(',') + ']';
    if (!nextToken.isEmpty()) {
        page += ",\"nextToken\":\"" + nextToken + '"';
    }
    return page + '}';
}

// Rows of what the service sends and what it might: escapes, non-ASCII text, cells a spreadsheet
// would run as formulas, commas, missing and null optional fields, unknown statuses, times of
// every shape the reader accepts, ARNs that are short, escaped or hold a comma.
QList<QByteArray> variedRows()
{
    return {
        jsonRow("prod-1", arnOf("a1")),
        jsonRow("prod-2", arnOf("a2"), "Failed", "2025-07-20T10:11:12.123Z",
                "\"lastUpdatedAt\":\"2025-07-21T00:00:00.500Z\",\"failureMessage\":\"quota exceeded, try again\""),
        jsonRow("=HYPERLINK(\\\"x\\\")", arnOf("a3"), "Creating", "2025-07-20t10:11:12z", "\"failureMessage\":null"),
        jsonRow("+1", arnOf("a4"), "Deleting", "2025-01-01T00:00:00-12:30", "\"lastUpdatedAt\":\"\""),
        jsonRow("-x", arnOf("a5"), "", "2025-07-20T10:11:12Z", "\"lastUpdatedAt\":null"),
        jsonRow("@sum", arnOf("a6"), "ACTIVE", "2025-07-20T10:11:12.1234567Z", "\"future\":{\"a\":[true,null,\"x\"]}"),
        jsonRow("caf\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x98\x80", arnOf("a7"), "Active", "2024-02-29T23:59:59.999Z",
                "\"failureMessage\":\"line\\nbreak \\\"quoted\\\" \\u00e9 \\t tab\""),
        jsonRow("tab\\tstart", arnOf("a8"), "Active", "0001-01-01T00:00:00.000Z",
                "\"failureMessage\":\"\\tleading tab\""),
        jsonRow("n9", "arn:aws:bedrock:eu-west-3:210987654321:custom-model-deployment\\/a9", "Active",
                "9999-12-31T23:59:59.999Z"),
        jsonRow("n10", "short:arn", "Active", "2000-02-29T12:00:00.000+00:00"),
        jsonRow("n11", "arn:aws:bedrock:=region:12,34:custom-model-deployment/a11", "Active", "1999-12-31T23:59:59.000Z"),
        jsonRow("n12", "arn:aws:bedrock:us-east-1:123456789012:custom-model-deployment/\xC3\xA9", "Active",
                "2025-07-20T10:11:12.12Z"),
        jsonRow("", arnOf("a13"), "Active", "", "\"lastUpdatedAt\":\"2025-07-20T10:11:12.123+02:00\""),
        jsonRow("comma, name", arnOf("a14"), "Active", "2025-07-20T10:11:12.123Z",
                "\"failureMessage\":\"\""),
        jsonRow("del\x7F", arnOf("a15"), "Active", "1900-02-28T00:00:00.000Z"),
    };
}

// The row path: every page parsed into rows and written by writeRow (rows already written left
// out when `deduplicate`).
QByteArray rowPathCsv(const QList<QByteArray> &pages, CsvOptions options, const QString &region, bool header,
                      bool deduplicate)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvWriter writer(&buffer, options);
    if (header) {
        writer.writeDeploymentHeader();
    }
    QSet<QString> seen;
    for (const QByteArray &json : pages) {
        DeploymentPage page;
        QString error;
        if (!BedrockJson::parseDeploymentPage(json, &page, &error)) {
            qWarning("the row path cannot read a page: %s", qPrintable(error));
            return "unreadable";
        }
        for (const DeploymentSummary &row : page.deployments) {
            if (!deduplicate || !seen.contains(row.arn)) {
                seen.insert(row.arn);
                writer.writeRow(row, region);
            }
        }
    }
    writer.flush();
    return buffer.data();
}

// The direct path: false when the reader declines the page.
bool directCsv(const QByteArray &json, CsvOptions options, const QString &region, QByteArray *csv,
               RawDeploymentPage *raw = nullptr)
{
    RawDeploymentPage page;
    if (!readRawDeploymentPage(json, &page)) {
        return false;
    }
    csv->clear();
    if (!DeploymentCsvFormat(options, region).appendRows(page, csv)) {
        qWarning("a checked page could not be written");
        *csv = "failed";
    }
    if (raw) {
        *raw = page;
    }
    return true;
}

QByteArray httpReply(const QByteArray &body)
{
    return "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size())
        + "\r\nx-amzn-RequestId: rid\r\n\r\n" + body;
}

struct ExportHarness
{
    explicit ExportHarness(const QList<QByteArray> &bodies)
        : server([&bodies] {
            QList<CapturingHttpServer::Reply> replies;
            for (const QByteArray &body : bodies) {
                replies.append({httpReply(body), false});
            }
            return replies;
        }())
    {
        setUpClient();
    }

    // Answers each request by what it asks for (DeploymentPager may ask for a page early). A
    // retry waits `retryDelayMs` exactly.
    explicit ExportHarness(CapturingHttpServer::Router router, int retryDelayMs)
        : server(std::move(router))
    {
        setUpClient(retryDelayMs);
    }

    void setUpClient(int retryDelayMs = -1)
    {
        aws::AwsAuth credentials;
        credentials.credentials.accessKeyId = QStringLiteral("AKIDEXAMPLE");
        credentials.credentials.secretAccessKey = QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
        auth = std::make_unique<aws::StaticAuthProvider>(credentials);
        aws::AwsClientConfig config;
        config.endpoint = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.port()));
        config.region = QStringLiteral("us-east-1");
        config.retry.throttlingBaseMs = 10;
        config.retry.transientBaseMs = 2;
        if (retryDelayMs >= 0) {
            config.retry.transientBaseMs = retryDelayMs;   // the first retry's cap: base * 2^0
            config.retry.random = [] { return 1.0; };
        }
        awsClient = std::make_unique<aws::AwsClient>(&network, auth.get(), config);
        client = std::make_unique<BedrockClient>(awsClient.get());
    }

    // Runs an export to `path`; returns finished's (ok, message).
    std::pair<bool, QString> run(const QString &path, CsvOptions csv)
    {
        ExportOptions options;
        options.outputPath = path;
        options.pageSize = 3;
        options.csv = csv;
        DeploymentExport exporter(client.get(), options);
        QSignalSpy finished(&exporter, &DeploymentExport::finished);
        exporter.start();
        if (!finished.wait(20000)) {
            return {false, QStringLiteral("did not finish")};
        }
        return {finished.at(0).at(0).toBool(), finished.at(0).at(1).toString()};
    }

    CapturingHttpServer server;
    QNetworkAccessManager network;
    std::unique_ptr<aws::StaticAuthProvider> auth;
    std::unique_ptr<aws::AwsClient> awsClient;
    std::unique_ptr<BedrockClient> client;
};

// The nextToken a List request asks for ("" for the first page), from its request line.
QByteArray requestedToken(const QByteArray &head)
{
    const QByteArray line = head.split('\r').value(0);
    const qsizetype at = line.indexOf("nextToken=");
    if (at < 0) {
        return {};
    }
    const qsizetype end = line.indexOf(' ', at);
    return QByteArray::fromPercentEncoding(line.mid(at + 10, end - at - 10));
}

// Every row of a fetchAll through a raw pager, as the names in the order they were handed on.
struct PagerRun
{
    QStringList names;
    int finished = 0;
    int failed = 0;
};

PagerRun runRawPager(BedrockClient *client)
{
    DeploymentQuery query;
    query.maxResults = 3;
    DeploymentPager pager(client, query);
    pager.setRawPages(true);
    PagerRun run;
    QObject::connect(&pager, &DeploymentPager::rawPageArrived, &pager, [&run](const RawDeploymentPage &page) {
        for (const RawDeploymentRow &row : page.rows) {
            run.names.append(row.value(DeploymentField::Name).decode().value_or(QString()));
        }
    });
    QObject::connect(&pager, &DeploymentPager::finished, &pager, [&run] { ++run.finished; });
    QObject::connect(&pager, &DeploymentPager::failed, &pager, [&run] { ++run.failed; });
    pager.fetchAll();
    if (!QTest::qWaitFor([&run] { return run.finished + run.failed > 0; }, 10000)) {
        qWarning("the pager did not finish");
    }
    QTest::qWait(30);   // nothing more arrives
    return run;
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("missing");
}

} // namespace

class TestDeploymentCsvFormat : public QObject
{
    Q_OBJECT

private slots:
    // BackgroundCsvFormatter hands pages back in the order they were given, each with the bytes
    // DeploymentCsvFormat writes for it on the calling thread.
    void backgroundFormatterKeepsTheOrder()
    {
        QList<RawDeploymentPage> pages;
        QByteArray expected;
        const DeploymentCsvFormat format(CsvOptions{}, QStringLiteral("us-east-1"));
        for (int page = 0; page < 40; ++page) {
            QList<QByteArray> rows;
            for (int row = 0; row < 1 + page % 7; ++row) {
                const QByteArray id = QByteArray::number(page) + '-' + QByteArray::number(row);
                rows.append(jsonRow("name-" + id, arnOf(id)));
            }
            RawDeploymentPage raw;
            QVERIFY(readRawDeploymentPage(jsonPage(rows, "t" + QByteArray::number(page)), &raw));
            QVERIFY(format.appendRows(raw, &expected));
            pages.append(raw);
        }
        BackgroundCsvFormatter formatter(CsvOptions{}, QStringLiteral("us-east-1"));
        QByteArray written;
        qsizetype rows = 0;
        int delivered = 0;
        connect(&formatter, &BackgroundCsvFormatter::formatted, this,
                [&](const QByteArray &csv, qsizetype rowCount, bool ok) {
                    QVERIFY(ok);
                    QCOMPARE(formatter.pending(), pages.size() - 1 - delivered);
                    written += csv;
                    rows += rowCount;
                    ++delivered;
                });
        for (const RawDeploymentPage &page : pages) {
            formatter.format(page);
        }
        QCOMPARE(formatter.pending(), pages.size());
        QTRY_COMPARE(delivered, pages.size());
        QCOMPARE(written, expected);
        QCOMPARE(rows, qsizetype(5 * 28 + 15));   // 1 + page % 7 rows: five rounds of 1..7, then 1..5
    }

    // Destroying it with pages still waiting never waits for them and never delivers them.
    void backgroundFormatterCanGoWithPagesWaiting()
    {
        RawDeploymentPage raw;
        QList<QByteArray> rows;
        for (int row = 0; row < 1000; ++row) {
            rows.append(jsonRow("n", arnOf(QByteArray::number(row))));
        }
        QVERIFY(readRawDeploymentPage(jsonPage(rows), &raw));
        int delivered = 0;
        {
            BackgroundCsvFormatter formatter(CsvOptions{}, QStringLiteral("us-east-1"));
            connect(&formatter, &BackgroundCsvFormatter::formatted, this, [&delivered] { ++delivered; });
            for (int page = 0; page < 50; ++page) {
                formatter.format(raw);
            }
        }
        QThreadPool::globalInstance()->waitForDone();
        QCoreApplication::processEvents();
        QCOMPARE(delivered, 0);
    }

    void writesWhatWriteRowWrites_data()
    {
        QTest::addColumn<bool>("formulaEscape");
        QTest::addColumn<QString>("region");
        QTest::newRow("formula escape, source region") << true << QStringLiteral("us-east-1");
        QTest::newRow("formula escape, region from the ARN") << true << QString();
        QTest::newRow("no formula escape, source region") << false << QStringLiteral("us-east-1");
        QTest::newRow("no formula escape, region from the ARN") << false << QString();
        QTest::newRow("a region that needs escaping") << true << QStringLiteral("=a,b");
    }

    void writesWhatWriteRowWrites()
    {
        QFETCH(bool, formulaEscape);
        QFETCH(QString, region);
        CsvOptions options;
        options.formulaEscape = formulaEscape;
        const QByteArray json = jsonPage(variedRows(), "tok\\u0041+/=");
        QByteArray csv = "before,";
        RawDeploymentPage page;
        QVERIFY(directCsv(json, options, region, &csv, &page));
        const QByteArray expected = rowPathCsv({json}, options, region, false, false);
        QCOMPARE(csv, expected);
        QCOMPARE(page.rows.size(), variedRows().size());
        QCOMPARE(page.nextToken, QStringLiteral("tokA+/="));
        // Appending keeps what was there.
        QByteArray appended = "before,";
        QVERIFY(DeploymentCsvFormat(options, region).appendRows(page, &appended));
        QCOMPARE(appended, "before," + expected);
        // The cells the shortcut must not copy as they stand did come out escaped.
        QCOMPARE(formulaEscape, expected.contains("\"'=HYPERLINK(\"\"x\"\")\""));
        QVERIFY(expected.contains("\"comma, name\""));
    }

    // Plain cells are checked for a comma and copied sixteen bytes at a time, the last ones by an
    // overlapping block: a comma at every position of cells of every length around the block size
    // still sends the cell the escaped way, and cells without one come out as they stand.
    void everyPositionOfACommaInAPlainCell()
    {
        QList<QByteArray> rows;
        int number = 0;
        for (int length = 1; length <= 40; ++length) {
            for (int position = -1; position < length; ++position) {
                QByteArray text(length, 'x');
                for (int i = 0; i < length; ++i) {
                    text[i] = char('a' + i % 26);
                }
                if (position >= 0) {
                    text[position] = ',';
                }
                const QByteArray arn = arnOf("p" + QByteArray::number(++number));
                rows.append(jsonRow(text, arn, "Failed", "2025-07-20T10:11:12.123Z",
                                    "\"failureMessage\":\"" + text + "\""));
            }
        }
        const QByteArray json = jsonPage(rows, "");
        QByteArray csv;
        RawDeploymentPage page;
        QVERIFY(directCsv(json, CsvOptions(), QString(), &csv, &page));
        QCOMPARE(page.rows.size(), rows.size());
        QCOMPARE(csv, rowPathCsv({json}, CsvOptions(), QString(), false, false));
        QVERIFY(csv.contains("\"abcdefghijklmnopqrstuvwxy,\""));   // a comma in the last block
    }

    void emptyAndNullPages()
    {
        for (const QByteArray &json : {QByteArrayLiteral("{}"), QByteArrayLiteral("{\"modelDeploymentSummaries\":null}"),
                                      QByteArrayLiteral(" {\"modelDeploymentSummaries\" : [ ] , \"nextToken\":null} ")}) {
            RawDeploymentPage page;
            page.nextToken = QStringLiteral("stale");
            QByteArray csv;
            QVERIFY(directCsv(json, {}, {}, &csv, &page));
            QVERIFY(csv.isEmpty());
            QVERIFY(page.rows.isEmpty());
            QVERIFY(page.nextToken.isEmpty());
        }
    }

    // Times in exactly the CSV's form are copied; the test is that every day and the edges of
    // the clock come out as writeRow writes them, and impossible ones decline the page (as the
    // row path's reader does).
    void timesCopiedOrNormalisedLikeWriteRow()
    {
        int accepted = 0;
        int canonical = 0;
        const auto check = [&accepted, &canonical](const QByteArray &time) {
            const QByteArray json = jsonPage({jsonRow("n", arnOf("t"), "Active", time, "\"lastUpdatedAt\":\"" + time + '"')});
            QByteArray csv;
            DeploymentPage rowsPage;
            const bool direct = directCsv(json, {}, {}, &csv);
            QCOMPARE(direct, readDeploymentPageFast(json, &rowsPage));
            if (direct) {
                QCOMPARE(csv, rowPathCsv({json}, {}, {}, false, false));
                ++accepted;
            }
            // The copied shape is exactly the CSV's own form of the time.
            if (isCanonicalTime(time.constData(), time.size())) {
                QDateTime parsed;
                QVERIFY(readDeploymentTime(RawJsonString{time.constData(), time.size(), true}, &parsed));
                QCOMPARE(formatCsvTime(parsed), QString::fromLatin1(time));
                ++canonical;
            }
        };
        for (int year : {1, 4, 100, 1600, 1900, 1970, 2000, 2024, 2025, 9999}) {
            for (int month = 0; month <= 13; ++month) {
                for (int day = 0; day <= 32; ++day) {
                    check(QByteArray::number(year).rightJustified(4, '0') + '-' + QByteArray::number(month).rightJustified(2, '0')
                          + '-' + QByteArray::number(day).rightJustified(2, '0') + "T12:34:56.789Z");
                }
            }
        }
        for (const char *time : {"0000-01-01T00:00:00.000Z", "2025-07-20T24:00:00.000Z", "2025-07-20T23:60:00.000Z",
                                 "2025-07-20T23:59:60.000Z", "2025-07-20T23:59:59.999z", "2025-07-20t23:59:59.999Z",
                                 "2025-07-20T23:59:59.99Z", "2025-07-20T23:59:59.9999Z", "2025-07-20T23:59:59.999+00:00",
                                 "2025-07-20T23:59:59.999-01:00", "2025-07-2OT23:59:59.999Z", "2025-07-20T23:59:59,999Z",
                                 "+025-07-20T23:59:59.999Z", "2025-7-20T23:59:59.999Z", "2025-07-20T23:59:59.999ZZ"}) {
            check(time);
        }
        QVERIFY(accepted > 3000);
        QVERIFY(canonical > 3000);   // the common shape is copied, not parsed
    }

    // Random damage to a page of varied rows: the direct path accepts exactly what the page
    // reader accepts (pages it declines go the row path's way) and writes what writeRow writes.
    void damagedPagesNeverWriteDifferently()
    {
        const QByteArray original = jsonPage(variedRows(), "t");
        const QByteArray alphabet = QByteArrayLiteral("\"\\{}[],: nul0Z+-T.tu\xC3\xA9\x80\x01/e=@");
        QRandomGenerator random(20250802);
        int accepted = 0;
        int declined = 0;
        for (int round = 0; round < 3000; ++round) {
            const QByteArray json = damagedJson(original, alphabet, random);
            const bool formulaEscape = round % 2 == 0;
            CsvOptions options;
            options.formulaEscape = formulaEscape;
            QByteArray csv;
            DeploymentPage rows;
            const bool direct = directCsv(json, options, {}, &csv);
            QCOMPARE(direct, readDeploymentPageFast(json, &rows));
            if (direct) {
                QCOMPARE(csv, rowPathCsv({json}, options, {}, false, false));
                ++accepted;
            } else {
                ++declined;
            }
        }
        QVERIFY2(accepted > 100, qPrintable(QString::number(accepted)));
        QVERIFY2(declined > 100, qPrintable(QString::number(declined)));
    }

    void arnSetKeepsEveryDistinctKey()
    {
        ArnSet set;
        for (int i = 0; i < 20000; ++i) {
            QVERIFY(set.insert(QByteArrayView(arnOf(QByteArray::number(i)))));
        }
        for (int i = 0; i < 20000; i += 7) {
            QVERIFY(!set.insert(QByteArrayView(arnOf(QByteArray::number(i)))));
            QVERIFY(!set.insert(QStringView(QString::fromLatin1(arnOf(QByteArray::number(i))))));
        }
        QCOMPARE(set.size(), 20000);
        QVERIFY(set.insert(QByteArrayView("")));
        QVERIFY(!set.insert(QByteArrayView("")));
        // A lone surrogate is not U+FFFD: two strings, two keys.
        QVERIFY(set.insert(QStringView(u"a\uFFFD")));
        const QChar lone[] = {QLatin1Char('a'), QChar(char16_t(0xD800))};
        QVERIFY(set.insert(QStringView(lone, 2)));
        QVERIFY(!set.insert(QStringView(lone, 2)));
    }

    // Keys are kept as a shared prefix (up to the last '/') and the rest: no split may make two
    // different keys one, whichever part they share.
    void arnSetKeepsKeysApartThatShareAPart()
    {
        ArnSet set;
        const QList<QByteArray> keys = {
            "arn:aws:bedrock:us-east-1:111122223333:custom-model-deployment/abc",
            "arn:aws:bedrock:us-west-2:111122223333:custom-model-deployment/abc",   // same rest
            "arn:aws:bedrock:us-east-1:111122223333:custom-model-deployment/abd",   // same prefix
            "arn:aws:bedrock:us-east-1:111122223333:custom-model-deployment/",      // no rest
            "arn:aws:bedrock:us-east-1:111122223333:custom-model-deployment",       // no '/'
            "arn:aws:bedrock:us-east-1:111122223333:custom-model-deployment/abc/",  // a '/' at the end
            "arn:aws:bedrock:us-east-1:111122223333:custom-model-deployment/abc/d",
            "abc",
            "/abc",
            "/",
            "//",
            QByteArray(300, 'x'),                       // a rest longer than one varint byte
            QByteArray(QByteArray(300, 'x') + "/" + QByteArray(200, 'y')),
        };
        for (const QByteArray &key : keys) {
            QVERIFY2(set.insert(QByteArrayView(key)), key.constData());
        }
        // Many prefixes, switching on every key (the last prefix seen is only a shortcut).
        const auto numbered = [](int prefix, int rest) -> QByteArray {
            return "p" + QByteArray::number(prefix) + "/" + QByteArray::number(rest);
        };
        for (int i = 0; i < 3000; ++i) {
            QVERIFY(set.insert(QByteArrayView(numbered(i % 300, i))));
        }
        for (const QByteArray &key : keys) {
            QVERIFY2(!set.insert(QByteArrayView(key)), key.constData());
        }
        for (int i = 2999; i >= 0; --i) {
            QVERIFY(!set.insert(QByteArrayView(numbered(i % 300, i))));
            QVERIFY(set.insert(QByteArrayView(numbered((i + 1) % 300, i))));
        }
        QCOMPARE(set.size(), keys.size() + 6000);
    }

    // Whole exports: duplicates across pages (left out once written), a page with a number only
    // the row path reads, an unreadable reply that is retried, every CSV option; the file equals
    // the row path's CSV of the same pages.
    void wholeExportEqualsTheRowPath_data()
    {
        QTest::addColumn<bool>("byteOrderMark");
        QTest::addColumn<bool>("formulaEscape");
        QTest::newRow("defaults") << false << true;
        QTest::newRow("--bom") << true << true;
        QTest::newRow("--no-formula-escape") << false << false;
        QTest::newRow("both") << true << false;
    }

    void wholeExportEqualsTheRowPath()
    {
        QFETCH(bool, byteOrderMark);
        QFETCH(bool, formulaEscape);
        const QList<QByteArray> rows = variedRows();
        const QList<QByteArray> pages = {
            jsonPage(rows.mid(0, 5), "p2"),
            // Two rows of page 1 again (the pager leaves them out), and a repeat inside the page.
            jsonPage({rows.at(1), rows.at(5), rows.at(6), rows.at(3), rows.at(6)}, "p3"),
            // A number in an unknown field: the page reader leaves it to QJsonDocument.
            jsonPage({jsonRow("numbered", arnOf("n1"), "Active", "2025-07-20T10:11:12.123Z", "\"size\":12"), rows.at(7),
                      rows.at(0)},
                     "p4"),
            jsonPage(rows.mid(8), {}),
        };
        QList<QByteArray> replies = pages;
        // The second page's first reply is cut short inside the JSON (a whole HTTP body): it is
        // retried, and the retry reads the real page.
        replies.insert(1, pages.at(1).left(pages.at(1).size() / 2));
        ExportHarness harness(replies);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("out.csv"));
        CsvOptions options;
        options.byteOrderMark = byteOrderMark;
        options.formulaEscape = formulaEscape;
        const auto [ok, message] = harness.run(path, options);
        QVERIFY2(ok, qPrintable(message));
        QCOMPARE(harness.server.requestHeads().size(), 5);
        const QByteArray expected = rowPathCsv(pages, options, QStringLiteral("us-east-1"), true, true);
        QCOMPARE(readFile(path), expected);
        QCOMPARE(expected.startsWith("\xEF\xBB\xBF"), byteOrderMark);
        QCOMPARE(expected.count("custom-model-deployment/a1,"), 1);
        QVERIFY(expected.contains("numbered"));
    }

    // The pager hands on raw pages where it can and rows where it must, and leaves out rows
    // seen before whichever way they came.
    void thePagerMixesRawPagesAndRows()
    {
        const QList<QByteArray> rows = variedRows();
        ExportHarness harness({jsonPage(rows.mid(0, 3), "p2"),
                               jsonPage({jsonRow("numbered", arnOf("n1"), "Active", "2025-07-20T10:11:12.123Z", "\"size\":1"),
                                         rows.at(0), rows.at(3)},
                                        "p3"),
                               jsonPage({rows.at(1), rows.at(4), rows.at(4), jsonRow("again", arnOf("n1"))}, {})});
        DeploymentQuery query;
        query.maxResults = 3;
        DeploymentPager pager(harness.client.get(), query);
        pager.setRawPages(true);
        QStringList arrivals;
        connect(&pager, &DeploymentPager::rawPageArrived, this, [&arrivals](const RawDeploymentPage &page) {
            arrivals.append(QStringLiteral("raw %1").arg(page.rows.size()));
        });
        connect(&pager, &DeploymentPager::pageArrived, this, [&arrivals](const QList<DeploymentSummary> &page) {
            arrivals.append(QStringLiteral("rows %1").arg(page.size()));
        });
        QSignalSpy finished(&pager, &DeploymentPager::finished);
        pager.fetchAll();
        QVERIFY(finished.wait(10000));
        QCOMPARE(arrivals, (QStringList{QStringLiteral("raw 3"), QStringLiteral("rows 2"), QStringLiteral("raw 1")}));
        QCOMPARE(pager.rowCount(), 6);
    }

    // The next page's token is read from the end of a page's body and that page asked for at
    // once, before the page is checked; the checked page's token confirms it. No request is
    // wasted when they agree.
    void thePagerAsksForTheNextPageFromTheBodysTail()
    {
        QCOMPARE(nextTokenFromPageTail(jsonPage({jsonRow("a", arnOf("a"))}, "t+/=1")), QStringLiteral("t+/=1"));
        QCOMPARE(nextTokenFromPageTail("{\"nextToken\":\"x\"} \r\n"), QStringLiteral("x"));
        QCOMPARE(nextTokenFromPageTail(jsonPage({jsonRow("a", arnOf("a"))}, {})), QString());
        QCOMPARE(nextTokenFromPageTail("{\"a\":\"x\\\",\\\"nextToken\\\":\\\"y\"}"), QString());   // escaped: not a key
        QCOMPARE(nextTokenFromPageTail("{\"nextToken\":\"a\\\"b\"}"), QString());   // an escape in the token
        QCOMPARE(nextTokenFromPageTail("{\"xnextToken\":\"y\"}"), QString());
        QCOMPARE(nextTokenFromPageTail("{\"nextToken\":\"\"}"), QString());
        QCOMPARE(nextTokenFromPageTail("\"nextToken\":\"y\"}"), QString());
        QCOMPARE(nextTokenFromPageTail(""), QString());

        const QMap<QByteArray, QByteArray> pages = {
            {"", jsonPage({jsonRow("one", arnOf("1")), jsonRow("two", arnOf("2"))}, "p2")},
            {"p2", jsonPage({jsonRow("three", arnOf("3"))}, "p3")},
            {"p3", jsonPage({jsonRow("four", arnOf("4"))}, {})},
        };
        ExportHarness harness(
            [&pages](const QByteArray &head, int) {
                return CapturingHttpServer::Reply{httpReply(pages.value(requestedToken(head), "{}")), false};
            },
            2);
        const PagerRun run = runRawPager(harness.client.get());
        QCOMPARE(run.names, (QStringList{QStringLiteral("one"), QStringLiteral("two"), QStringLiteral("three"),
                                         QStringLiteral("four")}));
        QCOMPARE(run.finished, 1);
        QCOMPARE(run.failed, 0);
        QList<QByteArray> asked;
        for (const QByteArray &head : harness.server.requestHeads()) {
            asked.append(requestedToken(head));
        }
        QCOMPARE(asked, (QList<QByteArray>{"", "p2", "p3"}));
    }

    // A first reply that cannot be read names a next token at its end: that page is asked for
    // before the retry. When the retried page names the same token, the early page is the next
    // one (it may have arrived meanwhile: kept until then); when it names another, the early
    // request is dropped, its rows never handed on, and the named page asked for.
    void theEarlyRequestIsAdoptedOnlyWhenTheCheckedTokenAgrees_data()
    {
        QTest::addColumn<QByteArray>("tailOfTheUnreadableReply");
        QTest::newRow("the same token") << QByteArray("p2");
        QTest::newRow("another token") << QByteArray("elsewhere");
    }

    void theEarlyRequestIsAdoptedOnlyWhenTheCheckedTokenAgrees()
    {
        QFETCH(QByteArray, tailOfTheUnreadableReply);
        const QByteArray firstPage = jsonPage({jsonRow("one", arnOf("1")), jsonRow("two", arnOf("2"))}, "p2");
        // Cut inside the rows, but ending as a page with a next token does.
        const QByteArray unreadable = firstPage.left(40) + ",\"nextToken\":\"" + tailOfTheUnreadableReply + "\"}";
        RawDeploymentPage refused;
        QVERIFY(!readRawDeploymentPage(unreadable, &refused));
        QCOMPARE(nextTokenFromPageTail(unreadable), QString::fromLatin1(tailOfTheUnreadableReply));
        const QMap<QByteArray, QByteArray> pages = {
            {"p2", jsonPage({jsonRow("three", arnOf("3"))}, {})},
            {"elsewhere", jsonPage({jsonRow("not-to-be-seen", arnOf("x"))}, {})},
        };
        int firstPageAnswers = 0;
        // The retry waits 2 s: the early request goes out and is answered long before it, also on
        // a loaded machine (the order of the requests is checked below).
        ExportHarness harness(
            [&](const QByteArray &head, int) {
                const QByteArray token = requestedToken(head);
                const QByteArray body = !token.isEmpty()      ? pages.value(token, "{}")
                                        : firstPageAnswers++ == 0 ? unreadable
                                                                  : firstPage;
                return CapturingHttpServer::Reply{httpReply(body), false};
            },
            2000);
        const PagerRun run = runRawPager(harness.client.get());
        QCOMPARE(run.names, (QStringList{QStringLiteral("one"), QStringLiteral("two"), QStringLiteral("three")}));
        QCOMPARE(run.finished, 1);
        QCOMPARE(run.failed, 0);
        QList<QByteArray> asked;
        for (const QByteArray &head : harness.server.requestHeads()) {
            asked.append(requestedToken(head));
        }
        if (tailOfTheUnreadableReply == "p2") {
            QCOMPARE(asked, (QList<QByteArray>{"", "p2", ""}));   // the early page is the next one
        } else {
            QCOMPARE(asked, (QList<QByteArray>{"", "elsewhere", "", "p2"}));
        }
    }

    void aRepeatedTokenStillStopsTheExport()
    {
        const QList<QByteArray> rows = variedRows();
        ExportHarness harness({jsonPage(rows.mid(0, 2), "same"), jsonPage(rows.mid(2, 2), "same")});
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("out.csv"));
        const auto [ok, message] = harness.run(path, {});
        QVERIFY(!ok);
        QVERIFY2(message.contains(QLatin1String("page token it had already returned")), qPrintable(message));
        QVERIFY(!QFile::exists(path));
    }
};

QTEST_GUILESS_MAIN(TestDeploymentCsvFormat)
#include "tst_deploymentcsvformat.moc"
