import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SubprocessExecutor } from '../../src/adapters/local-runner/executors.js';
import {
  startArtifactRegistryEmulator,
  type ArtifactRegistryEmulator,
} from '../emulators/artifact-registry.js';
import { startAuthEmulators, type AuthEmulators } from '../emulators/auth-emulators.js';
import { principalForSubject, principalSetForAttribute } from '../emulators/google-sts.js';
import { WORKLOAD_IDENTITY_USER } from '../emulators/iam-credentials.js';
import {
  startCloudStorageEmulator,
  type CloudStorageEmulator,
} from '../emulators/cloud-storage.js';
import {
  startGitHubApiEmulator,
  type GitHubApiEmulator,
  type TokenGrant,
} from '../emulators/github-api.js';
import { startMetadataServer, type MetadataServer } from '../emulators/metadata-server.js';
import { startVertexEmulator, type VertexEmulator } from '../emulators/vertex.js';
import { RegistryImageExecutor, servingImageContainers } from './registry-images.js';
import { PYTHON, TEST_REGISTRY } from './services.js';
import { RequestLog } from '../emulators/http-server.js';

/**
 * Everything outside a team's repository that its journey touches, on loopback: GitHub (API,
 * OIDC), Google (STS, IAM Credentials, Vertex AI with pipelines, Model Registry, endpoints and
 * schedules, Artifact Registry's API) and the real Docker registry and engine. Vertex's own
 * workloads (pipeline tasks, serving containers) see a metadata server and the emulated Cloud
 * Storage through its FUSE mount, as on Google Cloud.
 */
export interface JourneyCloud {
  readonly github: GitHubApiEmulator;
  /** `google.serviceAccount` is the training account; this one only production may act as. */
  readonly google: AuthEmulators;
  readonly deployServiceAccount: string;
  readonly metadata: MetadataServer;
  readonly vertex: VertexEmulator;
  readonly artifactRegistry: ArtifactRegistryEmulator;
  readonly storage: CloudStorageEmulator;
  /**
   * Writes a `gs://` object where Vertex workloads read it: the Cloud Storage API (components
   * fetching a CSV) and the /gcs FUSE mount (components reading it as a file).
   */
  putObject(uri: string, data: string | Uint8Array): Promise<void>;
  /** The images pipeline tasks asked for, checked against the registry before they ran. */
  readonly executor: RegistryImageExecutor;
  /** What a workflow step needs to reach the emulators: "the network" of the runner. */
  readonly network: Readonly<Record<string, string>>;
  close(): Promise<void>;
}

export interface JourneyCloudOptions {
  /** owner/name: the repository GitHub knows and Google trusts (the principalSet). */
  readonly repository: string;
  readonly environments: readonly string[];
  /** Tokens GitHub accepts besides the jobs' own GITHUB_TOKENs. */
  readonly tokens: Readonly<Record<string, TokenGrant>>;
  /** The repository's pipelines folder at the commit whose images run (what the images hold). */
  readonly pipelines: string;
  /** A DOCKER_CONFIG that may pull from the test registry (the serving containers' pulls). */
  readonly dockerConfig: string;
}

export async function startJourneyCloud(options: JourneyCloudOptions): Promise<JourneyCloud> {
  const [owner = '', name = ''] = options.repository.split('/');
  // One request log for every service, so a test can see which credential reached which.
  const requests = new RequestLog();
  const github = await startGitHubApiEmulator({
    repositories: [{ owner, name, environments: [...options.environments] }],
    orgs: [owner],
    tokens: { ...options.tokens },
    requests,
  });
  // The two accounts of docs/google-cloud.md: the repository may train, only its production
  // environment may deploy. Artifact Registry takes their access tokens as the registry password.
  const trainingServiceAccount = 'mlops-training@acme-ml.iam.gserviceaccount.com';
  const deployServiceAccount = 'mlops-deploy@acme-ml.iam.gserviceaccount.com';
  const pool = { projectNumber: '123456789012', pool: 'github' };
  const google = await startAuthEmulators({
    requests,
    ...pool,
    repository: options.repository,
    serviceAccount: trainingServiceAccount,
    serviceAccounts: [
      {
        email: trainingServiceAccount,
        bindings: [
          {
            role: WORKLOAD_IDENTITY_USER,
            members: [
              principalSetForAttribute(
                pool.projectNumber,
                pool.pool,
                'repository',
                options.repository,
              ),
            ],
          },
        ],
      },
      {
        email: deployServiceAccount,
        bindings: [
          {
            role: WORKLOAD_IDENTITY_USER,
            members: [
              principalForSubject(
                pool.projectNumber,
                pool.pool,
                `repo:${options.repository}:environment:production`,
              ),
            ],
          },
        ],
      },
    ],
    serviceAccountTokenValue: TEST_REGISTRY.password,
  });
  const shared = { clock: google.clock, faults: google.faults, requests: google.requests };
  const metadata = await startMetadataServer(shared);
  const validateToken = (token: string) => {
    const workflow = google.validateAccessToken(token);
    if (workflow.ok) return { ok: true as const, principal: workflow.principal };
    return metadata.validateAccessToken(token);
  };
  const executor = new RegistryImageExecutor(new SubprocessExecutor({ python: PYTHON }));
  const vertex = await startVertexEmulator({
    ...shared,
    validateToken,
    python: PYTHON,
    workdir: options.pipelines,
    executor,
    predictionServer: servingImageContainers(options.dockerConfig),
  });
  const artifactRegistry = await startArtifactRegistryEmulator({ ...shared, validateToken });
  const fuseRoot = path.dirname(path.dirname(vertex.localPath('gs://bucket/object')));
  // Over the Vertex emulator's storage: deploy hashes the model a pipeline wrote there.
  const storage = await startCloudStorageEmulator({ ...shared, validateToken, folder: fuseRoot });
  // Pipeline tasks are this process's children: what a Vertex workload finds in its VM.
  Object.assign(process.env, {
    GCE_METADATA_HOST: metadata.host,
    MLOPS_VERTEX_ENDPOINT: vertex.endpoint.url,
    MLOPS_STORAGE_ENDPOINT: storage.url,
    MLOPS_GCS_FUSE_ROOT: fuseRoot,
  });
  return {
    github,
    google,
    deployServiceAccount,
    metadata,
    vertex,
    artifactRegistry,
    storage,
    async putObject(uri, data) {
      storage.putObject(uri, data);
      const file = vertex.localPath(uri);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, data);
    },
    executor,
    network: {
      MLOPS_STS_ENDPOINT: google.stsEndpoint.replace(/\/v1\/token$/, ''),
      MLOPS_IAMCREDENTIALS_ENDPOINT: google.iamCredentialsEndpoint,
      MLOPS_VERTEX_ENDPOINT: vertex.endpoint.url,
      MLOPS_ARTIFACTREGISTRY_ENDPOINT: artifactRegistry.endpoint.url,
      MLOPS_STORAGE_ENDPOINT: storage.url,
      MLOPS_DOCKER_REGISTRY_HOST: TEST_REGISTRY.host,
    },
    async close() {
      await Promise.all([
        vertex.close(),
        artifactRegistry.close(),
        storage.close(),
        metadata.close(),
      ]);
      await Promise.all([google.close(), github.close()]);
    },
  };
}
