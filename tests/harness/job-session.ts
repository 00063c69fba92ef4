import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Job } from '@actions/workflow-parser/model/workflow-template';
import type { MappingToken } from '@actions/workflow-parser/templates/tokens/index';
import type { ArtifactStore } from './artifacts.js';
import {
  commandFiles,
  readFileCommands,
  StepOutput,
  type Masker,
  type Transcript,
} from './commands.js';
import {
  githubContext,
  oidcClaims,
  runnerContext,
  runnerVariables,
  type RunInfo,
} from './contexts.js';
import type { Scope } from './expressions.js';
import { tokenGrant, type Permissions } from './permissions.js';
import { imageEnvironment } from './runner-image.js';
import type { NodeAction, StepHost } from './steps.js';
import type { Annotation, JobRun, Pin, StepOutcome, StepRun } from './types.js';
import type { WorkflowFile } from './workflow-file.js';

/** What the whole run shares: options, folders, the masker, the log, artifacts, results. */
export interface RunState extends RunInfo {
  readonly dir: string;
  readonly tools: string;
  readonly masker: Masker;
  readonly transcript: Transcript;
  readonly annotations: Annotation[];
  readonly artifacts: ArtifactStore;
  readonly jobs: Map<string, JobRun>;
}

/** A job the workflow runner has decided to run, with its job-level keys evaluated. */
export interface JobPlan {
  readonly id: string;
  /** github.job: the id within its own workflow file. */
  readonly key: string;
  readonly name: string;
  readonly file: WorkflowFile;
  readonly job: Job;
  readonly raw: MappingToken;
  /** vars, inputs, needs, strategy, matrix. */
  readonly contexts: Readonly<Record<string, unknown>>;
  /** The job's secrets (its environment's included), without GITHUB_TOKEN. */
  readonly secrets: Readonly<Record<string, string>>;
  readonly permissions: Permissions;
  readonly environment?: string;
  readonly concurrency?: string;
  readonly timeoutMinutes: number;
}

export interface PostStep {
  readonly id: string;
  readonly name: string;
  readonly action: NodeAction;
  readonly env: Readonly<Record<string, string>>;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** One job on a fresh runner: its own workspace, RUNNER_TEMP, HOME and GITHUB_TOKEN. */
export class JobSession {
  readonly workspace: string;
  readonly temp: string;
  readonly toolCache: string;
  readonly home: string;
  readonly token = `ghs_${randomBytes(27).toString('base64url')}`;
  readonly github: Record<string, unknown>;
  readonly runner: Record<string, string>;
  readonly steps: StepRun[] = [];
  readonly stepsContext: Record<string, unknown> = {};
  readonly githubEnv: Record<string, string> = {};
  /** GITHUB_PATH entries, the latest first (as the runner prepends them). */
  readonly githubPath: string[] = [];
  readonly posts: PostStep[] = [];
  readonly processGroups: number[] = [];
  readonly lines: string[] = [];
  readonly deadline: number;
  /** ACTIONS_ID_TOKEN_REQUEST_TOKEN, for a job with `id-token: write`: its tokens carry its claims. */
  readonly oidcRequestToken: string | undefined;
  workflowEnv: Record<string, string> = {};
  jobEnv: Record<string, string> = {};
  summary = '';
  failed = false;

  constructor(
    readonly state: RunState,
    readonly plan: JobPlan,
  ) {
    const dir = path.join(state.dir, 'jobs', `${state.jobs.size + 1}-${plan.key}`);
    const repo = state.options.repository.fullName.split('/')[1] ?? 'repository';
    this.workspace = path.join(dir, 'work', repo, repo);
    this.temp = path.join(dir, 'temp');
    this.toolCache = path.join(dir, 'tool-cache');
    this.home = path.join(dir, 'home');
    for (const folder of [this.workspace, this.temp, this.toolCache, this.home])
      mkdirSync(folder, { recursive: true });
    const eventPath = path.join(dir, 'event.json');
    writeFileSync(eventPath, JSON.stringify(state.payload, null, 2));
    state.masker.add(this.token);
    state.options.github?.addToken(this.token, tokenGrant(plan.permissions));
    this.github = githubContext(state, {
      key: plan.key,
      token: this.token,
      workspace: this.workspace,
      eventPath,
    });
    this.runner = runnerContext(this.temp, this.toolCache);
    const oidc = state.options.oidc;
    if (plan.permissions['id-token'] === 'write' && oidc) {
      this.oidcRequestToken =
        oidc.requestTokenFor?.(oidcClaims(this.github, plan.environment)) ?? oidc.requestToken;
      state.masker.add(this.oidcRequestToken);
    }
    this.deadline = Date.now() + plan.timeoutMinutes * 60_000;
  }

  scope(stepEnv: Record<string, string> = {}): Scope {
    return {
      contexts: {
        ...this.plan.contexts,
        github: this.github,
        runner: this.runner,
        secrets: { ...this.plan.secrets, GITHUB_TOKEN: this.token },
        job: { status: this.failed ? 'failure' : 'success', container: {}, services: {} },
        steps: this.stepsContext,
        env: { ...this.workflowEnv, ...this.jobEnv, ...this.githubEnv, ...stepEnv },
      },
      status: { success: !this.failed, failure: this.failed },
      workspace: this.workspace,
    };
  }

