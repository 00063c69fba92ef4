/**
 * The state the `setup gcp` / `doctor` emulators share (gcp-iam.ts, gcp-resource-manager.ts,
 * gcp-service-usage.ts, gcp-storage-buckets.ts): projects (id, number, enabled services, IAM
 * policy, pools, providers, service accounts, custom roles, service agents), buckets, who calls,
 * long-running operations, and the IAM policy rules they all follow.
 *
 * IAM policies follow the rules of gcp-setup-policies.ts. testIamPermissions answers from bindings only: the caller's members (by bearer token, see
 *   `callers`), unconditional bindings of the resource and of its project, each role's
 *   permissions from src/core/gcp-setup/permissions.ts (its REQUIREMENTS rows), the extra
 *   roles of gcp-setup-policies.ts and the project's custom roles. Conditional bindings never grant (their CEL is not run).
 *
 * Permission checks on the other methods happen only when `enforcePermissions` is on (default
 * off: any token may do anything), except for permissions named in `denyPermission()`: those are
 * refused always, as for an identity that lacks them.
 */
import { createHash } from 'node:crypto';
import type { IamBinding } from '../../src/core/gcp-setup/iam-policy.js';
import { PolicyRules, PREDEFINED_ROLES, type PolicyRecord } from './gcp-setup-policies.js';
import { OperationStore } from './gcp-setup-server.js';
import type { Clock, EmulatorRequest } from './http-server.js';

export {
  bodyOf,
  GcpApiFaults,
  permissionDenied,
  policyVersion,
  startGoogleApi,
  type GcpApiEmulator,
  type PendingOperation,
} from './gcp-setup-server.js';

export { PREDEFINED_ROLES, type PolicyRecord } from './gcp-setup-policies.js';

// ---------------------------------------------------------------------------------------------
// State

type Lifecycle = 'ACTIVE' | 'DELETED';

export interface PoolRecord {
  displayName?: string;
  description?: string;
  disabled: boolean;
  state: Lifecycle;
  expireTime?: string;
}

export interface ProviderRecord extends PoolRecord {
  attributeMapping: Record<string, string>;
  attributeCondition?: string;
  oidc?: { issuerUri: string; allowedAudiences?: string[]; jwksJson?: string };
}

export interface ServiceAccountRecord {
  email: string;
  accountId: string;
  uniqueId: string;
  displayName?: string;
  description?: string;
  disabled: boolean;
  policy: PolicyRecord;
}

export interface RoleRecord {
  title?: string;
  description?: string;
  includedPermissions: string[];
  stage: string;
  deleted: boolean;
  etag: string;
}

export interface ProjectRecord {
  id: string;
  number: string;
  displayName: string;
  createTime: string;
  policy: PolicyRecord;
  services: Set<string>;
  pools: Map<string, PoolRecord>;
  /** Key `<pool>/<provider>`. */
  providers: Map<string, ProviderRecord>;
  serviceAccounts: Map<string, ServiceAccountRecord>;
  roles: Map<string, RoleRecord>;
  /** Emails of the Google service agents that exist (e.g. service-N@gcp-sa-aiplatform...). */
  serviceAgents: Set<string>;
}

export interface BucketRecord {
  name: string;
  projectNumber: string;
  location: string;
  storageClass: string;
  uniformBucketLevelAccess: boolean;
  publicAccessPrevention: string;
  timeCreated: string;
  metageneration: number;
  policy: PolicyRecord;
}

/** What a seeded project starts with; everything but the ids is optional. */
export interface ProjectSeed {
  projectId: string;
  projectNumber: string;
  displayName?: string;
  enabledServices?: string[];
  /** The project's policy bindings (e.g. the Vertex service agents' and an owner's). */
  bindings?: IamBinding[];
  /** Service agents that exist (emails); the Vertex ones are usually bound in `bindings` too. */
  serviceAgents?: string[];
  pools?: Record<string, Partial<PoolRecord>>;
  /** Key `<pool>/<provider>`. */
  providers?: Record<string, Partial<ProviderRecord>>;
  serviceAccounts?: Array<{ accountId: string; displayName?: string; bindings?: IamBinding[] }>;
  roles?: Record<string, { includedPermissions: string[]; title?: string; deleted?: boolean }>;
  buckets?: Array<{
    name: string;
    location?: string;
    uniformBucketLevelAccess?: boolean;
    bindings?: IamBinding[];
  }>;
}

