/**
 * IAM allow policies as the GCP setup emulators keep them (gcp-setup-state.ts holds the world):
 * etags, getIamPolicy's versions, setIamPolicy's checks, and the role → permissions table.
 *
 * - getIamPolicy answers `{version, etag, bindings?}` (`bindings` absent when empty); version is
 *   3 only when a binding has a condition, 1 otherwise (as the discovery docs say). Asked with a
 *   requestedPolicyVersion below 3, a policy holding conditional bindings comes back as version 1
 *   with the condition dropped and `_withcond_<hash>` appended to the role (Resource Manager doc).
 * - setIamPolicy replaces the whole policy; an `etag` other than the current one is refused
 *   (the emulator answers 409 ABORTED "There were concurrent policy changes..." for IAM and
 *   Resource Manager, 412 conditionNotMet for Cloud Storage); no etag overwrites. A conditional
 *   binding needs version 3 (the wording of that refusal is the emulator's). A `serviceAccount:`
 *   member of a known project that does not exist is refused with 400 (Google refuses grants to
 *   a service agent not created yet). Etags are base64 of 8 bytes (`BwAA...`), as IAM's look.
 */
import { createHash } from 'node:crypto';
import type { IamBinding, IamPolicy } from '../../src/core/gcp-setup/iam-policy.js';
import { REQUIREMENTS } from '../../src/core/gcp-setup/permissions.js';

// ---------------------------------------------------------------------------------------------
// Roles and permissions

/**
 * Predefined roles the table in permissions.ts does not hold whole: their contents (or the part
 * the emulators need) from iann0036/iam-dataset gcp/roles, trimmed. `*` means every permission.
 */
const EXTRA_ROLES: Readonly<Record<string, readonly string[]>> = {
  'roles/owner': ['*'],
  'roles/iam.workloadIdentityPoolAdmin': [
    'iam.googleapis.com/workloadIdentityPools.create',
    'iam.googleapis.com/workloadIdentityPools.get',
    'iam.googleapis.com/workloadIdentityPools.delete',
    'iam.googleapis.com/workloadIdentityPools.undelete',
    'iam.googleapis.com/workloadIdentityPools.update',
    'iam.googleapis.com/workloadIdentityPoolProviders.create',
    'iam.googleapis.com/workloadIdentityPoolProviders.get',
    'iam.googleapis.com/workloadIdentityPoolProviders.delete',
    'iam.googleapis.com/workloadIdentityPoolProviders.undelete',
    'iam.googleapis.com/workloadIdentityPoolProviders.update',
  ],
  'roles/iam.serviceAccountAdmin': [
    'iam.serviceAccounts.create',
    'iam.serviceAccounts.get',
    'iam.serviceAccounts.list',
    'iam.serviceAccounts.getIamPolicy',
    'iam.serviceAccounts.setIamPolicy',
  ],
  'roles/iam.serviceAccountCreator': ['iam.serviceAccounts.create'],
  'roles/iam.roleAdmin': [
    'iam.roles.create',
    'iam.roles.get',
    'iam.roles.list',
    'iam.roles.update',
    'iam.roles.delete',
    'iam.roles.undelete',
  ],
  'roles/resourcemanager.projectIamAdmin': [
    'resourcemanager.projects.get',
    'resourcemanager.projects.getIamPolicy',
    'resourcemanager.projects.setIamPolicy',
  ],
  'roles/serviceusage.serviceUsageAdmin': [
    'serviceusage.services.enable',
    'serviceusage.services.get',
    'serviceusage.services.list',
  ],
  'roles/storage.admin': [
    'storage.buckets.create',
    'storage.buckets.get',
    'storage.buckets.list',
    'storage.buckets.getIamPolicy',
    'storage.buckets.setIamPolicy',
    'storage.objects.create',
    'storage.objects.get',
    'storage.objects.list',
    'storage.objects.delete',
  ],
  'roles/storage.legacyBucketOwner': [
    'storage.buckets.get',
    'storage.buckets.getIamPolicy',
    'storage.buckets.setIamPolicy',
    'storage.objects.list',
    'storage.objects.create',
    'storage.objects.delete',
  ],
  'roles/storage.legacyBucketReader': ['storage.buckets.get', 'storage.objects.list'],
  'roles/iam.serviceAccountTokenCreator': [
    'iam.serviceAccounts.get',
    'iam.serviceAccounts.getAccessToken',
    'iam.serviceAccounts.getOpenIdToken',
    'iam.serviceAccounts.implicitDelegation',
    'iam.serviceAccounts.list',
    'iam.serviceAccounts.signBlob',
    'iam.serviceAccounts.signJwt',
  ],
  'roles/iam.workloadIdentityUser': [
    'iam.serviceAccounts.get',
    'iam.serviceAccounts.getAccessToken',
    'iam.serviceAccounts.getOpenIdToken',
    'iam.serviceAccounts.list',
  ],
  'roles/aiplatform.serviceAgent': [
    'artifactregistry.repositories.downloadArtifacts',
    'storage.buckets.get',
    'storage.objects.get',
    'storage.objects.list',
    'iam.serviceAccounts.getAccessToken',
  ],
  'roles/aiplatform.customCodeServiceAgent': [
    'artifactregistry.repositories.downloadArtifacts',
    'storage.objects.get',
    'storage.objects.list',
  ],
};

