/**
 * The emulators `setup gcp` and `doctor` are tested against, started together over one state
 * (GcpWorld), one clock, one fault injector and one request log:
 * - IAM v1 (gcp-iam.ts): pools, providers, service accounts and their policies, custom roles;
 * - Cloud Resource Manager v1/v3 (gcp-resource-manager.ts): project, number, project policy;
 * - Service Usage v1 (+ v1beta1 generateServiceIdentity) (gcp-service-usage.ts);
 * - Cloud Storage buckets (gcp-storage-buckets.ts).
 *
 * Each client takes its emulator's URL as `rootUrl` (`urls`). Seed a project with
 * `seedProject()` (or `options.projects`), read state back with `snapshot()` or `world`.
 * Faults: `faults.failNext(...)` (any server, by `server`/`route`), each emulator's own
 * `faults` (by route name, in its API's error shape), `denyPermission()` (a permission refused
 * everywhere, testIamPermissions included) and `concurrentEditNext()` (someone else edits a
 * policy just before the next setIamPolicy, so its etag is stale).
 */
import type { IamBinding, IamPolicy } from '../../src/core/gcp-setup/iam-policy.js';
import { vertexAgent, vertexCodeAgent } from '../../src/core/gcp-setup/desired-state.js';
import { startGcpIamEmulator } from './gcp-iam.js';
import { startGcpResourceManagerEmulator } from './gcp-resource-manager.js';
import {
  GcpWorld,
  type GcpApiEmulator,
  type ProjectRecord,
  type ProjectSeed,
} from './gcp-setup-state.js';
import { startGcpServiceUsageEmulator } from './gcp-service-usage.js';
import { startGcpStorageBucketsEmulator } from './gcp-storage-buckets.js';
import { Clock, FaultInjector, RequestLog } from './http-server.js';

export type { ProjectSeed } from './gcp-setup-state.js';

export interface GcpSetupEmulatorOptions {
  /** Projects that exist from the start. */
  projects?: ProjectSeed[];
  /** operations.get calls until an IAM or Service Usage operation is done. Default 1. */
  operationPolls?: number;
  /** The member of callers whose token is not in `callers`. Default user:setup@example.com. */
  caller?: string;
  /** Bearer token → member. */
  callers?: Record<string, string>;
  /** Check every call against the caller's bindings (default: only denied permissions fail). */
  enforcePermissions?: boolean;
  clock?: Clock;
  faults?: FaultInjector;
  requests?: RequestLog;
}

/** A project as plain data: what setup made, for assertions. */
export interface ProjectSnapshot {
  projectId: string;
  projectNumber: string;
  enabledServices: string[];
  policy: IamPolicy;
  pools: Record<string, { state: string; disabled: boolean; displayName?: string }>;
  providers: Record<
    string,
    {
      state: string;
      disabled: boolean;
      issuerUri?: string;
      attributeMapping: Record<string, string>;
      attributeCondition?: string;
    }
  >;
  /** Email → the account's IAM policy. */
  serviceAccounts: Record<string, IamPolicy>;
  roles: Record<string, { includedPermissions: string[]; deleted: boolean }>;
  /** Buckets of the project: name → location, uniform access and policy. */
  buckets: Record<
    string,
    { location: string; uniformBucketLevelAccess: boolean; policy: IamPolicy }
  >;
  serviceAgents: string[];
}

export interface GcpSetupEmulators {
  readonly iam: GcpApiEmulator;
  readonly resourceManager: GcpApiEmulator;
  readonly serviceUsage: GcpApiEmulator;
  readonly storage: GcpApiEmulator;
  /** `rootUrl` of each API, by its service name. */
  readonly urls: {
    iam: string;
    cloudresourcemanager: string;
    serviceusage: string;
    storage: string;
  };
  readonly world: GcpWorld;
  readonly clock: Clock;
  readonly faults: FaultInjector;
  readonly requests: RequestLog;
  seedProject(seed: ProjectSeed): ProjectRecord;
  snapshot(projectId: string): ProjectSnapshot;
  /** Refuse `permission` everywhere (403, and absent from testIamPermissions), or stop. */
  denyPermission(permission: string, denied?: boolean): void;
  /**
   * Someone else edits the policy of `resource` (or any) just before the next setIamPolicy:
   * `projects/<id>`, `projects/<id>/serviceAccounts/<email>` or `projects/_/buckets/<name>`
   * (the names DesiredBinding.resource uses).
   */
  concurrentEditNext(resource?: string): void;
  close(): Promise<void>;
}

/**
 * The bindings Google gives a project whose Vertex AI service agents exist (`vertexCode` too
 * after the first pipeline run), plus an owner: a seed for `bindings` and `serviceAgents`.
 */
