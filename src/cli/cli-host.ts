import { tmpdir } from 'node:os';
import type { Host } from '../commands/command.js';
import { secretMasker } from '../core/secrets/masking.js';

/** Single-quotes a value for POSIX shells. */
function shellQuote(value: string): string {
  return `'${value.replaceAll("'", "'\\''")}'`;
}

/**
 * The terminal host: exported variables become `export` lines on stdout, so
 * `eval "$(mlops auth ...)"` sets them in the user's shell; secrets are redacted from everything
 * the UI prints.
 */
export function createCliHost(secrets: Set<string>): Host {
  return {
    exportVariable(name, value) {
      process.stdout.write(`export ${name}=${shellQuote(value)}\n`);
    },
    maskSecret: secretMasker(
      (pattern) => secrets.add(pattern),
      (message) => process.stderr.write(`warning: ${message}\n`),
    ),
    deleteAfterJob(file) {
      process.stderr.write(`note: ${file} stays until you delete it\n`);
    },
    // Ctrl-C stops waiting; the job keeps running and the message says how to cancel it.
    trackCloudJob() {},
    tempDir: tmpdir(),
  };
}

/** Replaces every registered secret in a line with ***. */
export function redact(text: string, secrets: ReadonlySet<string>): string {
  let result = text;
  for (const secret of secrets) result = result.replaceAll(secret, '***');
  return result;
}
