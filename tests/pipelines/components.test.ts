/**
 * The reference training pipeline's Python components (pipelines/components), run the way
 * a pipeline runs them: each command line is built from the component's component.yaml
 * (placeholders resolved to values, input paths and fresh output paths), and the outputs
 * of one step feed the next: load_data -> preprocess -> train x2 (in parallel) -> evaluate,
 * on both reference datasets, in a temporary directory.
 *
 * Needs a Python with scikit-learn, pandas, numpy and joblib (pipelines/requirements.txt):
 * /usr/bin/python3 unless MLOPS_PYTHON is set. Without one the Python tests are skipped
 * with a warning, except in CI (CI=true), where that is a failure.
 */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const PIPELINES = join(ROOT, 'pipelines');
const COMPONENTS = join(PIPELINES, 'components');
const PYTHON = process.env.MLOPS_PYTHON || '/usr/bin/python3';
const IN_CI = process.env.CI === 'true';
const PARAMETER_TYPES = new Set(['String', 'Integer', 'Float', 'Boolean']);

// ------------------------------------------------------------------ component.yaml

interface IoSpec {
  name: string;
  type: string;
  default?: string | number | boolean;
  optional?: boolean;
  description?: string;
}
type Placeholder =
  | string
  | number
  | { inputValue: string }
  | { inputPath: string }
  | { outputPath: string }
  | { executorInput: null };
interface ComponentSpec {
  name: string;
  description?: string;
  inputs?: IoSpec[];
  outputs?: IoSpec[];
  implementation: { container: { image: string; command: string[]; args: Placeholder[] } };
}

async function loadSpec(file: string): Promise<ComponentSpec> {
  return parseYaml(await readFile(join(COMPONENTS, file), 'utf8')) as ComponentSpec;
}

/** The input or output a placeholder refers to, or undefined for literals. */
function reference(arg: Placeholder): { kind: string; name: string } | undefined {
  if (typeof arg !== 'object') return undefined;
  if ('inputValue' in arg) return { kind: 'inputValue', name: arg.inputValue };
  if ('inputPath' in arg) return { kind: 'inputPath', name: arg.inputPath };
  if ('outputPath' in arg) return { kind: 'outputPath', name: arg.outputPath };
  return { kind: 'executorInput', name: '' };
}

// ------------------------------------------------------------------ running Python

interface ProcessResult {
  code: number;
  stdout: string;
  stderr: string;
  seconds: number;
}

function runPython(args: string[]): Promise<ProcessResult> {
  const started = performance.now();
  return new Promise((resolvePromise, reject) => {
    execFile(
      PYTHON,
      args,
      {
        cwd: PIPELINES,
        env: { ...process.env, PYTHONPATH: PIPELINES, PYTHONDONTWRITEBYTECODE: '1' },
        maxBuffer: 16 * 1024 * 1024,
        timeout: 300_000,
      },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') {
          reject(
            new Error(`${PYTHON} ${args.join(' ')} failed to run: ${error.message}\n${stderr}`),
          );
          return;
        }
        const code = error ? Number(error.code) : 0;
        resolvePromise({ code, stdout, stderr, seconds: (performance.now() - started) / 1000 });
      },
    );
  });
}

interface Invocation {
  values?: Record<string, string | number>;
  inputPaths?: Record<string, string>;
  /** Directory under which the output paths are allocated (they do not exist yet). */
  outputDir: string;
}

interface ComponentRun extends ProcessResult {
  outputs: Record<string, string>;
  executorInput: ExecutorInput | undefined;
}

interface RuntimeArtifact {
  name: string;
  uri: string;
  metadata: Record<string, unknown>;
}
interface ExecutorInput {
  inputs: { parameterValues: Record<string, string | number> };
  outputs: {
    artifacts: Record<string, { artifacts: RuntimeArtifact[] }>;
    parameters: Record<string, { outputFile: string }>;
    outputFile: string;
  };
}

