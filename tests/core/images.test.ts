import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import {
  compareFrameworks,
  diffEnvironments,
  frameworkLabels,
  frameworkVersions,
  normalizePackageName,
  versionsFromLabels,
} from '../../src/core/images/framework-versions.js';
import {
  artifactRegistryRepository,
  checkDockerTag,
  checkRegistryLocation,
  contentTag,
  formatImage,
  isGoogleRegistry,
  parseImageReference,
} from '../../src/core/images/image-reference.js';

const DIGEST = `sha256:${'ab'.repeat(32)}`;

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
    [`localhost/a/b:1@${DIGEST}`, { registry: 'localhost', repository: 'a/b', reference: DIGEST }],
  ])('%s', (image, expected) => {
    expect(parseImageReference(image)).toEqual(expected);
    expect(parseImageReference(formatImage(parseImageReference(image)))).toEqual(expected);
  });

  it.each([
    ['Upper/Case:1', /not an image reference/],
    ['127.0.0.1:5000/a@sha256:abc', /malformed digest/],
    ['127.0.0.1:5000/a:-bad', /not a valid image tag/],
  ])('rejects %s', (image, message) => {
    expect(() => parseImageReference(image)).toThrow(message);
    expect(() => parseImageReference(image)).toThrow(UserError);
  });

  it('tags: letters, digits, _ . - up to 128, not starting with . or -', () => {
    expect(checkDockerTag('v1.2_rc-3')).toBe('v1.2_rc-3');
    expect(() => checkDockerTag('.hidden')).toThrow(UserError);
    expect(() => checkDockerTag('a'.repeat(129))).toThrow(UserError);
    expect(contentTag('0123456789abcdef'.repeat(4))).toBe(
      `content-${'0123456789abcdef'.repeat(2)}`,
    );
  });

  it('knows Artifact Registry names and locations', () => {
    expect(
      artifactRegistryRepository(
        parseImageReference('europe-docker.pkg.dev/acme-ml/images/trainer'),
      ),
    ).toEqual({ project: 'acme-ml', location: 'europe', repository: 'images' });
    expect(artifactRegistryRepository(parseImageReference('ghcr.io/acme/trainer'))).toBeUndefined();
    expect(
      artifactRegistryRepository(parseImageReference('us-docker.pkg.dev/acme-ml/trainer')),
    ).toBeUndefined();
    expect(checkRegistryLocation('us-central1')).toBe('us-central1');
    expect(checkRegistryLocation('asia')).toBe('asia');
    expect(() => checkRegistryLocation('us-central1-a')).toThrow(UserError);
    expect(isGoogleRegistry('us-central1-docker.pkg.dev')).toBe(true);
    expect(isGoogleRegistry('gcr.io')).toBe(true);
    expect(isGoogleRegistry('eu.gcr.io')).toBe(true);
    expect(isGoogleRegistry('ghcr.io')).toBe(false);
  });
});

describe('framework versions', () => {
  const training = {
    python: '3.11.2',
    packages: {
      'scikit-learn': '1.2.1',
      numpy: '1.24.2',
      pandas: '1.5.3',
      joblib: '1.2.0',
      scipy: '1.10.1',
    },
  };

  it('normalises package names as pip does (PEP 503)', () => {
    expect(normalizePackageName('Scikit_Learn')).toBe('scikit-learn');
    expect(normalizePackageName('ruamel.yaml')).toBe('ruamel-yaml');
  });

  it('records the tracked versions as labels and reads them back in table order', () => {
    const versions = frameworkVersions(training);
    expect(versions).toEqual({
      'scikit-learn': '1.2.1',
      numpy: '1.24.2',
      pandas: '1.5.3',
      joblib: '1.2.0',
      python: '3.11.2',
    });
    const labels = frameworkLabels(versions);
    expect(labels['mlops.framework.scikit-learn']).toBe('1.2.1');
    const shuffled = Object.fromEntries(Object.entries(labels).reverse());
    expect(Object.keys(versionsFromLabels({ ...shuffled, other: 'x' }) ?? {})).toEqual(
      Object.keys(versions),
    );
    expect(versionsFromLabels({ 'org.opencontainers.image.revision': 'abc' })).toBeUndefined();
  });

  it('passes identical versions and patch differences of numpy, pandas, joblib and Python', () => {
    const { rows, failed } = compareFrameworks(
      { 'scikit-learn': '1.2.1', numpy: '1.24.2', python: '3.11.2' },
      { 'scikit-learn': '1.2.1', numpy: '1.24.4', python: '3.11.9', xgboost: '2.0.0' },
    );
    expect(failed).toBe(false);
    expect(Object.fromEntries(rows.map((row) => [row.name, row.match]))).toEqual({
      'scikit-learn': 'same',
      xgboost: 'absent',
      lightgbm: 'absent',
      numpy: 'compatible',
      pandas: 'absent',
      joblib: 'absent',
      python: 'compatible',
    });
  });

  it('fails on any scikit-learn difference, a minor numpy difference, or a package serving lacks', () => {
    const patch = compareFrameworks({ 'scikit-learn': '1.2.1' }, { 'scikit-learn': '1.2.2' });
    expect(patch.failed).toBe(true);
    expect(patch.rows[0]?.match).toBe('mismatch');
    const minor = compareFrameworks({ numpy: '1.24.2' }, { numpy: '1.26.0' });
    expect(minor.rows.find((row) => row.name === 'numpy')?.match).toBe('mismatch');
    const missing = compareFrameworks({ xgboost: '2.0.3' }, {});
    expect(missing.failed).toBe(true);
    expect(missing.rows.find((row) => row.name === 'xgboost')?.match).toBe('missing');
    // Only the packages asked for are compared.
    expect(
      compareFrameworks({ numpy: '1.24.2' }, { numpy: '1.26.0' }, ['scikit-learn']).failed,
    ).toBe(false);
  });

  it('diffs every package, frameworks first in table order, then by name', () => {
    const rows = diffEnvironments(training, {
      python: '3.9.2',
      packages: { 'scikit-learn': '0.23.2', numpy: '1.24.2', threadpoolctl: '2.1.0' },
    });
    expect(rows.map((row) => [row.name, row.left, row.right, row.same])).toEqual([
      ['scikit-learn', '1.2.1', '0.23.2', false],
      ['numpy', '1.24.2', '1.24.2', true],
      ['pandas', '1.5.3', undefined, false],
      ['joblib', '1.2.0', undefined, false],
      ['python', '3.11.2', '3.9.2', false],
      ['scipy', '1.10.1', undefined, false],
      ['threadpoolctl', undefined, '2.1.0', false],
    ]);
  });
});
