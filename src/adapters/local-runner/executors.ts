import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { getExecOutput } from '@actions/exec';
import { UserError } from '../../core/errors.js';
import type { PipelineContainerSpec } from '../../core/ir/schema-executors.js';
import { taskEnvironment } from '../../core/pipeline/task-environment.js';
import { quoteArgv, runProcess } from '../process.js';
import { importFailureHint } from './python-hint.js';

/** A container task with its command line already resolved. */
export interface ContainerRun {
  readonly taskPath: string;
  readonly image: string;
  /** Resolved `command` then `args`; `commandLength` says where command ends. */
  readonly argv: readonly string[];
  readonly commandLength: number;
  readonly env: Readonly<Record<string, string>>;
  readonly resources: PipelineContainerSpec['resources'];
  /** Working directory for subprocess runs (the pipeline's folder). */
  readonly workdir: string;
  /** Folders the task reads and writes: mounted at the same path in docker runs. */
  readonly mounts: readonly string[];
  readonly logFile: string;
  readonly onOutput?: (line: string) => void;
  readonly signal?: AbortSignal;
}

export interface ContainerResult {
  readonly exitCode: number;
  readonly logTail: readonly string[];
  /** The command line as the user would type it, for failure reports. */
  readonly commandLine: string;
  /** What to do about a failure, when the executor can tell. */
  readonly hint?: string;
}

export interface ContainerExecutor {
  readonly name: 'subprocess' | 'docker';
  run(task: ContainerRun): Promise<ContainerResult>;
}

/**
 * The default executor: runs the container's command on this machine. `python`/`python3`
 * commands use the interpreter the user chose, since the host's first python3 may lack
 * the packages the image would have.
 */
export class SubprocessExecutor implements ContainerExecutor {
  readonly name = 'subprocess' as const;
  readonly #python: string | undefined;
  readonly #pythonPath: readonly string[];
  readonly #passEnv: readonly string[];

  /**
   * `pythonPath`: folders put ahead of the user's PYTHONPATH, so `python3 -m components.x`
   * finds a repository's own component packages wherever the command runs from.
   * `passEnv`: variables passed to tasks beyond the allow-list (see task-environment.ts).
   */
  constructor(
    options: { python?: string; pythonPath?: readonly string[]; passEnv?: readonly string[] } = {},
  ) {
    this.#python = options.python;
    this.#pythonPath = options.pythonPath ?? [];
    this.#passEnv = options.passEnv ?? [];
  }

