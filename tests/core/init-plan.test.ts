import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import {
  checkAnswers,
  INIT_PIECES,
  modelNameFromFolder,
  parseAnswersFile,
  workflowsAnswer,
  type InitPiece,
} from '../../src/core/init/answers.js';
import { CONFIGURATION } from '../../src/core/init/configuration.js';
import {
  laidContent,
  lockedFile,
  parseLock,
  serializeLock,
  type InitLock,
} from '../../src/core/init/lock.js';
import {
  decideFile,
  planInit,
  type FileVersions,
  type PlanInput,
} from '../../src/core/init/plan.js';
import { readmeSection, withReadmeSection } from '../../src/core/init/readme-section.js';
import {
  actionFromManifest,
  gitignoreWithEntries,
  renderEnvExample,
  renderLaidFiles,
  renderVariables,
  renderWorkflow,
  templateTarget,
  type TemplatePackage,
} from '../../src/core/init/templates.js';
import { mergeThreeWay, unifiedDiff } from '../../src/core/init/text-merge.js';

const PLAIN = { upgrade: false, force: false, templateLabel: 'mlops-platform 0.2.0' };
const UPGRADE = { ...PLAIN, upgrade: true };
const FORCE = { ...PLAIN, force: true };

describe('decideFile: template, base (the lock) and working copy', () => {
  const cases: Array<[string, FileVersions, typeof PLAIN, string, string | undefined]> = [
    ['new file', { template: 'T', base: undefined, current: undefined }, PLAIN, 'create', 'T'],
    ['same as template', { template: 'T', base: 'B', current: 'T' }, PLAIN, 'unchanged', 'T'],
    [
      'pristine, template changed',
      { template: 'T', base: 'B', current: 'B' },
      PLAIN,
      'update',
      'T',
    ],
    ['edited by the user', { template: 'T', base: 'T', current: 'U' }, PLAIN, 'conflict', 'U'],
    ['there before init', { template: 'T', base: undefined, current: 'U' }, PLAIN, 'conflict', 'U'],
    ['edited, --force', { template: 'T', base: 'B', current: 'U' }, FORCE, 'replace', 'T'],
    [
      'edited, template same, upgrade',
      { template: 'T', base: 'T', current: 'U' },
      UPGRADE,
      'keep-modified',
      'U',
    ],
    [
      'not laid by init, upgrade',
      { template: 'T', base: undefined, current: 'U' },
      UPGRADE,
      'conflict',
      'U',
    ],
    [
      'deleted by the user',
      { template: 'T', base: 'B', current: undefined },
      PLAIN,
      'keep-deleted',
      undefined,
    ],
    [
      'deleted, --force',
      { template: 'T', base: 'B', current: undefined },
      FORCE,
      'keep-deleted',
      undefined,
    ],
    [
      'obsolete, pristine',
      { template: undefined, base: 'B', current: 'B' },
      PLAIN,
      'remove',
      undefined,
    ],
    [
      'obsolete, edited',
      { template: undefined, base: 'B', current: 'U' },
      UPGRADE,
      'keep-obsolete',
      'U',
    ],
    [
      'obsolete and gone',
      { template: undefined, base: 'B', current: undefined },
      PLAIN,
      'keep-deleted',
      undefined,
    ],
  ];
  it.each(cases)('%s → %s', (_name, versions, mode, action, content) => {
    const decision = decideFile(versions, mode);
    expect(decision.action).toBe(action);
    expect(decision.content).toBe(content);
  });

  it('keeps the old base in the lock for a conflict, so the next run reports it again', () => {
    expect(decideFile({ template: 'T', base: 'B', current: 'U' }, PLAIN).base).toBe('B');
    expect(decideFile({ template: 'T', base: 'B', current: 'B' }, PLAIN).base).toBe('T');
    expect(
      decideFile({ template: undefined, base: 'B', current: 'U' }, PLAIN).base,
    ).toBeUndefined();
  });

  it('merges on upgrade: clean when the changes touch different lines', () => {
    const base = 'a\nb\nc\nd\ne\n';
    const decision = decideFile(
      { template: 'a\nb\nc\nd\nE\n', base, current: 'A\nb\nc\nd\ne\n' },
      UPGRADE,
    );
    expect(decision).toEqual({
      action: 'merge',
      content: 'A\nb\nc\nd\nE\n',
      base: 'a\nb\nc\nd\nE\n',
    });
  });

  it('merges on upgrade with conflict markers where both changed the same line', () => {
    const decision = decideFile(
      { template: 'a\nT\nc\n', base: 'a\nb\nc\n', current: 'a\nU\nc\n' },
      UPGRADE,
    );
    expect(decision.action).toBe('merge-conflict');
    expect(decision.content).toBe(
      'a\n<<<<<<< yours\nU\n=======\nT\n>>>>>>> mlops-platform 0.2.0\nc\n',
    );
  });
});

