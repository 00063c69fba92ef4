import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mlops, type ProcessResult } from '../helpers/cli.js';
import { packageModel } from '../helpers/packaged-model.js';
import { REPO_ROOT, tempDir } from '../helpers/paths.js';
import { getJson } from '../helpers/registry-api.js';
import {
  PYTHON_IMAGES,
  serviceAvailable,
  TEST_REGISTRY,
  imageServices,
} from '../helpers/services.js';

/**
 * The images of pipelines/ as a team builds them: pipelines/Dockerfile (training) and
 * pipelines/Dockerfile.serving, built with the bundled CLI from one requirements.txt and pushed
 * to a real registry. The bookworm test base has Debian's packages at exactly those pins and pip
 * without an index, so the builds succeed only if every pin is met. A model is then trained by
 * the components inside the training image and served by the serving image, as Vertex runs it.
 */

const PIPELINES = path.join(REPO_ROOT, 'pipelines');
const MANIFEST_TYPES = [
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');
/** The pinned packages `build` records as mlops.framework.* labels (docs/images.md). */
const LABELLED_PINS = ['scikit-learn', 'numpy', 'pandas', 'joblib'];

/** The bookworm base must have pip (older local images made by the script do not). */
function offlinePipInBase(): boolean {
  return serviceAvailable(
    `pip in ${PYTHON_IMAGES.training} (bash scripts/build-test-images.sh rebuilds an outdated one)`,
    () => {
      execFileSync(
        'docker',
        ['run', '--rm', '--network', 'none', PYTHON_IMAGES.training, 'python3', '-m', 'pip', '-V'],
        { stdio: 'ignore', timeout: 60_000 },
      );
      return true;
    },
  );
}

function docker(args: readonly string[], timeout = 120_000): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    execFile(
      'docker',
      args,
      { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, timeout },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') {
          reject(new Error(`docker ${args.join(' ')} failed to run: ${error.message}`));
          return;
        }
        resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
      },
    );
  });
}

/** `name==version` lines of requirements.txt, by PEP 503 name. */
function parsePins(text: string): Record<string, string> {
  const pins: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*==\s*([^\s;#]+)/.exec(line);
    if (match?.[1] && match[2]) pins[match[1].toLowerCase().replace(/[-_.]+/g, '-')] = match[2];
  }
  return pins;
}

interface PushedImage {
  /** REGISTRY/PATH/NAME@sha256:… */
  readonly reference: string;
  readonly os: string;
  readonly architecture: string;
  readonly labels: Record<string, string>;
  readonly user: string;
  readonly exposedPorts: string[];
}

/** What the registry holds under a tag, read without the client under test. */
async function pushedImage(repository: string, tag: string): Promise<PushedImage> {
  const manifest = await getJson(`${repository}/manifests/${tag}`, MANIFEST_TYPES);
  const digest = manifest.headers.get('docker-content-digest') ?? '';
  const configDigest = (manifest.body.config as { digest: string }).digest;
  const config = (await getJson(`${repository}/blobs/${configDigest}`, '*/*')).body as {
    os: string;
    architecture: string;
    config: { Labels?: Record<string, string>; User?: string; ExposedPorts?: object };
  };
  return {
    reference: `${TEST_REGISTRY.host}/${repository}@${digest}`,
    os: config.os,
    architecture: config.architecture,
    labels: config.config.Labels ?? {},
    user: config.config.User ?? '',
    exposedPorts: Object.keys(config.config.ExposedPorts ?? {}),
  };
}

function frameworkLabels(labels: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(labels)
      .filter(([key]) => key.startsWith('mlops.framework.'))
      .map(([key, value]) => [key.slice('mlops.framework.'.length), value]),
  );
}

/** The versions pip installed, read by Python inside the image (no network). */
async function installedVersions(
  image: string,
  names: readonly string[],
): Promise<Record<string, string>> {
  const script = [
    'import json, sys',
    'from importlib.metadata import version',
    'print(json.dumps({name: version(name) for name in sys.argv[1:]}))',
  ].join('\n');
  const result = await docker([
    ...['run', '--rm', '--network', 'none', '--entrypoint', 'python3', image],
    ...['-c', script, ...names],
  ]);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Record<string, string>;
}

