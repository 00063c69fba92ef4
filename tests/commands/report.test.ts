import { access, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportCommand } from '../../src/commands/report.js';
import type { ReportData } from '../../src/core/run-report/report-model.js';
import type { RunRecord } from '../../src/core/run-record.js';
import { EVALUATION_TEXT, trainingRecord } from '../core/run-report/report-fixtures.js';
import { runCommand } from '../helpers/recording-host.js';
import { startGoogleEmulators, type GoogleEmulators } from './google.js';
import { runTinyPipeline } from './tiny-pipeline.js';

/**
 * The report command in-process: on a local run of a small shell pipeline (its report.html, the
 * JSON, a champion run record), its refusals before anything is written, and a Vertex run
 * record whose artifacts are gs:// objects, read through the Cloud Storage emulator.
 */

let dir: string;
let record: string;
let runDir: string;

beforeAll(async () => {
  ({ dir, record, runDir } = await runTinyPipeline('cmd-report'));
});

describe('report (in-process) on a local run', () => {
  it('the run wrote report.html into its folder and said where', async () => {
    const html = await readFile(path.join(runDir, 'report.html'), 'utf8');
    expect(html).toContain('✓ Succeeded</p>');
    expect(html).toContain('produce → score');
    // Links to each task's log, relative to the report.
    expect(html).toContain('<a href="score/task.log">');
  });

  it('writes report.html beside the run record, with passed and the path as outputs', async () => {
    const result = await runCommand(reportCommand, { 'run-record': record }, { cwd: dir });
    expect(result.userError).toBeUndefined();
    const output = path.join(dir, 'report.html');
    expect(result.outputs).toEqual({ report: output, passed: 'true' });
    expect(result.groups).toEqual(['Read the run', 'Write the report']);
    expect(result.headlines).toEqual([{ passed: true, text: 'Succeeded (report: report.html)' }]);
    expect(result.infos).toContainEqual(
      expect.stringMatching(/^The report is in report\.html \(\d+ KB\)\.$/),
    );
    const html = await readFile(output, 'utf8');
    // From beside the record, the logs are down in the run folder.
    expect(html).toContain(`<a href="${path.relative(dir, runDir)}/score/task.log">`);
    const again = await runCommand(reportCommand, { 'run-record': record }, { cwd: dir });
    expect(again.outputs.report).toBe(output);
    expect(await readFile(output, 'utf8')).toBe(html);
  });

  it('writes the data as JSON, compared with a champion run', async () => {
    const result = await runCommand(
      reportCommand,
      {
        'run-record': record,
        json: true,
        'champion-run-record': 'run.json',
        'metrics-task': 'score',
      },
      { cwd: dir },
    );
    expect(result.userError).toBeUndefined();
    expect(result.outputs.report).toBe(path.join(dir, 'report.json'));
    const data = JSON.parse(await readFile(path.join(dir, 'report.json'), 'utf8')) as ReportData;
    expect(data.dag.edges).toEqual([{ from: 'produce', to: 'score' }]);
    expect(data.champion).toEqual({ source: 'run.json', metrics: { score: 1.1 } });
    expect(data.metricsTask).toBe('score');
    expect(data.metrics).toEqual([
      { task: 'produce', metrics: { size: 11 } },
      { task: 'score', metrics: { score: 1.1 } },
    ]);
    // Without metrics-task, two tasks with metrics leave the champion's unclear.
    const unclear = await runCommand(
      reportCommand,
      { 'run-record': record, 'champion-run-record': 'run.json' },
      { cwd: dir },
    );
    expect(unclear.userError?.message).toBe('Several tasks reported metrics: produce, score');
  });

  it('refuses bad inputs before writing anything', async () => {
    const missing = await runCommand(reportCommand, {}, { cwd: dir });
    expect(missing.userError?.message).toBe('Missing required input "run-record"');

    const both = await runCommand(
      reportCommand,
      { 'run-record': record, model: 'churn', 'champion-run-record': 'run.json' },
      { cwd: dir },
    );
    expect(both.userError?.message).toBe('Give either model or champion-run-record, not both');

    await writeFile(path.join(dir, 'metrics.json'), JSON.stringify({ score: 1 }));
    const notARun = await runCommand(
      reportCommand,
      { 'run-record': record, 'champion-run-record': 'metrics.json', output: 'never.html' },
      { cwd: dir },
    );
    expect(notARun.userError?.message).toMatch(/^metrics\.json is not a valid run record/);
    await expect(access(path.join(dir, 'never.html'))).rejects.toThrow();

    const absent = await runCommand(
      reportCommand,
      { 'run-record': 'absent.json', output: 'never.html' },
      { cwd: dir },
    );
    expect(absent.userError?.message).toBe('Run record absent.json does not exist');
  });
});

describe('report (in-process) on a Vertex run', () => {
  let emulators: GoogleEmulators;

  beforeAll(async () => {
    emulators = await startGoogleEmulators();
  }, 60_000);

  afterAll(async () => {
    await emulators?.close();
  });

  it('reads the gs:// artifacts through Cloud Storage and links tasks to the console', async () => {
    const local = trainingRecord();
    const root = 'gs://acme-runs/training-pipeline-1';
    const console =
      'https://console.cloud.google.com/vertex-ai/locations/us-central1/pipelines/runs/training-pipeline-1?project=acme-ml';
    const vertex: RunRecord = JSON.parse(
      JSON.stringify(local).replaceAll(local.location, root),
    ) as RunRecord;
    const record = { ...vertex, backend: 'vertex' as const, location: console };
    emulators.storage.putObject(`${root}/evaluate/evaluation`, EVALUATION_TEXT);
    emulators.storage.putObject(
      `${root}/condition-1/package-model/deployable_model/metadata.json`,
      JSON.stringify({ python_version: '3.11.2', model_sha256: 'c'.repeat(64) }),
    );
    // The preprocess report is too large to be a summary: refused, as a warning.
    emulators.storage.putObject(
      `${root}/preprocess/preprocess_report`,
      'x'.repeat(5 * 1024 * 1024 + 1),
    );
    const file = path.join(dir, 'vertex-run.json');
    await writeFile(file, JSON.stringify(record));
    const result = await runCommand(
      reportCommand,
      { 'run-record': file, json: true, output: 'vertex-report.json' },
      { cwd: dir, env: emulators.env },
    );
    expect(result.userError).toBeUndefined();
    const data = JSON.parse(
      await readFile(path.join(dir, 'vertex-report.json'), 'utf8'),
    ) as ReportData;
    expect(data.evaluation?.model).toBe('logistic_regression');
    expect(data.facts).toContainEqual({ label: 'Model sha256', value: 'c'.repeat(64) });
    expect(data.warnings).toEqual([
      `The preprocess report (${root}/preprocess/preprocess_report) could not be read: ${root}/preprocess/preprocess_report is larger than 5242880 bytes`,
    ]);
    expect(result.warnings).toEqual(data.warnings);
    expect(new Set(data.dag.nodes.map((node) => node.link))).toEqual(new Set([console]));
    expect(data.verdict.passed).toBe(true);
  });
});