/** Hand-built KFP ExecutorInput for one component invocation. */
function buildExecutorInput(
  spec: ComponentSpec,
  values: Record<string, string | number>,
  outputs: Record<string, string>,
  outputDir: string,
): ExecutorInput {
  const slug = spec.name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const artifacts: ExecutorInput['outputs']['artifacts'] = {};
  const parameters: ExecutorInput['outputs']['parameters'] = {};
  for (const output of spec.outputs ?? []) {
    const path = outputs[output.name] ?? '';
    if (PARAMETER_TYPES.has(output.type)) {
      parameters[output.name] = { outputFile: path };
    } else {
      artifacts[output.name] = {
        artifacts: [
          {
            name: `projects/test/locations/local/metadataStores/default/artifacts/${slug}-${output.name}`,
            uri: `gs://test-bucket/runs/run-1/${slug}/${output.name}`,
            metadata: {},
          },
        ],
      };
    }
  }
  return {
    inputs: { parameterValues: values },
    outputs: { artifacts, parameters, outputFile: join(outputDir, 'executor_output.json') },
  };
}

/** Runs a component the way a pipeline would: its command line comes from its component.yaml. */
async function runComponent(file: string, invocation: Invocation): Promise<ComponentRun> {
  const spec = await loadSpec(file);
  const { command, args } = spec.implementation.container;
  if (command[0] !== 'python3') throw new Error(`${file}: command must start with python3`);
  const values: Record<string, string | number> = {};
  for (const input of spec.inputs ?? []) {
    const value = invocation.values?.[input.name] ?? input.default;
    if (value !== undefined && PARAMETER_TYPES.has(input.type))
      values[input.name] = value as string | number;
  }
  const outputs: Record<string, string> = {};
  for (const output of spec.outputs ?? []) {
    outputs[output.name] = join(invocation.outputDir, 'outputs', output.name);
  }
  let executorInput: ExecutorInput | undefined;
  const argv = args.map((arg): string => {
    if (typeof arg !== 'object') return String(arg);
    if ('inputValue' in arg) {
      const value = values[arg.inputValue];
      if (value === undefined) throw new Error(`${file}: no value for input ${arg.inputValue}`);
      return String(value);
    }
    if ('inputPath' in arg) {
      const path = invocation.inputPaths?.[arg.inputPath];
      if (path === undefined) throw new Error(`${file}: no path for input ${arg.inputPath}`);
      return path;
    }
    if ('outputPath' in arg) return outputs[arg.outputPath] ?? '';
    executorInput = buildExecutorInput(spec, values, outputs, invocation.outputDir);
    return JSON.stringify(executorInput);
  });
  const result = await runPython([...command.slice(1), ...argv]);
  return { ...result, outputs, executorInput };
}

function succeeded(run: ComponentRun, what: string): ComponentRun {
  if (run.code !== 0) throw new Error(`${what} exited with ${run.code}:\n${run.stderr}`);
  return run;
}

async function readJson<T>(path: string): Promise<T> {
  return JSON.parse(await readFile(path, 'utf8')) as T;
}

/** Header and rows of a simple CSV (no quoted commas or newlines, as in the reference data). */
async function readCsv(path: string): Promise<{ header: string[]; rows: string[][] }> {
  const lines = (await readFile(path, 'utf8')).split(/\r?\n/).filter((line) => line !== '');
  const [header = '', ...rows] = lines;
  return { header: header.split(','), rows: rows.map((row) => row.split(',')) };
}

// ------------------------------------------------------------------ the pipeline