describe('text merge and diff', () => {
  it('treats the same change on both sides as no conflict', () => {
    expect(mergeThreeWay('a\nX\nc\n', 'a\nb\nc\n', 'a\nX\nc\n', 'template')).toEqual({
      content: 'a\nX\nc\n',
      conflicted: false,
    });
  });

  it('writes a unified diff with context and hunk headers', () => {
    const before = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', ''].join('\n');
    const after = before.replace('2\n', 'two\n').replace('9\n', '9\nnine\n');
    expect(unifiedDiff(before, after, { before: 'yours', after: 'template' })).toBe(
      [
        '--- yours',
        '+++ template',
        '@@ -1,5 +1,5 @@',
        ' 1',
        '-2',
        '+two',
        ' 3',
        ' 4',
        ' 5',
        '@@ -7,4 +7,5 @@',
        ' 7',
        ' 8',
        ' 9',
        '+nine',
        ' 10',
      ].join('\n'),
    );
  });
});

describe('the lock', () => {
  const lock: InitLock = {
    cliVersion: '0.1.0',
    templateVersion: '0.1.0',
    answers: { project: 'acme-ml', region: 'us-central1' },
    only: ['workflows', 'env'],
    files: [lockedFile('b.yml', 'workflows', 'b\n'), lockedFile('a.env', 'env', 'A=1\n')],
  };

  it('round-trips byte for byte, files sorted, laid content intact', () => {
    const text = serializeLock(lock);
    const parsed = parseLock(text);
    expect(serializeLock(parsed)).toBe(text);
    expect(parsed.files.map((file) => file.path)).toEqual(['a.env', 'b.yml']);
    expect(parsed.files.map(laidContent)).toEqual(['A=1\n', 'b\n']);
  });

  it('refuses a damaged lock with the way back', () => {
    expect(() => parseLock('{')).toThrow(UserError);
    expect(() => parseLock('{"format": 2}')).toThrow(/not a lock this version/);
    const tampered = { ...lockedFile('a', 'env', 'A=1\n'), sha256: '0'.repeat(64) };
    expect(() => laidContent(tampered)).toThrow(/damaged/);
  });
});

const TEMPLATES: TemplatePackage = {
  version: '1.2.0',
  action: 'acme/mlops',
  files: [
    {
      path: 'workflows-templates/check.yml',
      content:
        'on:\n  push:\n    branches: [$default-branch]\njobs:\n  a:\n    uses: your-org/mlops-platform/.github/workflows/check.yml@v0\n',
    },
    { path: 'workflows-templates/check.properties.json', content: '{}' },
    { path: 'pipelines/training-pipeline.yaml', content: 'name: training\n' },
    { path: 'pipelines/components/train.py', content: 'print(1)\n' },
    { path: 'pipelines/components/__pycache__/train.cpython-311.pyc', content: 'x' },
  ],
};
const ANSWERS = {
  project: 'acme-ml',
  region: 'europe-west4',
  model: 'churn',
  'default-branch': 'trunk',
};

