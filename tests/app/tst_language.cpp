// SPDX-License-Identifier: Apache-2.0
// The language: the system locale (LANG, LC_ALL), overridden by --lang; the translations are
// compiled into `outcrop` itself (no Qt Gui), and an unknown --lang is a usage error naming it.
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {
struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run runOutcrop(const QStringList &arguments, const QString &locale = QStringLiteral("C.UTF-8"),
               const QString &home = QString())
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!home.isEmpty()) {
        env.insert(QStringLiteral("HOME"), home);
        for (const QString &name : env.keys()) {
            if (name.startsWith(QLatin1String("AWS_"))) {
                env.remove(name);
            }
        }
    }
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

    // The credential chain's messages too (src/core/aws): a profile with no credentials anywhere,
    // in a HOME without ~/.aws, says so in the chosen language, down to the places it searched.
    void credentialErrorsAreTranslated_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("de") << QStringLiteral("de")
                            << QStringList{QStringLiteral("Keine AWS-Anmeldedaten für Profil nobody gefunden. Durchsucht:"),
                                           QStringLiteral("(Datei nicht gefunden)"),
                                           QStringLiteral("credential_process von Profil nobody (nicht gesetzt)")};
        QTest::newRow("ja") << QStringLiteral("ja")
                            << QStringList{QStringLiteral("プロファイル nobody の AWS 認証情報が見つかりません。検索した場所:"),
                                           QStringLiteral("(ファイルが見つかりません)")};
        QTest::newRow("en") << QStringLiteral("en")
                            << QStringList{QStringLiteral("No AWS credentials found for profile nobody. Searched:"),
                                           QStringLiteral("(file not found)")};
    }

    void credentialErrorsAreTranslated()
    {
        QFETCH(QString, lang);
        QFETCH(QStringList, expected);
        QTemporaryDir home;
        QVERIFY(home.isValid());
        const Run run = runOutcrop({QStringLiteral("--lang"), lang, QStringLiteral("--export"), QStringLiteral("-"),
                                    QStringLiteral("--profile"), QStringLiteral("nobody"), QStringLiteral("--region"),
                                    QStringLiteral("us-east-1"), QStringLiteral("--endpoint-url"),
                                    QStringLiteral("http://127.0.0.1:9")},
                                   QStringLiteral("C.UTF-8"), home.path());
        QVERIFY2(run.exitCode != 0, qPrintable(run.err));
        for (const QString &text : expected) {
            QVERIFY2(run.err.contains(text), qPrintable(run.err));
        }
        // Said once: not also as a log warning before the error.
        QCOMPARE(run.err.count(expected.first()), 1);
    }
};

QTEST_GUILESS_MAIN(TestLanguage)
#include "tst_language.moc"
