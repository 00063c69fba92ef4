import { describe, expect, it } from 'vitest';
import {
  addMembers,
  missingMembers,
  type IamBinding,
  type IamPolicy,
  type WantedMember,
} from '../../../src/core/gcp-setup/iam-policy.js';

const AGENT = 'serviceAccount:service-123456789012@gcp-sa-aiplatform.iam.gserviceaccount.com';
const CC_AGENT = 'serviceAccount:service-123456789012@gcp-sa-aiplatform-cc.iam.gserviceaccount.com';
const TRAINER = 'serviceAccount:mlops-training@acme-ml.iam.gserviceaccount.com';
const DEPLOY = 'serviceAccount:mlops-deploy@acme-ml.iam.gserviceaccount.com';
const OWNER = 'user:alice@example.com';

const WITHIN_HOURS: IamBinding = {
  role: 'roles/aiplatform.user',
  members: [TRAINER],
  condition: { title: 'office hours', expression: 'request.time.getHours("UTC") < 18' },
};

/** Policies as Google returns them: agents' roles, owners, a conditional grant, empty. */
const POLICIES: Record<string, IamPolicy> = {
  empty: { etag: 'BwAAAA==' },
  'no bindings key': { etag: 'BwAAAB==', version: 1 },
  'with service agents': {
    etag: 'BwXhX1==',
    version: 1,
    bindings: [
      { role: 'roles/aiplatform.serviceAgent', members: [AGENT] },
      { role: 'roles/aiplatform.customCodeServiceAgent', members: [CC_AGENT] },
      { role: 'roles/owner', members: [OWNER] },
    ],
  },
  'with a conditional grant': {
    etag: 'BwXhX2==',
    version: 3,
    bindings: [WITHIN_HOURS, { role: 'roles/aiplatform.user', members: [OWNER] }],
  },
  'with audit configs': {
    etag: 'BwXhX3==',
    bindings: [{ role: 'roles/artifactregistry.writer', members: [DEPLOY, TRAINER] }],
    auditConfigs: [{ service: 'allServices', auditLogConfigs: [{ logType: 'DATA_READ' }] }],
  },
};

const WANTED: Record<string, WantedMember[]> = {
  one: [{ role: 'roles/aiplatform.user', member: TRAINER }],
  several: [
    { role: 'roles/aiplatform.user', member: DEPLOY },
    { role: 'roles/artifactregistry.writer', member: TRAINER },
    { role: 'roles/artifactregistry.reader', member: AGENT },
    { role: 'roles/artifactregistry.reader', member: CC_AGENT },
  ],
  repeated: [
    { role: 'roles/storage.objectUser', member: TRAINER },
    { role: 'roles/storage.objectUser', member: TRAINER },
  ],
};

/** Every (role, member, condition) of a policy, as comparable strings. */
function grantsOf(policy: IamPolicy): string[] {
  return (policy.bindings ?? []).flatMap((b) =>
    b.members.map((m) => `${b.role} ${m} ${b.condition ? JSON.stringify(b.condition) : '-'}`),
  );
}

describe('addMembers', () => {
  for (const [policyName, policy] of Object.entries(POLICIES))
    for (const [wantedName, wanted] of Object.entries(WANTED))
      it(`${policyName} + ${wantedName}: keeps every grant, adds each wanted one once`, () => {
        const before = structuredClone(policy);
        const after = addMembers(policy, wanted) ?? policy;
        expect(policy).toEqual(before); // the input is not mutated
        const grants = grantsOf(after);
        for (const grant of grantsOf(policy)) expect(grants).toContain(grant);
        for (const { role, member } of wanted)
          expect(grants.filter((g) => g === `${role} ${member} -`)).toHaveLength(1);
        expect(after.etag).toBe(policy.etag);
        expect(after.auditConfigs).toEqual(policy.auditConfigs);
        const conditional = (after.bindings ?? []).some((b) => b.condition !== undefined);
        expect(conditional ? after.version : 3).toBe(3);
        // Applying again changes nothing.
        expect(addMembers(after, wanted)).toBeUndefined();
      });

  it("leaves the service agents' bindings as they were", () => {
    const after = addMembers(POLICIES['with service agents'] ?? {}, WANTED.several ?? []);
    expect(after?.bindings?.slice(0, 3)).toEqual(POLICIES['with service agents']?.bindings);
  });

  it('returns undefined when every member is already there', () => {
    const policy: IamPolicy = {
      etag: 'x',
      bindings: [{ role: 'roles/artifactregistry.writer', members: [DEPLOY, TRAINER] }],
    };
    expect(addMembers(policy, [{ role: 'roles/artifactregistry.writer', member: TRAINER }])).toBe(
      undefined,
    );
  });

  it('adds to the existing unconditional binding of the role', () => {
    const after = addMembers(POLICIES['with a conditional grant'] ?? {}, WANTED.one ?? []);
    expect(after?.bindings).toEqual([
      WITHIN_HOURS,
      { role: 'roles/aiplatform.user', members: [OWNER, TRAINER] },
    ]);
    expect(after?.version).toBe(3);
  });

  it('does not count a conditional grant as the grant setup needs', () => {
    expect(missingMembers({ bindings: [WITHIN_HOURS] }, WANTED.one ?? [])).toEqual(WANTED.one);
  });

  it('matches service account members whatever their case, principals exactly', () => {
    const policy: IamPolicy = {
      bindings: [
        { role: 'r', members: [TRAINER.toUpperCase().replace('SERVICEACCOUNT', 'serviceAccount')] },
        {
          role: 'p',
          members: ['principalSet://iam.googleapis.com/x/attribute.repository/Acme/ML'],
        },
      ],
    };
    expect(missingMembers(policy, [{ role: 'r', member: TRAINER }])).toEqual([]);
    expect(
      missingMembers(policy, [
        { role: 'p', member: 'principalSet://iam.googleapis.com/x/attribute.repository/acme/ml' },
      ]),
    ).toHaveLength(1);
  });

  it('creates the binding of a role the policy lacks', () => {
    expect(addMembers({ etag: 'e' }, WANTED.one ?? [])).toEqual({
      etag: 'e',
      bindings: [{ role: 'roles/aiplatform.user', members: [TRAINER] }],
    });
  });
});
