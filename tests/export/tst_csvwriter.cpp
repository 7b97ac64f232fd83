// SPDX-License-Identifier: Apache-2.0
#include "bedrock/deployment.h"
#include "aws/utctime.h"
#include "export/csvwriter.h"

#include <QBuffer>
#include <QFile>
#include <QRandomGenerator>
#include <QTest>
#include <QTimeZone>

using outcrop::bedrock::DeploymentStatus;
using outcrop::bedrock::DeploymentSummary;
using namespace outcrop::exporting;

namespace {

const QByteArray expectedHeader =
    "name,arn,modelArn,status,createdAt,lastUpdatedAt,failureMessage,account,region\r\n";

DeploymentSummary sampleDeployment()
{
    DeploymentSummary deployment;
    deployment.name = QStringLiteral("my-dep");
    deployment.arn = QStringLiteral("arn:aws:bedrock:us-east-1:123456789012:custom-model-deployment/abcdef123456");
    deployment.modelArn =
        QStringLiteral("arn:aws:bedrock:us-east-1:123456789012:custom-model/amazon.nova-micro-v1:0:128k/abcdefghijkl");
    deployment.statusText = QStringLiteral("Active");
    deployment.status = DeploymentStatus::Active;
    deployment.createdAt = outcrop::aws::utcDateTime(QDate(2025, 7, 20), QTime(10, 11, 12, 123));
    deployment.lastUpdatedAt = outcrop::aws::utcDateTime(QDate(2025, 7, 20), QTime(10, 20, 0));
    return deployment;
}

QByteArray writeDeployments(const QList<DeploymentSummary> &deployments, CsvOptions options = {},
                            const QString &region = QStringLiteral("us-east-1"))
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    CsvWriter writer(&buffer, options);
    if (!writer.writeDeploymentHeader()) {
        return "header failed";
    }
    for (const DeploymentSummary &deployment : deployments) {
        if (!writer.writeRow(deployment, region)) {
            return "row failed";
        }
    }
    if (!writer.flush()) {
        return "flush failed";
    }
    return buffer.data();
}

} // namespace

class TestCsvWriter : public QObject
{
    Q_OBJECT

private slots:
    void headerRowIsExact()
    {
        QCOMPARE(writeDeployments({}), expectedHeader);
        QCOMPARE(CsvWriter::deploymentHeader().join(QLatin1Char(',')).toLatin1() + "\r\n", expectedHeader);
    }

    void deploymentRowIsExact()
    {
        const QByteArray csv = writeDeployments({sampleDeployment()});
        QCOMPARE(csv, QByteArray(expectedHeader
                          + "my-dep,arn:aws:bedrock:us-east-1:123456789012:custom-model-deployment/abcdef123456,"
                            "arn:aws:bedrock:us-east-1:123456789012:custom-model/amazon.nova-micro-v1:0:128k/"
                            "abcdefghijkl,Active,2025-07-20T10:11:12.123Z,2025-07-20T10:20:00.000Z,,"
                            "123456789012,us-east-1\r\n"));
    }

    void quotesOnlyWhenNeeded_data()
    {
        QTest::addColumn<QString>("cell");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("plain") << QStringLiteral("abc") << QByteArray("abc");
        QTest::newRow("empty") << QString() << QByteArray();
        QTest::newRow("spaces kept, unquoted") << QStringLiteral(" a b ") << QByteArray(" a b ");
        QTest::newRow("semicolon") << QStringLiteral("a;b") << QByteArray("a;b");
        QTest::newRow("apostrophe") << QStringLiteral("it's") << QByteArray("it's");
        QTest::newRow("comma") << QStringLiteral("a,b") << QByteArray("\"a,b\"");
        QTest::newRow("quote doubled") << QStringLiteral("say \"hi\"") << QByteArray("\"say \"\"hi\"\"\"");
        QTest::newRow("only a quote") << QStringLiteral("\"") << QByteArray("\"\"\"\"");
        QTest::newRow("LF") << QStringLiteral("a\nb") << QByteArray("\"a\nb\"");
        QTest::newRow("CR") << QStringLiteral("a\rb") << QByteArray("\"a\rb\"");
        QTest::newRow("non-ASCII") << QStringLiteral("Müller — 東京") << QByteArray("M\xC3\xBCller \xE2\x80\x94 \xE6\x9D\xB1\xE4\xBA\xAC");
        QTest::newRow("outside the BMP") << QString::fromUtf8("rock \xF0\x9F\xAA\xA8, ok")
                                         << QByteArray("\"rock \xF0\x9F\xAA\xA8, ok\"");
    }
    void quotesOnlyWhenNeeded()
    {
        QFETCH(QString, cell);
        QFETCH(QByteArray, expected);
        QByteArray out;
        appendCsvCell(out, cell, true);
        QCOMPARE(out, expected);
        QCOMPARE(escapeCsvCell(cell, true), QString::fromUtf8(expected));
        QByteArray fromUtf8;
        appendCsvCellUtf8(fromUtf8, cell.toUtf8(), true);
        QCOMPARE(fromUtf8, expected);
    }

