import { runCommand as runPipeline } from '../../src/commands/run.js';
import { tempDir } from '../helpers/paths.js';
import { runCommand } from '../helpers/recording-host.js';
import { shellComponent, writePipeline } from '../runner/pipeline-fixtures.js';

const COMPONENTS = {
  'produce.yaml': shellComponent(
    'Produce',
    {
      inputs: [['text', 'String']],
      outputs: [
        ['data', 'Dataset'],
        ['size', 'Integer'],
      ],
    },
    'printf "%s" "$1" > "$2"; printf "%s" "${#1}" > "$3"',
  ),
  'score.yaml': shellComponent(
    'Score',
    { inputs: [['data', 'Dataset']], outputs: [['score', 'Float']] },
    'echo scoring; wc -c < "$1" | awk \'{ printf "%.2f", $1 / 10 }\' > "$2"',
  ),
  'fail.yaml': shellComponent(
    'Fail',
    { inputs: [['data', 'Dataset']] },
    'echo "about to fail"; echo "bad things" >&2; exit 3',
  ),
};

/** A two-task shell pipeline (produce → score), or one whose second task fails. */
export async function tinyPipeline(dir: string, failing = false): Promise<string> {
  return writePipeline(
    dir,
    {
      parameters: { text: { type: 'String', default: 'hello world' } },
      tasks: {
        produce: { component: 'produce.yaml', inputs: { text: '${params.text}' } },
        score: {
          component: failing ? 'fail.yaml' : 'score.yaml',
          inputs: { data: '${produce.data}' },
        },
      },
      ...(failing ? {} : { outputs: { size: 'produce.size', score: 'score.score' } }),
    },
    COMPONENTS,
  );
}

export interface TinyRun {
  /** The folder the run was made in (the commands' working directory). */
  readonly dir: string;
  /** Its run record, copied to `run.json` in that folder. */
  readonly record: string;
  /** The run's own folder under `runs/`. */
  readonly runDir: string;
}

/** The two-task pipeline run to the end in a new temporary folder, for the commands that read runs. */
export async function runTinyPipeline(prefix: string): Promise<TinyRun> {
  const dir = await tempDir(prefix);
  const result = await runCommand(
    runPipeline,
    { pipeline: await tinyPipeline(dir), 'pipeline-root': 'runs', 'run-record': 'run.json' },
    { cwd: dir },
  );
  if (result.outputs.state !== 'SUCCEEDED')
    throw new Error(`the tiny pipeline ended ${result.outputs.state ?? 'without a state'}`);
  return {
    dir,
    record: result.outputs['run-record'] ?? '',
    runDir: result.outputs['run-dir'] ?? '',
  };
}
