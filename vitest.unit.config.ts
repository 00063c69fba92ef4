import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

/**
 * `npm run test:unit`: the tests that need no Docker, no registry and no build (nothing spawns
 * dist/). Commands are tested in-process (tests/commands) against the emulators.
 * `npm run test:e2e` builds and runs the rest; `npm test` runs everything.
 */
export const UNIT_TESTS = [
  'tests/core/**/*.test.ts',
  'tests/commands/**/*.test.ts',
  'tests/adapters/project-setup/**/*.test.ts',
  'tests/adapters/run-browser/**/*.test.ts',
  'tests/emulators/**/*.test.ts',
  'tests/runner/**/*.test.ts',
  'tests/pipelines/components.test.ts',
  'tests/layers.test.ts',
  'tests/secret-scan.test.ts',
  'tests/command-defaults.test.ts',
  'tests/workflows.test.ts',
];

/** Of those folders, the files that spawn dist/ or need Docker or a registry. */
export const UNIT_EXCLUDED = [
  'tests/core/replace-images.test.ts', // runs dist/cli.js
  'tests/runner/docker-executor.test.ts', // Docker
  'tests/runner/registry-client.test.ts', // a registry (Docker)
  // The commands' Docker, registry and prediction-server halves; their input errors stay unit
  // (tests/commands/build.test.ts, images-*.test.ts, serve.test.ts).
  'tests/commands/build-docker.test.ts', // Docker, the test registry: builds and pushes images
  'tests/commands/images-diff-docker.test.ts', // Docker, the test registry: runs Python in images
  'tests/commands/images-verify-registry.test.ts', // the test registry, Docker to push and pull
  'tests/commands/serve-server.test.ts', // Python with scikit-learn: trains a model, serves it
];

// Spread, not mergeConfig: that would add these lists to the base config's include.
export default defineConfig({
  ...base,
  test: { ...base.test, include: UNIT_TESTS, exclude: UNIT_EXCLUDED },
});
