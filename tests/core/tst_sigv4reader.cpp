// SPDX-License-Identifier: Apache-2.0
// Every format rule of shared/testdata/sigv4/README.md for the vector reader, including those no
// case in the snapshot exercises.
#include "aws/sigv4signer.h"
#include "aws/utctime.h"
#include "sigv4vectorreader.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using outcrop::aws::HttpHeader;
using outcrop::aws::SigV4Signer;
using namespace outcrop::testsupport;

namespace {

HttpRequestText parsed(const QByteArray &bytes)
{
    HttpRequestText request;
    QString error;
    if (!parseHttpRequestText(bytes, QStringLiteral("request.txt"), &request, &error))
        qWarning("unexpected parse error: %s", qPrintable(error));
    return request;
}

QString parseError(const QByteArray &bytes)
{
    HttpRequestText request;
    QString error;
    if (parseHttpRequestText(bytes, QStringLiteral("request.txt"), &request, &error))
        return QString();
    return error;
}

const QByteArray minimalContext = R"({
    "credentials": {"access_key_id": "AKIDEXAMPLE", "secret_access_key": "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"},
    "region": "us-east-1", "service": "service", "timestamp": "2015-08-30T12:36:00Z"})";

} // namespace

class TestSigV4Reader : public QObject
{
    Q_OBJECT

private slots:
    void requestLine()
    {
        const HttpRequestText request = parsed("GET /?Param1=value1 HTTP/1.1\nHost:example.amazonaws.com\n");
        QCOMPARE(request.method, QByteArray("GET"));
        QCOMPARE(request.target, QByteArray("/?Param1=value1"));
        QCOMPARE(request.protocol, QByteArray("HTTP/1.1"));
    }

    void literalSpaceInTarget()
    {
        // Method ends at the FIRST space, protocol starts after the LAST one.
        const HttpRequestText request = parsed("GET /example space/ HTTP/1.1\nHost:example.amazonaws.com\n");
        QCOMPARE(request.method, QByteArray("GET"));
        QCOMPARE(request.target, QByteArray("/example space/"));
        QCOMPARE(request.protocol, QByteArray("HTTP/1.1"));
        // ... and the signer encodes it.
        QCOMPARE(SigV4Signer::canonicalPath(request.target, true), QByteArray("/example%20space/"));
    }

    void rawUtf8InTarget()
    {
        const HttpRequestText request = parsed("GET /\xe1\x88\xb4?\xe1\x88\xb4=bar HTTP/1.1\nHost:h\n");
        QCOMPARE(request.target, QByteArray("/\xe1\x88\xb4?\xe1\x88\xb4=bar"));
    }

    void headerSplitAtFirstColon()
    {
        const HttpRequestText request = parsed("GET / HTTP/1.1\nHost:example.amazonaws.com\nX-Time:12:36:00\n");
        QCOMPARE(request.headers,
                 (QList<HttpHeader>{{"Host", "example.amazonaws.com"}, {"X-Time", "12:36:00"}}));
    }

    void headerValueWhitespaceKeptVerbatim()
    {
        // The reader does not trim: the signer's trimming rule is what the vector checks.
        const HttpRequestText request = parsed("GET / HTTP/1.1\nHost:h\nMy-Header1: value1 \nMy-Header2: \"a   b   c\"\t\n");
        QCOMPARE(request.headers.at(1), (HttpHeader{"My-Header1", " value1 "}));
        QCOMPARE(request.headers.at(2), (HttpHeader{"My-Header2", " \"a   b   c\"\t"}));
        QCOMPARE(SigV4Signer::canonicalHeaders(request.headers, {"my-header1", "my-header2"}),
                 QByteArray("my-header1:value1\nmy-header2:\"a b c\"\n"));
    }

    void upperCaseHeaderValuesKept()
    {
        const HttpRequestText request = parsed("GET / HTTP/1.1\nHost:h\nMy-Header1:VALUE1\nMY-HEADER2:MixedCase\n");
        QCOMPARE(request.headers.at(1), (HttpHeader{"My-Header1", "VALUE1"}));
        QCOMPARE(request.headers.at(2), (HttpHeader{"MY-HEADER2", "MixedCase"}));
        // Names are lower-cased for signing, values are not.
        QCOMPARE(SigV4Signer::canonicalHeaders(request.headers, {"my-header1", "my-header2"}),
                 QByteArray("my-header1:VALUE1\nmy-header2:MixedCase\n"));
    }

