/** "Did you mean" suggestions for names the user mistyped. */

/**
 * The candidate a typo most likely meant: the same letters ignoring case and separators
 * (`task_info`, `taskinfo`), else within one edit per three letters, so that short names
 * ("m" vs "n") get no far-fetched suggestion.
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  const normalize = (value: string) => value.toLowerCase().replace(/[-_]/g, '');
  const exact = candidates.find((candidate) => normalize(candidate) === normalize(word));
  if (exact !== undefined) return exact;
  let best: string | undefined;
  let bestDistance = Math.floor(word.length / 3) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Optimal-string-alignment distance: Levenshtein where swapping two adjacent letters is one edit. */
function editDistance(a: string, b: string): number {
  const table = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => Math.max(i, j) * Number(i === 0 || j === 0)),
  );
  const at = (i: number, j: number): number => table[i]?.[j] ?? 0;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      let distance = Math.min(
        at(i - 1, j) + 1,
        at(i, j - 1) + 1,
        at(i - 1, j - 1) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        distance = Math.min(distance, at(i - 2, j - 2) + 1);
      table[i]?.splice(j, 1, distance);
    }
  }
  return at(a.length, b.length);
}
