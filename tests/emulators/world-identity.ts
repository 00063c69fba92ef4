/**
 * The auth emulators (google-sts.ts, iam-credentials.ts) and Vertex AI over a GcpWorld, the
 * state `setup gcp` fills through the set-up emulators: providers and service accounts are
 * looked up in the world on every call, so what setup made, and what a test breaks afterwards,
 * decides who authenticates, as on Google.
 *
 * - A provider `projects/N/locations/global/workloadIdentityPools/P/providers/X` is `P/X` of the
 *   project numbered N (a project id there names nothing). It admits tokens while it and its
 *   pool are ACTIVE and not disabled; otherwise STS answers invalid_target. Keys come from its
 *   `oidc.jwksJson` when uploaded, else from `discovery[issuerUri]`: what OIDC discovery would
 *   find (for GitHub's real issuer, the GitHub OIDC emulator's loopback JWKS).
 * - A service account must exist and be enabled; a permission on it is held when a member of the
 *   caller's identity (subject principal, principalSets) has it through an unconditional binding
 *   of the account's policy or its project's, by the world's role table (GcpWorld.holds, which
 *   also honours denyPermission()).
 */
import type { GcpWorld, PoolRecord } from './gcp-setup-state.js';
import {
  compileProvider,
  parseProviderName,
  type ProviderDirectory,
  type ProviderEntry,
} from './google-sts.js';
import { DEFAULT_MAX_LIFETIME_SECONDS, type ServiceAccountDirectory } from './iam-credentials.js';
import type { Jwks } from './jwt.js';
import type { AuthorizationCheck } from './vertex.js';

/** The world's providers as STS sees them; `discovery` maps an issuer to its JWKS URI. */
export function worldProviders(
  world: GcpWorld,
  discovery: Readonly<Record<string, string>>,
): ProviderDirectory {
  return {
    entry: (name): ProviderEntry | undefined => {
      const parsed = parseProviderName(name);
      const project = parsed && world.project(parsed.projectNumber);
      if (!parsed || project?.number !== parsed.projectNumber) return undefined;
      const pool = project.pools.get(parsed.pool);
      const provider = project.providers.get(`${parsed.pool}/${parsed.provider}`);
      if (!pool || !provider) return undefined;
      const live = (record: PoolRecord) => record.state === 'ACTIVE' && !record.disabled;
      const { issuerUri = '', allowedAudiences, jwksJson } = provider.oidc ?? {};
      const jwksUri = discovery[issuerUri];
      return compileProvider({
        name,
        issuerUri,
        ...(jwksJson ? { jwks: JSON.parse(jwksJson) as Jwks } : jwksUri ? { jwksUri } : {}),
        ...(allowedAudiences ? { allowedAudiences } : {}),
        attributeMapping: provider.attributeMapping,
        ...(provider.attributeCondition ? { attributeCondition: provider.attributeCondition } : {}),
        disabled: !live(pool) || !live(provider),
      });
    },
  };
}

/** Whether one of `members` holds `permission` on the account (its policy or its project's). */
function holdsOnAccount(
  world: GcpWorld,
  email: string,
  permission: string,
  members: readonly string[],
): boolean {
  const found = world.findServiceAccount('-', email);
  if (!found) return false;
  const policies = [found.account.policy, found.project.policy];
  return members.some((member) => world.holds(member, permission, policies, found.project));
}

/** The world's service accounts as IAM Credentials sees them. */
export function worldServiceAccounts(world: GcpWorld): ServiceAccountDirectory {
  return {
    get: (email) => {
      const account = world.findServiceAccount('-', email)?.account;
      return (
        account && {
          email: account.email,
          uniqueId: account.uniqueId,
          maxLifetimeSeconds: DEFAULT_MAX_LIFETIME_SECONDS,
          disabled: account.disabled,
        }
      );
    },
    allows: (email, permission, identity) => holdsOnAccount(world, email, permission, identity),
  };
}

/**
 * Vertex AI's IAM over the world (VertexEmulatorOptions.authorize) for the `enforced`
 * permissions: the caller's principal must hold one on the project of the resource
 * (`projects/P/...`), or on the account for `projects/-/serviceAccounts/E` (actAs). Other
 * permissions pass: the world's role table holds only what the product's table names
 * (gcp-setup-policies.ts), less than Google's roles hold. A federated caller is judged by its
 * subject principal alone (Vertex's token check does not carry principalSets).
 */
export function worldAuthorizer(
  world: GcpWorld,
  enforced: readonly string[],
): (check: AuthorizationCheck) => boolean {
  return ({ principal, permission, resource }) => {
    if (!enforced.includes(permission)) return true;
    if (!principal) return false;
    const account = /^projects\/[^/]+\/serviceAccounts\/([^/]+)$/.exec(resource)?.[1];
    if (account) return holdsOnAccount(world, account, permission, [principal]);
    const project = world.project(/^projects\/([^/]+)/.exec(resource)?.[1] ?? '');
    return project !== undefined && world.holds(principal, permission, [project.policy], project);
  };
}
