import path from 'node:path';
import { isReusableWorkflowJob } from '@actions/workflow-parser/model/type-guards';
import type {
  Job,
  ReusableWorkflowJob,
  WorkflowJob,
} from '@actions/workflow-parser/model/workflow-template';
import { data } from '@actions/expressions';
import { REPO_ROOT, tempDir } from '../helpers/paths.js';
import { unusedPort } from '../helpers/ports.js';
import { ArtifactStore } from './artifacts.js';
import { Masker, Transcript } from './commands.js';
import { eventPayload, githubContext } from './contexts.js';
import {
  evaluateCondition,
  evaluateMap,
  evaluateString,
  evaluateToken,
  toPlain,
  type Scope,
} from './expressions.js';
import { callInputs, dispatchInputs } from './inputs.js';
import { runJob } from './job-runner.js';
import type { JobPlan } from './job-session.js';
import { matrixInstances } from './matrix.js';
import type { Permissions } from './permissions.js';
import { installRunnerTools } from './runner-image.js';
import type { JobRun, RunWorkflowOptions, WorkflowRun } from './types.js';
import {
  checkTrigger,
  inputDefinitions,
  triggerEntries,
  WorkflowError,
  WorkflowLoader,
  type WorkflowFile,
} from './workflow-file.js';
import {
  called,
  permissionsOf,
  rawJob,
  validate,
  type Finished,
  type Instance,
  type Run,
} from './workflow-tree.js';

/**
 * Runs a workflow file as GitHub would: startup checks (the parser's, permissions of every job in
 * every called workflow), then jobs in `needs` order, one at a time, each on a fresh runner;
 * reusable workflows run as nested jobs of the caller, with their own inputs, secrets and
 * permissions ceiling, their outputs evaluated from their jobs.
 */

const DEFAULT_TIMEOUT_MINUTES = 360;

/** failure() at job level: some need, or a need's need, failed. */
function failedAncestor(
  jobs: readonly WorkflowJob[],
  results: ReadonlyMap<string, Finished>,
  key: string,
): boolean {
  const job = jobs.find((candidate) => candidate.id.value === key);
  return (job?.needs ?? []).some(
    (need) =>
      results.get(need.value)?.result === 'failure' || failedAncestor(jobs, results, need.value),
  );
}

function skippedRun(id: string, name: string, permissions: Permissions): JobRun {
  return { id, name, result: 'skipped', outputs: {}, steps: [], summary: '', permissions, log: '' };
}

/** A reusable workflow call: inputs and secrets evaluated here, its jobs run as nested jobs. */
async function runCall(
  run: Run,
  instance: Instance,
  job: ReusableWorkflowJob,
  scope: Scope,
  id: string,
  name: string,
  permissions: Permissions,
): Promise<JobRun> {
  const { file, pin } = await called(run, instance, job);
  const given = new Map<string, data.ExpressionData>();
  for (const pair of job['input-values'] ?? [])
    given.set(pair.key.assertString('input').value.toLowerCase(), evaluateToken(pair.value, scope));
  const github = scope.contexts.github;
  const defaults: Scope = { contexts: { github, vars: run.options.vars ?? {}, inputs: {} } };
  const inputs = callInputs(inputDefinitions(file.root, 'workflow_call'), given, (token) =>
    evaluateToken(token, defaults),
  );
  const secrets = job['inherit-secrets']
    ? instance.secrets
    : evaluateMap(
        job['secret-values'],
        { ...scope, contexts: { ...scope.contexts, secrets: instance.secrets } },
        'secrets',
      );
  run.transcript.write(`=== ${id} calls ${job.ref.value} ===`);
  const child = { file, prefix: `${id}/`, inputs, secrets, ceiling: permissions };
  const results = await runJobs(run, { ...child, depth: instance.depth + 1 });
  const jobs = Object.fromEntries(results);
  const outputScope: Scope = { contexts: { github, inputs, vars: run.options.vars ?? {}, jobs } };
  const outputs: Record<string, string> = {};
  for (const [output, spec] of triggerEntries(file.root, 'workflow_call', 'outputs')) {
    const value = spec?.find('value');
    if (value) outputs[output] = evaluateString(value, outputScope, `outputs.${output}`);
  }
  const failed = [...results.values()].some((finished) => finished.result === 'failure');
  return {
    id,
    name,
    result: failed ? 'failure' : 'success',
    outputs,
    steps: [],
    summary: '',
    permissions,
    uses: job.ref.value,
    pin,
    log: '',
  };
}

