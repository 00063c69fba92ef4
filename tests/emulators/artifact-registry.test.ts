import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
// The very module '#google-cloud' re-exports (checked below). Importing it through
// '#google-cloud' costs ~18 s under vitest, which loads the bundle's aiplatform clients too.
import { ArtifactRegistryClient } from '@google-cloud/artifact-registry/build/src/v1/artifact_registry_client.js';
import { OAuth2Client } from 'google-auth-library';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/paths.js';
import { Clock, FaultInjector, RequestLog } from './http-server.js';
import {
  LRO_TYPES,
  REPOSITORY_FORMATS,
  REPOSITORY_MODES,
  startArtifactRegistryEmulator,
  VERSION_VIEWS,
  type ArtifactRegistryEmulator,
} from './artifact-registry.js';
import { failure } from '../helpers/google-calls.js';

/** google-gax ships its own google-auth-library, so the AuthClient types differ; at runtime any works. */
type ClientOptions = NonNullable<ConstructorParameters<typeof ArtifactRegistryClient>[0]>;

const TOKEN = 'test-token';
let registry: ArtifactRegistryEmulator;
let client: ArtifactRegistryClient;
/** Permission the emulator's authorize callback refuses, when set. */
let denied: string | undefined;

function tokenClient(token: string): OAuth2Client {
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: token });
  return auth;
}

function newClient(token: string): ArtifactRegistryClient {
  // Through unknown: gax's own google-auth-library types differ from the top-level package's.
  return new ArtifactRegistryClient(
    registry.clientOptions(tokenClient(token)) as unknown as ClientOptions,
  );
}

