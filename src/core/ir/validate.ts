/**
 * Reads and validates a compiled KFP v2 pipeline spec ("IR"): YAML/JSON syntax, the strict
 * proto schema (./schema.ts), then what the schema cannot express: references between
 * components, executors, tasks and inputs, container placeholders, and dependency cycles.
 * Every fault is collected and reported in one UserError, each detail prefixed by its path.
 * The entry points and the document-level checks live here; the parts beside it read the YAML
 * (./validate-yaml.ts), word schema problems (./validate-schema.ts) and check DAGs
 * (./validate-dag.ts) and executors (./validate-executors.ts) over ./validate-index.ts.
 *
 * Pure: works on text and values only (no fs, no process).
 */
import { UserError } from '../errors.js';
import { PipelineSpec, PlatformSpec } from './schema.js';
import { checkComponentCycles, DagCheck } from './validate-dag.js';
import { checkExecutors } from './validate-executors.js';
import {
  describeComponent,
  type ComponentInterface,
  type Problems,
  type SpecIndex,
} from './validate-index.js';
import { formatPath, schemaProblems } from './validate-schema.js';
import {
  didYouMean,
  entries,
  isRecord,
  keys,
  kindOf,
  known,
  record,
  show,
  text,
} from './validate-values.js';
import { readYamlDocuments } from './validate-yaml.js';

/** The first YAML document (the spec) and the optional second one (`platforms:`). */
export interface PipelineDocuments {
  readonly spec: PipelineSpec;
  readonly platformSpec: PlatformSpec | undefined;
}

const FIX_SPEC =
  'Correct the fields listed above, or recompile the pipeline with the KFP SDK (kfp.compiler.Compiler().compile) rather than editing the YAML by hand.';

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
// Reference checks. They read the raw document defensively (accessors below) so they can run
// even when the schema check failed, and report each fault once: a value the schema already
// rejects (wrong type) is skipped here.

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