/** A string, or a mapping's `key` (`environment: {name, url}`, `concurrency: {group}`). */
function nameOf(value: data.ExpressionData, key: string): string {
  return value instanceof data.Dictionary
    ? (value.get(key)?.coerceString() ?? '')
    : value.coerceString();
}

/** A job to run: its environment decides which variables and secrets it sees. */
function jobPlan(
  run: Run,
  instance: Instance,
  job: Job,
  scope: Scope,
  id: string,
  name: string,
  permissions: Permissions,
): JobPlan {
  const raw = rawJob(instance.file, job.id.value);
  const environment = job.environment
    ? nameOf(evaluateToken(job.environment, scope), 'name')
    : undefined;
  const config = environment ? run.options.environments?.[environment] : undefined;
  const timeout = raw.find('timeout-minutes');
  return {
    id,
    key: job.id.value,
    name,
    file: instance.file,
    job,
    raw,
    contexts: { ...scope.contexts, vars: { ...run.options.vars, ...config?.vars } },
    // A fork's pull request gets no secrets, environment ones included.
    secrets: { ...instance.secrets, ...(run.fork ? {} : config?.secrets) },
    permissions,
    ...(environment ? { environment } : {}),
    ...(job.concurrency
      ? { concurrency: nameOf(evaluateToken(job.concurrency, scope), 'group') }
      : {}),
    timeoutMinutes: timeout ? evaluateToken(timeout, scope).number() : DEFAULT_TIMEOUT_MINUTES,
  };
}

/** One job of an instance: matrix expanded, `if` decided, then run or called. */
async function runWorkflowJob(
  run: Run,
  instance: Instance,
  job: WorkflowJob,
  results: ReadonlyMap<string, Finished>,
): Promise<Finished> {
  const key = job.id.value;
  const raw = rawJob(instance.file, key);
  const permissions = permissionsOf(run, instance, raw);
  const needs = Object.fromEntries(
    (job.needs ?? []).map((need) => [need.value, results.get(need.value)]),
  );
  const base = {
    github: githubContext(run, { key, token: '', workspace: '', eventPath: '' }),
    vars: run.options.vars ?? {},
    inputs: instance.inputs,
    needs,
  };
  const status = {
    success: Object.values(needs).every((need) => need?.result === 'success'),
    failure: failedAncestor(instance.file.template.jobs, results, key),
  };
  const strategy = raw.find('strategy');
  const instances = matrixInstances(
    strategy ? toPlain(evaluateToken(strategy, { contexts: base })) : undefined,
  );
  const finished: Finished[] = [];
  for (const { matrix, strategy: strategyContext, suffix } of instances) {
    const id = `${instance.prefix}${key}${suffix}`;
    const scope: Scope = { contexts: { ...base, matrix, strategy: strategyContext }, status };
    let name = `${key}${suffix}`;
    let jobRun: JobRun;
    try {
      if (job.name) name = evaluateString(job.name, scope, 'name') + suffix;
      if (strategyContext['fail-fast'] && finished.some((f) => f.result === 'failure'))
        jobRun = { ...skippedRun(id, name, permissions), result: 'cancelled' };
      else if (!evaluateCondition(job.if, scope)) jobRun = skippedRun(id, name, permissions);
      else if (isReusableWorkflowJob(job))
        jobRun = await runCall(run, instance, job, scope, id, name, permissions);
      else jobRun = await runJob(run, jobPlan(run, instance, job, scope, id, name, permissions));
    } catch (error) {
      const message = run.masker.mask(error instanceof Error ? error.message : String(error));
      run.annotations.push({ level: 'error', message, job: id });
      run.transcript.write(`##[error]${id}: ${message}`);
      jobRun = { ...skippedRun(id, name, permissions), result: 'failure', log: message };
    }
    const allowed = raw.find('continue-on-error');
    if (allowed && evaluateCondition(allowed, scope)) run.tolerated.add(id);
    run.jobs.set(id, jobRun);
    finished.push(jobRun);
  }
  const result = (['failure', 'cancelled', 'success'] as const).find((candidate) =>
    finished.some((f) => f.result === candidate),
  );
  return {
    result: result ?? 'skipped',
    outputs: Object.assign({}, ...finished.map((f) => f.outputs)) as Record<string, string>,
  };
}

