/**
 * The local runner: runs a pipeline spec on this machine the way Vertex would, walking each
 * DAG (tasks start once their upstream tasks finish, sub-DAGs, conditions, ParallelFor loops)
 * and keeping the run record (run.json) up to date. The task kinds themselves live beside it:
 * ./container-task.ts, ./importer.ts, with ./task-inputs.ts and ./task-outputs.ts.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomically } from '../atomic-file.js';
import { runProducer } from '../package-version.js';
import { ReportedError, UserError } from '../../core/errors.js';
import { findCycles } from '../../core/graph.js';
import { evaluateTriggerCondition } from '../../core/ir/cel.js';
import { taskDependencies } from '../../core/ir/dependencies.js';
import type { ParameterValue } from '../../core/ir/parameters.js';
import type { RuntimeArtifact } from '../../core/ir/placeholders.js';
import type { PipelineSpec } from '../../core/ir/schema.js';
import type { ComponentSpec, PipelineTaskSpec } from '../../core/ir/schema-components.js';
import type { PipelineContainerSpec } from '../../core/ir/schema-executors.js';
import {
  collectMetrics,
  RUN_RECORD_VERSION,
  type RunRecord,
  type TaskRecord,
} from '../../core/run-record.js';
import { runContainerTask, type ContainerRun } from './container-task.js';
import { runImporter } from './importer.js';
import {
  EMPTY_OUTCOME,
  groupState,
  toArtifactRecord,
  type LocalRunOptions,
  type Outcome,
  type Scope,
} from './local-run-types.js';
import { runLoop } from './parallel-for.js';
import { Slots } from './slots.js';
import { TaskCache } from './task-cache.js';
import { resolveTaskInputs } from './task-inputs.js';

function timestamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

/**
 * Runs a pipeline spec on this machine the way Vertex would: tasks start as soon as their
 * upstream tasks finish (bounded by `parallelism`), sub-DAGs, CEL conditions, ParallelFor,
 * exit handlers and retries follow the spec, outputs are laid out like kfp.local and every
 * task's state, timing and outputs go into a run record.
 */
export async function runPipelineLocally(
  spec: PipelineSpec,
  parameters: Record<string, ParameterValue>,
  options: LocalRunOptions,
): Promise<RunRecord> {
  const started = (options.now ?? ((): Date => new Date()))();
  const location = await createRunFolder(
    options.pipelineRoot,
    `${spec.pipelineInfo.name}-${timestamp(started)}`,
  );
  const record: RunRecord = {
    recordVersion: RUN_RECORD_VERSION,
    producer: runProducer(),
    ...(options.gitCommit ? { gitCommit: options.gitCommit } : {}),
    backend: 'local',
    runId: path.basename(location),
    pipelineName: spec.pipelineInfo.name,
    pipelineRoot: options.pipelineRoot,
    parameters,
    state: 'RUNNING',
    startTime: started.toISOString(),
    location,
    tasks: {},
    outputs: {},
    metrics: {},
  };
  return new LocalRun(spec, options, record).run();
}

/**
 * Creates `<root>/<base>`, else `<base>-2`, `-3`…: mkdir of the last level alone fails with
 * EEXIST when another run took the name, even one started at the same moment.
 */
