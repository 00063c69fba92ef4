import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DockerExecutor, SubprocessExecutor } from '../../src/adapters/local-runner/executors.js';
import { runPipelineLocally } from '../../src/adapters/local-runner/local-runner.js';
import { loadPipeline } from '../../src/adapters/pipeline-loader.js';
import { resolveRunParameters } from '../../src/core/ir/parameters.js';
import type { PipelineSpec } from '../../src/core/ir/schema.js';
import { ensureBusyboxImage } from '../helpers/docker-images.js';
import { corpusFile, tempDir } from '../helpers/paths.js';
import { dockerEngine } from '../helpers/services.js';

const hasDocker = dockerEngine();

/** Points every executor at the local busybox image (registries are out of reach). */
function withImage(spec: PipelineSpec, image: string): PipelineSpec {
  const copy = structuredClone(spec);
  for (const executor of Object.values(
    (copy.deploymentSpec as { executors: Record<string, { container?: { image?: string } }> })
      .executors,
  )) {
    if (executor.container) executor.container.image = image;
  }
  return copy;
}

describe.skipIf(!hasDocker)('docker executor (real Docker engine)', () => {
  let image = '';
  beforeAll(async () => {
    image = await ensureBusyboxImage();
  }, 120_000);

  it('runs a corpus pipeline in its image where the host shell cannot', async () => {
    // The command uses [[ ]], which busybox sh has and Debian's dash does not.
    const loaded = await loadPipeline(corpusFile('pipeline_with_concat_placeholder.yaml'));
    const spec = withImage(loaded.spec, image);
    const options = { parallelism: 1, useCache: false } as const;
    const root = await tempDir('docker-corpus');
    const inDocker = await runPipelineLocally(spec, resolveRunParameters(spec, {}, 'corpus'), {
      ...options,
      pipelineRoot: root,
      workdir: root,
      executor: new DockerExecutor(),
    });
    expect(inDocker.state).toBe('SUCCEEDED');
    const onHost = await runPipelineLocally(spec, resolveRunParameters(spec, {}, 'corpus'), {
      ...options,
      pipelineRoot: root,
      workdir: root,
      executor: new SubprocessExecutor(),
    });
    expect(onHost.state).toBe('FAILED');
  });

  it('mounts the pipeline root, passes artifacts between containers and reads the real exit code', async () => {
    const dir = await tempDir('docker-declarative');
    const { writeFile } = await import('node:fs/promises');
    const { stringify } = await import('yaml');
    const component = (
      name: string,
      script: string,
      { args, ...io }: Record<string, unknown>,
    ): string =>
      stringify({
        name,
        ...io,
        implementation: { container: { image, command: ['sh', '-ec', script, name], args } },
      });
    await writeFile(
      path.join(dir, 'produce.yaml'),
      component('Produce', 'printf "from docker" > "$1"; printf "%s" "$(id -u)" > "$2"', {
        outputs: [
          { name: 'data', type: 'Dataset' },
          { name: 'uid', type: 'Integer' },
        ],
        args: [{ outputPath: 'data' }, { outputPath: 'uid' }],
      }),
    );
    await writeFile(
      path.join(dir, 'consume.yaml'),
      component('Consume', 'cat "$1"; grep -q docker "$1"; exit "$2"', {
        inputs: [
          { name: 'data', type: 'Dataset' },
          { name: 'code', type: 'Integer' },
        ],
        args: [{ inputPath: 'data' }, { inputValue: 'code' }],
      }),
    );
    await writeFile(
      path.join(dir, 'pipeline.yaml'),
      stringify({
        apiVersion: 'mlops/v1',
        kind: 'Pipeline',
        name: 'docker-pipeline',
        parameters: { code: { type: 'Integer', default: 0 } },
        tasks: {
          produce: { component: 'produce.yaml' },
          consume: {
            component: 'consume.yaml',
            inputs: { data: '${produce.data}', code: '${params.code}' },
          },
        },
      }),
    );
    const loaded = await loadPipeline(path.join(dir, 'pipeline.yaml'));
    const run = (code: number) =>
      runPipelineLocally(loaded.spec, resolveRunParameters(loaded.spec, { code }, 'test'), {
        pipelineRoot: path.join(dir, 'root'),
        workdir: dir,
        executor: new DockerExecutor(),
        parallelism: 2,
        useCache: false,
      });
    const ok = await run(0);
    expect(ok.state).toBe('SUCCEEDED');
    const data = ok.tasks.produce?.artifacts.data?.[0]?.uri ?? '';
    expect(await readFile(data, 'utf8')).toBe('from docker');
    // Files written in the container belong to the user who ran the pipeline.
    expect((await stat(data)).uid).toBe(process.getuid?.());
    expect(ok.tasks.produce?.parameters.uid).toBe(process.getuid?.());

    const failed = await run(7);
    expect(failed.state).toBe('FAILED');
    expect(failed.tasks.consume?.failure?.exitCode).toBe(7);
    expect(failed.tasks.consume?.failure?.logTail).toContain('from docker');
  });

  it('gives a clear error when the image does not exist', async () => {
    const loaded = await loadPipeline(corpusFile('hello_world.yaml'));
    const spec = withImage(loaded.spec, 'mlops-test-no-such-image:never');
    const root = await tempDir('docker-missing');
    const record = await runPipelineLocally(spec, resolveRunParameters(spec, {}, 'test'), {
      pipelineRoot: root,
      workdir: root,
      executor: new DockerExecutor(),
      parallelism: 1,
      useCache: false,
    });
    expect(record.state).toBe('FAILED');
    expect(record.tasks.echo?.failure?.message).toMatch(
      /docker could not start image mlops-test-no-such-image:never/,
    );
  });
});
