import { formatDuration } from '../../core/duration.js';
import type { TaskEvent } from '../../core/run-events.js';

/** How a host styles text: ANSI colours in a terminal, nothing in the Actions log. */
export interface Colors {
  ok(text: string): string;
  fail(text: string): string;
  warn(text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

export const PLAIN_COLORS: Colors = {
  ok: (text) => text,
  fail: (text) => text,
  warn: (text) => text,
  dim: (text) => text,
  bold: (text) => text,
};

/** ` 4.2 s`, as the tables and the report write a duration; '' when unknown. */
function seconds(ms: number | undefined): string {
  const text = formatDuration(ms);
  return text ? ` ${text}` : '';
}

/** `✓ train  SUCCEEDED 4.2 s (cached)`: one line per task state change. */
export function formatTaskEvent(event: TaskEvent, colors: Colors): string {
  const name = colors.bold(event.path.padEnd(28));
  switch (event.state) {
    case 'RUNNING':
      return `${colors.dim('▶')} ${name} ${colors.dim(event.attempt > 1 ? `RUNNING (attempt ${event.attempt})` : 'RUNNING')}`;
    case 'SUCCEEDED':
      return `${colors.ok('✓')} ${name} ${colors.ok('SUCCEEDED')}${seconds(event.durationMs)}${event.cached ? colors.dim(' (cached)') : ''}`;
    case 'FAILED':
      return `${colors.fail('✗')} ${name} ${colors.fail('FAILED')}${seconds(event.durationMs)}${event.failure ? ` ${event.failure.message.split('\n')[0] ?? ''}` : ''}`;
    case 'SKIPPED':
    case 'NOT_TRIGGERED':
      return `${colors.dim('-')} ${name} ${colors.dim(event.state)}${event.reason ? colors.dim(` (${event.reason})`) : ''}`;
    default:
      return `${colors.dim('·')} ${name} ${event.state}${seconds(event.durationMs)}`;
  }
}

/** A fixed-width text table for logs and the terminal. */
export function formatTable(
  header: readonly string[],
  rows: ReadonlyArray<readonly string[]>,
): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join(
    '\n',
  );
}
