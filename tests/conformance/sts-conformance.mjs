// SPDX-License-Identifier: Apache-2.0
// Drives outcrop-sim's STS with the official AWS SDK for JavaScript (@aws-sdk/client-sts), for
// tst_stsconformance: the simulator must accept the SDK's SigV4 signatures for service "sts" and
// its query-protocol form bodies, and the SDK must parse every XML reply and error (codes,
// statuses, request ids) the way it parses AWS's. The credentials it issues must then work on the
// Bedrock routes (@aws-sdk/client-bedrock), and the SDK's own role-profile resolution (fromIni,
// with AWS_ENDPOINT_URL_STS) must get credentials from it too.
//
//   OUTCROP_STS_SETUP='{...}' node --test sts-conformance.mjs
//
// OUTCROP_STS_SETUP (written by tst_stsconformance, which starts the simulator):
//   url                                    the simulator
//   plainRole, partnerRole, guardedRole    role ARNs it serves (--role)
//   externalId                             the partner role's required external id
//   mfaSerial, mfaCode                     the guarded role's MFA device and accepted code
//   longRole                               a role whose MaxSessionDuration is 7200 s
//   expiredKey: {accessKeyId, secretAccessKey, sessionToken}   session credentials that expired
//   scratchDir                             a folder for the shared config files of fromIni
import { BedrockClient, ListCustomModelDeploymentsCommand } from "@aws-sdk/client-bedrock";
import * as sts from "@aws-sdk/client-sts";
import { fromIni } from "@aws-sdk/credential-providers";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "node:test";

const { AssumeRoleCommand, GetCallerIdentityCommand, STSClient, STSServiceException } = sts;

const setup = JSON.parse(process.env.OUTCROP_STS_SETUP ?? "null");
assert.ok(setup, "OUTCROP_STS_SETUP is not set (tst_stsconformance sets it)");

const exampleCredentials = {
    accessKeyId: "AKIDEXAMPLE",
    secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
};
const account = "123456789012";

function stsClient(credentials = exampleCredentials) {
    return new STSClient({ region: "us-east-1", endpoint: setup.url, credentials, maxAttempts: 1 });
}

function bedrockClient(credentials) {
    return new BedrockClient({ region: "us-east-1", endpoint: setup.url, credentials, maxAttempts: 1 });
}

async function assume(input, credentials = exampleCredentials) {
    return stsClient(credentials).send(new AssumeRoleCommand({ RoleSessionName: "conformance", ...input }));
}

function assertStsError(error, name, status, messagePattern) {
    assert.ok(error instanceof STSServiceException, `${error.name} is not an STSServiceException: ${error.message}`);
    assert.equal(error.name, name, `${error.name}: ${error.message}`);
    assert.equal(error.$fault, status >= 500 ? "server" : "client");
    assert.equal(error.$metadata.httpStatusCode, status);
    assert.match(error.$metadata.requestId ?? "", /^[0-9a-f-]{36}$/, "$metadata.requestId");
    if (messagePattern) {
        assert.match(error.message, messagePattern);
    }
    return true;
}

function credentialsOf(output) {
    return {
        accessKeyId: output.Credentials.AccessKeyId,
        secretAccessKey: output.Credentials.SecretAccessKey,
        sessionToken: output.Credentials.SessionToken,
    };
}

describe("GetCallerIdentity", () => {
    test("of a configured key", async () => {
        const output = await stsClient().send(new GetCallerIdentityCommand({}));
        assert.equal(output.$metadata.httpStatusCode, 200);
        assert.match(output.$metadata.requestId, /^[0-9a-f-]{36}$/);
        assert.equal(output.Account, account);
        assert.equal(output.Arn, `arn:aws:iam::${account}:user/AKIDEXAMPLE`);
        assert.match(output.UserId, /^AIDA[0-9A-F]+$/);
    });

    test("an unknown key is InvalidClientTokenId", async () => {
        const unknown = stsClient({ ...exampleCredentials, accessKeyId: "AKIDUNKNOWN" });
        await assert.rejects(unknown.send(new GetCallerIdentityCommand({})), (error) =>
            assertStsError(error, "InvalidClientTokenId", 403, /security token included in the request is invalid/));
    });

    test("a wrong secret is SignatureDoesNotMatch", async () => {
        const wrong = stsClient({ ...exampleCredentials, secretAccessKey: "not-the-secret" });
        await assert.rejects(wrong.send(new GetCallerIdentityCommand({})), (error) =>
            assertStsError(error, "SignatureDoesNotMatch", 403, /signature we calculated does not match/));
    });

    test("an expired session token is ExpiredToken", async () => {
        const expired = stsClient(setup.expiredKey);
        await assert.rejects(expired.send(new GetCallerIdentityCommand({})), (error) =>
            assertStsError(error, "ExpiredToken", 403, /security token included in the request is expired/));
    });
});

