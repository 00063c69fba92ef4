import { statSync } from 'node:fs';
import path from 'node:path';
import { googleEndpoints } from '../adapters/gcp/endpoints.js';
import { gitOutput } from '../adapters/git.js';
import { RegistryClient } from '../adapters/registry/registry-client.js';
import { registryCredentials } from '../adapters/registry/registry-credentials.js';
import { UserError } from '../core/errors.js';
import {
  artifactRegistryRepository,
  checkDockerTag,
  checkRegistryLocation,
  imageName,
  parseImageReference,
} from '../core/images/image-reference.js';
import { parseParameterAssignments } from '../core/ir/parameters.js';
import { checkProjectId } from '../core/gcp/google-names.js';
import {
  booleanInput,
  defineCommand,
  listInput,
  once,
  parseFields,
  requireInput,
  stringInput,
  type CommandContext,
  type RawInputs,
} from './command.js';
import { PROJECT_INPUT, projectInput, REGION_INPUT } from './google-inputs.js';
import { checkFrameworkMatch, lazyDocker, readRegistryImage } from './image-checks.js';
import {
  FRAMEWORKS_INPUT,
  parseFrameworks,
  parseImageInput,
  parseRegistryLogin,
  REGISTRY_LOGIN_INPUTS,
  TRAINING_IMAGE_INPUT,
} from './image-inputs.js';
import {
  buildAndPush,
  prepare,
  reuse,
  PLATFORM,
  type BuildInputs,
  type BuildSession,
} from './build-steps.js';

