import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/commands/registry.js';
import { runNode } from './helpers/cli.js';
import { REPO_ROOT } from './helpers/paths.js';

describe('committed build output', () => {
  it('dist/ is what src/ builds to (the action runs dist/)', async () => {
    const result = await runNode('scripts/check-dist.mjs', []);
    expect(result.stderr + result.stdout).not.toContain('stale');
    expect(result.code).toBe(0);
  });

  it('action.yml and every <command>/action.yml match the command definitions', async () => {
    const result = await runNode('scripts/run-ts.mjs', ['scripts/action-yml.ts', '--check']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    for (const command of COMMANDS)
      expect(existsSync(path.join(REPO_ROOT, command.name, 'action.yml')), command.name).toBe(true);
  });

  it('lists the licences of what each bundle holds beside it', () => {
    const licences = (bundle: string): string =>
      readFileSync(path.join(REPO_ROOT, 'dist', bundle, 'licenses.txt'), 'utf8');
    const product = licences('bundle');
    for (const name of ['@actions/core', 'commander', 'libsodium-wrappers', 'yaml', 'zod'])
      expect(product, name).toMatch(new RegExp(`^${name}\\n`, 'm'));
    expect(licences('vendor')).toMatch(/^google-gax\n/m);
  });
});
