import { existsSync } from 'node:fs';
import { appendFile, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTemplatePackage } from '../../src/adapters/init-files.js';
import { initCommand, initRepository, type InitInputs } from '../../src/commands/init.js';
import { UserError } from '../../src/core/errors.js';
import { laidContent, LOCK_PATH, parseLock } from '../../src/core/init/lock.js';
import { actionFromManifest, majorVersionTag } from '../../src/core/init/templates.js';
import { emptyRepository, git } from '../helpers/git-repository.js';
import { REPO_ROOT, tempDir } from '../helpers/paths.js';
import { createRecordingHost, runCommand, type InputValue } from '../helpers/recording-host.js';

/**
 * init in-process: the templates of this checkout laid into temporary git repositories, with
 * what the CLI would print recorded (tests/e2e/init.test.ts runs dist/cli.js once).
 */

const manifest = JSON.parse(await readFile(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
  version: string;
};
const ACTION = actionFromManifest(manifest);
const TAG = majorVersionTag(manifest.version);
const WORKFLOW_TEMPLATES = (await readdir(path.join(REPO_ROOT, 'workflows-templates'))).filter(
  (name) => name.endsWith('.yml'),
);

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

/** `mlops init DIR …` as the CLI runs it, never asking (--yes unless `yes: false`). */
function init(
  dir: string,
  inputs: Record<string, InputValue> = {},
  options: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
) {
  return runCommand(
    initCommand,
    { dir, yes: true, ...inputs },
    { cwd: options.cwd ?? path.dirname(dir), env: { CI: 'true', ...options.env } },
  );
}

describe('init (in-process)', () => {
  it('lays workflows, pipelines, components and settings into an empty git repository; again, changes nothing', async () => {
    const dir = await emptyRepository('acme-churn');
    const result = await init(dir, { project: 'acme-ml' });
    expect(result.userError?.describe()).toBeUndefined();
    expect(result.failure).toBeUndefined();
    expect(result.infos.join('\n')).toMatch(/create\s+\.github\/workflows\//);

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
      'pipelines/features.py',
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
    // Every file laid is counted, the lock aside.
    const laid = [...(await snapshot(dir)).keys()].filter((file) => file !== LOCK_PATH);
    expect(result.outputs).toEqual({
      'files-created': String(laid.length),
      'files-updated': '0',
      conflicts: '0',
    });
    const steps = result.infos.slice(result.infos.indexOf('\nNext steps') + 1);
    expect(steps[0]).toMatch(/^ {2}1\. cp \.env\.example \.env/);
    expect(steps[1]).toMatch(
      /^ {2}2\. Train on this machine, on the sample data: cd acme-churn && python3\.11 -m venv/,
    );
    expect(steps.at(-1)).toContain(`Commit everything, ${LOCK_PATH} included`);

    const before = await snapshot(dir);
    const again = await init(dir, {}, { cwd: dir });
    expect(again.failure).toBeUndefined();
    expect(again.infos).toContain(
      'Nothing to change: the repository is up to date with the templates.',
    );
    expect(again.outputs).toEqual({ 'files-created': '0', 'files-updated': '0', conflicts: '0' });
    expect(await snapshot(dir)).toEqual(before);
  });

  it('prints the plan on dry-run and writes nothing, not even the folder; then creates it, on main outside git', async () => {
    const dir = path.join(await tempDir('cmd-init-dry'), 'new-repo');
    const dry = await init(dir, { 'dry-run': true, project: 'acme-ml' });
    expect(dry.userError?.describe()).toBeUndefined();
    expect(dry.infos.join('\n')).toMatch(/create\s+pipelines\/training-pipeline\.yaml/);
    const summary = dry.infos.find((line) => line.startsWith('Dry run:'));
    expect(summary).toBe(
      `Dry run: nothing written (${dry.outputs['files-created'] ?? ''} files would change).`,
    );
    expect(existsSync(dir)).toBe(false);

    const laid = await init(dir, { project: 'acme-ml' });
    expect(laid.failure).toBeUndefined();
    expect(laid.outputs['files-created']).toBe(dry.outputs['files-created']);
    expect((await lockOf(dir)).answers['default-branch']).toBe('main');
  });

  it('leaves a workflow you changed, shows the diff and fails; force replaces it', async () => {
    const dir = await emptyRepository('edited');
    expect((await init(dir, { project: 'acme-ml' })).failure).toBeUndefined();
    const workflow = path.join(dir, '.github/workflows/mlops-pr-check.yml');
    const laid = await readFile(workflow, 'utf8');
    await writeFile(workflow, `${laid}# ours\n`);

    const conflict = await init(dir);
    expect(conflict.userError).toBeUndefined();
    expect(conflict.failure).toMatch(
      /^1 file\(s\) differ from the templates and were left as they are \(the diffs are above\): \.github\/workflows\/mlops-pr-check\.yml\. Keep or merge your changes with --upgrade/,
    );
    expect(conflict.outputs).toMatchObject({ conflicts: '1', 'files-updated': '0' });
    const printed = conflict.infos.join('\n');
    expect(printed).toMatch(/conflict\s+\.github\/workflows\/mlops-pr-check\.yml/);
    expect(printed).toContain('Conflict: .github/workflows/mlops-pr-check.yml');
    expect(printed).toContain('--- .github/workflows/mlops-pr-check.yml (yours)');
    expect(printed).toMatch(/^-# ours$/m);
    expect(printed).toMatch(/^ {2}\d+ files unchanged$/m);
    expect(printed).not.toContain('Next steps');
    expect(await readFile(workflow, 'utf8')).toBe(`${laid}# ours\n`);

    const forced = await init(dir, { force: true });
    expect(forced.failure).toBeUndefined();
    expect(forced.outputs).toMatchObject({ conflicts: '0', 'files-updated': '1' });
    expect(forced.infos.join('\n')).toMatch(/replace\s+\.github\/workflows\/mlops-pr-check\.yml/);
    expect(await readFile(workflow, 'utf8')).toBe(laid);
  });

  it('lays only the workflows with only: workflows, needing no project', async () => {
    const dir = await emptyRepository('workflows-only');
    const result = await init(dir, { only: 'workflows', 'default-branch': 'trunk' });
    expect(result.userError?.describe()).toBeUndefined();
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
    expect(all.join('\n')).toMatch(/\btrunk\b/);
    // No env piece: no .env steps among the next steps.
    expect(result.infos.join('\n')).not.toContain('.env.example');
  });

  it('lays only the workflows the workflows input names, and records the choice; an unknown one is an error', async () => {
    const dir = await emptyRepository('workflows-chosen');
    const result = await init(dir, { only: 'workflows', workflows: 'pr-check, train-and-deploy' });
    expect(result.userError?.describe()).toBeUndefined();
    expect((await readdir(path.join(dir, '.github/workflows'))).sort()).toEqual([
      'mlops-pr-check.yml',
      'mlops-train-and-deploy.yml',
    ]);
    expect((await lockOf(dir)).answers.workflows).toBe('pr-check,train-and-deploy');

    const unknown = await init(dir, { only: 'workflows', workflows: 'deploy' });
    expect(unknown.userError?.describe()).toContain('Unknown workflow "deploy"');
    expect(unknown.userError?.describe()).toContain('pr-check-vertex');
  });

  it('an unknown piece in only is an error naming the pieces there are', async () => {
    const dir = await emptyRepository('unknown-piece');
    const result = await init(dir, { only: 'workflows,secrets' });
    expect(result.userError?.message).toContain('Unknown piece "secrets" in only');
    expect(result.userError?.fix).toMatch(/^Use some of: .*workflows/);
    expect([...(await snapshot(dir)).keys()]).toEqual([]);
  });

  it('fails with every missing answer and writes nothing when it cannot ask; an upgrade needs the lock', async () => {
    const dir = await emptyRepository('no-answers');
    const result = await init(dir, { yes: false, model: 'Not Valid' }, { env: { CI: 'true' } });
    const error = result.userError;
    expect(error?.message).toBe(
      'mlops init is missing answers or has invalid ones; nothing was written',
    );
    expect(error?.details).toContain(
      'project (Google Cloud project ID): give --project or "project:" in the --config file',
    );
    expect(error?.details?.some((line) => line.startsWith('model is "Not Valid"'))).toBe(true);
    expect(error?.fix).toContain('--config answers.yaml');
    expect([...(await snapshot(dir)).keys()]).toEqual([]);

    const upgrade = await init(dir, { upgrade: true });
    expect(upgrade.userError?.message).toBe(
      `${path.join(dir, LOCK_PATH)} does not exist: there is nothing to upgrade`,
    );
    expect(upgrade.userError?.fix).toContain('Run mlops init first');
  });

  it('takes the same answers from a config file as from flags, adding to an existing .gitignore', async () => {
    const dir = await emptyRepository('from-config');
    const answers = path.join(path.dirname(dir), 'answers.yaml');
    await writeFile(answers, 'project: acme-ml\nregion: europe-west4\nmodel: churn\nonly: env\n');
    await writeFile(path.join(dir, '.gitignore'), 'node_modules/\n/.env\n');
    const result = await init(dir, { yes: false, config: answers });
    expect(result.userError?.describe()).toBeUndefined();
    expect(await readFile(path.join(dir, '.gitignore'), 'utf8')).toBe(
      'node_modules/\n/.env\n# mlops-platform: local settings and run outputs\n.mlops/\n',
    );
    expect(await readFile(path.join(dir, 'config/mlops.env'), 'utf8')).toMatch(
      /^GCP_REGION=europe-west4$[\s\S]*^MLOPS_MODEL_NAME=churn$/m,
    );
    expect(existsSync(path.join(dir, 'pipelines'))).toBe(false);
    // Flags win over the file.
    const flags = await init(dir, { config: answers, region: 'us-east1' });
    expect(flags.userError?.describe()).toBeUndefined();
    expect(await readFile(path.join(dir, 'config/mlops.env'), 'utf8')).toMatch(
      /^GCP_REGION=us-east1$/m,
    );
  });

  it('a config file that is missing, not YAML or has other keys is one clear error', async () => {
    const dir = await emptyRepository('bad-config');
    const folder = path.dirname(dir);
    const missing = await init(dir, { config: 'no-such-answers.yaml' });
    expect(missing.userError?.message).toBe(
      `Cannot read the answers file ${path.join(folder, 'no-such-answers.yaml')}`,
    );
    expect(missing.userError?.fix).toContain('YAML file with the answers');

    await writeFile(path.join(folder, 'broken.yaml'), 'project: [acme\n');
    const broken = await init(dir, { config: 'broken.yaml' });
    expect(broken.userError?.message).toMatch(/broken\.yaml is not valid YAML/);

    await writeFile(path.join(folder, 'extra.yaml'), 'project: acme-ml\nzone: us-central1-a\n');
    const extra = await init(dir, { config: 'extra.yaml' });
    expect(extra.userError?.message).toMatch(/extra\.yaml has unexpected content/);
    expect(extra.userError?.fix).toMatch(/^Use only the keys project, region, model/);
    expect([...(await snapshot(dir)).keys()]).toEqual([]);
  });
});

describe('init upgrade (in-process, with a newer copy of the templates)', () => {
  it('replaces pristine files, merges edited ones, keeps deleted ones deleted, refuses uncommitted ones', async () => {
    const dir = await emptyRepository('upgrade');
    expect((await init(dir, { project: 'acme-ml' })).failure).toBeUndefined();
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
    const { ui, host, recording } = createRecordingHost();
    const context = { ui, host, cwd: dir, env: {} };
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
      message: 'The upgrade would change files with uncommitted changes',
      details: ['pipelines/components/train.py'],
    });
    git(dir, 'checkout', '--', 'pipelines/components/train.py');

    recording.infos.length = 0;
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
    const printed = recording.infos.join('\n');
    expect(printed).toMatch(/merge\s+pipelines\/training-pipeline\.yaml/);
    expect(printed).toMatch(/keep deleted\s+pipelines\/data\/README\.md/);
    expect(printed).toMatch(/remove\s+pipelines\/data\/make_churn_sample\.py/);
    expect(printed).toContain('Review the upgrade with git diff');
  });
});
