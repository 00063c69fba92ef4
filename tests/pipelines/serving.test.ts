/**
 * The prediction server (pipelines/serving/server.py) against a real packaged model: the
 * components are run by hand on the churn sample with a small search (load_data ->
 * preprocess -> train random_forest -> package_model), then the server is started on a free
 * loopback port and spoken to over HTTP the way Vertex AI does (AIP_* variables, JSON
 * instances in, predictions out).
 *
 * Needs a Python with scikit-learn, pandas, numpy and joblib: /usr/bin/python3 unless
 * MLOPS_PYTHON is set. Without one the tests are skipped with a warning (a failure in CI).
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unusedPort } from '../helpers/ports.js';
import { tempDir } from '../helpers/paths.js';
import {
  arrayInstances,
  packageModel,
  PIPELINES,
  pythonEnv,
  runPython,
  referenceProbabilities,
  type Feature,
  type FeatureValue as Value,
} from '../helpers/packaged-model.js';
import { PYTHON, pythonWithSklearn } from '../helpers/services.js';

// ------------------------------------------------------------------ the server process

interface RunningServer {
  url: string;
  child: ChildProcessByStdio<null, Readable, Readable>;
  stderr: () => string;
  exited: Promise<number | null>;
}

const children: ChildProcessByStdio<null, Readable, Readable>[] = [];

/** Starts the server and resolves with its URL from the `listening on` line on stdout. */
function startServer(args: string[], env: Record<string, string> = {}): Promise<RunningServer> {
  const child = spawn(PYTHON, ['-m', 'serving.server', ...args], {
    cwd: PIPELINES,
    env: pythonEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8');
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${stderr}`)), 30_000);
    child.on('error', reject);
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      const url = /^listening on (http:\/\/\S+)$/m.exec(stdout)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ url, child, stderr: () => stderr, exited });
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${stderr}`));
    });
  });
}