  async run(task: ContainerRun): Promise<ContainerResult> {
    if (task.commandLength === 0) {
      throw new UserError(`the container has no command (it relies on the image's entrypoint)`, {
        fix: 'Run it with the docker executor (--executor docker), or give the component a command.',
      });
    }
    const [program = '', ...rest] = task.argv;
    const python = /^python3?$/.test(program);
    const file = this.#python && python ? this.#python : program;
    const env = {
      ...taskEnvironment(process.env, this.#passEnv),
      ...task.env,
      ...this.#pythonPathEnv(task.env),
      PYTHONUNBUFFERED: '1',
    };
    const result = await runProcess(file, rest, {
      cwd: task.workdir,
      env,
      logFile: task.logFile,
      ...(task.onOutput ? { onOutput: task.onOutput } : {}),
      ...(task.signal ? { signal: task.signal } : {}),
    });
    if (result.spawnError?.code === 'ENOENT') {
      throw new UserError(`the command "${file}" was not found on this machine`, {
        fix: 'Install it, put it on PATH, or run with --executor docker to use the task image.',
      });
    }
    const hint =
      python && result.exitCode !== 0
        ? await importFailureHint(file, result.logTail, { env, cwd: task.workdir })
        : undefined;
    return {
      exitCode: result.exitCode,
      logTail: result.logTail,
      commandLine: quoteArgv([file, ...rest]),
      ...(hint ? { hint } : {}),
    };
  }

  #pythonPathEnv(taskEnv: Readonly<Record<string, string>>): { PYTHONPATH?: string } {
    if (this.#pythonPath.length === 0) return {};
    return {
      PYTHONPATH: joinPythonPath(this.#pythonPath, taskEnv.PYTHONPATH ?? process.env.PYTHONPATH),
    };
  }
}

function joinPythonPath(folders: readonly string[], existing: string | undefined): string {
  return [...folders, ...(existing ? [existing] : [])].join(path.delimiter);
}

/** Maps KFP resource limits to docker flags (`2` CPUs, `4G` memory). */
function resourceFlags(resources: PipelineContainerSpec['resources']): string[] {
  const flags: string[] = [];
  const cpu =
    resources?.resourceCpuLimit ??
    (resources?.cpuLimit !== undefined ? String(resources.cpuLimit) : undefined);
  if (cpu) flags.push('--cpus', cpu.endsWith('m') ? String(Number(cpu.slice(0, -1)) / 1000) : cpu);
  const memory = resources?.resourceMemoryLimit;
  if (memory) flags.push('--memory', memory.replace(/i$/, '').toLowerCase());
  return flags;
}

/**
 * Runs each task in its image, with the pipeline root and working folders mounted at the same
 * paths (as kfp.local's DockerRunner does), as the invoking user so outputs stay writable. The
 * exit code is read from the stopped container, never inferred from the client.
 */
export class DockerExecutor implements ContainerExecutor {
  readonly name = 'docker' as const;

  async run(task: ContainerRun): Promise<ContainerResult> {
    const container = `mlops-${task.taskPath.replace(/[^a-zA-Z0-9_.-]+/g, '-')}-${randomUUID().slice(0, 8)}`;
    const command = task.argv.slice(0, task.commandLength);
    const args = task.argv.slice(task.commandLength);
    const dockerArgs = ['run', '--name', container, '--init'];
    const uid = process.getuid?.();
    const gid = process.getgid?.();
    if (uid !== undefined && gid !== undefined) dockerArgs.push('--user', `${uid}:${gid}`);
    for (const mount of new Set(task.mounts)) dockerArgs.push('--volume', `${mount}:${mount}`);
    for (const [name, value] of Object.entries(task.env))
      dockerArgs.push('--env', `${name}=${value}`);
    dockerArgs.push(...resourceFlags(task.resources));
    const [entrypoint, ...commandRest] = command;
    if (entrypoint !== undefined) dockerArgs.push('--entrypoint', entrypoint);
    dockerArgs.push(task.image, ...commandRest, ...args);
    try {
      const result = await runProcess('docker', dockerArgs, {
        env: process.env,
        logFile: task.logFile,
        ...(task.onOutput ? { onOutput: task.onOutput } : {}),
        ...(task.signal ? { signal: task.signal } : {}),
      });
      if (result.spawnError?.code === 'ENOENT') {
        throw new UserError('The docker executor needs the docker CLI, which is not on PATH', {
          fix: 'Install Docker, or use --executor subprocess.',
        });
      }
      const inspected = await getExecOutput(
        'docker',
        ['inspect', '--format', '{{.State.ExitCode}}', container],
        { silent: true, ignoreReturnCode: true },
      );
      if (inspected.exitCode !== 0) {
        // The container was never created: docker itself failed (no daemon, image missing, bad flag).
        throw new UserError(
          `docker could not start image ${task.image}: ${result.logTail.filter(Boolean).at(-1) ?? 'unknown error'}`,
          {
            fix: 'Check that dockerd is running and the image exists locally (docker build / docker pull).',
          },
        );
      }
      return {
        exitCode: Number(inspected.stdout.trim()),
        logTail: result.logTail,
        commandLine: quoteArgv([...command, ...args]),
      };
    } finally {
      await getExecOutput('docker', ['rm', '--force', container], {
        silent: true,
        ignoreReturnCode: true,
      }).catch(() => undefined);
    }
  }
}
