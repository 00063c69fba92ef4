import { UserError } from '../core/errors.js';
import type { InputDefinition } from './command.js';

/**
 * How the Model Registry and endpoints are named: the model name is the registry model's
 * display name, id and `mlops_model` label at once, so every run finds the same parent model;
 * the endpoint likewise by its `mlops_endpoint` label.
 */

export const CHAMPION_ALIAS = 'champion';
export const CANARY_ALIAS = 'canary';

export const MODEL_INPUT: InputDefinition = {
  name: 'model',
  description:
    'Name of the model in the Vertex Model Registry (lowercase letters, digits, hyphens): its display name, id and mlops_model label.',
  kind: 'string',
  valueName: 'NAME',
};

const NAME = /^[a-z][a-z0-9-]{0,61}[a-z0-9]$/;

function checkName(kind: string, input: string, name: string): string {
  if (!NAME.test(name)) {
    throw new UserError(`${kind} name "${name}" is not valid`, {
      fix: `Set ${input} to 2-63 lowercase letters, digits and hyphens, starting with a letter (it becomes a resource id and a label).`,
    });
  }
  return name;
}

export function parseModelName(name: string): string {
  return checkName('Model', 'model', name);
}

export function parseEndpointName(name: string): string {
  return checkName('Endpoint', 'endpoint', name);
}

export function modelLabel(name: string): [string, string] {
  return ['mlops_model', name];
}

export function endpointLabel(name: string): [string, string] {
  return ['mlops_endpoint', name];
}