/** Everything the GCP setup emulators know; one object is shared by all of them. */
export class GcpWorld extends PolicyRules {
  readonly projects = new Map<string, ProjectRecord>();
  readonly buckets = new Map<string, BucketRecord>();
  readonly operations = new OperationStore();
  /** Member of whoever calls with a token not in `callers`. */
  caller = 'user:setup@example.com';
  /** Bearer token → member (e.g. `serviceAccount:ci@p.iam.gserviceaccount.com`). */
  readonly callers = new Map<string, string>();
  /** Check every call against the caller's permissions from bindings. */
  enforcePermissions = false;
  readonly #denied = new Set<string>();
  #ids = 0;
  readonly clock: Clock;

  constructor(clock: Clock) {
    super();
    this.clock = clock;
  }

  // --- seeding and lookup

  seedProject(seed: ProjectSeed): ProjectRecord {
    const project: ProjectRecord = {
      id: seed.projectId,
      number: seed.projectNumber,
      displayName: seed.displayName ?? seed.projectId,
      createTime: this.now(),
      policy: this.newPolicy(seed.bindings),
      services: new Set(seed.enabledServices ?? []),
      pools: new Map(),
      providers: new Map(),
      serviceAccounts: new Map(),
      roles: new Map(),
      serviceAgents: new Set(seed.serviceAgents ?? []),
    };
    this.projects.set(project.id, project);
    for (const [id, pool] of Object.entries(seed.pools ?? {}))
      project.pools.set(id, { disabled: false, state: 'ACTIVE', ...pool });
    for (const [key, provider] of Object.entries(seed.providers ?? {}))
      project.providers.set(key, {
        disabled: false,
        state: 'ACTIVE',
        attributeMapping: {},
        ...provider,
      });
    for (const account of seed.serviceAccounts ?? [])
      this.addServiceAccount(project, account.accountId, account.displayName, account.bindings);
    for (const [id, role] of Object.entries(seed.roles ?? {}))
      project.roles.set(id, {
        title: role.title ?? id,
        includedPermissions: [...role.includedPermissions],
        stage: 'GA',
        deleted: role.deleted ?? false,
        etag: this.nextEtag(),
      });
    for (const bucket of seed.buckets ?? [])
      this.addBucket(project, bucket.name, bucket.location ?? 'US', {
        uniformBucketLevelAccess: bucket.uniformBucketLevelAccess ?? false,
        ...(bucket.bindings ? { bindings: bucket.bindings } : {}),
      });
    return project;
  }

  /** A project by id or number. */
  project(idOrNumber: string): ProjectRecord | undefined {
    const byId = this.projects.get(idOrNumber);
    if (byId) return byId;
    return [...this.projects.values()].find((p) => p.number === idOrNumber);
  }

  /** A service account by email or unique id, in a project (id or number) or in any (`-`). */
  findServiceAccount(
    projectKey: string,
    key: string,
  ): { project: ProjectRecord; account: ServiceAccountRecord } | undefined {
    const projects = projectKey === '-' ? [...this.projects.values()] : [this.project(projectKey)];
    for (const project of projects) {
      if (!project) continue;
      const account =
        project.serviceAccounts.get(key.toLowerCase()) ??
        [...project.serviceAccounts.values()].find((a) => a.uniqueId === key);
      if (account) return { project, account };
    }
    return undefined;
  }

