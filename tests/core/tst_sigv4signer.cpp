// SPDX-License-Identifier: Apache-2.0
// The SigV4 building blocks and the rules the official vectors do not all exercise.
#include "aws/sigv4signer.h"
#include "aws/utctime.h"

#include <QMessageAuthenticationCode>
#include <QRegularExpression>
#include <QTest>

using outcrop::aws::AwsCredentials;
using outcrop::aws::HttpHeader;
using outcrop::aws::SigningOptions;
using outcrop::aws::SigningRequest;
using outcrop::aws::SigningResult;
using outcrop::aws::SigV4Signer;

namespace {

const QByteArray exampleSecret = QByteArrayLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
const QByteArray stsToken = QByteArrayLiteral("AQoDYXdzEPT//////////wEXAMPLE+tc764/bNrC9==");

AwsCredentials exampleCredentials(const QByteArray &token = QByteArray())
{
    AwsCredentials credentials;
    credentials.accessKeyId = QStringLiteral("AKIDEXAMPLE");
    credentials.secretAccessKey = QString::fromLatin1(exampleSecret);
    credentials.sessionToken = QString::fromLatin1(token);
    return credentials;
}

SigningOptions bedrockOptions()
{
    SigningOptions options;
    options.region = QStringLiteral("us-east-1");
    options.service = QStringLiteral("bedrock");
    options.time = outcrop::aws::utcDateTime(QDate(2025, 8, 1), QTime(9, 15, 30));
    return options;
}

SigningRequest listRequest()
{
    SigningRequest request;
    request.method = "GET";
    request.target = "/model-customization/custom-model-deployments?maxResults=10";
    request.headers = {{"Host", "bedrock.us-east-1.amazonaws.com"}};
    return request;
}

QByteArray canonicalHeaderBlock(const QByteArray &canonicalRequest)
{
    // Lines 4.. up to the empty line.
    const QList<QByteArray> lines = canonicalRequest.split('\n');
    QByteArray block;
    for (qsizetype i = 3; i < lines.size() && !lines.at(i).isEmpty(); ++i)
        block += lines.at(i) + '\n';
    return block;
}

QByteArray headerValue(const QList<HttpHeader> &headers, const QByteArray &name)
{
    for (const HttpHeader &header : headers) {
        if (header.name == name)
            return header.value;
    }
    return QByteArray();
}

QList<QByteArray> headerNames(const QList<HttpHeader> &headers)
{
    QList<QByteArray> names;
    for (const HttpHeader &header : headers)
        names.append(header.name);
    return names;
}

} // namespace

class TestSigV4Signer : public QObject
{
    Q_OBJECT

private slots:
    void canonicalPath_data()
    {
        QTest::addColumn<QByteArray>("wirePath");
        QTest::addColumn<bool>("normalize");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("arn segment encoded again")
            << QByteArray("/model-customization/custom-model-deployments/"
                          "arn%3Aaws%3Abedrock%3Aus-east-1%3A123456789012%3Acustom-model-deployment%2Fabcdef123456")
            << true
            << QByteArray("/model-customization/custom-model-deployments/"
                          "arn%253Aaws%253Abedrock%253Aus-east-1%253A123456789012%253Acustom-model-deployment%252F"
                          "abcdef123456");
        QTest::newRow("arn without normalization") << QByteArray("/x/arn%3Aa%2Fb") << false
                                                   << QByteArray("/x/arn%253Aa%252Fb");
        QTest::newRow("empty") << QByteArray() << true << QByteArray("/");
        QTest::newRow("dot-dot") << QByteArray("/example/..") << true << QByteArray("/");
        QTest::newRow("dot-dot twice") << QByteArray("/example1/example2/../..") << true << QByteArray("/");
        QTest::newRow("dot-dot above root") << QByteArray("/a/../../b") << true << QByteArray("/b");
        QTest::newRow("double slash") << QByteArray("//") << true << QByteArray("/");
        QTest::newRow("slash dot slash") << QByteArray("/./") << true << QByteArray("/");
        QTest::newRow("pointless dot") << QByteArray("/./example") << true << QByteArray("/example");
        QTest::newRow("trailing slash kept") << QByteArray("//example//") << true << QByteArray("/example/");
        QTest::newRow("unnormalized verbatim") << QByteArray("//example//") << false << QByteArray("//example//");
        QTest::newRow("unnormalized dots") << QByteArray("/example/..") << false << QByteArray("/example/..");
        QTest::newRow("literal space") << QByteArray("/example space/") << true << QByteArray("/example%20space/");
        QTest::newRow("raw utf-8") << QByteArray("/\xe1\x88\xb4") << true << QByteArray("/%E1%88%B4");
        QTest::newRow("unreserved kept")
            << QByteArray("/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz") << true
            << QByteArray("/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz");
        QTest::newRow("reserved encoded") << QByteArray("/a:b+c=d") << false << QByteArray("/a%3Ab%2Bc%3Dd");
    }

