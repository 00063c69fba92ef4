import path from 'node:path';
import { resolveRunParameters } from '../core/ir/parameters.js';
import { renderParameter } from '../core/ir/placeholders.js';
import { defineCommand, parseFields } from './command.js';
import {
  countTasks,
  loadPipelineFrom,
  pipelineRunFields,
  PARAM_INPUT,
  PIPELINE_INPUTS,
  type PipelineSourceInputs,
} from './pipeline-inputs.js';

interface ValidateInputs extends PipelineSourceInputs {
  readonly params: Record<string, string>;
}

export const validateCommand = defineCommand<ValidateInputs>({
  name: 'validate',
  summary: 'Validate a pipeline (and optionally run parameters) without running anything.',
  inputs: [...PIPELINE_INPUTS, PARAM_INPUT],
  outputs: [
    {
      name: 'valid',
      description:
        '"true" when the pipeline (and parameters, if given) are valid; the step fails otherwise.',
    },
    { name: 'pipeline-name', description: 'pipelineInfo.name of the pipeline.' },
    { name: 'source-kind', description: 'What the source was: ir, declarative or kfp-python.' },
    { name: 'task-count', description: 'Number of container tasks in the pipeline.' },
  ],
  parseInputs(raw, context) {
    return parseFields('validate', {
      ...pipelineRunFields(raw, context),
    });
  },
  async run(inputs, context) {
    const { ui, cwd } = context;
    const loaded = await ui.group('Validate', () => loadPipelineFrom(inputs, context));
    const display = path.relative(cwd, inputs.pipeline) || inputs.pipeline;
    // Without parameters this checks the pipeline alone: required parameters are listed, not
    // demanded (a pipeline that needs a model source has no default for it).
    const checkParameters = Object.keys(inputs.params).length > 0;
    const resolved = checkParameters
      ? resolveRunParameters(loaded.spec, inputs.params, display)
      : {};
    const definitions = loaded.spec.root.inputDefinitions?.parameters ?? {};
    const rows = Object.entries(definitions).map(([name, definition]) => [
      name,
      String(definition.parameterType),
      definition.defaultValue === undefined
        ? definition.isOptional
          ? '(optional)'
          : '(required)'
        : renderParameter(definition.defaultValue as never),
      name in inputs.params ? renderParameter(resolved[name] as never) : '',
    ]);
    if (rows.length > 0)
      ui.table(
        `Parameters of ${loaded.spec.pipelineInfo.name}`,
        ['Name', 'Type', 'Default', 'Given'],
        rows,
        // The job summary starts with the run's verdict; the parameters are in its report.
        { summary: false },
      );
    const tasks = countTasks(loaded.spec);
    ui.info(`${ui.colors.ok('✓')} ${display} is a valid pipeline (${loaded.kind}, ${tasks} tasks)`);
    return {
      outputs: {
        valid: 'true',
        'pipeline-name': loaded.spec.pipelineInfo.name,
        'source-kind': loaded.kind,
        'task-count': String(tasks),
      },
    };
  },
});