function parseTarget(
  raw: RawInputs,
  context: CommandContext,
): Pick<BuildInputs, 'target' | 'artifactRegistry'> {
  const image = requireInput(
    raw,
    'image',
    'Give the image name (e.g. trainer, with repository, project-id and region), or a full name such as us-central1-docker.pkg.dev/PROJECT/REPOSITORY/trainer.',
  );
  if (image.includes('/')) {
    const ref = parseImageReference(image);
    if (image.includes('@') || /:[^/]*$/.test(image.replace(/^[^/]*\//, ''))) {
      throw new UserError(`image "${image}" has a tag or digest`, {
        fix: 'Give the name only: build tags it with the commit, a content hash and the tags input.',
      });
    }
    return { target: ref, artifactRegistry: artifactRegistryRepository(ref) };
  }
  const repository = raw.string('repository')?.trim();
  const project = projectInput(raw, context);
  const location = raw.string('region')?.trim();
  if (!repository || !project || !location) {
    throw new UserError(
      `image "${image}" is a bare name, so build needs the repository to put it in`,
      {
        fix: 'Set repository (an Artifact Registry Docker repository), project-id (or run auth first) and region; or give image as a full name, REGISTRY/PATH/NAME.',
      },
    );
  }
  const artifactRegistry = parseFields('build', {
    project: () => checkProjectId(project),
    location: () => checkRegistryLocation(location),
    repository: () => checkRepositoryId(repository),
  });
  const host = googleEndpoints(context.env).dockerRegistry.replaceAll('{region}', location);
  const target = parseImageReference(`${host}/${project}/${repository}/${image}`);
  return { target, artifactRegistry };
}

function checkRepositoryId(id: string): string {
  if (!/^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/.test(id)) {
    throw new UserError(`repository "${id}" is not an Artifact Registry repository id`, {
      fix: 'Use lowercase letters, digits and hyphens, starting with a letter (up to 63).',
    });
  }
  return id;
}

/** What parseInputs gives: the build before its planning phase has read the checkout. */
interface BuildRequest extends Omit<BuildInputs, 'context' | 'dockerfile' | 'sourceLabels'> {
  /** As given, and resolved against the working directory (unchecked until planBuild). */
  readonly context: { readonly given: string; readonly path: string };
  readonly dockerfile: { readonly given: string; readonly path: string };
}

/** Fails unless the file (or folder) the user named exists. */
function checkExists(
  named: BuildRequest['context'],
  kind: 'file' | 'folder',
  input: 'context' | 'dockerfile',
): string {
  let stat;
  try {
    stat = statSync(named.path);
  } catch {
    stat = undefined;
  }
  if (!stat || (kind === 'file' ? !stat.isFile() : !stat.isDirectory())) {
    const what = input === 'dockerfile' ? 'Dockerfile' : `${input} ${kind}`;
    throw new UserError(`The ${what} ${named.given} does not exist`, {
      fix:
        input === 'dockerfile'
          ? 'Add a Dockerfile to the build context, or set dockerfile to its path (relative to the working directory).'
          : `Set ${input} to an existing ${kind}, relative to the working directory.`,
    });
  }
  return named.path;
}

/**
 * The planning phase, before anything is hashed, created or pushed: the context folder and
 * Dockerfile must exist, and the commit (GITHUB_SHA, else git) tags the image and labels it.
 */
function planBuild(request: BuildRequest, context: CommandContext): BuildInputs {
  const folder = once(() => checkExists(request.context, 'folder', 'context'));
  const inContext = request.dockerfile.path === path.join(request.context.path, 'Dockerfile');
  const paths = parseFields('build', {
    context: folder,
    // The default Dockerfile of a context that does not exist is not a second problem.
    dockerfile: () => {
      if (inContext) folder();
      return checkExists(request.dockerfile, 'file', 'dockerfile');
    },
  });
  const sha = context.env.GITHUB_SHA || gitOutput(paths.context, ['rev-parse', 'HEAD']);
  return {
    ...request,
    ...paths,
    sourceLabels: sourceLabels(context, sha),
    tags: [...new Set([...(sha ? [sha.slice(0, 7)] : []), ...request.tags])],
  };
}

/** OCI annotations a registry UI and `docker inspect` show: where the image came from. */
function sourceLabels(
  context: CommandContext,
  revision: string | undefined,
): Record<string, string> {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository } = context.env;
  return {
    ...(server && repository
      ? { 'org.opencontainers.image.source': `${server}/${repository}` }
      : {}),
    ...(revision ? { 'org.opencontainers.image.revision': revision } : {}),
    'org.opencontainers.image.created': new Date().toISOString(),
  };
}

export const buildCommand = defineCommand<BuildRequest>({
  name: 'build',
  summary:
    'Build a linux/amd64 image, push it to Artifact Registry (or any registry) tagged by commit and content hash, and verify it: platform, and framework versions against the training image.',
  inputs: [
    {
      name: 'image',
      description:
        'The image name: a bare name (trainer) goes to REGION-docker.pkg.dev/PROJECT/REPOSITORY/trainer; or a full name, REGISTRY/PATH/NAME.',
      kind: 'string',
      required: true,
      positional: true,
    },
    {
      name: 'context',
      description: 'Build: the build context folder.',
      kind: 'string',
      default: '.',
      valueName: 'FOLDER',
    },
    {
      name: 'dockerfile',
      description: 'Build: the Dockerfile, relative to the working directory.',
      kind: 'string',
      default: 'CONTEXT/Dockerfile',
      valueName: 'FILE',
    },
    {
      name: 'repository',
      description:
        'Build: the Artifact Registry Docker repository for bare image names (found, or created when create-repository is on).',
      kind: 'string',
      valueName: 'REPOSITORY',
    },
    {
      name: 'create-repository',
      description: 'Build: create the Artifact Registry repository when it does not exist.',
      kind: 'boolean',
      default: 'true',
    },
    {
      name: 'build-args',
      description: 'Build: build arguments as NAME=VALUE.',
      kind: 'list',
      valueName: 'NAME=VALUE',
    },
    {
      name: 'labels',
      description: 'Build: extra image labels as KEY=VALUE.',
      kind: 'list',
      valueName: 'KEY=VALUE',
    },
    {
      name: 'image-tags',
      description:
        'Build: extra tags (e.g. latest); the commit SHA and the content hash are always tagged.',
      kind: 'list',
      valueName: 'TAG',
    },
    TRAINING_IMAGE_INPUT,
    FRAMEWORKS_INPUT,
    ...REGISTRY_LOGIN_INPUTS,
    PROJECT_INPUT,
    REGION_INPUT,
  ],
  outputs: [
    {
      name: 'image',
      description: 'The image by digest, REGISTRY/PATH/NAME@sha256:…, for deploy and run.',
    },
    { name: 'digest', description: 'The manifest digest, sha256:….' },
    { name: 'tags', description: 'The tags pushed, comma-separated.' },
    {
      name: 'built',
      description:
        'true when the image was built; false when its content hash was already in the registry.',
    },
    { name: 'framework-versions', description: 'The framework versions in the image, as JSON.' },
  ],
  parseInputs(raw, context) {
    const destination = once(() => parseTarget(raw, context));
    const contextFolder = once(() => {
      const given = stringInput(raw, 'context');
      return { given, path: path.resolve(context.cwd, given) };
    });
    const { destination: where, ...fields } = parseFields('build', {
      destination,
      createRepository: () => booleanInput(raw, 'create-repository'),
      context: contextFolder,
      dockerfile: () => {
        const given = raw.string('dockerfile')?.trim();
        if (given && given !== 'CONTEXT/Dockerfile')
          return { given, path: path.resolve(context.cwd, given) };
        const inContext = path.join(contextFolder().path, 'Dockerfile');
        return { given: inContext, path: inContext };
      },
      buildArgs: () =>
        parseParameterAssignments(raw.list('build-args'), 'Build argument', 'PYTHON_VERSION=3.11'),
      labels: () => parseParameterAssignments(raw.list('labels'), 'Label', 'team=ml'),
      tags: () => listInput(raw, 'image-tags').map(checkDockerTag),
      login: () => parseRegistryLogin(raw, context, destination().target.registry),
      trainingImage: () => parseImageInput(raw, 'training-image'),
      frameworks: () => parseFrameworks(raw),
    });
    return { ...where, ...fields };
  },
  async run(request, context) {
    const { ui } = context;
    const inputs = planBuild(request, context);
    const name = imageName(inputs.target);
    const credentials = registryCredentials(context.env, {
      login: inputs.login,
      // An Artifact Registry target is Google's even at an endpoint override's host.
      artifactRegistryHost: inputs.artifactRegistry && inputs.target.registry,
      maskSecret: (value, name) => context.host.maskSecret(value, name),
    });
    const client = new RegistryClient(inputs.target, credentials, (message) => ui.warning(message));
    const docker = lazyDocker(context, (line) => ui.info(ui.colors.dim(line)));
    try {
      const { tag, existing } = await ui.group(`Prepare ${name}`, () =>
        prepare(inputs, context, client),
      );
      const training = inputs.trainingImage
        ? await readRegistryImage(ui, inputs.trainingImage, {
            credentials,
            docker,
            frameworks: inputs.frameworks,
            required: true,
          })
        : undefined;
      const session: BuildSession = {
        inputs,
        context,
        client,
        docker,
        name,
        tags: [tag, ...inputs.tags],
        compare: (versions) => {
          if (training)
            checkFrameworkMatch(ui, training, { image: name, versions }, inputs.frameworks);
        },
      };
      const { digest, versions } = existing
        ? await ui.group('Reuse the image built from this content', () => reuse(session, existing))
        : await buildAndPush(session);

      const reference = `${name}@${digest}`;
      ui.table(
        `Image ${name}`,
        ['Image', 'Platform', 'Tags', 'Built'],
        [
          [
            reference,
            PLATFORM,
            session.tags.join(', '),
            existing ? 'no: reused (same content)' : 'yes',
          ],
        ],
      );
      if (Object.keys(versions).length > 0 && !training)
        ui.table('Framework versions', ['Package', 'Version'], Object.entries(versions));
      return {
        outputs: {
          image: reference,
          digest,
          tags: session.tags.join(','),
          built: String(!existing),
          'framework-versions': JSON.stringify(versions),
        },
      };
    } finally {
      await docker.close();
    }
  },
});
