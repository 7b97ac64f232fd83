// SPDX-License-Identifier: Apache-2.0
// The AWS SDK for JavaScript's side of bench/export-bench.sh: lists every custom model deployment
// with the SDK's paginator, the way a Node tool would, and prints the number of rows.
//   node bench/js-list.mjs --endpoint-url URL --region R --page-size N
// Credentials come from the SDK's default chain (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY).
import { createRequire } from "node:module";

// The SDK is installed once, for the conformance tests; bench/ has no node_modules of its own.
const require = createRequire(new URL("../tests/conformance/package.json", import.meta.url));
const { BedrockClient, paginateListCustomModelDeployments } = require("@aws-sdk/client-bedrock");

function option(name) {
    const index = process.argv.indexOf(name);
    if (index < 0 || index + 1 >= process.argv.length) {
        console.error(`js-list: ${name} is required`);
        process.exit(2);
    }
    return process.argv[index + 1];
}

const client = new BedrockClient({ endpoint: option("--endpoint-url"), region: option("--region") });
const pageSize = Number(option("--page-size"));
let rows = 0;
for await (const page of paginateListCustomModelDeployments({ client, pageSize }, {})) {
    rows += (page.modelDeploymentSummaries || []).length;
}
console.log(rows);
