import { cp } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startArtifactRegistryEmulator } from '../emulators/artifact-registry.js';
import { mlops } from '../helpers/cli.js';
import { CredentialEgress } from '../helpers/credential-egress.js';
import { startGoogleWorkflow } from '../helpers/google-workflow.js';
import { REPO_ROOT, tempDir } from '../helpers/paths.js';
import { startRegistryStandIn, type StandInRegistry } from '../helpers/registry-stand-in.js';

/**
 * Registry credentials stay with the registry they are for: the password given goes to the
 * image's registry (and its token realm, over https or loopback), the Google token to Artifact
 * Registry; another registry named by --training-image, or a token realm over plain http, gets
 * none. Through dist/, against stand-in registries on loopback that record every Authorization.
 */

const PASSWORD = 'stand-in-registry-password';
const LABELS = { 'mlops.framework.scikit-learn': '1.5.2', 'mlops.framework.python': '3.11.9' };

describe('registry credentials reach only the registry they are for', () => {
  let egress: CredentialEgress;
  const started: StandInRegistry[] = [];
  const standIn = async (
    options: Omit<Parameters<typeof startRegistryStandIn>[0], 'egress'>,
  ): Promise<StandInRegistry> => {
    const registry = await startRegistryStandIn({ egress, ...options });
    started.push(registry);
    return registry;
  };
  /** A CLI run with no Docker login of the user's (an empty Docker config). */
  const cliEnv = async (): Promise<NodeJS.ProcessEnv> => ({
    DOCKER_CONFIG: await tempDir('docker-config'),
  });

  beforeEach(() => {
    egress = new CredentialEgress();
  });
  afterEach(async () => {
    await Promise.all(started.splice(0).map((registry) => registry.close()));
  });

  it('images verify sends registry-password to the image registry only, not to the training image registry, its realm or blob storage', async () => {
    const storage = await standIn({ auth: { kind: 'anonymous' } });
    const home = await standIn({
      auth: { kind: 'basic', password: PASSWORD },
      storage: storage.url,
    });
    const foreign = await standIn({
      auth: { kind: 'bearer', anonymous: true },
      storage: storage.url,
    });
    const serving = home.image('acme/serving', '1', LABELS);
    const training = foreign.image('library/trainer', '1', LABELS);

    const result = await mlops(
      ['images', 'verify', serving, '--training-image', training, '--registry-password', PASSWORD],
      { env: await cliEnv() },
    );
    egress.assertContained([{ name: 'registry-password', secret: PASSWORD, hosts: [home.host] }]);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(egress.schemesAt(home.host)).toContain('basic');
    // The other registry was read with an anonymous token; blob storage (both registries redirect
    // there) got no Authorization at all.
    expect(new Set(egress.schemesAt(foreign.host))).toEqual(new Set(['', 'bearer']));
    expect(new Set(egress.schemesAt(storage.host))).toEqual(new Set(['']));
  }, 60_000);

  it('images verify sends no credentials to a token realm over plain http that is not on loopback, and says why it failed', async () => {
    // The realm plays auth.registry.test: the CLI reaches that name through it as an HTTP proxy.
    const realm = await standIn({ auth: { kind: 'bearer', anonymous: false, password: PASSWORD } });
    const realmHost = `auth.registry.test:${new URL(realm.url).port}`;
    const registry = await standIn({
      auth: { kind: 'bearer', anonymous: false, realm: `http://${realmHost}/token` },
    });
    const image = registry.image('acme/serving', '1', LABELS);

    const result = await mlops(['images', 'verify', image, '--registry-password', PASSWORD], {
      env: {
        ...(await cliEnv()),
        NODE_USE_ENV_PROXY: '1',
        HTTP_PROXY: realm.url,
        NO_PROXY: '127.0.0.1',
      },
    });
    const output = result.stdout + result.stderr;
    egress.assertContained([
      { name: 'registry-password', secret: PASSWORD, hosts: [registry.host] },
    ]);
    expect(egress.schemesAt(realmHost)).toEqual(['']);
    expect(result.code, output).not.toBe(0);
    expect(output).toContain(`http://${realmHost}/token`);
    expect(output).toContain('not https');

    // A realm that hands out anonymous tokens serves the image all the same.
    const open = await standIn({ auth: { kind: 'bearer', anonymous: true } });
    const openHost = `auth.registry.test:${new URL(open.url).port}`;
    const publicRegistry = await standIn({
      auth: { kind: 'bearer', anonymous: false, realm: `http://${openHost}/token` },
    });
    const publicImage = publicRegistry.image('library/trainer', '1', LABELS);
    const read = await mlops(['images', 'verify', publicImage, '--registry-password', PASSWORD], {
      env: {
        ...(await cliEnv()),
        NODE_USE_ENV_PROXY: '1',
        HTTP_PROXY: open.url,
        NO_PROXY: '127.0.0.1',
      },
    });
    egress.assertContained([
      { name: 'registry-password', secret: PASSWORD, hosts: [registry.host, publicRegistry.host] },
    ]);
    expect(read.code, read.stdout + read.stderr).toBe(0);
    expect(egress.schemesAt(openHost)).toEqual(['']);
  }, 60_000);

  it('build sends the Google token to Artifact Registry only, not to the registry of --training-image', async () => {
    const googleToken = 'ya29.stand-in-google-access-token';
    const workflow = await startGoogleWorkflow({}, { serviceAccountTokenValue: googleToken });
    const artifactRegistry = await startArtifactRegistryEmulator({
      validateToken: workflow.google.validateAccessToken,
      clock: workflow.google.clock,
      faults: workflow.google.faults,
      requests: workflow.google.requests,
    });
    try {
      // Artifact Registry at an endpoint override: tokens for the Google token only.
      const home = await standIn({
        auth: { kind: 'bearer', anonymous: false, password: googleToken },
      });
      const foreign = await standIn({ auth: { kind: 'bearer', anonymous: true } });
      const repository = 'acme-ml/images/server';
      // The content was built before: build reuses it, so no Docker engine is needed.
      home.image(repository, 'content-built-before', LABELS);
      home.answerAnyTag(repository);
      const training = foreign.image('library/trainer', '1', LABELS);
      const context = path.join(await tempDir('egress-build'), 'trainer');
      await cp(path.join(REPO_ROOT, 'tests/fixtures/images/trainer'), context, {
        recursive: true,
      });

      const step = await workflow.step(
        '6001',
        {
          command: 'build',
          image: 'server',
          repository: 'images',
          context,
          'training-image': training,
        },
        {
          MLOPS_ARTIFACTREGISTRY_ENDPOINT: artifactRegistry.endpoint.url,
          MLOPS_DOCKER_REGISTRY_HOST: home.host,
          DOCKER_CONFIG: await tempDir('docker-config'),
        },
      );
      egress.assertContained([
        { name: 'the Google access token', secret: googleToken, hosts: [home.host] },
      ]);
      expect(step.result.code, step.result.stdout + step.result.stderr).toBe(0);
      expect(home.pushedTags.get(repository)).toContain('6001e4c');
      expect(egress.schemesAt(home.host)).toContain('basic');
      expect(new Set(egress.schemesAt(foreign.host))).toEqual(new Set(['', 'bearer']));
    } finally {
      await artifactRegistry.close();
      await workflow.close();
    }
  }, 120_000);
});
