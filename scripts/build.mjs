// Bundles the action (dist/main.js, dist/post.js) and the CLI (dist/cli.js) with esbuild.
// ESM output needs `require`, `__filename` and `__dirname` for CommonJS dependencies, so a
// banner defines them. Shared code goes to dist/chunks/, so main, post and cli carry one copy;
// later, heavy clients (Google) are imported lazily and land in chunks of their own.
//
// Usage: node scripts/build.mjs [--outdir DIR]   (the dist check builds to a temp dir and diffs)
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { outdir: { type: 'string' } } });
const outdir = path.resolve(values.outdir ?? path.join(root, 'dist'));

const banner = {
  js: [
    "import { createRequire as __mlopsCreateRequire } from 'node:module';",
    "import { fileURLToPath as __mlopsFileURLToPath } from 'node:url';",
    "import { dirname as __mlopsDirname } from 'node:path';",
    'const require = __mlopsCreateRequire(import.meta.url);',
    'const __filename = __mlopsFileURLToPath(import.meta.url);',
    'const __dirname = __mlopsDirname(__filename);',
  ].join('\n'),
};
const common = {
  absWorkingDir: root,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node24',
  legalComments: 'none',
  logLevel: 'warning',
  banner,
};

await rm(outdir, { recursive: true, force: true });
await build({
  ...common,
  entryPoints: {
    main: 'src/action/main-entry.ts',
    post: 'src/action/post-entry.ts',
    cli: 'src/cli/bin.ts',
  },
  outdir,
  splitting: true,
  entryNames: '[name]',
  chunkNames: 'chunks/[name]-[hash]',
  // Resolved at run time through package.json#imports to dist/vendor/google-cloud.js.
  external: ['#google-cloud'],
});
// The Google clients on their own: rebuilt byte for byte the same unless the dependencies change.
await build({
  ...common,
  entryPoints: ['src/vendor/google-cloud.ts'],
  outfile: path.join(outdir, 'vendor/google-cloud.js'),
});
