/**
 * The DAG checks of a pipeline spec, for ./validate.ts: what each task of a DAG refers to
 * (component, upstream tasks, producer outputs, owner inputs), the inputs it passes and
 * requires, its iterators and trigger condition, the DAG's outputs, and dependency cycles
 * between tasks and between components.
 *
 * Pure: works on values only.
 */
import { findCycles } from '../graph.js';
import {
  describeOwner,
  inputsOf,
  outputsOf,
  PIPELINE_CHANNEL_PREFIX,
  TASK_INPUT_FIELDS,
  type ComponentInterface,
  type IoKind,
  type Problems,
  type SpecIndex,
} from './validate-index.js';
import {
  didYouMean,
  entries,
  isRecord,
  known,
  list,
  record,
  text,
  type Path,
} from './validate-values.js';

/**
 * Undeclared task inputs the SDK writes when a resource is set from a pipeline channel, e.g.
 * `task.set_cpu_limit(other.output)` (see valid/pipeline_with_string_machine_fields_task_output.yaml).
 */
const SDK_RESOURCE_INPUTS = new Set([
  'cpu_request',
  'cpu_limit',
  'memory_request',
  'memory_limit',
  'accelerator_type',
  'accelerator_count',
]);

/** Checks one DAG: what its tasks refer to, what they pass, its outputs, and its dependency graph. */
export class DagCheck {
  private readonly problems: Problems;
  private readonly path: Path;
  private readonly tasks: Record<string, unknown>;
  private readonly taskNames: string[];
  /** Task name to the tasks it waits for (dependentTasks and producers of its inputs). */
  private readonly upstream = new Map<string, Set<string>>();

  constructor(
    private readonly index: SpecIndex,
    private readonly owner: ComponentInterface,
    private readonly dag: Record<string, unknown>,
  ) {
    this.problems = index.problems;
    this.path = [...owner.path, 'dag'];
    this.tasks = record(dag['tasks']);
    this.taskNames = Object.keys(this.tasks);
  }

  run(): void {
    for (const [name, task] of Object.entries(this.tasks)) this.checkTask(name, record(task));
    this.checkOutputs();
    for (const cycle of findCycles(this.upstream)) {
      this.problems.add(
        [...this.path, 'tasks'],
        `dependency cycle ${cycle.join(' -> ')} (via dependentTasks or task outputs)`,
      );
    }
  }

  private checkTask(name: string, task: Record<string, unknown>): void {
    const taskPath = [...this.path, 'tasks', name];
    const dependsOn = new Set<string>();
    this.upstream.set(name, dependsOn);

    const refName = text(record(task['componentRef'])['name']);
    const component = refName === undefined ? undefined : this.index.components.get(refName);
    if (refName !== undefined && component === undefined) {
      const names = [...this.index.components.keys()];
      this.problems.add(
        [...taskPath, 'componentRef', 'name'],
        `"${refName}" is not a component ${known(names)}${didYouMean(refName, names)}`,
      );
    }

    list(task['dependentTasks']).forEach((dependency, position) => {
      const upstreamTask = this.taskRef([...taskPath, 'dependentTasks', position], dependency);
      if (upstreamTask !== undefined) dependsOn.add(upstreamTask);
    });

    const inputs = record(task['inputs']);
    const passed = {
      parameter: record(inputs['parameters']),
      artifact: record(inputs['artifacts']),
    };
    if (component) {
      const names = new Set([...Object.keys(passed.parameter), ...Object.keys(passed.artifact)]);
      this.index.taskInputs.set(component.name, [
        ...(this.index.taskInputs.get(component.name) ?? []),
        names,
      ]);
    }
    for (const kind of ['parameter', 'artifact'] as const) {
      for (const [inputName, input] of Object.entries(passed[kind])) {
        const inputPath = [...taskPath, 'inputs', TASK_INPUT_FIELDS[kind].collection, inputName];
        this.checkTaskInput(kind, inputPath, inputName, record(input), component, dependsOn);
      }
    }

    if (component) checkRequiredInputs(this.problems, taskPath, component, passed, task);
    checkIterators(this.problems, taskPath, task, component, passed);
    checkCondition(this.problems, taskPath, record(task['triggerPolicy'])['condition'], passed);
  }

