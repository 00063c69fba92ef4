import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SubprocessExecutor } from '../../src/adapters/local-runner/executors.js';
import {
  startArtifactRegistryEmulator,
  type ArtifactRegistryEmulator,
} from '../emulators/artifact-registry.js';
import { SETUP_DEFAULTS, serviceAccountEmail } from '../../src/core/gcp-setup/setup-inputs.js';
import {
  startAuthEmulators,
  type AuthEmulatorsBase,
  type AuthEmulatorsConfig,
} from '../emulators/auth-emulators.js';
import {
  setupEndpointEnv,
  startGcpSetupEmulators,
  type GcpSetupEmulators,
} from '../emulators/gcp-setup-emulators.js';
import { principalForSubject, principalSetForAttribute } from '../emulators/google-sts.js';
import { WORKLOAD_IDENTITY_USER } from '../emulators/iam-credentials.js';
import { worldAuthorizer } from '../emulators/world-identity.js';
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
  /** GitHub's numeric ids of the repository and its owner: the API's and the tokens' claims. */
  readonly githubIds: { readonly repositoryId: string; readonly repositoryOwnerId: string };
  /** `google.serviceAccount` is the training account; this one only production may act as. */
  readonly google: AuthEmulatorsBase;
  /**
   * `googleProject: 'empty'`: the set-up emulators (IAM, Resource Manager, Service Usage,
   * buckets) whose world the auth emulators, Vertex AI and Cloud Storage read. Undefined otherwise.
   */
  readonly gcp: GcpSetupEmulators | undefined;
  /** The project Owner's access token (`googleProject: 'empty'`), for `mlops setup gcp`. */
  readonly adminToken: string;
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
  /**
   * `seeded` (default): Google Cloud is set up by hand, the auth emulators hold the provider and
   * the two accounts. `empty`: project acme-ml (123456789012) exists with only its owner
   * (user:setup@example.com, the set-up emulators' default caller) and no API enabled, for
   * `mlops setup gcp` to fill; authentication, Vertex AI's pipelineJobs.create and actAs, and
   * the buckets then follow what it made.
   */
  readonly googleProject?: 'seeded' | 'empty';
}

const PROJECT = { projectId: 'acme-ml', projectNumber: '123456789012' };
/** The repository's ids on GitHub (any fixed pair: the GitHub API and its tokens agree on it). */
const GITHUB_IDS = { repositoryId: 260064828, repositoryOwnerId: 1342004 };
/** What Vertex AI checks against the world: pipelineJobs.create and running as an account. */
const VERTEX_ENFORCED = ['aiplatform.pipelineJobs.create', 'iam.serviceAccounts.actAs'];
/** The Owner's token (GOOGLE_OAUTH_ACCESS_TOKEN of `mlops setup gcp`); the world's default caller. */
const ADMIN = { token: 'ya29.a0-journey-project-owner', member: 'user:setup@example.com' };