/** A compiled-pipeline-like YAML (non-ASCII on purpose: bytes must round-trip). */
function pipelineYaml(name: string, marker: string): string {
  return [
    '# PIPELINE DEFINITION',
    `# Name: ${name}`,
    'components:',
    '  comp-echo:',
    '    executorLabel: exec-echo',
    'deploymentSpec:',
    '  executors:',
    '    exec-echo:',
    '      container:',
    '        image: busybox',
    `        command: [echo, "${marker} — ünïcode"]`,
    'pipelineInfo:',
    `  name: ${name}`,
    `  description: The ${name} pipeline`,
    'root:',
    '  dag:',
    '    tasks:',
    '      echo:',
    '        componentRef: {name: comp-echo}',
    '        taskInfo: {name: echo}',
    "schemaVersion: '2.1.0'",
    "sdkVersion: 'kfp-2.14.0'",
    '',
  ].join('\n');
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** POST the way kfp's RegistryClient.upload_pipeline does: form field `tags`, file `content`. */
async function upload(
  content: string,
  tags: string[] = [],
  { repository = 'pipelines', token = TOKEN }: { repository?: string; token?: string | null } = {},
): Promise<Response> {
  const form = new FormData();
  if (tags.length > 0) form.append('tags', tags.join(','));
  form.append('content', new Blob([content]), 'pipeline.yaml');
  return fetch(registry.kfpRepositoryUrl(repository), {
    method: 'POST',
    body: form,
    headers: token === null ? {} : { authorization: `Bearer ${token}` },
  });
}

async function download(pkg: string, ref: string, token: string | null = TOKEN): Promise<Response> {
  return fetch(`${registry.kfpRepositoryUrl('pipelines')}/${pkg}/${ref}`, {
    headers: token === null ? {} : { authorization: `Bearer ${token}` },
  });
}

function packageName(pkg: string, repository = 'pipelines'): string {
  return `${registry.parent}/repositories/${repository}/packages/${pkg}`;
}

/** The `status` of the Google error body gax 5.0.8 leaves, raw, in the Error message. */
function rpcStatusOf(error: unknown): string | undefined {
  try {
    return (JSON.parse((error as Error).message) as { error: { status: string } }).error.status;
  } catch {
    return undefined;
  }
}

beforeAll(async () => {
  registry = await startArtifactRegistryEmulator({
    repositories: [
      { id: 'pipelines', format: 'KFP', description: 'Pipeline templates' },
      { id: 'images', format: 'DOCKER' },
    ],
    validateToken: (token) =>
      token === 'expired-token'
        ? { ok: false, reason: 'expired' }
        : { ok: true, principal: `user:${token}@example.com` },
    authorize: ({ permission }) => permission !== denied,
  });
  client = newClient(TOKEN);
});
afterAll(async () => {
  await client.close();
  await registry.close();
});
afterEach(() => {
  registry.faults.clear();
  denied = undefined;
});

// ---------------------------------------------------------------------------------------------

describe('wire format', () => {
  it('uses the client module the product loads through #google-cloud', async () => {
    const vendor = await readFile(path.join(REPO_ROOT, 'src/vendor/google-cloud.ts'), 'utf8');
    expect(vendor).toContain(
      "export { ArtifactRegistryClient } from '@google-cloud/artifact-registry/build/src/v1/artifact_registry_client.js';",
    );
  });

  it('numbers its enums and names its LRO types like the client protos do', async () => {
    const protos = JSON.parse(
      await readFile(
        path.join(
          REPO_ROOT,
          'node_modules/@google-cloud/artifact-registry/build/protos/protos.json',
        ),
        'utf8',
      ),
    ) as { nested: Record<string, unknown> };
    const at = (root: unknown, ...names: string[]): Record<string, unknown> =>
      names.reduce(
        (node, name) => (node as { nested: Record<string, unknown> }).nested[name],
        root,
      ) as Record<string, unknown>;
    const v1 = at(protos, 'google', 'devtools', 'artifactregistry', 'v1');
    const values = (node: Record<string, unknown>) => node.values as Record<string, number>;
    expect(values(at(v1, 'Repository', 'Format'))).toEqual(REPOSITORY_FORMATS);
    const modes = values(at(v1, 'Repository', 'Mode'));
    expect(REPOSITORY_MODES.map((mode) => modes[mode])).toEqual([0, 1, 2, 3]);
    const views = values(at(v1, 'VersionView'));
    expect(VERSION_VIEWS.map((view) => views[view])).toEqual([0, 1, 2]);
    // The Any type URLs name messages the client can decode.
    expect(at(v1, 'Repository')).toHaveProperty('fields.format');
    expect(at(v1, 'OperationMetadata')).toBeDefined();
    expect(LRO_TYPES.repository).toBe(
      'type.googleapis.com/google.devtools.artifactregistry.v1.Repository',
    );
    const methods = at(v1, 'ArtifactRegistry').methods as Record<
      string,
      { options: Record<string, string> }
    >;
    expect(
      methods.CreateRepository?.options['(google.longrunning.operation_info).response_type'],
    ).toBe('google.devtools.artifactregistry.v1.Repository');
    expect(methods.GetVersion?.options['(google.api.http).get']).toBe(
      '/v1/{name=projects/*/locations/*/repositories/*/packages/*/versions/*}',
    );
    expect(methods.UpdateTag?.options['(google.api.http).patch']).toBe(
      '/v1/{tag.name=projects/*/locations/*/repositories/*/packages/*/tags/*}',
    );
  });

  it('receives the REST calls the client makes: int enums, escaped ids, bearer token', async () => {
    await client.getRepository({ name: `${registry.parent}/repositories/pipelines` });
    const version = `${packageName('absent')}/versions/sha256:${'0'.repeat(64)}`;
    await failure(client.getVersion({ name: version, view: 'FULL' }));
    const log = registry.requests.filter({ server: 'artifactregistry' }).slice(-2);
    expect(log.map((entry) => [entry.route, entry.method, entry.path, entry.query])).toEqual([
      [
        'artifactregistry.getRepository',
        'GET',
        `/v1/${registry.parent}/repositories/pipelines`,
        { $alt: 'json;enum-encoding=int' },
      ],
      [
        'artifactregistry.getVersion',
        'GET',
        `/v1/${packageName('absent')}/versions/sha256%3A${'0'.repeat(64)}`,
        { view: '2', $alt: 'json;enum-encoding=int' },
      ],
    ]);
    expect(log[0]?.headers.authorization).toMatch(/^Bearer <redacted:[0-9a-f]{12}>$/);
    expect(log[0]?.headers['x-goog-api-client']).toMatch(/\brest\/5\./);
  });

  it('answers enums as ints only when the request asks for them', async () => {
    const url = `${registry.endpoint.url}/v1/${registry.parent}/repositories/pipelines`;
    const headers = { authorization: `Bearer ${TOKEN}` };
    const named = (await (await fetch(url, { headers })).json()) as Record<string, unknown>;
    const ints = (await (
      await fetch(`${url}?$alt=json%3Benum-encoding=int`, { headers })
    ).json()) as Record<string, unknown>;
    expect([named.format, named.mode]).toEqual(['KFP', 'STANDARD_REPOSITORY']);
    expect([ints.format, ints.mode]).toEqual([9, 1]);
    expect(named).toMatchObject({
      name: `${registry.parent}/repositories/pipelines`,
      description: 'Pipeline templates',
      registryUri: `us-central1-kfp.pkg.dev/${registry.project}/pipelines`,
      sizeBytes: expect.stringMatching(/^\d+$/) as unknown,
    });
  });
});

describe('the kfp host', () => {
  it('stores an upload under pipelineInfo.name and answers "<package>/sha256:<hex>"', async () => {
    const content = pipelineYaml('hello-world', 'one');
    const response = await upload(content, ['v1', 'latest']);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toBe(`hello-world/sha256:${sha256(content)}`);
    // kfp splits the answer on "/" into (package, version).
    expect(text.split('/')).toEqual(['hello-world', `sha256:${sha256(content)}`]);

    const version = registry.repository('pipelines')?.packages.get('hello-world')?.resolve('v1');
    expect(version?.text).toBe(content);
    expect(version?.tags).toEqual(['latest', 'v1']);
    expect(version?.description).toBe('The hello-world pipeline');
    const entry = registry.requests.filter({ route: 'kfp.upload' }).at(-1);
    expect(entry?.path).toBe(`/${registry.project}/pipelines`);
    expect(entry?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(entry?.headers.authorization).toMatch(/^Bearer <redacted:/);
  });

  it('keeps one version per content, adding and moving tags', async () => {
    const first = pipelineYaml('versioned', 'first');
    const second = pipelineYaml('versioned', 'second');
    const v1 = `sha256:${sha256(first)}`;
    const v2 = `sha256:${sha256(second)}`;

    expect(await (await upload(first, ['latest', 'stable'])).text()).toBe(`versioned/${v1}`);
    // The same bytes again: the same version, one more tag.
    expect(await (await upload(first, ['rc'])).text()).toBe(`versioned/${v1}`);
    // New bytes: a new version; `latest` moves to it, `stable` and `rc` stay.
    expect(await (await upload(second, ['latest'])).text()).toBe(`versioned/${v2}`);

    const pkg = packageName('versioned');
    const [versions] = await client.listVersions({ parent: pkg, view: 'FULL' });
    expect(versions.map((v) => v.name)).toEqual([`${pkg}/versions/${v1}`, `${pkg}/versions/${v2}`]);
    const tagsOf = (name: string) =>
      (versions.find((v) => v.name === `${pkg}/versions/${name}`)?.relatedTags ?? [])
        .map((tag) => tag.name)
        .sort();
    expect(tagsOf(v1)).toEqual([`${pkg}/tags/rc`, `${pkg}/tags/stable`]);
    expect(tagsOf(v2)).toEqual([`${pkg}/tags/latest`]);
    expect(versions[0]?.createTime?.seconds).toMatch(/^\d+$/);
    expect(versions[0]?.description).toBe('The versioned pipeline');

    // BASIC (the default view) leaves the related tags out.
    const [basic] = await client.listVersions({ parent: pkg });
    expect(basic.every((v) => (v.relatedTags ?? []).length === 0)).toBe(true);

    const [tags] = await client.listTags({ parent: pkg });
    expect(Object.fromEntries(tags.map((t) => [t.name, t.version]))).toEqual({
      [`${pkg}/tags/latest`]: `${pkg}/versions/${v2}`,
      [`${pkg}/tags/rc`]: `${pkg}/versions/${v1}`,
      [`${pkg}/tags/stable`]: `${pkg}/versions/${v1}`,
    });
    const [latest] = await client.getTag({ name: `${pkg}/tags/latest` });
    expect(latest.version).toBe(`${pkg}/versions/${v2}`);
    const [filtered] = await client.listTags({
      parent: pkg,
      filter: `version="${pkg}/versions/${v1}"`,
    });
    expect(filtered.map((t) => t.name)).toEqual([`${pkg}/tags/rc`, `${pkg}/tags/stable`]);

    const state = registry.repository('pipelines')?.packages.get('versioned');
    expect([...(state?.versions.keys() ?? [])]).toEqual([v1, v2]);
    expect(state?.versions.get(v1)?.uploads).toBe(2);
    expect(state?.versions.get(v2)?.sha256).toBe(sha256(second));
  });

  it('serves the uploaded bytes by tag and by digest', async () => {
    const content = pipelineYaml('downloadable', 'bytes');
    await upload(content, ['prod']);
    const digest = `sha256:${sha256(content)}`;
    const byTag = await download('downloadable', 'prod');
    const byDigest = await download('downloadable', digest);
    const byEscapedDigest = await download('downloadable', encodeURIComponent(digest));
    expect([byTag.status, byDigest.status, byEscapedDigest.status]).toEqual([200, 200, 200]);
    const bytes = [
      Buffer.from(await byTag.arrayBuffer()),
      Buffer.from(await byDigest.arrayBuffer()),
      Buffer.from(await byEscapedDigest.arrayBuffer()),
    ];
    for (const body of bytes) expect(body.equals(Buffer.from(content))).toBe(true);
    expect((await download('downloadable', 'no-such-tag')).status).toBe(404);
    expect((await download('no-such-package', 'prod')).status).toBe(404);
  });

  it('refuses uploads to a missing or non-KFP repository, and files that are not pipelines', async () => {
    const content = pipelineYaml('refused', 'x');
    const missing = await upload(content, [], { repository: 'nope' });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 404, status: 'NOT_FOUND' } });
    const docker = await upload(content, [], { repository: 'images' });
    expect(docker.status).toBe(400);
    expect(await docker.json()).toMatchObject({ error: { status: 'INVALID_ARGUMENT' } });
    const notPipeline = await upload('just: a mapping\n');
    expect(notPipeline.status).toBe(400);
    expect(((await notPipeline.json()) as { error: { message: string } }).error.message).toMatch(
      /pipelineInfo\.name/,
    );
    const badTag = await upload(content, ['sha256:nope']);
    expect(badTag.status).toBe(400);
    const notMultipart = await fetch(registry.kfpRepositoryUrl('pipelines'), {
      method: 'POST',
      body: content,
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/x-yaml' },
    });
    expect(notMultipart.status).toBe(400);
    expect(registry.repository('pipelines')?.packages.has('refused')).toBe(false);
  });

  it('needs a bearer token (401) and the upload/download permissions (403)', async () => {
    const content = pipelineYaml('guarded', 'x');
    const anonymous = await upload(content, [], { token: null });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: { status: 'UNAUTHENTICATED' } });
    expect((await upload(content, [], { token: 'expired-token' })).status).toBe(401);

    denied = 'artifactregistry.repositories.uploadArtifacts';
    const forbidden = await upload(content);
    expect(forbidden.status).toBe(403);
    expect(((await forbidden.json()) as { error: { message: string } }).error.message).toContain(
      `'artifactregistry.repositories.uploadArtifacts' denied on resource '//artifactregistry.googleapis.com/${registry.parent}/repositories/pipelines'`,
    );
    denied = undefined;
    expect((await upload(content, ['t'])).status).toBe(200);
    expect((await download('guarded', 't', null)).status).toBe(401);
    denied = 'artifactregistry.repositories.downloadArtifacts';
    expect((await download('guarded', 't')).status).toBe(403);
  });

  it('fails on demand with a Google error body and Retry-After', async () => {
    registry.faults.failNext(1, 503, { route: 'kfpUpload', retryAfterSeconds: 7 });
    const content = pipelineYaml('flaky', 'x');
    const failed = await upload(content);
    expect(failed.status).toBe(503);
    expect(failed.headers.get('retry-after')).toBe('7');
    expect(await failed.json()).toEqual({
      error: { code: 503, message: 'The service is currently unavailable.', status: 'UNAVAILABLE' },
    });
    expect(registry.repository('pipelines')?.packages.has('flaky')).toBe(false);
    expect((await upload(content)).status).toBe(200);
    expect(registry.faults.injector.pendingFailures()).toBe(0);
    const [faulted, retried] = registry.requests.filter({ route: 'kfp.upload' }).slice(-2);
    expect([faulted?.injectedFault, faulted?.status, retried?.status]).toEqual([503, 503, 200]);
  });
});

