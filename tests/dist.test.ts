import { describe, expect, it } from 'vitest';
import { runNode } from './helpers/cli.js';

describe('committed build output', () => {
  it('dist/ is what src/ builds to (the action runs dist/)', async () => {
    const result = await runNode('scripts/check-dist.mjs', []);
    expect(result.stderr + result.stdout).not.toContain('stale');
    expect(result.code).toBe(0);
  });

  it('action.yml matches the command definitions', async () => {
    const result = await runNode('scripts/run-ts.mjs', ['scripts/action-yml.ts', '--check']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});
