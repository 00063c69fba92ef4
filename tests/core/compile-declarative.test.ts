import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadPipeline } from '../../src/adapters/pipeline-loader.js';
import { UserError } from '../../src/core/errors.js';
import { serializePipelineSpec } from '../../src/core/ir/serialize.js';
import { parsePipelineSpecText, validatePipelineSpec } from '../../src/core/ir/validate.js';
import { compileDeclarativePipeline } from '../../src/core/pipeline/compile-declarative.js';
import { loadV1Component } from '../../src/core/pipeline/v1-component.js';
import { REPO_ROOT } from '../helpers/paths.js';

const component = (
  name: string,
  inputs: Array<[string, string]>,
  outputs: Array<[string, string]>,
) =>
  loadV1Component(
    {
      name,
      inputs: inputs.map(([n, type]) => ({ name: n, type })),
      outputs: outputs.map(([n, type]) => ({ name: n, type })),
      implementation: {
        container: {
          image: 'img',
          command: ['run'],
          args: [
            ...inputs.map(([n, type]) =>
              ['Dataset', 'Model', 'Metrics'].includes(type) ? { inputPath: n } : { inputValue: n },
            ),
            ...outputs.map(([n]) => ({ outputPath: n })),
          ],
        },
      },
    },
    `${name}.yaml`,
  );

const LIBRARY = {
  'load.yaml': component(
    'Load',
    [['uri', 'String']],
    [
      ['data', 'Dataset'],
      ['rows', 'Integer'],
    ],
  ),
  'train.yaml': component(
    'Train',
    [
      ['data', 'Dataset'],
      ['depth', 'Integer'],
      ['label', 'String'],
    ],
    [
      ['model', 'Model'],
      ['accuracy', 'Float'],
    ],
  ),
  'deploy.yaml': component(
    'Deploy',
    [
      ['model', 'Model'],
      ['name', 'String'],
    ],
    [['endpoint', 'String']],
  ),
};

/** Any version: the compiler writes what it is given (the loader gives the package's). */
const VERSION = '9.8.7';

const load = (ref: string) => {
  const found = LIBRARY[ref as keyof typeof LIBRARY];
  if (!found) throw new UserError(`${ref} does not exist`);
  return Promise.resolve(found);
};

const base = {
  apiVersion: 'mlops/v1',
  kind: 'Pipeline',
  name: 'demo',
  parameters: {
    uri: { type: 'String', default: 'data.csv' },
    depth: { type: 'Integer', default: 3 },
    min_accuracy: { type: 'Float', default: 0.8 },
  },
  tasks: {
    load: { component: 'load.yaml', inputs: { uri: '${params.uri}' } },
    train: {
      component: 'train.yaml',
      inputs: {
        data: '${load.data}',
        depth: '${params.depth}',
        label: 'run-${params.uri}-${load.rows}',
      },
      retry: { attempts: 2, backoff: '1m' },
      resources: { cpu: 2, memory: '4G' },
    },
    deploy: {
      component: 'deploy.yaml',
      when: 'train.accuracy >= params.min_accuracy && load.rows > 100',
      inputs: { model: '${train.model}', name: 'demo' },
      cache: false,
    },
  },
  outputs: { accuracy: 'train.accuracy' },
};

