import { spawn } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT } from './paths.js';

export const NODE = path.join(REPO_ROOT, 'node_modules/.bin/node');

export interface ProcessResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Shapes of secrets that must never reach a log: JWTs (GitHub OIDC, ID tokens), Google access
 * tokens, private keys, bearer headers and the credentials file's content. Every process a test
 * runs is scanned; `::add-mask::` lines are how the runner is told to hide a value, never shown.
 */
const SECRET_SHAPES: ReadonlyArray<[string, RegExp]> = [
  ['a JWT', /eyJ[\w-]{10,}\.[\w-]{10,}\.[\w-]{10,}/],
  ['a Google access token', /ya29\.[\w.-]{10,}/],
  ['a private key', /BEGIN (RSA )?PRIVATE KEY/],
  ['an Authorization header', /Bearer [\w.-]{16,}/],
  ['credentials file content', /"subject_token_type"|"credential_source"/],
];

export function assertNoSecretsInLog(output: string): void {
  const visible = output.split('\n').filter((line) => !line.startsWith('::add-mask::'));
  for (const line of visible) {
    for (const [what, shape] of SECRET_SHAPES) {
      if (shape.test(line)) throw new Error(`${what} reached the log: ${line.slice(0, 40)}…`);
    }
  }
}

/** Runs a built bundle (dist/cli.js, dist/main.js) the way a user or the runner does. */
export function runNode(
  script: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE, [path.join(REPO_ROOT, script), ...args], {
      cwd: options.cwd ?? REPO_ROOT,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      try {
        assertNoSecretsInLog(stdout);
        assertNoSecretsInLog(stderr);
        resolve({ code: code ?? -1, stdout, stderr });
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  });
}

export function mlops(
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<ProcessResult> {
  return runNode('dist/cli.js', args, options);
}
