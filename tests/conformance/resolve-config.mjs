// SPDX-License-Identifier: Apache-2.0
// Resolves region, credentials and the Bedrock endpoint with the official AWS SDK for JavaScript,
// from the environment this script is given (HOME, AWS_*), for tst_jsconfigparity.
//   node resolve-config.mjs [--profile NAME]
// Prints one JSON object: {region | regionError, accessKeyId, secretAccessKey, sessionToken |
// credentialsError, endpoint | endpointError}.
//
// Credentials come from the client's default chain (@aws-sdk/credential-provider-node: fromEnv,
// then fromIni and fromProcess of @aws-sdk/credential-providers' packages). The endpoint is the one
// the client really calls: a build-step middleware records the request's URL and aborts before
// anything is signed or sent.
import { BedrockClient, ListCustomModelDeploymentsCommand } from "@aws-sdk/client-bedrock";

const args = process.argv.slice(2);
const profileIndex = args.indexOf("--profile");
const profile = profileIndex >= 0 ? args[profileIndex + 1] : undefined;
const operationPath = "/model-customization/custom-model-deployments";

const result = {};
const message = (error) => (error && error.message) || String(error);

const client = new BedrockClient({ ...(profile ? { profile } : {}), maxAttempts: 1 });
// Resolving the endpoint on the send path also resolves an identity; a second client with fixed
// dummy credentials keeps a missing-credentials scenario from hiding the endpoint.
const endpointClient = new BedrockClient({
    ...(profile ? { profile } : {}),
    maxAttempts: 1,
    credentials: { accessKeyId: "dummy", secretAccessKey: "dummy" },
});
const aborted = new Error("outcrop: request recorded");
endpointClient.middlewareStack.add(
    (next) => async (argsIn) => {
        const request = argsIn.request;
        const port = request.port ? `:${request.port}` : "";
        let path = request.path || "";
        if (path.endsWith(operationPath)) {
            path = path.slice(0, -operationPath.length);
        }
        result.endpoint = `${request.protocol}//${request.hostname}${port}${path}`;
        throw aborted;
    },
    { step: "build", name: "outcropRecordEndpoint" },
);

try {
    result.region = await client.config.region();
} catch (error) {
    result.regionError = message(error);
}

try {
    const credentials = await client.config.credentials();
    result.accessKeyId = credentials.accessKeyId;
    result.secretAccessKey = credentials.secretAccessKey;
    result.sessionToken = credentials.sessionToken ?? "";
} catch (error) {
    result.credentialsError = message(error);
}

try {
    await endpointClient.send(new ListCustomModelDeploymentsCommand({}));
    result.endpointError = "the request was not intercepted";
} catch (error) {
    if (error !== aborted) {
        result.endpointError = message(error);
    }
}

process.stdout.write(JSON.stringify(result) + "\n");
