import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { applyExpressionSelector, evaluateTriggerCondition } from '../../src/core/ir/cel.js';
import { parseParameterAssignments, resolveRunParameters } from '../../src/core/ir/parameters.js';
import {
  buildExecutorInput,
  resolveCommandLine,
  type PlaceholderContext,
} from '../../src/core/ir/placeholders.js';
import type { PipelineSpec } from '../../src/core/ir/schema.js';

const spec = {
  pipelineInfo: { name: 'p' },
  schemaVersion: '2.1.0',
  root: {
    dag: { tasks: {} },
    inputDefinitions: {
      parameters: {
        text: { parameterType: 'STRING' },
        count: { parameterType: 'NUMBER_INTEGER', defaultValue: 3, isOptional: true },
        ratio: { parameterType: 'NUMBER_DOUBLE', defaultValue: 0.5, isOptional: true },
        flag: { parameterType: 'BOOLEAN', defaultValue: false, isOptional: true },
        items: { parameterType: 'LIST', isOptional: true },
        config: { parameterType: 'STRUCT', defaultValue: {}, isOptional: true },
      },
    },
  },
} as unknown as PipelineSpec;

/** The UserError a call throws (fails the test if it throws something else or nothing). */
function caught(call: () => unknown): UserError {
  try {
    call();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error('expected a UserError');
}

describe('run parameters against root.inputDefinitions', () => {
  it('parses text by declared type and fills defaults', () => {
    expect(
      resolveRunParameters(
        spec,
        { text: 'hi', count: '7', ratio: '0.25', flag: 'TRUE', items: '[1,2]' },
        'p',
      ),
    ).toEqual({
      text: 'hi',
      count: 7,
      ratio: 0.25,
      flag: true,
      items: [1, 2],
      config: {},
    });
  });

  it.each([
    [{ text: 'x', count: '2.5' }, /"count" must be an integer, got "2.5"/],
    [{ text: 'x', ratio: 'half' }, /"ratio" must be a number/],
    [{ text: 'x', flag: 'yes' }, /"flag" must be true or false/],
    [{ text: 'x', items: '{"a":1}' }, /"items" must be a JSON list/],
    [{ text: 'x', config: '[1]' }, /"config" must be a JSON object/],
    [
      { text: 'x', cuont: '1' },
      /"cuont" is not a parameter of this pipeline \(did you mean "count"\?\)/,
    ],
    [{}, /"text" is required \(a string\) and has no default/],
  ])('rejects %j', (given, expected) => {
    expect(caught(() => resolveRunParameters(spec, given, 'p')).describe()).toMatch(expected);
  });

  it('reports every bad parameter at once', () => {
    expect(
      caught(() => resolveRunParameters(spec, { count: 'x', ratio: 'y', nope: '1' }, 'p')).details,
    ).toHaveLength(4);
  });

  it('parses NAME=VALUE lists, keeping = in values', () => {
    expect(parseParameterAssignments(['a=1', ' b = x=y ', '', '# comment'])).toEqual({
      a: '1',
      b: ' x=y',
    });
    expect(() => parseParameterAssignments(['novalue'])).toThrow(/is not NAME=VALUE/);
    expect(() => parseParameterAssignments(['a=1', 'a=2'])).toThrow(/given twice/);
  });
});

describe('placeholders', () => {
  const context: PlaceholderContext = {
    parameters: { name: 'world', n: 3, cfg: { a: 1 }, absent: undefined },
    inputArtifacts: {
      data: [
        {
          name: 'data',
          uri: '/r/data',
          path: '/r/data',
          schemaTitle: 'system.Dataset',
          metadata: { rows: 10 },
        },
      ],
    },
    outputArtifacts: {
      model: {
        name: 'model',
        uri: '/r/t/model',
        path: '/r/t/model',
        schemaTitle: 'system.Model',
        metadata: {},
      },
    },
    outputParameterFiles: { score: '/r/t/score' },
    executorOutputFile: '/r/t/executor_output.json',
    runtime: { pipeline_job_name: 'job-1', pipeline_task_name: 'train', pipeline_root: '/r' },
  };

  it.each([
    ["{{$.inputs.parameters['name']}}", ['world']],
    ["n={{$.inputs.parameters['n']}} cfg={{$.inputs.parameters['cfg']}}", ['n=3 cfg={"a":1}']],
    ["{{$.inputs.artifacts['data'].path}}", ['/r/data']],
    ["{{$.inputs.artifacts['data'].metadata['rows']}}", ['10']],
    ["{{$.outputs.artifacts['model'].uri}}", ['/r/t/model']],
    ["{{$.outputs.parameters['score'].output_file}}", ['/r/t/score']],
    ['{{$.outputs.output_file}}', ['/r/t/executor_output.json']],
    ['{{$.pipeline_job_name}}/{{$.pipeline_task_name}}', ['job-1/train']],
    [JSON.stringify({ Concat: ['a-', "{{$.inputs.parameters['name']}}", '-b'] }), ['a-world-b']],
    [
      JSON.stringify({
        IfPresent: { InputName: 'name', Then: ['--name', "{{$.inputs.parameters['name']}}"] },
      }),
      ['--name', 'world'],
    ],
    [
      JSON.stringify({ IfPresent: { InputName: 'absent', Then: ['--x'], Else: ['--default'] } }),
      ['--default'],
    ],
    [JSON.stringify({ IfPresent: { InputName: 'absent', Then: ['--x'] } }), []],
  ])('resolves %s', (arg, expected) => {
    expect(resolveCommandLine([arg], context)).toEqual(expected);
  });

  it('renders {{$}} as the ExecutorInput JSON', () => {
    const [json] = resolveCommandLine(['{{$}}'], context);
    const executorInput = JSON.parse(json ?? '') as {
      outputs: {
        outputFile: string;
        artifacts: Record<string, { artifacts: Array<{ type: { schemaTitle: string } }> }>;
      };
    };
    expect(executorInput).toEqual(JSON.parse(JSON.stringify(buildExecutorInput(context))));
    expect(executorInput.outputs.outputFile).toBe('/r/t/executor_output.json');
    expect(executorInput.outputs.artifacts.model?.artifacts[0]?.type.schemaTitle).toBe(
      'system.Model',
    );
  });

  it.each([
    ["{{$.inputs.parameters['absent']}}", /has no value/],
    ["{{$.inputs.artifacts['nope'].path}}", /was not given/],
    ['{{$.pipeline_google_cloud_project_id}}', /only available on Vertex AI/],
  ])('rejects %s', (arg, expected) => {
    expect(() => resolveCommandLine([arg], context)).toThrow(expected);
  });
});

describe('CEL conditions', () => {
  it.each([
    ["inputs.parameter_values['a'] >= 0.8", { a: 0.93 }, true],
    ["inputs.parameter_values['a'] >= 0.8", { a: 0.5 }, false],
    [
      "int(inputs.parameter_values['n']) > 5 && inputs.parameter_values['s'] == 'heads'",
      { n: 7, s: 'heads' },
      true,
    ],
    ["!(inputs.parameter_values['s'] == 'heads')", { s: 'tails' }, true],
    ["inputs.parameter_values['b'] == true", { b: true }, true],
  ])('%s with %j is %s', (condition, values, expected) => {
    expect(evaluateTriggerCondition(condition, values)).toBe(expected);
  });

  it('rejects a condition that is not boolean or does not evaluate', () => {
    expect(() => evaluateTriggerCondition("inputs.parameter_values['a']", { a: 1 })).toThrow(
      /not true or false/,
    );
    expect(() => evaluateTriggerCondition("inputs.parameter_values['missing'] > 1", {})).toThrow(
      UserError,
    );
  });

  it('applies parameterExpressionSelector to loop items', () => {
    expect(applyExpressionSelector('parseJson(string_value)["A_a"]', { A_a: '1', B_b: '2' })).toBe(
      '1',
    );
  });
});
