import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { writeFileAtomically } from '../atomic-file.js';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { durationMs } from '../../core/duration.js';
import { errorMessage, UserError } from '../../core/errors.js';
import { findCycles } from '../../core/graph.js';
import { applyExpressionSelector, evaluateTriggerCondition } from '../../core/ir/cel.js';
import { taskDependencies } from '../../core/ir/dependencies.js';
import { coerceParameter, type ParameterValue } from '../../core/ir/parameters.js';
import {
  resolveCommandLine,
  substitutePlaceholders,
  type PlaceholderContext,
  type RuntimeArtifact,
} from '../../core/ir/placeholders.js';
import type {
  ComponentSpec,
  ParameterType,
  PipelineContainerSpec,
  PipelineSpec,
  PipelineTaskSpec,
} from '../../core/ir/schema.js';
import {
  collectMetrics,
  RUN_RECORD_VERSION,
  type RunRecord,
  type TaskFailure,
  type TaskRecord,
  type TaskState,
} from '../../core/run-record.js';
import type { RunObserver } from '../../core/run-events.js';
import type { ContainerExecutor } from './executors.js';
import { artifactFingerprint, cacheKey, TaskCache } from './task-cache.js';

export interface LocalRunOptions {
  /** Where run folders and the cache live (absolute). */
  readonly pipelineRoot: string;
  /** Working directory of subprocess tasks: the pipeline file's folder. */
  readonly workdir: string;
  readonly executor: ContainerExecutor;
  /** Most container tasks running at once. */
  readonly parallelism: number;
  readonly useCache: boolean;
  /** Defaults to `<pipelineRoot>/.cache`. */
  readonly cache?: TaskCache;
  readonly observer?: RunObserver;
  readonly signal?: AbortSignal;
  /** Scales retry back-off (tests use 0); 1 honours the spec. */
  readonly backoffScale?: number;
  readonly now?: () => Date;
}

interface Scope {
  readonly path: string;
  readonly dir: string;
  readonly parameters: Readonly<Record<string, ParameterValue | undefined>>;
  readonly artifacts: Readonly<Record<string, readonly RuntimeArtifact[]>>;
}

interface Outcome {
  readonly state: TaskState;
  readonly parameters: Record<string, ParameterValue>;
  readonly artifacts: Record<string, RuntimeArtifact[]>;
  readonly error?: string;
}

const EMPTY_OUTCOME = { parameters: {}, artifacts: {} } as const;

