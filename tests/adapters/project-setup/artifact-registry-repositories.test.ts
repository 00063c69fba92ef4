/**
 * ArtifactRegistryRepositories (the real RepositoryRegistry) against the Artifact Registry
 * emulator through the real @google-cloud/artifact-registry client (REST fallback), and one
 * `setup gcp` (observe, plan, apply) with it in place of FakeRepositories.
 */
// The very module '#google-cloud' re-exports (see tests/emulators/artifact-registry.test.ts:
// importing it through '#google-cloud' loads the bundle's aiplatform clients too, slowly).
import { ArtifactRegistryClient } from '@google-cloud/artifact-registry/build/src/v1/artifact_registry_client.js';
import { OAuth2Client } from 'google-auth-library';
import { afterEach, describe, expect, it } from 'vitest';
import { addMembers } from '../../../src/core/gcp-setup/iam-policy.js';
import { ArtifactRegistryRepositories } from '../../../src/adapters/gcp/project-setup/artifact-registry-repositories.js';
import {
  deniedPermission,
  httpStatus,
  isNotFound,
  isPermissionDenied,
  isStalePolicy,
  roleFor,
} from '../../../src/adapters/gcp/project-setup/google-errors.js';
import {
  startArtifactRegistryEmulator,
  type ArtifactRegistryEmulator,
} from '../../emulators/artifact-registry.js';
import {
  startGcpSetupEmulators,
  type GcpSetupEmulators,
} from '../../emulators/gcp-setup-emulators.js';
import { clientsFor, CONFIG, DESIRED, PROJECT_NUMBER, setupSteps } from './fixtures.js';

/** gax ships its own google-auth-library, so the AuthClient types differ; at runtime any works. */
type ClientOptions = NonNullable<ConstructorParameters<typeof ArtifactRegistryClient>[0]>;

const PROJECT = CONFIG.projectId;
const REGION = CONFIG.region;
const PARENT = `projects/${PROJECT}/locations/${REGION}`;
const OWNER = { role: 'roles/owner', members: ['user:setup@example.com'] };
const READER = { role: 'roles/artifactregistry.reader', member: 'user:reader@example.com' };

let emulator: ArtifactRegistryEmulator | undefined;
let registry: ArtifactRegistryRepositories | undefined;
let gcp: GcpSetupEmulators | undefined;
/** Permission the emulator refuses, when set. */
let denied: string | undefined;

afterEach(async () => {
  await registry?.close();
  await emulator?.close();
  await gcp?.close();
  registry = undefined;
  emulator = undefined;
  gcp = undefined;
  denied = undefined;
});

async function start(): Promise<{
  emulator: ArtifactRegistryEmulator;
  registry: ArtifactRegistryRepositories;
}> {
  emulator = await startArtifactRegistryEmulator({
    project: PROJECT,
    projectNumber: PROJECT_NUMBER,
    region: REGION,
    validateToken: (token) => ({ ok: true, principal: `user:${token}@example.com` }),
    authorize: ({ permission }) => permission !== denied,
  });
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: 'setup-token' });
  const client = new ArtifactRegistryClient(
    emulator.clientOptions(auth) as unknown as ClientOptions,
  );
  registry = new ArtifactRegistryRepositories(client);
  return { emulator, registry };
}

async function failureOf(work: Promise<unknown>): Promise<unknown> {
  return work.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error,
  );
}

