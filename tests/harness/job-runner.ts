import path from 'node:path';
import { truthy } from '@actions/expressions/result';
import { isBasicExpression } from '@actions/workflow-parser';
import { isActionStep, isRunStep } from '@actions/workflow-parser/model/type-guards';
import type { ActionStep, Step } from '@actions/workflow-parser/model/workflow-template';
import type { MappingToken } from '@actions/workflow-parser/templates/tokens/index';
import { REPO_ROOT } from '../helpers/paths.js';
import {
  evaluateCondition,
  evaluateExpression,
  evaluateMap,
  evaluateString,
  evaluateToken,
} from './expressions.js';
import { JobSession, type JobPlan, type PostStep, type RunState } from './job-session.js';
import { standIn, type StandIn } from './stand-ins.js';
import {
  actionInputs,
  loadNodeAction,
  runNodeScript,
  runScript,
  stopGroup,
  type NodeAction,
  type StepHost,
} from './steps.js';
import type { JobRun, Pin } from './types.js';
import { pinOf } from './workflow-file.js';

/**
 * A job's life on its runner: "Set up job" (runs-on, the actions resolved, workflow and job env),
 * the steps in order under their `if:`, post steps in reverse order under their post-if, then
 * the job's outputs (an output holding a secret is dropped, as GitHub does).
 */

type Handler =
  | { readonly kind: 'node'; readonly action: NodeAction; readonly pin: Pin }
  | { readonly kind: 'stand-in'; readonly run: StandIn; readonly pin: Pin };

/** OWNER/REPO of a remote `uses:`, without the action's folder (OWNER/REPO/PATH@REF). */
const repositoryOf = (uses: string): string =>
  uses.split('@')[0]?.split('/').slice(0, 2).join('/') ?? '';

/**
 * Resolves a remote `uses:` as "Set up job" does; a local action waits for the checkout. This
 * repository's actions (the root's, or a sub-action's folder) run from this checkout.
 */
function resolveAction(uses: string, actionRepository: string): Handler | undefined {
  if (uses.startsWith('./')) return undefined;
  const [name = '', ref = ''] = uses.split('@');
  const pin = pinOf(ref);
  if (!pin) throw new Error(`${uses}: pin actions to a full commit SHA or a version tag`);
  if (repositoryOf(uses).toLowerCase() === actionRepository.toLowerCase()) {
    const folder = name.split('/').slice(2).join('/');
    return { kind: 'node', action: loadNodeAction(path.join(REPO_ROOT, folder), uses), pin };
  }
  return { kind: 'stand-in', run: standIn(uses), pin };
}

/** The runner's name for an unnamed step: the action, or the script's first line as written. */
function defaultName(step: Step): string {
  if (isActionStep(step)) return `Run ${step.uses.value}`;
  if (!isRunStep(step)) return 'Run';
  const script = isBasicExpression(step.run) ? (step.run.source ?? '') : step.run.toString();
  return `Run ${script.trim().split('\n')[0] ?? ''}`;
}

/** A `uses:` step: a stand-in in-process, or a JavaScript action's main (its post queued). */
async function runAction(
  session: JobSession,
  step: ActionStep,
  raw: MappingToken,
  host: StepHost,
  handler: Handler | undefined,
  posts: Array<Omit<PostStep, 'id' | 'name'>>,
): Promise<Record<string, string>> {
  const uses = step.uses.value;
  const given = evaluateMap(raw.find('with'), host.scope, 'with');
  const resolved: Handler = handler ?? {
    kind: 'node',
    action: loadNodeAction(path.resolve(session.workspace, uses), uses),
    pin: 'local',
  };
  if (resolved.kind === 'stand-in') {
    const effects = resolved.run({
      with: given,
      workspace: session.workspace,
      home: session.home,
      toolCache: session.toolCache,
      repository: session.state.options.repository,
      artifacts: session.state.artifacts,
      output: host.output,
    });
    Object.assign(session.githubEnv, effects.env);
    for (const entry of effects.path ?? []) session.githubPath.unshift(entry);
    return effects.outputs ?? {};
  }
  const { action } = resolved;
  const env = {
    ...actionInputs(
      action,
      given,
      (token, input) => evaluateString(token, host.scope, `input ${input}`),
      (warning) => host.output.warn(warning),
    ),
    GITHUB_ACTION_REPOSITORY: uses.startsWith('./') ? '' : repositoryOf(uses),
  };
  // The runner queues the post step once main has started, whatever main's outcome.
  if (action.post) posts.push({ action, env });
  await runNodeScript(host, action, action.main, env);
  return {};
}

