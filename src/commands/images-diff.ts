import {
  registryCredentials,
  type RegistryLogin,
} from '../adapters/registry/registry-credentials.js';
import { diffEnvironments } from '../core/images/framework-versions.js';
import {
  formatImage,
  registryHostOf,
  type ImageReference,
} from '../core/images/image-reference.js';
import { booleanInput, defineCommand, once, parseFields, requireInput } from './command.js';
import { lazyDocker } from './image-checks.js';
import { imageReferenceInput, parseRegistryLogin, REGISTRY_LOGIN_INPUTS } from './image-inputs.js';

interface DiffInputs {
  readonly left: ImageReference;
  readonly right: ImageReference;
  /** The image names as the user wrote them: local images have no registry. */
  readonly names: readonly [string, string];
  /** For the registry of image-a: image-b's registry gets it only when it is the same. */
  readonly login: RegistryLogin | undefined;
  readonly all: boolean;
}

export const imagesDiffCommand = defineCommand<DiffInputs>({
  name: 'images-diff',
  summary:
    'Compare the Python packages of two images (what pip freeze inside each would show), frameworks first.',
  inputs: [
    {
      name: 'image-a',
      description: 'Diff: the first image (e.g. the training image).',
      kind: 'string',
      required: true,
      positional: true,
    },
    {
      name: 'image-b',
      description: 'Diff: the second image (e.g. the serving image).',
      kind: 'string',
      required: true,
      positional: true,
    },
    {
      name: 'all-packages',
      description: 'Diff: list packages with the same version too, not only the differences.',
      kind: 'boolean',
      default: 'false',
    },
    ...REGISTRY_LOGIN_INPUTS,
  ],
  outputs: [
    {
      name: 'differences',
      description: 'How many packages differ (version, or in one image only).',
    },
  ],
  parseInputs(raw, context) {
    const hint = 'Give two images: mlops images diff IMAGE_A IMAGE_B.';
    const nameA = once(() => requireInput(raw, 'image-a', hint));
    const nameB = once(() => requireInput(raw, 'image-b', hint));
    const left = once(() => imageReferenceInput('image-a', nameA()));
    return parseFields('images-diff', {
      left,
      right: () => imageReferenceInput('image-b', nameB()),
      names: () => [nameA(), nameB()] as const,
      login: () => parseRegistryLogin(raw, context, left().registry),
      all: () => booleanInput(raw, 'all-packages'),
    });
  },
  async run(inputs, context) {
    const { ui } = context;
    const lazy = lazyDocker(context);
    try {
      const docker = await lazy.get();
      const credentials = registryCredentials(context.env, {
        login: inputs.login,
        maskSecret: (value, name) => context.host.maskSecret(value, name),
      });
      const environments = [];
      for (const [index, ref] of [inputs.left, inputs.right].entries()) {
        const name = inputs.names[index] ?? formatImage(ref);
        environments.push(
          await ui.group(`Read the packages of ${name}`, async () => {
            // Local images are used as they are; registry images are pulled fresh.
            // A name without a registry host is looked up in the local engine first.
            if (!(registryHostOf(name) === undefined && (await docker.inspect(name)))) {
              await docker.loginWith(credentials, ref.registry);
              await docker.pull(name);
            }
            return docker.pythonEnvironment(name);
          }),
        );
      }
      const [left, right] = environments;
      const rows = diffEnvironments(left!, right!);
      const differing = rows.filter((row) => !row.same);
      const shown = inputs.all ? rows : rows.filter((row) => !row.same || row.framework);
      const mark = (row: (typeof rows)[number]): string => {
        if (row.same) return ui.colors.ok('same');
        if (row.left === undefined) return ui.colors.warn(`only in ${inputs.names[1]}`);
        if (row.right === undefined) return ui.colors.warn(`only in ${inputs.names[0]}`);
        return ui.colors.fail('differs');
      };
      ui.table(
        `Packages: ${inputs.names[0]} vs ${inputs.names[1]}`,
        ['Package', inputs.names[0], inputs.names[1], ''],
        shown.map((row) => [
          row.framework ? ui.colors.bold(row.name) : row.name,
          row.left ?? '–',
          row.right ?? '–',
          mark(row),
        ]),
      );
      ui.info(
        `${differing.length} of ${rows.length} packages differ${inputs.all ? '' : ' (same-version packages hidden; --all-packages lists them)'}`,
      );
      return { outputs: { differences: String(differing.length) } };
    } finally {
      await lazy.close();
    }
  },
});
