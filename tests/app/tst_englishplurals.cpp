// SPDX-License-Identifier: Apache-2.0
// English shows real plural forms ("1 deployment", "2 deployments"), never "deployment(s)".
#include "translations.h"

#include <QCoreApplication>
#include <QTest>

class TestEnglishPlurals : public QObject
{
    Q_OBJECT

private slots:
    void pluralFormsInEnglish()
    {
        QVERIFY(outcrop::app::installTranslations(QStringLiteral("en")));
        const auto loaded = [](int n) {
            return QCoreApplication::translate("outcrop::gui::MainWindow", "%Ln deployment(s) loaded", nullptr, n);
        };
        QCOMPARE(loaded(1), QStringLiteral("1 deployment loaded"));
        QCOMPARE(loaded(250), QStringLiteral("250 deployments loaded"));
        // %Ln: the count in the locale's digits and grouping.
        QCOMPARE(loaded(12500), QStringLiteral("12,500 deployments loaded"));
        QCOMPARE(QCoreApplication::translate("LocalTimeFormatter", "%n minute(s)", nullptr, 1), QStringLiteral("1 minute"));
        // Strings without a plural keep their English source.
        QCOMPARE(QCoreApplication::translate("outcrop::gui::MainWindow", "&Refresh"), QStringLiteral("&Refresh"));
    }
};

QTEST_GUILESS_MAIN(TestEnglishPlurals)
#include "tst_englishplurals.moc"
