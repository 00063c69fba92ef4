// Bundles the action (dist/main.js, dist/post.js, and dist/actions/<command>.js for each
// <command>/action.yml) and the CLI (dist/cli.js) with esbuild.
// ESM output needs `require`, `__filename` and `__dirname` for CommonJS dependencies, so a
// banner defines them. Shared code goes to dist/chunks/, so main, post and cli carry one copy;
// later, heavy clients (Google) are imported lazily and land in chunks of their own.
//
// Usage: node scripts/build.mjs [--outdir DIR]   (the dist check builds to a temp dir and diffs)
import { build } from 'esbuild';
import { mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
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

/**
 * The action's command names, from src/commands/registry.ts: bundled to a temporary module that
 * loads its packages from node_modules (as scripts/run-ts.mjs does), then imported.
 */
async function commandNames() {
  const workspace = await mkdtemp(path.join(root, 'node_modules', '.build-'));
  try {
    const outfile = path.join(workspace, 'commands.mjs');
    await build({
      ...common,
      banner: undefined,
      stdin: {
        contents: "export { COMMANDS } from './src/commands/registry.ts';",
        resolveDir: root,
        loader: 'ts',
      },
      outfile,
      packages: 'external',
      external: ['#google-cloud'],
    });
    const { COMMANDS } = await import(pathToFileURL(outfile).href);
    return COMMANDS.map((command) => command.name);
  } finally {
    await rm(workspace, { recursive: true, force: true });
  }
}

// Each main step's entry is two lines over the shared chunks: dist/main.js lets the `command`
// input choose; dist/actions/<command>.js, which <command>/action.yml runs, fixes its command.
const MAIN_STEP = 'main-step:';
const mainSteps = {
  name: 'main-steps',
  setup(build) {
    build.onResolve({ filter: /^main-step:/ }, (args) => {
      const command = args.path.slice(MAIN_STEP.length);
      return { path: command || 'command-input', namespace: 'main-step', pluginData: command };
    });
    build.onLoad({ filter: /.*/, namespace: 'main-step' }, (args) => ({
      contents: [
        "import { startMainStep } from './src/action/main-entry.ts';",
        `await startMainStep(${args.pluginData ? JSON.stringify(args.pluginData) : ''});`,
      ].join('\n'),
      resolveDir: root,
      loader: 'ts',
    }));
  },
};

const commands = await commandNames();
await rm(outdir, { recursive: true, force: true });
await build({
  ...common,
  plugins: [mainSteps],
  entryPoints: {
    main: MAIN_STEP,
    ...Object.fromEntries(commands.map((name) => [`actions/${name}`, `${MAIN_STEP}${name}`])),
    post: 'src/action/post-entry.ts',
    cli: 'src/cli/bin.ts',
  },
  outdir,
  splitting: true,
  entryNames: '[dir]/[name]',
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
