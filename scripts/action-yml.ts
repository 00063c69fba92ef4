// Writes action.yml and every <command>/action.yml from the command definitions; `--check` exits
// 1 when one is out of date, missing, or left behind by a removed command.
import { mkdir, readdir, readFile, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { actionManifests, isGeneratedManifest } from '../src/commands/action-manifest.js';
import { loadCommands } from '../src/commands/registry.js';

const root = path.resolve(import.meta.dirname, '..');
const manifests = actionManifests(await loadCommands());
const folders = await readdir(root, { withFileTypes: true });
const stale: string[] = [];
for (const folder of folders.filter((entry) => entry.isDirectory())) {
  const file = `${folder.name}/action.yml`;
  if (manifests.has(file)) continue;
  const text = await readFile(path.join(root, file), 'utf8').catch(() => '');
  if (isGeneratedManifest(text)) stale.push(file);
}
const check = process.argv.includes('--check');
const problems: string[] = stale.map((file) => `${file} belongs to no command`);
for (const [file, rendered] of manifests) {
  const target = path.join(root, file);
  if (check) {
    const current = await readFile(target, 'utf8').catch(() => '');
    if (current !== rendered) problems.push(`${file} is out of date`);
  } else {
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, rendered);
  }
}
if (check && problems.length > 0) {
  console.error(`${problems.join('\n')}\nRun npm run action-yml.`);
  process.exitCode = 1;
} else if (!check) {
  // Only the generated file goes; a folder holding anything else stays.
  for (const file of stale) {
    await rm(path.join(root, file));
    await rmdir(path.join(root, path.dirname(file))).catch(() => undefined);
  }
}
