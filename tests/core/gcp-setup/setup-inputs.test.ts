import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/core/errors.js';
import {
  resolveSetupInputs,
  SETUP_DEFAULTS,
  type SetupInputs,
} from '../../../src/core/gcp-setup/setup-inputs.js';
import { INPUTS } from './fixtures.js';

function refusal(overrides: Partial<SetupInputs>): UserError {
  try {
    resolveSetupInputs({ ...INPUTS, ...overrides });
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error(`accepted ${JSON.stringify(overrides)}`);
}

describe('setup inputs', () => {
  it('fills in the documented defaults', () => {
    const config = resolveSetupInputs(INPUTS);
    expect(config).toMatchObject({
      projectId: 'acme-ml',
      owner: 'acme',
      name: 'ml',
      bucket: 'acme-ml-mlops',
      environment: 'production',
      branch: undefined,
      dockerRepository: SETUP_DEFAULTS.dockerRepository,
      kfpRepository: SETUP_DEFAULTS.kfpRepository,
      trainingServiceAccount: 'mlops-training',
      deployServiceAccount: 'mlops-deploy',
      pipelineServiceAccount: 'mlops-pipelines',
      pool: 'github',
      provider: 'mlops',
    });
  });

  it('takes the forms the workflow variables hold', () => {
    const config = resolveSetupInputs({
      ...INPUTS,
      bucket: 'gs://acme-runs/pipeline-root',
      dockerRepository: 'europe-west4-docker.pkg.dev/acme-ml/team-images',
      trainingServiceAccount: 'ci-trainer@acme-ml.iam.gserviceaccount.com',
      provider:
        'projects/987654321098/locations/global/workloadIdentityPools/gh-pool/providers/gh-actions',
    });
    expect(config).toMatchObject({
      bucket: 'acme-runs',
      dockerRepository: 'team-images',
      trainingServiceAccount: 'ci-trainer',
      pool: 'gh-pool',
      provider: 'gh-actions',
      providerProjectNumber: '987654321098',
    });
  });

  it('keeps names that are given, trimmed', () => {
    const config = resolveSetupInputs({
      ...INPUTS,
      bucket: ' acme.ml_root ',
      environment: 'prod eu',
      branch: 'release/2.x',
      trainingServiceAccount: 'ci-trainer',
    });
    expect(config).toMatchObject({
      bucket: 'acme.ml_root',
      environment: 'prod eu',
      branch: 'release/2.x',
      trainingServiceAccount: 'ci-trainer',
    });
  });

  it.each<[string, Partial<SetupInputs>, string]>([
    ['project id too short', { projectId: 'acme' }, 'project ID'],
    ['project id with a capital', { projectId: 'Acme-ml' }, 'project ID'],
    ['project id starting with a digit', { projectId: '1acme-ml' }, 'project ID'],
    ['project id ending with a hyphen', { projectId: 'acme-ml-' }, 'project ID'],
    ['project id too long', { projectId: `a${'b'.repeat(30)}` }, 'project ID'],
    ['project id with an underscore', { projectId: 'acme_ml' }, 'project ID'],
    [
      'a region without Vertex AI Pipelines',
      { region: 'europe-west99' },
      'VERTEX_PIPELINES_REGIONS',
    ],
    ['a multi-region', { region: 'us' }, 'Vertex AI Pipelines runs'],
    ['a zone', { region: 'us-central1-a' }, 'Vertex AI Pipelines runs'],
    ['bucket too short', { bucket: 'ab' }, '3–63 characters'],
    ['bucket too long', { bucket: 'a'.repeat(64) }, '3–63 characters'],
    ['bucket with a capital', { bucket: 'Acme-ml' }, 'lowercase'],
    ['bucket starting with a hyphen', { bucket: '-acme' }, 'start and end'],
    ['bucket ending with a dot', { bucket: 'acme.' }, 'start and end'],
    ['bucket starting with goog', { bucket: 'googacme' }, 'goog'],
    ['bucket containing google', { bucket: 'acme-google-ml' }, 'google'],
    ['bucket that is an IP address', { bucket: '192.168.5.4' }, 'IP addresses'],
    ['repository that is a URL', { repository: 'https://github.com/acme/ml' }, 'OWNER/NAME'],
    ['repository without owner', { repository: 'ml' }, 'OWNER/NAME'],
    ['repository owner with two hyphens', { repository: 'ac--me/ml' }, 'OWNER/NAME'],
    ['repository id that is a name', { repositoryId: 'acme/ml' }, 'GET /repos/OWNER/NAME → .id'],
    ['owner id that is not a number', { repositoryOwnerId: '12a' }, '.owner.id'],
    ['environment with a quote', { environment: "prod'" }, 'no quotes'],
    ['branch given as a ref', { branch: 'refs/heads/main' }, 'without refs/heads/'],
    ['branch with ..', { branch: 'a..b' }, 'without refs/heads/'],
    ['service account id too short', { trainingServiceAccount: 'ci' }, 'part before @'],
    [
      'a service account of another project',
      { deployServiceAccount: 'deploy@other.iam.gserviceaccount.com' },
      '@acme-ml.iam.gserviceaccount.com',
    ],
    ['service account id ending with a hyphen', { pipelineServiceAccount: 'pipes-' }, 'before @'],
    ['repository id with a capital', { dockerRepository: 'Images' }, '1–63 lowercase'],
    ['repository id starting with a digit', { kfpRepository: '1kfp' }, '1–63 lowercase'],
    ['pool id with the reserved prefix', { pool: 'gcp-github' }, 'reserved'],
    ['provider id too short', { provider: 'gh' }, '4–32'],
  ])('refuses %s, with its fix', (_, overrides, fix) => {
    const error = refusal(overrides);
    expect(error.details).toEqual([]);
    expect(error.fix).toContain(fix);
  });

  it('reports every problem at once, each with its fix', () => {
    const error = refusal({
      projectId: 'X',
      region: 'mars-north1',
      bucket: 'goog',
      repository: 'not a repo',
      kfpRepository: 'KFP',
    });
    expect(error.message).toBe('5 inputs of setup gcp are invalid');
    expect(error.details.map((detail) => detail.split(':')[0])).toEqual([
      'project-id',
      'repository',
      'region',
      'bucket',
      'kfp-repository',
    ]);
    for (const detail of error.details) expect(detail).toContain('Fix: ');
    expect(error.describe()).toContain('mars-north1" has no Vertex AI Pipelines');
  });

  it('refuses one account for two roles: training must not act as the deploy account', () => {
    const error = refusal({ trainingServiceAccount: 'mlops-ci', deployServiceAccount: 'mlops-ci' });
    expect(error.message).toContain('must differ');
  });

  it('refuses one repository for both formats', () => {
    expect(refusal({ kfpRepository: SETUP_DEFAULTS.dockerRepository }).fix).toContain('its own id');
  });

  it('refuses a deploy subject over the 127-byte attribute limit', () => {
    const error = refusal({ environment: 'e'.repeat(120) });
    expect(error.message).toContain('127-byte');
  });
});
