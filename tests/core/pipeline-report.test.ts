import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { evaluateGate, parseGateRules } from '../../src/core/gate.js';
import { gateReport, parseReportUrl } from '../../src/core/report/pipeline-report.js';
import type { RunRecord, TaskRecord } from '../../src/core/run-record.js';

function task(path: string, upstream?: string[]): TaskRecord {
  return {
    path,
    name: path.split('/').at(-1) ?? path,
    ...(upstream ? { upstream } : {}),
    state: 'SUCCEEDED',
    cached: false,
    attempts: 1,
    durationMs: 1200,
    parameters: {},
    artifacts: {},
  };
}

/** The reference training pipeline's shape: package-model sits inside the condition's sub-DAG. */
const record: RunRecord = {
  recordVersion: 1,
  backend: 'local',
  runId: 'training-pipeline-20261205-080000',
  pipelineName: 'training-pipeline',
  pipelineRoot: '/tmp/runs',
  parameters: {},
  state: 'SUCCEEDED',
  startTime: '2026-12-05T08:00:00.000Z',
  location: '/tmp/runs/training-pipeline-20261205-080000',
  tasks: Object.fromEntries(
    [
      task('load-data'),
      task('preprocess', ['load-data']),
      task('train', ['preprocess']),
      task('evaluate', ['preprocess', 'train']),
      task('condition-1', ['evaluate']),
      task('condition-1/package-model'),
    ].map((each) => [each.path, each]),
  ),
  outputs: {},
  metrics: { evaluate: { accuracy: 0.97 } },
};

const passing = evaluateGate(parseGateRules(['accuracy >= 0.9']), { accuracy: 0.97 }, undefined);
const failing = evaluateGate(parseGateRules(['accuracy >= 0.99']), { accuracy: 0.97 }, undefined);

describe('the gate report', () => {
  it('draws every task once, the sub-DAG around its task, and every dependency as an edge', () => {
    const { diagram } = gateReport(passing, record, undefined);
    const ids = new Map(
      [...diagram.matchAll(/^\s*(?:subgraph )?(t\d+)\["([\w-]+) /gm)].map(([, id, name]) => [
        name,
        id,
      ]),
    );
    expect([...ids.keys()].sort()).toEqual(
      ['condition-1', 'evaluate', 'load-data', 'package-model', 'preprocess', 'train'].sort(),
    );
    const edge = (from: string, to: string): string => `${ids.get(from)} --> ${ids.get(to)}`;
    for (const [from, to] of [
      ['load-data', 'preprocess'],
      ['preprocess', 'train'],
      ['preprocess', 'evaluate'],
      ['train', 'evaluate'],
      ['evaluate', 'condition-1'],
    ] as const)
      expect(diagram).toContain(edge(from, to));
    // package-model is reached through the subgraph that holds it.
    expect(diagram).toMatch(
      new RegExp(
        `subgraph ${ids.get('condition-1')}\\[[^\\n]*\\n\\s+${ids.get('package-model')}\\[`,
      ),
    );
  });

  it('starts with a pass or fail headline and links the HTML report when given', () => {
    const url = 'https://github.com/acme/churn/actions/runs/7/artifacts/42';
    const passed = gateReport(passing, record, undefined, url);
    expect(passed.markdown.split('\n')[0]).toBe('### ✅ Gate passed: 1 of 1 rules');
    expect(passed.markdown).toContain(`[Full report (HTML)](${url})`);
    const failed = gateReport(failing, record, 'models/1@2');
    expect(failed.markdown.split('\n')[0]).toBe('### ❌ Gate failed: 1 of 1 rules');
    expect(failed.markdown).not.toContain('Full report');
  });

  it('takes an http(s) report link and refuses anything else', () => {
    expect(parseReportUrl('  ')).toBeUndefined();
    expect(parseReportUrl('https://example.com/a b')).toBe('https://example.com/a%20b');
    for (const bad of ['javascript:alert(1)', 'file:///etc/passwd', 'not a url'])
      expect(() => parseReportUrl(bad)).toThrow(UserError);
  });
});
