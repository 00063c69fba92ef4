import { remoteRepository } from '../adapters/git.js';
import { lookUpRepository } from '../adapters/github/repository-identity.js';
import { RemoteFailure, UserError } from '../core/errors.js';
import {
  resolveSetupInputs,
  SETUP_DEFAULTS,
  type SetupConfig,
  type SetupInputs,
} from '../core/gcp-setup/setup-inputs.js';
import type { CommandContext, InputDefinition, RawInputs } from './command.js';
import { projectInput } from './google-inputs.js';

/**
 * The inputs `setup gcp` and `doctor` share: which project, which GitHub repository, and the
 * names of what setup makes. Doctor takes the same names, so it checks exactly what setup made;
 * both also take the forms the workflows' variables hold (an account's email, a pipeline root,
 * a provider's full name), so a workflow can pass `vars.*` as they are.
 */

export const GCP_PROJECT_INPUTS: readonly InputDefinition[] = [
  {
    name: 'project-id',
    description:
      'Google Cloud: the project ID. Defaults to the project the auth step exported (GOOGLE_CLOUD_PROJECT).',
    kind: 'string',
    valueName: 'ID',
  },
  {
    name: 'region',
    description: 'Google Cloud: the Vertex AI region, also of the bucket and repositories.',
    kind: 'string',
    valueName: 'REGION',
  },
  {
    name: 'repository',
    description:
      'Google Cloud: the GitHub repository Google will trust, OWNER/NAME. Defaults to the workflow\'s repository (the CLI: the git remote "origin").',
    kind: 'string',
    valueName: 'OWNER/NAME',
  },
  {
    name: 'repository-id',
    description:
      "Google Cloud: GitHub's numeric id of the repository. Read from GitHub (or GITHUB_REPOSITORY_ID) when not given.",
    kind: 'string',
    valueName: 'ID',
  },
  {
    name: 'repository-owner-id',
    description:
      "Google Cloud: GitHub's numeric id of the repository's owner. Read from GitHub (or GITHUB_REPOSITORY_OWNER_ID) when not given.",
    kind: 'string',
    valueName: 'ID',
  },
  {
    name: 'environment',
    description: `Google Cloud: the GitHub environment of deploy jobs; only its jobs may act as the deploy account. Default: ${SETUP_DEFAULTS.environment}.`,
    kind: 'string',
    valueName: 'NAME',
  },
  {
    name: 'branch',
    description:
      'Google Cloud: admit only tokens of this branch (pull-request runs are then refused). Default: any ref.',
    kind: 'string',
    valueName: 'BRANCH',
  },
  {
    name: 'bucket',
    description:
      'Google Cloud: the bucket of pipeline roots (a name or gs:// URI). Default: PROJECT-mlops.',
    kind: 'string',
    valueName: 'BUCKET',
  },
  {
    name: 'docker-repository',
    description: `Google Cloud: the Artifact Registry Docker repository of the images. Default: ${SETUP_DEFAULTS.dockerRepository}.`,
    kind: 'string',
    valueName: 'ID',
  },
  {
    name: 'kfp-repository',
    description: `Google Cloud: the Artifact Registry Kubeflow Pipelines repository of templates. Default: ${SETUP_DEFAULTS.kfpRepository}.`,
    kind: 'string',
    valueName: 'ID',
  },
  {
    name: 'training-service-account',
    description: `Google Cloud: the account workflows train as (an id or its email); it cannot deploy. Default: ${SETUP_DEFAULTS.trainingServiceAccount}.`,
    kind: 'string',
    valueName: 'ID',
  },
  {
    name: 'deploy-service-account',
    description: `Google Cloud: the account deploy jobs act as (an id or its email). Default: ${SETUP_DEFAULTS.deployServiceAccount}.`,
    kind: 'string',
    valueName: 'ID',
  },
  {
    name: 'pipeline-service-account',
    description: `Google Cloud: the account Vertex AI pipeline runs act as (an id or its email). Default: ${SETUP_DEFAULTS.pipelineServiceAccount}.`,
    kind: 'string',
    valueName: 'ID',
  },
  {
    name: 'pool',
    description: `Google Cloud: the workload identity pool id. Default: ${SETUP_DEFAULTS.pool}.`,
    kind: 'string',
    valueName: 'ID',
  },
  {
    name: 'provider',
    description: `Google Cloud: the workload identity provider id (or its full resource name, which names the pool too). Default: ${SETUP_DEFAULTS.provider}.`,
    kind: 'string',
    valueName: 'ID',
  },
  {
    name: 'github-token',
    description:
      'Google Cloud: a GitHub token, to read a private repository\'s ids (and, for setup, to write the workflow values as repository variables: "Variables: write"). The CLI also reads GH_TOKEN or GITHUB_TOKEN.',
    kind: 'string',
    valueName: 'TOKEN',
    secret: true,
  },
];

