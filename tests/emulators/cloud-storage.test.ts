/**
 * The Cloud Storage JSON API emulator, spoken to with plain fetch the way
 * pipelines/cloud/storage.py speaks to the real service, with tokens from the metadata server
 * emulator.
 */
import { createHash } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { storage } from '@googleapis/storage';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/paths.js';
import {
  CLOUD_STORAGE_ROUTES,
  crc32cBase64,
  startCloudStorageEmulator,
  type CloudStorageEmulator,
} from './cloud-storage.js';
import { GcpWorld } from './gcp-setup-state.js';
import { tokenAuth } from './gcp-setup-test-clients.js';
import { Clock, FaultInjector, RequestLog } from './http-server.js';
import { startMetadataServer, type MetadataServer } from './metadata-server.js';

const clock = new Clock();
const faults = new FaultInjector();
const requests = new RequestLog();
let metadata: MetadataServer;
let gcs: CloudStorageEmulator;
let token: string;
let dir: string;

interface ObjectResource {
  name: string;
  bucket: string;
  size: string;
  md5Hash: string;
  crc32c: string;
  generation: string;
  mediaLink: string;
  id: string;
}

interface ListReply {
  kind: string;
  items?: ObjectResource[];
  prefixes?: string[];
  nextPageToken?: string;
}

interface ErrorReply {
  error: { code: number; message: string; errors: Array<Record<string, string>> };
}

async function get(
  pathAndQuery: string,
  bearer: string | null = token,
): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
  const response = await fetch(`${gcs.url}${pathAndQuery}`, {
    headers: bearer === null ? {} : { authorization: `Bearer ${bearer}` },
  });
  return {
    status: response.status,
    headers: response.headers,
    bytes: Buffer.from(await response.arrayBuffer()),
  };
}

async function getJson<T>(pathAndQuery: string, bearer?: string | null): Promise<[number, T]> {
  const reply = await get(pathAndQuery, bearer);
  return [reply.status, JSON.parse(reply.bytes.toString('utf8')) as T];
}

const media = (bucket: string, name: string) =>
  `/download/storage/v1/b/${bucket}/o/${encodeURIComponent(name)}?alt=media`;

const md5 = (data: string | Buffer) => createHash('md5').update(data).digest('base64');

beforeAll(async () => {
  metadata = await startMetadataServer({ clock, faults, requests });
  gcs = await startCloudStorageEmulator({
    buckets: ['empty'],
    validateToken: (t) => metadata.validateAccessToken(t),
    clock,
    faults,
    requests,
  });
  const reply = await fetch(
    `${metadata.url}/computeMetadata/v1/instance/service-accounts/default/token`,
    { headers: { 'Metadata-Flavor': 'Google' } },
  );
  token = ((await reply.json()) as { access_token: string }).access_token;
  dir = await tempDir('cloud-storage');
});

afterAll(async () => {
  await Promise.all([gcs.close(), metadata.close()]);
  await rm(dir, { recursive: true, force: true });
});

describe('Cloud Storage emulator: objects.list', () => {
  it('lists the objects under a prefix in name order, page by page, with their resources', async () => {
    const names = ['runs/b.csv', 'runs/a.csv', 'runs/c/d.csv', 'runsX.csv', 'other/e.csv'];
    for (const name of names) gcs.putObject(`gs://listing/${name}`, `data of ${name}`);

    const seen: ObjectResource[] = [];
    let pageToken: string | undefined;
    let pages = 0;
    do {
      const query = `prefix=runs/&maxResults=2${pageToken ? `&pageToken=${pageToken}` : ''}`;
      const [status, page] = await getJson<ListReply>(`/storage/v1/b/listing/o?${query}`);
      expect(status).toBe(200);
      expect(page.kind).toBe('storage#objects');
      expect(page.items?.length).toBeLessThanOrEqual(2);
      seen.push(...(page.items ?? []));
      pageToken = page.nextPageToken;
      pages += 1;
    } while (pageToken);

    expect(pages).toBe(2);
    expect(seen.map((item) => item.name)).toEqual(['runs/a.csv', 'runs/b.csv', 'runs/c/d.csv']);
    for (const item of seen) {
      const data = `data of ${item.name}`;
      expect(item).toMatchObject({
        bucket: 'listing',
        size: String(Buffer.byteLength(data)),
        md5Hash: md5(data),
        crc32c: crc32cBase64(Buffer.from(data)),
        id: `listing/${item.name}/${item.generation}`,
      });
      expect(item.mediaLink).toBe(
        `${gcs.url}${media('listing', item.name).replace('?', `?generation=${item.generation}&`)}`,
      );
    }
  });

  it('collapses names past the delimiter into prefixes, and omits items when there are none', async () => {
    const [, top] = await getJson<ListReply>('/storage/v1/b/listing/o?delimiter=/');
    expect(top.prefixes).toEqual(['other/', 'runs/']);
    expect(top.items?.map((item) => item.name)).toEqual(['runsX.csv']);
    const [status, empty] = await getJson<ListReply>('/storage/v1/b/empty/o');
    expect(status).toBe(200);
    expect(empty).toEqual({ kind: 'storage#objects' });
  });

  it('computes CRC32C as Cloud Storage does (the Castagnoli check value of "123456789")', () => {
    expect(Buffer.from(crc32cBase64(Buffer.from('123456789')), 'base64').readUInt32BE()).toBe(
      0xe3069283,
    );
  });
});

