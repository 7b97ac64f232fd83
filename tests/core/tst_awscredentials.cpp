// SPDX-License-Identifier: Apache-2.0
#include "aws/awscredentials.h"
#include "aws/utctime.h"

#include <QTest>

using outcrop::aws::AwsCredentials;

class TestAwsCredentials : public QObject
{
    Q_OBJECT

private slots:
    void debugOutputNeverShowsSecrets()
    {
        AwsCredentials credentials;
        credentials.accessKeyId = QStringLiteral("AKIDEXAMPLE");
        credentials.secretAccessKey = QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
        credentials.sessionToken = QStringLiteral("SESSIONTOKENVALUE");
        credentials.source = QStringLiteral("environment");
        QString text;
        QDebug(&text) << credentials;
        QVERIFY(text.contains(QLatin1String("AKIDEXAMPLE")));
        QVERIFY(text.contains(QLatin1String("environment")));
        QVERIFY(!text.contains(credentials.secretAccessKey));
        QVERIFY(!text.contains(credentials.sessionToken));
    }

    void expiryWindow()
    {
        AwsCredentials credentials;
        const QDateTime now = outcrop::aws::utcDateTime(QDate(2025, 8, 1), QTime(9, 0));
        QVERIFY(!credentials.expiresWithin(now, 300));
        credentials.expiration = now.addSecs(200);
        QVERIFY(credentials.expiresWithin(now, 300));
        QVERIFY(!credentials.expiresWithin(now, 100));
    }
};

QTEST_GUILESS_MAIN(TestAwsCredentials)
#include "tst_awscredentials.moc"
