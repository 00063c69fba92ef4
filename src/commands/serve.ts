import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runProcess } from '../adapters/process.js';
import { UserError } from '../core/errors.js';
import { defineCommand, integerInput, requireInput } from './command.js';
import { PYTHON_INPUT, pythonInput } from './pipeline-inputs.js';

/**
 * `mlops serve --local MODEL_DIR`: the prediction server of pipelines/serving (the one the
 * serving image runs, on Vertex AI's custom-container contract) on this machine, for trying a
 * packaged model with real requests before deploying it.
 */

interface ServeInputs {
  readonly modelDir: string;
  readonly port: number;
  readonly host: string;
  readonly python: string;
}

/** The project's pipelines/ folder: found upwards from this module (dist/, dist/chunks/, src/commands/). */
function pipelinesFolder(): string {
  let folder = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(folder, 'pipelines');
    if (existsSync(path.join(candidate, 'serving', 'server.py'))) return candidate;
    const parent = path.dirname(folder);
    if (parent === folder)
      throw new Error('pipelines/serving/server.py is missing from this installation');
    folder = parent;
  }
}

export const serveCommand = defineCommand<ServeInputs>({
  name: 'serve',
  cli: {
    shorthands: [
      { name: 'local', description: 'Serve on this machine (the only place serve runs).' },
    ],
  },
  summary:
    'Serve a packaged model (model.joblib + metadata.json) on this machine with the prediction server the serving image runs, until stopped.',
  inputs: [
    {
      name: 'model-dir',
      description:
        "Serve: the packaged model folder (package-model's deployable model, or a local copy of a Vertex model's artifacts).",
      kind: 'string',
      required: true,
      positional: true,
    },
    {
      name: 'port',
      description: 'Serve: the port to listen on (0 picks a free one).',
      kind: 'integer',
      default: '8080',
    },
    {
      name: 'host',
      description: 'Serve: the address to listen on (0.0.0.0 to accept other machines).',
      kind: 'string',
      default: '127.0.0.1',
      valueName: 'ADDRESS',
    },
    PYTHON_INPUT,
  ],
  outputs: [],
  parseInputs(raw, context) {
    const given = requireInput(raw, 'model-dir', 'Give the packaged model folder to serve.');
    const modelDir = path.resolve(context.cwd, given);
    if (!statSync(modelDir, { throwIfNoEntry: false })?.isDirectory()) {
      throw new UserError(`The model folder ${given} does not exist`, {
        fix: "Give the folder package-model wrote (model.joblib and metadata.json), e.g. the run's package-model/deployable_model.",
      });
    }
    return {
      modelDir,
      port: integerInput(raw, 'port', 8080, 0),
      host: raw.string('host')?.trim() || '127.0.0.1',
      python: pythonInput(raw, context),
    };
  },
  async run(inputs, context) {
    const { ui } = context;
    const result = await runProcess(
      inputs.python,
      [
        '-m',
        'serving.server',
        '--model-dir',
        inputs.modelDir,
        '--port',
        String(inputs.port),
        '--host',
        inputs.host,
      ],
      {
        cwd: pipelinesFolder(),
        env: { ...context.env, PYTHONDONTWRITEBYTECODE: '1' },
        ...(context.signal ? { signal: context.signal } : {}),
        onOutput: (line) => {
          if (!line) return;
          const url = /^listening on (\S+)/.exec(line)?.[1];
          ui.info(
            url
              ? ui.colors.ok(`Serving ${inputs.modelDir} at ${url} (Ctrl-C stops it)`)
              : ui.colors.dim(line),
          );
        },
      },
    );
    if (result.spawnError) {
      throw result.spawnError.code === 'ENOENT'
        ? new UserError(`Python (${inputs.python}) is not on PATH`, {
            fix: 'Install Python 3 with scikit-learn, pandas and joblib, or pass --python.',
          })
        : result.spawnError;
    }
    const code = result.exitCode;
    if (code === 0 || context.signal?.aborted) return { outputs: {} };
    const lastError = result.logTail.findLast(Boolean) ?? '';
    // The server's exit codes: 2 a framework version mismatch, 1 a model it cannot load.
    throw new UserError(`The prediction server stopped (exit code ${code}): ${lastError}`, {
      fix:
        code === 2
          ? 'Serve with the scikit-learn version the model was trained with (the serving image pins it).'
          : 'Check the model folder holds model.joblib and metadata.json from package-model.',
    });
  },
});
