import { excerpt, UserError } from '../errors.js';
import { CONFIGURATION } from '../init/configuration.js';
import * as rules from './name-rules.js';
import type { Problem, Rule } from './name-rules.js';

export { VERTEX_PIPELINES_REGIONS } from './name-rules.js';

/**
 * The inputs of `mlops setup gcp`, checked before any call to Google: a malformed name would
 * otherwise surface half-way through the set-up as an opaque 400, after some resources exist.
 * Every problem is collected, so one run names them all, each with its fix.
 */

/** Inputs as given (CLI flags, action inputs); names left out get the defaults below. */
export interface SetupInputs {
  readonly projectId: string;
  readonly region: string;
  /** The GitHub repository, OWNER/NAME. */
  readonly repository: string;
  /**
   * GitHub's numeric ids of the repository and its owner, as strings (the token's claims are
   * strings). The command reads them from the GitHub API or GITHUB_REPOSITORY_ID /
   * GITHUB_REPOSITORY_OWNER_ID: a name can be deleted and re-registered by someone else, an id cannot.
   */
  readonly repositoryId: string;
  readonly repositoryOwnerId: string;
  /** The GitHub environment deploy jobs name; only its jobs may act as the deploy account. */
  readonly environment?: string;
  /** Restricts every token to this branch (refs/heads/BRANCH); pull-request runs are then refused. */
  readonly branch?: string;
  readonly bucket?: string;
  readonly dockerRepository?: string;
  readonly kfpRepository?: string;
  readonly trainingServiceAccount?: string;
  readonly deployServiceAccount?: string;
  readonly pipelineServiceAccount?: string;
  readonly pool?: string;
  /** A provider id, or its full resource name (projects/N/locations/global/…/providers/ID). */
  readonly provider?: string;
  /** Set from a full provider name. */
  readonly providerProjectNumber?: string;
}

/** Every name resolved: what the plan and the Terraform export are built from. */
export interface SetupConfig {
  readonly projectId: string;
  readonly region: string;
  readonly owner: string;
  readonly name: string;
  readonly repository: string;
  readonly repositoryId: string;
  readonly repositoryOwnerId: string;
  readonly environment: string;
  readonly branch: string | undefined;
  readonly bucket: string;
  readonly dockerRepository: string;
  readonly kfpRepository: string;
  /** Account ids (the part before @); emails come from serviceAccountEmail. */
  readonly trainingServiceAccount: string;
  readonly deployServiceAccount: string;
  readonly pipelineServiceAccount: string;
  readonly pool: string;
  readonly provider: string;
  /** The project number a full provider name carried, to compare with the project's own. */
  readonly providerProjectNumber?: string;
}

/** The Docker repository the laid workflows read (MLOPS_IMAGE_REPOSITORY) unless told otherwise. */
const IMAGE_REPOSITORY_DEFAULT =
  CONFIGURATION.find((entry) => entry.name === 'MLOPS_IMAGE_REPOSITORY')?.default ?? 'ml-images';

/**
 * Defaults. The service accounts, pool and provider match docs/google-cloud.md, so a project
 * set up by hand from those docs is recognised as complete. The bucket is prefixed with the
 * project id because bucket names are global; repositories are per project and region.
 */
export const SETUP_DEFAULTS = {
  environment: 'production',
  dockerRepository: IMAGE_REPOSITORY_DEFAULT,
  kfpRepository: 'mlops-pipelines',
  trainingServiceAccount: 'mlops-training',
  deployServiceAccount: 'mlops-deploy',
  pipelineServiceAccount: 'mlops-pipelines',
  pool: 'github',
  provider: 'mlops',
  bucketSuffix: '-mlops',
} as const;

/** An address of the service account `id` in `projectId`. */
export function serviceAccountEmail(id: string, projectId: string): string {
  return `${id}@${projectId}.iam.gserviceaccount.com`;
}

