import { describe, expect, it } from 'vitest';
import { downsampleCurve } from '../../../../src/core/run-report/svg/downsample.js';
import { rocCurve } from './sample-report.js';

describe('downsampleCurve', () => {
  it('returns a curve under the limit as it is', () => {
    const curve = rocCurve('small', 120);
    expect(downsampleCurve(curve)).toBe(curve);
    expect(downsampleCurve(curve, 120)).toBe(curve);
  });

  it('keeps the endpoints, at most the limit, thresholds with their points and x monotone', () => {
    const curve = rocCurve('model', 5_000);
    const thinned = downsampleCurve(curve);
    expect(thinned.x).toHaveLength(500);
    expect(thinned.y).toHaveLength(500);
    expect(thinned.thresholds).toHaveLength(500);
    expect(thinned.label).toBe('model');
    expect([thinned.x[0], thinned.y[0]]).toEqual([curve.x[0], curve.y[0]]);
    expect([thinned.x.at(-1), thinned.y.at(-1)]).toEqual([curve.x.at(-1), curve.y.at(-1)]);
    expect(
      thinned.x.every((x, index) => index === 0 || x > (thinned.x[index - 1] ?? Infinity)),
    ).toBe(true);
    thinned.x.forEach((x, index) => {
      // Every kept point is one of the curve's own, its threshold the one recorded with it.
      const original = curve.x.indexOf(x);
      expect(original).toBeGreaterThanOrEqual(0);
      expect(thinned.y[index]).toBe(curve.y[original]);
      expect(thinned.thresholds?.[index]).toBe(curve.thresholds?.[original]);
    });
  });

  it('keeps a sharp corner of the curve', () => {
    // A near-perfect classifier: the true positive rate reaches 1 at a false positive rate of 0.001.
    const x = Array.from({ length: 10_000 }, (_, index) => index / 9_999);
    const corner = { label: 'sharp', x, y: x.map((value) => Math.min(1, value * 1_000)) };
    const thinned = downsampleCurve(corner, 50);
    expect(thinned.x).toHaveLength(50);
    expect(thinned.thresholds).toBeUndefined();
    const firstAtTop = thinned.x.find((_, index) => thinned.y[index] === 1);
    expect(firstAtTop).toBeLessThan(0.01);
  });

  it('reads no further than the shorter of x and y, and keeps at least the two endpoints', () => {
    const curve = { label: 'ragged', x: [0, 0.1, 0.2, 0.3, 0.4, 0.5], y: [0, 0.5, 0.7, 0.9] };
    expect(downsampleCurve(curve, 1)).toEqual({ label: 'ragged', x: [0, 0.3], y: [0, 0.9] });
  });
});
