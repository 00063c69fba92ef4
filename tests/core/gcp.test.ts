import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { checkRegion } from '../../src/core/gcp/google-names.js';
import {
  jobLabels,
  pipelineJobId,
  runRecordFromJob,
  sanitizeLabel,
  taskRecordsFromJob,
  withCaching,
  type VertexPipelineJob,
} from '../../src/core/gcp/vertex-job.js';
import {
  defaultOidcAudience,
  explainIamError,
  explainStsError,
  externalAccountCredentials,
  parseWorkloadIdentityProvider,
  projectFromServiceAccount,
  stsAudience,
} from '../../src/core/gcp/workload-identity.js';
import type { PipelineSpec } from '../../src/core/ir/schema.js';

const PROVIDER =
  'projects/123456789012/locations/global/workloadIdentityPools/github/providers/mlops';

function describeError(call: () => unknown): string {
  try {
    call();
  } catch (error) {
    if (error instanceof UserError) return error.describe();
    throw error;
  }
  throw new Error('expected a UserError');
}

describe('workload identity provider names, checked before any call', () => {
  it('accepts the full name, also with the iam.googleapis.com prefix', () => {
    expect(parseWorkloadIdentityProvider(PROVIDER)).toEqual({
      name: PROVIDER,
      projectNumber: '123456789012',
      pool: 'github',
      provider: 'mlops',
    });
    expect(parseWorkloadIdentityProvider(`//iam.googleapis.com/${PROVIDER}`).name).toBe(PROVIDER);
  });

  it.each([
    [
      'projects/123456789012/locations/global/workloadIdentityPools/github',
      /names a pool, not a provider[\s\S]*Fix: Add \/providers\/PROVIDER/,
    ],
    [
      'projects/acme-ml/locations/global/workloadIdentityPools/github/providers/mlops',
      /uses the project ID "acme-ml" where Google expects the project NUMBER[\s\S]*gcloud projects describe acme-ml/,
    ],
    [
      'projects/123/locations/us-central1/workloadIdentityPools/github/providers/mlops',
      /is not in location "global"/,
    ],
    ['github/mlops', /is not a workload identity provider name/],
  ])('rejects %s', (name, expected) => {
    expect(describeError(() => parseWorkloadIdentityProvider(name))).toMatch(expected);
  });

  it('derives the audiences and the external_account file the client libraries read', () => {
    const provider = parseWorkloadIdentityProvider(PROVIDER);
    expect(defaultOidcAudience(provider)).toBe(`https://iam.googleapis.com/${PROVIDER}`);
    expect(stsAudience(provider)).toBe(`//iam.googleapis.com/${PROVIDER}`);
    const file = externalAccountCredentials({
      provider,
      oidcRequestUrl: 'https://runner.example/token?api-version=2.0',
      oidcRequestToken: 'request-token',
      oidcAudience: defaultOidcAudience(provider),
      stsEndpoint: 'https://sts.googleapis.com',
      iamCredentialsEndpoint: 'https://iamcredentials.googleapis.com',
      serviceAccount: 'pipelines@acme-ml.iam.gserviceaccount.com',
    });
    expect(file).toEqual({
      type: 'external_account',
      audience: `//iam.googleapis.com/${PROVIDER}`,
      subject_token_type: 'urn:ietf:params:oauth:token-type:jwt',
      token_url: 'https://sts.googleapis.com/v1/token',
      credential_source: {
        url: `https://runner.example/token?api-version=2.0&audience=${encodeURIComponent(`https://iam.googleapis.com/${PROVIDER}`)}`,
        headers: { Authorization: 'Bearer request-token' },
        format: { type: 'json', subject_token_field_name: 'value' },
      },
      service_account_impersonation_url:
        'https://iamcredentials.googleapis.com/v1/projects/-/serviceAccounts/pipelines@acme-ml.iam.gserviceaccount.com:generateAccessToken',
    });
    expect(projectFromServiceAccount('pipelines@acme-ml.iam.gserviceaccount.com')).toBe('acme-ml');
    expect(projectFromServiceAccount('someone@example.com')).toBeUndefined();
  });

  it('explains STS and IAM refusals with the fix', () => {
    const provider = parseWorkloadIdentityProvider(PROVIDER);
    expect(
      explainStsError(provider, 'aud', 'invalid_target', 'The target service ...').describe(),
    ).toMatch(
      /gcloud iam workload-identity-pools providers describe mlops --workload-identity-pool=github/,
    );
    expect(
      explainStsError(
        provider,
        'aud',
        'unauthorized_client',
        'rejected by the attribute condition',
      ).describe(),
    ).toMatch(/attribute condition rejected this repository/);
    expect(explainStsError(provider, 'my-aud', 'invalid_grant', 'audience').describe()).toMatch(
      /The token's audience is "my-aud"/,
    );
    const refused = (subject: string) =>
      explainIamError('sa@p.iam.gserviceaccount.com', provider, 403, 'Permission denied', {
        repository: 'acme/ml',
        subject,
      }).describe();
    // A job without an environment: the training binding, and why a deploy account refuses it.
    const branch = refused('repo:acme/ml:ref:refs/heads/main');
    expect(branch).toContain(
      '--role=roles/iam.workloadIdentityUser --member="principalSet://iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/github/attribute.repository/acme/ml"',
    );
    expect(branch).toContain(
      'only a job that names its environment may act as it (environment: production in the job; GitHub then issues the subject repo:acme/ml:environment:production)',
    );
    // A job in an environment: that environment's subject.
    expect(refused('repo:acme/ml:environment:staging')).toContain(
      'This job runs in the staging environment: if it should act as sa@p.iam.gserviceaccount.com, bind that environment\'s subject: gcloud iam service-accounts add-iam-policy-binding sa@p.iam.gserviceaccount.com --role=roles/iam.workloadIdentityUser --member="principal://iam.googleapis.com/projects/123456789012/locations/global/workloadIdentityPools/github/subject/repo:acme/ml:environment:staging"',
    );
  });
});