/** The inputs as given: the repository and its ids may still have to be found. */
export interface GcpProjectRequest {
  readonly inputs: Omit<SetupInputs, 'repository' | 'repositoryId' | 'repositoryOwnerId'> & {
    readonly repository: string | undefined;
    readonly repositoryId: string | undefined;
    readonly repositoryOwnerId: string | undefined;
  };
  readonly githubToken: string | undefined;
}

/** Stand-ins for what planning finds, so the names are checked before anything is asked. */
const PLACEHOLDER = { repository: 'owner/name', repositoryId: '1', repositoryOwnerId: '1' };

/**
 * Parses and checks every name (pure): a malformed one is refused before any call to GitHub or
 * Google. The repository, when given, is checked too; its ids are found by planGcpProject.
 */
export function parseGcpProjectRequest(
  raw: RawInputs,
  context: CommandContext,
  command: string,
): GcpProjectRequest {
  const text = (name: string): string | undefined => raw.string(name)?.trim() || undefined;
  const token = text('github-token') ?? (context.env.GH_TOKEN || context.env.GITHUB_TOKEN);
  if (token) context.host.maskSecret(token, 'github-token');
  const project = projectInput(raw, context);
  if (!project)
    throw new UserError(`${command} needs a project`, {
      fix: 'Set project-id (the project ID, as gcloud projects list shows it).',
    });
  const region = text('region');
  if (!region)
    throw new UserError(`${command} needs a region`, {
      fix: 'Set region to the Vertex AI region, e.g. us-central1 or europe-west4.',
    });
  const inputs: GcpProjectRequest['inputs'] = {
    projectId: project,
    region,
    repository: text('repository') ?? context.env.GITHUB_REPOSITORY,
    repositoryId: text('repository-id'),
    repositoryOwnerId: text('repository-owner-id'),
    environment: text('environment'),
    branch: text('branch'),
    bucket: text('bucket'),
    dockerRepository: text('docker-repository'),
    kfpRepository: text('kfp-repository'),
    trainingServiceAccount: text('training-service-account'),
    deployServiceAccount: text('deploy-service-account'),
    pipelineServiceAccount: text('pipeline-service-account'),
    pool: text('pool'),
    provider: text('provider'),
  };
  resolveSetupInputs(
    {
      ...inputs,
      repository: inputs.repository ?? PLACEHOLDER.repository,
      repositoryId: inputs.repositoryId ?? PLACEHOLDER.repositoryId,
      repositoryOwnerId: inputs.repositoryOwnerId ?? PLACEHOLDER.repositoryOwnerId,
    },
    command,
  );
  return { inputs, githubToken: token || undefined };
}

/**
 * The planning phase: the repository (input, the workflow's, or the git remote), its canonical
 * name and numeric ids (inputs, the workflow's own, or GitHub's API), then every name resolved.
 */
export async function planGcpProject(
  request: GcpProjectRequest,
  context: CommandContext,
  command: string,
): Promise<SetupConfig> {
  const { inputs } = request;
  const repository = inputs.repository ?? remoteRepository(context.cwd);
  if (!repository)
    throw new UserError(`${command} needs the GitHub repository Google Cloud will trust`, {
      fix: 'Set repository to OWNER/NAME (a workflow defaults to its own; the CLI reads the git remote "origin").',
    });
  const identity = await repositoryIdentity(repository, request, context);
  return resolveSetupInputs({ ...inputs, ...identity }, command);
}

async function repositoryIdentity(
  repository: string,
  request: GcpProjectRequest,
  context: CommandContext,
): Promise<Pick<SetupInputs, 'repository' | 'repositoryId' | 'repositoryOwnerId'>> {
  const { repositoryId, repositoryOwnerId } = request.inputs;
  if (repositoryId && repositoryOwnerId) return { repository, repositoryId, repositoryOwnerId };
  const { env } = context;
  // A workflow knows its own repository's ids; names compare without case, as GitHub's do.
  if (
    env.GITHUB_REPOSITORY?.toLowerCase() === repository.toLowerCase() &&
    env.GITHUB_REPOSITORY_ID &&
    env.GITHUB_REPOSITORY_OWNER_ID
  )
    return {
      repository: env.GITHUB_REPOSITORY,
      repositoryId: repositoryId ?? env.GITHUB_REPOSITORY_ID,
      repositoryOwnerId: repositoryOwnerId ?? env.GITHUB_REPOSITORY_OWNER_ID,
    };
  try {
    const found = await lookUpRepository(repository, {
      token: request.githubToken,
      apiUrl: env.GITHUB_API_URL,
    });
    return {
      repository: found.fullName,
      repositoryId: repositoryId ?? found.id,
      repositoryOwnerId: repositoryOwnerId ?? found.ownerId,
    };
  } catch (error) {
    if (!(error instanceof RemoteFailure)) throw error;
    throw new UserError(`${error.message}, to read the ids of ${repository}`, {
      fix: 'Give repository-id and repository-owner-id (api.github.com/repos/OWNER/NAME shows them as .id and .owner.id), or run where GitHub is reachable.',
      cause: error,
    });
  }
}
