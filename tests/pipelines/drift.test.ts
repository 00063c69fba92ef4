/**
 * Drift monitoring (pipelines/components/drift.py, detect_drift.py and
 * pipelines/drift-monitoring-pipeline.yaml):
 *
 * - the statistics against values computed here from their definitions (PSI of known shares,
 *   KS as the largest ECDF difference with the exact p-value of fully separated samples,
 *   the chi-square test of homogeneity of the two samples' counts with the closed-form
 *   p-value of two degrees of freedom and Cramér's V with both samples weighted equally, PSI
 *   minus its chance level (k - 1)(1/n_r + 1/n_c)), all cases in one Python process (the
 *   false-alarm rates are measured in pipelines/tests/test_drift_false_alarms.py);
 * - the component, its command line built from detect_drift.component.yaml, against a real
 *   training run's record: no drift on the training data itself, the right features flagged on
 *   shifted copies, unseen categories and missing values, and one-line errors that write nothing;
 * - the pipeline through the bundled CLI, and `mlops gate` on its run record.
 *
 * Needs a Python with scikit-learn, pandas, numpy and scipy: /usr/bin/python3 unless
 * MLOPS_PYTHON is set. Without one the tests are skipped with a warning (a failure in CI).
 */
import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mlops } from '../helpers/cli.js';
import { PIPELINES, runPython } from '../helpers/packaged-model.js';
import { tempDir } from '../helpers/paths.js';
import { PYTHON, pythonWithSklearn } from '../helpers/services.js';
import { trainOnChurnSample, type TrainingRun } from '../helpers/training-run.js';

const PIPELINE = 'pipelines/drift-monitoring-pipeline.yaml';

// Documented constants of drift.py (its module docstring), not results.
const EPSILON = 1e-4; // floor of a bin share in the PSI

// ------------------------------------------------------------------ numbers by hand

/** Deterministic uniform numbers in [0, 1) (mulberry32). */
function uniform(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normals(count: number, mean: number, seed: number): number[] {
  const next = uniform(seed);
  return Array.from({ length: count }, () => {
    const radius = Math.sqrt(-2 * Math.log(1 - next()));
    return mean + radius * Math.cos(2 * Math.PI * next());
  });
}

const repeat = <T>(value: T, count: number): T[] => Array.from({ length: count }, () => value);
const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from }, (_, i) => from + i);
const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);

/** PSI = sum of (c - r) ln(c / r) over the bins, shares floored at EPSILON. */
function psiTerms(reference: number[], current: number[]): number[] {
  return reference.map((r, i) => {
    const ref = Math.max(r, EPSILON);
    const cur = Math.max(current[i] ?? 0, EPSILON);
    return (cur - ref) * Math.log(cur / ref);
  });
}
/** Pearson's X^2 of the 2 x k table of reference and current counts (test of homogeneity). */
function homogeneityChiSquare(reference: number[], current: number[]): number {
  const nr = sum(reference);
  const nc = sum(current);
  return sum(
    reference.map((r, i) => {
      const c = current[i] ?? 0;
      const expectedReference = ((r + c) * nr) / (nr + nc);
      const expectedCurrent = ((r + c) * nc) / (nr + nc);
      return (
        (r - expectedReference) ** 2 / expectedReference +
        (c - expectedCurrent) ** 2 / expectedCurrent
      );
    }),
  );
}
/** Cramér's V (both samples weighted equally) = sqrt(sum / 2) of these terms (c - r)^2 / (c + r) over shares. */
function cramersVTerms(reference: number[], current: number[]): number[] {
  const r = shares(reference);
  const c = shares(current);
  return r.map((ri, i) => ((c[i] ?? 0) - ri) ** 2 / (ri + (c[i] ?? 0)));
}
/** The PSI two samples of one distribution show by chance: (k - 1)(1/n_r + 1/n_c). */
const psiChance = (bins: number, nr: number, nc: number): number => (bins - 1) * (1 / nr + 1 / nc);

const shares = (counts: number[]): number[] => counts.map((count) => count / sum(counts));
const argmax = (values: number[]): number => values.indexOf(Math.max(...values));

/** Share of values <= x. */
function ecdf(sorted: number[], x: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((sorted[middle] ?? Infinity) <= x) low = middle + 1;
    else high = middle;
  }
  return low / sorted.length;
}

/** The KS statistic: the largest distance between the two empirical CDFs. */
function ksStatistic(a: number[], b: number[]): number {
  const sa = [...a].sort((x, y) => x - y);
  const sb = [...b].sort((x, y) => x - y);
  return Math.max(...[...sa, ...sb].map((x) => Math.abs(ecdf(sa, x) - ecdf(sb, x))));
}

/** Kolmogorov's limiting distribution: P(sqrt(nm/(n+m)) D > lambda). */
function kolmogorovSurvival(lambda: number): number {
  let total = 0;
  for (let k = 1; k <= 100; k++) total += 2 * (-1) ** (k - 1) * Math.exp(-2 * k * k * lambda ** 2);
  return total;
}

function binomial(n: number, k: number): number {
  let value = 1;
  for (let i = 1; i <= k; i++) value = (value * (n - k + i)) / i;
  return value;
}

