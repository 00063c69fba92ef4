import { createServer } from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { uiCommand } from '../../src/commands/ui.js';
import { tempDir } from '../helpers/paths.js';
import { runCommand, type InputValue } from '../helpers/recording-host.js';

/** ui in-process: its input errors, and a server started on a root that does not exist yet. */

function ui(inputs: Record<string, InputValue>, signal?: AbortSignal) {
  return runCommand(uiCommand, inputs, { cwd: '/tmp', ...(signal ? { signal } : {}) });
}

describe('ui (in-process)', () => {
  it('refuses a host other machines can reach unless told to allow it, saying why', async () => {
    const refused = await ui({ host: '0.0.0.0' });
    expect(refused.userError?.message).toBe(
      '--host 0.0.0.0 would let other machines read your runs',
    );
    expect(refused.userError?.fix).toContain('--allow-remote');
    expect(refused.userError?.fix).toContain('parameters and previews of their data');
    const port = await ui({ port: '70000' });
    expect(port.userError?.fix).toBe('Give a port from 0 to 65535.');
  });

  it('serves a root that does not exist yet, saying how to make a run, until stopped', async () => {
    const root = path.join(await tempDir('cmd-ui'), 'no-runs-yet');
    const stop = new AbortController();
    setTimeout(() => stop.abort(), 300);
    const result = await ui({ 'pipeline-root': root, port: '0' }, stop.signal);
    expect(result.userError).toBeUndefined();
    expect(result.warnings.join('\n')).toContain(
      `${root} does not exist yet: make a run with mlops run --local`,
    );
    expect(result.infos.join('\n')).toMatch(
      /Run browser for 0 runs under .* at http:\/\/127\.0\.0\.1:\d+ /,
    );
  });

  it('says a port is in use, and how to pick another', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const address = taken.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const result = await ui({ port: String(port) });
      expect(result.userError?.message).toBe(`Port ${port} is in use`);
      expect(result.userError?.fix).toContain('--port 0');
    } finally {
      taken.close();
    }
  });
});
