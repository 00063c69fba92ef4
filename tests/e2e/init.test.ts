import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTemplatePackage } from '../../src/adapters/init-files.js';
import { createCliHost } from '../../src/cli/cli-host.js';
import type { CommandContext, Ui } from '../../src/commands/command.js';
import { initRepository, type InitInputs } from '../../src/commands/init.js';
import { UserError } from '../../src/core/errors.js';
import { laidContent, LOCK_PATH, parseLock } from '../../src/core/init/lock.js';
import { actionFromManifest, majorVersionTag } from '../../src/core/init/templates.js';
import { mlops } from '../helpers/cli.js';
import { REPO_ROOT, tempDir } from '../helpers/paths.js';
import { PYTHON, pythonWithSklearn } from '../helpers/services.js';

const manifest = JSON.parse(await readFile(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
  version: string;
};
const ACTION = actionFromManifest(manifest);
const TAG = majorVersionTag(manifest.version);
const WORKFLOW_TEMPLATES = (await readdir(path.join(REPO_ROOT, 'workflows-templates'))).filter(
  (name) => name.endsWith('.yml'),
);

function git(dir: string, ...args: string[]): string {
  return execFileSync(
    'git',
    ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args],
    { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
}

async function emptyRepository(name: string): Promise<string> {
  const dir = path.join(await tempDir('init'), name);
  await rm(dir, { recursive: true, force: true });
  execFileSync('git', ['init', '--quiet', '--initial-branch', 'main', dir]);
  return dir;
}

/** Every file under `dir` but .git, with its content and modification time. */
async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  if (!existsSync(dir)) return files;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath, entry.name);
    const relative = path.relative(dir, file);
    if (!entry.isFile() || relative.startsWith(`.git${path.sep}`)) continue;
    files.set(relative, `${(await stat(file)).mtimeMs} ${await readFile(file, 'utf8')}`);
  }
  return files;
}

async function lockOf(dir: string) {
  return parseLock(await readFile(path.join(dir, LOCK_PATH), 'utf8'));
}

