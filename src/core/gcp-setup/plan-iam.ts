import type { DesiredState } from './desired-state.js';
import { missingMembers, type WantedMember } from './iam-policy.js';
import type { ObservedState } from './observed-state.js';
import type { PlanBuilder } from './plan-builder.js';

/**
 * The IAM part of the plan: one setIamPolicy per resource that lacks a member. The body names
 * only the members to add; the adapter reads the policy, applies addMembers (iam-policy.ts) and
 * writes it back with the etag it read, re-reading on a 409: computing the whole policy here
 * would overwrite whatever changed since the plan was made.
 */
export function planIam(plan: PlanBuilder, desired: DesiredState, observed: ObservedState): void {
  for (const [resource, wanted] of wantedByResource(plan, desired, observed)) {
    const missing = missingMembers(observed.policies[resource] ?? {}, wanted);
    for (const want of wanted)
      if (!missing.includes(want))
        plan.unchanged.push(`${want.role} on ${resource} for ${want.member}`);
    if (missing.length > 0)
      plan.update(
        serviceOf(resource),
        'setIamPolicy',
        resource,
        `grant ${missing.map((m) => `${m.role} to ${m.member}`).join(', ')} (nothing removed)`,
        { add: missing },
      );
  }
}

/**
 * Grants by resource, in the order of the table. Google creates the Custom Code agent only on
 * first use and refuses grants to an agent that does not exist: those are noted, not planned.
 */
function wantedByResource(
  plan: PlanBuilder,
  desired: DesiredState,
  observed: ObservedState,
): Map<string, WantedMember[]> {
  const byResource = new Map<string, WantedMember[]>();
  let skipped: string | undefined;
  for (const binding of desired.bindings) {
    if (binding.principal === 'vertex-code-agent' && !observed.serviceAgents.vertexCode) {
      skipped = binding.member.replace(/^serviceAccount:/, '');
      continue;
    }
    const list = byResource.get(binding.resource) ?? [];
    list.push({ role: binding.role, member: binding.member });
    byResource.set(binding.resource, list);
  }
  if (skipped)
    plan.notes.push(
      `${skipped} does not exist yet (Google creates it on the first Vertex AI pipeline run): run setup again after it to grant it Artifact Registry read.`,
    );
  return byResource;
}

function serviceOf(resource: string): string {
  if (resource.startsWith('projects/_/buckets/')) return 'storage.googleapis.com';
  if (resource.includes('/repositories/')) return 'artifactregistry.googleapis.com';
  if (resource.includes('/serviceAccounts/')) return 'iam.googleapis.com';
  return 'cloudresourcemanager.googleapis.com';
}
