// SPDX-License-Identifier: Apache-2.0
// LocalTimeFormatter's cached offsets and texts give the same text as Qt's own conversion to
// local time and QLocale's short format, in English (US), German and Japanese, in zones with DST,
// half-hour and quarter-hour offsets, minute by minute around transitions.

#include "localtimeformatter.h"

#include "aws/utctime.h"

#include <QDateTime>
#include <QList>
#include <QLocale>
#include <QTest>

#include <ctime>
#include <utility>

using outcrop::gui::LocalTimeFormatter;

class TestLocalTimeFormatter : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void matchesQtLocalTime_data();
    void matchesQtLocalTime();
    void followsTheApplicationLocale();
    void editorFormatHasAFourDigitYearAndNoSeconds_data();
    void editorFormatHasAFourDigitYearAndNoSeconds();

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
    QTest::addColumn<QString>("localeName");
    const QList<std::pair<const char *, QByteArray>> zones {
        {"Europe/Berlin (DST)", QByteArrayLiteral("Europe/Berlin")},
        {"America/St_Johns (-3:30, DST)", QByteArrayLiteral("America/St_Johns")},
        {"Australia/Lord_Howe (half-hour DST)", QByteArrayLiteral("Australia/Lord_Howe")},
        {"Asia/Kathmandu (+5:45)", QByteArrayLiteral("Asia/Kathmandu")},
        {"America/Santiago (southern DST)", QByteArrayLiteral("America/Santiago")},
        {"UTC", QByteArrayLiteral("UTC")},
    };
    for (const QString &localeName : {QStringLiteral("en_US"), QStringLiteral("de_DE"), QStringLiteral("ja_JP")}) {
        for (const auto &[name, zone] : zones) {
            QTest::addRow("%s, %s", name, qPrintable(localeName)) << zone << localeName;
        }
    }
}

void TestLocalTimeFormatter::matchesQtLocalTime()
{
    QFETCH(QByteArray, zone);
    QFETCH(QString, localeName);
    qputenv("TZ", zone);
    tzset();
    const QLocale locale(localeName);
    const auto expected = [&locale](const QDateTime &utc) {
        return locale.toString(utc.toLocalTime(), QLocale::ShortFormat);
    };

    LocalTimeFormatter formatter(locale);
    // Two years in steps of 7 h 13 min (every time of day, both sides of every transition) ...
    const QDateTime start = outcrop::aws::utcDateTime(QDate(2025, 1, 1), QTime(0, 0));
    int checked = 0;
    for (QDateTime utc = start; utc < start.addYears(2); utc = utc.addSecs(7 * 3600 + 13 * 60 + 17)) {
        QCOMPARE(formatter.format(utc), expected(utc));
        ++checked;
    }
    // ... and every minute of the days around each offset change, with a fresh formatter that
    // meets the transition days first.
    LocalTimeFormatter fresh(locale);
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

void TestLocalTimeFormatter::followsTheApplicationLocale()
{
    qputenv("TZ", QByteArrayLiteral("Europe/Berlin"));
    tzset();
    const QLocale saved;
    // 2025-07-04 16:05 in Berlin (summer time, UTC+2), written out so a change of format shows.
    const QDateTime utc = outcrop::aws::utcDateTime(QDate(2025, 7, 4), QTime(14, 5));
    const QList<std::pair<QString, QString>> expected {
        {QStringLiteral("en_US"), QStringLiteral("7/4/25 4:05 PM")},
        {QStringLiteral("de_DE"), QStringLiteral("04.07.25 16:05")},
        {QStringLiteral("ja_JP"), QStringLiteral("2025/07/04 16:05")},
    };
    // No locale chosen (LANG=C): ISO 8601's order, to the minute.
    QCOMPARE(LocalTimeFormatter(QLocale::c()).format(utc), QStringLiteral("2025-07-04 16:05"));
    for (const auto &[localeName, text] : expected) {
        QLocale::setDefault(QLocale(localeName)); // what --lang does
        QCOMPARE(LocalTimeFormatter().format(utc), text);
    }
    QLocale::setDefault(saved);
}

void TestLocalTimeFormatter::editorFormatHasAFourDigitYearAndNoSeconds_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::addColumn<QString>("text");   // 2025-07-04 16:05:30 in the editor's format
    QTest::newRow("C") << QLocale::c() << QStringLiteral("2025-07-04 16:05");
    QTest::newRow("en_US") << QLocale(QStringLiteral("en_US")) << QStringLiteral("7/4/2025 4:05 PM");
    QTest::newRow("de_DE") << QLocale(QStringLiteral("de_DE")) << QStringLiteral("04.07.2025 16:05");
    QTest::newRow("ja_JP") << QLocale(QStringLiteral("ja_JP")) << QStringLiteral("2025/07/04 16:05");
    QTest::newRow("fr_FR") << QLocale(QStringLiteral("fr_FR")) << QStringLiteral("04/07/2025 16:05");
}

// The filter bar's date-time editors: the locale's order and separators, unambiguous years.
void TestLocalTimeFormatter::editorFormatHasAFourDigitYearAndNoSeconds()
{
    QFETCH(QLocale, locale);
    QFETCH(QString, text);
    const QString format = LocalTimeFormatter::editorFormat(locale);
    const QDateTime local(QDate(2025, 7, 4), QTime(16, 5, 30));
    QCOMPARE(locale.toString(local, format), text);
    // What the editor shows, it reads back (to the minute).
    QCOMPARE(locale.toDateTime(text, format), local.addSecs(-30));
}

QTEST_GUILESS_MAIN(TestLocalTimeFormatter)
#include "tst_localtimeformatter.moc"
