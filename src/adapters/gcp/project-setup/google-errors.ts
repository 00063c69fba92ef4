import { errorMessage, RemoteFailure, ReportedError, UserError } from '../../../core/errors.js';
import { explainMissingPermission } from '../../../core/gcp-setup/permission-lookup.js';

/**
 * Reading what a failed Google call says — HTTP status, Google's status word, the permission a
 * 403 names — and turning it into the product's errors: a missing permission is the user's to
 * grant (UserError naming the role), 5xx and network failures are Google's (RemoteFailure).
 */

interface GoogleErrorBody {
  code?: number;
  message?: string;
  status?: string;
  details?: { reason?: string; metadata?: Record<string, string> }[];
}

/** The HTTP status of a failed call (gaxios `response.status`, or a numeric `code`). */
export function httpStatus(error: unknown): number | undefined {
  const e = error as { response?: { status?: unknown }; status?: unknown; code?: unknown };
  for (const value of [e?.response?.status, e?.status, e?.code])
    if (typeof value === 'number' && value >= 100) return value;
  return undefined;
}

function body(error: unknown): GoogleErrorBody | undefined {
  const response = (error as { response?: { data?: { error?: GoogleErrorBody } } })?.response;
  const inner = response?.data?.error;
  return inner && typeof inner === 'object' ? inner : undefined;
}

/** Google's message for the failure, or the client's. */
export function googleMessage(error: unknown): string {
  return body(error)?.message ?? errorMessage(error);
}

/**
 * 409 ABORTED (IAM, Resource Manager) and 412 (Storage's precondition) both mean "the policy
 * changed since you read it": re-read and try again.
 */
export function isStalePolicy(error: unknown): boolean {
  const status = httpStatus(error);
  return status === 412 || (status === 409 && (body(error)?.status ?? 'ABORTED') === 'ABORTED');
}

export function isNotFound(error: unknown): boolean {
  return httpStatus(error) === 404;
}

export function isPermissionDenied(error: unknown): boolean {
  return httpStatus(error) === 403;
}

/**
 * The permission a 403 names: IAM-checked APIs attach an ErrorInfo with metadata.permission;
 * Storage only says it in the message ("… does not have storage.buckets.get access …").
 */
export function deniedPermission(error: unknown): string | undefined {
  const found = body(error);
  for (const detail of found?.details ?? []) {
    const permission = detail.metadata?.permission;
    if (permission) return permission;
  }
  const message = found?.message ?? '';
  return (
    /Permission '([^']+)' denied/.exec(message)?.[1] ??
    /does not have ([\w./]+) access/.exec(message)?.[1]
  );
}

/** The API a 403 SERVICE_DISABLED names: Google refuses every call while it is disabled. */
export function disabledService(error: unknown): string | undefined {
  const detail = body(error)?.details?.find((d) => d.reason === 'SERVICE_DISABLED');
  return detail ? (detail.metadata?.service ?? 'the API named above') : undefined;
}

/**
 * The smallest predefined role that holds a permission the permissions table does not list for
 * the person running setup (reads like workloadIdentityPools.get): by the permission's prefix.
 */
const ROLE_BY_PREFIX: readonly (readonly [string, string])[] = [
  ['serviceusage.', 'roles/serviceusage.serviceUsageAdmin'],
  ['iam.googleapis.com/workloadIdentityPool', 'roles/iam.workloadIdentityPoolAdmin'],
  ['iam.serviceAccounts.create', 'roles/iam.serviceAccountCreator'],
  ['iam.serviceAccounts.', 'roles/iam.serviceAccountAdmin'],
  ['iam.roles.', 'roles/iam.roleAdmin'],
  ['resourcemanager.projects.', 'roles/resourcemanager.projectIamAdmin'],
  ['storage.', 'roles/storage.admin'],
  ['artifactregistry.', 'roles/artifactregistry.admin'],
];

/** "grant ROLE on the project to the account running setup", for a permission it lacks. */
export function roleFor(permission: string): string | undefined {
  return (
    explainMissingPermission(permission, 'setup')?.role ??
    ROLE_BY_PREFIX.find(([prefix]) => permission.startsWith(prefix))?.[1]
  );
}

/**
 * A failed call as the error the hosts report. `doing` says what we were doing ("create the
 * service account x"). Already reported errors pass through unchanged.
 */
export function reportGoogleError(doing: string, project: string, error: unknown): Error {
  if (error instanceof ReportedError) return error;
  const status = httpStatus(error);
  const message = `Could not ${doing}: ${googleMessage(error)}`;
  const disabled = disabledService(error);
  if (disabled)
    return new UserError(message, {
      fix: `Enable the API first: gcloud services enable ${disabled} --project ${project} (setup enables every API it needs, given serviceusage.services.enable).`,
      cause: error,
    });
  if (status === 403 || status === 401) {
    const permission = deniedPermission(error);
    const role = permission ? roleFor(permission) : undefined;
    const fix = role
      ? `Grant ${role} on project ${project} to the account running setup (gcloud projects add-iam-policy-binding ${project} --member=YOUR_MEMBER --role=${role}), or run setup as a project Owner.`
      : `Run setup as an account that may ${doing} in project ${project} (a project Owner may do everything setup does).`;
    return new UserError(message, { fix, cause: error });
  }
  if (status === undefined || status >= 500 || status === 429)
    return new RemoteFailure(message, {
      fix: 'Google did not answer or failed on its side: run setup again (it continues where it stopped).',
      cause: error,
    });
  return new Error(message, { cause: error });
}
