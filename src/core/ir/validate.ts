/**
 * Reads and validates a compiled KFP v2 pipeline spec ("IR"): YAML/JSON syntax, the strict
 * proto schema (./schema.ts), then what the schema cannot express: references between
 * components, executors, tasks and inputs, container placeholders, and dependency cycles.
 * Every fault is collected and reported in one UserError, each detail prefixed by its path.
 *
 * Pure: works on text and values only (no fs, no process).
 */
import { parseAllDocuments } from 'yaml';
import { z } from 'zod';
import { excerpt, UserError } from '../errors.js';
import { findCycles } from '../graph.js';
import { closest } from '../suggest.js';
import { PipelineSpec, PlatformSpec } from './schema.js';

/** The first YAML document (the spec) and the optional second one (`platforms:`). */
export interface PipelineDocuments {
  readonly spec: PipelineSpec;
  readonly platformSpec: PlatformSpec | undefined;
}

const FIX_SPEC =
  'Correct the fields listed above, or recompile the pipeline with the KFP SDK (kfp.compiler.Compiler().compile) rather than editing the YAML by hand.';
const FIX_YAML =
  'Fix the YAML syntax at the reported line, or recompile the pipeline with the KFP SDK.';

/**
 * The SDK adds task inputs with this prefix (for conditions, and for task settings taken from
 * another task's output) without declaring them on the component; executor placeholders may
 * then name them, and resolve against the task's inputs.
 */
const PIPELINE_CHANNEL_PREFIX = 'pipelinechannel--';

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

/** Parses YAML or JSON text holding a compiled pipeline and validates it; returns the spec document. */
export function parsePipelineSpecText(text: string, source: string): PipelineSpec {
  return parsePipelineDocuments(text, source).spec;
}

/** Like parsePipelineSpecText, but also returns the validated `platforms:` document when present. */
export function parsePipelineDocuments(text: string, source: string): PipelineDocuments {
  return validatePipelineDocuments(readYamlDocuments(text, source), source);
}

/** Validates a file's YAML documents, already read: the spec, then any `platforms:` document. */
export function validatePipelineDocuments(
  documents: readonly unknown[],
  source: string,
): PipelineDocuments {
  const [first, ...extras] = documents;
  if (first === undefined || first === null) {
    throw new UserError(
      `${source} is empty: expected a compiled KFP pipeline spec (YAML or JSON)`,
      {
        fix: 'Compile the pipeline with the KFP SDK and point at the generated file.',
      },
    );
  }
  if (!isRecord(first)) {
    throw new UserError(
      `${source} is not a KFP pipeline spec: the document is ${kindOf(first)}, not a mapping`,
      {
        fix: 'Point at the YAML file the KFP compiler wrote (it starts with pipelineInfo, components, deploymentSpec, root...).',
      },
    );
  }

  const checked = checkPipelineSpec(first);
  const problems = [...checked.problems];
  let platformSpec: PlatformSpec | undefined;
  extras.forEach((extra, index) => {
    const label = `[document ${index + 2}]`;
    // A trailing `---` yields an empty document, which carries no meaning.
    if (extra === null || extra === undefined) return;
    if (!isRecord(extra)) {
      problems.push(
        `${label}: expected a mapping (the platform document, "platforms: ..."), found ${kindOf(extra)}`,
      );
      return;
    }
    const platform = checkPlatformSpec(extra, first, label);
    problems.push(...platform.problems);
    platformSpec ??= platform.spec;
  });

  if (problems.length > 0 || checked.spec === undefined) throw invalidSpecError(source, problems);
  return { spec: checked.spec, platformSpec };
}

/** Validates an already-parsed spec document (e.g. JSON.parse output); throws one UserError listing every fault. */
export function validatePipelineSpec(doc: unknown, source: string): PipelineSpec {
  const checked = checkPipelineSpec(doc);
  if (checked.spec === undefined) throw invalidSpecError(source, checked.problems);
  return checked.spec;
}

function invalidSpecError(source: string, problems: readonly string[]): UserError {
  const details = [...new Set(problems)];
  const count = `${details.length} problem${details.length === 1 ? '' : 's'}`;
  return new UserError(`${source} is not a valid KFP pipeline spec (${count})`, {
    fix: FIX_SPEC,
    details,
  });
}

// =============================================================================================
// YAML

