import path from 'node:path';
import { loadPipeline, type LoadedPipeline } from '../adapters/pipeline-loader.js';
import type { CommandContext, InputDefinition, RawInputs } from './command.js';
import { requireInput } from './command.js';

/** Inputs every command that reads a pipeline shares. */
export const PIPELINE_INPUTS: readonly InputDefinition[] = [
  {
    name: 'pipeline',
    description:
      'Pipeline file: compiled KFP IR (YAML/JSON), a pipeline YAML (apiVersion: mlops/v1), or a KFP Python file with @dsl.pipeline. Recognised by content.',
    kind: 'string',
    required: true,
    positional: true,
    valueName: 'PIPELINE',
  },
  {
    name: 'python',
    description:
      'Python interpreter for KFP Python files and for python commands of local subprocess runs. Defaults to $MLOPS_PYTHON, else python3.',
    kind: 'string',
    valueName: 'PATH',
  },
  {
    name: 'function',
    description: 'The @dsl.pipeline function to compile when a KFP Python file defines several.',
    kind: 'string',
    valueName: 'NAME',
  },
];

export interface PipelineSourceInputs {
  readonly pipeline: string;
  readonly python: string;
  readonly functionName: string | undefined;
}

export function parsePipelineSourceInputs(
  raw: RawInputs,
  context: CommandContext,
): PipelineSourceInputs {
  const pipeline = path.resolve(
    context.cwd,
    requireInput(raw, 'pipeline', 'Name the pipeline file, e.g. pipelines/training-pipeline.yaml.'),
  );
  return {
    pipeline,
    python: raw.string('python')?.trim() || context.env.MLOPS_PYTHON || 'python3',
    functionName: raw.string('function')?.trim() || undefined,
  };
}

export function loadPipelineFrom(inputs: PipelineSourceInputs): Promise<LoadedPipeline> {
  return loadPipeline(inputs.pipeline, {
    python: inputs.python,
    ...(inputs.functionName ? { functionName: inputs.functionName } : {}),
  });
}

/** Counts executable tasks through sub-DAGs (what a user thinks of as "steps"). */
export function countTasks(spec: LoadedPipeline['spec']): number {
  let count = 0;
  for (const component of [spec.root, ...Object.values(spec.components ?? {})]) {
    for (const task of Object.values(component.dag?.tasks ?? {})) {
      if (spec.components?.[task.componentRef.name]?.executorLabel) count++;
    }
  }
  return count;
}

/** `--param NAME=VALUE` (repeatable) / the action's multi-line `param` input. */
export const PARAM_INPUT: InputDefinition = {
  name: 'param',
  description:
    "Run parameters as NAME=VALUE, one per line in the action (repeat --param in the CLI). Checked against the pipeline's declared parameters before anything runs.",
  kind: 'list',
  valueName: 'NAME=VALUE',
};
