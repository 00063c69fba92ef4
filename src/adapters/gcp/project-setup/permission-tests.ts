import { readFile } from 'node:fs/promises';
import type { PermissionProbe, PermissionResult } from '../../../core/gcp-setup/doctor-facts.js';
import { credentialOptions, type GoogleCloud } from '../google-client.js';
import { normalizeError, type ArtifactRegistryCalls } from './artifact-registry-repositories.js';
import type { SetupClients } from './clients.js';
import { reportGoogleError } from './google-errors.js';

/**
 * testIamPermissions for doctor's caller on the four kinds of resource the product uses, by the
 * resource names DesiredBinding.resource uses. Each answers the subset of the permissions the
 * caller holds. Only call it on resources that exist: on one that does not, Google answers an
 * empty subset (it "fails open"), not NOT_FOUND.
 */

type ArtifactRegistry = InstanceType<GoogleCloud['ArtifactRegistryClient']>;

/** What doctor calls on the Artifact Registry client (the tests point one at the emulator). */
export type ArtifactRegistryClientCalls = ArtifactRegistryCalls &
  Pick<ArtifactRegistry, 'testIamPermissions'>;

/** Tests the caller's permissions on a repository. */
export interface RepositoryPermissions {
  testIamPermissions(resource: string, permissions: readonly string[]): Promise<string[]>;
}

export function repositoryPermissions(client: ArtifactRegistryClientCalls): RepositoryPermissions {
  return {
    async testIamPermissions(resource, permissions) {
      try {
        const [answer] = await client.testIamPermissions({
          resource,
          permissions: [...permissions],
        });
        return answer.permissions ?? [];
      } catch (error) {
        throw normalizeError(error);
      }
    },
  };
}

/** Runs each probe; a failed call is reported as setup's reads are (403 names the role). */
export async function testPermissions(
  clients: SetupClients,
  repositories: RepositoryPermissions,
  project: string,
  probes: readonly PermissionProbe[],
): Promise<PermissionResult[]> {
  return Promise.all(
    probes.map(async (probe) => {
      try {
        const granted = await testOne(clients, repositories, probe);
        return { ...probe, granted };
      } catch (error) {
        throw reportGoogleError(`test the permissions on ${probe.resource}`, project, error);
      }
    }),
  );
}

async function testOne(
  clients: SetupClients,
  repositories: RepositoryPermissions,
  { resource, permissions }: PermissionProbe,
): Promise<string[]> {
  const bucket = /^projects\/_\/buckets\/([^/]+)$/.exec(resource)?.[1];
  if (bucket) {
    const { data } = await clients.storage.buckets.testIamPermissions({
      bucket,
      permissions: [...permissions],
    });
    return data.permissions ?? [];
  }
  if (/^projects\/[^/]+\/serviceAccounts\/[^/]+$/.test(resource)) {
    const { data } = await clients.iam.projects.serviceAccounts.testIamPermissions({
      resource,
      requestBody: { permissions: [...permissions] },
    });
    return data.permissions ?? [];
  }
  if (resource.includes('/repositories/'))
    return repositories.testIamPermissions(resource, permissions);
  const project = /^projects\/([^/]+)$/.exec(resource)?.[1];
  if (!project) throw new Error(`doctor does not know how to test permissions on ${resource}`);
  const { data } = await clients.crm.projects.testIamPermissions({
    resource: project,
    requestBody: { permissions: [...permissions] },
  });
  return data.permissions ?? [];
}

/**
 * The service account the caller's credentials act as, when they say: for
 * GOOGLE_OAUTH_ACCESS_TOKEN, gcloud's impersonation setting (whose account
 * `gcloud auth print-access-token` then prints a token of); else the credentials file's account (a key's client_email, or the
 * account an external_account or impersonated file impersonates: the auth step writes one).
 * Undefined for a user's own credentials.
 */
export async function callerEmail(env: NodeJS.ProcessEnv): Promise<string | undefined> {
  // The same precedence as setupTokenSource: a given token first, then the credentials file.
  if (env.GOOGLE_OAUTH_ACCESS_TOKEN?.trim())
    return env.CLOUDSDK_AUTH_IMPERSONATE_SERVICE_ACCOUNT?.trim() || undefined;
  const file = credentialOptions(env).keyFilename;
  if (!file) return undefined;
  try {
    const credentials = JSON.parse(await readFile(file, 'utf8')) as {
      client_email?: unknown;
      service_account_impersonation_url?: unknown;
    };
    if (typeof credentials.client_email === 'string') return credentials.client_email;
    const url = credentials.service_account_impersonation_url;
    return typeof url === 'string'
      ? /\/serviceAccounts\/([^/:]+):generateAccessToken$/.exec(url)?.[1]
      : undefined;
  } catch {
    return undefined; // unreadable: the token source reports it when it is used
  }
}
