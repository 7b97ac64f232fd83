// SPDX-License-Identifier: Apache-2.0
#include "bedrock/deploymentcommands.h"

#include "aws/awspartitions.h"

#include <algorithm>

#include <QStringList>
#include <QUrlQuery>

namespace outcrop::bedrock {

namespace {

bool isShellSafe(QChar c)
{
    const char16_t code = c.unicode();
    return (code >= u'a' && code <= u'z') || (code >= u'A' && code <= u'Z') || (code >= u'0' && code <= u'9')
        || QLatin1String("@%+=:,./_-").contains(c);
}

void appendOption(QStringList &words, const char *flag, const QString &value)
{
    if (!value.isEmpty()) {
        words << QString::fromLatin1(flag) << shellQuote(value);
    }
}

QString withGlobals(QStringList words, const CliOptions &options)
{
    appendOption(words, "--region", options.region);
    appendOption(words, "--profile", options.profile);
    appendOption(words, "--endpoint-url", options.endpointUrl);
    return words.join(QLatin1Char(' '));
}

} // namespace

QString shellQuote(const QString &word)
{
    if (word.isEmpty()) {
        return QStringLiteral("''");
    }
    if (std::all_of(word.cbegin(), word.cend(), isShellSafe)) {
        return word;
    }
    QString quoted = word;
    quoted.replace(QLatin1Char('\''), QLatin1String("'\"'\"'"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

QString getDeploymentCliCommand(const QString &identifier, const CliOptions &options)
{
    QStringList words = { QStringLiteral("aws"), QStringLiteral("bedrock"), QStringLiteral("get-custom-model-deployment") };
    words << QStringLiteral("--custom-model-deployment-identifier") << shellQuote(identifier);
    return withGlobals(words, options);
}

QString listDeploymentsCliCommand(const DeploymentQuery &query, const CliOptions &options)
{
    QStringList words = { QStringLiteral("aws"), QStringLiteral("bedrock"), QStringLiteral("list-custom-model-deployments") };
    if (query.createdAfter.isValid()) {
        appendOption(words, "--created-after", formatQueryTime(query.createdAfter));
    }
    if (query.createdBefore.isValid()) {
        appendOption(words, "--created-before", formatQueryTime(query.createdBefore));
    }
    appendOption(words, "--name-contains", query.nameContains);
    appendOption(words, "--status-equals", normalizeStatus(query.statusEquals));
    appendOption(words, "--model-arn-equals", query.modelArnEquals);
    if (query.sortByCreationTime) {
        appendOption(words, "--sort-by", QStringLiteral("CreationTime"));
    }
    if (query.sortOrder != SortOrder::Default) {
        appendOption(words, "--sort-order",
                     query.sortOrder == SortOrder::Ascending ? QStringLiteral("Ascending") : QStringLiteral("Descending"));
    }
    if (query.maxResults > 0) {
        appendOption(words, "--page-size", QString::number(query.maxResults));
    }
    return withGlobals(words, options);
}

QString converseCliSnippet(const QString &deploymentArn, const CliOptions &options)
{
    QStringList words = { QStringLiteral("aws"), QStringLiteral("bedrock-runtime"), QStringLiteral("converse") };
    words << QStringLiteral("--model-id") << shellQuote(deploymentArn);
    CliOptions globals = options;
    // The runtime has its own host (bedrock-runtime.REGION...), so the control plane's custom
    // endpoint would send the call to the wrong service.
    globals.endpointUrl.clear();
    QString command = withGlobals(words, globals);
    command += QLatin1String(" --messages ")
        + shellQuote(QStringLiteral("[{\"role\":\"user\",\"content\":[{\"text\":\"Hello\"}]}]"));
    return command;
}

QString consoleHostForRegion(const QString &region)
{
    if (region.isEmpty()) {
        return {};
    }
    const QString partition = aws::partitionOfRegion(region).id;
    if (partition == QLatin1String("aws")) {
        return QStringLiteral("console.aws.amazon.com");
    }
    if (partition == QLatin1String("aws-cn")) {
        return QStringLiteral("console.amazonaws.cn");
    }
    if (partition == QLatin1String("aws-us-gov")) {
        return QStringLiteral("console.amazonaws-us-gov.com");
    }
    return {};
}

QUrl bedrockConsoleUrl(const QString &region)
{
    const QString host = consoleHostForRegion(region);
    if (host.isEmpty()) {
        return {};
    }
    QUrl url;
    url.setScheme(QStringLiteral("https"));
    url.setHost(host);
    url.setPath(QStringLiteral("/bedrock/home"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("region"), region);
    url.setQuery(query);
    return url;
}

} // namespace outcrop::bedrock
