import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DockerCli } from '../../src/adapters/docker/docker-cli.js';
import { RemoteFailure, UserError } from '../../src/core/errors.js';
import { ensureBusyboxImage } from '../helpers/docker-images.js';
import { tempDir } from '../helpers/paths.js';
import { dockerEngine } from '../helpers/services.js';

/**
 * Who a failed `docker push` is for, with the real Docker engine against a loopback registry
 * that has every layer already (so the push goes straight to the manifest) and then answers the
 * manifest: 503 for the repository `down/*`, a DENIED refusal for `denied/*`. A registry that
 * fails is a RemoteFailure (exit 1, with a hint); one that refuses is the user's to fix.
 */

describe.skipIf(!dockerEngine())('DockerCli: push failures (Docker engine)', () => {
  let server: Server;
  let host: string;
  let docker: DockerCli;
  const tags: string[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      const url = req.url ?? '';
      if (url === '/v2/') {
        res.writeHead(200, { 'docker-distribution-api-version': 'registry/2.0' });
        res.end('{}');
        return;
      }
      const blob = /\/blobs\/(sha256:[0-9a-f]{64})$/.exec(url);
      if (req.method === 'HEAD' && blob?.[1]) {
        res.writeHead(200, { 'content-length': '1', 'docker-content-digest': blob[1] });
        res.end();
        return;
      }
      if (url.startsWith('/v2/denied/')) {
        res.writeHead(403, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            errors: [{ code: 'DENIED', message: 'requested access to the resource is denied' }],
          }),
        );
        return;
      }
      res.writeHead(503, { 'content-type': 'text/plain' });
      res.end('unavailable');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
    const base = await ensureBusyboxImage();
    for (const repository of ['down', 'denied']) {
      const tag = `${host}/${repository}/image:v1`;
      execFileSync('docker', ['tag', base, tag]);
      tags.push(tag);
    }
    docker = await DockerCli.open({ tempDir: await tempDir('docker-cli'), env: process.env });
  });

  afterAll(async () => {
    await docker?.close();
    if (tags.length > 0) execFileSync('docker', ['rmi', ...tags], { stdio: 'ignore' });
    await new Promise((resolve) => server?.close(resolve));
  });

  it('a registry that answers 5xx is a RemoteFailure with the context and a hint', async () => {
    const failure = await docker.push(`${host}/down/image:v1`).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RemoteFailure);
    const report = failure as RemoteFailure;
    expect(report.message).toBe(
      `docker push ${host}/down/image:v1 failed: received unexpected HTTP status: 503 Service Unavailable`,
    );
    expect(report.fix).toMatch(/^The registry failed or could not be reached/);
  });

  it('a registry that refuses the push is the user’s to fix (a UserError)', async () => {
    const refusal = await docker.push(`${host}/denied/image:v1`).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(UserError);
    expect((refusal as UserError).message).toMatch(/was refused: .*denied/);
    expect((refusal as UserError).fix).toContain('may push to this repository');
  });
});
