import type { DesiredState } from './desired-state.js';
import { row, setupCommand, shellQuote, type CheckRow, type DoctorFacts } from './doctor-facts.js';
import {
  auditCondition,
  evaluateCondition,
  GITHUB_ISSUER,
  type Claims,
  type OidcProvider,
} from './workload-identity.js';

/**
 * Doctor's checks of keyless authentication: the workload identity pool and provider as Google
 * holds them, the provider's condition and attribute mapping judged against sample claims of
 * this repository and of another, and the running workflow's own token.
 */

export function identityChecks(facts: DoctorFacts): CheckRow[] {
  const { desired, observed } = facts;
  const { config } = desired;
  const pools = `gcloud iam workload-identity-pools`;
  const where = `--location=global --project=${config.projectId}`;
  const rows: CheckRow[] = [];
  if (config.providerProjectNumber && config.providerProjectNumber !== observed.projectNumber)
    rows.push(
      row(
        'Provider project',
        'fail',
        `the provider name given is in project number ${config.providerProjectNumber}, but ${config.projectId} is number ${observed.projectNumber ?? '?'}`,
        `Use the provider of project ${config.projectId}: ${desired.provider.name}`,
      ),
    );

  const pool = observed.pool;
  if (!pool)
    rows.push(
      row('Identity pool', 'fail', `${desired.pool.name} does not exist`, setupCommand(desired)),
    );
  else if (pool.state === 'DELETED')
    rows.push(
      row(
        'Identity pool',
        'fail',
        `${config.pool} was deleted (Google keeps it 30 days)`,
        `${pools} undelete ${config.pool} ${where}`,
      ),
    );
  else if (pool.disabled)
    rows.push(
      row(
        'Identity pool',
        'fail',
        `${config.pool} is disabled: no token can be exchanged`,
        `${pools} update ${config.pool} --no-disabled ${where}`,
      ),
    );
  else rows.push(row('Identity pool', 'pass', `${config.pool} is active`));

  const provider = observed.provider;
  const providerFlags = `${config.provider} --workload-identity-pool=${config.pool} ${where}`;
  if (!provider) {
    rows.push(
      row(
        'OIDC provider',
        'fail',
        `${desired.provider.name} does not exist`,
        setupCommand(desired),
      ),
    );
    return rows;
  }
  const problems: string[] = [];
  if (provider.state === 'DELETED') problems.push('it was deleted (Google keeps it 30 days)');
  if (provider.disabled) problems.push('it is disabled');
  if (provider.issuerUri !== GITHUB_ISSUER)
    problems.push(`its issuer is ${provider.issuerUri ?? 'not OIDC'}, not ${GITHUB_ISSUER}`);
  rows.push(
    problems.length === 0
      ? row('OIDC provider', 'pass', `${config.provider} is active, issuer ${GITHUB_ISSUER}`)
      : row(
          'OIDC provider',
          'fail',
          `${config.provider}: ${problems.join('; ')}`,
          provider.state === 'DELETED'
            ? `${pools} providers undelete ${providerFlags}`
            : `${pools} providers update-oidc ${providerFlags} --issuer-uri=${GITHUB_ISSUER} --no-disabled`,
        ),
  );
  rows.push(conditionCheck(desired, providedAsRead(facts), providerFlags));
  rows.push(mappingCheck(desired, provider.attributeMapping ?? {}, providerFlags));
  return rows;
}

/** The provider as Google holds it, in the shape the CEL checks read. */
function providedAsRead({ desired, observed }: DoctorFacts): OidcProvider {
  return {
    name: desired.provider.name,
    issuerUri: observed.provider?.issuerUri ?? '',
    attributeMapping: observed.provider?.attributeMapping ?? {},
    ...(observed.provider?.attributeCondition
      ? { attributeCondition: observed.provider.attributeCondition }
      : {}),
  };
}

/**
 * The condition's security: findings of auditCondition, then two sample tokens: one of this
 * repository (it must be admitted) and one of another repository of the same owner (refused).
 */
