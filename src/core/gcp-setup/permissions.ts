/**
 * The one table of what each operation of the product needs in Google Cloud: its IAM
 * permissions, the smallest predefined role holding them, who holds it and where. `setup gcp`
 * grants from it, `doctor` tests from it ("missing permission X → grant role Y on Z"), and the
 * Terraform export renders it; keeping one table keeps the three from drifting apart.
 *
 * Sources: role contents from Google's predefined roles reference
 * (cloud.google.com/iam/docs/understanding-roles), as collected in github.com/iann0036/iam-dataset
 * gcp/roles/*.json; permissions per REST method from that dataset's gcp/map.json; the
 * training/deploy split from docs/google-cloud.md.
 */

/** Who holds a grant. `github-*` are federated identities, the agents are Google-managed. */
export type Principal =
  | 'github-repository'
  | 'github-deploy-environment'
  | 'training'
  | 'deploy'
  | 'pipeline'
  | 'vertex-agent'
  | 'vertex-code-agent'
  | 'setup';

/** Where a grant is made: the resource whose IAM policy gets the member. */
export type Scope =
  | 'project'
  | 'bucket'
  | 'docker-repository'
  | 'kfp-repository'
  | 'training-account'
  | 'deploy-account'
  | 'pipeline-account';

export interface Requirement {
  /** The product command (or `setup gcp` for the person running it). */
  readonly command: string;
  readonly operation: string;
  readonly principal: Principal;
  readonly scope: Scope;
  readonly permissions: readonly string[];
  /** The smallest predefined role that holds every permission above. */
  readonly role: string;
  /**
   * Granted through the project's custom role instead: the smallest predefined role,
   * roles/aiplatform.user, also holds endpoints.deploy and models.upload, so a training job
   * holding it could deploy (docs/google-cloud.md, "Why these roles").
   */
  readonly viaCustomRole?: true;
  readonly source: string;
}

/** The custom role training and pipeline accounts hold (the name docs/google-cloud.md uses). */
export const TRAINER_ROLE_ID = 'mlopsTrainer';

const IAM_DATASET = 'iann0036/iam-dataset gcp/roles';

