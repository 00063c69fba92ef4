import { claimsIn, conjuncts, GOOGLE_ALIAS, parsed, tryEvaluate } from './condition-cel.js';
import { excerpt } from '../errors.js';
import type { SetupConfig } from './setup-inputs.js';

/**
 * The OIDC provider `setup gcp` creates for GitHub, the members it binds, and a local check of a
 * GitHub token against a provider, so `doctor` can say which claim a refused exchange tripped
 * on (Google's STS only answers `unauthorized_client`). Expressions are evaluated by a real CEL
 * engine, the same language Google evaluates them in.
 */

export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';

/** A provider as Google returns it (the fields the check needs). */
export interface OidcProvider {
  /** projects/NUMBER/locations/global/workloadIdentityPools/POOL/providers/ID, when known. */
  readonly name?: string;
  readonly issuerUri: string;
  readonly allowedAudiences?: readonly string[];
  readonly attributeMapping: Readonly<Record<string, string>>;
  readonly attributeCondition?: string;
}

/**
 * Maps the claims the condition and bindings use. The numeric ids are mapped so a binding can
 * name them (`attribute.repository_id/ID`); `ref` is there for branch-scoped bindings.
 * The environment is not mapped: jobs without one would fail the mapping.
 */
export const ATTRIBUTE_MAPPING: Readonly<Record<string, string>> = {
  'google.subject': 'assertion.sub',
  'attribute.repository': 'assertion.repository',
  'attribute.repository_id': 'assertion.repository_id',
  'attribute.repository_owner_id': 'assertion.repository_owner_id',
  'attribute.ref': 'assertion.ref',
};

/** A CEL string literal: single quotes, with backslashes and quotes escaped. */
export function celString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/**
 * Admits only this repository: by its numeric ids, which a re-registered name cannot take over
 * (auth SECURITY_CONSIDERATIONS), and by its name, so a transferred repository stops matching.
 * A job in another environment of the same repository is refused, jobs in none are admitted
 * (training runs in none). A branch, when given, refuses every other ref.
 * `has()` on an absent claim is standard CEL; that Google's evaluator accepts it in a provider
 * condition is UNCONFIRMED (not in the reference): the emulator tests and a real project must show it.
 */
export function attributeCondition(config: SetupConfig): string {
  const parts = [
    `assertion.repository_owner_id == ${celString(config.repositoryOwnerId)}`,
    `assertion.repository_id == ${celString(config.repositoryId)}`,
    `assertion.repository == ${celString(config.repository)}`,
    `(!has(assertion.environment) || assertion.environment == ${celString(config.environment)})`,
  ];
  if (config.branch !== undefined)
    parts.push(`assertion.ref == ${celString(`refs/heads/${config.branch}`)}`);
  return parts.join(' && ');
}

export function desiredProvider(config: SetupConfig, projectNumber: string): OidcProvider {
  return {
    name: providerName(projectNumber, config.pool, config.provider),
    issuerUri: GITHUB_ISSUER,
    // Empty: Google then accepts the provider's own name, which google-github-actions/auth sends.
    allowedAudiences: [],
    attributeMapping: ATTRIBUTE_MAPPING,
    attributeCondition: attributeCondition(config),
  };
}

export function poolName(projectNumber: string, pool: string): string {
  return `projects/${projectNumber}/locations/global/workloadIdentityPools/${pool}`;
}

export function providerName(projectNumber: string, pool: string, provider: string): string {
  return `${poolName(projectNumber, pool)}/providers/${provider}`;
}

/** One identity: the token whose `sub` is exactly `subject`. */
export function subjectPrincipal(projectNumber: string, pool: string, subject: string): string {
  return `principal://iam.googleapis.com/${poolName(projectNumber, pool)}/subject/${subject}`;
}

/** Every identity of the pool with `attribute.NAME == value`. */
export function attributePrincipalSet(
  projectNumber: string,
  pool: string,
  attribute: string,
  value: string,
): string {
  return `principalSet://iam.googleapis.com/${poolName(projectNumber, pool)}/attribute.${attribute}/${value}`;
}

/** The subject GitHub gives jobs that name the deploy environment (docs/google-cloud.md). */
export function deploySubject(config: SetupConfig): string {
  return `repo:${config.repository}:environment:${config.environment}`;
}

/** The members setup binds with roles/iam.workloadIdentityUser. */
export function githubMembers(config: SetupConfig, projectNumber: string) {
  return {
    repository: attributePrincipalSet(projectNumber, config.pool, 'repository', config.repository),
    deployEnvironment: subjectPrincipal(projectNumber, config.pool, deploySubject(config)),
  };
}

/** Why a provider would refuse (or wrongly admit) a token, naming the claim. */
export interface ClaimMismatch {
  /** The claim (`repository_id`), or the expression when it reads none. */
  readonly claim: string;
  readonly actual: string | undefined;
  /** The part of the condition (or mapping, issuer, audience) that did not hold. */
  readonly expected: string;
  readonly message: string;
}