    void continuationLinesFolded()
    {
        const HttpRequestText request =
            parsed("GET / HTTP/1.1\nHost:example.amazonaws.com\nMy-Header1:value1\n  value2\n\t value3\nNext:x\n");
        QCOMPARE(request.headers.size(), 3);
        QCOMPARE(request.headers.at(1).name, QByteArray("My-Header1"));
        QCOMPARE(request.headers.at(1).value, QByteArray("value1\n  value2\n\t value3"));
        QCOMPARE(request.headers.at(2), (HttpHeader{"Next", "x"}));
        QCOMPARE(SigV4Signer::canonicalHeaders(request.headers, {"my-header1"}),
                 QByteArray("my-header1:value1 value2 value3\n"));
    }

    void continuationBeforeAnyHeaderIsAnError()
    {
        const QString error = parseError("GET / HTTP/1.1\n value\n");
        QVERIFY2(error.startsWith(QStringLiteral("request.txt:2: ")), qPrintable(error));
    }

    void repeatedHeadersKeptInOrder()
    {
        const HttpRequestText request =
            parsed("GET / HTTP/1.1\nHost:h\nMy-Header1:value2\nMy-Header1:value2\nMy-Header1:value1\n");
        QCOMPARE(request.headers,
                 (QList<HttpHeader>{{"Host", "h"}, {"My-Header1", "value2"}, {"My-Header1", "value2"},
                                    {"My-Header1", "value1"}}));
    }

    void noBodyWithoutBlankLine()
    {
        const HttpRequestText request = parsed("GET / HTTP/1.1\nHost:h\n");
        QVERIFY(!request.hasBlankLine);
        QVERIFY(request.body.isEmpty());
        QCOMPARE(request.headers.size(), 1);
    }

    void lastLineWithoutNewline()
    {
        const HttpRequestText request = parsed("GET / HTTP/1.1\nHost:h");
        QCOMPARE(request.headers, (QList<HttpHeader>{{"Host", "h"}}));
    }

    void signedRequestEndsWithBlankLine()
    {
        const HttpRequestText request = parsed("GET / HTTP/1.1\nHost:h\nX-Amz-Date:20150830T123600Z\n\n");
        QVERIFY(request.hasBlankLine);
        QVERIFY(request.body.isEmpty());
        QCOMPARE(request.headers.size(), 2);
    }

    void bodyAfterBlankLine()
    {
        const HttpRequestText request =
            parsed("POST / HTTP/1.1\nContent-Length:13\nHost:h\n\nParam1=value1");
        QVERIFY(request.hasBlankLine);
        QCOMPARE(request.body, QByteArray("Param1=value1")); // no trailing newline added
        QCOMPARE(request.headers.size(), 2);
        // Body bytes are raw: line breaks and what looks like headers stay in the body.
        const HttpRequestText multiLine = parsed("POST / HTTP/1.1\nHost:h\n\nline1\nX:y\n\nend\n");
        QCOMPARE(multiLine.body, QByteArray("line1\nX:y\n\nend\n"));
        QCOMPARE(multiLine.headers.size(), 1);
    }