    // Found by tests/fuzz/fuzz_csvroundtrip: escapeCsvCell dropped a leading U+FEFF (it decoded
    // the cell's bytes with QString::fromUtf8, which takes it for a byte order mark).
    void leadingByteOrderMarkCharacterIsKept()
    {
        const QString cell = QChar(0xFEFF) + QStringLiteral("bo-");
        QByteArray out;
        appendCsvCell(out, cell, true);
        QCOMPARE(out, QByteArray("\xEF\xBB\xBF" "bo-"));
        QCOMPARE(escapeCsvCell(cell, true), cell);
    }

    // The plain-ASCII fast path reads several characters at a time: a character that needs the
    // slow path is found at every position, in cells of every length around the block size.
    void everyPositionOfASpecialCharacter()
    {
        const auto reference = [](const QString &cell) {
            QString text = cell;
            const char16_t first = cell.isEmpty() ? 0 : cell.front().unicode();
            if (first == u'=' || first == u'+' || first == u'-' || first == u'@' || first == u'\t' || first == u'\r') {
                text.prepend(u'\'');
            }
            if (cell.contains(u',') || cell.contains(u'"') || cell.contains(u'\r') || cell.contains(u'\n')) {
                text.replace(QStringLiteral("\""), QStringLiteral("\"\""));
                text = u'"' + text + u'"';
            }
            return text.toUtf8();
        };
        const QList<char16_t> specials {u',', u'"', u'\r', u'\n', u'\u00e9', u'\u0100', u'\u012c', u'\u2c00', u'\u7f22',
                                        u'\u00ff', u'\u0080', u'\u007f', u'='};
        for (int length = 1; length <= 40; ++length) {
            for (int position = 0; position < length; ++position) {
                for (const char16_t special : specials) {
                    QString cell;
                    for (int i = 0; i < length; ++i) {
                        cell.append(QChar(char16_t(u'a' + i % 26)));
                    }
                    cell[position] = QChar(special);
                    QByteArray out("x");
                    appendCsvCell(out, cell, true);
                    QCOMPARE(out, "x" + reference(cell));
                    QByteArray fromUtf8("x");
                    appendCsvCellUtf8(fromUtf8, cell.toUtf8(), true);
                    QCOMPARE(fromUtf8, out);
                }
            }
        }
    }

    void formulaEscape_data()
    {
        QTest::addColumn<QString>("cell");
        QTest::addColumn<QByteArray>("escaped");
        QTest::addColumn<QByteArray>("unescaped");
        QTest::newRow("=") << QStringLiteral("=1+2") << QByteArray("'=1+2") << QByteArray("=1+2");
        QTest::newRow("+") << QStringLiteral("+1") << QByteArray("'+1") << QByteArray("+1");
        QTest::newRow("-") << QStringLiteral("-1") << QByteArray("'-1") << QByteArray("-1");
        QTest::newRow("@") << QStringLiteral("@SUM(A1)") << QByteArray("'@SUM(A1)") << QByteArray("@SUM(A1)");
        QTest::newRow("tab") << QStringLiteral("\t=1") << QByteArray("'\t=1") << QByteArray("\t=1");
        // A CR needs quotes as well; the apostrophe goes inside them.
        QTest::newRow("CR") << QStringLiteral("\r=1") << QByteArray("\"'\r=1\"") << QByteArray("\"\r=1\"");
        QTest::newRow("= with comma") << QStringLiteral("=A1,B1") << QByteArray("\"'=A1,B1\"")
                                      << QByteArray("\"=A1,B1\"");
        QTest::newRow("not at the start") << QStringLiteral("a=b") << QByteArray("a=b") << QByteArray("a=b");
        QTest::newRow("leading space") << QStringLiteral(" =1") << QByteArray(" =1") << QByteArray(" =1");
    }
    void formulaEscape()
    {
        QFETCH(QString, cell);
        QFETCH(QByteArray, escaped);
        QFETCH(QByteArray, unescaped);
        QByteArray out;
        appendCsvCell(out, cell, true);
        QCOMPARE(out, escaped);
        out.clear();
        appendCsvCell(out, cell, false);
        QCOMPARE(out, unescaped);
        out.clear();
        appendCsvCellUtf8(out, cell.toUtf8(), true);
        QCOMPARE(out, escaped);
        out.clear();
        appendCsvCellUtf8(out, cell.toUtf8(), false);
        QCOMPARE(out, unescaped);
    }

