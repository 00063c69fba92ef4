// Training quality and time on the Telco customer-churn data (bench/data, 7,043 rows): the method
// this project started from (bench/seed_method.py) against the reference training pipeline with
// its defaults, run as a user runs it (`mlops run --local`, a fresh pipeline root, no cache).
// Used by bench/benchmarks.ts (group `training-quality`).
import { spawnSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import path from 'node:path';
import { median, NODE, PIPELINE, ROOT } from './measure.js';

export const TELCO_CSV = path.join(ROOT, 'bench/data/telco-customer-churn.csv');
const SEED_METHOD = path.join(ROOT, 'bench/seed_method.py');

/** Runs a command; prints its exit code, wall and CPU milliseconds (its own and its reaped
 * descendants': the search's worker processes too) and its output, as JSON. */
const TIME_COMMAND = `
import json, resource, subprocess, sys, time
started = time.perf_counter()
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
wall = time.perf_counter() - started
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"code": done.returncode, "wall_ms": wall * 1000,
                  "cpu_ms": (usage.ru_utime + usage.ru_stime) * 1000,
                  "stdout": done.stdout, "stderr": done.stderr[-2000:]}))
`;

/** One training run: test scores, wall and CPU time, and the 1-minute load average before it. */
export interface TrainingRun {
  readonly accuracy: number;
  readonly rocAuc: number;
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly loadBefore: number;
  /** What the method chose (the seed: random_forest or decision_tree; the pipeline: a candidate). */
  readonly chosen: string;
}

/** The median run of several: median times and load; the scores of the first (they are seeded). */
export interface TrainingSide {
  readonly runs: readonly TrainingRun[];
  readonly accuracy: number;
  readonly rocAuc: number;
  readonly chosen: string;
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly load: number;
  /** False when a later run scored differently from the first (a seed not honoured somewhere). */
  readonly reproducible: boolean;
}

export interface TrainingQuality {
  readonly seed: TrainingSide;
  /** The pipeline with its defaults (test_size 0.2, stratified). */
  readonly pipeline: TrainingSide;
  /** The pipeline with the seed's test share (test_size 0.3); still stratified, the seed's is not. */
  readonly pipelineSeedSplit: TrainingSide;
}

function timeCommand(
  python: string,
  command: string[],
): { wallMs: number; cpuMs: number; stdout: string } {
  const result = spawnSync(python, ['-c', TIME_COMMAND, ...command], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`timing ${command.join(' ')}: ${result.stderr}`);
  const timed = JSON.parse(result.stdout) as {
    code: number;
    wall_ms: number;
    cpu_ms: number;
    stdout: string;
    stderr: string;
  };
  if (timed.code !== 0)
    throw new Error(`${command.join(' ')} exited with ${timed.code}: ${timed.stderr}`);
  return { wallMs: timed.wall_ms, cpuMs: timed.cpu_ms, stdout: timed.stdout };
}

function seedRun(python: string): TrainingRun {
  const loadBefore = loadavg()[0] ?? NaN;
  const { stdout, ...times } = timeCommand(python, [python, SEED_METHOD, TELCO_CSV]);
  const result = JSON.parse(stdout) as { accuracy: number; roc_auc: number; best_model: string };
  return {
    accuracy: result.accuracy,
    rocAuc: result.roc_auc,
    chosen: result.best_model,
    loadBefore,
    ...times,
  };
}

async function pipelineRun(
  python: string,
  root: string,
  extraParams: string[],
): Promise<TrainingRun> {
  const loadBefore = loadavg()[0] ?? NaN;
  const { wallMs, cpuMs } = timeCommand(python, [
    NODE,
    path.join(ROOT, 'dist/cli.js'),
    'run',
    '--local',
    PIPELINE,
    '--python',
    python,
    '--pipeline-root',
    root,
    '--param',
    `data_uri=${TELCO_CSV}`,
    '--param',
    'target_column=Churn',
    ...extraParams.flatMap((param) => ['--param', param]),
  ]);
  // The root holds the run's folder and the (empty before this run) cache, `.cache`.
  const runId = (await readdir(root)).find((name) => !name.startsWith('.'));
  const record = JSON.parse(await readFile(path.join(root, runId ?? '', 'run.json'), 'utf8')) as {
    state: string;
    outputs: { accuracy?: number; roc_auc?: number; best_model_name?: string };
  };
  const { accuracy, roc_auc: rocAuc, best_model_name: chosen } = record.outputs;
  if (record.state !== 'SUCCEEDED' || accuracy === undefined || rocAuc === undefined || !chosen)
    throw new Error(`the Telco pipeline run in ${root} ended ${record.state} without its scores`);
  return { accuracy, rocAuc, chosen, loadBefore, wallMs, cpuMs };
}

function side(runs: TrainingRun[]): TrainingSide {
  const [first] = runs;
  if (!first) throw new Error('no training runs');
  return {
    runs,
    accuracy: first.accuracy,
    rocAuc: first.rocAuc,
    chosen: first.chosen,
    wallMs: median(runs.map((run) => run.wallMs)),
    cpuMs: median(runs.map((run) => run.cpuMs)),
    load: median(runs.map((run) => run.loadBefore)),
    reproducible: runs.every(
      (run) => run.accuracy === first.accuracy && run.rocAuc === first.rocAuc,
    ),
  };
}

/**
 * Alternates the seed's method, the pipeline with its defaults and the pipeline on the seed's
 * test share, `rounds` times, each pipeline run in a fresh pipeline root (nothing cached).
 * Needs dist/ (`npm run build`).
 */
export async function trainingQuality(
  workspace: string,
  python: string,
  rounds: number,
): Promise<TrainingQuality> {
  const seed: TrainingRun[] = [];
  const pipeline: TrainingRun[] = [];
  const seedSplit: TrainingRun[] = [];
  const sides = [
    (): Promise<void> => {
      seed.push(seedRun(python));
      return Promise.resolve();
    },
    async (round: number): Promise<void> => {
      pipeline.push(await pipelineRun(python, path.join(workspace, `telco-${round}`), []));
    },
    async (round: number): Promise<void> => {
      seedSplit.push(
        await pipelineRun(python, path.join(workspace, `telco-0.3-${round}`), ['test_size=0.3']),
      );
    },
  ];
  for (let round = 0; round < rounds; round++) {
    // The order turns each round (seed first, then the pipeline first, ...), so no side always
    // runs after the same one (a warm page cache, a slow neighbour's burst).
    for (let turn = 0; turn < sides.length; turn++)
      await sides[(round + turn) % sides.length]?.(round);
    console.log(
      `training round ${round + 1}/${rounds}: seed ${seed.at(-1)?.wallMs.toFixed(0)} ms, pipeline ${pipeline.at(-1)?.wallMs.toFixed(0)} ms, pipeline (test 0.3) ${seedSplit.at(-1)?.wallMs.toFixed(0)} ms`,
    );
  }
  return { seed: side(seed), pipeline: side(pipeline), pipelineSeedSplit: side(seedSplit) };
}

/** "acc 0.803, AUC 0.849 (linear); 14.2 s wall, 19.8 s CPU" */
export function describeSide(result: TrainingSide): string {
  const note = result.reproducible ? '' : ', scores varied between runs';
  return `acc ${result.accuracy.toFixed(3)}, AUC ${result.rocAuc.toFixed(3)} (${result.chosen}${note}); ${(result.wallMs / 1000).toFixed(1)} s wall, ${(result.cpuMs / 1000).toFixed(1)} s CPU`;
}