describe('mlops init (dist/cli.js)', () => {
  it('lays workflows, pipelines, components and settings into an empty git repository', async () => {
    const dir = await emptyRepository('acme-churn');
    const result = await mlops(['init', dir, '--yes', '--project', 'acme-ml']);
    expect(result.stderr).toMatch(/create\s+\.github\/workflows\//);
    expect(result.code).toBe(0);

    for (const name of WORKFLOW_TEMPLATES) {
      const template = await readFile(path.join(REPO_ROOT, 'workflows-templates', name), 'utf8');
      const laid = await readFile(path.join(dir, '.github/workflows', name), 'utf8');
      expect(laid).not.toContain('$default-branch');
      const placeholders = template.split('$default-branch').length - 1;
      expect(laid.split('main').length - 1).toBeGreaterThanOrEqual(placeholders);
      const platformUses = laid.split('\n').filter((line) => /uses:.*mlops-platform/.test(line));
      for (const line of platformUses)
        expect(line).toMatch(new RegExp(`uses: ${ACTION}(/\\S*)?@${TAG}\\b`));
    }
    expect(existsSync(path.join(dir, 'workflows-templates'))).toBe(false);
    expect(existsSync(path.join(dir, '.github/workflows/mlops-pr-check.properties.json'))).toBe(
      false,
    );
    for (const file of [
      'pipelines/training-pipeline.yaml',
      'pipelines/requirements.txt',
      'pipelines/Dockerfile.serving',
      'pipelines/components/train.py',
      'pipelines/serving/server.py',
      'pipelines/cloud/storage.py',
      'pipelines/data/breast_cancer.csv',
      '.env.example',
    ])
      expect(existsSync(path.join(dir, file)), file).toBe(true);
    const gitignore = (await readFile(path.join(dir, '.gitignore'), 'utf8')).split('\n');
    expect(gitignore).toEqual(expect.arrayContaining(['.env', '.mlops/']));
    expect(await readFile(path.join(dir, 'config/mlops.env'), 'utf8')).toMatch(
      /^GCP_PROJECT=acme-ml\nGCP_REGION=us-central1\n[\s\S]*^MLOPS_MODEL_NAME=acme-churn$/m,
    );
    expect(await readFile(path.join(dir, 'README.md'), 'utf8')).toMatch(
      /^# acme-churn\n\n<!-- mlops-platform:start -->[\s\S]*<!-- mlops-platform:end -->\n$/,
    );

    const lock = await lockOf(dir);
    expect(lock).toMatchObject({
      cliVersion: manifest.version,
      templateVersion: manifest.version,
      answers: {
        project: 'acme-ml',
        region: 'us-central1',
        model: 'acme-churn',
        'default-branch': 'main',
      },
    });
    const workflow = lock.files.find(
      (file) => file.path === '.github/workflows/mlops-pr-check.yml',
    );
    expect(workflow && laidContent(workflow)).toBe(
      await readFile(path.join(dir, '.github/workflows/mlops-pr-check.yml'), 'utf8'),
    );
    expect(lock.files.some((file) => file.path.includes('__pycache__'))).toBe(false);
    expect(result.stderr).toMatch(
      /Next steps\n\s+1\. cp \.env\.example \.env[\s\S]*\n\s+2\. Train/,
    );

    const before = await snapshot(dir);
    const again = await mlops(['init', '--yes'], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stderr).toContain('Nothing to change');
    expect(await snapshot(dir)).toEqual(before);
  });

  it('prints the plan on --dry-run and writes nothing, not even the folder; then creates it', async () => {
    const dir = path.join(await tempDir('init-dry'), 'new-repo');
    const result = await mlops(['init', dir, '--dry-run', '--project', 'acme-ml']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/create\s+pipelines\/training-pipeline\.yaml/);
    expect(result.stderr).toMatch(/Dry run: nothing written \(\d+ files would change\)/);
    expect(existsSync(dir)).toBe(false);

    // Outside git: the folder is created and the workflows run on main.
    expect((await mlops(['init', dir, '--yes', '--project', 'acme-ml'])).code).toBe(0);
    expect((await lockOf(dir)).answers['default-branch']).toBe('main');
  });

  it('leaves a workflow you changed, shows the diff and exits 1; --force replaces it', async () => {
    const dir = await emptyRepository('edited');
    expect((await mlops(['init', dir, '--yes', '--project', 'acme-ml'])).code).toBe(0);
    const workflow = path.join(dir, '.github/workflows/mlops-pr-check.yml');
    const laid = await readFile(workflow, 'utf8');
    await writeFile(workflow, `${laid}# ours\n`);

    const conflict = await mlops(['init', dir, '--yes']);
    expect(conflict.code).toBe(1);
    expect(conflict.stderr).toMatch(/conflict\s+\.github\/workflows\/mlops-pr-check\.yml/);
    expect(conflict.stderr).toContain('--- .github/workflows/mlops-pr-check.yml (yours)');
    expect(conflict.stderr).toContain('\n-# ours\n');
    expect(conflict.stderr).toMatch(/error: 1 file\(s\) differ from the templates/);
    expect(await readFile(workflow, 'utf8')).toBe(`${laid}# ours\n`);

    const forced = await mlops(['init', dir, '--yes', '--force']);
    expect(forced.code).toBe(0);
    expect(forced.stderr).toMatch(/replace\s+\.github\/workflows\/mlops-pr-check\.yml/);
    expect(await readFile(workflow, 'utf8')).toBe(laid);
  });

  it('lays only the workflows with --only workflows, needing no project', async () => {
    const dir = await emptyRepository('workflows-only');
    const result = await mlops(['init', dir, '--only', 'workflows', '--default-branch', 'trunk']);
    expect(result.code).toBe(0);
    const laid = [...(await snapshot(dir)).keys()].sort();
    expect(laid).toEqual(
      [LOCK_PATH, ...WORKFLOW_TEMPLATES.map((name) => path.join('.github/workflows', name))].sort(),
    );
    const lock = await lockOf(dir);
    expect(lock.only).toEqual(['workflows']);
    expect(lock.answers['default-branch']).toBe('trunk');
    const all = await Promise.all(
      WORKFLOW_TEMPLATES.map((name) => readFile(path.join(dir, '.github/workflows', name), 'utf8')),
    );
    expect(all.join('\n')).not.toContain('$default-branch');
  });

  it('lays only the workflows --workflows names, and records the choice for upgrades', async () => {
    const dir = await emptyRepository('workflows-chosen');
    const result = await mlops([
      'init',
      dir,
      '--only',
      'workflows',
      '--workflows',
      'pr-check, train-and-deploy',
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect((await readdir(path.join(dir, '.github/workflows'))).sort()).toEqual([
      'mlops-pr-check.yml',
      'mlops-train-and-deploy.yml',
    ]);
    expect((await lockOf(dir)).answers.workflows).toBe('pr-check,train-and-deploy');
    const unknown = await mlops(['init', dir, '--only', 'workflows', '--workflows', 'deploy']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown workflow "deploy"');
    expect(unknown.stderr).toContain('pr-check-vertex');
  });

  it('fails with every missing answer and writes nothing when it cannot ask', async () => {
    const dir = await emptyRepository('no-answers');
    const result = await mlops(['init', dir, '--model', 'Not Valid'], { env: { CI: 'true' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'error: mlops init is missing answers or has invalid ones; nothing was written',
    );
    expect(result.stderr).toContain(
      '- project (Google Cloud project ID): give --project or "project:" in the --config file',
    );
    expect(result.stderr).toContain('- model is "Not Valid"');
    expect([...(await snapshot(dir)).keys()]).toEqual([]);

    const upgrade = await mlops(['init', dir, '--upgrade']);
    expect(upgrade.code).toBe(2);
    expect(upgrade.stderr).toContain('there is nothing to upgrade');
  });

  it('takes the same answers from --config as from flags, adding to an existing .gitignore', async () => {
    const dir = await emptyRepository('from-config');
    const answers = path.join(path.dirname(dir), 'answers.yaml');
    await writeFile(answers, 'project: acme-ml\nregion: europe-west4\nmodel: churn\nonly: env\n');
    await writeFile(path.join(dir, '.gitignore'), 'node_modules/\n/.env\n');
    const result = await mlops(['init', dir, '--config', answers]);
    expect(result.code).toBe(0);
    expect(await readFile(path.join(dir, '.gitignore'), 'utf8')).toBe(
      'node_modules/\n/.env\n# mlops-platform: local settings and run outputs\n.mlops/\n',
    );
    expect(await readFile(path.join(dir, 'config/mlops.env'), 'utf8')).toMatch(
      /^GCP_REGION=europe-west4$[\s\S]*^MLOPS_MODEL_NAME=churn$/m,
    );
    expect(existsSync(path.join(dir, 'pipelines'))).toBe(false);
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

function recordingUi(lines: string[]): Ui {
  const plain = (text: string): string => text;
  return {
    info: (message) => lines.push(message),
    warning: (message) => lines.push(`warning: ${message}`),
    debug: () => undefined,
    group: (_title, work) => work(),
    task: () => undefined,
    taskOutput: () => undefined,
    diagram: () => undefined,
    table: () => undefined,
    colors: { ok: plain, fail: plain, warn: plain, dim: plain, bold: plain },
  };
}

describe('mlops init --upgrade (in-process, with a newer copy of the templates)', () => {
  it('replaces pristine files, merges edited ones, keeps deleted ones deleted, refuses uncommitted ones', async () => {
    const dir = await emptyRepository('upgrade');
    expect((await mlops(['init', dir, '--yes', '--project', 'acme-ml'])).code).toBe(0);
    const file = (relative: string): string => path.join(dir, relative);
    await appendFile(file('pipelines/training-pipeline.yaml'), '# tuned by the team\n');
    await rm(file('pipelines/data/README.md'));
    git(dir, 'add', '--all');
    git(dir, 'commit', '--quiet', '--message', 'Lay mlops-platform');

    const { templates } = await readTemplatePackage(REPO_ROOT);
    const newer = {
      version: '1.0.0',
      action: templates.action,
      files: templates.files
        .filter((template) => template.path !== 'pipelines/data/make_churn_sample.py')
        .map((template) =>
          [
            'pipelines/training-pipeline.yaml',
            'pipelines/components/train.py',
            'pipelines/data/README.md',
          ].includes(template.path)
            ? { ...template, content: `# changed in 1.0.0\n${template.content}` }
            : template,
        ),
    };
    const lines: string[] = [];
    const context: CommandContext = {
      ui: recordingUi(lines),
      host: createCliHost(new Set()),
      cwd: dir,
      env: {},
    };
    const inputs: InitInputs = {
      dir,
      answers: {},
      only: undefined,
      interactive: false,
      dryRun: false,
      force: false,
      upgrade: true,
    };
    const source = { templates: newer, cliVersion: '1.0.0', skipped: [] };

    await writeFile(file('pipelines/components/train.py'), 'uncommitted\n');
    await expect(initRepository(inputs, context, source)).rejects.toThrow(UserError);
    await expect(initRepository(inputs, context, source)).rejects.toMatchObject({
      details: ['pipelines/components/train.py'],
    });
    git(dir, 'checkout', '--', 'pipelines/components/train.py');

    const result = await initRepository(inputs, context, source);
    expect(result.failure).toBeUndefined();
    const original = (relative: string): Promise<string> =>
      readFile(path.join(REPO_ROOT, relative), 'utf8');
    expect(await readFile(file('pipelines/components/train.py'), 'utf8')).toBe(
      `# changed in 1.0.0\n${await original('pipelines/components/train.py')}`,
    );
    expect(await readFile(file('pipelines/training-pipeline.yaml'), 'utf8')).toBe(
      `# changed in 1.0.0\n${await original('pipelines/training-pipeline.yaml')}# tuned by the team\n`,
    );
    expect(existsSync(file('pipelines/data/README.md'))).toBe(false);
    expect(existsSync(file('pipelines/data/make_churn_sample.py'))).toBe(false);
    const workflows = await Promise.all(
      WORKFLOW_TEMPLATES.map((name) => readFile(file(`.github/workflows/${name}`), 'utf8')),
    );
    for (const workflow of workflows) expect(workflow).not.toMatch(/mlops-platform\S*@v0\b/);
    expect((await lockOf(dir)).templateVersion).toBe('1.0.0');
    expect(lines.join('\n')).toMatch(/merge\s+pipelines\/training-pipeline\.yaml/);
    expect(lines.join('\n')).toMatch(/keep deleted\s+pipelines\/data\/README\.md/);
    expect(lines.join('\n')).toMatch(/remove\s+pipelines\/data\/make_churn_sample\.py/);
  });
});
