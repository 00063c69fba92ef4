import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imagesVerifyCommand } from '../../src/commands/images-verify.js';
import { pushLabelledImage } from '../helpers/docker-images.js';
import { pushLocalImage, removeLocalImages, sklearnVersion } from '../helpers/image-fixtures.js';
import { tempDir } from '../helpers/paths.js';
import { pushPlatformImage } from '../helpers/registry-api.js';
import { runCommand, type InputValue } from '../helpers/recording-host.js';
import { PYTHON_IMAGES, TEST_REGISTRY, imageServices } from '../helpers/services.js';

/**
 * images verify in-process against the test registry: images pushed by plain docker (labelled
 * as build labels them, unlabelled with and without Python) and an arm64-only image pushed
 * through the Registry API.
 */

const labels = (versions: Record<string, string>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(versions).map(([name, version]) => [`mlops.framework.${name}`, version]),
  );

describe.skipIf(!imageServices())('images verify (in-process, the test registry)', () => {
  // The registry keeps its data between test runs: a fresh path keeps runs apart.
  const repository = `acme-ml/verify-${Date.now().toString(36)}`;
  const registryImage = (name: string): string => `${TEST_REGISTRY.host}/${repository}/${name}`;
  let trainer: string;
  let compatible: string;
  let older: string;
  let unlabelled: string;
  let python: string;

  beforeAll(async () => {
    const push = async (name: string, versions: Record<string, string>) =>
      (await pushLabelledImage(TEST_REGISTRY, `${repository}/${name}`, labels(versions))).image;
    trainer = await push('trainer:1', { python: '3.11.2', 'scikit-learn': '1.2.1' });
    compatible = await push('server:1', { python: '3.11.9', 'scikit-learn': '1.2.1' });
    older = await push('server:0', { python: '3.9.2', 'scikit-learn': '0.23.2' });
    unlabelled = await push('settings:1', {});
    python = registryImage('python:bookworm');
    await pushLocalImage(PYTHON_IMAGES.training, python);
  }, 180_000);

  afterAll(() => removeLocalImages(`${TEST_REGISTRY.host}/${repository}/`));

  async function verify(inputs: Record<string, InputValue>) {
    // An empty Docker config: no login of the user's helps.
    return runCommand(
      imagesVerifyCommand,
      { 'registry-password': TEST_REGISTRY.password, ...inputs },
      { env: { DOCKER_CONFIG: await tempDir('docker-config') } },
    );
  }

  it('reads the framework versions from the labels build wrote, and masks the password', async () => {
    const result = await verify({ image: trainer });
    expect(result.userError?.describe()).toBeUndefined();
    expect(result.masked).toEqual([{ value: TEST_REGISTRY.password, name: 'registry-password' }]);
    expect(result.groups).toEqual([`Verify ${trainer}`]);
    expect(result.infos).toEqual([
      expect.stringMatching(
        new RegExp(`^${trainer.replaceAll('.', '\\.')} \\(sha256:[0-9a-f]{64}\\): linux/amd64$`),
      ) as string,
      'Framework versions from labels',
    ]);
    expect(result.tables).toEqual([
      {
        title: `Framework versions of ${trainer}`,
        header: ['Package', 'Version'],
        rows: [
          ['scikit-learn', '1.2.1'],
          ['python', '3.11.2'],
        ],
      },
    ]);
    expect(JSON.parse(result.outputs['framework-versions'] ?? '')).toEqual({
      python: '3.11.2',
      'scikit-learn': '1.2.1',
    });
    expect(result.outputs['training-versions']).toBeUndefined();
  });

  it("passes a serving image with the training image's scikit-learn and Python's minor version, with the table", async () => {
    const result = await verify({ image: compatible, 'training-image': trainer });
    expect(result.userError?.describe()).toBeUndefined();
    expect(result.groups).toEqual([`Verify ${trainer}`, `Verify ${compatible}`]);
    const table = result.tables.at(-1);
    expect(table?.title).toBe('Framework versions, training vs serving');
    expect(table?.header).toEqual([
      'Package',
      `Training (${trainer})`,
      `Serving (${compatible})`,
      'Match',
    ]);
    expect(table?.rows).toContainEqual(['scikit-learn', '1.2.1', '1.2.1', 'same']);
    expect(table?.rows).toContainEqual(['python', '3.11.2', '3.11.9', 'same minor version']);
    expect(JSON.parse(result.outputs['training-versions'] ?? '')).toEqual({
      python: '3.11.2',
      'scikit-learn': '1.2.1',
    });
  });

  it('rejects a serving image whose scikit-learn differs from training, with both sides', async () => {
    const result = await verify({ image: older, 'training-image': trainer });
    expect(result.userError?.message).toMatch(
      /^The serving image cannot be trusted to load the model: 2 framework versions differ from the training image/,
    );
    expect(result.userError?.details).toContain('scikit-learn: training 1.2.1, serving 0.23.2');
    expect(result.userError?.fix).toContain('Install the training versions in the serving image');
    expect(result.tables.at(-1)?.rows).toContainEqual([
      'scikit-learn',
      '1.2.1',
      '0.23.2',
      'MISMATCH',
    ]);
  });

  it('rejects an image that has no linux/amd64 image', async () => {
    const arm = await pushPlatformImage(`${repository}/arm`, {
      os: 'linux',
      architecture: 'arm64',
    });
    const image = `${registryImage('arm')}@${arm.digest}`;
    const result = await verify({ image });
    expect(result.userError?.message).toBe(`${image} has no linux/amd64 image: it is linux/arm64`);
    expect(result.userError?.fix).toContain('Vertex AI runs linux/amd64 only');
  });

  it('without labels, runs Python inside the image (pulled by digest) for its versions', async () => {
    const result = await verify({ image: python });
    expect(result.userError?.describe()).toBeUndefined();
    expect(result.infos).toContain('Framework versions from python in the image');
    const versions = JSON.parse(result.outputs['framework-versions'] ?? '') as Record<
      string,
      string
    >;
    expect(versions['scikit-learn']).toBe(sklearnVersion(PYTHON_IMAGES.training));
    expect(versions.python).toMatch(/^3\.11\./);
    expect(result.tables[0]?.rows).toContainEqual(['scikit-learn', versions['scikit-learn']]);
  }, 120_000);

  it('an image without labels or Python: a warning alone, an error when it must be compared', async () => {
    const alone = await verify({ image: unlabelled });
    expect(alone.userError?.describe()).toBeUndefined();
    expect(alone.warnings).toEqual([
      expect.stringMatching(/^Cannot read the Python packages of .*: it has no python3 or python$/),
    ]);
    expect(alone.outputs['framework-versions']).toBe('{}');

    const compared = await verify({ image: unlabelled, 'training-image': trainer });
    expect(compared.userError?.message).toMatch(
      /^Cannot read the Python packages of .*: it has no python3 or python$/,
    );
  }, 120_000);

  it('a wrong password is rejected by the registry, and never shown', async () => {
    const result = await verify({ image: trainer, 'registry-password': 'not-the-password' });
    expect(result.userError?.message).toMatch(
      new RegExp(
        `^The registry ${TEST_REGISTRY.host.replaceAll('.', '\\.')} rejected the credentials of oauth2accesstoken \\(HTTP 401`,
      ),
    );
    expect(result.userError?.describe()).not.toContain('not-the-password');
    expect([...result.infos, ...result.warnings].join('\n')).not.toContain('not-the-password');
  });
});
