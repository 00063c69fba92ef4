/**
 * Compiles a declarative pipeline file (`apiVersion` + `kind: Pipeline`, docs/pipeline-yaml.md)
 * to a KFP v2 pipeline spec: loads each task's component, then builds the IR from the parts
 * beside it (./compile-task.ts, ./compile-conditions.ts, ./compile-root.ts over the model in
 * ./compile-model.ts), and reports every problem at once.
 *
 * Pure: works on values only; components are read through the loader it is given.
 */
import { UserError } from '../errors.js';
import { findCycles } from '../graph.js';
import { PRODUCT_NAME } from '../product.js';
import type { PipelineSpec } from '../ir/schema.js';
import type { ParameterType } from '../ir/schema-common.js';
import type { ComponentSpec, DagSpec, PipelineTaskSpec } from '../ir/schema-components.js';
import type { PipelineContainerSpec } from '../ir/schema-executors.js';
import { formatZodIssues } from '../zod-issues.js';
import { assignConditionGroups, conditionExpression } from './compile-conditions.js';
import {
  artifactSource,
  channelName,
  PARAMETER_TYPE,
  parameterSource,
  type CompileScope,
  type ConditionGroup,
  type ResolvedReference,
  type TaskModel,
} from './compile-model.js';
import { addPipelineOutputs, rootInputDefinitions } from './compile-root.js';
import { containerSpec, taskSpec } from './compile-task.js';
import {
  declarativePipelineSchema,
  type DeclarativeParameter,
  type DeclarativePipeline,
} from './declarative-schema.js';
import { parseValueTemplate, type Reference } from './references.js';
import type { LoadedComponent } from './v1-component.js';

/** Reads a component file named by a task; paths are relative to the pipeline file. */
export type ComponentLoader = (ref: string) => Promise<LoadedComponent>;

/**
 * The IR's `sdkVersion`: the compiler that wrote it, `mlops-platform-0.1.0` (the KFP SDK writes
 * `kfp-2.14.3`). The version is the installed package's, which only an adapter can read
 * (packageVersion in src/adapters/package-version.ts), so the caller passes it in.
 */
export function compilerVersion(productVersion: string): string {
  return `${PRODUCT_NAME}-${productVersion}`;
}

const TASK_NAME = /^[a-z][a-z0-9-]{0,62}$/;

/**
 * Compiles the declarative pipeline YAML to the IR the KFP SDK would emit: one comp-/exec-
 * pair per task, producers listed in dependentTasks, `when` groups as `condition-N` sub-DAGs
 * whose outside inputs arrive as `pipelinechannel--*` parameters and artifacts, and CEL
 * trigger policies. Every problem is collected and reported at once. `productVersion` is the
 * version of mlops-platform compiling, written into the IR as its sdkVersion (compilerVersion).
 */
export async function compileDeclarativePipeline(
  doc: unknown,
  source: string,
  loadComponent: ComponentLoader,
  productVersion: string,
): Promise<PipelineSpec> {
  const parsed = declarativePipelineSchema.safeParse(doc);
  if (!parsed.success) {
    throw new UserError(`${source} is not a valid pipeline file`, {
      details: formatZodIssues(parsed.error),
      fix: 'See docs/pipeline-yaml.md for the format.',
    });
  }
  const pipeline = parsed.data;
  const problems: string[] = [];
  const taskNames = new Set(Object.keys(pipeline.tasks));
  for (const name of taskNames) {
    if (!TASK_NAME.test(name)) {
      problems.push(
        `tasks.${name}: task names use lowercase letters, digits and hyphens (try "${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}")`,
      );
    }
  }

  const components = new Map<string, LoadedComponent>();
  // Each component's problem is one line; a fix they share is said once, after all of them.
  const fixes = new Set<string>();
  for (const [name, task] of Object.entries(pipeline.tasks)) {
    try {
      components.set(name, await loadComponent(task.component));
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      const details = error.details.length ? ` (${error.details.join('; ')})` : '';
      problems.push(`tasks.${name}.component: ${error.message}${details}`);
      if (error.fix) fixes.add(error.fix);
    }
  }

  const groups = assignConditionGroups(pipeline);
  const tasks = new Map<string, TaskModel>();
  for (const [name, decl] of Object.entries(pipeline.tasks)) {
    const component = components.get(name);
    if (component) tasks.set(name, { name, decl, component, group: groups.byTask.get(name) });
  }
  if (problems.length > 0 || tasks.size !== taskNames.size)
    throw compileError(source, problems, fixes);

  const context = new CompileContext(pipeline, tasks, taskNames, problems);
  const spec = context.build(groups.list, compilerVersion(productVersion));
  if (problems.length > 0) throw compileError(source, problems, fixes);
  return spec;
}

