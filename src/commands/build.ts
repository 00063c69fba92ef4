import { statSync } from 'node:fs';
import path from 'node:path';
import { hashBuildContext } from '../adapters/docker/build-context.js';
import { DockerRepositories, type DockerRepository } from '../adapters/gcp/docker-repositories.js';
import { googleEndpoints } from '../adapters/gcp/endpoints.js';
import { gitOutput } from '../adapters/git.js';
import {
  formatPlatform,
  RegistryClient,
  type Manifest,
} from '../adapters/registry/registry-client.js';
import {
  registryCredentials,
  type RegistryLogin,
} from '../adapters/registry/registry-credentials.js';
import { UserError } from '../core/errors.js';
import {
  frameworkLabels,
  frameworkVersions,
  versionsFromLabels,
} from '../core/images/framework-versions.js';
import {
  artifactRegistryRepository,
  checkDockerTag,
  checkRegistryLocation,
  contentTag,
  imageName,
  parseImageReference,
  type ImageReference,
} from '../core/images/image-reference.js';
import { parseParameterAssignments } from '../core/ir/parameters.js';
import { checkProjectId } from '../core/gcp/vertex-job.js';
import {
  booleanInput,
  defineCommand,
  listInput,
  requireInput,
  stringInput,
  type CommandContext,
  type RawInputs,
} from './command.js';
import { warnUnpinnedInputs } from './build-supply-chain.js';
import { PROJECT_INPUT, projectInput, REGION_INPUT } from './google-inputs.js';
import {
  checkFrameworkMatch,
  lazyDocker,
  readRegistryImage,
  verifyAmd64,
  type LazyDocker,
} from './image-checks.js';
import {
  FRAMEWORKS_INPUT,
  parseFrameworks,
  parseImageInput,
  parseRegistryLogin,
  REGISTRY_LOGIN_INPUTS,
  TRAINING_IMAGE_INPUT,
} from './image-inputs.js';

/** Vertex AI runs linux/amd64 only, whatever machine builds the image. */
const PLATFORM = 'linux/amd64';

interface BuildInputs {
  /** Registry host and path of the image, without tag. */
  readonly target: Pick<ImageReference, 'registry' | 'repository'>;
  /** Set when the image goes to Artifact Registry: the repository to find or create. */
  readonly artifactRegistry: DockerRepository | undefined;
  readonly createRepository: boolean;
  readonly context: string;
  readonly dockerfile: string;
  readonly buildArgs: Record<string, string>;
  /** The labels given: part of the content hash. */
  readonly labels: Record<string, string>;
  /** OCI source, revision and time: on the image, but not hashed (they change every build). */
  readonly sourceLabels: Record<string, string>;
  /** The commit tag (short SHA) and the tags given. */
  readonly tags: readonly string[];
  /** For the registry of `target`: the training image's registry does not get it. */
  readonly login: RegistryLogin | undefined;
  readonly trainingImage: ImageReference | undefined;
  readonly frameworks: readonly string[];
}

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
  const artifactRegistry = {
    project: checkProjectId(project),
    location: checkRegistryLocation(location),
    repository: checkRepositoryId(repository),
  };
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

/** The file the user named, resolved against the working directory; fails unless it exists. */
function existingPath(cwd: string, given: string, kind: 'file' | 'folder', input: string): string {
  const resolved = path.resolve(cwd, given);
  let stat;
  try {
    stat = statSync(resolved);
  } catch {
    stat = undefined;
  }
  if (!stat || (kind === 'file' ? !stat.isFile() : !stat.isDirectory())) {
    const what = input === 'dockerfile' ? 'Dockerfile' : `${input} ${kind}`;
    throw new UserError(`The ${what} ${given} does not exist`, {
      fix:
        input === 'dockerfile'
          ? 'Add a Dockerfile to the build context, or set dockerfile to its path (relative to the working directory).'
          : `Set ${input} to an existing ${kind}, relative to the working directory.`,
    });
  }
  return resolved;
}

