/**
 * One call that starts GitHub OIDC + Google STS + IAM Credentials wired together the way a real
 * GitHub → Google workload identity federation setup is: a provider trusting the GitHub issuer
 * and a service account that the repository's principalSet may impersonate. Either the
 * emulators hold that provider and account themselves (AuthEmulatorsConfig), or they find them
 * in a GcpWorld that `setup gcp` fills (world mode, WorldAuthEmulatorsConfig).
 */
import { SETUP_DEFAULTS, serviceAccountEmail } from '../../src/core/gcp-setup/setup-inputs.js';
import type { GcpWorld } from './gcp-setup-state.js';
import { startGitHubOidc, type GitHubOidcConfig, type GitHubOidcEmulator } from './github-oidc.js';
import {
  AccessTokenStore,
  principalSetForAttribute,
  ProviderRegistry,
  providerResourceName,
  startGoogleSts,
  stsAudience,
  TOKEN_TYPE_JWT,
  type AccessTokenValidation,
  type ProviderDirectory,
  type WorkloadIdentityProviderConfig,
} from './google-sts.js';
import { Clock, FaultInjector, RequestLog } from './http-server.js';
import {
  ServiceAccountRegistry,
  startIamCredentials,
  WORKLOAD_IDENTITY_USER,
  type IamCredentialsEmulator,
  type ServiceAccountConfig,
  type ServiceAccountDirectory,
} from './iam-credentials.js';
import type { Jwks } from './jwt.js';
import { worldProviders, worldServiceAccounts } from './world-identity.js';

/** What both modes take. */
interface CommonConfig {
  /** Default `github`. */
  pool?: string;
  /** Default `mlops`. */
  provider?: string;
  /** Default `acme/ml`: the repository the OIDC token is issued for and the SA trusts. */
  repository?: string;
  /**
   * The default SA. Default `pipelines@acme-ml.iam.gserviceaccount.com`; in world mode, setup's
   * training account (`mlops-training@<projectId>.iam.gserviceaccount.com`).
   */
  serviceAccount?: string;
  /** Overrides of the GitHub token service (issuer, ref, lifetime, claims...). */
  github?: Omit<GitHubOidcConfig, 'repository'>;
  /** Every service-account access token is this value (for a registry whose htpasswd holds it). */
  serviceAccountTokenValue?: string;
  /** Share these with other emulators (Vertex AI...) so one clock/log/fault plan drives all. */
  clock?: Clock;
  faults?: FaultInjector;
  requests?: RequestLog;
}

export interface AuthEmulatorsConfig extends CommonConfig {
  /** Default `123456789012`. */
  projectNumber?: string;
  /** Overrides of the default provider (condition, mapping, audiences, disabled). */
  providerOverrides?: Partial<Omit<WorkloadIdentityProviderConfig, 'name'>>;
  /** More providers besides the default one. */
  extraProviders?: WorkloadIdentityProviderConfig[];
  /** Replaces the default SA list (default: the one SA bound to the repository principalSet). */
  serviceAccounts?: ServiceAccountConfig[];
}

/**
 * World mode: providers and service accounts are those of a GcpWorld (the state `setup gcp`
 * fills through the set-up emulators), looked up on every call (world-identity.ts), so what
 * setup made, and what a test breaks afterwards, decides. The project must exist; its number is
 * the pool's. GitHub tokens carry GitHub's real issuer (unless `github.issuer` says otherwise),
 * whose keys STS finds at the OIDC emulator, as OIDC discovery would.
 */
export interface WorldAuthEmulatorsConfig extends CommonConfig {
  world: { world: GcpWorld; projectId: string };
}

export interface ExternalAccountFileOptions {
  /** SA to impersonate; `null` for direct WIF. Default: the default SA. */
  serviceAccount?: string | null;
  /** Provider resource name. Default: the default provider. */
  provider?: string;
  /** Audience of the GitHub token. Default `https://iam.googleapis.com/<provider>`. */
  oidcAudience?: string;
  /** The job whose tokens the file fetches (`oidc.requestTokenFor`). Default the base claims'. */
  requestToken?: string;
}

