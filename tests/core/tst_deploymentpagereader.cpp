// SPDX-License-Identifier: Apache-2.0
// The fast page reader against a reference built on QJsonDocument (the checked path's rules,
// written out again here): whatever the fast reader accepts, it must read exactly as the
// reference does; whatever it declines, BedrockJson::parseDeploymentPage still reads right.
#include "../support/jsondamage.h"

#include "bedrock/bedrockjson.h"
#include "bedrock/deploymentpagereader.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

#include <algorithm>

using namespace outcrop::bedrock;

namespace {

bool referenceString(const QJsonObject &object, const char *key, bool required, QString *value)
{
    const QJsonValue field = object.value(QLatin1String(key));
    if (field.isString()) {
        *value = field.toString();
        return true;
    }
    return !required && (field.isNull() || field.isUndefined());
}

bool referenceTime(const QJsonObject &object, const char *key, bool required, QDateTime *time)
{
    QString text;
    if (!referenceString(object, key, required, &text)) {
        return false;
    }
    *time = text.isEmpty() ? QDateTime() : BedrockJson::parseTimestamp(text);
    return text.isEmpty() || time->isValid();
}

// The meaning of a page as QJsonDocument sees it; false where the checked path reports an error.
bool referencePage(const QByteArray &json, DeploymentPage *page)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        return false;
    }
    const QJsonObject object = document.object();
    const QJsonValue list = object.value(QLatin1String("modelDeploymentSummaries"));
    if (!list.isArray() && !list.isNull() && !list.isUndefined()) {
        return false;
    }
    for (const QJsonValue &value : list.toArray()) {
        if (!value.isObject()) {
            return false;
        }
        const QJsonObject row = value.toObject();
        DeploymentSummary summary;
        if (!referenceString(row, "customModelDeploymentArn", true, &summary.arn)
            || !referenceString(row, "customModelDeploymentName", true, &summary.name)
            || !referenceString(row, "modelArn", true, &summary.modelArn)
            || !referenceTime(row, "createdAt", true, &summary.createdAt)
            || !referenceString(row, "status", true, &summary.statusText)
            || !referenceTime(row, "lastUpdatedAt", false, &summary.lastUpdatedAt)
            || !referenceString(row, "failureMessage", false, &summary.failureMessage)) {
            return false;
        }
        summary.status = deploymentStatusFromText(summary.statusText);
        page->deployments.append(summary);
    }
    return referenceString(object, "nextToken", false, &page->nextToken);
}

QString differences(const DeploymentPage &actual, const DeploymentPage &expected)
{
    if (actual.nextToken != expected.nextToken) {
        return QStringLiteral("nextToken %1 != %2").arg(actual.nextToken, expected.nextToken);
    }
    if (actual.deployments.size() != expected.deployments.size()) {
        return QStringLiteral("%1 rows != %2").arg(actual.deployments.size()).arg(expected.deployments.size());
    }
    for (qsizetype i = 0; i < actual.deployments.size(); ++i) {
        const DeploymentSummary &a = actual.deployments.at(i);
        const DeploymentSummary &e = expected.deployments.at(i);
        const bool same = a.arn == e.arn && a.name == e.name && a.modelArn == e.modelArn && a.statusText == e.statusText
            && a.status == e.status && a.createdAt == e.createdAt && a.lastUpdatedAt == e.lastUpdatedAt
            && a.createdAt.isValid() == e.createdAt.isValid() && a.lastUpdatedAt.isValid() == e.lastUpdatedAt.isValid()
            && a.failureMessage == e.failureMessage;
        if (!same) {
            return QStringLiteral("row %1 differs (%2 / %3)").arg(i).arg(a.arn, e.arn);
        }
    }
    return {};
}

