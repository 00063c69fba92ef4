import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { helpers, protos, v1 } from '@google-cloud/aiplatform';
import { ExternalAccountClient, OAuth2Client } from 'google-auth-library';
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT, tempDir } from '../helpers/paths.js';
import { startAuthEmulators } from './auth-emulators.js';
import {
  EXECUTION_STATES,
  FAILURE_POLICIES,
  PIPELINE_STATES,
  rpcCodeOf,
  startVertexEmulator,
  TASK_STATES,
  type VertexEmulator,
} from './vertex.js';
import { apiMessage, failure } from '../helpers/google-calls.js';

type PipelineJob = protos.google.cloud.aiplatform.v1.IPipelineJob;
type TaskDetail = protos.google.cloud.aiplatform.v1.IPipelineTaskDetail;
type Struct = protos.google.protobuf.IStruct;
type Value = protos.google.protobuf.IValue;
/** google-gax ships its own google-auth-library (10.5.0), so the top-level AuthClient types differ; at runtime any AuthClient works. */
type ClientOptions = NonNullable<ConstructorParameters<typeof v1.PipelineServiceClient>[0]>;

const TERMINAL = new Set([
  'PIPELINE_STATE_SUCCEEDED',
  'PIPELINE_STATE_FAILED',
  'PIPELINE_STATE_CANCELLED',
]);

// ---------------------------------------------------------------------------------------------
// A two-task pipeline of shell components: produce → consume

const PRODUCE = [
  // The runner's cancel signals sh only: sleep must not hold the output pipes, or the runner
  // waits for it (a SIGTERM between fork and `pid=$!` would otherwise hang the cancel).
  'if [ "$2" != 0 ]; then trap \'kill "$pid" 2>/dev/null; exit 143\' TERM; sleep "$2" >/dev/null 2>&1 & pid=$!; wait "$pid"; fi',
  'if [ "$1" = true ]; then echo "cannot produce from $0" >&2; exit 3; fi',
  'printf "hello %s" "$0" > "$3"',
  'printf "a,b\\n1,2\\n" > "$4"',
  'printf \'{"artifacts":{"metrics":{"artifacts":[{"metadata":{"accuracy":0.93,"loss":0.12}}]}}}\' > "$5"',
].join('\n');
const CONSUME = 'test -s "$1"; n=$(printf %s "$0" | wc -c); echo $n > "$2"';
const DATASET = { schemaTitle: 'system.Dataset', schemaVersion: '0.0.1' };

