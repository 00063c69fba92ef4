import {
  artifactRegistryClient,
  ArtifactRegistryRepositories,
} from '../adapters/gcp/project-setup/artifact-registry-repositories.js';
import {
  createSetupClients,
  setupEndpoints,
  setupTokenSource,
  type SetupClients,
} from '../adapters/gcp/project-setup/clients.js';
import { isPermissionDenied } from '../adapters/gcp/project-setup/google-errors.js';
import { observeProject, readProjectNumber } from '../adapters/gcp/project-setup/observe.js';
import {
  callerEmail,
  repositoryPermissions,
  testPermissions,
} from '../adapters/gcp/project-setup/permission-tests.js';
import {
  fetchGitHubOidcToken,
  gitHubOidcRequest,
  jwtClaims,
} from '../adapters/gcp/workload-identity-client.js';
import { runProcess } from '../adapters/process.js';
import { UserError } from '../core/errors.js';
import { desiredState } from '../core/gcp-setup/desired-state.js';
import { EMPTY_PROJECT, type ObservedState } from '../core/gcp-setup/observed-state.js';
import {
  callerOf,
  COMPONENT_MODULES,
  doctorChecks,
  failureSummary,
  permissionProbes,
} from '../core/gcp-setup/doctor-checks.js';
import type { CheckRow, LocalTools } from '../core/gcp-setup/doctor-facts.js';
import type { SetupConfig } from '../core/gcp-setup/setup-inputs.js';
import type { Claims } from '../core/gcp-setup/workload-identity.js';
import { defineCommand, parseFields, type CommandContext } from './command.js';
import {
  GCP_PROJECT_INPUTS,
  parseGcpProjectRequest,
  planGcpProject,
  type GcpProjectRequest,
} from './gcp-project-inputs.js';
import { PYTHON_INPUT, pythonInput } from './pipeline-inputs.js';

/**
 * `mlops doctor`: checks a project against what `setup gcp` would make of the same inputs,
 * without changing anything (GETs, getIamPolicy and testIamPermissions only), and the local
 * tools. The facts are gathered here; doctor-checks.ts judges them, one row per check.
 */

interface DoctorInputs {
  readonly request: GcpProjectRequest;
  readonly python: string;
}

const COMMAND = 'doctor';

export const doctorCommand = defineCommand<DoctorInputs>({
  name: COMMAND,
  summary:
    'Check a Google Cloud project and this machine before a run, read-only: APIs, workload identity, accounts, IAM grants, bucket, repositories, the caller’s permissions, the workflow token, Docker and Python; each failure with its fix.',
  inputs: [...GCP_PROJECT_INPUTS, PYTHON_INPUT],
  outputs: [
    { name: 'failed', description: 'How many checks failed.' },
    {
      name: 'report',
      description: 'Every check as JSON: [{check, result (pass|fail|warn|skip), detail, fix}].',
    },
  ],
  parseInputs: (raw, context) =>
    parseFields(COMMAND, {
      request: () => parseGcpProjectRequest(raw, context, COMMAND),
      python: () => pythonInput(raw, context),
    }),
  async run(inputs, context) {
    const config = await planGcpProject(inputs.request, context, COMMAND);
    const { env, ui } = context;
    const token = setupTokenSource(env);
    const firstToken = await token();
    if (!firstToken)
      throw new UserError('doctor found no Google credentials', {
        fix: 'Authenticate: on a workstation, gcloud auth application-default login (or GOOGLE_OAUTH_ACCESS_TOKEN=$(gcloud auth print-access-token)); in a workflow, the auth step before this one.',
      });
    context.host.maskSecret(firstToken, 'Google access token');
    const clients = await createSetupClients({ token, endpoints: setupEndpoints(env) });
    const registry = await artifactRegistryClient({ project: config.projectId, env, token });
    try {
      const rows = await ui.group('Read the project', async () => {
        const number = await projectNumber(clients, config);
        const desired = desiredState(config, number.value);
        const observe = async (): Promise<Observation> => {
          if (number.unreadable) return unreadableProject(number.unreadable);
          const repositories = new ArtifactRegistryRepositories(registry);
          return observeProject(clients, desired, { repositories }).then(
            (observed) => ({ observed }),
            unreadableProject,
          );
        };
        const [observation, email, claims, tools] = await Promise.all([
          observe(),
          callerEmail(env),
          workflowClaims(`https://iam.googleapis.com/${desired.provider.name}`, context),
          localTools(inputs.python, context),
        ]);
        const caller = callerOf(desired, email);
        const permissions = await testPermissions(
          clients,
          repositoryPermissions(registry),
          config.projectId,
          permissionProbes(
            desired,
            observation.unreadable === undefined ? observation.observed : undefined,
            caller,
          ),
        );
        return doctorChecks({
          desired,
          ...observation,
          caller,
          permissions,
          ...(claims ? { claims } : {}),
          tools,
        });
      });
      return report(rows, context);
    } finally {
      await registry.close();
    }
  },
});