    void malformedRequestLine_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("one word") << QByteArray("GET\nHost:h\n");
        QTest::newRow("no protocol") << QByteArray("GET /\nHost:h\n");
    }

    void malformedRequestLine()
    {
        QFETCH(QByteArray, bytes);
        const QString error = parseError(bytes);
        QVERIFY2(error.startsWith(QStringLiteral("request.txt:1: ")), qPrintable(error));
    }

    void headerWithoutColonNamesTheLine()
    {
        const QString error = parseError("GET / HTTP/1.1\nHost:h\nBroken header\n");
        QVERIFY2(error.startsWith(QStringLiteral("request.txt:3: ")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("Broken header")), qPrintable(error));
    }

    void contextDefaults()
    {
        SigV4Context context;
        QString error;
        QVERIFY2(parseSigV4Context(minimalContext, QStringLiteral("context.json"), &context, &error), qPrintable(error));
        QCOMPARE(context.credentials.accessKeyId, QStringLiteral("AKIDEXAMPLE"));
        QCOMPARE(context.credentials.secretAccessKey, QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"));
        QVERIFY(context.credentials.sessionToken.isEmpty());
        QCOMPARE(context.region, QStringLiteral("us-east-1"));
        QCOMPARE(context.service, QStringLiteral("service"));
        QCOMPARE(context.time, outcrop::aws::utcDateTime(QDate(2015, 8, 30), QTime(12, 36)));
        QCOMPARE(context.time.timeSpec(), Qt::UTC);
        QVERIFY(context.normalize);
        QVERIFY(!context.signBody);
        QVERIFY(!context.omitSessionToken);
        QCOMPARE(context.expiresSeconds, qint64(3600));
    }

    void contextEveryField()
    {
        const QByteArray json = R"({
            "credentials": {"access_key_id": "AKID", "secret_access_key": "SECRET", "token": "TOKEN/+="},
            "expiration_in_seconds": 900, "normalize": false, "omit_session_token": true,
            "region": "us-west-2", "service": "bedrock", "sign_body": true,
            "timestamp": "2025-08-01T09:15:30Z"
        }
)";
        SigV4Context context;
        QString error;
        QVERIFY2(parseSigV4Context(json, QStringLiteral("context.json"), &context, &error), qPrintable(error));
        QCOMPARE(context.credentials.sessionToken, QStringLiteral("TOKEN/+="));
        QCOMPARE(context.expiresSeconds, qint64(900));
        QVERIFY(!context.normalize);
        QVERIFY(context.omitSessionToken);
        QVERIFY(context.signBody);
        QCOMPARE(context.region, QStringLiteral("us-west-2"));
        QCOMPARE(context.service, QStringLiteral("bedrock"));
        QCOMPARE(context.time, outcrop::aws::utcDateTime(QDate(2025, 8, 1), QTime(9, 15, 30)));
        const outcrop::aws::SigningOptions options = context.signingOptions();
        QCOMPARE(options.expiresSeconds, qint64(900));
        QVERIFY(!options.normalizePath);
        QVERIFY(options.signBody);
        QVERIFY(options.omitSessionToken);
        QCOMPARE(options.time, context.time);
    }

    void contextErrorsNameTheField_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        QTest::newRow("not json") << QByteArray("{") << QStringLiteral("not a JSON object");
        QTest::newRow("no key id") << QByteArray(minimalContext).replace("access_key_id", "x")
                                   << QStringLiteral("credentials.access_key_id");
        QTest::newRow("no region") << QByteArray(minimalContext).replace("\"region\"", "\"x\"")
                                   << QStringLiteral("\"region\"");
        QTest::newRow("bad time") << QByteArray(minimalContext).replace("2015-08-30T12:36:00Z", "yesterday")
                                  << QStringLiteral("timestamp");
        QTest::newRow("bad flag") << QByteArray(minimalContext).replace("\"region\"", "\"normalize\": 1, \"region\"")
                                  << QStringLiteral("normalize");
        QTest::newRow("bad expiry")
            << QByteArray(minimalContext).replace("\"region\"", "\"expiration_in_seconds\": \"1\", \"region\"")
            << QStringLiteral("expiration_in_seconds");
    }

    void contextErrorsNameTheField()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        SigV4Context context;
        QString error;
        QVERIFY(!parseSigV4Context(json, QStringLiteral("dir/context.json"), &context, &error));
        QVERIFY2(error.startsWith(QStringLiteral("dir/context.json: ")), qPrintable(error));
        QVERIFY2(error.contains(field), qPrintable(error));
        QVERIFY2(!error.contains(QStringLiteral("wJalr")), qPrintable(error)); // never the secret
    }

    // omit_session_token: the token is in the signed request but not among SignedHeaders.
    void tokenAddedAfterSigning()
    {
        const QByteArray json = QByteArray(minimalContext)
                                    .replace("EXAMPLEKEY\"}", "EXAMPLEKEY\", \"token\": \"AQoD//+x=\"}")
                                    .replace("\"region\"", "\"omit_session_token\": true, \"region\"");
        SigV4Context context;
        QString error;
        QVERIFY2(parseSigV4Context(json, QStringLiteral("context.json"), &context, &error), qPrintable(error));
        QCOMPARE(context.credentials.sessionToken, QStringLiteral("AQoD//+x="));
        QVERIFY(context.omitSessionToken);

        const HttpRequestText request = parsed("POST / HTTP/1.1\nHost:example.amazonaws.com\n");
        const outcrop::aws::SigningResult result = SigV4Signer::signHeaders(
            {request.method, request.target, request.headers, request.body}, context.credentials,
            context.signingOptions());
        QCOMPARE(result.signedHeaderNames, QByteArray("host;x-amz-date"));

        // The reference rendering of such a signed request, read back.
        const QByteArray rendered = "POST / HTTP/1.1\nHost:example.amazonaws.com\nX-Amz-Security-Token:AQoD//+x=\n"
                                    "X-Amz-Date:20150830T123600Z\nAuthorization:AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/"
                                    "20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature="
            + result.signature + "\n\n";
        const HttpRequestText signedRequest = parsed(rendered);
        QCOMPARE(signedRequest.headerValue("x-amz-security-token"), QByteArray("AQoD//+x="));
        AuthorizationParts authorization;
        QVERIFY2(parseAuthorization(signedRequest.headerValue("Authorization"), &authorization, &error),
                 qPrintable(error));
        QCOMPARE(authorization.algorithm, QByteArray("AWS4-HMAC-SHA256"));
        QCOMPARE(authorization.credential, QByteArray("AKIDEXAMPLE/20150830/us-east-1/service/aws4_request"));
        QCOMPARE(authorization.signedHeaders, QByteArray("host;x-amz-date"));
        QVERIFY(!authorization.signedHeaders.contains("x-amz-security-token"));
        QCOMPARE(authorization.signature, result.signature);
        QCOMPARE(signedRequest.headers.mid(1), result.addedHeaders);
    }

    void authorizationErrors()
    {
        AuthorizationParts parts;
        QString error;
        QVERIFY(!parseAuthorization("Bearer", &parts, &error));
        QVERIFY(!parseAuthorization("AWS4-HMAC-SHA256 Credential=a/b, SignedHeaders=host", &parts, &error));
        QVERIFY2(error.contains(QStringLiteral("Signature")), qPrintable(error));
        QVERIFY(!parseAuthorization("AWS4-HMAC-SHA256 Credential=a, SignedHeaders=h, Signature=s, Extra=1", &parts, &error));
    }

    void queryParametersDecodedInWireOrder()
    {
        const auto parameters = decodedQueryParameters("/p?b=%2F%2B&a=1&flag&X-Amz-SignedHeaders=host%3Bx");
        QCOMPARE(parameters.size(), 4);
        QCOMPARE(parameters.at(0), std::make_pair(QByteArray("b"), QByteArray("/+")));
        QCOMPARE(parameters.at(1), std::make_pair(QByteArray("a"), QByteArray("1")));
        QCOMPARE(parameters.at(2), std::make_pair(QByteArray("flag"), QByteArray()));
        QCOMPARE(parameters.at(3), std::make_pair(QByteArray("X-Amz-SignedHeaders"), QByteArray("host;x")));
        QVERIFY(decodedQueryParameters("/no-query").isEmpty());
    }

    void readsACaseFolder()
    {
        SigV4VectorCase vectorCase;
        QString error;
        QVERIFY2(readSigV4VectorCase(QStringLiteral(OUTCROP_SHARED_DIR "/testdata/sigv4/post-x-www-form-urlencoded"),
                                     &vectorCase, &error),
                 qPrintable(error));
        QCOMPARE(vectorCase.name, QStringLiteral("post-x-www-form-urlencoded"));
        QCOMPARE(vectorCase.request.body, QByteArray("Param1=value1"));
        QVERIFY(vectorCase.context.signBody);
        QCOMPARE(vectorCase.header.signature.size(), 64); // no trailing newline
        QVERIFY(!vectorCase.header.canonicalRequest.endsWith('\n'));
        QCOMPARE(vectorCase.header.signedRequest.body, QByteArray("Param1=value1"));
        QCOMPARE(vectorCase.query.signedRequest.headers, vectorCase.request.headers);
    }

    void missingFileIsNamed()
    {
        QTemporaryDir temporary;
        QVERIFY(temporary.isValid());
        QFile context(QDir(temporary.path()).filePath(QStringLiteral("context.json")));
        QVERIFY(context.open(QIODevice::WriteOnly));
        context.write(minimalContext);
        context.close();
        QCOMPARE(sigV4CaseDirectories(temporary.path()), QStringList());
        SigV4VectorCase vectorCase;
        QString error;
        QVERIFY(!readSigV4VectorCase(temporary.path(), &vectorCase, &error));
        QVERIFY2(error.contains(QStringLiteral("request.txt")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestSigV4Reader)
#include "tst_sigv4reader.moc"
