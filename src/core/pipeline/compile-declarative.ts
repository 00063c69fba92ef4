import { durationMs } from '../duration.js';
import { UserError } from '../errors.js';
import { findCycles } from '../graph.js';
import type {
  ComponentSpec,
  DagSpec,
  ParameterType,
  PipelineContainerSpec,
  PipelineSpec,
  PipelineTaskSpec,
  TaskInputArtifactSpec,
  TaskInputParameterSpec,
} from '../ir/schema.js';
import { formatZodIssues } from '../zod-issues.js';
import {
  DECLARATIVE_API_VERSION,
  declarativePipelineSchema,
  type DeclarativeParameter,
  type DeclarativePipeline,
  type DeclarativeTask,
} from './declarative-schema.js';
import {
  findConditionReferences,
  parseReference,
  parseValueTemplate,
  type Reference,
} from './references.js';
import type { LoadedComponent } from './v1-component.js';

/** Reads a component file named by a task; paths are relative to the pipeline file. */
export type ComponentLoader = (ref: string) => Promise<LoadedComponent>;

export const COMPILER_VERSION = 'mlops-platform-0.1.0';

const PARAMETER_TYPE: Record<DeclarativeParameter['type'], ParameterType> = {
  String: 'STRING',
  Integer: 'NUMBER_INTEGER',
  Float: 'NUMBER_DOUBLE',
  Boolean: 'BOOLEAN',
  List: 'LIST',
  Struct: 'STRUCT',
};

const TASK_NAME = /^[a-z][a-z0-9-]{0,62}$/;
const CHANNEL = 'pipelinechannel--';

/** What a reference resolves to: its IR type, and where it comes from. */
type ResolvedReference =
  | { readonly kind: 'param'; readonly name: string; readonly type: ParameterType }
  | {
      readonly kind: 'task-parameter';
      readonly task: string;
      readonly output: string;
      readonly type: ParameterType;
    }
  | {
      readonly kind: 'task-artifact';
      readonly task: string;
      readonly output: string;
      readonly schemaTitle: string;
    };

interface TaskModel {
  readonly name: string;
  readonly decl: DeclarativeTask;
  readonly component: LoadedComponent;
  /** Index of the condition group, or undefined for root-level tasks. */
  readonly group: number | undefined;
}

/** A distinct `when` expression: its tasks run inside one `condition-N` sub-DAG. */
interface ConditionGroup {
  readonly index: number;
  readonly expression: string;
  readonly tasks: string[];
}

/**
 * Compiles the declarative pipeline YAML to the IR the KFP SDK would emit: one comp-/exec-
 * pair per task, producers listed in dependentTasks, `when` groups as `condition-N` sub-DAGs
 * whose outside inputs arrive as `pipelinechannel--*` parameters and artifacts, and CEL
 * trigger policies. Every problem is collected and reported at once.
 */
