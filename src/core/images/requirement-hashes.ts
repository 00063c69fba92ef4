/**
 * Requirements files a Dockerfile installs with pip, and whether they pin hashes. Without
 * `--hash`, pip takes whatever the index serves under a version; with a hash on every line it
 * checks each download (hash-checking mode starts by itself).
 */

import { dockerfileInstructions } from './base-images.js';

/** The files given to pip's `-r`/`--requirement` in RUN lines (as written, relative paths). */
export function pipRequirementFiles(dockerfile: string): string[] {
  const files = new Set<string>();
  for (const { instruction, line } of dockerfileInstructions(dockerfile)) {
    if (instruction !== 'RUN' || !/\bpip3?\s+install\b/.test(line)) continue;
    for (const match of line.matchAll(/(?:^|\s)(?:-r|--requirement)(?:\s+|=)(\S+)/g))
      if (match[1]) files.add(match[1].replace(/^["']|["']$/g, ''));
  }
  return [...files];
}

/** The requirement lines of a requirements file that carry no `--hash`. */
export function unhashedRequirements(text: string): string[] {
  const requirements = text
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.replace(/(^|\s)#.*$/, '').trim())
    .filter((line) => line !== '' && !line.startsWith('-'));
  return requirements.filter((line) => !/--hash[= ]sha256:/.test(line));
}