interface FeatureColumn {
  name: string;
  kind: 'numeric' | 'categorical';
}
interface PreprocessReport {
  target_column: string;
  rows_in: number;
  rows_out: number;
  train_rows: number;
  test_rows: number;
  label_mapping: Record<string, number>;
  positive_class: string | null;
  positive_class_rule: string;
  dropped_columns: { name: string; reason: string }[];
  coerced_columns: { name: string; blank_to_missing: number }[];
  feature_columns: FeatureColumn[];
  class_balance: Record<string, Record<string, { code: number; count: number }>>;
}
interface ModelMetadata {
  framework: string;
  framework_version: string;
  python_version: string;
  model_type: string;
  target: string;
  label_mapping: Record<string, number>;
  feature_schema: { name: string; kind: string; dtype: string; categories?: string[] }[];
  cv_score: number;
  best_params: Record<string, unknown>;
  training_rows: number;
  seed: number;
  test_metrics?: Record<string, number>;
}
interface ExecutorOutput {
  parameterValues: Record<string, string | number>;
  artifacts: Record<string, { artifacts: RuntimeArtifact[] }>;
}
interface ClassificationMetrics {
  confusionMatrix: { annotationSpecs: { displayName: string }[]; rows: { row: number[] }[] };
  confidenceMetrics: { confidenceThreshold: number; recall: number; falsePositiveRate: number }[];
}

/** The default candidates of the models list, in their order (train.py's DEFAULT_MODELS). */
const CANDIDATES = ['random_forest', 'decision_tree', 'hist_gradient_boosting', 'linear'];

interface PipelineRun {
  dir: string;
  seconds: Record<string, number>;
  load: ComponentRun;
  preprocess: ComponentRun;
  train: ComponentRun;
  evaluate: ComponentRun;
  packaged: ComponentRun;
  report: PreprocessReport;
}

async function runPipeline(
  dataset: string,
  values: { target_column?: string },
): Promise<PipelineRun> {
  const dir = await mkdtemp(join(tmpdir(), `mlops-components-${dataset}-`));
  const started = performance.now();
  const load = succeeded(
    await runComponent('load_data.component.yaml', {
      values: { source_uri: `data/${dataset}.csv` }, // relative to the working directory
      outputDir: join(dir, 'load-data'),
    }),
    'load_data',
  );
  const preprocess = succeeded(
    await runComponent('preprocess.component.yaml', {
      values,
      inputPaths: { raw_data: load.outputs.dataset ?? '' },
      outputDir: join(dir, 'preprocess'),
    }),
    'preprocess',
  );
  const trainInputs = {
    train_data: preprocess.outputs.train_data ?? '',
    preprocess_report: preprocess.outputs.preprocess_report ?? '',
  };
  const trainingStarted = performance.now();
  const train = succeeded(
    await runComponent('train.component.yaml', {
      inputPaths: trainInputs,
      outputDir: join(dir, 'train'),
    }),
    'train',
  );
  const trainingSeconds = (performance.now() - trainingStarted) / 1000;
  const evaluate = succeeded(
    await runComponent('evaluate.component.yaml', {
      inputPaths: {
        test_data: preprocess.outputs.test_data ?? '',
        models: train.outputs.model ?? '',
      },
      outputDir: join(dir, 'evaluate'),
    }),
    'evaluate',
  );
  const packaged = succeeded(
    await runComponent('package_model.component.yaml', {
      values: { model_name: await readFile(evaluate.outputs.best_model_name ?? '', 'utf8') },
      inputPaths: {
        model: evaluate.outputs.best_model ?? '',
        metrics: evaluate.outputs.metrics ?? '',
      },
      outputDir: join(dir, 'package-model'),
    }),
    'package_model',
  );
  const seconds = {
    load_data: load.seconds,
    preprocess: preprocess.seconds,
    train: trainingSeconds,
    evaluate: evaluate.seconds,
    total: (performance.now() - started) / 1000,
  };
  const rounded = Object.entries(seconds).map(([step, value]) => `${step} ${value.toFixed(1)}s`);
  console.info(`pipeline on ${dataset}: ${rounded.join(', ')}`);
  const report = await readJson<PreprocessReport>(preprocess.outputs.preprocess_report ?? '');
  return {
    dir,
    seconds,
    load,
    preprocess,
    train,
    evaluate,
    packaged,
    report,
  };
}