function shellPipeline(name = 'produce-consume'): Record<string, unknown> {
  return {
    pipelineInfo: { name },
    schemaVersion: '2.1.0',
    sdkVersion: 'hand-written',
    components: {
      'comp-produce': {
        executorLabel: 'exec-produce',
        inputDefinitions: {
          parameters: {
            text: { parameterType: 'STRING' },
            fail: { parameterType: 'BOOLEAN' },
            sleep: { parameterType: 'NUMBER_DOUBLE' },
          },
        },
        outputDefinitions: {
          parameters: { message: { parameterType: 'STRING' } },
          artifacts: {
            data: { artifactType: DATASET },
            metrics: { artifactType: { schemaTitle: 'system.Metrics', schemaVersion: '0.0.1' } },
          },
        },
      },
      'comp-consume': {
        executorLabel: 'exec-consume',
        inputDefinitions: {
          parameters: { message: { parameterType: 'STRING' } },
          artifacts: { data: { artifactType: DATASET } },
        },
        outputDefinitions: { parameters: { length: { parameterType: 'NUMBER_INTEGER' } } },
      },
    },
    deploymentSpec: {
      executors: {
        'exec-produce': {
          container: {
            image: 'busybox',
            command: ['sh', '-ec', PRODUCE],
            args: [
              "{{$.inputs.parameters['text']}}",
              "{{$.inputs.parameters['fail']}}",
              "{{$.inputs.parameters['sleep']}}",
              "{{$.outputs.parameters['message'].output_file}}",
              "{{$.outputs.artifacts['data'].path}}",
              '{{$.outputs.output_file}}',
            ],
          },
        },
        'exec-consume': {
          container: {
            image: 'busybox',
            command: ['sh', '-ec', CONSUME],
            args: [
              "{{$.inputs.parameters['message']}}",
              "{{$.inputs.artifacts['data'].path}}",
              "{{$.outputs.parameters['length'].output_file}}",
            ],
          },
        },
      },
    },
    root: {
      dag: {
        tasks: {
          produce: {
            taskInfo: { name: 'produce' },
            componentRef: { name: 'comp-produce' },
            cachingOptions: { enableCache: true },
            inputs: {
              parameters: {
                text: { componentInputParameter: 'text' },
                fail: { componentInputParameter: 'fail' },
                sleep: { componentInputParameter: 'sleep' },
              },
            },
          },
          consume: {
            taskInfo: { name: 'consume' },
            componentRef: { name: 'comp-consume' },
            dependentTasks: ['produce'],
            cachingOptions: { enableCache: true },
            inputs: {
              parameters: {
                message: {
                  taskOutputParameter: { producerTask: 'produce', outputParameterKey: 'message' },
                },
              },
              artifacts: {
                data: {
                  taskOutputArtifact: { producerTask: 'produce', outputArtifactKey: 'data' },
                },
              },
            },
          },
        },
      },
      inputDefinitions: {
        parameters: {
          text: { parameterType: 'STRING' },
          fail: { parameterType: 'BOOLEAN', defaultValue: false, isOptional: true },
          sleep: { parameterType: 'NUMBER_DOUBLE', defaultValue: 0, isOptional: true },
        },
      },
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Client helpers

let vertex: VertexEmulator;
let client: v1.PipelineServiceClient;
const clients: v1.PipelineServiceClient[] = [];

function newClient(
  emulator: VertexEmulator,
  authClient: OAuth2Client | ExternalAccountClient,
): v1.PipelineServiceClient {
  const created = new v1.PipelineServiceClient(emulator.clientOptions(authClient) as ClientOptions);
  clients.push(created);
  return created;
}

function tokenClient(token: string): OAuth2Client {
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: token });
  return auth;
}

function toStruct(value: unknown): Struct {
  const struct = (helpers.toValue(value as object) as Value | undefined)?.structValue;
  if (!struct) throw new Error('not an object');
  return struct;
}

function fromStruct(struct: Struct | null | undefined): Record<string, unknown> {
  // fromValue dispatches on `kind`: without it any Struct decodes to {}.
  const value = { kind: 'structValue', structValue: struct ?? { fields: {} } };
  return (helpers.fromValue(value as Parameters<typeof helpers.fromValue>[0]) ?? {}) as Record<
    string,
    unknown
  >;
}

function seconds(timestamp: unknown): number {
  return Number((timestamp as { seconds?: unknown } | null)?.seconds ?? Number.NaN);
}

let jobCounter = 0;
function jobId(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${++jobCounter}`;
}

async function createJob(
  id: string,
  parameters: Record<string, unknown>,
  extra: {
    labels?: Record<string, string>;
    displayName?: string;
    spec?: Record<string, unknown>;
    failurePolicy?: 'PIPELINE_FAILURE_POLICY_FAIL_FAST';
  } = {},
  target: v1.PipelineServiceClient = client,
  parent = vertex.parent,
): Promise<PipelineJob> {
  const [job] = await target.createPipelineJob({
    parent,
    pipelineJobId: id,
    pipelineJob: {
      displayName: extra.displayName ?? id,
      labels: extra.labels ?? {},
      pipelineSpec: toStruct(extra.spec ?? shellPipeline()),
      runtimeConfig: {
        gcsOutputDirectory: 'gs://acme-ml-pipelines/root',
        ...(extra.failurePolicy ? { failurePolicy: extra.failurePolicy } : {}),
        parameterValues: Object.fromEntries(
          Object.entries(parameters).map(([key, value]) => [
            key,
            helpers.toValue(value as object) as Value,
          ]),
        ),
      },
      serviceAccount: 'pipelines@acme-ml.iam.gserviceaccount.com',
    },
  });
  return job;
}

function jobName(id: string): string {
  return `${vertex.parent}/pipelineJobs/${id}`;
}

async function poll(
  id: string,
  until: (job: PipelineJob) => boolean = (job) => TERMINAL.has(String(job.state)),
  timeoutMs = 30_000,
): Promise<PipelineJob> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [job] = await client.getPipelineJob({ name: jobName(id) });
    if (until(job)) return job;
    if (Date.now() > deadline) throw new Error(`job ${id} is still ${String(job.state)}`);
    await sleep(40);
  }
}

function task(job: PipelineJob, name: string): TaskDetail {
  const found = job.jobDetail?.taskDetails?.find((detail) => detail.taskName === name);
  if (!found) throw new Error(`no task ${name} in ${job.name ?? ''}`);
  return found;
}

beforeAll(async () => {
  vertex = await startVertexEmulator();
  client = newClient(vertex, tokenClient('test-token'));
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await vertex.close();
});
afterEach(() => {
  vertex.faults.clear();
});

// ---------------------------------------------------------------------------------------------

describe('wire format', () => {
  it('numbers its enums like the client protos do', () => {
    const aiplatform = protos.google.cloud.aiplatform.v1;
    const table = (values: Record<string, number | string>): string[] =>
      Object.entries(values)
        .filter(([, value]) => typeof value === 'number')
        .sort(([, a], [, b]) => Number(a) - Number(b))
        .map(([key]) => key);
    expect(PIPELINE_STATES).toEqual(table(aiplatform.PipelineState));
    expect(TASK_STATES).toEqual(table(aiplatform.PipelineTaskDetail.State));
    expect(EXECUTION_STATES).toEqual(table(aiplatform.Execution.State));
    expect(FAILURE_POLICIES).toEqual(table(aiplatform.PipelineFailurePolicy));
  });

  it('receives the REST calls the client makes, with int enums and a bearer token', async () => {
    const id = jobId('wire');
    await createJob(id, { text: 'wire', sleep: 0 });
    await client.getPipelineJob({ name: jobName(id) });
    await client.listPipelineJobs(
      { parent: vertex.parent, filter: `display_name="${id}"`, pageSize: 5 },
      { autoPaginate: false },
    );
    const log = vertex.requests.filter({ server: 'vertex' }).slice(-3);
    const projectPath = `/v1/projects/${vertex.project}/locations/${vertex.region}/pipelineJobs`;
    expect(log.map((entry) => [entry.method, entry.path, entry.query])).toEqual([
      ['POST', projectPath, { pipelineJobId: id, $alt: 'json;enum-encoding=int' }],
      ['GET', `${projectPath}/${id}`, { $alt: 'json;enum-encoding=int' }],
      [
        'GET',
        projectPath,
        { filter: `display_name="${id}"`, pageSize: '5', $alt: 'json;enum-encoding=int' },
      ],
    ]);
    expect(log[0]?.headers.authorization).toMatch(/^Bearer <redacted:[0-9a-f]{12}>$/);
    expect(log[0]?.headers['x-goog-api-client']).toMatch(/\brest\/5\./);
    // Structs and Values travel as plain JSON.
    const body = log[0]?.body as {
      pipelineSpec: Record<string, unknown>;
      runtimeConfig: Record<string, unknown>;
    };
    expect(body.pipelineSpec).toEqual(shellPipeline());
    expect(body.runtimeConfig).toEqual({
      parameters: {},
      parameterValues: { text: 'wire', sleep: 0 },
      inputArtifacts: {},
      gcsOutputDirectory: 'gs://acme-ml-pipelines/root',
    });
    await vertex.jobs.get(id)?.done;
  });

  it('sends a plain-object pipelineSpec as an empty Struct, which Vertex rejects', async () => {
    const id = jobId('plain');
    const error = await failure(
      client.createPipelineJob({
        parent: vertex.parent,
        pipelineJobId: id,
        pipelineJob: {
          // Type-checks: IStruct's optional `fields` lets any object through.
          pipelineSpec: shellPipeline(),
          runtimeConfig: { gcsOutputDirectory: 'gs://acme-ml-pipelines/root' },
        },
      }),
    );
    expect(rpcCodeOf(error)).toBe(3);
    expect(apiMessage(error)).toContain('PipelineJob.pipeline_spec is empty');
    const [request] = vertex.requests.filter({ route: 'vertex.createPipelineJob' }).slice(-1);
    expect((request?.body as { pipelineSpec?: unknown }).pipelineSpec).toEqual({});
    expect(vertex.jobs.has(id)).toBe(false);

    // A plain parameter value does not even leave the client.
    const before = vertex.requests.count({ server: 'vertex' });
    await expect(
      client.createPipelineJob({
        parent: vertex.parent,
        pipelineJobId: jobId('plain'),
        pipelineJob: {
          pipelineSpec: toStruct(shellPipeline()),
          runtimeConfig: {
            gcsOutputDirectory: 'gs://acme-ml-pipelines/root',
            parameterValues: { text: 'x' } as never,
          },
        },
      }),
    ).rejects.toThrow('parameterValues: object expected');
    expect(vertex.requests.count({ server: 'vertex' })).toBe(before);
  });

  it('answers plain fetch with enum names and Google error bodies', async () => {
    const id = jobId('fetch');
    await createJob(id, { text: 'fetch' });
    await vertex.jobs.get(id)?.done;
    const url = `${vertex.endpoint.url}/v1/${jobName(id)}`;
    const headers = { authorization: 'Bearer test-token' };
    const named = (await (await fetch(url, { headers })).json()) as Record<string, unknown>;
    expect(named.state).toBe('PIPELINE_STATE_SUCCEEDED');
    const ints = (await (
      await fetch(`${url}?$alt=json%3Benum-encoding=int`, { headers })
    ).json()) as Record<string, unknown>;
    expect(ints.state).toBe(4);

    const missing = await fetch(`${vertex.endpoint.url}/v1/${jobName('nope')}`, { headers });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      error: {
        code: 404,
        message: `The PipelineJob "${jobName('nope')}" does not exist.`,
        status: 'NOT_FOUND',
      },
    });
    const anonymous = await fetch(url);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({
      error: {
        code: 401,
        status: 'UNAUTHENTICATED',
        details: [{ reason: 'CREDENTIALS_MISSING', domain: 'googleapis.com' }],
      },
    });
  });
});

describe('running pipeline jobs', () => {
  it('runs a job to SUCCEEDED and reports tasks, outputs and metrics like Vertex', async () => {
    const id = jobId('ok');
    // The billing label is Vertex's: a caller's value is replaced, not refused (pipeline_job.proto).
    const created = await createJob(
      id,
      { text: 'world' },
      { labels: { team: 'ml', 'vertex-ai-pipelines-run-billing-id': 'mine' } },
    );
    expect(created).toMatchObject({
      name: `projects/${vertex.projectNumber}/locations/${vertex.region}/pipelineJobs/${id}`,
      state: 'PIPELINE_STATE_PENDING',
      displayName: id,
      // Vertex adds its billing label to every job.
      labels: {
        team: 'ml',
        'vertex-ai-pipelines-run-billing-id': expect.stringMatching(/^\d+$/) as unknown,
      },
      serviceAccount: 'pipelines@acme-ml.iam.gserviceaccount.com',
      jobDetail: null,
    });
    expect(fromStruct(created.pipelineSpec)).toEqual(shellPipeline());
    expect(created.runtimeConfig?.parameterValues?.text).toMatchObject({ stringValue: 'world' });

    const job = await poll(id);
    expect(job.state).toBe('PIPELINE_STATE_SUCCEEDED');
    expect(vertex.jobs.get(id)?.stateHistory).toEqual([
      'PIPELINE_STATE_PENDING',
      'PIPELINE_STATE_RUNNING',
      'PIPELINE_STATE_SUCCEEDED',
    ]);
    expect(job.error).toBeNull();
    // Timestamps come back as {seconds, nanos}.
    expect(seconds(job.endTime)).toBeGreaterThanOrEqual(seconds(job.startTime));
    expect(seconds(job.startTime)).toBeGreaterThanOrEqual(seconds(job.createTime));

    const details = job.jobDetail?.taskDetails ?? [];
    expect(details.map((detail) => [detail.taskName, detail.state])).toEqual([
      [id, 'SUCCEEDED'],
      ['produce', 'SUCCEEDED'],
      ['consume', 'SUCCEEDED'],
    ]);
    const [root] = details;
    // The client fills absent int64s with '0': the root has no parent.
    expect(root?.parentTaskId).toBe('0');
    expect(task(job, 'produce').parentTaskId).toBe(root?.taskId);
    expect(task(job, 'consume').parentTaskId).toBe(root?.taskId);
    expect(job.jobDetail?.pipelineRunContext?.name).toBe(
      `projects/${vertex.projectNumber}/locations/${vertex.region}/metadataStores/default/contexts/${id}`,
    );

    const produce = task(job, 'produce');
    expect(produce.execution?.state).toBe('COMPLETE');
    expect(fromStruct(produce.execution?.metadata)).toEqual({ 'output:message': 'hello world' });
    expect(produce.pipelineTaskStatus?.map((status) => status.state)).toEqual([
      'RUNNING',
      'SUCCEEDED',
    ]);
    const metrics = produce.outputs?.metrics?.artifacts?.[0];
    expect(metrics).toMatchObject({ displayName: 'metrics', schemaTitle: 'system.Metrics' });
    expect(fromStruct(metrics?.metadata)).toEqual({ accuracy: 0.93, loss: 0.12 });
    const data = produce.outputs?.data?.artifacts?.[0];
    expect(data?.uri).toMatch(
      new RegExp(`^gs://acme-ml-pipelines/root/${vertex.projectNumber}/${id}/.+/produce/data$`),
    );
    expect(await readFile(vertex.localPath(data?.uri ?? ''), 'utf8')).toBe('a,b\n1,2\n');
    expect(fromStruct(task(job, 'consume').execution?.metadata)).toEqual({
      'output:length': 11,
    });
  });

  it('reports cache hits as SKIPPED tasks with CACHED executions', async () => {
    const first = jobId('cache');
    await createJob(first, { text: 'cached' });
    expect((await poll(first)).state).toBe('PIPELINE_STATE_SUCCEEDED');
    const second = jobId('cache');
    await createJob(second, { text: 'cached' });
    const job = await poll(second);
    expect(job.state).toBe('PIPELINE_STATE_SUCCEEDED');
    for (const name of ['produce', 'consume']) {
      expect(task(job, name).state).toBe('SKIPPED');
      expect(task(job, name).execution?.state).toBe('CACHED');
    }
    // Outputs of a cached task are still reported, copied under the new job.
    expect(fromStruct(task(job, 'consume').execution?.metadata)).toEqual({
      'output:length': 12,
    });
    const uri = task(job, 'produce').outputs?.data?.artifacts?.[0]?.uri ?? '';
    expect(uri).toContain(`/${second}/`);
    expect(existsSync(vertex.localPath(uri))).toBe(true);
  });

  it('fails the job when a component fails, with the task error', async () => {
    const id = jobId('fail');
    await createJob(id, { text: 'broken', fail: true });
    const job = await poll(id);
    expect(job.state).toBe('PIPELINE_STATE_FAILED');
    expect(job.error).toMatchObject({
      code: 9,
      message: 'The DAG failed because some tasks failed. The failed tasks are: [produce].',
    });
    const produce = task(job, 'produce');
    expect(produce.state).toBe('FAILED');
    expect(produce.execution?.state).toBe('FAILED');
    expect(produce.error?.message).toContain(
      'The replica workerpool0-0 exited with a non-zero status of 3.',
    );
    expect(produce.error?.message).toContain('cannot produce from broken');
    expect(task(job, 'consume').state).toBe('NOT_TRIGGERED');
  });

  it('cancels a running job: CANCELLING, then CANCELLED', async () => {
    const id = jobId('cancel');
    await createJob(id, { text: 'slow', sleep: 30 });
    await poll(id, (job) =>
      (job.jobDetail?.taskDetails ?? []).some(
        (detail) => detail.taskName === 'produce' && detail.state === 'RUNNING',
      ),
    );
    await client.cancelPipelineJob({ name: jobName(id) });
    const [cancelling] = await client.getPipelineJob({ name: jobName(id) });
    expect(['PIPELINE_STATE_CANCELLING', 'PIPELINE_STATE_CANCELLED']).toContain(cancelling.state);

    const started = Date.now();
    const job = await poll(id);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(job.state).toBe('PIPELINE_STATE_CANCELLED');
    expect(vertex.jobs.get(id)?.stateHistory).toContain('PIPELINE_STATE_CANCELLING');
    expect(task(job, 'produce').state).toBe('CANCELLED');
    expect(task(job, 'consume').state).toBe('CANCELLED');

    const again = await failure(client.cancelPipelineJob({ name: jobName(id) }));
    expect(rpcCodeOf(again)).toBe(9);
    expect(again.message).toContain('FAILED_PRECONDITION');
  });

  it('keeps a stuck job RUNNING without running anything', async () => {
    vertex.faults.stickNextJobs(1);
    const id = jobId('stuck');
    await createJob(id, { text: 'stuck' });
    await poll(id, (job) => job.state === 'PIPELINE_STATE_RUNNING');
    await sleep(300);
    const [job] = await client.getPipelineJob({ name: jobName(id) });
    expect(job.state).toBe('PIPELINE_STATE_RUNNING');
    expect(job.jobDetail?.taskDetails?.map((detail) => detail.taskName)).toEqual([id]);
    expect(vertex.jobs.get(id)?.stuck).toBe(true);
    await client.cancelPipelineJob({ name: jobName(id) });
    expect((await poll(id)).state).toBe('PIPELINE_STATE_CANCELLED');
  });

  it('shows QUEUED and PENDING before RUNNING when the service is slow to start', async () => {
    const slow = await startVertexEmulator({ queuedMs: 150, pendingMs: 150 });
    try {
      const slowClient = newClient(slow, tokenClient('t'));
      const id = jobId('queued');
      const created = await createJob(id, { text: 'q' }, {}, slowClient, slow.parent);
      expect(created.state).toBe('PIPELINE_STATE_QUEUED');
      const seen = new Set<string>();
      for (let i = 0; i < 400 && !TERMINAL.has([...seen].at(-1) ?? ''); i++) {
        const [job] = await slowClient.getPipelineJob({
          name: `${slow.parent}/pipelineJobs/${id}`,
        });
        seen.add(String(job.state));
        await sleep(20);
      }
      expect([...seen]).toEqual([
        'PIPELINE_STATE_QUEUED',
        'PIPELINE_STATE_PENDING',
        'PIPELINE_STATE_RUNNING',
        'PIPELINE_STATE_SUCCEEDED',
      ]);
    } finally {
      await slow.close();
    }
  });
});

