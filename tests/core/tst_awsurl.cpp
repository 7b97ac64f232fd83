// SPDX-License-Identifier: Apache-2.0
#include "aws/awsurl.h"

#include <QTest>

using outcrop::aws::AwsRequestTarget;
using outcrop::aws::percentEncode;

class TestAwsUrl : public QObject
{
    Q_OBJECT

private slots:
    void percentEncodingIsRfc3986()
    {
        QCOMPARE(percentEncode(QByteArrayLiteral("AZaz09-._~")), QByteArrayLiteral("AZaz09-._~"));
        QCOMPARE(percentEncode(QByteArrayLiteral("tok/+= en:x")), QByteArrayLiteral("tok%2F%2B%3D%20en%3Ax"));
        QCOMPARE(percentEncode(QStringLiteral("\u1234")), QByteArrayLiteral("%E1%88%B4"));
        QCOMPARE(percentEncode(QByteArrayLiteral("%")), QByteArrayLiteral("%25"));
    }

    void arnIsOneEncodedPathSegment()
    {
        AwsRequestTarget target(QByteArrayLiteral("/model-customization/custom-model-deployments"));
        target.appendPathSegment(
            QStringLiteral("arn:aws:bedrock:us-east-1:123456789012:custom-model-deployment/abcdef123456"));
        QCOMPARE(target.target(),
                 QByteArrayLiteral("/model-customization/custom-model-deployments/"
                                   "arn%3Aaws%3Abedrock%3Aus-east-1%3A123456789012%3Acustom-model-deployment%2Fabcdef123456"));
    }

    void queryIsSortedAndEncoded()
    {
        AwsRequestTarget target(QByteArrayLiteral("/model-customization/custom-model-deployments"));
        target.addQueryItem(QStringLiteral("statusEquals"), QStringLiteral("Active"));
        target.addQueryItem(QStringLiteral("nextToken"), QStringLiteral("tok/+= en:x"));
        target.addQueryItem(QStringLiteral("maxResults"), QStringLiteral("50"));
        QCOMPARE(target.target(),
                 QByteArrayLiteral("/model-customization/custom-model-deployments?maxResults=50"
                                   "&nextToken=tok%2F%2B%3D%20en%3Ax&statusEquals=Active"));
    }

    void urlKeepsTheEncodedBytes()
    {
        AwsRequestTarget target(QByteArrayLiteral("/model-customization/custom-model-deployments"));
        target.appendPathSegment(QStringLiteral("arn:aws:bedrock:us-east-1:123456789012:custom-model-deployment/x"));
        target.addQueryItem(QStringLiteral("nextToken"), QStringLiteral("a+b/c=="));
        const QUrl url = target.urlOn(QUrl(QStringLiteral("https://bedrock.us-east-1.amazonaws.com")));
        QCOMPARE(url.host(), QStringLiteral("bedrock.us-east-1.amazonaws.com"));
        QCOMPARE(AwsRequestTarget::wireTarget(url), target.target());
    }

    void endpointPathIsAPrefix()
    {
        AwsRequestTarget target(QByteArrayLiteral("/model-customization/custom-model-deployments"));
        target.appendPathSegment(QStringLiteral("my-dep_1"));
        const QUrl url = target.urlOn(QUrl(QStringLiteral("http://127.0.0.1:4566/bedrock/")));
        QCOMPARE(url.port(), 4566);
        QCOMPARE(AwsRequestTarget::wireTarget(url),
                 QByteArrayLiteral("/bedrock/model-customization/custom-model-deployments/my-dep_1"));
    }
};

QTEST_GUILESS_MAIN(TestAwsUrl)
#include "tst_awsurl.moc"
