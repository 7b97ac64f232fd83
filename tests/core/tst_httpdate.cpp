// SPDX-License-Identifier: Apache-2.0
// The HTTP-date of the Date and Retry-After headers (RFC 7231 IMF-fixdate), read and written by
// hand (utctime.cpp): checked against Qt's own C-locale formatting over many dates and times.
#include "aws/utctime.h"

#include <QLocale>
#include <QTest>

using namespace outcrop::aws;

namespace {

QByteArray qtFormatted(const QDateTime &utc)
{
    return QLocale::c().toString(utc, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss")).toLatin1() + " GMT";
}

} // namespace

class TestHttpDate : public QObject
{
    Q_OBJECT

private slots:
    void readsAndWritesWhatQtWrites()
    {
        // Every day of four years (leap day included) at a time that moves through every hour,
        // minute and second, and the ends of the four-digit years.
        QDateTime time = utcDateTime(QDate(2023, 1, 1), QTime(0, 0, 0));
        for (int day = 0; day < 4 * 366; ++day) {
            const QByteArray text = qtFormatted(time);
            QCOMPARE(formatHttpDate(time), text);
            QCOMPARE(parseHttpDate(text), time);
            time = time.addSecs(86400 + 3661);
        }
        for (const QDateTime &edge : {utcDateTime(QDate(1, 1, 1), QTime(0, 0)),
                                      utcDateTime(QDate(9999, 12, 31), QTime(23, 59, 59)),
                                      utcDateTime(QDate(2024, 2, 29), QTime(12, 0, 0))}) {
            QCOMPARE(parseHttpDate(formatHttpDate(edge)), edge);
        }
        QCOMPARE(parseHttpDate("  Fri, 01 Aug 2025 09:15:30 GMT\r\n"),
                 utcDateTime(QDate(2025, 8, 1), QTime(9, 15, 30)));
    }

    void writesUtcWhateverTheZone()
    {
        const QDateTime utc = utcDateTime(QDate(2025, 8, 1), QTime(9, 15, 30));
        QCOMPARE(formatHttpDate(utc.toOffsetFromUtc(2 * 3600)), QByteArray("Fri, 01 Aug 2025 09:15:30 GMT"));
        QCOMPARE(formatHttpDate(QDateTime()), QByteArray());
    }

    void refusesAnythingElse_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("RFC 850") << QByteArray("Friday, 01-Aug-25 09:15:30 GMT");
        QTest::newRow("asctime") << QByteArray("Fri Aug  1 09:15:30 2025");
        QTest::newRow("other zone") << QByteArray("Fri, 01 Aug 2025 09:15:30 UTC");
        QTest::newRow("offset") << QByteArray("Fri, 01 Aug 2025 09:15:30 +0000");
        QTest::newRow("one-digit day") << QByteArray("Fri, 1 Aug 2025 09:15:30 GMT");
        QTest::newRow("unknown day name") << QByteArray("Fry, 01 Aug 2025 09:15:30 GMT");
        QTest::newRow("unknown month") << QByteArray("Fri, 01 Agu 2025 09:15:30 GMT");
        QTest::newRow("lower-case month") << QByteArray("Fri, 01 aug 2025 09:15:30 GMT");
        QTest::newRow("no such day") << QByteArray("Sat, 31 Jun 2025 09:15:30 GMT");
        QTest::newRow("not a leap year") << QByteArray("Sun, 29 Feb 2025 09:15:30 GMT");
        QTest::newRow("hour 24") << QByteArray("Fri, 01 Aug 2025 24:00:00 GMT");
        QTest::newRow("minute 60") << QByteArray("Fri, 01 Aug 2025 09:60:30 GMT");
        QTest::newRow("second 61") << QByteArray("Fri, 01 Aug 2025 09:15:61 GMT");
        QTest::newRow("letter in year") << QByteArray("Fri, 01 Aug 2O25 09:15:30 GMT");
        QTest::newRow("sign in day") << QByteArray("Fri, +1 Aug 2025 09:15:30 GMT");
        QTest::newRow("dots for colons") << QByteArray("Fri, 01 Aug 2025 09.15.30 GMT");
        QTest::newRow("no comma") << QByteArray("Fri  01 Aug 2025 09:15:30 GMT");
        QTest::newRow("trailing text") << QByteArray("Fri, 01 Aug 2025 09:15:30 GMTX");
        QTest::newRow("cut short") << QByteArray("Fri, 01 Aug 2025 09:15:30 GM");
    }

    void refusesAnythingElse()
    {
        QFETCH(QByteArray, text);
        QVERIFY2(!parseHttpDate(text).isValid(), text.constData());
    }
};

QTEST_GUILESS_MAIN(TestHttpDate)
#include "tst_httpdate.moc"
