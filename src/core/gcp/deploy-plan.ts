import { UserError } from '../errors.js';

/**
 * The decisions of a safe deploy, kept free of API calls so they can be tested exhaustively:
 * traffic splits for a canary and a promotion, which old deployments to retire, which
 * prebuilt serving image matches a model, and whether a serving image can load the model.
 */

export type TrafficSplit = Readonly<Record<string, number>>;

/** Vertex's id for "the model being deployed now" in a deployModel traffic split. */
export const NEW_DEPLOYMENT = '0';

/**
 * The split for deploying a new model at `percent`: the others keep their proportions of the
 * rest, rounded by largest remainder so the total is exactly 100.
 */
export function canarySplit(current: TrafficSplit, percent: number): Record<string, number> {
  const live = Object.entries(current).filter(([, share]) => share > 0);
  const total = live.reduce((sum, [, share]) => sum + share, 0);
  if (percent >= 100 || total === 0) return { [NEW_DEPLOYMENT]: 100 };
  const rest = 100 - percent;
  const exact = live.map(([id, share]) => ({ id, value: (share / total) * rest }));
  const result: Record<string, number> = { [NEW_DEPLOYMENT]: percent };
  for (const { id, value } of exact) result[id] = Math.floor(value);
  let missing = rest - exact.reduce((sum, { id }) => sum + (result[id] ?? 0), 0);
  for (const { id } of [...exact].sort(
    (a, b) => (b.value % 1) - (a.value % 1) || a.id.localeCompare(b.id),
  )) {
    if (missing <= 0) break;
    result[id] = (result[id] ?? 0) + 1;
    missing--;
  }
  return result;
}

/** Everything to the promoted deployment. */
export function promotedSplit(deployedModelId: string): Record<string, number> {
  return { [deployedModelId]: 100 };
}

/**
 * The split after removing one deployment: its share spread over the others in proportion.
 * Empty when no other deployment has traffic (move traffic first, then undeploy).
 */
export function splitWithout(current: TrafficSplit, removed: string): Record<string, number> {
  const rest = Object.fromEntries(
    Object.entries(current).filter(([id, share]) => id !== removed && share > 0),
  );
  if (Object.keys(rest).length === 0) return {};
  const scaled = canarySplit(rest, 0);
  delete scaled[NEW_DEPLOYMENT];
  return scaled;
}

export interface Deployment {
  readonly id: string;
  readonly createTime: string | undefined;
}

/**
 * Deployments to undeploy after a promotion: all but the `keep` newest (the promoted one always
 * counts among them), and never one that still receives traffic.
 */
export function deploymentsToRetire(
  deployments: readonly Deployment[],
  split: TrafficSplit,
  promotedId: string,
  keep: number,
): string[] {
  const others = deployments
    .filter((deployment) => deployment.id !== promotedId)
    .sort((a, b) => (b.createTime ?? '').localeCompare(a.createTime ?? ''));
  return others
    .slice(Math.max(keep - 1, 0))
    .filter((deployment) => (split[deployment.id] ?? 0) === 0)
    .map((deployment) => deployment.id);
}

/** `1.3.2` → `1.3`; undefined when the text holds no version. */
export function minorVersion(version: string): string | undefined {
  const match = /(\d+)[.-](\d+)/.exec(version);
  return match ? `${match[1]}.${match[2]}` : undefined;
}

const PREBUILT_SKLEARN = /\/vertex-ai\/prediction\/sklearn-(?:cpu|gpu)\.(\d+)-(\d+)(?::|@|$)/;

/** The scikit-learn version of a prebuilt Vertex serving image, from its name. */
export function prebuiltSklearnVersion(imageUri: string): string | undefined {
  const match = PREBUILT_SKLEARN.exec(imageUri);
  return match ? `${match[1]}.${match[2]}` : undefined;
}

/** The Artifact Registry multi-region that hosts Vertex's prebuilt images nearest a region. */
export function prebuiltImageHost(region: string): string {
  if (region.startsWith('europe-')) return 'europe-docker.pkg.dev';
  if (/^(asia|australia|me)-/.test(region)) return 'asia-docker.pkg.dev';
  return 'us-docker.pkg.dev';
}

/** The prebuilt scikit-learn serving image for a model trained with `sklearnVersion`. */
export function prebuiltSklearnImage(region: string, sklearnVersion: string): string {
  const minor = minorVersion(sklearnVersion);
  if (!minor) {
    throw new UserError(`Cannot tell the scikit-learn version from "${sklearnVersion}"`, {
      fix: 'Record framework_version in the model artifact metadata, or give serving-image.',
    });
  }
  return `${prebuiltImageHost(region)}/vertex-ai/prediction/sklearn-cpu.${minor.replace('.', '-')}:latest`;
}

/**
 * Refuses a serving image whose scikit-learn differs (major.minor) from the one the model was
 * trained with: pickled estimators fail to load, or predict differently, across versions.
 */
export function checkFrameworkVersions(
  model: { framework: string | undefined; version: string | undefined },
  image: { uri: string; version: string | undefined; source: string },
): void {
  if (!model.version || !image.version) return;
  if (model.framework && !/sklearn|scikit/i.test(model.framework)) return;
  const trained = minorVersion(model.version);
  const served = minorVersion(image.version);
  if (trained && served && trained !== served) {
    throw new UserError(
      `The model was trained with scikit-learn ${model.version}, but the serving image ${image.uri} has scikit-learn ${image.version} (${image.source})`,
      {
        fix: `Serve it with an image that has scikit-learn ${trained} (e.g. serving-image: prebuilt picks sklearn-cpu.${trained.replace('.', '-')}), or retrain with ${served}.`,
      },
    );
  }
}
