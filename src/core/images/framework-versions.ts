/**
 * Framework versions of training and serving images. A model pickled by one scikit-learn
 * version and loaded by another is the seed project's worst failure, so the two sides are
 * compared before anything is deployed.
 *
 * Rules: the ML frameworks that pickle estimators (scikit-learn, xgboost, lightgbm) must match
 * exactly; numpy, pandas, joblib and Python must match on major.minor (their pickle formats
 * change with minor releases, not patches). A package the training image has and the serving
 * image lacks is a mismatch: the model may need it to load.
 */

/** What `python -c …` reports from inside an image: its version and every installed package. */
export interface PythonEnvironment {
  readonly python: string;
  /** Normalised package name (PEP 503) → version. */
  readonly packages: Readonly<Record<string, string>>;
}

export const PYTHON = 'python';
const EXACT_PACKAGES = ['scikit-learn', 'xgboost', 'lightgbm'] as const;
const MINOR_PACKAGES = ['numpy', 'pandas', 'joblib'] as const;
/** Compared by default, in table order. */
export const FRAMEWORK_PACKAGES: readonly string[] = [...EXACT_PACKAGES, ...MINOR_PACKAGES, PYTHON];

const LABEL_PREFIX = 'mlops.framework.';

/** Labels that carry an image's scikit-learn version: ours first, then common conventions. */
export const SKLEARN_VERSION_LABELS = [
  `${LABEL_PREFIX}scikit-learn`,
  'mlops.framework-version',
  'org.scikit-learn.version',
  'sklearn.version',
  'scikit-learn.version',
];

/** PEP 503: `Scikit_Learn` and `scikit.learn` are `scikit-learn`. */
export function normalizePackageName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** The tracked framework versions of an environment (Python under `python`). */
export function frameworkVersions(
  environment: PythonEnvironment,
  packages: readonly string[] = FRAMEWORK_PACKAGES,
): Record<string, string> {
  const versions: Record<string, string> = {};
  for (const name of packages) {
    const version = name === PYTHON ? environment.python : environment.packages[name];
    if (version) versions[name] = version;
  }
  return versions;
}

/** Image labels recording framework versions: `mlops.framework.scikit-learn=1.2.1`. */
export function frameworkLabels(
  versions: Readonly<Record<string, string>>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(versions).map(([name, version]) => [`${LABEL_PREFIX}${name}`, version]),
  );
}

/** Framework versions from labels `build` wrote, or undefined when the image has none. */
export function versionsFromLabels(
  labels: Readonly<Record<string, string>>,
): Record<string, string> | undefined {
  const entries = Object.entries(labels)
    .filter(([key]) => key.startsWith(LABEL_PREFIX))
    .map(([key, value]): [string, string] => [key.slice(LABEL_PREFIX.length), value]);
  if (entries.length === 0) return undefined;
  const rank = (name: string): number => {
    const index = FRAMEWORK_PACKAGES.indexOf(name);
    return index < 0 ? FRAMEWORK_PACKAGES.length : index;
  };
  return Object.fromEntries(entries.sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b)));
}

export type VersionMatch = 'same' | 'compatible' | 'mismatch' | 'missing' | 'absent';

export interface FrameworkRow {
  readonly name: string;
  readonly training: string | undefined;
  readonly serving: string | undefined;
  readonly match: VersionMatch;
}

function majorMinor(version: string): string {
  return version.split(/[.+-]/).slice(0, 2).join('.');
}

function compareVersion(name: string, training: string, serving: string): VersionMatch {
  if (training === serving) return 'same';
  if ((EXACT_PACKAGES as readonly string[]).includes(name)) return 'mismatch';
  return majorMinor(training) === majorMinor(serving) ? 'compatible' : 'mismatch';
}

/** One row per compared package; `failed` when any would break loading the model. */
export function compareFrameworks(
  training: Readonly<Record<string, string>>,
  serving: Readonly<Record<string, string>>,
  packages: readonly string[] = FRAMEWORK_PACKAGES,
): { rows: FrameworkRow[]; failed: boolean } {
  const rows = packages.map((name): FrameworkRow => {
    const left = training[name];
    const right = serving[name];
    let match: VersionMatch;
    if (left === undefined) match = 'absent';
    else if (right === undefined) match = 'missing';
    else match = compareVersion(name, left, right);
    return { name, training: left, serving: right, match };
  });
  return { rows, failed: rows.some((row) => row.match === 'mismatch' || row.match === 'missing') };
}

export interface PackageDiffRow {
  readonly name: string;
  readonly left: string | undefined;
  readonly right: string | undefined;
  readonly same: boolean;
  readonly framework: boolean;
}

/** Every package of either environment, frameworks first, then by name. */
export function diffEnvironments(
  left: PythonEnvironment,
  right: PythonEnvironment,
): PackageDiffRow[] {
  const names = new Set([...Object.keys(left.packages), ...Object.keys(right.packages)]);
  const rows: PackageDiffRow[] = [
    {
      name: PYTHON,
      left: left.python,
      right: right.python,
      same: left.python === right.python,
      framework: true,
    },
  ];
  for (const name of names) {
    const a = left.packages[name];
    const b = right.packages[name];
    rows.push({
      name,
      left: a,
      right: b,
      same: a === b,
      framework: FRAMEWORK_PACKAGES.includes(name),
    });
  }
  const rank = (row: PackageDiffRow): number =>
    row.framework ? FRAMEWORK_PACKAGES.indexOf(row.name) : FRAMEWORK_PACKAGES.length;
  return rows.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}
