import {
  startArtifactRegistryEmulator,
  type ArtifactRegistryEmulator,
} from '../emulators/artifact-registry.js';
import {
  setupEndpointEnv,
  startGcpSetupEmulators,
  type GcpSetupEmulators,
} from '../emulators/gcp-setup-emulators.js';
import { startGitHubApiEmulator, type GitHubApiEmulator } from '../emulators/github-api.js';

/**
 * What `setup gcp` talks to, for tests of the command and its action: an empty project (only
 * its Owner, no API enabled) in the IAM, Resource Manager, Service Usage and Storage emulators,
 * Artifact Registry, and GitHub with the repository acme/ml and a token that may write its
 * variables. `env` points the product at them, signed in as the Owner.
 */
export interface EmptyProject {
  readonly gcp: GcpSetupEmulators;
  readonly registry: ArtifactRegistryEmulator;
  readonly github: GitHubApiEmulator;
  readonly env: NodeJS.ProcessEnv;
  close(): Promise<void>;
}

export const EMPTY_PROJECT = {
  projectId: 'acme-ml',
  projectNumber: '123456789012',
  region: 'us-central1',
  owner: { token: 'ya29.a0-project-owner', member: 'user:setup@example.com' },
  /** GitHub's ids of acme/ml and its owner. */
  repositoryId: 4242,
  repositoryOwnerId: 9001,
  /** A token that may write acme/ml's variables. */
  githubToken: 'github_pat_project_variables_0123456789',
} as const;

export async function startEmptyProject(): Promise<EmptyProject> {
  const { projectId, projectNumber, region, owner } = EMPTY_PROJECT;
  const gcp = await startGcpSetupEmulators({
    projects: [
      { projectId, projectNumber, bindings: [{ role: 'roles/owner', members: [owner.member] }] },
    ],
    callers: { [owner.token]: owner.member },
  });
  const registry = await startArtifactRegistryEmulator({
    project: projectId,
    projectNumber,
    region,
    validateToken: (token) =>
      token === owner.token
        ? { ok: true, principal: owner.member }
        : { ok: false, reason: 'unknown' },
  });
  const github = await startGitHubApiEmulator({
    repositories: [
      {
        owner: 'acme',
        name: 'ml',
        id: EMPTY_PROJECT.repositoryId,
        ownerId: EMPTY_PROJECT.repositoryOwnerId,
        environments: ['production'],
      },
    ],
    tokens: {
      [EMPTY_PROJECT.githubToken]: { kind: 'pat', permissions: { variables: 'write' } },
    },
  });
  return {
    gcp,
    registry,
    github,
    env: {
      ...setupEndpointEnv(gcp),
      MLOPS_ARTIFACTREGISTRY_ENDPOINT: registry.endpoint.url,
      GOOGLE_OAUTH_ACCESS_TOKEN: owner.token,
      GITHUB_API_URL: github.url,
    },
    close: async () => {
      await Promise.all([gcp.close(), registry.close(), github.close()]);
    },
  };
}