    void canonicalPath()
    {
        QFETCH(QByteArray, wirePath);
        QFETCH(bool, normalize);
        QFETCH(QByteArray, expected);
        QCOMPARE(SigV4Signer::canonicalPath(wirePath, normalize), expected);
    }

    void canonicalQuery_data()
    {
        QTest::addColumn<QByteArray>("wireQuery");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("empty") << QByteArray() << QByteArray();
        QTest::newRow("plus is a literal plus") << QByteArray("a=x+y") << QByteArray("a=x%2By");
        QTest::newRow("raw slash") << QByteArray("a=x/y") << QByteArray("a=x%2Fy");
        QTest::newRow("second equals") << QByteArray("a=b=c") << QByteArray("a=b%3Dc");
        QTest::newRow("encoded space") << QByteArray("a=x%20y") << QByteArray("a=x%20y");
        QTest::newRow("literal space") << QByteArray("a=x y") << QByteArray("a=x%20y");
        QTest::newRow("raw colon") << QByteArray("t=2025-07-01T00:00:00Z") << QByteArray("t=2025-07-01T00%3A00%3A00Z");
        QTest::newRow("encoded colon") << QByteArray("t=2025-07-01T00%3A00%3A00Z")
                                       << QByteArray("t=2025-07-01T00%3A00%3A00Z");
        QTest::newRow("page token") << QByteArray("nextToken=ab%2Fcd%2Bef%3D%3D") << QByteArray("nextToken=ab%2Fcd%2Bef%3D%3D");
        QTest::newRow("lower-case escape") << QByteArray("a=%2f") << QByteArray("a=%2F");
        QTest::newRow("invalid escape kept") << QByteArray("a=%zz") << QByteArray("a=%25zz");
        QTest::newRow("sorted by name") << QByteArray("Param2=value2&Param1=value1")
                                        << QByteArray("Param1=value1&Param2=value2");
        QTest::newRow("then by value") << QByteArray("b=1&a=2&a=1") << QByteArray("a=1&a=2&b=1");
        QTest::newRow("byte order, upper first") << QByteArray("a=1&B=2") << QByteArray("B=2&a=1");
        QTest::newRow("sorted by encoded name") << QByteArray("%7E=1&-=2") << QByteArray("-=2&~=1");
        QTest::newRow("no value") << QByteArray("flag") << QByteArray("flag=");
        QTest::newRow("empty value") << QByteArray("a=") << QByteArray("a=");
        QTest::newRow("empty parameter skipped") << QByteArray("a=1&&b=2") << QByteArray("a=1&b=2");
        QTest::newRow("raw utf-8 key") << QByteArray("\xe1\x88\xb4=bar") << QByteArray("%E1%88%B4=bar");
        QTest::newRow("model arn")
            << QByteArray("modelArnEquals=arn%3Aaws%3Abedrock%3Aus-east-1%3A123456789012%3Acustom-model%2Fx")
            << QByteArray("modelArnEquals=arn%3Aaws%3Abedrock%3Aus-east-1%3A123456789012%3Acustom-model%2Fx");
    }

    void canonicalQuery()
    {
        QFETCH(QByteArray, wireQuery);
        QFETCH(QByteArray, expected);
        QCOMPARE(SigV4Signer::canonicalQuery(wireQuery), expected);
    }

