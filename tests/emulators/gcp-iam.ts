/**
 * IAM v1 (iam.googleapis.com) on 127.0.0.1, as `setup gcp` and `doctor` use it: workload
 * identity pools and providers, service accounts and their IAM policies, custom roles. Point
 * @googleapis/iam at it with `rootUrl: <url>`; state lives in the shared GcpWorld.
 *
 * Served (paths as the discovery client builds them, `{+name}` unencoded):
 * - pools: `POST /v1/projects/P/locations/global/workloadIdentityPools?workloadIdentityPoolId=`,
 *   `GET|PATCH|DELETE .../workloadIdentityPools/ID`, `POST ...ID:undelete`,
 *   `GET .../ID/operations/OP`; providers likewise under `.../ID/providers[/PID]`.
 *   create, patch, delete and undelete answer an Operation (`{name: <resource>/operations/<id>}`,
 *   `done` absent while pending) that completes after `operationPolls` operations.get calls;
 *   the change happens when it completes; `response` is the resource with its `@type`.
 *   Resource names carry the project NUMBER whatever the caller wrote. A deleted pool or
 *   provider stays (`state: DELETED`, `expireTime` 30 days on) until undeleted; its id cannot
 *   be reused (409 ALREADY_EXISTS).
 * - Provider checks: an OIDC provider needs `oidc.issuerUri` and a `google.subject` mapping; one
 *   for GitHub's issuer without an attribute condition that references a claim (`assertion.` or
 *   `attribute.`) is refused, on create and on patch, with Google's 400 ("The attribute
 *   condition must reference one of the provider's claims...").
 * - service accounts: `POST /v1/projects/P/serviceAccounts` (`{accountId, serviceAccount}`),
 *   `GET /v1/projects/P/serviceAccounts[/EMAIL]` (P may be `-`; 404 "Unknown service account"),
 *   `POST .../EMAIL:getIamPolicy|:setIamPolicy|:testIamPermissions` (409 ABORTED on a stale
 *   etag).
 * - custom roles: `POST /v1/projects/P/roles` (`{roleId, role}`), `GET|PATCH|DELETE
 *   /v1/projects/P/roles/R` (patch with `updateMask`, etag checked), `POST ...R:undelete`.
 *   A deleted role is kept with `deleted: true`; its id cannot be reused.
 *
 * Wording of rarer refusals (ids out of pattern, wrong state) is the emulator's own; the
 * operation `@type`s (`google.iam.admin.v1.*`) are UNCONFIRMED (discovery clients ignore them).
 */
import { iamPolicyRoutes, type PolicyTarget } from './gcp-iam-policy-routes.js';
import { wipRoutes } from './gcp-iam-workload-identity.js';
import {
  bodyOf,
  permissionDenied,
  policyVersion,
  startGoogleApi,
  type GcpApiEmulator,
  type GcpWorld,
  type ProjectRecord,
  type RoleRecord,
  type ServiceAccountRecord,
} from './gcp-setup-state.js';
import {
  googleApiError,
  json,
  type FaultInjector,
  type RequestLog,
  type EmulatorRequest,
  type EmulatorResponse,
  type Route,
} from './http-server.js';

export { CONDITION_REQUIRED } from './gcp-iam-workload-identity.js';

export const GCP_IAM_SERVER = 'iam';

export interface GcpIamOptions {
  /** operations.get calls until an operation is done (0: done in the first answer). Default 1. */
  operationPolls: number;
}

const SA = '/v1/projects/{project}/serviceAccounts';
const ROLES = '/v1/projects/{project}/roles';

