// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "bedrock/deploymentquery.h"
#include "export/csvwriter.h"

#include <QString>
#include <QStringList>

class QCommandLineParser;

namespace outcrop::exporting {

// Where to connect: shared by the dashboard and the headless export. Empty = not given (the
// profile's or the environment's value applies).
struct ConnectionOptions
{
    QString profile;   // the first --profile
    QString region;    // the first --region
    // Every --profile and --region, in order, without repeats: the sources are their cross
    // product (bedrock/deploymentsources.h).
    QStringList profiles;
    QStringList regions;
    QString endpointUrl;
    QString mfaCode;   // --mfa-code: the MFA device's current code, for a role profile with mfa_serial
};

// Everything `outcrop --export FILE` needs, filled from the command line.
struct ExportOptions
{
    QString outputPath;                 // "-" = standard output; empty = no export requested
    bedrock::DeploymentQuery query;     // the filters; query.maxResults == pageSize
    int pageSize = 1000;                // 1..1000; --page-size / --max-results
    ConnectionOptions connection;
    CsvOptions csv;

    bool isExportRequested() const { return !outputPath.isEmpty(); }
};

constexpr int defaultExportPageSize = 1000;

// --profile, --region (both repeatable), --endpoint-url, --mfa-code. main.cpp adds them once, for the dashboard
// and the export.
void addConnectionOptions(QCommandLineParser &parser);
// --export and the options that only make sense with it (filters, page size, --bom,
// --no-formula-escape), with the AWS CLI spellings as aliases.
void addExportOptions(QCommandLineParser &parser);

// Reads what addConnectionOptions added. False with a message naming the option when a value
// is not allowed (a region that is not one, an endpoint that is not an http(s) URL).
bool parseConnectionOptions(const QCommandLineParser &parser, ConnectionOptions *options, QString *error);

// Reads what both add*Options added, after parser.process()/parse(). Returns false with a
// message naming the option and what is allowed for any bad value, for an option given twice,
// and for an export-only option given without --export. With no --export, returns true and
// leaves options->outputPath empty (the dashboard starts).
bool parseExportOptions(const QCommandLineParser &parser, ExportOptions *options, QString *error);

// For tests and callers without their own parser: `arguments` includes the program name
// (arguments[0]), as QCoreApplication::arguments() does.
bool parseExportArguments(const QStringList &arguments, ExportOptions *options, QString *error);

} // namespace outcrop::exporting
