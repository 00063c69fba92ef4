// The run browser (`mlops ui`) on 10,000 synthetic runs: the server's start to its first list,
// and a list request, against a naive server that reads and parses every run.json per request.
import { spawn } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { RunRecord, TaskRecord } from '../src/core/run-record.js';
import { median, NODE, ROOT, sideBySide } from './measure.js';

export const SYNTHETIC_RUNS = Number(process.env.MLOPS_BENCH_UI_RUNS ?? 10_000);

const TASKS = [
  'load-data',
  'preprocess',
  'train',
  'evaluate',
  'condition-1',
  'condition-1/package-model',
];

/** A run record shaped like one of the reference pipeline (about 18 kB, as a real one is). */
function syntheticRecord(root: string, index: number): RunRecord {
  const start = new Date(Date.UTC(2026, 0, 1) + index * 3_600_000);
  const stamp = start.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const runId = `training-pipeline-${stamp}`;
  const location = path.join(root, runId);
  const accuracy = 0.7 + ((index * 7919) % 1000) / 4000;
  const tasks: Record<string, TaskRecord> = {};
  TASKS.forEach((taskPath, order) => {
    const artifacts: TaskRecord['artifacts'] = {};
    for (const output of ['dataset', 'report', 'metrics'].slice(0, 1 + (order % 3))) {
      artifacts[output] = [
        {
          name: output,
          uri: path.join(location, taskPath, output),
          schemaTitle: output === 'metrics' ? 'system.Metrics' : 'system.Dataset',
          metadata:
            output === 'metrics'
              ? { accuracy, f1: accuracy - 0.03, roc_auc: accuracy + 0.05 }
              : {
                  rows: 1000 + index,
                  columns: Array.from({ length: 20 }, (_, c) => `feature_${c}`),
                },
        },
      ];
    }
    tasks[taskPath] = {
      path: taskPath,
      name: taskPath.split('/').at(-1) ?? taskPath,
      upstream: order > 0 ? [TASKS[order - 1] ?? ''] : [],
      state: 'SUCCEEDED',
      cached: false,
      attempts: 1,
      startTime: start.toISOString(),
      endTime: start.toISOString(),
      durationMs: 1000 + order,
      commandLine: `python3 -m components.${taskPath.replace(/\W/g, '_')} ${Array.from({ length: 10 }, (_, a) => `--argument-${a} ${path.join(location, taskPath, `input-${a}`)}`).join(' ')}`,
      parameters: { seed: 42, test_size: 0.2, target_column: 'Churn', search_iterations: 2 },
      artifacts,
    };
  });
  return {
    recordVersion: 1,
    producer: { name: 'mlops-platform', version: '0.1.0' },
    backend: 'local',
    runId,
    pipelineName: index % 5 === 0 ? 'drift-pipeline' : 'training-pipeline',
    pipelineRoot: root,
    parameters: { data_uri: 'data/churn_sample.csv', search_iterations: 2 + (index % 4), seed: 42 },
    state: index % 17 === 0 ? 'FAILED' : 'SUCCEEDED',
    startTime: start.toISOString(),
    endTime: start.toISOString(),
    durationMs: 5000 + (index % 3000),
    location,
    tasks,
    outputs: {},
    metrics: { evaluate: { accuracy, f1: accuracy - 0.03, roc_auc: accuracy + 0.05 } },
  };
}

export async function makeSyntheticRuns(root: string, count: number): Promise<void> {
  for (let start = 0; start < count; start += 200) {
    await Promise.all(
      Array.from({ length: Math.min(200, count - start) }, async (_, offset) => {
        const record = syntheticRecord(root, start + offset);
        await mkdir(record.location, { recursive: true });
        await writeFile(path.join(record.location, 'run.json'), JSON.stringify(record, null, 2));
      }),
    );
  }
}