// Rows with what the service really sends, and what it might: escapes, non-ASCII text, offsets,
// nulls, unknown fields of every JSON type but numbers.
// moc cannot read this as a raw string literal.
const QByteArray samplePage = QByteArrayLiteral(
    " {\"modelDeploymentSummaries\" : [\n"
    "  {\"customModelDeploymentArn\":\"arn:aws:bedrock:us-east-1:123456789012:custom-model-deployment/abcdefabcdef\",\n"
    "   \"customModelDeploymentName\":\"prod-1\",\"modelArn\":\"arn:aws:bedrock:us-east-1:123456789012:custom-model/imported/abcdefghijkl\",\n"
    "   \"createdAt\":\"2025-07-20T10:11:12.123Z\",\"status\":\"Active\",\"lastUpdatedAt\":\"2025-07-21T00:00:00.5+02:00\"},\n"
    "  {\"customModelDeploymentArn\":\"arn:aws:bedrock:us-east-1:123456789012:custom-model-deployment/bbbbbbbbbbbb\",\n"
    "   \"customModelDeploymentName\":\"prod-2\",\"modelArn\":\"m\",\"createdAt\":\"2025-07-20t10:11:12z\",\"status\":\"FAILED\",\n"
    "   \"failureMessage\":\"quota, \\\"exceeded\\\" \\u00e9t\\u00E9 \\/ caf\\u00c3\\u00a9 — 日本 😀 \\\\ \\b\\f\\n\\r\\t end\",\n"
    "   \"lastUpdatedAt\":null,\"future\":{\"a\":[true,false,null,\"x\",{}],\"b\":[]}},\n"
    "  {\"customModelDeploymentArn\":\"c\",\"customModelDeploymentName\":\"n\",\"modelArn\":\"m\",\"createdAt\":\"2025-01-01T00:00:00-12:30\",\n"
    "   \"status\":\"Deleting\",\"failureMessage\":null,\"lastUpdatedAt\":\"\"}\n"
    " ],\n"
    " \"nextToken\" : \"abc+/=\\u0041\" }\n");


// The bytes random damage puts into pages: JSON's structure, pieces of literals and times, UTF-8.
const QByteArray damageAlphabet = QByteArrayLiteral("\"\\{}[],: nul0Z+-T.tu\xC3\xA9\x80\x01/e");