async function createRunFolder(root: string, base: string): Promise<string> {
  await mkdir(root, { recursive: true });
  for (let suffix = 1; ; suffix++) {
    const folder = path.join(root, suffix === 1 ? base : `${base}-${suffix}`);
    try {
      await mkdir(folder);
      return folder;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

class LocalRun {
  readonly #spec: PipelineSpec;
  readonly #options: LocalRunOptions;
  readonly #slots: Slots;
  readonly #cache: TaskCache;
  readonly #record: RunRecord;
  readonly #now: () => Date;
  /** The run.json writes, one at a time; `#snapshotQueued` folds a burst of changes into one. */
  #saving: Promise<void> = Promise.resolve();
  #snapshotQueued = false;

  constructor(spec: PipelineSpec, options: LocalRunOptions, record: RunRecord) {
    this.#spec = spec;
    this.#options = options;
    this.#slots = new Slots(options.parallelism);
    this.#cache = options.cache ?? new TaskCache(path.join(options.pipelineRoot, '.cache'));
    this.#record = record;
    this.#now = options.now ?? ((): Date => new Date());
  }

  async run(): Promise<RunRecord> {
    const record = this.#record;
    this.#saveProgress();
    let outcome: Outcome | undefined;
    try {
      outcome = await this.#runDag(this.#spec.root, {
        path: '',
        dir: record.location,
        parameters: record.parameters,
        artifacts: {},
      });
    } finally {
      const ended = this.#now();
      record.state = this.#options.signal?.aborted
        ? 'CANCELLED'
        : outcome?.state === 'SUCCEEDED'
          ? 'SUCCEEDED'
          : 'FAILED';
      record.endTime = ended.toISOString();
      record.durationMs = ended.getTime() - Date.parse(record.startTime);
      record.outputs = outcome?.parameters ?? {};
      record.metrics = collectMetrics(record.tasks);
      await this.#saving;
      await this.#writeRecord();
    }
    return record;
  }

  /** run.json via a temporary file and a rename, so no reader ever sees half a record. */
  async #writeRecord(): Promise<void> {
    await writeFileAtomically(
      path.join(this.#record.location, 'run.json'),
      `${JSON.stringify(this.#record, null, 2)}\n`,
    );
  }

  /** Saves the record as it is now, so a runner killed mid-run leaves a true record. */
  #saveProgress(): void {
    if (this.#snapshotQueued) return;
    this.#snapshotQueued = true;
    this.#saving = this.#saving
      .then(() => {
        this.#snapshotQueued = false;
        return this.#writeRecord();
      })
      // A snapshot that fails is superseded by the next; the final write reports its error.
      .catch(() => undefined);
  }

  #warn(message: string): void {
    this.#options.observer?.onWarning?.(message);
  }

  /** Reports a task's state change to the observer and to run.json. */
  #emit(task: TaskRecord, extra: { reason?: string } = {}): void {
    this.#saveProgress();
    this.#options.observer?.onTaskEvent?.({
      path: task.path,
      state: task.state,
      cached: task.cached,
      attempt: task.attempts,
      ...(task.durationMs !== undefined ? { durationMs: task.durationMs } : {}),
      ...(task.failure ? { failure: task.failure } : {}),
      ...extra,
    });
  }

  #component(name: string): ComponentSpec {
    const component = this.#spec.components?.[name];
    if (!component) throw new UserError(`The spec has no component "${name}"`);
    return component;
  }

  /** Runs every task of a DAG as soon as its upstream tasks are done; returns the DAG's outputs. */
  async #runDag(component: ComponentSpec, scope: Scope): Promise<Outcome> {
    const tasks = component.dag?.tasks ?? {};
    const outcomes = new Map<string, Promise<Outcome>>();
    const [cycle] = findCycles(
      new Map(Object.entries(tasks).map(([name, task]) => [name, taskDependencies(task)])),
    );
    if (cycle) throw new UserError(`Tasks depend on each other in a cycle: ${cycle.join(' -> ')}`);
    const outcomeOf = (name: string): Promise<Outcome> => {
      let promise = outcomes.get(name);
      if (!promise) {
        const task = tasks[name];
        if (!task)
          throw new UserError(
            `Task "${name}" is referenced but not defined in ${scope.path || 'the root DAG'}`,
          );
        promise = this.#startTask(name, task, scope, taskDependencies(task), outcomeOf);
        outcomes.set(name, promise);
      }
      return promise;
    };
    const results = await Promise.all(
      Object.keys(tasks).map(async (name) => [name, await outcomeOf(name)] as const),
    );
    const byName = new Map(results);

    const parameters: Record<string, ParameterValue> = {};
    const artifacts: Record<string, RuntimeArtifact[]> = {};
    for (const [key, source] of Object.entries(component.dag?.outputs?.parameters ?? {})) {
      const selectors = source.valueFromParameter
        ? [source.valueFromParameter]
        : (source.valueFromOneof?.parameterSelectors ?? []);
      for (const selector of selectors) {
        const value = byName.get(selector.producerSubtask ?? '')?.parameters[
          selector.outputParameterKey ?? ''
        ];
        if (value !== undefined) {
          parameters[key] = value;
          break;
        }
      }
    }
    for (const [key, source] of Object.entries(component.dag?.outputs?.artifacts ?? {})) {
      for (const selector of source.artifactSelectors ?? []) {
        const list = byName.get(selector.producerSubtask ?? '')?.artifacts[
          selector.outputArtifactKey ?? ''
        ];
        if (list && list.length > 0) {
          artifacts[key] = list;
          break;
        }
      }
    }
    // A failed DAG reports its first failing task's error (exit handlers read it).
    const error = results.find(([, outcome]) => outcome.state === 'FAILED' && outcome.error)?.[1]
      .error;
    return {
      state: groupState([...byName.values()]),
      parameters,
      artifacts,
      ...(error ? { error } : {}),
    };
  }

  async #startTask(
    name: string,
    task: PipelineTaskSpec,
    scope: Scope,
    dependencies: readonly string[],
    outcomeOf: (name: string) => Promise<Outcome>,
  ): Promise<Outcome> {
    const taskPath = scope.path ? `${scope.path}/${name}` : name;
    const record: TaskRecord = {
      path: taskPath,
      name: task.taskInfo?.name ?? name,
      ...(dependencies.length > 0
        ? {
            upstream: dependencies.map((dependency) =>
              scope.path ? `${scope.path}/${dependency}` : dependency,
            ),
          }
        : {}),
      state: 'PENDING',
      cached: false,
      attempts: 0,
      parameters: {},
      artifacts: {},
    };
    this.#record.tasks[taskPath] = record;
    const upstream = await Promise.all(
      dependencies.map(async (dependency) => [dependency, await outcomeOf(dependency)] as const),
    );

    const runsRegardless = task.triggerPolicy?.strategy === 'ALL_UPSTREAM_TASKS_COMPLETED';
    const blocking = upstream.find(([, outcome]) => outcome.state !== 'SUCCEEDED');
    if (blocking && !runsRegardless) {
      const [blocker, outcome] = blocking;
      record.state = outcome.state === 'SKIPPED' ? 'SKIPPED' : 'NOT_TRIGGERED';
      this.#emit(record, {
        reason:
          outcome.state === 'SKIPPED' ? `${blocker} was skipped` : `${blocker} did not succeed`,
      });
      return { state: record.state, ...EMPTY_OUTCOME };
    }
    if (this.#options.signal?.aborted) {
      record.state = 'CANCELLED';
      this.#emit(record);
      return { state: 'CANCELLED', ...EMPTY_OUTCOME };
    }

    const started = Date.now();
    try {
      const component = this.#component(task.componentRef.name);
      const inputs = await resolveTaskInputs(this.#record.runId, task, component, scope, outcomeOf);
      const condition = task.triggerPolicy?.condition;
      if (
        condition &&
        !evaluateTriggerCondition(condition, inputs.parameters as Record<string, ParameterValue>)
      ) {
        record.state = 'SKIPPED';
        this.#emit(record, { reason: `condition is false: ${condition}` });
        return { state: 'SKIPPED', ...EMPTY_OUTCOME };
      }
      const dir = path.join(scope.dir, name);
      let outcome: Outcome;
      if (component.dag) {
        record.state = 'RUNNING';
        record.startTime = new Date().toISOString();
        this.#emit(record);
        outcome = task.parameterIterator
          ? await runLoop(task, component, { ...inputs, path: taskPath, dir }, (dag, dagScope) =>
              this.#runDag(dag, dagScope),
            )
          : await this.#runDag(component, { ...inputs, path: taskPath, dir });
      } else {
        outcome = await this.#runExecutor(record, task, component, {
          ...inputs,
          path: taskPath,
          dir,
        });
      }
      record.state = outcome.state;
      record.parameters = outcome.parameters;
      record.artifacts = Object.fromEntries(
        Object.entries(outcome.artifacts).map(([key, list]) => [key, list.map(toArtifactRecord)]),
      );
      if (outcome.error && !record.failure) record.failure = { message: outcome.error };
      return outcome;
    } catch (error) {
      record.state = 'FAILED';
      record.failure ??= {
        message: error instanceof ReportedError ? error.describe() : (error as Error).message,
      };
      return { state: 'FAILED', ...EMPTY_OUTCOME, error: record.failure.message };
    } finally {
      if (record.state !== 'SKIPPED' && record.state !== 'NOT_TRIGGERED') {
        record.endTime = new Date().toISOString();
        record.durationMs = Date.now() - started;
        if (record.startTime === undefined) record.startTime = new Date(started).toISOString();
        this.#emit(record);
      }
    }
  }

  async #runExecutor(
    record: TaskRecord,
    task: PipelineTaskSpec,
    component: ComponentSpec,
    scope: Scope,
  ): Promise<Outcome> {
    const label = component.executorLabel ?? '';
    const executor = (
      this.#spec.deploymentSpec as {
        executors?: Record<
          string,
          { container?: PipelineContainerSpec; importer?: Record<string, unknown> }
        >;
      }
    ).executors?.[label];
    if (!executor) throw new UserError(`No executor "${label}" in deploymentSpec`);
    await mkdir(scope.dir, { recursive: true });
    if (executor.importer) return runImporter(record, component, executor.importer, scope);
    if (!executor.container)
      throw new UserError(
        `Executor "${label}" is not a container or importer; it cannot run locally`,
      );
    const run: ContainerRun = {
      options: this.#options,
      runId: this.#record.runId,
      slots: this.#slots,
      cache: this.#cache,
      warn: (message) => this.#warn(message),
      emit: (task) => this.#emit(task),
    };
    return runContainerTask(run, record, task, component, executor.container, scope);
  }
}