const PREDICT_SCRIPT = `
import json, sys
import joblib, pandas as pd
model_dir, csv_path, overrides = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
model = joblib.load(model_dir + "/model.joblib")
schema = json.load(open(model_dir + "/metadata.json"))["feature_schema"]
frame = pd.read_csv(csv_path, keep_default_na=False, na_values=[""]).head(5)
X = pd.DataFrame({
    f["name"]: frame[f["name"]].astype(float if f["kind"] == "numeric" else object)
    for f in reversed(schema)  # named columns: their order must not matter
})
X["not_a_feature"] = "ignored"
for name, value in overrides.items():
    X[name] = X[name].astype(object)
    X.loc[X.index[0], name] = value
print(json.dumps({
    "predictions": model.predict(X).tolist(),
    "probabilities": model.predict_proba(X).tolist(),
    "type": type(model).__name__,
}))
`;

async function predict(
  modelDir: string,
  csvPath: string,
  overrides: Record<string, string | number | null>,
): Promise<{ predictions: number[]; probabilities: number[][]; type: string }> {
  const result = await runPython([
    '-c',
    PREDICT_SCRIPT,
    modelDir,
    csvPath,
    JSON.stringify(overrides),
  ]);
  if (result.code !== 0) throw new Error(`prediction failed:\n${result.stderr}`);
  return JSON.parse(result.stdout) as {
    predictions: number[];
    probabilities: number[][];
    type: string;
  };
}

