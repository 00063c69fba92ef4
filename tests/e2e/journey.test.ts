import { execFileSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runWorkflow, type WorkflowEvent, type WorkflowRun } from '../harness/index.js';
import { expectNoSecrets } from '../helpers/action-runner.js';
import { mlops } from '../helpers/cli.js';
import { startJourneyCloud, type JourneyCloud } from '../helpers/journey-cloud.js';
import { REPO_ROOT, tempDir } from '../helpers/paths.js';
import { registryDockerConfig } from '../helpers/registry-images.js';
import { tagExists } from '../helpers/registry-api.js';
import { PYTHON, pythonWithSklearn, PYTHON_IMAGES, imageServices } from '../helpers/services.js';

/**
 * The journey a team takes, run as GitHub runs it: `mlops init` lays the platform into an empty
 * repository, its settings reach GitHub (secrets from .env with the CLI, variables by the sync
 * workflow), a pull request is checked on the runner and on Vertex AI, the merge trains and
 * deploys, the schedule retrains, and the drift check retrains when the data moved. Every
 * workflow is the file `mlops init` laid, calling this repository's reusable workflows, executed
 * job by job and step by step by the harness (tests/harness) against the emulators, the real
 * Docker engine and the real registry. What is asserted is the end state a team would look at:
 * check runs, secrets, the endpoint, the champion, the schedule.
 */

const REPOSITORY = 'acme/churn';
const ACTION = 'mlops-platform/mlops-platform';
const ADMIN_TOKEN = 'github_pat_journey_admin_0123456789abcdef';
const SYNC_TOKEN = 'github_pat_journey_sync_fedcba9876543210';
const MODEL = 'churn-classifier';
// The registry keeps its data between runs: a fresh image repository keeps runs apart.
const IMAGE_REPOSITORY = `journey-${Date.now().toString(36)}`;
const TRAINING_DATA = 'gs://acme-ml-data/training/breast_cancer.csv';
const RECENT_INPUTS = 'gs://acme-ml-data/serving/recent.csv';

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Dana',
      GIT_AUTHOR_EMAIL: 'dana@acme.test',
      GIT_COMMITTER_NAME: 'Dana',
      GIT_COMMITTER_EMAIL: 'dana@acme.test',
    },
  }).trim();
}

function commitAll(dir: string, message: string): string {
  git(dir, 'add', '--all');
  git(dir, 'commit', '--quiet', '--message', message);
  return git(dir, 'rev-parse', 'HEAD');
}

/** The report.html artifact a gate comment links to, found by the artifact id in the link. */
async function reportOf(run: WorkflowRun, comment: string): Promise<string> {
  const [, id] =
    /\[Full report \(HTML\)\]\(https:\/\/github\.com\/\S+\/artifacts\/(\d+)\)/.exec(comment) ?? [];
  const artifact = [...run.artifacts.values()].find((each) => String(each.id) === id);
  expect(artifact?.files).toEqual(['report.html']);
  return readFile(path.join(artifact?.dir ?? '', 'report.html'), 'utf8');
}

/** The training data with `mean radius` and `worst radius` grown by half in most rows. */
async function drifted(source: string): Promise<string> {
  const [header = '', ...rows] = (await readFile(source, 'utf8')).trimEnd().split('\n');
  const names = header.split(',');
  const moved = ['mean radius', 'worst radius'].map((name) => names.indexOf(name));
  const movedRows = rows.map((row, index) => {
    if (index % 5 === 0) return row;
    const cells = row.split(',');
    for (const column of moved) cells[column] = String(Number(cells[column]) * 1.5);
    return cells.join(',');
  });
  return [header, ...movedRows].join('\n') + '\n';
}

