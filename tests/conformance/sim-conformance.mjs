// SPDX-License-Identifier: Apache-2.0
// Drives outcrop-sim with the official AWS SDK for JavaScript (@aws-sdk/client-bedrock), for
// tst_simconformance: the simulator must accept the SDK's SigV4 signatures and bearer tokens, and
// the SDK must parse every reply (rows, timestamps, page tokens, errors) into what the data file
// says. Expected rows are computed here from the data file with the documented List semantics
// (bedrock-api.md §3) and compared field by field.
//
//   OUTCROP_SIM_SETUP='{...}' node --test sim-conformance.mjs
//
// OUTCROP_SIM_SETUP (written by tst_simconformance, which starts the simulators):
//   dataFile                  the JSON data file every simulator serves
//   readOnly                  URL of a simulator that nothing mutates (List, Get, auth)
//   mutations                 URL of a simulator for Create/Update/Delete and the tag operations
//                             (long Creating/Deleting/Updating phases)
//   lostReply                 URL of a simulator that carries out the first Create, then resets the
//                             connection before replying (--lost-reply CreateCustomModelDeployment:1)
//   errors: {url, forced}     a simulator answering forced[i] = [operation, exception] once each,
//                             in this order
//   ahead/behind: {url, offsetSeconds}   simulators whose clock runs that far off the real one
//   limitedKey: {accessKeyId, secretAccessKey, allowed}   a key allowed only `allowed` operations
//   temporaryKey / expiredKey: {accessKeyId, secretAccessKey, sessionToken}
//   bearerToken               a Bedrock API key the readOnly simulator accepts
import * as bedrock from "@aws-sdk/client-bedrock";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, test } from "node:test";

const {
    BedrockClient,
    CreateCustomModelDeploymentCommand,
    DeleteCustomModelDeploymentCommand,
    GetCustomModelDeploymentCommand,
    ListCustomModelDeploymentsCommand,
    ListTagsForResourceCommand,
    TagResourceCommand,
    UntagResourceCommand,
    UpdateCustomModelDeploymentCommand,
    paginateListCustomModelDeployments,
} = bedrock;

const setup = JSON.parse(process.env.OUTCROP_SIM_SETUP ?? "null");
assert.ok(setup, "OUTCROP_SIM_SETUP is not set (tst_simconformance sets it)");
const data = JSON.parse(readFileSync(setup.dataFile, "utf8"));
const deployments = data.deployments;

// The AWS SigV4 documentation's example key, which every simulator accepts by default.
const exampleCredentials = {
    accessKeyId: "AKIDEXAMPLE",
    secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
};

function client(endpoint, options = {}) {
    return new BedrockClient({ region: "us-east-1", endpoint, credentials: exampleCredentials, ...options });
}

const readOnly = client(setup.readOnly);

// --- Expected values, from the data file ---------------------------------------------------------

const time = (text) => new Date(text).getTime();
// The List order: creation time, then ARN (a stable tie-break), newest first by default.
function compareAscending(a, b) {
    const byTime = time(a.createdAt) - time(b.createdAt);
    if (byTime !== 0) {
        return byTime;
    }
    return a.customModelDeploymentArn < b.customModelDeploymentArn ? -1 : a.customModelDeploymentArn > b.customModelDeploymentArn ? 1 : 0;
}

// The summary the SDK returns for a data-file deployment: List uses customModelDeploymentName and
// has no description or updateDetails (§3); timestamps are Date objects.
function expectedSummary(d) {
    const summary = {
        customModelDeploymentArn: d.customModelDeploymentArn,
        customModelDeploymentName: d.modelDeploymentName,
        modelArn: d.modelArn,
        createdAt: new Date(d.createdAt),
        status: d.status,
    };
    if (d.lastUpdatedAt !== undefined) {
        summary.lastUpdatedAt = new Date(d.lastUpdatedAt);
    }
    if (d.failureMessage !== undefined) {
        summary.failureMessage = d.failureMessage;
    }
    return summary;
}

function expectedDetail(d) {
    const { tags, ...detail } = d;
    detail.createdAt = new Date(d.createdAt);
    if (d.lastUpdatedAt !== undefined) {
        detail.lastUpdatedAt = new Date(d.lastUpdatedAt);
    }
    return detail;
}

