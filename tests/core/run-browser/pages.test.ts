import { describe, expect, it } from 'vitest';
import { artifactPageHtml, previewFile } from '../../../src/core/run-browser/artifact-preview.js';
import { listPageHtml } from '../../../src/core/run-browser/list-page.js';
import { listPage, parseListQuery } from '../../../src/core/run-browser/list-query.js';
import { runPageHtml } from '../../../src/core/run-browser/run-page.js';
import { summarizeRun } from '../../../src/core/run-browser/run-summary.js';
import { buildReportData } from '../../../src/core/run-report/report-data.js';
import type { RunRecord } from '../../../src/core/run-record.js';
import { runRecord } from './run-records.js';

describe('artifact previews', () => {
  it('tells CSV, JSON, Markdown, text and binary apart, by name or by content', () => {
    expect(previewFile('dataset', 'a,b\n1,2\n', true)).toEqual({
      kind: 'csv',
      header: ['a', 'b'],
      rows: [['1', '2']],
    });
    expect(previewFile('metrics', '{"a":1}', true)).toEqual({
      kind: 'json',
      text: '{\n  "a": 1\n}',
    });
    // Cut short, JSON cannot be parsed: it is shown as the text it is.
    expect(previewFile('metrics.json', '{"a":', false).kind).toBe('text');
    expect(previewFile('model_card', '# Model\n\ntext', true).kind).toBe('markdown');
    expect(previewFile('task.log', 'started\n', true).kind).toBe('text');
    expect(previewFile('model.joblib', 'x\u0000y', true).kind).toBe('binary');
  });

  it('shows Markdown and CSV cells as text, never as markup', () => {
    const html = artifactPageHtml({
      root: '/r',
      id: 'run-1',
      runId: 'run-1',
      relative: 'task/card',
      size: 10,
      complete: true,
      preview: { kind: 'markdown', text: '<script>alert(1)</script>' },
    });
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert');
    expect(html).toContain('href="/runs/run-1/artifacts/task/card?download=1"');
  });
});

describe('pages', () => {
  it('draws the list’s first rows without script, with sort links that keep the filters', () => {
    const query = parseListQuery(new URLSearchParams('q=train&selected=a'));
    const runs = [summarizeRun('a', runRecord('<b>a</b>', { metrics: { e: { f1: 0.25 } } }))];
    const html = listPageHtml({
      root: '/r',
      rootExists: true,
      query,
      page: listPage(runs, ['f1'], 0, 200),
      runCount: 1,
      metrics: ['f1'],
      pipelines: ['training-pipeline'],
      states: ['SUCCEEDED'],
    });
    expect(html).toContain('&lt;b&gt;a&lt;/b&gt;');
    expect(html).toContain('value="a" aria-label="Select a" checked');
    expect(html).toContain('href="/?q=train&amp;sort=m%3Af1&amp;selected=a"');
    expect(html).toContain('<td class="num">0.2500</td>');
    expect(html).toContain('href="/compare?runs=a"');
  });

  it('says how to make a run when the root is empty or missing', () => {
    const html = listPageHtml({
      root: '/nowhere',
      rootExists: false,
      query: parseListQuery(new URLSearchParams()),
      page: listPage([], [], 0, 200),
      runCount: 0,
      metrics: [],
      pipelines: [],
      states: [],
    });
    expect(html).toContain('<code>/nowhere</code> does not exist yet');
    expect(html).toContain('mlops run --local');
  });

  it('shows the run’s report, reloading while it runs, with its outputs linked', () => {
    const record = runRecord('live', { state: 'RUNNING' });
    record.tasks.train = {
      ...record.tasks.train!,
      artifacts: {
        model: [
          {
            name: 'model',
            uri: '/runs/live/train/model',
            schemaTitle: 'system.Model',
            metadata: {},
          },
        ],
      },
    };
    const page = (view: RunRecord, id: string): string =>
      runPageHtml({ root: '/runs', id, record: view }, buildReportData(view, {}));
    const html = page(record, 'live');
    expect(html).toContain('<meta http-equiv="refresh" content="2">');
    expect(html).toContain('<nav class="top" aria-label="Run browser"><a href="/">Runs</a>');
    expect(html).toContain('id="headline"'); // the report's own headline
    expect(html).toContain('href="/runs/live/artifacts/train/model"');
    expect(page(runRecord('done'), 'done')).not.toContain('http-equiv="refresh"');
  });
});
