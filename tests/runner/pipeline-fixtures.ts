import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';

/** A shell component: `script` runs under sh with the inputs and outputs as $1.. in order. */
export function shellComponent(
  name: string,
  io: { inputs?: Array<[string, string]>; outputs?: Array<[string, string]> },
  script: string,
): unknown {
  const args: unknown[] = [];
  for (const [input, type] of io.inputs ?? [])
    args.push(
      ['Dataset', 'Model', 'Artifact'].includes(type)
        ? { inputPath: input }
        : { inputValue: input },
    );
  for (const [output] of io.outputs ?? []) args.push({ outputPath: output });
  return {
    name,
    inputs: (io.inputs ?? []).map(([n, type]) => ({ name: n, type })),
    outputs: (io.outputs ?? []).map(([n, type]) => ({ name: n, type })),
    implementation: { container: { image: 'busybox', command: ['sh', '-ec', script, name], args } },
  };
}

/** Writes a declarative pipeline named test-pipeline and its component files into `dir`. */
export async function writePipeline(
  dir: string,
  pipeline: Record<string, unknown>,
  components: Record<string, unknown>,
): Promise<string> {
  for (const [file, component] of Object.entries(components))
    await writeFile(path.join(dir, file), stringify(component));
  const file = path.join(dir, 'pipeline.yaml');
  await writeFile(
    file,
    stringify({ apiVersion: 'mlops/v1', kind: 'Pipeline', name: 'test-pipeline', ...pipeline }),
  );
  return file;
}

/** Paths in a pipeline root's task cache that end with `suffix` (e.g. `artifacts/data`). */
export async function cacheFiles(root: string, suffix: string): Promise<string[]> {
  const cache = path.join(root, '.cache');
  const entries = await readdir(cache, { recursive: true });
  return entries
    .filter((entry) => entry.split(path.sep).join('/').endsWith(suffix))
    .map((entry) => path.join(cache, entry));
}
