import { describe, expect, it } from 'vitest';
import { resolveSetupInputs } from '../../../src/core/gcp-setup/setup-inputs.js';
import {
  attributeCondition,
  attributePrincipalSet,
  auditCondition,
  celString,
  desiredProvider,
  evaluateCondition,
  githubMembers,
  GITHUB_ISSUER,
  subjectPrincipal,
  type Claims,
  type OidcProvider,
} from '../../../src/core/gcp-setup/workload-identity.js';
import { CONFIG, INPUTS, PROJECT_NUMBER } from './fixtures.js';

const provider = desiredProvider(CONFIG, PROJECT_NUMBER);
const AUDIENCE = `https://iam.googleapis.com/${provider.name ?? ''}`;

/** A token of a push to main in acme/ml, shaped as GitHub issues it. */
const TOKEN: Claims = {
  iss: GITHUB_ISSUER,
  aud: AUDIENCE,
  sub: 'repo:acme/ml:ref:refs/heads/main',
  repository: 'acme/ml',
  repository_id: '260064828',
  repository_owner: 'acme',
  repository_owner_id: '1342004',
  ref: 'refs/heads/main',
  event_name: 'push',
};

const DEPLOY_TOKEN: Claims = {
  ...TOKEN,
  sub: 'repo:acme/ml:environment:production',
  environment: 'production',
};

const without = (claims: Claims, claim: string): Claims =>
  Object.fromEntries(Object.entries(claims).filter(([key]) => key !== claim));

const claimsOf = (verdict: ReturnType<typeof evaluateCondition>) =>
  verdict.mismatches.map((m) => m.claim);

describe('the provider for GitHub', () => {
  it('conditions on the numeric ids and the name, and maps what bindings use', () => {
    expect(provider.attributeCondition).toBe(
      "assertion.repository_owner_id == '1342004' && assertion.repository_id == '260064828' && assertion.repository == 'acme/ml' && (!has(assertion.environment) || assertion.environment == 'production')",
    );
    expect(provider.attributeMapping).toMatchObject({
      'google.subject': 'assertion.sub',
      'attribute.repository': 'assertion.repository',
      'attribute.repository_id': 'assertion.repository_id',
    });
    expect(provider.issuerUri).toBe('https://token.actions.githubusercontent.com');
  });

  it('adds the branch when one is given', () => {
    const config = resolveSetupInputs({ ...INPUTS, branch: 'main' });
    expect(attributeCondition(config)).toMatch(/ && assertion\.ref == 'refs\/heads\/main'$/);
  });

  it('quotes CEL strings', () => {
    expect(celString("it's a \\ test")).toBe("'it\\'s a \\\\ test'");
  });

  it('names the members of the bindings', () => {
    const pool = `projects/${PROJECT_NUMBER}/locations/global/workloadIdentityPools/github`;
    expect(githubMembers(CONFIG, PROJECT_NUMBER)).toEqual({
      repository: `principalSet://iam.googleapis.com/${pool}/attribute.repository/acme/ml`,
      deployEnvironment: `principal://iam.googleapis.com/${pool}/subject/repo:acme/ml:environment:production`,
    });
    expect(subjectPrincipal('1', 'p', 'repo:a/b:pull_request')).toBe(
      'principal://iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/p/subject/repo:a/b:pull_request',
    );
    expect(attributePrincipalSet('1', 'p', 'repository_id', '42')).toBe(
      'principalSet://iam.googleapis.com/projects/1/locations/global/workloadIdentityPools/p/attribute.repository_id/42',
    );
  });
});

