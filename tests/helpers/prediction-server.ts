/**
 * The reference prediction server (pipelines/serving/server.py) as the Vertex emulator's
 * stand-in for a deployed model's serving container (its `predictionServer` option): run with
 * this machine's Python on an unused loopback port, with the AIP_* variables Vertex sets and
 * AIP_STORAGE_URI pointing at the local folder of the version's gs:// artifactUri, ready once
 * its health route answers 200, stopped when the emulator says so.
 */
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import type { PredictionServerFactory } from '../emulators/vertex-predictions.js';
import { PIPELINES, pythonEnv } from './packaged-model.js';
import { unusedPort } from './ports.js';
import { PYTHON } from './services.js';

/** Loading scikit-learn and the model takes a few seconds on a busy 2-core machine. */
const READY_MS = 60_000;
const STOP_MS = 5_000;

export const servePackagedModel: PredictionServerFactory = (_deployed, _version, container) =>
  startPredictionServer(container.modelDir, container.env);

/** The server on a model folder, as the serving image runs it; ready once healthy. */
export async function startPredictionServer(
  modelDir: string,
  env: Readonly<Record<string, string>> = {},
): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await unusedPort();
  const child = spawn(PYTHON, ['-m', 'serving.server', '--host', '127.0.0.1'], {
    cwd: PIPELINES,
    env: pythonEnv({
      ...env,
      AIP_STORAGE_URI: modelDir,
      AIP_HTTP_PORT: String(port),
    }),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  let exitCode: number | null | undefined;
  const exited = new Promise<void>((resolve) => {
    child.once('error', (error) => {
      stderr += error.message;
      exitCode = null;
      resolve();
    });
    child.once('exit', (code) => {
      exitCode = code;
      resolve();
    });
  });
  const stop = async (): Promise<void> => {
    if (exitCode !== undefined) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_MS);
    await exited;
    clearTimeout(timer);
  };
  const url = `http://127.0.0.1:${port}`;
  try {
    await untilHealthy(`${url}${env.AIP_HEALTH_ROUTE ?? '/health'}`, 'serving.server', () =>
      Promise.resolve(
        exitCode === undefined
          ? undefined
          : `serving.server exited with status ${exitCode}: ${stderr.trim().split('\n').slice(-3).join(' ')}`,
      ),
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}

/**
 * Polls a server's health route until it answers 200. `died` says why when the server is gone
 * (then waiting longer is pointless); after READY_MS the wait gives up.
 */
export async function untilHealthy(
  health: string,
  server: string,
  died: () => Promise<string | undefined>,
): Promise<void> {
  for (const deadline = Date.now() + READY_MS; ; await sleep(100)) {
    const reason = await died();
    if (reason) throw new Error(reason);
    if (Date.now() > deadline)
      throw new Error(`${server} did not answer ${health} within ${READY_MS / 1000}s`);
    const status = await fetch(health).then(
      async (response) => (await response.arrayBuffer(), response.status),
      () => 0,
    );
    if (status === 200) return;
  }
}
