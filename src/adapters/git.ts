import { execFileSync } from 'node:child_process';

/** The trimmed output of a git command in `cwd`, or undefined outside a repository or without git. */
export function gitOutput(cwd: string, args: readonly string[]): string | undefined {
  try {
    return execFileSync('git', args, {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return undefined;
  }
}
