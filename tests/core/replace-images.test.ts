import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPipeline } from '../../src/adapters/pipeline-loader.js';
import { UserError } from '../../src/core/errors.js';
import { replaceImages } from '../../src/core/ir/images.js';
import { mlops } from '../helpers/cli.js';
import { REPO_ROOT, tempDir } from '../helpers/paths.js';
import { readFile } from 'node:fs/promises';

const PIPELINE = path.join(REPO_ROOT, 'pipelines/training-pipeline.yaml');
const PUSHED = 'us-central1-docker.pkg.dev/p/ml-images/trainer@sha256:' + 'ab'.repeat(32);

function images(spec: Awaited<ReturnType<typeof loadPipeline>>['spec']): string[] {
  return Object.values(spec.deploymentSpec?.executors ?? {}).map(
    (executor) => executor.container?.image ?? '',
  );
}

describe('replaceImages', () => {
  it('replaces every executor using the image and nothing else', async () => {
    const { spec } = await loadPipeline(PIPELINE);
    const before = images(spec);
    expect(new Set(before)).toEqual(new Set(['mlops-training:latest']));
    const replaced = replaceImages(spec, { 'mlops-training:latest': PUSHED }, 'p.yaml');
    expect(images(replaced)).toEqual(before.map(() => PUSHED));
    // The input spec is left as it was.
    expect(images(spec)).toEqual(before);
    expect(replaceImages(spec, {}, 'p.yaml')).toBe(spec);
  });

  it('refuses an image the pipeline does not use, naming the ones it does', async () => {
    const { spec } = await loadPipeline(PIPELINE);
    let caught: unknown;
    try {
      replaceImages(spec, { 'mlops-trainer:latest': PUSHED }, 'p.yaml');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UserError);
    expect(String((caught as UserError).message)).toMatch(
      /p\.yaml uses no image "mlops-trainer:latest"/,
    );
    expect((caught as UserError).details.join('\n')).toMatch(/Its images: mlops-training:latest/);
    expect(() => replaceImages(spec, { 'mlops-training:latest': ' ' }, 'p.yaml')).toThrow(
      /No replacement given/,
    );
  });

  it('compiles with --images from the CLI, and fails with one error (exit 2, no file) on a typo', async () => {
    const dir = await tempDir('images');
    const output = path.join(dir, 'compiled.yaml');
    const ok = await mlops([
      'compile',
      PIPELINE,
      '--output',
      output,
      '--images',
      `mlops-training:latest=${PUSHED}`,
    ]);
    expect(ok.code, ok.stderr).toBe(0);
    const compiled = await readFile(output, 'utf8');
    expect(compiled).toContain(`image: ${PUSHED}`);
    expect(compiled).not.toContain('mlops-training:latest');
    const bad = path.join(dir, 'bad.yaml');
    const typo = await mlops(['compile', PIPELINE, '--output', bad, '--images', 'trainer=x']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/uses no image "trainer"/);
    await expect(readFile(bad, 'utf8')).rejects.toThrow(/ENOENT/);
  });
});
