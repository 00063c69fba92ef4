import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { UserError } from '../../src/core/errors.js';
import {
  loadV1Component,
  sanitizeComponentName,
  sanitizeInputName,
} from '../../src/core/pipeline/v1-component.js';
import { CORPUS } from '../helpers/paths.js';

const v1 = (file: string) => path.join(CORPUS, 'sdk_uncompiled_pipelines/v1', file);

describe('KFP v1 component.yaml loader', () => {
  it.each([
    'add_component.yaml',
    'fancy_trainer_component.yaml',
    'if_placeholder_component.yaml',
    'ingestion_component.yaml',
    'trainer_component.yaml',
  ])('loads the corpus component %s', async (file) => {
    const loaded = loadV1Component(parse(await readFile(v1(file), 'utf8')), file);
    expect(loaded.container.image).toBeTruthy();
    expect(loaded.key).toMatch(/^[a-z0-9-]+$/);
  });

  it('converts v1 placeholders to the v2 ones the SDK emits', async () => {
    const fancy = loadV1Component(
      parse(await readFile(v1('fancy_trainer_component.yaml'), 'utf8')),
      'fancy',
    );
    expect(fancy.key).toBe('trainer');
    expect(fancy.spec.inputDefinitions?.artifacts?.examples?.artifactType).toEqual({
      schemaTitle: 'system.Dataset',
      schemaVersion: '0.0.1',
    });
    expect(fancy.spec.inputDefinitions?.parameters?.n_epochs?.parameterType).toBe('NUMBER_INTEGER');
    expect(fancy.container.args).toEqual([
      '--input-examples',
      "{{$.inputs.artifacts['examples'].uri}}",
      '--optimizer',
      "{{$.inputs.parameters['optimizer']}}",
      '--n_epochs',
      "{{$.inputs.parameters['n_epochs']}}",
      '--output-model',
      "{{$.outputs.artifacts['model'].uri}}",
    ]);
    const conditional = loadV1Component(
      parse(await readFile(v1('if_placeholder_component.yaml'), 'utf8')),
      'if',
    );
    expect(conditional.spec.inputDefinitions?.parameters?.optional_input_1?.isOptional).toBe(true);
    expect(JSON.parse(conditional.container.args?.[3] ?? '')).toEqual({
      IfPresent: {
        InputName: 'optional_input_2',
        Then: ['--arg2', "{{$.inputs.parameters['optional_input_2']}}"],
        Else: ['--arg3', 'default value'],
      },
    });
  });

  it('maps outputs by type, concat and executorInput', () => {
    const loaded = loadV1Component(
      {
        name: 'My Scorer_v2',
        inputs: [
          { name: 'Input Rows', type: 'Integer', default: '5' },
          { name: 'flag', type: 'Boolean', default: 'True' },
        ],
        outputs: [
          { name: 'score', type: 'Float' },
          { name: 'report', type: 'HTML' },
          { name: 'blob' },
        ],
        implementation: {
          container: {
            image: 'img',
            command: ['sh'],
            args: [
              { concat: ['rows=', { inputValue: 'Input Rows' }] },
              { executorInput: null },
              { outputPath: 'score' },
              { outputPath: 'report' },
              { outputPath: 'blob' },
            ],
          },
        },
      },
      'inline',
    );
    expect(sanitizeComponentName('My Scorer_v2')).toBe('my-scorer-v2');
    expect(sanitizeInputName('Input Rows')).toBe('input_rows');
    expect(loaded.spec.inputDefinitions?.parameters).toEqual({
      input_rows: { parameterType: 'NUMBER_INTEGER', defaultValue: 5, isOptional: true },
      flag: { parameterType: 'BOOLEAN', defaultValue: true, isOptional: true },
    });
    expect(loaded.container.args).toEqual([
      JSON.stringify({ Concat: ['rows=', "{{$.inputs.parameters['input_rows']}}"] }),
      '{{$}}',
      "{{$.outputs.parameters['score'].output_file}}",
      "{{$.outputs.artifacts['report'].path}}",
      "{{$.outputs.artifacts['blob'].path}}",
    ]);
    expect(loaded.spec.outputDefinitions?.artifacts?.blob?.artifactType.schemaTitle).toBe(
      'system.Artifact',
    );
  });

  it.each([
    [
      {
        name: 'x',
        implementation: { container: { image: 'i', args: [{ inputValue: 'missing' }] } },
      },
      /refers to input "missing", which is not declared/,
    ],
    [
      {
        name: 'x',
        inputs: [{ name: 'd', type: 'Dataset' }],
        implementation: { container: { image: 'i', args: [{ inputValue: 'd' }] } },
      },
      /uses inputValue on artifact input "d"/,
    ],
    [
      { name: 'x', implementation: { container: { image: 'i', args: [{ outputPath: 'o' }] } } },
      /refers to output "o", which is not declared/,
    ],
    [{ name: 'x', implementation: { container: {} } }, /implementation\.container\.image/],
    [
      {
        name: 'x',
        inputs: [{ name: 'n', type: 'Float', default: 'abc' }],
        implementation: { container: { image: 'i' } },
      },
      /default "abc" is not a number/,
    ],
  ])('rejects a broken component with a clear error (%#)', (doc, expected) => {
    let error: unknown;
    try {
      loadV1Component(doc, 'broken.yaml');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).describe()).toMatch(expected);
  });
});