  private checkTaskInput(
    kind: IoKind,
    path: Path,
    name: string,
    input: Record<string, unknown>,
    component: ComponentInterface | undefined,
    dependsOn: Set<string>,
  ): void {
    const fields = TASK_INPUT_FIELDS[kind];
    const sdkInjected =
      name.startsWith(PIPELINE_CHANNEL_PREFIX) ||
      (kind === 'parameter' &&
        SDK_RESOURCE_INPUTS.has(name) &&
        component !== undefined &&
        hasContainerResources(this.index, component));
    if (component && !inputsOf(component, kind).has(name) && !sdkInjected) {
      const declared = [...inputsOf(component, kind).keys()];
      this.problems.add(
        path,
        `${component.name} has no input ${kind} "${name}" ${known(declared)}${didYouMean(name, declared)}`,
      );
    }

    this.checkOwnerInput(kind, [...path, fields.fromOwner], input[fields.fromOwner]);
    const fromTask = record(input[fields.fromTask]);
    const producerTask = this.taskRef(
      [...path, fields.fromTask, 'producerTask'],
      fromTask['producerTask'],
    );
    if (producerTask !== undefined) {
      dependsOn.add(producerTask);
      this.checkOutputKey(
        kind,
        [...path, fields.fromTask, fields.outputKey],
        fromTask[fields.outputKey],
        producerTask,
      );
    }
    if (kind === 'parameter') {
      const runtimeParameter = record(input['runtimeValue'])['runtimeParameter'];
      this.checkOwnerInput(kind, [...path, 'runtimeValue', 'runtimeParameter'], runtimeParameter);
      const statusOf = record(input['taskFinalStatus'])['producerTask'];
      const finalStatusTask = this.taskRef([...path, 'taskFinalStatus', 'producerTask'], statusOf);
      if (finalStatusTask !== undefined) dependsOn.add(finalStatusTask);
    }
  }

  /** Outputs of a DAG are selected from its tasks and must be declared by its component. */
  private checkOutputs(): void {
    const outputs = record(this.dag['outputs']);
    for (const kind of ['parameter', 'artifact'] as const) {
      for (const [name, value] of entries(outputs[TASK_INPUT_FIELDS[kind].collection])) {
        const path = [...this.path, 'outputs', TASK_INPUT_FIELDS[kind].collection, name];
        const declared = outputsOf(this.owner, kind);
        if (!declared.includes(name)) {
          this.problems.add(
            path,
            `${describeOwner(this.owner)} declares no output ${kind} "${name}" in outputDefinitions ${known(declared)}`,
          );
        }
        for (const [selectorPath, selector] of dagOutputSelectors(kind, path, record(value))) {
          const subtask = this.taskRef(
            [...selectorPath, 'producerSubtask'],
            selector['producerSubtask'],
          );
          const keyField = TASK_INPUT_FIELDS[kind].outputKey;
          if (subtask !== undefined) {
            this.checkOutputKey(kind, [...selectorPath, keyField], selector[keyField], subtask);
          }
        }
      }
    }
  }

  /** Returns `name` when it is a task of this DAG; reports it otherwise. */
  private taskRef(path: Path, name: unknown): string | undefined {
    const taskName = text(name);
    if (taskName === undefined) return undefined;
    if (taskName in this.tasks) return taskName;
    this.problems.add(
      path,
      `"${taskName}" is not a task of this DAG ${known(this.taskNames)}${didYouMean(taskName, this.taskNames)}`,
    );
    return undefined;
  }

  private checkOutputKey(kind: IoKind, path: Path, key: unknown, producerTask: string): void {
    const name = text(key);
    const refName = text(record(record(this.tasks[producerTask])['componentRef'])['name']);
    const component = refName === undefined ? undefined : this.index.components.get(refName);
    if (component === undefined || name === undefined) return;
    const declared = outputsOf(component, kind);
    if (!declared.includes(name)) {
      this.problems.add(
        path,
        `"${name}" is not an output ${kind} of ${component.name} (the component of task "${producerTask}") ${known(declared)}${didYouMean(name, declared)}`,
      );
    }
  }

  /** `componentInputParameter`/`componentInputArtifact` name an input of the enclosing component. */
  private checkOwnerInput(kind: IoKind, path: Path, value: unknown): void {
    const name = text(value);
    const declared = [...inputsOf(this.owner, kind).keys()];
    if (name !== undefined && !declared.includes(name)) {
      this.problems.add(
        path,
        `"${name}" is not an input ${kind} of ${describeOwner(this.owner)} ${known(declared)}${didYouMean(name, declared)}`,
      );
    }
  }
}

