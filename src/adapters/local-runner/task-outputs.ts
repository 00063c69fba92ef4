/**
 * Reads a finished container task's outputs the way the KFP launcher does: output parameters
 * from executor_output.json (which wins) or their files, artifact metadata from
 * executor_output.json.
 */
import { readFile } from 'node:fs/promises';
import { coerceParameter, type ParameterValue } from '../../core/ir/parameters.js';
import type { RuntimeArtifact } from '../../core/ir/placeholders.js';
import type { ParameterType } from '../../core/ir/schema-common.js';
import type { ComponentSpec } from '../../core/ir/schema-components.js';
import type { Outcome } from './local-run-types.js';

/** Reads a parameter output file the way the KFP launcher does. */
function parseOutputText(text: string, type: ParameterType, name: string): ParameterValue {
  if (type === 'STRING') return text;
  const trimmed = text.trim();
  if (type === 'BOOLEAN' && /^(true|false)$/i.test(trimmed))
    return trimmed.toLowerCase() === 'true';
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    throw new Error(
      `output parameter "${name}" is not valid ${type}: ${JSON.stringify(trimmed.slice(0, 80))}`,
    );
  }
  const coerced = coerceParameter(parsed, type);
  if (!coerced.ok)
    throw new Error(
      `output parameter "${name}" is not valid ${type}: ${JSON.stringify(trimmed.slice(0, 80))}`,
    );
  return coerced.value;
}

interface ExecutorOutputFile {
  parameterValues?: Record<string, unknown>;
  artifacts?: Record<
    string,
    { artifacts?: Array<{ uri?: string; metadata?: Record<string, unknown> }> }
  >;
}

/** Output parameters from executor_output.json (which wins) or their files; artifact metadata from executor_output.json. */
export async function collectOutputs(
  component: ComponentSpec,
  outputArtifacts: Record<string, RuntimeArtifact>,
  outputParameterFiles: Record<string, string>,
  executorOutputFile: string,
): Promise<Pick<Outcome, 'parameters' | 'artifacts'>> {
  const text = await readFile(executorOutputFile, 'utf8').catch(() => undefined);
  let executorOutput: ExecutorOutputFile = {};
  if (text !== undefined && text.trim() !== '') {
    try {
      executorOutput = JSON.parse(text) as ExecutorOutputFile;
    } catch {
      throw new Error(`executor_output.json is not valid JSON (${executorOutputFile})`);
    }
  }
  const parameters: Record<string, ParameterValue> = {};
  for (const [key, definition] of Object.entries(component.outputDefinitions?.parameters ?? {})) {
    const type = definition.parameterType as ParameterType;
    const fromExecutor = executorOutput.parameterValues?.[key];
    if (fromExecutor !== undefined) {
      const coerced = coerceParameter(fromExecutor, type);
      if (!coerced.ok)
        throw new Error(
          `executor_output.json gives output parameter "${key}" a value that is not ${type}`,
        );
      parameters[key] = coerced.value;
      continue;
    }
    const file = outputParameterFiles[key] ?? '';
    const content = await readFile(file, 'utf8').catch(() => undefined);
    if (content === undefined)
      throw new Error(
        `the task did not write output parameter "${key}" (expected ${file} or executor_output.json)`,
      );
    parameters[key] = parseOutputText(content, type, key);
  }
  const artifacts: Record<string, RuntimeArtifact[]> = {};
  for (const [key, artifact] of Object.entries(outputArtifacts)) {
    const reported = executorOutput.artifacts?.[key]?.artifacts?.[0];
    artifacts[key] = [
      { ...artifact, metadata: { ...artifact.metadata, ...(reported?.metadata ?? {}) } },
    ];
  }
  return { parameters, artifacts };
}