/** Right-closed reference-quantile bins: the value at level q is sorted[ceil(q n) - 1]. */
function decileCounts(reference: number[], values: number[], bins: number): number[] {
  const sorted = [...reference].sort((x, y) => x - y);
  const n = sorted.length;
  const edges = [
    ...new Set(range(1, bins).map((level) => sorted[Math.ceil((level * n) / bins) - 1] ?? NaN)),
  ];
  const counts = repeat(0, edges.length + 1);
  for (const value of values) {
    const bin = edges.filter((edge) => edge < value).length;
    counts[bin] = (counts[bin] ?? 0) + 1;
  }
  return counts;
}

// ------------------------------------------------------------------ Python side

type Cell = string | number | null;
type Kind = 'numeric' | 'categorical';

interface FeatureRow {
  feature: string;
  kind: Kind;
  method: 'psi' | 'ks' | 'chi2';
  statistic: number | null;
  threshold: number;
  p_value: number | null;
  alpha: number | null;
  drifted: boolean;
  reason: string;
  psi: number;
  reference_missing_share: number;
  current_missing_share: number;
  unseen_share: number | null;
  bins: number;
  top_bin: string;
  top_bin_reference_share: number | null;
  top_bin_current_share: number | null;
  psi_chance: number;
}

interface StatsCase {
  kinds: Record<string, Kind>;
  reference: Record<string, Cell[]>;
  current: Record<string, Cell[]>;
  settings?: Record<string, string | number>;
}

/** compare_frames on each case and check_settings on each settings case; a ComponentError becomes {error}. */
const STATS_SCRIPT = `
import json, sys
import pandas as pd
from components.common import ComponentError, apply_kinds, jsonable
from components.drift import DriftSettings, check_settings, compare_frames
given = json.load(open(sys.argv[1]))
results = {"cases": {}, "settings": {}}
for name, case in given["cases"].items():
    kinds = case["kinds"]
    frames = [apply_kinds(pd.DataFrame(case[side]), kinds) for side in ("reference", "current")]
    try:
        results["cases"][name] = {"rows": compare_frames(*frames, kinds, DriftSettings(**case.get("settings", {})))}
    except ComponentError as error:
        results["cases"][name] = {"error": str(error)}
for name, settings in given["settings"].items():
    try:
        results["settings"][name] = {"ok": check_settings(DriftSettings(**settings)).__dict__}
    except ComponentError as error:
        results["settings"][name] = {"error": str(error)}
print(json.dumps(jsonable(results)))
`;

const categories = (counts: Record<string, number>): string[] =>
  Object.entries(counts).flatMap(([name, count]) => repeat(name, count));

const DECILE_REFERENCE = range(0, 1000);
// 950 values spread over the ten reference deciles, plus 50 missing.
const DECILE_COUNTS = [40, 60, 80, 100, 120, 140, 100, 100, 80, 130];
const DECILE_CURRENT = DECILE_COUNTS.flatMap((count, decile) =>
  range(0, count).map((i) => 100 * decile + ((i * 7) % 100)),
);
const OVERLAP = { reference: normals(300, 0, 11), current: normals(250, 0.3, 12) };
const LARGE = { reference: normals(5000, 0, 21), current: normals(5000, 0.15, 22) };
const SAME_NUMBERS = normals(200, 0, 31);
const SAME_CATEGORIES = categories({ a: 90, b: 70, c: 40 });

const STATS_CASES: Record<string, StatsCase> = {
  categoricalPsi: {
    kinds: { color: 'categorical' },
    reference: { color: categories({ red: 50, green: 30, blue: 20 }) },
    current: { color: categories({ red: 30, green: 30, blue: 40 }) },
  },
  numericPsi: {
    kinds: { x: 'numeric' },
    reference: { x: DECILE_REFERENCE },
    current: { x: [...DECILE_CURRENT, ...repeat(null, 50)] },
  },
  binaryNumeric: {
    kinds: { flag: 'numeric' },
    reference: { flag: [...repeat(0, 70), ...repeat(1, 30)] },
    current: { flag: [...repeat(0, 50), ...repeat(1, 50)] },
  },
  unseenAndMissing: {
    kinds: { plan: 'categorical' },
    reference: { plan: categories({ basic: 60, premium: 40 }) },
    current: {
      plan: [...categories({ basic: 40, premium: 30, gold: 14, trial: 4 }), ...repeat(null, 12)],
    },
  },
  ksSeparated: {
    kinds: { x: 'numeric' },
    reference: { x: range(0, 12) },
    current: { x: range(100, 112) },
    settings: { numeric_method: 'ks', min_rows: 10 },
  },
  ksOverlap: {
    kinds: { x: 'numeric' },
    reference: { x: OVERLAP.reference },
    current: { x: OVERLAP.current },
    settings: { numeric_method: 'ks' },
  },
  ksLargeTinyShift: {
    kinds: { x: 'numeric' },
    reference: { x: LARGE.reference },
    current: { x: LARGE.current },
    settings: { numeric_method: 'ks' },
  },
  ksSmallNotSignificant: {
    kinds: { x: 'numeric' },
    reference: { x: range(0, 12) },
    current: { x: range(4, 16) },
    settings: { numeric_method: 'ks', min_rows: 10 },
  },
  ksAllMissing: {
    kinds: { x: 'numeric' },
    reference: { x: range(0, 100) },
    current: { x: repeat(null, 100) },
    settings: { numeric_method: 'ks' },
  },
  chiSquare: {
    kinds: { color: 'categorical' },
    reference: { color: categories({ red: 50, green: 30, blue: 20 }) },
    current: { color: categories({ red: 30, green: 30, blue: 40 }) },
    settings: { categorical_method: 'chi-square' },
  },
  identicalPsi: {
    kinds: { x: 'numeric', c: 'categorical' },
    reference: { x: SAME_NUMBERS, c: SAME_CATEGORIES },
    current: { x: SAME_NUMBERS, c: SAME_CATEGORIES },
  },
  identicalTests: {
    kinds: { x: 'numeric', y: 'numeric', c: 'categorical', d: 'categorical' },
    reference: { x: SAME_NUMBERS, y: SAME_NUMBERS, c: SAME_CATEGORIES, d: SAME_CATEGORIES },
    current: { x: SAME_NUMBERS, y: SAME_NUMBERS, c: SAME_CATEGORIES, d: SAME_CATEGORIES },
    settings: { numeric_method: 'ks', categorical_method: 'chi2' },
  },
  tooSmall: {
    kinds: { x: 'numeric' },
    reference: { x: range(0, 500) },
    current: { x: range(0, 99) },
  },
};

