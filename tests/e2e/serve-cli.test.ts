import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { NODE } from '../helpers/cli.js';
import { packageModel } from '../helpers/packaged-model.js';
import { REPO_ROOT, tempDir } from '../helpers/paths.js';
import { PYTHON, pythonWithSklearn } from '../helpers/services.js';

/**
 * `mlops serve --local` through dist/cli.js: the prediction server, started and stopped by the
 * CLI (Ctrl-C). Its input errors and each start-up problem of the server with its fix:
 * tests/commands/serve.test.ts and serve-server.test.ts, in-process.
 */
describe.skipIf(!pythonWithSklearn())('mlops serve --local', () => {
  let model: string;
  let testCsv: string;

  beforeAll(async () => {
    ({ model, testCsv } = await packageModel(await tempDir('serve-cli')));
  }, 120_000);

  it('serves the packaged model (the server dist/ ships) until Ctrl-C, answering a real prediction request', async () => {
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

    child.kill('SIGINT');
    expect(await exited).toBe(0);
  });
});
