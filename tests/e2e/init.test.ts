import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCK_PATH, parseLock } from '../../src/core/init/lock.js';
import { mlops } from '../helpers/cli.js';
import { emptyRepository, git } from '../helpers/git-repository.js';
import { REPO_ROOT } from '../helpers/paths.js';
import { PYTHON, pythonWithSklearn } from '../helpers/services.js';

const manifest = JSON.parse(await readFile(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
  version: string;
};

describe('mlops init (dist/cli.js)', () => {
  // What init lays, dry-run, conflicts, --only, --workflows, --config, missing answers and
  // upgrades: tests/commands/init.test.ts, in-process.
  it('lays the platform into an empty git repository, and finds nothing to change when run again in it', async () => {
    const dir = await emptyRepository('acme-churn');
    const result = await mlops(['init', dir, '--yes', '--project', 'acme-ml']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/create\s+\.github\/workflows\/mlops-pr-check\.yml/);
    expect(result.stderr).toMatch(/Next steps\n\s+1\. cp \.env\.example \.env/);
    for (const file of [
      LOCK_PATH,
      '.github/workflows/mlops-pr-check.yml',
      'pipelines/training-pipeline.yaml',
      'pipelines/serving/server.py',
      'config/mlops.env',
    ])
      expect(existsSync(path.join(dir, file)), file).toBe(true);
    const lock = parseLock(await readFile(path.join(dir, LOCK_PATH), 'utf8'));
    expect(lock.cliVersion).toBe(manifest.version);
    expect(lock.answers).toMatchObject({ project: 'acme-ml', model: 'acme-churn' });

    const again = await mlops(['init', '--yes'], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('Nothing to change');
  });

  it.skipIf(!pythonWithSklearn())(
    'lays a training pipeline that runs with mlops run --local from the new repository',
    async () => {
      const dir = await emptyRepository('runs-locally');
      expect((await mlops(['init', dir, '--yes', '--project', 'acme-ml'])).code).toBe(0);
      const run = await mlops(
        ['run', '--local', 'pipelines/training-pipeline.yaml', '--python', PYTHON],
        { cwd: dir },
      );
      expect(run.stderr).toMatch(/Run training-pipeline-\S+ SUCCEEDED/);
      expect(run.code).toBe(0);
      expect(git(dir, 'status', '--porcelain', '--ignored', '.mlops')).toMatch(/^!! \.mlops\//);
    },
  );
});