async function runStep(session: JobSession, step: Step, raw: MappingToken, handler?: Handler) {
  if (!isRunStep(step) && !isActionStep(step))
    throw new Error('only run and uses steps exist on GitHub.com');
  const scope = session.scope();
  const uses = isActionStep(step) ? step.uses.value : undefined;
  const described = {
    id: step.id,
    name: step.name ? evaluateString(step.name, scope, 'name') : defaultName(step),
    ...(uses ? { uses, pin: handler?.pin ?? ('local' as const) } : {}),
  };
  if (!evaluateCondition(step.if, scope)) {
    session.steps.push({
      ...described,
      outcome: 'skipped',
      conclusion: 'skipped',
      outputs: {},
      log: '',
    });
    session.log(`--- ${session.plan.id} › ${described.name}: skipped ---`);
    return;
  }
  const allowFailure = step['continue-on-error'];
  const continueOnError =
    typeof allowFailure === 'object'
      ? truthy(evaluateToken(allowFailure, scope))
      : Boolean(allowFailure);
  const timeout = raw.find('timeout-minutes');
  const posts: Array<Omit<PostStep, 'id' | 'name'>> = [];
  const saved = await session.record(
    described,
    continueOnError,
    timeout ? evaluateToken(timeout, scope).number() : undefined,
    async (hostFor) => {
      const host = hostFor(evaluateMap(step.env, scope, 'env'));
      if (isActionStep(step)) return runAction(session, step, raw, host, handler, posts);
      const shell = raw.find('shell');
      const workingDirectory = raw.find('working-directory');
      await runScript(
        host,
        step.run,
        { ...(shell ? { shell } : {}), ...(workingDirectory ? { workingDirectory } : {}) },
        {
          shell: session.runDefault('shell'),
          workingDirectory: session.runDefault('working-directory'),
        },
      );
      return {};
    },
  );
  const stateEnv = Object.fromEntries(
    Object.entries(saved).map(([key, value]) => [`STATE_${key}`, value]),
  );
  for (const post of posts)
    session.posts.unshift({
      ...post,
      id: `__post_${step.id}`,
      name: `Post ${described.name}`,
      env: { ...post.env, ...stateEnv },
    });
}

export async function runJob(state: RunState, plan: JobPlan): Promise<JobRun> {
  const session = new JobSession(state, plan);
  session.log(`=== Job ${plan.id}${plan.name !== plan.id ? ` (${plan.name})` : ''} ===`);
  const handlers = new Map<Step, Handler>();
  try {
    const runsOn = plan.job['runs-on']
      ? evaluateToken(plan.job['runs-on'], session.scope()).coerceString()
      : '';
    if (!/^ubuntu-(latest|24\.04)$/.test(runsOn))
      throw new Error(`the harness models only ubuntu-latest (ubuntu-24.04), not '${runsOn}'`);
    if (plan.job.container || plan.job.services)
      throw new Error('the harness does not model job containers or services');
    for (const step of plan.job.steps) {
      const handler = isActionStep(step)
        ? resolveAction(step.uses.value, state.options.actionRepository)
        : undefined;
      if (handler) handlers.set(step, handler);
    }
    session.workflowEnv = evaluateMap(plan.file.template.env, session.scope(), 'env');
    session.jobEnv = evaluateMap(plan.job.env, session.scope(), 'env');
  } catch (error) {
    session.fail(error);
  }
  const rawSteps = [...(plan.raw.find('steps')?.assertSequence('steps') ?? [])];
  if (!session.failed)
    for (const [index, step] of plan.job.steps.entries()) {
      if (Date.now() >= session.deadline) {
        session.fail(
          `The job has exceeded the maximum execution time of ${plan.timeoutMinutes} minutes.`,
        );
        break;
      }
      try {
        await runStep(
          session,
          step,
          rawSteps[index]?.assertMapping('step') ?? plan.raw,
          handlers.get(step),
        );
      } catch (error) {
        session.fail(error);
      }
    }
  for (const post of [...session.posts]) {
    if (!truthy(evaluateExpression(post.action.postIf, session.scope()))) continue;
    await session.record({ id: post.id, name: post.name }, false, undefined, async (hostFor) => {
      await runNodeScript(hostFor({}), post.action, post.action.post ?? '', post.env);
      return {};
    });
  }
  const outputs: Record<string, string> = {};
  try {
    for (const [name, value] of Object.entries(
      evaluateMap(plan.job.outputs, session.scope(), 'outputs'),
    )) {
      if (state.masker.mask(value) !== value) {
        session.annotate({
          level: 'warning',
          message: `Skip output '${name}' since it may contain secret.`,
        });
        continue;
      }
      outputs[name] = value;
    }
  } catch (error) {
    session.fail(error);
  }
  // "Cleaning up orphan processes": what steps left running ends with the job.
  for (const group of session.processGroups) stopGroup(group);
  const result = session.failed ? 'failure' : 'success';
  session.log(`=== Job ${plan.id}: ${result} ===`);
  return {
    id: plan.id,
    name: plan.name,
    result,
    outputs,
    steps: session.steps,
    summary: session.summary,
    permissions: plan.permissions,
    ...(plan.environment ? { environment: plan.environment } : {}),
    ...(plan.concurrency ? { concurrency: plan.concurrency } : {}),
    log: session.lines.join('\n'),
  };
}