describe("AssumeRole", () => {
    test("issues session credentials the SDK parses", async () => {
        const before = Date.now();
        const output = await assume({ RoleArn: setup.plainRole, DurationSeconds: 900 });
        assert.equal(output.$metadata.httpStatusCode, 200);
        const { Credentials, AssumedRoleUser } = output;
        assert.match(Credentials.AccessKeyId, /^ASIA[A-Z2-7]{16}$/);
        assert.equal(Credentials.SecretAccessKey.length, 40);
        assert.ok(Credentials.SessionToken.length > 100);
        assert.ok(Credentials.Expiration instanceof Date, "Expiration is a Date");
        const lifetime = (Credentials.Expiration.getTime() - before) / 1000;
        assert.ok(lifetime > 890 && lifetime <= 901, `lifetime ${lifetime} s`);
        assert.equal(AssumedRoleUser.Arn, `arn:aws:sts::${account}:assumed-role/plain/conformance`);
        assert.match(AssumedRoleUser.AssumedRoleId, /^AROA[0-9A-F]+:conformance$/);
    });

    test("the session works on STS and on the Bedrock routes", async () => {
        const output = await assume({ RoleArn: setup.plainRole });
        const session = credentialsOf(output);
        const identity = await stsClient(session).send(new GetCallerIdentityCommand({}));
        assert.equal(identity.Arn, output.AssumedRoleUser.Arn);
        assert.equal(identity.UserId, output.AssumedRoleUser.AssumedRoleId);
        const listed = await bedrockClient(session).send(new ListCustomModelDeploymentsCommand({ maxResults: 5 }));
        assert.equal(listed.$metadata.httpStatusCode, 200);
        assert.equal(listed.modelDeploymentSummaries.length, 5);
        // Without its session token the key is unknown.
        const { sessionToken, ...withoutToken } = session;
        await assert.rejects(stsClient(withoutToken).send(new GetCallerIdentityCommand({})), (error) =>
            assertStsError(error, "InvalidClientTokenId", 403));
    });

    test("an unknown role is AccessDenied", async () => {
        const role = `arn:aws:iam::${account}:role/nobody`;
        await assert.rejects(assume({ RoleArn: role }), (error) =>
            assertStsError(error, "AccessDenied", 403,
                new RegExp(`^User: arn:aws:iam::${account}:user/AKIDEXAMPLE is not authorized to perform: sts:AssumeRole on resource: ${role}$`)));
    });

    test("a role that requires an external id", async () => {
        await assert.rejects(assume({ RoleArn: setup.partnerRole }), (error) =>
            assertStsError(error, "AccessDenied", 403, /not authorized to perform: sts:AssumeRole/));
        await assert.rejects(assume({ RoleArn: setup.partnerRole, ExternalId: "wrong-id" }), (error) =>
            assertStsError(error, "AccessDenied", 403));
        const output = await assume({ RoleArn: setup.partnerRole, ExternalId: setup.externalId });
        assert.equal(output.AssumedRoleUser.Arn, `arn:aws:sts::${account}:assumed-role/partner/conformance`);
    });

    test("a role that requires MFA", async () => {
        await assert.rejects(assume({ RoleArn: setup.guardedRole }), (error) =>
            assertStsError(error, "AccessDenied", 403, /not authorized/));
        const wrongCode = { RoleArn: setup.guardedRole, SerialNumber: setup.mfaSerial, TokenCode: "000000" };
        await assert.rejects(assume(wrongCode), (error) =>
            assertStsError(error, "AccessDenied", 403, /^MultiFactorAuthentication failed with invalid MFA one time pass code/));
        const output = await assume({ ...wrongCode, TokenCode: setup.mfaCode });
        assert.ok(output.Credentials.AccessKeyId.startsWith("ASIA"));
    });

    test("validation errors", async () => {
        await assert.rejects(assume({ RoleArn: setup.plainRole, DurationSeconds: 100 }), (error) =>
            assertStsError(error, "ValidationError", 400,
                /^1 validation error detected: Value '100' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900$/));
        await assert.rejects(assume({ RoleArn: setup.plainRole, DurationSeconds: 7200 }), (error) =>
            assertStsError(error, "ValidationError", 400, /exceeds the MaxSessionDuration set for this role/));
        const longer = await assume({ RoleArn: setup.longRole, DurationSeconds: 7200 });
        // Role chaining is capped at one hour.
        await assert.rejects(assume({ RoleArn: setup.longRole, DurationSeconds: 7200 }, credentialsOf(longer)), (error) =>
            assertStsError(error, "ValidationError", 400, /1 hour session limit for roles assumed by role chaining/));
        await assert.rejects(assume({ RoleArn: setup.plainRole, RoleSessionName: "has space" }), (error) =>
            assertStsError(error, "ValidationError", 400, /at 'roleSessionName' failed to satisfy constraint/));
    });
});

describe("the SDK's own role profiles (fromIni)", () => {
    test("source_profile and external_id, with AWS_ENDPOINT_URL_STS", async () => {
        const configFile = join(setup.scratchDir, "config");
        const credentialsFile = join(setup.scratchDir, "credentials");
        writeFileSync(configFile,
            `[profile partner]\nrole_arn = ${setup.partnerRole}\nsource_profile = base\nexternal_id = ${setup.externalId}\n` +
            `role_session_name = from-ini\nregion = us-east-1\n`);
        writeFileSync(credentialsFile,
            `[base]\naws_access_key_id = ${exampleCredentials.accessKeyId}\naws_secret_access_key = ${exampleCredentials.secretAccessKey}\n`);
        process.env.AWS_ENDPOINT_URL_STS = setup.url;
        try {
            const provider = fromIni({ profile: "partner", filepath: credentialsFile, configFilepath: configFile,
                clientConfig: { region: "us-east-1" } });
            const credentials = await provider();
            assert.match(credentials.accessKeyId, /^ASIA/);
            assert.ok(credentials.expiration instanceof Date);
            const identity = await stsClient(credentials).send(new GetCallerIdentityCommand({}));
            assert.equal(identity.Arn, `arn:aws:sts::${account}:assumed-role/partner/from-ini`);
        } finally {
            delete process.env.AWS_ENDPOINT_URL_STS;
        }
    });
});