export function vertexProjectSeed(
  projectId: string,
  projectNumber: string,
  options: { owner?: string; vertexCode?: boolean } = {},
): ProjectSeed {
  const agents = [vertexAgent(projectNumber)];
  const bindings: IamBinding[] = [
    { role: 'roles/owner', members: [options.owner ?? 'user:setup@example.com'] },
    { role: 'roles/aiplatform.serviceAgent', members: [`serviceAccount:${agents[0]}`] },
  ];
  if (options.vertexCode) {
    agents.push(vertexCodeAgent(projectNumber));
    bindings.push({
      role: 'roles/aiplatform.customCodeServiceAgent',
      members: [`serviceAccount:${vertexCodeAgent(projectNumber)}`],
    });
  }
  return { projectId, projectNumber, bindings, serviceAgents: agents };
}

/** The variables that point the product (setup gcp, doctor) at these emulators. */
export function setupEndpointEnv(gcp: GcpSetupEmulators): Record<string, string> {
  return {
    MLOPS_IAM_ENDPOINT: gcp.urls.iam,
    MLOPS_RESOURCEMANAGER_ENDPOINT: gcp.urls.cloudresourcemanager,
    MLOPS_SERVICEUSAGE_ENDPOINT: gcp.urls.serviceusage,
    MLOPS_STORAGE_ENDPOINT: gcp.urls.storage,
  };
}

export async function startGcpSetupEmulators(
  options: GcpSetupEmulatorOptions = {},
): Promise<GcpSetupEmulators> {
  const clock = options.clock ?? new Clock();
  const faults = options.faults ?? new FaultInjector();
  const requests = options.requests ?? new RequestLog();
  const world = new GcpWorld(clock);
  if (options.caller) world.caller = options.caller;
  for (const [token, member] of Object.entries(options.callers ?? {}))
    world.callers.set(token, member);
  world.enforcePermissions = options.enforcePermissions ?? false;
  for (const seed of options.projects ?? []) world.seedProject(seed);
  const shared = { faults, requests };
  const operationPolls = options.operationPolls ?? 1;
  const [iam, resourceManager, serviceUsage, storage] = await Promise.all([
    startGcpIamEmulator(world, { ...shared, operationPolls }),
    startGcpResourceManagerEmulator(world, shared),
    startGcpServiceUsageEmulator(world, { ...shared, operationPolls }),
    startGcpStorageBucketsEmulator(world, shared),
  ]);
  return {
    iam,
    resourceManager,
    serviceUsage,
    storage,
    urls: {
      iam: iam.url,
      cloudresourcemanager: resourceManager.url,
      serviceusage: serviceUsage.url,
      storage: storage.url,
    },
    world,
    clock,
    faults,
    requests,
    seedProject: (seed) => world.seedProject(seed),
    snapshot: (projectId) => snapshot(world, projectId),
    denyPermission: (permission, denied) => world.denyPermission(permission, denied),
    concurrentEditNext: (resource) => world.concurrentEditNext(resource),
    close: async () => {
      await Promise.all([iam, resourceManager, serviceUsage, storage].map((e) => e.close()));
    },
  };
}

function snapshot(world: GcpWorld, projectId: string): ProjectSnapshot {
  const project = world.project(projectId);
  if (!project) throw new Error(`no project ${projectId} in the emulators`);
  const policy = (p: { version: number; etag: string; bindings: IamBinding[] }) =>
    world.readPolicy(p, 3);
  const map = <T, U>(m: Map<string, T>, f: (v: T) => U) =>
    Object.fromEntries([...m].map(([k, v]) => [k, f(v)]));
  return {
    projectId: project.id,
    projectNumber: project.number,
    enabledServices: [...project.services].sort(),
    policy: policy(project.policy),
    pools: map(project.pools, (p) => ({
      state: p.state,
      disabled: p.disabled,
      ...(p.displayName ? { displayName: p.displayName } : {}),
    })),
    providers: map(project.providers, (p) => ({
      state: p.state,
      disabled: p.disabled,
      ...(p.oidc?.issuerUri ? { issuerUri: p.oidc.issuerUri } : {}),
      attributeMapping: { ...p.attributeMapping },
      ...(p.attributeCondition ? { attributeCondition: p.attributeCondition } : {}),
    })),
    serviceAccounts: map(project.serviceAccounts, (a) => policy(a.policy)),
    roles: map(project.roles, (r) => ({
      includedPermissions: [...r.includedPermissions],
      deleted: r.deleted,
    })),
    buckets: Object.fromEntries(
      [...world.buckets.values()]
        .filter((b) => b.projectNumber === project.number)
        .map((b) => [
          b.name,
          {
            location: b.location,
            uniformBucketLevelAccess: b.uniformBucketLevelAccess,
            policy: policy(b.policy),
          },
        ]),
    ),
    serviceAgents: [...project.serviceAgents].sort(),
  };
}