export const REQUIREMENTS: readonly Requirement[] = [
  {
    command: 'auth',
    operation: 'exchange the GitHub token and impersonate the training account',
    principal: 'github-repository',
    scope: 'training-account',
    permissions: ['iam.serviceAccounts.getAccessToken'],
    role: 'roles/iam.workloadIdentityUser',
    source:
      'google-github-actions/auth README; cloud.google.com/iam/docs/workload-identity-federation-with-deployment-pipelines',
  },
  {
    command: 'auth',
    operation: 'impersonate the deploy account (jobs in the deploy environment only)',
    principal: 'github-deploy-environment',
    scope: 'deploy-account',
    permissions: ['iam.serviceAccounts.getAccessToken'],
    role: 'roles/iam.workloadIdentityUser',
    source: 'docs/google-cloud.md "Why the environment binding"',
  },
  {
    command: 'build',
    operation: 'push images and move their tags',
    principal: 'training',
    scope: 'docker-repository',
    permissions: [
      'artifactregistry.repositories.uploadArtifacts',
      'artifactregistry.repositories.downloadArtifacts',
      'artifactregistry.tags.create',
      'artifactregistry.tags.update',
    ],
    role: 'roles/artifactregistry.writer',
    source: `${IAM_DATASET}/artifactregistry.writer.json; cloud.google.com/artifact-registry/docs/access-control`,
  },
  {
    command: 'run --vertex',
    operation: 'submit, watch and cancel a PipelineJob',
    principal: 'training',
    scope: 'project',
    permissions: [
      'aiplatform.pipelineJobs.create',
      'aiplatform.pipelineJobs.get',
      'aiplatform.pipelineJobs.list',
      'aiplatform.pipelineJobs.cancel',
      'aiplatform.metadataStores.get',
    ],
    role: 'roles/aiplatform.user',
    viaCustomRole: true,
    source:
      'iam-dataset gcp/map.json (pipelineJobs.create); cloud.google.com/vertex-ai/docs/general/access-control',
  },
  {
    command: 'run --vertex',
    operation: 'run the PipelineJob as the pipeline account',
    principal: 'training',
    scope: 'pipeline-account',
    permissions: ['iam.serviceAccounts.actAs'],
    role: 'roles/iam.serviceAccountUser',
    source: 'configure-project page; python-aiplatform #1073',
  },
  {
    command: 'run --vertex',
    operation: 'write the compiled pipeline and run record under the pipeline root',
    principal: 'training',
    scope: 'bucket',
    permissions: ['storage.objects.create', 'storage.objects.get', 'storage.objects.list'],
    role: 'roles/storage.objectUser',
    source: `${IAM_DATASET}/storage.objectUser.json; docs/google-cloud.md`,
  },
  {
    command: 'run --vertex',
    operation: 'pipeline tasks read and write artifacts under the pipeline root',
    principal: 'pipeline',
    scope: 'bucket',
    permissions: [
      'storage.objects.create',
      'storage.objects.get',
      'storage.objects.list',
      'storage.objects.delete',
    ],
    role: 'roles/storage.objectUser',
    source: 'Tabular Workflows service-accounts page; statmike/vertex-ai-mlops #60',
  },
  {
    command: 'run --vertex',
    operation: 'the pipeline service reads the metadata store as the pipeline account',
    principal: 'pipeline',
    scope: 'project',
    permissions: ['aiplatform.metadataStores.get'],
    role: 'roles/aiplatform.user',
    viaCustomRole: true,
    source: 'python-aiplatform #1880',
  },
  {
    command: 'run --vertex',
    operation: 'tasks launch CustomJobs that run as the pipeline account',
    principal: 'pipeline',
    scope: 'pipeline-account',
    permissions: ['iam.serviceAccounts.actAs'],
    role: 'roles/iam.serviceAccountUser',
    source: 'kubeflow/pipelines GCPC custom_job component.py (service_account)',
  },
  {
    command: 'run --vertex',
    operation: 'pull task images',
    principal: 'vertex-code-agent',
    scope: 'docker-repository',
    permissions: ['artifactregistry.repositories.downloadArtifacts'],
    role: 'roles/artifactregistry.reader',
    source: 'zenml #3766; custom-service-account page',
  },
  {
    command: 'deploy',
    operation: 'pull the serving image',
    principal: 'vertex-agent',
    scope: 'docker-repository',
    permissions: ['artifactregistry.repositories.downloadArtifacts'],
    role: 'roles/artifactregistry.reader',
    source:
      'cloud.google.com/vertex-ai/docs/general/access-control#service-agents (which agent pulls serving images is UNCONFIRMED: both are granted)',
  },
  {
    command: 'schedule',
    operation: 'resolve a template tag into a version',
    principal: 'vertex-code-agent',
    scope: 'kfp-repository',
    permissions: ['artifactregistry.repositories.downloadArtifacts'],
    role: 'roles/artifactregistry.reader',
    source: 'python-aiplatform #2398',
  },
  {
    command: 'schedule',
    operation: 'read templates for scheduled runs',
    principal: 'vertex-agent',
    scope: 'kfp-repository',
    permissions: ['artifactregistry.repositories.downloadArtifacts'],
    role: 'roles/artifactregistry.reader',
    source: 'cloud.google.com/vertex-ai/docs/general/access-control#service-agents',
  },
  {
    command: 'schedule',
    operation: 'create, update and pause the schedule',
    principal: 'training',
    scope: 'project',
    permissions: [
      'aiplatform.schedules.create',
      'aiplatform.schedules.get',
      'aiplatform.schedules.list',
      'aiplatform.schedules.update',
    ],
    role: 'roles/aiplatform.user',
    viaCustomRole: true,
    source: 'vertex-ai/docs/pipelines/schedule-pipeline-run',
  },
  {
    command: 'gate',
    operation: 'read the champion model and its evaluation',
    principal: 'training',
    scope: 'project',
    permissions: [
      'aiplatform.models.get',
      'aiplatform.models.list',
      'aiplatform.modelEvaluations.get',
      'aiplatform.modelEvaluations.list',
    ],
    role: 'roles/aiplatform.user',
    viaCustomRole: true,
    source: 'docs/google-cloud.md (mlopsTrainer)',
  },
  {
    command: 'publish',
    operation: 'upload a pipeline template and tag it',
    principal: 'training',
    scope: 'kfp-repository',
    permissions: [
      'artifactregistry.kfpartifacts.create',
      'artifactregistry.tags.create',
      'artifactregistry.tags.update',
    ],
    role: 'roles/artifactregistry.writer',
    source: `${IAM_DATASET}/artifactregistry.writer.json (kfpartifacts.create)`,
  },
  {
    command: 'deploy',
    operation: 'upload the model version, import its evaluation, move the champion alias',
    principal: 'deploy',
    scope: 'project',
    permissions: [
      'aiplatform.models.upload',
      'aiplatform.models.update',
      'aiplatform.models.get',
      'aiplatform.modelEvaluations.import',
    ],
    role: 'roles/aiplatform.user',
    source: 'REST v1 models.upload, mergeVersionAliases, evaluations.import',
  },
  {
    command: 'deploy',
    operation: 'create the endpoint, deploy, split traffic, smoke-test, roll back',
    principal: 'deploy',
    scope: 'project',
    permissions: [
      'aiplatform.endpoints.create',
      'aiplatform.endpoints.get',
      'aiplatform.endpoints.deploy',
      'aiplatform.endpoints.undeploy',
      'aiplatform.endpoints.update',
      'aiplatform.endpoints.predict',
    ],
    role: 'roles/aiplatform.user',
    source: 'iam-dataset gcp/map.json (deployModel → aiplatform.endpoints.deploy)',
  },
  {
    command: 'deploy',
    operation: "read the serving image's labels",
    principal: 'deploy',
    scope: 'docker-repository',
    permissions: ['artifactregistry.repositories.downloadArtifacts'],
    role: 'roles/artifactregistry.reader',
    source: 'docs/google-cloud.md',
  },
  {
    command: 'deploy',
    operation: 'hash the model files before uploading',
    principal: 'deploy',
    scope: 'bucket',
    permissions: ['storage.objects.get', 'storage.objects.list'],
    role: 'roles/storage.objectViewer',
    source: 'src/adapters/gcp/cloud-storage.ts (403 fix); docs/google-cloud.md',
  },
  ...setupRequirements(),
];

