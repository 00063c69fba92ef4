/**
 * Service Usage v1 (serviceusage.googleapis.com) on 127.0.0.1: which APIs a project has on, and
 * turning them on, as `setup gcp` and `doctor` do. Point @googleapis/serviceusage at it with
 * `rootUrl: <url>`.
 *
 * Served:
 * - `GET /v1/projects/P/services/S` → `{name: "projects/<number>/services/S", parent:
 *   "projects/<number>", config: {name, title}, state: ENABLED|DISABLED}`.
 * - `GET /v1/projects/P/services:batchGet?names=projects/P/services/S&names=...` (at most 30)
 *   → `{services}`; `GET /v1/projects/P/services?filter=state:ENABLED&pageSize&pageToken`.
 * - `POST /v1/projects/P/services/S:enable` and `POST /v1/projects/P/services:batchEnable`
 *   (`{serviceIds}`, at most 20) → an Operation `operations/acf.p2-<number>-<id>` that is done
 *   after `operationPolls` `GET /v1/operations/...` calls; the services turn ENABLED when it
 *   completes; `response` is `{@type: ...EnableServiceResponse, service}` or
 *   `{@type: ...BatchEnableServicesResponse, services}`. When everything asked is on already
 *   the answer is the finished `operations/noop.DONE_OPERATION`.
 * - v1beta1 `POST /v1beta1/projects/P/services/S:generateServiceIdentity` → an Operation whose
 *   response is `{@type: ...v1beta1.ServiceIdentity, email, uniqueId}`; on completion the
 *   agent exists (setIamPolicy accepts it) and, for aiplatform, holds
 *   roles/aiplatform.serviceAgent on the project as Google grants it.
 * - A service the emulator does not know is 403 "Not found or permission denied for
 *   service(s): S." (Google's wording for unknown and forbidden alike).
 */
