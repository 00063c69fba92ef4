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
// The training pipeline's default test_size: the shared splits cut the seed's data the same way.
const PIPELINE_TEST_SIZE = 0.2;

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

/** The seed's method failing on a split (it did on one of the shared splits; see sharedSplits). */
export interface SeedFailure {
  readonly failure: string;
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

interface TimedCommand {
  readonly code: number;
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly stdout: string;
  readonly stderr: string;
}

function timeCommand(python: string, command: string[]): TimedCommand {
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
  return {
    code: timed.code,
    wallMs: timed.wall_ms,
    cpuMs: timed.cpu_ms,
    stdout: timed.stdout,
    stderr: timed.stderr,
  };
}

/** A command that must succeed: its times and output. */
function timeSuccess(python: string, command: string[]): TimedCommand {
  const timed = timeCommand(python, command);
  if (timed.code !== 0)
    throw new Error(`${command.join(' ')} exited with ${timed.code}: ${timed.stderr}`);
  return timed;
}

/** The seed's method: its own split, or (with `splitSeed`) the pipeline's split with that seed. */
function seedRun(python: string, splitSeed?: number): TrainingRun | SeedFailure {
  const loadBefore = loadavg()[0] ?? NaN;
  const split =
    splitSeed === undefined
      ? []
      : ['--split-seed', `${splitSeed}`, '--test-size', `${PIPELINE_TEST_SIZE}`];
  const { code, stdout, stderr, wallMs, cpuMs } = timeCommand(python, [
    python,
    SEED_METHOD,
    TELCO_CSV,
    ...split,
  ]);
  if (code !== 0) {
    // The method's own failure (not the benchmark's): kept as a result, with the error's start.
    const lastLine = stderr.trim().split('\n').at(-1) ?? '';
    const error = lastLine.length > 60 ? `${lastLine.slice(0, 60)}…` : lastLine;
    return { failure: `exited with ${code} (${error})` };
  }
  const result = JSON.parse(stdout) as { accuracy: number; roc_auc: number; best_model: string };
  return {
    accuracy: result.accuracy,
    rocAuc: result.roc_auc,
    chosen: result.best_model,
    loadBefore,
    wallMs,
    cpuMs,
  };
}

async function pipelineRun(
  python: string,
  root: string,
  extraParams: string[],
): Promise<TrainingRun> {
  const loadBefore = loadavg()[0] ?? NaN;
  const { wallMs, cpuMs } = timeSuccess(python, [
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
    outputs: { best_model_name?: string };
    metrics: { evaluate?: { accuracy?: number; roc_auc?: number } };
  };
  const { accuracy, roc_auc: rocAuc } = record.metrics.evaluate ?? {};
  const chosen = record.outputs.best_model_name;
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
      const run = seedRun(python);
      if ('failure' in run) throw new Error(`the seed's method on its own split ${run.failure}`);
      seed.push(run);
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

/** Both methods scored on the same test rows, split after split (the pipeline's split, seeds 1..N). */
export interface SharedSplits {
  readonly seeds: readonly number[];
  readonly pipeline: readonly TrainingRun[];
  readonly seedMethod: readonly (TrainingRun | SeedFailure)[];
}

/**
 * One split is one test set of about 1,400 rows, and the ROC AUC of a good model moves by about
 * ±0.01 from one such set to the next: both methods on `count` shared splits, so their difference
 * is measured on the same rows each time. Needs dist/ (`npm run build`).
 */
export async function sharedSplits(
  workspace: string,
  python: string,
  count: number,
): Promise<SharedSplits> {
  const seeds = Array.from({ length: count }, (_, index) => index + 1);
  const pipeline: TrainingRun[] = [];
  const seedMethod: (TrainingRun | SeedFailure)[] = [];
  for (const seed of seeds) {
    const runPipeline = async (): Promise<void> => {
      pipeline.push(
        await pipelineRun(python, path.join(workspace, `telco-split-${seed}`), [`seed=${seed}`]),
      );
    };
    const runSeed = (): void => {
      seedMethod.push(seedRun(python, seed));
    };
    // Alternated, as in trainingQuality.
    if (seed % 2) {
      await runPipeline();
      runSeed();
    } else {
      runSeed();
      await runPipeline();
    }
    const seedSide = seedMethod.at(-1);
    console.log(
      `shared split ${seed}/${count}: pipeline AUC ${pipeline.at(-1)?.rocAuc.toFixed(4)}, seed ${seedSide && 'failure' in seedSide ? seedSide.failure : seedSide?.rocAuc.toFixed(4)}`,
    );
  }
  return { seeds, pipeline, seedMethod };
}

const mean = (values: readonly number[]): number =>
  values.reduce((sum, value) => sum + value, 0) / values.length;

function standardDeviation(values: readonly number[]): number {
  const centre = mean(values);
  return Math.sqrt(
    values.reduce((sum, value) => sum + (value - centre) ** 2, 0) / (values.length - 1),
  );
}

/** The 97.5% quantile of Student's t with `freedom` degrees of freedom (SciPy, beside scikit-learn). */
function tQuantile(python: string, freedom: number): number {
  const result = spawnSync(
    python,
    [
      '-c',
      'import sys; from scipy.stats import t; print(t.ppf(0.975, int(sys.argv[1])))',
      `${freedom}`,
    ],
    { encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`scipy's t quantile: ${result.stderr}`);
  return Number(result.stdout);
}

const signed = (value: number): string => `${value >= 0 ? '+' : ''}${value.toFixed(3)}`;

/** "+0.019 (95% CI +0.013 to +0.025)": the mean paired difference and its t interval. */
function pairedDifference(quantile: number, differences: readonly number[]): string {
  const centre = mean(differences);
  const half = (quantile * standardDeviation(differences)) / Math.sqrt(differences.length);
  return `${signed(centre)} (95% CI ${signed(centre - half)} to ${signed(centre + half)})`;
}

function describeScores(runs: readonly TrainingRun[]): string {
  const aucs = runs.map((run) => run.rocAuc);
  return `mean acc ${mean(runs.map((run) => run.accuracy)).toFixed(3)}, AUC ${mean(aucs).toFixed(3)} (sd ${standardDeviation(aucs).toFixed(3)}, ${Math.min(...aucs).toFixed(3)}-${Math.max(...aucs).toFixed(3)})`;
}

/** A BENCHMARKS.md row: [name, pipeline, seed, wall-clock ratio, note]. */
export function sharedSplitsRow(python: string, splits: SharedSplits): string[] {
  const pairs = splits.pipeline.flatMap((pipeline, index) => {
    const seed = splits.seedMethod[index];
    return seed && !('failure' in seed) ? [{ pipeline, seed }] : [];
  });
  if (pairs.length < 2) throw new Error("the seed's method finished fewer than 2 shared splits");
  const failures = splits.seedMethod.flatMap((seed, index) =>
    'failure' in seed ? [`split ${splits.seeds[index]}: ${seed.failure}`] : [],
  );
  const aucGoal = splits.pipeline.filter((run) => run.rocAuc >= 0.85).length;
  const seedWall = median(pairs.map(({ seed }) => seed.wallMs));
  const pipelineWall = median(splits.pipeline.map((run) => run.wallMs));
  const count = splits.seeds.length;
  const quantile = tQuantile(python, pairs.length - 1);
  return [
    `Training on Telco churn (7,043 rows): reference pipeline, defaults vs the seed's method, on ${count} shared splits (the pipeline's stratified 80/20 split, seeds 1-${count}; the same test rows on both sides)`,
    `pipeline: ${describeScores(splits.pipeline)}; AUC ≥ 0.85 on ${aucGoal} of ${count}; ${(pipelineWall / 1000).toFixed(1)} s wall (median)`,
    `seed: ${describeScores(pairs.map(({ seed }) => seed))} on the ${pairs.length} splits it finished; ${(seedWall / 1000).toFixed(1)} s wall (median)${failures.length ? `; failed on ${failures.join('; ')}` : ''}`,
    `${(pipelineWall / seedWall).toFixed(2)}×`,
    `paired, pipeline minus seed on the ${pairs.length} splits both finished: AUC ${pairedDifference(
      quantile,
      pairs.map(({ pipeline, seed }) => pipeline.rocAuc - seed.rocAuc),
    )}, accuracy ${pairedDifference(
      quantile,
      pairs.map(({ pipeline, seed }) => pipeline.accuracy - seed.accuracy),
    )} (t intervals); wall-clock ratio of the medians`,
  ];
}

/** "acc 0.803, AUC 0.849 (linear); 14.2 s wall, 19.8 s CPU" */
export function describeSide(result: TrainingSide): string {
  const note = result.reproducible ? '' : ', scores varied between runs';
  return `acc ${result.accuracy.toFixed(3)}, AUC ${result.rocAuc.toFixed(3)} (${result.chosen}${note}); ${(result.wallMs / 1000).toFixed(1)} s wall, ${(result.cpuMs / 1000).toFixed(1)} s CPU`;
}