describe('nested pipelines', () => {
  it('chains DAG, ParallelFor iteration and exit-handler tasks through parentTaskId', async () => {
    const spec = parse(
      await readFile(path.join(REPO_ROOT, 'tests/fixtures/ir/loop-and-exit-handler.yaml'), 'utf8'),
    ) as Record<string, unknown>;
    const dir = await tempDir('vertex-loop');
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    const stamps = path.join(dir, 'stamp');
    const id = jobId('loop');
    await createJob(id, { stamps }, { spec });
    const job = await poll(id);
    expect(job.state).toBe('PIPELINE_STATE_SUCCEEDED');

    // The product rebuilds runner paths from taskName + parentTaskId ('0' = none).
    const details = job.jobDetail?.taskDetails ?? [];
    const byId = new Map(details.map((detail) => [detail.taskId, detail]));
    const pathOf = (detail: TaskDetail): string => {
      const parent = byId.get(detail.parentTaskId ?? '0');
      if (!parent) return '';
      const prefix = pathOf(parent);
      return prefix ? `${prefix}/${detail.taskName ?? ''}` : (detail.taskName ?? '');
    };
    const states = Object.fromEntries(details.map((detail) => [pathOf(detail), detail.state]));
    expect(states).toEqual({
      '': 'SUCCEEDED',
      'exit-handler-1': 'SUCCEEDED',
      'exit-handler-1/for-loop-2': 'SUCCEEDED',
      'exit-handler-1/for-loop-2/0': 'SUCCEEDED',
      'exit-handler-1/for-loop-2/0/square': 'SUCCEEDED',
      'exit-handler-1/for-loop-2/1': 'SUCCEEDED',
      'exit-handler-1/for-loop-2/1/square': 'SUCCEEDED',
      'exit-handler-1/for-loop-2/2': 'SUCCEEDED',
      'exit-handler-1/for-loop-2/2/square': 'SUCCEEDED',
      'exit-handler-1/maybe-fail': 'SUCCEEDED',
      'report-status': 'SUCCEEDED',
    });
    const squared = details
      .filter((detail) => detail.taskName === 'square')
      .map((detail) => [pathOf(detail), fromStruct(detail.execution?.metadata)['output:squared']]);
    expect(squared.sort()).toEqual([
      ['exit-handler-1/for-loop-2/0/square', 1],
      ['exit-handler-1/for-loop-2/1/square', 4],
      ['exit-handler-1/for-loop-2/2/square', 9],
    ]);
    expect(task(job, 'for-loop-2').execution?.schemaTitle).toBe('system.DagExecution');
    expect(task(job, 'maybe-fail').execution?.schemaTitle).toBe('system.ContainerExecution');
  });

  it('stops the other branches at the first failure under FAIL_FAST', async () => {
    const spec = shellPipeline('fail-fast') as {
      root: { dag: { tasks: Record<string, unknown> } };
    };
    spec.root.dag.tasks.slow = {
      taskInfo: { name: 'slow' },
      componentRef: { name: 'comp-produce' },
      inputs: {
        parameters: {
          text: { runtimeValue: { constant: 'slow' } },
          fail: { runtimeValue: { constant: false } },
          sleep: { runtimeValue: { constant: 30 } },
        },
      },
    };
    const id = jobId('fast');
    const created = await createJob(
      id,
      { text: 'x', fail: true, sleep: 0.3 },
      { spec, failurePolicy: 'PIPELINE_FAILURE_POLICY_FAIL_FAST' },
    );
    expect(created.runtimeConfig?.failurePolicy).toBe('PIPELINE_FAILURE_POLICY_FAIL_FAST');
    const started = Date.now();
    const job = await poll(id);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(job.state).toBe('PIPELINE_STATE_FAILED');
    expect(job.error?.message).toBe(
      'The DAG failed because some tasks failed. The failed tasks are: [produce].',
    );
    expect(task(job, 'produce').state).toBe('FAILED');
    expect(task(job, 'slow').state).toBe('CANCELLED');
  });
});

