import { UserError } from '../errors.js';
import {
  majorVersionTag,
  PRODUCT_NAME,
  PRODUCT_REPOSITORY,
  repositoryFromManifest,
} from '../product.js';
import { answerOf, type InitPiece, type PartialAnswers } from './answers.js';
import { CONFIGURATION, type ConfigurationEntry } from './configuration.js';
import { README_PATH, README_SECTION_END, README_SECTION_START } from './readme-section.js';

/**
 * What `mlops init` lays, rendered from the installed package's own files (the template source):
 * which template file goes where as which piece, and the few files written from code.
 */

/** A file of the template source, its path relative to the package root (`/`-separated). */
export interface TemplateFile {
  readonly path: string;
  readonly content: string;
}

export interface TemplatePackage {
  readonly version: string;
  /** The action's repository, OWNER/REPO, that laid workflows reference. */
  readonly action: string;
  readonly files: readonly TemplateFile[];
}

/**
 * A file as init lays it, its path relative to the repository. For the `readme` piece the
 * content is the marked section of README.md, not the whole file.
 */
export interface LaidFile {
  readonly path: string;
  readonly piece: InitPiece;
  readonly content: string;
}

export const DEFAULT_ACTION = PRODUCT_REPOSITORY;
export const ENV_EXAMPLE_PATH = '.env.example';
export const VARIABLES_PATH = 'config/mlops.env';
export const GITIGNORE_PATH = '.gitignore';

const PIPELINE_FILES = [
  'training-pipeline.yaml',
  'batch-prediction-pipeline.yaml',
  'drift-monitoring-pipeline.yaml',
  'requirements.txt',
  'Dockerfile',
  'Dockerfile.serving',
  'Dockerfile.serving.dockerignore',
  // The user's feature steps, which train puts inside the saved model (the images copy it).
  'features.py',
  // The build context's ignore file: without it `mlops build` hashes and sends run outputs.
  '.dockerignore',
  '.python-version',
  'README.md',
];
/** Python packages the pipeline YAML runs as `python3 -m components.x` from its own folder. */
const COMPONENT_FOLDERS = ['components', 'cloud', 'serving'];
const GITIGNORE_COMMENT = '# mlops-platform: local settings and run outputs';
const GITIGNORE_ENTRIES = ['.env', '.mlops/'];

/** Where a template file is laid and as which piece; undefined for files init does not lay. */
export function templateTarget(
  templatePath: string,
): { readonly path: string; readonly piece: InitPiece } | undefined {
  const parts = templatePath.split('/');
  const [top, second = '', third] = parts;
  if (parts.includes('__pycache__') || templatePath.endsWith('.pyc')) return undefined;
  if (top === 'workflows-templates' && parts.length === 2 && second.endsWith('.yml'))
    return { path: `.github/workflows/${second}`, piece: 'workflows' };
  if (top !== 'pipelines') return undefined;
  if (parts.length === 2 && PIPELINE_FILES.includes(second))
    return { path: templatePath, piece: 'pipelines' };
  if (second === 'data' && parts.length === 3) return { path: templatePath, piece: 'pipelines' };
  if (COMPONENT_FOLDERS.includes(second) && third !== undefined)
    return { path: templatePath, piece: 'components' };
  return undefined;
}

/** OWNER/REPO of the action: package.json's `mlops.action`, else its `repository`. */
export const actionFromManifest = repositoryFromManifest;

/** The tag workflows pin the action to: the major version, `v1` for 1.4.2. */
export { majorVersionTag };

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A workflow template as laid: GitHub's starter placeholder `$default-branch` replaced, and
 * every `uses:` of the platform (`<owner>/mlops-platform[/path]@<ref>`) pointed at this
 * package's action and major version, so package.json alone decides both.
 */
export function renderWorkflow(
  template: string,
  options: { action: string; version: string; defaultBranch: string },
): string {
  const platform = `[\\w.-]+/${PRODUCT_NAME}|${escapeRegExp(options.action)}`;
  const uses = new RegExp(`(uses:\\s*['"]?)(?:${platform})((?:/[^@\\s'"]*)?)@[^\\s'"#]+`, 'g');
  return template
    .replaceAll('$default-branch', options.defaultBranch)
    .replace(uses, `$1${options.action}$2@${majorVersionTag(options.version)}`);
}

function valueOf(entry: ConfigurationEntry, answers: PartialAnswers): string {
  return (entry.answer && answers[entry.answer]) || entry.default || '';
}

function docsUrl(templates: TemplatePackage, page: string): string {
  return `https://github.com/${templates.action}/blob/${majorVersionTag(templates.version)}/docs/${page}`;
}

