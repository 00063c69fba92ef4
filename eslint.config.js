// @ts-check
import js from '@eslint/js';
import vitest from '@vitest/eslint-plugin';
import prettier from 'eslint-config-prettier';
import path from 'node:path';
import tseslint from 'typescript-eslint';

const SRC = path.join(import.meta.dirname, 'src');

/** The rings of src/ by folder, inner first; vendor is the adapters' bundled client code. */
// src/entries.ts, the bundle's entry, sits above the rings: it only starts a host.
const RINGS = { core: 0, vendor: 1, adapters: 1, commands: 2, action: 3, cli: 3 };
const HOSTS = 3;

/** The src/ folder (ring) a file or import specifier lands in, if any. */
function ringOf(file) {
  const [top = ''] = path.relative(SRC, file).split(path.sep);
  return Object.hasOwn(RINGS, top) ? top : undefined;
}

/**
 * Imports point inward: hosts (action, cli) -> commands -> adapters -> core, and neither host
 * imports the other. Static, re-exported and dynamic imports alike; `#google-cloud` is the
 * vendored client bundle, an adapter.
 */
const importDirection = {
  meta: {
    type: 'problem',
    messages: {
      outward:
        'src/{{from}} must not import src/{{to}}: imports point inward (hosts -> commands -> adapters -> core).',
    },
    schema: [],
  },
  create(context) {
    const from = ringOf(context.filename);
    const check = (source) => {
      if (!from || source?.type !== 'Literal' || typeof source.value !== 'string') return;
      const specifier = source.value;
      const to = specifier.startsWith('#google-cloud')
        ? 'vendor'
        : specifier.startsWith('.')
          ? ringOf(path.resolve(path.dirname(context.filename), specifier))
          : undefined;
      if (!to) return;
      if (RINGS[to] > RINGS[from] || (RINGS[to] === HOSTS && to !== from))
        context.report({ node: source, messageId: 'outward', data: { from, to } });
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    };
  },
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'eslint.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.ts'],
    plugins: { layers: { rules: { 'import-direction': importDirection } } },
    rules: { 'layers/import-direction': 'error' },
  },
  {
    // The pure core must not reach for SDKs, the network or the process: adapters do that.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@actions/*', '@google-cloud/*', 'libsodium*', 'node:child_process'],
              message: 'src/core is pure: use an adapter.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { console: 'readonly', process: 'readonly' },
    },
  },
  {
    files: ['tests/**/*.ts'],
    ...vitest.configs.recommended,
    rules: {
      ...vitest.configs.recommended.rules,
      // Table tests pass their assertion as data (`expect: (record) => ...`).
      'vitest/no-standalone-expect': 'off',
      'vitest/expect-expect': ['error', { assertFunctionNames: ['expect', 'check'] }],
      'vitest/valid-expect': ['error', { maxArgs: 2 }],
    },
  },
  prettier,
);
