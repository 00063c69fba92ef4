import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startArtifactRegistryEmulator,
  type ArtifactRegistryEmulator,
} from '../emulators/artifact-registry.js';
import { startGoogleWorkflow, type GoogleWorkflow } from '../helpers/google-workflow.js';
import { pythonWithSklearn } from '../helpers/services.js';

/**
 * Publishing a pipeline template to Artifact Registry and scheduling it on Vertex AI, through
 * dist/ as a workflow runs them, checked by reading the emulators' state afterwards.
 */

const PIPELINE = 'pipelines/training-pipeline.yaml';
const ROOT = 'gs://acme-ml-pipelines/root';

describe.skipIf(!pythonWithSklearn())('publish and schedule, through dist/', () => {
  let registry: ArtifactRegistryEmulator;
  let workflow: GoogleWorkflow;
  let registryEnv: Record<string, string>;

  beforeAll(async () => {
    registry = await startArtifactRegistryEmulator({ repositories: [{ id: 'pipelines' }] });
    workflow = await startGoogleWorkflow({
      resolveTemplate: (uri) => registry.resolveTemplate(uri),
    });
    registryEnv = {
      MLOPS_KFP_ENDPOINT: registry.kfpBaseUrl,
      MLOPS_ARTIFACTREGISTRY_ENDPOINT: registry.endpoint.url,
    };
  }, 120_000);

  afterAll(async () => {
    await workflow?.close();
    await registry?.close();
  });

  const repository = 'https://us-central1-kfp.pkg.dev/acme-ml/pipelines';

  it('publish: uploads the compiled pipeline as a version with tags; the same content is the same version', async () => {
    const first = await workflow.step(
      '4001',
      { command: 'publish', pipeline: PIPELINE, repository },
      registryEnv,
    );
    expect(first.result.code, first.result.stdout + first.result.stderr).toBe(0);
    expect(first.outputs.package).toBe('training-pipeline');
    expect(first.outputs.version).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(first.outputs['template-uri']).toBe(
      `${repository}/training-pipeline/${first.outputs.version ?? ''}`,
    );
    expect(first.outputs.tags).toBe('latest,4001e4c');
    const stored = registry.repository('pipelines')?.packages.get('training-pipeline');
    expect(stored?.versions.size).toBe(1);
    expect(stored?.resolve('latest')?.id).toBe(first.outputs.version);
    expect(stored?.resolve('4001e4c')?.text).toContain('pipelineInfo:');

    const again = await workflow.step(
      '4002',
      { command: 'publish', pipeline: PIPELINE, repository, tags: 'v1.0\nstable' },
      registryEnv,
    );
    expect(again.result.code, again.result.stdout + again.result.stderr).toBe(0);
    expect(again.outputs.version).toBe(first.outputs.version);
    expect(stored?.versions.size).toBe(1);
    expect(stored?.resolve('stable')?.id).toBe(first.outputs.version);
  });

  it('run: a template given by tag runs pinned to its version', async () => {
    const version = registry
      .repository('pipelines')
      ?.packages.get('training-pipeline')
      ?.resolve('latest')?.id;
    const { result, outputs } = await workflow.step(
      '4004',
      {
        command: 'run',
        target: 'vertex',
        pipeline: `${repository}/training-pipeline/latest`,
        'pipeline-root': ROOT,
        param: 'search_iterations=2\ndata_uri=data/breast_cancer.csv',
      },
      registryEnv,
    );
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain(
      `Template latest is ${repository}/training-pipeline/${version ?? ''}`,
    );
    const job = workflow.vertex.jobs.get(outputs['run-id'] ?? '');
    expect(job?.templateUri).toBe(`${repository}/training-pipeline/${version ?? ''}`);
    expect(outputs.state).toBe('SUCCEEDED');
  });

  const schedule = {
    command: 'schedule',
    pipeline: PIPELINE,
    cron: '0 3 * * *',
    'time-zone': 'Europe/Berlin',
    'pipeline-root': ROOT,
    'schedule-name': 'nightly-training',
    param: 'search_iterations=2',
  };

  it('schedule: creates it, then a re-run finds it up to date', async () => {
    const created = await workflow.step('4011', schedule);
    expect(created.result.code, created.result.stdout + created.result.stderr).toBe(0);
    const [stored] = [...workflow.vertex.schedules.values()];
    expect(stored?.cron).toBe('TZ=Europe/Berlin 0 3 * * *');
    expect(stored?.state).toBe('ACTIVE');
    expect(stored?.maxConcurrentRunCount).toBe(1);
    expect(created.outputs['schedule-name']).toBe(stored?.name);
    expect(created.outputs['next-run-time']).toMatch(/^\d{4}-\d\d-\d\dT/);

    const again = await workflow.step('4012', schedule);
    expect(again.result.code, again.result.stdout + again.result.stderr).toBe(0);
    expect(again.outputs.changed).toBe('false');
    expect(again.result.stdout).toContain('is up to date');
    expect(workflow.vertex.schedules.size).toBe(1);
    expect(workflow.vertex.calls().updateSchedule).toBe(0);
  });

  it('schedule: shows and applies a diff, and pauses', async () => {
    const { result, outputs } = await workflow.step('4013', {
      ...schedule,
      cron: '30 4 * * mon-fri',
      param: 'search_iterations=3',
      'max-concurrent-runs': '2',
      paused: 'true',
    });
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const changes = JSON.parse(outputs.changes ?? '[]') as Array<{ field: string; after: string }>;
    expect(changes.map((change) => change.field)).toEqual([
      'cron',
      'max concurrent runs',
      'parameter search_iterations',
      'state',
    ]);
    const [stored] = [...workflow.vertex.schedules.values()];
    expect(stored?.cron).toBe('TZ=Europe/Berlin 30 4 * * mon-fri');
    expect(stored?.maxConcurrentRunCount).toBe(2);
    expect(stored?.state).toBe('PAUSED');

    const resumed = await workflow.step('4014', {
      ...schedule,
      cron: '30 4 * * mon-fri',
      param: 'search_iterations=3',
      'max-concurrent-runs': '2',
    });
    expect(resumed.result.code, resumed.result.stdout + resumed.result.stderr).toBe(0);
    expect([...workflow.vertex.schedules.values()][0]?.state).toBe('ACTIVE');
  });

  it('schedule: a template given by tag is scheduled pinned to its version, and its runs use it', async () => {
    const version = registry
      .repository('pipelines')
      ?.packages.get('training-pipeline')
      ?.resolve('stable')?.id;
    const { result, outputs } = await workflow.step(
      '4016',
      {
        ...schedule,
        pipeline: `${repository}/training-pipeline/stable`,
        'schedule-name': 'weekly-from-template',
        cron: '0 6 * * sun',
        'time-zone': 'UTC',
      },
      registryEnv,
    );
    expect(result.code, result.stdout + result.stderr).toBe(0);
    const stored = [...workflow.vertex.schedules.values()].find(
      (candidate) => candidate.name === outputs['schedule-name'],
    );
    const job = stored?.createPipelineJobRequest.pipelineJob as
      { templateUri?: string } | undefined;
    expect(job?.templateUri).toBe(`${repository}/training-pipeline/${version ?? ''}`);
    const fired = await workflow.vertex.triggerSchedule(outputs['schedule-name'] ?? '');
    expect(fired.outcome).toBe('started');
    const jobId = fired.outcome === 'started' ? fired.jobId : '';
    expect(workflow.vertex.jobs.get(jobId)?.templateUri).toBe(job?.templateUri);
  });
});