/** What both modes serve. */
export interface AuthEmulatorsBase {
  oidc: {
    /** ACTIONS_ID_TOKEN_REQUEST_URL */
    requestUrl: string;
    /** ACTIONS_ID_TOKEN_REQUEST_TOKEN */
    requestToken: string;
    /** A job's own request token, whose tokens carry its claims (the harness asks per job). */
    requestTokenFor: GitHubOidcEmulator['requestTokenFor'];
    issuer: string;
    jwks: () => Jwks;
    emulator: GitHubOidcEmulator;
  };
  /** `token_url`: `http://127.0.0.1:<port>/v1/token`. */
  stsEndpoint: string;
  /** Base URL standing in for `https://iamcredentials.googleapis.com`. */
  iamCredentialsEndpoint: string;
  iamCredentials: IamCredentialsEmulator;
  projectNumber: string;
  pool: string;
  /** Full resource name of the default provider. */
  provider: string;
  /** `//iam.googleapis.com/<provider>`, the STS audience. */
  providerAudience: string;
  serviceAccount: string;
  /** The principalSet the default SA trusts (setup binds it to its training account). */
  repositoryPrincipalSet: string;
  faults: FaultInjector;
  clock: Clock;
  requests: RequestLog;
  /** For other emulators: is this bearer a live token, and whose? */
  validateAccessToken: (token: string) => AccessTokenValidation;
  /** `env` a GitHub job would have with `permissions: id-token: write`. */
  actionsEnv: () => Record<
    'ACTIONS_ID_TOKEN_REQUEST_URL' | 'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
    string
  >;
  /** The external_account credentials JSON google-github-actions/auth writes, pointed here. */
  externalAccountCredentials: (options?: ExternalAccountFileOptions) => Record<string, unknown>;
  close: () => Promise<void>;
}

export interface AuthEmulators extends AuthEmulatorsBase {
  providers: ProviderRegistry;
  serviceAccounts: ServiceAccountRegistry;
}

export interface WorldAuthEmulators extends AuthEmulatorsBase {
  world: GcpWorld;
  projectId: string;
}

export function startAuthEmulators(config: WorldAuthEmulatorsConfig): Promise<WorldAuthEmulators>;
export function startAuthEmulators(config?: AuthEmulatorsConfig): Promise<AuthEmulators>;
export async function startAuthEmulators(
  config: AuthEmulatorsConfig | WorldAuthEmulatorsConfig = {},
): Promise<AuthEmulators | WorldAuthEmulators> {
  if ('world' in config) {
    const { world, projectId } = config.world;
    const project = world.project(projectId);
    if (!project) throw new Error(`startAuthEmulators: the world has no project ${projectId}`);
    const { base } = await startFederation(
      config,
      {
        projectNumber: project.number,
        serviceAccount: serviceAccountEmail(SETUP_DEFAULTS.trainingServiceAccount, projectId),
      },
      (oidc) => ({
        providers: worldProviders(world, { [oidc.issuer]: oidc.jwksUri }),
        serviceAccounts: worldServiceAccounts(world),
      }),
    );
    return { ...base, world, projectId };
  }
  const { base, directories } = await startFederation(
    config,
    {
      projectNumber: config.projectNumber ?? '123456789012',
      serviceAccount: 'pipelines@acme-ml.iam.gserviceaccount.com',
    },
    (oidc, names) => registries(config, oidc, names),
  );
  return { ...base, ...directories };
}

/** The names the hand-configured provider and account are made with. */
interface FederationNames {
  repository: string;
  serviceAccount: string;
  provider: string;
  repositoryPrincipalSet: string;
}

/** The hand-configured provider and service accounts (AuthEmulatorsConfig). */
function registries(
  config: AuthEmulatorsConfig,
  oidc: GitHubOidcEmulator,
  names: FederationNames,
): { providers: ProviderRegistry; serviceAccounts: ServiceAccountRegistry } {
  const providers = new ProviderRegistry();
  providers.add({
    name: names.provider,
    issuerUri: oidc.issuer,
    jwksUri: oidc.jwksUri,
    // docs/google-cloud.md's mapping (subject, repository, ref), plus the attributes other
    // bindings the tests try use (repository_owner, environment).
    attributeMapping: {
      'google.subject': 'assertion.sub',
      'attribute.repository': 'assertion.repository',
      'attribute.repository_owner': 'assertion.repository_owner',
      'attribute.ref': 'assertion.ref',
      'attribute.environment': 'assertion.environment',
    },
    attributeCondition: `assertion.repository == '${names.repository}'`,
    ...config.providerOverrides,
  });
  for (const extra of config.extraProviders ?? []) providers.add(extra);

  const serviceAccounts = new ServiceAccountRegistry();
  for (const account of config.serviceAccounts ?? [
    {
      email: names.serviceAccount,
      bindings: [{ role: WORKLOAD_IDENTITY_USER, members: [names.repositoryPrincipalSet] }],
    },
  ])
    serviceAccounts.add(account);
  return { providers, serviceAccounts };
}

