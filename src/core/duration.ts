const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;

export type DurationUnit = keyof typeof UNIT_MS;

/**
 * `250ms`, `30s`, `5m`, `1.5h` (also the proto-JSON `"30s"` form) in milliseconds; a bare number
 * is read in `bareUnit` when one is given. Undefined when the text is not a duration.
 */
export function durationMs(text: string, bareUnit?: DurationUnit): number | undefined {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)?$/.exec(text.trim());
  const unit = (match?.[2] as DurationUnit | undefined) ?? bareUnit;
  if (!match || unit === undefined) return undefined;
  return Number(match[1]) * UNIT_MS[unit];
}

/**
 * `850 ms`, `12.3 s`, `4 m 05 s`, `1 h 02 m`: a duration short enough for a task's box in the
 * DAG, a table cell or a log line; '' when unknown.
 */
export function formatDuration(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms) || ms < 0) return '';
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const wholeSeconds = Math.round(seconds);
  const minutes = Math.floor(wholeSeconds / 60);
  if (minutes < 60) return `${minutes} m ${String(wholeSeconds % 60).padStart(2, '0')} s`;
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} m`;
}
