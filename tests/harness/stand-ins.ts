import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { PYTHON } from '../helpers/services.js';
import type { ArtifactStore } from './artifacts.js';
import type { StepOutput } from './commands.js';
import type { RepositoryUnderTest } from './types.js';

/**
 * Stand-ins for the third-party actions the workflows use, each doing what its README documents
 * for the inputs the harness supports, in-process. Any other action has no stand-in.
 */

export interface StandInStep {
  readonly with: Readonly<Record<string, string>>;
  readonly workspace: string;
  readonly home: string;
  readonly toolCache: string;
  readonly repository: RepositoryUnderTest;
  readonly artifacts: ArtifactStore;
  readonly output: StepOutput;
}

/** What a stand-in leaves for later steps, as a real action would through the command files. */
export interface StandInEffects {
  readonly outputs?: Record<string, string>;
  readonly env?: Record<string, string>;
  readonly path?: string[];
}

export type StandIn = (step: StandInStep) => StandInEffects;

const git = (cwd: string, args: readonly string[]): string =>
  execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();

/**
 * actions/checkout: the repository at the event's commit (or `ref`) into the workspace (or
 * `path` under it), fetched as checkout does (`fetch-depth` 1 by default: one commit, no tags;
 * 0: all branches and tags). Not modelled: persisted credentials, submodules, LFS, sparse.
 */
const checkout: StandIn = (step) => {
  const { repository } = step;
  const wanted = step.with.repository || repository.fullName;
  if (wanted.toLowerCase() !== repository.fullName.toLowerCase())
    throw new Error(`the harness can check out only ${repository.fullName}, not ${wanted}`);
  const target = path.resolve(step.workspace, step.with.path ?? '');
  if (target !== step.workspace && !target.startsWith(`${step.workspace}/`))
    throw new Error(`Repository path '${target}' is not under '${step.workspace}'`);
  let commit: string;
  try {
    commit = git(repository.dir, [
      'rev-parse',
      '--verify',
      `${step.with.ref || repository.sha}^{commit}`,
    ]);
  } catch {
    throw new Error(`A branch or tag with the name '${step.with.ref ?? ''}' could not be found`);
  }
  const depth = Number(step.with['fetch-depth'] || '1');
  rmSync(target, { recursive: true, force: true });
  git(repository.dir, ['init', '--quiet', target]);
  const source = `file://${repository.dir}`;
  git(target, ['remote', 'add', 'origin', source]);
  git(
    target,
    depth > 0
      ? ['fetch', '--quiet', '--no-tags', `--depth=${depth}`, 'origin', commit]
      : [
          'fetch',
          '--quiet',
          'origin',
          '+refs/heads/*:refs/remotes/origin/*',
          '+refs/tags/*:refs/tags/*',
        ],
  );
  git(target, ['checkout', '--quiet', '--detach', commit]);
  git(target, ['remote', 'set-url', 'origin', `https://github.com/${repository.fullName}`]);
  step.output.print(`Checked out ${repository.fullName} at ${commit} into ${target}`);
  return { outputs: { ref: step.with.ref || repository.ref, commit } };
};

const realPythonVersion = (): string =>
  execFileSync(PYTHON, ['-c', 'import platform; print(platform.python_version())'], {
    encoding: 'utf8',
  }).trim();

/** A version spec setup-python would satisfy with `version`: 3.11, 3.11.2, 3.11.x. */
function satisfies(spec: string, version: string): boolean {
  const wanted = spec.trim().split('.');
  const have = version.split('.');
  return wanted.length >= 2 && wanted.every((part, i) => part === 'x' || part === have[i]);
}

/**
 * actions/setup-python: Python from `python-version` or `python-version-file`. The harness can
 * give only this machine's interpreter (Debian's 3.11, with scikit-learn), as a virtual
 * environment that sees its site-packages, first on PATH; any other version fails, saying so.
 * `cache: pip` is accepted and does nothing.
 */
const setupPython: StandIn = (step) => {
  let spec = step.with['python-version'];
  const versionFile = step.with['python-version-file'] || (spec ? '' : '.python-version');
  if (!spec && versionFile) {
    const file = path.resolve(step.workspace, versionFile);
    if (!existsSync(file)) {
      if (step.with['python-version-file'])
        throw new Error(`The specified python version file at: ${file} does not exist`);
      step.output.warn(
        'The `python-version` input is not set. The version of Python currently in `PATH` will be used.',
      );
      return {};
    }
    spec = readFileSync(file, 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .find((line) => line !== '' && !line.startsWith('#'));
  }
  if (step.with.cache)
    step.output.print(`cache: ${step.with.cache} is accepted; the harness caches nothing`);
  const version = realPythonVersion();
  if (!spec || !satisfies(spec, version))
    throw new Error(
      `setup-python (harness stand-in) cannot provide Python '${spec ?? ''}': only ${version}, ` +
        `this machine's ${PYTHON}, is available here (on GitHub that version would be installed)`,
    );
  const location = path.join(step.toolCache, 'Python', version, 'x64');
  execFileSync(PYTHON, ['-m', 'venv', '--system-site-packages', location], { stdio: 'ignore' });
  step.output.print(`Successfully set up Python (${version}) at ${location}`);
  return {
    outputs: { 'python-version': version, 'python-path': path.join(location, 'bin', 'python') },
    env: {
      pythonLocation: location,
      Python_ROOT_DIR: location,
      Python3_ROOT_DIR: location,
      PKG_CONFIG_PATH: path.join(location, 'lib', 'pkgconfig'),
    },
    path: [path.join(location, 'bin')],
  };
};

const STAND_INS: Record<string, StandIn> = {
  'actions/checkout': checkout,
  'actions/setup-python': setupPython,
  'actions/upload-artifact': (step) => ({
    outputs: step.artifacts.upload(step.with, step, step.output),
  }),
  'actions/download-artifact': (step) => ({
    outputs: step.artifacts.download(step.with, step, step.output),
  }),
};

/** GitHub fails these outright since January 2025 (artifact actions v1-v3 were retired). */
const RETIRED = /^actions\/(upload|download)-artifact@v[123](\.|$)/;

export function standIn(uses: string): StandIn {
  if (RETIRED.test(uses))
    throw new Error(
      `This request has been automatically failed because it uses a deprecated version of ${uses}.`,
    );
  const action = uses.split('@')[0]?.toLowerCase() ?? '';
  const found = STAND_INS[action];
  if (!found) throw new Error(`the harness has no stand-in for ${uses}`);
  return found;
}
