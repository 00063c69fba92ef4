import type { LoadedPipeline } from '../adapters/pipeline-loader.js';
import { UserError } from '../core/errors.js';
import { withCaching, type PipelineJobRequest } from '../core/gcp/vertex-job.js';
import type { ParameterValue } from '../core/ir/parameters.js';
import type { InputDefinition, RawInputs } from './command.js';

/** How a Vertex pipeline job is shaped, shared by `run --vertex` and `schedule`. */

export const VERTEX_JOB_INPUTS: readonly InputDefinition[] = [
  {
    name: 'pipeline-service-account',
    description:
      'Vertex: the service account the pipeline runs as (recommended; otherwise the Compute Engine default).',
    kind: 'string',
    valueName: 'EMAIL',
  },
  {
    name: 'display-name',
    description: "Vertex: the job's display name. Defaults to the pipeline name.",
    kind: 'string',
    valueName: 'NAME',
  },
  {
    name: 'labels',
    description:
      'Vertex: extra job labels as KEY=VALUE (repository, commit and workflow run are added).',
    kind: 'list',
    valueName: 'KEY=VALUE',
  },
  {
    name: 'network',
    description: 'Vertex: VPC network to peer with (projects/NUMBER/global/networks/NAME).',
    kind: 'string',
    valueName: 'NETWORK',
  },
  {
    name: 'encryption-key',
    description: 'Vertex: Cloud KMS key for CMEK (projects/P/locations/L/keyRings/R/cryptoKeys/K).',
    kind: 'string',
    valueName: 'KEY',
  },
];

export interface VertexJobOptions {
  readonly pipelineRoot: string | undefined;
  readonly serviceAccount: string | undefined;
  readonly displayName: string | undefined;
  readonly labels: Record<string, string>;
  readonly network: string | undefined;
  readonly encryptionKey: string | undefined;
}

function parseLabels(lines: readonly string[]): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const line of lines) {
    const [key, ...rest] = line.split('=');
    if (!key?.trim() || rest.length === 0)
      throw new UserError(`label "${line}" is not KEY=VALUE`, {
        fix: 'Write labels as KEY=VALUE, one per line.',
      });
    labels[key.trim()] = rest.join('=').trim();
  }
  return labels;
}

export function parseVertexJobInputs(raw: RawInputs): VertexJobOptions {
  return {
    pipelineRoot: raw.string('pipeline-root')?.trim() || undefined,
    serviceAccount: raw.string('pipeline-service-account')?.trim() || undefined,
    displayName: raw.string('display-name')?.trim() || undefined,
    labels: parseLabels(raw.list('labels')),
    network: raw.string('network')?.trim() || undefined,
    encryptionKey: raw.string('encryption-key')?.trim() || undefined,
  };
}

/** The PipelineJob for a loaded pipeline; `labels` are final (sanitised) job labels. */
export function pipelineJobRequest(
  loaded: LoadedPipeline,
  parameters: Record<string, ParameterValue>,
  options: VertexJobOptions,
  labels: Record<string, string>,
  disableCache: boolean,
): PipelineJobRequest {
  const pipelineRoot = options.pipelineRoot ?? loaded.spec.defaultPipelineRoot;
  if (!pipelineRoot || !pipelineRoot.startsWith('gs://')) {
    throw new UserError(
      `Vertex runs need a gs:// pipeline root${pipelineRoot ? `, not "${pipelineRoot}"` : ''}`,
      { fix: 'Set pipeline-root to a Cloud Storage folder, e.g. gs://my-bucket/pipeline-root.' },
    );
  }
  return {
    displayName: options.displayName ?? loaded.spec.pipelineInfo.name,
    labels,
    pipelineSpec: disableCache ? withCaching(loaded.spec, false) : loaded.spec,
    ...(loaded.templateUri ? { templateUri: loaded.templateUri } : {}),
    runtimeConfig: { gcsOutputDirectory: pipelineRoot, parameterValues: parameters },
    ...(options.serviceAccount ? { serviceAccount: options.serviceAccount } : {}),
    ...(options.network ? { network: options.network } : {}),
    ...(options.encryptionKey ? { encryptionSpec: { kmsKeyName: options.encryptionKey } } : {}),
  };
}
