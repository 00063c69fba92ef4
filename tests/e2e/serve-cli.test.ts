import { spawn } from 'node:child_process';
import { cp, readFile, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { mlops, NODE } from '../helpers/cli.js';
import { packageModel } from '../helpers/packaged-model.js';
import { REPO_ROOT, tempDir } from '../helpers/paths.js';
import { PYTHON, pythonWithSklearn } from '../helpers/services.js';

/** `mlops serve --local` through dist/cli.js: the prediction server, started and stopped by the CLI. */
describe.skipIf(!pythonWithSklearn())('mlops serve --local', () => {
  let model: string;
  let testCsv: string;

  beforeAll(async () => {
    ({ model, testCsv } = await packageModel(await tempDir('serve-cli')));
  }, 120_000);

  it('serves the packaged model until Ctrl-C, answering real prediction requests', async () => {
    const child = spawn(
      NODE,
      [
        path.join(REPO_ROOT, 'dist/cli.js'),
        'serve',
        '--local',
        model,
        '--port',
        '0',
        '--python',
        PYTHON,
      ],
      {
        cwd: await tempDir('serve-cwd'),
        env: { ...process.env, NO_COLOR: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`not serving:\n${stderr}`)), 30_000);
      const poll = setInterval(() => {
        const found = /at (http:\/\/\S+) \(Ctrl-C stops it\)/.exec(stderr)?.[1];
        if (found) {
          clearTimeout(timer);
          clearInterval(poll);
          resolve(found);
        }
      }, 50);
    });
    const health = await fetch(`${url}/health`);
    expect(health.status).toBe(200);

    const [header = '', row = ''] = (await readFile(testCsv, 'utf8')).split('\n');
    const metadata = JSON.parse(await readFile(path.join(model, 'metadata.json'), 'utf8')) as {
      feature_schema: Array<{ name: string }>;
    };
    const columns = header.split(',');
    const values = row.split(',');
    const instance = Object.fromEntries(
      metadata.feature_schema.map((feature) => [
        feature.name,
        values[columns.indexOf(feature.name)] ?? null,
      ]),
    );
    const answer = await fetch(`${url}/predict`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ instances: [instance] }),
    });
    expect(answer.status, await answer.clone().text()).toBe(200);
    const body = (await answer.json()) as {
      predictions: Array<{ probabilities: Record<string, number> }>;
    };
    const total = Object.values(body.predictions[0]?.probabilities ?? {}).reduce(
      (a, b) => a + b,
      0,
    );
    expect(total).toBeCloseTo(1, 6);
    const bad = await fetch(`${url}/predict`, { method: 'POST', body: '{"instances": []}' });
    expect(bad.status).toBe(400);
    // The server logs a request after answering it.
    for (let i = 0; i < 40 && !stderr.includes('POST /predict 400'); i++)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stderr).toContain('POST /predict 400');

    child.kill('SIGINT');
    expect(await exited).toBe(0);
  });

  it('a missing folder, a file, a bad port or another scikit-learn version is one clear error', async () => {
    const missing = await mlops(['serve', '--local', 'no/such/model', '--python', PYTHON]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('The model folder no/such/model does not exist');

    const file = await mlops(['serve', '--local', path.join(model, 'model.joblib')]);
    expect(file.code).toBe(2);
    expect(file.stderr).toContain('model.joblib is a file, not a folder');
    expect(file.stderr).toContain(`Fix: Give the folder that holds it, ${model}`);

    const port = await mlops(['serve', '--local', model, '--port', '65536']);
    expect(port.code).toBe(2);
    expect(port.stderr).toContain('Input "port" is "65536"');

    const other = path.join(await tempDir('serve-old'), 'model');
    await cp(model, other, { recursive: true });
    const metadataFile = path.join(other, 'metadata.json');
    const metadata = JSON.parse(await readFile(metadataFile, 'utf8')) as Record<string, unknown>;
    await writeFile(metadataFile, JSON.stringify({ ...metadata, framework_version: '0.24.2' }));
    const mismatch = await mlops(['serve', '--local', other, '--port', '0', '--python', PYTHON]);
    expect(mismatch.code).toBe(2);
    expect(mismatch.stderr).toContain('0.24.2');
    expect(mismatch.stderr).toContain(
      'Serve with the scikit-learn version the model was trained with',
    );

    const replaced = path.join(await tempDir('serve-replaced'), 'model');
    await cp(model, replaced, { recursive: true });
    await writeFile(path.join(replaced, 'model.joblib'), 'not the packaged model');
    const tampered = await mlops(['serve', '--local', replaced, '--port', '0', '--python', PYTHON]);
    expect(tampered.code).toBe(2);
    expect(tampered.stderr).toMatch(
      /model\.joblib has sha256 [0-9a-f]{64}, but metadata\.json records/,
    );
    expect(tampered.stderr).toContain(
      'Fix: Serve the model folder package-model wrote, unchanged: model.joblib is not the file it hashed',
    );
  });

  it('says to pick another port when it is taken, and another address when the host is not this machine', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as AddressInfo;
    const serve = (host: string) =>
      mlops([
        'serve',
        '--local',
        model,
        '--port',
        String(port),
        '--host',
        host,
        '--python',
        PYTHON,
      ]);
    try {
      const inUse = await serve('127.0.0.1');
      expect(inUse.code).toBe(2);
      expect(inUse.stderr).toMatch(
        new RegExp(`cannot listen on 127\\.0\\.0\\.1:${port}: .*in use`),
      );
      expect(inUse.stderr).toContain(`Fix: Stop what listens on port ${port}, or pick another`);
    } finally {
      taken.close();
    }
    const host = await serve('192.0.2.1'); // reserved for documentation: never this machine's
    expect(host.code).toBe(2);
    expect(host.stderr).toContain('cannot listen on 192.0.2.1');
    expect(host.stderr).toContain('Fix: Give --host an address of this machine');
  });
});