// A string value from random pieces: plain ASCII runs of every length (so that values and their
// escapes fall on every position of the reader's 16-byte blocks), escapes, UTF-8, and, when
// `allowRefused`, what the reader must refuse or leave to QJsonDocument: raw controls, invalid
// UTF-8, surrogate escapes. `special` is set when such a piece went in.
QByteArray randomStringValue(QRandomGenerator &random, bool allowRefused, bool *special)
{
    static const QByteArray plainBytes = QByteArrayLiteral(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_:/.,;=+!?'()[]{}<>#%&*@^`|~\x7f");
    static const QList<QByteArray> escapes = {
        QByteArrayLiteral("\\\""), QByteArrayLiteral("\\\\"), QByteArrayLiteral("\\/"), QByteArrayLiteral("\\n"),
        QByteArrayLiteral("\\t"), QByteArrayLiteral("\\b"), QByteArrayLiteral("\\u00e9"), QByteArrayLiteral("\\u0041"),
        QByteArrayLiteral("\\u65E5"), QByteArrayLiteral("\xC3\xA9"), QByteArrayLiteral("\xE6\x97\xA5\xE6\x9C\xAC"),
        QByteArrayLiteral("\xF0\x9F\x98\x80"), QByteArrayLiteral("\xC2\x80"), QByteArrayLiteral("\xEF\xBF\xBD"),
    };
    static const QList<QByteArray> refused = {
        QByteArrayLiteral("\x01"), QByteArrayLiteral("\x1F"), QByteArrayLiteral("\t"), QByteArrayLiteral("\n"),
        QByteArrayLiteral("\xC0\xAF"), QByteArrayLiteral("\x80"), QByteArrayLiteral("\xE6\x97"), QByteArrayLiteral("\xFF"),
        QByteArrayLiteral("\\ud83d\\ude00"), QByteArrayLiteral("\\u0001"), QByteArrayLiteral("\\x"), QByteArrayLiteral("\\u12"),
    };
    QByteArray value;
    const int pieces = random.bounded(6);
    for (int piece = 0; piece < pieces; ++piece) {
        const int kind = random.bounded(allowRefused ? 10 : 9);
        if (kind < 6) {
            const int length = random.bounded(40);
            for (int i = 0; i < length; ++i) {
                value += plainBytes.at(random.bounded(int(plainBytes.size())));
            }
        } else if (kind < 9) {
            value += escapes.at(random.bounded(int(escapes.size())));
        } else {
            value += refused.at(random.bounded(int(refused.size())));
            *special = true;
        }
    }
    return value;
}

// Nothing, mostly; sometimes JSON white space, which the reader's shortcuts must not skip wrongly.
QByteArray randomSpace(QRandomGenerator &random)
{
    static const QList<QByteArray> spaces = {QByteArrayLiteral(" "), QByteArrayLiteral("\n  "), QByteArrayLiteral("\t"),
                                             QByteArrayLiteral("\r\n")};
    return random.bounded(8) == 0 ? spaces.at(random.bounded(int(spaces.size()))) : QByteArray();
}

// A page of 0-12 rows in the service's layout, with random values, white space, key order,
// absent and null optional fields, unknown fields, and 0-31 bytes of white space in front (so
// that the same text meets the 16-byte blocks at every offset).
QByteArray randomPage(QRandomGenerator &random, bool allowRefused, bool *special)
{
    static const QList<QByteArray> times = {QByteArrayLiteral("2025-07-20T10:11:12.123Z"), QByteArrayLiteral("2024-02-29T23:59:59.999Z"),
                                            QByteArrayLiteral("2025-07-20T10:11:12Z"), QByteArrayLiteral("2025-07-20T10:11:12.5+02:00"),
                                            QByteArrayLiteral("2025-07-20t10:11:12.123z"), QByteArrayLiteral("")};
    static const QList<QByteArray> keys = {QByteArrayLiteral("customModelDeploymentArn"), QByteArrayLiteral("customModelDeploymentName"),
                                           QByteArrayLiteral("modelArn"), QByteArrayLiteral("createdAt"), QByteArrayLiteral("status"),
                                           QByteArrayLiteral("lastUpdatedAt"), QByteArrayLiteral("failureMessage")};
    const auto space = [&random] { return randomSpace(random); };
    QByteArray json(random.bounded(32), ' ');
    json += "{" + space() + "\"modelDeploymentSummaries\"" + space() + ":" + space() + "[";
    const int rows = random.bounded(13);
    for (int row = 0; row < rows; ++row) {
        QList<QByteArray> fields;
        for (int field = 0; field < keys.size(); ++field) {
            QByteArray value;
            const bool isTime = field == 3 || field == 5;
            const bool optional = field >= 5;
            const int choice = random.bounded(10);
            if (optional && choice == 0) {
                continue;   // absent
            }
            if (optional && choice == 1) {
                value = QByteArrayLiteral("null");
            } else if (isTime) {
                value = "\"" + times.at(random.bounded(field == 3 ? int(times.size()) - 1 : int(times.size()))) + "\"";
            } else if (field == 4) {
                value = random.bounded(2) ? QByteArrayLiteral("\"Active\"") : "\"" + randomStringValue(random, allowRefused, special) + "\"";
            } else {
                QByteArray text = randomStringValue(random, allowRefused, special);
                if (field < 3 && text.isEmpty()) {
                    text = QByteArrayLiteral("x");
                }
                value = "\"" + text + "\"";
            }
            fields.append(space() + "\"" + keys.at(field) + "\"" + space() + ":" + space() + value + space());
        }
        if (random.bounded(8) == 0) {
            fields.insert(random.bounded(int(fields.size()) + 1), QByteArrayLiteral("\"future\":{\"a\":[true,null,\"x\"]}"));
        }
        if (random.bounded(8) == 0) {
            std::swap(fields[random.bounded(int(fields.size()))], fields[random.bounded(int(fields.size()))]);
        }
        json += (row > 0 ? "," : "") + space() + "{" + fields.join(',') + "}";
    }
    json += space() + "]" + space();
    if (random.bounded(2)) {
        json += ",\"nextToken\":\"" + randomStringValue(random, allowRefused, special) + "\"";
    }
    json += "}" + space();
    return json;
}

// isCanonicalTime written out byte by byte, for the comparison with the reader's word-wise check.
bool referenceCanonicalTime(const QByteArray &t)
{
    static const QByteArray shape = QByteArrayLiteral("0000-00-00T00:00:00.000Z");
    if (t.size() != shape.size()) {
        return false;
    }
    for (qsizetype i = 0; i < t.size(); ++i) {
        if (shape.at(i) == '0' ? !(t.at(i) >= '0' && t.at(i) <= '9') : t.at(i) != shape.at(i)) {
            return false;
        }
    }
    const auto number = [&t](int at, int digits) { return t.mid(at, digits).toInt(); };
    const QDate date(number(0, 4), number(5, 2), number(8, 2));
    return number(0, 4) >= 1 && date.isValid() && number(11, 2) <= 23 && number(14, 2) <= 59 && number(17, 2) <= 59;
}

} // namespace

