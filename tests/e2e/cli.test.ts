import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../../src/core/run-record.js';
import { mlops } from '../helpers/cli.js';
import { REPO_ROOT, tempDir } from '../helpers/paths.js';
import { pushPlatformImage } from '../helpers/registry-api.js';
import { dockerRegistry, PYTHON, pythonWithSklearn, TEST_REGISTRY } from '../helpers/services.js';

const PIPELINE = path.join(REPO_ROOT, 'pipelines/training-pipeline.yaml');
const STAND_IN = path.join(REPO_ROOT, 'tests/fixtures/kfp-stand-in');
const PYTHON_FIXTURES = path.join(REPO_ROOT, 'tests/fixtures/python');

describe('mlops CLI (dist/cli.js)', () => {
  it('shows help for every command and exits 0', async () => {
    const top = await mlops(['--help']);
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/compile \[options\] <pipeline>[\s\S]*validate[\s\S]*run/);
    for (const command of ['compile', 'validate', 'run']) {
      const help = await mlops([command, '--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain(`Usage: mlops ${command} [options] <pipeline>`);
    }
    expect((await mlops(['run', '--help'])).stdout).toMatch(
      /--param <NAME=VALUE>[\s\S]*--pipeline-root <DIR>[\s\S]*--no-cache[\s\S]*--local/,
    );
  });

  it('exits 2 with a Fix on an unknown command, an unknown option or a missing argument', async () => {
    const unknown = await mlops(['deploy-everything']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("error: unknown command 'deploy-everything'");
    expect(unknown.stderr).toContain('Fix: run mlops --help to see the commands.');
    const typo = await mlops(['valdate', PIPELINE]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('Fix: did you mean mlops validate? (mlops --help lists them)');
    const option = await mlops(['validate', PIPELINE, '--parm', 'seed=1']);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain("error: unknown option '--parm'");
    expect(option.stderr).toContain(
      'Fix: did you mean --param? (mlops validate --help lists them)',
    );
    const missing = await mlops(['compile']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("missing required argument 'pipeline'");
    expect(missing.stderr).toContain(
      'Fix: run mlops compile --help to see its arguments and options.',
    );
  });

  it('compiles the reference pipeline to IR that validates', async () => {
    const dir = await tempDir('cli-compile');
    const output = path.join(dir, 'out/training.yaml');
    const compiled = await mlops(['compile', PIPELINE, '--output', output]);
    expect(compiled.code).toBe(0);
    expect(compiled.stderr).toMatch(/Compiled .*training-pipeline\.yaml \(declarative, 5 tasks\)/);
    expect(
      (await readFile(output, 'utf8')).startsWith(
        '# PIPELINE DEFINITION\n# Name: training-pipeline\n',
      ),
    ).toBe(true);
    const validated = await mlops(['validate', output, '--param', 'min_accuracy=0.9']);
    expect(validated.code).toBe(0);
    expect(validated.stderr).toMatch(/min_accuracy\s+NUMBER_DOUBLE\s+0\.8\s+0\.9/);
  });

  it("compiles a KFP Python file through the user's interpreter (with a stand-in kfp package)", async () => {
    const env = { PYTHONPATH: STAND_IN };
    const dir = await tempDir('cli-python');
    const ok = await mlops(
      [
        'compile',
        path.join(PYTHON_FIXTURES, 'one_pipeline.py'),
        '--python',
        PYTHON,
        '--output',
        path.join(dir, 'p.json'),
      ],
      { env },
    );
    expect(ok.code).toBe(0);
    const compiled = JSON.parse(await readFile(path.join(dir, 'p.json'), 'utf8')) as {
      pipelineInfo: { name: string };
    };
    expect(compiled.pipelineInfo.name).toBe('python-pipeline');
    const ran = await mlops(
      [
        'run',
        '--local',
        path.join(PYTHON_FIXTURES, 'one_pipeline.py'),
        '--python',
        PYTHON,
        '--pipeline-root',
        dir,
      ],
      { env },
    );
    expect(ran.code).toBe(0);
    expect(ran.stderr).toMatch(/✓ say\s+SUCCEEDED/);

    const two = await mlops(
      [
        'compile',
        path.join(PYTHON_FIXTURES, 'two_pipelines.py'),
        '--python',
        PYTHON,
        '--output',
        path.join(dir, 'x.yaml'),
      ],
      { env },
    );
    expect(two.code).toBe(2);
    expect(two.stderr).toContain('expected one @dsl.pipeline function, found: first, second');
    const chosen = await mlops(
      [
        'compile',
        path.join(PYTHON_FIXTURES, 'two_pipelines.py'),
        '--python',
        PYTHON,
        '--function',
        'second',
        '--output',
        path.join(dir, 'x.yaml'),
      ],
      { env },
    );
    expect(chosen.code).toBe(0);

    const broken = await mlops(
      ['compile', path.join(PYTHON_FIXTURES, 'broken_pipeline.py'), '--python', PYTHON],
      { env },
    );
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('ValueError: the pipeline module failed to import');
  });

  it('says how to fix a missing kfp or a missing interpreter', async () => {
    const noKfp = await mlops(
      ['compile', path.join(PYTHON_FIXTURES, 'one_pipeline.py'), '--python', PYTHON],
      { env: { PYTHONPATH: '' } },
    );
    expect(noKfp.code).toBe(2);
    expect(noKfp.stderr).toMatch(/kfp is not importable by .*python3.*\nFix: Install the KFP SDK/);
    const noPython = await mlops([
      'compile',
      path.join(PYTHON_FIXTURES, 'one_pipeline.py'),
      '--python',
      '/nonexistent/python3',
    ]);
    expect(noPython.code).toBe(2);
    expect(noPython.stderr).toContain('Cannot run /nonexistent/python3');
  });
});

/** `mlops run --local` of the reference pipeline with the Python that has scikit-learn. */
function runReference(root: string, ...extra: string[]): ReturnType<typeof mlops> {
  return mlops(['run', '--local', PIPELINE, '--python', PYTHON, '--pipeline-root', root, ...extra]);
}

describe.skipIf(!pythonWithSklearn())(
  'mlops run --local on the reference pipeline (real Python and scikit-learn)',
  () => {
    it('trains, evaluates, gates and packages, then re-runs from cache', async () => {
      const root = await tempDir('cli-reference');
      const recordCopy = path.join(root, 'record.json');
      const first = await runReference(root, '--run-record', recordCopy);
      expect(first.code, first.stderr).toBe(0);
      expect(first.stderr).toMatch(/▶ train\s+RUNNING/);
      expect(first.stderr).toMatch(/✓ condition-1\/package-model\s+SUCCEEDED/);
      const record = JSON.parse(await readFile(recordCopy, 'utf8')) as RunRecord;
      expect(record.state).toBe('SUCCEEDED');
      expect(record.metrics.evaluate?.accuracy).toBeGreaterThan(0.9);
      expect(record.outputs.best_model_name).toMatch(
        /random_forest|decision_tree|hist_gradient_boosting|linear/,
      );
      const deployable =
        record.tasks['condition-1/package-model']?.artifacts.deployable_model?.[0]?.uri ?? '';
      expect(existsSync(path.join(deployable, 'model.joblib'))).toBe(true);
      const classification = record.tasks.evaluate?.artifacts.classification_metrics?.[0]
        ?.metadata as { confusionMatrix?: { rows: unknown[] } };
      expect(classification.confusionMatrix?.rows).toHaveLength(2);

      const second = await runReference(root);
      expect(second.code).toBe(0);
      for (const task of ['load-data', 'preprocess', 'train', 'evaluate']) {
        expect(second.stderr).toMatch(
          new RegExp(`✓ ${task}\\s+SUCCEEDED [\\d.]+ m?s \\(cached\\)`),
        );
      }

      // A bar the model cannot meet skips packaging; the run still succeeds.
      const gated = await runReference(root, '--param', 'min_accuracy=1.01');
      expect(gated.code).toBe(0);
      expect(gated.stderr).toMatch(/- condition-1\s+SKIPPED \(condition is false/);
    });

    it('runs on another real CSV with categorical strings, blanks, an ID column and a Yes/No label', async () => {
      const root = await tempDir('cli-churn');
      const result = await runReference(
        root,
        '--param',
        'data_uri=data/churn_sample.csv',
        '--param',
        'min_accuracy=0.5',
        '--no-cache',
      );
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).not.toContain('(cached)');
    });

    it('fails with the failing task, its exit code, command and log tail, and exits 1', async () => {
      const root = await tempDir('cli-failure');
      const result = await runReference(root, '--param', 'data_uri=data/does-not-exist.csv');
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/✗ load-data\s+FAILED/);
      expect(result.stderr).toMatch(
        /Task load-data failed: exited with code 1\n\s+command: .*python3 -m components\.load_data --source-uri data\/does-not-exist\.csv/,
      );
      expect(result.stderr).toMatch(/load_data: error: .*does-not-exist\.csv/);
      expect(result.stderr).toMatch(/- preprocess\s+NOT_TRIGGERED/);
      expect(result.stderr).toMatch(
        /error: Pipeline run training-pipeline-\S+ FAILED: task load-data exited with code 1/,
      );
    });
  },
);

describe('secret inputs on the command line', () => {
  it.skipIf(!dockerRegistry())(
    'takes the registry password from MLOPS_REGISTRY_PASSWORD or standard input, and warns when it is typed as a flag',
    async () => {
      const repository = `cli-secret-${Date.now().toString(36)}`;
      const { digest } = await pushPlatformImage(repository, {
        os: 'linux',
        architecture: 'amd64',
      });
      const image = `${TEST_REGISTRY.host}/${repository}@${digest}`;
      const warning = /--registry-password on the command line can be read by other users \(ps\)/;

      const fromEnv = await mlops(['images', 'verify', image], {
        env: { MLOPS_REGISTRY_PASSWORD: TEST_REGISTRY.password },
      });
      expect(fromEnv.code, fromEnv.stderr).toBe(0);
      expect(fromEnv.stderr).not.toMatch(warning);

      const fromStdin = await mlops(['images', 'verify', image, '--registry-password', '-'], {
        stdin: `${TEST_REGISTRY.password}\n`,
      });
      expect(fromStdin.code, fromStdin.stderr).toBe(0);
      expect(fromStdin.stderr).not.toMatch(warning);

      const fromFlag = await mlops([
        'images',
        'verify',
        image,
        '--registry-password',
        TEST_REGISTRY.password,
      ]);
      expect(fromFlag.code, fromFlag.stderr).toBe(0);
      expect(fromFlag.stderr).toMatch(warning);
      expect(fromFlag.stderr).toContain('set MLOPS_REGISTRY_PASSWORD');
      expect(fromFlag.stderr + fromFlag.stdout).not.toContain(TEST_REGISTRY.password);

      const help = await mlops(['images', 'verify', '--help']);
      expect(help.stdout.replace(/\s+/g, ' ')).toContain(
        'set MLOPS_REGISTRY_PASSWORD, or give - to read standard input',
      );
    },
    60_000,
  );
});

describe('mlops --version', () => {
  it("prints package.json's version", async () => {
    const { version } = JSON.parse(
      await readFile(path.join(REPO_ROOT, 'package.json'), 'utf8'),
    ) as {
      version: string;
    };
    const result = await mlops(['--version']);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe(version);
  });
});
