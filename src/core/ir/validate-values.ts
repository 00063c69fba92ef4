/**
 * Small helpers shared by the pipeline-spec checks (./validate.ts and its validate-* parts):
 * defensive accessors that read a raw, possibly malformed document without throwing, and the
 * wording helpers their messages use ("(known: a, b)", "did you mean", how a value is shown).
 *
 * Pure: works on values only.
 */
import { excerpt } from '../errors.js';
import { closest } from '../suggest.js';

/** A location in the spec document, as keys and list positions. */
export type Path = readonly (string | number)[];

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value as a mapping, or an empty one: lets the reference checks read malformed documents. */
export function record(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}

export function entries(value: unknown): [string, unknown][] {
  return Object.entries(record(value));
}

export function keys(value: unknown): string[] {
  return Object.keys(record(value));
}

export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A non-empty string, else undefined (the schema reports other values). */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function show(value: unknown): string {
  return value === undefined ? 'undefined' : excerpt(JSON.stringify(value), 80);
}

export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (isRecord(value)) return 'a mapping';
  return `${typeof value === 'string' ? 'a string' : typeof value === 'boolean' ? 'a boolean' : `a ${typeof value}`} (${show(value)})`;
}

const MAX_KNOWN = 12;

/** "(known: a, b)" so the reader sees what would have been valid. */
export function known(names: readonly string[]): string {
  if (names.length === 0) return '(none declared)';
  const shown = names.slice(0, MAX_KNOWN).join(', ');
  return `(known: ${shown}${names.length > MAX_KNOWN ? `, … ${names.length - MAX_KNOWN} more` : ''})`;
}

export function didYouMean(name: string, candidates: readonly string[]): string {
  const suggestion = closest(name, candidates);
  return suggestion ? `; did you mean "${suggestion}"?` : '';
}
