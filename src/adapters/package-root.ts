import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The installed package's root: the first folder upwards from this module (dist/, dist/chunks/
 * or src/adapters/) holding `marker`, a file or folder the caller needs from the package.
 */
export function packageRoot(marker: string): string {
  let folder = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(folder, 'package.json')) && existsSync(path.join(folder, marker)))
      return folder;
    const parent = path.dirname(folder);
    if (parent === folder) throw new Error(`${marker} is missing from this installation of mlops`);
    folder = parent;
  }
}