export function gcpIamRoutes(world: GcpWorld, options: GcpIamOptions): Route[] {
  const deny = (
    request: EmulatorRequest,
    permission: string,
    project: ProjectRecord,
    extra: ServiceAccountRecord[] = [],
  ) =>
    world.refuses(
      world.memberOf(request),
      permission,
      [project.policy, ...extra.map((a) => a.policy)],
      project,
    )
      ? permissionDenied(permission, 'iam.googleapis.com')
      : undefined;
  const projectOr403 = (request: EmulatorRequest, permission: string) => {
    const project = world.project(request.params.project ?? '');
    return project ?? permissionDenied(permission, 'iam.googleapis.com');
  };

  const accountTarget = (request: EmulatorRequest): PolicyTarget | EmulatorResponse => {
    const found = world.findServiceAccount(
      request.params.project ?? '-',
      request.params.account ?? '',
    );
    if (!found) return googleApiError(404, `Unknown service account`);
    return {
      policy: found.account.policy,
      project: found.project,
      resource: `projects/${found.project.id}/serviceAccounts/${found.account.email}`,
      extra: [found.account.policy],
    };
  };

  return [
    ...wipRoutes(world, options),
    {
      name: 'iam.serviceAccounts.create',
      method: 'POST',
      pattern: SA,
      handler: (request) => {
        const project = projectOr403(request, 'iam.serviceAccounts.create');
        if (!('id' in project)) return project;
        const refused = deny(request, 'iam.serviceAccounts.create', project);
        if (refused) return refused;
        const body = bodyOf(request);
        const accountId = typeof body.accountId === 'string' ? body.accountId : '';
        if (!/^[a-z]([-a-z0-9]{4,28}[a-z0-9])$/.test(accountId))
          return googleApiError(
            400,
            `Invalid account ID "${accountId}": 6-30 characters, lowercase letters, digits and hyphens, starting with a letter.`,
          );
        const email = `${accountId}@${project.id}.iam.gserviceaccount.com`;
        if (project.serviceAccounts.has(email))
          return googleApiError(
            409,
            `Service account ${accountId} already exists within project projects/${project.id}.`,
          );
        const details = (
          typeof body.serviceAccount === 'object' && body.serviceAccount ? body.serviceAccount : {}
        ) as { displayName?: string; description?: string };
        const account = world.addServiceAccount(project, accountId, details.displayName);
        if (details.description) account.description = details.description;
        return json(200, accountJson(project, account));
      },
    },
    {
      name: 'iam.serviceAccounts.list',
      method: 'GET',
      pattern: SA,
      handler: (request) => {
        const project = projectOr403(request, 'iam.serviceAccounts.list');
        if (!('id' in project)) return project;
        const refused = deny(request, 'iam.serviceAccounts.list', project);
        if (refused) return refused;
        const all = [...project.serviceAccounts.values()].map((a) => accountJson(project, a));
        const size = Math.min(Number(request.query.get('pageSize') ?? 100) || 100, 100);
        const start = Number(request.query.get('pageToken') ?? 0) || 0;
        const page = all.slice(start, start + size);
        const next = start + size < all.length ? { nextPageToken: String(start + size) } : {};
        return json(200, { ...(page.length > 0 ? { accounts: page } : {}), ...next });
      },
    },
    {
      name: 'iam.serviceAccounts.get',
      method: 'GET',
      pattern: `${SA}/{account}`,
      handler: (request) => {
        const found = world.findServiceAccount(
          request.params.project ?? '-',
          request.params.account ?? '',
        );
        if (!found) return googleApiError(404, 'Unknown service account');
        const refused = deny(request, 'iam.serviceAccounts.get', found.project, [found.account]);
        return refused ?? json(200, accountJson(found.project, found.account));
      },
    },
    ...iamPolicyRoutes(world, {
      prefix: 'iam.serviceAccounts',
      pattern: `${SA}/{account}`,
      permissionPrefix: 'iam.serviceAccounts',
      domain: 'iam.googleapis.com',
      target: accountTarget,
      versionFrom: (request) => policyVersion(request.query.get('options.requestedPolicyVersion')),
    }),
    ...roleRoutes(world),
  ];
}

