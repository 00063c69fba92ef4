import { describe, expect, it } from 'vitest';
import {
  dockerConfigCredentials,
  fixedCredentials,
  inspectImage,
  readImageLabels,
  RegistryClient,
} from '../../src/adapters/registry/registry-client.js';
import { UserError } from '../../src/core/errors.js';
import { verifyAmd64 } from '../../src/commands/image-checks.js';
import { pushLabelledImage } from '../helpers/docker-images.js';
import {
  OCI_INDEX,
  pushManifest,
  pushPlatformImage,
  type Descriptor,
} from '../helpers/registry-api.js';
import { dockerEngine, dockerRegistry, TEST_REGISTRY } from '../helpers/services.js';

const credentials = fixedCredentials(TEST_REGISTRY);
// The registry keeps its data between runs: each run writes under a path of its own.
const RUN = `run-${Date.now().toString(36)}`;
const client = (repository: string): RegistryClient =>
  new RegistryClient(
    { registry: TEST_REGISTRY.host, repository: `${RUN}/${repository}` },
    credentials,
  );

/** An index as buildx pushes it: the image, plus a provenance attestation for it. */
async function pushIndexWithAttestation(
  repository: string,
  tag: string,
  image: Descriptor & { platform: { os: string; architecture: string } },
): Promise<Descriptor> {
  const attestation = await pushPlatformImage(repository, {
    os: 'unknown',
    architecture: 'unknown',
  });
  return pushManifest(repository, tag, OCI_INDEX, {
    schemaVersion: 2,
    mediaType: OCI_INDEX,
    manifests: [
      image,
      {
        ...attestation,
        platform: { os: 'unknown', architecture: 'unknown' },
        annotations: {
          'vnd.docker.reference.type': 'attestation-manifest',
          'vnd.docker.reference.digest': image.digest,
        },
      },
    ],
  });
}

describe.skipIf(!dockerEngine() || !dockerRegistry())(
  'the registry client against a real registry (docker-registry with htpasswd)',
  () => {
    it('reads the labels of a pushed image with the Docker login, by tag and by digest', async () => {
      const { image, dockerConfig } = await pushLabelledImage(TEST_REGISTRY, 'serving-labels:1', {
        'mlops.framework.scikit-learn': '1.0.2',
        'org.opencontainers.image.title': 'serving',
      });
      const fromConfig = dockerConfigCredentials({ DOCKER_CONFIG: dockerConfig });
      const read = await readImageLabels(image, fromConfig);
      expect(read).toEqual({
        labels: {
          'mlops.framework.scikit-learn': '1.0.2',
          'org.opencontainers.image.title': 'serving',
        },
      });
      const digest = await new RegistryClient(
        { registry: TEST_REGISTRY.host, repository: 'serving-labels' },
        credentials,
      ).digest('1');
      expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(
        await readImageLabels(`${TEST_REGISTRY.host}/serving-labels@${digest ?? ''}`, fromConfig),
      ).toEqual(read);
    }, 120_000);

    it('names the problem when it cannot read: no credentials, a wrong password, an unknown tag', async () => {
      await pushLabelledImage(TEST_REGISTRY, 'serving-labels:1', {});
      const none = { basic: () => Promise.resolve(undefined) };
      expect(await readImageLabels(`${TEST_REGISTRY.host}/serving-labels:1`, none)).toEqual({
        error: expect.stringContaining('rejected anonymous access (HTTP 401') as string,
      });
      const wrong = fixedCredentials({ username: 'oauth2accesstoken', password: 'wrong' });
      expect(await readImageLabels(`${TEST_REGISTRY.host}/serving-labels:1`, wrong)).toEqual({
        error: expect.stringContaining('rejected the credentials of oauth2accesstoken') as string,
      });
      expect(
        await readImageLabels(`${TEST_REGISTRY.host}/serving-labels:nope`, credentials),
      ).toEqual({ error: expect.stringContaining('serving-labels:nope does not exist') as string });
    }, 120_000);

    it('finds linux/amd64 in an OCI index and leaves attestation entries out', async () => {
      const amd64 = await pushPlatformImage(
        `${RUN}/indexed`,
        { os: 'linux', architecture: 'amd64' },
        { 'mlops.framework.scikit-learn': '1.2.1' },
      );
      const index = await pushIndexWithAttestation(`${RUN}/indexed`, 'v1', {
        ...amd64,
        platform: { os: 'linux', architecture: 'amd64' },
      });
      const inspected = await inspectImage(client('indexed'), 'v1');
      expect(inspected).toEqual({
        digest: index.digest,
        platforms: [{ os: 'linux', architecture: 'amd64' }],
        amd64: { digest: amd64.digest, labels: { 'mlops.framework.scikit-learn': '1.2.1' } },
      });
    });

    it('rejects images without linux/amd64, naming what it found: an arm64 index, an arm64 manifest', async () => {
      const arm64 = await pushPlatformImage(`${RUN}/arm-only`, {
        os: 'linux',
        architecture: 'arm64',
      });
      await pushIndexWithAttestation(`${RUN}/arm-only`, 'index', {
        ...arm64,
        platform: { os: 'linux', architecture: 'arm64' },
      });
      await expect(verifyAmd64(client('arm-only'), 'index')).rejects.toThrow(
        /arm-only:index has no linux\/amd64 image: it is linux\/arm64$/,
      );
      await expect(verifyAmd64(client('arm-only'), arm64.digest)).rejects.toBeInstanceOf(UserError);
      await expect(verifyAmd64(client('arm-only'), arm64.digest)).rejects.toThrow(
        /it is linux\/arm64/,
      );
      // An index that claims amd64 for an arm64 image: the config, which the runtime reads, wins.
      await pushManifest(`${RUN}/arm-only`, 'lying', OCI_INDEX, {
        schemaVersion: 2,
        mediaType: OCI_INDEX,
        manifests: [{ ...arm64, platform: { os: 'linux', architecture: 'amd64' } }],
      });
      await expect(verifyAmd64(client('arm-only'), 'lying')).rejects.toThrow(/it is linux\/arm64/);
    });

    it('adds a tag to an existing manifest without pushing again', async () => {
      const amd64 = await pushPlatformImage(`${RUN}/retag`, { os: 'linux', architecture: 'amd64' });
      const registry = client('retag');
      const manifest = await registry.manifest(amd64.digest);
      expect(manifest?.digest).toBe(amd64.digest);
      expect(await registry.digest('moved')).toBeUndefined();
      await registry.tag('moved', manifest!);
      expect(await registry.digest('moved')).toBe(amd64.digest);
    });
  },
);