/** GitHub OIDC, STS and IAM Credentials over the directories `directoriesFor` gives. */
async function startFederation<
  D extends { providers: ProviderDirectory; serviceAccounts: ServiceAccountDirectory },
>(
  config: CommonConfig,
  defaults: { projectNumber: string; serviceAccount: string },
  directoriesFor: (oidc: GitHubOidcEmulator, names: FederationNames) => D,
): Promise<{ base: AuthEmulatorsBase; directories: D }> {
  const { projectNumber } = defaults;
  const pool = config.pool ?? 'github';
  const repository = config.repository ?? 'acme/ml';
  const serviceAccount = config.serviceAccount ?? defaults.serviceAccount;
  const provider = providerResourceName(projectNumber, pool, config.provider ?? 'mlops');
  const clock = config.clock ?? new Clock();
  const faults = config.faults ?? new FaultInjector();
  const requests = config.requests ?? new RequestLog();
  const shared = { clock, faults, log: requests };
  const tokens = new AccessTokenStore(clock);
  const repositoryPrincipalSet = principalSetForAttribute(
    projectNumber,
    pool,
    'repository',
    repository,
  );

  const started: Array<{ close(): Promise<void> }> = [];
  const closeAll = async () => {
    await Promise.allSettled(started.splice(0).map((s) => s.close()));
  };
  try {
    const oidc = await startGitHubOidc({ ...config.github, repository, ...shared });
    started.push(oidc);
    const directories = directoriesFor(oidc, {
      repository,
      serviceAccount,
      provider,
      repositoryPrincipalSet,
    });

    const sts = await startGoogleSts({ providers: directories.providers, tokens, ...shared });
    started.push(sts);
    const iamCredentials = await startIamCredentials({
      serviceAccounts: directories.serviceAccounts,
      tokens,
      ...shared,
      ...(config.serviceAccountTokenValue
        ? { accessTokenValue: config.serviceAccountTokenValue }
        : {}),
    });
    started.push(iamCredentials);

    const base: AuthEmulatorsBase = {
      oidc: {
        requestUrl: oidc.requestUrl,
        requestToken: oidc.requestToken,
        requestTokenFor: oidc.requestTokenFor,
        issuer: oidc.issuer,
        jwks: oidc.jwks,
        emulator: oidc,
      },
      stsEndpoint: sts.tokenEndpoint,
      iamCredentialsEndpoint: iamCredentials.endpoint,
      iamCredentials,
      projectNumber,
      pool,
      provider,
      providerAudience: stsAudience(provider),
      serviceAccount,
      repositoryPrincipalSet,
      faults,
      clock,
      requests,
      validateAccessToken: (token) => tokens.validate(token),
      actionsEnv: () => ({
        ACTIONS_ID_TOKEN_REQUEST_URL: oidc.requestUrl,
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: oidc.requestToken,
      }),
      externalAccountCredentials: (options = {}) => {
        const target = options.provider ?? provider;
        const sa = options.serviceAccount === undefined ? serviceAccount : options.serviceAccount;
        const url = new URL(oidc.requestUrl);
        url.searchParams.set(
          'audience',
          options.oidcAudience ?? `https://iam.googleapis.com/${target}`,
        );
        return {
          type: 'external_account',
          audience: stsAudience(target),
          subject_token_type: TOKEN_TYPE_JWT,
          token_url: sts.tokenEndpoint,
          credential_source: {
            url: url.toString(),
            headers: { Authorization: `Bearer ${options.requestToken ?? oidc.requestToken}` },
            format: { type: 'json', subject_token_field_name: 'value' },
          },
          ...(sa
            ? { service_account_impersonation_url: iamCredentials.generateAccessTokenUrl(sa) }
            : {}),
        };
      },
      close: closeAll,
    };
    return { base, directories };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
