// SPDX-License-Identifier: Apache-2.0
#include "simcommandline.h"

#include "operations.h"
#include "ssoservice.h"
#include "validation.h"

#include <QCommandLineParser>

namespace outcrop::sim {

namespace {

bool readInt(const QCommandLineParser &parser, const QString &name, int min, int &target, QString &error)
{
    if (!parser.isSet(name)) {
        return true;
    }
    bool ok = false;
    const int value = parser.value(name).toInt(&ok);
    if (!ok || value < min) {
        error = QStringLiteral("--%1: expected an integer >= %2, got \"%3\"").arg(name).arg(min).arg(parser.value(name));
        return false;
    }
    target = value;
    return true;
}

// "arn:aws:iam::123456789012:role/NAME" and what follows it after a ':' (IAM role names cannot
// contain ':', so the role ARN is always the first six fields).
bool splitRoleArn(const QString &spec, QString *arn, QString *rest)
{
    const QStringList parts = spec.split(u':');
    if (parts.size() < 6 || parts.at(0) != QLatin1String("arn") || parts.at(2) != QLatin1String("iam")
        || !Shapes::fullMatch(QStringLiteral("[0-9]{12}"), parts.at(4))
        || !parts.at(5).startsWith(QLatin1String("role/")) || parts.at(5).size() <= 5) {
        return false;
    }
    *arn = parts.mid(0, 6).join(u':');
    *rest = parts.size() > 6 ? parts.mid(6).join(u':') : QString();
    return true;
}

bool readRoles(const QCommandLineParser &parser, SimConfig &config, QString &error)
{
    for (const QString &spec : parser.values(QStringLiteral("role"))) {
        SimRole role;
        if (!splitRoleArn(spec, &role.arn, &role.externalId)) {
            error = QStringLiteral("--role: expected arn:aws:iam::ACCOUNT:role/NAME[:EXTERNAL_ID], got \"%1\"").arg(spec);
            return false;
        }
        config.roles.append(role);
    }
    const auto findRole = [&config](const QString &arn) -> SimRole * {
        for (SimRole &role : config.roles) {
            if (role.arn == arn) {
                return &role;
            }
        }
        return nullptr;
    };
    for (const QString &spec : parser.values(QStringLiteral("role-mfa"))) {
        QString arn;
        QString rest;
        SimRole *role = splitRoleArn(spec, &arn, &rest) ? findRole(arn) : nullptr;
        const qsizetype lastColon = rest.lastIndexOf(u':');
        const QString code = rest.mid(lastColon + 1);
        if (!role || lastColon <= 0 || !Shapes::fullMatch(QStringLiteral("[0-9]{6}"), code)) {
            error = QStringLiteral("--role-mfa: expected ROLE_ARN:MFA_SERIAL:CODE (6 digits) for a role given with --role");
            return false;
        }
        role->mfaSerial = rest.left(lastColon);
        role->mfaCode = code;
    }
    for (const QString &spec : parser.values(QStringLiteral("role-max-duration"))) {
        QString arn;
        QString seconds;
        SimRole *role = splitRoleArn(spec, &arn, &seconds) ? findRole(arn) : nullptr;
        bool ok = false;
        const int value = seconds.toInt(&ok);
        if (!role || !ok || value < 3600 || value > 43200) {
            error = QStringLiteral("--role-max-duration: expected ROLE_ARN:SECONDS (3600 to 43200) for a role given "
                                   "with --role");
            return false;
        }
        role->maxSessionDurationSeconds = value;
    }
    return true;
}

} // namespace

SimCommandLine::Result SimCommandLine::parse(const QStringList &arguments)
{
    Result result;
    SimConfig &config = result.config;
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "A simulator of the Amazon Bedrock custom model deployment API on loopback. The first line on stdout is "
        "\"listening http://127.0.0.1:PORT\". Without options it serves a generated set of 300 deployments and "
        "accepts the AWS documentation example key AKIDEXAMPLE / wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY."));
    parser.addHelpOption();
    const auto option = [&parser](const QString &name, const QString &description, const QString &valueName = {}) {
        parser.addOption(QCommandLineOption(name, description, valueName));
    };
    option(QStringLiteral("port"), QStringLiteral("TCP port on 127.0.0.1 (0 = any free port; default 0)."), QStringLiteral("N"));
    option(QStringLiteral("seed"), QStringLiteral("Seed of the generated data (default 42)."), QStringLiteral("N"));
    option(QStringLiteral("count"), QStringLiteral("Number of generated deployments (default 300)."), QStringLiteral("N"));
    option(QStringLiteral("anchor"),
           QStringLiteral("Newest creation time of the generated data, RFC 3339 or \"now\" (default 2026-01-01T00:00:00Z)."),
           QStringLiteral("TIME"));
    option(QStringLiteral("data"), QStringLiteral("Serve the deployments and custom models of this JSON file."), QStringLiteral("FILE"));
    option(QStringLiteral("write-data"), QStringLiteral("Write the data set as a JSON data file and exit."), QStringLiteral("FILE"));
    option(QStringLiteral("region"), QStringLiteral("Region of the ARNs and of SigV4 scopes (default us-east-1)."), QStringLiteral("REGION"));
    option(QStringLiteral("account"), QStringLiteral("Account id of the ARNs (default 123456789012)."), QStringLiteral("ID"));
    option(QStringLiteral("credential"),
           QStringLiteral("Accept this key too: AKID:SECRET, or AKID:SECRET:SESSION_TOKEN[:EXPIRY] for temporary credentials "
                          "(EXPIRY in RFC 3339). Repeatable."),
           QStringLiteral("SPEC"));
    option(QStringLiteral("bearer-token"), QStringLiteral("Accept this Bedrock API key (Authorization: Bearer). Repeatable."),
           QStringLiteral("TOKEN"));
    option(QStringLiteral("permission"),
           QStringLiteral("Allow a key id or bearer token only these operations: KEY=Op1,Op2 (others get "
                          "AccessDeniedException). Repeatable."),
           QStringLiteral("SPEC"));
    option(QStringLiteral("role"),
           QStringLiteral("Let STS AssumeRole issue temporary credentials for this role (trusting every key), requiring "
                          "the external id when one is given: arn:aws:iam::ACCOUNT:role/NAME[:EXTERNAL_ID]. Repeatable."),
           QStringLiteral("SPEC"));
    option(QStringLiteral("role-mfa"),
           QStringLiteral("Require MFA for a --role: ROLE_ARN:MFA_SERIAL:CODE, the code being the one that is accepted."),
           QStringLiteral("SPEC"));
    option(QStringLiteral("role-max-duration"),
           QStringLiteral("The MaxSessionDuration of a --role: ROLE_ARN:SECONDS (default 3600)."), QStringLiteral("SPEC"));
    option(QStringLiteral("no-auth"), QStringLiteral("Accept every request unsigned (for the benchmark floor)."));
    option(QStringLiteral("max-skew"), QStringLiteral("Seconds a SigV4 x-amz-date may be off (default 300)."), QStringLiteral("S"));
    option(QStringLiteral("clock-offset"),
           QStringLiteral("Run the simulator's clock this many seconds ahead of the system clock (negative: behind); "
                          "the Date header and the SigV4 time check follow it (default 0)."),
           QStringLiteral("S"));
    option(QStringLiteral("latency"), QStringLiteral("Milliseconds added to every request (default 0)."), QStringLiteral("MS"));
    option(QStringLiteral("throttle-every"), QStringLiteral("Every Kth request gets 429 ThrottlingException."), QStringLiteral("K"));
    option(QStringLiteral("error-every"), QStringLiteral("Every Kth request gets 500 InternalServerException."), QStringLiteral("K"));
    option(QStringLiteral("reset-every"), QStringLiteral("Every Kth response is cut by a connection reset."), QStringLiteral("K"));
    option(QStringLiteral("truncate-every"), QStringLiteral("Every Kth response body is truncated (clean close)."), QStringLiteral("K"));
    option(QStringLiteral("lost-reply"),
           QStringLiteral("Carry out the next COUNT requests of an operation (default 1), then reset the connection "
                          "before replying: Operation[:COUNT]."),
           QStringLiteral("SPEC"));
    option(QStringLiteral("error"),
           QStringLiteral("Answer an operation with a modelled error: Operation=ExceptionName[:COUNT]. Repeatable."),
           QStringLiteral("SPEC"));
    option(QStringLiteral("creating-ms"), QStringLiteral("Time a created deployment stays Creating (default 5000)."), QStringLiteral("MS"));
    option(QStringLiteral("deleting-ms"), QStringLiteral("Time a deleted deployment stays Deleting (default 3000)."), QStringLiteral("MS"));
    option(QStringLiteral("updating-ms"), QStringLiteral("Time an update stays Updating (default 5000)."), QStringLiteral("MS"));
    option(QStringLiteral("page-size"), QStringLiteral("List page size when maxResults is absent (default 100)."), QStringLiteral("N"));
    option(QStringLiteral("prerender"),
           QStringLiteral("Pre-render the unfiltered List pages of this size at start, so serving them is transport only."),
           QStringLiteral("N"));
    option(QStringLiteral("max-deployments"), QStringLiteral("Quota for Create (ServiceQuotaExceededException)."), QStringLiteral("N"));

    SsoService::addOptions(parser);

    if (!parser.parse(arguments)) {
        result.error = parser.errorText();
        return result;
    }
    result.helpText = parser.helpText();
    if (parser.isSet(QStringLiteral("help"))) {
        result.helpRequested = true;
        return result;
    }
    if (!parser.positionalArguments().isEmpty()) {
        result.error = QStringLiteral("unexpected argument \"%1\"").arg(parser.positionalArguments().constFirst());
        return result;
    }
    QString &error = result.error;
    int port = 0;
    int seed = static_cast<int>(config.seed);
    int skew = static_cast<int>(config.maxClockSkewSeconds);
    if (!readInt(parser, QStringLiteral("port"), 0, port, error) || !readInt(parser, QStringLiteral("seed"), 0, seed, error)
        || !readInt(parser, QStringLiteral("count"), 0, config.count, error)
        || !readInt(parser, QStringLiteral("max-skew"), 0, skew, error)
        || !readInt(parser, QStringLiteral("latency"), 0, config.faults.latencyMs, error)
        || !readInt(parser, QStringLiteral("throttle-every"), 0, config.faults.throttleEvery, error)
        || !readInt(parser, QStringLiteral("error-every"), 0, config.faults.internalErrorEvery, error)
        || !readInt(parser, QStringLiteral("reset-every"), 0, config.faults.resetEvery, error)
        || !readInt(parser, QStringLiteral("truncate-every"), 0, config.faults.truncateEvery, error)
        || !readInt(parser, QStringLiteral("creating-ms"), 0, config.timings.creatingMs, error)
        || !readInt(parser, QStringLiteral("deleting-ms"), 0, config.timings.deletingMs, error)
        || !readInt(parser, QStringLiteral("updating-ms"), 0, config.timings.updatingMs, error)
        || !readInt(parser, QStringLiteral("page-size"), 1, config.defaultPageSize, error)
        || !readInt(parser, QStringLiteral("prerender"), 0, config.prerenderPageSize, error)
        || !readInt(parser, QStringLiteral("max-deployments"), 0, config.maxDeployments, error)) {
        return result;
    }
    if (port > 65535) {
        error = QStringLiteral("--port: %1 is not a TCP port").arg(port);
        return result;
    }
    config.port = static_cast<quint16>(port);
    config.seed = static_cast<quint32>(seed);
    config.maxClockSkewSeconds = skew;
    if (parser.isSet(QStringLiteral("clock-offset"))) {
        bool ok = false;
        const QString offset = parser.value(QStringLiteral("clock-offset"));
        config.clockOffsetSeconds = offset.toLongLong(&ok);
        // Ten years either way: more is a typo, and QDateTime arithmetic stays far from its limits.
        constexpr qint64 kMaxOffsetSeconds = 10LL * 366 * 24 * 3600;
        if (!ok || qAbs(config.clockOffsetSeconds) > kMaxOffsetSeconds) {
            error = QStringLiteral("--clock-offset: expected whole seconds within +-%1, got \"%2\"")
                        .arg(kMaxOffsetSeconds)
                        .arg(offset);
            return result;
        }
    }
    if (config.defaultPageSize > 1000 || config.prerenderPageSize > 1000) {
        error = QStringLiteral("--page-size and --prerender: at most 1000 (the service's maxResults bound)");
        return result;
    }
    if (parser.isSet(QStringLiteral("anchor"))) {
        const QString anchor = parser.value(QStringLiteral("anchor"));
        config.anchor = anchor == QLatin1String("now") ? QDateTime::currentDateTimeUtc() : Shapes::parseTimestamp(anchor);
        if (!config.anchor.isValid()) {
            error = QStringLiteral("--anchor: \"%1\" is neither \"now\" nor an RFC 3339 time").arg(anchor);
            return result;
        }
    }
    config.dataFile = parser.value(QStringLiteral("data"));
    result.writeDataFile = parser.value(QStringLiteral("write-data"));
    if (parser.isSet(QStringLiteral("region"))) {
        config.region = parser.value(QStringLiteral("region"));
    }
    if (parser.isSet(QStringLiteral("account"))) {
        config.accountId = parser.value(QStringLiteral("account"));
        if (!Shapes::fullMatch(QStringLiteral("[0-9]{12}"), config.accountId)) {
            error = QStringLiteral("--account: an account id is 12 digits");
            return result;
        }
    }
    config.requireAuth = !parser.isSet(QStringLiteral("no-auth"));
    for (const QString &spec : parser.values(QStringLiteral("credential"))) {
        const QStringList parts = spec.split(u':');
        if (parts.size() < 2 || parts.at(0).isEmpty() || parts.at(1).isEmpty()) {
            // Never echo the spec: it holds a secret.
            error = QStringLiteral("--credential: expected AKID:SECRET or AKID:SECRET:SESSION_TOKEN[:EXPIRY]");
            return result;
        }
        SimCredential credential{parts.at(0), parts.at(1), parts.value(2), {}, {}};
        if (parts.size() > 3) {
            const QString expiry = parts.mid(3).join(u':');
            credential.expiration = Shapes::parseTimestamp(expiry);
            if (!credential.expiration.isValid()) {
                error = QStringLiteral("--credential %1: the expiry \"%2\" is not an RFC 3339 time").arg(parts.at(0), expiry);
                return result;
            }
        }
        config.credentials.append(credential);
    }
    for (const QString &token : parser.values(QStringLiteral("bearer-token"))) {
        config.bearerTokens.append({token, {}});
    }
    for (const QString &spec : parser.values(QStringLiteral("permission"))) {
        const qsizetype equals = spec.indexOf(u'=');
        const QString key = spec.left(equals);
        const QStringList actions = spec.mid(equals + 1).split(u',', Qt::SkipEmptyParts);
        bool found = false;
        for (SimCredential &credential : config.credentials) {
            if (credential.accessKeyId == key) {
                credential.allowedActions = actions;
                found = true;
            }
        }
        for (SimBearerToken &token : config.bearerTokens) {
            if (token.token == key) {
                token.allowedActions = actions;
                found = true;
            }
        }
        if (equals <= 0 || actions.isEmpty() || !found) {
            error = QStringLiteral("--permission: expected KEY=Operation[,Operation...] for a key id given with --credential "
                                   "(or AKIDEXAMPLE) or a --bearer-token");
            return result;
        }
        for (const QString &action : actions) {
            if (action != QLatin1String("*") && Operations::fromName(action) == Operation::Unknown) {
                error = QStringLiteral("--permission: unknown operation \"%1\" (one of: %2)")
                            .arg(action, Operations::allNames().join(QStringLiteral(", ")));
                return result;
            }
        }
    }
    error = SsoService::readOptions(parser, &config.sso);
    if (!error.isEmpty()) {
        return result;
    }
    if (!readRoles(parser, config, error)) {
        return result;
    }
    if (parser.isSet(QStringLiteral("lost-reply"))) {
        const QString spec = parser.value(QStringLiteral("lost-reply"));
        const qsizetype colon = spec.indexOf(u':');
        const QString operation = colon < 0 ? spec : spec.left(colon);
        bool ok = true;
        const int count = colon < 0 ? 1 : spec.mid(colon + 1).toInt(&ok);
        if (Operations::fromName(operation) == Operation::Unknown || !ok || count < 1) {
            error = QStringLiteral("--lost-reply: expected Operation[:COUNT] with a positive COUNT and one of: %1; got \"%2\"")
                        .arg(Operations::allNames().join(QStringLiteral(", ")), spec);
            return result;
        }
        config.lostReplies = {operation, count};
    }
    for (const QString &spec : parser.values(QStringLiteral("error"))) {
        const qsizetype equals = spec.indexOf(u'=');
        if (equals <= 0) {
            error = QStringLiteral("--error: expected Operation=ExceptionName[:COUNT], got \"%1\"").arg(spec);
            return result;
        }
        ForcedError forced;
        forced.operation = spec.left(equals);
        QString type = spec.mid(equals + 1);
        const qsizetype colon = type.indexOf(u':');
        if (colon >= 0) {
            bool ok = false;
            forced.count = type.mid(colon + 1).toInt(&ok);
            if (!ok || forced.count < 1) {
                error = QStringLiteral("--error %1: COUNT must be a positive integer").arg(spec);
                return result;
            }
            type = type.left(colon);
        }
        forced.errorType = type;
        const Operation operation = Operations::fromName(forced.operation);
        if (operation == Operation::Unknown || !Operations::modelledErrors(operation).contains(type)) {
            error = QStringLiteral("--error %1: %2").arg(spec,
                operation == Operation::Unknown
                    ? QStringLiteral("unknown operation (one of: %1)").arg(Operations::allNames().join(QStringLiteral(", ")))
                    : QStringLiteral("not a modelled error of the operation (one of: %1)")
                          .arg(Operations::modelledErrors(operation).join(QStringLiteral(", "))));
            return result;
        }
        config.forcedErrors.append(forced);
    }
    return result;
}

} // namespace outcrop::sim