async function waitForHealth(url: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      // not accepting connections yet
    }
    if (Date.now() > deadline) throw new Error(`${url} never answered 200`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

interface Reply {
  status: number;
  body: Record<string, unknown>;
}

async function post(url: string, body: unknown): Promise<Reply> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

interface Prediction {
  label: string;
  probabilities: Record<string, number>;
}

// ------------------------------------------------------------------ instances

/** Rows of the preprocessed test CSV as [named, array] instances. */
async function instancesFrom(
  csv: string,
  schema: Feature[],
  count: number,
): Promise<{ named: Record<string, Value>[]; arrays: Value[][] }> {
  const arrays = await arrayInstances(csv, schema, count);
  // Named instances list their features in reverse order: the order must not matter.
  const named = arrays.map((values) =>
    Object.fromEntries(
      schema.map((feature, i): [string, Value] => [feature.name, values[i] ?? null]).reverse(),
    ),
  );
  return { named, arrays };
}

// ------------------------------------------------------------------ tests

describe.skipIf(!pythonWithSklearn())('prediction server (pipelines/serving/server.py)', () => {
  const ROWS = 20;
  let dir: string;
  let model: string;
  let testCsv: string;
  let schema: Feature[];
  let server: RunningServer;
  let predictUrl: string;
  let instances: { named: Record<string, Value>[]; arrays: Value[][] };

  beforeAll(async () => {
    dir = await tempDir('serving');
    ({ model, testCsv } = await packageModel(dir));
    const metadata = JSON.parse(await readFile(join(model, 'metadata.json'), 'utf8')) as {
      feature_schema: Feature[];
    };
    schema = metadata.feature_schema;
    instances = await instancesFrom(testCsv, schema, ROWS);
    server = await startServer(['--model-dir', model, '--port', '0', '--host', '127.0.0.1']);
    await waitForHealth(`${server.url}/health`);
    predictUrl = `${server.url}/predict`;
  });

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('answers the health route with the model and its framework version', async () => {
    const response = await fetch(`${server.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ok',
      model: 'random_forest',
      framework: 'scikit-learn',
      framework_version: expect.stringMatching(/^\d+\.\d+/) as unknown,
    });
  });

  it('predicts the same for named-column and array instances, as the model itself does', async () => {
    const named = await post(predictUrl, { instances: instances.named });
    const arrays = await post(predictUrl, { instances: instances.arrays, parameters: {} });
    expect(named.status).toBe(200);
    expect(arrays.status).toBe(200);
    expect(arrays.body).toEqual(named.body);
    const predictions = named.body.predictions as Prediction[];
    expect(predictions).toHaveLength(ROWS);

    const expected = await referenceProbabilities(model, testCsv, ROWS);
    predictions.forEach((prediction, i) => {
      // Labels come back decoded with the label mapping preprocess recorded (No = 0, Yes = 1).
      expect(Object.keys(prediction.probabilities)).toEqual(['No', 'Yes']);
      const { No: no = NaN, Yes: yes = NaN } = prediction.probabilities;
      expect(no + yes).toBeCloseTo(1, 9);
      expect(no).toBeCloseTo(expected[i]?.[0] ?? NaN, 9);
      expect(yes).toBeCloseTo(expected[i]?.[1] ?? NaN, 9);
      expect(prediction.label).toBe(yes > no ? 'Yes' : 'No');
    });
  });

  it('takes null for a missing value and numbers sent as text', async () => {
    const [first] = instances.arrays;
    const asText = schema.map((feature, i) => {
      const value = first?.[i] ?? null;
      return feature.kind === 'numeric' && value !== null ? ` ${String(value)} ` : value;
    });
    const reply = await post(predictUrl, {
      instances: [first, asText, schema.map(() => null)],
    });
    expect(reply.status).toBe(200);
    const [original, fromText, allMissing] = reply.body.predictions as Prediction[];
    expect(fromText).toEqual(original);
    expect(allMissing?.label).toMatch(/^(No|Yes)$/);
  });

  const malformed: { what: string; body: unknown; error: RegExp }[] = [
    { what: 'a body that is not JSON', body: 'instances: 1', error: /not valid JSON/ },
    { what: 'an empty body', body: '', error: /body is empty/ },
    { what: 'NaN, which is not JSON', body: '{"instances": [[NaN]]}', error: /NaN is not a JSON/ },
    {
      what: 'Infinity, which is not JSON',
      body: '{"instances": [[Infinity]]}',
      error: /Infinity is not a JSON/,
    },
    {
      what: '-Infinity, which is not JSON',
      body: '{"instances": [[-Infinity]]}',
      error: /-Infinity is not a JSON/,
    },
    {
      // Python refuses to read integers of over 4300 digits (quadratic time).
      what: 'an integer of 5000 digits',
      body: `{"instances": [[1${'0'.repeat(4999)}]]}`,
      error: /not valid JSON/,
    },
    { what: 'no instances', body: { rows: [] }, error: /JSON object with an "instances" list/ },
    { what: 'a JSON array body', body: [1, 2], error: /JSON object with an "instances" list/ },
    { what: 'instances not a list', body: { instances: {} }, error: /"instances" must be a list/ },
    { what: 'an empty instances list', body: { instances: [] }, error: /"instances" is empty/ },
    {
      what: 'parameters not an object',
      body: { instances: [[]], parameters: 3 },
      error: /"parameters" must be an object/,
    },
  ];
  it.each(malformed)('answers 400 for $what', async ({ body, error }) => {
    const reply = await post(predictUrl, body);
    expect(reply.status).toBe(400);
    expect(reply.body.error).toMatch(error);
  });

  it('answers 400 naming the instance and the feature for instances that break the schema', async () => {
    const good = (): Record<string, Value> => ({ ...instances.named[0] });
    const cases: { instance: unknown; error: RegExp }[] = [
      {
        instance: (({ tenure: _tenure, ...rest }) => rest)(good()),
        error: /instance 1: missing feature\(s\) 'tenure'/,
      },
      {
        instance: { ...good(), colour: 'red' },
        error: /instance 1: unknown feature\(s\) 'colour'/,
      },
      {
        instance: instances.arrays[0]?.slice(1),
        error: /instance 1: an array instance needs 8 values.*got 7/,
      },
      {
        instance: { ...good(), MonthlyCharges: 'a lot' },
        error: /instance 1: feature 'MonthlyCharges' must be a number.*'a lot'/,
      },
      {
        instance: { ...good(), tenure: true },
        error: /instance 1: feature 'tenure' must be a number/,
      },
      {
        instance: { ...good(), gender: ['F'] },
        error: /instance 1: feature 'gender' must be a string/,
      },
      { instance: 'Female', error: /instance 1: must be an object .* or an array of 8 values/ },
    ];
    for (const { instance, error } of cases) {
      const reply = await post(predictUrl, { instances: [good(), instance] });
      expect(reply.status, JSON.stringify(instance)).toBe(400);
      expect(reply.body.error).toMatch(error);
      expect(reply.body.error).not.toMatch(/Traceback|File "/);
    }
    // Several problems are reported together.
    const both = await post(predictUrl, { instances: [{ ...good(), tenure: 'x' }, [1]] });
    expect(both.body.error).toMatch(/instance 0: feature 'tenure'.*; instance 1: an array/);
  });

  /** A request whose instance 1 has `feature` set to `raw`, a JSON text (JSON.stringify cannot write them all). */
  function withRaw(feature: string, raw: string): string {
    const good = instances.named[0];
    return JSON.stringify({ instances: [good, { ...good, [feature]: '<raw>' }] }).replace(
      '"<raw>"',
      raw,
    );
  }

  it('answers 400 naming the instance and the feature for numbers the model cannot take', async () => {
    const range = 'must be a number from -1e\\+20 to 1e\\+20, got';
    const cases: { feature: string; raw: string; error: RegExp }[] = [
      { feature: 'MonthlyCharges', raw: '1e308', error: new RegExp(`${range} 1e\\+308`) },
      { feature: 'tenure', raw: '-1e308', error: new RegExp(`${range} -1e\\+308`) },
      // Inside float32's range, but past it once the scaler divides by SeniorCitizen's spread (< 1).
      { feature: 'SeniorCitizen', raw: '3e38', error: new RegExp(`${range} 3e\\+38`) },
      { feature: 'TotalCharges', raw: `1${'0'.repeat(400)}`, error: new RegExp(`${range} 1000`) },
      { feature: 'tenure', raw: '"1e308"', error: new RegExp(`${range} '1e308'`) },
      { feature: 'tenure', raw: '"-Infinity"', error: new RegExp(`${range} '-Infinity'`) },
      { feature: 'tenure', raw: '{"value": 1}', error: /must be a number \(or null\), got object/ },
      { feature: 'tenure', raw: '[[1]]', error: /must be a number \(or null\), got array/ },
      {
        feature: 'gender',
        raw: '{"a": {"b": 1}}',
        error: /must be a string \(or null\), got object/,
      },
    ];
    for (const { feature, raw, error } of cases) {
      const reply = await post(predictUrl, withRaw(feature, raw));
      expect(reply.status, raw).toBe(400);
      expect(reply.body.error).toMatch(
        new RegExp(`^instance 1: feature '${feature}' ${error.source}`),
      );
    }
    // The bounds themselves are numbers the model takes.
    const largest = await post(predictUrl, {
      instances: [
        { ...instances.named[0], SeniorCitizen: 1e20, tenure: -1e20, MonthlyCharges: 1e20 },
      ],
    });
    expect(largest.status).toBe(200);
  });

  it('answers 200 or a 400 naming the feature, never 500, whatever value a feature holds', async () => {
    const values = [
      ...['1e308', '-1e308', '3e38', '1e21', '1e20', '5e-324', '-0', `-${'9'.repeat(400)}`],
      ...['true', 'false', 'null', '[]', '{}', '[[1]]', '{"a": {"b": [1]}}'],
      ...['""', '" "', '"nan"', '"inf"', '"1e400"', '"0x10"', '"1_000"', '"\\u0000"'],
      ...['"\\ud800"', `"${'x'.repeat(100_000)}"`],
    ];
    const unexpected: string[] = [];
    for (const feature of schema.map(({ name }) => name)) {
      for (const raw of values) {
        const reply = await post(predictUrl, withRaw(feature, raw));
        const named = String(reply.body.error).startsWith(`instance 1: feature '${feature}' `);
        if (reply.status !== 200 && !(reply.status === 400 && named))
          unexpected.push(
            `${feature} = ${raw.slice(0, 40)}: ${reply.status} ${String(reply.body.error)}`,
          );
      }
    }
    expect(unexpected).toEqual([]);
  });

  it('refuses a body over 10 MB with 413', async () => {
    const reply = await post(predictUrl, ' '.repeat(10 * 1024 * 1024 + 1));
    expect(reply.status).toBe(413);
    expect(reply.body.error).toMatch(/exceeds the limit of 10485760 bytes/);
  });

  it('answers 404 for other paths and 405 for the wrong method', async () => {
    expect((await fetch(`${server.url}/v1/predict`)).status).toBe(404);
    const wrongMethod = await fetch(predictUrl);
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST');
  });

  it('logs one line per request on stderr without instance values', async () => {
    await post(predictUrl, { instances: instances.named.slice(0, 3) });
    const log = server.stderr();
    expect(log).toMatch(/^\[serving(?: \d+)?\] POST \/predict 200 instances=3 \d+\.\dms$/m);
    expect(log).toMatch(/^\[serving(?: \d+)?\] GET \/health 200 \d+\.\dms$/m);
    expect(log).toMatch(/^\[serving(?: \d+)?\] POST \/predict 400 instances=2 \d+\.\dms$/m);
    expect(log).not.toMatch(/Electronic check|Month-to-month|a lot/);
  });

  it('honours AIP_HTTP_PORT, AIP_HEALTH_ROUTE, AIP_PREDICT_ROUTE and a file:// AIP_STORAGE_URI, and stops on SIGTERM', async () => {
    const port = await unusedPort();
    const health = '/v1/endpoints/1/deployedModels/2';
    const predict = '/v1/endpoints/1/deployedModels/2:predict';
    const custom = await startServer(['--host', '127.0.0.1'], {
      AIP_HTTP_PORT: String(port),
      AIP_HEALTH_ROUTE: health,
      AIP_PREDICT_ROUTE: predict,
      AIP_STORAGE_URI: pathToFileURL(model).href,
    });
    expect(custom.url).toBe(`http://127.0.0.1:${port}`);
    await waitForHealth(`${custom.url}${health}`);
    expect((await fetch(`${custom.url}/health`)).status).toBe(404);
    const reply = await post(`${custom.url}${predict}`, {
      instances: instances.arrays.slice(0, 2),
    });
    expect(reply.status).toBe(200);
    expect(reply.body.predictions).toHaveLength(2);
    expect((await post(`${custom.url}/predict`, { instances: instances.arrays })).status).toBe(404);

    custom.child.kill('SIGTERM');
    expect(await custom.exited).toBe(0);
  });

  it('refuses to start when metadata.json records another scikit-learn version', async () => {
    const old = join(dir, 'old-model');
    await mkdir(old);
    const metadata = JSON.parse(await readFile(join(model, 'metadata.json'), 'utf8')) as {
      framework_version: string;
    };
    const installed = metadata.framework_version; // trained here, so the installed version
    await writeFile(
      join(old, 'metadata.json'),
      JSON.stringify({ ...metadata, framework_version: '0.24.2' }),
    );
    await writeFile(join(old, 'model.joblib'), await readFile(join(model, 'model.joblib')));
    const result = await runPython(['-m', 'serving.server', '--port', '0'], {
      AIP_STORAGE_URI: old,
    });
    expect(result.code).toBe(3);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^serving: error: .*scikit-learn 0\.24\.2.*scikit-learn /);
    expect(lines[0]).toContain(`scikit-learn ${installed} is installed`);
  });

  it('exits 3 when this Python lacks a package the server needs', async () => {
    const shadow = join(dir, 'no-pandas');
    await mkdir(shadow, { recursive: true });
    await writeFile(join(shadow, 'pandas.py'), 'raise ImportError("No module named \'pandas\'")\n');
    const result = await runPython(['-m', 'serving.server', '--model-dir', model, '--port', '0'], {
      PYTHONPATH: `${shadow}:${PIPELINES}`,
    });
    expect(result.code).toBe(3);
    expect(result.stderr.trim()).toMatch(/^serving: error: pandas is not installed in .*python/);
  });

  it('exits 2 for a bad setting, 4 when the port is taken and 5 when the host is not this machine', async () => {
    const route = await runPython(['-m', 'serving.server', '--model-dir', model, '--port', '0'], {
      AIP_HEALTH_ROUTE: 'health',
    });
    expect(route.code).toBe(2);
    expect(route.stderr.trim()).toBe(
      "serving: error: AIP_HEALTH_ROUTE must be a path starting with /, got 'health'",
    );

    const taken = await startServer(['--model-dir', model, '--port', '0', '--host', '127.0.0.1']);
    const port = new URL(taken.url).port;
    const inUse = await runPython([
      '-m',
      'serving.server',
      '--model-dir',
      model,
      '--port',
      port,
      '--host',
      '127.0.0.1',
    ]);
    taken.child.kill('SIGTERM');
    expect(inUse.code).toBe(4);
    expect(inUse.stderr.trim()).toMatch(
      new RegExp(`^serving: error: cannot listen on 127\\.0\\.0\\.1:${port}: .*in use`),
    );

    // 192.0.2.1 is reserved for documentation: never an address of this machine.
    const host = await runPython([
      '-m',
      'serving.server',
      '--model-dir',
      model,
      '--port',
      '0',
      '--host',
      '192.0.2.1',
    ]);
    expect(host.code).toBe(5);
    expect(host.stderr.trim()).toMatch(/^serving: error: cannot listen on 192\.0\.2\.1:0: /);
  });

  it('exits with one clear line when there is no model (gs:// models: serving-gcs.test.ts)', async () => {
    const none = await runPython(['-m', 'serving.server', '--port', '0']);
    expect(none.code).toBe(1);
    expect(none.stderr.trim()).toBe(
      'serving: error: no model location: set AIP_STORAGE_URI or pass --model-dir',
    );
  });
});
