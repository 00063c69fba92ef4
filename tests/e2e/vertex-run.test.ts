import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mlops } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/paths.js';

const PIPELINE = path.join(REPO_ROOT, 'pipelines/training-pipeline.yaml');

describe('mlops run --vertex: bad input fails before any job is created', () => {
  // A bad job id, no project, a zone as region and a local pipeline root are also checked
  // in-process (tests/commands/run-vertex.test.ts).
  const cases: Array<{ name: string; args: string[]; expected: RegExp }> = [
    {
      name: 'a zone instead of a region',
      args: ['--project-id', 'acme-ml', '--region', 'us-central1-a', '--pipeline-root', 'gs://b/r'],
      expected: /region "us-central1-a" is not a Google Cloud region\nFix: Use a Vertex AI region/,
    },
    {
      name: 'no region',
      args: ['--project-id', 'acme-ml', '--pipeline-root', 'gs://b/r'],
      expected: /Vertex runs need a region/,
    },
    {
      name: 'a bad project id',
      args: ['--project-id', 'Acme ML', '--region', 'us-central1'],
      expected: /project "Acme ML" is not a project ID or number/,
    },
    {
      name: 'a local pipeline root',
      args: ['--project-id', 'acme-ml', '--region', 'us-central1', '--pipeline-root', '/tmp/root'],
      expected: /Vertex runs need a gs:\/\/ pipeline root, not "\/tmp\/root"/,
    },
    {
      name: 'an unknown parameter',
      args: [
        '--project-id',
        'acme-ml',
        '--region',
        'us-central1',
        '--pipeline-root',
        'gs://b/r',
        '--param',
        'sed=1',
      ],
      expected: /"sed" is not a parameter of this pipeline \(did you mean "seed"\?\)/,
    },
    {
      name: 'a parameter of the wrong type',
      args: [
        '--project-id',
        'acme-ml',
        '--region',
        'us-central1',
        '--pipeline-root',
        'gs://b/r',
        '--param',
        'test_size=big',
      ],
      expected: /"test_size" must be a number, got "big"/,
    },
    {
      name: 'no Google credentials',
      args: ['--project-id', 'acme-ml', '--region', 'us-central1', '--pipeline-root', 'gs://b/r'],
      expected: /No Google Cloud credentials: [^\n]*\nFix: Run the auth command first/,
    },
    {
      name: '--local with --vertex',
      args: ['--local', '--project-id', 'acme-ml', '--region', 'us-central1'],
      expected: /error: option '--local' cannot be used with option '--vertex'/,
    },
  ];

  it.each(cases)('$name: exit 2 and one clear error', async ({ args, expected }) => {
    // An endpoint nothing listens on: had the command called Vertex, it would fail differently.
    const result = await mlops(['run', '--vertex', PIPELINE, ...args], {
      env: {
        MLOPS_VERTEX_ENDPOINT: 'http://127.0.0.1:9',
        GOOGLE_APPLICATION_CREDENTIALS: '/nonexistent',
      },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(expected);
    expect(result.stderr.match(/error:/g)).toHaveLength(1);
  });
});
