/**
 * Strict zod schemas for the proto3-JSON form of the KFP v2 `ml_pipelines.PipelineSpec` ("IR"),
 * its `deploymentSpec` (`PipelineDeploymentConfig`) and the optional second YAML document
 * (`PlatformSpec`), after kubeflow/pipelines `api/v2alpha1/pipeline_spec.proto`.
 *
 * Conventions:
 * - Every message is a `z.strictObject`: unknown keys are faults, so typos surface instead of
 *   being silently dropped the way proto3-JSON parsers with `ignore_unknown_fields` would.
 * - Field names are the lowerCamel JSON names the SDK emits (the corpus has no snake_case).
 * - A proto `oneof` is a set of optional fields on one object; `oneOf()` makes setting two of
 *   them a fault that names both, and (where the message is meaningless without one) setting
 *   none a fault too.
 * - Enums are their string names. `*_UNSPECIFIED`/`NONE` names are rejected where they mean
 *   "not set" (a parameter without a type cannot be passed); the trigger strategy keeps its
 *   UNSPECIFIED name because the proto documents its behaviour.
 * - `google.protobuf.Value`/`Struct` fields accept any JSON. Numeric proto fields also accept
 *   the decimal strings proto3-JSON allows (int64 is a string in canonical form: the SDK writes
 *   `accelerator.count: "1"`) and are returned as numbers, so consumers get `number`; nothing
 *   else in the document is rewritten. `google.protobuf.Duration` is the "<seconds>s" string.
 *
 * Each schema constant shares its name with the TS type inferred from it.
 *
 * This file holds the two documents; their parts stand beside it: ./schema-common.ts (scalars,
 * refinements, shared messages), ./schema-components.ts (components, tasks, DAGs) and
 * ./schema-executors.ts (the deployment config's executors).
 */
import { z } from 'zod';
import { ComponentSpec, SinglePlatformSpec } from './schema-components.js';
import { DeploymentConfig } from './schema-executors.js';

// ---------------------------------------------------------------------------------------------
// The pipeline

export const PipelineInfo = z.strictObject({
  /** Identifies the pipeline (MLMD context), so it must be set. */
  name: z.string().min(1),
  displayName: z.string().optional(),
  description: z.string().optional(),
});
export type PipelineInfo = z.output<typeof PipelineInfo>;

export const PipelineSpec = z.strictObject({
  pipelineInfo: PipelineInfo,
  deploymentSpec: DeploymentConfig.optional(),
  sdkVersion: z.string().optional(),
  /** "2.1.0" for current SDKs; backends refuse a spec without it. */
  schemaVersion: z.string().min(1),
  components: z.record(z.string(), ComponentSpec).optional(),
  root: ComponentSpec,
  defaultPipelineRoot: z.string().optional(),
});
export type PipelineSpec = z.output<typeof PipelineSpec>;

/** The second YAML document of a compiled pipeline: `platforms: {kubernetes: ...}`. */
export const PlatformSpec = z.strictObject({
  platforms: z.record(z.string(), SinglePlatformSpec).optional(),
});
export type PlatformSpec = z.output<typeof PlatformSpec>;
