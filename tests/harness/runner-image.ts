import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PYTHON } from '../helpers/services.js';

/**
 * A model of GitHub's ubuntu-latest image (Ubuntu 24.04), not of this machine. What a step finds:
 * - `python3`, `python`, `python3.12`, `pip`, `pip3`: a tool folder first on PATH holds wrappers
 *   around runner-python.py, an interpreter that reports Python 3.12.3, has no third-party
 *   packages (no scikit-learn, pandas) and refuses `pip install` with PEP 668's message; it runs
 *   code with this machine's standard library. `python3.11` is not on the image's PATH, so its
 *   wrapper answers "command not found". `python3 -m venv` is not modelled (it says so).
 * - `docker`: this machine's CLI and engine. The image also has the buildx plugin; this machine
 *   does not and cannot install it, so `RUNNER_IMAGE.buildx` (the image) and `buildxHere()`
 *   (this machine) are separate facts a test can assert on.
 * - `git`, `bash`, `node` (the image's is Node 20, like /usr/bin/node here), coreutils: this
 *   machine's, from the system folders only (no pyenv or user folders leak in).
 * - Not modelled: sudo and apt, the hosted tool cache beyond what setup-python's stand-in makes,
 *   services and job containers.
 */
export const RUNNER_IMAGE = {
  label: 'ubuntu-latest',
  imageOs: 'ubuntu24',
  python: '3.12.3',
  buildx: true,
} as const;

const SHIM = path.join(path.dirname(fileURLToPath(import.meta.url)), 'runner-python.py');
const SYSTEM_FOLDERS = [
  '/usr/local/sbin',
  '/usr/local/bin',
  '/usr/sbin',
  '/usr/bin',
  '/sbin',
  '/bin',
];

/** Whether `docker buildx` works on this machine (it always does on the image). */
export function buildxHere(): boolean {
  try {
    execFileSync('docker', ['buildx', 'version'], { stdio: 'ignore', timeout: 15_000 });
    return true;
  } catch {
    return false;
  }
}

/** Writes the image's tool folder into `dir` and returns it (to go first on PATH). */
export function installRunnerTools(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const python = `#!/bin/sh\nexec ${PYTHON} -S ${SHIM} "$0" "$@"\n`;
  const pip = `#!/bin/sh\nexec ${PYTHON} -S ${SHIM} "$(dirname "$0")/python3" -m pip "$@"\n`;
  const absent = '#!/bin/sh\necho "$(basename "$0"): command not found" >&2\nexit 127\n';
  const tools: Record<string, string> = {
    python3: python,
    python: python,
    'python3.12': python,
    pip,
    pip3: pip,
    'python3.11': absent,
    'pip3.11': absent,
  };
  for (const [name, script] of Object.entries(tools)) {
    writeFileSync(path.join(dir, name), script);
    chmodSync(path.join(dir, name), 0o755);
  }
  return dir;
}

/** A step's PATH before GITHUB_PATH additions: the tool folder, then the system folders. */
function runnerPath(tools: string): string {
  return [tools, ...SYSTEM_FOLDERS].join(':');
}

/** The environment every process on the image starts with (before the runner's GITHUB_*). */
export function imageEnvironment(tools: string, home: string): Record<string, string> {
  return {
    PATH: runnerPath(tools),
    HOME: home,
    LANG: 'C.UTF-8',
    ImageOS: RUNNER_IMAGE.imageOs,
    // The engine of this machine, wherever the harness's own docker CLI finds it.
    ...(process.env.DOCKER_HOST ? { DOCKER_HOST: process.env.DOCKER_HOST } : {}),
  };
}