function commitSha(context: CommandContext, folder: string): string | undefined {
  return context.env.GITHUB_SHA || gitOutput(folder, ['rev-parse', 'HEAD']);
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

export const buildCommand = defineCommand<BuildInputs>({
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
    const { target, artifactRegistry } = parseTarget(raw, context);
    const contextFolder = existingPath(
      context.cwd,
      stringInput(raw, 'context'),
      'folder',
      'context',
    );
    const dockerfileInput = raw.string('dockerfile')?.trim();
    const dockerfile =
      dockerfileInput && dockerfileInput !== 'CONTEXT/Dockerfile'
        ? existingPath(context.cwd, dockerfileInput, 'file', 'dockerfile')
        : existingPath(context.cwd, path.join(contextFolder, 'Dockerfile'), 'file', 'dockerfile');
    const sha = commitSha(context, contextFolder);
    const tags = [
      ...(sha ? [sha.slice(0, 7)] : []),
      ...listInput(raw, 'image-tags').map(checkDockerTag),
    ];
    return {
      target,
      artifactRegistry,
      createRepository: booleanInput(raw, 'create-repository'),
      context: contextFolder,
      dockerfile,
      buildArgs: parseParameterAssignments(
        raw.list('build-args'),
        'Build argument',
        'PYTHON_VERSION=3.11',
      ),
      labels: parseParameterAssignments(raw.list('labels'), 'Label', 'team=ml'),
      sourceLabels: sourceLabels(context, sha),
      tags: [...new Set(tags)],
      login: parseRegistryLogin(raw, context, target.registry),
      trainingImage: parseImageInput(raw, 'training-image'),
      frameworks: parseFrameworks(raw),
    };
  },
  async run(inputs, context) {
    const { ui } = context;
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

/** What the phases of one build share. */
interface BuildSession {
  readonly inputs: BuildInputs;
  readonly context: CommandContext;
  readonly client: RegistryClient;
  readonly docker: LazyDocker;
  /** REGISTRY/PATH/NAME. */
  readonly name: string;
  /** The content tag first, then the commit and the tags given. */
  readonly tags: readonly string[];
  /** Fails (with the table) when the versions differ from the training image's. */
  readonly compare: (versions: Record<string, string>) => void;
}

interface BuiltImage {
  readonly digest: string;
  readonly versions: Record<string, string>;
}

/**
 * Hashes the build context, finds (or creates) the repository and looks the content tag up,
 * which also proves the registry credentials before anything is built.
 */
async function prepare(
  inputs: BuildInputs,
  context: CommandContext,
  client: RegistryClient,
): Promise<{ tag: string; existing: Manifest | undefined }> {
  const { ui } = context;
  const { env } = context;
  const hashed = await hashBuildContext(
    {
      context: inputs.context,
      dockerfile: inputs.dockerfile,
      platform: PLATFORM,
      buildArgs: inputs.buildArgs,
      labels: inputs.labels,
    },
    [env.GOOGLE_APPLICATION_CREDENTIALS, env.CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE].filter(
      (file): file is string => Boolean(file),
    ),
  );
  if (hashed.credentialFiles.length > 0) {
    throw new UserError(
      `The build context holds Google credentials: ${hashed.credentialFiles.join(', ')}; the image would carry them`,
      {
        fix: "Keep credentials out of the context: move them, or list them in .dockerignore (gha-creds-*.json for google-github-actions/auth). This action's auth writes its file to RUNNER_TEMP, outside the checkout, unless credentials-file-path points inside it.",
      },
    );
  }
  await warnUnpinnedInputs(inputs, ui);
  const tag = contentTag(hashed.hash);
  ui.info(
    `Build context ${path.relative(context.cwd, inputs.context) || '.'}: ${hashed.files} files, ${(hashed.bytes / 1e6).toFixed(1)} MB; content tag ${tag}`,
  );
  if (inputs.artifactRegistry) {
    const repositories = await DockerRepositories.connect({
      project: inputs.artifactRegistry.project,
      env: context.env,
      onRetry: (message) => ui.warning(message),
    });
    try {
      const state = await repositories.ensure(inputs.artifactRegistry, inputs.createRepository);
      ui.info(`Artifact Registry repository ${inputs.artifactRegistry.repository}: ${state}`);
    } finally {
      await repositories.close();
    }
  }
  return { tag, existing: await client.manifest(tag) };
}

/** The content was built before: verify that image and give it this build's tags. */
async function reuse(session: BuildSession, existing: Manifest): Promise<BuiltImage> {
  const { name, client, inputs } = session;
  session.context.ui.info(
    `${name}:${session.tags[0] ?? ''} exists (${existing.digest}): skipping the build`,
  );
  const image = await verifyAmd64(client, existing.digest);
  const versions = versionsFromLabels(image.amd64.labels) ?? {};
  session.compare(versions);
  for (const tag of inputs.tags) await client.tag(tag, existing);
  return { digest: existing.digest, versions };
}

/** Builds, checks the local image (platform, frameworks) before any push, pushes, verifies. */
async function buildAndPush(session: BuildSession): Promise<BuiltImage> {
  const { inputs, context, name } = session;
  const { ui } = context;
  const registry = inputs.target.registry;
  const cli = await session.docker.get();
  // Logged in before the build too: the base image may come from the same registry.
  await cli.loginWith(session.client.credentials, registry);
  const local = `${name}:${session.tags[0] ?? ''}`;
  const versions = await ui.group(`Build ${name} for ${PLATFORM}`, async () => {
    await cli.build({
      context: inputs.context,
      dockerfile: inputs.dockerfile,
      platform: PLATFORM,
      buildArgs: inputs.buildArgs,
      labels: { ...inputs.sourceLabels, ...inputs.labels },
      tags: [local],
    });
    const built = await cli.inspect(local);
    const platform = built ? formatPlatform(built) : 'missing';
    if (platform !== PLATFORM) {
      throw new UserError(
        `The image built from ${path.relative(context.cwd, inputs.dockerfile)} is ${platform}, not ${PLATFORM}; nothing was pushed`,
        {
          fix: 'Vertex AI runs linux/amd64 only: use base images that have a linux/amd64 variant (a local base pulled for arm64 makes an arm64 image), and do not pin FROM --platform to another architecture.',
        },
      );
    }
    let found: Record<string, string> = {};
    try {
      found = frameworkVersions(await cli.pythonEnvironment(local), inputs.frameworks);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      ui.warning(`${error.message}: no framework versions recorded`);
    }
    session.compare(found);
    await cli.addLabels(
      local,
      PLATFORM,
      frameworkLabels(found),
      session.tags.map((tag) => `${name}:${tag}`),
    );
    return found;
  });
  const digest = await ui.group(`Push ${name}`, async () => {
    // Logged in again: the token source refreshes a token close to expiry, and builds can be long.
    await cli.loginWith(session.client.credentials, registry);
    let pushed = '';
    for (const tag of session.tags) pushed = await cli.push(`${name}:${tag}`);
    return pushed;
  });
  await ui.group('Verify the pushed image', async () => {
    const image = await verifyAmd64(session.client, digest);
    ui.info(`${name}@${digest}: ${image.platforms.map(formatPlatform).join(', ')}`);
  });
  return { digest, versions };
}