async function waitForHealth(url: string, container: string): Promise<Response> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      const response = await fetch(url);
      if (response.status === 200) return response;
    } catch {
      // Not listening yet (docker's proxy resets the connection until the server is up).
    }
    const state = await docker(['inspect', '--format', '{{.State.Running}}', container]);
    if (state.stdout.trim() !== 'true' || Date.now() > deadline) {
      const logs = await docker(['logs', container]);
      throw new Error(`the serving container is not healthy:\n${logs.stdout}${logs.stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe.skipIf(!imageServices() || !offlinePipInBase())(
  'pipelines/ training and serving images from one requirements.txt',
  () => {
    // The registry keeps its data between runs: a fresh path (and commit) per run.
    const run = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
    const repository = `mlops-e2e/pipeline-images-${run}`;
    const commit = randomBytes(20).toString('hex');
    const commitTag = commit.slice(0, 7);
    const container = `mlops-test-serving-${run}`;
    const env = {
      GITHUB_SHA: commit,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'acme/ml',
    };
    const build = (image: string, ...flags: string[]): Promise<ProcessResult> =>
      mlops(
        [
          ...['build', `${TEST_REGISTRY.host}/${repository}/${image}`, '--context', 'pipelines'],
          ...['--build-args', `BASE_IMAGE=${PYTHON_IMAGES.training}`],
          ...['--registry-password', TEST_REGISTRY.password, ...flags],
        ],
        { env },
      );
    let pins: Record<string, string>;
    let work: string;
    let trainer: PushedImage | undefined;
    let server: PushedImage | undefined;
    let model = '';

    beforeAll(async () => {
      pins = parsePins(await readFile(path.join(PIPELINES, 'requirements.txt'), 'utf8'));
      work = await tempDir('pipeline-images');
    });

    afterAll(async () => {
      await docker(['rm', '--force', container]);
      // The local copies of this run's images (the registry keeps its own).
      const listed = await docker(['image', 'ls', '--format', '{{.Repository}}:{{.Tag}}']);
      const local = listed.stdout
        .split('\n')
        .filter((name) => name.startsWith(`${TEST_REGISTRY.host}/${repository}/`));
      if (local.length > 0) await docker(['image', 'rm', ...local]);
    });

    it('builds the training image offline on the pinned base: labels and installed versions are the pins', async () => {
      expect(Object.keys(pins)).toEqual(expect.arrayContaining(LABELLED_PINS));
      const result = await build('trainer');
      expect(result.code, result.stdout + result.stderr).toBe(0);
      // The base is named by tag here (a local image): the build says to pin it by digest.
      expect(result.stderr + result.stdout).toContain(
        `The base image ${PYTHON_IMAGES.training} is named by tag`,
      );
      // requirements.txt pins versions, not hashes: the build says so, naming the count.
      expect(result.stderr + result.stdout).toContain(
        `requirements.txt gives pip ${Object.keys(pins).length} requirements without --hash`,
      );

      trainer = await pushedImage(`${repository}/trainer`, commitTag);
      expect(`${trainer.os}/${trainer.architecture}`).toBe('linux/amd64');
      const labelled = frameworkLabels(trainer.labels);
      for (const name of LABELLED_PINS) expect(labelled[name], name).toBe(pins[name]);
      expect(labelled.python).toMatch(/^3\.11\./);
      expect(trainer.labels['org.opencontainers.image.revision']).toBe(commit);
      expect(await installedVersions(trainer.reference, Object.keys(pins))).toEqual(pins);
      // Tasks run as the image's unprivileged user where no runner overrides it (Vertex).
      const user = await docker([
        'run',
        '--rm',
        '--network',
        'none',
        trainer.reference,
        'id',
        '-u',
      ]);
      expect(user.stdout.trim()).toBe('10001');
    }, 300_000);

    it('runs the components in the training image: a model trained offline, as the docker executor runs tasks', async () => {
      expect(trainer).toBeDefined();
      const image = trainer?.reference ?? '';
      const file = (name: string): string => path.join(work, name);
      // As `mlops run --local --executor docker`: as the invoking user, the task folder mounted
      // at the same path, the image's working directory, no network.
      const user = `${process.getuid?.() ?? 0}:${process.getgid?.() ?? 0}`;
      const component = async (module: string, args: string[]): Promise<void> => {
        const result = await docker([
          ...['run', '--rm', '--network', 'none', '--user', user, '--volume', `${work}:${work}`],
          ...[image, 'python3', '-m', `components.${module}`, ...args],
        ]);
        expect(result.code, `${module}: ${result.stderr}`).toBe(0);
      };

      // A relative data_uri (the pipeline's default form) resolves in the image's data/.
      await packageModel(work, component);
      expect(await readFile(file('raw.csv'), 'utf8')).toBe(
        await readFile(path.join(PIPELINES, 'data/churn_sample.csv'), 'utf8'),
      );
      const metadata = JSON.parse(
        await readFile(file('deployable/metadata.json'), 'utf8'),
      ) as Record<string, unknown>;
      expect(metadata.framework_version).toBe(pins['scikit-learn']);
      model = file('deployable');
    }, 180_000);

    it('builds the serving image against the training image: the framework check passes, the same versions', async () => {
      expect(trainer).toBeDefined();
      const result = await build(
        'server',
        ...['--dockerfile', 'pipelines/Dockerfile.serving'],
        ...['--training-image', trainer?.reference ?? ''],
      );
      const log = result.stdout + result.stderr;
      expect(result.code, log).toBe(0);
      expect(log).toContain('Framework versions, training vs serving');
      expect(log).toMatch(
        new RegExp(
          `^scikit-learn\\s.*${pins['scikit-learn']?.replaceAll('.', '\\.')}.*\\ssame\\s*$`,
          'm',
        ),
      );

      server = await pushedImage(`${repository}/server`, commitTag);
      expect(`${server.os}/${server.architecture}`).toBe('linux/amd64');
      expect(frameworkLabels(server.labels)).toEqual(frameworkLabels(trainer?.labels ?? {}));
      expect(await installedVersions(server.reference, Object.keys(pins))).toEqual(pins);
      expect(server.exposedPorts).toContain('8080/tcp');
      expect(server.user).not.toMatch(/^(|0|root)(:|$)/);
    }, 300_000);

    it('serves the model from the training image as Vertex runs it: AIP_STORAGE_URI, port 8080, not root', async () => {
      expect(server).toBeDefined();
      expect(model).not.toBe('');
      // The server's user is not the one that wrote the model: it only needs to read it.
      execFileSync('chmod', ['-R', 'a+rX', model]);
      await chmod(work, 0o755);
      const started = await docker([
        ...['run', '--detach', '--name', container, '--publish', '127.0.0.1::8080'],
        ...['--volume', `${model}:/mnt/model:ro`, '--env', 'AIP_STORAGE_URI=/mnt/model'],
        server?.reference ?? '',
      ]);
      expect(started.code, started.stderr).toBe(0);
      const port = /:(\d+)\s*$/m.exec((await docker(['port', container, '8080/tcp'])).stdout)?.[1];
      expect(port).toBeDefined();
      const url = `http://127.0.0.1:${port ?? ''}`;

      const health = (await (await waitForHealth(`${url}/health`, container)).json()) as Record<
        string,
        unknown
      >;
      expect(health).toMatchObject({ status: 'ok', framework_version: pins['scikit-learn'] });

      const metadata = JSON.parse(await readFile(path.join(model, 'metadata.json'), 'utf8')) as {
        feature_schema: Array<{ name: string }>;
      };
      const [header = '', ...rows] = (await readFile(path.join(work, 'test.csv'), 'utf8'))
        .trim()
        .split('\n');
      const columns = header.split(',');
      const instances = rows.slice(0, 3).map((row) => {
        const values = row.split(',');
        return Object.fromEntries(
          metadata.feature_schema.map(({ name }) => [name, values[columns.indexOf(name)] ?? null]),
        );
      });
      const answer = await fetch(`${url}/predict`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ instances }),
      });
      expect(answer.status, await answer.clone().text()).toBe(200);
      const { predictions } = (await answer.json()) as {
        predictions: Array<{ label: string; probabilities: Record<string, number> }>;
      };
      expect(predictions).toHaveLength(instances.length);
      const labels = new Set(
        (await readFile(path.join(PIPELINES, 'data/churn_sample.csv'), 'utf8'))
          .trim()
          .split('\n')
          .slice(1)
          .map((line) => line.split(',').at(-1)),
      );
      for (const prediction of predictions) {
        expect(labels).toContain(prediction.label);
        expect(new Set(Object.keys(prediction.probabilities))).toEqual(labels);
        const total = Object.values(prediction.probabilities).reduce((a, b) => a + b, 0);
        expect(total).toBeCloseTo(1, 6);
        const best = Object.entries(prediction.probabilities).sort(([, a], [, b]) => b - a)[0];
        expect(best?.[0]).toBe(prediction.label);
      }

      // The server (PID 1) runs as the image's non-root user; the image holds serving/, cloud/ and
      // the user's feature steps (a saved model refers to them by module name).
      const status = await docker(['exec', container, 'cat', '/proc/1/status']);
      const uids = /^Uid:\s+(.*)$/m.exec(status.stdout)?.[1]?.trim().split(/\s+/) ?? [];
      expect(uids).toHaveLength(4);
      for (const uid of uids) expect(uid).not.toBe('0');
      expect(uids[0]).toBe(server?.user.split(':')[0]);
      const listing = await docker(['exec', container, 'ls', '-A', '/pipelines']);
      expect(listing.stdout.trim().split('\n').sort()).toEqual([
        'cloud',
        'features.py',
        'requirements.txt',
        'serving',
      ]);

      // Vertex stops a container with SIGTERM: the server ends cleanly.
      expect((await docker(['stop', '--time', '20', container])).code).toBe(0);
      const exited = await docker(['inspect', '--format', '{{.State.ExitCode}}', container]);
      expect(exited.stdout.trim()).toBe('0');
    }, 120_000);
  },
);
