// SPDX-License-Identifier: Apache-2.0
#include "aws/awserror.h"

#include <QTest>

using outcrop::aws::AwsError;
using Kind = outcrop::aws::AwsError::Kind;

class TestAwsError : public QObject
{
    Q_OBJECT

private slots:
    void codeLookupOrder_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("header with namespace")
            << QByteArrayLiteral("ValidationException:http://internal.amazon.com/coral/com.amazon.bedrock/")
            << QByteArrayLiteral(R"({"message":"bad"})") << QStringLiteral("ValidationException") << QStringLiteral("bad");
        QTest::newRow("header wins over __type")
            << QByteArrayLiteral("ConflictException") << QByteArrayLiteral(R"({"__type":"ValidationException","message":"m"})")
            << QStringLiteral("ConflictException") << QStringLiteral("m");
        QTest::newRow("code before __type, any case")
            << QByteArray() << QByteArrayLiteral(R"({"Code":"ThrottlingException","__type":"X","Message":"slow"})")
            << QStringLiteral("ThrottlingException") << QStringLiteral("slow");
        QTest::newRow("namespaced __type")
            << QByteArray() << QByteArrayLiteral(R"({"__type":"com.amazonaws.bedrock#ResourceNotFoundException","message":"gone"})")
            << QStringLiteral("ResourceNotFoundException") << QStringLiteral("gone");
        QTest::newRow("comma in header")
            << QByteArrayLiteral("AccessDeniedException,Other") << QByteArray()
            << QStringLiteral("AccessDeniedException") << QString();
    }

    void codeLookupOrder()
    {
        QFETCH(QByteArray, header);
        QFETCH(QByteArray, body);
        QFETCH(QString, code);
        QFETCH(QString, message);
        const AwsError error = AwsError::fromHttpReply(400, header, body, QByteArrayLiteral("req-1"),
                                                       QStringLiteral("ListCustomModelDeployments"));
        QCOMPARE(error.code, code);
        QCOMPARE(error.message, message);
        QCOMPARE(error.requestId, QStringLiteral("req-1"));
    }

    void everyModelledErrorIsTyped_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("kind");
        const QList<QPair<const char *, Kind>> rows {
            { "AccessDeniedException", Kind::AccessDenied }, { "ValidationException", Kind::Validation },
            { "InternalServerException", Kind::InternalServer }, { "ThrottlingException", Kind::Throttling },
            { "ResourceNotFoundException", Kind::ResourceNotFound }, { "ConflictException", Kind::Conflict },
            { "ServiceQuotaExceededException", Kind::ServiceQuotaExceeded },
            { "ExpiredTokenException", Kind::ExpiredToken }, { "InvalidSignatureException", Kind::InvalidSignature },
            { "UnrecognizedClientException", Kind::UnrecognizedClient }, { "SomethingNew", Kind::OtherService },
        };
        for (const auto &[code, kind] : rows) {
            QTest::newRow(code) << QString::fromLatin1(code) << int(kind);
        }
    }

    void everyModelledErrorIsTyped()
    {
        QFETCH(QString, code);
        QFETCH(int, kind);
        const AwsError error = AwsError::fromHttpReply(400, code.toLatin1(), QByteArrayLiteral(R"({"message":"text"})"),
                                                       QByteArrayLiteral("rid-9"), QStringLiteral("GetCustomModelDeployment"));
        QCOMPARE(int(error.kind), kind);
        const QString text = error.userMessage();
        QVERIFY2(text.contains(QLatin1String("text")), qPrintable(text));     // the service's words are kept
        QVERIFY2(text.contains(QLatin1String("rid-9")), qPrintable(text));    // and the request id
    }

    void accessDeniedNamesTheIamAction()
    {
        const AwsError error = AwsError::fromHttpReply(
            403, QByteArrayLiteral("AccessDeniedException"), QByteArrayLiteral(R"({"message":"User is not authorized"})"),
            QByteArray(), QStringLiteral("ListCustomModelDeployments"));
        QVERIFY2(error.userMessage().contains(QLatin1String("bedrock:ListCustomModelDeployments")),
                 qPrintable(error.userMessage()));
    }

    void statusFallbackWithoutCode()
    {
        QCOMPARE(AwsError::fromHttpReply(429, {}, {}, {}, {}).kind, Kind::Throttling);
        QCOMPARE(AwsError::fromHttpReply(502, {}, QByteArrayLiteral("<html>bad gateway</html>"), {}, {}).kind,
                 Kind::InternalServer);
        const AwsError html = AwsError::fromHttpReply(502, {}, QByteArrayLiteral("<html>bad gateway</html>"), {}, {});
        QVERIFY(html.userMessage().contains(QLatin1String("502")));
        QCOMPARE(AwsError::fromHttpReply(403, {}, {}, {}, {}).kind, Kind::AccessDenied);
    }
};

QTEST_GUILESS_MAIN(TestAwsError)
#include "tst_awserror.moc"
