import type { DockerCli } from '../adapters/docker/docker-cli.js';
import {
  formatPlatform,
  inspectImage,
  type InspectedImage,
  type RegistryClient,
} from '../adapters/registry/registry-client.js';
import { UserError } from '../core/errors.js';
import {
  compareFrameworks,
  frameworkVersions,
  versionsFromLabels,
  type FrameworkRow,
} from '../core/images/framework-versions.js';
import { formatImage } from '../core/images/image-reference.js';
import type { Ui } from './command.js';

/** The checks every image goes through: linux/amd64 in the registry, and matching frameworks. */

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
export async function registryImageVersions(
  client: RegistryClient,
  image: Amd64Image,
  docker: () => Promise<DockerCli>,
  packages: readonly string[],
): Promise<{ versions: Record<string, string>; source: string }> {
  const labelled = versionsFromLabels(image.amd64.labels);
  if (labelled) return { versions: labelled, source: 'labels' };
  const byDigest = formatImage({ ...client.image, reference: image.amd64.digest });
  const cli = await docker();
  const login = await client.credentials.basic(client.image.registry);
  if (login) await cli.login(client.image.registry, login);
  await cli.pull(byDigest);
  return {
    versions: frameworkVersions(await cli.pythonEnvironment(byDigest), packages),
    source: 'python in the image',
  };
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
