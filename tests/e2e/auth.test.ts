import { generateKeyPairSync } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAuthEmulators, type AuthEmulators } from '../emulators/auth-emulators.js';
import {
  expectNoSecrets,
  inputs,
  parseCommandFile,
  runnerFiles,
  runPost,
  type RunnerFiles,
} from '../helpers/action-runner.js';
import { mlops, runNode, type ProcessResult } from '../helpers/cli.js';

let google: AuthEmulators;
beforeAll(async () => {
  google = await startAuthEmulators();
  // A service account nobody bound the repository to.
  google.serviceAccounts.add({ email: 'unbound@acme-ml.iam.gserviceaccount.com', bindings: [] });
});
afterAll(async () => {
  await google.close();
});

function stsBase(): string {
  return google.stsEndpoint.replace(/\/v1\/token$/, '');
}

/** The environment of a job with `permissions: id-token: write`, pointed at the emulators. */
function jobEnv(): NodeJS.ProcessEnv {
  return {
    ...google.actionsEnv(),
    // The override is the service's base URL; the emulator reports its token URL.
    MLOPS_STS_ENDPOINT: stsBase(),
    MLOPS_IAMCREDENTIALS_ENDPOINT: google.iamCredentialsEndpoint,
    GITHUB_REPOSITORY: 'acme/ml',
  };
}

/** The auth step as the runner runs it, in a job with the emulators' OIDC token endpoint. */
function runAuth(
  runner: RunnerFiles,
  values: Record<string, string>,
  env: NodeJS.ProcessEnv = {},
): Promise<ProcessResult> {
  return runNode('dist/main.js', [], {
    env: { ...runner.env, ...jobEnv(), ...env, ...inputs({ command: 'auth', ...values }) },
  });
}