  log(line: string): void {
    this.lines.push(this.state.transcript.write(line));
  }

  annotate(annotation: Omit<Annotation, 'job'>): void {
    this.state.annotations.push({ ...annotation, job: this.plan.id });
  }

  fail(error: unknown, step?: string): void {
    this.failed = true;
    const text = this.state.masker.mask(message(error));
    this.annotate({ level: 'error', message: text, ...(step ? { step } : {}) });
    this.log(`##[error]${text}`);
  }

  /** The environment of a step's process, composed as the runner does. */
  processEnv(stepId: string, stepEnv: Record<string, string>, files: Record<string, string>) {
    const env: Record<string, string> = {
      ...imageEnvironment(this.state.tools, this.home),
      ...this.state.options.extraEnv,
      ...(this.oidcRequestToken && this.state.options.oidc
        ? {
            ACTIONS_ID_TOKEN_REQUEST_URL: this.state.options.oidc.requestUrl,
            ACTIONS_ID_TOKEN_REQUEST_TOKEN: this.oidcRequestToken,
          }
        : {}),
      ...this.workflowEnv,
      ...this.jobEnv,
      ...this.githubEnv,
      ...stepEnv,
      ...runnerVariables(this.github, this.runner, stepId),
      ...files,
    };
    env.PATH = [...this.githubPath, env.PATH ?? ''].join(':');
    return env;
  }

  /**
   * Runs one step body with fresh command files and records it: outputs, outcome, conclusion,
   * the env, path and summary it leaves, and its log.
   */
  async record(
    step: { id: string; name: string; uses?: string; pin?: Pin },
    continueOnError: boolean,
    timeoutMinutes: number | undefined,
    body: (host: (stepEnv: Record<string, string>) => StepHost) => Promise<Record<string, string>>,
  ): Promise<Record<string, string>> {
    this.log(`--- ${this.plan.id} › ${step.name} ---`);
    const output = new StepOutput(
      this.state.masker,
      (annotation) => this.annotate({ ...annotation, step: step.name }),
      (line) => this.log(`  ${line}`),
      // Step debug logging, switched on as on GitHub by a secret or variable.
      [this.plan.secrets, this.plan.contexts.vars as Record<string, string>].some(
        (values) => values.ACTIONS_STEP_DEBUG === 'true',
      ),
    );
    const files = commandFiles(this.temp, this.steps.length + 1);
    const host = (stepEnv: Record<string, string>): StepHost => ({
      env: this.processEnv(step.id, stepEnv, files),
      cwd: this.workspace,
      timeoutMs: Math.max(
        1,
        Math.min(this.deadline - Date.now(), (timeoutMinutes ?? Infinity) * 60_000),
      ),
      output,
      processGroups: this.processGroups,
      workspace: this.workspace,
      temp: this.temp,
      stepNumber: this.steps.length + 1,
      scope: this.scope(stepEnv),
    });
    let outcome: StepOutcome = 'success';
    let produced: Record<string, string> = {};
    const report = (error: unknown) => {
      outcome = 'failure';
      const text = this.state.masker.mask(message(error));
      this.annotate({ level: 'error', message: text, step: step.name });
      output.print(`##[error]${text}`);
    };
    try {
      produced = await body(host);
    } catch (error) {
      report(error);
    }
    // The runner reads the command files whatever the step's outcome.
    let outputs = { ...produced, ...output.outputs };
    let saved = output.state;
    try {
      const commands = readFileCommands(files);
      Object.assign(this.githubEnv, commands.env);
      for (const entry of commands.path) this.githubPath.unshift(entry);
      this.summary += commands.summary;
      outputs = { ...outputs, ...commands.outputs };
      saved = { ...saved, ...commands.state };
    } catch (error) {
      report(error);
    }
    if (output.failure) outcome = 'failure';
    const conclusion = outcome === 'failure' && continueOnError ? 'success' : outcome;
    if (conclusion === 'failure') this.failed = true;
    if (!step.id.startsWith('__')) this.stepsContext[step.id] = { outputs, outcome, conclusion };
    this.steps.push({ ...step, outcome, conclusion, outputs, log: output.lines.join('\n') });
    this.log(
      `--- ${step.name}: ${conclusion}${conclusion !== outcome ? ' (continue-on-error)' : ''} ---`,
    );
    return saved;
  }

  /** `defaults.run.<key>` of the job, else of the workflow. */
  runDefault(key: 'shell' | 'working-directory'): string | undefined {
    for (const owner of [this.plan.raw, this.plan.file.root]) {
      const run = owner.find('defaults')?.assertMapping('defaults').find('run');
      const value = run?.assertMapping('run').find(key);
      if (value) return value.assertString(key).value;
    }
    return undefined;
  }
}
