import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authCommand } from '../../src/commands/auth.js';
import { startAuthEmulators, type AuthEmulators } from '../emulators/auth-emulators.js';
import { tempDir } from '../helpers/paths.js';
import { runCommand, type InputValue } from '../helpers/recording-host.js';

/** auth in-process, keyless: GitHub OIDC → STS → IAM Credentials emulators. */

let google: AuthEmulators;

beforeAll(async () => {
  google = await startAuthEmulators();
});

afterAll(async () => {
  await google?.close();
});

async function auth(inputs: Record<string, InputValue>, env: NodeJS.ProcessEnv = {}) {
  const tempDirectory = await tempDir('cmd-auth');
  const result = await runCommand(
    authCommand,
    {
      'workload-identity-provider': google.provider,
      'service-account': google.serviceAccount,
      ...inputs,
    },
    {
      tempDir: tempDirectory,
      env: {
        ...google.actionsEnv(),
        MLOPS_STS_ENDPOINT: google.stsEndpoint.replace(/\/v1\/token$/, ''),
        MLOPS_IAMCREDENTIALS_ENDPOINT: google.iamCredentialsEndpoint,
        ...env,
      },
    },
  );
  return { result, tempDirectory };
}

describe('auth (in-process, keyless)', () => {
  it('writes an external-account credentials file, exports it and the project, and masks every token', async () => {
    const { result, tempDirectory } = await auth({ 'token-format': 'access_token' });
    expect(result.userError?.describe()).toBeUndefined();
    const file = result.outputs['credentials-file-path'] ?? '';
    expect(path.dirname(file)).toBe(tempDirectory);
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ type: 'external_account' });
    expect(result.deletedAfterJob).toEqual([file]);
    expect(result.exported).toMatchObject({
      GOOGLE_APPLICATION_CREDENTIALS: file,
      CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE: file,
      GOOGLE_CLOUD_PROJECT: 'acme-ml',
    });
    expect(result.outputs['project-id']).toBe('acme-ml');
    const accessToken = result.outputs['access-token'] ?? '';
    expect(accessToken).not.toBe('');
    const masked = result.masked.map((mask) => mask.value);
    expect(masked).toContain(google.actionsEnv().ACTIONS_ID_TOKEN_REQUEST_TOKEN);
    expect(masked).toContain(accessToken);
    expect(result.groups).toEqual(['Authenticate to Google Cloud']);
    // No token reached the log.
    const shown = JSON.stringify([result.infos, result.warnings, result.debugs]);
    for (const value of masked) expect(shown).not.toContain(value);
  });

  it('rejects bad inputs with one UserError and writes no file', async () => {
    const { result: noProvider } = await auth({ 'workload-identity-provider': '' });
    expect(noProvider.userError).toBeDefined();
    const { result: format, tempDirectory } = await auth({ 'token-format': 'jwt' });
    expect(format.userError?.message).toBe('Input "token-format" is "jwt"');
    const { result: idToken } = await auth({
      'token-format': 'id_token',
      'service-account': '',
    });
    expect(idToken.userError?.message).toBe(
      'token-format id_token needs service-account and id-token-audience',
    );
    expect(existsSync(tempDirectory) ? await readdir(tempDirectory) : []).toEqual([]);
  });
});
