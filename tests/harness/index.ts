/**
 * Runs real workflow files as GitHub runs them, against the emulators: see workflow-runner.ts
 * for what is modelled and runner-image.ts for the machine the steps find.
 */
export { runWorkflow } from './workflow-runner.js';
export { createRepository, instantiateTemplate } from './repository.js';
export { buildxHere, RUNNER_IMAGE } from './runner-image.js';
export type { Access, PermissionScope, Permissions } from './permissions.js';
export type * from './types.js';
