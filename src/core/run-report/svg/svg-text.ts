import { escapeHtml } from '../html-page.js';

/**
 * What every SVG of the report shares: numbers written the same way (2 decimals, so the same run
 * gives the same bytes), text widths estimated without a DOM, labels shortened to fit, and IDs
 * that stay unique when many SVGs sit in one page.
 */

/** A coordinate rounded to 2 decimals, never `-0`, `NaN` or `Infinity` (those become 0). */
export function num(value: number): string {
  if (!Number.isFinite(value)) return '0';
  const rounded = Math.round(value * 100) / 100;
  return String(rounded === 0 ? 0 : rounded);
}

// Advance widths in em of DejaVu Sans, what Chromium picks for system-ui on Linux and wider than
// the fonts of macOS and Windows: an estimate from it leaves text inside its box everywhere.
const NARROW = new Set("il.,:;'|!I[]()jf` ");
const SEMI_NARROW = new Set('rt-/"');
const WIDE = new Set('mwMW@%');

function characterWidthEm(character: string): number {
  if (NARROW.has(character)) return 0.32;
  if (SEMI_NARROW.has(character)) return 0.42;
  if (WIDE.has(character)) return 1;
  if (/[A-Z]/.test(character)) return 0.78;
  if (/[0-9a-z_]/.test(character)) return 0.66;
  // Marks (✓ ✗ ↷), CJK, emoji: as wide as a square.
  return character.charCodeAt(0) > 0x7f ? 1.05 : 0.7;
}

/** An upper estimate of how wide `text` is drawn at `fontSize` px. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const character of text) em += characterWidthEm(character);
  return em * fontSize * (bold ? 1.1 : 1);
}

/** `text` cut with an ellipsis so it fits `maxWidth` px; unchanged when it already does. */
export function fitText(text: string, maxWidth: number, fontSize: number, bold = false): string {
  if (textWidth(text, fontSize, bold) <= maxWidth) return text;
  const characters = [...text];
  while (characters.length > 1 && textWidth(`${characters.join('')}…`, fontSize, bold) > maxWidth)
    characters.pop();
  return `${characters.join('')}…`;
}

/**
 * A `<text>` element, cut to fit `maxWidth` when given; a cut text carries its full wording in a
 * `<title>` (a tooltip, and what a screen reader reads).
 */
export function svgText(
  text: string,
  attributes: string,
  fit?: { readonly maxWidth: number; readonly fontSize: number; readonly bold?: boolean },
): string {
  const shown = fit ? fitText(text, fit.maxWidth, fit.fontSize, fit.bold) : text;
  const tooltip = shown === text ? '' : `<title>${escapeHtml(text)}</title>`;
  return `<text ${attributes}>${tooltip}${escapeHtml(shown)}</text>`;
}

/** FNV-1a (32 bit): a short, stable fingerprint of a chart's content, the same in every process. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

/**
 * A prefix for the IDs inside one SVG (markers, clip paths, its title): from its title and a
 * fingerprint of its content, so charts in one page differ and a run gives the same bytes.
 */
export function idPrefix(kind: string, title: string, content: unknown): string {
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 32);
  return `${kind}-${slug || 'untitled'}-${fingerprint(JSON.stringify([kind, title, content]))}`;
}
