// Runs a TypeScript entry of this repository (a script or benchmark) on Node 24: bundles it
// with esbuild into a temporary folder, with npm packages resolved from the project, and
// imports it. Usage: node scripts/run-ts.mjs FILE.ts [args...]
import { build } from 'esbuild';
import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-ts.mjs FILE.ts [args...]');
  process.exit(2);
}
const workspace = await mkdtemp(path.join(root, 'node_modules', '.run-ts-'));
try {
  const outfile = path.join(workspace, 'entry.mjs');
  await build({
    absWorkingDir: root,
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node24',
    packages: 'external',
    // Loaded lazily at run time through package.json#imports, never bundled here.
    external: ['#google-cloud'],
    logLevel: 'warning',
    define: { 'import.meta.dirname': JSON.stringify(path.dirname(path.resolve(root, entry))) },
  });
  process.argv = [process.argv[0] ?? 'node', path.resolve(root, entry), ...args];
  await import(pathToFileURL(outfile).href);
} finally {
  await rm(workspace, { recursive: true, force: true });
}