export async function compileDeclarativePipeline(
  doc: unknown,
  source: string,
  loadComponent: ComponentLoader,
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
  const spec = context.build(groups.list);
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

function assignConditionGroups(pipeline: DeclarativePipeline): {
  list: ConditionGroup[];
  byTask: Map<string, number>;
} {
  const list: ConditionGroup[] = [];
  const byTask = new Map<string, number>();
  for (const [name, task] of Object.entries(pipeline.tasks)) {
    if (task.when === undefined) continue;
    const expression = task.when.trim();
    let group = list.find((candidate) => candidate.expression === expression);
    if (!group) {
      group = { index: list.length + 1, expression, tasks: [] };
      list.push(group);
    }
    group.tasks.push(name);
    byTask.set(name, group.index);
  }
  return { list, byTask };
}

function channelName(reference: ResolvedReference): string {
  return reference.kind === 'param'
    ? `${CHANNEL}${reference.name}`
    : `${CHANNEL}${reference.task}-${reference.output}`;
}

function typeLabel(reference: ResolvedReference): string {
  return reference.kind === 'task-artifact' ? reference.schemaTitle : reference.type;
}

/** SDK-style check: does a value of type `from` fit an input of type `to`? */
function parameterTypesCompatible(from: ParameterType, to: ParameterType): boolean {
  return from === to || (from === 'NUMBER_INTEGER' && to === 'NUMBER_DOUBLE') || to === 'STRING';
}

function constantMatches(value: unknown, type: ParameterType): boolean {
  switch (type) {
    case 'STRING':
      return typeof value === 'string';
    case 'NUMBER_INTEGER':
      return typeof value === 'number' && Number.isSafeInteger(value);
    case 'NUMBER_DOUBLE':
      return typeof value === 'number' && Number.isFinite(value);
    case 'BOOLEAN':
      return typeof value === 'boolean';
    case 'LIST':
      return Array.isArray(value);
    case 'STRUCT':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    default:
      return false;
  }
}

/** A duration as proto JSON writes it: seconds with an `s`. */
function durationSeconds(text: string): string {
  return `${(durationMs(text) ?? 0) / 1000}s`;
}

/** Everything the build needs, so helpers don't pass six arguments around. */
class CompileContext {
  readonly #pipeline: DeclarativePipeline;
  readonly #tasks: ReadonlyMap<string, TaskModel>;
  readonly #taskNames: ReadonlySet<string>;
  readonly #problems: string[];
  readonly #parameters: Record<string, DeclarativeParameter>;

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
  }

  build(groups: readonly ConditionGroup[]): PipelineSpec {
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
      executors[`exec-${task.name}`] = { container: this.#container(task) };
      const spec = this.#taskSpec(task, where, (reference) => {
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
      const condition = this.#condition(group, inputs, dependencies);
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
          (taskInputs.artifacts ??= {})[channel] = this.#artifactSource(reference);
        } else {
          (inputDefinitions.parameters ??= {})[channel] = { parameterType: reference.type };
          (taskInputs.parameters ??= {})[channel] = this.#parameterSource(reference);
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
    const rootInputs = this.#rootInputDefinitions();
    if (rootInputs) root.inputDefinitions = rootInputs;
    this.#addPipelineOutputs(root);

    const spec: Record<string, unknown> = {
      components,
      deploymentSpec: { executors },
      pipelineInfo: {
        name: this.#pipeline.name,
        ...(this.#pipeline.description ? { description: this.#pipeline.description.trim() } : {}),
      },
      root,
      schemaVersion: '2.1.0',
      sdkVersion: COMPILER_VERSION,
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

  #taskSpec(
    task: TaskModel,
    where: string,
    isOutsideGroup: (reference: ResolvedReference) => boolean,
  ): PipelineTaskSpec {
    const spec: Record<string, unknown> = {
      taskInfo: { name: task.decl.displayName ?? task.name },
      componentRef: { name: `comp-${task.name}` },
      cachingOptions: task.decl.cache === false ? {} : { enableCache: true },
    };
    const dependencies = new Set<string>();
    const declaredInputs = task.component.spec.inputDefinitions;
    const given = task.decl.inputs ?? {};
    const parameters: Record<string, TaskInputParameterSpec> = {};
    const artifacts: Record<string, TaskInputArtifactSpec> = {};

    const useReference = (reference: ResolvedReference, at: string): { channel?: string } => {
      if (reference.kind !== 'param') {
        this.#checkVisibility(task, reference.task, at);
        if (!isOutsideGroup(reference)) dependencies.add(reference.task);
        else return { channel: channelName(reference) };
        return {};
      }
      return isOutsideGroup(reference) ? { channel: channelName(reference) } : {};
    };

    for (const [inputName, value] of Object.entries(given)) {
      const at = `${where}.inputs.${inputName}`;
      const parameterSpec = declaredInputs?.parameters?.[inputName];
      const artifactSpec = declaredInputs?.artifacts?.[inputName];
      if (!parameterSpec && !artifactSpec) {
        const known = [
          ...Object.keys(declaredInputs?.parameters ?? {}),
          ...Object.keys(declaredInputs?.artifacts ?? {}),
        ];
        this.#problems.push(
          `${at}: component "${task.component.name}" has no input "${inputName}" (inputs: ${known.join(', ') || 'none'})`,
        );
        continue;
      }
      let template;
      try {
        template = parseValueTemplate(value, this.#taskNames);
      } catch (error) {
        if (!(error instanceof UserError)) throw error;
        this.#problems.push(`${at}: ${error.describe()}`);
        continue;
      }
      if (artifactSpec) {
        const reference =
          template.kind === 'reference' ? this.#resolve(template.reference, at) : undefined;
        if (template.kind !== 'reference') {
          this.#problems.push(
            `${at}: "${inputName}" is an artifact (${artifactSpec.artifactType.schemaTitle}); pass a task output such as \${TASK.OUTPUT}`,
          );
        } else if (reference && reference.kind !== 'task-artifact') {
          this.#problems.push(
            `${at}: "${inputName}" is an artifact but ${describeReference(reference)} is a ${typeLabel(reference)} parameter`,
          );
        } else if (reference) {
          const wanted = artifactSpec.artifactType.schemaTitle ?? 'system.Artifact';
          if (
            wanted !== reference.schemaTitle &&
            wanted !== 'system.Artifact' &&
            reference.schemaTitle !== 'system.Artifact'
          ) {
            this.#problems.push(
              `${at}: "${inputName}" expects ${wanted} but ${describeReference(reference)} is ${reference.schemaTitle}`,
            );
          }
          const { channel } = useReference(reference, at);
          artifacts[inputName] = channel
            ? { componentInputArtifact: channel }
            : this.#artifactSource(reference);
        }
        continue;
      }
      const wanted = parameterSpec?.parameterType as ParameterType;
      if (template.kind === 'constant') {
        if (!constantMatches(template.value, wanted)) {
          this.#problems.push(
            `${at}: ${JSON.stringify(template.value)} is not a valid ${wanted} value`,
          );
        }
        parameters[inputName] = {
          runtimeValue: { constant: template.value },
        } as TaskInputParameterSpec;
      } else if (template.kind === 'reference') {
        const reference = this.#resolve(template.reference, at);
        if (!reference) continue;
        if (reference.kind === 'task-artifact') {
          this.#problems.push(
            `${at}: "${inputName}" is a ${wanted} parameter but ${describeReference(reference)} is an artifact (${reference.schemaTitle})`,
          );
          continue;
        }
        if (!parameterTypesCompatible(reference.type, wanted)) {
          this.#problems.push(
            `${at}: "${inputName}" expects ${wanted} but ${describeReference(reference)} is ${reference.type}`,
          );
        }
        const { channel } = useReference(reference, at);
        parameters[inputName] = channel
          ? { componentInputParameter: channel }
          : this.#parameterSource(reference);
      } else {
        // Text with references: the SDK's f-string form, a constant with placeholders fed by channel inputs.
        if (wanted !== 'STRING')
          this.#problems.push(`${at}: only String inputs can mix text and references`);
        let constant = '';
        for (const part of template.parts) {
          if (typeof part === 'string') {
            constant += part;
            continue;
          }
          const reference = this.#resolve(part, at);
          if (!reference) continue;
          if (reference.kind === 'task-artifact') {
            this.#problems.push(
              `${at}: ${describeReference(reference)} is an artifact and cannot be part of a text value`,
            );
            continue;
          }
          const channel = channelName(reference);
          constant += `{{$.inputs.parameters['${channel}']}}`;
          const { channel: outside } = useReference(reference, at);
          parameters[channel] = outside
            ? { componentInputParameter: outside }
            : this.#parameterSource(reference);
        }
        parameters[inputName] = { runtimeValue: { constant } };
      }
    }

    for (const [name, definition] of Object.entries(declaredInputs?.parameters ?? {})) {
      if (!(name in given) && !definition.isOptional && definition.defaultValue === undefined) {
        this.#problems.push(
          `${where}.inputs: required input "${name}" of component "${task.component.name}" is not set`,
        );
      }
    }
    for (const [name, definition] of Object.entries(declaredInputs?.artifacts ?? {})) {
      if (!(name in given) && !definition.isOptional) {
        this.#problems.push(
          `${where}.inputs: required artifact "${name}" of component "${task.component.name}" is not set`,
        );
      }
    }

    for (const after of task.decl.after ?? []) {
      if (!this.#tasks.has(after)) {
        this.#problems.push(
          `${where}.after: unknown task "${after}" (tasks: ${[...this.#taskNames].join(', ')})`,
        );
      } else if (after === task.name) {
        this.#problems.push(`${where}.after: a task cannot run after itself`);
      } else {
        this.#checkVisibility(task, after, `${where}.after`);
        if (this.#tasks.get(after)?.group === task.group) dependencies.add(after);
      }
    }

    if (dependencies.size > 0) spec.dependentTasks = [...dependencies].sort();
    const inputs: Record<string, unknown> = {};
    if (Object.keys(parameters).length > 0) inputs.parameters = parameters;
    if (Object.keys(artifacts).length > 0) inputs.artifacts = artifacts;
    if (Object.keys(inputs).length > 0) spec.inputs = inputs;
    const retry = task.decl.retry;
    if (retry) {
      spec.retryPolicy = {
        maxRetryCount: retry.attempts,
        backoffDuration: durationSeconds(retry.backoff ?? '0s'),
        backoffFactor: retry.factor ?? 2,
        backoffMaxDuration: durationSeconds(retry.maxBackoff ?? '1h'),
      };
    }
    return spec as PipelineTaskSpec;
  }

  #parameterSource(reference: ResolvedReference): TaskInputParameterSpec {
    if (reference.kind === 'param') return { componentInputParameter: reference.name };
    return {
      taskOutputParameter: { producerTask: reference.task, outputParameterKey: reference.output },
    };
  }

  #artifactSource(reference: ResolvedReference & { kind: 'task-artifact' }): TaskInputArtifactSpec {
    return {
      taskOutputArtifact: { producerTask: reference.task, outputArtifactKey: reference.output },
    };
  }

  /** Rewrites `evaluate.accuracy >= params.min` into the SDK's CEL over channel inputs. */
  #condition(
    group: ConditionGroup,
    inputs: Map<string, ResolvedReference>,
    dependencies: Set<string>,
  ): string {
    const where = `tasks.${group.tasks[0] ?? ''}.when`;
    let found;
    try {
      found = findConditionReferences(group.expression, this.#taskNames);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      this.#problems.push(`${where}: ${error.describe()}`);
      return group.expression;
    }
    if (found.length === 0)
      this.#problems.push(
        `${where}: "${group.expression}" does not depend on any parameter or task output`,
      );
    let condition = group.expression;
    for (const { reference, start, end } of [...found].sort((a, b) => b.start - a.start)) {
      const resolved = this.#resolve(reference, where);
      if (!resolved) continue;
      if (resolved.kind === 'task-artifact') {
        this.#problems.push(
          `${where}: ${describeReference(resolved)} is an artifact; conditions can only test parameters (output the metric as a Float too)`,
        );
        continue;
      }
      if (resolved.kind === 'task-parameter') {
        const producer = this.#tasks.get(resolved.task);
        if (producer?.group !== undefined) {
          this.#problems.push(
            `${where}: "${resolved.task}" is itself conditional; a when-expression can only use unconditional tasks`,
          );
        }
        dependencies.add(resolved.task);
      }
      const channel = channelName(resolved);
      inputs.set(channel, resolved);
      const access = `inputs.parameter_values['${channel}']`;
      condition =
        condition.slice(0, start) +
        (resolved.type === 'NUMBER_INTEGER' ? `int(${access})` : access) +
        condition.slice(end);
    }
    return condition;
  }

  #container(task: TaskModel): PipelineContainerSpec {
    const container: Record<string, unknown> = { ...task.component.container };
    const env = task.decl.env;
    if (env) {
      const merged = new Map(
        (task.component.container.env ?? []).map((entry) => [entry.name, entry.value]),
      );
      for (const [name, value] of Object.entries(env)) merged.set(name, String(value));
      container.env = [...merged].map(([name, value]) => ({ name, value }));
    }
    const resources = task.decl.resources;
    if (resources) {
      const spec: Record<string, unknown> = {};
      if (resources.cpu !== undefined) spec.resourceCpuLimit = String(resources.cpu);
      if (resources.memory !== undefined) spec.resourceMemoryLimit = resources.memory;
      if (resources.cpuRequest !== undefined)
        spec.resourceCpuRequest = String(resources.cpuRequest);
      if (resources.memoryRequest !== undefined)
        spec.resourceMemoryRequest = resources.memoryRequest;
      if (resources.accelerator) {
        spec.accelerator = {
          resourceType: resources.accelerator.type,
          resourceCount: String(resources.accelerator.count),
        };
      }
      container.resources = spec;
    }
    return container as PipelineContainerSpec;
  }

  #rootInputDefinitions(): ComponentSpec['inputDefinitions'] {
    const entries = Object.entries(this.#parameters);
    if (entries.length === 0) return undefined;
    const parameters: Record<string, unknown> = {};
    for (const [name, parameter] of entries) {
      const type = PARAMETER_TYPE[parameter.type];
      const definition: Record<string, unknown> = { parameterType: type };
      if (!/^[a-zA-Z_][a-zA-Z0-9_]*$/.test(name)) {
        this.#problems.push(
          `parameters.${name}: parameter names are identifiers (letters, digits, underscores)`,
        );
      }
      if (parameter.default !== undefined) {
        if (!constantMatches(parameter.default, type)) {
          this.#problems.push(
            `parameters.${name}.default: ${JSON.stringify(parameter.default)} is not a valid ${parameter.type}`,
          );
        }
        definition.defaultValue = parameter.default;
      }
      if (parameter.optional || parameter.default !== undefined) definition.isOptional = true;
      if (parameter.description) definition.description = parameter.description.trim();
      parameters[name] = definition;
    }
    return { parameters } as ComponentSpec['inputDefinitions'];
  }

  #addPipelineOutputs(root: ComponentSpec): void {
    const outputs = Object.entries(this.#pipeline.outputs ?? {});
    if (outputs.length === 0 || !root.dag) return;
    const dagOutputs: Record<string, Record<string, unknown>> = {};
    const definitions: Record<string, Record<string, unknown>> = {};
    for (const [name, text] of outputs) {
      const where = `outputs.${name}`;
      let reference: Reference;
      try {
        reference = parseReference(text.replace(/^\$\{|\}$/g, ''), this.#taskNames);
      } catch (error) {
        if (!(error instanceof UserError)) throw error;
        this.#problems.push(`${where}: ${error.describe()}`);
        continue;
      }
      const resolved = this.#resolve(reference, where);
      if (!resolved) continue;
      if (resolved.kind === 'param') {
        this.#problems.push(`${where}: pipeline outputs come from tasks, not parameters`);
        continue;
      }
      if (this.#tasks.get(resolved.task)?.group !== undefined) {
        this.#problems.push(
          `${where}: "${resolved.task}" is conditional, so it cannot provide a pipeline output`,
        );
        continue;
      }
      if (resolved.kind === 'task-parameter') {
        (dagOutputs.parameters ??= {})[name] = {
          valueFromParameter: {
            producerSubtask: resolved.task,
            outputParameterKey: resolved.output,
          },
        };
        (definitions.parameters ??= {})[name] = { parameterType: resolved.type };
      } else {
        (dagOutputs.artifacts ??= {})[name] = {
          artifactSelectors: [
            { producerSubtask: resolved.task, outputArtifactKey: resolved.output },
          ],
        };
        (definitions.artifacts ??= {})[name] = {
          artifactType: { schemaTitle: resolved.schemaTitle, schemaVersion: '0.0.1' },
        };
      }
    }
    (root.dag as Record<string, unknown>).outputs = dagOutputs;
    root.outputDefinitions = definitions;
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

function describeReference(reference: ResolvedReference): string {
  return reference.kind === 'param'
    ? `params.${reference.name}`
    : `${reference.task}.${reference.output}`;
}

/** Recognises the declarative format by content (apiVersion + kind). */
export function isDeclarativePipeline(doc: unknown): boolean {
  return (
    typeof doc === 'object' &&
    doc !== null &&
    (doc as Record<string, unknown>).apiVersion === DECLARATIVE_API_VERSION &&
    (doc as Record<string, unknown>).kind === 'Pipeline'
  );
}
