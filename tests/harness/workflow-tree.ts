import { isReusableWorkflowJob } from '@actions/workflow-parser/model/type-guards';
import type { ReusableWorkflowJob } from '@actions/workflow-parser/model/workflow-template';
import type { MappingToken } from '@actions/workflow-parser/templates/tokens/index';
import type { RunState } from './job-session.js';
import {
  capAt,
  defaultPermissions,
  exceeding,
  parsePermissions,
  type Permissions,
} from './permissions.js';
import type { JobResult } from './types.js';
import { WorkflowError, type WorkflowFile, type WorkflowLoader } from './workflow-file.js';

/**
 * The tree of workflows a run is made of: the caller's file and every reusable workflow it calls
 * (loaded once), each job's GITHUB_TOKEN permissions, and GitHub's startup checks over it all.
 */

/** GitHub.com's limit on nested reusable workflows. */
const MAX_DEPTH = 10;

/** A workflow being run: the top one, or one a job calls. */
export interface Instance {
  readonly file: WorkflowFile;
  /** Prefix of its jobs' ids: '' at the top, '<caller job>/' when called. */
  readonly prefix: string;
  readonly inputs: Readonly<Record<string, unknown>>;
  /** Secrets it receives, without GITHUB_TOKEN. */
  readonly secrets: Readonly<Record<string, string>>;
  /** The calling job's permissions; undefined at the top. */
  readonly ceiling?: Permissions;
  readonly depth: number;
}

/** A finished job as `needs` and `jobs` contexts see it. */
export interface Finished {
  readonly result: JobResult;
  readonly outputs: Readonly<Record<string, string>>;
}

/** The run as the workflow runner keeps it. */
export interface Run extends RunState {
  readonly loader: WorkflowLoader;
  readonly files: Map<string, WorkflowFile>;
  readonly fork: boolean;
  /** Jobs whose failure does not fail the run (job-level continue-on-error). */
  readonly tolerated: Set<string>;
}

export function rawJob(file: WorkflowFile, key: string): MappingToken {
  return file.root.find('jobs')?.assertMapping('jobs').find(key)?.assertMapping(key) ?? file.root;
}

export function permissionsOf(run: Run, instance: Instance, raw: MappingToken): Permissions {
  const declared =
    parsePermissions(raw.find('permissions')) ??
    parsePermissions(instance.file.root.find('permissions'));
  const permissions =
    declared ??
    instance.ceiling ??
    defaultPermissions(run.options.defaultPermissions ?? 'restricted');
  // A fork's pull request never gets more than read, whatever the workflow asks.
  return run.fork ? capAt(permissions, 'read') : permissions;
}

export async function called(run: Run, instance: Instance, job: ReusableWorkflowJob) {
  const target = run.loader.resolve(job.ref.value, instance.file.origin);
  const key = `${target.origin}:${target.path}`;
  let file = run.files.get(key);
  if (!file) {
    file = await run.loader.load(target.origin, target.path);
    run.files.set(key, file);
  }
  return { file, pin: target.pin };
}

/** GitHub's startup checks over the whole tree of called workflows. */
export async function validate(run: Run, instance: Instance, uses?: string): Promise<void> {
  const errors: string[] = [];
  for (const job of instance.file.template.jobs) {
    const permissions = permissionsOf(run, instance, rawJob(instance.file, job.id.value));
    const over = instance.ceiling && exceeding(job.id.value, permissions, instance.ceiling);
    if (over) errors.push(`Error calling workflow '${uses ?? ''}'. ${over}`);
    if (!isReusableWorkflowJob(job)) continue;
    if (instance.depth + 1 >= MAX_DEPTH)
      errors.push(`${job.ref.value}: more than ${MAX_DEPTH} levels of nested reusable workflows`);
    else {
      try {
        const { file } = await called(run, instance, job);
        const child = { file, prefix: '', inputs: {}, secrets: {}, ceiling: permissions };
        await validate(run, { ...child, depth: instance.depth + 1 }, job.ref.value);
      } catch (error) {
        if (!(error instanceof WorkflowError)) throw error;
        errors.push(...error.messages);
      }
    }
  }
  if (errors.length > 0) throw new WorkflowError(errors);
}