// The documented filter semantics, as the simulator implements them: exact status and model ARN,
// case-insensitive name substring, exclusive creation-time bounds.
function expectedRows(filter = {}) {
    const rows = deployments.filter(
        (d) =>
            (filter.statusEquals === undefined || d.status === filter.statusEquals) &&
            (filter.modelArnEquals === undefined || d.modelArn === filter.modelArnEquals) &&
            (filter.nameContains === undefined ||
                d.modelDeploymentName.toLowerCase().includes(filter.nameContains.toLowerCase())) &&
            (filter.createdAfter === undefined || time(d.createdAt) > filter.createdAfter.getTime()) &&
            (filter.createdBefore === undefined || time(d.createdAt) < filter.createdBefore.getTime()),
    );
    rows.sort(compareAscending);
    if (filter.sortOrder !== "Ascending") {
        rows.reverse();
    }
    return rows.map(expectedSummary);
}

const withoutMetadata = ({ $metadata, ...rest }) => rest;

async function listAll(sdkClient, filter, pageSize) {
    const pages = [];
    for await (const page of paginateListCustomModelDeployments({ client: sdkClient, pageSize }, { ...filter })) {
        pages.push(page);
    }
    return pages;
}

// Lists with the paginator and checks rows, fields, page sizes and the page tokens.
async function assertListMatches(filter, pageSize = 1000) {
    const expected = expectedRows(filter);
    const pages = await listAll(readOnly, filter, pageSize);
    const rows = pages.flatMap((page) => page.modelDeploymentSummaries ?? []);
    for (const row of rows) {
        assert.ok(row.createdAt instanceof Date, `createdAt of ${row.customModelDeploymentName} is not a Date`);
    }
    assert.deepStrictEqual(rows, expected, `rows of ${JSON.stringify(filter)}`);
    assert.equal(pages.length, Math.max(1, Math.ceil(expected.length / pageSize)), "page count");
    for (const page of pages.slice(0, -1)) {
        assert.equal(page.modelDeploymentSummaries.length, pageSize);
    }
    assert.equal(pages.at(-1).nextToken, undefined, "the last page has no nextToken");
    return { expected, pages };
}

function assertServiceError(error, name, status) {
    assert.equal(error.name, name, `${error.name}: ${error.message}`);
    assert.equal(error.$metadata.httpStatusCode, status);
    assert.match(error.$metadata.requestId ?? "", /^[0-9a-f-]{36}$/, "$metadata.requestId from x-amzn-RequestId");
    assert.ok(error.message.length > 0 && error.message !== "UnknownError", `message: ${error.message}`);
    return true;
}

// --- The cases -------------------------------------------------------------------------------------

describe("the data file", () => {
    test("covers every case below", () => {
        for (const status of ["Creating", "Active", "Failed"]) {
            assert.ok(deployments.some((d) => d.status === status), `no ${status} deployment`);
        }
        assert.ok(deployments.some((d) => d.failureMessage !== undefined), "no failureMessage");
        assert.ok(deployments.some((d) => d.lastUpdatedAt !== undefined), "no lastUpdatedAt");
        assert.ok(deployments.some((d) => d.description !== undefined), "no description");
        assert.ok(deployments.some((d) => d.updateDetails !== undefined), "no updateDetails");
        assert.ok(deployments.some((d) => d.tags.length > 0), "no tags");
    });
});