/** Role → permissions: the product's table (each row's role holds its permissions) and EXTRA_ROLES. */
export const PREDEFINED_ROLES: ReadonlyMap<string, ReadonlySet<string>> = (() => {
  const roles = new Map<string, Set<string>>();
  const add = (role: string, permissions: readonly string[]) => {
    const set = roles.get(role) ?? new Set<string>();
    for (const permission of permissions) set.add(permission);
    roles.set(role, set);
  };
  for (const row of REQUIREMENTS) add(row.role, row.permissions);
  for (const [role, permissions] of Object.entries(EXTRA_ROLES)) add(role, permissions);
  return roles;
})();

// ---------------------------------------------------------------------------------------------
// Policies

export interface PolicyRecord {
  version: number;
  bindings: IamBinding[];
  etag: string;
}

/** Policy rules; GcpWorld extends it with the resources whose accounts members must name. */
export abstract class PolicyRules {
  #concurrentEdits: Array<{ resource?: string; edit?: (policy: PolicyRecord) => void }> = [];
  #etagCounter = 0;

  nextEtag(): string {
    const bytes = Buffer.alloc(8);
    bytes.writeUInt8(7, 0);
    bytes.writeUIntBE(++this.#etagCounter, 2, 6);
    return bytes.toString('base64');
  }

  newPolicy(bindings: IamBinding[] = []): PolicyRecord {
    const version = bindings.some((b) => b.condition) ? 3 : 1;
    return { version, bindings: structuredClone(bindings), etag: this.nextEtag() };
  }

  /** The policy as getIamPolicy answers it for `requestedVersion`. */
  readPolicy(
    policy: PolicyRecord,
    requestedVersion: number,
  ): IamPolicy & { version: number; etag: string } {
    const downgrade = requestedVersion < 3 && policy.bindings.some((b) => b.condition);
    const bindings = policy.bindings.map((b) => {
      if (!downgrade || !b.condition) return structuredClone(b);
      const hash = createHash('sha256').update(b.condition.expression).digest('hex').slice(0, 20);
      return { role: `${b.role}_withcond_${hash}`, members: [...b.members] };
    });
    return {
      version: policy.bindings.some((b) => b.condition) && !downgrade ? 3 : 1,
      etag: policy.etag,
      ...(bindings.length > 0 ? { bindings } : {}),
    };
  }

  /**
   * A concurrent edit: just before the next setIamPolicy (on `resource`, or any), someone else
   * changes the policy (by `edit`, default adding roles/viewer for user:someone-else@example.com)
   * and its etag moves on, so the request's etag is stale.
   */
  concurrentEditNext(resource?: string, edit?: (policy: PolicyRecord) => void): void {
    this.#concurrentEdits.push({ ...(resource ? { resource } : {}), ...(edit ? { edit } : {}) });
  }

  /**
   * setIamPolicy's rules: apply a pending concurrent edit, check the etag, the version and the
   * members; then replace. Returns the new policy, or why it was refused.
   */
  writePolicy(
    policy: PolicyRecord,
    resource: string,
    incoming: unknown,
  ): PolicyRecord | { refused: 'stale' | 'invalid'; message: string } {
    const index = this.#concurrentEdits.findIndex((e) => !e.resource || e.resource === resource);
    const pending = this.#concurrentEdits[index];
    if (pending) {
      this.#concurrentEdits.splice(index, 1);
      if (pending.edit) pending.edit(policy);
      else
        policy.bindings.push({ role: 'roles/viewer', members: ['user:someone-else@example.com'] });
      policy.etag = this.nextEtag();
    }
    if (typeof incoming !== 'object' || incoming === null)
      return { refused: 'invalid', message: 'Request contains an invalid argument.' };
    const next = incoming as { version?: number; etag?: string; bindings?: IamBinding[] };
    if (next.etag !== undefined && next.etag !== policy.etag)
      return {
        refused: 'stale',
        message:
          'There were concurrent policy changes. Please retry the whole read-modify-write with exponential backoff.',
      };
    const bindings = next.bindings ?? [];
    const version = next.version ?? 1;
    if (bindings.some((b) => b.condition) && version < 3)
      return {
        refused: 'invalid',
        message: 'Invalid policy: conditional role bindings require policy version 3.',
      };
    for (const binding of bindings) {
      if (typeof binding.role !== 'string' || !Array.isArray(binding.members))
        return {
          refused: 'invalid',
          message: 'Invalid policy: each binding needs a role and members.',
        };
      for (const member of binding.members as unknown[]) {
        const problem = this.memberProblem(String(member));
        if (problem) return { refused: 'invalid', message: problem };
      }
    }
    const withoutEmpty = bindings.filter((b) => b.members.length > 0);
    policy.bindings = structuredClone(withoutEmpty);
    policy.version = version;
    policy.etag = this.nextEtag();
    return policy;
  }

  /** Whether a service account (or service agent) exists; undefined when its project is unknown. */
  protected abstract serviceAccountExists(email: string): boolean | undefined;

  /** Why Google refuses a member: a service account (or agent) of a known project that does not exist. */
  memberProblem(member: string): string | undefined {
    if (/^serviceAccount:.+@.+\.iam\.gserviceaccount\.com$/i.test(member)) {
      const email = member.slice('serviceAccount:'.length).toLowerCase();
      return this.serviceAccountExists(email) === false
        ? `Service account ${email} does not exist.`
        : undefined;
    }
    if (
      !/^(user|serviceAccount|group|domain|principal|principalSet|deleted:\w+|projectOwner|projectEditor|projectViewer):.+|^allUsers$|^allAuthenticatedUsers$/.test(
        member,
      )
    )
      return `Invalid member: ${member}.`;
    return undefined;
  }
}