/** Settings check_settings must refuse (the component calls it before reading any data). */
const BAD_SETTINGS: Record<string, { settings: Record<string, string | number>; error: RegExp }> = {
  'a categorical method for numbers': {
    settings: { categorical_method: 'ks' },
    error: /^categorical_method 'ks' is not one of psi, chi2$/,
  },
  'a KS threshold of 1': {
    settings: { ks_threshold: 1 },
    error: /^ks_threshold must be a number > 0 and < 1, got 1$/,
  },
  "a Cramér's V threshold of 0": {
    settings: { cramers_v_threshold: 0 },
    error: /^cramers_v_threshold must be a number > 0/,
  },
  'a p-value threshold above 1': {
    settings: { p_value_threshold: 1.5 },
    error: /^p_value_threshold must be a number > 0 and < 1, got 1\.5$/,
  },
  'a missing-share threshold of 0': {
    settings: { missing_share_threshold: 0 },
    error: /^missing_share_threshold must be a number > 0 and <= 1, got 0$/,
  },
  'one bin': { settings: { bins: 1 }, error: /^bins must be an integer from 2 to 100, got 1$/ },
  '101 bins': { settings: { bins: 101 }, error: /^bins must be an integer from 2 to 100/ },
  'min_rows below 10': { settings: { min_rows: 5 }, error: /^min_rows must be an integer >= 10/ },
};

// ------------------------------------------------------------------ component runs

interface IoSpec {
  name: string;
  type: string;
  default?: string | number;
}
type Placeholder =
  string | { inputValue: string } | { outputPath: string } | { executorInput: null };
interface ComponentSpec {
  name: string;
  inputs: IoSpec[];
  outputs: IoSpec[];
  implementation: { container: { command: string[]; args: Placeholder[] } };
}

interface ComponentRun {
  code: number;
  stdout: string;
  stderr: string;
  outputDir: string;
  outputs: Record<string, string>;
}

const PARAMETER_TYPES = new Set(['String', 'Integer', 'Float', 'Boolean']);

/** Runs detect_drift with the command line its component.yaml gives, and a KFP executor input. */
async function detectDrift(
  outputDir: string,
  values: Record<string, string | number>,
): Promise<ComponentRun> {
  const spec = parseYaml(
    await readFile(join(PIPELINES, 'components/detect_drift.component.yaml'), 'utf8'),
  ) as ComponentSpec;
  const inputs = Object.fromEntries(spec.inputs.map((input) => [input.name, input.default]));
  const outputs = Object.fromEntries(spec.outputs.map((o) => [o.name, join(outputDir, o.name)]));
  const executorInput = {
    inputs: { parameterValues: { ...inputs, ...values } },
    outputs: {
      parameters: Object.fromEntries(
        spec.outputs
          .filter((o) => PARAMETER_TYPES.has(o.type))
          .map((o) => [o.name, { outputFile: outputs[o.name] }]),
      ),
      artifacts: Object.fromEntries(
        spec.outputs
          .filter((o) => !PARAMETER_TYPES.has(o.type))
          .map((o) => [
            o.name,
            { artifacts: [{ name: o.name, uri: `gs://bucket/run/${o.name}` }] },
          ]),
      ),
      outputFile: join(outputDir, 'executor_output.json'),
    },
  };
  const argv = spec.implementation.container.args.map((arg): string => {
    if (typeof arg === 'string') return arg;
    if ('inputValue' in arg) {
      const value = values[arg.inputValue] ?? inputs[arg.inputValue];
      if (value === undefined) throw new Error(`no value for input ${arg.inputValue}`);
      return String(value);
    }
    if ('outputPath' in arg) return outputs[arg.outputPath] ?? '';
    return JSON.stringify(executorInput);
  });
  const result = await runPython([...spec.implementation.container.command.slice(1), ...argv]);
  return { ...result, outputDir, outputs };
}

