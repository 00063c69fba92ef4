import type { InitPiece } from './answers.js';
import { laidContent, lockedFile, sha256, type InitLock, type LockedFile } from './lock.js';
import { readmeSection, withReadmeSection } from './readme-section.js';
import { GITIGNORE_PATH, gitignoreWithEntries, type LaidFile } from './templates.js';
import { mergeThreeWay, unifiedDiff } from './text-merge.js';

/**
 * The plan of `mlops init`: for every file, what happens to it, decided from three versions —
 * the template as rendered now, the base (what init laid last time, from the lock) and the
 * working file — before anything is written.
 */

export type FileAction =
  /** Not there and never laid: written. */
  | 'create'
  /** Already the template's content. */
  | 'unchanged'
  /** Still as laid last time, and the template changed: replaced. */
  | 'update'
  /** Upgrade: changed by the user, and the template did not change: left as it is. */
  | 'keep-modified'
  /** Changed by the user (or never laid by init), outside an upgrade: left, with a diff. */
  | 'conflict'
  /** A conflict or a user change under --force: replaced by the template. */
  | 'replace'
  /** Upgrade: the user's and the template's changes merged cleanly. */
  | 'merge'
  /** Upgrade: merged, with conflict markers where both changed the same lines. */
  | 'merge-conflict'
  /** Laid before and deleted by the user: stays deleted. */
  | 'keep-deleted'
  /** No longer in the templates and still as laid: deleted. */
  | 'remove'
  /** No longer in the templates but changed by the user: kept, and no longer managed. */
  | 'keep-obsolete';

export interface PlanMode {
  readonly upgrade: boolean;
  readonly force: boolean;
  /** Names the template side of conflict markers: `mlops-platform 0.2.0`. */
  readonly templateLabel: string;
}

export interface FileVersions {
  /** As rendered now; undefined when the templates no longer lay it. */
  readonly template: string | undefined;
  /** As laid last time (the lock); undefined when init never laid it. */
  readonly base: string | undefined;
  /** The working copy; undefined when it does not exist. */
  readonly current: string | undefined;
}

export interface FileDecision {
  readonly action: FileAction;
  /** The content after the run; undefined when absent. */
  readonly content: string | undefined;
  /** What the lock records as laid after the run; undefined drops the file from the lock. */
  readonly base: string | undefined;
}

export function decideFile(versions: FileVersions, mode: PlanMode): FileDecision {
  const { template, base, current } = versions;
  if (template === undefined) {
    if (current === undefined)
      return { action: 'keep-deleted', content: undefined, base: undefined };
    if (current === base) return { action: 'remove', content: undefined, base: undefined };
    return { action: 'keep-obsolete', content: current, base: undefined };
  }
  if (current === undefined) {
    return base === undefined
      ? { action: 'create', content: template, base: template }
      : { action: 'keep-deleted', content: undefined, base: template };
  }
  if (current === template) return { action: 'unchanged', content: current, base: template };
  if (current === base) return { action: 'update', content: template, base: template };
  if (mode.force) return { action: 'replace', content: template, base: template };
  // Left alone: the lock keeps the old base, so the next run reports the conflict again.
  if (!mode.upgrade || base === undefined) return { action: 'conflict', content: current, base };
  if (template === base) return { action: 'keep-modified', content: current, base };
  const merged = mergeThreeWay(current, base, template, mode.templateLabel);
  const action = merged.conflicted ? 'merge-conflict' : 'merge';
  return { action, content: merged.content, base: template };
}

export type GitignoreAction = 'create' | 'update' | 'unchanged';

export interface PlannedFile {
  readonly path: string;
  readonly piece: InitPiece;
  readonly action: FileAction | GitignoreAction;
  /** The whole file after the run; undefined when it is absent. */
  readonly next: string | undefined;
  /** Whether the run writes or deletes the file. */
  readonly changes: boolean;
  /** For a conflict: from your file to the template's. */
  readonly diff?: string;
}

export interface PlanInput extends PlanMode {
  /** What the selected pieces lay now. */
  readonly laid: readonly LaidFile[];
  readonly pieces: readonly InitPiece[];
  readonly lock: InitLock | undefined;
  /** The working copy of every path pathsToRead names; a missing key is a missing file. */
  readonly files: ReadonlyMap<string, string>;
  /** The title of a README.md created for the section. */
  readonly readmeTitle: string;
}

export interface InitPlan {
  readonly files: readonly PlannedFile[];
  /** The lock's files after the run. */
  readonly locked: readonly LockedFile[];
}

/** Every file the plan looks at: the laid ones, the locked ones of the selected pieces, .gitignore. */
export function pathsToRead(
  laid: readonly LaidFile[],
  lock: InitLock | undefined,
  pieces: readonly InitPiece[],
): string[] {
  const locked = (lock?.files ?? []).filter((file) => pieces.includes(file.piece));
  const paths = [...laid, ...locked].map((file) => file.path);
  if (pieces.includes('env')) paths.push(GITIGNORE_PATH);
  return [...new Set(paths)].sort();
}

export function planInit(input: PlanInput): InitPlan {
  const lockedBefore = new Map((input.lock?.files ?? []).map((file) => [file.path, file]));
  const templates = new Map(input.laid.map((file) => [file.path, file]));
  const pieceOf = new Map<string, InitPiece>();
  for (const file of [...lockedBefore.values(), ...input.laid])
    if (input.pieces.includes(file.piece)) pieceOf.set(file.path, file.piece);

  const planned: PlannedFile[] = [];
  // Files of pieces this run does not lay stay in the lock as they are.
  const locked: LockedFile[] = [...lockedBefore.values()].filter((file) => !pieceOf.has(file.path));
  for (const [path, piece] of pieceOf) {
    const laid = templates.get(path);
    const previous = lockedBefore.get(path);
    const isSection = piece === 'readme';
    const wholeFile = input.files.get(path);
    const current = isSection ? readmeSection(wholeFile) : wholeFile;
    const decision = decideFile(
      {
        template: laid?.content,
        base: previous ? laidContent(previous) : undefined,
        current,
      },
      input,
    );
    const next = isSection
      ? withReadmeSection(wholeFile, decision.content, input.readmeTitle)
      : decision.content;
    planned.push({
      path,
      piece,
      action: decision.action,
      next,
      changes: next !== wholeFile,
      ...(decision.action === 'conflict' && laid && current !== undefined
        ? {
            diff: unifiedDiff(current, laid.content, {
              before: `${path} (yours)`,
              after: `${path} (template)`,
            }),
          }
        : {}),
    });
    if (decision.base !== undefined) {
      // The same content keeps its entry as is, so an unchanged lock serialises identically.
      const kept = previous?.piece === piece && previous.sha256 === sha256(decision.base);
      locked.push(kept && previous ? previous : lockedFile(path, piece, decision.base));
    }
  }
  if (input.pieces.includes('env')) {
    const current = input.files.get(GITIGNORE_PATH);
    const next = gitignoreWithEntries(current);
    const action = current === undefined ? 'create' : next === current ? 'unchanged' : 'update';
    planned.push({ path: GITIGNORE_PATH, piece: 'env', action, next, changes: next !== current });
  }
  planned.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files: planned, locked };
}
