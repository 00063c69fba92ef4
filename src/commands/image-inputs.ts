import {
  GOOGLE_REGISTRY_USER,
  type RegistryLogin,
} from '../adapters/registry/registry-credentials.js';
import { UserError } from '../core/errors.js';
import {
  FRAMEWORK_PACKAGES,
  normalizePackageName,
  PYTHON,
} from '../core/images/framework-versions.js';
import { parseImageReference, type ImageReference } from '../core/images/image-reference.js';
import {
  listInput,
  requireInput,
  type CommandContext,
  type InputDefinition,
  type RawInputs,
} from './command.js';

/** Inputs shared by the commands that build, check and compare images. */

export const REGISTRY_LOGIN_INPUTS: readonly InputDefinition[] = [
  {
    name: 'registry-username',
    description: `Images: the registry user (default ${GOOGLE_REGISTRY_USER}, for Artifact Registry with an access token).`,
    kind: 'string',
    valueName: 'USER',
  },
  {
    name: 'registry-password',
    description:
      'Images: the registry password. Not needed for Artifact Registry: the access token of the auth step is used.',
    kind: 'string',
    valueName: 'PASSWORD',
    secret: true,
  },
];

export const TRAINING_IMAGE_INPUT: InputDefinition = {
  name: 'training-image',
  description:
    'The training image whose framework versions the image (build: the serving image being built) must match.',
  kind: 'string',
  valueName: 'IMAGE',
};

export const FRAMEWORKS_INPUT: InputDefinition = {
  name: 'frameworks',
  description:
    'Images: the packages whose versions must match between training and serving images (python is the interpreter).',
  kind: 'list',
  default: FRAMEWORK_PACKAGES.join(','),
  valueName: 'PACKAGE',
};

/**
 * The registry login given as inputs, for `host` (the registry of the image the command is
 * about) and no other, the password masked at once; undefined when none.
 */
export function parseRegistryLogin(
  raw: RawInputs,
  context: CommandContext,
  host: string,
): RegistryLogin | undefined {
  const password = raw.string('registry-password');
  const username = raw.string('registry-username')?.trim();
  if (!password) {
    if (username)
      throw new UserError('registry-username is set without registry-password', {
        fix: 'Give registry-password too, or neither to use the access token of the auth step.',
      });
    return undefined;
  }
  context.host.maskSecret(password, 'registry-password');
  return { host, credentials: { username: username || GOOGLE_REGISTRY_USER, password } };
}

export function parseFrameworks(raw: RawInputs): string[] {
  return [
    ...new Set(
      listInput(raw, 'frameworks').map((name) =>
        name === PYTHON ? name : normalizePackageName(name),
      ),
    ),
  ];
}

/** An image reference input that must be given, checked; `hint` says what to give. */
export function requireImageInput(raw: RawInputs, name: string, hint: string): ImageReference {
  return imageReferenceInput(name, requireInput(raw, name, hint));
}

/** An image reference input, checked; undefined when not given and not required. */
export function parseImageInput(raw: RawInputs, name: string): ImageReference | undefined {
  const value = raw.string(name)?.trim();
  return value ? imageReferenceInput(name, value) : undefined;
}

/** The value of image input `name`, checked as an image reference. */
export function imageReferenceInput(name: string, value: string): ImageReference {
  try {
    return parseImageReference(value);
  } catch (error) {
    if (error instanceof UserError)
      throw new UserError(`${name}: ${error.message}`, error.fix ? { fix: error.fix } : {});
    throw error;
  }
}
