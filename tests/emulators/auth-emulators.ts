/**
 * One call that starts GitHub OIDC + Google STS + IAM Credentials wired together the way a real
 * GitHub → Google workload identity federation setup is: a provider trusting the GitHub issuer
 * and a service account that the repository's principalSet may impersonate.
 */
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
  type WorkloadIdentityProviderConfig,
} from './google-sts.js';
import { Clock, FaultInjector, RequestLog } from './http-server.js';
import {
  ServiceAccountRegistry,
  startIamCredentials,
  WORKLOAD_IDENTITY_USER,
  type IamCredentialsEmulator,
  type ServiceAccountConfig,
} from './iam-credentials.js';
import type { Jwks } from './jwt.js';

export interface AuthEmulatorsConfig {
  /** Default `123456789012`. */
  projectNumber?: string;
  /** Default `github`. */
  pool?: string;
  /** Default `mlops`. */
  provider?: string;
  /** Default `acme/ml`: the repository the OIDC token is issued for and the SA trusts. */
  repository?: string;
  /** Default `pipelines@acme-ml.iam.gserviceaccount.com`. */
  serviceAccount?: string;
  /** Overrides of the GitHub token service (issuer, ref, lifetime, claims...). */
  github?: Omit<GitHubOidcConfig, 'repository'>;
  /** Overrides of the default provider (condition, mapping, audiences, disabled). */
  providerOverrides?: Partial<Omit<WorkloadIdentityProviderConfig, 'name'>>;
  /** More providers besides the default one. */
  extraProviders?: WorkloadIdentityProviderConfig[];
  /** Replaces the default SA list (default: the one SA bound to the repository principalSet). */
  serviceAccounts?: ServiceAccountConfig[];
  /** Every service-account access token is this value (for a registry whose htpasswd holds it). */
  serviceAccountTokenValue?: string;
  /** Share these with other emulators (Vertex AI...) so one clock/log/fault plan drives all. */
  clock?: Clock;
  faults?: FaultInjector;
  requests?: RequestLog;
}

export interface ExternalAccountFileOptions {
  /** SA to impersonate; `null` for direct WIF. Default: the default SA. */
  serviceAccount?: string | null;
  /** Provider resource name. Default: the default provider. */
  provider?: string;
  /** Audience of the GitHub token. Default `https://iam.googleapis.com/<provider>`. */
  oidcAudience?: string;
}

export interface AuthEmulators {
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
  /** The principalSet the default SA trusts. */
  repositoryPrincipalSet: string;
  providers: ProviderRegistry;
  serviceAccounts: ServiceAccountRegistry;
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

export async function startAuthEmulators(config: AuthEmulatorsConfig = {}): Promise<AuthEmulators> {
  const projectNumber = config.projectNumber ?? '123456789012';
  const pool = config.pool ?? 'github';
  const repository = config.repository ?? 'acme/ml';
  const serviceAccount = config.serviceAccount ?? 'pipelines@acme-ml.iam.gserviceaccount.com';
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

    const providers = new ProviderRegistry();
    providers.add({
      name: provider,
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
      attributeCondition: `assertion.repository == '${repository}'`,
      ...config.providerOverrides,
    });
    for (const extra of config.extraProviders ?? []) providers.add(extra);

    const serviceAccounts = new ServiceAccountRegistry();
    for (const account of config.serviceAccounts ?? [
      {
        email: serviceAccount,
        bindings: [{ role: WORKLOAD_IDENTITY_USER, members: [repositoryPrincipalSet] }],
      },
    ])
      serviceAccounts.add(account);

    const sts = await startGoogleSts({ providers, tokens, ...shared });
    started.push(sts);
    const iamCredentials = await startIamCredentials({
      serviceAccounts,
      tokens,
      ...shared,
      ...(config.serviceAccountTokenValue
        ? { accessTokenValue: config.serviceAccountTokenValue }
        : {}),
    });
    started.push(iamCredentials);

    return {
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
      providers,
      serviceAccounts,
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
            headers: { Authorization: `Bearer ${oidc.requestToken}` },
            format: { type: 'json', subject_token_field_name: 'value' },
          },
          ...(sa
            ? { service_account_impersonation_url: iamCredentials.generateAccessTokenUrl(sa) }
            : {}),
        };
      },
      close: closeAll,
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
