import { execFileSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { tempDir } from './paths.js';

/** Git repositories for the tests of init (in-process and through dist/). */

/** Runs git in `dir` as a test user; returns what it printed. */
export function git(dir: string, ...args: string[]): string {
  return execFileSync(
    'git',
    ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args],
    { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
}

/** A new, empty git repository on branch main, in a folder named `name`. */
export async function emptyRepository(name: string): Promise<string> {
  const dir = path.join(await tempDir('init'), name);
  await rm(dir, { recursive: true, force: true });
  execFileSync('git', ['init', '--quiet', '--initial-branch', 'main', dir]);
  return dir;
}
