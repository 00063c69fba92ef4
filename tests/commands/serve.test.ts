import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { serveCommand } from '../../src/commands/serve.js';
import { REPO_ROOT, tempDir } from '../helpers/paths.js';
import { runCommand, type InputValue } from '../helpers/recording-host.js';

/**
 * serve in-process without the prediction server: its input errors, and how it runs the server
 * and reads its exit status, with a stand-in interpreter (a shell script) in place of Python.
 * tests/commands/serve-server.test.ts runs the real server on a real model.
 */

let dir: string;
let model: string;

/** An executable that stands in for Python: it runs `script` (sh), its arguments in "$@". */
async function interpreter(name: string, script: string): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, `#!/bin/sh\n${script}\n`);
  await chmod(file, 0o755);
  return file;
}

function serve(inputs: Record<string, InputValue>, options: { signal?: AbortSignal } = {}) {
  return runCommand(serveCommand, inputs, { cwd: dir, env: {}, ...options });
}

beforeAll(async () => {
  dir = await tempDir('cmd-serve');
  model = path.join(dir, 'model');
  await mkdir(model);
  await writeFile(path.join(model, 'model.joblib'), 'stand-in');
});

describe('serve (in-process): inputs', () => {
  it('needs the model folder, and says what to give', async () => {
    const result = await serve({});
    expect(result.userError?.describe()).toContain('Missing required input "model-dir"');
    expect(result.userError?.describe()).toContain('Give the packaged model folder to serve.');
  });

  it('a missing folder or a file is one clear error before anything runs', async () => {
    const python = await interpreter('never-run', 'touch "$0.ran"');
    const missing = await serve({ 'model-dir': 'no/such/model', python });
    expect(missing.userError?.message).toContain('The model folder no/such/model does not exist');
    expect(missing.userError?.fix).toContain("the run's package-model/deployable_model");

    const file = await serve({ 'model-dir': 'model/model.joblib', python });
    expect(file.userError?.message).toContain(
      'The model folder model/model.joblib is a file, not a folder',
    );
    expect(file.userError?.fix).toBe(
      `Give the folder that holds it, ${model}, if package-model wrote it (model.joblib and metadata.json).`,
    );
    await expect(readFile(`${python}.ran`)).rejects.toThrow();
  });

  it('a port out of range or not a number is an error naming the input', async () => {
    for (const port of ['65536', '-1', 'eighty']) {
      const result = await serve({ 'model-dir': model, port });
      expect(result.userError?.message, port).toContain(`Input "port" is "${port}"`);
    }
    expect((await serve({ 'model-dir': model, port: '65536' })).userError?.fix).toContain(
      'Give a port from 0 to 65535.',
    );
  });

  it('takes the defaults: port 8080 on 127.0.0.1, python3 or MLOPS_PYTHON', async () => {
    const result = await runCommand(
      serveCommand,
      { 'model-dir': 'model' },
      { cwd: dir, env: { MLOPS_PYTHON: '/no/such/python3' } },
    );
    expect(result.inputs).toMatchObject({
      modelDir: model,
      port: 8080,
      host: '127.0.0.1',
      python: '/no/such/python3',
    });
    expect(result.userError?.message).toBe('Python (/no/such/python3) is not on PATH');
    expect(result.userError?.fix).toContain('pass --python');
  });
});

describe('serve (in-process): running the server', () => {
  it('runs serving.server from the packaged pipelines folder with the folder, port and host, and says where it serves', async () => {
    const python = await interpreter(
      'says-where',
      [
        'echo "cwd=$PWD bytecode=$PYTHONDONTWRITEBYTECODE args=$*" >&2',
        'echo "listening on http://$8:8123 (health /health, predict /predict)" >&2',
        'echo "" >&2',
      ].join('\n'),
    );
    const result = await serve({ 'model-dir': 'model', port: '0', host: '0.0.0.0', python });
    expect(result.userError?.describe()).toBeUndefined();
    expect(result.outputs).toEqual({});
    expect(result.infos).toEqual([
      `cwd=${path.join(REPO_ROOT, 'pipelines')} bytecode=1 args=-m serving.server --model-dir ${model} --port 0 --host 0.0.0.0`,
      `Serving ${model} at http://0.0.0.0:8123 (Ctrl-C stops it)`,
    ]);
  });

  it('turns each start-up status of the server into its fix', async () => {
    const fixes: Array<[number, string]> = [
      [1, 'Check the model folder holds model.joblib and metadata.json'],
      [2, 'Correct the setting the message names'],
      [3, 'Serve with the scikit-learn version the model was trained with'],
      [4, 'Stop what listens on port 9099, or pick another (--port 0 picks a free one).'],
      [5, 'Give --host an address of this machine'],
      [6, 'Serve the model folder package-model wrote, unchanged'],
    ];
    for (const [status, fix] of fixes) {
      const python = await interpreter(
        `exits-${status}`,
        `echo "serving.server: problem ${status}" >&2\necho "" >&2\nexit ${status}`,
      );
      const result = await serve({ 'model-dir': model, port: '9099', python });
      expect(result.userError?.message).toBe(
        `The prediction server stopped (exit code ${status}): serving.server: problem ${status}`,
      );
      expect(result.userError?.fix).toContain(fix);
      expect(result.infos).toContain(`serving.server: problem ${status}`);
    }
  });

  it('another status is a crash, not a configuration error', async () => {
    const python = await interpreter('crashes', 'echo "Traceback: boom" >&2\nexit 70');
    await expect(serve({ 'model-dir': model, python })).rejects.toThrow(
      'The prediction server stopped (exit code 70): Traceback: boom',
    );
  });

  it('stopping it (Ctrl-C) ends serve without an error', async () => {
    const python = await interpreter(
      'serves-forever',
      'echo "listening on http://127.0.0.1:8124" >&2\ntouch "$0.listening"\nexec sleep 60',
    );
    const controller = new AbortController();
    const running = serve({ 'model-dir': model, python }, { signal: controller.signal });
    // Stopped once it serves (a moment later, for its line to be read).
    for (let waited = 0; waited < 10_000 && !existsSync(`${python}.listening`); waited += 50)
      await sleep(50);
    await sleep(100);
    controller.abort();
    const result = await running;
    expect(result.userError).toBeUndefined();
    expect(result.outputs).toEqual({});
    expect(result.infos).toEqual([`Serving ${model} at http://127.0.0.1:8124 (Ctrl-C stops it)`]);
  });
});
