import { resolveSetupInputs, type SetupInputs } from '../../../src/core/gcp-setup/setup-inputs.js';

/** Inputs for acme/ml, with GitHub's ids as the API gives them. */
export const INPUTS: SetupInputs = {
  projectId: 'acme-ml',
  region: 'europe-west4',
  repository: 'acme/ml',
  repositoryId: '260064828',
  repositoryOwnerId: '1342004',
};

export const CONFIG = resolveSetupInputs(INPUTS);
export const PROJECT_NUMBER = '123456789012';
