// What bench/benchmarks.ts measures with: medians of alternating runs, Node processes of the CLI,
// local runs of the reference pipeline, and whether the image services are up.
import { execFileSync, spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { SubprocessExecutor } from '../src/adapters/local-runner/executors.js';
import { runPipelineLocally } from '../src/adapters/local-runner/local-runner.js';
import { loadPipeline } from '../src/adapters/pipeline-loader.js';
import { resolveRunParameters } from '../src/core/ir/parameters.js';
import type { RunRecord } from '../src/core/run-record.js';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const PIPELINE = path.join(ROOT, 'pipelines/training-pipeline.yaml');
export const NODE = process.execPath;
export const python = execFileSync('bash', [path.join(ROOT, 'scripts/python.sh')], {
  encoding: 'utf8',
}).trim();

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export async function timed(work: () => unknown): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

/** Alternates a and b `rounds` times; returns both medians in milliseconds. */
export async function sideBySide(
  rounds: number,
  a: () => unknown,
  b: () => unknown,
): Promise<[number, number]> {
  const left: number[] = [];
  const right: number[] = [];
  for (let round = 0; round < rounds; round++) {
    left.push(await timed(a));
    right.push(await timed(b));
  }
  return [median(left), median(right)];
}

export function runProcess(args: string[]): void {
  const result = spawnSync(NODE, args, { cwd: ROOT, stdio: 'ignore' });
  if (result.status !== 0) throw new Error(`${args.join(' ')} exited with ${result.status}`);
}

export async function runLocal(root: string, useCache: boolean): Promise<RunRecord> {
  const loaded = await loadPipeline(PIPELINE);
  const record = await runPipelineLocally(
    loaded.spec,
    resolveRunParameters(loaded.spec, {}, 'bench'),
    {
      pipelineRoot: root,
      workdir: path.dirname(PIPELINE),
      executor: new SubprocessExecutor({ python }),
      parallelism: availableParallelism(),
      useCache,
    },
  );
  if (record.state !== 'SUCCEEDED') throw new Error(`benchmark run ${record.state}`);
  return record;
}

/** The same component commands, one after another, as a user would type them. */
export function runByHand(record: RunRecord): void {
  const order = Object.values(record.tasks)
    .filter((task) => task.commandLine)
    .sort((a, b) => (a.startTime ?? '').localeCompare(b.startTime ?? ''));
  for (const task of order) {
    const result = spawnSync('sh', ['-c', task.commandLine ?? ''], {
      cwd: path.dirname(PIPELINE),
      stdio: 'ignore',
    });
    if (result.status !== 0) throw new Error(`by hand: ${task.path} exited with ${result.status}`);
  }
}

/** The benchmark of image builds needs what the image tests need. */
export function imageServicesReady(): boolean {
  try {
    execFileSync('docker', ['image', 'inspect', 'mlops-test-python:bookworm'], { stdio: 'ignore' });
    const status = execFileSync(
      'curl',
      ['-s', '-o', '/dev/null', '-w', '%{http_code}', 'http://127.0.0.1:5000/v2/'],
      { encoding: 'utf8' },
    );
    return status.trim() === '401';
  } catch {
    return false;
  }
}
