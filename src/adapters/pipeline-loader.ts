import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../core/errors.js';
import type { PipelineSpec } from '../core/ir/schema.js';
import {
  parsePipelineSpecText,
  validatePipelineDocuments,
  validatePipelineSpec,
} from '../core/ir/validate.js';
import { readYamlDocuments } from '../core/ir/validate-yaml.js';
import { detectPipelineSource, type PipelineSourceKind } from '../core/pipeline/source-kind.js';
import type { LoadedComponent } from '../core/pipeline/v1-component.js';
import { packageVersion } from './package-version.js';

export interface LoadedPipeline {
  readonly spec: PipelineSpec;
  readonly kind: PipelineSourceKind;
  /** Absolute path of the source file, or the template URI it was downloaded from. */
  readonly file: string;
  /** Set when the pipeline came from Artifact Registry: the template pinned by version. */
  readonly templateUri?: string;
}

export interface LoadPipelineOptions {
  /** Interpreter for KFP Python files. */
  readonly python?: string;
  readonly functionName?: string;
}

/** `missingFix` says what a missing file's path is relative to. */
async function readSource(file: string, missingFix: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserError(`${file} does not exist`, { fix: missingFix });
    if (code === 'EISDIR')
      throw new UserError(`${file} is a folder`, { fix: 'Point at the pipeline file inside it.' });
    throw new UserError(`Cannot read ${file}: ${(error as Error).message}`);
  }
}

/** Reads any of the three pipeline sources and returns validated IR. */
export async function loadPipeline(
  file: string,
  options: LoadPipelineOptions = {},
): Promise<LoadedPipeline> {
  const absolute = path.resolve(file);
  const text = await readSource(
    absolute,
    'Check the pipeline path (it is relative to the working directory).',
  );
  const detected = detectPipelineSource(text, file);
  // Each source's compiler loads only for that source: checking IR never pays for them.
  if (detected.kind === 'kfp-python') {
    const { compileKfpPython } = await import('./kfp-python.js');
    const compiled = await compileKfpPython(absolute, {
      python: options.python ?? 'python3',
      ...(options.functionName ? { functionName: options.functionName } : {}),
    });
    return {
      spec: parsePipelineSpecText(compiled, `${file} (compiled by kfp)`),
      kind: 'kfp-python',
      file: absolute,
    };
  }
  if (detected.kind === 'ir')
    return {
      spec: validatePipelineDocuments(detected.documents, file).spec,
      kind: 'ir',
      file: absolute,
    };

  const [{ compileDeclarativePipeline }, { loadV1Component }] = await Promise.all([
    import('../core/pipeline/compile-declarative.js'),
    import('../core/pipeline/v1-component.js'),
  ]);
  const folder = path.dirname(absolute);
  const loadComponent = async (ref: string): Promise<LoadedComponent> => {
    const componentFile = path.resolve(folder, ref);
    const [doc] = readYamlDocuments(
      await readSource(
        componentFile,
        `Check the component paths: they are relative to the pipeline's folder, ${folder}.`,
      ),
      ref,
    );
    return loadV1Component(doc, ref);
  };
  const spec = await compileDeclarativePipeline(
    detected.doc,
    file,
    loadComponent,
    packageVersion(),
  );
  // The compiler's output goes through the same strict validator as any other IR.
  return {
    spec: validatePipelineSpec(spec, `${file} (compiled)`),
    kind: 'declarative',
    file: absolute,
  };
}
