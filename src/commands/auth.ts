import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { durationMs } from '../core/duration.js';
import { UserError } from '../core/errors.js';
import {
  checkServiceAccount,
  defaultOidcAudience,
  parseWorkloadIdentityProvider,
  projectFromServiceAccount,
} from '../core/gcp/workload-identity.js';
import {
  serviceAccountKey,
  workloadIdentity,
  type AuthInputs,
  type Credentials,
  type ServiceAccountKey,
} from './auth-credentials.js';
import { choiceInput, defineCommand, once, parseFields, stringInput } from './command.js';

/** GitHub-style durations: `3600`, `3600s`, `60m`, `1h`. */
function parseLifetime(text: string): number {
  const ms = durationMs(text, 's');
  if (ms === undefined || !Number.isInteger(ms / 1000))
    throw new UserError(`access-token-lifetime "${text}" is not a duration`, {
      fix: 'Use seconds or a unit, e.g. 3600s, 30m or 1h.',
    });
  const seconds = ms / 1000;
  if (seconds < 60 || seconds > 43_200)
    throw new UserError(`access-token-lifetime ${seconds}s is out of range`, {
      fix: 'Use 60s to 3600s (up to 12h where the organisation policy allows longer tokens).',
    });
  return seconds;
}

/** A key given as JSON or base64 JSON, checked for the fields a service-account key has. */
function parseKey(text: string): { key: ServiceAccountKey; json: string } {
  const trimmed = text.trim();
  const json = trimmed.startsWith('{') ? trimmed : Buffer.from(trimmed, 'base64').toString('utf8');
  let key: Partial<ServiceAccountKey> & { type?: string };
  try {
    key = JSON.parse(json) as typeof key;
  } catch {
    throw new UserError('credentials-json is neither JSON nor base64 JSON', {
      fix: 'Pass the service account key file content, e.g. ${{ secrets.GCP_SA_KEY }}.',
    });
  }
  if (key.type !== 'service_account' || !key.client_email || !key.private_key) {
    throw new UserError(
      'credentials-json is not a service account key (type service_account, client_email, private_key)',
      {
        fix: 'Create a key with gcloud iam service-accounts keys create, or better, use workload-identity-provider.',
      },
    );
  }
  return { key: key as ServiceAccountKey, json };
}