/** A counting semaphore for the parallelism bound. */
class Slots {
  #free: number;
  readonly #waiting: Array<() => void> = [];
  constructor(count: number) {
    this.#free = Math.max(1, count);
  }
  async use<T>(work: () => Promise<T>): Promise<T> {
    if (this.#free > 0) this.#free--;
    else await new Promise<void>((resolve) => this.#waiting.push(resolve));
    try {
      return await work();
    } finally {
      const next = this.#waiting.shift();
      if (next) next();
      else this.#free++;
    }
  }
}

function timestamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

/** Reads a parameter output file the way the KFP launcher does. */
function parseOutputText(text: string, type: ParameterType, name: string): ParameterValue {
  if (type === 'STRING') return text;
  const trimmed = text.trim();
  if (type === 'BOOLEAN' && /^(true|false)$/i.test(trimmed))
    return trimmed.toLowerCase() === 'true';
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    throw new Error(
      `output parameter "${name}" is not valid ${type}: ${JSON.stringify(trimmed.slice(0, 80))}`,
    );
  }
  const coerced = coerceParameter(parsed, type);
  if (!coerced.ok)
    throw new Error(
      `output parameter "${name}" is not valid ${type}: ${JSON.stringify(trimmed.slice(0, 80))}`,
    );
  return coerced.value;
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

/** A group's state from its members': a failure wins over a cancellation. */
function groupState(outcomes: readonly Outcome[]): 'SUCCEEDED' | 'FAILED' | 'CANCELLED' {
  if (outcomes.some((outcome) => outcome.state === 'FAILED')) return 'FAILED';
  if (outcomes.some((outcome) => outcome.state === 'CANCELLED')) return 'CANCELLED';
  return 'SUCCEEDED';
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
      const inputs = await this.#resolveInputs(task, component, scope, outcomeOf);
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
          ? await this.#runLoop(task, component, { ...inputs, path: taskPath, dir })
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
        message: error instanceof UserError ? error.describe() : (error as Error).message,
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

  async #resolveInputs(
    task: PipelineTaskSpec,
    component: ComponentSpec,
    scope: Scope,
    outcomeOf: (name: string) => Promise<Outcome>,
  ): Promise<Pick<Scope, 'parameters' | 'artifacts'>> {
    const parameters: Record<string, ParameterValue | undefined> = {};
    const artifacts: Record<string, RuntimeArtifact[]> = {};
    const templated: string[] = [];
    for (const [key, source] of Object.entries(task.inputs?.parameters ?? {})) {
      let value: ParameterValue | undefined;
      if (source.componentInputParameter !== undefined)
        value = scope.parameters[source.componentInputParameter];
      else if (source.taskOutputParameter) {
        const producer = await outcomeOf(source.taskOutputParameter.producerTask ?? '');
        value = producer.parameters[source.taskOutputParameter.outputParameterKey ?? ''];
      } else if (source.runtimeValue) {
        value = source.runtimeValue.constant;
        if (typeof value === 'string' && value.includes('{{$.inputs.parameters'))
          templated.push(key);
      } else if (source.taskFinalStatus) {
        const producerName = source.taskFinalStatus.producerTask ?? '';
        const producer = await outcomeOf(producerName);
        value = {
          state:
            producer.state === 'SUCCEEDED'
              ? 'SUCCEEDED'
              : producer.state === 'CANCELLED'
                ? 'CANCELLED'
                : 'FAILED',
          error: producer.error ? { code: 2, message: producer.error } : {},
          pipelineJobResourceName: this.#record.runId,
          pipelineTaskName: producerName,
        };
      }
      if (value !== undefined && source.parameterExpressionSelector)
        value = applyExpressionSelector(source.parameterExpressionSelector, value);
      parameters[key] = value;
    }
    // SDK f-strings: constants that embed other inputs of the same task.
    const context = {
      parameters,
      inputArtifacts: {},
      outputArtifacts: {},
      outputParameterFiles: {},
      executorOutputFile: '',
      runtime: {},
    };
    for (const key of templated) {
      const template = parameters[key];
      if (typeof template === 'string')
        parameters[key] = substitutePlaceholders(template, context, () => '{}');
    }
    for (const [key, definition] of Object.entries(component.inputDefinitions?.parameters ?? {})) {
      if (parameters[key] === undefined && definition.defaultValue !== undefined)
        parameters[key] = definition.defaultValue;
      // A loop's item input is bound per iteration, not here.
      if (
        parameters[key] === undefined &&
        !definition.isOptional &&
        key !== task.parameterIterator?.itemInput
      ) {
        throw new UserError(`input parameter "${key}" has no value`);
      }
    }
    for (const [key, source] of Object.entries(task.inputs?.artifacts ?? {})) {
      if (source.taskOutputArtifact) {
        const producer = await outcomeOf(source.taskOutputArtifact.producerTask ?? '');
        artifacts[key] =
          producer.artifacts[source.taskOutputArtifact.outputArtifactKey ?? ''] ?? [];
      } else if (source.componentInputArtifact !== undefined) {
        artifacts[key] = [...(scope.artifacts[source.componentInputArtifact] ?? [])];
      }
    }
    for (const [key, definition] of Object.entries(component.inputDefinitions?.artifacts ?? {})) {
      if ((artifacts[key]?.length ?? 0) === 0 && !definition.isOptional) {
        throw new UserError(`input artifact "${key}" was not produced`);
      }
    }
    return { parameters, artifacts };
  }

  /** ParallelFor: the loop's sub-DAG once per item, at most parallelismLimit at a time. */
  async #runLoop(task: PipelineTaskSpec, component: ComponentSpec, scope: Scope): Promise<Outcome> {
    const iterator = task.parameterIterator;
    let items: unknown = undefined;
    if (iterator?.items?.raw !== undefined) items = JSON.parse(iterator.items.raw);
    else if (iterator?.items?.inputParameter !== undefined)
      items = scope.parameters[iterator.items.inputParameter];
    if (typeof items === 'string') items = JSON.parse(items);
    if (!Array.isArray(items)) throw new UserError(`loop items are not a list`);
    const limit = task.iteratorPolicy?.parallelismLimit ?? 0;
    const slots = new Slots(limit > 0 ? limit : items.length);
    const itemInput = iterator?.itemInput ?? '';
    const results = await Promise.all(
      (items as ParameterValue[]).map((item, index) =>
        slots.use(() =>
          this.#runDag(component, {
            path: `${scope.path}/${index}`,
            dir: path.join(scope.dir, String(index)),
            parameters: { ...scope.parameters, [itemInput]: item },
            artifacts: scope.artifacts,
          }),
        ),
      ),
    );
    const parameters: Record<string, ParameterValue> = {};
    const artifacts: Record<string, RuntimeArtifact[]> = {};
    for (const key of Object.keys(component.dag?.outputs?.parameters ?? {})) {
      parameters[key] = results.map((result) => result.parameters[key] ?? null);
    }
    for (const key of Object.keys(component.dag?.outputs?.artifacts ?? {})) {
      artifacts[key] = results.flatMap((result) => result.artifacts[key] ?? []);
    }
    return {
      state: groupState(results),
      parameters,
      artifacts,
    };
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
    if (executor.importer) return this.#runImporter(record, component, executor.importer, scope);
    if (!executor.container)
      throw new UserError(
        `Executor "${label}" is not a container or importer; it cannot run locally`,
      );
    return this.#runContainer(record, task, component, executor.container, scope);
  }

  #runImporter(
    record: TaskRecord,
    component: ComponentSpec,
    importer: Record<string, unknown>,
    scope: Scope,
  ): Outcome {
    const uriSource = importer.artifactUri as
      { constant?: unknown; runtimeParameter?: string } | undefined;
    const uri =
      uriSource?.runtimeParameter !== undefined
        ? scope.parameters[uriSource.runtimeParameter]
        : uriSource?.constant;
    if (typeof uri !== 'string') throw new UserError(`the importer has no artifact URI`);
    const [outputKey = 'artifact', output] =
      Object.entries(component.outputDefinitions?.artifacts ?? {})[0] ?? [];
    const context = {
      parameters: scope.parameters,
      inputArtifacts: {},
      outputArtifacts: {},
      outputParameterFiles: {},
      executorOutputFile: '',
      runtime: {},
    };
    const metadata = JSON.parse(
      substitutePlaceholders(JSON.stringify(importer.metadata ?? {}), context, () => '{}'),
    ) as Record<string, unknown>;
    record.state = 'RUNNING';
    record.attempts = 1;
    const artifact: RuntimeArtifact = {
      name: outputKey,
      uri,
      path: uri,
      schemaTitle: output?.artifactType.schemaTitle ?? 'system.Artifact',
      metadata,
    };
    return { state: 'SUCCEEDED', parameters: {}, artifacts: { [outputKey]: [artifact] } };
  }

  async #runContainer(
    record: TaskRecord,
    task: PipelineTaskSpec,
    component: ComponentSpec,
    container: PipelineContainerSpec,
    scope: Scope,
  ): Promise<Outcome> {
    const outputArtifacts: Record<string, RuntimeArtifact> = {};
    for (const [key, definition] of Object.entries(component.outputDefinitions?.artifacts ?? {})) {
      const uri = path.join(scope.dir, key);
      outputArtifacts[key] = {
        name: key,
        uri,
        path: uri,
        schemaTitle: definition.artifactType.schemaTitle ?? 'system.Artifact',
        metadata: {},
      };
    }
    const outputParameterFiles: Record<string, string> = {};
    for (const key of Object.keys(component.outputDefinitions?.parameters ?? {}))
      outputParameterFiles[key] = path.join(scope.dir, key);
    const executorOutputFile = path.join(scope.dir, 'executor_output.json');
    const context: PlaceholderContext = {
      parameters: scope.parameters,
      inputArtifacts: scope.artifacts,
      outputArtifacts,
      outputParameterFiles,
      executorOutputFile,
      runtime: {
        pipeline_job_name: this.#record.runId,
        pipeline_job_resource_name: this.#record.runId,
        pipeline_job_uuid: randomUUID(),
        pipeline_task_name: record.name,
        pipeline_task_uuid: randomUUID(),
        pipeline_root: this.#options.pipelineRoot,
        pipeline_job_create_time_utc: new Date().toISOString(),
        pipeline_job_schedule_time_utc: new Date().toISOString(),
      },
    };
    const command = resolveCommandLine(container.command ?? [], context);
    const argv = [...command, ...resolveCommandLine(container.args ?? [], context)];
    const artifactPaths = Object.fromEntries(
      Object.entries(outputArtifacts).map(([key, artifact]) => [key, artifact.path]),
    );

    const caching = this.#options.useCache && task.cachingOptions?.enableCache === true;
    const key = caching
      ? cacheKey({
          container: {
            image: container.image,
            command: container.command,
            args: container.args,
            env: container.env,
          },
          inputs: component.inputDefinitions,
          outputs: component.outputDefinitions,
          parameters: scope.parameters,
          artifacts: await Promise.all(
            Object.entries(scope.artifacts).map(async ([name, list]) => [
              name,
              await Promise.all(
                list.map(async (a) => [
                  a.schemaTitle,
                  a.metadata,
                  await artifactFingerprint(a.uri),
                ]),
              ),
            ]),
          ),
        })
      : undefined;

    return this.#slots.use(async () => {
      record.state = 'RUNNING';
      record.startTime = new Date().toISOString();
      if (key) {
        const lookup = await this.#cache.restore(key, artifactPaths);
        if (lookup.hit) {
          record.cached = true;
          const artifacts = Object.fromEntries(
            Object.entries(outputArtifacts).map(([name, artifact]) => [
              name,
              [{ ...artifact, metadata: lookup.outputs.artifacts[name]?.metadata ?? {} }],
            ]),
          );
          return { state: 'SUCCEEDED', parameters: lookup.outputs.parameters, artifacts };
        }
        if (lookup.damage)
          this.#warn(
            `Task ${record.path}: its cached outputs cannot be trusted (${lookup.damage}); running it again`,
          );
      }
      const retry = task.retryPolicy;
      const maxAttempts = 1 + (retry?.maxRetryCount ?? 0);
      let lastFailure: TaskFailure | undefined;
      for (let attempt = 1; attempt <= maxAttempts; attempt++) {
        record.attempts = attempt;
        if (attempt > 1) {
          const backoff = Math.min(
            (durationMs(retry?.backoffDuration ?? '') ?? 0) *
              (retry?.backoffFactor ?? 2) ** (attempt - 2),
            durationMs(retry?.backoffMaxDuration ?? '3600s') ?? 0,
          );
          await sleep(backoff * (this.#options.backoffScale ?? 1));
          await Promise.all(
            [executorOutputFile, ...Object.values(outputParameterFiles)].map((file) =>
              rm(file, { force: true }),
            ),
          );
        }
        this.#emit(record);
        const logFile = path.join(
          scope.dir,
          attempt === 1 ? 'task.log' : `task.attempt-${attempt}.log`,
        );
        const env = Object.fromEntries(
          (container.env ?? []).map((entry) => [entry.name ?? '', entry.value ?? '']),
        );
        const result = await this.#options.executor.run({
          taskPath: record.path,
          image: container.image ?? '',
          argv,
          commandLength: command.length,
          env,
          resources: container.resources,
          workdir: this.#options.workdir,
          mounts: [this.#options.pipelineRoot, this.#options.workdir],
          logFile,
          ...(this.#options.observer?.onTaskOutput
            ? {
                onOutput: (line: string) =>
                  this.#options.observer?.onTaskOutput?.(record.path, line),
              }
            : {}),
          ...(this.#options.signal ? { signal: this.#options.signal } : {}),
        });
        record.commandLine = result.commandLine;
        if (result.exitCode === 0) {
          try {
            const outputs = await collectOutputs(
              component,
              outputArtifacts,
              outputParameterFiles,
              executorOutputFile,
            );
            if (key) {
              // Caching is best-effort: a full disk must not fail a task that succeeded.
              await this.#cache
                .store(
                  key,
                  {
                    parameters: outputs.parameters,
                    artifacts: Object.fromEntries(
                      Object.entries(outputs.artifacts).map(([name, [a]]) => [
                        name,
                        { metadata: a?.metadata ?? {} },
                      ]),
                    ),
                  },
                  artifactPaths,
                )
                .catch((error: unknown) =>
                  this.#warn(
                    `Task ${record.path}: its outputs could not be cached: ${errorMessage(error)}`,
                  ),
                );
            }
            return { state: 'SUCCEEDED', ...outputs };
          } catch (error) {
            lastFailure = {
              message: (error as Error).message,
              exitCode: 0,
              commandLine: result.commandLine,
              logTail: result.logTail,
              logFile,
            };
          }
        } else {
          lastFailure = {
            message: `exited with code ${result.exitCode}`,
            exitCode: result.exitCode,
            commandLine: result.commandLine,
            logTail: result.logTail,
            logFile,
            ...(result.hint ? { hint: result.hint } : {}),
          };
        }
        if (this.#options.signal?.aborted) break;
      }
      record.failure = lastFailure;
      return {
        // Stopped by the run's cancellation, not by a fault of its own.
        state: this.#options.signal?.aborted ? 'CANCELLED' : 'FAILED',
        ...EMPTY_OUTCOME,
        ...(lastFailure ? { error: lastFailure.message } : {}),
      };
    });
  }
}

