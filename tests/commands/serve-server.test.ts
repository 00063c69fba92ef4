import { cp, readFile, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/commands/command.js';
import { serveCommand } from '../../src/commands/serve.js';
import { packageModel } from '../helpers/packaged-model.js';
import { tempDir } from '../helpers/paths.js';
import {
  createRecordingHost,
  rawInputsOf,
  runCommand,
  type InputValue,
} from '../helpers/recording-host.js';
import { PYTHON, pythonWithSklearn } from '../helpers/services.js';

/**
 * serve in-process with the real prediction server (pipelines/serving) on a model packaged by
 * the real components: what it answers, and each start-up problem as a UserError with its fix.
 * Needs Python with scikit-learn (not in the unit set: it trains a model).
 */

describe.skipIf(!pythonWithSklearn())('serve (in-process, the real prediction server)', () => {
  let model: string;
  let testCsv: string;

  beforeAll(async () => {
    ({ model, testCsv } = await packageModel(await tempDir('cmd-serve-model')));
  }, 120_000);

  function serve(folder: string, inputs: Record<string, InputValue> = {}) {
    return runCommand(
      serveCommand,
      { 'model-dir': folder, port: '0', python: PYTHON, ...inputs },
      { env: {} },
    );
  }

  /** A copy of the packaged model, changed by `change`. */
  async function changedModel(name: string, change: (folder: string) => Promise<void>) {
    const folder = path.join(await tempDir(`cmd-serve-${name}`), 'model');
    await cp(model, folder, { recursive: true });
    await change(folder);
    return folder;
  }

  it('serves the packaged model until stopped, answering real prediction requests', async () => {
    const { ui, host, recording } = createRecordingHost();
    const controller = new AbortController();
    const context: CommandContext = {
      ui,
      host,
      cwd: process.cwd(),
      env: { PATH: process.env.PATH },
      signal: controller.signal,
    };
    const inputs = serveCommand.parseInputs(
      rawInputsOf({ 'model-dir': model, port: '0', python: PYTHON }),
      context,
    );
    const running = serveCommand.run(inputs, context);
    let url: string | undefined;
    for (let waited = 0; !url && waited < 60_000; waited += 50) {
      url = recording.infos
        .map((line) => /^Serving (\S+) at (http:\/\/\S+) \(Ctrl-C stops it\)$/.exec(line))
        .find((match) => match?.[1] === model)?.[2];
      if (!url) await sleep(50);
    }
    try {
      expect(url, recording.infos.join('\n')).toBeDefined();
      const health = await fetch(`${url ?? ''}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok', framework: 'scikit-learn' });

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
      const answer = await fetch(`${url ?? ''}/predict`, {
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
      const bad = await fetch(`${url ?? ''}/predict`, {
        method: 'POST',
        body: '{"instances": []}',
      });
      expect(bad.status).toBe(400);
      // The server logs a request after answering it; serve shows its log.
      for (
        let i = 0;
        i < 40 && !recording.infos.some((line) => line.includes('POST /predict 400'));
      )
        await sleep(50 * ++i);
      expect(recording.infos.join('\n')).toContain('POST /predict 400');
    } finally {
      controller.abort();
    }
    expect(await running).toEqual({ outputs: {} });
    expect(recording.warnings).toEqual([]);
  });

  it('a model trained with another scikit-learn version: serve with that version', async () => {
    const older = await changedModel('old', async (folder) => {
      const file = path.join(folder, 'metadata.json');
      const metadata = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
      await writeFile(file, JSON.stringify({ ...metadata, framework_version: '0.24.2' }));
    });
    const result = await serve(older);
    expect(result.userError?.message).toMatch(/^The prediction server stopped \(exit code 3\): /);
    expect(result.userError?.message).toContain('0.24.2');
    expect(result.userError?.fix).toContain(
      'Serve with the scikit-learn version the model was trained with',
    );
  });

  it('a model.joblib that is not the file package-model hashed is refused before it is loaded', async () => {
    const replaced = await changedModel('replaced', (folder) =>
      writeFile(path.join(folder, 'model.joblib'), 'not the packaged model'),
    );
    const result = await serve(replaced);
    expect(result.userError?.message).toMatch(
      /\(exit code 6\): .*model\.joblib has sha256 [0-9a-f]{64}, but metadata\.json records/,
    );
    expect(result.userError?.fix).toMatch(
      /^Serve the model folder package-model wrote, unchanged: model\.joblib is not the file it hashed/,
    );
  });

  it('a folder without the packaged files says what it must hold', async () => {
    const empty = await tempDir('cmd-serve-empty');
    const result = await serve(empty);
    expect(result.userError?.message).toMatch(/^The prediction server stopped \(exit code 1\): /);
    expect(result.userError?.fix).toBe(
      'Check the model folder holds model.joblib and metadata.json from package-model.',
    );
  });

  it('says to pick another port when it is taken, and another address when the host is not this machine', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as AddressInfo;
    try {
      const inUse = await serve(model, { port: String(port) });
      expect(inUse.userError?.message).toMatch(
        new RegExp(`\\(exit code 4\\): .*cannot listen on 127\\.0\\.0\\.1:${port}: .*in use`),
      );
      expect(inUse.userError?.fix).toBe(
        `Stop what listens on port ${port}, or pick another (--port 0 picks a free one).`,
      );
    } finally {
      taken.close();
    }
    const elsewhere = await serve(model, { host: '192.0.2.1' }); // documentation range: not this machine's
    expect(elsewhere.userError?.message).toMatch(
      /\(exit code 5\): .*cannot listen on 192\.0\.2\.1/,
    );
    expect(elsewhere.userError?.fix).toContain('Give --host an address of this machine');
  });
});
