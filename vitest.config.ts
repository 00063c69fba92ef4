import { defineConfig } from 'vitest/config';

export default defineConfig({
  // package.json#imports: tests load '#google-cloud' from source, the bundle from dist/.
  resolve: { conditions: ['source'] },
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