/** What the person running `setup gcp` needs (Owner has it all); doctor names the missing role. */
function setupRequirements(): Requirement[] {
  const setup = (operation: string, permissions: string[], role: string): Requirement => ({
    command: 'setup gcp',
    operation,
    principal: 'setup',
    scope: 'project',
    permissions,
    role,
    source: "the setup calls' REST reference pages and terraform-google-modules gh-oidc README",
  });
  return [
    setup(
      'enable APIs',
      ['serviceusage.services.enable', 'serviceusage.services.get'],
      'roles/serviceusage.serviceUsageAdmin',
    ),
    setup(
      'create the workload identity pool and provider',
      [
        'iam.googleapis.com/workloadIdentityPools.create',
        'iam.googleapis.com/workloadIdentityPoolProviders.create',
      ],
      'roles/iam.workloadIdentityPoolAdmin',
    ),
    setup(
      'create the service accounts',
      ['iam.serviceAccounts.create'],
      'roles/iam.serviceAccountCreator',
    ),
    setup(
      'bind roles on the service accounts',
      ['iam.serviceAccounts.getIamPolicy', 'iam.serviceAccounts.setIamPolicy'],
      'roles/iam.serviceAccountAdmin',
    ),
    setup(
      'create the custom training role',
      ['iam.roles.create', 'iam.roles.update'],
      'roles/iam.roleAdmin',
    ),
    setup(
      'bind project roles',
      ['resourcemanager.projects.getIamPolicy', 'resourcemanager.projects.setIamPolicy'],
      'roles/resourcemanager.projectIamAdmin',
    ),
    setup(
      'create the bucket and bind on it',
      ['storage.buckets.create', 'storage.buckets.setIamPolicy'],
      'roles/storage.admin',
    ),
    setup(
      'create the repositories and bind on them',
      ['artifactregistry.repositories.create', 'artifactregistry.repositories.setIamPolicy'],
      'roles/artifactregistry.admin',
    ),
  ];
}