describe('Cloud Storage emulator: media downloads', () => {
  it('serves the bytes with their length, generation and hashes, on both download paths', async () => {
    const data = Buffer.from([0, 1, 2, 250, 255, 10, 13]);
    const stored = gcs.putObject('gs://models/churn/v1/model.joblib', data);
    for (const route of [
      media('models', 'churn/v1/model.joblib'),
      `/storage/v1/b/models/o/${encodeURIComponent('churn/v1/model.joblib')}?alt=media`,
    ]) {
      const reply = await get(route);
      expect(reply.status).toBe(200);
      expect(reply.bytes.equals(data)).toBe(true);
      expect(reply.headers.get('content-length')).toBe(String(data.length));
      expect(reply.headers.get('x-goog-generation')).toBe(stored.generation);
      expect(reply.headers.get('x-goog-hash')).toBe(
        `crc32c=${crc32cBase64(data)},md5=${md5(data)}`,
      );
    }
    const [status, resource] = await getJson<ObjectResource>(
      `/storage/v1/b/models/o/${encodeURIComponent('churn/v1/model.joblib')}`,
    );
    expect(status).toBe(200);
    expect(resource).toMatchObject({ name: 'churn/v1/model.joblib', size: String(data.length) });
  });

  it('answers 404 in Cloud Storage shape for a missing object, bucket or generation', async () => {
    gcs.putObject('gs://models/present.txt', 'x');
    const old = gcs.object('gs://models/present.txt')?.generation ?? '';
    gcs.putObject('gs://models/present.txt', 'y');
    const cases: Array<[string, string]> = [
      [media('models', 'absent.txt'), 'No such object: models/absent.txt'],
      [media('nobucket', 'a.txt'), 'The specified bucket does not exist.'],
      [`${media('models', 'present.txt')}&generation=${old}`, 'No such object: models/present.txt'],
    ];
    for (const [route, message] of cases) {
      const [status, body] = await getJson<ErrorReply>(route);
      expect(status).toBe(404);
      expect(body).toEqual({
        error: {
          code: 404,
          message,
          errors: [{ message, domain: 'global', reason: 'notFound' }],
        },
      });
    }
    expect((await get(media('models', 'present.txt'))).bytes.toString()).toBe('y');
    // A name must be one encoded segment: the raw slash finds no route.
    expect(
      (await get('/download/storage/v1/b/models/o/churn/v1/model.joblib?alt=media')).status,
    ).toBe(404);
  });

  it('stores a local folder under a prefix with its relative paths', async () => {
    await mkdir(path.join(dir, 'model', 'extra'), { recursive: true });
    await writeFile(path.join(dir, 'model', 'metadata.json'), '{}');
    await writeFile(path.join(dir, 'model', 'extra', 'card.md'), '# card');
    const stored = await gcs.putFolder('gs://models/folder/', path.join(dir, 'model'));
    expect(stored.map((object) => object.name)).toEqual([
      'folder/extra/card.md',
      'folder/metadata.json',
    ]);
    expect((await get(media('models', 'folder/extra/card.md'))).bytes.toString()).toBe('# card');
  });

  it("serves the files of its folder as objects (another emulator's storage), under those put in it", async () => {
    const folder = path.join(dir, 'backing');
    await mkdir(path.join(folder, 'team-runs', 'run', 'model'), { recursive: true });
    await writeFile(path.join(folder, 'team-runs', 'run', 'model', 'model.joblib'), 'weights');
    await writeFile(path.join(folder, 'team-runs', 'run', 'card.md'), '# card');
    const backed = await startCloudStorageEmulator({ folder });
    try {
      backed.putObject('gs://team-runs/run/card.md', '# put');
      const read = (name: string) =>
        fetch(`${backed.url}/storage/v1/b/team-runs/o/${encodeURIComponent(name)}?alt=media`, {
          headers: { authorization: 'Bearer t' },
        });
      const model = await read('run/model/model.joblib');
      expect(model.status).toBe(200);
      expect(await model.text()).toBe('weights');
      expect(model.headers.get('x-goog-hash')).toContain(`md5=${md5('weights')}`);
      expect(await (await read('run/card.md')).text()).toBe('# put');
      expect((await read('run/../run/card.md')).status).toBe(404);
      const listing = (await (
        await fetch(`${backed.url}/storage/v1/b/team-runs/o?prefix=run/`, {
          headers: { authorization: 'Bearer t' },
        })
      ).json()) as ListReply;
      expect(listing.items?.map((item) => item.name)).toEqual([
        'run/card.md',
        'run/model/model.joblib',
      ]);
    } finally {
      await backed.close();
    }
  });
});

