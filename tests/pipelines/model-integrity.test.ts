/**
 * The model bucket is a code-execution boundary (joblib runs code while it loads a model), so
 * what loads a model first checks it is the one package-model hashed: the prediction server
 * (against MLOPS_MODEL_SHA256, which deploy sets, else metadata.json's model_sha256), and
 * batch prediction through components.common.load_model_dir. gs:// object names that could
 * reach files outside their folder (`..`, a leading /) are refused wherever they become paths.
 * The server also caps its concurrent connections and does not announce its Python version.
 */
import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageModel, PIPELINES, pythonEnv, runPython } from '../helpers/packaged-model.js';
import { tempDir } from '../helpers/paths.js';
import { PYTHON, pythonWithSklearn } from '../helpers/services.js';

const sha256 = async (file: string): Promise<string> =>
  createHash('sha256')
    .update(await readFile(file))
    .digest('hex');

/** The server on a free loopback port, resolved with its URL once it listens. */
function startServer(args: string[], env: Record<string, string> = {}) {
  const child = spawn(
    PYTHON,
    ['-m', 'serving.server', '--port', '0', '--host', '127.0.0.1', ...args],
    {
      cwd: PIPELINES,
      env: pythonEnv(env),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const url = new Promise<string>((resolve, reject) => {
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const found = /^listening on (http:\/\/\S+)$/m.exec(stdout)?.[1];
      if (found) resolve(found);
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${stderr}`)));
  });
  return { child, url, stderr: () => stderr };
}

describe.skipIf(!pythonWithSklearn())('model integrity and server hardening', () => {
  let dir: string;
  let model: string;

  beforeAll(async () => {
    dir = await tempDir('model-integrity');
    ({ model } = await packageModel(dir));
  }, 120_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** A copy of the packaged model, its model.joblib replaced when `content` is given. */
  async function copyModel(name: string, content?: string): Promise<string> {
    const copy = join(dir, name);
    await cp(model, copy, { recursive: true });
    if (content !== undefined) await writeFile(join(copy, 'model.joblib'), content);
    return copy;
  }

  it("package-model records model.joblib's sha256 in metadata.json and the artifact metadata", async () => {
    const metadata = JSON.parse(await readFile(join(model, 'metadata.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(metadata.model_sha256).toBe(await sha256(join(model, 'model.joblib')));

    const out = join(dir, 'executor');
    const outputFile = join(out, 'executor_output.json');
    const executorInput = {
      outputs: {
        outputFile,
        artifacts: {
          deployable_model: { artifacts: [{ name: 'deployable_model', uri: 'gs://b/m' }] },
        },
      },
    };
    const result = await runPython([
      '-m',
      'components.package_model',
      ...[
        '--model',
        model,
        '--metrics',
        join(dir, 'metrics.json'),
        '--model-name',
        'random_forest',
      ],
      ...['--deployable-model', join(out, 'deployable'), '--model-card', join(out, 'card.md')],
      ...['--executor-input', JSON.stringify(executorInput)],
    ]);
    expect(result.code, result.stderr).toBe(0);
    const written = JSON.parse(await readFile(outputFile, 'utf8')) as {
      artifacts: Record<string, { artifacts: Array<{ metadata: Record<string, unknown> }> }>;
    };
    expect(written.artifacts.deployable_model?.artifacts[0]?.metadata.model_sha256).toBe(
      metadata.model_sha256,
    );
  });

  it('the server refuses a model.joblib that is not the one metadata.json records (exit 6)', async () => {
    const tampered = await copyModel('tampered', 'not the packaged model');
    const result = await runPython([
      '-m',
      'serving.server',
      '--model-dir',
      tampered,
      '--port',
      '0',
    ]);
    expect(result.code).toBe(6);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(
        `^serving: error: .*model\\.joblib has sha256 ${await sha256(join(tampered, 'model.joblib'))}, ` +
          `but metadata\\.json records ${await sha256(join(model, 'model.joblib'))}`,
      ),
    );
    expect(lines[0]).not.toContain('could not load');
  });

  it('the server checks MLOPS_MODEL_SHA256 (set by deploy) before metadata.json, and refuses a malformed one', async () => {
    // 192.0.2.1 is never this machine: a server that loaded the model would exit 5.
    const args = [
      '-m',
      'serving.server',
      '--model-dir',
      model,
      '--port',
      '0',
      '--host',
      '192.0.2.1',
    ];
    const pinned = await runPython(args, { MLOPS_MODEL_SHA256: 'ab'.repeat(32) });
    expect(pinned.code).toBe(6);
    expect(pinned.stderr).toContain(`but MLOPS_MODEL_SHA256 is ${'ab'.repeat(32)}`);
    const matching = await runPython(args, {
      MLOPS_MODEL_SHA256: await sha256(join(model, 'model.joblib')),
    });
    expect(matching.code, matching.stderr).toBe(5);
    const malformed = await runPython(args, { MLOPS_MODEL_SHA256: 'abc' });
    expect(malformed.code).toBe(2);
    expect(malformed.stderr.trim()).toMatch(
      /^serving: error: MLOPS_MODEL_SHA256 must be 64 hexadecimal digits/,
    );
  });

  it('batch prediction refuses to unpickle a model whose sha256 differs from the recorded one', async () => {
    const tampered = await copyModel('tampered-batch', 'not the packaged model');
    const result = await runPython([
      '-c',
      'import sys\nfrom components.common import run, load_model_dir\n' +
        'run("batch_predict", lambda argv: load_model_dir(sys.argv[1], "model"))',
      tampered,
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toMatch(
      /^batch_predict: error: .*model\.joblib has sha256 [0-9a-f]{64}, but metadata\.json records [0-9a-f]{64}/,
    );
  });

  it('refuses gs:// object names that reach outside their folder', async () => {
    const fuse = join(dir, 'gcs');
    await mkdir(join(fuse, 'bucket'), { recursive: true });
    const script =
      'import sys\nfrom components.common import run\nfrom components.data_sources import local_path\n' +
      'run("batch_predict", lambda argv: print(local_path(sys.argv[1], "model")))';
    for (const uri of ['gs://bucket/../../etc/passwd', 'gs://bucket//etc/passwd']) {
      const result = await runPython(['-c', script, uri], { MLOPS_GCS_FUSE_ROOT: fuse });
      expect(result.code, `${uri}: ${result.stdout}`).toBe(1);
      expect(result.stderr.trim()).toMatch(
        /^batch_predict: error: .*gs:\/\/bucket\/.*etc\/passwd.* outside/,
      );
    }
    const api = await runPython([
      '-c',
      'from cloud import storage\nstorage.read_bytes("gs://bucket/../../etc/passwd")',
    ]);
    expect(api.code).not.toBe(0);
    expect(api.stderr).toMatch(
      /CloudError: .*gs:\/\/bucket\/\.\.\/\.\.\/etc\/passwd.* \.\. segment/,
    );
    const served = await runPython(['-m', 'serving.server', '--port', '0'], {
      AIP_STORAGE_URI: 'gs://bucket/../../etc/passwd',
      MLOPS_STORAGE_ENDPOINT: 'http://127.0.0.1:9',
    });
    expect(served.code).toBe(1);
    expect(served.stderr.trim()).toMatch(/^serving: error: .*\.\. segment/);
  });

  it('the server does not announce its Python version', async () => {
    const server = startServer(['--model-dir', model]);
    try {
      const response = await fetch(`${await server.url}/health`);
      expect(response.status).toBe(200);
      expect(response.headers.get('server')).toBe('mlops-serving');
    } finally {
      server.child.kill('SIGKILL');
    }
  });

  it('the server answers 503 with Retry-After beyond its connection cap, and serves again once one closes', async () => {
    // The cap is per worker: one worker, so two connections fill the server.
    const server = startServer(['--model-dir', model, '--max-connections', '2', '--workers', '1']);
    const sockets: Socket[] = [];
    try {
      const { port } = new URL(await server.url);
      // Two idle keep-alive connections hold both slots.
      for (let i = 0; i < 2; i++) {
        const socket = connect(Number(port), '127.0.0.1');
        await new Promise((resolve) => socket.once('connect', resolve));
        sockets.push(socket);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
      const busy = await fetch(`${await server.url}/health`);
      expect(busy.status).toBe(503);
      expect(busy.headers.get('retry-after')).toBe('1');
      expect(((await busy.json()) as { error: string }).error).toMatch(/busy/);
      sockets.pop()?.destroy();
      let status = 0;
      for (let i = 0; i < 50 && status !== 200; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        status = (await fetch(`${await server.url}/health`)).status;
      }
      expect(status).toBe(200);
    } finally {
      for (const socket of sockets) socket.destroy();
      server.child.kill('SIGKILL');
    }
  });
});
