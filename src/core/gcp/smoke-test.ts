import { UserError } from '../errors.js';
import type { JsonValue } from '../ir/schema-common.js';

/**
 * The smoke prediction deploy sends to a new deployment before the champion alias moves: the
 * request (instances from the user's file, or one probe instance built from the model's feature
 * schema) and the checks on the answers. Pure: the command reads the file and calls Vertex.
 */

/** `smoke-instances`: a probe from the run record's feature schema, nothing, or a JSON file. */
export type SmokeSource =
  | { readonly kind: 'auto' }
  | { readonly kind: 'none' }
  | { readonly kind: 'file'; readonly path: string };

export interface SmokeRequest {
  readonly instances: readonly JsonValue[];
  readonly parameters: { readonly [key: string]: JsonValue } | undefined;
  /** Where the instances come from, for the log. */
  readonly source: string;
}

/** What deploy does: send this request, or skip the smoke prediction (a warning unless asked to). */
export type SmokePlan =
  { readonly send: SmokeRequest } | { readonly skip: string; readonly warn: boolean };

export interface SmokeFeature {
  readonly name: string;
  readonly kind: 'numeric' | 'categorical';
  /** A category seen in training (categorical features). */
  readonly example?: string | undefined;
}

export interface SmokeAnswer {
  readonly predictions: readonly unknown[];
  /** The deployed model that answered. */
  readonly deployedModelId: string;
  readonly modelVersionId: string;
}

export interface SmokeOutcome {
  /** Whether the new deployment answered (a canary may never be picked). */
  readonly verified: boolean;
  /** The new deployment's answer, else the last one. */
  readonly answer: SmokeAnswer;
  /** Latency of that answer. */
  readonly ms: number;
  readonly requests: number;
}

/** Requests a canary gets to be picked: a random 10% split picks it within 20 draws 88% of the time. */
export const SMOKE_ATTEMPTS = 20;

const SMOKE_FILE_FIX =
  'Write {"instances": [...]} (optionally with "parameters": {...}) or a bare array of instances, each an object keyed by feature name, e.g. {"instances": [{"tenure": 12, "Contract": "One year"}]}; or set smoke-instances to auto or none.';

export function smokeSource(value: string | undefined): SmokeSource {
  const text = value?.trim() ?? '';
  if (text === '' || text === 'auto') return { kind: 'auto' };
  if (text === 'none') return { kind: 'none' };
  return { kind: 'file', path: text };
}

/**
 * Places where an array sits directly in an array (an array instance, or a matrix inside one):
 * the Node client's REST transport (google-gax 5.0.8 transcoding) sends such an inner array as
 * an object keyed "0", "1", …, so it would reach the container changed.
 */
function nestedArrays(value: JsonValue, at: string, inArray: boolean): string[] {
  if (Array.isArray(value)) {
    const inner = value.flatMap((item, index) => nestedArrays(item, `${at}[${index}]`, true));
    return inArray ? [at, ...inner] : inner;
  }
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) =>
      nestedArrays(item, `${at}.${key}`, false),
    );
  return [];
}

/** The request in a `smoke-instances` file (parsed JSON): `{"instances": [...]}` or a bare array. */
export function smokeFileRequest(parsed: JsonValue, display: string): SmokeRequest {
  let instances: JsonValue = parsed;
  let parameters: JsonValue | undefined;
  const problems: string[] = [];
  if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) {
    ({ instances = null, parameters } = parsed);
    const unknown = Object.keys(parsed).filter((key) => !['instances', 'parameters'].includes(key));
    if (unknown.length > 0) problems.push(`unknown key(s) ${unknown.join(', ')}`);
    if (
      parameters !== undefined &&
      (parameters === null || typeof parameters !== 'object' || Array.isArray(parameters))
    )
      problems.push('"parameters" must be an object');
  }
  if (!Array.isArray(instances)) problems.push('no "instances" list');
  else if (instances.length === 0) problems.push('"instances" is empty');
  else
    for (const at of nestedArrays(instances, 'instances', false))
      problems.push(
        `${at} is an array inside an array, which the Vertex client library (REST) sends as an object keyed "0", "1", …; write the instance as an object keyed by feature name`,
      );
  if (problems.length > 0 || !Array.isArray(instances))
    throw new UserError(`The smoke-instances file ${display} is not a prediction request`, {
      details: problems,
      fix: SMOKE_FILE_FIX,
    });
  return {
    instances,
    parameters: parameters as SmokeRequest['parameters'],
    source: display,
  };
}

