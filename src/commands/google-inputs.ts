import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { excerpt, UserError } from '../core/errors.js';
import { checkProjectId, checkRegion } from '../core/gcp/google-names.js';
import { parseRunRecord, RUN_RECORD_SOURCE, type RunRecord } from '../core/run-record.js';
import { durationMs } from '../core/duration.js';
import {
  parseFields,
  stringInput,
  type CommandContext,
  type InputDefinition,
  type RawInputs,
} from './command.js';

/** Inputs shared by the commands that call Google Cloud, and by those reading a run record. */

export const PROJECT_INPUT: InputDefinition = {
  name: 'project-id',
  description: 'Vertex: the Google Cloud project. Defaults to the project the auth step exported.',
  kind: 'string',
  valueName: 'ID',
};

export const REGION_INPUT: InputDefinition = {
  name: 'region',
  description: 'Vertex: the region, e.g. us-central1.',
  kind: 'string',
  valueName: 'REGION',
};

export interface GoogleLocation {
  readonly project: string;
  readonly region: string;
}

/** The project-id input, else the project the auth step exported. */
export function projectInput(raw: RawInputs, context: CommandContext): string | undefined {
  return (
    raw.string('project-id')?.trim() ||
    context.env.GOOGLE_CLOUD_PROJECT ||
    context.env.CLOUDSDK_CORE_PROJECT ||
    undefined
  );
}

/** The project (input, else what auth exported) and region, checked; `what` names the need. */
export function parseGoogleLocation(
  raw: RawInputs,
  context: CommandContext,
  what: string,
): GoogleLocation {
  return parseFields(what, {
    project: () => {
      const project = projectInput(raw, context);
      if (!project)
        throw new UserError(`${what} need a project`, {
          fix: 'Set project-id, or run the auth step first (it exports GOOGLE_CLOUD_PROJECT).',
        });
      return checkProjectId(project);
    },
    region: () => {
      const region = raw.string('region')?.trim();
      if (!region)
        throw new UserError(`${what} need a region`, {
          fix: 'Set region, e.g. us-central1 or europe-west4.',
        });
      return checkRegion(region);
    },
  });
}

/** `2h`, `90m`, `3600s` or minutes as a bare number. */
export function parseTimeout(raw: RawInputs, name: string): number {
  const text = stringInput(raw, name);
  const ms = durationMs(text, 'm');
  if (ms === undefined)
    throw new UserError(`${name} "${text}" is not a duration`, {
      fix: 'Use e.g. 90m, 2h or 3600s.',
    });
  return ms;
}

export const RUN_RECORD_INPUT: InputDefinition = {
  name: 'run-record',
  description:
    'The run to read: the run record JSON a run step wrote (its run-record output), local or Vertex.',
  kind: 'string',
  valueName: 'FILE',
};

/** Reads a JSON file the user named: `label` names it in errors, `what` is what to pass instead. */
export async function readJsonFile(
  file: string,
  cwd: string,
  label: string,
  what: string,
): Promise<unknown> {
  const display = path.relative(cwd, file) || file;
  try {
    return JSON.parse(await readFile(file, 'utf8')) as unknown;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(
      code === 'ENOENT'
        ? `${label} ${display} does not exist`
        : `${label} ${display} is not JSON: ${excerpt((error as Error).message)}`,
      { fix: `Pass ${what}.` },
    );
  }
}

/** Reads and checks a run record written by `run` (local or Vertex). */
export async function readRunRecord(file: string, cwd: string): Promise<RunRecord> {
  const parsed = await readJsonFile(file, cwd, 'Run record', RUN_RECORD_SOURCE);
  return parseRunRecord(parsed, path.relative(cwd, file) || file);
}