    void formulaEscapeAppliesToRowsAndFollowsTheOption()
    {
        DeploymentSummary deployment = sampleDeployment();
        // The API's name pattern has no leading '-', but the writer escapes every cell alike.
        deployment.name = QStringLiteral("-dep");
        CsvOptions noEscape;
        noEscape.formulaEscape = false;
        QVERIFY(writeDeployments({deployment}).contains("\r\n'-dep,"));
        QVERIFY(writeDeployments({deployment}, noEscape).contains("\r\n-dep,"));
    }

    void hostileFailureMessage()
    {
        DeploymentSummary deployment = sampleDeployment();
        deployment.statusText = QStringLiteral("Failed");
        deployment.status = DeploymentStatus::Failed;
        deployment.failureMessage = QStringLiteral("=HYPERLINK(\"http://x\", \"Größe, 日本\")\nline 2");
        const QByteArray csv = writeDeployments({deployment});
        const QByteArray expectedCell =
            "\"'=HYPERLINK(\"\"http://x\"\", \"\"Gr\xC3\xB6\xC3\x9F" "e, \xE6\x97\xA5\xE6\x9C\xAC\"\")\nline 2\"";
        QVERIFY2(csv.contains(QByteArray(",2025-07-20T10:20:00.000Z," + expectedCell + ",123456789012,us-east-1\r\n")),
                 csv.constData());

        CsvOptions noEscape;
        noEscape.formulaEscape = false;
        QVERIFY(writeDeployments({deployment}, noEscape).contains(",\"=HYPERLINK(\"\"http://x\"\""));
    }

    void crlfLineEnds()
    {
        const QByteArray csv = writeDeployments({sampleDeployment(), sampleDeployment()});
        QCOMPARE(csv.count("\r\n"), 3);
        QCOMPARE(csv.count('\n'), 3);   // no bare LF anywhere
        QVERIFY(csv.endsWith("\r\n"));
    }

    void byteOrderMarkOnlyWhenAsked()
    {
        const QByteArray bom("\xEF\xBB\xBF");
        QVERIFY(writeDeployments({sampleDeployment()}).startsWith("name,"));
        CsvOptions withBom;
        withBom.byteOrderMark = true;
        const QByteArray csv = writeDeployments({sampleDeployment(), sampleDeployment()}, withBom);
        QVERIFY(csv.startsWith(QByteArray(bom + "name,")));
        QCOMPARE(csv.count(bom), 1);

        // Also with rows only (the GUI may write no header) and over several flushes.
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        CsvWriter writer(&buffer, withBom);
        QVERIFY(writer.writeRow(QStringList{QStringLiteral("a")}));
        QVERIFY(writer.flush());
        QVERIFY(writer.writeRow(QStringList{QStringLiteral("b")}));
        QVERIFY(writer.flush());
        QCOMPARE(buffer.data(), QByteArray(bom + "a\r\nb\r\n"));
    }

    void absentOptionalFieldsAreEmptyCells()
    {
        DeploymentSummary deployment;
        deployment.name = QStringLiteral("d");
        deployment.arn = QStringLiteral("arn:aws:bedrock:us-west-2:210987654321:custom-model-deployment/x");
        deployment.statusText = QStringLiteral("Creating");
        deployment.createdAt = outcrop::aws::utcDateTime(QDate(2025, 1, 2), QTime(3, 4, 5));
        const QByteArray csv = writeDeployments({deployment}, {}, QStringLiteral("us-west-2"));
        QCOMPARE(csv, QByteArray(expectedHeader
                          + "d,arn:aws:bedrock:us-west-2:210987654321:custom-model-deployment/x,,Creating,"
                            "2025-01-02T03:04:05.000Z,,,210987654321,us-west-2\r\n"));
    }

