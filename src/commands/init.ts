import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import {
  detectDefaultBranch,
  packageVersion,
  readRepositoryFiles,
  readTemplatePackage,
  readTextFile,
  uncommittedPaths,
  writeRepositoryFiles,
} from '../adapters/init-files.js';
import { packageRoot } from '../adapters/package-root.js';
import { UserError } from '../core/errors.js';
import {
  checkAnswers,
  INIT_PIECES,
  mergeAnswers,
  modelNameFromFolder,
  parseAnswersFile,
  parsePieces,
  questionsFor,
  withoutBlanks,
  workflowsAnswer,
  type AnswerKey,
  type InitPiece,
  type PartialAnswers,
} from '../core/init/answers.js';
import { LOCK_PATH, parseLock, serializeLock } from '../core/init/lock.js';
import { pathsToRead, planInit, type InitPlan } from '../core/init/plan.js';
import { renderLaidFiles, type TemplatePackage } from '../core/init/templates.js';
import type { CommandContext, CommandResult } from './command.js';
import { defineCommand, listInput, parseFields } from './command.js';
import { printPlan, printNextSteps, planOutputs } from './init-report.js';

/**
 * `mlops init [DIR]`: lays the platform's workflows, reference pipelines, components and
 * settings into a team's repository from this package's own files, records what it laid in
 * the lock, and on later runs updates what the team left untouched and merges the rest.
 * CLI only: it prepares a repository before any workflow runs.
 */

export interface InitInputs {
  readonly dir: string;
  /** Flags over the --config file. */
  readonly answers: PartialAnswers;
  readonly only: InitPiece[] | undefined;
  readonly interactive: boolean;
  readonly dryRun: boolean;
  readonly force: boolean;
  readonly upgrade: boolean;
}

/** What parseInputs gives: the flags, before the planning phase reads the --config file. */
interface InitRequest extends Omit<InitInputs, 'interactive'> {
  /** The answers file, resolved against the working directory. */
  readonly configFile: string | undefined;
  /** Never ask. */
  readonly yes: boolean;
}

/** Where the templates come from: this package, or another copy in tests of upgrades. */
export interface TemplateSource {
  readonly templates: TemplatePackage;
  readonly cliVersion: string;
  /** Template files not laid, with why. */
  readonly skipped: readonly string[];
}

const DEFAULT_REGION = 'us-central1';

function readAnswersFile(file: string): ReturnType<typeof parseAnswersFile> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UserError(`Cannot read the answers file ${file}`, {
      cause: error,
      fix: 'Give the path of a YAML file with the answers (project, region, model, default-branch, workflows, only).',
    });
  }
  return parseAnswersFile(text, file);
}

/**
 * The planning phase: the flags over the --config file's answers and pieces, and whether to
 * ask the rest on the terminal (one there, and neither --yes nor CI).
 */
function planInitInputs(request: InitRequest, context: CommandContext): InitInputs {
  const { configFile, yes, ...flags } = request;
  const file = configFile ? readAnswersFile(configFile) : undefined;
  return {
    ...flags,
    answers: mergeAnswers(flags.answers, file?.answers ?? {}),
    only: flags.only ?? file?.only,
    interactive: !yes && process.stdin.isTTY && context.env.CI !== 'true',
  };
}