    void canonicalHeadersFoldWhitespaceAndJoinRepeats()
    {
        const QList<HttpHeader> headers = {
            {"Host", "example.amazonaws.com"},
            {"My-Header1", "  value1  "},
            {"my-header2", "\"a   b   c\""},
            {"My-Header3", "value1\n  value2\n\t value3"},
            {"X-Dup", "value2"},
            {"x-dup", "value2"},
            {"X-DUP", "value1"},
            {"X-Upper", "MiXeD CaSe VALUE"},
        };
        const QList<QByteArray> names = {"host", "my-header1", "my-header2", "my-header3", "x-dup", "x-upper"};
        QCOMPARE(SigV4Signer::canonicalHeaders(headers, names),
                 QByteArray("host:example.amazonaws.com\n"
                            "my-header1:value1\n"
                            "my-header2:\"a b c\"\n"
                            "my-header3:value1 value2 value3\n"
                            "x-dup:value2,value2,value1\n"
                            "x-upper:MiXeD CaSe VALUE\n"));
        // Names given out of order or twice are still emitted sorted, once.
        QCOMPARE(SigV4Signer::canonicalHeaders(headers, {"x-upper", "host"}),
                 QByteArray("host:example.amazonaws.com\nx-upper:MiXeD CaSe VALUE\n"));
        QCOMPARE(SigV4Signer::canonicalHeaders(headers, {"host", "host"}), QByteArray("host:example.amazonaws.com\n"));
    }

    void canonicalRequestSortsAndLowerCasesNames()
    {
        SigningRequest request;
        request.method = "POST";
        request.target = "/?b=2&a=1";
        request.headers = {{"Host", "h"}, {"My-Header1", "v"}, {"X-Amz-Date", "20150830T123600Z"}};
        const QByteArray hash = SigV4Signer::payloadHash(QByteArray());
        QCOMPARE(SigV4Signer::canonicalRequest(request, {"X-Amz-Date", "host", "my-header1", "host"}, hash, true),
                 QByteArray("POST\n/\na=1&b=2\nhost:h\nmy-header1:v\nx-amz-date:20150830T123600Z\n\n"
                            "host;my-header1;x-amz-date\n")
                     + hash);
    }