    void statusKeptVerbatim()
    {
        DeploymentSummary deployment = sampleDeployment();
        deployment.statusText = QStringLiteral("Deleting");
        deployment.status = DeploymentStatus::Unknown;
        QVERIFY(writeDeployments({deployment}).contains(",Deleting,"));
        deployment.statusText.clear();
        deployment.status = DeploymentStatus::Failed;
        QVERIFY(writeDeployments({deployment}).contains(",Failed,"));
    }

    void timesAreUtcWithMilliseconds_data()
    {
        QTest::addColumn<QDateTime>("time");
        QTest::addColumn<QString>("expected");
        QTest::newRow("utc ms") << outcrop::aws::utcDateTime(QDate(2025, 7, 20), QTime(10, 11, 12, 123))
                                << QStringLiteral("2025-07-20T10:11:12.123Z");
        QTest::newRow("utc whole second") << outcrop::aws::utcDateTime(QDate(2025, 7, 20), QTime(10, 11, 12))
                                          << QStringLiteral("2025-07-20T10:11:12.000Z");
        QTest::newRow("+02:00 becomes UTC")
            << QDateTime(QDate(2025, 1, 1), QTime(1, 0, 0, 7), QTimeZone(2 * 3600))
            << QStringLiteral("2024-12-31T23:00:00.007Z");
        QTest::newRow("absent") << QDateTime() << QString();
    }
    void timesAreUtcWithMilliseconds()
    {
        QFETCH(QDateTime, time);
        QFETCH(QString, expected);
        QCOMPARE(formatCsvTime(time), expected);
        DeploymentSummary deployment = sampleDeployment();
        deployment.createdAt = time;
        const QByteArray csv = writeDeployments({deployment});
        QVERIFY2(csv.contains(QByteArray(",Active," + expected.toLatin1() + ",2025-07-20T10:20:00.000Z,")), csv.constData());
    }

