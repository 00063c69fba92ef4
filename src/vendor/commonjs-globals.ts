import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Imported before google-cloud.ts by the vendor bundle's entry (scripts/build.mjs). The Google clients are CommonJS and use `__dirname`,
 * `__filename` and `require` (to find their .proto files, to load optional modules), which an
 * ES module bundle lacks: these stand in for them, relative to the bundle (dist/vendor/).
 */
const bundleFile = fileURLToPath(import.meta.url);
Object.assign(globalThis, {
  __filename: bundleFile,
  __dirname: path.dirname(bundleFile),
  require: createRequire(bundleFile),
});