function compileError(source: string, problems: string[], fixes: ReadonlySet<string>): UserError {
  return new UserError(
    `${source}: the pipeline has ${problems.length} problem${problems.length === 1 ? '' : 's'}`,
    {
      details: problems,
      fix: [...fixes, 'See docs/pipeline-yaml.md for the format.'].join(' '),
    },
  );
}

/** Everything the build needs, so helpers don't pass six arguments around. */
class CompileContext {
  readonly #pipeline: DeclarativePipeline;
  readonly #tasks: ReadonlyMap<string, TaskModel>;
  readonly #taskNames: ReadonlySet<string>;
  readonly #problems: string[];
  readonly #parameters: Record<string, DeclarativeParameter>;
  /** The compiler parts' view of this build (./compile-model.ts). */
  readonly #scope: CompileScope;

  constructor(
    pipeline: DeclarativePipeline,
    tasks: ReadonlyMap<string, TaskModel>,
    taskNames: ReadonlySet<string>,
    problems: string[],
  ) {
    this.#pipeline = pipeline;
    this.#tasks = tasks;
    this.#taskNames = taskNames;
    this.#problems = problems;
    this.#parameters = pipeline.parameters ?? {};
    this.#scope = {
      pipeline,
      tasks,
      taskNames,
      problems,
      parameters: this.#parameters,
      resolve: (reference, where) => this.#resolve(reference, where),
      checkVisibility: (consumer, producerName, where) =>
        this.#checkVisibility(consumer, producerName, where),
    };
  }

  build(groups: readonly ConditionGroup[], sdkVersion: string): PipelineSpec {
    const components: Record<string, ComponentSpec> = {};
    const executors: Record<string, { container: PipelineContainerSpec }> = {};
    const rootTasks: Record<string, PipelineTaskSpec> = {};
    const groupTasks = new Map<number, Record<string, PipelineTaskSpec>>();
    /** Per group: the outside values its tasks (and its condition) consume. */
    const groupInputs = new Map<number, Map<string, ResolvedReference>>();
    const groupDependencies = new Map<number, Set<string>>();

    for (const group of groups) {
      groupTasks.set(group.index, {});
      groupInputs.set(group.index, new Map());
      groupDependencies.set(group.index, new Set());
    }

    for (const task of this.#tasks.values()) {
      const where = `tasks.${task.name}`;
      components[`comp-${task.name}`] = {
        ...task.component.spec,
        executorLabel: `exec-${task.name}`,
      };
      executors[`exec-${task.name}`] = { container: containerSpec(task) };
      const spec = taskSpec(this.#scope, task, where, (reference) => {
        if (task.group === undefined) return false;
        const outside =
          reference.kind === 'param' || this.#tasks.get(reference.task)?.group !== task.group;
        if (outside) {
          groupInputs.get(task.group)?.set(channelName(reference), reference);
          if (reference.kind !== 'param') groupDependencies.get(task.group)?.add(reference.task);
        }
        return outside;
      });
      if (task.group === undefined) rootTasks[task.name] = spec;
      else (groupTasks.get(task.group) ?? {})[task.name] = spec;
    }

    for (const group of groups) {
      const inputs = groupInputs.get(group.index) ?? new Map<string, ResolvedReference>();
      const dependencies = groupDependencies.get(group.index) ?? new Set<string>();
      const condition = conditionExpression(this.#scope, group, inputs, dependencies);
      const name = `condition-${group.index}`;
      if (this.#taskNames.has(name))
        this.#problems.push(
          `tasks.${name}: the name is reserved for a when-group; rename the task`,
        );
      const inputDefinitions: NonNullable<ComponentSpec['inputDefinitions']> = {};
      const taskInputs: NonNullable<PipelineTaskSpec['inputs']> = {};
      for (const [channel, reference] of [...inputs].sort(([a], [b]) => a.localeCompare(b))) {
        if (reference.kind === 'task-artifact') {
          (inputDefinitions.artifacts ??= {})[channel] = {
            artifactType: { schemaTitle: reference.schemaTitle, schemaVersion: '0.0.1' },
          };
          (taskInputs.artifacts ??= {})[channel] = artifactSource(reference);
        } else {
          (inputDefinitions.parameters ??= {})[channel] = { parameterType: reference.type };
          (taskInputs.parameters ??= {})[channel] = parameterSource(reference);
        }
      }
      const dag: DagSpec = { tasks: groupTasks.get(group.index) ?? {} };
      components[`comp-${name}`] = {
        dag,
        ...(Object.keys(inputDefinitions).length > 0 ? { inputDefinitions } : {}),
      };
      const groupTask: Record<string, unknown> = {
        taskInfo: { name },
        componentRef: { name: `comp-${name}` },
        triggerPolicy: { condition },
      };
      if (dependencies.size > 0) groupTask.dependentTasks = [...dependencies].sort();
      if (Object.keys(taskInputs).length > 0) groupTask.inputs = taskInputs;
      rootTasks[name] = groupTask as PipelineTaskSpec;
    }

    this.#checkCycles();
    const root: ComponentSpec = { dag: { tasks: rootTasks } };
    const rootInputs = rootInputDefinitions(this.#scope);
    if (rootInputs) root.inputDefinitions = rootInputs;
    addPipelineOutputs(this.#scope, root);

    const spec: Record<string, unknown> = {
      components,
      deploymentSpec: { executors },
      pipelineInfo: {
        name: this.#pipeline.name,
        ...(this.#pipeline.description ? { description: this.#pipeline.description.trim() } : {}),
      },
      root,
      schemaVersion: '2.1.0',
      sdkVersion,
    };
    if (this.#pipeline.pipelineRoot) spec.defaultPipelineRoot = this.#pipeline.pipelineRoot;
    return spec as PipelineSpec;
  }

  #resolve(reference: Reference, where: string): ResolvedReference | undefined {
    if (reference.kind === 'param') {
      const parameter = this.#parameters[reference.name];
      if (!parameter) {
        const known = Object.keys(this.#parameters);
        this.#problems.push(
          `${where}: unknown parameter "${reference.name}" (declared: ${known.join(', ') || 'none'})`,
        );
        return undefined;
      }
      return { kind: 'param', name: reference.name, type: PARAMETER_TYPE[parameter.type] };
    }
    const producer = this.#tasks.get(reference.task);
    if (!producer) return undefined;
    const outputs = producer.component.spec.outputDefinitions;
    const parameter = outputs?.parameters?.[reference.output];
    if (parameter)
      return {
        kind: 'task-parameter',
        task: reference.task,
        output: reference.output,
        type: parameter.parameterType as ParameterType,
      };
    const artifact = outputs?.artifacts?.[reference.output];
    if (artifact) {
      return {
        kind: 'task-artifact',
        task: reference.task,
        output: reference.output,
        schemaTitle: artifact.artifactType.schemaTitle ?? 'system.Artifact',
      };
    }
    const known = [
      ...Object.keys(outputs?.parameters ?? {}),
      ...Object.keys(outputs?.artifacts ?? {}),
    ];
    this.#problems.push(
      `${where}: task "${reference.task}" has no output "${reference.output}" (outputs: ${known.join(', ') || 'none'})`,
    );
    return undefined;
  }

  /** A producer inside a when-group is only visible to tasks of the same group. */
  #checkVisibility(consumer: TaskModel, producerName: string, where: string): void {
    const producer = this.#tasks.get(producerName);
    if (producer?.group !== undefined && producer.group !== consumer.group) {
      this.#problems.push(
        `${where}: "${producerName}" only runs when "${producer.decl.when ?? ''}", so tasks outside that condition cannot use it`,
      );
    }
  }

  /** Reports a cycle among tasks (through inputs and `after`) with its path. */
  #checkCycles(): void {
    const edges = new Map<string, string[]>();
    for (const task of this.#tasks.values()) {
      const upstream = new Set(task.decl.after ?? []);
      for (const value of Object.values(task.decl.inputs ?? {})) {
        try {
          const template = parseValueTemplate(value, this.#taskNames);
          const references =
            template.kind === 'reference'
              ? [template.reference]
              : template.kind === 'interpolation'
                ? template.parts
                : [];
          for (const part of references)
            if (typeof part !== 'string' && part.kind === 'task') upstream.add(part.task);
        } catch {
          // Already reported while building the task.
        }
      }
      edges.set(
        task.name,
        [...upstream].filter((name) => this.#tasks.has(name)),
      );
    }
    // The first cycle is enough to fix; the next run names any other.
    const [cycle] = findCycles(edges);
    if (cycle) this.#problems.push(`tasks: dependency cycle ${cycle.join(' -> ')}`);
  }
}
