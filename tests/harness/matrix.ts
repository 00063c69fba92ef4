/**
 * `strategy.matrix` expanded as GitHub documents it: the product of the vectors, minus `exclude`
 * entries, then each `include` entry added to every combination whose original values it
 * matches, or as a combination of its own when it matches none. Instances run one at a time;
 * `fail-fast` (default true) cancels the rest once one fails.
 */

export interface MatrixInstance {
  readonly matrix: Readonly<Record<string, unknown>>;
  readonly strategy: {
    readonly 'fail-fast': boolean;
    readonly 'job-index': number;
    readonly 'job-total': number;
    readonly 'max-parallel': number;
  };
  /** What GitHub appends to the job's id and name: ` (a, b)`, or '' without a matrix. */
  readonly suffix: string;
}

type Combination = Record<string, unknown>;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function combinations(matrix: Combination): Combination[] {
  const { include, exclude, ...vectors } = matrix;
  const list = (value: unknown, what: string) => {
    if (value === undefined) return [];
    if (!Array.isArray(value)) throw new Error(`Matrix ${what} must be a sequence`);
    return value as unknown[];
  };
  let result: Combination[] = Object.keys(vectors).length > 0 ? [{}] : [];
  for (const [key, values] of Object.entries(vectors))
    result = result.flatMap((combination) =>
      list(values, `vector '${key}'`).map((value) => ({ ...combination, [key]: value })),
    );
  const excluded = list(exclude, 'exclude') as Combination[];
  result = result.filter(
    (combination) =>
      !excluded.some((entry) => Object.entries(entry).every(([k, v]) => same(combination[k], v))),
  );
  for (const entry of list(include, 'include') as Combination[]) {
    const matching = result.filter((combination) =>
      Object.entries(entry).every(([k, v]) => !(k in vectors) || same(combination[k], v)),
    );
    if (matching.length > 0) for (const combination of matching) Object.assign(combination, entry);
    else result.push({ ...entry });
  }
  return result;
}

/** The job's instances from its evaluated `strategy:` (undefined when it has none). */
export function matrixInstances(strategy: unknown): MatrixInstance[] {
  const settings = (strategy ?? {}) as Combination;
  const matrix = settings.matrix as Combination | undefined;
  const failFast = settings['fail-fast'] !== false;
  if (!matrix)
    return [
      {
        matrix: {},
        strategy: { 'fail-fast': failFast, 'job-index': 0, 'job-total': 1, 'max-parallel': 1 },
        suffix: '',
      },
    ];
  const all = combinations(matrix);
  if (all.length === 0) throw new Error('Matrix must define at least one vector');
  const maxParallel =
    typeof settings['max-parallel'] === 'number' ? settings['max-parallel'] : all.length;
  return all.map((combination, index) => ({
    matrix: combination,
    strategy: {
      'fail-fast': failFast,
      'job-index': index,
      'job-total': all.length,
      'max-parallel': maxParallel,
    },
    suffix: ` (${Object.values(combination)
      .map((value) => (typeof value === 'string' ? value : JSON.stringify(value)))
      .join(', ')})`,
  }));
}