function plan(overrides: Partial<PlanInput>) {
  const pieces = overrides.pieces ?? INIT_PIECES;
  return planInit({
    laid: renderLaidFiles(TEMPLATES, ANSWERS, pieces),
    pieces,
    lock: undefined,
    files: new Map(),
    readmeTitle: 'repo',
    ...PLAIN,
    ...overrides,
  });
}

function lockOf(
  result: ReturnType<typeof plan>,
  pieces: readonly InitPiece[] = INIT_PIECES,
): InitLock {
  return {
    cliVersion: '1',
    templateVersion: '1',
    answers: ANSWERS,
    only: pieces,
    files: result.locked,
  };
}

function filesAfter(result: ReturnType<typeof plan>, before = new Map<string, string>()) {
  const files = new Map(before);
  for (const file of result.files) {
    if (file.next === undefined) files.delete(file.path);
    else files.set(file.path, file.next);
  }
  return files;
}

describe('planInit', () => {
  it('lays every piece into an empty repository, and a second run changes nothing', () => {
    const first = plan({});
    expect(first.files.map((file) => [file.path, file.action])).toEqual([
      ['.env.example', 'create'],
      ['.github/workflows/check.yml', 'create'],
      ['.gitignore', 'create'],
      ['README.md', 'create'],
      ['config/mlops.env', 'create'],
      ['pipelines/components/train.py', 'create'],
      ['pipelines/training-pipeline.yaml', 'create'],
    ]);
    const files = filesAfter(first);
    expect(files.get('.github/workflows/check.yml')).toContain(
      'branches: [trunk]\njobs:\n  a:\n    uses: acme/mlops/.github/workflows/check.yml@v1\n',
    );
    expect(files.get('README.md')).toMatch(/^# repo\n\n<!-- mlops-platform:start -->\n/);
    const second = plan({ lock: lockOf(first), files });
    expect(second.files.every((file) => !file.changes && file.action === 'unchanged')).toBe(true);
    expect(serializeLock(lockOf(second))).toBe(serializeLock(lockOf(first)));
  });

  it('upgrades: pristine replaced, edited merged, deleted kept deleted, obsolete removed or kept', () => {
    const old: TemplatePackage = {
      ...TEMPLATES,
      files: [
        ...TEMPLATES.files,
        { path: 'pipelines/components/old.py', content: 'old\n' },
        { path: 'pipelines/components/old_edited.py', content: 'old\n' },
        { path: 'pipelines/data/sample.csv', content: 'a,b\n1,2\n' },
      ],
    };
    const pieces: InitPiece[] = ['pipelines', 'components'];
    const first = plan({ laid: renderLaidFiles(old, ANSWERS, pieces), pieces });
    const files = filesAfter(first);
    files.set('pipelines/training-pipeline.yaml', 'name: training\n# ours\n');
    files.set('pipelines/components/old_edited.py', 'old\nours\n');
    files.delete('pipelines/data/sample.csv');

    const changed: TemplatePackage = {
      ...TEMPLATES,
      files: [
        ...TEMPLATES.files.map((file) => ({ ...file, content: `# v2\n${file.content}` })),
        { path: 'pipelines/data/sample.csv', content: 'a,b\n3,4\n' },
      ],
    };
    const upgrade = plan({
      laid: renderLaidFiles(changed, ANSWERS, pieces),
      pieces,
      lock: lockOf(first, pieces),
      files,
      ...UPGRADE,
    });
    expect(Object.fromEntries(upgrade.files.map((file) => [file.path, file.action]))).toEqual({
      'pipelines/components/old.py': 'remove',
      'pipelines/components/old_edited.py': 'keep-obsolete',
      'pipelines/components/train.py': 'update',
      'pipelines/data/sample.csv': 'keep-deleted',
      'pipelines/training-pipeline.yaml': 'merge',
    });
    const after = filesAfter(upgrade, files);
    expect(after.get('pipelines/training-pipeline.yaml')).toBe('# v2\nname: training\n# ours\n');
    expect(after.has('pipelines/components/old.py')).toBe(false);
    expect(after.get('pipelines/components/old_edited.py')).toBe('old\nours\n');
    expect(after.has('pipelines/data/sample.csv')).toBe(false);
    expect(upgrade.locked.map((file) => file.path).sort()).toEqual([
      'pipelines/components/train.py',
      'pipelines/data/sample.csv',
      'pipelines/training-pipeline.yaml',
    ]);
  });

  it('leaves the pieces it does not lay, and their lock entries, alone', () => {
    const first = plan({});
    const onlyWorkflows = plan({
      pieces: ['workflows'],
      lock: lockOf(first),
      files: filesAfter(first),
    });
    expect(onlyWorkflows.files.map((file) => file.path)).toEqual(['.github/workflows/check.yml']);
    expect(onlyWorkflows.locked.map((file) => file.path).sort()).toEqual(
      first.locked.map((file) => file.path).sort(),
    );
  });

  it('shows a conflict as a diff from yours to the template and writes nothing', () => {
    const files = new Map([['pipelines/training-pipeline.yaml', 'name: mine\n']]);
    const result = plan({ pieces: ['pipelines'], files });
    const [file] = result.files;
    expect(file).toMatchObject({ action: 'conflict', changes: false });
    expect(file?.diff).toContain('-name: mine\n+name: training');
    expect(result.locked).toEqual([]);
  });

  it("appends the README section to the team's README and updates only the section", () => {
    const readme = '# Churn\n\nOur model.\n';
    const first = plan({ pieces: ['readme'], files: new Map([['README.md', readme]]) });
    const laid = first.files[0]?.next ?? '';
    expect(laid.startsWith(`${readme}\n<!-- mlops-platform:start -->`)).toBe(true);
    const edited = laid.replace('Our model.', 'Our best model.');
    const second = plan({
      pieces: ['readme'],
      lock: lockOf(first),
      files: new Map([['README.md', edited]]),
    });
    expect(second.files[0]).toMatchObject({ action: 'unchanged', changes: false });
  });
});

describe('README section', () => {
  it('replaces, appends and removes only the marked part', () => {
    const section = '<!-- mlops-platform:start -->\nS\n<!-- mlops-platform:end -->\n';
    expect(withReadmeSection(undefined, section, 'T')).toBe(`# T\n\n${section}`);
    expect(withReadmeSection('intro', section, 'T')).toBe(`intro\n\n${section}`);
    const readme = `intro\n\n${section}outro\n`;
    expect(readmeSection(readme)).toBe(section);
    expect(withReadmeSection(readme, section.replace('S', 'S2'), 'T')).toBe(
      `intro\n\n${section.replace('S', 'S2')}outro\n`,
    );
    expect(withReadmeSection(readme, undefined, 'T')).toBe('intro\noutro\n');
  });
});

describe('rendering', () => {
  it('lays the workflows the answer names, and refuses a name no template has', () => {
    const templates: TemplatePackage = {
      ...TEMPLATES,
      files: ['mlops-pr-check.yml', 'mlops-train-and-deploy.yml', 'mlops-drift-check.yml'].map(
        (name) => ({ path: `workflows-templates/${name}`, content: 'on: push\n' }),
      ),
    };
    const laid = (workflows?: string) =>
      renderLaidFiles(templates, { ...ANSWERS, ...(workflows ? { workflows } : {}) }, [
        'workflows',
      ]).map((file) => file.path);
    expect(laid()).toHaveLength(3);
    expect(laid('all')).toHaveLength(3);
    expect(laid('pr-check,drift-check')).toEqual([
      '.github/workflows/mlops-drift-check.yml',
      '.github/workflows/mlops-pr-check.yml',
    ]);
    expect(() => laid('pr-check,deploy')).toThrow(
      expect.objectContaining({
        message: 'Unknown workflow "deploy"',
        fix: 'Choose from: pr-check, train-and-deploy, drift-check (or all).',
      }),
    );
    expect(workflowsAnswer(['pr-check', ' drift-check '])).toBe('pr-check,drift-check');
    expect(workflowsAnswer(' , ')).toBeUndefined();
  });

  it('maps template files to where and as which piece they are laid', () => {
    expect(templateTarget('workflows-templates/a.yml')).toEqual({
      path: '.github/workflows/a.yml',
      piece: 'workflows',
    });
    expect(templateTarget('workflows-templates/a.properties.json')).toBeUndefined();
    expect(templateTarget('pipelines/Dockerfile')?.piece).toBe('pipelines');
    expect(templateTarget('pipelines/data/x.csv')?.piece).toBe('pipelines');
    expect(templateTarget('pipelines/features.py')).toEqual({
      path: 'pipelines/features.py',
      piece: 'pipelines',
    });
    expect(templateTarget('pipelines/serving/server.py')?.piece).toBe('components');
    expect(templateTarget('pipelines/cloud/__pycache__/a.pyc')).toBeUndefined();
    expect(templateTarget('pipelines/notes.txt')).toBeUndefined();
  });

  it('points every uses: of the platform at the action and its major version', () => {
    const workflow = [
      'branches: [$default-branch]',
      'uses: your-org/mlops-platform/.github/workflows/x.yml@main',
      "- uses: 'mlops-platform/mlops-platform@v0'",
      '- uses: acme/mlops@v7 # pinned',
      '- uses: actions/checkout@v5',
    ].join('\n');
    expect(
      renderWorkflow(workflow, { action: 'acme/mlops', version: '2.3.1', defaultBranch: 'main' }),
    ).toBe(
      [
        'branches: [main]',
        'uses: acme/mlops/.github/workflows/x.yml@v2',
        "- uses: 'acme/mlops@v2'",
        '- uses: acme/mlops@v2 # pinned',
        '- uses: actions/checkout@v5',
      ].join('\n'),
    );
  });

  it.each([
    [{ mlops: { action: 'acme/ml' }, repository: 'github:x/y' }, 'acme/ml'],
    [
      { repository: { type: 'git', url: 'git+https://github.com/acme/platform.git' } },
      'acme/platform',
    ],
    [{ repository: 'git@github.com:acme/platform.git' }, 'acme/platform'],
    [{ repository: 'acme/platform' }, 'acme/platform'],
    [{}, 'mlops-platform/mlops-platform'],
  ])('the action of %j is %s', (manifest, action) => {
    expect(actionFromManifest(manifest)).toBe(action);
  });

  it('documents every setting in .env.example and commits only variables', () => {
    expect(CONFIGURATION.map((entry) => `${entry.name}:${entry.kind}`)).toEqual([
      'GCP_PROJECT:variable',
      'GCP_REGION:variable',
      'GCP_WORKLOAD_IDENTITY_PROVIDER:variable',
      'GCP_SERVICE_ACCOUNT:variable',
      'GCP_DEPLOY_SERVICE_ACCOUNT:variable',
      'GCP_PIPELINE_SERVICE_ACCOUNT:variable',
      'GCP_PIPELINE_ROOT:variable',
      'MLOPS_MODEL_NAME:variable',
      'MLOPS_IMAGE_REPOSITORY:variable',
      'MLOPS_TRAINING_DATA_URI:variable',
      'MLOPS_PREDICTION_INPUTS_URI:variable',
      'MLOPS_SYNC_TOKEN:secret',
    ]);
    const example = renderEnvExample(ANSWERS, TEMPLATES);
    for (const entry of CONFIGURATION)
      expect(example).toMatch(new RegExp(`^# ${entry.name} \\(`, 'm'));
    expect(example).toContain('GCP_PROJECT=acme-ml\n');
    expect(example).toContain('MLOPS_IMAGE_REPOSITORY=ml-images\n');
    const variables = renderVariables(ANSWERS);
    expect(variables).toContain('GCP_REGION=europe-west4\n# GCP_WORKLOAD_IDENTITY_PROVIDER=');
    expect(variables).toContain('MLOPS_MODEL_NAME=churn\n');
    expect(variables).toContain(
      '# GCP_SERVICE_ACCOUNT=mlops-training@PROJECT.iam.gserviceaccount.com\n# GCP_DEPLOY_SERVICE_ACCOUNT=mlops-deploy@PROJECT.iam.gserviceaccount.com\n',
    );
    expect(variables).not.toContain('MLOPS_SYNC_TOKEN');
  });

  it('adds the .gitignore entries once, in whatever spelling is there', () => {
    expect(gitignoreWithEntries(undefined)).toBe(
      '# mlops-platform: local settings and run outputs\n.env\n.mlops/\n',
    );
    expect(gitignoreWithEntries('node_modules/\n/.mlops')).toBe(
      'node_modules/\n/.mlops\n# mlops-platform: local settings and run outputs\n.env\n',
    );
    const complete = 'x\n.env\n.mlops/\n';
    expect(gitignoreWithEntries(complete)).toBe(complete);
  });
});

describe('answers', () => {
  const defaults = {
    region: 'us-central1',
    model: 'repo',
    'default-branch': 'main',
    workflows: 'all',
  };

  it('lists every missing or malformed answer in one error, and needs project only for env', () => {
    const missing = (() => {
      try {
        checkAnswers({ region: 'mars', model: 'Bad Name' }, defaults, INIT_PIECES);
      } catch (error) {
        return error;
      }
    })();
    expect(missing).toBeInstanceOf(UserError);
    expect((missing as UserError).details).toEqual([
      'project (Google Cloud project ID): give --project or "project:" in the --config file',
      'region is "mars": use a Google Cloud region such as us-central1 or europe-west4',
      'model is "Bad Name": use up to 63 lowercase letters, digits, hyphens or underscores, starting with a letter',
    ]);
    expect(checkAnswers({}, defaults, ['workflows', 'pipelines'])).toEqual({
      'default-branch': 'main',
      workflows: 'all',
    });
    expect(() => checkAnswers({ workflows: 'pr check' }, defaults, ['workflows'])).toThrow(
      expect.objectContaining({ details: [expect.stringMatching(/^workflows is "pr check"/)] }),
    );
    expect(checkAnswers({ project: 'acme-ml' }, defaults, ['pipelines'])).toEqual({
      project: 'acme-ml',
    });
  });

  it('reads an answers file with the flag names', () => {
    expect(
      parseAnswersFile('project: acme-ml\ndefault-branch: trunk\nonly: workflows, env\n', 'a.yaml'),
    ).toEqual({
      answers: { project: 'acme-ml', 'default-branch': 'trunk' },
      only: ['workflows', 'env'],
    });
    expect(parseAnswersFile('only: [env, workflows]', 'a.yaml').only).toEqual(['workflows', 'env']);
    expect(() => parseAnswersFile('projct: x', 'a.yaml')).toThrow(/unexpected content/);
    expect(() => parseAnswersFile('only: everything', 'a.yaml')).toThrow(
      /Unknown piece "everything"/,
    );
  });

  it.each([
    ['acme-churn', 'acme-churn'],
    ['My Churn.Model', 'my-churn-model'],
    ['2024_forecast', 'forecast'],
    ['---', 'model'],
  ])('the model name of folder %s is %s', (folder, model) => {
    expect(modelNameFromFolder(folder)).toBe(model);
  });
});
