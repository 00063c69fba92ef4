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
 * tokens, GitHub tokens, private keys, Bearer and Basic headers, passwords in URLs, the
 * credentials file's content, and base64 or percent-encoded forms. Every process a test
 * runs is scanned; `::add-mask::` lines are how the runner is told to hide a value, never shown.
 */
const SECRET_SHAPES: ReadonlyArray<[string, RegExp]> = [
  ['a JWT', /eyJ[\w-]{10,}\.[\w-]{10,}\.[\w-]{10,}/],
  ['a Google access token', /ya29\.[\w.-]{10,}/],
  ['a private key', /BEGIN (RSA |EC |OPENSSH )?PRIVATE KEY/],
  ['an Authorization header', /(Bearer|Basic)(\s|%20)+[\w.+/-]{16,}/i],
  ['credentials file content', /"subject_token_type"|"credential_source"|"private_key_id"/],
  ['a GitHub token', /\b(gh[pousr]_[A-Za-z0-9_]{16,}|github_pat_[A-Za-z0-9_]{16,})/],
  ['credentials in a URL', /\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@]+:[^\s/@]+@/i],
  // Encoded forms: base64 of "-----BEGIN" (a key in a base64 env value or a config dump) and of
  // a credentials file's opening ({"type": ...), and a percent-encoded JWT.
  ['a base64-encoded key or credentials file', /LS0tLS1CRUdJTi|eyJ0eXBlIjoi|eyAidHlwZSI6/],
  ['a percent-encoded JWT', /eyJ[\w-]{10,}(%2E|%2e)[\w-]{10,}/],
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
  options: { cwd?: string; env?: NodeJS.ProcessEnv; stdin?: string } = {},
): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE, [path.join(REPO_ROOT, script), ...args], {
      cwd: options.cwd ?? REPO_ROOT,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...options.env },
      stdio: [options.stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    });
    child.stdin?.end(options.stdin);
    let stdout = '';
    let stderr = '';
    if (!child.stdout || !child.stderr) throw new Error('spawn gave no output pipes');
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
  options: { cwd?: string; env?: NodeJS.ProcessEnv; stdin?: string } = {},
): Promise<ProcessResult> {
  return runNode('dist/cli.js', args, options);
}
