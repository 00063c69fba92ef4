import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand as runPipeline } from '../../src/commands/run.js';
import type { RunRecord } from '../../src/core/run-record.js';
import { tempDir } from '../helpers/paths.js';
import { runCommand, type InputValue } from '../helpers/recording-host.js';
import { startGoogleEmulators, type GoogleEmulators } from './google.js';
import { tinyPipeline } from './tiny-pipeline.js';

/** run --target vertex in-process: a two-task shell pipeline on the Vertex emulator. */

let emulators: GoogleEmulators;
let dir: string;
let pipeline: string;

beforeAll(async () => {
  emulators = await startGoogleEmulators();
  dir = await tempDir('cmd-run-vertex');
  pipeline = await tinyPipeline(dir);
}, 120_000);

afterAll(async () => {
  await emulators?.close();
});

function run(inputs: Record<string, InputValue> = {}) {
  return runCommand(
    runPipeline,
    {
      pipeline,
      target: 'vertex',
      region: 'us-central1',
      'pipeline-root': 'gs://acme-ml-pipelines/root',
      ...inputs,
    },
    { cwd: dir, env: emulators.env },
  );
}

describe('run --target vertex (in-process, Vertex emulator)', () => {
  it('submits the job, tracks it while waiting, and writes the run record', async () => {
    const result = await run({ param: 'text=on vertex', 'job-id': 'tiny-run-1' });
    expect(result.userError?.describe()).toBeUndefined();
    expect(result.failure).toBeUndefined();
    expect(result.outputs.state).toBe('SUCCEEDED');
    expect(result.outputs['job-name']).toMatch(
      /\/locations\/us-central1\/pipelineJobs\/tiny-run-1$/,
    );
    expect(result.outputs['console-url']).toContain('tiny-run-1');
    expect(JSON.parse(result.outputs.outputs ?? '')).toEqual({ size: 9, score: 0.9 });
    // The post step would cancel the job while it runs; done, it is untracked.
    expect(result.cloudJobs).toEqual([
      {
        kind: 'vertex-pipeline-job',
        project: 'acme-ml',
        region: 'us-central1',
        jobId: 'tiny-run-1',
      },
      undefined,
    ]);
    expect(result.groups).toContain('Wait for tiny-run-1');
    const record = JSON.parse(
      await readFile(result.outputs['run-record'] ?? '', 'utf8'),
    ) as RunRecord;
    expect(record.backend).toBe('vertex');
    expect(Object.keys(record.tasks).sort()).toEqual(['produce', 'score']);
    expect(emulators.vertex.jobs.get('tiny-run-1')?.state).toBe('PIPELINE_STATE_SUCCEEDED');
  });

  it('with wait false, returns the job at once and tracks nothing', async () => {
    const result = await run({ wait: false, 'job-id': 'tiny-run-2' });
    expect(result.userError?.describe()).toBeUndefined();
    expect(result.outputs['run-id']).toBe('tiny-run-2');
    expect(result.outputs.state).toMatch(/^PIPELINE_STATE_/);
    expect(result.outputs['run-record']).toBeUndefined();
    expect(result.cloudJobs).toEqual([]);
    await emulators.vertex.jobs.get('tiny-run-2')?.done;
  });

  it('rejects bad Vertex inputs in one UserError before any call', async () => {
    const calls = emulators.vertex.calls();
    const jobId = await run({ 'job-id': 'Not_Valid' });
    expect(jobId.userError?.message).toBe('job-id "Not_Valid" is not a valid pipeline job id');
    const timeout = await run({ timeout: 'forever' });
    expect(timeout.userError?.message).toBe('timeout "forever" is not a duration');
    const zone = await run({ region: 'us-central1-a' });
    expect(zone.userError?.describe()).toMatch(
      /region "us-central1-a" is not a Google Cloud region\nFix: Use a Vertex AI region/,
    );
    const root = await run({ 'pipeline-root': '/tmp/root' });
    expect(root.userError?.message).toMatch(
      /Vertex runs need a gs:\/\/ pipeline root, not "\/tmp\/root"/,
    );
    const project = await runCommand(
      runPipeline,
      { pipeline, target: 'vertex', region: 'us-central1' },
      { cwd: dir },
    );
    expect(project.userError?.message).toBe('Vertex runs need a project');
    expect(emulators.vertex.calls()).toEqual(calls);
  });
});
