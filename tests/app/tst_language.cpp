// SPDX-License-Identifier: Apache-2.0
// The language: the system locale (LANG, LC_ALL), overridden by --lang; the translations are
// compiled into `outcrop` itself (no Qt Gui), and an unknown --lang is a usage error naming it.
#include <QProcess>
#include <QTest>

namespace {
struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run runOutcrop(const QStringList &arguments, const QString &locale = QStringLiteral("C.UTF-8"))
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LC_ALL"), locale);
    env.insert(QStringLiteral("LANG"), locale);
    env.remove(QStringLiteral("LANGUAGE"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(OUTCROP_EXECUTABLE), arguments);
    if (!process.waitForFinished(30000)) {
        return {};
    }
    // simplified(): --help wraps its lines at a width of its own.
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()).simplified(),
            QString::fromUtf8(process.readAllStandardError()).simplified()};
}
} // namespace

class TestLanguage : public QObject
{
    Q_OBJECT

private slots:
    void englishByDefault()
    {
        const Run run = runOutcrop({QStringLiteral("--help")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QStringLiteral("Run against the built-in Bedrock simulator")), qPrintable(run.out));
    }

    void langOverridesTheSystemLocale_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::addColumn<QString>("expected");   // from the --demo option's help
        QTest::addColumn<QString>("qtsOwn");     // Qt's own text of --help (qtbase_*.qm)
        QTest::newRow("de") << QStringLiteral("de") << QStringLiteral("eingebauten Bedrock-Simulator")
                            << QStringLiteral("Optionen");
        QTest::newRow("ja") << QStringLiteral("ja") << QStringLiteral("内蔵の Bedrock シミュレーター")
                            << QStringLiteral("オプション");
    }

    void langOverridesTheSystemLocale()
    {
        QFETCH(QString, lang);
        QFETCH(QString, expected);
        QFETCH(QString, qtsOwn);
        for (const QStringList &arguments : {QStringList{QStringLiteral("--lang"), lang, QStringLiteral("--help")},
                                             QStringList{QStringLiteral("--lang=") + lang, QStringLiteral("--help")}}) {
            const Run run = runOutcrop(arguments);
            QCOMPARE(run.exitCode, 0);
            QVERIFY2(run.out.contains(expected), qPrintable(run.out));
            QVERIFY2(run.out.contains(qtsOwn), qPrintable(run.out));
        }
    }

    void theSystemLocaleIsFollowed()
    {
        // The translators load from the locale's UI languages, whether or not the system has
        // generated that C library locale.
        const Run run = runOutcrop({QStringLiteral("--help")}, QStringLiteral("de_DE.UTF-8"));
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QStringLiteral("eingebauten Bedrock-Simulator")), qPrintable(run.out));
        const Run english = runOutcrop({QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--help")},
                                       QStringLiteral("de_DE.UTF-8"));
        QVERIFY2(english.out.contains(QStringLiteral("Run against the built-in Bedrock simulator")), qPrintable(english.out));
    }

    void unknownLanguageIsAUsageError()
    {
        const Run run = runOutcrop({QStringLiteral("--lang"), QStringLiteral("xx-nonsense"), QStringLiteral("--help")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("--lang")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("xx-nonsense")), qPrintable(run.err));
    }

    void exportErrorsAreTranslated()
    {
        const Run run = runOutcrop({QStringLiteral("--lang"), QStringLiteral("de"), QStringLiteral("--export"),
                                    QStringLiteral("-"), QStringLiteral("--page-size"), QStringLiteral("0")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("ist keine Seitengröße")), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(TestLanguage)
#include "tst_language.moc"
