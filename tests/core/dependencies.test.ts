import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPipeline } from '../../src/adapters/pipeline-loader.js';
import { dependencyPaths } from '../../src/core/ir/dependencies.js';
import { REPO_ROOT } from '../helpers/paths.js';

describe('task dependencies by path', () => {
  it('follows dependentTasks and input producers into condition sub-DAGs', async () => {
    const { spec } = await loadPipeline(path.join(REPO_ROOT, 'pipelines/training-pipeline.yaml'));
    const paths = dependencyPaths(spec);
    expect(paths.get('load-data')).toEqual([]);
    expect(paths.get('preprocess')).toEqual(['load-data']);
    expect(new Set(paths.get('evaluate'))).toEqual(new Set(['preprocess', 'train']));
    // package-model sits in the `when` group's sub-DAG.
    const packaged = [...paths.keys()].find((key) => key.endsWith('/package-model'));
    expect(packaged).toMatch(/^condition-\d+\/package-model$/);
  });
});
