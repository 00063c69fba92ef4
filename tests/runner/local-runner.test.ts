import { cp, readdir, readFile, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { SubprocessExecutor } from '../../src/adapters/local-runner/executors.js';
import { runPipelineLocally } from '../../src/adapters/local-runner/local-runner.js';
import { TaskCache } from '../../src/adapters/local-runner/task-cache.js';
import { loadPipeline } from '../../src/adapters/pipeline-loader.js';
import { resolveRunParameters } from '../../src/core/ir/parameters.js';
import type { RunRecord } from '../../src/core/run-record.js';
import type { TaskEvent } from '../../src/core/run-events.js';
import { corpusFile, REPO_ROOT, tempDir } from '../helpers/paths.js';
import { cacheFiles, shellComponent, writePipeline } from './pipeline-fixtures.js';

async function run(
  file: string,
  params: Record<string, unknown> = {},
  options: {
    useCache?: boolean;
    parallelism?: number;
    root?: string;
    cache?: TaskCache;
    now?: () => Date;
  } = {},
): Promise<{ record: RunRecord; events: TaskEvent[]; warnings: string[] }> {
  const loaded = await loadPipeline(file);
  const events: TaskEvent[] = [];
  const warnings: string[] = [];
  const record = await runPipelineLocally(
    loaded.spec,
    resolveRunParameters(loaded.spec, params, file),
    {
      pipelineRoot: options.root ?? path.join(path.dirname(file), 'root'),
      workdir: path.dirname(file),
      executor: new SubprocessExecutor(),
      parallelism: options.parallelism ?? 4,
      useCache: options.useCache ?? true,
      backoffScale: 0,
      cache: options.cache,
      now: options.now,
      observer: {
        onTaskEvent: (event) => events.push(event),
        onWarning: (message) => warnings.push(message),
      },
    },
  );
  return { record, events, warnings };
}

/** A task's string output parameter ('' when absent or not a string). */
function textOutput(record: RunRecord, task: string, name: string): string {
  const value = record.tasks[task]?.parameters[name];
  return typeof value === 'string' ? value : '';
}

const COMPONENTS = {
  'produce.yaml': shellComponent(
    'Produce',
    {
      inputs: [['text', 'String']],
      outputs: [
        ['data', 'Dataset'],
        ['size', 'Integer'],
      ],
    },
    'printf "%s" "$1" > "$2"; printf "%s" "${#1}" > "$3"',
  ),
  'slow.yaml': shellComponent(
    'Slow',
    { inputs: [['data', 'Dataset']], outputs: [['stamp', 'String']] },
    'date +%s%N > /dev/null; start=$(date +%s%N); sleep 0.6; end=$(date +%s%N); printf "%s-%s" "$start" "$end" > "$2"',
  ),
  'score.yaml': shellComponent(
    'Score',
    { inputs: [['data', 'Dataset']], outputs: [['score', 'Float']] },
    'wc -c < "$1" | awk \'{ printf "%.2f", $1 / 10 }\' > "$2"',
  ),
  'report.yaml': shellComponent(
    'Report',
    { inputs: [['score', 'Float']], outputs: [['line', 'String']] },
    'printf "score=%s" "$1" > "$2"',
  ),
  'fail.yaml': shellComponent(
    'Fail',
    { inputs: [['data', 'Dataset']] },
    'echo "about to fail"; echo "bad things" >&2; exit 3',
  ),
};

/** count → score, where count appends a line to a file each time it really runs. */
async function countingPipeline(
  prefix: string,
): Promise<{ file: string; root: string; executions: () => Promise<number> }> {
  const dir = await tempDir(prefix);
  const marker = path.join(dir, 'executions');
  const file = await writePipeline(
    dir,
    {
      parameters: { text: { type: 'String', default: 'cache me' } },
      tasks: {
        count: { component: 'count.yaml', inputs: { text: '${params.text}', marker } },
        score: { component: 'score.yaml', inputs: { data: '${count.data}' } },
      },
    },
    {
      ...COMPONENTS,
      'count.yaml': shellComponent(
        'Count',
        {
          inputs: [
            ['text', 'String'],
            ['marker', 'String'],
          ],
          outputs: [['data', 'Dataset']],
        },
        'echo run >> "$2"; printf "%s" "$1" > "$3"',
      ),
    },
  );
  return {
    file,
    root: path.join(dir, 'root'),
    executions: async () => (await readFile(marker, 'utf8')).trim().split('\n').length,
  };
}

describe('local runner on declarative pipelines', () => {
  it('runs independent branches at the same time and feeds outputs downstream', async () => {
    const dir = await tempDir('parallel');
    const file = await writePipeline(
      dir,
      {
        parameters: { text: { type: 'String', default: 'hello world' } },
        tasks: {
          produce: { component: 'produce.yaml', inputs: { text: '${params.text}' } },
          left: { component: 'slow.yaml', inputs: { data: '${produce.data}' } },
          right: { component: 'slow.yaml', inputs: { data: '${produce.data}' } },
          score: { component: 'score.yaml', inputs: { data: '${produce.data}' } },
        },
        outputs: { size: 'produce.size', score: 'score.score' },
      },
      COMPONENTS,
    );
    const { record } = await run(file);
    expect(record.state).toBe('SUCCEEDED');
    expect(record.outputs).toEqual({ size: 11, score: 1.1 });
    const [leftStart, leftEnd] = textOutput(record, 'left', 'stamp').split('-').map(Number);
    const [rightStart, rightEnd] = textOutput(record, 'right', 'stamp').split('-').map(Number);
    // The two 0.6 s branches overlap in time: neither started after the other ended.
    expect(leftStart).toBeLessThan(rightEnd ?? 0);
    expect(rightStart).toBeLessThan(leftEnd ?? 0);
    const data = record.tasks.produce?.artifacts.data?.[0];
    expect(data?.uri).toBe(path.join(record.location, 'produce', 'data'));
    expect(await readFile(data?.uri ?? '', 'utf8')).toBe('hello world');
    const saved = JSON.parse(
      await readFile(path.join(record.location, 'run.json'), 'utf8'),
    ) as RunRecord;
    expect(saved.tasks.score?.parameters.score).toBe(1.1);
    expect(saved.metrics.score).toEqual({ score: 1.1 });
  });

  it('serialises tasks when parallelism is 1', async () => {
    const dir = await tempDir('serial');
    const file = await writePipeline(
      dir,
      {
        tasks: {
          produce: { component: 'produce.yaml', inputs: { text: 'x' } },
          left: { component: 'slow.yaml', inputs: { data: '${produce.data}' } },
          right: { component: 'slow.yaml', inputs: { data: '${produce.data}' } },
        },
      },
      COMPONENTS,
    );
    // Caching off: the two identical tasks would otherwise share one execution.
    const { record } = await run(file, {}, { parallelism: 1, useCache: false });
    const [leftStart, leftEnd] = textOutput(record, 'left', 'stamp').split('-').map(Number);
    const [rightStart, rightEnd] = textOutput(record, 'right', 'stamp').split('-').map(Number);
    expect((leftEnd ?? 0) <= (rightStart ?? 0) || (rightEnd ?? 0) <= (leftStart ?? 0)).toBe(true);
  });

  it('evaluates when-conditions with CEL and skips the branch that is false', async () => {
    const dir = await tempDir('condition');
    const file = await writePipeline(
      dir,
      {
        parameters: {
          text: { type: 'String', default: 'a fairly long text' },
          threshold: { type: 'Float', default: 1.0 },
        },
        tasks: {
          produce: { component: 'produce.yaml', inputs: { text: '${params.text}' } },
          score: { component: 'score.yaml', inputs: { data: '${produce.data}' } },
          high: {
            component: 'report.yaml',
            when: 'score.score >= params.threshold',
            inputs: { score: '${score.score}' },
          },
          low: {
            component: 'report.yaml',
            when: 'score.score < params.threshold && produce.size > 0',
            inputs: { score: '${score.score}' },
          },
        },
      },
      COMPONENTS,
    );
    const { record, events } = await run(file);
    expect(record.state).toBe('SUCCEEDED');
    expect(record.tasks['condition-1']?.state).toBe('SUCCEEDED');
    expect(record.tasks['condition-1/high']?.parameters.line).toBe('score=1.8');
    expect(record.tasks['condition-2']?.state).toBe('SKIPPED');
    expect(record.tasks['condition-2/low']).toBeUndefined();
    expect(events.find((event) => event.path === 'condition-2')?.reason).toContain(
      'condition is false',
    );
    const rerun = await run(file, { threshold: 5 });
    expect(rerun.record.tasks['condition-1']?.state).toBe('SKIPPED');
    expect(rerun.record.tasks['condition-2/low']?.state).toBe('SUCCEEDED');
  });

  it('reports a failing task with its exit code, command and log tail, and does not start its dependents', async () => {
    const dir = await tempDir('failure');
    const file = await writePipeline(
      dir,
      {
        tasks: {
          produce: { component: 'produce.yaml', inputs: { text: 'x' } },
          fail: {
            component: 'fail.yaml',
            inputs: { data: '${produce.data}' },
            retry: { attempts: 2 },
          },
          after: { component: 'score.yaml', inputs: { data: '${produce.data}' }, after: ['fail'] },
          independent: { component: 'score.yaml', inputs: { data: '${produce.data}' } },
        },
      },
      COMPONENTS,
    );
    const { record, events } = await run(file);
    expect(record.state).toBe('FAILED');
    const failed = record.tasks.fail;
    expect(failed?.state).toBe('FAILED');
    expect(failed?.attempts).toBe(3);
    expect(failed?.failure?.exitCode).toBe(3);
    expect(failed?.failure?.commandLine).toMatch(/^sh -ec /);
    expect(failed?.failure?.logTail).toEqual(
      expect.arrayContaining(['about to fail', 'bad things']),
    );
    expect(record.tasks.after?.state).toBe('NOT_TRIGGERED');
    expect(record.tasks.independent?.state).toBe('SUCCEEDED');
    expect(
      events
        .filter((event) => event.path === 'fail' && event.state === 'RUNNING')
        .map((event) => event.attempt),
    ).toEqual([1, 2, 3]);
  });

  it('retries a flaky task until it succeeds', async () => {
    const dir = await tempDir('retry');
    const counter = path.join(dir, 'attempts');
    const file = await writePipeline(
      dir,
      {
        tasks: {
          flaky: {
            component: 'flaky.yaml',
            inputs: { counter },
            retry: { attempts: 3, backoff: '1s' },
          },
        },
      },
      {
        'flaky.yaml': shellComponent(
          'Flaky',
          { inputs: [['counter', 'String']], outputs: [['tries', 'Integer']] },
          'echo x >> "$1"; n=$(wc -l < "$1"); [ "$n" -ge 2 ] || exit 9; printf "%s" "$n" > "$2"',
        ),
      },
    );
    const { record } = await run(file);
    expect(record.tasks.flaky?.state).toBe('SUCCEEDED');
    expect(record.tasks.flaky?.attempts).toBe(2);
    expect(record.tasks.flaky?.parameters.tries).toBe(2);
  });

  it('reuses cached outputs on an unchanged re-run and runs again when inputs change or caching is off', async () => {
    const { file, executions } = await countingPipeline('cache');
    const first = await run(file);
    expect(first.record.tasks.count?.cached).toBe(false);
    const second = await run(file);
    expect(second.record.tasks.count?.cached).toBe(true);
    expect(second.record.tasks.score?.cached).toBe(true);
    expect(second.record.tasks.score?.parameters).toEqual(first.record.tasks.score?.parameters);
    expect(await readFile(second.record.tasks.count?.artifacts.data?.[0]?.uri ?? '', 'utf8')).toBe(
      'cache me',
    );
    expect(await executions()).toBe(1);
    const changed = await run(file, { text: 'something else' });
    expect(changed.record.tasks.count?.cached).toBe(false);
    expect(changed.record.tasks.score?.cached).toBe(false);
    const forced = await run(file, {}, { useCache: false });
    expect(forced.record.tasks.count?.cached).toBe(false);
    expect(await executions()).toBe(3);
  });

  it('takes output parameters from executor_output.json over their files, and artifact metadata from it', async () => {
    const dir = await tempDir('executor-output');
    const script = [
      'out=$(printf "%s" "$1" | sed -n \'s/.*"outputFile": *"\\([^"]*executor_output.json\\)".*/\\1/p\')',
      'printf "0.1" > "$2"',
      'printf "%s" \'{"parameterValues": {"accuracy": 0.97}, "artifacts": {"metrics": {"artifacts": [{"name": "metrics", "metadata": {"f1": 0.91, "note": "x"}}]}}}\' > "$out"',
    ].join('\n');
    const component = {
      name: 'Evaluate',
      outputs: [
        { name: 'accuracy', type: 'Float' },
        { name: 'metrics', type: 'Metrics' },
      ],
      implementation: {
        container: {
          image: 'busybox',
          command: ['sh', '-ec', script, 'evaluate'],
          args: [{ executorInput: null }, { outputPath: 'accuracy' }, { outputPath: 'metrics' }],
        },
      },
    };
    const file = await writePipeline(
      dir,
      { tasks: { evaluate: { component: 'evaluate.yaml' } } },
      { 'evaluate.yaml': component },
    );
    const { record } = await run(file);
    expect(record.tasks.evaluate?.parameters.accuracy).toBe(0.97);
    expect(record.tasks.evaluate?.artifacts.metrics?.[0]?.metadata).toEqual({
      f1: 0.91,
      note: 'x',
    });
    expect(record.metrics.evaluate).toEqual({ f1: 0.91, accuracy: 0.97 });
  });

  it('fails a task that does not write a declared output parameter', async () => {
    const dir = await tempDir('missing-output');
    const file = await writePipeline(
      dir,
      { tasks: { lazy: { component: 'lazy.yaml' } } },
      { 'lazy.yaml': shellComponent('Lazy', { outputs: [['result', 'String']] }, 'true') },
    );
    const { record } = await run(file);
    expect(record.tasks.lazy?.state).toBe('FAILED');
    expect(record.tasks.lazy?.failure?.message).toContain(
      'did not write output parameter "result"',
    );
  });
});

describe('local runner: cache integrity', () => {
  it('runs a task again when its cached outputs changed after they were stored, warns naming it, and replaces the entry', async () => {
    const { file, root, executions } = await countingPipeline('cache-damaged');
    const first = await run(file);
    // A cached dataset cut short (a full disk, a killed copy) and a stored parameter edited.
    const [data] = await cacheFiles(root, 'artifacts/data');
    await truncate(data ?? '', 3);
    const manifests = await cacheFiles(root, 'outputs.json');
    for (const manifest of manifests) {
      const text = await readFile(manifest, 'utf8');
      if (text.includes('"score":0.8')) await writeFile(manifest, text.replace('0.8', '0.9'));
    }

    const second = await run(file);
    expect(second.warnings).toEqual([
      expect.stringMatching(
        /^Task count: .*artifact "data" changed after it was cached.*running it again/,
      ),
      expect.stringMatching(
        /^Task score: .*outputs\.json changed after it was cached.*running it again/,
      ),
    ]);
    expect(second.record.tasks.count?.cached).toBe(false);
    expect(second.record.tasks.score?.cached).toBe(false);
    expect(await readFile(second.record.tasks.count?.artifacts.data?.[0]?.uri ?? '', 'utf8')).toBe(
      'cache me',
    );
    expect(second.record.tasks.score?.parameters).toEqual(first.record.tasks.score?.parameters);
    expect(await executions()).toBe(2);

    // The damaged entries were replaced: the next run reuses them without a word.
    const third = await run(file);
    expect(third.warnings).toEqual([]);
    expect(third.record.tasks.count?.cached).toBe(true);
    expect(third.record.tasks.score?.cached).toBe(true);
    expect(await executions()).toBe(2);
  });

  it('keeps a task that succeeded when its outputs cannot be cached (disk full), warns, and leaves no temporary folder', async () => {
    const { file, root, executions } = await countingPipeline('cache-full');
    // The copy into the cache writes what fits, then the disk is full.
    const cache = new TaskCache(path.join(root, '.cache'), {
      copy: async (source, destination, options) => {
        await cp(source, destination, options);
        throw Object.assign(new Error(`ENOSPC: no space left on device, write`), {
          code: 'ENOSPC',
        });
      },
    });
    const full = await run(file, {}, { cache });
    expect(full.record.state).toBe('SUCCEEDED');
    expect(full.record.tasks.count?.state).toBe('SUCCEEDED');
    expect(full.record.tasks.score?.parameters).toEqual({ score: 0.8 });
    expect(full.warnings).toEqual([
      expect.stringMatching(/^Task count: .*could not be cached: ENOSPC: no space left on device/),
    ]);
    expect(await cacheFiles(root, '')).not.toContainEqual(expect.stringContaining('.tmp-'));
    // Nothing half-stored is reused.
    const again = await run(file);
    expect(again.record.tasks.count?.cached).toBe(false);
    expect(await executions()).toBe(2);
  });
});

describe('local runner: run folders', () => {
  it('gives runs started in the same second into one pipeline root their own folders', async () => {
    const dir = await tempDir('same-second');
    const file = await writePipeline(
      dir,
      { tasks: { produce: { component: 'produce.yaml', inputs: { text: 'x' } } } },
      COMPONENTS,
    );
    const now = (): Date => new Date('2025-06-01T12:00:00Z');
    const runs = await Promise.all([1, 2, 3, 4].map(() => run(file, {}, { now })));
    const base = 'test-pipeline-20250601-120000';
    expect(runs.map(({ record }) => record.runId).sort()).toEqual([
      base,
      `${base}-2`,
      `${base}-3`,
      `${base}-4`,
    ]);
    for (const { record } of runs) {
      const saved = JSON.parse(
        await readFile(path.join(record.location, 'run.json'), 'utf8'),
      ) as RunRecord;
      expect(saved.runId).toBe(record.runId);
      expect(saved.state).toBe('SUCCEEDED');
    }
  });
});

describe('subprocess executor: import failures', () => {
  it('says which Python could not import the module and how to choose another', async () => {
    const dir = await tempDir('import-error');
    const result = await new SubprocessExecutor().run({
      taskPath: 'load',
      image: 'python:3.11',
      argv: ['python3', '-c', 'import mlops_no_such_module'],
      commandLength: 3,
      env: {},
      resources: undefined,
      workdir: dir,
      mounts: [],
      logFile: path.join(dir, 'task.log'),
    });
    expect(result.exitCode).toBe(1);
    expect(result.hint).toMatch(
      /^python3 \(\/\S+\/python3\) cannot import mlops_no_such_module, and no other Python found on this machine can\. /,
    );
    expect(result.hint).toContain('--python PATH or MLOPS_PYTHON (action input: python)');
  });
});

describe('subprocess executor: the task environment', () => {
  it("gives tasks what they need, never the runner's tokens or the step's inputs", async () => {
    const dir = await tempDir('task-env');
    const secrets = {
      ACTIONS_RUNTIME_TOKEN: 'runtime-token-value',
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'oidc-request-token-value',
      ACTIONS_ID_TOKEN_REQUEST_URL: 'https://oidc.example/token',
      'INPUT_GITHUB-TOKEN': 'ghs_input_value',
      INPUT_REGISTRY_PASSWORD: 'registry-password-value',
      MLOPS_SYNC_TOKEN: 'sync-token-value',
      UNRELATED_SETTING: 'not-for-tasks',
    };
    const needed = {
      MLOPS_VERTEX_ENDPOINT: 'http://127.0.0.1:9/v1',
      GOOGLE_APPLICATION_CREDENTIALS: '/tmp/creds.json',
      LC_ALL: 'C.UTF-8',
      PASSED_ON_PURPOSE: 'asked-for',
    };
    for (const [name, value] of Object.entries({ ...secrets, ...needed })) vi.stubEnv(name, value);
    onTestFinished(() => {
      vi.unstubAllEnvs();
    });
    const logFile = path.join(dir, 'task.log');
    const result = await new SubprocessExecutor({ passEnv: ['PASSED_ON_PURPOSE'] }).run({
      taskPath: 'env',
      image: 'busybox',
      argv: ['sh', '-c', 'env'],
      commandLength: 3,
      env: { TASK_OWN: 'from-the-spec' },
      resources: undefined,
      workdir: dir,
      mounts: [],
      logFile,
    });
    expect(result.exitCode).toBe(0);
    const seen = await readFile(logFile, 'utf8');
    for (const value of Object.values(secrets)) expect(seen).not.toContain(value);
    for (const [name, value] of Object.entries(needed)) expect(seen).toContain(`${name}=${value}`);
    expect(seen).toContain('TASK_OWN=from-the-spec');
    expect(seen).toMatch(/^PATH=/m);
  });
});

describe('local runner: cancellation', () => {
  it('stops the whole task (the shell and what it started) and records CANCELLED', async () => {
    const dir = await tempDir('cancel');
    const marker = path.join(dir, 'after-sleep');
    const file = await writePipeline(
      dir,
      { tasks: { nap: { component: 'nap.yaml', inputs: { marker } } } },
      {
        'nap.yaml': shellComponent(
          'Nap',
          { inputs: [['marker', 'String']] },
          'sleep 30; touch "$1"',
        ),
      },
    );
    const loaded = await loadPipeline(file);
    const controller = new AbortController();
    const events: TaskEvent[] = [];
    const root = path.join(dir, 'root');
    let snapshot: RunRecord | undefined;
    // What a reader (or a killed runner) finds in run.json while the task runs.
    const snapshotThenCancel = async (): Promise<void> => {
      const runId = (await readdir(root)).find((name) => name.startsWith('test-pipeline-'));
      snapshot = await readFile(path.join(root, runId ?? '', 'run.json'), 'utf8').then(
        (text) => JSON.parse(text) as RunRecord,
        () => undefined,
      );
      controller.abort();
    };
    const running = runPipelineLocally(
      loaded.spec,
      {},
      {
        pipelineRoot: root,
        workdir: dir,
        executor: new SubprocessExecutor(),
        parallelism: 1,
        useCache: false,
        signal: controller.signal,
        observer: {
          onTaskEvent: (event) => {
            events.push(event);
            if (event.state === 'RUNNING') setTimeout(() => void snapshotThenCancel(), 300);
          },
        },
      },
    );
    const record = await running;
    expect(snapshot?.state).toBe('RUNNING');
    expect(snapshot?.tasks.nap?.state).toBe('RUNNING');
    expect(record.state).toBe('CANCELLED');
    expect(record.tasks.nap?.state).toBe('CANCELLED');
    expect(record.tasks.nap?.failure?.exitCode).toBe(143);
    expect(events.at(-1)).toMatchObject({ path: 'nap', state: 'CANCELLED' });
    await expect(readFile(marker)).rejects.toThrow(/ENOENT/);
  }, 20_000);
});

describe('local runner on the KFP corpus (container components, subprocess executor)', () => {
  const cases: Array<{
    file: string;
    params?: Record<string, unknown>;
    expect: (record: RunRecord) => void;
  }> = [
    { file: 'hello_world.yaml', expect: (r) => expect(r.tasks.echo?.state).toBe('SUCCEEDED') },
    {
      file: 'critical/producer_consumer_param_pipeline.yaml',
      expect: (r) => {
        expect(Object.values(r.tasks).every((t) => t.state === 'SUCCEEDED')).toBe(true);
        expect(Object.keys(r.tasks)).toHaveLength(2);
      },
    },
    {
      file: 'essential/pipeline_with_after.yaml',
      expect: (r) =>
        expect(Object.values(r.tasks).map((t) => t.state)).toEqual([
          'SUCCEEDED',
          'SUCCEEDED',
          'SUCCEEDED',
        ]),
    },
    {
      file: 'essential/pipeline_with_nested_conditions_yaml.yaml',
      expect: (r) => {
        const states = Object.values(r.tasks).map((t) => t.state);
        expect(states).toContain('SUCCEEDED');
        expect(r.state).toBe('SUCCEEDED');
      },
    },
    {
      file: 'pipeline_with_task_final_status_yaml.yaml',
      params: { message: 'hello' },
      expect: (r) => expect(r.state).toBe('SUCCEEDED'),
    },
    {
      file: 'critical/container_component_with_no_inputs.yaml',
      expect: (r) => expect(r.state).toBe('SUCCEEDED'),
    },
    {
      // IfPresent with an absent optional input takes the Else branch.
      file: 'essential/placeholder_with_if_placeholder_none_input_value.yaml',
      expect: (r) =>
        expect(r.tasks['component-with-optional-inputs']?.commandLine).toBe(
          "echo --arg0 input0 --arg2 'default value'",
        ),
    },
  ];

  it.each(cases)('runs $file', async ({ file, params, expect: check }) => {
    const root = await tempDir('corpus');
    const loaded = await loadPipeline(corpusFile(file));
    const record = await runPipelineLocally(
      loaded.spec,
      resolveRunParameters(loaded.spec, params ?? {}, file),
      {
        pipelineRoot: root,
        workdir: root,
        executor: new SubprocessExecutor(),
        parallelism: 2,
        useCache: false,
      },
    );
    check(record);
  });
});

describe('local runner: ParallelFor and exit handlers (hand-written IR in the SDK shape)', () => {
  const fixture = path.join(REPO_ROOT, 'tests/fixtures/ir/loop-and-exit-handler.yaml');

  async function runFixture(fail: boolean): Promise<{ record: RunRecord; stamps: string }> {
    const root = await tempDir('loop');
    const stamps = path.join(root, 'stamps');
    const loaded = await loadPipeline(fixture);
    const record = await runPipelineLocally(
      loaded.spec,
      resolveRunParameters(loaded.spec, { stamps, fail }, 'fixture'),
      {
        pipelineRoot: root,
        workdir: root,
        executor: new SubprocessExecutor(),
        parallelism: 4,
        useCache: false,
      },
    );
    return { record, stamps };
  }

  it('runs each loop item with its selected fields, at most parallelismLimit at a time', async () => {
    const { record, stamps } = await runFixture(false);
    expect(record.state).toBe('SUCCEEDED');
    expect(
      [0, 1, 2].map(
        (i) => record.tasks[`exit-handler-1/for-loop-2/${i}/square`]?.parameters.squared,
      ),
    ).toEqual([1, 4, 9]);
    // Intervals of the three iterations: never more than two overlap.
    const intervals = await Promise.all(
      ['a', 'b', 'c'].map(async (name) => {
        const lines = (await readFile(`${stamps}.${name}`, 'utf8')).trim().split('\n');
        return lines.map((line) => BigInt(line.split(' ')[1] ?? '0'));
      }),
    );
    const overlapping = intervals.map(
      ([start = 0n]) => intervals.filter(([s = 0n, e = 0n]) => s <= start && start < e).length,
    );
    expect(Math.max(...overlapping)).toBeLessThanOrEqual(2);
    expect(JSON.parse(textOutput(record, 'report-status', 'line'))).toMatchObject({
      state: 'SUCCEEDED',
      pipelineTaskName: 'exit-handler-1',
    });
  });

  it('runs the exit task after a failure and hands it the failed status', async () => {
    const { record } = await runFixture(true);
    expect(record.state).toBe('FAILED');
    expect(record.tasks['exit-handler-1/maybe-fail']?.failure?.exitCode).toBe(4);
    expect(record.tasks['exit-handler-1']?.state).toBe('FAILED');
    expect(record.tasks['report-status']?.state).toBe('SUCCEEDED');
    expect(JSON.parse(textOutput(record, 'report-status', 'line'))).toMatchObject({
      state: 'FAILED',
      error: { message: 'exited with code 4' },
    });
  });
});
