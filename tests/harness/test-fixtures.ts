import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRepository } from './repository.js';
import type {
  JobRun,
  RepositoryUnderTest,
  RunWorkflowOptions,
  StepRun,
  WorkflowRun,
} from './types.js';
import { runWorkflow } from './workflow-runner.js';

/** The harness's own tests: fixture workflows under fixtures/, laid into a fresh repository. */

const ACTION_REPOSITORY = 'mlops-platform/mlops-platform';
export const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

export function fixtureRepository(
  workflows: readonly string[],
  extra: { files?: Record<string, string>; copy?: Record<string, string> } = {},
): Promise<RepositoryUnderTest> {
  const files: Record<string, string> = { ...extra.files };
  for (const name of workflows)
    files[`.github/workflows/${name}`] = readFileSync(
      path.join(FIXTURES, 'workflows', name),
      'utf8',
    );
  return createRepository({ files, ...(extra.copy ? { copy: extra.copy } : {}) });
}

export function runFixture(
  repository: RepositoryUnderTest,
  workflow: string,
  options: Partial<RunWorkflowOptions> = {},
): Promise<WorkflowRun> {
  return runWorkflow({
    repository,
    workflow: `.github/workflows/${workflow}`,
    event: { name: 'push' },
    actionRepository: ACTION_REPOSITORY,
    ...options,
  });
}

export function job(run: WorkflowRun, id: string): JobRun {
  const found = run.jobs.get(id);
  if (!found) throw new Error(`no job ${id} in [${[...run.jobs.keys()].join(', ')}]\n${run.log}`);
  return found;
}

/** A step by id or by name. */
export function step(run: WorkflowRun, jobId: string, key: string): StepRun {
  const found = job(run, jobId).steps.find((s) => s.id === key || s.name === key);
  if (!found) throw new Error(`no step ${key} in job ${jobId}\n${run.log}`);
  return found;
}