/** The task outputs a DAG output selects, with their paths. */
function dagOutputSelectors(
  kind: IoKind,
  path: Path,
  output: Record<string, unknown>,
): [Path, Record<string, unknown>][] {
  if (kind === 'artifact') {
    return list(output['artifactSelectors']).map((selector, position) => [
      [...path, 'artifactSelectors', position],
      record(selector),
    ]);
  }
  const selectors: [Path, Record<string, unknown>][] = [];
  if (isRecord(output['valueFromParameter'])) {
    selectors.push([[...path, 'valueFromParameter'], output['valueFromParameter']]);
  }
  list(record(output['valueFromOneof'])['parameterSelectors']).forEach((selector, position) => {
    selectors.push([[...path, 'valueFromOneof', 'parameterSelectors', position], record(selector)]);
  });
  return selectors;
}

interface PassedInputs {
  readonly parameter: Record<string, unknown>;
  readonly artifact: Record<string, unknown>;
}

function hasContainerResources(index: SpecIndex, component: ComponentInterface): boolean {
  const executor =
    component.executorLabel === undefined ? undefined : index.executors[component.executorLabel];
  return isRecord(record(record(executor)['container'])['resources']);
}

/** Inputs the component needs and the task does not pass (TASK_CONFIG is injected by the backend). */
function checkRequiredInputs(
  problems: Problems,
  taskPath: Path,
  component: ComponentInterface,
  passed: PassedInputs,
  task: Record<string, unknown>,
): void {
  // An iterator fills its item input itself.
  const iterated =
    text(record(task['parameterIterator'])['itemInput']) ??
    text(record(task['artifactIterator'])['itemInput']);
  for (const kind of ['parameter', 'artifact'] as const) {
    for (const [name, spec] of inputsOf(component, kind)) {
      const optional =
        spec['isOptional'] === true ||
        spec['defaultValue'] !== undefined ||
        spec['parameterType'] === 'TASK_CONFIG';
      if (!optional && !(name in passed[kind]) && name !== iterated) {
        problems.add(
          [...taskPath, 'inputs', TASK_INPUT_FIELDS[kind].collection],
          `required input ${kind} "${name}" of ${component.name} is not set`,
        );
      }
    }
  }
}

/** Iterator items come from the task's own inputs; each item lands in an input of its component. */
function checkIterators(
  problems: Problems,
  taskPath: Path,
  task: Record<string, unknown>,
  component: ComponentInterface | undefined,
  passed: PassedInputs,
): void {
  const iterators = [
    { field: 'parameterIterator', itemsKey: 'inputParameter', kind: 'parameter' },
    { field: 'artifactIterator', itemsKey: 'inputArtifact', kind: 'artifact' },
  ] as const;
  for (const { field, itemsKey, kind } of iterators) {
    const iterator = record(task[field]);
    const items = text(record(iterator['items'])[itemsKey]);
    if (items !== undefined && !(items in passed[kind])) {
      problems.add(
        [...taskPath, field, 'items', itemsKey],
        `"${items}" is not an input ${kind} of this task ${known(Object.keys(passed[kind]))}`,
      );
    }
    const itemInput = text(iterator['itemInput']);
    if (itemInput === undefined || component === undefined) continue;
    const declared = [...inputsOf(component, kind).keys()];
    if (!declared.includes(itemInput)) {
      problems.add(
        [...taskPath, field, 'itemInput'],
        `"${itemInput}" is not an input ${kind} of ${component.name} ${known(declared)}`,
      );
    }
  }
}

/** A trigger condition can only read the task's own inputs. */
function checkCondition(
  problems: Problems,
  taskPath: Path,
  condition: unknown,
  passed: PassedInputs,
): void {
  const expression = text(condition);
  if (expression === undefined) return;
  for (const match of expression.matchAll(
    /inputs\.(parameter_values|artifacts)\[\s*(['"])(.*?)\2\s*\]/g,
  )) {
    const [, collection, , name = ''] = match;
    const kind = collection === 'artifacts' ? 'artifact' : 'parameter';
    if (!(name in passed[kind])) {
      problems.add(
        [...taskPath, 'triggerPolicy', 'condition'],
        `refers to input ${kind} "${name}", which this task does not have ${known(Object.keys(passed[kind]))}`,
      );
    }
  }
}

/** A DAG component that (indirectly) contains itself would expand forever. */
export function checkComponentCycles(index: SpecIndex): void {
  const edges = new Map<string, Set<string>>();
  for (const component of index.components.values()) {
    const refs = new Set<string>();
    for (const task of Object.values(record(component.dag?.['tasks']))) {
      const name = text(record(record(task)['componentRef'])['name']);
      if (name !== undefined && index.components.has(name)) refs.add(name);
    }
    edges.set(component.name, refs);
  }
  for (const cycle of findCycles(edges)) {
    const [first = ''] = cycle;
    index.problems.add(['components', first, 'dag'], `component cycle ${cycle.join(' -> ')}`);
  }
}
