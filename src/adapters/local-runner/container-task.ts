/**
 * Runs one container task of the local run: lays out its output files, resolves its command
 * line, restores it from the task cache when it may, else runs it through the executor with
 * the spec's retries and back-off, collects its outputs and caches them.
 */
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { durationMs } from '../../core/duration.js';
import { errorMessage } from '../../core/errors.js';
import {
  resolveCommandLine,
  type PlaceholderContext,
  type RuntimeArtifact,
} from '../../core/ir/placeholders.js';
import type { ComponentSpec, PipelineTaskSpec } from '../../core/ir/schema-components.js';
import type { PipelineContainerSpec } from '../../core/ir/schema-executors.js';
import type { TaskFailure, TaskRecord } from '../../core/run-record.js';
import {
  EMPTY_OUTCOME,
  type LocalRunOptions,
  type Outcome,
  type Scope,
} from './local-run-types.js';
import type { Slots } from './slots.js';
import { artifactFingerprint, cacheKey, type TaskCache } from './task-cache.js';
import { collectOutputs } from './task-outputs.js';

/** What a container task needs of the run it belongs to. */
export interface ContainerRun {
  readonly options: LocalRunOptions;
  readonly runId: string;
  readonly slots: Slots;
  readonly cache: TaskCache;
  warn(message: string): void;
  /** Reports the task's state change to the observer and to run.json. */
  emit(task: TaskRecord): void;
}

export async function runContainerTask(
  run: ContainerRun,
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
      pipeline_job_name: run.runId,
      pipeline_job_resource_name: run.runId,
      pipeline_job_uuid: randomUUID(),
      pipeline_task_name: record.name,
      pipeline_task_uuid: randomUUID(),
      pipeline_root: run.options.pipelineRoot,
      pipeline_job_create_time_utc: new Date().toISOString(),
      pipeline_job_schedule_time_utc: new Date().toISOString(),
    },
  };
  const command = resolveCommandLine(container.command ?? [], context);
  const argv = [...command, ...resolveCommandLine(container.args ?? [], context)];
  const artifactPaths = Object.fromEntries(
    Object.entries(outputArtifacts).map(([key, artifact]) => [key, artifact.path]),
  );

  // The image is what the task would run in on Vertex (and does with the docker executor).
  if (container.image) record.image = container.image;
  const caching = run.options.useCache && task.cachingOptions?.enableCache === true;
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
              list.map(async (a) => [a.schemaTitle, a.metadata, await artifactFingerprint(a.uri)]),
            ),
          ]),
        ),
      })
    : undefined;

  return run.slots.use(async () => {
    record.state = 'RUNNING';
    record.startTime = new Date().toISOString();
    if (key) {
      const lookup = await run.cache.restore(key, artifactPaths);
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
        run.warn(
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
        await sleep(backoff * (run.options.backoffScale ?? 1));
        await Promise.all(
          [executorOutputFile, ...Object.values(outputParameterFiles)].map((file) =>
            rm(file, { force: true }),
          ),
        );
      }
      run.emit(record);
      const logFile = path.join(
        scope.dir,
        attempt === 1 ? 'task.log' : `task.attempt-${attempt}.log`,
      );
      const env = Object.fromEntries(
        (container.env ?? []).map((entry) => [entry.name ?? '', entry.value ?? '']),
      );
      const result = await run.options.executor.run({
        taskPath: record.path,
        image: container.image ?? '',
        argv,
        commandLength: command.length,
        env,
        resources: container.resources,
        workdir: run.options.workdir,
        mounts: [run.options.pipelineRoot, run.options.workdir],
        logFile,
        ...(run.options.observer?.onTaskOutput
          ? {
              onOutput: (line: string) => run.options.observer?.onTaskOutput?.(record.path, line),
            }
          : {}),
        ...(run.options.signal ? { signal: run.options.signal } : {}),
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
            await run.cache
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
                run.warn(
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
      if (run.options.signal?.aborted) break;
    }
    record.failure = lastFailure;
    return {
      // Stopped by the run's cancellation, not by a fault of its own.
      state: run.options.signal?.aborted ? 'CANCELLED' : 'FAILED',
      ...EMPTY_OUTCOME,
      ...(lastFailure ? { error: lastFailure.message } : {}),
    };
  });
}
