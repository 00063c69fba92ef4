import { defineConfig } from 'vitest/config';

export default defineConfig({
  // package.json#imports: tests load '#google-cloud' from source, the bundle from dist/.
  // Vitest runs test files as SSR modules: the condition must be set there too, or
  // '#google-cloud' loads the 9 MB bundle from dist/ (slow, and stale while src/ changes).
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    // GitHub's workflow validator imports JSON without import attributes, which Node refuses:
    // transformed by Vite instead of loaded by Node.
    server: { deps: { inline: ['@actions/languageservice', '@actions/workflow-parser'] } },
  },
});
