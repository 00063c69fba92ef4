import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ExternalAccountClient, GoogleAuth } from 'google-auth-library';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/paths.js';
import { startAuthEmulators, type AuthEmulators } from './auth-emulators.js';
import { githubSubject } from './github-oidc.js';
import {
  CLOUD_PLATFORM_SCOPE,
  GRANT_TYPE_TOKEN_EXCHANGE,
  principalForSubject,
  principalSetForAttribute,
  TOKEN_TYPE_ACCESS_TOKEN,
  TOKEN_TYPE_JWT,
} from './google-sts.js';
import { fingerprint, json, redacted, startHttpServer } from './http-server.js';
import { decodeJwt, generateSigningKey, signJwt, verifyJwtSignature, type Jwks } from './jwt.js';

const INVALID_AUDIENCE =
  /^Invalid value for "audience"\. This value should be the full resource name/;
const INVALID_TARGET =
  'The target service indicated by the "audience" parameters is invalid. This might either be because the pool or provider is disabled or deleted or because it doesn\'t exist.';

let auth: AuthEmulators;

beforeAll(async () => {
  auth = await startAuthEmulators();
});
afterAll(async () => {
  await auth.close();
});
afterEach(() => {
  auth.faults.clear();
  auth.clock.reset();
  auth.requests.clear();
});

// ---------------------------------------------------------------------------------------------
// Plain-HTTP helpers: what google-github-actions/auth does on the wire

function wifAudience(emulators = auth): string {
  return `https://iam.googleapis.com/${emulators.provider}`;
}