/** A small RFC 4180 reader (quoted cells may hold commas and doubled quotes). */
function parseCsv(text: string): Record<string, string>[] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted && char === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (!quoted && char === ',') {
      record.push(cell);
      cell = '';
    } else if (!quoted && char === '\n') {
      records.push([...record, cell]);
      record = [];
      cell = '';
    } else if (quoted || char !== '\r') {
      cell += char;
    }
  }
  if (cell !== '' || record.length > 0) records.push([...record, cell]);
  const [header = [], ...rows] = records;
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i] ?? ''])));
}

/** A CSV without quoted cells (the churn sample and preprocess's output) as header + rows. */
async function readPlainCsv(path: string): Promise<{ header: string[]; rows: string[][] }> {
  const text = await readFile(path, 'utf8');
  if (text.includes('"')) throw new Error(`${path} has quoted cells; this reader cannot edit it`);
  const [header = [], ...rows] = text
    .split(/\r?\n/)
    .filter((line) => line !== '')
    .map((line) => line.split(','));
  return { header, rows };
}

/** Writes a copy of a plain CSV with some columns changed (cell, row index) -> new cell. */
async function writeEdited(
  source: { header: string[]; rows: string[][] },
  path: string,
  edits: Record<string, (cell: string, index: number) => string>,
  rowCount = source.rows.length,
): Promise<string> {
  const columns = Object.keys(edits).map((name) => {
    const index = source.header.indexOf(name);
    if (index < 0) throw new Error(`no column ${name} in ${source.header.join(',')}`);
    return index;
  });
  const rows = source.rows.slice(0, rowCount).map((row, r) =>
    row.map((cell, c) => {
      const edit = Object.values(edits)[columns.indexOf(c)];
      return edit ? edit(cell, r) : cell;
    }),
  );
  await writeFile(path, [source.header, ...rows].map((row) => row.join(',')).join('\n') + '\n');
  return path;
}

const byFeature = (rows: Record<string, string>[]): Record<string, Record<string, string>> =>
  Object.fromEntries(rows.map((row) => [row.feature ?? '', row]));

const drifted = (rows: Record<string, string>[]): string[] =>
  rows.filter((row) => row.drifted === 'true').map((row) => row.feature ?? '');

// ------------------------------------------------------------------ tests

