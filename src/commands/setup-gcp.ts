import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { applyPlan, type ApplyOptions } from '../adapters/gcp/project-setup/apply.js';
import { ArtifactRegistryRepositories } from '../adapters/gcp/project-setup/artifact-registry-repositories.js';
import {
  createSetupClients,
  setupEndpoints,
  setupTokenSource,
  type SetupClients,
} from '../adapters/gcp/project-setup/clients.js';
import { observeProject, readProjectNumber } from '../adapters/gcp/project-setup/observe.js';
import type { RepositoryRegistry } from '../adapters/gcp/project-setup/repositories.js';
import { UserError } from '../core/errors.js';
import {
  desiredState,
  workflowValues,
  type DesiredState,
} from '../core/gcp-setup/desired-state.js';
import { EMPTY_PROJECT } from '../core/gcp-setup/observed-state.js';
import { planSetup, type SetupPlan } from '../core/gcp-setup/plan.js';
import { renderPlanJson, renderPlanText } from '../core/gcp-setup/plan-render.js';
import type { SetupConfig } from '../core/gcp-setup/setup-inputs.js';
import { renderTerraform } from '../core/gcp-setup/terraform.js';
import { planSync } from '../core/secrets/sync-plan.js';
import {
  booleanInput,
  choiceInput,
  defineCommand,
  parseFields,
  type CommandContext,
} from './command.js';
import {
  GCP_PROJECT_INPUTS,
  parseGcpProjectRequest,
  planGcpProject,
  type GcpProjectRequest,
} from './gcp-project-inputs.js';
import { ACTION_TEXT, openSecretsStore, writeChanges, writeFailure } from './github-writes.js';

/**
 * `mlops setup gcp`: makes a Google Cloud project ready for the workflows, idempotently. It
 * reads what the project has (GETs only), prints the plan as a diff, then carries it out:
 * APIs, Workload Identity Federation that admits this repository only, the service accounts
 * with least-privilege grants, the bucket and repositories. It ends with the values the
 * workflows read, written as repository variables when it has a GitHub token.
 */

const COMMAND = 'setup gcp';
const FORMATS = ['text', 'json', 'terraform'] as const;
type Format = (typeof FORMATS)[number];

interface SetupRequest {
  readonly project: GcpProjectRequest;
  readonly dryRun: boolean;
  readonly format: Format;
  /** Where the JSON plan or the Terraform goes; the log when unset. */
  readonly output: string | undefined;
}

export const setupGcpCommand = defineCommand<SetupRequest>({
  name: 'setup-gcp',
  summary:
    'Set up a Google Cloud project for the workflows: APIs, Workload Identity Federation that admits this repository only, least-privilege service accounts, bucket and repositories. Prints the plan, then applies what is missing.',
  inputs: [
    ...GCP_PROJECT_INPUTS,
    {
      name: 'dry-run',
      description:
        'Setup: print the plan and change nothing. Without Google credentials, plans against an empty project.',
      kind: 'boolean',
      default: 'false',
    },
    {
      name: 'format',
      description:
        'Setup: the plan as a diff (text, the default), as API calls (json), or as Terraform resources to apply yourself (terraform: nothing is changed).',
      kind: 'string',
      choices: FORMATS,
    },
    {
      name: 'output',
      description: 'Setup: write the json plan or the Terraform to this file instead of the log.',
      kind: 'string',
      valueName: 'FILE',
    },
  ],
  outputs: [
    {
      name: 'workload-identity-provider',
      description: 'The provider resource name, for the auth step.',
    },
    { name: 'service-account', description: 'The training service account.' },
    { name: 'deploy-service-account', description: 'The deploy service account.' },
    { name: 'pipeline-service-account', description: 'The account pipeline runs act as.' },
    { name: 'pipeline-root', description: 'gs:// folder for pipeline runs.' },
    { name: 'changes', description: 'How many changes the plan held (0: already set up).' },
  ],
  parseInputs(raw, context) {
    return parseFields(COMMAND, {
      project: () => parseGcpProjectRequest(raw, context, COMMAND),
      dryRun: () => booleanInput(raw, 'dry-run'),
      format: () => choiceInput(raw, 'format', FORMATS, 'text'),
      output: () => raw.string('output')?.trim() || undefined,
    });
  },
  async run(request, context) {
    const { ui } = context;
    const config = await planGcpProject(request.project, context, COMMAND);
    if (request.format === 'terraform') {
      await emit(request, context, renderTerraform(config), 'Terraform');
      ui.info(
        'Nothing was changed in Google Cloud: run terraform init and terraform apply on it (its grants are additive).',
      );
      return { outputs: { changes: '0' } };
    }

    const token = setupTokenSource(context.env);
    if (!(await token())) {
      if (!request.dryRun)
        throw new UserError('No Google credentials to set up the project with', {
          fix: 'Sign in as a project Owner (gcloud auth application-default login, or GOOGLE_OAUTH_ACCESS_TOKEN=$(gcloud auth print-access-token)), or use --dry-run to see the plan first.',
        });
      ui.warning(
        'No Google credentials: this plan is against an empty project (the project number shows as PROJECT_NUMBER). Sign in to plan against what the project has.',
      );
      const desired = desiredState(config);
      const plan = planSetup(desired, EMPTY_PROJECT);
      await showPlan(request, context, plan);
      await finish(context, desired, request);
      return { outputs: { ...valueOutputs(desired), changes: String(plan.actions.length) } };
    }

    const google = await connect(config, context, token);
    try {
      return await setUp(request, context, config, google);
    } finally {
      await google.close();
    }
  },
});

interface GoogleSession {
  readonly clients: SetupClients;
  readonly repositories: RepositoryRegistry;
  close(): Promise<void>;
}

