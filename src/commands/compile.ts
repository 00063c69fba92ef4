import { stat } from 'node:fs/promises';
import { writeFileAtomically } from '../adapters/atomic-file.js';
import path from 'node:path';
import { UserError } from '../core/errors.js';
import { serializePipelineSpec } from '../core/ir/serialize.js';
import { choiceInput, defineCommand, parseFields } from './command.js';
import {
  countTasks,
  loadPipelineFrom,
  pipelineSourceFields,
  PIPELINE_INPUTS,
  type PipelineSourceInputs,
} from './pipeline-inputs.js';

interface CompileInputs extends PipelineSourceInputs {
  readonly output: string | undefined;
  readonly format: 'yaml' | 'json' | undefined;
}

export const compileCommand = defineCommand<CompileInputs>({
  name: 'compile',
  summary: 'Compile a pipeline to KFP v2 IR and validate it.',
  inputs: [
    ...PIPELINE_INPUTS,
    {
      name: 'output',
      description:
        'Where to write the compiled IR. Defaults to <pipeline-name>.yaml in the working directory.',
      kind: 'string',
      valueName: 'FILE',
    },
    {
      name: 'format',
      description: 'yaml or json. Defaults to the output file extension, else yaml.',
      kind: 'string',
      choices: ['yaml', 'json'],
    },
  ],
  outputs: [
    { name: 'spec-path', description: 'Path of the compiled pipeline spec.' },
    { name: 'pipeline-name', description: 'pipelineInfo.name of the pipeline.' },
    { name: 'source-kind', description: 'What the source was: ir, declarative or kfp-python.' },
    { name: 'task-count', description: 'Number of container tasks in the pipeline.' },
  ],
  parseInputs(raw, context) {
    return parseFields('compile', {
      ...pipelineSourceFields(raw, context),
      output: () => {
        const output = raw.string('output')?.trim();
        if (output && /[\\/]$/.test(output)) throw folderOutput(output);
        return output ? path.resolve(context.cwd, output) : undefined;
      },
      format: () =>
        raw.string('format')?.trim()
          ? choiceInput(raw, 'format', ['yaml', 'json'] as const)
          : undefined,
    });
  },
  async run(inputs, context) {
    const { ui, cwd } = context;
    const loaded = await ui.group('Compile', () => loadPipelineFrom(inputs, context));
    const output = inputs.output ?? path.resolve(cwd, `${loaded.spec.pipelineInfo.name}.yaml`);
    const format = inputs.format ?? (output.endsWith('.json') ? 'json' : 'yaml');
    await checkOutput(output, loaded.file, cwd);
    await writeFileAtomically(output, serializePipelineSpec(loaded.spec, format));
    const tasks = countTasks(loaded.spec);
    ui.info(
      `${ui.colors.ok('✓')} Compiled ${path.relative(cwd, inputs.pipeline) || inputs.pipeline} (${loaded.kind}, ${tasks} tasks) → ${path.relative(cwd, output) || output}`,
    );
    return {
      outputs: {
        'spec-path': output,
        'pipeline-name': loaded.spec.pipelineInfo.name,
        'source-kind': loaded.kind,
        'task-count': String(tasks),
      },
    };
  },
});

function folderOutput(display: string): UserError {
  return new UserError(`output ${display} is a folder`, {
    fix: 'Give --output a file path, e.g. build/pipeline.yaml.',
  });
}

/**
 * Refuses an output that is a folder or the source itself: the default <pipeline-name>.yaml in
 * the working folder is the source when compiling a pipeline YAML from its own folder. Compared
 * by device and inode, so another spelling, a symbolic or a hard link is caught too.
 */
async function checkOutput(output: string, source: string, cwd: string): Promise<void> {
  const display = path.relative(cwd, output) || output;
  const [target, input] = await Promise.all(
    [output, source].map((file) => stat(file).catch(() => undefined)),
  );
  if (target?.isDirectory()) throw folderOutput(display);
  if (target && input && target.dev === input.dev && target.ino === input.ino) {
    throw new UserError(
      `${display} is the pipeline being compiled: writing its IR there would replace it`,
      {
        fix: `Give --output another file, e.g. ${display.replace(/(\.ya?ml|\.json)?$/, '.ir.yaml')}.`,
      },
    );
  }
}
