import { KfpRegistry } from '../adapters/gcp/kfp-registry.js';
import { checkTag, parseKfpRepository, templateUri } from '../core/gcp/kfp-template.js';
import { serializePipelineSpec } from '../core/ir/serialize.js';
import { defineCommand, parseFields, requireInput } from './command.js';
import { PROJECT_INPUT, projectInput, REGION_INPUT } from './google-inputs.js';
import {
  loadPipelineFrom,
  pipelineSourceFields,
  PIPELINE_INPUTS,
  type PipelineSourceInputs,
} from './pipeline-inputs.js';
import type { KfpRepository } from '../core/gcp/kfp-template.js';

interface PublishInputs extends PipelineSourceInputs {
  readonly repository: KfpRepository;
  readonly tags: readonly string[];
}

export const publishCommand = defineCommand<PublishInputs>({
  name: 'publish',
  summary:
    'Compile a pipeline and upload it to an Artifact Registry Kubeflow Pipelines repository as a versioned template with tags.',
  inputs: [
    ...PIPELINE_INPUTS,
    {
      name: 'repository',
      description:
        'The Kubeflow Pipelines repository: https://REGION-kfp.pkg.dev/PROJECT/REPOSITORY, or its id with project-id and region.',
      kind: 'string',
      required: true,
      valueName: 'REPOSITORY',
    },
    {
      name: 'tags',
      description:
        'Tags for the version; each moves to it from any older version. Defaults to latest and, in a workflow, the short commit SHA.',
      kind: 'list',
      valueName: 'TAG',
    },
    PROJECT_INPUT,
    REGION_INPUT,
  ],
  outputs: [
    { name: 'package', description: 'The template package (the pipeline name).' },
    { name: 'version', description: "The template's version, sha256:<hex> of its content." },
    {
      name: 'template-uri',
      description:
        'The template pinned by version, for run and schedule (pipeline: <template-uri>).',
    },
    { name: 'tags', description: 'The tags given to the version, comma-separated.' },
  ],
  parseInputs(raw, context) {
    return parseFields('publish', {
      ...pipelineSourceFields(raw, context),
      repository: () =>
        parseKfpRepository(
          requireInput(
            raw,
            'repository',
            'Give the repository, https://REGION-kfp.pkg.dev/PROJECT/REPOSITORY.',
          ),
          {
            project: projectInput(raw, context),
            region: raw.string('region')?.trim(),
          },
        ),
      tags: () => {
        const given = raw
          .list('tags')
          .map((tag) => tag.trim())
          .filter((tag) => tag !== '');
        const sha = context.env.GITHUB_SHA?.slice(0, 7).toLowerCase();
        const tags = given.length > 0 ? given : ['latest', ...(sha ? [sha] : [])];
        return [...new Set(tags.map(checkTag))];
      },
    });
  },
  async run(inputs, context) {
    const { ui } = context;
    const loaded = await ui.group('Compile and validate', () => loadPipelineFrom(inputs, context));
    const content = serializePipelineSpec(loaded.spec);
    const registry = await KfpRegistry.connect({
      project: inputs.repository.project,
      env: context.env,
      onRetry: (message) => ui.warning(message),
    });
    try {
      const { packageName, version } = await ui.group('Upload', () =>
        registry.upload(
          inputs.repository,
          `${loaded.spec.pipelineInfo.name}.yaml`,
          content,
          inputs.tags,
        ),
      );
      const uri = templateUri({ ...inputs.repository, packageName, ref: version });
      ui.table(
        `Published ${packageName}`,
        ['Package', 'Version', 'Tags', 'Template'],
        [[packageName, version, inputs.tags.join(', '), uri]],
      );
      return {
        outputs: {
          package: packageName,
          version,
          'template-uri': uri,
          tags: inputs.tags.join(','),
        },
      };
    } finally {
      await registry.close();
    }
  },
});