class TestDeploymentPageReader : public QObject
{
    Q_OBJECT

private slots:
    void readsWhatTheReferenceReads()
    {
        DeploymentPage fast;
        QVERIFY(readDeploymentPageFast(samplePage, &fast));
        DeploymentPage reference;
        QVERIFY(referencePage(samplePage, &reference));
        QCOMPARE(differences(fast, reference), QString());
        QCOMPARE(fast.deployments.size(), 3);
        QCOMPARE(fast.deployments.at(1).failureMessage,
                 QStringLiteral("quota, \"exceeded\" \u00e9t\u00e9 / caf\u00c3\u00a9 \u2014 \u65e5\u672c \U0001F600 \\ \b\f\n\r\t end"));
        QCOMPARE(fast.nextToken, QStringLiteral("abc+/=A"));
    }

    void declinesWhatItLeavesToQJsonDocument_data()
    {
        QTest::addColumn<QByteArray>("json");
        const QByteArray row = R"("customModelDeploymentArn":"a","customModelDeploymentName":"n","modelArn":"m","status":"Active")";
        const auto page = [&row](const QByteArray &extra) -> QByteArray {
            return "{\"modelDeploymentSummaries\":[{" + row + extra + "}]}";
        };
        QTest::newRow("number in an unknown field") << page(R"(,"createdAt":"2025-07-20T10:11:12Z","size":1)");
        QTest::newRow("duplicate key") << page(R"(,"createdAt":"2025-07-20T10:11:12Z","status":"Failed")");
        QTest::newRow("surrogate escape pair") << page(R"(,"createdAt":"2025-07-20T10:11:12Z","failureMessage":"\ud83d\ude00")");
        QTest::newRow("escaped key") << page(R"(,"created\u0041t":"2025-07-20T10:11:12Z")");
        QTest::newRow("control escape") << page(R"(,"createdAt":"2025-07-20T10:11:12Z","failureMessage":"a\u0001")");
        QTest::newRow("byte order mark") << "\xEF\xBB\xBF" + page(R"(,"createdAt":"2025-07-20T10:11:12Z")");
        QTest::newRow("missing createdAt") << page({});
        QTest::newRow("not JSON") << QByteArrayLiteral("<html>502</html>");
        QTest::newRow("garbage after") << page(R"(,"createdAt":"2025-07-20T10:11:12Z")") + "x";
        QTest::newRow("invalid UTF-8") << page(",\"createdAt\":\"2025-07-20T10:11:12Z\",\"failureMessage\":\"\xC0\xAF\"");
        // Found by tests/fuzz/fuzz_deploymentpage: a key followed by another string instead of
        // its colon was taken, the second string read as the key.
        QTest::newRow("expected key without its colon")
            << QByteArray(R"({"modelDeploymentSummaries":[{"customModelDeploymentArn":"a","customModelDeploymentName":"n",)"
                          R"("modelArn":"m","createdAt""createdAt":"2025-07-20T10:11:12Z","status":"Active"}]})");
        QTest::newRow("first key without its colon")
            << QByteArray("{\"modelDeploymentSummaries\":[{\"customModelDeploymentArn\"" + row
                          + ",\"createdAt\":\"2025-07-20T10:11:12Z\"}]}");
    }