interface YamlFault {
  readonly line: number;
  readonly col: number;
  readonly message: string;
}

/** Reads every YAML document of a file, tolerating the over-short continuation lines PyYAML writes. */
export function readYamlDocuments(text: string, source: string): unknown[] {
  const strict = parseYaml(text, source);
  if (strict.faults.length === 0) return strict.values;
  // Only when the text is not valid YAML 1.2, and only if the adjusted text then parses cleanly.
  const relaxed = indentQuotedContinuations(text);
  if (relaxed !== undefined) {
    const retry = parseYaml(relaxed, source);
    if (retry.faults.length === 0) return retry.values;
  }
  const [first] = strict.faults;
  const where = first ? `line ${first.line}, column ${first.col}: ${first.message}` : 'unreadable';
  throw new UserError(`${source} is not valid YAML (${where})`, {
    fix: FIX_YAML,
    details: strict.faults.map(
      (fault) => `line ${fault.line}, column ${fault.col}: ${fault.message}`,
    ),
  });
}

/** Aliases expanded per document: plenty for anchors written by hand, too few for a "billion laughs" file. */
const MAX_ALIASES = 100;

function parseYaml(text: string, source: string): { values: unknown[]; faults: YamlFault[] } {
  const documents = parseAllDocuments(text);
  const faults = documents.flatMap((document) =>
    document.errors.map((error) => ({
      line: error.linePos?.[0].line ?? 0,
      col: error.linePos?.[0].col ?? 0,
      // The message repeats the position and an excerpt after its first line; keep the reason,
      // which may quote a token of any length (a binary file is one long "scalar").
      message: excerpt(
        (error.message.split('\n')[0] ?? error.message).replace(/ at line \d+, column \d+:?$/, ''),
      ),
    })),
  );
  if (faults.length > 0) return { values: [], faults };
  try {
    return {
      values: documents.map((document) => document.toJS({ maxAliasCount: MAX_ALIASES }) as unknown),
      faults,
    };
  } catch (error) {
    // Thrown by toJS rather than reported: an alias without its anchor, or aliases that would
    // expand past the limit (a "billion laughs" file).
    const reason = (error as Error).message;
    if (/excessive alias count/i.test(reason)) {
      throw new UserError(
        `${source} has too many YAML aliases (more than ${MAX_ALIASES} expansions)`,
        {
          fix: 'Write the repeated values out instead of aliases (*name) of aliases.',
          cause: error,
        },
      );
    }
    throw new UserError(`${source} is not valid YAML (${excerpt(reason)})`, {
      fix: FIX_YAML,
      cause: error,
    });
  }
}

/**
 * PyYAML, which the KFP SDK writes specs with, puts the continuation lines of a multi-line
 * quoted scalar in a block sequence at the dash's column. YAML 1.2 requires them to be
 * indented further (yaml-test-suite QB6E), so `yaml` rejects such files although PyYAML and
 * go-yaml read them. Indenting those lines changes no value: a quoted scalar's continuation
 * lines lose their leading white space when folded. Returns undefined when nothing changed.
 */
