// Writes action.yml from the command definitions; `--check` exits 1 when it is out of date.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { renderActionManifest } from '../src/commands/action-manifest.js';

const target = path.resolve(import.meta.dirname, '..', 'action.yml');
const rendered = renderActionManifest();
if (process.argv.includes('--check')) {
  const current = await readFile(target, 'utf8').catch(() => '');
  if (current !== rendered) {
    console.error('action.yml is out of date: run npm run action-yml');
    process.exitCode = 1;
  }
} else {
  await writeFile(target, rendered);
}
