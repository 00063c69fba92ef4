import path from 'node:path';
import { expect } from 'vitest';
import {
  startAuthEmulators,
  type AuthEmulators,
  type AuthEmulatorsConfig,
} from '../emulators/auth-emulators.js';
import {
  startCloudStorageEmulator,
  type CloudStorageEmulator,
} from '../emulators/cloud-storage.js';
import {
  startVertexEmulator,
  type VertexEmulator,
  type VertexEmulatorOptions,
} from '../emulators/vertex.js';
import { expectNoSecrets, inputs, parseCommandFile, runnerFiles } from './action-runner.js';
import { runNode, type ProcessResult } from './cli.js';
import { REPO_ROOT } from './paths.js';
import { PYTHON } from './services.js';

/**
 * A workflow against the Google emulators: the auth step has run (keyless, through dist/), and
 * each later step runs dist/main.js as the runner would, with the variables auth exported.
 */

export interface WorkflowStep {
  readonly result: ProcessResult;
  readonly outputs: Record<string, string>;
  readonly summary: string;
}

export interface GoogleWorkflow {
  readonly google: AuthEmulators;
  readonly vertex: VertexEmulator;
  /** The Cloud Storage API over the Vertex emulator's storage (deploy hashes the model there). */
  readonly storage: CloudStorageEmulator;
  /** Runs one action step; `runId` is the workflow run (GITHUB_RUN_ID, and the commit SHA's start). */
  step(
    runId: string,
    values: Record<string, string>,
    env?: Record<string, string>,
  ): Promise<WorkflowStep>;
  close(): Promise<void>;
}

/** The auth, Vertex and Cloud Storage emulators on one clock and log, and their endpoints. */
export async function startGoogleServices(
  vertexOptions: Partial<VertexEmulatorOptions> = {},
  authConfig: AuthEmulatorsConfig = {},
): Promise<{
  google: AuthEmulators;
  vertex: VertexEmulator;
  storage: CloudStorageEmulator;
  endpoints: Record<string, string>;
}> {
  const google = await startAuthEmulators(authConfig);
  const vertex = await startVertexEmulator({
    validateToken: google.validateAccessToken,
    python: PYTHON,
    workdir: path.join(REPO_ROOT, 'pipelines'),
    clock: google.clock,
    faults: google.faults,
    requests: google.requests,
    ...vertexOptions,
  });
  const storage = await startCloudStorageEmulator({
    validateToken: google.validateAccessToken,
    folder: path.dirname(path.dirname(vertex.localPath('gs://bucket/object'))),
    clock: google.clock,
    faults: google.faults,
    requests: google.requests,
  });
  const endpoints = {
    MLOPS_STS_ENDPOINT: google.stsEndpoint.replace(/\/v1\/token$/, ''),
    MLOPS_IAMCREDENTIALS_ENDPOINT: google.iamCredentialsEndpoint,
    MLOPS_VERTEX_ENDPOINT: vertex.endpoint.url,
    MLOPS_STORAGE_ENDPOINT: storage.url,
  };
  return { google, vertex, storage, endpoints };
}

export async function startGoogleWorkflow(
  vertexOptions: Partial<VertexEmulatorOptions> = {},
  authConfig: AuthEmulatorsConfig = {},
): Promise<GoogleWorkflow> {
  const { google, vertex, storage, endpoints } = await startGoogleServices(
    vertexOptions,
    authConfig,
  );
  const auth = await runnerFiles();
  const result = await runNode('dist/main.js', [], {
    env: {
      ...auth.env,
      ...google.actionsEnv(),
      ...endpoints,
      ...inputs({
        command: 'auth',
        'workload-identity-provider': google.provider,
        'service-account': google.serviceAccount,
      }),
    },
  });
  expect(result.code, result.stdout).toBe(0);
  const authEnv = parseCommandFile(await auth.read('env'));

  return {
    google,
    vertex,
    storage,
    async step(runId, values, env = {}) {
      const runner = await runnerFiles();
      const stepResult = await runNode('dist/main.js', [], {
        env: {
          ...runner.env,
          ...google.actionsEnv(),
          ...authEnv,
          ...endpoints,
          GITHUB_REPOSITORY: 'acme/ml',
          GITHUB_SHA: `${runId}e4c09a24f134d5f8016cf68b21e73c819875`.slice(0, 40),
          GITHUB_RUN_ID: runId,
          GITHUB_RUN_ATTEMPT: '1',
          GITHUB_JOB: 'release',
          ...env,
          ...inputs({ region: 'us-central1', ...values }),
        },
      });
      expectNoSecrets(stepResult.stdout + stepResult.stderr, [google.oidc.requestToken]);
      return {
        result: stepResult,
        outputs: parseCommandFile(await runner.read('output')),
        summary: await runner.read('summary'),
      };
    },
    async close() {
      await Promise.all([vertex.close(), storage.close()]);
      await google.close();
    },
  };
}