/**
 * The forms the workflows' variables hold, reduced to the ids setup works with, so doctor and
 * setup take `vars.*` as they are: a service account's email (in this project), a pipeline root
 * `gs://BUCKET/path`, a Docker repository `REGION-docker.pkg.dev/PROJECT/ID`, and a provider's
 * full resource name (which names the pool and the project number too).
 */
function shortForms(inputs: SetupInputs, problems: Problem[]): SetupInputs {
  const project = inputs.projectId.trim();
  const accountId = (input: string, value: string | undefined): string | undefined => {
    const email = value?.trim();
    if (!email?.includes('@')) return value;
    const [id = '', domain = ''] = email.split('@');
    if (domain === `${project}.iam.gserviceaccount.com`) return id;
    problems.push({
      input,
      problem: `"${excerpt(email)}" is not a service account of project ${project}`,
      fix: `Give an account id, or an email ending @${project}.iam.gserviceaccount.com: setup and doctor work within one project.`,
    });
    return undefined; // reported once, not again as a malformed id
  };
  const bucket = /^gs:\/\/([^/]*)/.exec(inputs.bucket?.trim() ?? '')?.[1] ?? inputs.bucket;
  const docker = inputs.dockerRepository?.trim() ?? '';
  const dockerId = docker.includes('/') ? docker.slice(docker.lastIndexOf('/') + 1) : docker;
  const provider =
    /^(?:\/\/iam\.googleapis\.com\/)?projects\/(\d+)\/locations\/global\/workloadIdentityPools\/([^/]+)\/providers\/([^/]+)$/.exec(
      inputs.provider?.trim() ?? '',
    );
  const { trainingServiceAccount, deployServiceAccount, pipelineServiceAccount, ...rest } = inputs;
  const training = accountId('training-service-account', trainingServiceAccount);
  const deploy = accountId('deploy-service-account', deployServiceAccount);
  const pipeline = accountId('pipeline-service-account', pipelineServiceAccount);
  return {
    ...rest,
    ...(bucket === undefined ? {} : { bucket }),
    ...(docker ? { dockerRepository: dockerId } : {}),
    ...(provider
      ? { providerProjectNumber: provider[1], pool: provider[2], provider: provider[3] }
      : {}),
    ...(training === undefined ? {} : { trainingServiceAccount: training }),
    ...(deploy === undefined ? {} : { deployServiceAccount: deploy }),
    ...(pipeline === undefined ? {} : { pipelineServiceAccount: pipeline }),
  };
}

/**
 * Checks every input and fills in the defaults. Throws one UserError listing every problem
 * (each with its fix) so the user corrects them in one go; `command` names the command in it.
 */