export async function startJourneyCloud(options: JourneyCloudOptions): Promise<JourneyCloud> {
  const [owner = '', name = ''] = options.repository.split('/');
  // One request log for every service, so a test can see which credential reached which.
  const requests = new RequestLog();
  const github = await startGitHubApiEmulator({
    repositories: [
      {
        owner,
        name,
        id: GITHUB_IDS.repositoryId,
        ownerId: GITHUB_IDS.repositoryOwnerId,
        environments: [...options.environments],
      },
    ],
    orgs: [owner],
    tokens: { ...options.tokens },
    requests,
  });
  const githubIds = {
    repositoryId: String(GITHUB_IDS.repositoryId),
    repositoryOwnerId: String(GITHUB_IDS.repositoryOwnerId),
  };
  // The deploy account of docs/google-cloud.md (setup's name), which only production may act as.
  // Artifact Registry takes the accounts' access tokens as the registry password.
  const deployServiceAccount = serviceAccountEmail(
    SETUP_DEFAULTS.deployServiceAccount,
    PROJECT.projectId,
  );
  const federation = {
    requests,
    repository: options.repository,
    github: githubIds,
    serviceAccountTokenValue: TEST_REGISTRY.password,
  };
  const gcp =
    options.googleProject === 'empty'
      ? await startGcpSetupEmulators({
          projects: [
            {
              ...PROJECT,
              bindings: [{ role: 'roles/owner', members: [ADMIN.member] }],
            },
          ],
          requests,
        })
      : undefined;
  const google = gcp
    ? await startAuthEmulators({
        ...federation,
        world: { world: gcp.world, projectId: PROJECT.projectId },
        clock: gcp.clock,
        faults: gcp.faults,
      })
    : await startHandConfiguredGoogle(federation, options.repository, deployServiceAccount);
  const shared = { clock: google.clock, faults: google.faults, requests: google.requests };
  const metadata = await startMetadataServer(shared);
  const validateToken = (token: string) => {
    if (gcp && token === ADMIN.token) return { ok: true as const, principal: ADMIN.member };
    const workflow = google.validateAccessToken(token);
    if (workflow.ok) return { ok: true as const, principal: workflow.principal };
    return metadata.validateAccessToken(token);
  };
  if (gcp) {
    gcp.world.callers.set(ADMIN.token, ADMIN.member);
    // The workflows' service-account tokens reach IAM and Resource Manager too (doctor).
    gcp.world.identify = (token) => {
      const found = google.validateAccessToken(token);
      return found.ok ? found.principal : undefined;
    };
  }
  const executor = new RegistryImageExecutor(new SubprocessExecutor({ python: PYTHON }));
  const vertex = await startVertexEmulator({
    ...shared,
    validateToken,
    ...(gcp ? { authorize: worldAuthorizer(gcp.world, VERTEX_ENFORCED) } : {}),
    python: PYTHON,
    workdir: options.pipelines,
    executor,
    predictionServer: servingImageContainers(options.dockerConfig),
  });
  const artifactRegistry = await startArtifactRegistryEmulator({ ...shared, validateToken });
  const fuseRoot = path.dirname(path.dirname(vertex.localPath('gs://bucket/object')));
  // Over the Vertex emulator's storage: deploy hashes the model a pipeline wrote there.
  // With the world, the bucket API is served here too: setup and pipelines share one endpoint.
  const storage = await startCloudStorageEmulator({
    ...shared,
    validateToken,
    folder: fuseRoot,
    ...(gcp ? { world: gcp.world } : {}),
  });
  // Pipeline tasks are this process's children: what a Vertex workload finds in its VM.
  Object.assign(process.env, {
    GCE_METADATA_HOST: metadata.host,
    MLOPS_VERTEX_ENDPOINT: vertex.endpoint.url,
    MLOPS_STORAGE_ENDPOINT: storage.url,
    MLOPS_GCS_FUSE_ROOT: fuseRoot,
  });
  return {
    github,
    githubIds,
    google,
    gcp,
    adminToken: ADMIN.token,
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
      // With an emulated project, setup and doctor reach its IAM, Resource Manager and Service
      // Usage; Cloud Storage (objects and buckets) is the one below.
      ...(gcp ? setupEndpointEnv(gcp) : {}),
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
      await Promise.all([google.close(), github.close(), gcp?.close()]);
    },
  };
}

/**
 * Google Cloud set up by hand: the auth emulators hold the provider and the two accounts of
 * docs/google-cloud.md, the repository's training account and production's deploy account.
 */
function startHandConfiguredGoogle(
  federation: AuthEmulatorsConfig,
  repository: string,
  deployServiceAccount: string,
) {
  const trainingServiceAccount = serviceAccountEmail(
    SETUP_DEFAULTS.trainingServiceAccount,
    PROJECT.projectId,
  );
  const pool = { projectNumber: PROJECT.projectNumber, pool: 'github' };
  return startAuthEmulators({
    ...federation,
    ...pool,
    serviceAccount: trainingServiceAccount,
    serviceAccounts: [
      {
        email: trainingServiceAccount,
        bindings: [
          {
            role: WORKLOAD_IDENTITY_USER,
            members: [
              principalSetForAttribute(pool.projectNumber, pool.pool, 'repository', repository),
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
                `repo:${repository}:environment:production`,
              ),
            ],
          },
        ],
      },
    ],
  });
}
