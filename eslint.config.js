// @ts-check
import js from '@eslint/js';
import vitest from '@vitest/eslint-plugin';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

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
            {
              group: ['../adapters/*', '../../adapters/*', '../commands/*', '../../commands/*'],
              message: 'src/core must not depend on outer rings.',
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
