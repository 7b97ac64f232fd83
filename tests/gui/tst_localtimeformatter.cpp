// SPDX-License-Identifier: Apache-2.0
// LocalTimeFormatter's cached offsets give the same text as Qt's own conversion to local time,
// in zones with DST, half-hour and quarter-hour offsets, minute by minute around transitions.

#include "localtimeformatter.h"

#include "aws/utctime.h"

#include <QDateTime>
#include <QTest>

#include <ctime>

using outcrop::gui::LocalTimeFormatter;

class TestLocalTimeFormatter : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void matchesQtLocalTime_data();
    void matchesQtLocalTime();

private:
    QByteArray m_savedTz;
    bool m_hadTz = false;
};

void TestLocalTimeFormatter::init()
{
    m_hadTz = qEnvironmentVariableIsSet("TZ");
    m_savedTz = qgetenv("TZ");
}

void TestLocalTimeFormatter::cleanup()
{
    if (m_hadTz) {
        qputenv("TZ", m_savedTz);
    } else {
        qunsetenv("TZ");
    }
    tzset();
}

void TestLocalTimeFormatter::matchesQtLocalTime_data()
{
    QTest::addColumn<QByteArray>("zone");
    QTest::newRow("Europe/Berlin (DST)") << QByteArrayLiteral("Europe/Berlin");
    QTest::newRow("America/St_Johns (-3:30, DST)") << QByteArrayLiteral("America/St_Johns");
    QTest::newRow("Australia/Lord_Howe (half-hour DST)") << QByteArrayLiteral("Australia/Lord_Howe");
    QTest::newRow("Asia/Kathmandu (+5:45)") << QByteArrayLiteral("Asia/Kathmandu");
    QTest::newRow("America/Santiago (southern DST)") << QByteArrayLiteral("America/Santiago");
    QTest::newRow("UTC") << QByteArrayLiteral("UTC");
}

void TestLocalTimeFormatter::matchesQtLocalTime()
{
    QFETCH(QByteArray, zone);
    qputenv("TZ", zone);
    tzset();
    const auto expected = [](const QDateTime &utc) {
        return utc.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    };

    LocalTimeFormatter formatter;
    // Two years in steps of 7 h 13 min (every time of day, both sides of every transition) ...
    const QDateTime start = outcrop::aws::utcDateTime(QDate(2025, 1, 1), QTime(0, 0));
    int checked = 0;
    for (QDateTime utc = start; utc < start.addYears(2); utc = utc.addSecs(7 * 3600 + 13 * 60 + 17)) {
        QCOMPARE(formatter.format(utc), expected(utc));
        ++checked;
    }
    // ... and every minute of the days around each offset change, with a fresh formatter that
    // meets the transition days first.
    LocalTimeFormatter fresh;
    int transitions = 0;
    for (QDateTime day = start; day < start.addYears(2); day = day.addDays(1)) {
        if (day.toLocalTime().offsetFromUtc() == day.addDays(1).toLocalTime().offsetFromUtc()) {
            continue;
        }
        ++transitions;
        for (QDateTime utc = day.addDays(-1); utc < day.addDays(2); utc = utc.addSecs(60)) {
            QCOMPARE(fresh.format(utc), expected(utc));
            QCOMPARE(fresh.offsetSeconds(utc), utc.toLocalTime().offsetFromUtc());
        }
    }
    QVERIFY(checked > 2000);
    const bool hasDst = zone != "UTC" && zone != "Asia/Kathmandu";
    QCOMPARE(transitions > 0, hasDst);   // the zone really has its transitions on this machine
}

QTEST_GUILESS_MAIN(TestLocalTimeFormatter)
#include "tst_localtimeformatter.moc"