export function resolveSetupInputs(given: SetupInputs, command = 'setup gcp'): SetupConfig {
  const problems: Problem[] = [];
  const inputs = shortForms(given, problems);
  const check = (input: string, value: string | undefined, rule: Rule): string => {
    const trimmed = (value ?? '').trim();
    const found = rule(trimmed);
    if (found) problems.push({ input, ...found });
    return trimmed;
  };
  const optional = (value: string | undefined): string | undefined =>
    value === undefined || value.trim() === '' ? undefined : value;
  /** A name with a default: the one given, else `fallback`, checked by `rule`. */
  const named = (input: string, given: string | undefined, fallback: string, rule: Rule) =>
    check(input, optional(given) ?? fallback, rule);

  const project = check('project-id', inputs.projectId, rules.projectId);
  // The default bucket derives from the project id: a bad id is reported once, not twice.
  const bucketName = optional(inputs.bucket) ?? `${project}${SETUP_DEFAULTS.bucketSuffix}`;
  const checkBucket = optional(inputs.bucket) !== undefined || problems.length === 0;
  const repo = check('repository', inputs.repository, rules.repository);
  const [owner = '', name = ''] = repo.split('/');
  const branchName = optional(inputs.branch);
  const config: SetupConfig = {
    projectId: project,
    region: check('region', inputs.region, rules.region),
    owner,
    name,
    repository: repo,
    repositoryId: check(
      'repository-id',
      inputs.repositoryId,
      rules.numericId('repository', 'GET /repos/OWNER/NAME → .id'),
    ),
    repositoryOwnerId: check(
      'repository-owner-id',
      inputs.repositoryOwnerId,
      rules.numericId('owner', 'GET /repos/OWNER/NAME → .owner.id'),
    ),
    environment: named(
      'environment',
      inputs.environment,
      SETUP_DEFAULTS.environment,
      rules.environment,
    ),
    branch: branchName === undefined ? undefined : check('branch', branchName, rules.branch),
    bucket: checkBucket ? check('bucket', bucketName, rules.bucket) : bucketName,
    dockerRepository: named(
      'docker-repository',
      inputs.dockerRepository,
      SETUP_DEFAULTS.dockerRepository,
      rules.repositoryId,
    ),
    kfpRepository: named(
      'kfp-repository',
      inputs.kfpRepository,
      SETUP_DEFAULTS.kfpRepository,
      rules.repositoryId,
    ),
    trainingServiceAccount: named(
      'training-service-account',
      inputs.trainingServiceAccount,
      SETUP_DEFAULTS.trainingServiceAccount,
      rules.serviceAccountId,
    ),
    deployServiceAccount: named(
      'deploy-service-account',
      inputs.deployServiceAccount,
      SETUP_DEFAULTS.deployServiceAccount,
      rules.serviceAccountId,
    ),
    pipelineServiceAccount: named(
      'pipeline-service-account',
      inputs.pipelineServiceAccount,
      SETUP_DEFAULTS.pipelineServiceAccount,
      rules.serviceAccountId,
    ),
    pool: named('pool', inputs.pool, SETUP_DEFAULTS.pool, rules.poolId),
    provider: named('provider', inputs.provider, SETUP_DEFAULTS.provider, rules.poolId),
    ...(inputs.providerProjectNumber
      ? { providerProjectNumber: inputs.providerProjectNumber }
      : {}),
  };
  crossChecks(config, problems);
  if (problems.length === 1 && problems[0]) {
    const [only] = problems;
    throw new UserError(`${only.input}: ${only.problem}`, { fix: only.fix });
  }
  if (problems.length > 1)
    throw new UserError(`${problems.length} inputs of ${command} are invalid`, {
      details: problems.map((p) => `${p.input}: ${p.problem}. Fix: ${p.fix}`),
      fix: 'Correct each input listed above.',
    });
  return config;
}

/** Rules across inputs: the separation of training and deploy rests on distinct accounts. */
function crossChecks(config: SetupConfig, problems: Problem[]): void {
  const accounts = [
    config.trainingServiceAccount,
    config.deployServiceAccount,
    config.pipelineServiceAccount,
  ];
  if (new Set(accounts).size < accounts.length)
    problems.push({
      input: 'service accounts',
      problem: `the training, deploy and pipeline accounts must differ (${accounts.join(', ')})`,
      fix: 'Give each its own id: a training job must not be able to act as the deploy account.',
    });
  if (config.dockerRepository === config.kfpRepository)
    problems.push({
      input: 'kfp-repository',
      problem: `"${config.kfpRepository}" is also the docker repository`,
      fix: 'A repository has one format: give the Kubeflow Pipelines repository its own id.',
    });
  // Google refuses a mapped attribute over 127 bytes (auth TROUBLESHOOTING); the subject is the longest.
  const subject = `repo:${config.repository}:environment:${config.environment}`;
  if (new TextEncoder().encode(subject).length > 127)
    problems.push({
      input: 'environment',
      problem: `the deploy subject "${excerpt(subject, 80)}" is over Google's 127-byte limit for mapped attributes`,
      fix: 'Use a shorter environment name.',
    });
}
