import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/paths.js';
import { fixtureRepository, job, runFixture, step } from './test-fixtures.js';

/** This repository's action run by the harness from dist/, as a step of a fixture workflow. */

describe('the workflow harness: this action', () => {
  it("runs dist/main.js with the step's inputs, then dist/post.js at the end of the job", async () => {
    const repository = await fixtureRepository(['action.yml'], {
      copy: { [path.join(REPO_ROOT, 'pipelines')]: 'pipelines' },
    });
    const run = await runFixture(repository, 'action.yml');
    expect(run.conclusion, run.log).toBe('success');
    const validate = step(run, 'validate', 'validate');
    expect(validate).toMatchObject({ uses: 'mlops-platform/mlops-platform@v0', pin: 'tag' });
    expect(validate.log).toMatch(/min_accuracy\s+NUMBER_DOUBLE\s+\S+\s+0\.9$/m);
    expect(validate.log).toContain('pipelines/training-pipeline.yaml is a valid pipeline');
    expect(job(run, 'validate').steps.map((s) => [s.name, s.outcome])).toEqual([
      ['Run actions/checkout@v5', 'success'],
      ['Run mlops-platform/mlops-platform@v0', 'success'],
      ['Post Run mlops-platform/mlops-platform@v0', 'success'],
    ]);
  });

  it('runs a sub-action (OWNER/REPO/<command>@REF) from its folder: its command, no post step', async () => {
    const repository = await fixtureRepository(['sub-action.yml'], {
      copy: { [path.join(REPO_ROOT, 'pipelines')]: 'pipelines' },
    });
    const run = await runFixture(repository, 'sub-action.yml');
    expect(run.conclusion, run.log).toBe('success');
    const validate = step(run, 'validate', 'validate');
    expect(validate).toMatchObject({
      uses: 'mlops-platform/mlops-platform/validate@v0',
      pin: 'tag',
    });
    expect(validate.log).toContain('pipelines/training-pipeline.yaml is a valid pipeline');
    expect(validate.outputs).toMatchObject({ valid: 'true', 'pipeline-name': 'training-pipeline' });
    expect(step(run, 'validate', 'Read its outputs').log).toContain('valid=true tasks=5');
    // validate has nothing to clean up, so its action.yml has no post step.
    expect(job(run, 'validate').steps.map((s) => s.name)).toEqual([
      'Run actions/checkout@v5',
      'Run mlops-platform/mlops-platform/validate@v0',
      'Read its outputs',
    ]);
  });
});
