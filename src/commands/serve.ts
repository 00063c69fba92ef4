import { statSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../adapters/package-root.js';
import { runProcess } from '../adapters/process.js';
import { UserError } from '../core/errors.js';
import {
  defineCommand,
  integerInput,
  once,
  parseFields,
  requireInput,
  stringInput,
} from './command.js';
import { PYTHON_INPUT, pythonInput } from './pipeline-inputs.js';

/**
 * `mlops serve --local MODEL_DIR`: the prediction server of pipelines/serving (the one the
 * serving image runs, on Vertex AI's custom-container contract) on this machine, for trying a
 * packaged model with real requests before deploying it.
 */

interface ServeInputs {
  /** Resolved against the working directory; checked by checkModelDir. */
  readonly modelDir: string;
  /** As given, for messages. */
  readonly modelDirGiven: string;
  readonly port: number;
  readonly host: string;
  readonly python: string;
}

/** The planning phase: the model folder must exist before the server is started. */
function checkModelDir({ modelDir, modelDirGiven: given }: ServeInputs): void {
  const stat = statSync(modelDir, { throwIfNoEntry: false });
  if (stat && !stat.isDirectory()) {
    throw new UserError(`The model folder ${given} is a file, not a folder`, {
      fix: `Give the folder that holds it, ${path.dirname(modelDir)}, if package-model wrote it (model.joblib and metadata.json).`,
    });
  }
  if (!stat) {
    throw new UserError(`The model folder ${given} does not exist`, {
      fix: "Give the folder package-model wrote (model.joblib and metadata.json), e.g. the run's package-model/deployable_model.",
    });
  }
}

/** What to do about a start-up exit status of the server (its docstring lists them). */
function serverFix(status: number, inputs: ServeInputs): string | undefined {
  const fixes: Record<number, string> = {
    1: 'Check the model folder holds model.joblib and metadata.json from package-model.',
    2: 'Correct the setting the message names (AIP_HEALTH_ROUTE and AIP_PREDICT_ROUTE come from the environment).',
    3: 'Serve with the scikit-learn version the model was trained with, and pandas and joblib: pass --python with a Python that has them (the serving image pins them).',
    4: `Stop what listens on port ${inputs.port}, or pick another (--port 0 picks a free one).`,
    5: 'Give --host an address of this machine: 127.0.0.1, or 0.0.0.0 to accept other machines.',
    6: "Serve the model folder package-model wrote, unchanged: model.joblib is not the file it hashed (loading a model runs code, so find out what replaced it before serving it). MLOPS_MODEL_SHA256, when set, must be that model's sha256.",
  };
  return fixes[status];
}

/** The prediction server of the serving image, shipped with this package. */
const SERVER = 'pipelines/serving/server.py';

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
    const given = once(() =>
      requireInput(raw, 'model-dir', 'Give the packaged model folder to serve.'),
    );
    return parseFields('serve', {
      modelDir: () => path.resolve(context.cwd, given()),
      modelDirGiven: given,
      port: () => {
        const port = integerInput(raw, 'port', 0);
        if (port > 65535)
          throw new UserError(`Input "port" is "${port}"`, { fix: 'Give a port from 0 to 65535.' });
        return port;
      },
      host: () => stringInput(raw, 'host'),
      python: () => pythonInput(raw, context),
    });
  },
  async run(inputs, context) {
    const { ui } = context;
    checkModelDir(inputs);
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
        cwd: path.join(packageRoot(SERVER), 'pipelines'),
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
    const message = `The prediction server stopped (exit code ${code}): ${result.logTail.findLast(Boolean) ?? ''}`;
    const fix = serverFix(code, inputs);
    // Another status is no start-up problem the server recognised: a crash, not the user's to fix.
    if (fix === undefined) throw new Error(message);
    throw new UserError(message, { fix });
  },
});
