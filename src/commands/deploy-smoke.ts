import path from 'node:path';
import { grpcCode } from '../adapters/gcp/google-client.js';
import type { VertexServing } from '../adapters/gcp/vertex-serving.js';
import { type ReportedError, reportLike } from '../core/errors.js';
import { prebuiltSklearnVersion } from '../core/gcp/deploy-plan.js';
import { RPC_CODES } from '../core/gcp/grpc-codes.js';
import {
  autoSmokePlan,
  runSmokeTest,
  shortJson,
  SMOKE_ATTEMPTS,
  smokeFileRequest,
  type SmokeOutcome,
  type SmokePlan,
  type SmokeSource,
} from '../core/gcp/smoke-test.js';
import type { JsonValue } from '../core/ir/schema-common.js';
import type { InputDefinition, OutputDefinition, Ui } from './command.js';
import { readJsonFile } from './google-inputs.js';

/**
 * deploy's smoke prediction: after the traffic change and before the aliases move, the endpoint
 * must answer a prediction, from the new deployment when the split picks it. A failure throws,
 * so the deploy's journal rolls everything back.
 */

export const SMOKE_INPUTS: readonly InputDefinition[] = [
  {
    name: 'smoke-instances',
    description:
      'The smoke prediction sent to the new deployment before the aliases move: auto (one instance built from the feature schema the model recorded; skipped with a warning when it recorded none), none, or a JSON file of {"instances": [...]} or a bare array, each instance an object keyed by feature name.',
    kind: 'string',
    default: 'auto',
    valueName: 'FILE',
  },
  {
    name: 'smoke-timeout',
    description: 'How long each smoke prediction may take.',
    kind: 'string',
    default: '60s',
    valueName: 'DURATION',
  },
];

export const SMOKE_OUTPUT: OutputDefinition = {
  name: 'smoke-prediction',
  description:
    "JSON: the new deployment's first prediction for the smoke request ('' when skipped, or when a canary was never picked).",
};

/** The smoke request, checked before any API call: the user's file, or a probe from the schema. */
export async function planSmoke(
  source: SmokeSource,
  metadata: Readonly<Record<string, unknown>>,
  artifactName: string,
  cwd: string,
): Promise<SmokePlan> {
  if (source.kind === 'none') return { skip: 'smoke-instances is none', warn: false };
  if (source.kind === 'auto') return autoSmokePlan(metadata, artifactName);
  const parsed = await readJsonFile(
    source.path,
    cwd,
    'The smoke-instances file',
    'a JSON file of {"instances": [...]}, or set smoke-instances to auto or none',
  );
  return {
    send: smokeFileRequest(parsed as JsonValue, path.relative(cwd, source.path) || source.path),
  };
}

export interface SmokeResult {
  /** For the deploy table. */
  readonly summary: string;
  /** The `smoke-prediction` output. */
  readonly prediction: string;
}

export async function smokePrediction(
  serving: Pick<VertexServing, 'predict'>,
  target: { endpoint: string; deployedModelId: string; promoted: boolean; imageUri: string },
  plan: SmokePlan,
  timeoutMs: number,
  ui: Ui,
): Promise<SmokeResult> {
  if ('skip' in plan) {
    const note = `No smoke prediction: ${plan.skip}.`;
    if (plan.warn) ui.warning(note);
    else ui.info(note);
    return {
      summary: plan.warn ? 'skipped (no feature schema: see the warning)' : 'skipped',
      prediction: '',
    };
  }
  const request = plan.send;
  const { endpoint, deployedModelId } = target;
  ui.info(`Sending ${request.instances.length} instance(s) from ${request.source}`);
  let outcome: SmokeOutcome;
  try {
    outcome = await runSmokeTest(
      async () => {
        const started = performance.now();
        const answer = await serving.predict(
          endpoint,
          request.instances,
          request.parameters,
          timeoutMs,
        );
        return { answer, ms: Math.round(performance.now() - started) };
      },
      request,
      deployedModelId,
      target.promoted,
    );
  } catch (error) {
    throw smokeFailure(error, target.imageUri);
  }
  const { answer, ms, requests } = outcome;
  const first = shortJson(answer.predictions[0]);
  if (!outcome.verified) {
    ui.warning(
      `The canary ${deployedModelId} could not be verified: the traffic split sent all ${requests} smoke predictions to deployed model(s) other than it (last: ${answer.deployedModelId}, which answered ${first}).`,
    );
    return {
      summary: `not verified (canary not picked in ${SMOKE_ATTEMPTS} requests)`,
      prediction: '',
    };
  }
  ui.info(
    `Answered by the new deployment ${deployedModelId} (version ${answer.modelVersionId}) in ${ms} ms${requests > 1 ? `, on request ${requests}` : ''}: ${first}`,
  );
  return {
    summary: `${first} (${ms} ms)`,
    prediction: JSON.stringify(answer.predictions[0]) ?? '',
  };
}

/** The error with what to do: a refusal by the container (Vertex's 4xx) gets the smoke fix. */
function smokeFailure(error: unknown, imageUri: string): ReportedError {
  const code = grpcCode((error as { cause?: unknown }).cause);
  let fix = (error as ReportedError).fix;
  const refused =
    code === RPC_CODES.INVALID_ARGUMENT ||
    code === RPC_CODES.FAILED_PRECONDITION ||
    fix === undefined;
  if (refused) {
    fix =
      "The new deployment's serving container refused the smoke request (its answer is above): fix the model, the serving image or the smoke-instances file, then re-run the deploy.";
    if (prebuiltSklearnVersion(imageUri))
      fix +=
        " Vertex's prebuilt scikit-learn images take only array instances, which the client library cannot send intact (see smoke-instances): serve with a custom image such as pipelines/Dockerfile.serving, or set smoke-instances to none.";
  }
  // A container that refused the request needs the user's fix; one that did not answer in
  // time (or could not be reached) is a remote failure, and stays one.
  return reportLike(
    refused ? undefined : error,
    `The smoke prediction failed: ${(error as Error).message}`,
    {
      fix,
      cause: error,
    },
  );
}
