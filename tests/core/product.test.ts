import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageVersion, runProducer } from '../../src/adapters/package-version.js';
import { runRecordFromJob, type VertexPipelineJob } from '../../src/core/gcp/vertex-job.js';
import { DEFAULT_ACTION } from '../../src/core/init/templates.js';
import type { PipelineSpec } from '../../src/core/ir/schema.js';
import {
  majorVersionTag,
  PRODUCT_NAME,
  PRODUCT_REPOSITORY,
  productLabel,
  repositoryFromManifest,
} from '../../src/core/product.js';
import { parseRunRecord, RUN_RECORD_VERSION } from '../../src/core/run-record.js';
import { UserError } from '../../src/core/errors.js';
import { REPO_ROOT } from '../helpers/paths.js';

const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  repository: { url: string };
  homepage: string;
};

describe('src/core/product.ts, the one place naming the product', () => {
  it('names the repository and package that package.json names', () => {
    expect(PRODUCT_NAME).toBe(manifest.name);
    expect(manifest.repository.url).toBe(`git+https://github.com/${PRODUCT_REPOSITORY}.git`);
    expect(manifest.homepage).toBe(`https://github.com/${PRODUCT_REPOSITORY}#readme`);
    expect(repositoryFromManifest(manifest)).toBe(PRODUCT_REPOSITORY);
    expect(DEFAULT_ACTION).toBe(PRODUCT_REPOSITORY);
  });

  it('derives the channel from the major version', () => {
    expect(majorVersionTag(manifest.version)).toBe(`v${manifest.version.split('.')[0]}`);
    expect(majorVersionTag('0.1.0')).toBe('v0');
    expect(majorVersionTag('12.3.4-rc.1')).toBe('v12');
  });

  it('reads the version from the installed package.json', () => {
    expect(packageVersion()).toBe(manifest.version);
    expect(runProducer()).toEqual({ name: 'mlops-platform', version: manifest.version });
    expect(productLabel('1.2.3')).toBe('mlops-platform 1.2.3');
  });
});

describe('parseRunRecord and the producer', () => {
  const record = {
    recordVersion: RUN_RECORD_VERSION,
    backend: 'local',
    runId: 'r',
    pipelineName: 'p',
    state: 'SUCCEEDED',
    tasks: {},
    metrics: {},
  };

  it('accepts a record without a producer (written before it existed)', () => {
    expect(parseRunRecord(record, 'run.json').producer).toBeUndefined();
  });

  it('accepts and keeps a producer', () => {
    const producer = { name: 'mlops-platform', version: '0.1.0' };
    expect(parseRunRecord({ ...record, producer }, 'run.json').producer).toEqual(producer);
  });

  it('refuses a malformed producer, naming the key', () => {
    expect(() => parseRunRecord({ ...record, producer: { name: 'x' } }, 'run.json')).toThrow(
      UserError,
    );
    expect(() => parseRunRecord({ ...record, producer: 'mlops' }, 'run.json')).toThrow(
      expect.objectContaining({ details: [expect.stringContaining('producer')] }),
    );
  });
});

describe('the run record of a Vertex job', () => {
  const job = {
    name: 'projects/1/locations/us-central1/pipelineJobs/job-1',
    state: 'PIPELINE_STATE_SUCCEEDED',
    createTime: '2026-01-01T00:00:00Z',
  } as unknown as VertexPipelineJob;
  const spec = {
    pipelineInfo: { name: 'p' },
    root: { dag: { tasks: {} } },
  } as unknown as PipelineSpec;
  const context = { jobId: 'job-1', project: 'acme-ml', region: 'us-central1', parameters: {} };

  it('names its producer right after the record version', () => {
    const record = runRecordFromJob(job, spec, { ...context, producer: runProducer() });
    expect(record.producer).toEqual({ name: 'mlops-platform', version: manifest.version });
    expect(Object.keys(record).slice(0, 3)).toEqual(['recordVersion', 'producer', 'backend']);
  });

  it('leaves it out when not given', () => {
    expect(runRecordFromJob(job, spec, context)).not.toHaveProperty('producer');
  });
});
