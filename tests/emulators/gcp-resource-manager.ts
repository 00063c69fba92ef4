/**
 * Cloud Resource Manager (cloudresourcemanager.googleapis.com) on 127.0.0.1: the project, its
 * number and its IAM policy, as `setup gcp` and `doctor` read and edit them. Point
 * @googleapis/cloudresourcemanager at it with `rootUrl: <url>`.
 *
 * Versions: v1 is the one the reference and `doctor` use (`projects.testIamPermissions` is
 * documented on v1, and v1's project carries `projectNumber`); the client package has no
 * default version (`cloudresourcemanager('v1' | 'v3' ...)` must name one), so v3's shapes are
 * served as well for the same state.
 *
 * Served:
 * - v1 `GET /v1/projects/{projectId}` → `{projectNumber, projectId, lifecycleState, name,
 *   createTime}` (`name` is the display name in v1); `POST /v1/projects/{resource}:getIamPolicy`
 *   (body `{options: {requestedPolicyVersion}}`), `:setIamPolicy` (`{policy, updateMask?}`,
 *   409 ABORTED on a stale etag, policy unchanged), `:testIamPermissions` (answered from the
 *   bindings for the caller, see gcp-setup-state.ts).
 * - v3 `GET /v3/projects/{id|number}` → `{name: "projects/<number>", projectId, state,
 *   displayName, createTime, updateTime, etag}` and the same three policy methods under
 *   `/v3/projects/{project}:...`.
 *
 * An unknown project is 403 PERMISSION_DENIED "The caller does not have permission", as Google
 * answers (it does not tell absent projects from forbidden ones).
 */
import { iamPolicyRoutes, type PolicyTarget } from './gcp-iam-policy-routes.js';
import {
  bodyOf,
  permissionDenied,
  policyVersion,
  startGoogleApi,
  type GcpApiEmulator,
  type GcpWorld,
  type ProjectRecord,
} from './gcp-setup-state.js';
import {
  googleApiError,
  json,
  type EmulatorRequest,
  type EmulatorResponse,
  type FaultInjector,
  type RequestLog,
  type Route,
} from './http-server.js';

export const GCP_RESOURCE_MANAGER_SERVER = 'cloudresourcemanager';

const DOMAIN = 'cloudresourcemanager.googleapis.com';
const NO_PERMISSION = 'The caller does not have permission';

function v1Project(project: ProjectRecord): Record<string, unknown> {
  return {
    projectNumber: project.number,
    projectId: project.id,
    lifecycleState: 'ACTIVE',
    name: project.displayName,
    createTime: project.createTime,
  };
}

function v3Project(project: ProjectRecord): Record<string, unknown> {
  return {
    name: `projects/${project.number}`,
    projectId: project.id,
    state: 'ACTIVE',
    displayName: project.displayName,
    createTime: project.createTime,
    updateTime: project.createTime,
    etag: `W/"${project.number}"`,
  };
}

export function gcpResourceManagerRoutes(world: GcpWorld): Route[] {
  const target = (request: EmulatorRequest): PolicyTarget | EmulatorResponse => {
    const project = world.project(request.params.project ?? '');
    if (!project) return googleApiError(403, NO_PERMISSION);
    return {
      policy: project.policy,
      project,
      resource: `projects/${project.id}`,
      extra: [],
    };
  };
  const get =
    (shape: (p: ProjectRecord) => Record<string, unknown>) => (request: EmulatorRequest) => {
      const project = world.project(request.params.project ?? '');
      if (!project) return googleApiError(403, NO_PERMISSION);
      const permission = 'resourcemanager.projects.get';
      if (world.refuses(world.memberOf(request), permission, [project.policy], project))
        return permissionDenied(permission, DOMAIN, `projects/${project.id}`);
      return json(200, shape(project));
    };
  const policy = (version: 'v1' | 'v3') =>
    iamPolicyRoutes(world, {
      prefix: `cloudresourcemanager.${version}.projects`,
      pattern: `/${version}/projects/{project}`,
      permissionPrefix: 'resourcemanager.projects',
      domain: DOMAIN,
      target,
      versionFrom: (request) => {
        const options = bodyOf(request).options as { requestedPolicyVersion?: unknown } | undefined;
        return policyVersion(options?.requestedPolicyVersion);
      },
    });
  return [
    {
      name: 'cloudresourcemanager.v1.projects.get',
      method: 'GET',
      pattern: '/v1/projects/{project}',
      handler: get(v1Project),
    },
    {
      name: 'cloudresourcemanager.v3.projects.get',
      method: 'GET',
      pattern: '/v3/projects/{project}',
      handler: get(v3Project),
    },
    ...policy('v1'),
    ...policy('v3'),
  ];
}

export async function startGcpResourceManagerEmulator(
  world: GcpWorld,
  options: { faults?: FaultInjector; requests?: RequestLog } = {},
): Promise<GcpApiEmulator> {
  return startGoogleApi(
    GCP_RESOURCE_MANAGER_SERVER,
    gcpResourceManagerRoutes(world),
    world,
    options,
  );
}