describe("ListCustomModelDeployments", () => {
    test("unfiltered, newest first, every field parsed", async () => {
        const output = await readOnly.send(new ListCustomModelDeploymentsCommand({ maxResults: 1000 }));
        assert.equal(output.$metadata.httpStatusCode, 200);
        assert.deepStrictEqual(output.modelDeploymentSummaries, expectedRows());
        assert.equal(output.nextToken, undefined);
    });

    for (const statusEquals of ["Creating", "Active", "Failed"]) {
        test(`statusEquals=${statusEquals}`, async () => {
            const { expected } = await assertListMatches({ statusEquals });
            assert.ok(expected.length > 0);
        });
    }

    test("nameContains, case-insensitive", async () => {
        const name = deployments[3].modelDeploymentName;
        const fragment = name.slice(1, 5).toUpperCase();
        const { expected } = await assertListMatches({ nameContains: fragment });
        assert.ok(expected.some((row) => row.customModelDeploymentName === name));
    });

    test("nameContains with no match", async () => {
        const { expected } = await assertListMatches({ nameContains: "zz-no-such-name-zz" });
        assert.equal(expected.length, 0);
    });

    test("modelArnEquals", async () => {
        const { expected } = await assertListMatches({ modelArnEquals: deployments[5].modelArn });
        assert.ok(expected.length > 0);
    });

    test("createdAfter and createdBefore are exclusive, to the millisecond", async () => {
        const ordered = [...deployments].sort(compareAscending);
        const after = new Date(ordered[Math.floor(ordered.length / 4)].createdAt);
        const before = new Date(ordered[Math.floor((ordered.length * 3) / 4)].createdAt);
        const { expected: afterRows } = await assertListMatches({ createdAfter: after });
        assert.ok(afterRows.every((row) => row.createdAt > after) && afterRows.length > 0);
        const { expected: beforeRows } = await assertListMatches({ createdBefore: before });
        assert.ok(beforeRows.every((row) => row.createdAt < before) && beforeRows.length > 0);
        await assertListMatches({ createdAfter: after, createdBefore: before, sortOrder: "Ascending" });
    });

    for (const sortOrder of ["Ascending", "Descending"]) {
        test(`sortOrder=${sortOrder}`, async () => {
            const { expected } = await assertListMatches({ sortOrder, sortBy: "CreationTime" });
            assert.equal(expected.length, deployments.length);
        });
    }

    test("paging with the paginator: every row once, page tokens with + / =", async () => {
        const { pages } = await assertListMatches({}, 7);
        const tokens = pages.slice(0, -1).map((page) => page.nextToken);
        assert.ok(tokens.length > 10);
        // The simulator's tokens always hold all three, so a client that does not percent-encode
        // them breaks on the second page; the SDK got every page, so it encoded them right.
        for (const token of tokens) {
            assert.match(token, /\+/);
            assert.match(token, /\//);
            assert.match(token, /=/);
        }
    });

    test("paging with filters repeated on every page", async () => {
        await assertListMatches({ statusEquals: "Active", sortOrder: "Ascending" }, 5);
        await assertListMatches({ nameContains: "a", createdAfter: new Date(deployments.at(-1).createdAt) }, 9);
    });

    test("a token used with other filters is a ValidationException", async () => {
        const first = await readOnly.send(new ListCustomModelDeploymentsCommand({ maxResults: 3 }));
        await assert.rejects(
            readOnly.send(new ListCustomModelDeploymentsCommand({ maxResults: 3, nextToken: first.nextToken, sortOrder: "Ascending" })),
            (error) => error instanceof bedrock.ValidationException && assertServiceError(error, "ValidationException", 400),
        );
    });

    test("an out-of-range maxResults is a ValidationException (the SDK does not check it)", async () => {
        await assert.rejects(
            readOnly.send(new ListCustomModelDeploymentsCommand({ maxResults: 5000 })),
            (error) => error instanceof bedrock.ValidationException && assertServiceError(error, "ValidationException", 400),
        );
    });
});

describe("GetCustomModelDeployment", () => {
    test("every deployment by ARN and by name, every field", async () => {
        for (const d of deployments) {
            const byArn = await readOnly.send(new GetCustomModelDeploymentCommand({ customModelDeploymentIdentifier: d.customModelDeploymentArn }));
            assert.ok(byArn.createdAt instanceof Date);
            assert.deepStrictEqual(withoutMetadata(byArn), expectedDetail(d));
            const byName = await readOnly.send(new GetCustomModelDeploymentCommand({ customModelDeploymentIdentifier: d.modelDeploymentName }));
            assert.deepStrictEqual(withoutMetadata(byName), expectedDetail(d));
        }
    });

    test("an unknown name is a ResourceNotFoundException", async () => {
        await assert.rejects(
            readOnly.send(new GetCustomModelDeploymentCommand({ customModelDeploymentIdentifier: "no-such-deployment" })),
            (error) => error instanceof bedrock.ResourceNotFoundException && assertServiceError(error, "ResourceNotFoundException", 404),
        );
    });

    test("ListTagsForResource gives the data file's tags", async () => {
        const d = deployments.find((candidate) => candidate.tags.length > 0);
        const output = await readOnly.send(new ListTagsForResourceCommand({ resourceARN: d.customModelDeploymentArn }));
        assert.deepStrictEqual(output.tags, d.tags);
    });
});

describe("Create and Delete", () => {
    const mutations = client(setup.mutations);
    const activeModel = data.customModels.find((model) => model.modelStatus === "Active");
    const createInput = {
        modelDeploymentName: "conformance-new",
        modelArn: activeModel?.modelArn,
        description: "Created by the JS SDK",
        tags: [{ key: "team", value: "conformance" }],
        clientRequestToken: "conformance-token-1",
    };
    let createdArn;

    test("Create answers 202 with the ARN; Get shows Creating", async () => {
        assert.ok(activeModel, "the data file has no Active custom model");
        const created = await mutations.send(new CreateCustomModelDeploymentCommand(createInput));
        assert.equal(created.$metadata.httpStatusCode, 202);
        assert.match(created.customModelDeploymentArn, /^arn:aws:bedrock:us-east-1:123456789012:custom-model-deployment\/[a-z0-9]{12}$/);
        createdArn = created.customModelDeploymentArn;

        const got = await mutations.send(new GetCustomModelDeploymentCommand({ customModelDeploymentIdentifier: "conformance-new" }));
        assert.equal(got.customModelDeploymentArn, createdArn);
        assert.equal(got.status, "Creating");
        assert.equal(got.modelArn, activeModel.modelArn);
        assert.equal(got.description, "Created by the JS SDK");
        assert.ok(got.createdAt instanceof Date && !Number.isNaN(got.createdAt.getTime()));

        const tags = await mutations.send(new ListTagsForResourceCommand({ resourceARN: createdArn }));
        assert.deepStrictEqual(tags.tags, [{ key: "team", value: "conformance" }]);
        const listed = await mutations.send(new ListCustomModelDeploymentsCommand({ nameContains: "conformance-new" }));
        assert.deepStrictEqual(listed.modelDeploymentSummaries.map((row) => row.customModelDeploymentArn), [createdArn]);
    });

    test("the same clientRequestToken again returns the same deployment", async () => {
        const again = await mutations.send(new CreateCustomModelDeploymentCommand(createInput));
        assert.equal(again.customModelDeploymentArn, createdArn);
    });

    test("the same clientRequestToken with other parameters is a ValidationException, and creates nothing", async () => {
        await assert.rejects(
            mutations.send(new CreateCustomModelDeploymentCommand({ ...createInput, description: "Something else" })),
            (error) => {
                assert.ok(error instanceof bedrock.ValidationException, `${error.name} is not a ValidationException`);
                assertServiceError(error, "ValidationException", 400);
                assert.match(error.message, /conformance-token-1/);
                return true;
            },
        );
        await assert.rejects(
            mutations.send(new CreateCustomModelDeploymentCommand({ ...createInput, modelDeploymentName: "conformance-other" })),
            (error) => error instanceof bedrock.ValidationException && assertServiceError(error, "ValidationException", 400),
        );
        await assert.rejects(
            mutations.send(new GetCustomModelDeploymentCommand({ customModelDeploymentIdentifier: "conformance-other" })),
            (error) => error instanceof bedrock.ResourceNotFoundException,
        );
    });

    test("more than 50 tags on Create is a TooManyTagsException", async () => {
        const tags = Array.from({ length: 51 }, (_, i) => ({ key: `k${i}`, value: "v" }));
        await assert.rejects(
            mutations.send(new CreateCustomModelDeploymentCommand({ modelDeploymentName: "conformance-tags", modelArn: activeModel.modelArn, tags })),
            (error) => error instanceof bedrock.TooManyTagsException && assertServiceError(error, "TooManyTagsException", 400),
        );
    });

    test("Create without a clientRequestToken (the SDK fills one in)", async () => {
        const created = await mutations.send(
            new CreateCustomModelDeploymentCommand({ modelDeploymentName: "conformance-second", modelArn: activeModel.modelArn }),
        );
        assert.match(created.customModelDeploymentArn, /custom-model-deployment\/[a-z0-9]{12}$/);
    });

    test("a taken name or a bad name is a ValidationException", async () => {
        for (const modelDeploymentName of [deployments[0].modelDeploymentName, "has space"]) {
            await assert.rejects(
                mutations.send(new CreateCustomModelDeploymentCommand({ modelDeploymentName, modelArn: activeModel.modelArn })),
                (error) => error instanceof bedrock.ValidationException && assertServiceError(error, "ValidationException", 400),
            );
        }
    });

    test("deleting a deployment that is being created is a ConflictException", async () => {
        await assert.rejects(
            mutations.send(new DeleteCustomModelDeploymentCommand({ customModelDeploymentIdentifier: createdArn })),
            (error) => error instanceof bedrock.ConflictException && assertServiceError(error, "ConflictException", 400),
        );
    });

    test("Delete by name; Get then shows Deleting", async () => {
        const target = deployments.find((d) => d.status === "Active" && d.updateDetails?.updateStatus !== "Updating");
        const deleted = await mutations.send(new DeleteCustomModelDeploymentCommand({ customModelDeploymentIdentifier: target.modelDeploymentName }));
        assert.equal(deleted.$metadata.httpStatusCode, 200);
        assert.deepStrictEqual(withoutMetadata(deleted), {});
        const got = await mutations.send(new GetCustomModelDeploymentCommand({ customModelDeploymentIdentifier: target.customModelDeploymentArn }));
        assert.equal(got.status, "Deleting");
    });

    test("deleting an unknown deployment is a ResourceNotFoundException", async () => {
        await assert.rejects(
            mutations.send(new DeleteCustomModelDeploymentCommand({ customModelDeploymentIdentifier: "no-such-deployment" })),
            (error) => error instanceof bedrock.ResourceNotFoundException && assertServiceError(error, "ResourceNotFoundException", 404),
        );
    });
});

// Active deployments with no update in progress; [0] is the one "Create and Delete" deletes.
const stableDeployments = deployments.filter((d) => d.status === "Active" && d.updateDetails?.updateStatus !== "Updating");

describe("Update", () => {
    const mutations = client(setup.mutations);
    const target = stableDeployments[1];
    const otherModel = data.customModels.find((model) => model.modelStatus === "Active" && model.modelArn !== target?.modelArn);

    test("Update by name answers 202 with the ARN; Get shows updateDetails Updating", async () => {
        assert.ok(target && otherModel, "the data file has no deployment or model to update with");
        const updated = await mutations.send(
            new UpdateCustomModelDeploymentCommand({ customModelDeploymentIdentifier: target.modelDeploymentName, modelArn: otherModel.modelArn }),
        );
        assert.equal(updated.$metadata.httpStatusCode, 202);
        assert.deepStrictEqual(withoutMetadata(updated), { customModelDeploymentArn: target.customModelDeploymentArn });
        const got = await mutations.send(new GetCustomModelDeploymentCommand({ customModelDeploymentIdentifier: target.customModelDeploymentArn }));
        assert.equal(got.status, "Active");
        assert.equal(got.modelArn, target.modelArn, "the old model serves until the update completes");
        assert.deepStrictEqual(got.updateDetails, { modelArn: otherModel.modelArn, updateStatus: "Updating" });
    });

    test("deleting a deployment that is being updated is a ConflictException", async () => {
        await assert.rejects(
            mutations.send(new DeleteCustomModelDeploymentCommand({ customModelDeploymentIdentifier: target.customModelDeploymentArn })),
            (error) => error instanceof bedrock.ConflictException && assertServiceError(error, "ConflictException", 400),
        );
    });

    test("updating an unknown deployment is a ResourceNotFoundException", async () => {
        await assert.rejects(
            mutations.send(new UpdateCustomModelDeploymentCommand({ customModelDeploymentIdentifier: "no-such-deployment", modelArn: otherModel.modelArn })),
            (error) => error instanceof bedrock.ResourceNotFoundException && assertServiceError(error, "ResourceNotFoundException", 404),
        );
    });

    test("a model ARN that is not a custom model's is a ValidationException", async () => {
        await assert.rejects(
            mutations.send(
                new UpdateCustomModelDeploymentCommand({
                    customModelDeploymentIdentifier: stableDeployments[2].customModelDeploymentArn,
                    modelArn: "arn:aws:bedrock:us-east-1:123456789012:custom-model/abcdefghijkl",
                }),
            ),
            (error) => error instanceof bedrock.ValidationException && assertServiceError(error, "ValidationException", 400),
        );
    });
});

describe("TagResource, UntagResource, ListTagsForResource", () => {
    const mutations = client(setup.mutations);
    const target = stableDeployments[3];
    const listTags = async () => (await mutations.send(new ListTagsForResourceCommand({ resourceARN: target.customModelDeploymentArn }))).tags;

    test("TagResource overwrites a key and adds new ones, an empty value included", async () => {
        assert.ok(target.tags.some((tag) => tag.key === "team"), "the data file's deployments carry a team tag");
        const tagged = await mutations.send(
            new TagResourceCommand({
                resourceARN: target.customModelDeploymentArn,
                tags: [{ key: "team", value: "conformance" }, { key: "cost centre", value: "" }],
            }),
        );
        assert.equal(tagged.$metadata.httpStatusCode, 200);
        assert.deepStrictEqual(withoutMetadata(tagged), {});
        const expected = target.tags.map((tag) => (tag.key === "team" ? { key: "team", value: "conformance" } : tag));
        expected.push({ key: "cost centre", value: "" });
        assert.deepStrictEqual(await listTags(), expected);
    });

    test("UntagResource removes the keys given; an absent key is no error", async () => {
        const untagged = await mutations.send(
            new UntagResourceCommand({ resourceARN: target.customModelDeploymentArn, tagKeys: ["cost centre", "never-there"] }),
        );
        assert.equal(untagged.$metadata.httpStatusCode, 200);
        assert.deepStrictEqual(withoutMetadata(untagged), {});
        const tags = await listTags();
        assert.ok(!tags.some((tag) => tag.key === "cost centre"));
        assert.ok(tags.some((tag) => tag.key === "team"));
    });

    test("more than 50 tags on a resource is a TooManyTagsException naming it; nothing changes", async () => {
        const before = await listTags();
        const tags = Array.from({ length: 50 }, (_, i) => ({ key: `bulk-${i}`, value: "v" }));
        await assert.rejects(
            mutations.send(new TagResourceCommand({ resourceARN: target.customModelDeploymentArn, tags })),
            (error) => {
                assert.ok(error instanceof bedrock.TooManyTagsException, `${error.name} is not a TooManyTagsException`);
                assertServiceError(error, "TooManyTagsException", 400);
                assert.equal(error.resourceName, target.customModelDeploymentArn, "the modelled resourceName member");
                return true;
            },
        );
        assert.deepStrictEqual(await listTags(), before);
    });

    test("a tag key outside the pattern, or one used twice, is a ValidationException", async () => {
        for (const tags of [[{ key: "bad#key", value: "v" }], [{ key: "dup", value: "1" }, { key: "dup", value: "2" }]]) {
            await assert.rejects(
                mutations.send(new TagResourceCommand({ resourceARN: target.customModelDeploymentArn, tags })),
                (error) => error instanceof bedrock.ValidationException && assertServiceError(error, "ValidationException", 400),
            );
        }
    });

    test("tagging an unknown resource is a ResourceNotFoundException", async () => {
        const unknown = "arn:aws:bedrock:us-east-1:123456789012:custom-model-deployment/zzzzzzzzzzzz";
        for (const command of [
            new TagResourceCommand({ resourceARN: unknown, tags: [{ key: "k", value: "v" }] }),
            new UntagResourceCommand({ resourceARN: unknown, tagKeys: ["k"] }),
            new ListTagsForResourceCommand({ resourceARN: unknown }),
        ]) {
            await assert.rejects(
                mutations.send(command),
                (error) => error instanceof bedrock.ResourceNotFoundException && assertServiceError(error, "ResourceNotFoundException", 404),
            );
        }
    });
});

describe("a Create whose reply is lost", () => {
    test("the SDK retries with the same clientRequestToken, gets the same ARN, and one deployment exists", async () => {
        const lost = client(setup.lostReply);
        const tokens = [];
        lost.middlewareStack.add(
            (next) => async (args) => {
                if (args.request.method === "POST") {
                    tokens.push(JSON.parse(args.request.body).clientRequestToken);
                }
                return next(args);
            },
            { step: "finalizeRequest", priority: "low", name: "outcropRecordToken" },
        );
        const modelArn = data.customModels.find((model) => model.modelStatus === "Active").modelArn;
        const created = await lost.send(new CreateCustomModelDeploymentCommand({ modelDeploymentName: "lost-reply", modelArn }));
        assert.equal(created.$metadata.attempts, 2, "the first reply was lost, so the SDK retried once");
        assert.equal(tokens.length, 2);
        assert.match(tokens[0], /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, "the SDK's UUID v4 token");
        assert.equal(tokens[1], tokens[0], "the retry carries the same clientRequestToken");
        const listed = await lost.send(new ListCustomModelDeploymentsCommand({ nameContains: "lost-reply" }));
        assert.deepStrictEqual(
            listed.modelDeploymentSummaries.map((row) => row.customModelDeploymentArn),
            [created.customModelDeploymentArn],
        );
    });
});

describe("modelled errors on demand", () => {
    // The HTTP status of each exception in the service model (bedrock-api.md §9.1).
    const modelledStatus = {
        AccessDeniedException: 403,
        ValidationException: 400,
        InternalServerException: 500,
        ThrottlingException: 429,
        ResourceNotFoundException: 404,
        ConflictException: 400,
        ServiceQuotaExceededException: 400,
        TooManyTagsException: 400,
    };
    const arn = deployments[0].customModelDeploymentArn;
    const modelArn = data.customModels[0].modelArn;
    // A well-formed input for each operation; the forced error comes before any validation.
    const inputs = {
        ListCustomModelDeployments: {},
        GetCustomModelDeployment: { customModelDeploymentIdentifier: arn },
        CreateCustomModelDeployment: { modelDeploymentName: "forced", modelArn },
        DeleteCustomModelDeployment: { customModelDeploymentIdentifier: arn },
        UpdateCustomModelDeployment: { customModelDeploymentIdentifier: arn, modelArn },
        ListCustomModels: {},
        GetCustomModel: { modelIdentifier: modelArn },
        ListTagsForResource: { resourceARN: arn },
        TagResource: { resourceARN: arn, tags: [{ key: "k", value: "v" }] },
        UntagResource: { resourceARN: arn, tagKeys: ["k"] },
    };
    // No retries: each forced error answers exactly one request.
    const errors = client(setup.errors.url, { maxAttempts: 1 });

    test("the simulator forces every modelled error of every operation", () => {
        assert.ok(setup.errors.forced.length >= 40, `only ${setup.errors.forced.length} forced errors`);
        assert.deepStrictEqual(new Set(setup.errors.forced.map(([, type]) => type)), new Set(Object.keys(modelledStatus)));
    });

    for (const [operation, errorType] of setup.errors.forced) {
        test(`${operation}: ${errorType}`, async () => {
            const Command = bedrock[`${operation}Command`];
            assert.ok(Command, `the SDK has no ${operation}Command`);
            assert.ok(inputs[operation], `no input for ${operation}`);
            await assert.rejects(errors.send(new Command(inputs[operation])), (error) => {
                // The SDK's own class for the exception: the simulator's reply is parsed as modelled.
                assert.ok(error instanceof bedrock[errorType], `${error.name} is not an instance of ${errorType}`);
                assert.ok(error instanceof bedrock.BedrockServiceException);
                assertServiceError(error, errorType, modelledStatus[errorType]);
                assert.equal(error.message, `Simulated ${errorType} for ${operation}`);
                assert.equal(error.$fault, errorType === "InternalServerException" ? "server" : "client");
                return true;
            });
        });
    }

    test("after the forced errors, the operations succeed again", async () => {
        const output = await errors.send(new ListCustomModelDeploymentsCommand({ maxResults: 1 }));
        assert.equal(output.modelDeploymentSummaries.length, 1);
    });
});

describe("authentication", () => {
    const listOnce = (sdkClient) => sdkClient.send(new ListCustomModelDeploymentsCommand({ maxResults: 1 }));

    test("a wrong secret is an InvalidSignatureException, not retried", async () => {
        const wrongSecret = client(setup.readOnly, { credentials: { ...exampleCredentials, secretAccessKey: "not-the-secret" } });
        await assert.rejects(listOnce(wrongSecret), (error) => {
            assertServiceError(error, "InvalidSignatureException", 403);
            assert.match(error.message, /signature we calculated does not match/);
            assert.equal(error.$metadata.attempts, 1);
            return true;
        });
    });

    test("an unknown key is an UnrecognizedClientException", async () => {
        const unknown = client(setup.readOnly, { credentials: { accessKeyId: "AKIDUNKNOWN", secretAccessKey: "whatever" } });
        await assert.rejects(listOnce(unknown), (error) => assertServiceError(error, "UnrecognizedClientException", 403));
    });

    test("temporary credentials: the session token is signed and accepted", async () => {
        const temporary = client(setup.readOnly, { credentials: setup.temporaryKey });
        const output = await listOnce(temporary);
        assert.equal(output.modelDeploymentSummaries.length, 1);
    });

    test("an expired session token is an ExpiredTokenException", async () => {
        const expired = client(setup.readOnly, { credentials: setup.expiredKey });
        await assert.rejects(listOnce(expired), (error) => assertServiceError(error, "ExpiredTokenException", 403));
    });

    test("a key without the permission gets the modelled AccessDeniedException", async () => {
        const limited = client(setup.readOnly, {
            credentials: { accessKeyId: setup.limitedKey.accessKeyId, secretAccessKey: setup.limitedKey.secretAccessKey },
        });
        assert.deepStrictEqual(setup.limitedKey.allowed, ["ListCustomModelDeployments"]);
        assert.equal((await listOnce(limited)).modelDeploymentSummaries.length, 1);
        await assert.rejects(
            limited.send(new GetCustomModelDeploymentCommand({ customModelDeploymentIdentifier: deployments[0].modelDeploymentName })),
            (error) => error instanceof bedrock.AccessDeniedException && assertServiceError(error, "AccessDeniedException", 403),
        );
    });

    test("a Bedrock API key as a bearer token (authSchemePreference httpBearerAuth)", async () => {
        const bearer = new BedrockClient({
            region: "us-east-1",
            endpoint: setup.readOnly,
            authSchemePreference: ["httpBearerAuth"],
            token: { token: setup.bearerToken },
        });
        let authorization;
        bearer.middlewareStack.add(
            (next) => async (args) => {
                // The bearer signer spells it "Authorization", the SigV4 signer "authorization".
                const headers = Object.entries(args.request.headers);
                authorization = headers.find(([name]) => name.toLowerCase() === "authorization")?.[1];
                return next(args);
            },
            { step: "finalizeRequest", priority: "low", name: "outcropRecordAuthorization" },
        );
        const output = await bearer.send(
            new GetCustomModelDeploymentCommand({ customModelDeploymentIdentifier: deployments[1].customModelDeploymentArn }),
        );
        assert.equal(authorization, `Bearer ${setup.bearerToken}`, "the SDK did not use bearer auth");
        assert.deepStrictEqual(withoutMetadata(output), expectedDetail(deployments[1]));
    });

    test("an unknown bearer token is an UnrecognizedClientException", async () => {
        const bearer = new BedrockClient({
            region: "us-east-1",
            endpoint: setup.readOnly,
            authSchemePreference: ["httpBearerAuth"],
            token: { token: "not-a-known-api-key" },
        });
        await assert.rejects(listOnce(bearer), (error) => assertServiceError(error, "UnrecognizedClientException", 403));
    });
});

describe("clock-skew correction", () => {
    for (const which of ["ahead", "behind"]) {
        test(`the simulator's clock ${which}: one rejected attempt, then the corrected retry succeeds`, async () => {
            const { url, offsetSeconds } = setup[which];
            const skewed = client(url);
            const dates = [];
            skewed.middlewareStack.add(
                (next) => async (args) => {
                    dates.push(args.request.headers["x-amz-date"]);
                    return next(args);
                },
                { step: "finalizeRequest", priority: "low", name: "outcropRecordDate" },
            );
            const first = await skewed.send(new ListCustomModelDeploymentsCommand({ maxResults: 2 }));
            assert.equal(first.modelDeploymentSummaries.length, 2);
            assert.equal(first.$metadata.attempts, 2, "the SDK should retry once with the corrected clock");
            // The SDK learnt the simulator's clock from the Date header of the 403 (whole seconds).
            const learntSeconds = skewed.config.systemClockOffset / 1000;
            assert.ok(Math.abs(learntSeconds - offsetSeconds) < 30, `systemClockOffset ${learntSeconds} s`);
            const amzTime = (text) => Date.UTC(+text.slice(0, 4), +text.slice(4, 6) - 1, +text.slice(6, 8), +text.slice(9, 11), +text.slice(11, 13), +text.slice(13, 15));
            const shiftSeconds = (amzTime(dates[1]) - amzTime(dates[0])) / 1000;
            assert.ok(Math.abs(shiftSeconds - offsetSeconds) < 30, `the retry was signed ${shiftSeconds} s later`);

            const second = await skewed.send(new ListCustomModelDeploymentsCommand({ maxResults: 2 }));
            assert.equal(second.$metadata.attempts, 1, "later calls sign with the corrected clock at once");
        });
    }

    test("without the correction, the skewed request fails as AWS words it", async () => {
        const uncorrected = client(setup.ahead.url, { maxAttempts: 1 });
        await assert.rejects(uncorrected.send(new ListCustomModelDeploymentsCommand({ maxResults: 1 })), (error) => {
            assertServiceError(error, "InvalidSignatureException", 403);
            assert.match(error.message, /^Signature expired: /);
            return true;
        });
    });
});
