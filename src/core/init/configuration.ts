/**
 * Every setting the laid workflows read, in one place: `.env.example` and `config/mlops.env`
 * are rendered from this list, and docs and tests import it, so a name cannot drift between them.
 */

/** A repository variable (plain, in `vars.*`) or a secret (sealed, in `secrets.*`). */
export type ConfigurationKind = 'variable' | 'secret';

/** The `mlops init` answer that fills a setting's value. */
export type ConfigurationAnswer = 'project' | 'region' | 'model';

export interface ConfigurationEntry {
  readonly name: string;
  readonly kind: ConfigurationKind;
  readonly description: string;
  /** The value when no answer fills it. */
  readonly default?: string;
  readonly answer?: ConfigurationAnswer;
  /** The shape of a value only the user can know, shown in a comment. */
  readonly example?: string;
}

export const CONFIGURATION: readonly ConfigurationEntry[] = [
  {
    name: 'GCP_PROJECT',
    kind: 'variable',
    answer: 'project',
    description:
      'The Google Cloud project ID that runs the pipelines and hosts models and endpoints.',
  },
  {
    name: 'GCP_REGION',
    kind: 'variable',
    answer: 'region',
    default: 'us-central1',
    description: 'The Vertex AI region of pipeline runs, models, endpoints and images.',
  },
  {
    name: 'GCP_WORKLOAD_IDENTITY_PROVIDER',
    kind: 'variable',
    example: 'projects/123456789012/locations/global/workloadIdentityPools/github/providers/mlops',
    description:
      'The Workload Identity Federation provider the workflows sign in through (no JSON keys).',
  },
  {
    name: 'GCP_SERVICE_ACCOUNT',
    kind: 'variable',
    example: 'mlops-training@PROJECT.iam.gserviceaccount.com',
    description:
      'The training service account: builds images, runs pipelines and schedules, reads the champion. It cannot deploy.',
  },
  {
    name: 'GCP_DEPLOY_SERVICE_ACCOUNT',
    kind: 'variable',
    example: 'mlops-deploy@PROJECT.iam.gserviceaccount.com',
    description:
      'The deploy service account: uploads models and changes endpoints. Only jobs in the production environment may act as it (the binding names the environment), so its protection rules reach Google Cloud.',
  },
  {
    name: 'GCP_PIPELINE_SERVICE_ACCOUNT',
    kind: 'variable',
    example: 'mlops-pipelines@PROJECT.iam.gserviceaccount.com',
    description:
      'The account Vertex AI pipeline runs act as: it reads data and writes artifacts, nothing more. The training account may act as it.',
  },
  {
    name: 'GCP_PIPELINE_ROOT',
    kind: 'variable',
    example: 'gs://BUCKET/pipeline-root',
    description: 'The Cloud Storage folder where Vertex AI pipeline runs write their artifacts.',
  },
  {
    name: 'MLOPS_MODEL_NAME',
    kind: 'variable',
    answer: 'model',
    description: 'The Vertex AI Model Registry model that training uploads to and deploys from.',
  },
  {
    name: 'MLOPS_IMAGE_REPOSITORY',
    kind: 'variable',
    default: 'ml-images',
    description: 'The Artifact Registry Docker repository of the training and serving images.',
  },
  {
    name: 'MLOPS_TRAINING_DATA_URI',
    kind: 'variable',
    example: 'gs://BUCKET/data/train.csv',
    description: "The training data of Vertex AI runs, and the drift check's reference data.",
  },
  {
    name: 'MLOPS_PREDICTION_INPUTS_URI',
    kind: 'variable',
    example: 'bq://PROJECT.ml.prediction_inputs',
    description: 'Recent prediction inputs, which the drift check compares with the training data.',
  },
  {
    name: 'MLOPS_SYNC_TOKEN',
    kind: 'secret',
    description:
      'A fine-grained token that may write Actions secrets and variables, for the sync workflow (GITHUB_TOKEN cannot).',
  },
];