/** Checks every dataset gets: model directories, metadata, executor output, metrics. */
function describeCommonOutputs(getRun: () => PipelineRun): void {
  it('writes train/test CSVs whose rows add up to the rows kept, with the label last', async () => {
    const { preprocess, report } = getRun();
    const train = await readCsv(preprocess.outputs.train_data ?? '');
    const test = await readCsv(preprocess.outputs.test_data ?? '');
    expect(train.header).toEqual(test.header);
    expect(train.header.at(-1)).toBe(report.target_column);
    expect(train.rows.length).toBe(report.train_rows);
    expect(test.rows.length).toBe(report.test_rows);
    expect(train.rows.length + test.rows.length).toBe(report.rows_out);
    expect(test.rows.length).toBe(Math.ceil(report.rows_out * 0.2));
    const labels = new Set(train.rows.map((row) => row.at(-1)));
    expect([...labels].sort()).toEqual(['0', '1']);
  });

  it('trains every default model into a directory with model.joblib and metadata.json', async () => {
    const { train: trained, preprocess, report } = getRun();
    const train = await readCsv(preprocess.outputs.train_data ?? '');
    const features = train.header.slice(0, -1);
    const models = trained.outputs.model ?? '';
    expect((await readdir(models)).sort()).toEqual([...CANDIDATES, 'index.json'].sort());
    for (const type of CANDIDATES) {
      const dir = join(models, type);
      expect((await readdir(dir)).sort()).toEqual(['metadata.json', 'model.joblib']);
      const metadata = await readJson<ModelMetadata>(join(dir, 'metadata.json'));
      expect(metadata).toMatchObject({
        framework: 'scikit-learn',
        framework_version: '1.2.1',
        model_type: type,
        target: report.target_column,
        label_mapping: report.label_mapping,
        training_rows: report.train_rows,
        seed: 42,
      });
      expect(metadata.python_version).toMatch(/^3\.\d+\.\d+/);
      expect(metadata.cv_score).toBeGreaterThan(0.5);
      expect(Object.keys(metadata.best_params).length).toBeGreaterThan(0);
      // The feature schema is the training columns, in order, with the kinds preprocess chose.
      expect(metadata.feature_schema.map((f) => f.name)).toEqual(features);
      expect(metadata.feature_schema.map((f) => f.kind)).toEqual(
        report.feature_columns.map((f) => f.kind),
      );
      for (const feature of metadata.feature_schema) {
        expect(feature.dtype).toBe(feature.kind === 'numeric' ? 'float64' : 'object');
        expect(feature.kind === 'categorical').toBe(Array.isArray(feature.categories));
      }
    }
  });

  it('writes executor_output.json with parameter values and artifact metadata', async () => {
    const { evaluate, preprocess } = getRun();
    const executorInput = evaluate.executorInput;
    expect(executorInput).toBeDefined();
    const output = await readJson<ExecutorOutput>(executorInput?.outputs.outputFile ?? '');

    const bestName = await readFile(evaluate.outputs.best_model_name ?? '', 'utf8');
    expect(CANDIDATES).toContain(bestName);
    const primaryMetric = await readFile(evaluate.outputs.primary_metric ?? '', 'utf8');
    expect(primaryMetric).toBe('roc_auc');
    const passed = await readFile(evaluate.outputs.passed ?? '', 'utf8');
    expect(output.parameterValues).toEqual({
      best_model_name: bestName,
      primary_metric: primaryMetric,
      passed: passed === 'true',
    });

    for (const name of ['metrics', 'classification_metrics', 'best_model']) {
      const declared = executorInput?.outputs.artifacts[name]?.artifacts[0];
      const written = output.artifacts[name]?.artifacts;
      expect(written).toHaveLength(1);
      expect(written?.[0]?.name).toBe(declared?.name);
      expect(written?.[0]?.uri).toBe(declared?.uri);
    }
    const metrics = output.artifacts.metrics?.artifacts[0]?.metadata ?? {};
    for (const key of ['accuracy', 'precision', 'recall', 'f1', 'roc_auc', 'log_loss']) {
      expect(typeof metrics[key]).toBe('number');
    }
    expect(metrics.accuracy).toBe(metrics[`${bestName}_accuracy`]);
    expect(metrics.roc_auc).toBe(metrics[`${bestName}_roc_auc`]);
    for (const name of CANDIDATES) expect(typeof metrics[`${name}_roc_auc`]).toBe('number');
    // The metrics artifact file holds the same values.
    expect(await readJson(evaluate.outputs.metrics ?? '')).toEqual(metrics);

    const classification = output.artifacts.classification_metrics?.artifacts[0]
      ?.metadata as unknown as ClassificationMetrics;
    expect(await readJson(evaluate.outputs.classification_metrics ?? '')).toEqual(classification);
    const { annotationSpecs, rows } = classification.confusionMatrix;
    // The class names, not their codes, so the Vertex console labels the matrix.
    const { report } = getRun();
    const names = Object.entries(report.label_mapping)
      .sort(([, a], [, b]) => a - b)
      .map(([name]) => ({ displayName: name }));
    expect(annotationSpecs).toEqual(names);
    const test = await readCsv(preprocess.outputs.test_data ?? '');
    const counted = rows.flatMap((r) => r.row).reduce((sum, value) => sum + value, 0);
    expect(counted).toBe(test.rows.length);
    const roc = classification.confidenceMetrics;
    expect(roc.length).toBeGreaterThanOrEqual(2);
    expect(roc.length).toBeLessThanOrEqual(50);
    expect(roc.at(-1)).toMatchObject({ recall: 1, falsePositiveRate: 1 });
  });

  it("records the model's feature schema, cut down, in the deployable model's metadata", async () => {
    const { packaged } = getRun();
    const output = await readJson<ExecutorOutput>(packaged.executorInput?.outputs.outputFile ?? '');
    const written = output.artifacts.deployable_model?.artifacts[0]?.metadata ?? {};
    const metadata = await readJson<ModelMetadata>(
      join(packaged.outputs.deployable_model ?? '', 'metadata.json'),
    );
    expect(written).toMatchObject({
      framework: metadata.framework,
      framework_version: metadata.framework_version,
      model_type: metadata.model_type,
    });
    // Names and kinds in training order; a categorical feature carries one category it saw.
    expect(written.feature_schema).toEqual(
      metadata.feature_schema.map(({ name, kind, categories }) =>
        categories?.[0] === undefined ? { name, kind } : { name, kind, example: categories[0] },
      ),
    );
  });

  it('copies the best model with its test metrics added to metadata.json', async () => {
    const { evaluate, train } = getRun();
    const bestName = await readFile(evaluate.outputs.best_model_name ?? '', 'utf8');
    const dir = evaluate.outputs.best_model ?? '';
    expect((await readdir(dir)).sort()).toEqual(['metadata.json', 'model.joblib']);
    const metadata = await readJson<ModelMetadata>(join(dir, 'metadata.json'));
    const original = await readJson<ModelMetadata>(
      join(train.outputs.model ?? '', bestName, 'metadata.json'),
    );
    expect(metadata).toMatchObject({ ...original, model_type: bestName });
    const metrics = await readJson<Record<string, number>>(evaluate.outputs.metrics ?? '');
    expect(metadata.test_metrics?.accuracy).toBe(metrics.accuracy);
    expect(metadata.test_metrics?.roc_auc).toBe(metrics.roc_auc);
  });
}

