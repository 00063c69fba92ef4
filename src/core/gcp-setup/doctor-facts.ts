import type { AccountKey, DesiredState } from './desired-state.js';
import type { ObservedState } from './observed-state.js';
import type { Scope } from './permissions.js';
import type { Claims } from './workload-identity.js';

/** What doctor's checks read and write: the facts the command gathers, and a row per check. */

export type CheckResult = 'pass' | 'fail' | 'warn' | 'skip';

export interface CheckRow {
  readonly check: string;
  readonly result: CheckResult;
  readonly detail: string;
  /** A command to run or a role to grant; empty when there is nothing to do. */
  readonly fix: string;
}

/** Who is running doctor: one of the product's accounts (its needs are tested) or anyone else. */
export type Caller =
  | { readonly kind: 'account'; readonly account: AccountKey; readonly email: string }
  | { readonly kind: 'other'; readonly email?: string };

/** The caller's permissions to test on one resource that exists. */
export interface PermissionProbe {
  readonly scope: Scope;
  readonly resource: string;
  readonly permissions: readonly string[];
}

/** A probe with what testIamPermissions answered. */
export interface PermissionResult extends PermissionProbe {
  readonly granted: readonly string[];
}

export interface LocalTools {
  readonly docker: boolean;
  readonly buildx: boolean;
  readonly python: string;
  /** Modules the components import that `python` cannot; undefined when it did not run. */
  readonly missingModules: readonly string[] | undefined;
}

export interface DoctorFacts {
  readonly desired: DesiredState;
  readonly observed: ObservedState;
  /**
   * Why the project's configuration could not be read, when it could not: a workflow's training
   * account may test its own permissions but not read IAM policies. Only the caller's
   * permissions, its token and the tools are checked then.
   */
  readonly unreadable?: string;
  readonly caller: Caller;
  /** Answers for permissionProbes(desired, observed, caller). */
  readonly permissions: readonly PermissionResult[];
  /** The workflow's GitHub token claims; undefined outside a workflow. */
  readonly claims?: Claims;
  readonly tools: LocalTools;
}

export const row = (check: string, result: CheckResult, detail: string, fix = ''): CheckRow => ({
  check,
  result,
  detail,
  fix,
});

/** The command that makes whatever is missing (setup leaves what exists alone). */
export function setupCommand(desired: DesiredState): string {
  const { projectId, region, repository } = desired.config;
  return `mlops setup gcp --project-id ${projectId} --region ${region} --repository ${repository} (with the same names as this doctor run)`;
}

/** A word as a POSIX shell reads it back: quoted only when it has to be. */
export function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", "'\\''")}'`;
}
