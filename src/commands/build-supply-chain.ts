import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { unpinnedBaseImages } from '../core/images/base-images.js';
import { pipRequirementFiles, unhashedRequirements } from '../core/images/requirement-hashes.js';
import type { Ui } from './command.js';

/**
 * Warns about what a build takes from outside by name only: base images by tag, and pip
 * requirements without hashes. Either can change under the same name without changing the
 * build's content tag, so a cached image would not be rebuilt and a replaced one not noticed.
 */
export async function warnUnpinnedInputs(
  build: {
    readonly dockerfile: string;
    readonly context: string;
    readonly buildArgs: Readonly<Record<string, string>>;
  },
  ui: Ui,
): Promise<void> {
  const dockerfile = await readFile(build.dockerfile, 'utf8');
  for (const base of unpinnedBaseImages(dockerfile, build.buildArgs))
    ui.warning(
      `The base image ${base} is named by tag: what the tag points at can change (or be replaced) without changing this build's content tag. Pin it by digest (FROM ${base}@sha256:…; docker buildx imagetools inspect ${base} shows it).`,
    );
  for (const file of pipRequirementFiles(dockerfile)) {
    let text: string;
    try {
      // The file as COPY takes it from the context (the usual `COPY requirements.txt .`).
      text = await readFile(path.join(build.context, file), 'utf8');
    } catch {
      continue;
    }
    const unhashed = unhashedRequirements(text);
    if (unhashed.length > 0)
      ui.warning(
        `${file} gives pip ${unhashed.length} requirement${unhashed.length === 1 ? '' : 's'} without --hash (${unhashed.slice(0, 3).join(', ')}${unhashed.length > 3 ? ', …' : ''}): pip installs whatever the index serves under those versions. Generate hashes (pip-compile --generate-hashes) and pip checks every download.`,
      );
  }
}
