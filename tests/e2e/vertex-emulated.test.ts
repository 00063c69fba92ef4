import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAuthEmulators, type AuthEmulators } from '../emulators/auth-emulators.js';
import { startVertexEmulator, type VertexEmulator } from '../emulators/vertex.js';
import {
  expectNoSecrets,
  inputs,
  parseCommandFile,
  runnerFiles,
  runPost,
  type RunnerFiles,
} from '../helpers/action-runner.js';
import { mlops, runNode, type ProcessResult } from '../helpers/cli.js';
import { REPO_ROOT } from '../helpers/paths.js';
import { PYTHON, pythonWithSklearn } from '../helpers/services.js';

const hasPython = pythonWithSklearn();

describe.skipIf(!hasPython)(
  'auth then run on Vertex AI, through dist/, against the emulators',
  () => {
    let google: AuthEmulators;
    let vertex: VertexEmulator;
    let auth: RunnerFiles;
    /** What later steps see after the auth step: its exported variables. */
    let authEnv: Record<string, string>;

    beforeAll(async () => {
      google = await startAuthEmulators();
      vertex = await startVertexEmulator({
        validateToken: google.validateAccessToken,
        python: PYTHON,
        workdir: path.join(REPO_ROOT, 'pipelines'),
        clock: google.clock,
        faults: google.faults,
        requests: google.requests,
      });
      auth = await runnerFiles();
      const result = await runNode('dist/main.js', [], {
        env: {
          ...auth.env,
          ...google.actionsEnv(),
          MLOPS_STS_ENDPOINT: google.stsEndpoint.replace(/\/v1\/token$/, ''),
          MLOPS_IAMCREDENTIALS_ENDPOINT: google.iamCredentialsEndpoint,
          ...inputs({
            command: 'auth',
            'workload-identity-provider': google.provider,
            'service-account': google.serviceAccount,
          }),
        },
      });
      expect(result.code, result.stdout).toBe(0);
      authEnv = parseCommandFile(await auth.read('env'));
    }, 120_000);

    afterAll(async () => {
      await vertex.close();
      await google.close();
    });

    function workflowEnv(runId: string, attempt = '1'): NodeJS.ProcessEnv {
      return {
        ...google.actionsEnv(),
        ...authEnv,
        MLOPS_STS_ENDPOINT: google.stsEndpoint.replace(/\/v1\/token$/, ''),
        MLOPS_IAMCREDENTIALS_ENDPOINT: google.iamCredentialsEndpoint,
        MLOPS_VERTEX_ENDPOINT: vertex.endpoint.url,
        GITHUB_REPOSITORY: 'acme/ml',
        GITHUB_SHA: 'f547e4c09a24f134d5f8016cf68b21e73c819875',
        GITHUB_RUN_ID: runId,
        GITHUB_RUN_ATTEMPT: attempt,
        GITHUB_JOB: 'train',
      };
    }

    async function runStep(
      runId: string,
      values: Record<string, string>,
      attempt = '1',
    ): Promise<{ result: ProcessResult; runner: RunnerFiles; outputs: Record<string, string> }> {
      const runner = await runnerFiles();
      const result = await runNode('dist/main.js', [], {
        env: {
          ...runner.env,
          ...workflowEnv(runId, attempt),
          ...inputs({
            command: 'run',
            target: 'vertex',
            pipeline: 'pipelines/training-pipeline.yaml',
            region: 'us-central1',
            'pipeline-root': 'gs://acme-ml-pipelines/root',
            ...values,
          }),
        },
      });
      return { result, runner, outputs: parseCommandFile(await runner.read('output')) };
    }

    it('submits the reference pipeline, follows every task to the end and reports its metrics', async () => {
      const { result, runner, outputs } = await runStep('1001', {
        param: 'search_iterations=4',
        labels: 'team=Data Science',
        'pipeline-service-account': google.serviceAccount,
      });
      expect(result.code, result.stdout).toBe(0);
      const jobId = outputs['run-id'] ?? '';
      expect(jobId).toMatch(/^training-pipeline-f547e4c-1001-[0-9a-f]{8}$/);
      expect(result.stdout).toContain(
        `Vertex console: https://console.cloud.google.com/vertex-ai/locations/us-central1/pipelines/runs/${jobId}?project=acme-ml`,
      );
      for (const task of [
        'load-data',
        'preprocess',
        'train',
        'evaluate',
        'condition-1/package-model',
      ]) {
        expect(result.stdout).toMatch(new RegExp(`✓ ${task.replace('/', '\\/')}\\s+SUCCEEDED`));
      }
      expect(outputs.state).toBe('SUCCEEDED');
      expect(outputs['job-name']).toBe(
        `projects/acme-ml/locations/us-central1/pipelineJobs/${jobId}`,
      );
      const metrics = JSON.parse(outputs.metrics ?? '{}') as Record<string, Record<string, number>>;
      expect(metrics.evaluate?.accuracy).toBeGreaterThan(0.9);
      const record = JSON.parse(await readFile(outputs['run-record'] ?? '', 'utf8')) as {
        backend: string;
        state: string;
        tasks: Record<string, unknown>;
      };
      expect(record.backend).toBe('vertex');
      expect(Object.keys(record.tasks)).toEqual(
        expect.arrayContaining(['evaluate', 'condition-1/package-model']),
      );

      const job = vertex.jobs.get(jobId);
      expect(job?.labels).toMatchObject({
        repository: 'acme-ml',
        commit: 'f547e4c09a24f134d5f8016cf68b21e73c819875',
        'workflow-run': '1001',
        team: 'data-science',
        'managed-by': 'mlops-platform',
      });
      expect(job?.parameters).toMatchObject({ search_iterations: 4 });
      expect(job?.serviceAccount).toBe(google.serviceAccount);
      expect(job?.createdBy).toContain(google.serviceAccount);
      expect(await runner.read('summary')).toContain('<h3>Metrics</h3>');
      expectNoSecrets(result.stdout + result.stderr, [
        google.oidc.requestToken,
        await readFile(authEnv.GOOGLE_APPLICATION_CREDENTIALS ?? '', 'utf8'),
      ]);
    });

    it('attaches to the existing job when the workflow is re-run, instead of starting a duplicate', async () => {
      const first = await runStep('1002', { param: 'search_iterations=4', wait: 'false' });
      expect(first.result.code, first.result.stdout).toBe(0);
      const jobs = vertex.jobs.size;
      const rerun = await runStep('1002', { param: 'search_iterations=4' }, '2');
      expect(rerun.result.code, rerun.result.stdout).toBe(0);
      expect(rerun.result.stdout).toContain(`Attached to existing pipeline job`);
      expect(rerun.outputs['run-id']).toBe(first.outputs['run-id']);
      expect(vertex.jobs.size).toBe(jobs);
    });

    it('rides through 503 and 429 with Retry-After while waiting', async () => {
      vertex.faults.failNext(2, 503, { route: 'getPipelineJob', retryAfterSeconds: 1 });
      vertex.faults.failNext(1, 429, { route: 'createPipelineJob', retryAfterSeconds: 1 });
      const { result, outputs } = await runStep('1003', { param: 'search_iterations=4' });
      expect(result.code, result.stdout).toBe(0);
      expect(outputs.state).toBe('SUCCEEDED');
      expect(result.stdout).toMatch(/retrying in/);
    });

    it('fails the step with the failing task and its error when the pipeline fails', async () => {
      const { result, outputs } = await runStep('1004', {
        param: 'data_uri=data/does-not-exist.csv',
      });
      expect(result.code).toBe(1);
      expect(outputs.state).toBe('FAILED');
      expect(result.stdout).toMatch(/✗ load-data\s+FAILED/);
      expect(result.stdout).toMatch(
        /::error::mlops-platform run failed: Pipeline run training-pipeline-\S+ FAILED: task load-data/,
      );
    });

    it('re-mints credentials when the tokens expire during a long wait', async () => {
      const runner = await runnerFiles();
      const running = runNode('dist/main.js', [], {
        env: {
          ...runner.env,
          ...workflowEnv('1006'),
          ...inputs({
            command: 'run',
            target: 'vertex',
            pipeline: 'pipelines/training-pipeline.yaml',
            region: 'us-central1',
            'pipeline-root': 'gs://acme-ml-pipelines/root',
            param: 'search_iterations=4\nseed=7',
            'no-cache': 'true',
          }),
        },
      });
      // Once the job runs, move the emulators' clock past every token's expiry (2 hours).
      for (let i = 0; i < 300; i++) {
        const job = [...vertex.jobs.values()].find(
          (candidate) => candidate.labels['workflow-run'] === '1006',
        );
        if (job?.state === 'PIPELINE_STATE_RUNNING') break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const stsCalls = google.requests.count({ path: '/v1/token' });
      google.clock.advance(2 * 3600 * 1000);
      const result = await running.finally(() => google.clock.reset());
      expect(result.code, result.stdout).toBe(0);
      expect(parseCommandFile(await runner.read('output')).state).toBe('SUCCEEDED');
      expect(result.stdout).toContain('the access token was refused; fetching fresh credentials');
      // Fresh credentials came from a new GitHub token exchanged at STS.
      expect(google.requests.count({ path: '/v1/token' })).toBeGreaterThan(stsCalls);
    });

    it('runs from the CLI with only the credentials file and --project-id (no project in the environment)', async () => {
      const result = await mlops(
        [
          'run',
          '--vertex',
          path.join(REPO_ROOT, 'tests/fixtures/ir/loop-and-exit-handler.yaml'),
          '--project-id',
          'acme-ml',
          '--region',
          'us-central1',
          '--pipeline-root',
          'gs://acme-ml-pipelines/cli',
          '--param',
          `stamps=${path.join(auth.dir, 'stamps')}`,
        ],
        {
          env: {
            ...google.actionsEnv(),
            GOOGLE_APPLICATION_CREDENTIALS: authEnv.GOOGLE_APPLICATION_CREDENTIALS ?? '',
            MLOPS_VERTEX_ENDPOINT: vertex.endpoint.url,
            MLOPS_STS_ENDPOINT: google.stsEndpoint.replace(/\/v1\/token$/, ''),
            MLOPS_IAMCREDENTIALS_ENDPOINT: google.iamCredentialsEndpoint,
            GOOGLE_CLOUD_PROJECT: '',
            CLOUDSDK_CORE_PROJECT: '',
          },
        },
      );
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toMatch(/✓ exit-handler-1\/for-loop-2\/2\/square\s+SUCCEEDED/);
      expect(result.stderr).toMatch(
        /Run loop-and-exit-handler-\d{14} SUCCEEDED in [\d.]+ m?s → https:\/\/console\.cloud\.google\.com\//,
      );
    });

    it('cancels the job from the post step when the workflow stopped while waiting', async () => {
      vertex.faults.stickNextJobs(1);
      const { result, runner } = await runStep('1005', { timeout: '3s' });
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/did not finish within 3s; it keeps running/);
      // A timeout is a remote failure, not a configuration error, and keeps its hint.
      expect(result.stdout).toMatch(
        /::error::mlops-platform run failed: \S+ did not finish within 3s; it keeps running[^\n]*%0AFix: Raise timeout/,
      );
      // The step timed out, not the workflow: nothing left for post to cancel.
      const state = parseCommandFile(await runner.read('state'));
      expect(state['running-job']).toBe('');

      // A workflow cancelled mid-wait leaves the job in the saved state; post cancels it.
      const stuckId = [...vertex.jobs.values()].find((job) => job.stuck)?.id ?? '';
      const cancelledRunner = await runnerFiles();
      const post = await runPost(cancelledRunner, {
        ...workflowEnv('1005'),
        STATE_command: 'run',
        'STATE_running-job': JSON.stringify({
          kind: 'vertex-pipeline-job',
          project: 'acme-ml',
          region: 'us-central1',
          jobId: stuckId,
        }),
      });
      expect(post.code, post.stdout).toBe(0);
      expect(post.stdout).toContain(
        `Cancelled pipeline job projects/acme-ml/locations/us-central1/pipelineJobs/${stuckId}`,
      );
      await vertex.jobs.get(stuckId)?.done;
      expect(vertex.jobs.get(stuckId)?.state).toBe('PIPELINE_STATE_CANCELLED');
    });
  },
);
