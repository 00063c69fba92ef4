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

/**
 * The row where a value quoted from (row, col) ends as dotenv reads it, or undefined when dotenv
 * would not read it as quoted. dotenv ends the value at the first quote not escaped by a
 * backslash, or failing that at an escaped one, provided only a comment follows on that line;
 * otherwise it keeps the line as it is, quote included, and reads the next lines as names.
 */
function closingRow(
  lines: readonly string[],
  row: number,
  col: number,
  quote: string,
): number | undefined {
  const candidates: Array<{ row: number; col: number }> = [];
  scan: for (let r = row, c = col; r < lines.length; r++, c = 0) {
    const line = lines[r] ?? '';
    for (; c < line.length; c++) {
      const escaped = line[c] === '\\' && line[c + 1] === quote;
      if (escaped) c++;
      if (line[c] !== quote) continue;
      candidates.push({ row: r, col: c });
      if (!escaped) break scan;
    }
  }
  // The longest match wins, as the regular expression dotenv uses backtracks.
  const end = candidates.findLast(({ row: r, col: c }) =>
    /^\s*(#.*)?$/.test((lines[r] ?? '').slice(c + 1)),
  );
  return end?.row;
}

/** The keys of the file with their line numbers, the lines dotenv would drop, and unclosed quotes. */
function scanLines(text: string): {
  keys: Array<{ key: string; line: number }>;
  dropped: number[];
  unclosed: string[];
} {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const keys: Array<{ key: string; line: number }> = [];
  const dropped: number[] = [];
  const unclosed: string[] = [];
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index] ?? '';
    if (raw.trim() === '' || raw.trim().startsWith('#')) continue;
    const match = KEY_LINE.exec(raw);
    if (!match) {
      dropped.push(index + 1);
      continue;
    }
    const key = match[1] ?? '';
    keys.push({ key, line: index + 1 });
    // A quoted value that does not close on its line goes on until its closing quote.
    const value = match[2] ?? '';
    const quote = value[0];
    if (quote !== '"' && quote !== "'" && quote !== '`') continue;
    const end = closingRow(lines, index, raw.length - value.length + 1, quote);
    if (end === undefined)
      unclosed.push(
        `line ${index + 1}: ${key}: its opening ${quote} is never closed (a quoted value ends with ${quote} at the end of its last line)`,
      );
    else index = end;
  }
  return { keys, dropped, unclosed };
}

/** Parses and checks a whole .env file; every problem is reported at once. */
export function parseEnvFile(text: string, fileLabel: string): EnvEntry[] {
  const values = dotenv.parse(text);
  const { keys, dropped, unclosed } = scanLines(text);
  const problems: string[] = [
    ...dropped.map((line) => `line ${line}: not KEY=VALUE (dotenv would silently drop it)`),
    ...unclosed,
  ];
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
        fix: 'Names: letters, digits and _ only, not starting with a digit or GITHUB_; one line per name; no empty values; values up to 48 KB (quote multi-line values, and end them with the closing quote).',
      },
    );
  }
  return keys.map(({ key, line }) => ({ name: key.toUpperCase(), value: values[key] ?? '', line }));
}
