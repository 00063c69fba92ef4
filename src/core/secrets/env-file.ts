import dotenv from 'dotenv';
import { UserError } from '../errors.js';

/**
 * A .env file read for GitHub: dotenv's parser for the values (quotes, multi-line values,
 * `export`, comments; no `$VAR` or `$(command)` expansion, so nothing in the file runs), and a
 * strict pass of our own for what dotenv forgives silently: duplicate keys (the last would win),
 * lines it would drop, and names GitHub refuses.
 */

export interface EnvEntry {
  /** As GitHub stores it: upper-cased. */
  readonly name: string;
  readonly value: string;
  /** 1-based line of the key, for messages. */
  readonly line: number;
}

/** GitHub's limit for one secret or variable value. */
export const MAX_VALUE_BYTES = 48 * 1024;

/** Why GitHub would refuse this name, or undefined when it is fine. */
export function secretNameProblem(name: string): string | undefined {
  if (!/^[A-Za-z0-9_]+$/.test(name)) return 'only letters, digits and underscores are allowed';
  if (/^[0-9]/.test(name)) return 'it must not start with a digit';
  if (/^GITHUB_/i.test(name)) return 'the GITHUB_ prefix is reserved';
  return undefined;
}

const KEY_LINE = /^\s*(?:export\s+)?([\w.-]+)\s*[=:]\s*(.*)$/;

/** The keys of the file with their line numbers, and the lines dotenv would drop. */
function scanLines(text: string): {
  keys: Array<{ key: string; line: number }>;
  dropped: number[];
} {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const keys: Array<{ key: string; line: number }> = [];
  const dropped: number[] = [];
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index] ?? '';
    if (raw.trim() === '' || raw.trim().startsWith('#')) continue;
    const match = KEY_LINE.exec(raw);
    if (!match) {
      dropped.push(index + 1);
      continue;
    }
    keys.push({ key: match[1] ?? '', line: index + 1 });
    // A quoted value that does not close on its line goes on until its closing quote.
    const value = match[2] ?? '';
    const quote = value[0];
    if (quote === '"' || quote === "'" || quote === '`') {
      const closes = (text: string): boolean => new RegExp(`(^|[^\\\\])\\${quote}`).test(text);
      if (!closes(value.slice(1))) {
        while (index + 1 < lines.length && !closes(lines[index + 1] ?? '')) index++;
        index++;
      }
    }
  }
  return { keys, dropped };
}

/** Parses and checks a whole .env file; every problem is reported at once. */
export function parseEnvFile(text: string, fileLabel: string): EnvEntry[] {
  const values = dotenv.parse(text);
  const { keys, dropped } = scanLines(text);
  const problems: string[] = dropped.map(
    (line) => `line ${line}: not KEY=VALUE (dotenv would silently drop it)`,
  );
  const firstLine = new Map<string, number>();
  const byUpper = new Map<string, string>();
  for (const { key, line } of keys) {
    const earlier = firstLine.get(key);
    if (earlier !== undefined) {
      problems.push(
        `line ${line}: ${key} is also set on line ${earlier} (only the last would count)`,
      );
      continue;
    }
    firstLine.set(key, line);
    const nameProblem = secretNameProblem(key);
    if (nameProblem) problems.push(`line ${line}: ${key}: ${nameProblem}`);
    const upper = key.toUpperCase();
    const other = byUpper.get(upper);
    if (other !== undefined)
      problems.push(
        `line ${line}: ${key} and ${other} are the same name to GitHub (names are case-insensitive)`,
      );
    byUpper.set(upper, key);
    const value = values[key] ?? '';
    if (value === '') problems.push(`line ${line}: ${key} is empty`);
    const bytes = Buffer.byteLength(value, 'utf8');
    if (bytes > MAX_VALUE_BYTES)
      problems.push(
        `line ${line}: ${key} is ${bytes} bytes; GitHub takes at most ${MAX_VALUE_BYTES}`,
      );
  }
  if (problems.length > 0) {
    throw new UserError(
      `${fileLabel} has ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was written`,
      {
        details: problems,
        fix: 'Names: letters, digits and _ only, not starting with a digit or GITHUB_; one line per name; no empty values; values up to 48 KB (quote multi-line values).',
      },
    );
  }
  return keys.map(({ key, line }) => ({ name: key.toUpperCase(), value: values[key] ?? '', line }));
}
