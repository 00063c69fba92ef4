import type { RunRecord, RunState } from '../../../src/core/run-record.js';

/** A run record as `mlops run --local` writes it, small: the tests set what they compare. */
export function runRecord(
  runId: string,
  options: {
    state?: RunState;
    pipeline?: string;
    startTime?: string;
    parameters?: RunRecord['parameters'];
    metrics?: RunRecord['metrics'];
    outputs?: RunRecord['outputs'];
  } = {},
): RunRecord {
  return {
    recordVersion: 1,
    producer: { name: 'mlops-platform', version: '0.1.0' },
    backend: 'local',
    runId,
    pipelineName: options.pipeline ?? 'training-pipeline',
    pipelineRoot: '/runs',
    parameters: options.parameters ?? {},
    state: options.state ?? 'SUCCEEDED',
    startTime: options.startTime ?? '2026-12-05T08:00:00.000Z',
    durationMs: 5000,
    location: `/runs/${runId}`,
    tasks: {
      train: {
        path: 'train',
        name: 'train',
        state: 'SUCCEEDED',
        cached: false,
        attempts: 1,
        parameters: {},
        artifacts: {},
      },
    },
    outputs: options.outputs ?? {},
    metrics: options.metrics ?? {},
  };
}
