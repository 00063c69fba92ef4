import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The KFP IR corpus shipped beside the repository (override with KFP_IR_CORPUS). */
export const CORPUS =
  process.env.KFP_IR_CORPUS ?? path.resolve(REPO_ROOT, '../shared/kfp-ir-corpus');

export function corpusFile(relative: string): string {
  const file = path.join(CORPUS, 'sdk_compiled_pipelines/valid', relative);
  if (!existsSync(file))
    throw new Error(
      `KFP IR corpus file ${file} is missing: set KFP_IR_CORPUS to the corpus folder`,
    );
  return file;
}

export function tempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(tmpdir(), `mlops-test-${prefix}-`));
}
