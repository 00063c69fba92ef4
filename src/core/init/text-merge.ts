import { diff3Merge, diffIndices } from 'node-diff3';

/** Line-based three-way merge and unified diffs for laid files. */

function lines(text: string): string[] {
  return text.split('\n');
}

/** Lines to show in a diff: a final newline ends the last line rather than starting another. */
function diffLines(text: string): string[] {
  return lines(text.endsWith('\n') ? text.slice(0, -1) : text);
}

export interface MergeResult {
  readonly content: string;
  /** True when conflict markers were written for changes on both sides. */
  readonly conflicted: boolean;
}

/**
 * Merges the user's changes (yours, from base) with the template's (template, from base).
 * Where both changed the same lines differently, both versions are kept between git-style
 * conflict markers; identical changes on both sides are not conflicts.
 */
export function mergeThreeWay(
  yours: string,
  base: string,
  template: string,
  templateLabel: string,
): MergeResult {
  const regions = diff3Merge(lines(yours), lines(base), lines(template), {
    excludeFalseConflicts: true,
  });
  const merged: string[] = [];
  let conflicted = false;
  for (const region of regions) {
    if (region.ok) merged.push(...region.ok);
    if (region.conflict) {
      conflicted = true;
      merged.push(
        '<<<<<<< yours',
        ...region.conflict.a,
        '=======',
        ...region.conflict.b,
        `>>>>>>> ${templateLabel}`,
      );
    }
  }
  return { content: merged.join('\n'), conflicted };
}

/** A unified diff (3 lines of context) from `before` to `after`, at most `maxLines` long. */
export function unifiedDiff(
  before: string,
  after: string,
  labels: { before: string; after: string },
  maxLines = 200,
): string {
  const context = 3;
  const a = diffLines(before);
  const b = diffLines(after);
  const changes = diffIndices(a, b);
  const hunks: Array<typeof changes> = [];
  for (const change of changes) {
    const hunk = hunks.at(-1);
    const previous = hunk?.at(-1);
    if (
      hunk &&
      previous &&
      change.buffer1[0] - (previous.buffer1[0] + previous.buffer1[1]) <= 2 * context
    )
      hunk.push(change);
    else hunks.push([change]);
  }
  const output = [`--- ${labels.before}`, `+++ ${labels.after}`];
  for (const hunk of hunks) {
    const first = hunk[0];
    const last = hunk.at(-1);
    if (!first || !last) continue;
    const aStart = Math.max(0, first.buffer1[0] - context);
    const aEnd = Math.min(a.length, last.buffer1[0] + last.buffer1[1] + context);
    const bStart = first.buffer2[0] - (first.buffer1[0] - aStart);
    const bEnd = last.buffer2[0] + last.buffer2[1] + (aEnd - last.buffer1[0] - last.buffer1[1]);
    output.push(`@@ -${aStart + 1},${aEnd - aStart} +${bStart + 1},${bEnd - bStart} @@`);
    let position = aStart;
    for (const change of hunk) {
      output.push(...a.slice(position, change.buffer1[0]).map((line) => ` ${line}`));
      output.push(...change.buffer1Content.map((line) => `-${line}`));
      output.push(...change.buffer2Content.map((line) => `+${line}`));
      position = change.buffer1[0] + change.buffer1[1];
    }
    output.push(...a.slice(position, aEnd).map((line) => ` ${line}`));
  }
  if (output.length <= maxLines) return output.join('\n');
  return [...output.slice(0, maxLines), `… ${output.length - maxLines} more lines`].join('\n');
}
