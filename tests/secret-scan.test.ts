import { describe, expect, it } from 'vitest';
import { assertNoSecretsInLog } from './helpers/cli.js';

// Every process the tests run (dist/cli.js, dist/main.js, dist/post.js) has its output scanned
// by this check; these cases prove the scan would catch a leak.
describe('the log scan applied to every captured output', () => {
  it.each([
    ['a JWT', 'token eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvOmFjbWUifQ.c2lnbmF0dXJlLWJ5dGVz'],
    ['a Google access token', 'using ya29.d.abcdefghijklmnop'],
    ['a private key', '-----BEGIN PRIVATE KEY-----'],
    ['an Authorization header', 'Authorization: Bearer abcdefghijklmnopqrstuvwxyz'],
    [
      'credentials file content',
      '{"type":"external_account","subject_token_type":"urn:ietf:params:oauth:token-type:jwt"}',
    ],
    ['an Authorization header', 'authorization: Basic b2F1dGgyYWNjZXNzdG9rZW46c2VjcmV0'],
    ['a GitHub token', `token ghs_${'a1B2'.repeat(9)}`],
    ['a GitHub token', `github_pat_11ABCDEFG0${'x'.repeat(40)}`],
    ['credentials in a URL', 'cloning https://x-access-token:s3cret@github.com/acme/ml.git'],
    [
      'a base64-encoded key or credentials file',
      Buffer.from('-----BEGIN PRIVATE KEY-----').toString('base64'),
    ],
    [
      'a base64-encoded key or credentials file',
      Buffer.from('{"type":"service_account","project_id":"p"}').toString('base64'),
    ],
    ['a percent-encoded JWT', 'id_token=eyJhbGciOiJSUzI1NiJ9%2EeyJzdWIiOiJyZXBvOmFjbWUifQ'],
  ])('catches %s', (what, line) => {
    expect(() => assertNoSecretsInLog(`ok\n${line}\n`)).toThrow(`${what} reached the log`);
  });

  it('ignores the ::add-mask:: lines the runner consumes, and ordinary output', () => {
    expect(() =>
      assertNoSecretsInLog('::add-mask::ya29.d.abcdefghijklmnop\n✓ evaluate SUCCEEDED 1.2s\n'),
    ).not.toThrow();
  });
});
