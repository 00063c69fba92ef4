import { describe, expect, it } from 'vitest';
import {
  explainMissingPermission,
  grants,
  requirementsOf,
  trainerRolePermissions,
} from '../../../src/core/gcp-setup/permission-lookup.js';
import { REQUIREMENTS } from '../../../src/core/gcp-setup/permissions.js';

describe('the permissions table', () => {
  it('covers every command the product calls Google for', () => {
    const commands = new Set(REQUIREMENTS.map((r) => r.command));
    for (const command of [
      'auth',
      'build',
      'run --vertex',
      'deploy',
      'gate',
      'schedule',
      'publish',
      'setup gcp',
    ])
      expect(commands).toContain(command);
  });

  it('names a predefined role and a source for every row', () => {
    for (const row of REQUIREMENTS) {
      expect(row.role).toMatch(/^roles\/[a-zA-Z]+\.[a-zA-Z]+$/);
      expect(row.permissions.length).toBeGreaterThan(0);
      expect(row.source).not.toBe('');
    }
  });

  it('gives training the documented mlopsTrainer permissions, none that deploy', () => {
    const permissions = trainerRolePermissions();
    expect([...permissions].sort()).toEqual(
      [
        'aiplatform.pipelineJobs.create',
        'aiplatform.pipelineJobs.get',
        'aiplatform.pipelineJobs.list',
        'aiplatform.pipelineJobs.cancel',
        'aiplatform.schedules.create',
        'aiplatform.schedules.get',
        'aiplatform.schedules.list',
        'aiplatform.schedules.update',
        'aiplatform.models.get',
        'aiplatform.models.list',
        'aiplatform.modelEvaluations.get',
        'aiplatform.modelEvaluations.list',
        'aiplatform.metadataStores.get',
      ].sort(),
    );
    const trainingRoles = grants('acme-ml')
      .filter((g) => g.principal === 'training')
      .map((g) => g.role);
    expect(trainingRoles).toContain('projects/acme-ml/roles/mlopsTrainer');
    expect(trainingRoles).not.toContain('roles/aiplatform.user');
  });

  it('grants both Vertex AI service agents Artifact Registry read on both repositories', () => {
    const agentGrants = grants('p').filter((g) => g.principal.startsWith('vertex-'));
    expect(agentGrants.map((g) => `${g.principal} ${g.scope} ${g.role}`).sort()).toEqual([
      'vertex-agent docker-repository roles/artifactregistry.reader',
      'vertex-agent kfp-repository roles/artifactregistry.reader',
      'vertex-code-agent docker-repository roles/artifactregistry.reader',
      'vertex-code-agent kfp-repository roles/artifactregistry.reader',
    ]);
  });

  it('lists each grant once', () => {
    const keys = grants('p').map((g) => `${g.principal} ${g.scope} ${g.role}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each([
    ['aiplatform.endpoints.deploy', undefined, 'roles/aiplatform.user', 'project', ['deploy']],
    [
      'artifactregistry.kfpartifacts.create',
      undefined,
      'roles/artifactregistry.writer',
      'kfp-repository',
      ['publish'],
    ],
    [
      'iam.serviceAccounts.actAs',
      'training',
      'roles/iam.serviceAccountUser',
      'pipeline-account',
      ['run --vertex'],
    ],
    ['storage.buckets.create', undefined, 'roles/storage.admin', 'project', ['setup gcp']],
  ] as const)('names the role for a missing %s', (permission, principal, role, scope, commands) => {
    expect(explainMissingPermission(permission, principal)).toMatchObject({
      role,
      scope,
      commands,
    });
  });

  it('says when the custom role is the one to grant', () => {
    expect(explainMissingPermission('aiplatform.pipelineJobs.create')?.message).toBe(
      'missing permission aiplatform.pipelineJobs.create (needed by run --vertex) → grant mlopsTrainer (custom; smallest predefined: roles/aiplatform.user) on the project to the training principal',
    );
  });

  it('knows nothing of a permission no command needs', () => {
    expect(explainMissingPermission('compute.instances.create')).toBeUndefined();
  });

  it('selects the rows of one command', () => {
    expect(requirementsOf('publish').map((r) => r.scope)).toEqual(['kfp-repository']);
  });
});