    void declinesWhatItLeavesToQJsonDocument()
    {
        QFETCH(QByteArray, json);
        DeploymentPage untouched;
        untouched.nextToken = QStringLiteral("stale");
        QVERIFY(!readDeploymentPageFast(json, &untouched));
        QCOMPARE(untouched.nextToken, QStringLiteral("stale"));
        // The public parser still gives the checked path's answer.
        DeploymentPage parsed;
        QString error;
        DeploymentPage reference;
        const bool referenceOk = referencePage(json, &reference);
        QCOMPARE(BedrockJson::parseDeploymentPage(json, &parsed, &error), referenceOk);
        if (referenceOk) {
            QCOMPARE(differences(parsed, reference), QString());
        } else {
            QVERIFY(!error.isEmpty());
        }
    }

    void timesOffTheFastPathGoToTheFullParser()
    {
        for (const QByteArray &time : {QByteArrayLiteral("2025-07-20T24:00:00Z"), QByteArrayLiteral(" 2025-07-20T10:11:12Z"),
                                      QByteArrayLiteral("2025-07-20T10:11:12.1234567890Z"), QByteArrayLiteral("2025-02-29T10:11:12Z")}) {
            const QByteArray json = "{\"modelDeploymentSummaries\":[{\"customModelDeploymentArn\":\"a\","
                                    "\"customModelDeploymentName\":\"n\",\"modelArn\":\"m\",\"status\":\"Active\","
                                    "\"createdAt\":\"" + time + "\"}]}";
            DeploymentPage fast;
            DeploymentPage reference;
            const bool referenceOk = referencePage(json, &reference);
            QCOMPARE(readDeploymentPageFast(json, &fast), referenceOk);
            if (referenceOk) {
                QCOMPARE(differences(fast, reference), QString());
            }
        }
    }

    // Pages of the service's shape with random values (escapes, UTF-8 and plain runs of every
    // length at every offset of the 16-byte blocks): the reader accepts every page QJsonDocument
    // reads without help, means the same, and the raw reader accepts the same pages.
    void generatedPagesReadAsTheReferenceReads()
    {
        QRandomGenerator random(20261129);
        for (int round = 0; round < 3000; ++round) {
            bool special = false;
            const QByteArray json = randomPage(random, false, &special);
            QVERIFY(!special);
            DeploymentPage fast;
            DeploymentPage reference;
            QVERIFY2(referencePage(json, &reference), json.constData());
            QVERIFY2(readDeploymentPageFast(json, &fast), json.constData());
            const QString difference = differences(fast, reference);
            QVERIFY2(difference.isEmpty(), qPrintable(difference + QLatin1Char('\n') + QString::fromUtf8(json)));
            RawDeploymentPage raw;
            QVERIFY2(readRawDeploymentPage(json, &raw), json.constData());
            QCOMPARE(raw.rows.size(), fast.deployments.size());
            QCOMPARE(raw.nextToken, fast.nextToken);
        }
    }

