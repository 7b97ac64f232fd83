// SPDX-License-Identifier: Apache-2.0
#include "commandline.h"
#include "translations.h"

#include "aws/debuglog.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstring>

namespace outcrop::app {

namespace {
// The translation context "CommandLine" of this file (a class of its own: lupdate gives tr() calls
// in free functions the namespace as context).
class CommandLineTr
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)
};
} // namespace

void addOptions(QCommandLineParser &parser)
{
    parser.setApplicationDescription(
        CommandLineTr::tr("Outcrop: a dashboard for Amazon Bedrock custom model deployments.\n"
           "Without --export it opens the dashboard; with --export it writes a CSV file and exits."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(QCommandLineOption(QStringLiteral("demo"),
                                        CommandLineTr::tr("Run against the built-in Bedrock simulator with generated data "
                                           "instead of AWS.")));
    parser.addOption(QCommandLineOption(QStringLiteral("debug"),
                                        CommandLineTr::tr("Write a detailed log for support cases to outcrop-debug.log in Outcrop's "
                                           "data folder (secrets are redacted); the path is printed at start.")));
    parser.addOption(QCommandLineOption(QStringLiteral("read-only"),
                                        CommandLineTr::tr("Never change anything: creating, updating, deleting and "
                                           "tagging deployments are hidden and refused for this session.")));
    parser.addOption(QCommandLineOption(QStringLiteral("demo-count"),
                                        CommandLineTr::tr("How many deployments the simulator generates with --demo (default 300)."),
                                        CommandLineTr::tr("N")));
    parser.addOption(QCommandLineOption(QStringLiteral("lang"),
                                        CommandLineTr::tr("The language of the user interface and the locale of dates and numbers, "
                                           "e.g. de, ja or en (default: the system's)."),
                                        CommandLineTr::tr("locale")));
    exporting::addConnectionOptions(parser);
    exporting::addExportOptions(parser);
}

CommandLine readCommandLine(QCommandLineParser &parser, const QStringList &arguments)
{
    CommandLine line;
    if (!parser.parse(arguments)) {
        line.error = parser.errorText();
        return line;
    }
    if (!parser.positionalArguments().isEmpty()) {
        line.error = CommandLineTr::tr("Unexpected argument \"%1\"; see --help.").arg(parser.positionalArguments().first());
        return line;
    }
    line.helpOrVersion = parser.isSet(QStringLiteral("help")) || parser.isSet(QStringLiteral("version"));
    line.demo = parser.isSet(QStringLiteral("demo"));
    line.debug = parser.isSet(QStringLiteral("debug"));
    line.readOnly = parser.isSet(QStringLiteral("read-only"));
    if (parser.isSet(QStringLiteral("demo-count"))) {
        bool ok = false;
        line.demoCount = parser.value(QStringLiteral("demo-count")).toInt(&ok);
        if (!ok || line.demoCount < 0 || line.demoCount > 1000000) {
            line.error = CommandLineTr::tr("--demo-count: '%1' is not a number from 0 to 1000000.")
                             .arg(parser.value(QStringLiteral("demo-count")));
            return line;
        }
    }
    if (parser.isSet(QStringLiteral("lang"))) {
        line.language = parser.value(QStringLiteral("lang"));
        if (!isKnownLocaleName(line.language)) {
            line.error = CommandLineTr::tr("--lang: '%1' is not a known locale name such as de, ja or en.").arg(line.language);
            return line;
        }
    }
    QString error;
    if (!exporting::parseExportOptions(parser, &line.exportOptions, &error)) {
        line.error = error;
    }
    return line;
}

std::optional<int> startCommandLine(CommandLine *commandLine)
{
    QCoreApplication::setApplicationName(QStringLiteral("Outcrop"));
    QCoreApplication::setOrganizationName(QStringLiteral("Outcrop"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PROJECT_VERSION_STRING));

    // Before the parser's texts (--help) are built. An unknown --lang is reported by
    // readCommandLine() as a usage error.
    const QString language = languageArgument(QCoreApplication::arguments());
    installTranslations(isKnownLocaleName(language) ? language : QString());

    QCommandLineParser parser;
    addOptions(parser);
    *commandLine = readCommandLine(parser, QCoreApplication::arguments());
    if (!commandLine->error.isEmpty()) {
        QTextStream(stderr) << "outcrop: " << commandLine->error << Qt::endl;
        return 2;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        return 0;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        QTextStream(stdout) << QCoreApplication::applicationName() << ' ' << QCoreApplication::applicationVersion()
                            << Qt::endl;
        return 0;
    }
    if (commandLine->debug) {
        // After the application's identity is set, so the log lands in Outcrop's data folder.
        const QString path = aws::defaultDebugLogPath();
        QString error;
        if (!aws::installDebugLog(path, &error)) {
            QTextStream(stderr) << "outcrop: " << error << Qt::endl;
            return 1;
        }
        QTextStream(stderr) << "outcrop: " << CommandLineTr::tr("writing a debug log (secrets redacted) to %1").arg(path) << Qt::endl;
    }
    return std::nullopt;
}

bool runsHeadless(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const char *argument = argv[i];
        for (const char *headless : { "--export", "-h", "--help", "--help-all", "-v", "--version" }) {
            const size_t length = std::strlen(headless);
            if (std::strncmp(argument, headless, length) == 0 && (argument[length] == '\0' || argument[length] == '=')) {
                return true;
            }
        }
    }
    return false;
}

} // namespace outcrop::app
