/**
 * What the GCP setup emulator tests share: the real discovery clients (@googleapis/*) pointed at
 * the emulators with `rootUrl` and a fixed bearer token, a seeded project, and reading the
 * HTTP error a call rejected with.
 */
import { cloudresourcemanager } from '@googleapis/cloudresourcemanager';
import { iam, auth as iamAuth } from '@googleapis/iam';
import { serviceusage } from '@googleapis/serviceusage';
import { storage } from '@googleapis/storage';
import {
  startGcpSetupEmulators,
  vertexProjectSeed,
  type GcpSetupEmulators,
} from './gcp-setup-emulators.js';

export const PROJECT = 'acme-ml';
export const NUMBER = '123456789012';
export const TOKEN = 'setup-token';
export const CI_TOKEN = 'ci-token';
export const CI = `serviceAccount:ci@${PROJECT}.iam.gserviceaccount.com`;

/**
 * A fixed bearer token, through the clients' own google-auth-library (googleapis-common ships
 * its own copy, whose types differ from the top-level package's).
 */
export function tokenAuth(token: string) {
  const client = new iamAuth.OAuth2();
  client.setCredentials({ access_token: token });
  return client;
}

/** Every client the setup adapters will use, on the emulators. */
export function googleClients(urls: GcpSetupEmulators['urls'], token = TOKEN) {
  const auth = tokenAuth(token);
  return {
    iam: iam({ version: 'v1', auth, rootUrl: urls.iam }),
    crm: cloudresourcemanager({ version: 'v1', auth, rootUrl: urls.cloudresourcemanager }),
    crm3: cloudresourcemanager({ version: 'v3', auth, rootUrl: urls.cloudresourcemanager }),
    usage: serviceusage({ version: 'v1', auth, rootUrl: urls.serviceusage }),
    usageBeta: serviceusage({ version: 'v1beta1', auth, rootUrl: urls.serviceusage }),
    storage: storage({ version: 'v1', auth, rootUrl: urls.storage }),
  };
}

/** The project most tests start from: Vertex agent bound, an owner, a `ci` account, a pool. */
export function startSeededEmulators(): Promise<GcpSetupEmulators> {
  return startGcpSetupEmulators({
    projects: [
      {
        ...vertexProjectSeed(PROJECT, NUMBER),
        serviceAccounts: [{ accountId: 'ci', displayName: 'CI' }],
        pools: { existing: { displayName: 'Seeded' } },
      },
    ],
    callers: { [TOKEN]: 'user:setup@example.com', [CI_TOKEN]: CI },
  });
}

export interface HttpFailure {
  status: number;
  error: { code: number; message: string; status?: string; details?: unknown[] };
}

/** The HTTP status and Google error body a client call rejected with. */
export async function httpFailure(call: Promise<unknown>): Promise<HttpFailure> {
  try {
    await call;
  } catch (error) {
    const response = (
      error as { response?: { status: number; data: { error: HttpFailure['error'] } } }
    ).response;
    if (!response) throw error;
    return { status: response.status, error: response.data.error };
  }
  throw new Error('the call succeeded');
}