/** An instance's jobs in `needs` order, one at a time. */
async function runJobs(run: Run, instance: Instance): Promise<Map<string, Finished>> {
  const results = new Map<string, Finished>();
  const pending = [...instance.file.template.jobs];
  while (pending.length > 0) {
    const ready = pending.findIndex((job) =>
      (job.needs ?? []).every((need) => results.has(need.value)),
    );
    const [job] = pending.splice(ready, 1);
    if (ready < 0 || !job) throw new Error(`${instance.file.path}: the jobs' needs form a cycle`);
    results.set(job.id.value, await runWorkflowJob(run, instance, job, results));
  }
  return results;
}

export async function runWorkflow(options: RunWorkflowOptions): Promise<WorkflowRun> {
  const dir = await tempDir('workflow-run');
  const masker = new Masker();
  const transcript = new Transcript(path.join(dir, 'transcript.log'), masker);
  const environmentSecrets = Object.values(options.environments ?? {}).flatMap((e) =>
    Object.values(e.secrets ?? {}),
  );
  for (const secret of [
    ...Object.values(options.secrets ?? {}),
    ...environmentSecrets,
    ...(options.oidc ? [options.oidc.requestToken] : []),
  ])
    masker.add(secret);
  const loader = new WorkflowLoader(options.repository, REPO_ROOT, options.actionRepository);
  const startupFailure = (errors: readonly string[]): WorkflowRun => {
    for (const error of errors) transcript.write(`##[error]${error}`);
    return {
      conclusion: 'failure',
      errors,
      jobs: new Map(),
      artifacts: new Map(),
      annotations: errors.map((message) => ({ level: 'error', message })),
      log: transcript.text,
      transcript: transcript.file,
    };
  };
  let file: WorkflowFile;
  try {
    file = await loader.load('caller', options.workflow);
  } catch (error) {
    if (error instanceof WorkflowError) return startupFailure(error.messages);
    throw error;
  }
  checkTrigger(file, options.event, options.repository);
  if (options.inputs && options.event.name !== 'workflow_dispatch')
    throw new Error('inputs are given only to workflow_dispatch runs');
  const apiUrl = options.github?.url ?? `http://127.0.0.1:${await unusedPort()}`;
  const headRepository = (
    options.event.payload?.pull_request as { head?: { repo?: { full_name?: string } } } | undefined
  )?.head?.repo?.full_name;
  const fork =
    options.event.name === 'pull_request' &&
    headRepository !== undefined &&
    headRepository.toLowerCase() !== options.repository.fullName.toLowerCase();
  const runInfo = {
    options,
    runId: options.runId ?? 4_000_000_000 + Math.floor(Math.random() * 1_000_000),
    apiUrl,
    payload: {},
    workflowName: file.name,
    workflowPath: options.workflow,
  };
  const github = githubContext(runInfo, { key: '', token: '', workspace: '', eventPath: '' });
  const inputs =
    options.event.name === 'workflow_dispatch'
      ? dispatchInputs(
          inputDefinitions(file.root, 'workflow_dispatch'),
          options.inputs ?? {},
          (token) =>
            evaluateToken(token, { contexts: { github, vars: options.vars ?? {}, inputs: {} } }),
        )
      : {};
  const run: Run = {
    ...runInfo,
    payload: eventPayload(options, inputs),
    dir,
    tools: installRunnerTools(path.join(dir, 'runner-tools')),
    masker,
    transcript,
    annotations: [],
    artifacts: new ArtifactStore(
      path.join(dir, 'artifacts'),
      `https://github.com/${options.repository.fullName}/actions/runs/${runInfo.runId}`,
    ),
    jobs: new Map(),
    loader,
    files: new Map(),
    fork,
    tolerated: new Set(),
  };
  const top: Instance = {
    file,
    prefix: '',
    inputs,
    // A fork's pull request gets no secrets but GITHUB_TOKEN.
    secrets: fork ? {} : (options.secrets ?? {}),
    depth: 0,
  };
  try {
    await validate(run, top);
  } catch (error) {
    if (error instanceof WorkflowError) return startupFailure(error.messages);
    throw error;
  }
  transcript.write(`=== Workflow ${file.name} (${options.workflow}) on ${options.event.name} ===`);
  await runJobs(run, top);
  const failed = [...run.jobs.values()].some(
    (job) => job.result === 'failure' && !run.tolerated.has(job.id),
  );
  const conclusion = failed ? 'failure' : 'success';
  transcript.write(`=== Workflow: ${conclusion} ===`);
  return {
    conclusion,
    errors: [],
    jobs: run.jobs,
    artifacts: run.artifacts.artifacts,
    annotations: run.annotations,
    log: transcript.text,
    transcript: transcript.file,
  };
}