describe.skipIf(!pythonWithSklearn() || !imageServices())(
  'the journey from an empty repository to a model serving on an endpoint',
  () => {
    let cloud: JourneyCloud;
    let repo: string;
    let head: { sha: string; ref: string };
    const secretValues = [ADMIN_TOKEN, SYNC_TOKEN];

    /** Runs a workflow file of the repository as GitHub would for `event`, at `head`. */
    async function workflow(file: string, event: WorkflowEvent): Promise<WorkflowRun> {
      const vars = Object.fromEntries(
        [...cloud.github.variables(`repo:${REPOSITORY}`)].map(([name, v]) => [name, v.value]),
      );
      const secrets = Object.fromEntries(
        [...cloud.github.secrets(`repo:${REPOSITORY}`)].map(([name, s]) => [name, s.value]),
      );
      const run = await runWorkflow({
        repository: { dir: repo, fullName: REPOSITORY, defaultBranch: 'main', ...head },
        workflow: `.github/workflows/${file}`,
        event,
        vars,
        secrets,
        environments: { production: {} },
        github: cloud.github,
        oidc: cloud.google.oidc,
        extraEnv: cloud.network,
        actionRepository: ACTION,
      });
      expectNoSecrets(run.log, [...secretValues, cloud.google.oidc.requestToken]);
      return run;
    }

    /** What Cloud Logging would show of the Vertex tasks that failed. */
    function failedTaskLogs(): string {
      return [...cloud.vertex.jobs.values()]
        .flatMap((job) => Object.values(job.record?.tasks ?? {}))
        .flatMap((task) =>
          task.failure ? [`${task.path}: ${task.failure.logTail?.join('\n')}`] : [],
        )
        .join('\n');
    }

    function expectSuccess(run: WorkflowRun): void {
      expect(run.errors).toEqual([]);
      expect(
        run.conclusion,
        `${run.log.slice(-6000)}\n${failedTaskLogs()}\ntranscript: ${run.transcript}`,
      ).toBe('success');
    }

    function pullRequest(number: number, labels: string[]): WorkflowEvent {
      return {
        name: 'pull_request',
        payload: {
          action: labels.length > 0 ? 'labeled' : 'opened',
          number,
          pull_request: {
            number,
            head: { sha: head.sha, ref: 'tune-forest', repo: { full_name: REPOSITORY } },
            base: { ref: 'main', repo: { full_name: REPOSITORY } },
            labels: labels.map((name) => ({ name })),
          },
        },
      };
    }

    function champion(): string | undefined {
      const [model] = [...cloud.vertex.models.values()];
      return [...(model?.versions.values() ?? [])].find((v) =>
        v.versionAliases.includes('champion'),
      )?.versionId;
    }

    /** The endpoint's deployed versions and traffic, in a form two states can be compared in. */
    function endpointState(): {
      deployed: Array<{ id: string; modelVersionId: string }>;
      trafficSplit: Readonly<Record<string, number>>;
    } {
      const [endpoint] = [...cloud.vertex.endpoints.values()];
      return {
        deployed: [...(endpoint?.deployedModels.values() ?? [])]
          .map(({ id, modelVersionId }) => ({ id, modelVersionId }))
          .sort((a, b) => a.id.localeCompare(b.id)),
        trafficSplit: { ...endpoint?.trafficSplit },
      };
    }

    beforeAll(async () => {
      // Docker Hub is out of reach: its python:3.11-slim is the Debian image made here.
      execFileSync('docker', ['tag', PYTHON_IMAGES.training, 'python:3.11-slim']);
      repo = path.join(await tempDir('journey'), 'churn-model');
      await mkdir(repo);
      git(repo, 'init', '--quiet', '--initial-branch', 'main');
      cloud = await startJourneyCloud({
        repository: REPOSITORY,
        environments: ['production'],
        tokens: {
          [ADMIN_TOKEN]: { kind: 'pat', permissions: { secrets: 'write', variables: 'write' } },
          [SYNC_TOKEN]: { kind: 'pat', permissions: { secrets: 'write', variables: 'write' } },
        },
        pipelines: path.join(repo, 'pipelines'),
        dockerConfig: await registryDockerConfig(),
        // Nothing set up in Google Cloud: `mlops setup gcp` makes all of it.
        googleProject: 'empty',
      });
      // The team's data in Cloud Storage: the training table, and recent prediction inputs.
      const data = await readFile(path.join(REPO_ROOT, 'pipelines/data/breast_cancer.csv'));
      await cloud.putObject(TRAINING_DATA, data);
      await cloud.putObject(RECENT_INPUTS, data);
    }, 180_000);

    afterAll(async () => {
      await cloud?.close();
    });

    it('0. mlops setup gcp readies the empty project and writes the variables; doctor passes', async () => {
      const env = {
        ...cloud.network,
        GOOGLE_OAUTH_ACCESS_TOKEN: cloud.adminToken,
        GH_TOKEN: ADMIN_TOKEN,
        GITHUB_API_URL: cloud.github.url,
      };
      const where = ['--project-id', 'acme-ml', '--region', 'us-central1'];
      const names = ['--repository', REPOSITORY, '--docker-repository', IMAGE_REPOSITORY];
      const setup = await mlops(['setup', 'gcp', ...where, ...names], { cwd: repo, env });
      expect(setup.code, setup.stdout + setup.stderr).toBe(0);
      expectNoSecrets(setup.stdout + setup.stderr, [...secretValues, cloud.adminToken]);
      const variables = cloud.github.variables(`repo:${REPOSITORY}`);
      expect(variables.get('GCP_WORKLOAD_IDENTITY_PROVIDER')?.value).toBe(cloud.google.provider);
      expect(variables.get('GCP_SERVICE_ACCOUNT')?.value).toBe(cloud.google.serviceAccount);
      expect(variables.get('GCP_DEPLOY_SERVICE_ACCOUNT')?.value).toBe(cloud.deployServiceAccount);
      // The provider admits this repository by its GitHub ids, not only its name.
      const provider = Object.values(cloud.gcp?.snapshot('acme-ml').providers ?? {})[0];
      expect(provider?.attributeCondition).toContain(cloud.githubIds.repositoryId);

      const again = await mlops(['setup', 'gcp', ...where, ...names], { cwd: repo, env });
      expect(again.code, again.stderr).toBe(0);
      expect(again.stderr).toContain('Nothing to do');
      const doctor = await mlops(['doctor', ...where, ...names, '--python', PYTHON], {
        cwd: repo,
        env,
      });
      expect(doctor.code, doctor.stdout + doctor.stderr).toBe(0);
    });

    it('1. mlops init lays the platform into the empty repository', async () => {
      const init = await mlops(
        ['init', '--yes', '--project', 'acme-ml', '--region', 'us-central1', '--model', MODEL],
        { cwd: repo, env: { CI: 'true' } },
      );
      expect(init.code, init.stdout + init.stderr).toBe(0);
      expect(init.stdout + init.stderr).toContain('Next steps');
      // Google Cloud's names are repository variables already (setup wrote them); the team's
      // own settings go into the committed file.
      const settings = path.join(repo, 'config/mlops.env');
      const filled: Record<string, string> = {
        MLOPS_IMAGE_REPOSITORY: IMAGE_REPOSITORY,
        MLOPS_TRAINING_DATA_URI: TRAINING_DATA,
        MLOPS_PREDICTION_INPUTS_URI: RECENT_INPUTS,
      };
      const lines = (await readFile(settings, 'utf8')).split('\n').map((line) => {
        const name = /^#?\s*([A-Z_]+)=/.exec(line)?.[1];
        return name && filled[name] !== undefined ? `${name}=${filled[name]}` : line;
      });
      await writeFile(settings, lines.join('\n'));
      head = { sha: commitAll(repo, 'mlops init'), ref: 'refs/heads/main' };
      expect(git(repo, 'ls-files')).toContain('.github/workflows/mlops-train-and-deploy.yml');
    });

    it('2. settings: secrets from .env with the CLI, variables by the sync workflow', async () => {
      const example = await readFile(path.join(repo, '.env.example'), 'utf8');
      expect(example).toContain('MLOPS_SYNC_TOKEN');
      await writeFile(path.join(repo, '.env'), `MLOPS_SYNC_TOKEN=${SYNC_TOKEN}\n`);
      expect(git(repo, 'status', '--porcelain')).toBe(''); // .env is ignored
      const sync = await mlops(['sync-secrets', '.env', '--repository', REPOSITORY], {
        cwd: repo,
        env: { GH_TOKEN: ADMIN_TOKEN, GITHUB_API_URL: cloud.github.url },
      });
      expect(sync.code, sync.stdout + sync.stderr).toBe(0);
      expectNoSecrets(sync.stdout + sync.stderr, secretValues);
      // The emulator opens the sealed box with the repository's private key.
      expect(cloud.github.secrets(`repo:${REPOSITORY}`).get('MLOPS_SYNC_TOKEN')?.value).toBe(
        SYNC_TOKEN,
      );

      expectSuccess(await workflow('mlops-sync-secrets.yml', { name: 'push' }));
      const variables = cloud.github.variables(`repo:${REPOSITORY}`);
      expect(variables.get('GCP_PROJECT')?.value).toBe('acme-ml');
      expect(variables.get('MLOPS_MODEL_NAME')?.value).toBe(MODEL);
      expect(variables.get('GCP_WORKLOAD_IDENTITY_PROVIDER')?.value).toBe(cloud.google.provider);
      expect(variables.get('GCP_DEPLOY_SERVICE_ACCOUNT')?.value).toBe(cloud.deployServiceAccount);
      expect(variables.get('MLOPS_TRAINING_DATA_URI')?.value).toBe(TRAINING_DATA);
    });

    it('3. a pull request: the model-quality check runs the pipeline on the runner and posts its verdict', async () => {
      git(repo, 'checkout', '--quiet', '-b', 'tune-forest');
      const pipeline = path.join(repo, 'pipelines/training-pipeline.yaml');
      await writeFile(
        pipeline,
        (await readFile(pipeline, 'utf8')).replace(
          /(search_iterations:\n\s+type: Integer\n\s+default:) 8/,
          '$1 6',
        ),
      );
      head = { sha: commitAll(repo, 'Fewer search iterations'), ref: 'refs/pull/7/merge' };
      const run = await workflow('mlops-pr-check.yml', pullRequest(7, []));
      expectSuccess(run);
      const checks = cloud.github.checkRuns(REPOSITORY);
      expect(checks.at(-1)).toMatchObject({
        name: 'model quality',
        head_sha: head.sha,
        conclusion: 'success',
      });
      expect(cloud.github.comments(REPOSITORY, 7)).toHaveLength(1);
      // The HTML report is an artifact of the run, linked first thing in the comment and summary.
      const comment = cloud.github.comments(REPOSITORY, 7)[0]?.body ?? '';
      expect(comment).toMatch(/^### ✅ Gate passed/m);
      expect(await reportOf(run, comment)).toContain('evaluate');
      const job = [...run.jobs.values()][0];
      expect(job?.summary.trimStart()).toMatch(
        /^### ✅ Passed: .* · Run training-pipeline-\d+-\d+ SUCCEEDED/,
      );
      const steps = [...run.jobs.values()].flatMap((job) => job.steps);
      for (const step of steps.filter((s) => s.uses && !s.uses.startsWith(ACTION)))
        expect(step.pin, step.uses).toBe('sha');
    });

    it('4. labelled train-on-vertex: the pipeline runs on Vertex AI in the image built from the branch', async () => {
      const run = await workflow('mlops-pr-check-vertex.yml', pullRequest(7, ['train-on-vertex']));
      expectSuccess(run);
      const [job] = [...cloud.vertex.jobs.values()];
      expect(job?.state).toBe('PIPELINE_STATE_SUCCEEDED');
      // It runs as the pipeline account setup made, which the training account may act as.
      expect(job?.serviceAccount).toBe('mlops-pipelines@acme-ml.iam.gserviceaccount.com');
      const images = new Set(cloud.executor.images);
      expect(images.size).toBe(1);
      const [trainer = ''] = images;
      expect(trainer).toMatch(new RegExp(`/acme-ml/${IMAGE_REPOSITORY}/trainer@sha256:`));
      const [, repository = '', digest = ''] = /^[^/]+\/(.+)@(sha256:.+)$/.exec(trainer) ?? [];
      expect(await tagExists(repository, digest)).toBe(true);
      expect(cloud.github.checkRuns(REPOSITORY).at(-1)).toMatchObject({
        head_sha: head.sha,
        conclusion: 'success',
      });
      // The report of a Vertex run reads its artifacts from gs:// through the same record.
      const html = await reportOf(run, cloud.github.comments(REPOSITORY, 7).at(-1)?.body ?? '');
      expect(html).toContain('console.cloud.google.com');
      expect(html).toMatch(/<svg class="chart" data-chart="line"/);
    });

    it('5. the merge trains on Vertex AI, gates, deploys and smoke-tests before promoting', async () => {
      git(repo, 'checkout', '--quiet', 'main');
      git(repo, 'merge', '--quiet', '--ff-only', 'tune-forest');
      head = { sha: git(repo, 'rev-parse', 'HEAD'), ref: 'refs/heads/main' };
      const run = await workflow('mlops-train-and-deploy.yml', { name: 'push' });
      expectSuccess(run);
      const outputs = run.jobs.get('train-and-deploy')?.outputs ?? {};
      expect(outputs['model-version']).toMatch(/@1$/);
      const [endpoint] = [...cloud.vertex.endpoints.values()];
      expect(outputs.endpoint).toBe(endpoint?.name);
      expect(Object.values(endpoint?.trafficSplit ?? {})).toEqual([100]);
      expect(champion()).toBe('1');
      // The endpoint serves with the image built from this commit, pulled from the registry.
      const [model] = [...cloud.vertex.models.values()];
      expect(String(model?.versions.get('1')?.containerSpec.imageUri)).toMatch(
        new RegExp(`/acme-ml/${IMAGE_REPOSITORY}/server@sha256:`),
      );
      // The preflight ran first, as the training account, and found nothing to fix.
      const train = run.jobs.get('train-and-deploy/train');
      const preflight = train?.steps.find((step) => step.outputs.report !== undefined);
      expect(preflight?.outputs.failed).toBe('0');
      expect(JSON.parse(preflight?.outputs.report ?? '[]')).toContainEqual(
        expect.objectContaining({ check: 'Workflow token', result: 'pass' }),
      );
      // Each job signed in as its own account: only the job in production could act as the deployer.
      expect(run.jobs.get('train-and-deploy/train')?.log).toContain(
        `Authenticated as ${cloud.google.serviceAccount}`,
      );
      const deploy = run.jobs.get('train-and-deploy/deploy')?.log;
      expect(deploy).toContain(`GitHub identity: repo:${REPOSITORY}:environment:production`);
      expect(deploy).toContain(`Authenticated as ${cloud.deployServiceAccount}`);
      const smoke = [...run.jobs.values()]
        .flatMap((job) => job.steps)
        .find((step) => step.outputs['smoke-prediction'] !== undefined);
      expect(smoke?.outputs['smoke-prediction']).toMatch(/\{/);
    });

    it('6. the retraining schedule runs the pipeline in the image built from the default branch', async () => {
      expectSuccess(await workflow('mlops-scheduled-retrain.yml', { name: 'push' }));
      const [schedule] = [...cloud.vertex.schedules.values()];
      expect(schedule).toBeDefined();
      expect(schedule?.cron).toContain('0 3 * * 1');
      const scheduled = await cloud.vertex.triggerSchedule(schedule?.name ?? '');
      if (scheduled.outcome !== 'started')
        throw new Error(`no scheduled run: ${scheduled.outcome}`);
      const job = cloud.vertex.jobs.get(scheduled.jobId);
      await job?.done;
      expect(job?.state).toBe('PIPELINE_STATE_SUCCEEDED');
      expect(cloud.executor.images.at(-1)).toMatch(new RegExp(`/${IMAGE_REPOSITORY}/trainer@`));
    });

    it('7. the drift check finds the inputs moved and retrains: a new champion serves', async () => {
      await cloud.putObject(
        RECENT_INPUTS,
        await drifted(path.join(REPO_ROOT, 'pipelines/data/breast_cancer.csv')),
      );
      const run = await workflow('mlops-drift-check.yml', { name: 'schedule' });
      expectSuccess(run);
      expect(run.jobs.get('drift')?.outputs['drift-detected']).toBe('true');
      expect(run.jobs.get('retrain')?.result).toBe('success');
      expect(champion()).toBe('2');
      // The new champion takes all the traffic; the old one stays deployed for a quick rollback.
      const { deployed, trafficSplit } = endpointState();
      expect(deployed.map((model) => model.modelVersionId).sort()).toEqual(['1', '2']);
      const current = deployed.find((model) => model.modelVersionId === '2');
      expect(trafficSplit).toEqual({ [current?.id ?? '']: 100 });
    });

    it('8. a pull request whose model misses the bar: the check says why, and its merge deploys nothing', async () => {
      const before = endpointState();
      git(repo, 'checkout', '--quiet', '-b', 'raise-bar');
      for (const file of ['mlops-pr-check.yml', 'mlops-train-and-deploy.yml']) {
        const workflowFile = path.join(repo, '.github/workflows', file);
        const text = await readFile(workflowFile, 'utf8');
        expect(text).toContain('accuracy >= 0.85');
        await writeFile(workflowFile, text.replace('accuracy >= 0.85', 'accuracy >= 0.999'));
      }
      head = { sha: commitAll(repo, 'Raise the bar'), ref: 'refs/pull/8/merge' };
      const check = await workflow('mlops-pr-check.yml', pullRequest(8, []));
      expect(check.conclusion).toBe('failure');
      const verdict = cloud.github.checkRuns(REPOSITORY).at(-1);
      expect(verdict).toMatchObject({ head_sha: head.sha, conclusion: 'failure' });
      expect(JSON.stringify(verdict?.output)).toContain('accuracy >= 0.999');
      expect(cloud.github.comments(REPOSITORY, 8)[0]?.body).toContain('accuracy >= 0.999');

      git(repo, 'checkout', '--quiet', 'main');
      git(repo, 'merge', '--quiet', '--ff-only', 'raise-bar');
      head = { sha: git(repo, 'rev-parse', 'HEAD'), ref: 'refs/heads/main' };
      const release = await workflow('mlops-train-and-deploy.yml', { name: 'push' });
      expect(release.conclusion).toBe('failure');
      expect(release.jobs.get('train-and-deploy/deploy')?.result).toBe('skipped');
      expect(endpointState()).toEqual(before);
      expect(champion()).toBe('2');
    });

    it('9. a serving bug caught by the smoke prediction: the deploy rolls back and the champion keeps serving', async () => {
      const before = endpointState();
      for (const file of ['mlops-pr-check.yml', 'mlops-train-and-deploy.yml']) {
        const workflowFile = path.join(repo, '.github/workflows', file);
        const text = await readFile(workflowFile, 'utf8');
        await writeFile(workflowFile, text.replace('accuracy >= 0.999', 'accuracy >= 0.85'));
      }
      // A bug in the serving code: every request answers no predictions.
      const server = path.join(repo, 'pipelines/serving/http_server.py');
      const code = await readFile(server, 'utf8');
      expect(code).toContain('predictions = self.model.predict(instances)');
      await writeFile(
        server,
        code.replace(
          'predictions = self.model.predict(instances)',
          'predictions = self.model.predict(instances)[:0]',
        ),
      );
      head = { sha: commitAll(repo, 'Refactor the server'), ref: 'refs/heads/main' };
      const release = await workflow('mlops-train-and-deploy.yml', { name: 'push' });
      expect(release.conclusion).toBe('failure');
      const deploy = release.jobs.get('train-and-deploy/deploy');
      expect(deploy?.result).toBe('failure');
      expect(deploy?.log).toMatch(/smoke prediction/i);
      expect(deploy?.log).toMatch(/rolled back/i);
      expect(endpointState()).toEqual(before);
      expect(champion()).toBe('2');
    });

    it('10. no credential crossed from one service to another', () => {
      // Every Authorization header each service received (the log keeps fingerprints, not values).
      const received = new Map<string, Set<string>>();
      for (const request of cloud.google.requests.all()) {
        const credential = /^\S+\s+(\S+)$/.exec(request.headers.authorization ?? '')?.[1];
        if (!credential) continue;
        const domain = request.server.startsWith('github') ? 'GitHub' : 'Google Cloud';
        received.set(domain, (received.get(domain) ?? new Set()).add(credential));
      }
      const github = received.get('GitHub') ?? new Set();
      const google = received.get('Google Cloud') ?? new Set();
      expect(github.size).toBeGreaterThan(0);
      expect(google.size).toBeGreaterThan(0);
      expect([...github].filter((credential) => google.has(credential))).toEqual([]);
    });
  },
);
