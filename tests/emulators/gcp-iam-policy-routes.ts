/**
 * The three IAM policy methods every IAM-style Google API serves on a resource
 * (`POST <resource>:getIamPolicy|:setIamPolicy|:testIamPermissions`), shared by the IAM emulator
 * (service accounts) and the Resource Manager emulator (projects). Cloud Storage's bucket policy
 * methods have another shape (gcp-storage-buckets.ts).
 *
 * - getIamPolicy: the requested version comes from the query (`options.requestedPolicyVersion`,
 *   IAM) or the body (`{options: {requestedPolicyVersion}}`, Resource Manager), see
 *   `versionFrom`.
 * - setIamPolicy: `{policy, updateMask?}`; a stale etag is 409 ABORTED and leaves the policy
 *   as it was; the answer is the stored policy with its new etag.
 * - testIamPermissions: `{permissions}` → `{permissions?}`, the subset the caller holds (absent
 *   when none). Wildcards and more than 100 permissions are refused with 400
 *   (cloud.google.com/resource-manager/reference/rest/v1/projects/testIamPermissions).
 */
import {
  bodyOf,
  permissionDenied,
  type GcpWorld,
  type PolicyRecord,
  type ProjectRecord,
} from './gcp-setup-state.js';
import {
  googleApiError,
  json,
  type EmulatorRequest,
  type EmulatorResponse,
  type Route,
} from './http-server.js';

/** The resource whose policy a call reads or writes. */
export interface PolicyTarget {
  policy: PolicyRecord;
  project: ProjectRecord;
  /** The resource's name, for concurrent-edit selectors and messages. */
  resource: string;
  /** Policies that grant on it besides the project's (its own). */
  extra: PolicyRecord[];
}

export interface PolicyRouteOptions {
  /** Route name prefix, e.g. `iam.serviceAccounts` → `iam.serviceAccounts.getIamPolicy`. */
  prefix: string;
  /** Path template of the resource, without the `:method` suffix. */
  pattern: string;
  /** Permission prefix, e.g. `iam.serviceAccounts` → `iam.serviceAccounts.getIamPolicy`. */
  permissionPrefix: string;
  /** ErrorInfo domain of a 403. */
  domain: string;
  target: (request: EmulatorRequest) => PolicyTarget | EmulatorResponse;
  versionFrom: (request: EmulatorRequest) => number;
}

export const MAX_TESTED_PERMISSIONS = 100;

export function iamPolicyRoutes(world: GcpWorld, options: PolicyRouteOptions): Route[] {
  const { prefix, pattern, permissionPrefix, domain } = options;
  const resolve = (request: EmulatorRequest, permission?: string) => {
    const target = options.target(request);
    if (!('policy' in target)) return target;
    if (
      permission &&
      world.refuses(
        world.memberOf(request),
        permission,
        [target.project.policy, ...target.extra],
        target.project,
      )
    )
      return permissionDenied(permission, domain, target.resource);
    return target;
  };
  return [
    {
      name: `${prefix}.getIamPolicy`,
      method: 'POST',
      pattern: `${pattern}:getIamPolicy`,
      handler: (request) => {
        const target = resolve(request, `${permissionPrefix}.getIamPolicy`);
        if (!('policy' in target)) return target;
        return json(200, world.readPolicy(target.policy, options.versionFrom(request)));
      },
    },
    {
      name: `${prefix}.setIamPolicy`,
      method: 'POST',
      pattern: `${pattern}:setIamPolicy`,
      handler: (request) => {
        const target = resolve(request, `${permissionPrefix}.setIamPolicy`);
        if (!('policy' in target)) return target;
        const body = bodyOf(request);
        if (typeof body.policy !== 'object' || body.policy === null)
          return googleApiError(400, 'Invalid JSON payload: the policy is required.');
        const written = world.writePolicy(target.policy, target.resource, body.policy);
        if ('refused' in written)
          return written.refused === 'stale'
            ? googleApiError(409, written.message, undefined, 'ABORTED')
            : googleApiError(400, written.message);
        return json(200, world.readPolicy(written, 3));
      },
    },
    {
      name: `${prefix}.testIamPermissions`,
      method: 'POST',
      pattern: `${pattern}:testIamPermissions`,
      handler: (request) => {
        const target = resolve(request);
        if (!('policy' in target)) return target;
        const asked = bodyOf(request).permissions;
        const problem = testedPermissionsProblem(asked);
        if (problem) return googleApiError(400, problem);
        const held = world.testPermissions(
          world.memberOf(request),
          asked as string[],
          [target.project.policy, ...target.extra],
          target.project,
        );
        return json(200, held.length > 0 ? { permissions: held } : {});
      },
    },
  ];
}

/** Why a testIamPermissions list is refused (400), if it is. */
export function testedPermissionsProblem(asked: unknown): string | undefined {
  if (!Array.isArray(asked) || asked.some((p) => typeof p !== 'string'))
    return 'permissions must be a list of strings.';
  if (asked.length > MAX_TESTED_PERMISSIONS)
    return `No more than ${MAX_TESTED_PERMISSIONS} permissions can be tested in one call.`;
  const wildcard = (asked as string[]).find((p) => p.includes('*'));
  if (wildcard)
    return `Permissions with wildcards (such as * or storage.*) are not allowed: ${wildcard}.`;
  return undefined;
}