// ------------------------------------------------------------------ tests

const componentFiles = [
  'load_data.component.yaml',
  'preprocess.component.yaml',
  'train.component.yaml',
  'evaluate.component.yaml',
  'package_model.component.yaml',
];

describe('pipeline component definitions (component.yaml)', () => {
  it.each(componentFiles)(
    '%s runs its module and uses every declared input and output',
    async (file) => {
      const spec = await loadSpec(file);
      const { image, command, args } = spec.implementation.container;
      expect(image).toBe('mlops-training:latest');
      expect(command.slice(0, 2)).toEqual(['python3', '-m']);
      const module = command[2] ?? '';
      expect(module).toMatch(/^components\.\w+$/);
      expect(existsSync(join(PIPELINES, `${module.replace('.', '/')}.py`))).toBe(true);

      const used = args
        .map(reference)
        .filter((ref) => ref !== undefined && ref.kind !== 'executorInput');
      const inputs = (spec.inputs ?? []).map((input) => ({
        kind: PARAMETER_TYPES.has(input.type) ? 'inputValue' : 'inputPath',
        name: input.name,
      }));
      const outputs = (spec.outputs ?? []).map((output) => ({
        kind: 'outputPath',
        name: output.name,
      }));
      expect(used).toEqual(expect.arrayContaining([...inputs, ...outputs]));
      expect(used).toHaveLength(inputs.length + outputs.length);
    },
  );
});

