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
