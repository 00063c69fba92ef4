import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { fixedCredentials, RegistryClient } from '../../src/adapters/registry/registry-client.js';
import type { TokenRequest } from '../emulators/registry-token-service.js';
import { mlops } from '../helpers/cli.js';
import { pushLabelledImage } from '../helpers/docker-images.js';
import { tempDir } from '../helpers/paths.js';
import {
  dockerEngine,
  dockerRegistry,
  dockerTokenRegistry,
  TEST_REGISTRY,
  TOKEN_REGISTRY,
} from '../helpers/services.js';

/**
 * The Bearer token flow of Artifact Registry, against a real registry with `auth: token` and
 * the token service in front of it (scripts/start-services.sh): through the docker CLI, through
 * `images verify` in dist/, and through the registry client. One identity may push, one only pull.
 */

const { host, username } = TOKEN_REGISTRY;
const writer = { host, username, password: TOKEN_REGISTRY.writerPassword };
const reader = { host, username, password: TOKEN_REGISTRY.readerPassword };
// The registry keeps its data between runs: each run writes under a path of its own.
const RUN = `token-${Date.now().toString(36)}`;

/** The token service's log of this run's requests (it never holds a password). */
async function tokenRequests(): Promise<TokenRequest[]> {
  const response = await fetch(`${TOKEN_REGISTRY.tokenService}/requests`);
  const all = (await response.json()) as TokenRequest[];
  return all.filter((request) => request.scopeParameters.some((scope) => scope.includes(RUN)));
}

async function dockerLogin(credentials: { password: string }): Promise<NodeJS.ProcessEnv> {
  const env = { ...process.env, DOCKER_CONFIG: await tempDir('docker-config') };
  execFileSync('docker', ['login', host, '--username', username, '--password-stdin'], {
    input: credentials.password,
    env,
    stdio: ['pipe', 'ignore', 'ignore'],
  });
  return env;
}

describe.skipIf(!dockerEngine() || !dockerTokenRegistry())(
  'a registry with token auth, as Artifact Registry has it',
  () => {
    const image = `${host}/${RUN}/serving:1`;

    it('docker pushes with a writer token, pulls with a reader token, and the reader cannot push', async () => {
      await pushLabelledImage(writer, `${RUN}/serving:1`, { 'mlops.test.run': RUN });
      const readerEnv = await dockerLogin(reader);
      execFileSync('docker', ['image', 'rm', image], { stdio: 'ignore' });
      execFileSync('docker', ['pull', image], { env: readerEnv, stdio: 'ignore' });

      const copy = `${host}/${RUN}/by-reader:1`;
      execFileSync('docker', ['tag', image, copy]);
      const push = spawnSync('docker', ['push', copy], { env: readerEnv, encoding: 'utf8' });
      expect(push.status).not.toBe(0);
      expect(push.stderr).toContain('denied');

      const requests = await tokenRequests();
      expect(requests).toContainEqual(
        expect.objectContaining({
          subject: 'writer@acme-ml',
          granted: [{ type: 'repository', name: `${RUN}/serving`, actions: ['push', 'pull'] }],
        }),
      );
      // The reader asked for push and got pull only, which the registry then refused.
      expect(requests).toContainEqual(
        expect.objectContaining({
          subject: 'reader@acme-ml',
          scopeParameters: expect.arrayContaining([
            `repository:${RUN}/by-reader:push,pull`,
          ]) as unknown,
          granted: expect.arrayContaining([
            { type: 'repository', name: `${RUN}/by-reader`, actions: ['pull'] },
          ]) as unknown,
        }),
      );
    }, 120_000);

    it('docker asks for each repository of a cross-repository push in a scope parameter of its own', async () => {
      const writerEnv = await dockerLogin(writer);
      const copy = `${host}/${RUN}/copy:1`;
      execFileSync('docker', ['tag', image, copy]);
      execFileSync('docker', ['push', copy], { env: writerEnv, stdio: 'ignore' });
      expect((await tokenRequests()).map((request) => request.scopeParameters)).toContainEqual([
        `repository:${RUN}/copy:push,pull`,
        `repository:${RUN}/serving:pull`,
      ]);
    }, 120_000);

    it('images verify reads the image with a read-only token, one scope per parameter', async () => {
      const result = await mlops([
        'images',
        'verify',
        image,
        '--registry-password',
        reader.password,
      ]);
      expect(result.code, result.stdout + result.stderr).toBe(0);
      expect(await tokenRequests()).toContainEqual(
        expect.objectContaining({
          subject: 'reader@acme-ml',
          scopeParameters: [`repository:${RUN}/serving:pull`],
        }),
      );
    }, 60_000);

    it('images verify says the credentials were rejected, without printing the password', async () => {
      const password = `not-an-access-token-${RUN}`;
      const result = await mlops(['images', 'verify', image, '--registry-password', password]);
      const output = result.stdout + result.stderr;
      expect(result.code, output).not.toBe(0);
      expect(output).toContain(
        `The registry ${host} rejected the credentials of oauth2accesstoken`,
      );
      expect(output).not.toContain(password);
      expect(await tokenRequests()).toContainEqual(
        expect.objectContaining({ status: 401, username: 'oauth2accesstoken' }),
      );
    }, 60_000);

    it.skipIf(!dockerRegistry())(
      'images verify gives the password to the image registry only, not to the training image registry',
      async () => {
        // The training image is in the other test registry (htpasswd Basic), which the given
        // password is not for: it is read with the (empty) Docker config of the user, anonymously.
        const training = `${TEST_REGISTRY.host}/${RUN}/trainer:1`;
        await pushLabelledImage(TEST_REGISTRY, `${RUN}/trainer:1`, { 'mlops.test.run': RUN });
        const result = await mlops(
          [
            'images',
            'verify',
            image,
            '--training-image',
            training,
            '--registry-password',
            reader.password,
          ],
          { env: { DOCKER_CONFIG: await tempDir('docker-config') } },
        );
        const output = result.stdout + result.stderr;
        expect(result.code, output).not.toBe(0);
        expect(output).toContain(`The registry ${TEST_REGISTRY.host} rejected anonymous access`);
      },
      60_000,
    );

    it('the client tags with a push token, keeps one token per scope, and a reader is denied push', async () => {
      const repository = `${RUN}/serving`;
      const before = (await tokenRequests()).length;
      const client = new RegistryClient({ registry: host, repository }, fixedCredentials(writer));
      const manifest = await client.manifest('1');
      if (!manifest) throw new Error('the pushed image is missing');
      await client.tag('2', manifest);
      expect(await client.digest('2')).toBe(manifest.digest);
      expect(await client.digest('1')).toBe(manifest.digest);
      // One token for pull, one for pull,push; the later reads reuse the pull token.
      expect((await tokenRequests()).slice(before).map((r) => r.scopeParameters)).toEqual([
        [`repository:${repository}:pull`],
        [`repository:${repository}:pull,push`],
      ]);

      const readOnly = new RegistryClient({ registry: host, repository }, fixedCredentials(reader));
      await expect(readOnly.tag('3', manifest)).rejects.toThrow(
        `The registry ${host} denied the credentials of oauth2accesstoken permission to tag ${manifest.digest} as 3`,
      );
      expect(await readOnly.digest('3')).toBeUndefined();
    }, 60_000);
  },
);
