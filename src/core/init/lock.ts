import { createHash } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { z } from 'zod';
import { UserError } from '../errors.js';
import { formatZodIssues } from '../zod-issues.js';
import { ANSWER_KEYS, INIT_PIECES, type InitPiece, type PartialAnswers } from './answers.js';

/**
 * The init lock: what `mlops init` laid, with which answers and versions. It is committed at
 * the repository root (not under .mlops/, which is gitignored for run outputs) so that every
 * clone can upgrade. Each file's laid content is kept, deflated, as the base of the next
 * upgrade's three-way merge, so an upgrade needs neither the old CLI nor git history.
 */

export const LOCK_PATH = '.mlops-init.lock';
const LOCK_FORMAT = 1;

export interface LockedFile {
  readonly path: string;
  readonly piece: InitPiece;
  /** sha256 of the content laid: a file still matching it is pristine. */
  readonly sha256: string;
  /** The content laid, raw-deflated and base64-encoded. */
  readonly laid: string;
}

export interface InitLock {
  readonly cliVersion: string;
  readonly templateVersion: string;
  readonly answers: PartialAnswers;
  /** Every piece laid so far: what an upgrade brings up to date. */
  readonly only: readonly InitPiece[];
  readonly files: readonly LockedFile[];
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function lockedFile(path: string, piece: InitPiece, content: string): LockedFile {
  return {
    path,
    piece,
    sha256: sha256(content),
    laid: deflateRawSync(Buffer.from(content, 'utf8')).toString('base64'),
  };
}

/** The content laid, checked against its hash. */
export function laidContent(file: LockedFile): string {
  let content: string | undefined;
  try {
    content = inflateRawSync(Buffer.from(file.laid, 'base64')).toString('utf8');
  } catch {
    content = undefined;
  }
  if (content === undefined || sha256(content) !== file.sha256) {
    throw new UserError(
      `${LOCK_PATH} is damaged: the laid content of ${file.path} does not match its hash`,
      {
        fix: `Restore ${LOCK_PATH} from git (git checkout -- ${LOCK_PATH}).`,
      },
    );
  }
  return content;
}

const LockSchema = z.object({
  format: z.literal(LOCK_FORMAT),
  cliVersion: z.string(),
  templateVersion: z.string(),
  answers: z.partialRecord(z.enum(ANSWER_KEYS), z.string()),
  only: z.array(z.enum(INIT_PIECES)),
  files: z.array(
    z.object({
      path: z.string().min(1),
      piece: z.enum(INIT_PIECES),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      laid: z.string(),
    }),
  ),
});

export function parseLock(text: string): InitLock {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new UserError(`${LOCK_PATH} is not valid JSON`, {
      cause: error,
      fix: `Restore it from git (git checkout -- ${LOCK_PATH}); it is written by mlops init, not by hand.`,
    });
  }
  const parsed = LockSchema.safeParse(document);
  if (!parsed.success) {
    throw new UserError(`${LOCK_PATH} is not a lock this version of mlops init can read`, {
      details: formatZodIssues(parsed.error),
      fix: `Restore it from git (git checkout -- ${LOCK_PATH}), or upgrade the mlops CLI.`,
    });
  }
  return parsed.data;
}

/** Stable JSON: the same lock serialises to the same bytes, so an unchanged lock is not rewritten. */
export function serializeLock(lock: InitLock): string {
  const answers = Object.fromEntries(
    ANSWER_KEYS.filter((key) => lock.answers[key] !== undefined).map((key) => [
      key,
      lock.answers[key],
    ]),
  );
  const document = {
    about:
      'Written by mlops init: what it laid, so that mlops init --upgrade can merge. Commit it; do not edit it.',
    format: LOCK_FORMAT,
    cliVersion: lock.cliVersion,
    templateVersion: lock.templateVersion,
    answers,
    only: INIT_PIECES.filter((piece) => lock.only.includes(piece)),
    files: [...lock.files]
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
      .map(({ path, piece, sha256: hash, laid }) => ({ path, piece, sha256: hash, laid })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
