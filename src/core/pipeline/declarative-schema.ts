import { z } from 'zod';
import { DECLARATIVE_API_VERSION } from './source-kind.js';

/**
 * The project's declarative pipeline file: what a data scientist writes instead of IR.
 * Documented in docs/pipeline-yaml.md; compiled to IR by compile-declarative.ts.
 */

const durationSchema = z
  .string()
  .regex(/^\d+(\.\d+)?(ms|s|m|h)$/, 'expected a duration such as 30s, 5m or 1h');

export const parameterTypeNames = [
  'String',
  'Integer',
  'Float',
  'Boolean',
  'List',
  'Struct',
] as const;

const parameterSchema = z.strictObject({
  type: z.enum(parameterTypeNames),
  default: z.unknown().optional(),
  optional: z.boolean().optional(),
  description: z.string().optional(),
});

const taskSchema = z.strictObject({
  component: z.string().min(1, 'name a component.yaml file'),
  displayName: z.string().optional(),
  inputs: z.record(z.string(), z.unknown()).optional(),
  after: z.array(z.string()).optional(),
  when: z.string().min(1).optional(),
  cache: z.boolean().optional(),
  retry: z
    .strictObject({
      attempts: z.number().int().min(0).max(10),
      backoff: durationSchema.optional(),
      factor: z.number().min(1).optional(),
      maxBackoff: durationSchema.optional(),
    })
    .optional(),
  resources: z
    .strictObject({
      cpu: z.union([z.string(), z.number()]).optional(),
      memory: z.string().optional(),
      cpuRequest: z.union([z.string(), z.number()]).optional(),
      memoryRequest: z.string().optional(),
      accelerator: z.strictObject({ type: z.string(), count: z.number().int().min(1) }).optional(),
    })
    .optional(),
  env: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
});

export const declarativePipelineSchema = z.strictObject({
  apiVersion: z.literal(DECLARATIVE_API_VERSION),
  kind: z.literal('Pipeline'),
  name: z
    .string()
    .regex(
      /^[a-z][a-z0-9-]{0,127}$/,
      'use lowercase letters, digits and hyphens, starting with a letter',
    ),
  description: z.string().optional(),
  pipelineRoot: z.string().optional(),
  parameters: z.record(z.string(), parameterSchema).optional(),
  tasks: z
    .record(z.string(), taskSchema)
    .refine((tasks) => Object.keys(tasks).length > 0, 'a pipeline needs at least one task'),
  outputs: z.record(z.string(), z.string()).optional(),
});

export type DeclarativePipeline = z.infer<typeof declarativePipelineSchema>;
export type DeclarativeTask = z.infer<typeof taskSchema>;
export type DeclarativeParameter = z.infer<typeof parameterSchema>;
