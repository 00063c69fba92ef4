/**
 * Additive edits of IAM allow policies (project, bucket, repository, service account — they share
 * one shape). setIamPolicy replaces the whole policy, so setup must read, add only the members it
 * is missing and write back with the etag it read: a whole-policy overwrite would revoke the
 * service agents' roles (cloud.google.com/iam/docs/create-service-agents), and the etag makes a
 * concurrent change fail with 409 ABORTED instead of being lost (the adapter then re-reads and
 * calls addMembers again).
 */

export interface IamCondition {
  readonly expression: string;
  readonly title: string;
  readonly description?: string;
}

export interface IamBinding {
  readonly role: string;
  readonly members: readonly string[];
  readonly condition?: IamCondition;
}

export interface IamPolicy {
  readonly bindings?: readonly IamBinding[];
  readonly etag?: string;
  readonly version?: number;
  /** Kept as read (project policies carry audit configs). */
  readonly auditConfigs?: readonly unknown[];
}

export interface WantedMember {
  readonly role: string;
  readonly member: string;
}

/**
 * Policies with a conditional binding must be written as version 3; otherwise Google refuses
 * the write. (Read them with requestedPolicyVersion 3 too, or conditions come back mangled.)
 */
const CONDITIONAL_VERSION = 3;

/** The wanted members not already granted their role without a condition. */
export function missingMembers(policy: IamPolicy, wanted: readonly WantedMember[]): WantedMember[] {
  const missing: WantedMember[] = [];
  for (const want of wanted) {
    const granted = (policy.bindings ?? []).some(
      (binding) =>
        binding.role === want.role &&
        binding.condition === undefined &&
        binding.members.some((member) => sameMember(member, want.member)),
    );
    const listed = missing.some((m) => m.role === want.role && sameMember(m.member, want.member));
    if (!granted && !listed) missing.push(want);
  }
  return missing;
}

/**
 * The policy with every missing (role, member) added, or undefined when nothing is missing.
 * Nothing is removed or reordered: bindings and members already there (the service agents',
 * conditional ones, other people's) are kept as read; the etag is kept so the write is refused
 * if someone changed the policy meanwhile. A member granted a role only under a condition gets
 * an unconditional grant beside it: the condition may not admit what the product needs.
 */
export function addMembers(
  policy: IamPolicy,
  wanted: readonly WantedMember[],
): IamPolicy | undefined {
  const missing = missingMembers(policy, wanted);
  if (missing.length === 0) return undefined;
  const bindings: IamBinding[] = [...(policy.bindings ?? [])];
  for (const want of missing) {
    const index = bindings.findIndex((b) => b.role === want.role && b.condition === undefined);
    const existing = bindings[index];
    if (existing) bindings[index] = { ...existing, members: [...existing.members, want.member] };
    else bindings.push({ role: want.role, members: [want.member] });
  }
  const conditional = bindings.some((b) => b.condition !== undefined);
  const version = conditional ? CONDITIONAL_VERSION : policy.version;
  return { ...policy, bindings, ...(version === undefined ? {} : { version }) };
}

/**
 * Google lowercases the email part of user/serviceAccount/group members; principal:// and
 * principalSet:// identifiers are case-sensitive (the GitHub repository name is matched as is).
 */
function sameMember(a: string, b: string): boolean {
  if (a === b) return true;
  const emailKind = /^(user|serviceAccount|group|domain):/;
  return emailKind.test(a) && emailKind.test(b) && a.toLowerCase() === b.toLowerCase();
}
