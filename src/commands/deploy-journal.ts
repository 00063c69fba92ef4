/**
 * The deploy command's journal (./deploy.ts): each change a deploy makes is recorded with how
 * to undo it, and on failure the changes are undone in reverse, collecting what could not be.
 */
import { errorMessage } from '../core/errors.js';
import type { Ui } from './command.js';

/** One change this deploy made, and how to put it back. */
export interface JournalEntry {
  readonly change: string;
  readonly undo: () => Promise<void>;
}

/** Undoes the journal newest first; returns the changes that could not be undone. */
export async function rollBack(journal: readonly JournalEntry[], ui: Ui): Promise<string[]> {
  const problems: string[] = [];
  for (const entry of [...journal].reverse()) {
    try {
      await entry.undo();
      ui.info(`Undone: ${entry.change}`);
    } catch (error) {
      ui.warning(`Could not undo ${entry.change}: ${errorMessage(error)}`);
      problems.push(`${entry.change} (${errorMessage(error)})`);
    }
  }
  return problems;
}
