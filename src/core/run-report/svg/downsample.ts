import type { Curve } from '../report-model.js';

/**
 * A curve thinned to at most `maxPoints` points with Largest-Triangle-Three-Buckets (Steinarsson,
 * "Downsampling Time Series for Visual Representation", 2013): each bucket keeps the point that
 * changes the drawn shape most, so a ROC curve's corners survive. The first and last points stay;
 * points keep their order (a ROC curve's x stays monotone) and their thresholds.
 */
export function downsampleCurve(curve: Curve, maxPoints = 500): Curve {
  const length = Math.min(curve.x.length, curve.y.length);
  const limit = Math.max(2, Math.floor(maxPoints));
  if (length <= limit) return curve;

  const kept = [0];
  const bucketSize = (length - 2) / (limit - 2);
  for (let bucket = 0; bucket < limit - 2; bucket += 1) {
    const start = Math.floor(bucket * bucketSize) + 1;
    const end = Math.floor((bucket + 1) * bucketSize) + 1;
    // The next bucket's mean point (the last point for the last bucket) anchors the triangle.
    const nextStart = end;
    const nextEnd = Math.min(Math.floor((bucket + 2) * bucketSize) + 1, length);
    let meanX = 0;
    let meanY = 0;
    for (let index = nextStart; index < nextEnd; index += 1) {
      meanX += curve.x[index] ?? 0;
      meanY += curve.y[index] ?? 0;
    }
    const nextCount = Math.max(1, nextEnd - nextStart);
    meanX /= nextCount;
    meanY /= nextCount;

    const previous = kept[kept.length - 1] ?? 0;
    const previousX = curve.x[previous] ?? 0;
    const previousY = curve.y[previous] ?? 0;
    let chosen = start;
    let largestArea = -1;
    for (let index = start; index < end; index += 1) {
      const area = Math.abs(
        (previousX - meanX) * ((curve.y[index] ?? 0) - previousY) -
          (previousX - (curve.x[index] ?? 0)) * (meanY - previousY),
      );
      if (area > largestArea) {
        largestArea = area;
        chosen = index;
      }
    }
    kept.push(chosen);
  }
  kept.push(length - 1);

  const pick = (values: readonly number[]): number[] => kept.map((index) => values[index] ?? NaN);
  return {
    label: curve.label,
    x: pick(curve.x),
    y: pick(curve.y),
    ...(curve.thresholds ? { thresholds: pick(curve.thresholds) } : {}),
  };
}
