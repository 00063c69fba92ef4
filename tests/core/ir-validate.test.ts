import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, test } from 'vitest';
import { parseAllDocuments, stringify } from 'yaml';
import { UserError } from '../../src/core/errors.js';
import type { PipelineSpec } from '../../src/core/ir/schema.js';
import type { RetryPolicy } from '../../src/core/ir/schema-components.js';
import {
  parsePipelineDocuments,
  parsePipelineSpecText,
  validatePipelineSpec,
} from '../../src/core/ir/validate.js';
import { CORPUS } from '../helpers/paths.js';

// ---------------------------------------------------------------------------------------------
// Corpus: pipelines compiled by the KFP SDK (kubeflow/pipelines test_data), read at test time.

const compiledDir = path.join(CORPUS, 'sdk_compiled_pipelines');

function corpusFiles(kind: 'valid' | 'invalid'): string[] {
  const dir = path.join(compiledDir, kind);
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(ya?ml|json)$/.test(name))
    .map((name) => path.join(kind, name))
    .sort();
}

function readCorpus(name: string): string {
  return fs.readFileSync(path.join(compiledDir, name), 'utf8');
}

/** Rethrows a UserError with its details, so a failing corpus file shows every problem. */
function parseOrExplain(text: string, source: string): PipelineSpec {
  try {
    return parsePipelineSpecText(text, source);
  } catch (error) {
    throw error instanceof UserError ? new Error(error.describe()) : error;
  }
}

