import { describe, expect, it } from 'vitest';
import {
  desiredState,
  UNKNOWN_PROJECT_NUMBER,
  workflowValues,
} from '../../../src/core/gcp-setup/desired-state.js';
import { CONFIGURATION } from '../../../src/core/init/configuration.js';
import { resolveSetupInputs } from '../../../src/core/gcp-setup/setup-inputs.js';
import { CONFIG, INPUTS, PROJECT_NUMBER } from './fixtures.js';

describe('desiredState', () => {
  it('prints the values the workflows need, by the names the workflows read', () => {
    const values = workflowValues(desiredState(CONFIG, PROJECT_NUMBER));
    const variables = CONFIGURATION.filter((entry) => entry.kind === 'variable');
    for (const name of Object.keys(values))
      expect(variables.map((entry) => entry.name)).toContain(name);
    expect(values).toEqual({
      GCP_PROJECT: 'acme-ml',
      GCP_REGION: 'europe-west4',
      GCP_WORKLOAD_IDENTITY_PROVIDER: `projects/${PROJECT_NUMBER}/locations/global/workloadIdentityPools/github/providers/mlops`,
      GCP_SERVICE_ACCOUNT: 'mlops-training@acme-ml.iam.gserviceaccount.com',
      GCP_DEPLOY_SERVICE_ACCOUNT: 'mlops-deploy@acme-ml.iam.gserviceaccount.com',
      GCP_PIPELINE_SERVICE_ACCOUNT: 'mlops-pipelines@acme-ml.iam.gserviceaccount.com',
      GCP_PIPELINE_ROOT: 'gs://acme-ml-mlops/pipeline-root',
      MLOPS_IMAGE_REPOSITORY: 'ml-images',
    });
  });

  it('says PROJECT_NUMBER where the number is not known yet (a dry run)', () => {
    const desired = desiredState(CONFIG);
    expect(desired.projectNumber).toBe(UNKNOWN_PROJECT_NUMBER);
    expect(desired.provider.name).toContain('projects/PROJECT_NUMBER/');
  });

  it('binds the deploy account to the environment subject only', () => {
    const config = resolveSetupInputs({ ...INPUTS, environment: 'prod' });
    const deployGrants = desiredState(config, PROJECT_NUMBER).bindings.filter(
      (b) => b.scope === 'deploy-account',
    );
    expect(deployGrants.map((b) => b.member)).toEqual([
      `principal://iam.googleapis.com/projects/${PROJECT_NUMBER}/locations/global/workloadIdentityPools/github/subject/repo:acme/ml:environment:prod`,
    ]);
  });

  it('reports a bad project id once, not again through the bucket named after it', () => {
    expect(() => resolveSetupInputs({ ...INPUTS, projectId: 'Acme' })).toThrow(
      /^project-id: "Acme" is not a project id$/,
    );
  });
});
