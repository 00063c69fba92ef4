/**
 * The phases of `mlops build`: what a build needs (BuildInputs), then prepare (hash the context,
 * find or create the repository, look the content tag up), reuse an image the registry already
 * has, or build, check and push a new one.
 */
import path from 'node:path';
import { hashBuildContext } from '../adapters/docker/build-context.js';
import { DockerRepositories, type DockerRepository } from '../adapters/gcp/docker-repositories.js';
import {
  formatPlatform,
  type Manifest,
  type RegistryClient,
} from '../adapters/registry/registry-client.js';
import type { RegistryLogin } from '../adapters/registry/registry-credentials.js';
import { ReportedError, UserError } from '../core/errors.js';
import {
  frameworkLabels,
  frameworkVersions,
  versionsFromLabels,
} from '../core/images/framework-versions.js';
import { contentTag, type ImageReference } from '../core/images/image-reference.js';
import type { CommandContext } from './command.js';
import { warnUnpinnedInputs } from './build-supply-chain.js';
import { verifyAmd64, type LazyDocker } from './image-checks.js';

/** Vertex AI runs linux/amd64 only, whatever machine builds the image. */
export const PLATFORM = 'linux/amd64';

export interface BuildInputs {
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

/** What the phases of one build share. */
export interface BuildSession {
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

export interface BuiltImage {
  readonly digest: string;
  readonly versions: Record<string, string>;
}

/**
 * Hashes the build context, finds (or creates) the repository and looks the content tag up,
 * which also proves the registry credentials before anything is built.
 */
export async function prepare(
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
export async function reuse(session: BuildSession, existing: Manifest): Promise<BuiltImage> {
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
export async function buildAndPush(session: BuildSession): Promise<BuiltImage> {
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
      if (!(error instanceof ReportedError)) throw error;
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
