import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PRODUCT_NAME } from '../core/product.js';
import type { RunProducer } from '../core/run-record.js';
import { packageRoot } from './package-root.js';

let cached: string | undefined;

/**
 * The installed package's version, read from its package.json at run time (not bundled: the
 * bundle does not carry package.json), so `--version`, run records and summaries agree.
 */
export function packageVersion(): string {
  if (cached !== undefined) return cached;
  const file = path.join(packageRoot('package.json'), 'package.json');
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as { version?: unknown };
  cached = typeof manifest.version === 'string' ? manifest.version : '0.0.0';
  return cached;
}

/** The tool and version that wrote a run record: `{ name: 'mlops-platform', version }`. */
export function runProducer(): RunProducer {
  return { name: PRODUCT_NAME, version: packageVersion() };
}