/** The model's features from its artifact metadata (`feature_schema`), or why there are none. */
export function smokeSchema(metadata: Readonly<Record<string, unknown>>): SmokeFeature[] | string {
  const schema = metadata.feature_schema;
  if (schema === undefined) return 'its metadata has no feature_schema';
  if (!Array.isArray(schema) || schema.length === 0)
    return 'its feature_schema is not a list of features';
  const features: SmokeFeature[] = [];
  for (const [index, raw] of (schema as unknown[]).entries()) {
    const entry = (raw ?? {}) as Record<string, unknown>;
    if (
      typeof entry.name !== 'string' ||
      (entry.kind !== 'numeric' && entry.kind !== 'categorical')
    )
      return `feature_schema[${index}] is not {name, kind: numeric | categorical}`;
    features.push({
      name: entry.name,
      kind: entry.kind,
      example: typeof entry.example === 'string' ? entry.example : undefined,
    });
  }
  return features;
}

/**
 * One instance from the schema: 0 for numbers, a category seen in training (else null, which
 * the reference server imputes). An object keyed by feature name: the reference server
 * (pipelines/serving/server.py) takes it in any order, and objects travel intact (see nestedArrays).
 */
export function probeInstance(features: readonly SmokeFeature[]): Record<string, JsonValue> {
  return Object.fromEntries(
    features.map((feature) => [
      feature.name,
      feature.kind === 'numeric' ? 0 : (feature.example ?? null),
    ]),
  );
}

/**
 * `auto`: one probe instance from the model's schema; a model without one (a run from before
 * package_model recorded it) is deployed without a smoke prediction, with the reason.
 */
export function autoSmokePlan(
  metadata: Readonly<Record<string, unknown>>,
  artifactName: string,
): SmokePlan {
  const features = smokeSchema(metadata);
  if (typeof features === 'string')
    return {
      skip: `the model ${artifactName} records no usable feature schema (${features}) to build a probe instance from; package it with the current package_model component, or give smoke-instances a file`,
      warn: true,
    };
  return {
    send: {
      instances: [probeInstance(features)],
      parameters: undefined,
      source: `the feature schema of ${artifactName}`,
    },
  };
}

/**
 * Sends the request until the new deployment answers, at most SMOKE_ATTEMPTS times; every
 * answer must hold one prediction per instance. A promotion the new deployment never answers
 * fails; a canary that is never picked comes back unverified. Errors of `send` propagate.
 */
export async function runSmokeTest(
  send: () => Promise<{ answer: SmokeAnswer; ms: number }>,
  request: SmokeRequest,
  newDeployment: string,
  promoted: boolean,
): Promise<SmokeOutcome> {
  const others = new Set<string>();
  for (let requests = 1; ; requests++) {
    const { answer, ms } = await send();
    if (answer.predictions.length !== request.instances.length)
      throw new UserError(
        `The smoke prediction came back with ${answer.predictions.length} prediction(s) for ${request.instances.length} instance(s) (answered by deployed model ${answer.deployedModelId || '?'})`,
        {
          fix: "The serving container must return one prediction per instance: check its predict route's answer.",
        },
      );
    if (answer.deployedModelId === newDeployment) return { verified: true, answer, ms, requests };
    others.add(answer.deployedModelId || '?');
    if (requests < SMOKE_ATTEMPTS) continue;
    if (promoted)
      throw new UserError(
        `The new deployment ${newDeployment} has all the traffic, but ${requests} smoke predictions were answered by deployed model(s) ${[...others].join(', ')}`,
        {
          fix: "Check the endpoint's traffic split in the Vertex console, then re-run the deploy.",
        },
      );
    return { verified: false, answer, ms, requests };
  }
}

/** A prediction as short JSON for the log and the summary. */
export function shortJson(value: unknown, max = 120): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
