/**
 * Runs a KFP importer task locally: no container, the output artifact simply points at the
 * URI the importer names (a constant or a runtime parameter), with its metadata resolved.
 */
import { UserError } from '../../core/errors.js';
import { substitutePlaceholders, type RuntimeArtifact } from '../../core/ir/placeholders.js';
import type { ComponentSpec } from '../../core/ir/schema-components.js';
import type { TaskRecord } from '../../core/run-record.js';
import type { Outcome, Scope } from './local-run-types.js';

export function runImporter(
  record: TaskRecord,
  component: ComponentSpec,
  importer: Record<string, unknown>,
  scope: Scope,
): Outcome {
  const uriSource = importer.artifactUri as
    { constant?: unknown; runtimeParameter?: string } | undefined;
  const uri =
    uriSource?.runtimeParameter !== undefined
      ? scope.parameters[uriSource.runtimeParameter]
      : uriSource?.constant;
  if (typeof uri !== 'string') throw new UserError(`the importer has no artifact URI`);
  const [outputKey = 'artifact', output] =
    Object.entries(component.outputDefinitions?.artifacts ?? {})[0] ?? [];
  const context = {
    parameters: scope.parameters,
    inputArtifacts: {},
    outputArtifacts: {},
    outputParameterFiles: {},
    executorOutputFile: '',
    runtime: {},
  };
  const metadata = JSON.parse(
    substitutePlaceholders(JSON.stringify(importer.metadata ?? {}), context, () => '{}'),
  ) as Record<string, unknown>;
  record.state = 'RUNNING';
  record.attempts = 1;
  const artifact: RuntimeArtifact = {
    name: outputKey,
    uri,
    path: uri,
    schemaTitle: output?.artifactType.schemaTitle ?? 'system.Artifact',
    metadata,
  };
  return { state: 'SUCCEEDED', parameters: {}, artifacts: { [outputKey]: [artifact] } };
}