function accountJson(
  project: ProjectRecord,
  account: ServiceAccountRecord,
): Record<string, unknown> {
  return {
    name: `projects/${project.id}/serviceAccounts/${account.email}`,
    projectId: project.id,
    uniqueId: account.uniqueId,
    email: account.email,
    ...(account.displayName ? { displayName: account.displayName } : {}),
    ...(account.description ? { description: account.description } : {}),
    etag: 'MDEwMjE5MjA=',
    oauth2ClientId: account.uniqueId,
    ...(account.disabled ? { disabled: true } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// Custom roles

const ROLE_FIELDS = ['title', 'description', 'includedPermissions', 'stage'] as const;

function roleJson(project: ProjectRecord, id: string, role: RoleRecord): Record<string, unknown> {
  return {
    name: `projects/${project.id}/roles/${id}`,
    ...(role.title ? { title: role.title } : {}),
    ...(role.description ? { description: role.description } : {}),
    ...(role.includedPermissions.length > 0
      ? { includedPermissions: [...role.includedPermissions] }
      : {}),
    stage: role.stage,
    etag: role.etag,
    ...(role.deleted ? { deleted: true } : {}),
  };
}

function permissionsProblem(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) return 'includedPermissions must be a list of permissions.';
  const bad: unknown = (value as unknown[]).find(
    (p) =>
      typeof p !== 'string' ||
      !/^[a-z][\w.]*\.[\w]+\.[\w]+$|^[a-z]+\.googleapis\.com\/\w+\.\w+$/.test(p),
  );
  return bad === undefined ? undefined : `Permission ${JSON.stringify(bad)} is not valid.`;
}

function roleRoutes(world: GcpWorld): Route[] {
  const lookup = (request: EmulatorRequest, permission: string) => {
    const project = world.project(request.params.project ?? '');
    if (!project) return permissionDenied(permission, 'iam.googleapis.com');
    if (world.refuses(world.memberOf(request), permission, [project.policy], project))
      return permissionDenied(permission, 'iam.googleapis.com');
    const id = request.params.role ?? '';
    return { project, id, role: project.roles.get(id) };
  };
  const missing = (id: string) =>
    googleApiError(404, `The role named projects/.../roles/${id} was not found.`);
  return [
    {
      name: 'iam.roles.create',
      method: 'POST',
      pattern: ROLES,
      handler: (request) => {
        const found = lookup(request, 'iam.roles.create');
        if (!('project' in found)) return found;
        const body = bodyOf(request);
        const roleId = typeof body.roleId === 'string' ? body.roleId : '';
        const role = (
          typeof body.role === 'object' && body.role ? body.role : {}
        ) as Partial<RoleRecord>;
        if (!/^[a-zA-Z0-9_.]{3,64}$/.test(roleId))
          return googleApiError(400, `The role ID "${roleId}" is invalid.`);
        const problem = permissionsProblem(role.includedPermissions);
        if (problem) return googleApiError(400, problem);
        const existing = found.project.roles.get(roleId);
        if (existing)
          return googleApiError(
            409,
            existing.deleted
              ? `You can't create a role with role_id (${roleId}) where there is an existing role with that role_id in a deleted state.`
              : `A role named ${roleId} in projects/${found.project.id} already exists.`,
          );
        const record: RoleRecord = {
          ...(role.title ? { title: role.title } : {}),
          ...(role.description ? { description: role.description } : {}),
          includedPermissions: [...(role.includedPermissions ?? [])],
          stage: role.stage ?? 'ALPHA',
          deleted: false,
          etag: world.nextEtag(),
        };
        found.project.roles.set(roleId, record);
        return json(200, roleJson(found.project, roleId, record));
      },
    },
    {
      name: 'iam.roles.get',
      method: 'GET',
      pattern: `${ROLES}/{role}`,
      handler: (request) => {
        const found = lookup(request, 'iam.roles.get');
        if (!('project' in found)) return found;
        return found.role
          ? json(200, roleJson(found.project, found.id, found.role))
          : missing(found.id);
      },
    },
    {
      name: 'iam.roles.patch',
      method: 'PATCH',
      pattern: `${ROLES}/{role}`,
      handler: (request) => {
        const found = lookup(request, 'iam.roles.update');
        if (!('project' in found)) return found;
        const { role } = found;
        if (!role) return missing(found.id);
        if (role.deleted)
          return googleApiError(
            400,
            `You can't update a deleted role.`,
            undefined,
            'FAILED_PRECONDITION',
          );
        const body = bodyOf(request) as Partial<RoleRecord>;
        if (body.etag !== undefined && body.etag !== role.etag)
          return googleApiError(
            409,
            'There were concurrent policy changes. Please retry the whole read-modify-write with exponential backoff.',
            undefined,
            'ABORTED',
          );
        const mask = (request.query.get('updateMask') ?? ROLE_FIELDS.join(','))
          .split(',')
          .filter(Boolean);
        const unknown = mask.find((f) => !(ROLE_FIELDS as readonly string[]).includes(f));
        if (unknown) return googleApiError(400, `Invalid update mask path: ${unknown}.`);
        const problem = permissionsProblem(body.includedPermissions);
        if (problem) return googleApiError(400, problem);
        for (const field of mask) {
          if (field === 'includedPermissions')
            role.includedPermissions = [...(body.includedPermissions ?? [])];
          else if (field === 'stage') role.stage = body.stage ?? 'ALPHA';
          else if (field === 'title' || field === 'description') role[field] = body[field] ?? '';
        }
        role.etag = world.nextEtag();
        return json(200, roleJson(found.project, found.id, role));
      },
    },
    {
      name: 'iam.roles.delete',
      method: 'DELETE',
      pattern: `${ROLES}/{role}`,
      handler: (request) => {
        const found = lookup(request, 'iam.roles.delete');
        if (!('project' in found)) return found;
        if (!found.role) return missing(found.id);
        found.role.deleted = true;
        found.role.etag = world.nextEtag();
        return json(200, roleJson(found.project, found.id, found.role));
      },
    },
    {
      name: 'iam.roles.undelete',
      method: 'POST',
      pattern: `${ROLES}/{role}:undelete`,
      handler: (request) => {
        const found = lookup(request, 'iam.roles.undelete');
        if (!('project' in found)) return found;
        if (!found.role) return missing(found.id);
        if (!found.role.deleted)
          return googleApiError(400, 'The role is not deleted.', undefined, 'FAILED_PRECONDITION');
        found.role.deleted = false;
        found.role.etag = world.nextEtag();
        return json(200, roleJson(found.project, found.id, found.role));
      },
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// Server

export async function startGcpIamEmulator(
  world: GcpWorld,
  options: Partial<GcpIamOptions> & { faults?: FaultInjector; requests?: RequestLog } = {},
): Promise<GcpApiEmulator> {
  const routes = gcpIamRoutes(world, { operationPolls: options.operationPolls ?? 1 });
  return startGoogleApi(GCP_IAM_SERVER, routes, world, options);
}
