// Writes action.yml from the command definitions (src/commands/action-manifest.ts).
// `--check` exits 1 when the committed action.yml differs.
import { build } from 'esbuild';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const workspace = await mkdtemp(path.join(tmpdir(), 'mlops-action-yml-'));
try {
  const bundle = path.join(workspace, 'manifest.mjs');
  await build({ absWorkingDir: root, entryPoints: ['src/commands/action-manifest.ts'], outfile: bundle, bundle: true, format: 'esm', platform: 'node', packages: 'external', logLevel: 'warning', nodePaths: [path.join(root, 'node_modules')] });
  // Resolve bare imports (yaml) from the project, not the temp folder.
  await writeFile(bundle, (await readFile(bundle, 'utf8')).replaceAll(/from "([^".][^"]*)"/g, (_, name) => `from ${JSON.stringify(import.meta.resolve(name, pathToFileURL(path.join(root, 'package.json'))))}`));
  const { renderActionManifest } = await import(pathToFileURL(bundle).href);
  const rendered = renderActionManifest();
  const target = path.join(root, 'action.yml');
  if (process.argv.includes('--check')) {
    const current = await readFile(target, 'utf8').catch(() => '');
    if (current !== rendered) {
      console.error('action.yml is out of date: run npm run action-yml');
      process.exitCode = 1;
    }
  } else {
    await writeFile(target, rendered);
  }
} finally {
  await rm(workspace, { recursive: true, force: true });
}
