import { access, constants } from 'node:fs/promises';
import path from 'node:path';
import { runProcess } from '../process.js';

/**
 * After a Python task fails on an import: which interpreter ran it, how to choose another, and
 * one on this machine that has the missing module, if any. Candidates are every python3 on PATH
 * plus the usual system locations. Each is asked with importlib's find_spec, which locates a
 * package without running its code, in the task's environment, with a time limit, and only
 * after such a failure, so a run that succeeds never pays for it.
 */

const IMPORT_FAILURE = /\b(?:ModuleNotFoundError|ImportError)\b/;
const MISSING_MODULE = /No module named '([\w.]+)'/;
const SYSTEM_PYTHONS = ['/usr/bin/python3', '/usr/local/bin/python3'];
const FIND_SPEC =
  'import importlib.util, sys; sys.exit(0 if importlib.util.find_spec(sys.argv[1]) else 1)';
const PROBE_TIMEOUT_MS = 10_000;
const CHOOSE = 'choose the interpreter with --python PATH or MLOPS_PYTHON (action input: python)';

function isExecutable(file: string): Promise<boolean> {
  return access(file, constants.X_OK).then(
    () => true,
    () => false,
  );
}

/** Every executable `name` on `searchPath`, in order. */
async function onPath(name: string, searchPath: string): Promise<string[]> {
  const files = searchPath
    .split(path.delimiter)
    .filter(Boolean)
    .map((dir) => path.resolve(dir, name));
  const executable = await Promise.all(files.map(isExecutable));
  return files.filter((_, index) => executable[index]);
}

async function canImport(
  python: string,
  module: string,
  context: { env: NodeJS.ProcessEnv; cwd: string },
): Promise<boolean> {
  if (!(await isExecutable(python))) return false;
  const result = await runProcess(python, ['-c', FIND_SPEC, module], {
    ...context,
    signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
  });
  return result.exitCode === 0;
}

export async function importFailureHint(
  python: string,
  logTail: readonly string[],
  context: { env: NodeJS.ProcessEnv; cwd: string },
): Promise<string | undefined> {
  const failure = logTail.findLast((line) => IMPORT_FAILURE.test(line));
  if (failure === undefined) return undefined;
  const searchPath = context.env.PATH ?? '';
  const ran = python.includes('/')
    ? path.resolve(context.cwd, python)
    : (await onPath(python, searchPath))[0];
  const which = ran === undefined || ran === python ? python : `${python} (${ran})`;
  const module = MISSING_MODULE.exec(failure)?.[1]?.split('.')[0];
  if (module === undefined)
    return `${which} ran this task and an import failed: fix that interpreter's packages, or ${CHOOSE}.`;
  const candidates = [
    ...new Set([...(await onPath('python3', searchPath)), ...SYSTEM_PYTHONS]),
  ].filter((candidate) => candidate !== ran);
  const able = await Promise.all(
    candidates.map((candidate) => canImport(candidate, module, context)),
  );
  const other = candidates.find((_, index) => able[index]);
  return other
    ? `${which} cannot import ${module}, but ${other} on this machine can: re-run with --python ${other} (or set MLOPS_PYTHON; action input: python).`
    : `${which} cannot import ${module}, and no other Python found on this machine can. Install it for that interpreter, or ${CHOOSE}.`;
}