describe('listing', () => {
  it('filters by label and display name and pages with nextPageToken', async () => {
    const team = `t${Date.now().toString(36)}`;
    vertex.faults.stickNextJobs(4);
    const ids = [jobId('list'), jobId('list'), jobId('list'), jobId('list')];
    for (const [index, id] of ids.entries())
      await createJob(id, { text: 'l' }, { labels: { team: index < 3 ? team : 'other' } });

    const filter = `labels.team="${team}"`;
    const [page1, next, raw1] = await client.listPipelineJobs(
      { parent: vertex.parent, filter, pageSize: 2 },
      { autoPaginate: false },
    );
    expect(page1.map((job) => job.displayName)).toEqual([ids[2], ids[1]]);
    expect(raw1?.nextPageToken).toBeTruthy();
    expect(next?.pageToken).toBe(raw1?.nextPageToken);
    const [page2, last, raw2] = await client.listPipelineJobs(
      { parent: vertex.parent, filter, pageSize: 2, pageToken: next?.pageToken ?? '' },
      { autoPaginate: false },
    );
    expect(page2.map((job) => job.displayName)).toEqual([ids[0]]);
    expect(last).toBeNull();
    expect(raw2?.nextPageToken).toBe('');

    const all: string[] = [];
    for await (const job of client.listPipelineJobsAsync({
      parent: vertex.parent,
      filter: `${filter} AND display_name="${ids[1] ?? ''}"`,
    }))
      all.push(job.displayName ?? '');
    expect(all).toEqual([ids[1]]);

    const bad = await failure(
      client.listPipelineJobs(
        { parent: vertex.parent, filter: `labels.team="a" OR labels.team="b"` },
        { autoPaginate: false },
      ),
    );
    expect(rpcCodeOf(bad)).toBe(3);
    for (const id of ids) await client.cancelPipelineJob({ name: jobName(id) });
  });
});