    void payloadHash()
    {
        QCOMPARE(SigV4Signer::payloadHash(QByteArray()),
                 QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        QCOMPARE(SigV4Signer::payloadHash("Param1=value1"),
                 QByteArray("9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e"));
    }

    void amzDateIsUtc()
    {
        QCOMPARE(SigV4Signer::amzDate(outcrop::aws::utcDateTime(QDate(2015, 8, 30), QTime(12, 36))),
                 QByteArray("20150830T123600Z"));
        // 00:30 at +02:00 is 22:30 the day before in UTC: date and scope follow UTC.
        const QDateTime local(QDate(2025, 8, 1), QTime(0, 30, 5), Qt::OffsetFromUTC, 2 * 3600);
        QCOMPARE(SigV4Signer::amzDate(local), QByteArray("20250731T223005Z"));
        QCOMPARE(SigV4Signer::credentialScope(local, QStringLiteral("us-west-2"), QStringLiteral("bedrock")),
                 QByteArray("20250731/us-west-2/bedrock/aws4_request"));
    }

    void signingKeyMatchesAwsExample()
    {
        // "Examples of how to derive a signing key for Signature Version 4" (AWS General Reference).
        QCOMPARE(SigV4Signer::signingKey(QString::fromLatin1(exampleSecret), QDate(2012, 2, 15),
                                         QStringLiteral("us-east-1"), QStringLiteral("iam"))
                     .toHex(),
                 QByteArray("f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d"));
    }

    void stringToSign()
    {
        const QDateTime time = outcrop::aws::utcDateTime(QDate(2015, 8, 30), QTime(12, 36));
        QCOMPARE(SigV4Signer::stringToSign(time, QStringLiteral("us-east-1"), QStringLiteral("service"), "x"),
                 QByteArray("AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n"
                            "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881"));
    }

    void unsignedHeaders()
    {
        QVERIFY(SigV4Signer::isUnsignedHeader("user-agent"));
        QVERIFY(SigV4Signer::isUnsignedHeader("x-amzn-trace-id"));
        QVERIFY(SigV4Signer::isUnsignedHeader("authorization"));
        QVERIFY(SigV4Signer::isUnsignedHeader("connection"));
        QVERIFY(!SigV4Signer::isUnsignedHeader("x-amz-user-agent")); // the JS SDK signs this one
        QVERIFY(!SigV4Signer::isUnsignedHeader("content-type"));
        QVERIFY(!SigV4Signer::isUnsignedHeader("host"));

        SigningRequest request = listRequest();
        request.headers.append(HttpHeader{"User-Agent", "outcrop/0.1"});
        request.headers.append(HttpHeader{"X-Amzn-Trace-Id", "Root=1-abc"});
        request.headers.append(HttpHeader{"X-Amz-User-Agent", "outcrop/0.1"});
        request.headers.append(HttpHeader{"Authorization", "Bearer stale"});
        const SigningResult result = SigV4Signer::signHeaders(request, exampleCredentials(), bedrockOptions());
        QCOMPARE(result.signedHeaderNames, QByteArray("host;x-amz-date;x-amz-user-agent"));
        QVERIFY(!result.canonicalRequest.contains("\nuser-agent"));
        QVERIFY(!result.canonicalRequest.contains("trace"));
        QVERIFY(!result.canonicalRequest.contains("Bearer"));
        // Changing an unsigned header does not change the signature.
        request.headers[1].value = "something else/2.0";
        QCOMPARE(SigV4Signer::signHeaders(request, exampleCredentials(), bedrockOptions()).signature, result.signature);
    }

    void headerModeAddsDateAndAuthorization()
    {
        const SigningResult result = SigV4Signer::signHeaders(listRequest(), exampleCredentials(), bedrockOptions());
        QCOMPARE(headerNames(result.addedHeaders), (QList<QByteArray>{"X-Amz-Date", "Authorization"}));
        QCOMPARE(headerValue(result.addedHeaders, "X-Amz-Date"), QByteArray("20250801T091530Z"));
        QCOMPARE(result.signedHeaderNames, QByteArray("host;x-amz-date"));
        QCOMPARE(result.signature.size(), 64);
        QCOMPARE(result.signature, result.signature.toLower());
        QCOMPARE(headerValue(result.addedHeaders, "Authorization"),
                 "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250801/us-east-1/bedrock/aws4_request, "
                 "SignedHeaders=host;x-amz-date, Signature="
                     + result.signature);
        QVERIFY(result.signedTarget.isEmpty());
        // The secret never shows up in what the signer returns.
        for (const QByteArray &text : {result.canonicalRequest, result.stringToSign,
                                       headerValue(result.addedHeaders, "Authorization")})
            QVERIFY(!text.contains(exampleSecret));
    }

    void signatureIsTheHmacOfTheStringToSign()
    {
        const SigningOptions options = bedrockOptions();
        const SigningResult result = SigV4Signer::signHeaders(listRequest(), exampleCredentials(), options);
        const QByteArray key = SigV4Signer::signingKey(QString::fromLatin1(exampleSecret), options.time.date(),
                                                       options.region, options.service);
        QCOMPARE(result.signature,
                 QMessageAuthenticationCode::hash(result.stringToSign, key, QCryptographicHash::Sha256).toHex());
    }

    void cachedKeyFollowsTheInputs()
    {
        // Alternate secrets, regions and days: the per-thread key cache must never serve a stale key.
        SigningOptions options = bedrockOptions();
        AwsCredentials first = exampleCredentials();
        AwsCredentials second = exampleCredentials();
        second.secretAccessKey = QStringLiteral("another-secret");
        const auto expected = [](const AwsCredentials &credentials, const SigningOptions &signing,
                                 const QByteArray &stringToSign) {
            const QByteArray key = SigV4Signer::signingKey(credentials.secretAccessKey, signing.time.toUTC().date(),
                                                           signing.region, signing.service);
            return QMessageAuthenticationCode::hash(stringToSign, key, QCryptographicHash::Sha256).toHex();
        };
        for (const AwsCredentials *credentials : {&first, &second, &first}) {
            const SigningResult result = SigV4Signer::signHeaders(listRequest(), *credentials, options);
            QCOMPARE(result.signature, expected(*credentials, options, result.stringToSign));
        }
        options.region = QStringLiteral("us-west-2");
        SigningResult result = SigV4Signer::signHeaders(listRequest(), first, options);
        QCOMPARE(result.signature, expected(first, options, result.stringToSign));
        options.time = options.time.addDays(1);
        result = SigV4Signer::signHeaders(listRequest(), first, options);
        QCOMPARE(result.signature, expected(first, options, result.stringToSign));
        options.service = QStringLiteral("sts");
        result = SigV4Signer::signHeaders(listRequest(), first, options);
        QCOMPARE(result.signature, expected(first, options, result.stringToSign));
    }

    void sessionTokenSigned()
    {
        const SigningResult result =
            SigV4Signer::signHeaders(listRequest(), exampleCredentials(stsToken), bedrockOptions());
        QCOMPARE(headerNames(result.addedHeaders),
                 (QList<QByteArray>{"X-Amz-Security-Token", "X-Amz-Date", "Authorization"}));
        QCOMPARE(headerValue(result.addedHeaders, "X-Amz-Security-Token"), stsToken);
        QCOMPARE(result.signedHeaderNames, QByteArray("host;x-amz-date;x-amz-security-token"));
        QVERIFY(result.canonicalRequest.contains(QByteArray("\nx-amz-security-token:" + stsToken + '\n')));
    }

    void sessionTokenOmitted()
    {
        SigningOptions options = bedrockOptions();
        options.omitSessionToken = true;
        const SigningResult result = SigV4Signer::signHeaders(listRequest(), exampleCredentials(stsToken), options);
        // Still sent (first, like the reference signer), but not signed.
        QCOMPARE(headerNames(result.addedHeaders),
                 (QList<QByteArray>{"X-Amz-Security-Token", "X-Amz-Date", "Authorization"}));
        QCOMPARE(result.signedHeaderNames, QByteArray("host;x-amz-date"));
        QVERIFY(!result.canonicalRequest.contains("x-amz-security-token"));
        // Same signature as without any token.
        QCOMPARE(result.signature,
                 SigV4Signer::signHeaders(listRequest(), exampleCredentials(), bedrockOptions()).signature);
    }

    void signBodyAddsContentSha256()
    {
        SigningRequest request;
        request.method = "POST";
        request.target = "/model-customization/custom-model-deployments";
        request.body = R"({"modelDeploymentName":"a"})";
        request.headers = {{"Host", "bedrock.us-east-1.amazonaws.com"},
                           {"Content-Type", "application/json"},
                           {"Content-Length", QByteArray::number(request.body.size())}};
        const QByteArray hash = SigV4Signer::payloadHash(request.body);

        SigningOptions options = bedrockOptions();
        SigningResult result = SigV4Signer::signHeaders(request, exampleCredentials(), options);
        QCOMPARE(result.signedHeaderNames, QByteArray("content-length;content-type;host;x-amz-date"));
        QVERIFY(result.canonicalRequest.endsWith(QByteArray('\n' + hash))); // the body's hash even when not a header

        options.signBody = true;
        result = SigV4Signer::signHeaders(request, exampleCredentials(stsToken), options);
        QCOMPARE(headerNames(result.addedHeaders), (QList<QByteArray>{"X-Amz-Security-Token", "X-Amz-Date",
                                                                      "x-amz-content-sha256", "Authorization"}));
        QCOMPARE(headerValue(result.addedHeaders, "x-amz-content-sha256"), hash);
        QCOMPARE(result.signedHeaderNames,
                 QByteArray("content-length;content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token"));
        QVERIFY(result.canonicalRequest.contains(QByteArray("\nx-amz-content-sha256:" + hash + '\n')));
    }

    void headersTheSignerOwnsAreReplaced()
    {
        SigningRequest request = listRequest();
        request.headers.append(HttpHeader{"X-Amz-Date", "19990101T000000Z"});
        request.headers.append(HttpHeader{"X-Amz-Security-Token", "stale"});
        const SigningResult result = SigV4Signer::signHeaders(request, exampleCredentials(), bedrockOptions());
        QCOMPARE(canonicalHeaderBlock(result.canonicalRequest),
                 QByteArray("host:bedrock.us-east-1.amazonaws.com\nx-amz-date:20250801T091530Z\n"));
        QCOMPARE(result.signature, SigV4Signer::signHeaders(listRequest(), exampleCredentials(), bedrockOptions()).signature);
    }

    void presignWithToken()
    {
        SigningOptions options = bedrockOptions();
        options.expiresSeconds = 900;
        options.signBody = true; // never adds x-amz-content-sha256 in query mode
        const SigningResult result = SigV4Signer::presign(listRequest(), exampleCredentials(stsToken), options);
        const QByteArray encodedToken = "AQoDYXdzEPT%2F%2F%2F%2F%2F%2F%2F%2F%2F%2FwEXAMPLE%2Btc764%2FbNrC9%3D%3D";
        QCOMPARE(result.signedTarget,
                 "/model-customization/custom-model-deployments?maxResults=10"
                 "&X-Amz-Algorithm=AWS4-HMAC-SHA256"
                 "&X-Amz-Credential=AKIDEXAMPLE%2F20250801%2Fus-east-1%2Fbedrock%2Faws4_request"
                 "&X-Amz-Date=20250801T091530Z&X-Amz-SignedHeaders=host&X-Amz-Expires=900"
                 "&X-Amz-Security-Token="
                     + encodedToken + "&X-Amz-Signature=" + result.signature);
        QCOMPARE(result.canonicalRequest.split('\n').at(2),
                 "X-Amz-Algorithm=AWS4-HMAC-SHA256"
                 "&X-Amz-Credential=AKIDEXAMPLE%2F20250801%2Fus-east-1%2Fbedrock%2Faws4_request"
                 "&X-Amz-Date=20250801T091530Z&X-Amz-Expires=900&X-Amz-Security-Token="
                     + encodedToken + "&X-Amz-SignedHeaders=host&maxResults=10");
        QCOMPARE(result.signedHeaderNames, QByteArray("host"));
        QVERIFY(result.addedHeaders.isEmpty());
        QVERIFY(!result.canonicalRequest.contains("x-amz-content-sha256"));
        QVERIFY(result.canonicalRequest.endsWith(QByteArray('\n' + SigV4Signer::payloadHash(QByteArray()))));
    }

    void presignWithOmittedToken()
    {
        SigningOptions options = bedrockOptions();
        options.omitSessionToken = true;
        SigningRequest request = listRequest();
        request.target = "/model-customization/custom-model-deployments";
        const SigningResult result = SigV4Signer::presign(request, exampleCredentials(stsToken), options);
        QVERIFY(result.signedTarget.startsWith("/model-customization/custom-model-deployments?X-Amz-Algorithm="));
        QVERIFY(result.signedTarget.contains("&X-Amz-Security-Token=AQoDYXdzEPT%2F"));
        QVERIFY(!result.canonicalRequest.contains("Security-Token"));
        QCOMPARE(result.signature, SigV4Signer::presign(request, exampleCredentials(), options).signature);
    }

    void invalidTimeWarnsWithoutSecrets()
    {
        SigningOptions options = bedrockOptions();
        options.time = QDateTime();
        QTest::ignoreMessage(QtWarningMsg, "signing with an invalid time: the signature will not be accepted");
        QTest::failOnWarning(QRegularExpression(QStringLiteral("wJalr|AQoDY")));
        const SigningResult result = SigV4Signer::signHeaders(listRequest(), exampleCredentials(stsToken), options);
        QCOMPARE(result.signature.size(), 64);
    }

    void benchmarkSignHeaders()
    {
        SigningRequest request = listRequest();
        request.headers.append(HttpHeader{"X-Amz-User-Agent", "outcrop/0.1"});
        request.headers.append(HttpHeader{"User-Agent", "outcrop/0.1"});
        const AwsCredentials credentials = exampleCredentials(stsToken);
        const SigningOptions options = bedrockOptions();
        QByteArray signature;
        QBENCHMARK {
            signature = SigV4Signer::signHeaders(request, credentials, options).signature;
        }
        QCOMPARE(signature.size(), 64);
    }
};

QTEST_GUILESS_MAIN(TestSigV4Signer)
#include "tst_sigv4signer.moc"