describe('evaluateCondition', () => {
  it('admits the repository, with and without the deploy environment', () => {
    const verdict = evaluateCondition(TOKEN, provider);
    expect(verdict).toMatchObject({ admitted: true, mismatches: [] });
    expect(verdict.attributes).toMatchObject({
      'google.subject': 'repo:acme/ml:ref:refs/heads/main',
      'attribute.repository_id': '260064828',
    });
    expect(evaluateCondition(DEPLOY_TOKEN, provider).admitted).toBe(true);
  });

  it('refuses a repository with the same name but another id, naming repository_id', () => {
    const verdict = evaluateCondition({ ...TOKEN, repository_id: '999999' }, provider);
    expect(verdict.admitted).toBe(false);
    expect(claimsOf(verdict)).toEqual(['repository_id']);
    expect(verdict.mismatches[0]?.message).toContain('repository_id is "999999"');
    expect(verdict.mismatches[0]?.expected).toBe("assertion.repository_id == '260064828'");
  });

  it('refuses a re-registered owner name, naming repository_owner_id', () => {
    const verdict = evaluateCondition(
      { ...TOKEN, repository_owner_id: '31337', repository_id: '999999' },
      provider,
    );
    expect(claimsOf(verdict)).toEqual(['repository_owner_id', 'repository_id']);
  });

  it('refuses a fork, naming every claim that differs', () => {
    const fork: Claims = {
      ...TOKEN,
      sub: 'repo:mallory/ml:ref:refs/heads/main',
      repository: 'mallory/ml',
      repository_id: '555',
      repository_owner: 'mallory',
      repository_owner_id: '777',
    };
    expect(claimsOf(evaluateCondition(fork, provider))).toEqual([
      'repository_owner_id',
      'repository_id',
      'repository',
    ]);
  });

  it('refuses another environment of the same repository, naming environment', () => {
    const verdict = evaluateCondition(
      { ...DEPLOY_TOKEN, environment: 'staging', sub: 'repo:acme/ml:environment:staging' },
      provider,
    );
    expect(claimsOf(verdict)).toEqual(['environment']);
    expect(verdict.mismatches[0]?.actual).toBe('staging');
  });

  it('refuses another branch when the condition names one', () => {
    const branchProvider = desiredProvider(
      resolveSetupInputs({ ...INPUTS, branch: 'main' }),
      PROJECT_NUMBER,
    );
    expect(evaluateCondition(TOKEN, branchProvider).admitted).toBe(true);
    const verdict = evaluateCondition({ ...TOKEN, ref: 'refs/heads/dev' }, branchProvider);
    expect(claimsOf(verdict)).toEqual(['ref']);
  });

  it('names a claim the token lacks', () => {
    const verdict = evaluateCondition(without(TOKEN, 'repository_id'), provider);
    expect(verdict.mismatches[0]).toMatchObject({ claim: 'repository_id', actual: undefined });
    expect(verdict.mismatches[0]?.message).toContain('the token has no repository_id claim');
  });

  it('refuses another issuer and another audience', () => {
    const verdict = evaluateCondition(
      { ...TOKEN, iss: 'https://ghe.example.com/_services/token', aud: 'sts.amazonaws.com' },
      provider,
    );
    expect(claimsOf(verdict)).toEqual(['iss', 'aud']);
  });

  it('follows attribute.* through the mapping to the claim', () => {
    const custom: OidcProvider = {
      issuerUri: GITHUB_ISSUER,
      attributeMapping: {
        'google.subject': 'assertion.sub',
        'attribute.repo': 'assertion.repository',
      },
      attributeCondition: "attribute.repo == 'acme/ml' && google.subject.startsWith('repo:acme/')",
    };
    expect(evaluateCondition(TOKEN, custom).admitted).toBe(true);
    const verdict = evaluateCondition(
      { ...TOKEN, repository: 'acme/other', sub: 'repo:acme/other:ref:refs/heads/main' },
      custom,
    );
    expect(claimsOf(verdict)).toEqual(['repository']);
  });

  it('refuses a subject over 127 bytes and a token without a subject', () => {
    const long = evaluateCondition(
      { ...TOKEN, sub: `repo:acme/ml:ref:${'x'.repeat(120)}` },
      provider,
    );
    expect(long.mismatches[0]?.message).toContain('over 127 bytes');
    expect(claimsOf(evaluateCondition(without(TOKEN, 'sub'), provider))).toEqual(['sub']);
  });

  it('reports a condition that is not CEL', () => {
    const broken = { ...provider, attributeCondition: 'assertion.repository ==' };
    expect(claimsOf(evaluateCondition(TOKEN, broken))).toEqual(['condition']);
  });
});

describe('auditCondition', () => {
  it('finds nothing wrong with the condition setup writes', () => {
    expect(auditCondition(provider)).toEqual([]);
  });

  it('reports a provider without a condition as open to every repository', () => {
    expect(auditCondition({ ...provider, attributeCondition: '' })).toEqual([
      'the provider has no attribute condition: every GitHub repository can use it',
    ]);
  });

  it('reports a name-only condition (cybersquatting) and an owner-wide one', () => {
    expect(
      auditCondition({ ...provider, attributeCondition: "assertion.repository == 'acme/ml'" }),
    ).toEqual([expect.stringContaining('re-registered')]);
    expect(
      auditCondition({ ...provider, attributeCondition: "assertion.repository_owner_id == '1'" }),
    ).toEqual([expect.stringContaining('every repository of the owner')]);
  });
});
