// SPDX-License-Identifier: Apache-2.0
#include "export/exportoptions.h"

#include "bedrock/bedrockregions.h"
#include "net/networkpolicy.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QRegularExpression>
#include <QUrl>

namespace outcrop::exporting {

namespace {

// The translation context "ExportOptions" of this file (a class of its own: lupdate gives tr() calls
// in free functions the namespace as context).
class ExportOptionsTr
{
    Q_DECLARE_TR_FUNCTIONS(ExportOptions)
};

// The first name is ours; the others are the AWS CLI's spellings (aws bedrock
// list-custom-model-deployments), so a user can paste the flags they already know.
const QStringList exportNames{QStringLiteral("export")};
const QStringList statusNames{QStringLiteral("status"), QStringLiteral("status-equals")};
const QStringList nameContainsNames{QStringLiteral("name-contains")};
const QStringList modelArnNames{QStringLiteral("model-arn"), QStringLiteral("model-arn-equals")};
const QStringList createdAfterNames{QStringLiteral("created-after")};
const QStringList createdBeforeNames{QStringLiteral("created-before")};
const QStringList sortOrderNames{QStringLiteral("sort-order")};
const QStringList pageSizeNames{QStringLiteral("page-size"), QStringLiteral("max-results")};
const QStringList bomNames{QStringLiteral("bom")};
const QStringList noFormulaEscapeNames{QStringLiteral("no-formula-escape")};
const QStringList profileNames{QStringLiteral("profile")};
const QStringList regionNames{QStringLiteral("region")};
const QStringList endpointUrlNames{QStringLiteral("endpoint-url")};
const QStringList mfaCodeNames{QStringLiteral("mfa-code")};

// The options that mean nothing without --export.
const QList<const QStringList *> exportOnlyOptions{
    &statusNames,   &nameContainsNames, &modelArnNames, &createdAfterNames,    &createdBeforeNames,
    &sortOrderNames, &pageSizeNames,    &bomNames,      &noFormulaEscapeNames,
};

// The spelling the user typed ("--max-results" rather than "--page-size"), so the message
// names what they see on their own command line.
QString spelledAs(const QCommandLineParser &parser, const QStringList &names)
{
    const QStringList found = parser.optionNames();
    for (auto it = found.crbegin(); it != found.crend(); ++it) {
        if (names.contains(*it)) {
            return QStringLiteral("--") + *it;
        }
    }
    return QStringLiteral("--") + names.first();
}

// Reads an option that takes one value. False with an error when it is given more than once:
// silently keeping the last of two different filters would export the wrong rows.
bool singleValue(const QCommandLineParser &parser, const QStringList &names, QString *value, QString *error)
{
    const QStringList values = parser.values(names.first());
    if (values.size() > 1) {
        *error = ExportOptionsTr::tr("%1 is given %2 times; give it once.").arg(spelledAs(parser, names)).arg(values.size());
        return false;
    }
    *value = values.isEmpty() ? QString() : values.first();
    return true;
}

bool parseTimeOption(const QCommandLineParser &parser, const QStringList &names, QDateTime *time, QString *error)
{
    QString text;
    if (!singleValue(parser, names, &text, error)) {
        return false;
    }
    if (!parser.isSet(names.first())) {
        return true;
    }
    *time = bedrock::parseUserTime(text);
    if (!time->isValid()) {
        *error = ExportOptionsTr::tr("%1: '%2' is not an RFC 3339 time or date; use e.g. 2025-07-01, 2025-07-01T12:00:00Z "
                    "or 2025-07-01T14:00:00+02:00 (without a zone, UTC).")
                     .arg(spelledAs(parser, names), text);
        return false;
    }
    return true;
}

} // namespace

namespace {

// An option's help, marked for translation here and translated when the parser is built
// (the translator is installed by then).
struct OptionHelp
{
    const QStringList *names;
    const char *description;
    const char *valueName;   // nullptr for a flag
};

const OptionHelp connectionOptionHelp[] = {
    {&profileNames,
     QT_TRANSLATE_NOOP("ExportOptions", "Use the named profile of the AWS config and credentials files. Repeatable: "
                                        "every profile is shown, in every --region given (or in its own region)."),
     QT_TRANSLATE_NOOP("ExportOptions", "name")},
    {&regionNames,
     QT_TRANSLATE_NOOP("ExportOptions", "AWS region to use, e.g. us-east-1 (default: the profile's region). "
                                        "Repeatable: every region is shown, for every --profile given."),
     QT_TRANSLATE_NOOP("ExportOptions", "region")},
    {&endpointUrlNames,
     QT_TRANSLATE_NOOP("ExportOptions", "Send requests to this URL instead of the region's Bedrock endpoint "
                                        "(https://, or http:// on a loopback address)."),
     QT_TRANSLATE_NOOP("ExportOptions", "url")},
    {&mfaCodeNames,
     QT_TRANSLATE_NOOP("ExportOptions", "The current code of your MFA device, for a profile that assumes a role "
                                        "with mfa_serial (6 digits)."),
     QT_TRANSLATE_NOOP("ExportOptions", "code")},
};

const OptionHelp exportOptionHelp[] = {
    {&exportNames,
     QT_TRANSLATE_NOOP("ExportOptions", "Write every matching deployment to <file> as CSV and exit, without opening a "
                                        "window. - writes to standard output."),
     QT_TRANSLATE_NOOP("ExportOptions", "file")},
    {&statusNames,
     QT_TRANSLATE_NOOP("ExportOptions", "Export only deployments with this status: Creating, Active or Failed (any case)."),
     QT_TRANSLATE_NOOP("ExportOptions", "status")},
    {&nameContainsNames,
     QT_TRANSLATE_NOOP("ExportOptions", "Export only deployments whose name contains <text> (letters, digits, - and _)."),
     QT_TRANSLATE_NOOP("ExportOptions", "text")},
    {&modelArnNames, QT_TRANSLATE_NOOP("ExportOptions", "Export only deployments of the custom model with this ARN."),
     QT_TRANSLATE_NOOP("ExportOptions", "arn")},
    {&createdAfterNames,
     QT_TRANSLATE_NOOP("ExportOptions", "Export only deployments created after <time>: RFC 3339, e.g. "
                                        "2025-07-01T12:00:00Z; a time without a zone, or a bare date, is UTC."),
     QT_TRANSLATE_NOOP("ExportOptions", "time")},
    {&createdBeforeNames,
     QT_TRANSLATE_NOOP("ExportOptions", "Export only deployments created before <time> (same forms as --created-after)."),
     QT_TRANSLATE_NOOP("ExportOptions", "time")},
    {&sortOrderNames,
     QT_TRANSLATE_NOOP("ExportOptions", "Order by creation time: Ascending or Descending (any case; the service's "
                                        "default is Descending)."),
     QT_TRANSLATE_NOOP("ExportOptions", "order")},
    {&pageSizeNames, QT_TRANSLATE_NOOP("ExportOptions", "Deployments fetched per request, 1 to 1000 (default: 1000)."),
     QT_TRANSLATE_NOOP("ExportOptions", "count")},
    {&bomNames,
     QT_TRANSLATE_NOOP("ExportOptions", "Start the CSV with a UTF-8 byte order mark (for spreadsheet programs that "
                                        "need one to read UTF-8)."),
     nullptr},
    {&noFormulaEscapeNames,
     QT_TRANSLATE_NOOP("ExportOptions", "Write cells that start with =, +, -, @, tab or CR as they are. By default "
                                        "they get a leading ' so that a spreadsheet does not run them as formulas."),
     nullptr},
};

template<size_t count>
void addOptions(QCommandLineParser &parser, const OptionHelp (&options)[count])
{
    for (const OptionHelp &option : options) {
        parser.addOption(QCommandLineOption(*option.names, ExportOptionsTr::tr(option.description),
                                            option.valueName ? ExportOptionsTr::tr(option.valueName) : QString()));
    }
}

} // namespace

void addConnectionOptions(QCommandLineParser &parser)
{
    addOptions(parser, connectionOptionHelp);
}

void addExportOptions(QCommandLineParser &parser)
{
    addOptions(parser, exportOptionHelp);
}

bool parseConnectionOptions(const QCommandLineParser &parser, ConnectionOptions *options, QString *error)
{
    ConnectionOptions parsed;
    if (!singleValue(parser, endpointUrlNames, &parsed.endpointUrl, error)
        || !singleValue(parser, mfaCodeNames, &parsed.mfaCode, error)) {
        return false;
    }
    // STS's TokenCode is six digits. The code itself is not repeated in the message.
    static const QRegularExpression mfaCodePattern(QStringLiteral("^[0-9]{6}$"));
    if (parser.isSet(mfaCodeNames.first()) && !mfaCodePattern.match(parsed.mfaCode).hasMatch()) {
        *error = ExportOptionsTr::tr("--mfa-code: give the 6 digits your MFA device shows.");
        return false;
    }
    // --profile and --region may be repeated (several sources); a value given twice counts once.
    for (const QString &profile : parser.values(profileNames.first())) {
        if (profile.trimmed().isEmpty()) {
            *error = ExportOptionsTr::tr("--profile: give the name of a profile.");
            return false;
        }
        if (!parsed.profiles.contains(profile)) {
            parsed.profiles.append(profile);
        }
    }
    for (const QString &region : parser.values(regionNames.first())) {
        if (!bedrock::isRegionName(region)) {
            *error = ExportOptionsTr::tr("--region: '%1' is not a region name; use e.g. us-east-1 or us-west-2 (lower case).")
                         .arg(region);
            return false;
        }
        if (!parsed.regions.contains(region)) {
            parsed.regions.append(region);
        }
    }
    parsed.profile = parsed.profiles.value(0);
    parsed.region = parsed.regions.value(0);
    if (parser.isSet(endpointUrlNames.first())) {
        // "localhost:4566" parses as a URL with the scheme "localhost": say what is missing instead.
        if (!parsed.endpointUrl.contains(QLatin1String("://"))) {
            *error = ExportOptionsTr::tr("--endpoint-url: '%1' is not a URL; give one such as "
                        "https://bedrock.us-east-1.amazonaws.com or http://127.0.0.1:4566.")
                         .arg(parsed.endpointUrl);
            return false;
        }
        const QString problem = net::NetworkPolicy::checkEndpoint(QUrl(parsed.endpointUrl, QUrl::StrictMode));
        if (!problem.isEmpty()) {
            *error = ExportOptionsTr::tr("--endpoint-url: '%1' cannot be used. %2").arg(parsed.endpointUrl, problem);
            return false;
        }
    }
    *options = parsed;
    return true;
}

bool parseExportOptions(const QCommandLineParser &parser, ExportOptions *options, QString *error)
{
    ExportOptions parsed;
    if (!parseConnectionOptions(parser, &parsed.connection, error)) {
        return false;
    }
    if (!singleValue(parser, exportNames, &parsed.outputPath, error)) {
        return false;
    }
    if (!parser.isSet(exportNames.first())) {
        for (const QStringList *names : exportOnlyOptions) {
            if (parser.isSet(names->first())) {
                *error = ExportOptionsTr::tr("%1 is only used with --export <file>.").arg(spelledAs(parser, *names));
                return false;
            }
        }
        *options = parsed;
        return true;
    }
    if (parsed.outputPath.isEmpty()) {
        *error = ExportOptionsTr::tr("--export: give a file name, or - for standard output.");
        return false;
    }

    bedrock::DeploymentQuery &query = parsed.query;
    QString text;

    if (!singleValue(parser, statusNames, &text, error)) {
        return false;
    }
    if (parser.isSet(statusNames.first())) {
        query.statusEquals = bedrock::normalizeStatus(text);
        if (query.statusEquals.isEmpty()) {
            *error = ExportOptionsTr::tr("%1: '%2' is not a status; use Creating, Active or Failed.")
                         .arg(spelledAs(parser, statusNames), text);
            return false;
        }
    }

    if (!singleValue(parser, nameContainsNames, &query.nameContains, error)) {
        return false;
    }
    if (parser.isSet(nameContainsNames.first())) {
        // A substring of a deployment name: its characters and length (bedrock-api.md §2).
        static const QRegularExpression allowed(QStringLiteral("^[0-9A-Za-z_-]{1,63}$"));
        if (!allowed.match(query.nameContains).hasMatch()) {
            *error = ExportOptionsTr::tr("%1: '%2' cannot be part of a deployment name; use 1 to 63 letters, digits, - and _.")
                         .arg(spelledAs(parser, nameContainsNames), query.nameContains);
            return false;
        }
    }

    if (!singleValue(parser, modelArnNames, &query.modelArnEquals, error)) {
        return false;
    }
    if (parser.isSet(modelArnNames.first()) && !bedrock::isCustomModelArn(query.modelArnEquals)) {
        *error = ExportOptionsTr::tr("%1: '%2' is not a custom model ARN; use "
                    "arn:aws:bedrock:REGION:ACCOUNT:custom-model/MODEL/ID.")
                     .arg(spelledAs(parser, modelArnNames), query.modelArnEquals);
        return false;
    }

    if (!parseTimeOption(parser, createdAfterNames, &query.createdAfter, error)
        || !parseTimeOption(parser, createdBeforeNames, &query.createdBefore, error)) {
        return false;
    }
    if (query.createdAfter.isValid() && query.createdBefore.isValid() && query.createdAfter > query.createdBefore) {
        *error = ExportOptionsTr::tr("--created-after (%1) is later than --created-before (%2): no deployment can match.")
                     .arg(bedrock::formatQueryTime(query.createdAfter), bedrock::formatQueryTime(query.createdBefore));
        return false;
    }

    if (!singleValue(parser, sortOrderNames, &text, error)) {
        return false;
    }
    if (parser.isSet(sortOrderNames.first())) {
        if (!bedrock::parseSortOrder(text, &query.sortOrder)) {
            *error = ExportOptionsTr::tr("%1: '%2' is not a sort order; use Ascending or Descending.")
                         .arg(spelledAs(parser, sortOrderNames), text);
            return false;
        }
        // CreationTime is the API's only sortBy value; sending it with the order says what the
        // order applies to, as the CLI does with --sort-by CreationTime.
        query.sortByCreationTime = true;
    }

    if (!singleValue(parser, pageSizeNames, &text, error)) {
        return false;
    }
    if (parser.isSet(pageSizeNames.first())) {
        bool isNumber = false;
        const int size = text.trimmed().toInt(&isNumber);
        if (!isNumber || size < 1 || size > 1000) {
            *error = ExportOptionsTr::tr("%1: '%2' is not a page size; use a whole number from 1 to 1000.")
                         .arg(spelledAs(parser, pageSizeNames), text);
            return false;
        }
        parsed.pageSize = size;
    }
    query.maxResults = parsed.pageSize;

    parsed.csv.byteOrderMark = parser.isSet(bomNames.first());
    parsed.csv.formulaEscape = !parser.isSet(noFormulaEscapeNames.first());

    // Anything the query itself would still refuse (a safety net: the checks above cover its rules).
    const QString problem = query.validate();
    if (!problem.isEmpty()) {
        *error = problem;
        return false;
    }
    *options = parsed;
    return true;
}

bool parseExportArguments(const QStringList &arguments, ExportOptions *options, QString *error)
{
    QCommandLineParser parser;
    addConnectionOptions(parser);
    addExportOptions(parser);
    if (!parser.parse(arguments)) {
        *error = parser.errorText();
        return false;
    }
    if (!parser.positionalArguments().isEmpty()) {
        *error = ExportOptionsTr::tr("Unexpected argument '%1'.").arg(parser.positionalArguments().first());
        return false;
    }
    return parseExportOptions(parser, options, error);
}

} // namespace outcrop::exporting