describe('Vertex pipeline jobs', () => {
  it('checks regions and sanitises labels to Vertex rules', () => {
    expect(checkRegion('europe-west4')).toBe('europe-west4');
    for (const bad of ['us-central1-a', 'us', 'Europe-West4', 'moon-base1'])
      expect(() => checkRegion(bad)).toThrow(UserError);
    expect(sanitizeLabel('Acme/ML_Platform.Repo')).toBe('acme-ml_platform-repo');
    expect(sanitizeLabel('x'.repeat(80))).toHaveLength(63);
    expect(
      jobLabels(
        { Team: 'Data Science' },
        { GITHUB_REPOSITORY: 'Acme/ML', GITHUB_SHA: 'ABC123', GITHUB_RUN_ID: '42' },
      ),
    ).toEqual({
      'managed-by': 'mlops-platform',
      repository: 'acme-ml',
      commit: 'abc123',
      'workflow-run': '42',
      team: 'data-science',
    });
    expect(() => jobLabels({ '1st': 'x' }, {})).toThrow(/must start with a letter/);
  });

  it('derives a stable job id in a workflow, so re-runs attach instead of duplicating', () => {
    const env = {
      GITHUB_REPOSITORY: 'acme/ml',
      GITHUB_SHA: 'abcdef0123456789',
      GITHUB_RUN_ID: '987',
      GITHUB_JOB: 'train',
    };
    const now = new Date('2026-11-25T10:00:00Z');
    const first = pipelineJobId('training-pipeline', { seed: 1 }, env, now);
    expect(first).toMatch(/^training-pipeline-abcdef0-987-[0-9a-f]{8}$/);
    expect(
      pipelineJobId(
        'training-pipeline',
        { seed: 1 },
        { ...env, GITHUB_RUN_ATTEMPT: '2' },
        new Date(),
      ),
    ).toBe(first);
    expect(pipelineJobId('training-pipeline', { seed: 2 }, env, now)).not.toBe(first);
    expect(pipelineJobId('Training_Pipeline', {}, {}, now)).toBe(
      'training_pipeline-20261125100000'.replace('_', '-'),
    );
    // However long the name or the run id, the id stays within Vertex's 128 characters.
    const long = pipelineJobId('p'.repeat(300), {}, { ...env, GITHUB_RUN_ID: '9'.repeat(60) }, now);
    expect(long).toMatch(/^[a-z][-a-z0-9]{0,127}$/);
    expect(long).toMatch(/-abcdef0-9{60}-[0-9a-f]{8}$/);
  });

  it('turns caching off on every task, as the KFP SDK does', () => {
    const spec = {
      pipelineInfo: { name: 'p' },
      schemaVersion: '2.1.0',
      root: {
        dag: {
          tasks: {
            a: {
              taskInfo: { name: 'a' },
              componentRef: { name: 'comp-a' },
              cachingOptions: { enableCache: true },
            },
            g: { taskInfo: { name: 'g' }, componentRef: { name: 'comp-g' } },
          },
        },
      },
      components: {
        'comp-a': { executorLabel: 'exec-a' },
        'comp-g': {
          dag: {
            tasks: {
              b: {
                taskInfo: { name: 'b' },
                componentRef: { name: 'comp-a' },
                cachingOptions: { enableCache: true },
              },
            },
          },
        },
      },
    } as unknown as PipelineSpec;
    const off = withCaching(spec, false);
    expect(off.root.dag?.tasks?.a?.cachingOptions).toEqual({});
    expect(off.components?.['comp-g']?.dag?.tasks?.b?.cachingOptions).toEqual({});
    expect(off.root.dag?.tasks?.g?.cachingOptions).toBeUndefined();
    expect(spec.root.dag?.tasks?.a?.cachingOptions).toEqual({ enableCache: true });
  });

  it('keeps every task but the root, which Vertex names after the job id', () => {
    const paths = (
      taskDetails: VertexPipelineJob['jobDetail'] extends infer D
        ? D extends { taskDetails?: infer T }
          ? T
          : never
        : never,
    ) =>
      Object.keys(
        taskRecordsFromJob({
          name: 'projects/1/locations/us-central1/pipelineJobs/training-pipeline-20261204',
          jobDetail: { taskDetails },
        }),
      ).sort();
    // The root is named after the job id; tasks at the root level may have no parent at all.
    expect(
      paths([
        { taskId: '7', taskName: 'training-pipeline-20261204' },
        { taskId: '8', taskName: 'load-data' },
        { taskId: '9', parentTaskId: '7', taskName: 'evaluate' },
        { taskId: '10', parentTaskId: '9', taskName: 'inner' },
      ]),
    ).toEqual(['evaluate', 'evaluate/inner', 'load-data']);
    // Without a root named after the job: the one parentless task the others hang from.
    expect(
      paths([
        { taskId: '1', taskName: 'training-pipeline' },
        { taskId: '2', parentTaskId: '1', taskName: 'evaluate' },
      ]),
    ).toEqual(['evaluate']);
    // Two parentless tasks and no root by name: both are top-level tasks.
    expect(
      paths([
        { taskId: '1', taskName: 'a' },
        { taskId: '2', taskName: 'b' },
      ]),
    ).toEqual(['a', 'b']);
    // ParallelFor iterations without their own tasks: the three runs of `square` are all kept.
    expect(
      paths([
        { taskId: '1', taskName: 'training-pipeline-20261204' },
        { taskId: '2', parentTaskId: '1', taskName: 'for-loop-2' },
        { taskId: '3', parentTaskId: '2', taskName: 'square' },
        { taskId: '4', parentTaskId: '2', taskName: 'square' },
        { taskId: '5', parentTaskId: '2', taskName: 'square' },
      ]),
    ).toEqual(['for-loop-2', 'for-loop-2/square', 'for-loop-2/square#4', 'for-loop-2/square#5']);
  });

  it('reads taskDetails into the run record shape local runs write', () => {
    const job: VertexPipelineJob = {
      state: 'PIPELINE_STATE_SUCCEEDED',
      startTime: '2026-11-25T10:00:00Z',
      endTime: '2026-11-25T10:05:00Z',
      runtimeConfig: { gcsOutputDirectory: 'gs://b/root' },
      jobDetail: {
        taskDetails: [
          { taskId: '1', taskName: 'training-pipeline', state: 'SUCCEEDED' },
          {
            taskId: '2',
            parentTaskId: '1',
            taskName: 'evaluate',
            state: 'SUCCEEDED',
            startTime: '2026-11-25T10:01:00Z',
            endTime: '2026-11-25T10:02:30Z',
            execution: {
              state: 'COMPLETE',
              metadata: { 'output:accuracy': 0.97, 'output:best_model_name': 'random_forest' },
            },
            outputs: {
              metrics: {
                artifacts: [
                  {
                    displayName: 'metrics',
                    uri: 'gs://b/root/evaluate/metrics',
                    schemaTitle: 'system.Metrics',
                    metadata: { f1: 0.95, display_name: 'metrics' },
                  },
                ],
              },
            },
          },
          { taskId: '3', parentTaskId: '1', taskName: 'condition-1', state: 'SUCCEEDED' },
          {
            taskId: '4',
            parentTaskId: '3',
            taskName: 'package-model',
            state: 'SUCCEEDED',
            execution: { state: 'CACHED' },
          },
          {
            taskId: '5',
            parentTaskId: '1',
            taskName: 'train',
            state: 'FAILED',
            error: {
              code: 9,
              message: 'The replica workerpool0-0 exited with a non-zero status of 1.',
            },
          },
        ],
      },
    };
    const tasks = taskRecordsFromJob(job);
    expect(Object.keys(tasks).sort()).toEqual([
      'condition-1',
      'condition-1/package-model',
      'evaluate',
      'train',
    ]);
    expect(tasks.evaluate).toMatchObject({
      state: 'SUCCEEDED',
      durationMs: 90_000,
      parameters: { accuracy: 0.97, best_model_name: 'random_forest' },
    });
    expect(tasks['condition-1/package-model']?.cached).toBe(true);
    expect(tasks.train?.failure?.message).toContain('non-zero status');
    const spec = {
      pipelineInfo: { name: 'training-pipeline' },
      root: {
        dag: {
          tasks: {},
          outputs: {
            parameters: {
              accuracy: {
                valueFromParameter: { producerSubtask: 'evaluate', outputParameterKey: 'accuracy' },
              },
            },
          },
        },
      },
    } as unknown as PipelineSpec;
    const record = runRecordFromJob(job, spec, {
      jobId: 'job-1',
      project: 'acme-ml',
      region: 'us-central1',
      parameters: {},
    });
    expect(record).toMatchObject({
      backend: 'vertex',
      state: 'SUCCEEDED',
      durationMs: 300_000,
      outputs: { accuracy: 0.97 },
      pipelineRoot: 'gs://b/root',
    });
    expect(record.metrics.evaluate).toEqual({ f1: 0.95, accuracy: 0.97 });
    expect(record.location).toBe(
      'https://console.cloud.google.com/vertex-ai/locations/us-central1/pipelines/runs/job-1?project=acme-ml',
    );
  });
});
