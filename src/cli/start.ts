import module from 'node:module';
import { nodeVersionProblem } from '../core/node-version.js';

/**
 * Starts the CLI (dist/cli.js calls it). The Node check comes before the rest loads: on an older
 * Node the CLI would fail later with an obscure error.
 */
export async function startCli(argv: readonly string[]): Promise<number> {
  const problem = nodeVersionProblem(process.versions.node);
  if (problem) {
    process.stderr.write(
      `error: ${problem}\nFix: Install Node.js 24 or newer (nvm install 24, or https://nodejs.org/).\n`,
    );
    return 2;
  }
  // Node caches the compiled bundle on disk: later starts skip most of the parse and compile.
  module.enableCompileCache();
  const { main } = await import('./index.js');
  return main([...argv]);
}
