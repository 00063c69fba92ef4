import { UserError } from '../errors.js';
import { readYamlDocuments } from '../ir/validate-yaml.js';

/** The declarative format's apiVersion (declarative-schema.ts describes the format). */
export const DECLARATIVE_API_VERSION = 'mlops/v1';

export type PipelineSourceKind = 'ir' | 'declarative' | 'kfp-python';

export type DetectedSource =
  | { readonly kind: 'kfp-python' }
  | { readonly kind: 'declarative'; readonly doc: unknown }
  /** Every YAML document of the file, so it is read once. */
  | { readonly kind: 'ir'; readonly documents: readonly unknown[] };

/**
 * Recognises the declarative format by content (apiVersion + kind). Here, apart from its
 * compiler, so that reading IR does not load the compiler.
 */
export function isDeclarativePipeline(doc: unknown): boolean {
  return (
    typeof doc === 'object' &&
    doc !== null &&
    (doc as Record<string, unknown>).apiVersion === DECLARATIVE_API_VERSION &&
    (doc as Record<string, unknown>).kind === 'Pipeline'
  );
}

const KFP_PIPELINE_DECORATOR = /^\s*@(?:kfp\.)?dsl\.pipeline\b/m;

/** Recognises a pipeline file by its content, not its name. */
export function detectPipelineSource(text: string, source: string): DetectedSource {
  if (KFP_PIPELINE_DECORATOR.test(text)) return { kind: 'kfp-python' };
  if (source.endsWith('.py')) {
    throw new UserError(`${source} has no @dsl.pipeline function`, {
      fix: 'Decorate the pipeline function with @dsl.pipeline (from kfp import dsl).',
    });
  }
  if (text.trim() === '')
    throw new UserError(`${source} is empty`, {
      fix: 'Point at a compiled pipeline, a pipeline YAML or a KFP Python file.',
    });
  const documents = readYamlDocuments(text, source);
  const [doc] = documents;
  if (isDeclarativePipeline(doc)) return { kind: 'declarative', doc };
  if (
    typeof doc === 'object' &&
    doc !== null &&
    ('pipelineInfo' in doc || 'deploymentSpec' in doc || 'root' in doc)
  )
    return { kind: 'ir', documents };
  if (typeof doc === 'object' && doc !== null && 'implementation' in doc) {
    throw new UserError(`${source} is a component, not a pipeline`, {
      fix: 'Use it from a pipeline file: tasks.NAME.component: path/to/component.yaml.',
    });
  }
  throw new UserError(`${source} is not a pipeline this tool recognises`, {
    fix: 'Give a compiled KFP pipeline (pipelineInfo/root/deploymentSpec), a pipeline YAML with "apiVersion: mlops/v1" and "kind: Pipeline", or a KFP Python file with @dsl.pipeline.',
  });
}
