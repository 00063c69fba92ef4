import path from 'node:path';
import { loadPipeline, type LoadedPipeline } from '../adapters/pipeline-loader.js';
import { isTemplateUri, parseTemplateUri, templateUri } from '../core/gcp/kfp-template.js';
import { replaceImages } from '../core/ir/images.js';
import { parseParameterAssignments } from '../core/ir/parameters.js';
import { parsePipelineSpecText } from '../core/ir/validate.js';
import type { CommandContext, InputDefinition, RawInputs } from './command.js';
import { requireInput } from './command.js';

/** Inputs every command that reads a pipeline shares. */
export const PYTHON_INPUT: InputDefinition = {
  name: 'python',
  description:
    'Python interpreter for KFP Python files, python commands of local subprocess runs and serve. Defaults to $MLOPS_PYTHON, else python3.',
  kind: 'string',
  valueName: 'PATH',
};

/** The python input, else $MLOPS_PYTHON, else python3. */
export function pythonInput(raw: RawInputs, context: CommandContext): string {
  return raw.string('python')?.trim() || context.env.MLOPS_PYTHON || 'python3';
}

export const PIPELINE_INPUTS: readonly InputDefinition[] = [
  {
    name: 'pipeline',
    description:
      'Pipeline file: compiled KFP IR (YAML/JSON), a pipeline YAML (apiVersion: mlops/v1), or a KFP Python file with @dsl.pipeline (recognised by content); or a published template, https://REGION-kfp.pkg.dev/PROJECT/REPO/PACKAGE/TAG, which is pinned to its version.',
    kind: 'string',
    required: true,
    positional: true,
    valueName: 'PIPELINE',
  },
  PYTHON_INPUT,
  {
    name: 'function',
    description: 'The @dsl.pipeline function to compile when a KFP Python file defines several.',
    kind: 'string',
    valueName: 'NAME',
  },
  {
    name: 'images',
    description:
      "Replace container images of the pipeline, IMAGE=REPLACEMENT, one per line in the action (repeat --images in the CLI): e.g. mlops-training:latest=the image output of build, so the pipeline's components run in the image you pushed.",
    kind: 'list',
    valueName: 'IMAGE=REF',
  },
];

export interface PipelineSourceInputs {
  readonly pipeline: string;
  readonly python: string;
  readonly functionName: string | undefined;
  readonly images: Readonly<Record<string, string>>;
}

/** The parsers of the pipeline source's inputs, as fields for parseFields. */
export function pipelineSourceFields(raw: RawInputs, context: CommandContext) {
  return {
    pipeline: (): string => {
      const given = requireInput(
        raw,
        'pipeline',
        'Name the pipeline file, e.g. pipelines/training-pipeline.yaml.',
      );
      return isTemplateUri(given) ? given : path.resolve(context.cwd, given);
    },
    python: (): string => pythonInput(raw, context),
    functionName: (): string | undefined => raw.string('function')?.trim() || undefined,
    images: (): Record<string, string> =>
      parseParameterAssignments(
        raw.list('images'),
        'Image replacement',
        '--images mlops-training:latest=REGION-docker.pkg.dev/P/R/trainer@sha256:…',
      ),
  } satisfies Record<keyof PipelineSourceInputs, () => unknown>;
}

/** The source's fields and the run parameters (`param`), for commands that run or check a run. */
export function pipelineRunFields(raw: RawInputs, context: CommandContext) {
  return {
    ...pipelineSourceFields(raw, context),
    params: (): Record<string, string> => parseParameterAssignments(raw.list('param')),
  };
}

/**
 * Loads the pipeline: a local file, or a template in Artifact Registry
 * (https://REGION-kfp.pkg.dev/PROJECT/REPO/PACKAGE/TAG), pinned to the version the tag names.
 */
export async function loadPipelineFrom(
  inputs: PipelineSourceInputs,
  context: CommandContext,
): Promise<LoadedPipeline> {
  const loaded = await loadPipelineSource(inputs, context);
  const spec = replaceImages(loaded.spec, inputs.images, loaded.file);
  for (const [from, to] of Object.entries(inputs.images)) context.ui.info(`Image ${from} → ${to}`);
  return { ...loaded, spec };
}

async function loadPipelineSource(
  inputs: PipelineSourceInputs,
  context: CommandContext,
): Promise<LoadedPipeline> {
  if (isTemplateUri(inputs.pipeline)) {
    const template = parseTemplateUri(inputs.pipeline);
    // Loaded only here: a local pipeline file never needs the registry client.
    const { KfpRegistry } = await import('../adapters/gcp/kfp-registry.js');
    const registry = await KfpRegistry.connect({
      project: template.project,
      env: context.env,
      onRetry: (message) => context.ui.warning(message),
    });
    try {
      const pinned = { ...template, ref: await registry.resolveTag(template) };
      const uri = templateUri(pinned);
      if (pinned.ref !== template.ref) context.ui.info(`Template ${template.ref} is ${uri}`);
      const spec = parsePipelineSpecText(await registry.download(pinned), uri);
      return { spec, kind: 'ir', file: uri, templateUri: uri };
    } finally {
      await registry.close();
    }
  }
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
