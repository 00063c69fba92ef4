import { describe, expect, it } from 'vitest';
import {
  canarySplit,
  checkFrameworkVersions,
  deploymentsToRetire,
  minorVersion,
  prebuiltSklearnImage,
  prebuiltSklearnVersion,
  splitWithout,
} from '../../src/core/gcp/deploy-plan.js';
import { UserError } from '../../src/core/errors.js';

function total(split: Record<string, number>): number {
  return Object.values(split).reduce((sum, share) => sum + share, 0);
}

describe('traffic splits', () => {
  it.each([
    [{}, 10, { '0': 100 }],
    [{ a: 100 }, 100, { '0': 100 }],
    [{ a: 100 }, 10, { '0': 10, a: 90 }],
    [{ a: 50, b: 50 }, 10, { '0': 10, a: 45, b: 45 }],
    [{ a: 90, b: 10 }, 25, { '0': 25, a: 68, b: 7 }],
    [{ a: 1, b: 1, c: 1 }, 1, { '0': 1, a: 33, b: 33, c: 33 }],
    [{ a: 0, b: 100 }, 20, { '0': 20, b: 80 }],
  ])('canarySplit(%j, %i) = %j', (current, percent, expected) => {
    const split = canarySplit(current, percent);
    expect(split).toEqual(expected);
    expect(total(split)).toBe(100);
  });

  it('always sums to 100 whatever the proportions', () => {
    for (let percent = 1; percent <= 100; percent += 7) {
      expect(total(canarySplit({ a: 33, b: 33, c: 34 }, percent))).toBe(100);
      expect(total(canarySplit({ a: 3, b: 97 }, percent))).toBe(100);
    }
  });

  it.each([
    [{ old: 90, canary: 10 }, 'canary', { old: 100 }],
    [{ a: 50, b: 25, c: 25 }, 'a', { b: 50, c: 50 }],
    [{ a: 100, b: 0 }, 'b', { a: 100 }],
    [{ a: 100 }, 'a', {}],
  ])('splitWithout(%j, %s) = %j', (current, removed, expected) => {
    expect(splitWithout(current, removed)).toEqual(expected);
  });
});

describe('deploymentsToRetire', () => {
  const deployments = [
    { id: '1', createTime: '2026-01-01T00:00:00Z' },
    { id: '2', createTime: '2026-02-01T00:00:00Z' },
    { id: '3', createTime: '2026-03-01T00:00:00Z' },
    { id: '4', createTime: '2026-04-01T00:00:00Z' },
  ];

  it('keeps the promoted one and the newest others up to keep', () => {
    expect(deploymentsToRetire(deployments, { '4': 100 }, '4', 2)).toEqual(['2', '1']);
    expect(deploymentsToRetire(deployments, { '4': 100 }, '4', 1)).toEqual(['3', '2', '1']);
    expect(deploymentsToRetire(deployments, { '4': 100 }, '4', 4)).toEqual([]);
  });

  it('never retires a deployment that still has traffic', () => {
    expect(deploymentsToRetire(deployments, { '4': 90, '1': 10 }, '4', 1)).toEqual(['3', '2']);
  });
});

describe('serving images and framework versions', () => {
  it('reads the scikit-learn version of prebuilt images', () => {
    expect(
      prebuiltSklearnVersion('us-docker.pkg.dev/vertex-ai/prediction/sklearn-cpu.1-3:latest'),
    ).toBe('1.3');
    expect(
      prebuiltSklearnVersion('europe-docker.pkg.dev/vertex-ai/prediction/sklearn-cpu.1-0'),
    ).toBe('1.0');
    expect(prebuiltSklearnVersion('us-central1-docker.pkg.dev/p/r/serving:1.3')).toBeUndefined();
  });

  it('picks the prebuilt image nearest the region, matching the trained version', () => {
    expect(prebuiltSklearnImage('europe-west4', '1.2.1')).toBe(
      'europe-docker.pkg.dev/vertex-ai/prediction/sklearn-cpu.1-2:latest',
    );
    expect(prebuiltSklearnImage('asia-northeast1', '1.5.0')).toBe(
      'asia-docker.pkg.dev/vertex-ai/prediction/sklearn-cpu.1-5:latest',
    );
    expect(prebuiltSklearnImage('us-central1', '1.3')).toBe(
      'us-docker.pkg.dev/vertex-ai/prediction/sklearn-cpu.1-3:latest',
    );
    expect(() => prebuiltSklearnImage('us-central1', 'latest')).toThrow(UserError);
  });

  it('compares major.minor only', () => {
    expect(minorVersion('1.2.1')).toBe('1.2');
    expect(minorVersion('1-3')).toBe('1.3');
    expect(minorVersion('x')).toBeUndefined();
    expect(() =>
      checkFrameworkVersions(
        { framework: 'scikit-learn', version: '1.2.1' },
        { uri: 'img', version: '1.2', source: 'label' },
      ),
    ).not.toThrow();
  });

  it('refuses a serving image with another scikit-learn, naming both versions', () => {
    const check = () =>
      checkFrameworkVersions(
        { framework: 'scikit-learn', version: '1.2.1' },
        {
          uri: 'us-docker.pkg.dev/vertex-ai/prediction/sklearn-cpu.1-0:latest',
          version: '1.0',
          source: 'from the prebuilt image name',
        },
      );
    expect(check).toThrow(UserError);
    expect(check).toThrow(
      'The model was trained with scikit-learn 1.2.1, but the serving image us-docker.pkg.dev/vertex-ai/prediction/sklearn-cpu.1-0:latest has scikit-learn 1.0',
    );
  });

  it('does not judge other frameworks or unknown versions', () => {
    expect(() =>
      checkFrameworkVersions(
        { framework: 'xgboost', version: '2.0' },
        { uri: 'img', version: '1.0', source: 'label' },
      ),
    ).not.toThrow();
    expect(() =>
      checkFrameworkVersions(
        { framework: 'scikit-learn', version: undefined },
        { uri: 'img', version: '1.0', source: 'label' },
      ),
    ).not.toThrow();
  });
});
