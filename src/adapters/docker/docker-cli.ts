import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { RemoteFailure, UserError } from '../../core/errors.js';
import {
  normalizePackageName,
  type PythonEnvironment,
} from '../../core/images/framework-versions.js';
import { quoteArgv, runProcess, type ProcessResult } from '../process.js';
import type { BasicCredentials, RegistryCredentials } from '../registry/registry-client.js';

/**
 * The Docker CLI, with a Docker config folder of its own: logins made here never touch the
 * user's ~/.docker/config.json, and the folder is deleted on close.
 */

export interface DockerOptions {
  readonly tempDir: string;
  readonly env: NodeJS.ProcessEnv;
  readonly signal?: AbortSignal;
  /** Live output of builds and pushes. */
  readonly onOutput?: (line: string) => void;
}

export interface LocalImage {
  readonly id: string;
  readonly os: string;
  readonly architecture: string;
  readonly variant?: string;
  readonly labels: Record<string, string>;
}

export interface BuildSpec {
  readonly context: string;
  readonly dockerfile: string;
  readonly platform: string;
  readonly buildArgs: Readonly<Record<string, string>>;
  readonly labels: Readonly<Record<string, string>>;
  readonly tags: readonly string[];
}

/** Prints the Python version and every installed distribution as JSON (Python 3.8+). */
const PYTHON_PROBE = [
  'import json, sys',
  'from importlib import metadata',
  'packages = {}',
  'for dist in metadata.distributions():',
  '    name = dist.metadata["Name"]',
  '    if name: packages[name] = dist.version',
  'print(json.dumps({"python": "%d.%d.%d" % sys.version_info[:3], "packages": packages}))',
].join('\n');

export class DockerCli {
  #buildx: boolean | undefined;

  private constructor(
    private readonly configDir: string,
    private readonly options: DockerOptions,
  ) {}

