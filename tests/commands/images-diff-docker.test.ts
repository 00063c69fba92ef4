import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imagesDiffCommand } from '../../src/commands/images-diff.js';
import { pushLabelledImage } from '../helpers/docker-images.js';
import { pushLocalImage, removeLocalImages, sklearnVersion } from '../helpers/image-fixtures.js';
import { tempDir } from '../helpers/paths.js';
import { runCommand, type InputValue } from '../helpers/recording-host.js';
import { PYTHON_IMAGES, TEST_REGISTRY, imageServices } from '../helpers/services.js';

/**
 * images diff in-process with the real Docker engine: the Debian Python test images, local and
 * pulled from the test registry, compared package by package.
 */

describe.skipIf(!imageServices())('images diff (in-process, Docker and the test registry)', () => {
  const { training, olderServing } = PYTHON_IMAGES;
  // The registry keeps its data between test runs: a fresh path keeps runs apart.
  const repository = `acme-ml/diff-${Date.now().toString(36)}`;
  const pushed = `${TEST_REGISTRY.host}/${repository}/python:bookworm`;
  let trainingVersion: string;
  let servingVersion: string;

  beforeAll(async () => {
    trainingVersion = sklearnVersion(training);
    servingVersion = sklearnVersion(olderServing);
    await pushLocalImage(training, pushed);
  }, 180_000);

  afterAll(() => removeLocalImages(`${TEST_REGISTRY.host}/${repository}/`));

  async function diff(inputs: Record<string, InputValue>) {
    // An empty Docker config: no login of the user's helps.
    return runCommand(imagesDiffCommand, inputs, {
      env: { DOCKER_CONFIG: await tempDir('docker-config') },
    });
  }

  it('lists the packages that differ and every framework, and counts the differences', async () => {
    const result = await diff({ 'image-a': training, 'image-b': olderServing });
    expect(result.userError?.describe()).toBeUndefined();
    expect(result.groups).toEqual([
      `Read the packages of ${training}`,
      `Read the packages of ${olderServing}`,
    ]);
    expect(result.tables).toHaveLength(1);
    const [table] = result.tables;
    expect(table?.title).toBe(`Packages: ${training} vs ${olderServing}`);
    expect(table?.header).toEqual(['Package', training, olderServing, '']);
    const rows = table?.rows ?? [];
    expect(rows.find((row) => row[0] === 'scikit-learn')).toEqual([
      'scikit-learn',
      trainingVersion,
      servingVersion,
      'differs',
    ]);
    expect(rows.find((row) => row[0] === 'python')?.[3]).toBe('differs');
    // Only differences, frameworks aside; one side missing says which.
    const mark = ([, left, right]: readonly string[]): string => {
      if (left === '–') return `only in ${olderServing}`;
      if (right === '–') return `only in ${training}`;
      return left === right ? 'same' : 'differs';
    };
    expect(rows.map((row) => row[3])).toEqual(rows.map(mark));
    expect(rows.some((row) => row[3]?.startsWith('only in '))).toBe(true);
    const differing = rows.filter((row) => row[3] !== 'same').length;
    expect(result.outputs.differences).toBe(String(differing));
    expect(result.infos.at(-1)).toMatch(
      new RegExp(
        `^${differing} of \\d+ packages differ \\(same-version packages hidden; --all-packages lists them\\)$`,
      ),
    );
  }, 120_000);

  it('all-packages lists the packages with the same version too', async () => {
    const result = await diff({ 'image-a': training, 'image-b': training, 'all-packages': true });
    expect(result.userError?.describe()).toBeUndefined();
    const rows = result.tables[0]?.rows ?? [];
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.every((row) => row[3] === 'same' && row[1] === row[2])).toBe(true);
    expect(rows.find((row) => row[0] === 'scikit-learn')).toEqual([
      'scikit-learn',
      trainingVersion,
      trainingVersion,
      'same',
    ]);
    expect(result.outputs.differences).toBe('0');
    expect(result.infos.at(-1)).toBe(`0 of ${rows.length} packages differ`);
  }, 120_000);

  it('pulls a registry image with the password given for its registry, and masks it', async () => {
    const result = await diff({
      'image-a': pushed,
      'image-b': training,
      'registry-password': TEST_REGISTRY.password,
    });
    expect(result.userError?.describe()).toBeUndefined();
    expect(result.masked).toEqual([{ value: TEST_REGISTRY.password, name: 'registry-password' }]);
    expect(result.outputs.differences).toBe('0');
    expect(result.tables[0]?.title).toBe(`Packages: ${pushed} vs ${training}`);
  }, 120_000);

  it('a wrong registry password, and an image without Python, are errors that say so', async () => {
    const wrong = await diff({
      'image-a': pushed,
      'image-b': training,
      'registry-password': 'not-the-password',
    });
    expect(wrong.userError?.message).toMatch(
      new RegExp(`^The registry ${TEST_REGISTRY.host} refused the login of oauth2accesstoken`),
    );
    expect(wrong.userError?.describe()).not.toContain('not-the-password');

    const { image: noPython } = await pushLabelledImage(
      TEST_REGISTRY,
      `${repository}/settings:1`,
      {},
    );
    const result = await diff({
      'image-a': noPython,
      'image-b': training,
      'registry-password': TEST_REGISTRY.password,
    });
    expect(result.userError?.message).toBe(
      `Cannot read the Python packages of ${noPython}: it has no python3 or python`,
    );
    expect(result.userError?.fix).toContain('The image needs python3');
    expect(result.groups).toEqual([`Read the packages of ${noPython}`]);
  }, 120_000);
});
