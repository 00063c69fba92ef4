import { parse } from 'yaml';
import { z } from 'zod';
import { UserError } from '../errors.js';
import { formatZodIssues } from '../zod-issues.js';

/**
 * What `mlops init` asks, and the pieces of the platform it lays. Every question has a flag
 * and a `--config` key of the same name, so prompts, flags and answer files are equivalent.
 */

export const INIT_PIECES = ['workflows', 'pipelines', 'components', 'env', 'readme'] as const;
export type InitPiece = (typeof INIT_PIECES)[number];

export const ANSWER_KEYS = ['project', 'region', 'model', 'default-branch', 'workflows'] as const;
export type AnswerKey = (typeof ANSWER_KEYS)[number];
export type Answers = Readonly<Record<AnswerKey, string>>;
export type PartialAnswers = Readonly<Partial<Record<AnswerKey, string>>>;

interface Question {
  readonly key: AnswerKey;
  readonly prompt: string;
  /** Asked and checked only when one of these pieces is laid. */
  readonly pieces: readonly InitPiece[];
  readonly pattern: RegExp;
  readonly rule: string;
}

export const QUESTIONS: readonly Question[] = [
  {
    key: 'project',
    prompt: 'Google Cloud project ID',
    pieces: ['env'],
    pattern: /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/,
    rule: '6 to 30 lowercase letters, digits or hyphens, starting with a letter',
  },
  {
    key: 'region',
    prompt: 'Vertex AI region',
    pieces: ['env'],
    pattern: /^[a-z]+-[a-z]+\d+$/,
    rule: 'a Google Cloud region such as us-central1 or europe-west4',
  },
  {
    key: 'model',
    prompt: 'Model name in the Vertex AI Model Registry',
    pieces: ['env'],
    pattern: /^[a-z][a-z0-9_-]{0,62}$/,
    rule: 'up to 63 lowercase letters, digits, hyphens or underscores, starting with a letter',
  },
  {
    key: 'default-branch',
    prompt: 'Default branch (the workflows train and deploy from it)',
    pieces: ['workflows', 'readme'],
    pattern: /^[^\s~^:?*[\\]+$/,
    rule: 'a git branch name',
  },
  {
    key: 'workflows',
    prompt: 'Workflows to add (comma-separated names, or all)',
    pieces: ['workflows'],
    pattern: /^(all|[a-z][a-z-]*(,[a-z][a-z-]*)*)$/,
    rule: 'all, or names such as pr-check,train-and-deploy',
  },
];

/**
 * Names as given on the command line or in a file: a list or comma-separated, spaces dropped,
 * so `pr-check, train-and-deploy` and `[pr-check, train-and-deploy]` agree.
 */
function namesIn(value: string | readonly string[] | undefined): string[] {
  return (typeof value === 'string' ? value.split(',') : (value ?? []))
    .map((name) => name.trim())
    .filter(Boolean);
}

/** The `workflows` answer: its names, comma-separated; undefined when none are given. */
export function workflowsAnswer(value: string | readonly string[] | undefined): string | undefined {
  const names = namesIn(value);
  return names.length > 0 ? names.join(',') : undefined;
}

export function questionsFor(pieces: readonly InitPiece[]): Question[] {
  return QUESTIONS.filter((question) => question.pieces.some((piece) => pieces.includes(piece)));
}

/** A model name from a repository folder name: `My Churn.Model` → `my-churn-model`. */
export function modelNameFromFolder(folder: string): string {
  const name = folder
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[^a-z]+/, '')
    .slice(0, 63)
    .replace(/-+$/, '');
  return name || 'model';
}

