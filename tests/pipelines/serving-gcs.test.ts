/**
 * Models and data in Cloud Storage, read without a client library (pipelines/cloud/storage.py):
 * the prediction server downloads a gs:// AIP_STORAGE_URI as Vertex AI gives it, and load_data
 * reads a gs:// CSV. A real Python runs them against the Cloud Storage JSON API and GCE
 * metadata server emulators (tests/emulators), reached the way they are on Vertex AI: the
 * token from the metadata server (GCE_METADATA_HOST), Cloud Storage at MLOPS_STORAGE_ENDPOINT.
 *
 * Needs a Python with scikit-learn, pandas, numpy and joblib: /usr/bin/python3 unless
 * MLOPS_PYTHON is set. Without one the tests are skipped with a warning (a failure in CI).
 */
import { spawn } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unusedPort } from '../helpers/ports.js';
import {
  startCloudStorageEmulator,
  type CloudStorageEmulator,
} from '../emulators/cloud-storage.js';
import { Clock, FaultInjector, RequestLog, redacted } from '../emulators/http-server.js';
import { startMetadataServer, type MetadataServer } from '../emulators/metadata-server.js';
import {
  arrayInstances,
  packageModel,
  PIPELINES,
  pythonEnv,
  runPython,
  type Feature,
  type ProcessResult,
  referenceProbabilities,
} from '../helpers/packaged-model.js';
import { tempDir } from '../helpers/paths.js';
import { PYTHON, pythonWithSklearn } from '../helpers/services.js';
const MODEL_URI = 'gs://models/churn/';
const SERVER_IDENTITY =
  'the identity the server runs as (on Vertex AI, the service account of the deployed model)';
const COMPONENT_IDENTITY =
  "the identity running the component (on Vertex AI, the pipeline job's service account)";