  addServiceAccount(
    project: ProjectRecord,
    accountId: string,
    displayName?: string,
    bindings?: IamBinding[],
  ): ServiceAccountRecord {
    const email = `${accountId}@${project.id}.iam.gserviceaccount.com`;
    const record: ServiceAccountRecord = {
      email,
      accountId,
      uniqueId: String(100000000000000000000n + BigInt(++this.#ids)),
      ...(displayName ? { displayName } : {}),
      disabled: false,
      policy: this.newPolicy(bindings),
    };
    project.serviceAccounts.set(email, record);
    return record;
  }

  addBucket(
    project: ProjectRecord,
    name: string,
    location: string,
    options: {
      uniformBucketLevelAccess?: boolean;
      publicAccessPrevention?: string;
      bindings?: IamBinding[];
    } = {},
  ): BucketRecord {
    const p = project.number;
    // A new bucket's policy: the project's owners, editors and viewers through the legacy roles.
    const defaults: IamBinding[] = [
      {
        role: 'roles/storage.legacyBucketOwner',
        members: [`projectEditor:${project.id}`, `projectOwner:${project.id}`],
      },
      { role: 'roles/storage.legacyBucketReader', members: [`projectViewer:${project.id}`] },
    ];
    const bucket: BucketRecord = {
      name,
      projectNumber: p,
      location: location.toUpperCase(),
      storageClass: 'STANDARD',
      uniformBucketLevelAccess: options.uniformBucketLevelAccess ?? false,
      publicAccessPrevention: options.publicAccessPrevention ?? 'inherited',
      timeCreated: this.now(),
      metageneration: 1,
      policy: { version: 1, bindings: options.bindings ?? defaults, etag: 'CAE=' },
    };
    this.buckets.set(name, bucket);
    return bucket;
  }

  now(): string {
    return new Date(this.clock.now()).toISOString();
  }

  newId(): string {
    return (
      (++this.#ids).toString(36).padStart(6, '0') +
      createHash('sha256').update(String(this.#ids)).digest('hex').slice(0, 10)
    );
  }

  protected serviceAccountExists(email: string): boolean | undefined {
    const [local = '', domain = ''] = email.split('@');
    const agent = /^service-(\d+)$/.exec(local);
    if (agent && domain.startsWith('gcp-sa-'))
      return this.project(agent[1] ?? '')?.serviceAgents.has(email);
    const project = this.projects.get(domain.replace(/\.iam\.gserviceaccount\.com$/, ''));
    return project ? project.serviceAccounts.has(email) : undefined;
  }

  // --- callers and permissions

  /**
   * Who holds a bearer token that is not in `callers`: the journey plugs in the auth emulators'
   * token store, so a workflow's service-account tokens are judged as those accounts.
   */
  identify: ((token: string) => string | undefined) | undefined;

  memberOf(request: EmulatorRequest): string {
    const token = request.bearer;
    return (token && (this.callers.get(token) ?? this.identify?.(token))) || this.caller;
  }

  /** Refuse `permission` (on every resource) from now on, or stop refusing it. */
  denyPermission(permission: string, denied = true): void {
    if (denied) this.#denied.add(permission);
    else this.#denied.delete(permission);
  }

  /** The permissions of a role; custom roles are `projects/P/roles/R` of a seeded project. */
  permissionsOf(role: string): ReadonlySet<string> {
    const custom = /^projects\/([^/]+)\/roles\/([^/]+)$/.exec(role);
    if (custom) {
      const record = this.project(custom[1] ?? '')?.roles.get(custom[2] ?? '');
      return new Set(record && !record.deleted ? record.includedPermissions : []);
    }
    return PREDEFINED_ROLES.get(role) ?? new Set();
  }

  /** Whether `member` holds `permission` through these policies' unconditional bindings. */
  holds(
    member: string,
    permission: string,
    policies: readonly PolicyRecord[],
    project?: ProjectRecord,
  ): boolean {
    if (this.#denied.has(permission)) return false;
    return policies.some((policy) =>
      policy.bindings.some((binding) => {
        if (binding.condition) return false;
        if (!binding.members.some((m) => this.matches(m, member, project))) return false;
        const permissions = this.permissionsOf(binding.role);
        return permissions.has('*') || permissions.has(permission);
      }),
    );
  }

  /** The subset of `permissions` the caller holds on a resource (its policy and its project's). */
  testPermissions(
    member: string,
    permissions: readonly string[],
    policies: readonly PolicyRecord[],
    project?: ProjectRecord,
  ): string[] {
    return permissions.filter((p) => this.holds(member, p, policies, project));
  }

  /** When a call needs `permission`: refused if denied, or if enforcing and not held. */
  refuses(
    member: string,
    permission: string,
    policies: readonly PolicyRecord[],
    project?: ProjectRecord,
  ): boolean {
    if (this.#denied.has(permission)) return true;
    return this.enforcePermissions && !this.holds(member, permission, policies, project);
  }

  private matches(bound: string, caller: string, project: ProjectRecord | undefined): boolean {
    if (bound === caller || bound === 'allUsers') return true;
    if (bound === 'allAuthenticatedUsers') return true;
    const email = /^(user|serviceAccount|group):/;
    if (email.test(bound) && bound.toLowerCase() === caller.toLowerCase()) return true;
    const legacy = /^project(Owner|Editor|Viewer):(.+)$/.exec(bound);
    if (legacy && project && legacy[2] === project.id) {
      const role = `roles/${(legacy[1] ?? '').toLowerCase()}`;
      return project.policy.bindings.some(
        (b) => b.role === role && !b.condition && b.members.includes(caller),
      );
    }
    return false;
  }
}