/** The pieces named in `--only` (or the answer file's `only`), checked and de-duplicated. */
export function parsePieces(names: readonly string[]): InitPiece[] | undefined {
  const unknown = names.filter((name) => !(INIT_PIECES as readonly string[]).includes(name));
  if (unknown.length > 0) {
    throw new UserError(`Unknown piece ${unknown.map((name) => `"${name}"`).join(', ')} in only`, {
      fix: `Use some of: ${INIT_PIECES.join(', ')}.`,
    });
  }
  return names.length > 0 ? INIT_PIECES.filter((piece) => names.includes(piece)) : undefined;
}

const AnswersFileSchema = z.strictObject({
  project: z.string().optional(),
  region: z.string().optional(),
  model: z.string().optional(),
  'default-branch': z.string().optional(),
  workflows: z.union([z.string(), z.array(z.string())]).optional(),
  only: z.union([z.string(), z.array(z.string())]).optional(),
});

export interface AnswersFile {
  readonly answers: PartialAnswers;
  readonly only: InitPiece[] | undefined;
}

/** `--config answers.yaml`: the same keys as the flags (`project`, `default-branch`, `only`…). */
export function parseAnswersFile(text: string, file: string): AnswersFile {
  let document: unknown;
  try {
    document = parse(text) ?? {};
  } catch (error) {
    throw new UserError(`${file} is not valid YAML`, { cause: error, fix: 'Correct the YAML.' });
  }
  const parsed = AnswersFileSchema.safeParse(document);
  if (!parsed.success) {
    throw new UserError(`${file} has unexpected content`, {
      details: formatZodIssues(parsed.error),
      fix: `Use only the keys ${[...ANSWER_KEYS, 'only'].join(', ')}, each with a string value.`,
    });
  }
  const { only, workflows, ...answers } = parsed.data;
  return {
    answers: withoutBlanks({ ...answers, workflows: workflowsAnswer(workflows) }),
    only: parsePieces(namesIn(only)),
  };
}

export function withoutBlanks(answers: PartialAnswers): PartialAnswers {
  return Object.fromEntries(
    Object.entries(answers)
      .map(([key, value]) => [key, value?.trim()])
      .filter(([, value]) => value),
  ) as PartialAnswers;
}

/** The first source that has each answer: flags, then the answer file, then the lock. */
export function mergeAnswers(...sources: readonly PartialAnswers[]): PartialAnswers {
  const merged: Partial<Record<AnswerKey, string>> = {};
  for (const key of ANSWER_KEYS) {
    const value = sources.find((source) => source[key] !== undefined)?.[key];
    if (value !== undefined) merged[key] = value;
  }
  return merged;
}

/** An answer the selected pieces need (checkAnswers made sure it is there). */
export function answerOf(answers: PartialAnswers, key: AnswerKey): string {
  const value = answers[key];
  if (value === undefined) throw new Error(`The answer "${key}" is missing`);
  return value;
}

/**
 * The answers init lays the selected pieces with, or one error listing every answer that is
 * missing or malformed and how to give it. Defaults fill only what the selected pieces need,
 * so the lock does not record a default as if it had been chosen.
 */
export function checkAnswers(
  given: PartialAnswers,
  defaults: PartialAnswers,
  pieces: readonly InitPiece[],
): PartialAnswers {
  const questions = questionsFor(pieces);
  const needed = Object.fromEntries(
    questions.map((question) => [question.key, defaults[question.key]]),
  ) as PartialAnswers;
  const answers = mergeAnswers(given, withoutBlanks(needed));
  const problems: string[] = [];
  for (const question of questions) {
    const value = answers[question.key];
    const howToGive = `give --${question.key} or "${question.key}:" in the --config file`;
    if (value === undefined) problems.push(`${question.key} (${question.prompt}): ${howToGive}`);
    else if (!question.pattern.test(value))
      problems.push(`${question.key} is "${value}": use ${question.rule}`);
  }
  if (problems.length > 0) {
    throw new UserError('mlops init is missing answers or has invalid ones; nothing was written', {
      details: problems,
      fix: 'Give every answer listed, as flags or in an answers file (--config answers.yaml), or run in a terminal to be asked.',
    });
  }
  return answers;
}