describe('templateUri', () => {
  it('resolves the public URI of a version by digest and by tag', async () => {
    const content = pipelineYaml('scheduled', 'template');
    await upload(content, ['v3']);
    const digest = `sha256:${sha256(content)}`;
    const base = `${registry.publicKfpHost}/${registry.project}/pipelines/scheduled`;
    expect(registry.publicKfpHost).toBe('https://us-central1-kfp.pkg.dev');
    expect(await registry.resolveTemplate(`${base}/${digest}`)).toBe(content);
    expect(await registry.resolveTemplate(`${base}/v3`)).toBe(content);
    expect(registry.lookupTemplate(`${base}/v3`)).toMatchObject({
      versionId: digest,
      pinnedUri: `${base}/${digest}`,
    });
    // The loopback form works too, and toLoopbackUrl maps one to the other.
    expect(await registry.resolveTemplate(registry.toLoopbackUrl(`${base}/v3`))).toBe(content);
    expect(registry.toLoopbackUrl(`${base}/v3`)).toBe(
      `${registry.kfpBaseUrl}/${registry.project}/pipelines/scheduled/v3`,
    );
    expect(await registry.resolveTemplate(`${base}/no-such-tag`)).toBeUndefined();
    expect(
      await registry.resolveTemplate(`${base.replace('pipelines', 'images')}/v3`),
    ).toBeUndefined();
    expect(
      await registry.resolveTemplate(
        `https://europe-west4-kfp.pkg.dev/${registry.project}/pipelines/scheduled/v3`,
      ),
    ).toBeUndefined();
  });

  it('takes templates without HTTP for other emulators to seed', async () => {
    const content = pipelineYaml('seeded', 'direct');
    const version = registry.uploadTemplate('pipelines', content, ['latest']);
    expect(version.id).toBe(`sha256:${sha256(content)}`);
    expect(
      await registry.resolveTemplate(
        `${registry.publicKfpRepositoryUrl('pipelines')}/seeded/latest`,
      ),
    ).toBe(content);
    expect(() => registry.uploadTemplate('images', content)).toThrow(/not a KFP repository/);
  });
});

