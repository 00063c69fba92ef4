import { UserError } from '../errors.js';
import type { PipelineSpec } from './schema.js';

/**
 * Replaces container images of a pipeline, e.g. the local tag its components name
 * (`mlops-training:latest`) with the image `mlops build` pushed, pinned by digest, so the same
 * pipeline file runs locally and on Vertex AI. Every image to replace must be one the pipeline
 * uses: a typo would otherwise leave the old image in place silently.
 */
export function replaceImages(
  spec: PipelineSpec,
  replacements: Readonly<Record<string, string>>,
  source: string,
): PipelineSpec {
  const entries = Object.entries(replacements);
  if (entries.length === 0) return spec;
  const executors = spec.deploymentSpec?.executors ?? {};
  const used = new Set(
    Object.values(executors).flatMap((executor) =>
      executor.container ? [executor.container.image] : [],
    ),
  );
  const unknown = entries.filter(([from]) => !used.has(from)).map(([from]) => from);
  if (unknown.length > 0)
    throw new UserError(`${source} uses no image ${unknown.map((i) => `"${i}"`).join(', ')}`, {
      details: [`Its images: ${[...used].sort().join(', ') || 'none'}`],
      fix: 'Name an image the pipeline uses on the left of IMAGE=REPLACEMENT.',
    });
  const blank = entries.filter(([, to]) => to.trim() === '').map(([from]) => from);
  if (blank.length > 0)
    throw new UserError(`No replacement given for image ${blank.join(', ')}`, {
      fix: 'Write each replacement as IMAGE=REPLACEMENT, e.g. mlops-training:latest=REGION-docker.pkg.dev/P/R/trainer@sha256:….',
    });
  const replaced = Object.fromEntries(
    Object.entries(executors).map(([label, executor]) => [
      label,
      executor.container
        ? {
            ...executor,
            container: {
              ...executor.container,
              image: replacements[executor.container.image]?.trim() ?? executor.container.image,
            },
          }
        : executor,
    ]),
  );
  return { ...spec, deploymentSpec: { ...spec.deploymentSpec, executors: replaced } };
}