function indentQuotedContinuations(text: string): string | undefined {
  const lines = text.split('\n');
  let changed = false;
  let blockScalarOwner = -1;
  for (let row = 0; row < lines.length; row++) {
    const line = lines[row] ?? '';
    const indent = leadingSpaces(line);
    // Lines of a literal/folded block scalar keep their indentation: never touch them.
    if (blockScalarOwner >= 0) {
      if (line.trim() === '' || indent > blockScalarOwner) continue;
      blockScalarOwner = -1;
    }
    const node = /^( *)((?:- +)*)([^\s#'"{}[\],][^#]*?:[ \t]+)?(.*)$/.exec(line);
    if (!node) continue;
    const dashes = node[2] ?? '';
    const key = node[3];
    const value = node[4] ?? '';
    const ownerColumn =
      key !== undefined
        ? indent + dashes.length
        : dashes
          ? indent + dashes.trimEnd().lastIndexOf('-')
          : -1;
    if (ownerColumn < 0) continue;
    if (/^[|>][-+0-9]*[ \t]*(#.*)?$/.test(value)) {
      blockScalarOwner = ownerColumn;
      continue;
    }
    const quote = value[0];
    if (quote !== "'" && quote !== '"') continue;
    const end = closingQuoteRow(lines, row, line.length - value.length + 1, quote);
    if (end === undefined) return changed ? lines.join('\n') : undefined;
    const required = ownerColumn + 1;
    for (let next = row + 1; next <= end; next++) {
      const continuation = lines[next] ?? '';
      const missing = required - leadingSpaces(continuation);
      if (continuation.trim() !== '' && missing > 0) {
        lines[next] = ' '.repeat(missing) + continuation;
        changed = true;
      }
    }
    row = end;
  }
  return changed ? lines.join('\n') : undefined;
}

/** Row of the quote closing a scalar opened just before (row, col), or undefined if it never closes. */
function closingQuoteRow(
  lines: readonly string[],
  row: number,
  col: number,
  quote: "'" | '"',
): number | undefined {
  for (let r = row, c = col; r < lines.length; r++, c = 0) {
    const line = lines[r] ?? '';
    while (c < line.length) {
      const char = line[c];
      if (quote === '"' && char === '\\') c += 2;
      else if (char === quote && quote === "'" && line[c + 1] === "'") c += 2;
      else if (char === quote) return r;
      else c += 1;
    }
  }
  return undefined;
}

function leadingSpaces(line: string): number {
  return line.length - line.trimStart().length;
}

// =============================================================================================
// Schema problems

type Path = readonly (string | number)[];

const SIMPLE_KEY = /^[A-Za-z0-9_][\w-]*$/;

/** `root.dag.tasks.train.componentRef.name`, `args[2]`, `["odd.key"]`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else {
      const key = String(segment);
      if (!SIMPLE_KEY.test(key)) text += `[${excerpt(JSON.stringify(key), 80)}]`;
      else text += text ? `.${key}` : key;
    }
  }
  return text || '(top level)';
}

function schemaProblems(
  schema: z.ZodType,
  doc: unknown,
  label = '',
): { data: unknown; problems: string[] } {
  const result = schema.safeParse(doc, { reportInput: true });
  if (result.success) return { data: result.data, problems: [] };
  const prefix = label ? `${label} ` : '';
  return {
    data: undefined,
    problems: result.error.issues.flatMap((issue) =>
      describeIssue(issue, schema).map((text) => prefix + text),
    ),
  };
}

function describeIssue(issue: z.core.$ZodIssue, root: z.ZodType): string[] {
  const at = formatPath(issue.path);
  switch (issue.code) {
    case 'unrecognized_keys': {
      const known = objectKeysAt(root, issue.path);
      return issue.keys.map((key) => {
        const suggestion = closest(key, known);
        return `${formatPath([...issue.path, key])}: unknown key${suggestion ? ` (did you mean ${suggestion}?)` : ''}`;
      });
    }
    case 'invalid_type':
      if (issue.input === undefined) return [`${at}: is required`];
      return [`${at}: expected ${describeExpected(issue.expected)}, found ${kindOf(issue.input)}`];
    case 'invalid_value': {
      const values = issue.values.map(String);
      const suggestion = typeof issue.input === 'string' ? closest(issue.input, values) : undefined;
      return [
        `${at}: ${show(issue.input)} is not one of ${values.join(', ')}${suggestion ? ` (did you mean ${suggestion}?)` : ''}`,
      ];
    }
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1)
        return [`${at}: must not be empty`];
      return [`${at}: ${issue.message}`];
    default:
      return [`${at}: ${issue.message}`];
  }
}

function describeExpected(expected: string): string {
  const names: Record<string, string> = {
    object: 'a mapping',
    record: 'a mapping',
    array: 'a list',
    string: 'a string',
    boolean: 'true or false',
    number: 'a number',
  };
  return names[expected] ?? expected;
}

/** Keys a strict object at `path` allows, found by walking the schema (zod's issue does not carry them). */
function objectKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let current: unknown = schema;
  for (const segment of [...path, undefined]) {
    while (current instanceof z.ZodOptional) current = current.unwrap();
    if (segment === undefined) break;
    if (current instanceof z.ZodObject)
      current = (current.shape as Record<PropertyKey, unknown>)[segment];
    else if (current instanceof z.ZodRecord) current = current.valueType;
    else if (current instanceof z.ZodArray) current = current.element;
    else return [];
  }
  return current instanceof z.ZodObject ? Object.keys(current.shape) : [];
}

// =============================================================================================
// Reference checks. They read the raw document defensively (accessors below) so they can run
// even when the schema check failed, and report each fault once: a value the schema already
// rejects (wrong type) is skipped here.

interface Problems {
  add(path: Path, message: string): void;
}

interface ComponentInterface {
  /** "root" or the key in `components`. */
  readonly name: string;
  readonly path: Path;
  readonly inputParameters: ReadonlyMap<string, Record<string, unknown>>;
  readonly inputArtifacts: ReadonlyMap<string, Record<string, unknown>>;
  readonly outputParameters: readonly string[];
  readonly outputArtifacts: readonly string[];
  readonly executorLabel: string | undefined;
  readonly dag: Record<string, unknown> | undefined;
}

interface SpecIndex {
  readonly components: ReadonlyMap<string, ComponentInterface>;
  readonly root: ComponentInterface;
  readonly executors: Record<string, unknown>;
  /** Input names each task passes, by the component it runs: executor placeholders may name them. */
  readonly taskInputs: Map<string, ReadonlySet<string>[]>;
  readonly problems: Problems;
}

function checkPipelineSpec(doc: unknown): { spec: PipelineSpec | undefined; problems: string[] } {
  const schema = schemaProblems(PipelineSpec, doc);
  const problems = [...schema.problems, ...referenceProblems(doc)];
  return { spec: problems.length === 0 ? (schema.data as PipelineSpec) : undefined, problems };
}

function checkPlatformSpec(doc: Record<string, unknown>, specDoc: unknown, label: string) {
  const schema = schemaProblems(PlatformSpec, doc, label);
  const problems = [...schema.problems];
  const executors = record(record(record(specDoc)['deploymentSpec'])['executors']);
  for (const [platform, config] of entries(doc['platforms'])) {
    for (const executorLabel of keys(record(record(config)['deploymentSpec'])['executors'])) {
      if (!(executorLabel in executors)) {
        const path = formatPath([
          'platforms',
          platform,
          'deploymentSpec',
          'executors',
          executorLabel,
        ]);
        problems.push(
          `${label} ${path}: "${executorLabel}" is not an executor in deploymentSpec.executors ${known(keys(executors))}`,
        );
      }
    }
  }
  return { spec: problems.length === 0 ? (schema.data as PlatformSpec) : undefined, problems };
}

function referenceProblems(doc: unknown): string[] {
  const found: string[] = [];
  const problems: Problems = {
    add: (path, message) => found.push(`${formatPath(path)}: ${message}`),
  };
  const spec = record(doc);
  const components = new Map(
    entries(spec['components']).map(([name, component]) => [
      name,
      describeComponent(name, ['components', name], component),
    ]),
  );
  const index: SpecIndex = {
    components,
    root: describeComponent('root', ['root'], spec['root']),
    executors: record(record(spec['deploymentSpec'])['executors']),
    taskInputs: new Map(),
    problems,
  };

  if (
    isRecord(spec['root']) &&
    index.root.dag === undefined &&
    index.root.executorLabel !== undefined
  ) {
    problems.add(['root'], 'the pipeline root must be a dag, not an executorLabel');
  }
  for (const component of [index.root, ...components.values()]) {
    checkParameterDefaults(component, problems);
    if (component.dag) new DagCheck(index, component, component.dag).run();
    if (component.executorLabel !== undefined && !(component.executorLabel in index.executors)) {
      problems.add(
        [...component.path, 'executorLabel'],
        `"${component.executorLabel}" is not an executor in deploymentSpec.executors ${known(keys(index.executors))}${didYouMean(component.executorLabel, keys(index.executors))}`,
      );
    }
  }
  checkExecutors(index);
  checkComponentCycles(index);
  return found;
}

function describeComponent(name: string, path: Path, value: unknown): ComponentInterface {
  const component = record(value);
  const inputs = record(component['inputDefinitions']);
  const outputs = record(component['outputDefinitions']);
  return {
    name,
    path,
    inputParameters: new Map(
      entries(inputs['parameters']).map(([key, spec]) => [key, record(spec)]),
    ),
    inputArtifacts: new Map(entries(inputs['artifacts']).map(([key, spec]) => [key, record(spec)])),
    outputParameters: keys(outputs['parameters']),
    outputArtifacts: keys(outputs['artifacts']),
    executorLabel: text(component['executorLabel']),
    dag: isRecord(component['dag']) ? component['dag'] : undefined,
  };
}

function describeOwner(component: ComponentInterface): string {
  return component.name === 'root' ? 'the pipeline root' : `component ${component.name}`;
}

const DEFAULT_VALUE_TYPES: Partial<
  Record<string, { test: (value: unknown) => boolean; expected: string }>
> = {
  STRING: { test: (value) => typeof value === 'string', expected: 'a string' },
  NUMBER_INTEGER: { test: (value) => Number.isInteger(value), expected: 'an integer' },
  NUMBER_DOUBLE: { test: (value) => typeof value === 'number', expected: 'a number' },
  BOOLEAN: { test: (value) => typeof value === 'boolean', expected: 'true or false' },
  LIST: { test: (value) => Array.isArray(value), expected: 'a list' },
  STRUCT: { test: isRecord, expected: 'a mapping' },
};

function checkParameterDefaults(component: ComponentInterface, problems: Problems): void {
  for (const [name, parameter] of component.inputParameters) {
    const type = DEFAULT_VALUE_TYPES[text(parameter['parameterType']) ?? ''];
    const value = parameter['defaultValue'];
    // null is google.protobuf.NullValue, which the SDK writes for a `None` default.
    if (type && value !== undefined && value !== null && !type.test(value)) {
      problems.add(
        [...component.path, 'inputDefinitions', 'parameters', name, 'defaultValue'],
        `${show(value)} does not match parameterType ${String(parameter['parameterType'])} (expected ${type.expected})`,
      );
    }
  }
}

type IoKind = 'parameter' | 'artifact';

function inputsOf(component: ComponentInterface, kind: IoKind) {
  return kind === 'parameter' ? component.inputParameters : component.inputArtifacts;
}

function outputsOf(component: ComponentInterface, kind: IoKind): readonly string[] {
  return kind === 'parameter' ? component.outputParameters : component.outputArtifacts;
}

/** Field names of the task input forms, per kind (`TaskInputsSpec`). */
const TASK_INPUT_FIELDS = {
  parameter: {
    collection: 'parameters',
    fromTask: 'taskOutputParameter',
    outputKey: 'outputParameterKey',
    fromOwner: 'componentInputParameter',
  },
  artifact: {
    collection: 'artifacts',
    fromTask: 'taskOutputArtifact',
    outputKey: 'outputArtifactKey',
    fromOwner: 'componentInputArtifact',
  },
} as const;

/** Checks one DAG: what its tasks refer to, what they pass, its outputs, and its dependency graph. */
class DagCheck {
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
function checkComponentCycles(index: SpecIndex): void {
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

// ---------------------------------------------------------------------------------------------
// Executors and placeholders

/** `{{$.inputs.parameters['x']}}`, `{{$.outputs.artifacts['m'].path}}`, ... (the accessor tail is kept for messages). */
const PLACEHOLDER =
  /\{\{\$\.(inputs|outputs)\.(parameters|artifacts)\[\s*(['"])(.*?)\3\s*\][^}]*\}\}/g;
const STRUCTURED_PLACEHOLDER = /^\s*\{\s*"(Concat|IfPresent|IsPresent)"/;

/** Placeholders in an executor resolve against the interface of every component using it. */
function checkExecutors(index: SpecIndex): void {
  const users = new Map<string, ComponentInterface[]>();
  for (const component of index.components.values()) {
    if (component.executorLabel !== undefined)
      users.set(component.executorLabel, [
        ...(users.get(component.executorLabel) ?? []),
        component,
      ]);
  }
  for (const [label, executor] of Object.entries(index.executors)) {
    const components = users.get(label) ?? [];
    const executorPath = ['deploymentSpec', 'executors', label];
    walkStrings(executor, executorPath, (value, path) => {
      for (const match of value.matchAll(PLACEHOLDER)) {
        const [placeholder, direction = '', collection = '', , name = ''] = match;
        const kind = collection === 'parameters' ? 'parameter' : 'artifact';
        for (const component of components) {
          const declared =
            direction === 'inputs'
              ? [...inputsOf(component, kind).keys()]
              : outputsOf(component, kind);
          if (!declared.includes(name) && !passedByEveryTask(index, component, direction, name)) {
            const what = `${direction === 'inputs' ? 'input' : 'output'} ${kind}`;
            index.problems.add(
              path,
              `${placeholder} refers to ${what} "${name}", which ${component.name} does not declare ${known(declared)}${didYouMean(name, declared)}`,
            );
          }
        }
      }
      if (STRUCTURED_PLACEHOLDER.test(value))
        checkStructuredPlaceholder(index.problems, value, path, components);
    });
    const importer = record(record(executor)['importer']);
    const runtimeParameter = text(record(importer['artifactUri'])['runtimeParameter']);
    for (const component of components) {
      if (runtimeParameter !== undefined && !component.inputParameters.has(runtimeParameter)) {
        index.problems.add(
          [...executorPath, 'importer', 'artifactUri', 'runtimeParameter'],
          `"${runtimeParameter}" is not an input parameter of ${component.name} ${known([...component.inputParameters.keys()])}`,
        );
      }
    }
  }
}

/** An SDK-injected `pipelinechannel--` input is resolvable when every task running the component passes it. */
function passedByEveryTask(
  index: SpecIndex,
  component: ComponentInterface,
  direction: string,
  name: string,
): boolean {
  const tasks = index.taskInputs.get(component.name) ?? [];
  return (
    direction === 'inputs' &&
    name.startsWith(PIPELINE_CHANNEL_PREFIX) &&
    tasks.length > 0 &&
    tasks.every((passed) => passed.has(name))
  );
}

/** `{"IfPresent": {"InputName": "x", "Then": [...], "Else": [...]}}` and `{"Concat": [...]}`, serialized into one argument. */
function checkStructuredPlaceholder(
  problems: Problems,
  value: string,
  path: Path,
  components: readonly ComponentInterface[],
): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    problems.add(path, `malformed structured placeholder (not valid JSON): ${excerpt(value, 80)}`);
    return;
  }
  const inputNames: string[] = [];
  const collect = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(collect);
    else if (isRecord(node)) {
      for (const [key, child] of Object.entries(node)) {
        if ((key === 'InputName' || key === 'IsPresent') && typeof child === 'string')
          inputNames.push(child);
        else collect(child);
      }
    }
  };
  collect(parsed);
  for (const name of inputNames) {
    for (const component of components) {
      if (!component.inputParameters.has(name) && !component.inputArtifacts.has(name)) {
        const declared = [...component.inputParameters.keys(), ...component.inputArtifacts.keys()];
        problems.add(
          path,
          `placeholder input "${name}" is not an input of ${component.name} ${known(declared)}${didYouMean(name, declared)}`,
        );
      }
    }
  }
}

function walkStrings(value: unknown, path: Path, visit: (value: string, path: Path) => void): void {
  if (typeof value === 'string') visit(value, path);
  else if (Array.isArray(value))
    value.forEach((item, position) => walkStrings(item, [...path, position], visit));
  else if (isRecord(value))
    for (const [key, child] of Object.entries(value)) walkStrings(child, [...path, key], visit);
}

// =============================================================================================
// Small helpers

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value as a mapping, or an empty one: lets the reference checks read malformed documents. */
function record(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}

function entries(value: unknown): [string, unknown][] {
  return Object.entries(record(value));
}

function keys(value: unknown): string[] {
  return Object.keys(record(value));
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A non-empty string, else undefined (the schema reports other values). */
function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function show(value: unknown): string {
  return value === undefined ? 'undefined' : excerpt(JSON.stringify(value), 80);
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (isRecord(value)) return 'a mapping';
  return `${typeof value === 'string' ? 'a string' : typeof value === 'boolean' ? 'a boolean' : `a ${typeof value}`} (${show(value)})`;
}

const MAX_KNOWN = 12;

/** "(known: a, b)" so the reader sees what would have been valid. */
function known(names: readonly string[]): string {
  if (names.length === 0) return '(none declared)';
  const shown = names.slice(0, MAX_KNOWN).join(', ');
  return `(known: ${shown}${names.length > MAX_KNOWN ? `, … ${names.length - MAX_KNOWN} more` : ''})`;
}

function didYouMean(name: string, candidates: readonly string[]): string {
  const suggestion = closest(name, candidates);
  return suggestion ? `; did you mean "${suggestion}"?` : '';
}