export interface ConditionVerdict {
  readonly admitted: boolean;
  readonly mismatches: readonly ClaimMismatch[];
  /** google.subject and attribute.* as the mapping gives them for these claims. */
  readonly attributes: Readonly<Record<string, string>>;
}

export type Claims = Readonly<Record<string, unknown>>;

/** Google refuses a mapped attribute over 127 bytes (auth TROUBLESHOOTING). */
const MAX_ATTRIBUTE_BYTES = 127;

/** Checks a GitHub token's claims against a provider locally, as Google STS would. */
export function evaluateCondition(claims: Claims, provider: OidcProvider): ConditionVerdict {
  const mismatches: ClaimMismatch[] = [];
  if (claims.iss !== provider.issuerUri)
    mismatches.push(
      mismatch(
        'iss',
        claims.iss,
        `iss == ${provider.issuerUri}`,
        'the token comes from another issuer',
      ),
    );
  const audiences = provider.allowedAudiences?.length
    ? provider.allowedAudiences
    : provider.name
      ? [`https://iam.googleapis.com/${provider.name}`]
      : [];
  const aud = Array.isArray(claims.aud) ? (claims.aud as unknown[]) : [claims.aud];
  if (audiences.length > 0 && !aud.some((a) => typeof a === 'string' && audiences.includes(a)))
    mismatches.push(
      mismatch(
        'aud',
        claims.aud,
        `aud in [${audiences.join(', ')}]`,
        "the token's audience is not one the provider allows",
      ),
    );

  const attributes: Record<string, string> = {};
  for (const [key, expression] of Object.entries(provider.attributeMapping)) {
    const value = tryEvaluate(expression, { assertion: claims });
    if (typeof value === 'string') {
      attributes[key] = value;
      if (new TextEncoder().encode(value).length > MAX_ATTRIBUTE_BYTES)
        mismatches.push(
          mismatch(
            claimsIn(expression, provider.attributeMapping)[0] ?? key,
            value,
            `${key} ≤ ${MAX_ATTRIBUTE_BYTES} bytes`,
            `mapped attribute ${key} is over ${MAX_ATTRIBUTE_BYTES} bytes`,
          ),
        );
    } else if (key === 'google.subject') {
      // Google needs a subject; other attributes whose claim is absent are left out.
      mismatches.push(
        mismatch(
          claimsIn(expression, provider.attributeMapping)[0] ?? key,
          undefined,
          `${key}=${expression}`,
          'the mapping gives no google.subject',
        ),
      );
    }
  }

  const condition = provider.attributeCondition?.trim() ?? '';
  if (condition !== '') {
    const context = {
      assertion: claims,
      attribute: attributeTree(attributes),
      [GOOGLE_ALIAS]: { subject: attributes['google.subject'] },
    };
    if (tryEvaluate(condition, context) !== true) {
      const root = parsed(condition);
      if (!root)
        mismatches.push(
          mismatch('condition', undefined, condition, 'the attribute condition is not valid CEL'),
        );
      for (const part of root ? conjuncts(root) : []) {
        const text = condition.slice(part.start, part.end);
        if (tryEvaluate(text, context) === true) continue;
        const names = claimsIn(text, provider.attributeMapping);
        const claim = names[0] ?? text;
        mismatches.push(
          mismatch(
            claim,
            names[0] === undefined ? undefined : claims[names[0]],
            text,
            'the attribute condition refuses it',
          ),
        );
      }
    }
  }
  return { admitted: mismatches.length === 0, mismatches, attributes };
}

/**
 * Security findings on a provider's condition, for doctor: none at all admits every GitHub
 * repository; names alone can be re-registered by someone else once deleted.
 */
export function auditCondition(provider: OidcProvider): string[] {
  const condition = provider.attributeCondition?.trim() ?? '';
  if (condition === '')
    return ['the provider has no attribute condition: every GitHub repository can use it'];
  const used = new Set(claimsIn(condition, provider.attributeMapping));
  const findings: string[] = [];
  if (!used.has('repository_id') && !used.has('repository_owner_id'))
    findings.push(
      'the attribute condition names no numeric id (repository_id, repository_owner_id): a deleted repository or owner name can be re-registered by someone else',
    );
  if (!used.has('repository') && !used.has('repository_id'))
    findings.push('the attribute condition admits every repository of the owner');
  return findings;
}

/** `attribute.repository` is read as a field of `attribute`; mapping keys carry the prefix. */
function attributeTree(attributes: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(attributes)
      .filter(([key]) => key.startsWith('attribute.'))
      .map(([key, value]) => [key.slice('attribute.'.length), value]),
  );
}

function mismatch(claim: string, actual: unknown, expected: string, why: string): ClaimMismatch {
  const shown =
    actual === undefined ? undefined : typeof actual === 'string' ? actual : JSON.stringify(actual);
  const said =
    shown === undefined
      ? `the token has no ${claim} claim`
      : `${claim} is "${excerpt(shown, 120)}"`;
  return { claim, actual: shown, expected, message: `${said}: ${why} (${excerpt(expected, 200)})` };
}
