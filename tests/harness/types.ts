import type { TokenGrant } from '../emulators/github-api.js';
import type { Permissions } from './permissions.js';

/** The caller's repository: a local git repository standing in for the one on GitHub. */
export interface RepositoryUnderTest {
  readonly dir: string;
  /** owner/name (GITHUB_REPOSITORY). */
  readonly fullName: string;
  /** The commit the event is for (GITHUB_SHA): workflow files are read and checked out at it. */
  readonly sha: string;
  /** GITHUB_REF, e.g. refs/heads/main or refs/pull/12/merge. */
  readonly ref: string;
  readonly defaultBranch: string;
}

export type EventName = 'pull_request' | 'push' | 'workflow_dispatch' | 'schedule';

export interface WorkflowEvent {
  readonly name: EventName;
  /** The webhook payload (GITHUB_EVENT_PATH, github.event); repository and sender are filled in. */
  readonly payload?: Record<string, unknown>;
}

/** A deployment environment's variables and secrets, seen only by jobs that declare it. */
export interface EnvironmentConfig {
  readonly vars?: Readonly<Record<string, string>>;
  readonly secrets?: Readonly<Record<string, string>>;
}

/** The GitHub API each job's GITHUB_TOKEN is registered with: the emulator satisfies it. */
export interface GitHubService {
  readonly url: string;
  addToken(token: string, grant: TokenGrant): void;
}

/** The OIDC token service (ACTIONS_ID_TOKEN_REQUEST_URL/TOKEN), e.g. the auth emulators' `oidc`. */
export interface OidcService {
  readonly requestUrl: string;
  readonly requestToken: string;
  /**
   * A request token whose ID tokens carry one job's claims (sub, environment, ref, event...), as
   * GitHub issues per job. Without it every job gets `requestToken` and the service's own claims.
   */
  requestTokenFor?(claims: Readonly<Record<string, string>>): string;
}

export interface RunWorkflowOptions {
  readonly repository: RepositoryUnderTest;
  /** The workflow file, relative to the repository root (read at `repository.sha`). */
  readonly workflow: string;
  readonly event: WorkflowEvent;
  /** workflow_dispatch inputs, typed as a dispatch would send them. */
  readonly inputs?: Readonly<Record<string, string | boolean | number>>;
  /** Organization and repository variables (`vars`). */
  readonly vars?: Readonly<Record<string, string>>;
  /** Organization and repository secrets (`secrets`). */
  readonly secrets?: Readonly<Record<string, string>>;
  readonly environments?: Readonly<Record<string, EnvironmentConfig>>;
  /** Without it GITHUB_API_URL is a port nothing listens on. */
  readonly github?: GitHubService;
  readonly oidc?: OidcService;
  /** Added to every step's environment: "the network", e.g. MLOPS_STS_ENDPOINT. */
  readonly extraEnv?: Readonly<Record<string, string>>;
  /** owner/name under which this repository's action and reusable workflows are referenced. */
  readonly actionRepository: string;
  /** The repository's default GITHUB_TOKEN permissions (GitHub's default for new repositories: restricted). */
  readonly defaultPermissions?: 'restricted' | 'permissive';
  readonly actor?: string;
  readonly runId?: number;
}

export type JobResult = 'success' | 'failure' | 'skipped' | 'cancelled';
export type StepOutcome = 'success' | 'failure' | 'skipped';
/** How an action or reusable workflow is pinned: GitHub resolves a tag, a full SHA or a local path. */
export type Pin = 'sha' | 'tag' | 'local';

export interface StepRun {
  /** The step's `id`, or the runner's generated one (`__run`, `__actions_checkout`…). */
  readonly id: string;
  readonly name: string;
  readonly uses?: string;
  readonly pin?: Pin;
  readonly outcome: StepOutcome;
  /** The outcome after continue-on-error. */
  readonly conclusion: StepOutcome;
  readonly outputs: Readonly<Record<string, string>>;
  /** What the step printed, masked, without the workflow commands the runner swallows. */
  readonly log: string;
}

export interface JobRun {
  /** The job id; a called workflow's jobs are `<caller job>/<job>`, a matrix instance `<job> (a, b)`. */
  readonly id: string;
  readonly name: string;
  readonly result: JobResult;
  readonly outputs: Readonly<Record<string, string>>;
  readonly steps: readonly StepRun[];
  /** Every step's GITHUB_STEP_SUMMARY, in order. */
  readonly summary: string;
  /** The job's GITHUB_TOKEN permissions (for a reusable workflow call: the ceiling it passes on). */
  readonly permissions: Permissions;
  readonly environment?: string;
  readonly concurrency?: string;
  /** For a reusable workflow call: the `uses:` and its pin. */
  readonly uses?: string;
  readonly pin?: Pin;
  readonly log: string;
}

export interface Artifact {
  readonly id: number;
  readonly name: string;
  /** Where the harness keeps the files. */
  readonly dir: string;
  /** Paths inside the artifact, '/'-separated, sorted. */
  readonly files: readonly string[];
}

export interface Annotation {
  readonly level: 'error' | 'warning' | 'notice';
  readonly message: string;
  readonly job?: string;
  readonly step?: string;
}

export interface WorkflowRun {
  readonly conclusion: 'success' | 'failure';
  /** Why the run could not start (an invalid workflow file, a permission a called job may not have…). */
  readonly errors: readonly string[];
  /** Every job in the order it ran, including called workflows' jobs. */
  readonly jobs: ReadonlyMap<string, JobRun>;
  readonly artifacts: ReadonlyMap<string, Artifact>;
  readonly annotations: readonly Annotation[];
  /** The whole run as the runner would log it (masked), also written to `transcript`. */
  readonly log: string;
  readonly transcript: string;
}
