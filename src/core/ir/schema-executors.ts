/**
 * The IR schemas of executors, `deploymentSpec` (`PipelineDeploymentConfig`; ./schema.ts states
 * the conventions): containers and their resources, importers, resolvers and the deprecated
 * CustomJob executor.
 */
import { z } from 'zod';
import {
  alternatives,
  ArtifactTypeSchema,
  decimal,
  integer,
  JsonObject,
  ValueOrRuntimeParameter,
} from './schema-common.js';

// ---------------------------------------------------------------------------------------------
// Executors (`PipelineDeploymentConfig`)

const StringList = z.array(z.string());

export const ResourceSpec = z.strictObject({
  /** Deprecated numeric forms; the `resource*` strings also accept placeholders. */
  cpuLimit: decimal().optional(),
  memoryLimit: decimal().optional(),
  cpuRequest: decimal().optional(),
  memoryRequest: decimal().optional(),
  resourceCpuLimit: z.string().optional(),
  resourceMemoryLimit: z.string().optional(),
  resourceCpuRequest: z.string().optional(),
  resourceMemoryRequest: z.string().optional(),
  accelerator: z
    .strictObject({
      /** Deprecated: use `resourceType`. */
      type: z.string().optional(),
      /** Deprecated: use `resourceCount`. */
      count: integer(0).optional(),
      resourceType: z.string().optional(),
      resourceCount: z.string().optional(),
    })
    .optional(),
});
export type ResourceSpec = z.output<typeof ResourceSpec>;

export const PipelineContainerSpec = z.strictObject({
  image: z.string().min(1),
  /** Strings may hold placeholders such as `{{$.inputs.parameters['x']}}` or JSON `{"Concat": [...]}`. */
  command: StringList.optional(),
  args: StringList.optional(),
  lifecycle: z
    .strictObject({
      preCacheCheck: z
        .strictObject({ command: StringList.optional(), args: StringList.optional() })
        .optional(),
    })
    .optional(),
  resources: ResourceSpec.optional(),
  env: z
    .array(z.strictObject({ name: z.string().min(1), value: z.string().optional() }))
    .optional(),
});
export type PipelineContainerSpec = z.output<typeof PipelineContainerSpec>;

export const ImporterSpec = z.strictObject({
  artifactUri: ValueOrRuntimeParameter,
  typeSchema: ArtifactTypeSchema,
  /** Deprecated: use `metadata`. */
  properties: z.record(z.string(), ValueOrRuntimeParameter).optional(),
  /** Deprecated: use `metadata`. */
  customProperties: z.record(z.string(), ValueOrRuntimeParameter).optional(),
  reimport: z.boolean().optional(),
  metadata: JsonObject.optional(),
  downloadToWorkspace: z.boolean().optional(),
});
export type ImporterSpec = z.output<typeof ImporterSpec>;

export const ResolverSpec = z.strictObject({
  outputArtifactQueries: z
    .record(
      z.string(),
      z.strictObject({ filter: z.string().optional(), limit: integer(0).optional() }),
    )
    .optional(),
});
export type ResolverSpec = z.output<typeof ResolverSpec>;

/** Deprecated Vertex AI CustomJob executor: `{customJob: {customJob: <CustomJob JSON>}}`. */
export const CustomJobSpec = z.strictObject({ customJob: JsonObject.optional() });
export type CustomJobSpec = z.output<typeof CustomJobSpec>;

export const ExecutorSpec = alternatives({
  container: PipelineContainerSpec,
  importer: ImporterSpec,
  resolver: ResolverSpec,
  customJob: CustomJobSpec,
});
export type ExecutorSpec = z.output<typeof ExecutorSpec>;

/** `PipelineSpec.deploymentSpec`: a Struct in the proto, a `PipelineDeploymentConfig` in practice. */
export const DeploymentConfig = z.strictObject({
  executors: z.record(z.string(), ExecutorSpec).optional(),
});
export type DeploymentConfig = z.output<typeof DeploymentConfig>;