describe('Cloud Storage emulator: access and faults', () => {
  it('refuses a call without a bearer or with a token the metadata server did not mint', async () => {
    gcs.putObject('gs://private/a.txt', 'a');
    const [anonymous, anonymousBody] = await getJson<ErrorReply>('/storage/v1/b/private/o', null);
    expect(anonymous).toBe(401);
    expect(anonymousBody.error.message).toBe(
      "Anonymous caller does not have storage.objects.list access to the Google Cloud Storage bucket. Permission 'storage.objects.list' denied on resource (or it may not exist).",
    );
    expect(anonymousBody.error.errors[0]?.reason).toBe('required');
    const [invalid, invalidBody] = await getJson<ErrorReply>(
      media('private', 'a.txt'),
      'ya29.forged',
    );
    expect(invalid).toBe(401);
    expect(invalidBody.error.errors[0]).toMatchObject({
      message: 'Invalid Credentials',
      reason: 'authError',
    });
  });

  it('answers 403 naming the account and permission on a bucket it is denied', async () => {
    gcs.denyAccess('private');
    const [status, body] = await getJson<ErrorReply>(media('private', 'a.txt'));
    expect(status).toBe(403);
    expect(body.error.message).toBe(
      `${metadata.serviceAccount} does not have storage.objects.get access to the Google Cloud Storage object. Permission 'storage.objects.get' denied on resource (or it may not exist).`,
    );
    expect(body.error.errors[0]?.reason).toBe('forbidden');
    gcs.denyAccess('private', false);
    expect((await get(media('private', 'a.txt'))).status).toBe(200);
  });

  it('fails the next calls of a route as asked, then serves them, and logs no token', async () => {
    gcs.putObject('gs://faulty/a.txt', 'a');
    gcs.faults.failNext(2, 503, { route: 'download', retryAfterSeconds: 0 });
    const before = gcs.calls().download;
    const first = await getJson<ErrorReply>(media('faulty', 'a.txt'));
    expect(first).toEqual([
      503,
      {
        error: {
          code: 503,
          message: 'Service Unavailable',
          errors: [{ message: 'Service Unavailable', domain: 'global', reason: 'backendError' }],
        },
      },
    ]);
    // The listing is another route: not failed.
    expect((await get('/storage/v1/b/faulty/o')).status).toBe(200);
    expect((await get(media('faulty', 'a.txt'))).status).toBe(503);
    expect((await get(media('faulty', 'a.txt'))).bytes.toString()).toBe('a');
    expect(gcs.calls().download - before).toBe(3);
    expect(gcs.faults.pending()).toBe(0);
    const logged = requests.filter({ server: 'storage', route: CLOUD_STORAGE_ROUTES.download });
    expect(logged.filter((entry) => entry.injectedFault === 503)).toHaveLength(2);
    expect(JSON.stringify(requests.all())).not.toContain(token);
  });

  it('cuts a damaged download short and closes, or flips a byte, keeping the headers', async () => {
    const data = Buffer.from('0123456789abcdef');
    gcs.putObject('gs://faulty/damaged.bin', data);
    gcs.faults.damageNextDownloads(1, 'truncate');
    gcs.faults.damageNextDownloads(1, 'corrupt');
    const truncated = await fetch(`${gcs.url}${media('faulty', 'damaged.bin')}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(truncated.headers.get('content-length')).toBe(String(data.length));
    // fetch refuses a body shorter than its Content-Length.
    await expect(truncated.arrayBuffer()).rejects.toThrow();
    const corrupt = await get(media('faulty', 'damaged.bin'));
    expect(corrupt.bytes).toHaveLength(data.length);
    expect(corrupt.bytes.equals(data)).toBe(false);
    expect(corrupt.headers.get('x-goog-hash')).toContain(`md5=${md5(data)}`);
    expect(gcs.faults.pending()).toBe(0);
    expect((await get(media('faulty', 'damaged.bin'))).bytes.equals(data)).toBe(true);
  });
});

describe('with the set-up emulators world', () => {
  it('serves the bucket API on the same host, and the buckets made there hold objects', async () => {
    const world = new GcpWorld(clock);
    world.seedProject({ projectId: 'acme-ml', projectNumber: '123456789012' });
    const shared = await startCloudStorageEmulator({ world, clock });
    try {
      const client = storage({ version: 'v1', auth: tokenAuth('t'), rootUrl: shared.url });
      await client.buckets.insert({ project: 'acme-ml', requestBody: { name: 'acme-ml-mlops' } });
      expect(world.buckets.get('acme-ml-mlops')?.projectNumber).toBe('123456789012');
      const list = () =>
        fetch(`${shared.url}/storage/v1/b/acme-ml-mlops/o`, {
          headers: { authorization: 'Bearer t' },
        });
      expect(await (await list()).json()).toEqual({ kind: 'storage#objects' });
      shared.putObject('gs://acme-ml-mlops/root/run.json', '{}');
      expect(((await (await list()).json()) as ListReply).items?.map((o) => o.name)).toEqual([
        'root/run.json',
      ]);
    } finally {
      await shared.close();
    }
  });
});