describe('validation', () => {
  it('rejects a duplicate job id with ALREADY_EXISTS', async () => {
    const id = jobId('dup');
    await createJob(id, { text: 'one' });
    const error = await failure(createJob(id, { text: 'two' }));
    // gax 5.0.8 leaves the HTTP status on `code`; the gRPC code is in the body's status.
    expect(error.code).toBe(409);
    expect(rpcCodeOf(error)).toBe(6);
    expect(apiMessage(error)).toBe(
      `PipelineJob "${vertex.jobs.get(id)?.name ?? '?'}" already exists.`,
    );
    await vertex.jobs.get(id)?.done;
  });

  it('serves only its own region and project', async () => {
    const wrongRegion = await failure(
      createJob(
        jobId('region'),
        { text: 'x' },
        {},
        client,
        `projects/${vertex.project}/locations/europe-west4`,
      ),
    );
    expect(rpcCodeOf(wrongRegion)).toBe(3);
    expect(apiMessage(wrongRegion)).toContain('europe-west4-aiplatform.googleapis.com');

    const wrongProject = await failure(
      client.getPipelineJob({ name: `projects/other/locations/${vertex.region}/pipelineJobs/x` }),
    );
    expect(rpcCodeOf(wrongProject)).toBe(7);

    // Both the project id and the number address a job.
    const id = jobId('number');
    await createJob(id, { text: 'n' });
    const [byNumber] = await client.getPipelineJob({
      name: `projects/${vertex.projectNumber}/locations/${vertex.region}/pipelineJobs/${id}`,
    });
    expect(byNumber.displayName).toBe(id);
    await vertex.jobs.get(id)?.done;
  });

  it('checks ids, parameters, labels and the pipeline spec', async () => {
    const cases: Array<[string, () => Promise<unknown>, string]> = [
      ['bad id', () => createJob('Bad_ID', { text: 'x' }), '[a-z][-a-z0-9]{0,127}'],
      [
        'unknown parameter',
        () => createJob(jobId('p'), { text: 'x', txet: 1 }),
        '"txet" is not a parameter',
      ],
      ['missing parameter', () => createJob(jobId('p'), {}), '"text" is required'],
      [
        'wrong type',
        () => createJob(jobId('p'), { text: 'x', fail: 'maybe' }),
        '"fail" must be true or false',
      ],
      [
        'label',
        () => createJob(jobId('p'), { text: 'x' }, { labels: { Team: 'x' } }),
        'label key "Team"',
      ],
      [
        'spec',
        () =>
          client.createPipelineJob({
            parent: vertex.parent,
            pipelineJobId: jobId('p'),
            pipelineJob: {
              pipelineSpec: toStruct({ ...shellPipeline(), root: { dag: { tasks: { t: {} } } } }),
              runtimeConfig: { gcsOutputDirectory: 'gs://acme-ml-pipelines/root' },
            },
          }),
        'is not a valid KFP pipeline spec',
      ],
      [
        'root',
        () =>
          client.createPipelineJob({
            parent: vertex.parent,
            pipelineJobId: jobId('p'),
            pipelineJob: { pipelineSpec: toStruct(shellPipeline()) },
          }),
        'gcs_output_directory is required',
      ],
    ];
    for (const [label, call, message] of cases) {
      const error = await failure(call());
      expect(rpcCodeOf(error), label).toBe(3);
      expect(apiMessage(error), label).toContain(message);
    }
  });
});

