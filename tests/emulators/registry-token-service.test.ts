import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fixedCredentials, RegistryClient } from '../../src/adapters/registry/registry-client.js';
import { decodeJwt, generateSigningKey, verifyJwtSignature, type SigningKey } from './jwt.js';
import {
  libtrustKeyId,
  parseScope,
  requestedScopes,
  startRegistryTokenService,
  type RegistryTokenService,
} from './registry-token-service.js';

describe('registry token service: scopes', () => {
  it.each([
    [
      'repository:acme/app:pull,push',
      { type: 'repository', name: 'acme/app', actions: ['pull', 'push'] },
    ],
    [
      'repository(plugin):x:pull',
      { type: 'repository', class: 'plugin', name: 'x', actions: ['pull'] },
    ],
    ['registry:catalog:*', { type: 'registry', name: 'catalog', actions: ['*'] }],
    [
      'repository:localhost:5000/app:pull',
      { type: 'repository', name: 'localhost:5000/app', actions: ['pull'] },
    ],
    ['repository:app:', { type: 'repository', name: 'app', actions: [] }],
  ])('parses %s', (value, scope) => {
    expect(parseScope(value)).toEqual(scope);
  });

  it.each(['repository', 'repository:app', ':app:pull', 'repository::pull', 'Repo!:app:pull'])(
    'refuses %s',
    (value) => {
      expect(parseScope(value)).toBeUndefined();
    },
  );

  it('takes every scope parameter, splits space-separated entries and merges per resource', () => {
    const query = new URLSearchParams();
    query.append('scope', 'repository:a:pull');
    query.append('scope', 'repository:b:pull repository:a:push');
    query.append('scope', 'nonsense');
    expect(requestedScopes(query)).toEqual([
      { type: 'repository', name: 'a', actions: ['pull', 'push'] },
      { type: 'repository', name: 'b', actions: ['pull'] },
    ]);
  });
});

describe('registry token service and the registry client', () => {
  let key: SigningKey;
  let service: RegistryTokenService;
  let registry: { url: string; close: () => Promise<void> };
  /** Authorization headers the stub registry saw, and tokens it no longer takes. */
  const seen: (string | undefined)[] = [];
  const revoked = new Set<string>();

  beforeAll(async () => {
    key = await generateSigningKey();
    service = await startRegistryTokenService({
      privateKey: key.privateKey,
      issuer: 'test-issuer',
      authenticate: (username, password) =>
        username !== 'oauth2accesstoken'
          ? undefined
          : password === 'writer'
            ? { subject: 'writer', actions: ['pull', 'push'] }
            : password === 'reader'
              ? { subject: 'reader', actions: ['pull'] }
              : undefined,
    });
    // A registry whose challenges name two scopes, as cross-repository requests have them.
    const server = createServer((request, response) => {
      const authorization = request.headers.authorization;
      seen.push(authorization);
      const token = authorization?.replace(/^Bearer /, '');
      if (!token || revoked.has(token)) {
        response.writeHead(401, {
          'www-authenticate': `Bearer realm="${service.realm}",service="stub",scope="repository:app:pull repository:base:pull"`,
        });
        response.end();
        return;
      }
      response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    registry = {
      url: `127.0.0.1:${port}`,
      close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    };
  });

  afterAll(async () => {
    await registry.close();
    await service.close();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  const client = (password: string): RegistryClient =>
    new RegistryClient(
      { registry: registry.url, repository: 'app' },
      fixedCredentials({ username: 'oauth2accesstoken', password }),
    );

  it('signs an RS256 JWT with the spec claims, granting a reader pull only', async () => {
    const url = new URL(service.realm);
    url.searchParams.set('service', 'stub');
    url.searchParams.append('scope', 'repository:app:pull,push');
    const response = await fetch(url, {
      headers: {
        authorization: `Basic ${Buffer.from('oauth2accesstoken:reader').toString('base64')}`,
      },
    });
    const body = (await response.json()) as {
      token: string;
      access_token: string;
      expires_in: number;
    };
    expect(body.access_token).toBe(body.token);
    expect(
      verifyJwtSignature(body.token, { keys: [{ ...key.jwk, kid: libtrustKeyId(key.publicKey) }] }),
    ).toMatchObject({ ok: true });
    const decoded = decodeJwt(body.token);
    expect(decoded?.header).toMatchObject({
      alg: 'RS256',
      kid: expect.stringMatching(/^([A-Z2-7]{4}:){11}[A-Z2-7]{4}$/) as unknown,
    });
    const claims = decoded?.claims ?? {};
    expect(claims).toMatchObject({
      iss: 'test-issuer',
      sub: 'reader',
      aud: 'stub',
      access: [{ type: 'repository', name: 'app', actions: ['pull'] }],
    });
    expect(claims.exp).toBe((claims.iat as number) + body.expires_in);
    expect(claims.nbf).toBeLessThanOrEqual(claims.iat as number);
    expect(claims.jti).toEqual(expect.any(String));
  });

  it('refuses a wrong password with 401 and the error JSON of the spec', async () => {
    const response = await fetch(service.realm, {
      headers: {
        authorization: `Basic ${Buffer.from('oauth2accesstoken:wrong').toString('base64')}`,
      },
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      errors: [expect.objectContaining({ code: 'UNAUTHORIZED' })],
    });
  });

  it('the client sends each scope of the challenge as a parameter of its own', async () => {
    const before = service.requests.length;
    expect(await client('reader').digest('1')).toBeUndefined();
    expect(service.requests.slice(before).map((r) => r.scopeParameters)).toEqual([
      ['repository:app:pull', 'repository:base:pull'],
    ]);
  });

  it('the client keeps a token until it expires, and retries once with a fresh one on 401', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const reading = client('reader');
    const tokensBefore = service.requests.length;
    await reading.digest('1');
    await reading.digest('1');
    expect(service.requests.length - tokensBefore).toBe(1);

    vi.setSystemTime(Date.now() + 600_000);
    await reading.digest('1');
    expect(service.requests.length - tokensBefore).toBe(2);

    // A token the registry stops taking: one 401, a fresh token, one retry.
    const current = seen.at(-1)?.replace(/^Bearer /, '') ?? '';
    revoked.add(current);
    const requestsBefore = seen.length;
    await reading.digest('1');
    expect(seen.length - requestsBefore).toBe(2);
    expect(service.requests.length - tokensBefore).toBe(3);
  });
});