describe.skipIf(!pythonWithSklearn())('Cloud Storage for the server and load_data', () => {
  const clock = new Clock();
  const faults = new FaultInjector();
  const requests = new RequestLog();
  let metadata: MetadataServer;
  let gcs: CloudStorageEmulator;
  let dir: string;
  let model: string;
  let testCsv: string;
  const forged = 'ya29.forged-token-never-minted';

  /** The emulators' endpoints, and no token from the environment of the test run. */
  const cloudEnv = (extra: Record<string, string> = {}): Record<string, string> => ({
    GCE_METADATA_HOST: metadata.host,
    MLOPS_STORAGE_ENDPOINT: gcs.url,
    GOOGLE_OAUTH_ACCESS_TOKEN: '',
    ...extra,
  });

  /** Checks a failed run: status 1, one line on stderr, and no token anywhere. */
  function failure(result: ProcessResult): string {
    expect(result.code, result.stderr).toBe(1);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    for (const token of [...metadata.issuedTokens(), forged])
      expect(result.stdout + result.stderr).not.toContain(token);
    return lines[0] ?? '';
  }

  beforeAll(async () => {
    metadata = await startMetadataServer({ clock, faults, requests });
    gcs = await startCloudStorageEmulator({
      validateToken: (token) => metadata.validateAccessToken(token),
      // Listings of a model folder take two pages.
      maxResultsPerPage: 2,
      clock,
      faults,
      requests,
    });
    dir = await tempDir('serving-gcs');
    ({ model, testCsv } = await packageModel(dir));
    await gcs.putFolder(MODEL_URI, model);
    gcs.putObject(`${MODEL_URI}model_card.md`, '# not needed to serve');
    await gcs.putFolder('gs://locked/models/churn/', model);
    gcs.denyAccess('locked');
    gcs.putObject(
      'gs://models/partial/metadata.json',
      await readFile(join(model, 'metadata.json')),
    );
    gcs.putObject(
      'gs://data/churn/churn_sample.csv',
      await readFile(join(PIPELINES, 'data/churn_sample.csv')),
    );
  });

  afterAll(async () => {
    await Promise.all([gcs?.close(), metadata?.close()]);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('serves a model downloaded from a gs:// AIP_STORAGE_URI with the metadata server token, retrying a 503', async () => {
    gcs.faults.failNext(1, 503, { route: 'download', retryAfterSeconds: 0 });
    const downloadsBefore = gcs.calls().download;
    const child = spawn(PYTHON, ['-m', 'serving.server', '--port', '0', '--host', '127.0.0.1'], {
      cwd: PIPELINES,
      env: pythonEnv(cloudEnv({ AIP_STORAGE_URI: MODEL_URI })),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      const deadline = Date.now() + 30_000;
      while (!stdout.includes('\n') && child.exitCode === null && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 50));
      const url = /^listening on (http:\/\/\S+)\n$/.exec(stdout)?.[1];
      expect(url, stderr).toBeDefined();

      const local = JSON.parse(await readFile(join(model, 'metadata.json'), 'utf8')) as {
        framework: string;
        framework_version: string;
        feature_schema: Feature[];
      };
      const health = await fetch(`${url}/health`);
      expect(await health.json()).toEqual({
        status: 'ok',
        model: 'random_forest',
        framework: local.framework,
        framework_version: local.framework_version,
      });

      const rows = 3;
      const answer = await fetch(`${url}/predict`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          instances: await arrayInstances(testCsv, local.feature_schema, rows),
        }),
      });
      expect(answer.status).toBe(200);
      const { predictions } = (await answer.json()) as {
        predictions: Array<{ probabilities: Record<string, number> }>;
      };
      const expected = await referenceProbabilities(model, testCsv, rows);
      expect(predictions).toHaveLength(rows);
      predictions.forEach((prediction, i) =>
        expect(Object.values(prediction.probabilities)).toEqual(
          (expected[i] ?? []).map((p) => expect.closeTo(p, 9) as unknown),
        ),
      );

      // The two files the server needs, one of them twice: the card is not downloaded.
      expect(gcs.calls().download - downloadsBefore).toBe(3);
      expect(stderr).toMatch(
        /^\[serving\] gs:\/\/models\/churn\/(model\.joblib|metadata\.json): HTTP 503: Service Unavailable; retrying in 0\.0s \(attempt 2\)$/m,
      );
      expect(stderr).toMatch(/^\[serving\] downloaded gs:\/\/models\/churn\/ to \S+$/m);
      const [token] = metadata.issuedTokens();
      const bearers = requests
        .filter({ server: 'storage' })
        .map((entry) => entry.headers.authorization);
      expect(new Set(bearers)).toEqual(new Set([`Bearer ${redacted(token ?? '')}`]));
      expect(stdout + stderr).not.toContain(token);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });

  it('exits 1 with one line when the model cannot be downloaded', async () => {
    const serve = async (uri: string, env: Record<string, string> = {}) => {
      const result = await runPython(
        ['-m', 'serving.server', '--port', '0'],
        cloudEnv({ AIP_STORAGE_URI: uri, ...env }),
      );
      expect(result.stdout).toBe(''); // stdout is for the `listening on` line only
      return result;
    };

    expect(failure(await serve('gs://models/partial'))).toBe(
      'serving: error: gs://models/partial/model.joblib was not found (gs://models/partial/ holds metadata.json)',
    );
    expect(failure(await serve('gs://nobucket/churn/'))).toBe(
      'serving: error: gs://nobucket/churn/ was not found (HTTP 404: The specified bucket does not exist.)',
    );
    expect(failure(await serve('gs://locked/models/churn/'))).toBe(
      `serving: error: permission denied on gs://locked/models/churn/ (HTTP 403: ${metadata.serviceAccount} ` +
        "does not have storage.objects.list access to the Google Cloud Storage bucket. Permission 'storage.objects.list' " +
        `denied on resource (or it may not exist).): grant roles/storage.objectViewer to ${SERVER_IDENTITY}`,
    );
    const port = await unusedPort();
    expect(failure(await serve(MODEL_URI, { GCE_METADATA_HOST: `127.0.0.1:${port}` }))).toMatch(
      new RegExp(
        `^serving: error: no Google access token: the metadata server at 127\\.0\\.0\\.1:${port} is not reachable ` +
          '\\(.+\\), so this is not a Vertex AI, Compute Engine or GKE workload; to run the server elsewhere set ' +
          'GOOGLE_OAUTH_ACCESS_TOKEN, ',
      ),
    );
    expect(failure(await serve(MODEL_URI, { GOOGLE_OAUTH_ACCESS_TOKEN: forged }))).toBe(
      'serving: error: gs://models/churn/: the access token was refused (HTTP 401: Invalid Credentials); ' +
        'GOOGLE_OAUTH_ACCESS_TOKEN is not a valid token or has expired (they last an hour): set it again from ' +
        '`gcloud auth print-access-token`',
    );
  });

  it('downloads a whole folder with its relative paths (download_prefix without names)', async () => {
    gcs.putObject('gs://models/churn/extra/notes.txt', 'nested');
    gcs.putObject('gs://models/churn2/model.joblib', 'a sibling folder, not under churn/');
    const target = join(dir, 'whole-folder');
    const script =
      'import json, sys\nfrom cloud.storage import download_prefix\n' +
      'print(json.dumps(download_prefix(sys.argv[1], sys.argv[2])))';
    const result = await runPython(['-c', script, 'gs://models/churn', target], cloudEnv());
    expect(result.code, result.stderr).toBe(0);
    const names = ['extra/notes.txt', 'metadata.json', 'model.joblib', 'model_card.md'];
    expect(JSON.parse(result.stdout)).toEqual(names.map((name) => join(target, name)));
    for (const name of names)
      expect(
        (await readFile(join(target, name))).equals(
          gcs.object(`gs://models/churn/${name}`)?.data ?? Buffer.alloc(0),
        ),
      ).toBe(true);
    gcs.deleteObject('gs://models/churn/extra/notes.txt');
  });

  it('load_data reads a gs:// CSV, downloading again after a connection dropped mid-body', async () => {
    const source = 'gs://data/churn/churn_sample.csv';
    const size = gcs.object(source)?.data.length ?? 0;
    gcs.faults.damageNextDownloads(1, 'truncate');
    const dataset = join(dir, 'from-gcs.csv');
    const result = await runPython(
      ['-m', 'components.load_data', '--source-uri', source, '--dataset', dataset],
      cloudEnv(),
    );
    expect(result.code, result.stderr).toBe(0);
    expect(await readFile(dataset, 'utf8')).toBe(
      await readFile(join(PIPELINES, 'data/churn_sample.csv'), 'utf8'),
    );
    expect(result.stdout).toMatch(
      new RegExp(
        `^\\[load_data\\] ${source}: ConnectionError: the connection closed after ${Math.floor(size / 2)} ` +
          `of ${size} bytes; retrying in \\d+\\.\\ds \\(attempt 2\\)$`,
        'm',
      ),
    );
    expect(gcs.faults.pending()).toBe(0);
  });

  it('load_data fails in one line for a missing, forbidden or corrupted gs:// object', async () => {
    const load = (uri: string) =>
      runPython(
        ['-m', 'components.load_data', '--source-uri', uri, '--dataset', join(dir, 'unused.csv')],
        cloudEnv(),
      );
    expect(failure(await load('gs://data/absent.csv'))).toBe(
      'load_data: error: gs://data/absent.csv was not found (HTTP 404: No such object: data/absent.csv)',
    );
    expect(failure(await load('gs://locked/models/churn/metadata.json'))).toBe(
      `load_data: error: permission denied on gs://locked/models/churn/metadata.json (HTTP 403: ${metadata.serviceAccount} ` +
        "does not have storage.objects.get access to the Google Cloud Storage object. Permission 'storage.objects.get' " +
        `denied on resource (or it may not exist).): grant roles/storage.objectViewer to ${COMPONENT_IDENTITY}`,
    );
    gcs.faults.damageNextDownloads(1, 'corrupt');
    expect(failure(await load('gs://data/churn/churn_sample.csv'))).toBe(
      "load_data: error: gs://data/churn/churn_sample.csv: the bytes downloaded do not match the object's MD5 hash; try again",
    );
  });
});
