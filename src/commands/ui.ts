import path from 'node:path';
import { UserError } from '../core/errors.js';
import { isLoopbackAddress } from '../core/run-browser/loopback.js';
import { booleanInput, defineCommand, integerInput, parseFields, stringInput } from './command.js';

/**
 * `mlops ui`: a read-only browser over the local runs of a pipeline root, on this machine's
 * loopback: the list (filter, sort), each run's report, runs side by side, artifact previews.
 * Serves until Ctrl-C. CLI only: a server that runs until stopped has no place in a workflow.
 */

interface UiInputs {
  readonly pipelineRoot: string;
  readonly port: number;
  readonly host: string;
}

/** What `mlops run --local` writes to when not told otherwise. */
const DEFAULT_PIPELINE_ROOT = '.mlops/runs';

export const uiCommand = defineCommand<UiInputs>({
  name: 'ui',
  summary:
    'Browse the local runs of a pipeline root in a web browser: list, reports, comparison, artifacts (read-only, on 127.0.0.1, until stopped).',
  inputs: [
    {
      name: 'pipeline-root',
      description: `UI: the folder whose runs to show (run --local's pipeline-root, default ${DEFAULT_PIPELINE_ROOT}).`,
      kind: 'string',
      default: DEFAULT_PIPELINE_ROOT,
      valueName: 'DIR',
    },
    {
      name: 'port',
      description: 'UI: the port to listen on (0 picks a free one).',
      kind: 'integer',
      default: '8765',
    },
    {
      name: 'host',
      description: 'UI: the address to listen on (loopback unless --allow-remote).',
      kind: 'string',
      default: '127.0.0.1',
      valueName: 'ADDRESS',
    },
    {
      name: 'allow-remote',
      description:
        'UI: allow a --host other machines can reach (runs hold parameters and previews of their data; there is no login).',
      kind: 'boolean',
      default: 'false',
    },
  ],
  outputs: [],
  parseInputs(raw, context) {
    return parseFields('ui', {
      pipelineRoot: () => path.resolve(context.cwd, stringInput(raw, 'pipeline-root')),
      port: () => {
        const port = integerInput(raw, 'port', 0);
        if (port > 65535)
          throw new UserError(`Input "port" is "${port}"`, { fix: 'Give a port from 0 to 65535.' });
        return port;
      },
      host: () => {
        const host = stringInput(raw, 'host');
        if (!isLoopbackAddress(host) && !booleanInput(raw, 'allow-remote')) {
          throw new UserError(`--host ${host} would let other machines read your runs`, {
            fix: 'Keep the default 127.0.0.1 (and reach it through an SSH tunnel from elsewhere), or add --allow-remote if everyone on that network may see the runs: their parameters and previews of their data, with no login.',
          });
        }
        return host;
      },
    });
  },
  async run(inputs, context) {
    const { ui } = context;
    const { startRunBrowser } = await import('../adapters/run-browser/server.js');
    const browser = await startRunBrowser({
      root: inputs.pipelineRoot,
      host: inputs.host,
      port: inputs.port,
    }).catch((error: unknown) => {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE')
        throw new UserError(`Port ${inputs.port} is in use`, {
          fix: 'Stop what listens there, or pick another port (--port 0 picks a free one).',
        });
      if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
        throw new UserError(`${inputs.host} is no address of this machine`, {
          fix: 'Give --host an address of this machine, e.g. 127.0.0.1.',
        });
      throw error;
    });
    try {
      const { runs, rootExists } = browser.index.list();
      if (!rootExists)
        ui.warning(
          `${inputs.pipelineRoot} does not exist yet: make a run with mlops run --local PIPELINE --pipeline-root ${inputs.pipelineRoot}, or give --pipeline-root the folder your runs are in`,
        );
      else if (runs.length === 0)
        ui.warning(
          `No runs under ${inputs.pipelineRoot} yet: they appear as mlops run --local writes them`,
        );
      ui.info(
        ui.colors.ok(
          `Run browser for ${runs.length} run${runs.length === 1 ? '' : 's'} under ${inputs.pipelineRoot} at ${browser.url} (Ctrl-C stops it)`,
        ),
      );
      await new Promise<void>((resolve) => {
        if (!context.signal) return;
        if (context.signal.aborted) return resolve();
        context.signal.addEventListener('abort', () => resolve(), { once: true });
      });
    } finally {
      await browser.close();
    }
    return { outputs: {} };
  },
});
