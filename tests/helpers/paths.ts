import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The KFP IR corpus, vendored from kubeflow/pipelines (its SOURCE.md says what and from where). */
export const CORPUS = path.join(REPO_ROOT, 'tests/fixtures/kfp-ir-corpus');

/** A compiled pipeline the KFP SDK wrote, by its path under sdk_compiled_pipelines/valid. */
export function corpusFile(relative: string): string {
  return path.join(CORPUS, 'sdk_compiled_pipelines/valid', relative);
}

export function tempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(tmpdir(), `mlops-test-${prefix}-`));
}
