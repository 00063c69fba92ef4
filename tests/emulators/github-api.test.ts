/**
 * The GitHub REST API emulator, driven by the real client the action uses (@actions/github's
 * getOctokit) and values sealed exactly as GitHub documents it (libsodium crypto_box_seal with
 * standard padded base64).
 */
import { getOctokit } from '@actions/github';
import sodium from 'libsodium-wrappers';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  MAX_VALUE_BYTES,
  startGitHubApiEmulator,
  type GitHubApiEmulator,
  type TokenGrant,
} from './github-api.js';

type Octokit = ReturnType<typeof getOctokit>;

const ALL_WRITE: TokenGrant['permissions'] = {
  secrets: 'write',
  variables: 'write',
  environments: 'write',
  checks: 'write',
  pull_requests: 'write',
  issues: 'write',
  contents: 'write',
  organization_secrets: 'write',
  organization_variables: 'write',
};

const TOKENS: Record<string, TokenGrant> = {
  ghp_admin: { kind: 'pat', permissions: ALL_WRITE },
  // A GITHUB_TOKEN whose workflow grants everything: still no secrets or variables access.
  ghs_workflow: { kind: 'github-token', permissions: ALL_WRITE },
  ghs_app: { kind: 'app', permissions: { checks: 'write', issues: 'write' } },
  github_pat_readonly: { kind: 'pat', permissions: { secrets: 'read' } },
};

const repo = { owner: 'acme', repo: 'ml' };
const SHA = 'a'.repeat(40);

let gh: GitHubApiEmulator;
let admin: Octokit;

function client(token: string, emulator = gh): Octokit {
  return getOctokit(token, { baseUrl: emulator.url });
}

/** GitHub's documented recipe: standard padded base64 on both ends. */
function seal(value: string, key: string): string {
  const sealed = sodium.crypto_box_seal(
    sodium.from_string(value),
    sodium.from_base64(key, sodium.base64_variants.ORIGINAL),
  );
  return sodium.to_base64(sealed, sodium.base64_variants.ORIGINAL);
}

async function putRepoSecret(name: string, value: string, octokit = admin) {
  const { data: key } = await octokit.rest.actions.getRepoPublicKey(repo);
  return octokit.rest.actions.createOrUpdateRepoSecret({
    ...repo,
    secret_name: name,
    encrypted_value: seal(value, key.key),
    key_id: key.key_id,
  });
}

/** The HTTP error an Octokit call rejects with. */
async function failure(
  call: Promise<unknown>,
): Promise<{ status: number; message: string; headers: Record<string, unknown> }> {
  try {
    await call;
  } catch (error) {
    const e = error as {
      status: number;
      response?: { data?: { message?: string }; headers: Record<string, unknown> };
    };
    return {
      status: e.status,
      message: e.response?.data?.message ?? '',
      headers: e.response?.headers ?? {},
    };
  }
  throw new Error('expected the request to fail');
}

beforeAll(async () => {
  await sodium.ready;
});
beforeEach(async () => {
  gh = await startGitHubApiEmulator({
    tokens: TOKENS,
    repositories: [
      { owner: 'acme', name: 'ml', id: 4242, environments: ['production', 'staging eu'] },
      { owner: 'acme', name: 'web', id: 4343 },
    ],
  });
  admin = client('ghp_admin');
});
afterEach(async () => {
  await gh.close();
});