describe('auth and faults', () => {
  it('rejects unknown tokens with UNAUTHENTICATED', async () => {
    const guarded = await startVertexEmulator({
      validateToken: (token) =>
        token === 'good' ? { ok: true, principal: 'user:me' } : { ok: false, reason: 'unknown' },
    });
    try {
      const error = await failure(
        newClient(guarded, tokenClient('forged')).getPipelineJob({
          name: `${guarded.parent}/pipelineJobs/x`,
        }),
      );
      expect(error.code).toBe(401);
      expect(rpcCodeOf(error)).toBe(16);
      const missing = await failure(
        newClient(guarded, tokenClient('good')).getPipelineJob({
          name: `${guarded.parent}/pipelineJobs/x`,
        }),
      );
      expect(rpcCodeOf(missing)).toBe(5);
    } finally {
      await guarded.close();
    }
  });

  it('rejects a federated token once it expires mid-wait (auth emulators, shared clock)', async () => {
    const auth = await startAuthEmulators();
    const guarded = await startVertexEmulator({
      validateToken: (token) => auth.validateAccessToken(token),
      clock: auth.clock,
    });
    try {
      const federated = ExternalAccountClient.fromJSON({
        ...auth.externalAccountCredentials(),
        scopes: ['https://www.googleapis.com/auth/cloud-platform'],
      } as Parameters<typeof ExternalAccountClient.fromJSON>[0]);
      if (!federated) throw new Error('no external account client');
      const federatedClient = newClient(guarded, federated);
      const id = jobId('wif');
      await createJob(id, { text: 'wif' }, {}, federatedClient, guarded.parent);
      expect(guarded.jobs.get(id)?.createdBy).toBe(`serviceAccount:${auth.serviceAccount}`);

      auth.clock.advance(2 * 3600_000);
      const error = await failure(
        federatedClient.getPipelineJob({ name: `${guarded.parent}/pipelineJobs/${id}` }),
      );
      expect(rpcCodeOf(error)).toBe(16);
      expect(error.message).toContain('ACCESS_TOKEN_EXPIRED');
    } finally {
      await guarded.close();
      await auth.close();
    }
  });

  it('injects 503 and 429 with Retry-After, then recovers', async () => {
    vertex.faults.failNext(1, 503, { route: 'getPipelineJob', retryAfterSeconds: 7 });
    const unavailable = await failure(client.getPipelineJob({ name: jobName('x') }));
    expect(unavailable.code).toBe(503);
    expect(rpcCodeOf(unavailable)).toBe(14);

    vertex.faults.failNext(1, 429, { retryAfterSeconds: 2 });
    const response = await fetch(`${vertex.endpoint.url}/v1/${jobName('x')}`, {
      headers: { authorization: 'Bearer t' },
    });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('2');
    expect(await response.json()).toEqual({
      error: {
        code: 429,
        message: 'Resource has been exhausted (e.g. check quota).',
        status: 'RESOURCE_EXHAUSTED',
      },
    });

    const recovered = await failure(client.getPipelineJob({ name: jobName('x') }));
    expect(rpcCodeOf(recovered)).toBe(5);
    expect(vertex.faults.injector.pendingFailures()).toBe(0);
  });

  it('adds latency per route and counts calls per route', async () => {
    const before = vertex.calls();
    vertex.faults.setLatency(200, 'getPipelineJob');
    const started = Date.now();
    await failure(client.getPipelineJob({ name: jobName('x') }));
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    const listed = Date.now();
    await client.listPipelineJobs({ parent: vertex.parent, pageSize: 1 }, { autoPaginate: false });
    expect(Date.now() - listed).toBeLessThan(190);
    const after = vertex.calls();
    expect(after.getPipelineJob - before.getPipelineJob).toBe(1);
    expect(after.listPipelineJobs - before.listPipelineJobs).toBe(1);
    expect(after.createPipelineJob).toBe(before.createPipelineJob);
  });
});