function toArtifactRecord(artifact: RuntimeArtifact): TaskRecord['artifacts'][string][number] {
  return {
    name: artifact.name,
    uri: artifact.uri,
    schemaTitle: artifact.schemaTitle,
    metadata: artifact.metadata,
  };
}

interface ExecutorOutputFile {
  parameterValues?: Record<string, unknown>;
  artifacts?: Record<
    string,
    { artifacts?: Array<{ uri?: string; metadata?: Record<string, unknown> }> }
  >;
}

/** Output parameters from executor_output.json (which wins) or their files; artifact metadata from executor_output.json. */
async function collectOutputs(
  component: ComponentSpec,
  outputArtifacts: Record<string, RuntimeArtifact>,
  outputParameterFiles: Record<string, string>,
  executorOutputFile: string,
): Promise<Pick<Outcome, 'parameters' | 'artifacts'>> {
  const text = await readFile(executorOutputFile, 'utf8').catch(() => undefined);
  let executorOutput: ExecutorOutputFile = {};
  if (text !== undefined && text.trim() !== '') {
    try {
      executorOutput = JSON.parse(text) as ExecutorOutputFile;
    } catch {
      throw new Error(`executor_output.json is not valid JSON (${executorOutputFile})`);
    }
  }
  const parameters: Record<string, ParameterValue> = {};
  for (const [key, definition] of Object.entries(component.outputDefinitions?.parameters ?? {})) {
    const type = definition.parameterType as ParameterType;
    const fromExecutor = executorOutput.parameterValues?.[key];
    if (fromExecutor !== undefined) {
      const coerced = coerceParameter(fromExecutor, type);
      if (!coerced.ok)
        throw new Error(
          `executor_output.json gives output parameter "${key}" a value that is not ${type}`,
        );
      parameters[key] = coerced.value;
      continue;
    }
    const file = outputParameterFiles[key] ?? '';
    const content = await readFile(file, 'utf8').catch(() => undefined);
    if (content === undefined)
      throw new Error(
        `the task did not write output parameter "${key}" (expected ${file} or executor_output.json)`,
      );
    parameters[key] = parseOutputText(content, type, key);
  }
  const artifacts: Record<string, RuntimeArtifact[]> = {};
  for (const [key, artifact] of Object.entries(outputArtifacts)) {
    const reported = executorOutput.artifacts?.[key]?.artifacts?.[0];
    artifacts[key] = [
      { ...artifact, metadata: { ...artifact.metadata, ...(reported?.metadata ?? {}) } },
    ];
  }
  return { parameters, artifacts };
}