export const initCommand = defineCommand<InitRequest>({
  name: 'init',
  summary:
    'Lay the platform into a repository: workflows, reference pipelines and components, settings. Run again to update what you left untouched; --upgrade merges what you changed.',
  inputs: [
    {
      name: 'dir',
      description: 'The repository folder (created if missing). Defaults to the current folder.',
      kind: 'string',
      positional: true,
    },
    {
      name: 'project',
      description: 'The Google Cloud project ID (needed for the env piece).',
      kind: 'string',
      valueName: 'ID',
    },
    {
      name: 'region',
      // Not a `default`: those stand in for the flag, and the config file and lock come first.
      description: `The Vertex AI region. Defaults to ${DEFAULT_REGION}.`,
      kind: 'string',
    },
    {
      name: 'model',
      description: 'The model name in the Vertex AI Model Registry. Defaults to the folder name.',
      kind: 'string',
      valueName: 'NAME',
    },
    {
      name: 'default-branch',
      description:
        "The branch the workflows train and deploy from. Defaults to origin's default branch, else the current one, else main.",
      kind: 'string',
      valueName: 'BRANCH',
    },
    {
      name: 'workflows',
      description:
        'The workflows to add: all (the default) or, comma-separated: pr-check, pr-check-vertex, train-and-deploy, scheduled-retrain, drift-check, sync-secrets.',
      kind: 'string',
      valueName: 'NAMES',
    },
    {
      name: 'only',
      description: `Lay only these pieces, comma-separated: ${INIT_PIECES.join(', ')}. Defaults to all (an upgrade: those laid before).`,
      kind: 'list',
      valueName: 'PIECES',
    },
    {
      name: 'config',
      description:
        'A YAML answers file with the same keys as the flags (project, region, model, default-branch, workflows, only).',
      kind: 'string',
      valueName: 'FILE',
    },
    { name: 'yes', description: 'Never ask: take the defaults.', kind: 'boolean' },
    { name: 'dry-run', description: 'Print the plan, write nothing.', kind: 'boolean' },
    {
      name: 'force',
      description:
        'Replace files you changed with the templates instead of leaving or merging them.',
      kind: 'boolean',
    },
    {
      name: 'upgrade',
      description: `Bring the files laid before up to this version, three-way merging your changes (needs ${LOCK_PATH} and committed files).`,
      kind: 'boolean',
    },
  ],
  outputs: [
    { name: 'files-created', description: 'How many files were created.' },
    { name: 'files-updated', description: 'How many files were updated, merged or removed.' },
    { name: 'conflicts', description: 'How many files conflict with the templates.' },
  ],
  parseInputs(raw, context) {
    const configFile = raw.string('config')?.trim();
    return parseFields('init', {
      dir: () => path.resolve(context.cwd, raw.string('dir')?.trim() || '.'),
      answers: () =>
        withoutBlanks({
          project: raw.string('project'),
          region: raw.string('region'),
          model: raw.string('model'),
          'default-branch': raw.string('default-branch'),
          workflows: workflowsAnswer(raw.string('workflows')),
        }),
      only: () => parsePieces(listInput(raw, 'only')),
      configFile: () => (configFile ? path.resolve(context.cwd, configFile) : undefined),
      yes: () => raw.boolean('yes') ?? false,
      dryRun: () => raw.boolean('dry-run') ?? false,
      force: () => raw.boolean('force') ?? false,
      upgrade: () => raw.boolean('upgrade') ?? false,
    });
  },
  async run(request, context) {
    const inputs = planInitInputs(request, context);
    const root = packageRoot('workflows-templates');
    const { templates, skipped } = await readTemplatePackage(root);
    return initRepository(inputs, context, {
      templates,
      skipped,
      cliVersion: await packageVersion(root),
    });
  },
});

/** Asks, on the terminal, every question of the selected pieces that nothing answered yet. */
async function askMissingAnswers(
  given: PartialAnswers,
  defaults: PartialAnswers,
  pieces: readonly InitPiece[],
): Promise<PartialAnswers> {
  const questions = questionsFor(pieces).filter((question) => given[question.key] === undefined);
  if (questions.length === 0) return given;
  const terminal = createInterface({ input: process.stdin, output: process.stderr });
  // Lines are read through the iterator, which buffers them: pasted or piped answers that
  // arrive before their question are not lost.
  const replies = terminal[Symbol.asyncIterator]();
  const answered: Partial<Record<AnswerKey, string>> = { ...given };
  try {
    for (const question of questions) {
      const fallback = defaults[question.key];
      terminal.setPrompt(`${question.prompt}${fallback ? ` [${fallback}]` : ''}: `);
      terminal.prompt();
      const reply = await replies.next();
      if (reply.done) break;
      const value = String(reply.value).trim();
      if (value) answered[question.key] = value;
    }
  } finally {
    terminal.close();
  }
  return answered;
}