describe('auth through dist/main.js against protocol-faithful Google emulators', () => {
  it('federates, impersonates, writes a private credentials file outside the checkout, exports it and masks every token', async () => {
    const runner = await runnerFiles();
    const result = await runAuth(runner, {
      'workload-identity-provider': google.provider,
      'service-account': google.serviceAccount,
      'token-format': 'access_token',
    });
    expect(result.code, result.stdout).toBe(0);
    const outputs = parseCommandFile(await runner.read('output'));
    const file = outputs['credentials-file-path'] ?? '';
    expect(path.dirname(file)).toBe(runner.dir);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const credentials = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    expect(credentials).toMatchObject({
      type: 'external_account',
      audience: `//iam.googleapis.com/${google.provider}`,
      token_url: `${stsBase()}/v1/token`,
      service_account_impersonation_url: `${google.iamCredentialsEndpoint}/v1/projects/-/serviceAccounts/${google.serviceAccount}:generateAccessToken`,
    });
    expect(outputs['project-id']).toBe('acme-ml');
    const accessToken = outputs['access-token'] ?? '';
    expect(google.validateAccessToken(accessToken)).toMatchObject({
      ok: true,
      serviceAccount: google.serviceAccount,
    });
    const exported = parseCommandFile(await runner.read('env'));
    expect(exported).toMatchObject({
      GOOGLE_APPLICATION_CREDENTIALS: file,
      CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE: file,
      GOOGLE_CLOUD_PROJECT: 'acme-ml',
      CLOUDSDK_CORE_PROJECT: 'acme-ml',
    });
    // Tokens are announced for masking before anything else could print them, and appear nowhere else.
    expect(result.stdout).toContain(`::add-mask::${accessToken}`);
    expectNoSecrets(result.stdout + result.stderr, [
      accessToken,
      google.oidc.requestToken,
      await readFile(file, 'utf8'),
    ]);
    expect(result.stdout).toContain(`Authenticated as ${google.serviceAccount}`);

    const post = await runPost(runner);
    expect(post.code).toBe(0);
    expect(post.stdout).toContain(`Removed ${file}`);
    await expect(stat(file)).rejects.toThrow(/ENOENT/);
  });

  it('uses the federated identity directly when no service account is given', async () => {
    const runner = await runnerFiles();
    const result = await runAuth(runner, {
      'workload-identity-provider': google.provider,
      'project-id': 'acme-ml',
      'token-format': 'access_token',
    });
    expect(result.code, result.stdout).toBe(0);
    const outputs = parseCommandFile(await runner.read('output'));
    const credentials = JSON.parse(
      await readFile(outputs['credentials-file-path'] ?? '', 'utf8'),
    ) as Record<string, unknown>;
    expect(credentials).not.toHaveProperty('service_account_impersonation_url');
    expect(google.validateAccessToken(outputs['access-token'] ?? '')).toMatchObject({ ok: true });
  });

  it('mints an ID token for the service account when token-format is id_token', async () => {
    const runner = await runnerFiles();
    const result = await runAuth(runner, {
      'workload-identity-provider': google.provider,
      'service-account': google.serviceAccount,
      'token-format': 'id_token',
      'id-token-audience': 'https://ml.example.run.app',
    });
    expect(result.code, result.stdout).toBe(0);
    const idToken = parseCommandFile(await runner.read('output'))['id-token'] ?? '';
    const claims = JSON.parse(
      Buffer.from(idToken.split('.')[1] ?? '', 'base64url').toString('utf8'),
    ) as Record<string, unknown>;
    expect(claims).toMatchObject({
      aud: 'https://ml.example.run.app',
      email: google.serviceAccount,
    });
    expect(result.stdout).toContain(`::add-mask::${idToken}`);
    expectNoSecrets(result.stdout, [idToken]);
  });

  it('says which endpoint it cannot reach, after retrying', async () => {
    const runner = await runnerFiles();
    const result = await runAuth(
      runner,
      { 'workload-identity-provider': google.provider },
      { MLOPS_STS_ENDPOINT: 'http://127.0.0.1:9' },
    );
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /::error::mlops-platform auth failed: Cannot reach 127\.0\.0\.1:9 to exchange the GitHub token at STS[^\n]*%0AFix: Check the network and any MLOPS_\*_ENDPOINT override\./,
    );
  }, 60_000);

  it('accepts a service account key as a fallback, with a warning, masking the key', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const key = {
      type: 'service_account',
      project_id: 'acme-ml',
      private_key_id: 'abc123',
      private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      client_email: 'pipelines@acme-ml.iam.gserviceaccount.com',
    };
    const runner = await runnerFiles();
    const result = await runNode('dist/main.js', [], {
      env: {
        ...runner.env,
        ...inputs({
          command: 'auth',
          'credentials-json': Buffer.from(JSON.stringify(key)).toString('base64'),
        }),
      },
    });
    expect(result.code, result.stdout).toBe(0);
    expect(result.stdout).toMatch(
      /::warning::credentials-json uses a long-lived service account key\. Prefer workload-identity-provider/,
    );
    expect(result.stdout).toContain(`::add-mask::${JSON.stringify(key).slice(0, 20)}`);
    // The runner masks line by line: every line of the PEM key is a mask of its own, and so is
    // the key as JSON writes it (one line, with \n escapes).
    const masks = new Set(
      [...result.stdout.matchAll(/^::add-mask::(.*)$/gm)].map((match) => match[1]),
    );
    for (const line of key.private_key.trim().split('\n')) expect(masks).toContain(line);
    expect(masks).toContain(JSON.stringify(key.private_key).slice(1, -1));
    const outputs = parseCommandFile(await runner.read('output'));
    expect(outputs['project-id']).toBe('acme-ml');
    expect(JSON.parse(await readFile(outputs['credentials-file-path'] ?? '', 'utf8'))).toEqual(key);
    expect((await stat(outputs['credentials-file-path'] ?? '')).mode & 0o777).toBe(0o600);
  });

  it('rides through a 503 from STS with Retry-After', async () => {
    const runner = await runnerFiles();
    const before = google.requests.count({ path: '/v1/token' });
    google.faults.failNext(1, { path: '/v1/token', status: 503, retryAfterSeconds: 1 });
    const result = await runAuth(runner, {
      'workload-identity-provider': google.provider,
      'service-account': google.serviceAccount,
    });
    expect(result.code, result.stdout).toBe(0);
    expect(google.requests.count({ path: '/v1/token' }) - before).toBe(2);
  });

  const failures: Array<{
    name: string;
    provider?: () => string;
    serviceAccount?: string;
    env?: () => NodeJS.ProcessEnv;
    expected: RegExp;
    networkCalls: boolean;
  }> = [
    {
      name: 'a project ID instead of the number',
      provider: () => google.provider.replace(google.projectNumber, 'acme-ml'),
      expected: /project ID "acme-ml" where Google expects the project NUMBER/,
      networkCalls: false,
    },
    {
      name: 'a pool instead of a provider',
      provider: () => google.provider.replace(/\/providers\/.*$/, ''),
      expected: /names a pool, not a provider/,
      networkCalls: false,
    },
    {
      name: 'missing id-token: write',
      env: () => ({ ACTIONS_ID_TOKEN_REQUEST_URL: '', ACTIONS_ID_TOKEN_REQUEST_TOKEN: '' }),
      expected: /Add `permissions: id-token: write`/,
      networkCalls: false,
    },
    {
      name: 'an unknown provider',
      provider: () => google.provider.replace('/providers/mlops', '/providers/nope'),
      expected: /invalid_target[\s\S]*Fix: Check that pool "github" and provider "nope" exist/,
      networkCalls: true,
    },
    {
      name: 'a service account without the Workload Identity User binding',
      serviceAccount: 'unbound@acme-ml.iam.gserviceaccount.com',
      expected:
        /HTTP 403[\s\S]*add-iam-policy-binding unbound@acme-ml\.iam\.gserviceaccount\.com --role=roles\/iam\.workloadIdentityUser/,
      networkCalls: true,
    },
  ];

  it.each(failures)(
    'fails with one clear error for $name, writing nothing',
    async ({ provider, serviceAccount, env, expected, networkCalls }) => {
      const runner = await runnerFiles();
      const before = google.requests.all().length;
      const result = await runAuth(
        runner,
        {
          'workload-identity-provider': provider ? provider() : google.provider,
          'service-account': serviceAccount ?? google.serviceAccount,
        },
        env?.(),
      );
      expect(result.code).toBe(1);
      const errors = result.stdout.split('\n').filter((line) => line.startsWith('::error::'));
      expect(errors).toHaveLength(1);
      expect(decodeURIComponent(errors[0]?.replaceAll('%0A', '\n') ?? '')).toMatch(expected);
      expect(parseCommandFile(await runner.read('env'))).toEqual({});
      expect(parseCommandFile(await runner.read('output'))).toEqual({});
      // Problems that can be checked locally are reported before any call to Google.
      expect(google.requests.all().length > before).toBe(networkCalls);
    },
  );

  it('prints export lines for eval in the CLI, and never the token', async () => {
    const result = await mlops(
      [
        'auth',
        '--workload-identity-provider',
        google.provider,
        '--service-account',
        google.serviceAccount,
      ],
      { env: { ...jobEnv(), RUNNER_TEMP: '' } },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(
      /^export GOOGLE_APPLICATION_CREDENTIALS='\/.*mlops-credentials-[0-9a-f]{16}\.json'$/m,
    );
    expect(result.stdout).toContain("export GOOGLE_CLOUD_PROJECT='acme-ml'");
    expectNoSecrets(result.stdout + result.stderr, [google.oidc.requestToken]);
  });
});