describe('the Artifact Registry API', () => {
  it('creates a repository through a long-running operation', async () => {
    const [operation] = await client.createRepository({
      parent: registry.parent,
      repositoryId: 'team-templates',
      repository: { format: 'KFP', description: 'Team templates', labels: { team: 'ml' } },
    });
    expect(operation.name).toMatch(new RegExp(`^${registry.parent}/operations/[0-9a-f-]{36}$`));
    expect(operation.done).toBeFalsy();
    const [repository] = await operation.promise();
    // The LRO result is the decoded protobuf message: enums as ints, int64 as Long; toJSON()
    // gives the names and strings the other methods return.
    expect([repository.format, repository.mode]).toEqual([9, 1]);
    expect((repository as unknown as { toJSON(): unknown }).toJSON()).toMatchObject({
      name: `${registry.parent}/repositories/team-templates`,
      format: 'KFP',
      mode: 'STANDARD_REPOSITORY',
      description: 'Team templates',
      labels: { team: 'ml' },
      sizeBytes: '0',
    });
    const poll = registry.requests.filter({ route: 'artifactregistry.getOperation' }).at(-1);
    expect(poll?.path).toBe(`/v1/${operation.name}`);
    expect(poll?.query).toEqual({});

    const [fetched] = await client.getRepository({ name: repository.name ?? '' });
    expect(fetched.format).toBe('KFP');
    const [listed] = await client.listRepositories({ parent: registry.parent });
    expect(listed.map((r) => r.name)).toEqual([
      `${registry.parent}/repositories/images`,
      `${registry.parent}/repositories/pipelines`,
      `${registry.parent}/repositories/team-templates`,
    ]);
    // Uploads work at once.
    expect(
      (await upload(pipelineYaml('team', 'x'), [], { repository: 'team-templates' })).status,
    ).toBe(200);

    const duplicate = await failure(
      client.createRepository({
        parent: registry.parent,
        repositoryId: 'team-templates',
        repository: { format: 'KFP' },
      }),
    );
    expect(duplicate.code).toBe(409);
    expect(rpcStatusOf(duplicate)).toBe('ALREADY_EXISTS');
  });

  it('validates create requests and answers 404 for missing repositories', async () => {
    const badId = await failure(
      client.createRepository({
        parent: registry.parent,
        repositoryId: 'Bad_Id',
        repository: { format: 'KFP' },
      }),
    );
    expect(rpcStatusOf(badId)).toBe('INVALID_ARGUMENT');
    const noFormat = await failure(
      client.createRepository({
        parent: registry.parent,
        repositoryId: 'no-format',
        repository: {},
      }),
    );
    expect(rpcStatusOf(noFormat)).toBe('INVALID_ARGUMENT');
    const missing = await failure(
      client.getRepository({ name: `${registry.parent}/repositories/nope` }),
    );
    expect([missing.code, rpcStatusOf(missing)]).toEqual([404, 'NOT_FOUND']);
    const otherProject = await failure(
      client.getRepository({ name: 'projects/someone-else/locations/us-central1/repositories/x' }),
    );
    expect(rpcStatusOf(otherProject)).toBe('PERMISSION_DENIED');
  });

  it('gets packages and versions by escaped ids, and deletes them through operations', async () => {
    const first = pipelineYaml('deletable', 'a');
    const second = pipelineYaml('deletable', 'b');
    await upload(first, ['old']);
    await upload(second, ['latest']);
    const pkg = packageName('deletable');
    const v1 = `sha256:${sha256(first)}`;

    const [packageResource] = await client.getPackage({ name: pkg });
    expect(packageResource.name).toBe(pkg);
    const [packages] = await client.listPackages({
      parent: `${registry.parent}/repositories/pipelines`,
    });
    expect(packages.map((p) => p.name)).toContain(pkg);

    const [version] = await client.getVersion({ name: `${pkg}/versions/${v1}`, view: 'FULL' });
    expect(version.relatedTags?.map((t) => t.name)).toEqual([`${pkg}/tags/old`]);
    // Plain and percent-encoded ids reach the same version.
    const headers = { authorization: `Bearer ${TOKEN}` };
    const plain = await fetch(`${registry.endpoint.url}/v1/${pkg}/versions/${v1}`, { headers });
    const escaped = await fetch(
      `${registry.endpoint.url}/v1/${pkg}/versions/${encodeURIComponent(v1)}`,
      { headers },
    );
    expect([plain.status, escaped.status]).toEqual([200, 200]);
    expect(await plain.json()).toEqual(await escaped.json());

    // A tagged version needs force.
    const refused = await failure(client.deleteVersion({ name: `${pkg}/versions/${v1}` }));
    expect(rpcStatusOf(refused)).toBe('FAILED_PRECONDITION');
    const [deleteVersion] = await client.deleteVersion({
      name: `${pkg}/versions/${v1}`,
      force: true,
    });
    expect(deleteVersion.done).toBe(true);
    await deleteVersion.promise();
    const [tags] = await client.listTags({ parent: pkg });
    expect(tags.map((t) => t.name)).toEqual([`${pkg}/tags/latest`]);
    expect(registry.repository('pipelines')?.packages.get('deletable')?.versions.has(v1)).toBe(
      false,
    );

    const [deletePackage] = await client.deletePackage({ name: pkg });
    await deletePackage.promise();
    expect(rpcStatusOf(await failure(client.getPackage({ name: pkg })))).toBe('NOT_FOUND');
    expect((await download('deletable', 'latest')).status).toBe(404);
  });

  it('creates, moves and deletes tags', async () => {
    const first = pipelineYaml('tagged', 'a');
    const second = pipelineYaml('tagged', 'b');
    await upload(first);
    await upload(second);
    const pkg = packageName('tagged');
    const v1 = `${pkg}/versions/sha256:${sha256(first)}`;
    const v2 = `${pkg}/versions/sha256:${sha256(second)}`;

    const [created] = await client.createTag({ parent: pkg, tagId: 'prod', tag: { version: v1 } });
    expect(created).toMatchObject({ name: `${pkg}/tags/prod`, version: v1 });
    const create = registry.requests.filter({ route: 'artifactregistry.createTag' }).at(-1);
    expect(create?.query).toMatchObject({ tagId: 'prod' });
    const again = await failure(
      client.createTag({ parent: pkg, tagId: 'prod', tag: { version: v2 } }),
    );
    expect(rpcStatusOf(again)).toBe('ALREADY_EXISTS');

    const [moved] = await client.updateTag({
      tag: { name: `${pkg}/tags/prod`, version: v2 },
      updateMask: { paths: ['version'] },
    });
    expect(moved.version).toBe(v2);
    const update = registry.requests.filter({ route: 'artifactregistry.updateTag' }).at(-1);
    expect([update?.method, update?.query.updateMask, update?.body]).toEqual([
      'PATCH',
      'version',
      { version: v2 },
    ]);
    expect(Buffer.from(await (await download('tagged', 'prod')).arrayBuffer()).toString()).toBe(
      second,
    );

    await client.deleteTag({ name: `${pkg}/tags/prod` });
    expect(rpcStatusOf(await failure(client.getTag({ name: `${pkg}/tags/prod` })))).toBe(
      'NOT_FOUND',
    );
    const missingVersion = await failure(
      client.createTag({
        parent: pkg,
        tagId: 'x',
        tag: { version: `${pkg}/versions/sha256:${'1'.repeat(64)}` },
      }),
    );
    expect(rpcStatusOf(missingVersion)).toBe('NOT_FOUND');
  });

  it('pages lists', async () => {
    for (const marker of ['p1', 'p2', 'p3']) await upload(pipelineYaml('paged', marker));
    const parent = packageName('paged');
    const [firstPage, , firstResponse] = await client.listVersions(
      { parent, pageSize: 2 },
      { autoPaginate: false },
    );
    expect(firstPage).toHaveLength(2);
    expect(firstResponse?.nextPageToken).toBeTruthy();
    const [secondPage, , secondResponse] = await client.listVersions(
      { parent, pageSize: 2, pageToken: firstResponse?.nextPageToken ?? '' },
      { autoPaginate: false },
    );
    expect(secondPage).toHaveLength(1);
    expect(secondResponse?.nextPageToken ?? '').toBe('');
    const all: string[] = [];
    for await (const version of client.listVersionsAsync(
      { parent, pageSize: 2 },
      { autoPaginate: false },
    ))
      all.push(version.name ?? '');
    expect(all).toEqual([...firstPage, ...secondPage].map((v) => v.name));
    expect(
      registry.requests
        .filter({ route: 'artifactregistry.listVersions' })
        .slice(-2)
        .map((e) => e.query.pageToken !== undefined),
    ).toEqual([false, true]);
  });

  it('needs a token, and fails on demand with the HTTP status gax reports', async () => {
    const anonymous = await fetch(`${registry.endpoint.url}/v1/${registry.parent}/repositories`);
    expect(anonymous.status).toBe(401);
    const expiredClient = newClient('expired-token');
    try {
      const expired = await failure(expiredClient.listRepositories({ parent: registry.parent }));
      expect(rpcStatusOf(expired)).toBe('UNAUTHENTICATED');
    } finally {
      await expiredClient.close();
    }

    registry.faults.failNext(1, 503, { route: 'getRepository', retryAfterSeconds: 3 });
    const name = `${registry.parent}/repositories/pipelines`;
    const unavailable = await failure(client.getRepository({ name }));
    // No client-side retries for ArtifactRegistry methods: the 503 reaches the caller.
    expect([unavailable.code, rpcStatusOf(unavailable)]).toEqual([503, 'UNAVAILABLE']);
    // The GaxiosError keeps the response headers: a caller can honour Retry-After.
    const { response } = unavailable as unknown as {
      response?: { headers?: Headers };
    };
    expect(response?.headers?.get('retry-after')).toBe('3');
    const [repository] = await client.getRepository({ name });
    expect(repository.name).toBe(name);
    const entries = registry.requests.filter({ route: 'artifactregistry.getRepository' }).slice(-2);
    expect(entries.map((e) => e.status)).toEqual([503, 200]);

    denied = 'artifactregistry.tags.list';
    const forbidden = await failure(client.listTags({ parent: packageName('hello-world') }));
    expect(rpcStatusOf(forbidden)).toBe('PERMISSION_DENIED');

    expect(registry.calls()).toMatchObject({ getRepository: expect.any(Number) as unknown });
    expect(registry.calls().unmatched).toBe(0);
  });
});