/** An upgrade rewrites files: only over committed ones, so `git diff` shows exactly what it did. */
function refuseUncommitted(dir: string, plan: InitPlan): void {
  const uncommitted = uncommittedPaths(dir);
  if (!uncommitted) return;
  const touched = plan.files.filter((file) => file.changes && uncommitted.has(file.path));
  if (touched.length === 0) return;
  throw new UserError('The upgrade would change files with uncommitted changes', {
    details: touched.map((file) => file.path),
    fix: 'Commit or stash them (git stash), then run the upgrade again.',
  });
}

/** The run behind `mlops init`, given where the templates come from. */
export async function initRepository(
  inputs: InitInputs,
  context: CommandContext,
  source: TemplateSource,
): Promise<CommandResult> {
  const { ui } = context;
  const { dir, upgrade } = inputs;
  const lockText = await readTextFile(path.join(dir, LOCK_PATH));
  const lock = lockText === undefined ? undefined : parseLock(lockText);
  if (upgrade && !lock) {
    throw new UserError(
      `${path.join(dir, LOCK_PATH)} does not exist: there is nothing to upgrade`,
      {
        fix: 'Run mlops init first (it writes the lock), and commit what it lays.',
      },
    );
  }
  const pieces = inputs.only ?? (upgrade && lock ? [...lock.only] : [...INIT_PIECES]);
  const defaults: PartialAnswers = {
    region: DEFAULT_REGION,
    model: modelNameFromFolder(path.basename(dir)),
    'default-branch': detectDefaultBranch(dir) ?? 'main',
    workflows: 'all',
  };
  const given = mergeAnswers(inputs.answers, lock?.answers ?? {});
  const answers = checkAnswers(
    inputs.interactive ? await askMissingAnswers(given, defaults, pieces) : given,
    defaults,
    pieces,
  );
  for (const file of source.skipped) ui.warning(`Not laid: ${file}`);

  const { templates } = source;
  const laid = renderLaidFiles(templates, answers, pieces);
  const plan = planInit({
    laid,
    pieces,
    lock,
    files: await readRepositoryFiles(dir, pathsToRead(laid, lock, pieces)),
    upgrade,
    force: inputs.force,
    templateLabel: `mlops-platform ${templates.version}`,
    readmeTitle: path.basename(dir),
  });
  if (upgrade && !inputs.dryRun) refuseUncommitted(dir, plan);
  printPlan(plan, ui, { dryRun: inputs.dryRun });

  const nextLock = serializeLock({
    cliVersion: source.cliVersion,
    templateVersion: templates.version,
    answers,
    only: INIT_PIECES.filter((piece) => pieces.includes(piece) || lock?.only.includes(piece)),
    files: plan.locked,
  });
  const changed = plan.files.filter((file) => file.changes);
  const outputs = planOutputs(plan);
  if (inputs.dryRun) {
    ui.info(`Dry run: nothing written (${changed.length} files would change).`);
    return { outputs };
  }
  if (changed.length > 0 || nextLock !== lockText) {
    await writeRepositoryFiles(
      dir,
      changed,
      nextLock === lockText ? undefined : { path: LOCK_PATH, content: nextLock },
    );
  }
  const conflicts = plan.files.filter((file) => file.action === 'conflict');
  const markers = plan.files.filter((file) => file.action === 'merge-conflict');
  const failures = [
    conflicts.length > 0
      ? `${conflicts.length} file(s) differ from the templates and were left as they are (the diffs are above): ${conflicts.map((f) => f.path).join(', ')}. Keep or merge your changes with --upgrade (for files init laid before), or replace them with --force`
      : '',
    markers.length > 0
      ? `${markers.length} file(s) have conflict markers to resolve: ${markers.map((f) => f.path).join(', ')}`
      : '',
  ].filter(Boolean);
  if (changed.length > 0) {
    printNextSteps(ui, {
      dir: path.relative(context.cwd, dir),
      pieces,
      upgrade,
      templates,
      hasDotEnv: existsSync(path.join(dir, '.env')),
    });
  } else if (failures.length === 0) {
    ui.info(ui.colors.ok('Nothing to change: the repository is up to date with the templates.'));
  }
  return failures.length > 0 ? { outputs, failure: failures.join('; ') } : { outputs };
}