const problem = (() => {
  const probe = spawnSync(PYTHON, ['-c', 'import sklearn, pandas, numpy, joblib'], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (probe.error) return `${PYTHON} could not be started (${probe.error.message})`;
  if (probe.status !== 0) {
    const reason = probe.stderr.trim().split('\n').at(-1) ?? `exit status ${probe.status}`;
    return `${PYTHON} cannot import scikit-learn, pandas, numpy and joblib (${reason})`;
  }
  return undefined;
})();
const fix =
  'install pipelines/requirements.txt into it or point MLOPS_PYTHON at a Python that has them';
if (problem !== undefined && !IN_CI) {
  console.warn(`Skipping the pipeline component tests: ${problem}; ${fix}.`);
}

describe('pipeline component prerequisites', () => {
  it.runIf(IN_CI)('has a Python with scikit-learn in CI', () => {
    expect(problem, `${problem}; ${fix}`).toBeUndefined();
  });
});

describe.skipIf(problem !== undefined)('pipeline components run by hand', () => {
  const tempDirs: string[] = [];
  afterAll(async () => {
    await Promise.all(tempDirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  describe('on the synthetic churn sample (target given by name)', () => {
    let run: PipelineRun;
    beforeAll(async () => {
      run = await runPipeline('churn_sample', { target_column: 'Churn' });
      tempDirs.push(run.dir);
    });
    const getRun = (): PipelineRun => run;

    it('maps the Yes/No label with Yes as the positive class and records it', () => {
      expect(run.report.target_column).toBe('Churn');
      expect(run.report.label_mapping).toEqual({ No: 0, Yes: 1 });
      expect(run.report.positive_class).toBe('Yes');
      expect(run.report.positive_class_rule).toMatch(/recognised/);
      expect(run.report.class_balance.all?.Yes?.count).toBe(150);
    });

    it('drops customerID as an identifier and keeps the other columns', async () => {
      expect(run.report.dropped_columns.map((column) => column.name)).toEqual(['customerID']);
      expect(run.report.dropped_columns[0]?.reason).toMatch(/identifier/);
      const train = await readCsv(run.preprocess.outputs.train_data ?? '');
      expect(train.header).not.toContain('customerID');
      expect(run.report.feature_columns).toEqual([
        expect.objectContaining({ name: 'gender', kind: 'categorical' }),
        expect.objectContaining({ name: 'SeniorCitizen', kind: 'numeric' }),
        expect.objectContaining({ name: 'Partner', kind: 'categorical' }),
        expect.objectContaining({ name: 'tenure', kind: 'numeric' }),
        expect.objectContaining({ name: 'Contract', kind: 'categorical' }),
        expect.objectContaining({ name: 'PaymentMethod', kind: 'categorical' }),
        expect.objectContaining({ name: 'MonthlyCharges', kind: 'numeric' }),
        expect.objectContaining({ name: 'TotalCharges', kind: 'numeric' }),
      ]);
    });

    it('coerces TotalCharges to numbers and keeps the rows with blank cells', async () => {
      const raw = await readCsv(join(PIPELINES, 'data/churn_sample.csv'));
      const column = raw.header.indexOf('TotalCharges');
      const blanks = raw.rows.filter((row) => (row[column] ?? '').trim() === '').length;
      expect(blanks).toBeGreaterThan(0);

      expect(run.report.coerced_columns).toEqual([
        expect.objectContaining({ name: 'TotalCharges', blank_to_missing: blanks }),
      ]);
      expect(run.report.rows_in).toBe(raw.rows.length);
      expect(run.report.rows_out).toBe(raw.rows.length);
      // The blanks are written as missing values (empty cells) for the model to impute.
      const train = await readCsv(run.preprocess.outputs.train_data ?? '');
      const test = await readCsv(run.preprocess.outputs.test_data ?? '');
      const index = train.header.indexOf('TotalCharges');
      const values = [...train.rows, ...test.rows].map((row) => row[index] ?? '');
      expect(values.filter((value) => value === '')).toHaveLength(blanks);
      expect(
        values.filter((value) => value !== '').every((value) => Number.isFinite(Number(value))),
      ).toBe(true);
    });

    it('saves a Pipeline that predicts on named columns with an unseen category and a missing value', async () => {
      for (const name of CANDIDATES) {
        const result = await predict(
          join(run.train.outputs.model ?? '', name),
          run.preprocess.outputs.test_data ?? '',
          {
            PaymentMethod: 'Carrier pigeon',
            Contract: 'Three year',
            TotalCharges: null,
          },
        );
        expect(result.type).toBe('Pipeline');
        expect(result.predictions).toHaveLength(5);
        for (const [i, prediction] of result.predictions.entries()) {
          expect([0, 1]).toContain(prediction);
          const probabilities = result.probabilities[i] ?? [];
          expect(probabilities.reduce((sum, p) => sum + p, 0)).toBeCloseTo(1, 6);
        }
      }
    });

    it('records the categories seen in training in the feature schema', async () => {
      const metadata = await readJson<ModelMetadata>(
        join(run.train.outputs.model ?? '', 'random_forest', 'metadata.json'),
      );
      const contract = metadata.feature_schema.find((f) => f.name === 'Contract');
      expect(contract?.categories).toEqual(['Month-to-month', 'One year', 'Two year']);
    });

    it('learns something: the best model beats chance on the test split', async () => {
      const metrics = await readJson<Record<string, number>>(run.evaluate.outputs.metrics ?? '');
      expect(metrics.roc_auc).toBeGreaterThan(0.7);
    });

    describeCommonOutputs(getRun);
  });

  describe('on the breast-cancer data (target defaults to the last column)', () => {
    let run: PipelineRun;
    beforeAll(async () => {
      run = await runPipeline('breast_cancer', {});
      tempDirs.push(run.dir);
    });
    const getRun = (): PipelineRun => run;

    it('keeps all 569 rows and 30 numeric features and maps malignant to 1 by string order', () => {
      expect(run.report).toMatchObject({
        target_column: 'diagnosis',
        rows_in: 569,
        rows_out: 569,
        label_mapping: { benign: 0, malignant: 1 },
        positive_class: 'malignant',
        dropped_columns: [],
        coerced_columns: [],
      });
      expect(run.report.positive_class_rule).toMatch(/lexicographically larger/);
      expect(run.report.feature_columns).toHaveLength(30);
      expect(run.report.feature_columns.every((f) => f.kind === 'numeric')).toBe(true);
    });

    it('reaches a test accuracy of at least 0.9 with the best model', async () => {
      const metrics = await readJson<Record<string, number>>(run.evaluate.outputs.metrics ?? '');
      expect(metrics.accuracy).toBeGreaterThanOrEqual(0.9);
      expect(metrics.roc_auc).toBeGreaterThanOrEqual(0.9);
    });

    it('saves a Pipeline that predicts on a DataFrame with named columns', async () => {
      const result = await predict(
        join(run.train.outputs.model ?? '', 'random_forest'),
        run.preprocess.outputs.test_data ?? '',
        {
          'mean radius': null,
        },
      );
      expect(result.predictions).toHaveLength(5);
    });

    describeCommonOutputs(getRun);
  });

  describe('on bad input', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'mlops-components-bad-'));
      tempDirs.push(dir);
    });

    /** "exit <code>, <n> line(s): <stderr>", so one toMatch checks status, length and text. */
    function failure(run: ProcessResult): string {
      const stderr = run.stderr.trim();
      return `exit ${run.code}, ${stderr.split('\n').length} line(s): ${stderr}`;
    }

    it('load_data refuses a CSV with a single column', async () => {
      const source = join(dir, 'one-column.csv');
      await writeFile(
        source,
        ['value', ...Array.from({ length: 20 }, (_, i) => String(i))].join('\n'),
      );
      const run = await runComponent('load_data.component.yaml', {
        values: { source_uri: source },
        outputDir: join(dir, 'one-column'),
      });
      expect(failure(run)).toMatch(
        /^exit 1, 1 line\(s\): load_data: error: .*has 1 column\(s\); need at least 2/,
      );
      expect(existsSync(run.outputs.dataset ?? '')).toBe(false);
    });

    it('load_data refuses a CSV with too few rows', async () => {
      const source = join(dir, 'short.csv');
      await writeFile(source, 'a,b\n1,2\n3,4\n');
      const run = await runComponent('load_data.component.yaml', {
        values: { source_uri: source },
        outputDir: join(dir, 'short'),
      });
      expect(failure(run)).toMatch(
        /^exit 1, 1 line\(s\): load_data: error: .*has 2 data row\(s\); need at least 10/,
      );
    });

    it('load_data reports a missing file', async () => {
      const run = await runComponent('load_data.component.yaml', {
        values: { source_uri: 'data/no-such-file.csv' },
        outputDir: join(dir, 'missing'),
      });
      expect(failure(run)).toMatch(
        /^exit 1, 1 line\(s\): load_data: error: file not found: .*no-such-file\.csv/,
      );
    });

    it('preprocess names a target column that does not exist and lists the real ones', async () => {
      const run = await runComponent('preprocess.component.yaml', {
        values: { target_column: 'Churned' },
        inputPaths: { raw_data: join(PIPELINES, 'data/churn_sample.csv') },
        outputDir: join(dir, 'no-target'),
      });
      expect(failure(run)).toMatch(
        /^exit 1, 1 line\(s\): preprocess: error: target column 'Churned' not found; columns are .*'Churn'/,
      );
    });

    it('train refuses an unknown primary metric', async () => {
      await writeFile(join(dir, 'report.json'), JSON.stringify({ task: 'binary' }));
      const run = await runComponent('train.component.yaml', {
        values: { primary_metric: 'auc' },
        inputPaths: {
          train_data: join(PIPELINES, 'data/breast_cancer.csv'),
          preprocess_report: join(dir, 'report.json'),
        },
        outputDir: join(dir, 'bad-metric'),
      });
      expect(failure(run)).toMatch(
        /^exit 1, 1 line\(s\): train: error: primary_metric 'auc' is not one of/,
      );
    });
  });
});