/**
 * A refusal to read the project's configuration is a finding, not the end: the caller (a
 * workflow's training account) can still test its own permissions and token.
 */
/**
 * The project number, which names the provider and the service agents. A workflow's training
 * account may not read the project; the provider's full name (the workflow passes it) says it.
 */
async function projectNumber(
  clients: SetupClients,
  config: SetupConfig,
): Promise<{ value: string; unreadable?: UserError }> {
  try {
    return { value: await readProjectNumber(clients, config.projectId) };
  } catch (error) {
    const fallback = config.providerProjectNumber;
    if (fallback && error instanceof UserError && isPermissionDenied(error.cause))
      return { value: fallback, unreadable: error };
    throw error;
  }
}

interface Observation {
  readonly observed: ObservedState;
  readonly unreadable?: string;
}

function unreadableProject(error: unknown): Observation {
  if (error instanceof UserError && isPermissionDenied(error.cause))
    return { observed: EMPTY_PROJECT, unreadable: error.message };
  throw error;
}

/** The table (log and job summary), each fix on a line of its own to copy, and the outputs. */
function report(rows: readonly CheckRow[], { ui }: CommandContext) {
  ui.table(
    'Doctor',
    ['Check', 'Result', 'Detail', 'Fix'],
    rows.map((r) => [r.check, r.result, r.detail, r.fix]),
  );
  for (const r of rows.filter((r) => r.fix !== '' && r.result !== 'pass')) {
    const line = `${r.check} (${r.result}): ${r.fix}`;
    if (r.result === 'fail') ui.warning(line);
    else ui.info(line);
  }
  const failure = failureSummary(rows);
  const outputs = {
    failed: String(rows.filter((r) => r.result === 'fail').length),
    report: JSON.stringify(rows),
  };
  return failure ? { outputs, failure } : { outputs };
}

/**
 * In a workflow with `id-token: write`: the claims of a GitHub token for the provider's
 * audience, to check against its condition as Google will. The token is masked, never shown.
 */
async function workflowClaims(
  audience: string,
  { env, host }: CommandContext,
): Promise<Claims | undefined> {
  if (!env.ACTIONS_ID_TOKEN_REQUEST_URL || !env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) return undefined;
  const jwt = await fetchGitHubOidcToken(gitHubOidcRequest(env), audience);
  host.maskSecret(jwt, 'GitHub OIDC token');
  return jwtClaims(jwt);
}

/** Docker and buildx (for `build`) and whether `python` imports what the components import. */
async function localTools(
  python: string,
  { env, cwd, signal }: CommandContext,
): Promise<LocalTools> {
  // A docker engine that does not answer must not hold doctor up.
  const timeout = AbortSignal.timeout(PROBE_TIMEOUT_MS);
  const options = { env, cwd, signal: signal ? AbortSignal.any([signal, timeout]) : timeout };
  const succeeds = async (file: string, args: string[]) =>
    (await runProcess(file, args, options)).exitCode === 0;
  const [docker, buildx, imports] = await Promise.all([
    succeeds('docker', ['version', '--format', '{{.Server.Version}}']),
    succeeds('docker', ['buildx', 'version']),
    runProcess(python, ['-c', MISSING_MODULES, ...COMPONENT_MODULES], options),
  ]);
  return {
    docker,
    buildx,
    python,
    missingModules:
      imports.exitCode === 0 ? imports.stdout.split(/\s+/).filter(Boolean) : undefined,
  };
}

const PROBE_TIMEOUT_MS = 20_000;

/** Prints the modules of argv that cannot be found (find_spec runs none of their code). */
const MISSING_MODULES =
  'import importlib.util, sys; print(" ".join(m for m in sys.argv[1:] if importlib.util.find_spec(m) is None))';
