// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "export/exportoptions.h"

#include <QCommandLineParser>
#include <QStringList>

#include <optional>

namespace outcrop::app {

// The command line of the outcrop executable, shared by the dashboard and the headless export.
struct CommandLine
{
    exporting::ExportOptions exportOptions;   // connection options included
    bool demo = false;
    bool debug = false;   // --debug: a redacted debug log in the data folder
    // --read-only: for the whole session the Bedrock client refuses every mutating call (create,
    // update, delete, tag, untag) and the window hides those actions.
    bool readOnly = false;
    int demoCount = 300;
    QString language;                          // --lang: a locale name; empty: the system's
    bool helpOrVersion = false;
    QString error;                             // a usage error, naming the option
};

// Adds every option to `parser`.
void addOptions(QCommandLineParser &parser);
// After parser.parse(arguments): fills a CommandLine.
CommandLine readCommandLine(QCommandLineParser &parser, const QStringList &arguments);
// What every outcrop process does first, once its QCoreApplication exists: sets the application's
// name and version, parses its arguments into `commandLine`, reports a usage error, prints --help
// or --version. Returns the exit code when the process is done (2 after a usage error, 0 after
// help or version), nothing when it goes on.
std::optional<int> startCommandLine(CommandLine *commandLine);
// True when the arguments ask for something that needs no display (export, help, version):
// decided before any QApplication exists, because one cannot be created without a display.
bool runsHeadless(int argc, char **argv);

} // namespace outcrop::app
