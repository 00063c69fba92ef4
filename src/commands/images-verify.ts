import {
  registryCredentials,
  type RegistryLogin,
} from '../adapters/registry/registry-credentials.js';
import type { ImageReference } from '../core/images/image-reference.js';
import { defineCommand, once, parseFields } from './command.js';
import { checkFrameworkMatch, lazyDocker, readRegistryImage } from './image-checks.js';
import {
  FRAMEWORKS_INPUT,
  parseFrameworks,
  parseImageInput,
  parseRegistryLogin,
  requireImageInput,
  REGISTRY_LOGIN_INPUTS,
  TRAINING_IMAGE_INPUT,
} from './image-inputs.js';

interface VerifyInputs {
  readonly image: ImageReference;
  readonly trainingImage: ImageReference | undefined;
  /** For the registry of `image`: the training image's registry does not get it. */
  readonly login: RegistryLogin | undefined;
  readonly frameworks: readonly string[];
}

export const imagesVerifyCommand = defineCommand<VerifyInputs>({
  name: 'images-verify',
  summary:
    'Check an image in its registry: it must have a linux/amd64 image and, given its training image, the same framework versions.',
  inputs: [
    {
      name: 'image',
      description: 'The image to check, REGISTRY/PATH/NAME:TAG or REGISTRY/PATH/NAME@sha256:….',
      kind: 'string',
      required: true,
      positional: true,
    },
    TRAINING_IMAGE_INPUT,
    FRAMEWORKS_INPUT,
    ...REGISTRY_LOGIN_INPUTS,
  ],
  outputs: [
    { name: 'framework-versions', description: 'The framework versions in the image, as JSON.' },
    {
      name: 'training-versions',
      description: 'Framework versions of the training image, as JSON.',
    },
  ],
  parseInputs(raw, context) {
    const image = once(() =>
      requireImageInput(
        raw,
        'image',
        'Give the image to check, REGISTRY/PATH/NAME:TAG or @sha256:….',
      ),
    );
    return parseFields('images-verify', {
      image,
      trainingImage: () => parseImageInput(raw, 'training-image'),
      login: () => parseRegistryLogin(raw, context, image().registry),
      frameworks: () => parseFrameworks(raw),
    });
  },
  async run(inputs, context) {
    const { ui } = context;
    const credentials = registryCredentials(context.env, {
      login: inputs.login,
      maskSecret: (value, name) => context.host.maskSecret(value, name),
    });
    const docker = lazyDocker(context);
    const read = (ref: ImageReference, required: boolean) =>
      readRegistryImage(ui, ref, { credentials, docker, frameworks: inputs.frameworks, required });
    try {
      const compared = inputs.trainingImage !== undefined;
      const training = inputs.trainingImage ? await read(inputs.trainingImage, true) : undefined;
      const image = await read(inputs.image, compared);
      if (training) checkFrameworkMatch(ui, training, image, inputs.frameworks);
      else
        ui.table(
          `Framework versions of ${image.image}`,
          ['Package', 'Version'],
          Object.entries(image.versions),
        );
      return {
        outputs: {
          'framework-versions': JSON.stringify(image.versions),
          ...(training ? { 'training-versions': JSON.stringify(training.versions) } : {}),
        },
      };
    } finally {
      await docker.close();
    }
  },
});
