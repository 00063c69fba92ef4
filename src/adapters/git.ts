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

/** OWNER/NAME of the GitHub repository the git remote `origin` names, if it names one. */
export function remoteRepository(cwd: string): string | undefined {
  const url = gitOutput(cwd, ['remote', 'get-url', 'origin']);
  return url ? /github\.com[:/]([^/]+\/[^/]+?)(\.git)?$/.exec(url)?.[1] : undefined;
}
