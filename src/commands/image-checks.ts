import { DockerCli } from '../adapters/docker/docker-cli.js';
import {
  formatPlatform,
  inspectImage,
  RegistryClient,
  type InspectedImage,
  type RegistryCredentials,
} from '../adapters/registry/registry-client.js';
import { ReportedError, UserError } from '../core/errors.js';
import {
  compareFrameworks,
  frameworkVersions,
  versionsFromLabels,
  type FrameworkRow,
} from '../core/images/framework-versions.js';
import { formatImage, type ImageReference } from '../core/images/image-reference.js';
import type { CommandContext, Ui } from './command.js';

/** The checks every image goes through: linux/amd64 in the registry, and matching frameworks. */

/** The Docker CLI, opened on first use (checks that only read the registry never need it). */
export interface LazyDocker {
  get(): Promise<DockerCli>;
  close(): Promise<void>;
}

export function lazyDocker(context: CommandContext, onOutput?: (line: string) => void): LazyDocker {
  let docker: DockerCli | undefined;
  return {
    async get() {
      docker ??= await DockerCli.open({
        tempDir: context.host.tempDir,
        env: context.env,
        ...(context.signal ? { signal: context.signal } : {}),
        ...(onOutput ? { onOutput } : {}),
      });
      return docker;
    },
    async close() {
      await docker?.close();
    },
  };
}

export type Amd64Image = InspectedImage & { readonly amd64: NonNullable<InspectedImage['amd64']> };

/** Reads the image from its registry and fails unless it has a linux/amd64 image. */
export async function verifyAmd64(client: RegistryClient, reference: string): Promise<Amd64Image> {
  const inspected = await inspectImage(client, reference);
  if (!inspected.amd64) {
    const found = inspected.platforms.map(formatPlatform).join(', ') || 'no platform';
    throw new UserError(
      `${formatImage({ ...client.image, reference })} has no linux/amd64 image: it is ${found}`,
      {
        fix: 'Vertex AI runs linux/amd64 only. Build with --platform linux/amd64 (the build command does) and do not pin another platform in FROM --platform.',
      },
    );
  }
  return inspected as Amd64Image;
}

/**
 * Framework versions of a registry image: from the labels build wrote, else by running Python
 * inside it (pulled by digest, so the check reads exactly the image that was verified).
 */
async function registryImageVersions(
  client: RegistryClient,
  image: Amd64Image,
  docker: LazyDocker,
  packages: readonly string[],
): Promise<{ versions: Record<string, string>; source: string }> {
  const labelled = versionsFromLabels(image.amd64.labels);
  if (labelled) return { versions: labelled, source: 'labels' };
  const byDigest = formatImage({ ...client.image, reference: image.amd64.digest });
  const cli = await docker.get();
  await cli.loginWith(client.credentials, client.image.registry);
  await cli.pull(byDigest);
  return {
    versions: frameworkVersions(await cli.pythonEnvironment(byDigest), packages),
    source: 'python in the image',
  };
}

/**
 * Verifies a registry image (linux/amd64) and reads its framework versions, in a log group.
 * `required`: the versions will be compared, so not reading them fails; else it is a warning.
 */
export function readRegistryImage(
  ui: Ui,
  ref: ImageReference,
  options: {
    credentials: RegistryCredentials;
    docker: LazyDocker;
    frameworks: readonly string[];
    required: boolean;
  },
): Promise<{ image: string; versions: Record<string, string> }> {
  const image = formatImage(ref);
  return ui.group(`Verify ${image}`, async () => {
    const client = new RegistryClient(ref, options.credentials, (message) => ui.warning(message));
    const inspected = await verifyAmd64(client, ref.reference);
    ui.info(
      `${image} (${inspected.digest}): ${inspected.platforms.map(formatPlatform).join(', ')}`,
    );
    try {
      const { versions, source } = await registryImageVersions(
        client,
        inspected,
        options.docker,
        options.frameworks,
      );
      ui.info(`Framework versions from ${source}`);
      return { image, versions };
    } catch (error) {
      if (options.required || !(error instanceof ReportedError)) throw error;
      ui.warning(error.message);
      return { image, versions: {} };
    }
  });
}

const MATCH_TEXT: Record<FrameworkRow['match'], string> = {
  same: 'same',
  compatible: 'same minor version',
  mismatch: 'MISMATCH',
  missing: 'MISSING in serving',
  absent: 'not in training',
};

/**
 * Compares training and serving versions, prints the table (log and job summary), and fails
 * with the mismatches listed when the serving image could not load the model.
 */
export function checkFrameworkMatch(
  ui: Ui,
  training: { image: string; versions: Record<string, string> },
  serving: { image: string; versions: Record<string, string> },
  packages: readonly string[],
): void {
  const { rows, failed } = compareFrameworks(training.versions, serving.versions, packages);
  const color = (row: FrameworkRow): string =>
    row.match === 'mismatch' || row.match === 'missing'
      ? ui.colors.fail(MATCH_TEXT[row.match])
      : row.match === 'absent'
        ? ui.colors.dim(MATCH_TEXT[row.match])
        : ui.colors.ok(MATCH_TEXT[row.match]);
  ui.table(
    'Framework versions, training vs serving',
    ['Package', `Training (${training.image})`, `Serving (${serving.image})`, 'Match'],
    rows.map((row) => [row.name, row.training ?? '–', row.serving ?? '–', color(row)]),
  );
  if (!failed) return;
  const bad = rows.filter((row) => row.match === 'mismatch' || row.match === 'missing');
  throw new UserError(
    `The serving image cannot be trusted to load the model: ${bad.length} framework version${bad.length === 1 ? '' : 's'} differ from the training image`,
    {
      details: bad.map(
        (row) =>
          `${row.name}: training ${row.training ?? '–'}, serving ${row.serving ?? 'not installed'}`,
      ),
      fix: 'Install the training versions in the serving image (pin them in its requirements, or build both from one base), or narrow frameworks to the packages the model uses.',
    },
  );
}
