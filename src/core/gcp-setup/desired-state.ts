import { grants, trainerRolePermissions } from './permission-lookup.js';
import { TRAINER_ROLE_ID, type Principal, type Scope } from './permissions.js';
import { serviceAccountEmail, type SetupConfig } from './setup-inputs.js';
import {
  desiredProvider,
  githubMembers,
  poolName,
  type OidcProvider,
} from './workload-identity.js';

/**
 * What a project set up for the product contains, as plain data: built from the resolved inputs
 * alone, so the same state drives the plan against what exists, the JSON and the Terraform.
 */

/** Stands in for the project number before it is known (a dry run without credentials). */
export const UNKNOWN_PROJECT_NUMBER = 'PROJECT_NUMBER';

/**
 * The APIs to enable (the services the product's calls go to). serviceusage comes first: enabling the others goes through
 * it. BigQuery and Logging are left out: only pipelines that use them need them.
 */
export const REQUIRED_APIS = [
  'serviceusage.googleapis.com',
  'cloudresourcemanager.googleapis.com',
  'iam.googleapis.com',
  'iamcredentials.googleapis.com',
  'sts.googleapis.com',
  'aiplatform.googleapis.com',
  'artifactregistry.googleapis.com',
  'storage.googleapis.com',
] as const;

export type AccountKey = 'training' | 'deploy' | 'pipeline';
export type RepositoryFormat = 'DOCKER' | 'KFP';

export interface DesiredServiceAccount {
  readonly key: AccountKey;
  readonly id: string;
  readonly email: string;
  readonly displayName: string;
}

export interface DesiredRepository {
  readonly id: string;
  readonly name: string;
  readonly format: RepositoryFormat;
}

/** One member to hold one role on one resource. */
export interface DesiredBinding {
  readonly scope: Scope;
  /** The resource whose IAM policy holds it (the name the IAM methods take). */
  readonly resource: string;
  readonly role: string;
  readonly member: string;
  readonly principal: Principal;
}

export interface DesiredState {
  readonly config: SetupConfig;
  readonly projectNumber: string;
  readonly apis: readonly string[];
  readonly pool: { readonly id: string; readonly name: string; readonly displayName: string };
  readonly provider: OidcProvider & {
    readonly id: string;
    readonly name: string;
    readonly displayName: string;
  };
  readonly trainerRole: {
    readonly id: string;
    readonly name: string;
    readonly title: string;
    readonly permissions: readonly string[];
  };
  readonly serviceAccounts: readonly DesiredServiceAccount[];
  /** Bucket location is the region, uppercased as Storage reports it: Vertex refuses other locations. */
  readonly bucket: {
    readonly name: string;
    readonly location: string;
    readonly uniformBucketLevelAccess: true;
    readonly publicAccessPrevention: 'enforced';
  };
  readonly repositories: readonly DesiredRepository[];
  readonly bindings: readonly DesiredBinding[];
}

export function vertexAgent(projectNumber: string): string {
  return `service-${projectNumber}@gcp-sa-aiplatform.iam.gserviceaccount.com`;
}

/** Created lazily by Google on first use, so it may not exist right after setup. */
export function vertexCodeAgent(projectNumber: string): string {
  return `service-${projectNumber}@gcp-sa-aiplatform-cc.iam.gserviceaccount.com`;
}

export function desiredState(
  config: SetupConfig,
  projectNumber = UNKNOWN_PROJECT_NUMBER,
): DesiredState {
  const project = config.projectId;
  const account = (key: AccountKey, id: string, displayName: string): DesiredServiceAccount => ({
    key,
    id,
    email: serviceAccountEmail(id, project),
    displayName,
  });
  const serviceAccounts = [
    account('training', config.trainingServiceAccount, 'mlops training (builds, runs, schedules)'),
    account(
      'deploy',
      config.deployServiceAccount,
      `mlops deploy (${config.environment} environment only)`,
    ),
    account('pipeline', config.pipelineServiceAccount, 'mlops pipeline runs'),
  ];
  const emailOf = (key: AccountKey) => serviceAccounts.find((a) => a.key === key)?.email ?? '';
  const repository = (id: string, format: RepositoryFormat): DesiredRepository => ({
    id,
    name: `projects/${project}/locations/${config.region}/repositories/${id}`,
    format,
  });
  const repositories = [
    repository(config.dockerRepository, 'DOCKER'),
    repository(config.kfpRepository, 'KFP'),
  ];
  const github = githubMembers(config, projectNumber);
  const provider = desiredProvider(config, projectNumber);

  const resourceOf: Record<Scope, string> = {
    project: `projects/${project}`,
    bucket: `projects/_/buckets/${config.bucket}`,
    'docker-repository': repositories[0]?.name ?? '',
    'kfp-repository': repositories[1]?.name ?? '',
    'training-account': `projects/${project}/serviceAccounts/${emailOf('training')}`,
    'deploy-account': `projects/${project}/serviceAccounts/${emailOf('deploy')}`,
    'pipeline-account': `projects/${project}/serviceAccounts/${emailOf('pipeline')}`,
  };
  const memberOf: Record<Exclude<Principal, 'setup'>, string> = {
    'github-repository': github.repository,
    'github-deploy-environment': github.deployEnvironment,
    training: `serviceAccount:${emailOf('training')}`,
    deploy: `serviceAccount:${emailOf('deploy')}`,
    pipeline: `serviceAccount:${emailOf('pipeline')}`,
    'vertex-agent': `serviceAccount:${vertexAgent(projectNumber)}`,
    'vertex-code-agent': `serviceAccount:${vertexCodeAgent(projectNumber)}`,
  };
  const bindings = grants(project).map(({ principal, scope, role }) => ({
    scope,
    resource: resourceOf[scope],
    role,
    member: memberOf[principal as Exclude<Principal, 'setup'>],
    principal,
  }));

  return {
    config,
    projectNumber,
    apis: REQUIRED_APIS,
    pool: {
      id: config.pool,
      name: poolName(projectNumber, config.pool),
      displayName: 'GitHub Actions',
    },
    provider: {
      ...provider,
      id: config.provider,
      name: provider.name ?? '',
      displayName: `GitHub ${config.repository}`.slice(0, 32),
    },
    trainerRole: {
      id: TRAINER_ROLE_ID,
      name: `projects/${project}/roles/${TRAINER_ROLE_ID}`,
      title: 'mlops training',
      permissions: trainerRolePermissions(),
    },
    serviceAccounts,
    bucket: {
      name: config.bucket,
      location: config.region.toUpperCase(),
      uniformBucketLevelAccess: true,
      publicAccessPrevention: 'enforced',
    },
    repositories,
    bindings,
  };
}

/**
 * The values the laid workflows read, by their names in CONFIGURATION (config/mlops.env): setup
 * prints them and, given a GitHub token, writes them as repository variables.
 */
export function workflowValues(desired: DesiredState): Record<string, string> {
  const { config } = desired;
  const email = (key: AccountKey) =>
    desired.serviceAccounts.find((a) => a.key === key)?.email ?? '';
  return {
    GCP_PROJECT: config.projectId,
    GCP_REGION: config.region,
    GCP_WORKLOAD_IDENTITY_PROVIDER: desired.provider.name,
    GCP_SERVICE_ACCOUNT: email('training'),
    GCP_DEPLOY_SERVICE_ACCOUNT: email('deploy'),
    GCP_PIPELINE_SERVICE_ACCOUNT: email('pipeline'),
    GCP_PIPELINE_ROOT: `gs://${config.bucket}/pipeline-root`,
    MLOPS_IMAGE_REPOSITORY: config.dockerRepository,
  };
}
