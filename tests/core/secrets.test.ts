import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import {
  MAX_VALUE_BYTES,
  parseEnvFile,
  secretNameProblem,
} from '../../src/core/secrets/env-file.js';
import { checkPrunePrefixes, planSync } from '../../src/core/secrets/sync-plan.js';

function problems(text: string): readonly string[] {
  try {
    parseEnvFile(text, '.env');
  } catch (error) {
    if (error instanceof UserError) return error.details;
    throw error;
  }
  return [];
}

describe('.env files', () => {
  it('reads quotes, multi-line values, comments and export prefixes as dotenv does, upper-casing names', () => {
    const entries = parseEnvFile(
      [
        '# settings',
        'export PROJECT_ID=acme-ml',
        'region=europe-west4 # a comment',
        "SINGLE='  kept  '",
        'DOUBLE="a \\"q\\" b"',
        'PRIVATE_KEY="-----BEGIN KEY-----',
        'line two',
        '-----END KEY-----"',
        'ESCAPED="one\\ntwo"',
        'HASH="pa#ss"',
        'UNICODE=héllo wörld',
        '',
      ].join('\n'),
      '.env',
    );
    expect(Object.fromEntries(entries.map((e) => [e.name, e.value]))).toEqual({
      PROJECT_ID: 'acme-ml',
      REGION: 'europe-west4',
      SINGLE: '  kept  ',
      DOUBLE: 'a \\"q\\" b',
      PRIVATE_KEY: '-----BEGIN KEY-----\nline two\n-----END KEY-----',
      ESCAPED: 'one\ntwo',
      HASH: 'pa#ss',
      UNICODE: 'héllo wörld',
    });
    expect(entries.find((e) => e.name === 'ESCAPED')?.line).toBe(9);
  });

  it('never runs or expands anything', () => {
    const entries = parseEnvFile('CMD=$(echo pwned)\nREF=${HOME}\n', '.env');
    expect(entries.map((e) => e.value)).toEqual(['$(echo pwned)', '${HOME}']);
  });

  it('reports every problem at once: names, duplicates, case collisions, dropped lines, empty and oversized values', () => {
    const found = problems(
      [
        'GOOD=1',
        'GITHUB_TOKEN=x',
        '1ST=x',
        'DOTTED.NAME=x',
        'GOOD=2',
        'good=3',
        'this line is not an assignment',
        'EMPTY=',
        `BIG=${'x'.repeat(MAX_VALUE_BYTES + 1)}`,
      ].join('\n'),
    );
    expect(found).toEqual([
      'line 7: not KEY=VALUE (dotenv would silently drop it)',
      'line 2: GITHUB_TOKEN: the GITHUB_ prefix is reserved',
      'line 3: 1ST: it must not start with a digit',
      'line 4: DOTTED.NAME: only letters, digits and underscores are allowed',
      'line 5: GOOD is also set on line 1 (only the last would count)',
      'line 6: good and GOOD are the same name to GitHub (names are case-insensitive)',
      'line 8: EMPTY is empty',
      `line 9: BIG is ${MAX_VALUE_BYTES + 1} bytes; GitHub takes at most ${MAX_VALUE_BYTES}`,
    ]);
    expect(() => parseEnvFile('GITHUB_X=1', '.env')).toThrow(
      '.env has 1 problem; nothing was written',
    );
  });

  it('accepts values of exactly 48 KB, counted in UTF-8 bytes', () => {
    expect(problems(`A=${'x'.repeat(MAX_VALUE_BYTES)}`)).toEqual([]);
    expect(problems(`A=${'é'.repeat(MAX_VALUE_BYTES / 2 + 1)}`)).toHaveLength(1);
    expect(secretNameProblem('OK_1')).toBeUndefined();
  });
});

describe('sync plan', () => {
  const entries = parseEnvFile(
    'APP_DB_PASSWORD=s3cret\nAPP_API_KEY=k\nAPP_REGION=europe-west4\nAPP_BUCKET=gs://b\nLOCAL_ONLY=x\n',
    '.env',
  );
  const existing = {
    secrets: ['APP_API_KEY', 'APP_OLD_TOKEN', 'OTHER_SECRET'],
    variables: new Map([
      ['APP_REGION', 'europe-west4'],
      ['APP_BUCKET', 'gs://old'],
      ['APP_STALE', 'x'],
    ]),
  };
  const selection = { include: [], exclude: ['LOCAL_*'], variables: ['APP_REGION', 'APP_BUCKET'] };

  it('adds, rewrites secrets (their values cannot be read back), leaves unchanged variables alone', () => {
    const plan = planSync(entries, selection, existing, undefined);
    expect(plan.changes.map((c) => [c.name, c.kind, c.action])).toEqual([
      ['APP_DB_PASSWORD', 'secret', 'add'],
      ['APP_API_KEY', 'secret', 'update'],
      ['APP_REGION', 'variable', 'unchanged'],
      ['APP_BUCKET', 'variable', 'update'],
    ]);
    expect(plan.skipped).toEqual(['LOCAL_ONLY']);
  });

  it('prunes only names under the given prefixes', () => {
    const plan = planSync(entries, selection, existing, checkPrunePrefixes(['app_']));
    expect(plan.changes.filter((c) => c.action === 'remove').map((c) => [c.name, c.kind])).toEqual([
      ['APP_OLD_TOKEN', 'secret'],
      ['APP_STALE', 'variable'],
    ]);
    expect(() => checkPrunePrefixes([' '])).toThrow(/prune-prefix/);
  });

  it('include narrows the names; patterns are case-insensitive globs', () => {
    const plan = planSync(
      entries,
      { include: ['app_*_key'], exclude: [], variables: [] },
      existing,
      undefined,
    );
    expect(plan.changes.map((c) => c.name)).toEqual(['APP_API_KEY']);
  });
});