describe.skipIf(!pythonWithSklearn())('drift monitoring', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await tempDir('drift');
  });

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  describe('statistics (components/drift.py)', () => {
    let results: Record<string, { rows?: FeatureRow[]; error?: string }>;
    let settingsResults: Record<string, { ok?: Record<string, unknown>; error?: string }>;
    const row = (name: string, feature?: string): FeatureRow => {
      const result = results[name];
      if (!result?.rows) throw new Error(`case ${name} failed: ${result?.error ?? 'no result'}`);
      const found = feature ? result.rows.find((r) => r.feature === feature) : result.rows[0];
      if (!found) throw new Error(`case ${name} has no row for ${feature ?? 'its feature'}`);
      return found;
    };

    beforeAll(async () => {
      const input = join(dir, 'stats-cases.json');
      const settings = Object.fromEntries(
        Object.entries(BAD_SETTINGS).map(([name, { settings }]) => [name, settings]),
      );
      await writeFile(input, JSON.stringify({ cases: STATS_CASES, settings }));
      const result = await runPython(['-c', STATS_SCRIPT, input]);
      if (result.code !== 0) throw new Error(`statistics script failed:\n${result.stderr}`);
      ({ cases: results, settings: settingsResults } = JSON.parse(result.stdout) as {
        cases: typeof results;
        settings: typeof settingsResults;
      });
    });

    it('categorical PSI is the sum of (c - r) ln(c / r) over the categories', () => {
      // Categories in sorted order: blue, green, red.
      const reference = [0.2, 0.3, 0.5];
      const current = [0.4, 0.3, 0.3];
      const terms = psiTerms(reference, current);
      const result = row('categoricalPsi');
      expect(result.psi).toBeCloseTo(sum(terms), 12);
      // The statistic thresholded is the PSI minus what chance alone gives (3 bins, 100 rows a side).
      expect(result.psi_chance).toBeCloseTo(psiChance(3, 100, 100), 12);
      expect(result.statistic).toBeCloseTo(sum(terms) - psiChance(3, 100, 100), 12);
      expect(result.bins).toBe(3);
      expect(result.top_bin).toBe(['blue', 'green', 'red'][argmax(terms)]);
      // ... and the same bins are tested: chi-square of homogeneity, 2 degrees of freedom.
      const chi2 = homogeneityChiSquare([50, 30, 20], [30, 30, 40]);
      expect(result.p_value).toBeCloseTo(Math.exp(-chi2 / 2), 12);
      expect(result.alpha).toBeCloseTo(0.05 / 2, 15); // two tests of one feature
      expect(result.drifted).toBe(result.statistic! > 0.2 && result.p_value! < result.alpha!);
    });

    it('numeric PSI bins by reference deciles (closed on the right) with missing values in a bin of their own', () => {
      const reference = [...shares(decileCounts(DECILE_REFERENCE, DECILE_REFERENCE, 10)), 0];
      const current = shares([...decileCounts(DECILE_REFERENCE, DECILE_CURRENT, 10), 50]);
      const terms = psiTerms(reference, current);
      const result = row('numericPsi');
      expect(result.bins).toBe(11);
      expect(result.psi).toBeCloseTo(sum(terms), 12);
      expect(result.current_missing_share).toBeCloseTo(0.05, 12);
      // The missing bin (absent from the reference) moved most.
      expect(argmax(terms)).toBe(10);
      expect(result.top_bin).toBe('(missing)');
      expect(result.top_bin_current_share).toBeCloseTo(0.05, 12);
    });

    it('merges equal quantile edges: a 0/1 feature gets two bins', () => {
      const result = row('binaryNumeric');
      expect(result.bins).toBe(2);
      expect(result.psi).toBeCloseTo(sum(psiTerms([0.7, 0.3], [0.5, 0.5])), 12);
    });

    it('puts categories the reference never had in one bin and missing values in another', () => {
      // Bins: basic, premium, (unseen), (missing).
      const terms = psiTerms([0.6, 0.4, 0, 0], [0.4, 0.3, 0.18, 0.12]);
      const result = row('unseenAndMissing');
      expect(result.bins).toBe(4);
      expect(result.psi).toBeCloseTo(sum(terms), 12);
      expect(result.unseen_share).toBeCloseTo(0.18, 12);
      expect(result.current_missing_share).toBeCloseTo(0.12, 12);
      expect(argmax(terms)).toBe(2);
      // The explanation names the unseen categories, commonest first.
      expect(result.top_bin).toBe('(unseen): gold, trial');
      expect(result.drifted).toBe(true);
      expect(result.reason).toMatch(
        /^PSI .* by chance = .* > 0\.2 \(p .* < .*\); missing share 0\.0% -> 12\.0%/,
      );
    });

    it('KS: D = 1 with the exact p-value 2 / C(n + m, n) for fully separated samples', () => {
      const result = row('ksSeparated');
      expect(result.statistic).toBe(ksStatistic(range(0, 12), range(100, 112)));
      expect(result.statistic).toBe(1);
      expect(result.p_value! / (2 / binomial(24, 12))).toBeCloseTo(1, 9);
      expect(result.drifted).toBe(true);
    });

    it('KS: D is the largest ECDF distance, found where the explanation says; p near the Kolmogorov limit', () => {
      const result = row('ksOverlap');
      const d = ksStatistic(OVERLAP.reference, OVERLAP.current);
      expect(result.statistic).toBeCloseTo(d, 12);
      expect(Math.abs(result.top_bin_reference_share! - result.top_bin_current_share!)).toBeCloseTo(
        d,
        12,
      );
      const x = Number(result.top_bin.replace('<= ', ''));
      const sortedReference = [...OVERLAP.reference].sort((a, b) => a - b);
      expect(result.top_bin_reference_share).toBeCloseTo(ecdf(sortedReference, x), 3);
      const n = OVERLAP.reference.length;
      const m = OVERLAP.current.length;
      const limit = kolmogorovSurvival(d * Math.sqrt((n * m) / (n + m)));
      expect(Math.abs(result.p_value! - limit) / limit).toBeLessThan(0.15);
      // One feature, two tests (KS and the missing share): Bonferroni level 0.05 / 2.
      expect(result.alpha).toBeCloseTo(0.05 / 2, 15);
      expect(result.drifted).toBe(d > 0.1 && result.p_value! < 0.05 / 2);
    });

    it('KS needs a material D, not only a tiny p-value: a large sample with a small shift passes', () => {
      const result = row('ksLargeTinyShift');
      const d = ksStatistic(LARGE.reference, LARGE.current);
      expect(result.statistic).toBeCloseTo(d, 12);
      expect(d).toBeLessThan(0.1);
      expect(result.p_value).toBeLessThan(1e-4); // significant ...
      expect(result.drifted).toBe(false); // ... but too small to matter
    });

    it('KS needs significance too: a large D on a dozen rows is noise', () => {
      const result = row('ksSmallNotSignificant');
      expect(result.statistic).toBeCloseTo(ksStatistic(range(0, 12), range(4, 16)), 12);
      expect(result.statistic).toBeGreaterThan(0.1);
      expect(result.p_value).toBeGreaterThan(0.05);
      expect(result.drifted).toBe(false);
      expect(result.reason).toMatch(/not significant/);
    });

    it('KS cannot see missing values; the missing-share rule flags a feature gone empty', () => {
      const result = row('ksAllMissing');
      expect(result.statistic).toBeNull();
      expect(result.current_missing_share).toBe(1);
      expect(result.drifted).toBe(true);
      expect(result.reason).toMatch(/missing share 0\.0% -> 100\.0%/);
    });

    it("chi-square: test of homogeneity of the two samples' counts, Cramér's V in [0, 1]", () => {
      const reference = [20, 30, 50]; // blue, green, red
      const current = [40, 30, 30];
      const chi2 = homogeneityChiSquare(reference, current);
      const result = row('chiSquare');
      expect(result.method).toBe('chi2');
      expect(result.statistic).toBeCloseTo(
        Math.sqrt(sum(cramersVTerms(reference, current)) / 2),
        12,
      );
      // Equal sample sizes: the textbook Cramér's V of the 2 x 3 table, sqrt(X^2 / N).
      expect(result.statistic).toBeCloseTo(Math.sqrt(chi2 / (sum(reference) + sum(current))), 12);
      // Two degrees of freedom: the chi-square survival function is exp(-x / 2).
      expect(result.p_value).toBeCloseTo(Math.exp(-chi2 / 2), 12);
      expect(result.psi).toBeCloseTo(sum(psiTerms(shares(reference), shares(current))), 12);
    });

    it('finds no drift between identical samples, with every method', () => {
      for (const result of results.identicalPsi?.rows ?? []) {
        expect(result.psi).toBe(0);
        expect(result.drifted).toBe(false);
      }
      const tested = results.identicalTests?.rows ?? [];
      expect(tested.map((r) => r.method)).toEqual(['ks', 'ks', 'chi2', 'chi2']);
      for (const result of tested) {
        expect(result.psi).toBe(0);
        expect(result.drifted).toBe(false);
        // Bonferroni: the 5% level shared by two tests (method, missing share) of each of four features.
        expect(result.alpha).toBeCloseTo(0.05 / 8, 15);
      }
      expect(tested[0]).toMatchObject({ statistic: 0, p_value: 1 });
    });

    it.each(Object.entries(BAD_SETTINGS))('refuses %s', (name, { error }) => {
      expect(settingsResults[name]?.error).toMatch(error);
    });

    it('refuses a current sample below min_rows', () => {
      expect(results.tooSmall?.error).toMatch(
        /^current data has 99 row\(s\); drift statistics need at least 100 \(min_rows\)/,
      );
    });
  });

  describe('the component and the pipeline, on a real training run', () => {
    let training: TrainingRun;
    let trainCsv: { header: string[]; rows: string[][] };
    let trainPath: string;

    beforeAll(async () => {
      training = await trainOnChurnSample(dir);
      const record = JSON.parse(await readFile(training.runRecord, 'utf8')) as {
        tasks: Record<string, { artifacts: Record<string, { uri: string }[]> }>;
      };
      trainPath = record.tasks.preprocess?.artifacts.train_data?.[0]?.uri ?? '';
      trainCsv = await readPlainCsv(trainPath);
    });

    async function run(
      name: string,
      values: Record<string, string | number>,
    ): Promise<ComponentRun & { table: Record<string, string>[] }> {
      const result = await detectDrift(join(dir, name), {
        model_source: training.runRecord,
        ...values,
      });
      if (result.code !== 0) throw new Error(`detect_drift (${name}) failed:\n${result.stderr}`);
      const table = parseCsv(await readFile(result.outputs.feature_drift!, 'utf8'));
      return { ...result, table };
    }

    it('finds no drift in the training data itself, and reports it through every output', async () => {
      const result = await run('same', { current_data_uri: trainPath });
      const schema = trainCsv.header.slice(0, -1); // the label is last
      expect(result.table.map((r) => r.feature)).toEqual(schema);
      expect(drifted(result.table)).toEqual([]);
      for (const feature of result.table) expect(Number(feature.psi)).toBe(0);

      const metrics = JSON.parse(await readFile(result.outputs.metrics!, 'utf8')) as Record<
        string,
        number
      >;
      expect(metrics).toMatchObject({
        drift_detected: 0,
        drifted_features: 0,
        features_checked: schema.length,
        reference_rows: trainCsv.rows.length,
        current_rows: trainCsv.rows.length,
        max_psi: 0,
      });
      for (const feature of schema) expect(metrics[`psi_${feature}`]).toBe(0);
      expect(await readFile(result.outputs.drift_detected!, 'utf8')).toBe('false');
      expect(await readFile(result.outputs.drifted_features!, 'utf8')).toBe('0');
      const report = await readFile(result.outputs.drift_report!, 'utf8');
      expect(report).toContain(`**No drift** in ${schema.length} features`);
      expect(report).toContain(`(${trainCsv.rows.length} rows)`);

      // KFP / Vertex read the parameters and the metrics from the executor output.
      const executorOutput = JSON.parse(
        await readFile(join(result.outputDir, 'executor_output.json'), 'utf8'),
      ) as {
        parameterValues: Record<string, unknown>;
        artifacts: Record<string, { artifacts: { uri: string; metadata: unknown }[] }>;
      };
      expect(executorOutput.parameterValues).toEqual({
        drift_detected: false,
        drifted_features: 0,
      });
      expect(executorOutput.artifacts.metrics?.artifacts[0]).toEqual({
        name: 'metrics',
        uri: 'gs://bucket/run/metrics',
        metadata: metrics,
      });
    });

    const toMonthToMonth = (cell: string, i: number): string =>
      i % 4 === 3 ? cell : 'Month-to-month';
    it.each([
      { numeric_method: 'psi', categorical_method: 'psi' },
      { numeric_method: 'ks', categorical_method: 'chi2' },
    ])(
      'flags exactly the shifted numeric and categorical features ($numeric_method / $categorical_method)',
      async (methods) => {
        const current = await writeEdited(
          trainCsv,
          join(dir, `shifted-${methods.numeric_method}.csv`),
          {
            tenure: (cell) => String(Number(cell) + 24),
            Contract: toMonthToMonth,
          },
        );
        const result = await run(`shifted-${methods.numeric_method}`, {
          current_data_uri: current,
          ...methods,
        });
        expect(drifted(result.table)).toEqual(['tenure', 'Contract']);
        const rows = byFeature(result.table);
        expect(rows.tenure?.method).toBe(methods.numeric_method);
        expect(rows.Contract?.method).toBe(methods.categorical_method);
        // The most shifted contract type, by the method's own measure.
        const contract = trainCsv.header.indexOf('Contract');
        const before = trainCsv.rows.map((r) => r[contract] ?? '');
        const after = before.map(toMonthToMonth);
        const names = [...new Set(before)].sort();
        const count = (values: string[]): number[] =>
          names.map((name) => values.filter((value) => value === name).length);
        const psiByType = psiTerms(shares(count(before)), shares(count(after)));
        const measure =
          methods.categorical_method === 'psi'
            ? psiByType
            : cramersVTerms(count(before), count(after));
        expect(rows.Contract?.top_bin).toBe(names[argmax(measure)]);
        expect(Number(rows.Contract?.psi)).toBeCloseTo(sum(psiByType), 12);
        for (const feature of ['gender', 'Partner', 'MonthlyCharges', 'TotalCharges'])
          expect(Number(rows[feature]?.psi)).toBe(0);

        const metrics = JSON.parse(await readFile(result.outputs.metrics!, 'utf8')) as Record<
          string,
          number
        >;
        expect(metrics.drift_detected).toBe(1);
        expect(metrics.drifted_features).toBe(2);
        expect(metrics.max_psi).toBe(Math.max(...result.table.map((r) => Number(r.psi))));
        const score = methods.numeric_method === 'ks' ? 'ks_tenure' : 'psi_tenure';
        // The per-feature metric is KS D for KS, the plain PSI for PSI (the statistic is PSI minus chance).
        expect(metrics[score]).toBe(
          Number(methods.numeric_method === 'ks' ? rows.tenure?.statistic : rows.tenure?.psi),
        );
        expect(await readFile(result.outputs.drift_detected!, 'utf8')).toBe('true');
        expect(await readFile(result.outputs.drifted_features!, 'utf8')).toBe('2');
        const report = await readFile(result.outputs.drift_report!, 'utf8');
        expect(report).toContain('**Drift detected** in 2 of 8 features: `tenure`, `Contract`.');
        expect(result.stdout).toMatch(/\[detect_drift\] drift in 2 of 8 features: tenure/);
      },
    );

    it('flags unseen categories and a rise in missing values, naming them', async () => {
      const current = await writeEdited(trainCsv, join(dir, 'unseen.csv'), {
        PaymentMethod: (cell, i) => (i % 4 === 0 ? 'Crypto' : cell),
        TotalCharges: (cell, i) => (i % 3 === 0 ? '' : cell),
      });
      const result = await run('unseen', {
        current_data_uri: current,
        numeric_method: 'ks',
        categorical_method: 'chi2',
      });
      expect(drifted(result.table)).toEqual(['PaymentMethod', 'TotalCharges']);
      const rows = byFeature(result.table);
      const n = trainCsv.rows.length;
      expect(Number(rows.PaymentMethod?.unseen_share)).toBeCloseTo(Math.ceil(n / 4) / n, 12);
      expect(rows.PaymentMethod?.top_bin).toBe('(unseen): Crypto');
      const column = trainCsv.header.indexOf('TotalCharges');
      const wasMissing = trainCsv.rows.filter((r) => r[column] === '').length;
      const nowMissing = trainCsv.rows.filter((r, i) => i % 3 === 0 || r[column] === '').length;
      expect(Number(rows.TotalCharges?.reference_missing_share)).toBeCloseTo(wasMissing / n, 12);
      expect(Number(rows.TotalCharges?.current_missing_share)).toBeCloseTo(nowMissing / n, 12);
      // KS compares the values that are there (unchanged): the missing share flags it.
      expect(rows.TotalCharges?.reason).toMatch(/^missing share .* \(change > 10%, p .* < .*\)$/);
    });

    it('refuses too little current data with one line, writing nothing', async () => {
      const current = await writeEdited(trainCsv, join(dir, 'small.csv'), {}, 50);
      const result = await detectDrift(join(dir, 'small'), {
        model_source: training.runRecord,
        current_data_uri: current,
      });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(
        /^detect_drift: error: current data has 50 row\(s\); drift statistics need at least 100 \(min_rows\)[^\n]*\n$/,
      );
      expect(existsSync(result.outputDir)).toBe(false);
    });

    // Process level: exit status, one line, nothing written. The range checks of every
    // setting are covered above (check_settings, which the component runs first).
    const badArguments: {
      what: string;
      values: Record<string, string | number>;
      code: number;
      error: RegExp;
    }[] = [
      {
        // Checked before the data is looked at: the data does not exist either.
        what: 'a numeric method for categories',
        values: { numeric_method: 'chi2', current_data_uri: '/nonexistent/recent.csv' },
        code: 1,
        error: /numeric_method 'chi2' is not one of psi, ks$/,
      },
      {
        what: 'a negative PSI threshold',
        values: { psi_threshold: -0.1 },
        code: 1,
        error: /psi_threshold must be a number > 0, got -0\.1$/,
      },
      {
        what: 'a threshold that is not a number',
        values: { psi_threshold: 'high' },
        code: 2,
        error: /argument --psi-threshold: expected a number, got 'high'/,
      },
      {
        what: 'a registry model without reference data',
        values: { model_source: 'projects/p/locations/europe-west4/models/123' },
        code: 1,
        error: /reference_data_uri is required for a Model Registry model/,
      },
      {
        what: 'current data that does not exist',
        values: { current_data_uri: '/nonexistent/recent.csv' },
        code: 1,
        error: /current data not found: \/nonexistent\/recent\.csv$/,
      },
      {
        what: 'an unsupported data scheme',
        values: { current_data_uri: 's3://bucket/recent.csv' },
        code: 1,
        error: /unsupported scheme s3:\/\//,
      },
      {
        what: 'no model source',
        values: { model_source: ' ' },
        code: 1,
        error: /no model source given/,
      },
    ];
    it.each(badArguments)(
      'rejects $what with one line, writing nothing',
      async ({ what, values, code, error }) => {
        const result = await detectDrift(join(dir, `bad-${what.replace(/\W+/g, '-')}`), {
          model_source: training.runRecord,
          current_data_uri: trainPath,
          ...values,
        });
        expect(result.code).toBe(code);
        const lines = result.stderr.split('\n').filter(Boolean);
        expect(lines).toHaveLength(1);
        expect(lines[0]).toMatch(/^detect_drift: error: /);
        expect(lines[0]).toMatch(error);
        expect(existsSync(result.outputDir)).toBe(false);
      },
    );

    it('refuses current data without a model feature, naming it', async () => {
      const withoutTenure = {
        header: trainCsv.header.filter((name) => name !== 'tenure'),
        rows: trainCsv.rows.map((r) => r.filter((_, i) => trainCsv.header[i] !== 'tenure')),
      };
      const current = await writeEdited(withoutTenure, join(dir, 'no-tenure.csv'), {});
      const result = await detectDrift(join(dir, 'no-tenure'), {
        model_source: training.runRecord,
        current_data_uri: current,
      });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(
        /^detect_drift: error: current data .* lacks column\(s\) 'tenure'/,
      );
      expect(existsSync(result.outputDir)).toBe(false);
    });

    it('runs as a pipeline whose run record a gate can check: pass without drift, fail with it', async () => {
      const churn = await readPlainCsv(join(PIPELINES, 'data/churn_sample.csv'));
      const shifted = await writeEdited(churn, join(dir, 'churn-shifted.csv'), {
        tenure: (cell) => String(Number(cell) + 24),
        MonthlyCharges: (cell) => (Number(cell) * 1.5).toFixed(2),
      });
      const outcomes: Record<
        string,
        {
          outputs: Record<string, unknown>;
          gate: number;
          gateLog: string;
          table: Record<string, string>[];
        }
      > = {};
      for (const [name, current] of [
        ['sample', undefined],
        ['shifted', shifted],
      ] as const) {
        const runRecord = join(dir, `drift-${name}.json`);
        const result = await mlops([
          'run',
          '--local',
          PIPELINE,
          '--python',
          PYTHON,
          '--pipeline-root',
          join(dir, 'drift-runs'),
          '--run-record',
          runRecord,
          '--param',
          `model_source=${training.runRecord}`,
          ...(current ? ['--param', `current_data_uri=${current}`] : []),
        ]);
        expect(result.code, result.stderr).toBe(0);
        const record = JSON.parse(await readFile(runRecord, 'utf8')) as {
          outputs: Record<string, unknown>;
          tasks: Record<string, { artifacts: Record<string, { uri: string }[]> }>;
        };
        const tablePath = record.tasks['detect-drift']?.artifacts.feature_drift?.[0]?.uri ?? '';
        const gate = await mlops(['gate', runRecord, '--rules', 'drift_detected == 0']);
        outcomes[name] = {
          outputs: record.outputs,
          gate: gate.code,
          gateLog: gate.stdout + gate.stderr,
          table: parseCsv(await readFile(tablePath, 'utf8')),
        };
      }
      // The churn sample itself (which holds the training rows) has not drifted.
      expect(outcomes.sample?.outputs).toEqual({ drift_detected: false, drifted_features: 0 });
      expect(drifted(outcomes.sample?.table ?? [])).toEqual([]);
      expect(outcomes.sample?.gate, outcomes.sample?.gateLog).toBe(0);
      expect(outcomes.sample?.gateLog).toMatch(/Gate passed: 1 of 1 rules/);

      expect(outcomes.shifted?.outputs).toEqual({ drift_detected: true, drifted_features: 2 });
      expect(drifted(outcomes.shifted?.table ?? [])).toEqual(['tenure', 'MonthlyCharges']);
      expect(outcomes.shifted?.gate).not.toBe(0);
      expect(outcomes.shifted?.gateLog).toMatch(/Gate failed: drift_detected == 0/);
    });
  });
});
