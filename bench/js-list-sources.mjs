// SPDX-License-Identifier: Apache-2.0
// The AWS SDK for JavaScript's side of bench/multisource-bench.sh: lists every custom model
// deployment of several sources ONE AFTER ANOTHER with the SDK's paginator, the way a script
// looping over profiles and regions would, and prints the total number of rows.
//   node bench/js-list-sources.mjs --page-size N URL,REGION [URL,REGION ...]
// Credentials come from the SDK's default chain (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY).
import { createRequire } from "node:module";

const require = createRequire(new URL("../tests/conformance/package.json", import.meta.url));
const { BedrockClient, paginateListCustomModelDeployments } = require("@aws-sdk/client-bedrock");

const args = process.argv.slice(2);
const sizeAt = args.indexOf("--page-size");
if (sizeAt < 0 || sizeAt + 1 >= args.length) {
    console.error("js-list-sources: --page-size is required");
    process.exit(2);
}
const pageSize = Number(args[sizeAt + 1]);
const sources = args.filter((_, i) => i !== sizeAt && i !== sizeAt + 1);
let rows = 0;
for (const source of sources) {
    const [endpoint, region] = source.split(",");
    const client = new BedrockClient({ endpoint, region });
    for await (const page of paginateListCustomModelDeployments({ client, pageSize }, {})) {
        rows += (page.modelDeploymentSummaries || []).length;
    }
}
console.log(rows);
