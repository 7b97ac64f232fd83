// SPDX-License-Identifier: Apache-2.0
// The parsed command line: --read-only, and that it is off unless given.
#include "commandline.h"

#include <QCommandLineParser>
#include <QTest>

using outcrop::app::CommandLine;

namespace {

CommandLine parse(const QStringList &arguments)
{
    QCommandLineParser parser;
    outcrop::app::addOptions(parser);
    return outcrop::app::readCommandLine(parser, QStringList{QStringLiteral("outcrop")} + arguments);
}

} // namespace

class TestCommandLine : public QObject
{
    Q_OBJECT

private slots:
    void readOnlyIsOffByDefault()
    {
        const CommandLine line = parse({QStringLiteral("--demo")});
        QVERIFY2(line.error.isEmpty(), qPrintable(line.error));
        QVERIFY(!line.readOnly);
    }

    void readOnlyIsAccepted()
    {
        const CommandLine line = parse({QStringLiteral("--read-only"), QStringLiteral("--profile"), QStringLiteral("prod")});
        QVERIFY2(line.error.isEmpty(), qPrintable(line.error));
        QVERIFY(line.readOnly);
        QCOMPARE(line.exportOptions.connection.profile, QStringLiteral("prod"));
    }

    void readOnlyTakesNoValue()
    {
        const CommandLine line = parse({QStringLiteral("--read-only=yes")});
        QVERIFY(!line.error.isEmpty());
        QVERIFY2(line.error.contains(QLatin1String("read-only")), qPrintable(line.error));
    }

    void helpListsReadOnly()
    {
        QCommandLineParser parser;
        outcrop::app::addOptions(parser);
        QVERIFY(parser.helpText().contains(QLatin1String("--read-only")));
    }
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
