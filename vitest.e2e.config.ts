import { globSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';
import { UNIT_EXCLUDED, UNIT_TESTS } from './vitest.unit.config.js';

/**
 * `npm run test:e2e` (after `npm run build`): every test that `npm run test:unit` leaves out,
 * the ones that spawn dist/ or need Docker or a registry. Together the two sets are `npm test`.
 */
const unit = new Set(globSync(UNIT_TESTS, { exclude: UNIT_EXCLUDED }));
const e2e = globSync('tests/**/*.test.ts').filter((file) => !unit.has(file));

export default defineConfig({ ...base, test: { ...base.test, include: e2e } });