describe('ArtifactRegistryRepositories', () => {
  it('creates DOCKER and KFP repositories and reads their formats', async () => {
    const { emulator, registry } = await start();
    const images = `${PARENT}/repositories/images`;
    const pipelines = `${PARENT}/repositories/pipelines`;
    expect(await registry.format(images)).toBeUndefined();

    await registry.create(images, { repositoryId: 'images', format: 'DOCKER' });
    await registry.create(pipelines, { repositoryId: 'pipelines', format: 'KFP' });

    expect(await registry.format(images)).toBe('DOCKER');
    expect(await registry.format(pipelines)).toBe('KFP');
    expect(emulator.repository('images', REGION)?.format).toBe('DOCKER');
    expect(emulator.repository('pipelines', REGION)?.format).toBe('KFP');
    // The create operation was polled to its end.
    expect(emulator.calls().getOperation).toBeGreaterThanOrEqual(2);

    // Created again: 409 ALREADY_EXISTS, which apply takes as done (not as a stale policy).
    const again = await failureOf(
      registry.create(images, { repositoryId: 'images', format: 'DOCKER' }),
    );
    expect(httpStatus(again)).toBe(409);
    expect(isStalePolicy(again)).toBe(false);
  });

  it('adds a reader binding, redoing the write refused for a stale etag', async () => {
    const { emulator, registry } = await start();
    const name = `${PARENT}/repositories/images`;
    await registry.create(name, { repositoryId: 'images', format: 'DOCKER' });

    const empty = await registry.getIamPolicy(name);
    expect(empty.bindings).toBeUndefined();
    expect(empty.etag).toMatch(/^[A-Za-z0-9+/]+=*$/);

    emulator.concurrentPolicyEditNext(name);
    const first = addMembers(empty, [READER]);
    if (!first) throw new Error('nothing to add');
    const stale = await failureOf(registry.setIamPolicy(name, first));
    expect(httpStatus(stale)).toBe(409);
    expect(isStalePolicy(stale)).toBe(true);

    const fresh = await registry.getIamPolicy(name);
    expect(fresh.etag).not.toBe(empty.etag);
    const second = addMembers(fresh, [READER]);
    if (!second) throw new Error('nothing to add');
    const written = await registry.setIamPolicy(name, second);
    expect(written.etag).not.toBe(fresh.etag);

    const read = await registry.getIamPolicy(name);
    expect(read.etag).toBe(written.etag);
    expect(read.bindings).toEqual(
      expect.arrayContaining([
        { role: READER.role, members: [READER.member] },
        { role: 'roles/viewer', members: ['user:someone-else@example.com'] },
      ]),
    );
    expect(emulator.repositoryPolicy(name).bindings).toEqual(read.bindings);
  });

  it('keeps conditional bindings through a read and write (policy version 3)', async () => {
    const { registry } = await start();
    const name = `${PARENT}/repositories/images`;
    await registry.create(name, { repositoryId: 'images', format: 'DOCKER' });
    const condition = {
      expression: 'request.time < timestamp("2030-01-01T00:00:00Z")',
      title: 'until 2030',
    };
    const policy = await registry.getIamPolicy(name);
    await registry.setIamPolicy(name, {
      ...policy,
      version: 3,
      bindings: [{ role: READER.role, members: [READER.member], condition }],
    });
    const read = await registry.getIamPolicy(name);
    expect(read.version).toBe(3);
    expect(read.bindings).toEqual([{ role: READER.role, members: [READER.member], condition }]);
  });

  it('answers 404 for a missing repository and 403 naming the permission', async () => {
    const { registry } = await start();
    const missing = await failureOf(registry.getIamPolicy(`${PARENT}/repositories/none`));
    expect(isNotFound(missing)).toBe(true);

    const name = `${PARENT}/repositories/images`;
    await registry.create(name, { repositoryId: 'images', format: 'DOCKER' });
    denied = 'artifactregistry.repositories.setIamPolicy';
    const refused = await failureOf(registry.setIamPolicy(name, await registry.getIamPolicy(name)));
    expect(isPermissionDenied(refused)).toBe(true);
    expect(deniedPermission(refused)).toBe('artifactregistry.repositories.setIamPolicy');
    expect(roleFor('artifactregistry.repositories.setIamPolicy')).toBeDefined();
  });
});

describe('setup gcp with the real repository registry', () => {
  it('creates the repositories and grants on them; a second run plans nothing', async () => {
    const { emulator, registry } = await start();
    gcp = await startGcpSetupEmulators({
      projects: [{ projectId: PROJECT, projectNumber: PROJECT_NUMBER, bindings: [OWNER] }],
    });
    const clients = await clientsFor(gcp);
    const retries: string[] = [];
    const { setup } = setupSteps(clients, registry, retries);

    // Someone edits the first repository policy setup writes: it re-reads and keeps both.
    emulator.concurrentPolicyEditNext();
    const first = await setup();
    expect(first.actions.map((a) => a.method)).toContain('projects.locations.repositories.create');
    expect(
      retries.some((line) => line.includes('/repositories/') && line.includes('changed')),
    ).toBe(true);

    for (const repository of DESIRED.repositories)
      expect(await registry.format(repository.name)).toBeDefined();
    // Every binding on a repository is granted, but the Custom Code agent's: it is granted only
    // once the agent exists (not in an empty project).
    const missing = DESIRED.bindings.filter(
      (wanted) =>
        wanted.resource.includes('/repositories/') &&
        wanted.principal !== 'vertex-code-agent' &&
        !(emulator.repositoryPolicy(wanted.resource).bindings ?? []).some(
          (b) => b.role === wanted.role && b.members.includes(wanted.member),
        ),
    );
    expect(missing).toEqual([]);
    expect(DESIRED.bindings.some((b) => b.resource.includes('/repositories/'))).toBe(true);
    expect([...emulator.repositories.values()].map((r) => r.format).sort()).toEqual([
      'DOCKER',
      'KFP',
    ]);

    const writes = () =>
      emulator.calls().createRepository + emulator.calls().setRepositoryIamPolicy;
    const before = writes();
    expect((await setup()).actions).toEqual([]);
    expect(writes()).toBe(before);
  });
});
