import { describe, expect, it } from 'vitest';
import {
  dockerConfigCredentials,
  parseImageReference,
  readImageLabels,
} from '../../src/adapters/registry/image-labels.js';
import { pushLabelledImage } from '../helpers/docker-images.js';
import { dockerEngine, dockerRegistry, TEST_REGISTRY } from '../helpers/services.js';

describe('image references', () => {
  it.each([
    [
      'busybox',
      { registry: 'registry-1.docker.io', repository: 'library/busybox', reference: 'latest' },
    ],
    [
      'us-docker.pkg.dev/vertex-ai/prediction/sklearn-cpu.1-3:latest',
      {
        registry: 'us-docker.pkg.dev',
        repository: 'vertex-ai/prediction/sklearn-cpu.1-3',
        reference: 'latest',
      },
    ],
    [
      '127.0.0.1:5000/serving',
      { registry: '127.0.0.1:5000', repository: 'serving', reference: 'latest' },
    ],
    [
      'localhost/a/b:1@sha256:abc',
      { registry: 'localhost', repository: 'a/b', reference: 'sha256:abc' },
    ],
  ])('%s', (image, expected) => {
    expect(parseImageReference(image)).toEqual(expected);
  });
});

describe.skipIf(!dockerEngine() || !dockerRegistry())(
  'image labels from a real registry (docker-registry with htpasswd)',
  () => {
    it('reads the labels of a pushed image with the Docker login, by tag and by digest', async () => {
      const { image, dockerConfig } = await pushLabelledImage(TEST_REGISTRY, 'serving-labels:1', {
        'mlops.framework-version': '1.0.2',
        'org.opencontainers.image.title': 'serving',
      });
      const credentials = dockerConfigCredentials({ DOCKER_CONFIG: dockerConfig });
      const read = await readImageLabels(image, credentials);
      expect(read).toEqual({
        labels: { 'mlops.framework-version': '1.0.2', 'org.opencontainers.image.title': 'serving' },
      });
      const manifest = await fetch(`http://${TEST_REGISTRY.host}/v2/serving-labels/manifests/1`, {
        method: 'HEAD',
        headers: {
          accept: 'application/vnd.docker.distribution.manifest.v2+json',
          authorization: `Basic ${Buffer.from(`${TEST_REGISTRY.username}:${TEST_REGISTRY.password}`).toString('base64')}`,
        },
      });
      const digest = manifest.headers.get('docker-content-digest') ?? '';
      expect(digest).toMatch(/^sha256:/);
      expect(
        await readImageLabels(`${TEST_REGISTRY.host}/serving-labels@${digest}`, credentials),
      ).toEqual(read);
    }, 120_000);

    it('says why when it cannot read them: no credentials, unknown tag', async () => {
      const none = { basic: () => Promise.resolve(undefined) };
      expect(await readImageLabels(`${TEST_REGISTRY.host}/serving-labels:1`, none)).toEqual({
        error: '/v2/serving-labels/manifests/1: HTTP 401',
      });
      const wrong = {
        basic: () => Promise.resolve({ username: 'oauth2accesstoken', password: 'wrong' }),
      };
      expect(await readImageLabels(`${TEST_REGISTRY.host}/serving-labels:1`, wrong)).toEqual({
        error: '/v2/serving-labels/manifests/1: HTTP 401',
      });
    });
  },
);
