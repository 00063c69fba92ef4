import { githubSubject } from '../emulators/github-oidc.js';
import type { RunWorkflowOptions } from './types.js';

/**
 * The `github` and `runner` contexts and the GITHUB_* / RUNNER_* variables the runner derives
 * from them for every step (docs: "Contexts", "Default environment variables").
 */

export interface RunInfo {
  readonly options: RunWorkflowOptions;
  readonly runId: number;
  readonly apiUrl: string;
  readonly payload: Record<string, unknown>;
  /** The top-level workflow: a called workflow's jobs see the caller's name and ref. */
  readonly workflowName: string;
  readonly workflowPath: string;
}

/** The webhook payload, with what GitHub always sends filled in under the test's own fields. */
export function eventPayload(
  options: RunWorkflowOptions,
  dispatchInputs: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const { repository, event } = options;
  const [owner = '', name = ''] = repository.fullName.split('/');
  return {
    ...(event.name === 'push' ? { ref: repository.ref, after: repository.sha } : {}),
    ...(event.name === 'workflow_dispatch'
      ? {
          ref: repository.ref,
          inputs: Object.fromEntries(
            Object.entries(dispatchInputs).map(([key, value]) => [key, String(value)]),
          ),
        }
      : {}),
    repository: {
      full_name: repository.fullName,
      name,
      owner: { login: owner },
      default_branch: repository.defaultBranch,
    },
    sender: { login: options.actor ?? owner },
    ...event.payload,
  };
}

/** github.* for a job: token, job, workspace and event_path are the job's own. */
export function githubContext(
  run: RunInfo,
  job: { key: string; token: string; workspace: string; eventPath: string },
): Record<string, unknown> {
  const { repository, event } = run.options;
  const ref = repository.ref;
  const pullRequest = run.payload.pull_request as
    { head?: { ref?: string }; base?: { ref?: string } } | undefined;
  const [owner = ''] = repository.fullName.split('/');
  const actor = run.options.actor ?? owner;
  return {
    event_name: event.name,
    event: run.payload,
    event_path: job.eventPath,
    sha: repository.sha,
    ref,
    ref_name: ref.replace(/^refs\/(heads|tags)\//, '').replace(/^refs\/pull\//, ''),
    ref_type: ref.startsWith('refs/tags/') ? 'tag' : 'branch',
    head_ref: pullRequest?.head?.ref ?? '',
    base_ref: pullRequest?.base?.ref ?? '',
    repository: repository.fullName,
    repository_owner: owner,
    run_id: String(run.runId),
    run_number: '1',
    run_attempt: '1',
    retention_days: '90',
    token: job.token,
    api_url: run.apiUrl,
    server_url: 'https://github.com',
    graphql_url: `${run.apiUrl}/graphql`,
    workspace: job.workspace,
    job: job.key,
    actor,
    triggering_actor: actor,
    workflow: run.workflowName,
    workflow_ref: `${repository.fullName}/${run.workflowPath}@${ref}`,
    workflow_sha: repository.sha,
    action: '',
    secret_source: 'Actions',
  };
}

/**
 * The claims GitHub puts in a job's OIDC tokens, from its `github` context and environment: the
 * environment's name and subject for a job that names one (docs: "OpenID Connect reference").
 */
export function oidcClaims(
  github: Readonly<Record<string, unknown>>,
  environment: string | undefined,
): Record<string, string> {
  const text = (key: string): string => {
    const value = github[key];
    return typeof value === 'string' ? value : '';
  };
  const claims: Record<string, string> = {
    sub: githubSubject({
      repository: text('repository'),
      ref: text('ref'),
      eventName: text('event_name'),
      environment,
    }),
    ref: text('ref'),
    ref_type: text('ref_type'),
    sha: text('sha'),
    repository: text('repository'),
    repository_owner: text('repository_owner'),
    event_name: text('event_name'),
    head_ref: text('head_ref'),
    base_ref: text('base_ref'),
    actor: text('actor'),
    run_id: text('run_id'),
    run_number: text('run_number'),
    run_attempt: text('run_attempt'),
    workflow: text('workflow'),
    workflow_ref: text('workflow_ref'),
    workflow_sha: text('workflow_sha'),
  };
  if (environment) claims.environment = environment;
  return claims;
}

export function runnerContext(temp: string, toolCache: string): Record<string, string> {
  return {
    os: 'Linux',
    arch: 'X64',
    name: 'GitHub Actions 1',
    environment: 'github-hosted',
    temp,
    tool_cache: toolCache,
    debug: '',
  };
}

const FROM_GITHUB: Record<string, string> = {
  GITHUB_ACTOR: 'actor',
  GITHUB_TRIGGERING_ACTOR: 'triggering_actor',
  GITHUB_API_URL: 'api_url',
  GITHUB_SERVER_URL: 'server_url',
  GITHUB_GRAPHQL_URL: 'graphql_url',
  GITHUB_EVENT_NAME: 'event_name',
  GITHUB_EVENT_PATH: 'event_path',
  GITHUB_JOB: 'job',
  GITHUB_REF: 'ref',
  GITHUB_REF_NAME: 'ref_name',
  GITHUB_REF_TYPE: 'ref_type',
  GITHUB_HEAD_REF: 'head_ref',
  GITHUB_BASE_REF: 'base_ref',
  GITHUB_REPOSITORY: 'repository',
  GITHUB_REPOSITORY_OWNER: 'repository_owner',
  GITHUB_RUN_ID: 'run_id',
  GITHUB_RUN_NUMBER: 'run_number',
  GITHUB_RUN_ATTEMPT: 'run_attempt',
  GITHUB_RETENTION_DAYS: 'retention_days',
  GITHUB_SHA: 'sha',
  GITHUB_WORKFLOW: 'workflow',
  GITHUB_WORKFLOW_REF: 'workflow_ref',
  GITHUB_WORKFLOW_SHA: 'workflow_sha',
  GITHUB_WORKSPACE: 'workspace',
};

const FROM_RUNNER: Record<string, string> = {
  RUNNER_OS: 'os',
  RUNNER_ARCH: 'arch',
  RUNNER_NAME: 'name',
  RUNNER_ENVIRONMENT: 'environment',
  RUNNER_TEMP: 'temp',
  RUNNER_TOOL_CACHE: 'tool_cache',
};

/** The variables the runner sets for a step (GITHUB_TOKEN is not one of them). */
export function runnerVariables(
  github: Readonly<Record<string, unknown>>,
  runner: Readonly<Record<string, string>>,
  stepId: string,
): Record<string, string> {
  const env: Record<string, string> = { CI: 'true', GITHUB_ACTIONS: 'true', GITHUB_ACTION: stepId };
  for (const [variable, key] of Object.entries(FROM_GITHUB)) {
    const value = github[key];
    env[variable] = typeof value === 'string' ? value : '';
  }
  for (const [variable, key] of Object.entries(FROM_RUNNER)) env[variable] = runner[key] ?? '';
  return env;
}