    // The hand-made formatting against Qt's own, over the whole range it handles and across its
    // edges (before 1970, leap days, year 1, year 9999, beyond).
    void timesMatchQtIsoFormatting()
    {
        const auto check = [](qint64 msecs) {
            const QDateTime time = QDateTime::fromMSecsSinceEpoch(msecs, QTimeZone::utc());
            const QString formatted = formatCsvTime(time);
            const QString expected = time.toUTC().toString(Qt::ISODateWithMs);
            if (formatted != expected) {
                qWarning() << "msecs" << msecs << formatted << "!=" << expected;
            }
            return formatted == expected;
        };
        const qint64 year1 = QDateTime(QDate(1, 1, 1), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
        const qint64 year10000 = QDateTime(QDate(10000, 1, 1), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
        for (const qint64 msecs : {qint64(0), qint64(-1), qint64(-86400000), qint64(951782400000) /* 2000-02-29 */,
                                   qint64(4107542399999) /* 2100-02-28T23:59:59.999 */, year1, year1 - 1, year10000,
                                   year10000 - 1}) {
            QVERIFY(check(msecs));
        }
        QRandomGenerator random(1729);
        for (int i = 0; i < 20000; ++i) {
            QVERIFY(check(year1 + qint64(random.bounded(double(year10000 - year1)))));
        }
        QCOMPARE(formatCsvTime(QDateTime(QDate(2025, 1, 1), QTime(1, 0, 0, 7), QTimeZone(2 * 3600))),
                 QStringLiteral("2024-12-31T23:00:00.007Z"));
    }

    void accountFromArnRegionFromSource()
    {
        DeploymentSummary deployment = sampleDeployment();
        deployment.arn = QStringLiteral("arn:aws:bedrock:eu-central-1:111122223333:custom-model-deployment/z");
        QVERIFY(writeDeployments({deployment}, {}, QStringLiteral("us-west-2")).endsWith(",111122223333,us-west-2\r\n"));
        // Without a source region, the ARN's region.
        QVERIFY(writeDeployments({deployment}, {}, QString()).endsWith(",111122223333,eu-central-1\r\n"));
        // A malformed ARN gives empty cells, never a crash.
        deployment.arn = QStringLiteral("not-an-arn");
        QVERIFY(writeDeployments({deployment}, {}, QString()).endsWith(",,\r\n"));
    }

    // The export's byte version (colons found sixteen bytes at a time) splits as the general one
    // does: any number of colons, anywhere, around the block boundaries, and short strings.
    void arnSplitOfBytesMatchesTheGeneralSplit()
    {
        QList<QByteArray> arns = {"", ":", "::::", ":::::::", "arn", "arn:aws", "arn:aws:bedrock",
                                  "arn:aws:bedrock:us-east-1",
                                  "arn:aws:bedrock:us-east-1:111122223333",
                                  "arn:aws:bedrock:us-east-1:111122223333:custom-model-deployment/abc",
                                  "arn:aws-us-gov:bedrock:us-gov-west-1:111122223333:x:y:z"};
        for (int length = 1; length <= 48; ++length) {
            for (int a = 0; a < length; a += 3) {
                for (int b = a; b < length; b += 5) {
                    QByteArray text(length, 'x');
                    text[a] = ':';
                    text[b] = ':';
                    text[(a + b + 7) % length] = ':';
                    text[length - 1 - a % length] = ':';
                    arns.append(text);
                }
            }
        }
        for (const QByteArray &arn : std::as_const(arns)) {
            QLatin1String region("unset");
            QLatin1String account("unset");
            splitArnRegionAndAccount(QLatin1String(arn.constData(), arn.size()), &region, &account);
            const QString text = QString::fromLatin1(arn);
            QStringView expectedRegion;
            QStringView expectedAccount;
            splitArnRegionAndAccount(QStringView(text), &expectedRegion, &expectedAccount);
            QCOMPARE(QString(region), expectedRegion.toString());
            QCOMPARE(QString(account), expectedAccount.toString());
        }
    }

    void arbitraryHeaderAndRows()
    {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        CsvWriter writer(&buffer);
        QVERIFY(writer.writeHeader({QStringLiteral("Name"), QStringLiteral("Zustand, aktuell")}));
        QVERIFY(writer.writeRow(QStringList{QStringLiteral("a"), QStringLiteral("+b")}));
        QVERIFY(writer.writeRow(QStringList{QString(), QStringLiteral("x\"y")}));
        QVERIFY(writer.flush());
        QCOMPARE(buffer.data(), QByteArray("Name,\"Zustand, aktuell\"\r\na,'+b\r\n,\"x\"\"y\"\r\n"));
        QCOMPARE(writer.rowsWritten(), 2);
    }

    void streamsWhileWriting()
    {
        // 25,000 rows reach the device as they are written, not all at the end.
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        CsvWriter writer(&buffer);
        QVERIFY(writer.writeDeploymentHeader());
        const DeploymentSummary deployment = sampleDeployment();
        qint64 sizeBeforeFlush = 0;
        for (int i = 0; i < 25000; ++i) {
            QVERIFY(writer.writeRow(deployment, QStringLiteral("us-east-1")));
        }
        sizeBeforeFlush = buffer.size();
        QVERIFY(writer.flush());
        const QByteArray csv = buffer.data();
        QVERIFY(sizeBeforeFlush > csv.size() / 2);
        QCOMPARE(csv.count("\r\n"), 25001);
        QCOMPARE(writer.rowsWritten(), 25000);
    }

    void deviceErrorIsReported()
    {
        // /dev/full answers every write with ENOSPC.
        QFile full(QStringLiteral("/dev/full"));
        if (!full.open(QIODevice::WriteOnly | QIODevice::Unbuffered)) {
            QSKIP("/dev/full is not available");
        }
        CsvWriter writer(&full);
        QVERIFY(writer.writeDeploymentHeader());   // buffered
        QVERIFY(!writer.flush());
        QVERIFY2(writer.errorString().contains(QLatin1String("space"), Qt::CaseInsensitive),
                 qPrintable(writer.errorString()));
        // Later rows fail too instead of pretending to succeed.
        QVERIFY(!writer.writeRow(sampleDeployment(), QStringLiteral("us-east-1")));
        QVERIFY(!writer.flush());
    }

    void closedDeviceIsAnError()
    {
        QBuffer buffer;
        CsvWriter writer(&buffer);
        QVERIFY(writer.writeRow(QStringList{QStringLiteral("a")}));
        QVERIFY(!writer.flush());
        QVERIFY(!writer.errorString().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCsvWriter)
#include "tst_csvwriter.moc"