describe('repository secrets', () => {
  it('decrypts what a client sealed: multi-line and non-ASCII values arrive intact', async () => {
    const values = {
      MULTI: '-----BEGIN KEY-----\nabc\r\ndef\n-----END KEY-----\n',
      UNICODE: 'héllo wörld ✓ 秘密 🔑',
      SPACES: '  padded  ',
    };
    for (const [name, value] of Object.entries(values)) await putRepoSecret(name, value);
    const stored = gh.secrets('repo:acme/ml');
    for (const [name, value] of Object.entries(values)) expect(stored.get(name)?.value).toBe(value);
  });

  it('answers 201 on create and 204 on update, keeping created_at', async () => {
    const created = await putRepoSecret('API_TOKEN', 'one');
    expect(created.status).toBe(201);
    const createdAt = gh.secrets('repo:acme/ml').get('API_TOKEN')?.createdAt;
    const updated = await putRepoSecret('API_TOKEN', 'two');
    expect(updated.status).toBe(204);
    expect(gh.secrets('repo:acme/ml').get('API_TOKEN')).toMatchObject({ value: 'two', createdAt });

    const { data } = await admin.rest.actions.getRepoSecret({ ...repo, secret_name: 'API_TOKEN' });
    expect(data).toMatchObject({ name: 'API_TOKEN' });
    expect(data).not.toHaveProperty('value');
    expect(data.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

    expect(
      (await admin.rest.actions.deleteRepoSecret({ ...repo, secret_name: 'api_token' })).status,
    ).toBe(204);
    expect(gh.secrets('repo:acme/ml').has('API_TOKEN')).toBe(false);
    const missing = await failure(
      admin.rest.actions.deleteRepoSecret({ ...repo, secret_name: 'API_TOKEN' }),
    );
    expect(missing.status).toBe(404);
  });

  it('serves a real X25519 key as standard padded base64 with a numeric key_id', async () => {
    const { data } = await admin.rest.actions.getRepoPublicKey(repo);
    expect(data.key_id).toMatch(/^\d{10,}$/);
    expect(data.key).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(data).toEqual(gh.publicKey('repo:acme/ml'));
  });

  it('accepts exactly 48 KB of plaintext and refuses one byte more', async () => {
    const atLimit = `${'a'.repeat(MAX_VALUE_BYTES - 2)}é`; // é is two UTF-8 bytes
    expect(Buffer.byteLength(atLimit)).toBe(49152);
    expect((await putRepoSecret('BIG', atLimit)).status).toBe(201);
    expect(gh.secrets('repo:acme/ml').get('BIG')?.value).toBe(atLimit);

    const over = await failure(putRepoSecret('BIGGER', `${atLimit}b`));
    expect(over.status).toBe(422);
    expect(gh.secrets('repo:acme/ml').has('BIGGER')).toBe(false);
  });

  it('refuses URL-safe base64 (libsodium-wrappers default), a foreign key and a stale key_id', async () => {
    const { data: key } = await admin.rest.actions.getRepoPublicKey(repo);
    const put = (encrypted_value: string, key_id = key.key_id) =>
      admin.rest.actions.createOrUpdateRepoSecret({
        ...repo,
        secret_name: 'S',
        encrypted_value,
        key_id,
      });
    const pk = sodium.from_base64(key.key, sodium.base64_variants.ORIGINAL);
    // 'hello' seals to 53 bytes, so the URL-safe unpadded form can never pass as standard base64.
    const urlSafe = sodium.to_base64(sodium.crypto_box_seal('hello', pk));
    expect(await failure(put(urlSafe))).toMatchObject({ status: 422, message: /base64/ });

    const other = sodium.crypto_box_keypair();
    const foreign = sodium.to_base64(
      sodium.crypto_box_seal('hello', other.publicKey),
      sodium.base64_variants.ORIGINAL,
    );
    expect(await failure(put(foreign))).toMatchObject({ status: 422, message: /decrypted/ });
    expect(await failure(put(seal('hello', key.key), '1234'))).toMatchObject({
      status: 422,
      message: /key_id/,
    });

    gh.rotateKey('repo:acme/ml');
    const stale = await failure(put(seal('hello', key.key)));
    expect(stale).toMatchObject({ status: 422, message: /key_id/ });
    expect(gh.secrets('repo:acme/ml').size).toBe(0);
    expect((await putRepoSecret('S', 'hello')).status).toBe(201); // fresh key: works again
  });

  it('refuses a PUT without key_id, though Octokit types let it through', async () => {
    const { data: key } = await admin.rest.actions.getRepoPublicKey(repo);
    const path = '/repos/acme/ml/actions/secrets/NO_KEY_ID';
    const response = await failure(
      admin.request(`PUT ${path}`, { encrypted_value: seal('v', key.key) }),
    );
    expect(response.status).toBe(422);
    expect(response.message).toMatch(/key_id/);
  });

  it('enforces the naming rules and stores names upper-cased', async () => {
    for (const bad of ['GITHUB_TOKEN', 'github_sha', '1ABC', 'MY-SECRET', 'A.B', 'SP ACE']) {
      const result = await failure(putRepoSecret(bad, 'v'));
      expect(result.status, bad).toBe(422);
    }
    expect((await putRepoSecret('my_Secret_2', 'v')).status).toBe(201);
    expect([...gh.secrets('repo:acme/ml').keys()]).toEqual(['MY_SECRET_2']);
    // Case-insensitive: the lower-case name updates the same secret.
    expect((await putRepoSecret('MY_SECRET_2', 'w')).status).toBe(204);
    expect(() => gh.setSecret('repo:acme/ml', 'GITHUB_X', 'v')).toThrow(/invalid secret name/);
  });

  it('caps a repository at 100 secrets; updates still pass', async () => {
    for (let i = 0; i < 100; i += 1) gh.setSecret('repo:acme/ml', `S_${i}`, 'v');
    const tooMany = await failure(putRepoSecret('ONE_MORE', 'v'));
    expect(tooMany.status).toBe(422);
    expect((await putRepoSecret('S_7', 'new')).status).toBe(204);
  });

  it('paginates with a Link header that octokit.paginate follows', async () => {
    for (let i = 0; i < 150; i += 1)
      gh.setSecret('org:acme', `SECRET_${String(i).padStart(3, '0')}`, String(i));
    const first = await admin.rest.actions.listOrgSecrets({ org: 'acme', per_page: 100 });
    expect(first.data.total_count).toBe(150);
    expect(first.data.secrets).toHaveLength(100);
    expect(first.headers.link).toBe(
      `<${gh.url}/orgs/acme/actions/secrets?per_page=100&page=2>; rel="next", ` +
        `<${gh.url}/orgs/acme/actions/secrets?per_page=100&page=2>; rel="last"`,
    );

    gh.requests.clear();
    const all = await admin.paginate(admin.rest.actions.listOrgSecrets, {
      org: 'acme',
      per_page: 100,
    });
    expect(all.map((s) => s.name)).toEqual(
      Array.from({ length: 150 }, (_, i) => `SECRET_${String(i).padStart(3, '0')}`),
    );
    expect(gh.requests.count({ route: 'secrets.org.list' })).toBe(2);

    // Default 30 per page; per_page above 100 is clamped.
    const defaults = await admin.rest.actions.listOrgSecrets({ org: 'acme' });
    expect(defaults.data.secrets).toHaveLength(30);
    const clamped = await admin.rest.actions.listOrgSecrets({ org: 'acme', per_page: 500 });
    expect(clamped.data.secrets).toHaveLength(100);
  });
});

describe('environment and organization secrets', () => {
  it('gives each environment its own key; unknown environments are 404', async () => {
    const env = { ...repo, environment_name: 'staging eu' }; // Octokit URL-encodes the space
    const { data: key } = await admin.rest.actions.getEnvironmentPublicKey(env);
    expect(key.key_id).not.toBe(gh.publicKey('repo:acme/ml').key_id);
    const put = await admin.rest.actions.createOrUpdateEnvironmentSecret({
      ...env,
      secret_name: 'db_url',
      encrypted_value: seal('postgres://x', key.key),
      key_id: key.key_id,
    });
    expect(put.status).toBe(201);
    expect(gh.secrets('env:acme/ml/staging eu').get('DB_URL')?.value).toBe('postgres://x');
    expect(gh.secrets('repo:acme/ml').size).toBe(0);

    // The repository key does not open an environment's box.
    const repoKey = gh.publicKey('repo:acme/ml');
    const wrongKey = await failure(
      admin.rest.actions.createOrUpdateEnvironmentSecret({
        ...repo,
        environment_name: 'production',
        secret_name: 'X',
        encrypted_value: seal('v', repoKey.key),
        key_id: repoKey.key_id,
      }),
    );
    expect(wrongKey.status).toBe(422);

    const unknown = await failure(
      admin.rest.actions.getEnvironmentPublicKey({ ...repo, environment_name: 'qa' }),
    );
    expect(unknown.status).toBe(404);
    expect(unknown.message).toBe('Not Found');
  });

  it('requires visibility on organization secrets and keeps selected repository ids', async () => {
    const { data: key } = await admin.rest.actions.getOrgPublicKey({ org: 'acme' });
    const base = { org: 'acme', secret_name: 'SHARED', key_id: key.key_id };
    const noVisibility = await failure(
      admin.request('PUT /orgs/acme/actions/secrets/SHARED', {
        encrypted_value: seal('v', key.key),
        key_id: key.key_id,
      } as never),
    );
    expect(noVisibility.status).toBe(422);
    const badVisibility = await failure(
      admin.rest.actions.createOrUpdateOrgSecret({
        ...base,
        encrypted_value: seal('v', key.key),
        visibility: 'public' as never,
      }),
    );
    expect(badVisibility.status).toBe(422);

    const created = await admin.rest.actions.createOrUpdateOrgSecret({
      ...base,
      encrypted_value: seal('v', key.key),
      visibility: 'selected',
      selected_repository_ids: [4242, 4343],
    });
    expect(created.status).toBe(201);
    expect(gh.secrets('org:acme').get('SHARED')).toMatchObject({
      value: 'v',
      visibility: 'selected',
      selectedRepositoryIds: [4242, 4343],
    });
    const { data } = await admin.rest.actions.getOrgSecret({ org: 'acme', secret_name: 'SHARED' });
    expect(data).toMatchObject({ name: 'SHARED', visibility: 'selected' });
    expect(data.selected_repositories_url).toBe(
      `${gh.url}/orgs/acme/actions/secrets/SHARED/repositories`,
    );

    const unknownOrg = await failure(admin.rest.actions.getOrgPublicKey({ org: 'umbrella' }));
    expect(unknownOrg.status).toBe(404);
  });
});

describe('variables', () => {
  it('creates with POST, refuses a duplicate with 409, updates with PATCH', async () => {
    const created = await admin.rest.actions.createRepoVariable({
      ...repo,
      name: 'model_name',
      value: 'line 1\nline 2',
    });
    expect(created.status).toBe(201);
    const again = await failure(
      admin.rest.actions.createRepoVariable({ ...repo, name: 'MODEL_NAME', value: 'x' }),
    );
    expect(again).toMatchObject({ status: 409, message: 'Already exists' });

    const patched = await admin.rest.actions.updateRepoVariable({
      ...repo,
      name: 'MODEL_NAME',
      value: 'v2',
    });
    expect(patched.status).toBe(204);
    const { data } = await admin.rest.actions.getRepoVariable({ ...repo, name: 'model_name' });
    expect(data).toMatchObject({ name: 'MODEL_NAME', value: 'v2' });
    expect(gh.variables('repo:acme/ml').get('MODEL_NAME')?.value).toBe('v2');

    const absent = await failure(
      admin.rest.actions.updateRepoVariable({ ...repo, name: 'NOPE', value: 'v' }),
    );
    expect(absent.status).toBe(404);
    const badName = await failure(
      admin.rest.actions.createRepoVariable({ ...repo, name: 'GITHUB_REF', value: 'v' }),
    );
    expect(badName.status).toBe(422);
    expect(
      (await admin.rest.actions.deleteRepoVariable({ ...repo, name: 'MODEL_NAME' })).status,
    ).toBe(204);
  });

  it('lists 10 per page by default and at most 30', async () => {
    for (let i = 0; i < 40; i += 1) gh.setVariable('repo:acme/ml', `V${i}`, String(i));
    const first = await admin.rest.actions.listRepoVariables(repo);
    expect(first.data.total_count).toBe(40);
    expect(first.data.variables).toHaveLength(10);
    const clamped = await admin.rest.actions.listRepoVariables({ ...repo, per_page: 100 });
    expect(clamped.data.variables).toHaveLength(30);
    expect(clamped.headers.link).toContain('rel="next"');
    const all = await admin.paginate(admin.rest.actions.listRepoVariables, {
      ...repo,
      per_page: 30,
    });
    expect(all).toHaveLength(40);
  });

  it('works per environment and per organization (with visibility)', async () => {
    await admin.rest.actions.createEnvironmentVariable({
      ...repo,
      environment_name: 'production',
      name: 'REGION',
      value: 'europe-west4',
    });
    expect(gh.variables('env:acme/ml/production').get('REGION')?.value).toBe('europe-west4');

    const noVisibility = await failure(
      admin.request('POST /orgs/acme/actions/variables', { name: 'X', value: 'v' } as never),
    );
    expect(noVisibility.status).toBe(422);
    await admin.rest.actions.createOrgVariable({
      org: 'acme',
      name: 'PROJECT',
      value: 'p',
      visibility: 'private',
    });
    expect(gh.variables('org:acme').get('PROJECT')).toMatchObject({
      value: 'p',
      visibility: 'private',
    });
  });
});

describe('tokens and permissions', () => {
  it('refuses GITHUB_TOKEN on secrets and variables, reads included', async () => {
    const workflow = client('ghs_workflow');
    // Thunks: a rejected promise must not sit unawaited while an earlier one is checked.
    const calls = [
      () => workflow.rest.actions.getRepoPublicKey(repo),
      () => workflow.rest.actions.listRepoSecrets(repo),
      () => workflow.rest.actions.createRepoVariable({ ...repo, name: 'A', value: 'b' }),
      () =>
        workflow.rest.actions.getEnvironmentPublicKey({ ...repo, environment_name: 'production' }),
      () => workflow.rest.actions.getOrgPublicKey({ org: 'acme' }),
    ];
    for (const call of calls)
      expect(await failure(call())).toMatchObject({
        status: 403,
        message: 'Resource not accessible by integration',
      });
    // Sealing with a key fetched by another token does not help either.
    const { data: key } = await admin.rest.actions.getRepoPublicKey(repo);
    const put = await failure(
      workflow.rest.actions.createOrUpdateRepoSecret({
        ...repo,
        secret_name: 'X',
        encrypted_value: seal('v', key.key),
        key_id: key.key_id,
      }),
    );
    expect(put).toMatchObject({ status: 403, message: 'Resource not accessible by integration' });
    expect(gh.secrets('repo:acme/ml').size).toBe(0);
  });

  it('tells a PAT without the permission so, and 401s unknown or missing tokens', async () => {
    const readonly = client('github_pat_readonly');
    expect((await readonly.rest.actions.getRepoPublicKey(repo)).status).toBe(200);
    expect(await failure(putRepoSecret('X', 'v', readonly))).toMatchObject({
      status: 403,
      message: 'Resource not accessible by personal access token',
    });
    expect(await failure(client('ghp_unknown').rest.actions.getRepoPublicKey(repo))).toMatchObject({
      status: 401,
      message: 'Bad credentials',
    });
    const anonymous = await fetch(`${gh.url}/repos/acme/ml/actions/secrets/public-key`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await anonymous.json()).toMatchObject({ message: 'Bad credentials' });
    const unknownPath = await fetch(`${gh.url}/repos/acme/ml/nothing-here`);
    expect(unknownPath.status).toBe(404);
    // The contract check answers it, naming the problem after GitHub's message.
    expect(((await unknownPath.json()) as { message: string }).message).toMatch(
      /^Not Found \(no operation of GitHub's REST API matches GET/,
    );
  });

  it('accepts "Bearer" and "token" schemes and never logs the token or the ciphertext', async () => {
    const bearer = await fetch(`${gh.url}/repos/acme/ml/actions/secrets/public-key`, {
      headers: { authorization: 'Bearer ghp_admin' },
    });
    expect(bearer.status).toBe(200);
    await putRepoSecret('LOGGED', 'plaintext-value');
    const log = JSON.stringify(gh.requests.all());
    expect(log).not.toContain('ghp_admin');
    expect(log).not.toContain('plaintext-value');
    const put = gh.requests.filter({ route: 'secrets.repo.put' })[0];
    expect(put?.headers.authorization).toMatch(/^token <redacted:[0-9a-f]{12}>$/);
    expect((put?.body as { encrypted_value: string }).encrypted_value).toMatch(/^<redacted:/);
  });
});

describe('check runs', () => {
  it('refuses a PAT and accepts GITHUB_TOKEN', async () => {
    const pat = await failure(admin.rest.checks.create({ ...repo, name: 'ml', head_sha: SHA }));
    expect(pat).toMatchObject({ status: 403, message: 'You must authenticate via a GitHub App.' });

    const workflow = client('ghs_workflow');
    const { status, data } = await workflow.rest.checks.create({
      ...repo,
      name: 'Model quality',
      head_sha: SHA,
      status: 'in_progress',
      output: { title: 'Evaluating', summary: 'running…' },
    });
    expect(status).toBe(201);
    expect(data).toMatchObject({ name: 'Model quality', head_sha: SHA, status: 'in_progress' });
    expect(data.html_url).toBe(`https://github.com/acme/ml/runs/${data.id}`);

    const done = await workflow.rest.checks.update({
      ...repo,
      check_run_id: data.id,
      conclusion: 'success',
      output: {
        title: 'AUC 0.91',
        summary: '| metric | value |\n|---|---|\n| auc | 0.91 |',
        annotations: [
          {
            path: 'metrics.json',
            start_line: 1,
            end_line: 1,
            annotation_level: 'notice',
            message: 'ok',
          },
        ],
      },
    });
    expect(done.data).toMatchObject({ status: 'completed', conclusion: 'success' });
    expect(done.data.completed_at).toBeTruthy();

    const listed = await workflow.rest.checks.listForRef({ ...repo, ref: SHA });
    expect(listed.data.total_count).toBe(1);
    expect(listed.data.check_runs[0]?.output.title).toBe('AUC 0.91');
    expect(gh.checkRuns('acme/ml')[0]).toMatchObject({
      conclusion: 'success',
      app: { slug: 'github-actions' },
      annotations: [{ path: 'metrics.json', message: 'ok' }],
    });
  });

  it('validates name, head_sha, conclusion and the summary size', async () => {
    const app = client('ghs_app');
    const cases: Array<[string, Record<string, unknown>]> = [
      ['no head_sha', { name: 'x' }],
      ['no name', { head_sha: SHA }],
      ['short sha', { name: 'x', head_sha: 'abc123' }],
      ['completed without conclusion', { name: 'x', head_sha: SHA, status: 'completed' }],
      [
        'summary too long',
        { name: 'x', head_sha: SHA, output: { title: 't', summary: 's'.repeat(65_536) } },
      ],
    ];
    for (const [label, body] of cases) {
      const result = await failure(app.request('POST /repos/acme/ml/check-runs', body as never));
      expect(result.status, label).toBe(422);
    }
    const atLimit = await app.rest.checks.create({
      ...repo,
      name: 'x',
      head_sha: SHA,
      conclusion: 'neutral',
      output: { title: 't', summary: 's'.repeat(65_535) },
    });
    expect(atLimit.data).toMatchObject({ status: 'completed', app: { slug: 'mlops-bot' } });
    expect(gh.checkRuns('acme/ml')).toHaveLength(1);
  });
});

describe('issue comments', () => {
  it('creates, lists and updates a sticky comment in place', async () => {
    const workflow = client('ghs_workflow');
    const marker = '<!-- mlops-report -->';
    const { status, data } = await workflow.rest.issues.createComment({
      ...repo,
      issue_number: 7,
      body: `${marker}\nAUC 0.90`,
    });
    expect(status).toBe(201);
    expect(data.user?.login).toBe('github-actions[bot]');
    await admin.rest.issues.createComment({ ...repo, issue_number: 7, body: 'LGTM' });
    await admin.rest.issues.createComment({ ...repo, issue_number: 8, body: 'other PR' });

    const listed = await workflow.paginate(workflow.rest.issues.listComments, {
      ...repo,
      issue_number: 7,
      per_page: 1,
    });
    expect(listed.map((c) => c.user?.login)).toEqual(['github-actions[bot]', 'mlops-bot']);
    const sticky = listed.find((c) => c.body?.startsWith(marker));
    expect(sticky?.id).toBe(data.id);

    const updated = await workflow.rest.issues.updateComment({
      ...repo,
      comment_id: data.id,
      body: `${marker}\nAUC 0.93`,
    });
    expect(updated.status).toBe(200);
    expect(gh.comments('acme/ml', 7).map((c) => c.body)).toEqual([`${marker}\nAUC 0.93`, 'LGTM']);
    expect(gh.comments('acme/ml', 8)).toHaveLength(1);

    const missing = await failure(
      workflow.rest.issues.updateComment({ ...repo, comment_id: 1, body: 'x' }),
    );
    expect(missing.status).toBe(404);
    const noPermission = await failure(
      client('github_pat_readonly').rest.issues.createComment({
        ...repo,
        issue_number: 7,
        body: 'x',
      }),
    );
    expect(noPermission).toMatchObject({
      status: 403,
      message: 'Resource not accessible by personal access token',
    });
  });
});

describe('faults and latency', () => {
  it('answers a secondary rate limit with 403 and retry-after, before any state change', async () => {
    const { data: key } = await admin.rest.actions.getRepoPublicKey(repo);
    gh.failNext('secondary-rate-limit', 1, { retryAfterSeconds: 3, method: 'PUT' });
    const put = () =>
      admin.rest.actions.createOrUpdateRepoSecret({
        ...repo,
        secret_name: 'RATE',
        encrypted_value: seal('v', key.key),
        key_id: key.key_id,
      });
    const limited = await failure(put());
    expect(limited.status).toBe(403);
    expect(limited.headers['retry-after']).toBe('3');
    expect(limited.message).toBe(
      'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
    );
    expect(gh.secrets('repo:acme/ml').has('RATE')).toBe(false);
    expect(gh.pendingFaults()).toBe(0);
    expect((await put()).status).toBe(201);
  });

  it('answers server errors with 502 only on the selected path, even for bad tokens', async () => {
    gh.failNext('server-error', 2, { pathPattern: /\/variables$/ });
    expect((await admin.rest.actions.getRepoPublicKey(repo)).status).toBe(200);
    for (let i = 0; i < 2; i += 1)
      expect(
        await failure(client('ghp_unknown').rest.actions.listRepoVariables(repo)),
      ).toMatchObject({ status: 502, message: 'Server Error' });
    expect((await admin.rest.actions.listRepoVariables(repo)).status).toBe(200);
  });

  it('delays every response by latencyMs and counts requests in flight', async () => {
    const slow = await startGitHubApiEmulator({ latencyMs: 150 });
    try {
      const octokit = getOctokit('ghp_test_admin', { baseUrl: slow.url });
      const started = performance.now();
      await Promise.all(
        Array.from({ length: 8 }, () => octokit.rest.actions.getRepoPublicKey(repo)),
      );
      const elapsed = performance.now() - started;
      expect(elapsed).toBeGreaterThanOrEqual(145);
      expect(elapsed).toBeLessThan(1000); // parallel, not 8 × 150 ms
      expect(slow.maxConcurrency()).toBe(8);

      slow.resetConcurrency();
      expect(slow.maxConcurrency()).toBe(0);
      await octokit.rest.actions.getRepoPublicKey(repo);
      await octokit.rest.actions.getRepoPublicKey(repo);
      expect(slow.maxConcurrency()).toBe(1);
    } finally {
      await slow.close();
    }
  });
});
