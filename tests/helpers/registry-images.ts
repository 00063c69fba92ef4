import { execFile } from 'node:child_process';
import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type {
  ContainerExecutor,
  ContainerResult,
  ContainerRun,
} from '../../src/adapters/local-runner/executors.js';
import type { PredictionServerFactory } from '../emulators/vertex-predictions.js';
import { tempDir } from './paths.js';
import { untilHealthy } from './prediction-server.js';
import { unusedPort } from './ports.js';
import { tagExists } from './registry-api.js';
import { TEST_REGISTRY } from './services.js';

/**
 * Vertex AI's side of the images a workflow pushes: a pipeline task or an endpoint starts from an
 * image pulled from the registry, so an image that was never pushed (a pipeline still naming
 * `mlops-training:latest`, a missing `images:` wiring) fails the way Vertex fails it.
 */

const run = promisify(execFile);

/** Why Vertex could not pull `image` from the test registry, or undefined when it can. */
export async function pullProblem(image: string): Promise<string | undefined> {
  const match = /^([^/]+\.[^/]+|[^/]+:\d+)\/(.+?)(?:@(sha256:[0-9a-f]{64})|:([\w.-]+))?$/.exec(
    image,
  );
  if (match?.[1] !== TEST_REGISTRY.host) {
    // No registry host: Docker Hub, which holds no image of this project.
    return `Failed to pull image "${image}": pull access denied, repository does not exist or may require authorization`;
  }
  const [, , repository = '', digest, tag] = match;
  const reference = digest ?? tag ?? 'latest';
  return (await tagExists(repository, reference))
    ? undefined
    : `Failed to pull image "${image}": manifest unknown`;
}

/**
 * Runs each task only when its image can be pulled from the registry, then runs the command
 * with `inner` (the components the image was built from, in the repository's pipelines folder):
 * the wiring is what the journey checks; tests/e2e/pipeline-images.test.ts runs the components
 * inside the built image itself.
 */
export class RegistryImageExecutor implements ContainerExecutor {
  readonly name: ContainerExecutor['name'];
  readonly #inner: ContainerExecutor;
  readonly #pulled = new Map<string, Promise<string | undefined>>();
  /** Every image a task asked for, in order: what the journey asserts the pipeline ran in. */
  readonly images: string[] = [];

  constructor(inner: ContainerExecutor) {
    this.#inner = inner;
    this.name = inner.name;
  }

  async run(task: ContainerRun): Promise<ContainerResult> {
    this.images.push(task.image);
    let problem = this.#pulled.get(task.image);
    if (!problem) {
      problem = pullProblem(task.image);
      this.#pulled.set(task.image, problem);
    }
    const failure = await problem;
    if (!failure) return this.#inner.run(task);
    await mkdir(path.dirname(task.logFile), { recursive: true });
    await appendFile(task.logFile, `${failure}\n`);
    return { exitCode: 125, logTail: [failure], commandLine: `docker pull ${task.image}` };
  }
}

/** A DOCKER_CONFIG that may pull from the test registry (as Vertex's service agent may). */
export async function registryDockerConfig(): Promise<string> {
  const dir = await tempDir('docker-config');
  const auth = Buffer.from(`${TEST_REGISTRY.username}:${TEST_REGISTRY.password}`).toString(
    'base64',
  );
  await writeFile(
    path.join(dir, 'config.json'),
    JSON.stringify({ auths: { [TEST_REGISTRY.host]: { auth } } }),
  );
  return dir;
}

/**
 * Endpoint serving containers for the Vertex emulator: the deployed version's own serving image,
 * pulled from the registry and run with Docker as Vertex runs it (the AIP_* contract), the
 * model folder mounted where AIP_STORAGE_URI points.
 */
export function servingImageContainers(dockerConfig: string): PredictionServerFactory {
  const env = { ...process.env, DOCKER_CONFIG: dockerConfig };
  return async (deployed, version, container) => {
    const imageUri = version.containerSpec.imageUri;
    const image = typeof imageUri === 'string' ? imageUri : '';
    const problem = await pullProblem(image);
    if (problem) throw new Error(problem);
    const port = await unusedPort();
    const name = `mlops-endpoint-${deployed.id}-${port}`;
    const servingEnv: Record<string, string> = {
      ...container.env,
      AIP_STORAGE_URI: '/model',
      AIP_HTTP_PORT: '8080',
    };
    await run(
      'docker',
      [
        'run',
        '--detach',
        '--name',
        name,
        '--publish',
        `127.0.0.1:${port}:8080`,
        '--volume',
        `${container.modelDir}:/model:ro`,
        ...Object.entries(servingEnv).flatMap(([key, value]) => ['--env', `${key}=${value}`]),
        image,
      ],
      { env },
    );
    const url = `http://127.0.0.1:${port}`;
    const stop = async (): Promise<void> => {
      await run('docker', ['rm', '--force', name], { env }).catch(() => undefined);
    };
    const died = async (): Promise<string | undefined> => {
      const { stdout } = await run('docker', ['inspect', '--format', '{{.State.Running}}', name]);
      if (stdout.trim() === 'true') return undefined;
      const logs = await run('docker', ['logs', '--tail', '20', name]).catch(() => undefined);
      return `the serving container of ${image} exited:\n${logs ? logs.stdout + logs.stderr : ''}`;
    };
    try {
      await untilHealthy(url + (servingEnv.AIP_HEALTH_ROUTE ?? '/health'), image, died);
    } catch (error) {
      await stop();
      throw error;
    }
    return { url, stop };
  };
}