function conditionCheck(
  desired: DesiredState,
  provider: OidcProvider,
  providerFlags: string,
): CheckRow {
  const check = 'Provider condition';
  const fix = `gcloud iam workload-identity-pools providers update-oidc ${providerFlags} --attribute-condition=${shellQuote(desired.provider.attributeCondition ?? '')}`;
  const findings = auditCondition(provider);
  if (findings.length > 0) return row(check, 'fail', `SECURITY: ${findings.join('; ')}`, fix);
  const own = evaluateCondition(sampleClaims(desired, 'own'), provider);
  if (!own.admitted)
    return row(
      check,
      'fail',
      `it refuses this repository's tokens: ${own.mismatches.map((m) => m.message).join('; ')}`,
      fix,
    );
  if (evaluateCondition(sampleClaims(desired, 'other'), provider).admitted)
    return row(
      check,
      'fail',
      `SECURITY: it admits tokens of another repository of ${desired.config.owner}`,
      fix,
    );
  return row(check, 'pass', `admits ${desired.config.repository} (by id and name) only`);
}

/** A push token's claims: of this repository, or of a sibling with another name and id. */
function sampleClaims(desired: DesiredState, whose: 'own' | 'other'): Claims {
  const { config } = desired;
  const repository = whose === 'own' ? config.repository : `${config.owner}/${config.name}-other`;
  const ref = `refs/heads/${config.branch ?? 'main'}`;
  return {
    iss: GITHUB_ISSUER,
    aud: `https://iam.googleapis.com/${desired.provider.name}`,
    sub: `repo:${repository}:ref:${ref}`,
    repository,
    repository_id: whose === 'own' ? config.repositoryId : `${config.repositoryId}0`,
    repository_owner_id: config.repositoryOwnerId,
    ref,
  };
}

/** The mapped attributes the bindings' members name (google.subject, attribute.repository). */
function mappingCheck(
  desired: DesiredState,
  mapping: Readonly<Record<string, string>>,
  providerFlags: string,
): CheckRow {
  const used = new Set<string>();
  for (const binding of desired.bindings) {
    if (binding.member.includes('/subject/')) used.add('google.subject');
    const attribute = /\/attribute\.([^/]+)\//.exec(binding.member)?.[1];
    if (attribute) used.add(`attribute.${attribute}`);
  }
  const wrong = [...used].filter((key) => mapping[key] !== desired.provider.attributeMapping[key]);
  if (wrong.length === 0)
    return row(
      'Attribute mapping',
      'pass',
      `maps ${[...used].join(', ')} as the bindings use them`,
    );
  const wanted = Object.entries(desired.provider.attributeMapping)
    .map(([key, value]) => `${key}=${value}`)
    .join(',');
  return row(
    'Attribute mapping',
    'fail',
    wrong
      .map(
        (key) =>
          `${key} is ${mapping[key] ?? 'not mapped'}, the bindings need ${desired.provider.attributeMapping[key]}`,
      )
      .join('; '),
    `gcloud iam workload-identity-pools providers update-oidc ${providerFlags} --attribute-mapping=${shellQuote(wanted)}`,
  );
}

export function claimsCheck(facts: DoctorFacts): CheckRow {
  const check = 'Workflow token';
  if (!facts.claims)
    return row(check, 'skip', 'not in a workflow with id-token: write: no GitHub token to check');
  // Unreadable: judged by the condition setup makes, which the provider should hold.
  if (facts.unreadable === undefined && !facts.observed.provider)
    return row(check, 'skip', 'the provider does not exist (see above)');
  const provider = facts.unreadable === undefined ? providedAsRead(facts) : facts.desired.provider;
  const verdict = evaluateCondition(facts.claims, provider);
  if (verdict.admitted)
    return row(
      check,
      'pass',
      `the provider admits this job's token (${verdict.attributes['google.subject'] ?? ''})`,
    );
  return row(
    check,
    'fail',
    `the provider would refuse this job's token: ${verdict.mismatches.map((m) => m.message).join('; ')}`,
    `Run from what the provider admits, or set its condition to this repository's: ${setupCommand(facts.desired)}`,
  );
}
