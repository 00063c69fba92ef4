import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  dockerConfigCredentials,
  realmTakesCredentials,
  type RegistryCredentials,
} from '../../src/adapters/registry/registry-client.js';
import { keyedCredentials } from '../../src/adapters/registry/registry-credentials.js';
import { isGoogleRegistry, registryHostKey } from '../../src/core/images/image-reference.js';
import { tempDir } from '../helpers/paths.js';

/** Credentials keyed by registry host, and which token realms may be sent them. */

const login = { username: 'deployer', password: 'the-given-password' };
const fromDockerConfig = { username: 'docker-user', password: 'from-docker-config' };
const GOOGLE_TOKEN = 'ya29.the-google-token';

function credentials(artifactRegistryHost?: string): {
  credentials: RegistryCredentials;
  tokenRequests: () => number;
} {
  let requests = 0;
  return {
    credentials: keyedCredentials({
      login: { host: 'Registry.Example.com:443', credentials: login },
      artifactRegistryHost,
      googleToken: () => {
        requests += 1;
        return Promise.resolve(GOOGLE_TOKEN);
      },
      fallback: {
        basic: (host) =>
          Promise.resolve(host === 'docker-login.example.com' ? fromDockerConfig : undefined),
      },
    }),
    tokenRequests: () => requests,
  };
}

describe('registry credentials keyed by host', () => {
  it('gives the login to its host only, however the host is written', async () => {
    const { credentials: keyed } = credentials();
    expect(await keyed.basic('registry.example.com')).toEqual(login);
    expect(await keyed.basic('REGISTRY.example.com:443')).toEqual(login);
    expect(await keyed.basic('registry.example.com:5000')).toBeUndefined();
    expect(await keyed.basic('other.example.com')).toBeUndefined();
    expect(await keyed.basic('registry.example.com.evil.test')).toBeUndefined();
  });

  it('gives the Google token to Google registries and the Artifact Registry override only', async () => {
    const google = { username: 'oauth2accesstoken', password: GOOGLE_TOKEN };
    const { credentials: keyed, tokenRequests } = credentials('127.0.0.1:5000');
    expect(await keyed.basic('us-central1-docker.pkg.dev')).toEqual(google);
    expect(await keyed.basic('gcr.io')).toEqual(google);
    expect(await keyed.basic('eu.gcr.io')).toEqual(google);
    expect(await keyed.basic('127.0.0.1:5000')).toEqual(google);
    const asked = tokenRequests();
    expect(await keyed.basic('127.0.0.1:5001')).toBeUndefined();
    expect(await keyed.basic('ghcr.io')).toBeUndefined();
    expect(await keyed.basic('pkg.dev.evil.test')).toBeUndefined();
    // Other hosts get what the user's Docker config holds for them, never the token.
    expect(await keyed.basic('docker-login.example.com')).toEqual(fromDockerConfig);
    expect(tokenRequests()).toBe(asked);
    // Without an override, the override's host is just another registry.
    expect(await credentials().credentials.basic('127.0.0.1:5000')).toBeUndefined();
  });

  it('normalises hosts as Docker keys them', () => {
    expect(registryHostKey('Registry.Example.COM:443')).toBe('registry.example.com');
    expect(registryHostKey('https://registry.example.com/v1/')).toBe('registry.example.com');
    expect(registryHostKey('registry.example.com:8443')).toBe('registry.example.com:8443');
    expect(registryHostKey('localhost:80')).toBe('localhost');
    expect(registryHostKey('127.0.0.1:5000')).toBe('127.0.0.1:5000');
    for (const hub of ['docker.io', 'index.docker.io', 'registry-1.docker.io'])
      expect(registryHostKey(hub)).toBe('docker.io');
    expect(registryHostKey('https://index.docker.io/v1/')).toBe('docker.io');
    expect(isGoogleRegistry('US-docker.PKG.dev:443')).toBe(true);
  });

  it('finds a Docker login by host: Docker Hub under its v1 key, nothing for other hosts', async () => {
    const dir = await tempDir('docker-config');
    const auth = (user: string, password: string) => ({
      auth: Buffer.from(`${user}:${password}`).toString('base64'),
    });
    await writeFile(
      path.join(dir, 'config.json'),
      JSON.stringify({
        auths: {
          'https://index.docker.io/v1/': auth('hub-user', 'hub-password'),
          'Registry.Example.com': auth('example-user', 'example-password'),
        },
      }),
    );
    const docker = dockerConfigCredentials({ DOCKER_CONFIG: dir });
    expect(await docker.basic('registry-1.docker.io')).toEqual({
      username: 'hub-user',
      password: 'hub-password',
    });
    expect(await docker.basic('registry.example.com:443')).toEqual({
      username: 'example-user',
      password: 'example-password',
    });
    expect(await docker.basic('ghcr.io')).toBeUndefined();
  });
});

describe('token realms', () => {
  it('take credentials over https, or over http on loopback only', () => {
    const takes = (realm: string): boolean => realmTakesCredentials(new URL(realm));
    expect(takes('https://auth.docker.io/token')).toBe(true);
    expect(takes('https://us-docker.pkg.dev/v2/token')).toBe(true);
    for (const loopback of [
      'http://127.0.0.1:5002/token',
      'http://127.9.8.7/token',
      'http://localhost:5002/token',
      'http://[::1]:5002/token',
    ])
      expect(takes(loopback), loopback).toBe(true);
    for (const remote of [
      'http://auth.docker.io/token',
      'http://10.0.0.5/token',
      'http://127.0.0.1.nip.io/token',
      'http://localhost.evil.test/token',
      'http://[::2]/token',
    ])
      expect(takes(remote), remote).toBe(false);
  });
});