    // The same with pieces the reader must refuse (raw controls, invalid UTF-8) or leave to
    // QJsonDocument (surrogate and control escapes), and with random damage: whatever the reader
    // accepts, QJsonDocument reads the same; the raw reader accepts exactly the same pages; a
    // raw control in a string is never accepted.
    void generatedAndDamagedPagesNeverReadDifferently()
    {
        QRandomGenerator random(20261130);
        int acceptedByBoth = 0;
        int declined = 0;
        for (int round = 0; round < 3000; ++round) {
            bool special = false;
            QByteArray json = randomPage(random, true, &special);
            if (random.bounded(2)) {
                json = damagedJson(json, damageAlphabet, random);
            }
            DeploymentPage fast;
            DeploymentPage reference;
            const bool fastOk = readDeploymentPageFast(json, &fast);
            const bool referenceOk = referencePage(json, &reference);
            RawDeploymentPage raw;
            QCOMPARE(readRawDeploymentPage(json, &raw), fastOk);
            if (fastOk) {
                QVERIFY2(referenceOk, json.constData());
                const QString difference = differences(fast, reference);
                QVERIFY2(difference.isEmpty(), qPrintable(difference + QLatin1Char('\n') + QString::fromUtf8(json)));
                for (const DeploymentSummary &row : std::as_const(fast.deployments)) {
                    for (const QString &text : {row.arn, row.name, row.modelArn, row.statusText, row.failureMessage}) {
                        QVERIFY2(std::none_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() < 0x20 && c != u'\n' && c != u'\t' && c != u'\b'; }),
                                 json.constData());
                    }
                }
                ++acceptedByBoth;
            } else {
                ++declined;
            }
        }
        QVERIFY2(acceptedByBoth > 150, qPrintable(QString::number(acceptedByBoth)));
        QVERIFY2(declined > 300, qPrintable(QString::number(declined)));
    }

    // The check marks the times it found in the CSV's form already (the export then copies them
    // without a second look); any other time is left unmarked, to be read and written out.
    void checkMarksCanonicalTimes()
    {
        const QByteArray json = QByteArrayLiteral(
            R"({"modelDeploymentSummaries":[)"
            R"({"customModelDeploymentArn":"arn:aws:bedrock:us-east-1:111122223333:custom-model-deployment/a1","customModelDeploymentName":"a","modelArn":"arn:aws:bedrock:us-east-1:111122223333:custom-model/m/x","createdAt":"2025-07-20T10:11:12.123Z","status":"Active","lastUpdatedAt":"2025-07-21T00:00:00.000Z"},)"
            R"({"customModelDeploymentArn":"arn:aws:bedrock:us-east-1:111122223333:custom-model-deployment/b2","customModelDeploymentName":"b","modelArn":"arn:aws:bedrock:us-east-1:111122223333:custom-model/m/x","createdAt":"2025-07-20T10:11:12Z","status":"Active","lastUpdatedAt":"2025-07-21T02:00:00.000+02:00"},)"
            R"({"customModelDeploymentArn":"arn:aws:bedrock:us-east-1:111122223333:custom-model-deployment/c3","customModelDeploymentName":"c","modelArn":"arn:aws:bedrock:us-east-1:111122223333:custom-model/m/x","createdAt":"2025-07-20T10:11:12.5Z","status":"Creating"}]})");
        RawDeploymentPage page;
        QVERIFY(readRawDeploymentPage(json, &page));
        QCOMPARE(page.rows.size(), 3);
        QVERIFY(page.rows[0].isCanonicalTime(DeploymentField::CreatedAt));
        QVERIFY(page.rows[0].isCanonicalTime(DeploymentField::LastUpdatedAt));
        QVERIFY(!page.rows[1].isCanonicalTime(DeploymentField::CreatedAt));
        QVERIFY(!page.rows[1].isCanonicalTime(DeploymentField::LastUpdatedAt));
        QVERIFY(!page.rows[2].isCanonicalTime(DeploymentField::CreatedAt));
        QVERIFY(!page.rows[2].isCanonicalTime(DeploymentField::LastUpdatedAt));   // absent
        for (const RawDeploymentRow &row : std::as_const(page.rows)) {
            QVERIFY(!row.isCanonicalTime(DeploymentField::Name));
            QVERIFY(!row.isCanonicalTime(DeploymentField::Arn));
        }
    }

    // The check without decoding agrees with decoding, and so does decoding to UTF-8, on byte
    // strings of every kind.
    void checkingAgreesWithDecoding()
    {
        const QByteArray alphabet = QByteArrayLiteral("ab\\u0dD8eEfF\"/nrtbx\x01\x1F\x7F\x80\xBF\xC2\xC3\xA9\xE0\xED\xEF\xF0\xF4\xF5\xFF");
        QRandomGenerator random(7);
        int decodable = 0;
        for (int round = 0; round < 20000; ++round) {
            QByteArray bytes;
            const int length = random.bounded(48);
            for (int i = 0; i < length; ++i) {
                bytes += alphabet.at(random.bounded(int(alphabet.size())));
            }
            if (bytes.endsWith('\\')) {
                bytes.chop(1);   // the tokenizer never ends a token on a lone backslash
            }
            const RawJsonString raw{bytes.constData(), bytes.size(), false};
            QCOMPARE(raw.isDecodable(), raw.decode().has_value());
            decodable += raw.isDecodable() ? 1 : 0;
            // Straight to UTF-8 (the export's CSV): the bytes of the decoded QString, or nothing.
            QByteArray utf8 = QByteArrayLiteral("kept");
            QCOMPARE(raw.appendDecodedUtf8(utf8), raw.isDecodable());
            QCOMPARE(utf8, QByteArrayLiteral("kept") + (raw.isDecodable() ? raw.decode()->toUtf8() : QByteArray()));
        }
        QVERIFY2(decodable > 1000, qPrintable(QString::number(decodable)));
    }

    // Every byte value at every place of a few canonical times, and the edges of the calendar.
    void canonicalTimesAsWrittenOut()
    {
        int canonical = 0;
        for (const QByteArray &base : {QByteArrayLiteral("2025-07-20T10:11:12.123Z"), QByteArrayLiteral("2024-02-29T23:59:59.999Z"),
                                       QByteArrayLiteral("0001-01-01T00:00:00.000Z")}) {
            for (qsizetype at = 0; at < base.size(); ++at) {
                for (int byte = 0; byte < 256; ++byte) {
                    QByteArray time = base;
                    time[at] = char(byte);
                    QCOMPARE(isCanonicalTime(time.constData(), time.size()), referenceCanonicalTime(time));
                    canonical += referenceCanonicalTime(time) ? 1 : 0;
                }
            }
            QVERIFY(!isCanonicalTime(base.constData(), base.size() - 1));
            const QByteArray longer = base + 'Z';
            QVERIFY(!isCanonicalTime(longer.constData(), longer.size()));
        }
        for (int year : {1, 4, 100, 1600, 1900, 2000, 2023, 2024, 9999}) {
            for (int month = 0; month <= 13; ++month) {
                for (int day = 0; day <= 32; ++day) {
                    const QByteArray time = QByteArray::number(year).rightJustified(4, '0') + '-'
                        + QByteArray::number(month).rightJustified(2, '0') + '-' + QByteArray::number(day).rightJustified(2, '0')
                        + "T23:59:59.000Z";
                    QCOMPARE(isCanonicalTime(time.constData(), time.size()), referenceCanonicalTime(time));
                }
            }
        }
        QVERIFY2(canonical > 100, qPrintable(QString::number(canonical)));
    }

    // Random damage to the sample page: whenever the fast reader still accepts it, QJsonDocument
    // must accept it too and mean the same.
    void damagedPagesNeverReadDifferently()
    {
        QRandomGenerator random(20250801);
        int acceptedByBoth = 0;
        int rejectedByBoth = 0;
        for (int round = 0; round < 4000; ++round) {
            const QByteArray json = damagedJson(samplePage, damageAlphabet, random);
            DeploymentPage fast;
            DeploymentPage reference;
            const bool fastOk = readDeploymentPageFast(json, &fast);
            const bool referenceOk = referencePage(json, &reference);
            if (fastOk) {
                QVERIFY2(referenceOk, json.constData());
                const QString difference = differences(fast, reference);
                QVERIFY2(difference.isEmpty(), qPrintable(difference + QLatin1Char('\n') + QString::fromUtf8(json)));
                ++acceptedByBoth;
            } else if (!referenceOk) {
                ++rejectedByBoth;
            }
        }
        // Neither outcome may be vacuous.
        QVERIFY2(acceptedByBoth > 100, qPrintable(QString::number(acceptedByBoth)));
        QVERIFY2(rejectedByBoth > 100, qPrintable(QString::number(rejectedByBoth)));
    }
};

QTEST_GUILESS_MAIN(TestDeploymentPageReader)
#include "tst_deploymentpagereader.moc"