  /** Checks the engine answers, then makes the private config folder. */
  static async open(options: DockerOptions): Promise<DockerCli> {
    const probe = await runProcess('docker', ['version', '--format', '{{.Server.Version}}'], {
      env: options.env,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    if (probe.spawnError?.code === 'ENOENT') {
      throw new UserError('Building images needs the docker CLI, which is not on PATH', {
        fix: 'Install Docker (GitHub-hosted Ubuntu runners have it).',
      });
    }
    if (probe.exitCode !== 0) {
      throw new UserError(`The Docker engine does not answer: ${lastLine(probe)}`, {
        fix: 'Start dockerd (or Docker Desktop) and check that this user may use it.',
      });
    }
    const configDir = await mkdtemp(path.join(options.tempDir, 'docker-config-'));
    // Keep the user's CLI plugins (buildx installed under ~/.docker) visible.
    const userPlugins = path.join(
      options.env.DOCKER_CONFIG ?? path.join(homedir(), '.docker'),
      'cli-plugins',
    );
    if (existsSync(userPlugins)) await symlink(userPlugins, path.join(configDir, 'cli-plugins'));
    return new DockerCli(configDir, options);
  }

  async close(): Promise<void> {
    await rm(this.configDir, { recursive: true, force: true });
  }

  /** Logs in to `host` with what `credentials` has for it; anonymous when it has nothing. */
  async loginWith(credentials: RegistryCredentials, host: string): Promise<void> {
    const basic = await credentials.basic(host);
    if (basic) await this.login(host, basic);
  }

  async login(host: string, credentials: BasicCredentials): Promise<void> {
    const result = await this.#run(
      ['login', host, '--username', credentials.username, '--password-stdin'],
      { input: credentials.password, quiet: true },
    );
    if (result.exitCode !== 0) {
      const reason = lastLine(result);
      if (registryFault(reason) === 'remote') {
        throw new RemoteFailure(`The registry ${host} failed the login: ${reason}`, {
          fix: REMOTE_FIX,
        });
      }
      throw new UserError(
        `The registry ${host} refused the login of ${credentials.username}: ${reason}`,
        {
          fix: 'For Artifact Registry, run the auth step first and grant its service account roles/artifactregistry.writer on the repository; for other registries check registry-username and registry-password.',
        },
      );
    }
  }

  /** buildx builds with BuildKit; without it the classic builder is used. */
  async hasBuildx(): Promise<boolean> {
    this.#buildx ??= (await this.#run(['buildx', 'version'], { quiet: true })).exitCode === 0;
    return this.#buildx;
  }

  /** Builds and tags an image locally; returns its ID. */
  async build(spec: BuildSpec): Promise<string> {
    const iidFile = path.join(this.configDir, 'image-id');
    const flags = [
      '--platform',
      spec.platform,
      '--file',
      spec.dockerfile,
      '--iidfile',
      iidFile,
      ...Object.entries(spec.buildArgs).flatMap(([key, value]) => [
        '--build-arg',
        `${key}=${value}`,
      ]),
      ...Object.entries(spec.labels).flatMap(([key, value]) => ['--label', `${key}=${value}`]),
      ...spec.tags.flatMap((tag) => ['--tag', tag]),
    ];
    // --load puts the image in the engine for the checks that follow; provenance attestations
    // would wrap even one platform in an index, so they stay off (the labels carry the source).
    const args = (await this.hasBuildx())
      ? ['buildx', 'build', '--load', '--provenance=false', ...flags, spec.context]
      : ['build', ...flags, spec.context];
    const result = await this.#run(args, {});
    if (result.exitCode !== 0) {
      throw new UserError(`docker build failed: ${lastLine(result)}`, {
        fix: `Fix the Dockerfile or build context; the build log is above. Command: ${quoteArgv(['docker', ...args])}`,
      });
    }
    return (await readFile(iidFile, 'utf8')).trim();
  }

  /** Adds labels to a built image (a LABEL-only build on top of it), tagged with `tags`. */
  async addLabels(
    image: string,
    platform: string,
    labels: Readonly<Record<string, string>>,
    tags: readonly string[],
  ): Promise<void> {
    if (Object.keys(labels).length === 0) {
      for (const tag of tags) {
        const result = await this.#run(['tag', image, tag], { quiet: true });
        if (result.exitCode !== 0) throw new Error(`Could not tag ${image}: ${lastLine(result)}`);
      }
      return;
    }
    const args = [
      'build',
      '--platform',
      platform,
      ...Object.entries(labels).flatMap(([key, value]) => ['--label', `${key}=${value}`]),
      ...tags.flatMap((tag) => ['--tag', tag]),
      '-',
    ];
    const result = await this.#run(args, { input: `FROM ${image}\n`, quiet: true });
    if (result.exitCode !== 0) throw new Error(`Could not label ${image}: ${lastLine(result)}`);
  }

  async inspect(image: string): Promise<LocalImage | undefined> {
    const result = await this.#run(['image', 'inspect', '--format', '{{json .}}', image], {
      quiet: true,
    });
    if (result.exitCode !== 0) return undefined;
    const body = JSON.parse(result.stdout) as {
      Id: string;
      Os: string;
      Architecture: string;
      Variant?: string;
      Config?: { Labels?: Record<string, string> | null };
    };
    return {
      id: body.Id,
      os: body.Os,
      architecture: body.Architecture,
      ...(body.Variant ? { variant: body.Variant } : {}),
      labels: body.Config?.Labels ?? {},
    };
  }

  /** Pushes a tag; returns the digest the registry gave the manifest. */
  async push(image: string): Promise<string> {
    const result = await this.#run(['push', image], {});
    const digest = /digest: (sha256:[a-f0-9]{64})/.exec(result.logTail.join('\n'))?.[1];
    if (result.exitCode !== 0 || !digest) {
      const reason = lastLine(result);
      // A refusal (credentials, a repository that does not exist) is the user's to fix; a
      // registry that fails or cannot be reached is not.
      if (registryFault(reason) === 'user') {
        throw new UserError(`docker push ${image} was refused: ${reason}`, {
          fix: 'Check that the credentials may push to this repository (roles/artifactregistry.writer for Artifact Registry) and that the repository exists.',
        });
      }
      throw new RemoteFailure(`docker push ${image} failed: ${reason}`, { fix: REMOTE_FIX });
    }
    return digest;
  }

  async pull(image: string): Promise<void> {
    const result = await this.#run(['pull', '--quiet', image], { quiet: true });
    if (result.exitCode !== 0) {
      const reason = lastLine(result);
      if (registryFault(reason) === 'user') {
        throw new UserError(`docker pull ${image} failed: ${reason}`, {
          fix: 'Check the image reference and that the credentials may read it.',
        });
      }
      throw new RemoteFailure(`docker pull ${image} failed: ${reason}`, { fix: REMOTE_FIX });
    }
  }

  /** Runs Python inside the image (no network) to list its version and packages. */
  async pythonEnvironment(image: string): Promise<PythonEnvironment> {
    let last: ProcessResult | undefined;
    for (const python of ['python3', 'python']) {
      last = await this.#run(
        ['run', '--rm', '--network', 'none', '--entrypoint', python, image, '-c', PYTHON_PROBE],
        { quiet: true },
      );
      if (last.exitCode === 0) {
        const parsed = JSON.parse(last.stdout.trim().split('\n').at(-1) ?? '') as {
          python: string;
          packages: Record<string, string>;
        };
        return {
          python: parsed.python,
          packages: Object.fromEntries(
            Object.entries(parsed.packages).map(([name, version]) => [
              normalizePackageName(name),
              version,
            ]),
          ),
        };
      }
      // 127: the entrypoint is not in the image; try the next name.
      if (last.exitCode !== 127) break;
    }
    const reason = last?.exitCode === 127 ? 'it has no python3 or python' : lastLine(last);
    throw new UserError(`Cannot read the Python packages of ${image}: ${reason}`, {
      fix: 'The image needs python3 (3.8 or later) on its PATH; or compare images that have it.',
    });
  }

  #run(
    args: readonly string[],
    options: { input?: string; quiet?: boolean },
  ): Promise<ProcessResult> {
    return runProcess('docker', args, {
      env: { ...this.options.env, DOCKER_CONFIG: this.configDir },
      ...(options.input !== undefined ? { input: options.input } : {}),
      ...(!options.quiet && this.options.onOutput ? { onOutput: this.options.onOutput } : {}),
      ...(this.options.signal ? { signal: this.options.signal } : {}),
    });
  }
}

const REMOTE_FIX =
  'The registry failed or could not be reached (see the message): run the step again; if it keeps failing, check the registry status and the network between this machine and it.';

/**
 * What the user fixes, in docker's and registries' wording: credentials and permissions, names
 * that do not exist, a host that does not resolve, TLS set-up (a certificate, an HTTP registry).
 */
const REFUSED =
  /\b(unauthori[sz]ed|denied|forbidden|authentication required|(name|manifest|blob) unknown|not found|does not exist|no such host|invalid reference|invalid username|incorrect username|x509|certificate|server gave HTTP response to HTTPS client|401|403|404)\b/i;

/**
 * Who a registry operation's failure is for: `user` for a refusal (see REFUSED), `remote` for
 * anything else the registry or the network did (5xx, timeouts, refused or reset connections,
 * rate limits).
 */
function registryFault(reason: string): 'user' | 'remote' {
  return REFUSED.test(reason) ? 'user' : 'remote';
}

/** The line that says what went wrong (docker ends some errors with a pointer to --help). */
function lastLine(result: ProcessResult | undefined): string {
  return (
    result?.logTail
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith("Run 'docker"))
      .at(-1) ?? 'no output'
  );
}