describe('options', () => {
  it('shares the clock, fault plan and request log, and can hold a create LRO open', async () => {
    const clock = new Clock();
    clock.set(Date.parse('2030-01-02T03:04:05.000Z'));
    const faults = new FaultInjector();
    const requests = new RequestLog();
    const other = await startArtifactRegistryEmulator({
      project: 'other-proj',
      region: 'europe-west4',
      createRepositoryPendingPolls: 2,
      clock,
      faults,
      requests,
    });
    const otherClient = new ArtifactRegistryClient(
      other.clientOptions(tokenClient(TOKEN)) as unknown as ClientOptions,
    );
    try {
      expect(other.publicKfpHost).toBe('https://europe-west4-kfp.pkg.dev');
      const [operation] = await otherClient.createRepository({
        parent: other.parent,
        repositoryId: 'eu-templates',
        repository: { format: 'KFP' },
      });
      await operation.promise();
      const polls = requests.filter({ route: 'artifactregistry.getOperation' });
      expect(polls).toHaveLength(3);
      expect(other.repository('eu-templates')?.createTime.slice(0, 16)).toBe('2030-01-02T03:04');

      faults.failNext(1, { server: 'artifactregistry', status: 429 });
      expect(
        rpcStatusOf(
          await failure(
            otherClient.getRepository({ name: `${other.parent}/repositories/eu-templates` }),
          ),
        ),
      ).toBe('RESOURCE_EXHAUSTED');
      expect(requests.all().every((entry) => entry.server === 'artifactregistry')).toBe(true);
      // The first emulator's log is its own.
      expect(registry.requests.filter({ path: /eu-templates/ })).toEqual([]);
    } finally {
      await otherClient.close();
      await other.close();
    }
  });
});