async function connect(
  config: SetupConfig,
  context: CommandContext,
  token: () => Promise<string | undefined>,
): Promise<GoogleSession> {
  const clients = await createSetupClients({ token, endpoints: setupEndpoints(context.env) });
  const repositories = await ArtifactRegistryRepositories.connect({
    project: config.projectId,
    env: context.env,
    token,
  });
  return { clients, repositories, close: () => repositories.close() };
}

async function setUp(
  request: SetupRequest,
  context: CommandContext,
  config: SetupConfig,
  google: GoogleSession,
) {
  const { ui } = context;
  const survey = async (): Promise<{ desired: DesiredState; plan: SetupPlan }> => {
    const number = await readProjectNumber(google.clients, config.projectId);
    const desired = desiredState(config, number);
    const observed = await observeProject(google.clients, desired, {
      repositories: google.repositories,
    });
    return { desired, plan: planSetup(desired, observed) };
  };
  let { desired, plan } = await ui.group(`Read project ${config.projectId}`, survey);
  await showPlan(request, context, plan);
  const changes = plan.actions.length;
  if (request.dryRun || changes === 0) {
    if (request.dryRun && changes > 0) ui.info('Dry run: nothing was changed.');
    await finish(context, desired, request);
    return { outputs: { ...valueOutputs(desired), changes: String(changes) } };
  }

  const options: ApplyOptions = {
    repositories: google.repositories,
    onRetry: (message) => ui.info(message),
    ...(context.signal ? { signal: context.signal } : {}),
  };
  const progress = (total: number) => (action: SetupPlan['actions'][number], index: number) =>
    ui.info(`[${index + 1}/${total}] ${action.method} ${action.resource}`);
  // A disabled API hides what it holds: enable the APIs first, then read the project again.
  const enabling = plan.actions.filter((action) => action.method === 'services.batchEnable');
  if (enabling.length > 0) {
    await ui.group('Enable the APIs', () =>
      applyPlan(google.clients, config.projectId, enabling, {
        ...options,
        onAction: progress(enabling.length),
      }),
    );
    ({ desired, plan } = await ui.group(`Read project ${config.projectId} again`, survey));
  }
  const { actions } = plan;
  await ui.group(`Apply ${actions.length} changes`, () =>
    applyPlan(google.clients, config.projectId, actions, {
      ...options,
      onAction: progress(actions.length),
    }),
  );
  ui.info(`Project ${config.projectId} is set up. A second run changes nothing.`);
  await finish(context, desired, request);
  return { outputs: { ...valueOutputs(desired), changes: String(changes) } };
}

/** The plan in the format asked for: the diff in the log, or JSON in the log or a file. */
async function showPlan(request: SetupRequest, context: CommandContext, plan: SetupPlan) {
  if (request.format === 'json') await emit(request, context, renderPlanJson(plan), 'The plan');
  else for (const line of renderPlanText(plan).split('\n')) context.ui.info(line);
}

async function emit(request: SetupRequest, context: CommandContext, text: string, what: string) {
  if (!request.output) {
    context.ui.info(text);
    return;
  }
  const file = path.resolve(context.cwd, request.output);
  await writeFile(file, text.endsWith('\n') ? text : `${text}\n`);
  context.ui.info(`${what} is in ${path.relative(context.cwd, file) || file}`);
}

function valueOutputs(desired: DesiredState): Record<string, string> {
  const values = workflowValues(desired);
  return {
    'workload-identity-provider': values.GCP_WORKLOAD_IDENTITY_PROVIDER ?? '',
    'service-account': values.GCP_SERVICE_ACCOUNT ?? '',
    'deploy-service-account': values.GCP_DEPLOY_SERVICE_ACCOUNT ?? '',
    'pipeline-service-account': values.GCP_PIPELINE_SERVICE_ACCOUNT ?? '',
    'pipeline-root': values.GCP_PIPELINE_ROOT ?? '',
  };
}

/**
 * The workflows' values: a table, then written as repository variables through sync-secrets'
 * code when a GitHub token is at hand (not in a dry run).
 */
async function finish(context: CommandContext, desired: DesiredState, request: SetupRequest) {
  const { ui } = context;
  const values = workflowValues(desired);
  const token = request.project.githubToken;
  const { owner, name } = desired.config;
  const target = { level: 'repository', owner, repo: name } as const;
  const entries = Object.entries(values).map(([key, value], index) => ({
    name: key,
    value,
    line: index + 1,
  }));
  if (!token || request.dryRun) {
    ui.table(
      'Values for the workflows (repository variables)',
      ['Variable', 'Value'],
      entries.map((entry) => [entry.name, entry.value]),
    );
    if (!request.dryRun)
      ui.info(
        `Set them as variables of ${desired.config.repository} (Settings → Secrets and variables → Actions → Variables), or run again with a GitHub token that may write variables.`,
      );
    return;
  }
  const store = await openSecretsStore(target, token, context);
  const plan = planSync(
    entries,
    { include: [], exclude: [], variables: ['*'] },
    { secrets: [], variables: await store.variables() },
    undefined,
  );
  const outcome = await writeChanges(store, plan.changes, 4);
  ui.table(
    `Values for the workflows → variables of ${desired.config.repository}`,
    ['Variable', 'Value', 'Change'],
    plan.changes.map((change) => [
      change.name,
      change.value ?? '',
      outcome.done.get(change) ?? ACTION_TEXT[change.action],
    ]),
  );
  const failure = writeFailure(
    outcome,
    plan.changes.length,
    `the variables of ${desired.config.repository}`,
    'Google Cloud is set up: give a token that may write variables ("Variables: write") and run setup again, or set the values above by hand.',
  );
  if (failure) throw failure;
}
