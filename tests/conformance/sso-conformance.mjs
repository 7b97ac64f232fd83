// SPDX-License-Identifier: Apache-2.0
// Holds Outcrop's IAM Identity Center support true to the official AWS SDK for JavaScript, for
// tst_ssoconformance: @aws-sdk/client-sso and @aws-sdk/client-sso-oidc drive outcrop-sim's SSO
// routes (replies and modelled errors must parse into the SDK's types), and
// @aws-sdk/token-providers' fromSso reads (and refreshes) token cache files Outcrop's C++ code
// wrote. The endpoints come from AWS_ENDPOINT_URL_SSO / AWS_ENDPOINT_URL_SSO_OIDC, the same
// convention Outcrop follows.
//
//   OUTCROP_SSO_SETUP='{...}' node --test sso-conformance.mjs
//
// OUTCROP_SSO_SETUP (written by tst_ssoconformance):
//   url                      the simulator
//   accountId, roleName      the role the simulator assigns
//   accessToken              an access token the simulator accepts
//   expiredToken             an access token that has expired
//   client: {clientId, clientSecret}
//   directRefreshToken       a refresh token for the CreateToken tests
//   cachedProfile: {profile, accessToken, expiresAt}   a profile whose cache file holds a valid token
//   nearProfile: {profile, accessToken}                a profile whose cached token expires within 5 minutes
import { BedrockClient, ListCustomModelDeploymentsCommand } from "@aws-sdk/client-bedrock";
import {
    GetRoleCredentialsCommand,
    ResourceNotFoundException,
    SSOClient,
    UnauthorizedException,
} from "@aws-sdk/client-sso";
import {
    CreateTokenCommand,
    InvalidClientException,
    InvalidGrantException,
    SSOOIDCClient,
    UnsupportedGrantTypeException,
} from "@aws-sdk/client-sso-oidc";
import { fromSSO } from "@aws-sdk/credential-providers";
import { fromSso } from "@aws-sdk/token-providers";
import assert from "node:assert/strict";
import { describe, test } from "node:test";

const setup = JSON.parse(process.env.OUTCROP_SSO_SETUP ?? "null");
assert.ok(setup, "OUTCROP_SSO_SETUP is not set (tst_ssoconformance sets it)");

// The endpoints come from the environment, as Outcrop's do.
const sso = new SSOClient({ region: "us-east-1" });
const oidc = new SSOOIDCClient({ region: "us-east-1" });

function getRoleCredentials(accessToken, roleName = setup.roleName) {
    return sso.send(new GetRoleCredentialsCommand({ accessToken, accountId: setup.accountId, roleName }));
}

function refresh(refreshToken, overrides = {}) {
    return oidc.send(
        new CreateTokenCommand({ ...setup.client, grantType: "refresh_token", refreshToken, ...overrides }),
    );
}

async function listWith(credentials) {
    const bedrock = new BedrockClient({ region: "us-east-1", endpoint: setup.url, credentials });
    return bedrock.send(new ListCustomModelDeploymentsCommand({ maxResults: 3 }));
}

describe("SSO GetRoleCredentials", () => {
    test("issues credentials the Bedrock routes accept", async () => {
        const before = Date.now();
        const { roleCredentials } = await getRoleCredentials(setup.accessToken);
        assert.match(roleCredentials.accessKeyId, /^ASIA/);
        assert.ok(roleCredentials.secretAccessKey.length > 0);
        assert.ok(roleCredentials.sessionToken.length > 0);
        assert.equal(typeof roleCredentials.expiration, "number");
        assert.ok(roleCredentials.expiration > before + 30 * 60 * 1000, "expiration is epoch milliseconds");
        const page = await listWith({ ...roleCredentials, expiration: new Date(roleCredentials.expiration) });
        assert.ok(page.modelDeploymentSummaries.length > 0);
    });

    test("an unknown token is UnauthorizedException", async () => {
        await assert.rejects(getRoleCredentials("not-a-token"), (e) => e instanceof UnauthorizedException && e.$metadata.httpStatusCode === 401);
    });

    test("an expired token is UnauthorizedException", async () => {
        await assert.rejects(getRoleCredentials(setup.expiredToken), UnauthorizedException);
    });

    test("an unassigned role is ResourceNotFoundException", async () => {
        await assert.rejects(getRoleCredentials(setup.accessToken, "NotAssigned"), (e) =>
            e instanceof ResourceNotFoundException && e.$metadata.httpStatusCode === 404 && e.message.length > 0);
    });
});

describe("SSO OIDC CreateToken", () => {
    test("redeems and rotates a refresh token", async () => {
        const first = await refresh(setup.directRefreshToken);
        assert.equal(first.tokenType, "Bearer");
        assert.equal(typeof first.expiresIn, "number");
        assert.ok(first.expiresIn > 0);
        assert.ok(first.accessToken.length > 0);
        assert.ok(first.refreshToken && first.refreshToken !== setup.directRefreshToken);
        await getRoleCredentials(first.accessToken);

        await assert.rejects(refresh(setup.directRefreshToken), (e) =>
            e instanceof InvalidGrantException && e.error === "invalid_grant" && e.error_description.length > 0);
        const second = await refresh(first.refreshToken);
        assert.notEqual(second.accessToken, first.accessToken);
    });

    test("a wrong client secret is InvalidClientException", async () => {
        await assert.rejects(refresh("whatever", { clientSecret: "wrong" }), (e) =>
            e instanceof InvalidClientException && e.$metadata.httpStatusCode === 401);
    });

    test("another grant type is UnsupportedGrantTypeException", async () => {
        await assert.rejects(refresh("whatever", { grantType: "authorization_code", code: "x" }), UnsupportedGrantTypeException);
    });
});

describe("token cache files written by Outcrop", () => {
    test("fromSso reads a valid token as it is", async () => {
        const token = await fromSso({ profile: setup.cachedProfile.profile })();
        assert.equal(token.token, setup.cachedProfile.accessToken);
        assert.equal(token.expiration.getTime(), new Date(setup.cachedProfile.expiresAt).getTime());
    });

    test("fromSso refreshes a token within 5 minutes of expiry through the simulator", async () => {
        const token = await fromSso({ profile: setup.nearProfile.profile })();
        assert.notEqual(token.token, setup.nearProfile.accessToken);
        assert.ok(token.expiration.getTime() > Date.now() + 30 * 60 * 1000);
        // The refreshed file is read back by tst_ssoconformance with Outcrop's reader.
    });

    test("fromSSO turns the cached token into role credentials", async () => {
        const credentials = await fromSSO({ profile: setup.cachedProfile.profile })();
        assert.match(credentials.accessKeyId, /^ASIA/);
        assert.ok(credentials.expiration instanceof Date);
        await listWith(credentials);
    });
});