/** Deep equality, except that a number may stand for the proto3-JSON decimal string it was read from. */
function sameAsWritten(validated: unknown, written: unknown): boolean {
  if (typeof validated === 'number' && typeof written === 'string') {
    return validated === Number(written);
  }
  if (!isObject(validated) || !isObject(written)) return isDeepStrictEqual(validated, written);
  const keys = Object.keys(validated);
  return (
    Array.isArray(validated) === Array.isArray(written) &&
    isDeepStrictEqual(keys.sort(), Object.keys(written).sort()) &&
    keys.every((key) => sameAsWritten(validated[key], written[key]))
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function caught(run: () => unknown): UserError {
  try {
    run();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a UserError, but nothing was thrown');
}

const validFiles = corpusFiles('valid');
const invalidFiles = corpusFiles('invalid');

describe('KFP IR corpus', () => {
  test('has files to check', () => {
    expect(validFiles.length).toBeGreaterThan(100);
    expect(invalidFiles.length).toBeGreaterThan(0);
  });

  test.each(validFiles)('accepts %s', (name) => {
    const spec = parseOrExplain(readCorpus(name), name);
    expect(spec.schemaVersion).toBe('2.1.0');
    expect(Object.keys(spec.root.dag?.tasks ?? {}).length).toBeGreaterThan(0);
  });

  test.each(invalidFiles)('rejects %s, naming the file', (name) => {
    const error = caught(() => parsePipelineSpecText(readCorpus(name), name));
    expect(error.message).toContain(name);
    expect(error.fix).toBeTruthy();
  });

  test('returns each spec document as written (numeric strings aside)', () => {
    const changed: string[] = [];
    let compared = 0;
    for (const name of validFiles) {
      const text = readCorpus(name);
      const [document] = parseAllDocuments(text);
      // Files the strict YAML 1.2 parser refuses (PyYAML indentation) are covered by the test below.
      if (!document || document.errors.length > 0) continue;
      compared++;
      if (!sameAsWritten(parsePipelineSpecText(text, name), document.toJS())) changed.push(name);
    }
    expect(compared).toBeGreaterThan(100);
    expect(changed).toEqual([]);
  });

  test('reads PyYAML quoted scalars whose continuation lines sit at the dash column', () => {
    const name = 'valid/essential/placeholder_with_if_placeholder_none_input_value.yaml';
    const spec = parsePipelineSpecText(readCorpus(name), name);
    expect(
      spec.deploymentSpec?.executors?.['exec-component-with-optional-inputs']?.container?.args?.at(
        -1,
      ),
    ).toBe(
      '{"IfPresent": {"InputName": "optional_input_2", "Then": ["--arg2", "{{$.inputs.parameters[\'optional_input_2\']}}"], "Else": ["--arg2", "default value"]}}',
    );
  });

  test('explains the invalid corpus files', () => {
    expect(
      caught(() => parsePipelineSpecText(readCorpus('invalid/empty_file.yaml'), 'empty_file.yaml'))
        .message,
    ).toBe('empty_file.yaml is empty: expected a compiled KFP pipeline spec (YAML or JSON)');
    const error = caught(() =>
      parsePipelineSpecText(readCorpus('invalid/invalid_yaml.yaml'), 'invalid_yaml.yaml'),
    );
    expect(error.message).toBe('invalid_yaml.yaml is not a valid KFP pipeline spec (2 problems)');
    expect(error.details).toEqual([
      'components_1: unknown key (did you mean components?)',
      'root.dag.tasks.echo.componentRef.name: "comp-echo" is not a component (none declared)',
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// Mutations of a small valid spec: each fault must be reported at its JSON path.

type Doc = Record<string, unknown>;

const MODEL = { artifactType: { schemaTitle: 'system.Model', schemaVersion: '0.0.1' } };

function validSpec(): Doc {
  return {
    components: {
      'comp-train': {
        executorLabel: 'exec-train',
        inputDefinitions: { parameters: { n: { parameterType: 'NUMBER_INTEGER' } } },
        outputDefinitions: {
          parameters: { loss: { parameterType: 'NUMBER_DOUBLE' } },
          artifacts: { model: MODEL },
        },
      },
      'comp-evaluate': {
        executorLabel: 'exec-evaluate',
        inputDefinitions: {
          parameters: { loss: { parameterType: 'NUMBER_DOUBLE' } },
          artifacts: { model: MODEL },
        },
      },
    },
    deploymentSpec: {
      executors: {
        'exec-train': {
          container: {
            image: 'python:3.12',
            command: ['python', 'train.py'],
            args: [
              '--n',
              "{{$.inputs.parameters['n']}}",
              '--loss',
              "{{$.outputs.parameters['loss'].output_file}}",
              '--model',
              "{{$.outputs.artifacts['model'].path}}",
            ],
          },
        },
        'exec-evaluate': {
          container: {
            image: 'python:3.12',
            command: ['python', 'evaluate.py'],
            args: [
              '--model',
              "{{$.inputs.artifacts['model'].path}}",
              '{"IfPresent": {"InputName": "loss", "Then": ["--loss", "{{$.inputs.parameters[\'loss\']}}"]}}',
            ],
          },
        },
      },
    },
    pipelineInfo: { name: 'train-and-evaluate' },
    root: {
      dag: {
        tasks: {
          train: {
            cachingOptions: { enableCache: true },
            componentRef: { name: 'comp-train' },
            inputs: { parameters: { n: { componentInputParameter: 'epochs' } } },
            retryPolicy: {
              maxRetryCount: 2,
              backoffDuration: '30s',
              backoffFactor: 2,
              backoffMaxDuration: '3600s',
            },
            taskInfo: { name: 'train' },
          },
          evaluate: {
            componentRef: { name: 'comp-evaluate' },
            dependentTasks: ['train'],
            inputs: {
              parameters: {
                loss: {
                  taskOutputParameter: { producerTask: 'train', outputParameterKey: 'loss' },
                },
              },
              artifacts: {
                model: {
                  taskOutputArtifact: { producerTask: 'train', outputArtifactKey: 'model' },
                },
              },
            },
            taskInfo: { name: 'evaluate' },
          },
        },
      },
      inputDefinitions: {
        parameters: {
          epochs: { defaultValue: 3, isOptional: true, parameterType: 'NUMBER_INTEGER' },
        },
      },
    },
    schemaVersion: '2.1.0',
    sdkVersion: 'kfp-2.14.3',
  };
}

/** The mapping at a dotted path of the fixture (keys in it contain no dots). */
function mappingAt(doc: Doc, path: string): Doc {
  let node: unknown = doc;
  for (const key of path.split('.')) {
    const next: unknown = (node as Doc)[key];
    if (typeof next !== 'object' || next === null)
      throw new Error(`fixture has no mapping at ${path}`);
    node = next;
  }
  return node as Doc;
}

function splitPath(path: string): [string, string] {
  const cut = path.lastIndexOf('.');
  return [path.slice(0, cut), path.slice(cut + 1)];
}

function set(doc: Doc, path: string, value: unknown): void {
  const [parent, key] = splitPath(path);
  mappingAt(doc, parent)[key] = value;
}

function remove(doc: Doc, path: string): void {
  const [parent, key] = splitPath(path);
  delete mappingAt(doc, parent)[key];
}

function rename(doc: Doc, path: string, newKey: string): void {
  const [parent, key] = splitPath(path);
  const mapping = mappingAt(doc, parent);
  mapping[newKey] = mapping[key];
  delete mapping[key];
}

function mutated(change: (spec: Doc) => void): Doc {
  const spec = validSpec();
  change(spec);
  return spec;
}

function problemsOf(doc: unknown): readonly string[] {
  const error = caught(() => validatePipelineSpec(doc, 'pipeline.yaml'));
  expect(error.message).toMatch(
    /^pipeline\.yaml is not a valid KFP pipeline spec \(\d+ problems?\)$/,
  );
  return error.details;
}

const TRAIN = 'root.dag.tasks.train';
const EVALUATE = 'root.dag.tasks.evaluate';

describe('validatePipelineSpec', () => {
  test('accepts the base spec and returns it unchanged', () => {
    expect(validatePipelineSpec(validSpec(), 'pipeline.yaml')).toEqual(validSpec());
  });

  const cases: { fault: string; change: (spec: Doc) => void; detail: string }[] = [
    {
      fault: 'a typo in a key',
      change: (spec) => rename(spec, `${TRAIN}.taskInfo`, 'taskinfo'),
      detail: 'root.dag.tasks.train.taskinfo: unknown key (did you mean taskInfo?)',
    },
    {
      fault: 'a snake_case field name',
      change: (spec) => rename(spec, `${TRAIN}.cachingOptions`, 'caching_options'),
      detail: 'root.dag.tasks.train.caching_options: unknown key (did you mean cachingOptions?)',
    },
    {
      fault: 'a bad enum value',
      change: (spec) =>
        set(spec, 'components.comp-train.inputDefinitions.parameters.n.parameterType', 'DOUBLE'),
      detail:
        'components.comp-train.inputDefinitions.parameters.n.parameterType: "DOUBLE" is not one of STRING, NUMBER_DOUBLE, NUMBER_INTEGER, BOOLEAN, LIST, STRUCT, TASK_FINAL_STATUS, TASK_CONFIG',
    },
    {
      fault: 'both members of the component implementation oneof',
      change: (spec) => set(spec, 'components.comp-train.dag', { tasks: {} }),
      detail:
        'components.comp-train: dag and executorLabel are alternatives (proto oneof): set only one of dag, executorLabel',
    },
    {
      fault: 'both members of a task input oneof',
      change: (spec) =>
        set(spec, `${EVALUATE}.inputs.parameters.loss.runtimeValue`, { constant: 1 }),
      detail:
        'root.dag.tasks.evaluate.inputs.parameters.loss: taskOutputParameter and runtimeValue are alternatives (proto oneof): set only one of taskOutputParameter, runtimeValue, componentInputParameter, taskFinalStatus',
    },
    {
      fault: 'an executor with no spec',
      change: (spec) => remove(spec, 'deploymentSpec.executors.exec-train.container'),
      detail:
        'deploymentSpec.executors.exec-train: one of container, importer, resolver, customJob is required',
    },
    {
      fault: 'an unknown componentRef',
      change: (spec) => set(spec, `${TRAIN}.componentRef.name`, 'comp-trian'),
      detail:
        'root.dag.tasks.train.componentRef.name: "comp-trian" is not a component (known: comp-train, comp-evaluate); did you mean "comp-train"?',
    },
    {
      fault: 'an unknown executorLabel',
      change: (spec) => set(spec, 'components.comp-evaluate.executorLabel', 'exec-eval'),
      detail:
        'components.comp-evaluate.executorLabel: "exec-eval" is not an executor in deploymentSpec.executors (known: exec-train, exec-evaluate)',
    },
    {
      fault: 'a wrong outputParameterKey',
      change: (spec) =>
        set(
          spec,
          `${EVALUATE}.inputs.parameters.loss.taskOutputParameter.outputParameterKey`,
          'losss',
        ),
      detail:
        'root.dag.tasks.evaluate.inputs.parameters.loss.taskOutputParameter.outputParameterKey: "losss" is not an output parameter of comp-train (the component of task "train") (known: loss); did you mean "loss"?',
    },
    {
      fault: 'a wrong outputArtifactKey',
      change: (spec) =>
        set(
          spec,
          `${EVALUATE}.inputs.artifacts.model.taskOutputArtifact.outputArtifactKey`,
          'weights',
        ),
      detail:
        'root.dag.tasks.evaluate.inputs.artifacts.model.taskOutputArtifact.outputArtifactKey: "weights" is not an output artifact of comp-train (the component of task "train") (known: model)',
    },
    {
      fault: 'a producer outside the DAG',
      change: (spec) =>
        set(spec, `${EVALUATE}.inputs.parameters.loss.taskOutputParameter.producerTask`, 'trainer'),
      detail:
        'root.dag.tasks.evaluate.inputs.parameters.loss.taskOutputParameter.producerTask: "trainer" is not a task of this DAG (known: train, evaluate); did you mean "train"?',
    },
    {
      fault: 'an unknown dependentTasks entry',
      change: (spec) => set(spec, `${EVALUATE}.dependentTasks`, ['train', 'prepare']),
      detail:
        'root.dag.tasks.evaluate.dependentTasks[1]: "prepare" is not a task of this DAG (known: train, evaluate)',
    },
    {
      fault: 'a componentInputParameter the enclosing component lacks',
      change: (spec) => set(spec, `${TRAIN}.inputs.parameters.n.componentInputParameter`, 'epoch'),
      detail:
        'root.dag.tasks.train.inputs.parameters.n.componentInputParameter: "epoch" is not an input parameter of the pipeline root (known: epochs); did you mean "epochs"?',
    },
    {
      fault: 'a task input the component does not declare',
      change: (spec) =>
        set(spec, `${TRAIN}.inputs.parameters.m`, { runtimeValue: { constant: 1 } }),
      detail:
        'root.dag.tasks.train.inputs.parameters.m: comp-train has no input parameter "m" (known: n)',
    },
    {
      fault: 'a required component input the task does not set',
      change: (spec) => remove(spec, `${TRAIN}.inputs`),
      detail:
        'root.dag.tasks.train.inputs.parameters: required input parameter "n" of comp-train is not set',
    },
    {
      fault: 'a placeholder naming an undeclared input',
      change: (spec) =>
        set(spec, 'deploymentSpec.executors.exec-train.container.args', [
          '--n',
          "{{$.inputs.parameters['epochs']}}",
        ]),
      detail:
        'deploymentSpec.executors.exec-train.container.args[1]: {{$.inputs.parameters[\'epochs\']}} refers to input parameter "epochs", which comp-train does not declare (known: n)',
    },
    {
      fault: 'a placeholder naming an undeclared output artifact',
      change: (spec) =>
        set(spec, 'deploymentSpec.executors.exec-train.container.args', [
          "{{$.outputs.artifacts['modle'].path}}",
        ]),
      detail:
        'deploymentSpec.executors.exec-train.container.args[0]: {{$.outputs.artifacts[\'modle\'].path}} refers to output artifact "modle", which comp-train does not declare (known: model); did you mean "model"?',
    },
    {
      fault: 'an IfPresent placeholder naming an undeclared input',
      change: (spec) =>
        set(spec, 'deploymentSpec.executors.exec-train.container.args', [
          '{"IfPresent": {"InputName": "seed", "Then": ["--seed"]}}',
        ]),
      detail:
        'deploymentSpec.executors.exec-train.container.args[0]: placeholder input "seed" is not an input of comp-train (known: n)',
    },
    {
      fault: 'a dependency cycle',
      change: (spec) => set(spec, `${TRAIN}.dependentTasks`, ['evaluate']),
      detail:
        'root.dag.tasks: dependency cycle train -> evaluate -> train (via dependentTasks or task outputs)',
    },
    {
      fault: 'a bad duration',
      change: (spec) => set(spec, `${TRAIN}.retryPolicy.backoffDuration`, '30 seconds'),
      detail:
        'root.dag.tasks.train.retryPolicy.backoffDuration: "30 seconds" is not a protobuf Duration (use seconds with an "s" suffix, e.g. "30s" or "0.5s")',
    },
    {
      fault: 'a negative retry count',
      change: (spec) => set(spec, `${TRAIN}.retryPolicy.maxRetryCount`, -1),
      detail: 'root.dag.tasks.train.retryPolicy.maxRetryCount: -1 is not an integer >= 0',
    },
    {
      fault: 'a default value of the wrong type',
      change: (spec) => set(spec, 'root.inputDefinitions.parameters.epochs.defaultValue', 'three'),
      detail:
        'root.inputDefinitions.parameters.epochs.defaultValue: "three" does not match parameterType NUMBER_INTEGER (expected an integer)',
    },
    {
      fault: 'a missing schemaVersion',
      change: (spec) => {
        delete spec['schemaVersion'];
      },
      detail: 'schemaVersion: is required',
    },
    {
      fault: 'a wrongly typed field',
      change: (spec) => set(spec, `${TRAIN}.cachingOptions.enableCache`, 'yes'),
      detail:
        'root.dag.tasks.train.cachingOptions.enableCache: expected true or false, found a string ("yes")',
    },
  ];

  test.each(cases)('reports $fault at its path', ({ change, detail }) => {
    expect(problemsOf(mutated(change))).toContain(detail);
  });

  test('collects every fault into one error', () => {
    const spec = mutated((doc) => {
      set(doc, `${TRAIN}.componentRef.name`, 'comp-trian');
      set(doc, 'components.comp-evaluate.executorLabel', 'exec-eval');
      rename(doc, `${EVALUATE}.taskInfo`, 'taskinfo');
    });
    const error = caught(() => validatePipelineSpec(spec, 'pipeline.yaml'));
    expect(error.message).toBe('pipeline.yaml is not a valid KFP pipeline spec (3 problems)');
    expect(error.details.map((detail) => detail.split(':')[0])).toEqual([
      'root.dag.tasks.evaluate.taskinfo',
      'root.dag.tasks.train.componentRef.name',
      'components.comp-evaluate.executorLabel',
    ]);
    expect(error.describe()).toContain('Fix: ');
  });

  test('allows inputs the SDK injects (pipelinechannel--) and placeholders that name them', () => {
    const spec = mutated((doc) => {
      set(doc, `${EVALUATE}.inputs.parameters.pipelinechannel--train-loss`, {
        taskOutputParameter: { producerTask: 'train', outputParameterKey: 'loss' },
      });
      set(doc, `${EVALUATE}.triggerPolicy`, {
        condition: "inputs.parameter_values['pipelinechannel--train-loss'] < 0.5",
      });
      set(doc, 'deploymentSpec.executors.exec-evaluate.container.resources', {
        resourceCpuLimit: "{{$.inputs.parameters['pipelinechannel--train-loss']}}",
      });
    });
    const evaluate = validatePipelineSpec(spec, 'pipeline.yaml').root.dag?.tasks?.['evaluate'];
    expect(evaluate?.triggerPolicy?.condition).toContain('pipelinechannel--train-loss');
  });

  test('rejects a trigger condition reading an input the task does not have', () => {
    const spec = mutated((doc) =>
      set(doc, `${EVALUATE}.triggerPolicy`, {
        condition: "inputs.parameter_values['pipelinechannel--flip-Output'] == 'heads'",
      }),
    );
    expect(problemsOf(spec)).toContain(
      'root.dag.tasks.evaluate.triggerPolicy.condition: refers to input parameter "pipelinechannel--flip-Output", which this task does not have (known: loss)',
    );
  });

  test('reads the decimal strings proto3-JSON allows for numbers as numbers', () => {
    const spec = mutated((doc) =>
      set(doc, `${TRAIN}.retryPolicy`, { maxRetryCount: '2', backoffFactor: '1.5' }),
    );
    const retry: RetryPolicy | undefined = validatePipelineSpec(spec, 'pipeline.yaml').root.dag
      ?.tasks?.['train']?.retryPolicy;
    expect(retry).toEqual({ maxRetryCount: 2, backoffFactor: 1.5 });
  });

  test('reports a document that is not a mapping', () => {
    expect(problemsOf(['not', 'a', 'spec'])).toEqual([
      '(top level): expected a mapping, found a list',
    ]);
  });
});

describe('parsePipelineSpecText', () => {
  test('accepts JSON text', () => {
    expect(parsePipelineSpecText(JSON.stringify(validSpec()), 'pipeline.json')).toEqual(
      validSpec(),
    );
  });

  test('accepts a platforms document and returns it separately', () => {
    const text = `${stringify(validSpec())}---\n${stringify({
      platforms: {
        kubernetes: {
          deploymentSpec: {
            executors: { 'exec-train': { secretAsEnv: [{ secretName: 's', keyToEnv: [] }] } },
          },
        },
      },
    })}`;
    const documents = parsePipelineDocuments(text, 'pipeline.yaml');
    expect(documents.spec).toEqual(validSpec());
    expect(
      Object.keys(
        documents.platformSpec?.platforms?.['kubernetes']?.deploymentSpec?.executors ?? {},
      ),
    ).toEqual(['exec-train']);
    expect(parsePipelineSpecText(text, 'pipeline.yaml')).toEqual(validSpec());
  });

  test('rejects a second document that is not a mapping', () => {
    const error = caught(() =>
      parsePipelineSpecText(`${stringify(validSpec())}---\n- platforms\n`, 'pipeline.yaml'),
    );
    expect(error.message).toBe('pipeline.yaml is not a valid KFP pipeline spec (1 problem)');
    expect(error.details).toEqual([
      '[document 2]: expected a mapping (the platform document, "platforms: ..."), found a list',
    ]);
  });

  test('checks platform executors against deploymentSpec', () => {
    const text = `${stringify(validSpec())}---\n${stringify({ platforms: { kubernetes: { deploymentSpec: { executors: { 'exec-tain': {} } } } } })}`;
    expect(caught(() => parsePipelineSpecText(text, 'pipeline.yaml')).details).toEqual([
      '[document 2] platforms.kubernetes.deploymentSpec.executors.exec-tain: "exec-tain" is not an executor in deploymentSpec.executors (known: exec-train, exec-evaluate)',
    ]);
  });

  test('reports YAML syntax errors with line and column', () => {
    const error = caught(() =>
      parsePipelineSpecText('pipelineInfo:\n  name: [unclosed\nroot: {}\n', 'broken.yaml'),
    );
    expect(error.message).toMatch(/^broken\.yaml is not valid YAML \(line \d+, column \d+: .+\)$/);
    expect(error.details.length).toBeGreaterThan(0);
  });

  test.each([
    ['an empty file', ''],
    ['a file with only comments', '# PIPELINE DEFINITION\n# Name: echo\n'],
  ])('reports %s as empty', (_label, text) => {
    expect(caught(() => parsePipelineSpecText(text, 'empty.yaml')).message).toBe(
      'empty.yaml is empty: expected a compiled KFP pipeline spec (YAML or JSON)',
    );
  });

  test('reports a top-level value that is not a mapping', () => {
    expect(caught(() => parsePipelineSpecText('just a string\n', 'scalar.yaml')).message).toBe(
      'scalar.yaml is not a KFP pipeline spec: the document is a string ("just a string"), not a mapping',
    );
  });
});
