import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from '../helpers/paths.js';
import type { RepositoryUnderTest } from './types.js';

/** A caller repository for a run: files written and committed on the default branch. */
export async function createRepository(options: {
  /** path → content. */
  readonly files?: Readonly<Record<string, string>>;
  /** Folders copied in: source folder → path in the repository. */
  readonly copy?: Readonly<Record<string, string>>;
  readonly fullName?: string;
  readonly defaultBranch?: string;
}): Promise<RepositoryUnderTest> {
  const dir = await tempDir('repository');
  const defaultBranch = options.defaultBranch ?? 'main';
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: dir,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'Test',
        GIT_AUTHOR_EMAIL: 'test@example.com',
        GIT_COMMITTER_NAME: 'Test',
        GIT_COMMITTER_EMAIL: 'test@example.com',
      },
    }).trim();
  git('init', '--quiet', '--initial-branch', defaultBranch);
  for (const [from, to] of Object.entries(options.copy ?? {}))
    cpSync(from, path.join(dir, to), { recursive: true });
  for (const [file, content] of Object.entries(options.files ?? {})) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }
  git('add', '--all');
  git('commit', '--quiet', '--allow-empty', '--message', 'Repository under test');
  return {
    dir,
    fullName: options.fullName ?? 'acme/ml',
    sha: git('rev-parse', 'HEAD'),
    ref: `refs/heads/${defaultBranch}`,
    defaultBranch,
  };
}

/**
 * A starter workflow as GitHub's "New workflow" page lays it into a repository: the
 * `$default-branch` placeholder becomes the default branch.
 */
export function instantiateTemplate(text: string, defaultBranch: string): string {
  return text.replaceAll('$default-branch', defaultBranch);
}
