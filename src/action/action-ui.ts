import * as core from '@actions/core';
import type { TaskEvent } from '../core/run-events.js';
import { formatTable, formatTaskEvent, PLAIN_COLORS } from '../adapters/ui/format.js';
import { packageVersion } from '../adapters/package-version.js';
import { productLabel } from '../core/product.js';
import type { Ui } from '../commands/command.js';

/** Renders commands in the workflow log (groups, one line per task) and the job summary (tables). */
export function createActionUi(): Ui {
  return {
    colors: PLAIN_COLORS,
    info: (message) => core.info(message),
    warning: (message) => core.warning(message),
    debug: (message) => core.debug(message),
    group: (title, work) => core.group(title, work),
    task: (event: TaskEvent) => {
      const line = formatTaskEvent(event, PLAIN_COLORS);
      if (event.state === 'FAILED') core.error(line, { title: `Task ${event.path} failed` });
      else core.info(line);
    },
    taskOutput: (task, line) => core.info(`[${task}] ${line}`),
    diagram(title, mermaid) {
      core.summary
        .addHeading(escapeHtml(title), 3)
        .addRaw(`\n\n\`\`\`mermaid\n${mermaid}\n\`\`\`\n\n`);
    },
    headline(passed, text, link) {
      core.info(`${passed ? '✅' : '❌'} ${text}${link ? ` (${link.text}: ${link.url})` : ''}`);
      // The summary is written when the step ends: the headline goes before what is there.
      const after = core.summary.stringify();
      const linked = link ? ` · [${escapeMarkdown(link.text)}](${link.url})` : '';
      core.summary
        .emptyBuffer()
        .addRaw(`### ${passed ? '✅' : '❌'} ${escapeHtml(text)}${linked}\n\n`)
        .addRaw(after);
    },
    table(title, header, rows) {
      core.info(`\n${title}\n${formatTable(header, rows)}`);
      core.summary
        .addHeading(escapeHtml(title), 3)
        .addTable([
          header.map((data) => ({ data: escapeHtml(data), header: true })),
          ...rows.map((row) => row.map(escapeHtml)),
        ]);
    },
  };
}

/**
 * Ends what this step added to the job summary with the tool and version that wrote it
 * (`mlops-platform 0.1.0 · run`); a step that added nothing adds no footer either.
 */
export function addSummaryFooter(command: string): void {
  if (core.summary.isEmptyBuffer()) return;
  core.summary.addRaw(
    `\n\n<sub>${escapeHtml(`${productLabel(packageVersion())} · ${command}`)}</sub>\n`,
  );
}

/** Link text inside `[...]`: brackets and backslashes would end or break it. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\[\]]/g, (character) => `\\${character}`);
}

/**
 * The summary is HTML and @actions/core inserts cells as they are: rules such as `x < 1` must
 * be escaped, and an empty cell must not be empty (core then writes an unclosed `<td>`).
 */
function escapeHtml(text: string): string {
  if (text === '') return ' ';
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}
