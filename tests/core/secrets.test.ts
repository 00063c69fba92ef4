import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import {
  MAX_VALUE_BYTES,
  parseEnvFile,
  secretNameProblem,
} from '../../src/core/secrets/env-file.js';
import { MIN_MASKED_LENGTH, secretMasker } from '../../src/core/secrets/masking.js';
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

  it('reports a quote that never closes on its line, instead of reading the lines after it as its value', () => {
    const unclosed = (line: number, name: string, quote: string) =>
      `line ${line}: ${name}: its opening ${quote} is never closed (a quoted value ends with ${quote} at the end of its last line)`;
    expect(
      problems(
        [
          'DB_PASSWORD="abc',
          'DB_USER=admin',
          "API_KEY='xyz",
          'GITHUB_TOKEN=x',
          'NOTE="a" and more',
          'LAST="closes" # here',
        ].join('\n'),
      ),
    ).toEqual([
      unclosed(1, 'DB_PASSWORD', '"'),
      unclosed(3, 'API_KEY', "'"),
      unclosed(5, 'NOTE', '"'),
      'line 4: GITHUB_TOKEN: the GITHUB_ prefix is reserved',
    ]);
    // A later quote ends a multi-line value only where nothing but a comment follows it.
    expect(problems('DB_PASSWORD="abc\nOTHER=1\nTOKEN="x"\n')).toEqual([
      unclosed(1, 'DB_PASSWORD', '"'),
    ]);
    expect(parseEnvFile('A="one\\"\nB=2\n', '.env').map((e) => [e.name, e.value])).toEqual([
      ['A', 'one\\'],
      ['B', '2'],
    ]);
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

describe('masking secrets in logs', () => {
  it('registers a value and each line long enough to hide; warns by name, never by value, for short values', () => {
    const registered: string[] = [];
    const warnings: string[] = [];
    const mask = secretMasker(
      (pattern) => registered.push(pattern),
      (message) => warnings.push(message),
    );
    mask('1', 'PER_PAGE');
    mask(' abc ', 'REGION');
    mask('', 'EMPTY');
    mask('s3cr', 'PIN');
    mask('-----BEGIN KEY-----\n  abcd1234\n==\n-----END KEY-----', 'PRIVATE_KEY');
    expect(MIN_MASKED_LENGTH).toBe(4);
    expect(registered).toEqual([
      's3cr',
      '-----BEGIN KEY-----\n  abcd1234\n==\n-----END KEY-----',
      '-----BEGIN KEY-----\\n  abcd1234\\n==\\n-----END KEY-----',
      '-----BEGIN KEY-----',
      'abcd1234',
      '-----END KEY-----',
    ]);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toBe(
      'PER_PAGE is not masked in the log: values under 4 characters cannot be hidden without hiding every other occurrence of the same characters',
    );
    expect(warnings[1]).toMatch(/^REGION is not masked/);
    expect(warnings.join('\n')).not.toMatch(/\b(1|abc)\b/);
  });
});