function isInside(file: string, folder: string | undefined): boolean {
  if (!folder) return false;
  const relative = path.relative(path.resolve(folder), path.resolve(file));
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

export const authCommand = defineCommand<AuthInputs>({
  name: 'auth',
  postStep: true,
  summary:
    'Authenticate to Google Cloud from GitHub Actions by Workload Identity Federation (no keys), for the steps that follow.',
  inputs: [
    {
      name: 'workload-identity-provider',
      description:
        'Full provider name: projects/PROJECT_NUMBER/locations/global/workloadIdentityPools/POOL/providers/PROVIDER. Needs `permissions: id-token: write`.',
      kind: 'string',
      valueName: 'NAME',
    },
    {
      name: 'service-account',
      description:
        'Service account to impersonate. Without it, the federated identity is used directly (direct Workload Identity Federation).',
      kind: 'string',
      valueName: 'EMAIL',
    },
    {
      name: 'audience',
      description:
        'Audience of the GitHub OIDC token. Defaults to https://iam.googleapis.com/<workload-identity-provider>, what providers accept by default.',
      kind: 'string',
      valueName: 'AUD',
    },
    {
      name: 'project-id',
      description:
        "Project for later steps (gcloud, client libraries). Defaults to the service account's or the key's project.",
      kind: 'string',
      valueName: 'ID',
    },
    {
      name: 'credentials-json',
      description:
        'A service account key (JSON or base64), instead of Workload Identity Federation. Discouraged: keys are long-lived secrets.',
      kind: 'string',
      valueName: 'JSON',
      secret: true,
    },
    {
      name: 'token-format',
      description:
        'Also output a token: access_token (OAuth 2.0, for the service account, or the federated token without one) or id_token (needs service-account and id-token-audience).',
      kind: 'string',
      choices: ['access_token', 'id_token'],
    },
    {
      name: 'id-token-audience',
      description: 'Audience of the ID token when token-format is id_token.',
      kind: 'string',
      valueName: 'AUD',
    },
    {
      name: 'access-token-lifetime',
      description: 'Lifetime of the service account access token.',
      kind: 'string',
      default: '3600s',
      valueName: 'DURATION',
    },
    {
      name: 'credentials-file-path',
      description:
        'Where to write the credentials file (mode 0600). Defaults to RUNNER_TEMP, outside the checkout, so it cannot leak into commits or image build contexts. The post step deletes it.',
      kind: 'string',
      valueName: 'FILE',
    },
  ],
  outputs: [
    { name: 'project-id', description: 'The project later steps use.' },
    {
      name: 'credentials-file-path',
      description: 'Path of the credentials file (also in GOOGLE_APPLICATION_CREDENTIALS).',
    },
    {
      name: 'access-token',
      description: 'OAuth 2.0 access token, when token-format is access_token (masked).',
    },
    { name: 'id-token', description: 'ID token, when token-format is id_token (masked).' },
  ],
  parseInputs(raw, context) {
    const credentials = once((): Credentials => {
      const providerText = raw.string('workload-identity-provider')?.trim();
      const keyText = raw.string('credentials-json')?.trim();
      if (Boolean(providerText) === Boolean(keyText)) {
        throw new UserError('Give exactly one of workload-identity-provider or credentials-json', {
          fix: providerText
            ? 'Remove credentials-json: keys are not needed with Workload Identity Federation.'
            : 'Set workload-identity-provider (recommended). Secrets are empty in workflows run from forks.',
        });
      }
      if (providerText) {
        const provider = parseWorkloadIdentityProvider(providerText);
        return {
          kind: 'workload-identity',
          provider,
          audience: raw.string('audience')?.trim() || defaultOidcAudience(provider),
        };
      }
      const parsed = parseKey(keyText ?? '');
      context.host.maskSecret(parsed.json, 'credentials-json');
      context.host.maskSecret(parsed.key.private_key, 'the private key of credentials-json');
      return { kind: 'key', ...parsed };
    });
    const serviceAccount = once(() => {
      const text = raw.string('service-account')?.trim();
      if (text) return checkServiceAccount(text);
      const given = credentials();
      return given.kind === 'key' ? given.key.client_email : undefined;
    });
    const tokenFormat = once(() =>
      raw.string('token-format')?.trim()
        ? choiceInput(raw, 'token-format', ['access_token', 'id_token'] as const)
        : '',
    );
    return parseFields('auth', {
      credentials,
      serviceAccount,
      projectId: () => {
        const given = raw.string('project-id')?.trim();
        if (given) return given;
        const account = serviceAccount();
        const key = credentials();
        return (
          (account ? projectFromServiceAccount(account) : undefined) ||
          (key.kind === 'key' ? key.key.project_id : undefined)
        );
      },
      tokenFormat,
      idTokenAudience: () => {
        const audience = raw.string('id-token-audience')?.trim() || undefined;
        if (tokenFormat() === 'id_token' && (!serviceAccount() || !audience)) {
          throw new UserError('token-format id_token needs service-account and id-token-audience', {
            fix: 'Set both, e.g. id-token-audience: https://my-service.run.app.',
          });
        }
        return audience;
      },
      lifetimeSeconds: () => parseLifetime(stringInput(raw, 'access-token-lifetime')),
      credentialsFile: () => {
        const fileText = raw.string('credentials-file-path')?.trim();
        const credentialsFile = fileText
          ? path.resolve(context.cwd, fileText)
          : path.join(
              context.host.tempDir,
              `mlops-credentials-${randomBytes(8).toString('hex')}.json`,
            );
        if (isInside(credentialsFile, context.env.GITHUB_WORKSPACE)) {
          context.ui.warning(
            `credentials-file-path ${credentialsFile} is inside the checkout: keep it out of commits, artifacts and docker build contexts (.gitignore, .dockerignore).`,
          );
        }
        return credentialsFile;
      },
    });
  },
  async run(inputs, context) {
    const { ui, host } = context;
    const result = await ui.group('Authenticate to Google Cloud', () =>
      inputs.credentials.kind === 'workload-identity'
        ? workloadIdentity(inputs, inputs.credentials, context)
        : serviceAccountKey(inputs, inputs.credentials, context),
    );
    // Written only after the tokens were minted: a misconfiguration leaves no file behind.
    await mkdir(path.dirname(inputs.credentialsFile), { recursive: true });
    await writeFile(inputs.credentialsFile, `${JSON.stringify(result.file, null, 2)}\n`, {
      mode: 0o600,
      flag: 'wx',
    }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'EEXIST')
        throw new UserError(`${inputs.credentialsFile} already exists`, {
          fix: 'Choose another credentials-file-path, or remove the old file.',
        });
      throw error;
    });
    host.deleteAfterJob(inputs.credentialsFile);
    for (const name of [
      'GOOGLE_APPLICATION_CREDENTIALS',
      'CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE',
      'GOOGLE_GHA_CREDS_PATH',
    ])
      host.exportVariable(name, inputs.credentialsFile);
    if (inputs.projectId) {
      for (const name of [
        'CLOUDSDK_CORE_PROJECT',
        'CLOUDSDK_PROJECT',
        'GCLOUD_PROJECT',
        'GCP_PROJECT',
        'GOOGLE_CLOUD_PROJECT',
      ])
        host.exportVariable(name, inputs.projectId);
    } else {
      ui.info('No project: set project-id if later steps need one.');
    }
    ui.info(
      `${ui.colors.ok('✓')} Authenticated as ${result.identity}; credentials in ${inputs.credentialsFile}${inputs.projectId ? `, project ${inputs.projectId}` : ''}`,
    );
    return {
      outputs: {
        'project-id': inputs.projectId ?? '',
        'credentials-file-path': inputs.credentialsFile,
        ...(inputs.tokenFormat === 'access_token'
          ? { 'access-token': result.accessToken ?? '' }
          : {}),
        ...(result.idToken ? { 'id-token': result.idToken } : {}),
      },
    };
  },
});
