import { styleText } from 'node:util';
import { formatTable, formatTaskEvent, type Colors } from '../adapters/ui/format.js';
import type { Ui } from '../commands/command.js';
import type { TaskEvent } from '../core/run-events.js';
import { redact } from './cli-host.js';

/** Terminal rendering: colour when stderr is a TTY (and NO_COLOR is unset), progress on stderr. */
export function createCliUi(
  options: { debug: boolean; stream?: NodeJS.WriteStream; secrets?: ReadonlySet<string> } = {
    debug: false,
  },
): Ui {
  const stream = options.stream ?? process.stderr;
  const paint =
    (format: Parameters<typeof styleText>[0]) =>
    (text: string): string =>
      styleText(format, text, { stream });
  const colors: Colors = {
    ok: paint('green'),
    fail: paint('red'),
    warn: paint('yellow'),
    dim: paint('dim'),
    bold: paint('bold'),
  };
  const secrets = options.secrets ?? new Set<string>();
  const write = (text: string): void => {
    stream.write(`${redact(text, secrets)}\n`);
  };
  return {
    colors,
    info: write,
    warning: (message) => write(`${colors.warn('warning:')} ${message}`),
    debug: (message) => {
      if (options.debug) write(colors.dim(message));
    },
    async group(title, work) {
      write(colors.bold(`== ${title}`));
      return work();
    },
    task: (event: TaskEvent) => write(formatTaskEvent(event, colors)),
    taskOutput: (task, line) => write(`${colors.dim(`[${task}]`)} ${line}`),
    diagram: () => undefined,
    headline: (passed, text, link) =>
      write(
        `${passed ? colors.ok('✔') : colors.fail('✘')} ${colors.bold(text)}${link ? `\n  ${link.text}: ${link.url}` : ''}`,
      ),
    table(title, header, rows) {
      write(`\n${colors.bold(title)}\n${formatTable(header, rows)}\n`);
    },
  };
}
