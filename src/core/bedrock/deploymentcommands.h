// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "bedrock/deploymentquery.h"

#include <QString>
#include <QUrl>

namespace outcrop::bedrock {

// The global AWS CLI options a copied command needs to reach the same account and region as the
// app. Empty members are left out of the command.
struct CliOptions
{
    QString region;
    QString profile;
    QString endpointUrl;   // only for a custom endpoint (the simulator, a VPC endpoint)
};

// Quotes one word for a POSIX shell the way Python's shlex.quote does: words made only of
// [A-Za-z0-9@%+=:,./_-] stay as they are; anything else goes inside '...', with each ' written
// as '"'"'. An empty word becomes ''.
QString shellQuote(const QString &word);

// `aws bedrock get-custom-model-deployment --custom-model-deployment-identifier ID [globals]`.
// The flag is the kebab-case input member name of GetCustomModelDeployment
// (shared/reference/botocore-bedrock/service-2.json: customModelDeploymentIdentifier).
QString getDeploymentCliCommand(const QString &identifier, const CliOptions &options);

// `aws bedrock list-custom-model-deployments` with the query's filters as flags (the API members
// in kebab case). The CLI follows every nextToken by itself, as the app does; the query's page
// size becomes --page-size, because the CLI hides the paginator's limit key (maxResults,
// paginators-1.json) behind its own paging options.
QString listDeploymentsCliCommand(const DeploymentQuery &query, const CliOptions &options);

// An inference call on the deployment: its ARN is the modelId of Converse on bedrock-runtime
// (shared/docs/bedrock-api.md §5).
QString converseCliSnippet(const QString &deploymentArn, const CliOptions &options);

// The host of the AWS Management Console for the partition of `region`, or an empty string for a
// partition without a public console we know of (the ISO partitions, the European Sovereign
// Cloud). Sources: "AWS Management Console endpoints" in the AWS General Reference
// (docs.aws.amazon.com/general/latest/gr/mgmt-console.html: console.aws.amazon.com), the AWS
// GovCloud (US) User Guide (console.amazonaws-us-gov.com) and the Amazon Web Services in China
// documentation (docs.amazonaws.cn: console.amazonaws.cn).
QString consoleHostForRegion(const QString &region);

// https://<console host>/bedrock/home?region=REGION, the Bedrock console's landing page for the
// region; invalid when the region is empty or its partition has no known console. The console's
// in-page routes (the part after '#') are not documented, so no deep link to the deployment.
QUrl bedrockConsoleUrl(const QString &region);

} // namespace outcrop::bedrock
