import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import ts from 'typescript';
import { describe, expect, it, onTestFinished } from 'vitest';
import { findCycles } from '../src/core/graph.js';
import { REPO_ROOT } from './helpers/paths.js';

/**
 * The rings of src/ (core <- adapters <- commands <- hosts) hold: the lint rule that keeps
 * imports pointing inward fails on a wrong-direction import, and src/ has no import cycle.
 */

const SRC = path.join(REPO_ROOT, 'src');

describe('the import-direction lint rule', () => {
  // The repository's own config, without type information: the fixtures exist only as text.
  const eslint = new ESLint({
    cwd: REPO_ROOT,
    overrideConfig: tseslint.configs.disableTypeChecked,
  });

  async function problems(file: string, code: string): Promise<string[]> {
    const [result] = await eslint.lintText(code, { filePath: path.join(SRC, file) });
    return (result?.messages ?? [])
      .filter((message) => message.ruleId === 'layers/import-direction')
      .map((message) => message.message);
  }

  it.each([
    [
      'core/x.ts',
      "import { a } from '../adapters/http.js';",
      'src/core must not import src/adapters',
    ],
    [
      'core/ir/x.ts',
      "export * from '../../commands/command.js';",
      'src/core must not import src/commands',
    ],
    ['core/x.ts', "await import('#google-cloud');", 'src/core must not import src/vendor'],
    [
      'adapters/ui/x.ts',
      "import type { Ui } from '../../commands/command.js';",
      'src/adapters must not import src/commands',
    ],
    [
      'adapters/x.ts',
      "import { main } from '../cli/index.js';",
      'src/adapters must not import src/cli',
    ],
    [
      'adapters/gcp/x.ts',
      "await import('../../action/state.js');",
      'src/adapters must not import src/action',
    ],
    [
      'commands/x.ts',
      "export { run } from '../action/main.js';",
      'src/commands must not import src/action',
    ],
    [
      'commands/x.ts',
      "import { redact } from '../cli/cli-host.js';",
      'src/commands must not import src/cli',
    ],
    ['cli/x.ts', "import { run } from '../action/main.js';", 'src/cli must not import src/action'],
  ])('%s: %s is refused', async (file, code, message) => {
    expect(await problems(file, code)).toEqual([expect.stringContaining(message)]);
  });

  it.each([
    ['adapters/x.ts', "import { UserError } from '../core/errors.js';"],
    ['adapters/gcp/x.ts', "await import('#google-cloud');"],
    [
      'commands/x.ts',
      "import { Ui } from './command.js'; import { a } from '../adapters/http.js';",
    ],
    ['action/x.ts', "import { COMMANDS } from '../commands/registry.js';"],
    ['cli/x.ts', "import { TaskEvent } from '../core/run-events.js';"],
  ])('%s: %s is allowed', async (file, code) => {
    expect(await problems(file, code)).toEqual([]);
  });
});

const tsconfig = ts.getParsedCommandLineOfConfigFile(
  path.join(REPO_ROOT, 'tsconfig.json'),
  {},
  {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  },
);

/** Each module under `root` with the modules under `root` it imports (statically, dynamically or for types). */
function importGraph(root: string, files: readonly string[]): Map<string, string[]> {
  const options = tsconfig?.options ?? {};
  const inside = (file: string): boolean => file.startsWith(`${root}${path.sep}`);
  const graph = new Map<string, string[]>();
  for (const file of files.filter(inside)) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const imported = importedFiles.flatMap(({ fileName }) => {
      const target = ts.resolveModuleName(fileName, file, options, ts.sys).resolvedModule
        ?.resolvedFileName;
      return target && inside(target) ? [path.relative(root, target)] : [];
    });
    graph.set(path.relative(root, file), imported);
  }
  return graph;
}

describe('src/ imports', () => {
  const graph = importGraph(SRC, tsconfig?.fileNames ?? []);

  it('are read from every module, dynamic ones and #google-cloud included', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get('cli/start.ts')).toContain('cli/index.ts');
    expect(graph.get('adapters/gcp/google-client.ts')).toContain('vendor/google-cloud.ts');
  });

  it('form no cycle', () => {
    expect(findCycles(graph).map((cycle) => cycle.join(' -> '))).toEqual([]);
  });

  it('would show a cycle, named', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'import-cycle-'));
    onTestFinished(() => rm(root, { recursive: true, force: true }));
    const files = {
      'a.ts': "import { b } from './b.js';\nexport const a = (): number => b;\n",
      'b.ts': "export const b = 1;\nexport const later = () => import('./c.js');\n",
      'c.ts': "import type { a } from './a.js';\nexport type A = typeof a;\n",
    };
    for (const [name, text] of Object.entries(files)) await writeFile(path.join(root, name), text);
    const cycles = findCycles(
      importGraph(
        root,
        Object.keys(files).map((name) => path.join(root, name)),
      ),
    );
    expect(cycles.map((cycle) => cycle.join(' -> '))).toEqual(['a.ts -> b.ts -> c.ts -> a.ts']);
  });
});