import { REQUIRED_APIS } from '../../src/core/gcp-setup/desired-state.js';
import {
  bodyOf,
  permissionDenied,
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

export const GCP_SERVICE_USAGE_SERVER = 'serviceusage';

const TYPE = 'type.googleapis.com/google.api.serviceusage';
const DOMAIN = 'serviceusage.googleapis.com';

/** Services the emulator knows beyond REQUIRED_APIS. */
export const OTHER_KNOWN_SERVICES = [
  'bigquery.googleapis.com',
  'bigquerystorage.googleapis.com',
  'logging.googleapis.com',
  'monitoring.googleapis.com',
  'compute.googleapis.com',
  'storage-api.googleapis.com',
  'storage-component.googleapis.com',
  'policytroubleshooter.googleapis.com',
  'orgpolicy.googleapis.com',
];

export interface GcpServiceUsageOptions {
  /** operations.get calls until an enable is done (0: done in the first answer). Default 1. */
  operationPolls: number;
  /** Services that exist; default REQUIRED_APIS and OTHER_KNOWN_SERVICES. */
  knownServices: readonly string[];
}

const title = (service: string) => service.replace(/\.googleapis\.com$/, '').toUpperCase() + ' API';

function serviceJson(project: ProjectRecord, service: string): Record<string, unknown> {
  return {
    name: `projects/${project.number}/services/${service}`,
    parent: `projects/${project.number}`,
    config: { name: service, title: title(service) },
    state: project.services.has(service) ? 'ENABLED' : 'DISABLED',
  };
}

const unknown = (services: string[]) =>
  googleApiError(403, `Not found or permission denied for service(s): ${services.join(', ')}.`);

export function gcpServiceUsageRoutes(world: GcpWorld, options: GcpServiceUsageOptions): Route[] {
  const known = new Set(options.knownServices);
  const projectFor = (
    request: EmulatorRequest,
    permission: string,
  ): ProjectRecord | EmulatorResponse => {
    const project = world.project(request.params.project ?? '');
    const resource = `projects/${request.params.project ?? ''}`;
    if (!project || world.refuses(world.memberOf(request), permission, [project.policy], project))
      return permissionDenied(permission, DOMAIN, resource);
    return project;
  };
  const enableOperation = (project: ProjectRecord, services: string[], batch: boolean) => {
    const response = () =>
      batch
        ? {
            '@type': `${TYPE}.v1.BatchEnableServicesResponse`,
            services: services.map((s) => serviceJson(project, s)),
          }
        : {
            '@type': `${TYPE}.v1.EnableServiceResponse`,
            service: serviceJson(project, services[0] ?? ''),
          };
    if (services.every((s) => project.services.has(s)))
      return json(200, {
        name: 'operations/noop.DONE_OPERATION',
        done: true,
        response: response(),
      });
    const metadata = {
      '@type': `${TYPE}.v1.OperationMetadata`,
      resourceNames: services.map((s) => `services/${s}/projectSettings/${project.number}`),
    };
    const name = `operations/acf.p2-${project.number}-${world.newId()}`;
    return json(
      200,
      world.operations.start(
        name,
        options.operationPolls,
        () => {
          for (const service of services) project.services.add(service);
          return { response: response() };
        },
        metadata,
      ),
    );
  };

  return [
    {
      name: 'serviceusage.services.list',
      method: 'GET',
      pattern: '/v1/projects/{project}/services',
      handler: (request) => {
        const project = projectFor(request, 'serviceusage.services.list');
        if (!('id' in project)) return project;
        const filter = request.query.get('filter') ?? '';
        const wanted = /state:(ENABLED|DISABLED)/.exec(filter)?.[1];
        const all = [...known]
          .sort()
          .map((s) => serviceJson(project, s))
          .filter((s) => !wanted || s.state === wanted);
        const size = Math.min(Number(request.query.get('pageSize') ?? 50) || 50, 200);
        const start = Number(request.query.get('pageToken') ?? 0) || 0;
        const page = all.slice(start, start + size);
        return json(200, {
          ...(page.length > 0 ? { services: page } : {}),
          ...(start + size < all.length ? { nextPageToken: String(start + size) } : {}),
        });
      },
    },
    {
      name: 'serviceusage.services.batchGet',
      method: 'GET',
      pattern: '/v1/projects/{project}/services:batchGet',
      handler: (request) => {
        const project = projectFor(request, 'serviceusage.services.get');
        if (!('id' in project)) return project;
        const names = request.query.getAll('names');
        if (names.length === 0 || names.length > 30)
          return googleApiError(400, 'Between 1 and 30 service names must be given.');
        const services = names.map((n) => n.split('/').pop() ?? '');
        const missing = services.filter((s) => !known.has(s));
        if (missing.length > 0) return unknown(missing);
        return json(200, { services: services.map((s) => serviceJson(project, s)) });
      },
    },
    {
      name: 'serviceusage.services.get',
      method: 'GET',
      pattern: '/v1/projects/{project}/services/{service}',
      handler: (request) => {
        const project = projectFor(request, 'serviceusage.services.get');
        if (!('id' in project)) return project;
        const service = request.params.service ?? '';
        return known.has(service) ? json(200, serviceJson(project, service)) : unknown([service]);
      },
    },
    {
      name: 'serviceusage.services.enable',
      method: 'POST',
      pattern: '/v1/projects/{project}/services/{service}:enable',
      handler: (request) => {
        const project = projectFor(request, 'serviceusage.services.enable');
        if (!('id' in project)) return project;
        const service = request.params.service ?? '';
        return known.has(service) ? enableOperation(project, [service], false) : unknown([service]);
      },
    },
    {
      name: 'serviceusage.services.batchEnable',
      method: 'POST',
      pattern: '/v1/projects/{project}/services:batchEnable',
      handler: (request) => {
        const project = projectFor(request, 'serviceusage.services.enable');
        if (!('id' in project)) return project;
        const ids = bodyOf(request).serviceIds;
        if (!Array.isArray(ids) || ids.length === 0 || ids.length > 20)
          return googleApiError(400, 'serviceIds must list between 1 and 20 services.');
        const services = ids.map(String);
        const missing = services.filter((s) => !known.has(s));
        return missing.length > 0 ? unknown(missing) : enableOperation(project, services, true);
      },
    },
    {
      name: 'serviceusage.services.generateServiceIdentity',
      method: 'POST',
      pattern: '/v1beta1/projects/{project}/services/{service}:generateServiceIdentity',
      handler: (request) => {
        const project = projectFor(request, 'serviceusage.services.enable');
        if (!('id' in project)) return project;
        const service = request.params.service ?? '';
        if (!known.has(service)) return unknown([service]);
        const short = service.split('.')[0] ?? service;
        const email = `service-${project.number}@gcp-sa-${short}.iam.gserviceaccount.com`;
        const name = `operations/acf.p2-${project.number}-${world.newId()}`;
        const identity = () => {
          project.serviceAgents.add(email);
          if (service === 'aiplatform.googleapis.com') grantAgentRole(world, project, email);
          return {
            response: {
              '@type': `${TYPE}.v1beta1.ServiceIdentity`,
              email,
              uniqueId: `1${project.number}`,
            },
          };
        };
        return json(200, world.operations.start(name, options.operationPolls, identity));
      },
    },
    ...(['v1', 'v1beta1'] as const).map((version): Route => ({
      name: `serviceusage.${version}.operations.get`,
      method: 'GET',
      pattern: `/${version}/operations/{operation}`,
      handler: (request) => {
        const op = world.operations.poll(`operations/${request.params.operation ?? ''}`);
        return op ? json(200, op) : googleApiError(404, 'Operation not found.');
      },
    })),
  ];
}

/** What Google does when it creates the Vertex AI service agent: grant it its role. */
function grantAgentRole(world: GcpWorld, project: ProjectRecord, email: string): void {
  const role = 'roles/aiplatform.serviceAgent';
  const member = `serviceAccount:${email}`;
  const binding = project.policy.bindings.find((b) => b.role === role && !b.condition);
  if (binding?.members.includes(member)) return;
  if (binding)
    project.policy.bindings = project.policy.bindings.map((b) =>
      b === binding ? { ...b, members: [...b.members, member] } : b,
    );
  else project.policy.bindings.push({ role, members: [member] });
  project.policy.etag = world.nextEtag();
}

export async function startGcpServiceUsageEmulator(
  world: GcpWorld,
  options: Partial<GcpServiceUsageOptions> & { faults?: FaultInjector; requests?: RequestLog } = {},
): Promise<GcpApiEmulator> {
  const routes = gcpServiceUsageRoutes(world, {
    operationPolls: options.operationPolls ?? 1,
    knownServices: options.knownServices ?? [...REQUIRED_APIS, ...OTHER_KNOWN_SERVICES],
  });
  return startGoogleApi(GCP_SERVICE_USAGE_SERVER, routes, world, options);
}