/** Every setting with what it is; the answers fill project, region and model. */
export function renderEnvExample(answers: PartialAnswers, templates: TemplatePackage): string {
  const lines = [
    '# Settings the mlops-platform workflows read. Copy this file to .env (gitignored) and fill it',
    '# in for local use. Repository variables are committed in config/mlops.env; secrets go to',
    `# GitHub only. Google Cloud setup: ${docsUrl(templates, 'google-cloud.md')}`,
  ];
  for (const entry of CONFIGURATION) {
    const kind = entry.kind === 'secret' ? 'secret, never committed' : 'repository variable';
    lines.push('', `# ${entry.name} (${kind}): ${entry.description}`);
    if (entry.example) lines.push(`# e.g. ${entry.example}`);
    lines.push(`${entry.name}=${valueOf(entry, answers)}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The repository variables, committed: the sync workflow writes them to GitHub. Settings only
 * the user can know are left commented out, since the sync refuses empty values.
 */
export function renderVariables(answers: PartialAnswers): string {
  const lines = [
    '# Repository variables of the mlops-platform workflows (what each is: .env.example). The sync',
    '# workflow writes them to GitHub when this file changes. No secrets here: this file is committed.',
    '# Uncomment and fill in the rest once Google Cloud is set up.',
  ];
  for (const entry of CONFIGURATION.filter((e) => e.kind === 'variable')) {
    const value = valueOf(entry, answers);
    lines.push(value ? `${entry.name}=${value}` : `# ${entry.name}=${entry.example ?? ''}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * How to call this CLI without installing it: `npx mlops` would fetch an unrelated npm package,
 * so laid text names this one by its repository and major version.
 */
export function mlopsInvocation(templates: TemplatePackage): string {
  return `npx --yes --package=github:${templates.action}#${majorVersionTag(templates.version)} mlops`;
}

export function renderReadmeSection(answers: PartialAnswers, templates: TemplatePackage): string {
  const branch = answerOf(answers, 'default-branch');
  const tag = majorVersionTag(templates.version);
  const mlops = mlopsInvocation(templates);
  return [
    README_SECTION_START,
    '## Machine learning pipelines',
    '',
    `This repository takes its Kubeflow pipelines to Vertex AI with [mlops-platform](https://github.com/${templates.action}) (${tag}).`,
    '',
    '- `pipelines/`: the training, batch-prediction and drift-monitoring pipelines and their components.',
    `  Train on this machine: \`${mlops} run --local pipelines/training-pipeline.yaml\``,
    '  (with a Python that has `pipelines/requirements.txt`; `--python PATH` picks it).',
    `- \`.github/workflows/\`: model quality on every pull request; training and deployment from \`${branch}\`.`,
    '- `config/mlops.env`: the repository variables (the sync workflow writes them to GitHub);',
    '  `.env.example` explains every setting.',
    '',
    `\`${mlops} init --upgrade\` brings in a newer platform version: files you changed are merged, not overwritten.`,
    README_SECTION_END,
    '',
  ].join('\n');
}

/** A workflow template's short name: `workflows-templates/mlops-pr-check.yml` → `pr-check`. */
export function workflowName(templatePath: string): string {
  return (templatePath.split('/').at(-1) ?? '').replace(/\.yml$/, '').replace(/^mlops-/, '');
}

/** The workflow templates the `workflows` answer selects; an unknown name is refused. */
function selectedWorkflows(templates: TemplatePackage, answers: PartialAnswers): Set<string> {
  const available = templates.files
    .filter((file) => templateTarget(file.path)?.piece === 'workflows')
    .map((file) => workflowName(file.path));
  const answer = answers.workflows ?? 'all';
  if (answer === 'all') return new Set(available);
  const wanted = answer.split(',');
  const unknown = wanted.filter((name) => !available.includes(name));
  if (unknown.length > 0) {
    throw new UserError(`Unknown workflow ${unknown.map((name) => `"${name}"`).join(', ')}`, {
      fix: `Choose from: ${available.join(', ')} (or all).`,
    });
  }
  return new Set(wanted);
}

/** Every file the selected pieces lay, rendered with the answers, sorted by path. */
export function renderLaidFiles(
  templates: TemplatePackage,
  answers: PartialAnswers,
  pieces: readonly InitPiece[],
): LaidFile[] {
  const laid: LaidFile[] = [];
  const workflows = pieces.includes('workflows')
    ? selectedWorkflows(templates, answers)
    : new Set();
  for (const file of templates.files) {
    const target = templateTarget(file.path);
    if (!target || !pieces.includes(target.piece)) continue;
    if (target.piece === 'workflows' && !workflows.has(workflowName(file.path))) continue;
    const content =
      target.piece === 'workflows'
        ? renderWorkflow(file.content, {
            action: templates.action,
            version: templates.version,
            defaultBranch: answerOf(answers, 'default-branch'),
          })
        : file.content;
    laid.push({ ...target, content });
  }
  if (pieces.includes('env')) {
    laid.push(
      { path: ENV_EXAMPLE_PATH, piece: 'env', content: renderEnvExample(answers, templates) },
      { path: VARIABLES_PATH, piece: 'env', content: renderVariables(answers) },
    );
  }
  if (pieces.includes('readme'))
    laid.push({
      path: README_PATH,
      piece: 'readme',
      content: renderReadmeSection(answers, templates),
    });
  return laid.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** .gitignore with `.env` and `.mlops/` added when missing (in any spelling git treats alike). */
export function gitignoreWithEntries(gitignore: string | undefined): string {
  const normalise = (line: string): string => line.trim().replace(/^\//, '').replace(/\/$/, '');
  const present = new Set((gitignore ?? '').split('\n').map(normalise));
  const missing = GITIGNORE_ENTRIES.filter((entry) => !present.has(normalise(entry)));
  if (missing.length === 0) return gitignore ?? '';
  const added = [...(present.has(GITIGNORE_COMMENT) ? [] : [GITIGNORE_COMMENT]), ...missing];
  const before = !gitignore ? '' : gitignore.endsWith('\n') ? gitignore : `${gitignore}\n`;
  return `${before}${added.join('\n')}\n`;
}