async function compileError(doc: unknown): Promise<UserError> {
  const error = await compileDeclarativePipeline(doc, 'pipeline.yaml', load, VERSION).catch(
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

describe('declarative pipeline compiler', () => {
  it('emits the IR the KFP SDK would: comp-/exec- pairs, dependentTasks, a condition sub-DAG with CEL', async () => {
    const spec = await compileDeclarativePipeline(base, 'pipeline.yaml', load, VERSION);
    expect(() => validatePipelineSpec(spec, 'compiled')).not.toThrow();
    expect(spec.schemaVersion).toBe('2.1.0');
    expect(spec.sdkVersion).toBe('mlops-platform-9.8.7');
    expect(Object.keys(spec.components ?? {}).sort()).toEqual([
      'comp-condition-1',
      'comp-deploy',
      'comp-load',
      'comp-train',
    ]);
    const tasks = spec.root.dag?.tasks ?? {};
    expect(Object.keys(tasks).sort()).toEqual(['condition-1', 'load', 'train']);
    expect(tasks.train?.dependentTasks).toEqual(['load']);
    expect(tasks.train?.inputs?.artifacts?.data).toEqual({
      taskOutputArtifact: { producerTask: 'load', outputArtifactKey: 'data' },
    });
    expect(tasks.train?.inputs?.parameters?.depth).toEqual({ componentInputParameter: 'depth' });
    // Text with references becomes the SDK's f-string form.
    expect(tasks.train?.inputs?.parameters?.label).toEqual({
      runtimeValue: {
        constant:
          "run-{{$.inputs.parameters['pipelinechannel--uri']}}-{{$.inputs.parameters['pipelinechannel--load-rows']}}",
      },
    });
    expect(tasks.train?.inputs?.parameters?.['pipelinechannel--load-rows']).toEqual({
      taskOutputParameter: { producerTask: 'load', outputParameterKey: 'rows' },
    });
    expect(tasks.train?.retryPolicy).toEqual({
      maxRetryCount: 2,
      backoffDuration: '60s',
      backoffFactor: 2,
      backoffMaxDuration: '3600s',
    });
    const condition = tasks['condition-1'];
    expect(condition?.triggerPolicy?.condition).toBe(
      "inputs.parameter_values['pipelinechannel--train-accuracy'] >= inputs.parameter_values['pipelinechannel--min_accuracy'] && int(inputs.parameter_values['pipelinechannel--load-rows']) > 100",
    );
    expect(condition?.dependentTasks).toEqual(['load', 'train']);
    expect(condition?.inputs?.artifacts?.['pipelinechannel--train-model']).toEqual({
      taskOutputArtifact: { producerTask: 'train', outputArtifactKey: 'model' },
    });
    const deploy = spec.components?.['comp-condition-1']?.dag?.tasks?.deploy;
    expect(deploy?.inputs?.artifacts?.model).toEqual({
      componentInputArtifact: 'pipelinechannel--train-model',
    });
    expect(deploy?.cachingOptions).toEqual({});
    expect(deploy?.dependentTasks).toBeUndefined();
    const executors = (
      spec.deploymentSpec as { executors: Record<string, { container: Record<string, unknown> }> }
    ).executors;
    expect(executors['exec-train']?.container.resources).toEqual({
      resourceCpuLimit: '2',
      resourceMemoryLimit: '4G',
    });
    expect(executors['exec-train']?.container.args).toEqual([
      "{{$.inputs.artifacts['data'].path}}",
      "{{$.inputs.parameters['depth']}}",
      "{{$.inputs.parameters['label']}}",
      "{{$.outputs.artifacts['model'].path}}",
      "{{$.outputs.parameters['accuracy'].output_file}}",
    ]);
    expect(spec.root.dag?.outputs?.parameters?.accuracy).toEqual({
      valueFromParameter: { producerSubtask: 'train', outputParameterKey: 'accuracy' },
    });
  });

  it('writes YAML with the PIPELINE DEFINITION header that parses back to the same spec', async () => {
    const spec = await compileDeclarativePipeline(base, 'pipeline.yaml', load, VERSION);
    const text = serializePipelineSpec(spec);
    expect(text.split('\n').slice(0, 6)).toEqual([
      '# PIPELINE DEFINITION',
      '# Name: demo',
      '# Inputs:',
      "#    uri: str [Default: 'data.csv']",
      '#    depth: int [Default: 3]',
      '#    min_accuracy: float [Default: 0.8]',
    ]);
    expect(parsePipelineSpecText(text, 'round-trip')).toEqual(JSON.parse(JSON.stringify(spec)));
  });

  const broken: Array<{ name: string; change: (doc: typeof base) => unknown; expected: RegExp }> = [
    {
      name: 'unknown task in a reference',
      change: (d) => ({
        ...d,
        tasks: {
          ...d.tasks,
          train: { ...d.tasks.train, inputs: { ...d.tasks.train.inputs, data: '${lod.data}' } },
        },
      }),
      expected: /tasks\.train\.inputs\.data: .*"\$\{lod\.data\}" is not a reference/,
    },
    {
      name: 'unknown output',
      change: (d) => ({
        ...d,
        tasks: {
          ...d.tasks,
          train: { ...d.tasks.train, inputs: { ...d.tasks.train.inputs, data: '${load.dataset}' } },
        },
      }),
      expected: /task "load" has no output "dataset" \(outputs: rows, data\)/,
    },
    {
      name: 'unknown parameter',
      change: (d) => ({
        ...d,
        tasks: { ...d.tasks, load: { component: 'load.yaml', inputs: { uri: '${params.url}' } } },
      }),
      expected: /unknown parameter "url"/,
    },
    {
      name: 'parameter type mismatch',
      change: (d) => ({
        ...d,
        tasks: {
          ...d.tasks,
          train: {
            ...d.tasks.train,
            inputs: { ...d.tasks.train.inputs, depth: '${params.min_accuracy}' },
          },
        },
      }),
      expected: /"depth" expects NUMBER_INTEGER but params\.min_accuracy is NUMBER_DOUBLE/,
    },
    {
      name: 'constant of the wrong type',
      change: (d) => ({
        ...d,
        tasks: {
          ...d.tasks,
          train: { ...d.tasks.train, inputs: { ...d.tasks.train.inputs, depth: 'deep' } },
        },
      }),
      expected: /"deep" is not a valid NUMBER_INTEGER value/,
    },
    {
      name: 'artifact into a parameter',
      change: (d) => ({
        ...d,
        tasks: {
          ...d.tasks,
          deploy: {
            ...d.tasks.deploy,
            inputs: { model: '${train.model}', name: '${train.model}' },
          },
        },
      }),
      expected: /"name" is a STRING parameter but train\.model is an artifact/,
    },
    {
      name: 'missing required input',
      change: (d) => ({ ...d, tasks: { ...d.tasks, load: { component: 'load.yaml' } } }),
      expected: /required input "uri" of component "Load" is not set/,
    },
    {
      name: 'unknown component input',
      change: (d) => ({
        ...d,
        tasks: { ...d.tasks, load: { component: 'load.yaml', inputs: { uri: 'x', url: 'y' } } },
      }),
      expected: /component "Load" has no input "url"/,
    },
    {
      name: 'missing component file',
      change: (d) => ({
        ...d,
        tasks: { ...d.tasks, load: { component: 'nope.yaml', inputs: {} } },
      }),
      expected: /tasks\.load\.component: nope\.yaml does not exist/,
    },
    {
      name: 'dependency cycle',
      change: (d) => ({ ...d, tasks: { ...d.tasks, load: { ...d.tasks.load, after: ['train'] } } }),
      expected: /dependency cycle (load -> train -> load|train -> load -> train)/,
    },
    {
      name: 'using a conditional task outside its condition',
      change: (d) => ({
        ...d,
        tasks: {
          ...d.tasks,
          notify: {
            component: 'deploy.yaml',
            inputs: { model: '${train.model}', name: '${deploy.endpoint}' },
          },
        },
      }),
      expected: /"deploy" only runs when/,
    },
    {
      name: 'condition on an artifact',
      change: (d) => ({
        ...d,
        tasks: { ...d.tasks, deploy: { ...d.tasks.deploy, when: 'train.model == "x"' } },
      }),
      expected: /train\.model is an artifact; conditions can only test parameters/,
    },
    {
      name: 'condition with a bare name',
      change: (d) => ({
        ...d,
        tasks: { ...d.tasks, deploy: { ...d.tasks.deploy, when: 'accuracy > 0.5' } },
      }),
      expected: /uses "accuracy", which is neither params\.NAME nor TASK\.OUTPUT/,
    },
    {
      name: 'condition that is not CEL',
      change: (d) => ({
        ...d,
        tasks: { ...d.tasks, deploy: { ...d.tasks.deploy, when: 'train.accuracy >= >= 1' } },
      }),
      expected: /is not a valid expression/,
    },
    {
      name: 'bad task name',
      change: (d) => ({ ...d, tasks: { ...d.tasks, Train_Model: d.tasks.train } }),
      expected: /task names use lowercase letters, digits and hyphens \(try "train-model"\)/,
    },
    { name: 'unknown key', change: (d) => ({ ...d, task: {} }), expected: /unknown key "task"/ },
    {
      name: 'bad retry duration',
      change: (d) => ({
        ...d,
        tasks: {
          ...d.tasks,
          train: { ...d.tasks.train, retry: { attempts: 1, backoff: '5 minutes' } },
        },
      }),
      expected: /tasks\.train\.retry\.backoff: expected a duration/,
    },
    {
      name: 'default of the wrong type',
      change: (d) => ({
        ...d,
        parameters: { ...d.parameters, depth: { type: 'Integer', default: 'three' } },
      }),
      expected: /parameters\.depth\.default: "three" is not a valid Integer/,
    },
  ];

  it.each(broken)('reports $name with the path of the fault', async ({ change, expected }) => {
    const error = await compileError(change(structuredClone(base)));
    expect(error.describe()).toMatch(expected);
  });

  it('reports every problem at once', async () => {
    const doc = structuredClone(base) as Record<string, unknown>;
    doc.tasks = {
      load: { component: 'load.yaml', inputs: { uri: '${params.nope}' } },
      train: { component: 'train.yaml', inputs: { data: '${load.nothing}', depth: 1, label: 'x' } },
    };
    const error = await compileError(doc);
    expect(error.details).toHaveLength(2);
  });
});

describe('the reference training pipeline', () => {
  it('compiles to valid IR with one training task and a gated packaging step', async () => {
    const loaded = await loadPipeline(path.join(REPO_ROOT, 'pipelines/training-pipeline.yaml'));
    // Written by this version of the package: a version bump changes it.
    const manifest = JSON.parse(await readFile(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
      name: string;
      version: string;
    };
    expect(loaded.spec.sdkVersion).toBe(`${manifest.name}-${manifest.version}`);
    const tasks = loaded.spec.root.dag?.tasks ?? {};
    expect(tasks.train?.dependentTasks).toEqual(['preprocess']);
    expect(tasks.evaluate?.dependentTasks).toEqual(['preprocess', 'train']);
    expect(tasks['condition-1']?.triggerPolicy?.condition).toBe(
      "inputs.parameter_values['pipelinechannel--evaluate-passed'] == true",
    );
    // The components the pipeline names are the committed component.yaml files.
    const componentYaml = parse(
      await readFile(path.join(REPO_ROOT, 'pipelines/components/evaluate.component.yaml'), 'utf8'),
    ) as { outputs: Array<{ name: string; type: string }> };
    const parameterTypes = ['String', 'Float', 'Integer', 'Boolean'];
    expect(
      Object.keys(
        loaded.spec.components?.['comp-evaluate']?.outputDefinitions?.parameters ?? {},
      ).sort(),
    ).toEqual(
      componentYaml.outputs
        .filter((output) => parameterTypes.includes(output.type))
        .map((output) => output.name)
        .sort(),
    );
    expect(Object.keys(loaded.spec.root.outputDefinitions?.parameters ?? {}).sort()).toEqual([
      'best_model_name',
      'primary_metric',
    ]);
  });
});