async function githubToken(
  audience?: string,
  emulators = auth,
  requestToken = emulators.oidc.requestToken,
): Promise<string> {
  const url = audience
    ? `${emulators.oidc.requestUrl}&audience=${encodeURIComponent(audience)}`
    : emulators.oidc.requestUrl;
  const response = await fetch(url, {
    headers: { Authorization: `Bearer ${requestToken}` },
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { value: string }).value;
}

type StsResult = { status: number; body: Record<string, unknown> };

/** google-github-actions/auth style: JSON with camelCase field names. */
async function stsJson(
  body: Record<string, unknown> | string,
  emulators = auth,
): Promise<StsResult> {
  const response = await fetch(emulators.stsEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** google-auth-library style: form-encoded RFC 8693 names. */
async function stsForm(fields: Record<string, string>): Promise<StsResult> {
  const response = await fetch(auth.stsEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

function exchange(subjectToken: string, overrides: Record<string, unknown> = {}, emulators = auth) {
  return {
    grantType: GRANT_TYPE_TOKEN_EXCHANGE,
    audience: emulators.providerAudience,
    scope: CLOUD_PLATFORM_SCOPE,
    requestedTokenType: TOKEN_TYPE_ACCESS_TOKEN,
    subjectToken,
    subjectTokenType: TOKEN_TYPE_JWT,
    ...overrides,
  };
}

/** A federated token for the job `requestToken` stands for (default: the base claims). */
async function federatedToken(emulators = auth, requestToken?: string): Promise<string> {
  const { status, body } = await stsJson(
    exchange(await githubToken(wifAudience(emulators), emulators, requestToken), {}, emulators),
    emulators,
  );
  expect(status).toBe(200);
  return body.access_token as string;
}

async function iamCall(
  method: 'generateAccessToken' | 'generateIdToken',
  bearer: string | undefined,
  body: Record<string, unknown>,
  serviceAccount = auth.serviceAccount,
  emulators = auth,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(
    `${emulators.iamCredentialsEndpoint}/v1/projects/-/serviceAccounts/${serviceAccount}:${method}`,
    {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
      },
      body: JSON.stringify(body),
    },
  );
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function credentialsFile(contents: Record<string, unknown>): Promise<string> {
  const file = path.join(await tempDir('gha-creds'), 'gha-creds-0123456789abcdef.json');
  await writeFile(file, JSON.stringify(contents), { mode: 0o640 });
  return file;
}

// ---------------------------------------------------------------------------------------------

describe('http-server', () => {
  it('routes templates, decodes params, answers 404 in Google shape and redacts the log', async () => {
    const server = await startHttpServer({
      name: 'demo',
      routes: [
        {
          name: 'demo.get',
          method: 'POST',
          pattern: '/v1/projects/{project}/things/{thing}:run',
          handler: (request) => json(200, { params: request.params, body: request.body }),
        },
      ],
    });
    try {
      const response = await fetch(`${server.url}/v1/projects/p1/things/a%40b:run?token=s3cret`, {
        method: 'POST',
        headers: { authorization: 'Bearer very-secret', 'content-type': 'application/json' },
        body: JSON.stringify({ accessToken: 'tok-123', name: 'x' }),
      });
      expect(await response.json()).toEqual({
        params: { project: 'p1', thing: 'a@b' },
        body: { accessToken: 'tok-123', name: 'x' },
      });

      const missing = await fetch(`${server.url}/v1/nothing`);
      expect(missing.status).toBe(404);
      expect(await missing.json()).toEqual({
        error: {
          code: 404,
          message: 'No route for GET /v1/nothing on the demo emulator.',
          status: 'NOT_FOUND',
        },
      });

      const [first, second] = server.log.all();
      expect(first).toMatchObject({
        seq: 1,
        server: 'demo',
        route: 'demo.get',
        method: 'POST',
        query: { token: redacted('s3cret') },
        body: { accessToken: redacted('tok-123'), name: 'x' },
        status: 200,
      });
      expect(first?.headers.authorization).toBe(`Bearer <redacted:${fingerprint('very-secret')}>`);
      expect(second).toMatchObject({ route: undefined, status: 404 });
      const printed = JSON.stringify(server.log.all());
      for (const secret of ['very-secret', 'tok-123', 's3cret'])
        expect(printed).not.toContain(secret);
    } finally {
      await server.close();
    }
  });
});

describe('GitHub OIDC token endpoint', () => {
  it('rejects a missing or wrong request token with 401', async () => {
    expect((await fetch(auth.oidc.requestUrl)).status).toBe(401);
    const wrong = await fetch(auth.oidc.requestUrl, { headers: { Authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
  });

  it('issues an RS256 JWT with GitHub claims, verifiable with the served JWKS', async () => {
    const response = await fetch(
      `${auth.oidc.requestUrl}&audience=${encodeURIComponent('aud-x')}`,
      {
        headers: { Authorization: `Bearer ${auth.oidc.requestToken}` },
      },
    );
    const body = (await response.json()) as { count: number; value: string };
    expect(body.count).toBe(body.value.length);

    const base = new URL(auth.oidc.requestUrl).origin;
    const discovery = (await (await fetch(`${base}/.well-known/openid-configuration`)).json()) as {
      issuer: string;
      jwks_uri: string;
    };
    expect(discovery.issuer).toBe('https://token.actions.githubusercontent.com');
    const jwks = (await (await fetch(discovery.jwks_uri)).json()) as Jwks;
    const verified = verifyJwtSignature(body.value, jwks);
    expect(verified.ok).toBe(true);
    if (!verified.ok) return;
    expect(verified.header).toMatchObject({ alg: 'RS256', typ: 'JWT', kid: jwks.keys[0]?.kid });
    const claims = verified.claims;
    expect(claims).toMatchObject({
      iss: 'https://token.actions.githubusercontent.com',
      aud: 'aud-x',
      sub: 'repo:acme/ml:ref:refs/heads/main',
      repository: 'acme/ml',
      repository_owner: 'acme',
      ref: 'refs/heads/main',
      event_name: 'push',
      job_workflow_ref: 'acme/ml/.github/workflows/ci.yml@refs/heads/main',
    });
    for (const claim of ['repository_id', 'sha', 'workflow', 'actor', 'run_id', 'run_attempt'])
      expect(typeof claims[claim], claim).toBe('string');
    expect(Number(claims.exp) - Number(claims.iat)).toBe(300);
    expect(Math.abs(Number(claims.iat) - Date.now() / 1000)).toBeLessThan(5);
  });

  it("gives a job's own request token that job's claims: environment and the environment subject", async () => {
    const subject = githubSubject({
      repository: 'acme/ml',
      ref: 'refs/heads/main',
      eventName: 'push',
      environment: 'production',
    });
    expect(subject).toBe('repo:acme/ml:environment:production');
    const deployJob = auth.oidc.requestTokenFor({ sub: subject, environment: 'production' });
    const claims = decodeJwt(await githubToken(undefined, auth, deployJob))?.claims;
    expect(claims).toMatchObject({
      sub: subject,
      environment: 'production',
      repository: 'acme/ml',
    });
    // The base token (a job outside any environment) has no environment claim.
    expect(decodeJwt(await githubToken())?.claims.environment).toBeUndefined();
    expect(
      githubSubject({ repository: 'acme/ml', ref: 'refs/pull/7/merge', eventName: 'pull_request' }),
    ).toBe('repo:acme/ml:pull_request');
  });

  it('defaults the audience to https://github.com/<owner>', async () => {
    const token = await githubToken();
    expect(decodeJwt(token)?.claims.aud).toBe('https://github.com/acme');
  });
});

describe('Google STS token exchange', () => {
  it('accepts the JSON camelCase request google-github-actions/auth sends', async () => {
    const { status, body } = await stsJson(exchange(await githubToken(wifAudience())));
    expect(status).toBe(200);
    expect(body).toMatchObject({
      issued_token_type: TOKEN_TYPE_ACCESS_TOKEN,
      token_type: 'Bearer',
    });
    // A federated token never outlives the GitHub JWT it came from (300 s).
    expect(body.expires_in).toBeGreaterThan(290);
    expect(body.expires_in).toBeLessThanOrEqual(300);

    const validation = auth.validateAccessToken(body.access_token as string);
    expect(validation).toMatchObject({
      ok: true,
      kind: 'federated',
      principal:
        'principal://iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/github/subject/repo:acme/ml:ref:refs/heads/main',
      provider: auth.provider,
      attributes: { 'attribute.repository': 'acme/ml', 'attribute.repository_owner': 'acme' },
      scopes: [CLOUD_PLATFORM_SCOPE],
    });
    expect(validation).toMatchObject({
      principalSets: expect.arrayContaining([
        'principalSet://iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/github/attribute.repository/acme/ml',
        'principalSet://iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/github/*',
      ]) as unknown,
    });
    expect(validation).not.toHaveProperty('serviceAccount');
  });

  it('accepts the form-encoded snake_case request google-auth-library sends', async () => {
    const { status, body } = await stsForm({
      grant_type: GRANT_TYPE_TOKEN_EXCHANGE,
      audience: auth.providerAudience,
      scope: CLOUD_PLATFORM_SCOPE,
      requested_token_type: TOKEN_TYPE_ACCESS_TOKEN,
      subject_token: await githubToken(wifAudience()),
      subject_token_type: TOKEN_TYPE_JWT,
    });
    expect(status).toBe(200);
    expect(auth.validateAccessToken(body.access_token as string).ok).toBe(true);
  });

  const pool = 'projects/123456789012/locations/global/workloadIdentityPools/github';
  const rejections: Array<{
    name: string;
    request: () => Promise<Record<string, unknown> | string>;
    error: string;
    description: string | RegExp;
  }> = [
    {
      name: 'malformed JSON body',
      request: () => Promise.resolve('{"grantType": '),
      error: 'invalid_request',
      description: 'Malformed JSON request body.',
    },
    {
      name: 'missing subject token',
      request: () => Promise.resolve(exchange('', { subjectToken: undefined })),
      error: 'invalid_request',
      description: 'Missing required parameter: "subject_token".',
    },
    {
      name: 'wrong grant type',
      request: async () =>
        exchange(await githubToken(wifAudience()), { grantType: 'client_credentials' }),
      error: 'invalid_request',
      description: /^Invalid value for "grant_type"/,
    },
    {
      name: 'pool name instead of provider',
      request: async () =>
        exchange(await githubToken(wifAudience()), { audience: `//iam.googleapis.com/${pool}` }),
      error: 'invalid_request',
      description: INVALID_AUDIENCE,
    },
    {
      name: 'https:// instead of // audience',
      request: async () => exchange(await githubToken(wifAudience()), { audience: wifAudience() }),
      error: 'invalid_request',
      description: INVALID_AUDIENCE,
    },
    {
      name: 'project ID instead of number',
      request: async () =>
        exchange(await githubToken(wifAudience()), {
          audience: auth.providerAudience.replace('123456789012', 'acme-ml'),
        }),
      error: 'invalid_target',
      description: INVALID_TARGET,
    },
    {
      name: 'unknown provider',
      request: async () =>
        exchange(await githubToken(wifAudience()), {
          audience: `//iam.googleapis.com/${pool}/providers/nope`,
        }),
      error: 'invalid_target',
      description: INVALID_TARGET,
    },
    {
      name: 'signature by another key',
      request: async () => {
        const genuine = decodeJwt(await githubToken(wifAudience()));
        const forger = await generateSigningKey(String(genuine?.header.kid));
        return exchange(signJwt(genuine?.claims ?? {}, forger));
      },
      error: 'invalid_grant',
      description: 'Invalid ID Token: signature does not match the key.',
    },
    {
      name: 'alg none',
      request: async () => {
        const [, claims] = (await githubToken(wifAudience())).split('.');
        const header = Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url');
        return exchange(`${header}.${claims}.`);
      },
      error: 'invalid_grant',
      description: 'Invalid ID Token: unsupported alg "none".',
    },
    {
      name: 'expired JWT',
      request: () => {
        const iat = Math.floor(Date.now() / 1000) - 600;
        return Promise.resolve(
          exchange(
            auth.oidc.emulator.mintToken({
              audience: wifAudience(),
              claims: { iat, nbf: iat, exp: iat + 300 },
            }),
          ),
        );
      },
      error: 'invalid_grant',
      description: /^The ID Token has expired: exp /,
    },
    {
      name: 'JWT not yet valid',
      request: () =>
        Promise.resolve(
          exchange(
            auth.oidc.emulator.mintToken({
              audience: wifAudience(),
              claims: { nbf: Math.floor(Date.now() / 1000) + 120 },
            }),
          ),
        ),
      error: 'invalid_grant',
      description: /^The ID Token is not yet valid/,
    },
    {
      name: 'wrong JWT audience (GitHub default)',
      request: async () => exchange(await githubToken()),
      error: 'invalid_grant',
      description:
        'The audience in ID Token [https://github.com/acme] does not match the expected audience https://iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/github/providers/mlops.',
    },
    {
      name: 'wrong issuer',
      request: () =>
        Promise.resolve(
          exchange(
            auth.oidc.emulator.mintToken({
              audience: wifAudience(),
              claims: { iss: 'https://evil.example' },
            }),
          ),
        ),
      error: 'invalid_grant',
      description: /^The issuer in ID Token \[https:\/\/evil\.example\] does not match/,
    },
    {
      name: 'attribute condition false (another repository)',
      request: () =>
        Promise.resolve(
          exchange(
            auth.oidc.emulator.mintToken({
              audience: wifAudience(),
              claims: { repository: 'evil/ml', sub: 'repo:evil/ml:ref:refs/heads/main' },
            }),
          ),
        ),
      error: 'unauthorized_client',
      description: 'The given credential is rejected by the attribute condition.',
    },
  ];

  it.each(rejections)('rejects $name with $error', async ({ request, error, description }) => {
    const { status, body } = await stsJson(await request());
    expect(status).toBe(400);
    expect(body.error).toBe(error);
    expect(body.error_description).toMatch(
      typeof description === 'string' ? new RegExp(`^${RegExp.escape(description)}$`) : description,
    );
    expect(Object.keys(body).sort()).toEqual(['error', 'error_description']);
  });

  it('rejects a disabled provider as invalid_target', async () => {
    const subjectToken = await githubToken(wifAudience());
    auth.providers.update(auth.provider, { disabled: true });
    try {
      expect(await stsJson(exchange(subjectToken))).toEqual({
        status: 400,
        body: { error: 'invalid_target', error_description: INVALID_TARGET },
      });
    } finally {
      auth.providers.update(auth.provider, { disabled: false });
    }
    expect((await stsJson(exchange(subjectToken))).status).toBe(200);
  });

  it('rejects a GitHub JWT that expired while the job waited (clock)', async () => {
    const subjectToken = await githubToken(wifAudience());
    auth.clock.advance(301_000);
    const { body } = await stsJson(exchange(subjectToken));
    expect(body.error).toBe('invalid_grant');
    expect(body.error_description).toMatch(/^The ID Token has expired/);
  });

  it('refuses an over-long google.subject like Google (127 bytes)', async () => {
    const token = auth.oidc.emulator.mintToken({
      audience: wifAudience(),
      claims: { sub: `repo:acme/ml:${'x'.repeat(120)}` },
    });
    const { body } = await stsJson(exchange(token));
    expect(body.error).toBe('invalid_grant');
    expect(body.error_description).toMatch(/google\.subject exceeds the 127 bytes limit/);
  });
});

describe('IAM Credentials', () => {
  it('mints an SA access token for a bound federated principal', async () => {
    const bearer = await federatedToken();
    const { status, body } = await iamCall('generateAccessToken', bearer, {
      scope: [CLOUD_PLATFORM_SCOPE],
      lifetime: '1800s',
    });
    expect(status).toBe(200);
    expect(body.expireTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const expiresIn = (Date.parse(body.expireTime as string) - Date.now()) / 1000;
    expect(expiresIn).toBeGreaterThan(1790);
    expect(expiresIn).toBeLessThanOrEqual(1800);
    expect(auth.validateAccessToken(body.accessToken as string)).toMatchObject({
      ok: true,
      kind: 'service-account',
      principal: `serviceAccount:${auth.serviceAccount}`,
      serviceAccount: auth.serviceAccount,
      scopes: [CLOUD_PLATFORM_SCOPE],
    });
  });

  it('mints a Google-signed ID token verifiable with the served certs', async () => {
    const bearer = await federatedToken();
    const { status, body } = await iamCall('generateIdToken', bearer, {
      audience: 'https://pipelines.example',
      includeEmail: true,
    });
    expect(status).toBe(200);
    const certs = (await (
      await fetch(`${auth.iamCredentialsEndpoint}/oauth2/v3/certs`)
    ).json()) as Jwks;
    const verified = verifyJwtSignature(body.token as string, certs);
    expect(verified.ok && verified.claims).toMatchObject({
      iss: 'https://accounts.google.com',
      aud: 'https://pipelines.example',
      email: auth.serviceAccount,
      email_verified: true,
      sub: auth.serviceAccounts.get(auth.serviceAccount)?.uniqueId,
    });
  });

  const unauthenticated = {
    status: 401,
    body: {
      error: {
        code: 401,
        message: expect.stringMatching(
          /^Request had invalid authentication credentials\./,
        ) as unknown,
        status: 'UNAUTHENTICATED',
      },
    },
  };

  it('answers 401 UNAUTHENTICATED without, or with an unknown, bearer', async () => {
    const body = { scope: [CLOUD_PLATFORM_SCOPE] };
    expect(await iamCall('generateAccessToken', undefined, body)).toEqual(unauthenticated);
    expect(await iamCall('generateAccessToken', 'ya29.made-up', body)).toEqual(unauthenticated);
  });

  it('answers 401 once the federated token has expired (clock)', async () => {
    const bearer = await federatedToken();
    auth.clock.advance(300_000);
    expect(auth.validateAccessToken(bearer)).toEqual({ ok: false, reason: 'expired' });
    expect(await iamCall('generateAccessToken', bearer, { scope: [CLOUD_PLATFORM_SCOPE] })).toEqual(
      unauthenticated,
    );
  });

  it('answers 403 PERMISSION_DENIED when the principal has no binding on the SA', async () => {
    const unbound = 'unbound@acme-ml.iam.gserviceaccount.com';
    auth.serviceAccounts.add({ email: unbound });
    const { status, body } = await iamCall(
      'generateAccessToken',
      await federatedToken(),
      { scope: [CLOUD_PLATFORM_SCOPE] },
      unbound,
    );
    expect(status).toBe(403);
    expect(body).toEqual({
      error: {
        code: 403,
        message:
          "Permission 'iam.serviceAccounts.getAccessToken' denied on resource (or it may not exist).",
        status: 'PERMISSION_DENIED',
        details: [
          {
            '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
            reason: 'IAM_PERMISSION_DENIED',
            domain: 'iam.googleapis.com',
            metadata: {
              permission: 'iam.serviceAccounts.getAccessToken',
              resource: `projects/-/serviceAccounts/${unbound}`,
            },
          },
        ],
      },
    });
  });

  it('answers 403 for another repository the provider admits but the SA does not trust', async () => {
    // The top user complaint: the condition lets the whole org in, the binding names one repo.
    const org = await startAuthEmulators({
      providerOverrides: { attributeCondition: "assertion.repository_owner == 'acme'" },
    });
    try {
      org.oidc.emulator.setClaims({
        repository: 'acme/web',
        sub: 'repo:acme/web:ref:refs/heads/main',
      });
      const bearer = await federatedToken(org);
      const denied = await iamCall(
        'generateIdToken',
        bearer,
        { audience: 'x' },
        org.serviceAccount,
        org,
      );
      expect(denied.status).toBe(403);
      expect((denied.body.error as { message: string }).message).toBe(
        "Permission 'iam.serviceAccounts.getOpenIdToken' denied on resource (or it may not exist).",
      );
      org.serviceAccounts.addMember(
        org.serviceAccount,
        'roles/iam.workloadIdentityUser',
        `principal://iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/github/subject/repo:acme/web:ref:refs/heads/main`,
      );
      const allowed = await iamCall(
        'generateIdToken',
        bearer,
        { audience: 'x' },
        org.serviceAccount,
        org,
      );
      expect(allowed.status).toBe(200);
    } finally {
      await org.close();
    }
  });

  it.each([
    [
      'attribute.environment',
      principalSetForAttribute('123456789012', 'github', 'environment', 'production'),
    ],
    [
      'the environment subject',
      principalForSubject('123456789012', 'github', 'repo:acme/ml:environment:production'),
    ],
  ])(
    'lets only a job in the production environment act as the deploy account (bound on %s)',
    async (_binding, member) => {
      const deployAccount = `deploy-${member.length}@acme-ml.iam.gserviceaccount.com`;
      auth.serviceAccounts.add({
        email: deployAccount,
        bindings: [{ role: 'roles/iam.workloadIdentityUser', members: [member] }],
      });
      const call = (bearer: string) =>
        iamCall('generateAccessToken', bearer, { scope: [CLOUD_PLATFORM_SCOPE] }, deployAccount);
      // A training job (the repository's principalSet, no environment) and a job in another
      // environment: Google's 403, even though the repository may act as the training account.
      const trainJob = auth.oidc.requestTokenFor({ sub: 'repo:acme/ml:ref:refs/heads/feature' });
      expect(
        (
          await iamCall('generateAccessToken', await federatedToken(auth, trainJob), {
            scope: [CLOUD_PLATFORM_SCOPE],
          })
        ).status,
      ).toBe(200);
      const staging = auth.oidc.requestTokenFor({
        sub: 'repo:acme/ml:environment:staging',
        environment: 'staging',
      });
      for (const job of [trainJob, staging]) {
        const denied = await call(await federatedToken(auth, job));
        expect(denied.status).toBe(403);
        expect(denied.body.error).toMatchObject({
          code: 403,
          status: 'PERMISSION_DENIED',
          message:
            "Permission 'iam.serviceAccounts.getAccessToken' denied on resource (or it may not exist).",
          details: [
            {
              reason: 'IAM_PERMISSION_DENIED',
              metadata: { resource: `projects/-/serviceAccounts/${deployAccount}` },
            },
          ],
        });
      }
      const deployJob = auth.oidc.requestTokenFor({
        sub: 'repo:acme/ml:environment:production',
        environment: 'production',
      });
      const allowed = await call(await federatedToken(auth, deployJob));
      expect(allowed.status).toBe(200);
      expect(auth.validateAccessToken(allowed.body.accessToken as string)).toMatchObject({
        ok: true,
        serviceAccount: deployAccount,
      });
    },
  );

  it('follows a delegation chain: each hop needs the permission on the next', async () => {
    const relay = 'relay@acme-ml.iam.gserviceaccount.com';
    const target = 'deploy@acme-ml.iam.gserviceaccount.com';
    const chain = await startAuthEmulators({
      serviceAccounts: [
        {
          email: relay,
          bindings: [
            { role: 'roles/iam.workloadIdentityUser', members: [auth.repositoryPrincipalSet] },
          ],
        },
        { email: target },
      ],
    });
    try {
      const bearer = await federatedToken(chain);
      const request = {
        scope: [CLOUD_PLATFORM_SCOPE],
        delegates: [`projects/-/serviceAccounts/${relay}`],
      };
      const denied = await iamCall('generateAccessToken', bearer, request, target, chain);
      expect(denied.status).toBe(403);
      expect(JSON.stringify(denied.body)).toContain(`projects/-/serviceAccounts/${target}`);

      chain.serviceAccounts.addMember(
        target,
        'roles/iam.serviceAccountTokenCreator',
        `serviceAccount:${relay}`,
      );
      const { status, body } = await iamCall('generateAccessToken', bearer, request, target, chain);
      expect(status).toBe(200);
      expect(chain.validateAccessToken(body.accessToken as string)).toMatchObject({
        serviceAccount: target,
      });
    } finally {
      await chain.close();
    }
  });

  it('answers 404 NOT_FOUND for an unknown service account', async () => {
    const missing = 'ghost@acme-ml.iam.gserviceaccount.com';
    expect(
      await iamCall(
        'generateAccessToken',
        await federatedToken(),
        { scope: [CLOUD_PLATFORM_SCOPE] },
        missing,
      ),
    ).toEqual({
      status: 404,
      body: {
        error: {
          code: 404,
          message: `Not found; Gaia id not found for email ${missing}`,
          status: 'NOT_FOUND',
        },
      },
    });
  });

  it('answers 400 INVALID_ARGUMENT for a lifetime over 3600s', async () => {
    const { status, body } = await iamCall('generateAccessToken', await federatedToken(), {
      scope: [CLOUD_PLATFORM_SCOPE],
      lifetime: '7200s',
    });
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 400, status: 'INVALID_ARGUMENT' });
    expect((body.error as { message: string }).message).toMatch(
      /can not have lifetimes of more than 1 hour.*constraints\/iam\.allowServiceAccountCredentialLifetimeExtension/,
    );
  });
});

describe('google-auth-library against the emulators', () => {
  // google-auth-library 10.x takes token_url, service_account_impersonation_url and
  // credential_source.url verbatim: the https + `sts`/`iamcredentials` *.googleapis.com host check
  // (googleapis/google-auth-library-nodejs#1229, 2021) was removed by #1517 (2023). So the file
  // points straight at http://127.0.0.1 with no workaround; these tests would fail if it came back.

  it('gets a federated token through a direct-WIF external_account file', async () => {
    const keyFile = await credentialsFile(
      auth.externalAccountCredentials({ serviceAccount: null }),
    );
    const token = await new GoogleAuth({
      keyFile,
      scopes: [CLOUD_PLATFORM_SCOPE],
    }).getAccessToken();
    expect(token).toMatch(/^ya29\.d\./);
    expect(auth.validateAccessToken(token ?? '')).toMatchObject({ ok: true, kind: 'federated' });

    expect(auth.requests.count({ route: 'oidc.token' })).toBe(1);
    expect(auth.requests.count({ route: 'iam.generateAccessToken' })).toBe(0);
    const [sts] = auth.requests.filter({ route: 'sts.token' });
    expect(sts?.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(sts?.body).toMatchObject({
      grant_type: GRANT_TYPE_TOKEN_EXCHANGE,
      audience: auth.providerAudience,
      subject_token_type: TOKEN_TYPE_JWT,
      subject_token: expect.stringMatching(/^<redacted:[0-9a-f]{12}>$/) as unknown,
    });
  });

  it('impersonates the service account when the file has an impersonation URL', async () => {
    const credentials = auth.externalAccountCredentials();
    expect(credentials).toMatchObject({
      type: 'external_account',
      audience: `//iam.googleapis.com/${auth.provider}`,
      service_account_impersonation_url: `${auth.iamCredentialsEndpoint}/v1/projects/-/serviceAccounts/${auth.serviceAccount}:generateAccessToken`,
    });
    const keyFile = await credentialsFile(credentials);
    const token = await new GoogleAuth({
      keyFile,
      scopes: [CLOUD_PLATFORM_SCOPE],
    }).getAccessToken();
    expect(auth.validateAccessToken(token ?? '')).toMatchObject({
      ok: true,
      serviceAccount: auth.serviceAccount,
    });
    const [iam] = auth.requests.filter({ route: 'iam.generateAccessToken' });
    expect(iam?.body).toEqual({ scope: [CLOUD_PLATFORM_SCOPE], lifetime: '3600s' });
    expect(iam?.headers.authorization).toMatch(/^Bearer <redacted:[0-9a-f]{12}>$/);
  });

  it('works through ExternalAccountClient.fromJSON as well', async () => {
    const client = ExternalAccountClient.fromJSON({
      ...auth.externalAccountCredentials(),
      scopes: [CLOUD_PLATFORM_SCOPE],
    } as Parameters<typeof ExternalAccountClient.fromJSON>[0]);
    expect(client).not.toBeNull();
    const headers = await client?.getRequestHeaders();
    const token = headers?.get('authorization')?.replace(/^Bearer /, '') ?? '';
    expect(auth.validateAccessToken(token)).toMatchObject({ ok: true, kind: 'service-account' });
  });

  it('surfaces STS rejections the way users see them', async () => {
    const keyFile = await credentialsFile(
      auth.externalAccountCredentials({
        provider: auth.provider.replace('123456789012', 'acme-ml'),
      }),
    );
    await expect(
      new GoogleAuth({ keyFile, scopes: [CLOUD_PLATFORM_SCOPE] }).getAccessToken(),
    ).rejects.toThrow(`Error code invalid_target: ${INVALID_TARGET}`);
  });

  it('surfaces a missing binding as 403 from generateAccessToken', async () => {
    const unbound = 'lonely@acme-ml.iam.gserviceaccount.com';
    auth.serviceAccounts.add({ email: unbound });
    const keyFile = await credentialsFile(
      auth.externalAccountCredentials({ serviceAccount: unbound }),
    );
    await expect(
      new GoogleAuth({ keyFile, scopes: [CLOUD_PLATFORM_SCOPE] }).getAccessToken(),
    ).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining('iam.serviceAccounts.getAccessToken') as unknown,
    });
  });

  it('retries injected 503 (STS) and 429 (IAM) and then succeeds', async () => {
    auth.faults.failNext(1, { status: 503, retryAfterSeconds: 1, route: 'sts.token' });
    auth.faults.failNext(1, {
      status: 429,
      retryAfterSeconds: 1,
      route: 'iam.generateAccessToken',
    });
    const keyFile = await credentialsFile(auth.externalAccountCredentials());
    const token = await new GoogleAuth({
      keyFile,
      scopes: [CLOUD_PLATFORM_SCOPE],
    }).getAccessToken();
    expect(auth.validateAccessToken(token ?? '').ok).toBe(true);
    expect(auth.faults.pendingFailures()).toBe(0);
    expect(auth.requests.filter({ route: 'sts.token' }).map((r) => r.status)).toEqual([503, 200]);
    expect(auth.requests.filter({ route: 'iam.generateAccessToken' }).map((r) => r.status)).toEqual(
      [429, 200],
    );
  });

  it('hands out a token that dies mid-run when the clock passes its expiry', async () => {
    const keyFile = await credentialsFile(auth.externalAccountCredentials());
    const client = new GoogleAuth({ keyFile, scopes: [CLOUD_PLATFORM_SCOPE] });
    const token = (await client.getAccessToken()) ?? '';
    expect(auth.validateAccessToken(token).ok).toBe(true);
    auth.clock.advance(3600_000);
    // The library still caches it (its clock is real); a Vertex emulator must answer 401 now.
    expect(await client.getAccessToken()).toBe(token);
    expect(auth.validateAccessToken(token)).toEqual({ ok: false, reason: 'expired' });
    // A fresh client re-fetches the GitHub JWT (the file holds the request URL, not a token).
    const fresh =
      (await new GoogleAuth({ keyFile, scopes: [CLOUD_PLATFORM_SCOPE] }).getAccessToken()) ?? '';
    expect(auth.validateAccessToken(fresh).ok).toBe(true);
    expect(auth.requests.count({ route: 'oidc.token' })).toBe(2);
  });
});

describe('fault injection and request log', () => {
  it('fails the next N matching requests with 429 + Retry-After, then recovers', async () => {
    auth.faults.failNext(2, { status: 429, retryAfterSeconds: 7, route: 'oidc.token' });
    const url = `${auth.oidc.requestUrl}&audience=x`;
    const headers = { Authorization: `Bearer ${auth.oidc.requestToken}` };
    for (let i = 0; i < 2; i++) {
      const response = await fetch(url, { headers });
      expect(response.status).toBe(429);
      expect(response.headers.get('retry-after')).toBe('7');
      await response.body?.cancel();
    }
    // Other routes were never affected.
    expect((await fetch(`${new URL(url).origin}/.well-known/jwks`)).status).toBe(200);
    expect((await fetch(url, { headers })).status).toBe(200);
    expect(auth.requests.filter({ route: 'oidc.token' }).map((r) => r.injectedFault)).toEqual([
      429,
      429,
      undefined,
    ]);
  });

  it('fails IAM with 503 in Google error shape', async () => {
    auth.faults.failNext(1, { status: 503, retryAfterSeconds: 2, server: 'iamcredentials' });
    const response = await fetch(
      `${auth.iamCredentialsEndpoint}/v1/projects/-/serviceAccounts/${auth.serviceAccount}:generateAccessToken`,
      { method: 'POST', body: '{}' },
    );
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('2');
    expect(await response.json()).toMatchObject({ error: { code: 503, status: 'UNAVAILABLE' } });
  });

  it('delays matching routes only, until the rule is removed', async () => {
    const undo = auth.faults.setLatency(250, { route: 'sts.token' });
    const started = performance.now();
    await stsJson({});
    expect(performance.now() - started).toBeGreaterThanOrEqual(240);
    undo();
    const again = performance.now();
    await stsJson({});
    expect(performance.now() - again).toBeLessThan(240);
  });

  it('records every call with counts, and never a token in clear text', async () => {
    const subjectToken = await githubToken(wifAudience());
    const federated = await federatedToken();
    const { body } = await iamCall('generateAccessToken', federated, {
      scope: [CLOUD_PLATFORM_SCOPE],
    });
    await stsJson(exchange(subjectToken));

    expect(auth.requests.count({ server: 'github-oidc', route: 'oidc.token' })).toBe(2);
    expect(auth.requests.count({ route: 'sts.token' })).toBe(2);
    expect(auth.requests.count({ server: 'iamcredentials' })).toBe(1);
    const seqs = auth.requests.all().map((r) => r.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    const [firstSts] = auth.requests.filter({ route: 'sts.token' });
    expect(firstSts?.body).toMatchObject({ grantType: GRANT_TYPE_TOKEN_EXCHANGE });

    const printed = JSON.stringify(auth.requests.all());
    for (const secret of [
      auth.oidc.requestToken,
      subjectToken,
      federated,
      body.accessToken as string,
    ])
      expect(printed).not.toContain(secret);
    // ...but the fingerprint lets a test tell which token was used.
    expect(
      auth.requests.filter({ route: 'iam.generateAccessToken' })[0]?.headers.authorization,
    ).toBe(`Bearer ${redacted(federated)}`);
  });

  it('says unknown for tokens it never issued', () => {
    expect(auth.validateAccessToken('ya29.never-issued')).toEqual({ ok: false, reason: 'unknown' });
  });
});
