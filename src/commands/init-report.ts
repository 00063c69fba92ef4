import type { InitPiece } from '../core/init/answers.js';
import { LOCK_PATH } from '../core/init/lock.js';
import type { InitPlan, PlannedFile } from '../core/init/plan.js';
import {
  majorVersionTag,
  mlopsInvocation,
  VARIABLES_PATH,
  type TemplatePackage,
} from '../core/init/templates.js';
import type { Ui } from './command.js';

/** What `mlops init` prints: the plan, a line per file, and the next steps. */

const LABELS: Record<PlannedFile['action'], string> = {
  create: 'create',
  unchanged: 'skip',
  update: 'update',
  'keep-modified': 'keep (yours)',
  conflict: 'conflict',
  replace: 'replace',
  merge: 'merge',
  'merge-conflict': 'merge conflict',
  'keep-deleted': 'keep deleted',
  remove: 'remove',
  'keep-obsolete': 'keep obsolete',
};
const LABEL_WIDTH = Math.max(...Object.values(LABELS).map((label) => label.length));

function paint(ui: Ui, file: PlannedFile, text: string): string {
  if (file.action === 'conflict' || file.action === 'merge-conflict') return ui.colors.fail(text);
  if (file.action === 'keep-modified' || file.action === 'keep-obsolete')
    return ui.colors.warn(text);
  return file.changes ? ui.colors.ok(text) : ui.colors.dim(text);
}

/** A line per file (unchanged ones only in a dry run), then the diff of each conflict. */
export function printPlan(plan: InitPlan, ui: Ui, options: { dryRun: boolean }): void {
  let unchanged = 0;
  for (const file of plan.files) {
    if (file.action === 'unchanged' && !options.dryRun) {
      unchanged += 1;
      continue;
    }
    const name = file.piece === 'readme' ? `${file.path} (the mlops-platform section)` : file.path;
    ui.info(`  ${paint(ui, file, LABELS[file.action].padEnd(LABEL_WIDTH))}  ${name}`);
  }
  if (unchanged > 0) ui.info(ui.colors.dim(`  ${unchanged} files unchanged`));
  for (const file of plan.files) {
    if (file.diff) ui.info(`\n${ui.colors.fail(`Conflict: ${file.path}`)}\n${file.diff}`);
  }
  const obsolete = plan.files.filter((file) => file.action === 'keep-obsolete');
  if (obsolete.length > 0) {
    ui.warning(
      `No longer laid by mlops-platform, kept because you changed them (delete them if unused): ${obsolete.map((f) => f.path).join(', ')}`,
    );
  }
}

export function planOutputs(plan: InitPlan): Record<string, string> {
  const count = (actions: ReadonlyArray<PlannedFile['action']>): string =>
    String(plan.files.filter((file) => file.changes && actions.includes(file.action)).length);
  return {
    'files-created': count(['create']),
    'files-updated': count(['update', 'replace', 'merge', 'merge-conflict', 'remove']),
    conflicts: String(
      plan.files.filter((file) => file.action === 'conflict' || file.action === 'merge-conflict')
        .length,
    ),
  };
}

export function printNextSteps(
  ui: Ui,
  options: {
    readonly dir: string;
    readonly pieces: readonly InitPiece[];
    readonly upgrade: boolean;
    readonly templates: TemplatePackage;
    readonly hasDotEnv: boolean;
  },
): void {
  const { pieces, templates } = options;
  const inDir = options.dir ? ` (in ${options.dir})` : '';
  const steps: string[] = [];
  if (options.upgrade) {
    steps.push(
      `Review the upgrade with git diff${inDir}, and resolve any conflict markers (<<<<<<< yours).`,
    );
  } else {
    if (pieces.includes('env')) {
      steps.push(
        options.hasDotEnv
          ? 'Compare your .env with .env.example: it lists every setting the workflows read.'
          : 'cp .env.example .env and fill it in for local use (.env is gitignored: never commit it).',
      );
    }
    if (pieces.includes('pipelines') && pieces.includes('components')) {
      const cd = options.dir ? `cd ${options.dir} && ` : '';
      steps.push(
        `Train on this machine, on the sample data: ${cd}python3.11 -m venv .venv && .venv/bin/pip install -r pipelines/requirements.txt && ${mlopsInvocation(templates)} run --local pipelines/training-pipeline.yaml --python .venv/bin/python`,
      );
    }
    steps.push(
      `Set up Google Cloud (Workload Identity Federation, a training and a deploy service account, bucket): https://github.com/${templates.action}/blob/${majorVersionTag(templates.version)}/docs/google-cloud.md`,
      'Create the production environment (Settings → Environments) with deployment branches limited to the default branch: only its jobs may act as the deploy service account.',
    );
    if (pieces.includes('env')) {
      steps.push(
        `Fill in the rest of ${VARIABLES_PATH} (the repository variables), and store MLOPS_SYNC_TOKEN as a repository secret.`,
      );
    }
  }
  steps.push(
    `Commit everything, ${LOCK_PATH} included (upgrades merge from it), and open a pull request.`,
  );
  ui.info(`\n${ui.colors.bold('Next steps')}`);
  steps.forEach((step, index) => ui.info(`  ${index + 1}. ${step}`));
}
