/**
 * The GitHub Actions OIDC token service as a job sees it: ACTIONS_ID_TOKEN_REQUEST_URL answers
 * `GET ...&audience=<aud>` with `{count, value: <JWT>}` when given the request token as a bearer.
 * The issuer's discovery document and JWKS are served too, so a relying party can verify.
 */
import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import {
  Clock,
  json,
  startHttpServer,
  type FaultInjector,
  type RequestLog,
  type HttpServer,
} from './http-server.js';
import { generateSigningKey, signJwt, type Jwks, type JwtClaims, type SigningKey } from './jwt.js';

export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';

/**
 * The `sub` GitHub puts in a job's tokens (with the default subject template): the environment
 * wins over the event, a pull request over the ref. A Google binding on one of these subjects
 * (or on `attribute.environment`) is how a deployment environment's protection reaches the cloud.
 */
export function githubSubject(job: {
  repository: string;
  ref: string;
  eventName: string;
  environment?: string | undefined;
}): string {
  if (job.environment) return `repo:${job.repository}:environment:${job.environment}`;
  if (job.eventName === 'pull_request' || job.eventName === 'pull_request_target')
    return `repo:${job.repository}:pull_request`;
  return `repo:${job.repository}:ref:${job.ref}`;
}

export interface GitHubOidcConfig {
  /** `iss` claim. Default GitHub's; set a custom one to model GHES or an enterprise slug. */
  issuer?: string;
  /** `owner/name`. Default `acme/ml`. */
  repository?: string;
  /** Default `refs/heads/main`. */
  ref?: string;
  sha?: string;
  /** Default `repo:<repository>:ref:<ref>`. */
  subject?: string;
  /** Workflow name. Default `CI`. */
  workflow?: string;
  /** Workflow file path in the repository. Default `.github/workflows/ci.yml`. */
  workflowFile?: string;
  actor?: string;
  eventName?: string;
  repositoryId?: string;
  repositoryOwnerId?: string;
  runId?: string;
  runAttempt?: string;
  /** JWT lifetime; GitHub's is 300 s. */
  lifetimeSeconds?: number;
  /** The ACTIONS_ID_TOKEN_REQUEST_TOKEN value; random by default. */
  requestToken?: string;
  /** Claims added to (or overriding) every token, e.g. `environment`. */
  extraClaims?: JwtClaims;
}

export interface MintOptions {
  /** Default `https://github.com/<owner>`, as GitHub does when no audience is requested. */
  audience?: string | string[];
  /** Override or add claims for this token only (e.g. `exp` in the past). */
  claims?: JwtClaims;
  /** A job's claims, over the base claims and under the time and audience claims. */
  jobClaims?: JwtClaims;
  lifetimeSeconds?: number;
}

export interface GitHubOidcEmulator {
  readonly server: HttpServer;
  /** ACTIONS_ID_TOKEN_REQUEST_URL: already carries `?api-version=2.0`, clients append `&audience=`. */
  readonly requestUrl: string;
  /** ACTIONS_ID_TOKEN_REQUEST_TOKEN. */
  readonly requestToken: string;
  readonly issuer: string;
  readonly jwksUri: string;
  readonly signingKey: SigningKey;
  jwks: () => Jwks;
  /**
   * A request token for one job, as the runner gets from GitHub: its tokens carry the job's own
   * claims (sub, environment, ref, event_name...) over the base ones. Masked like any secret.
   */
  requestTokenFor: (claims: JwtClaims) => string;
  /** The claims the next token gets (before audience/time claims). */
  baseClaims: () => JwtClaims;
  /** Change claims of future tokens, e.g. another repository or ref. */
  setClaims: (patch: JwtClaims) => void;
  /** Mint a token directly, bypassing HTTP (for expired / odd tokens in tests). */
  mintToken: (options?: MintOptions) => string;
  close: () => Promise<void>;
}

export interface StartGitHubOidcOptions extends GitHubOidcConfig {
  clock?: Clock;
  faults?: FaultInjector;
  log?: RequestLog;
  /** Server name in selectors and the request log. Default `github-oidc`. */
  name?: string;
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export async function startGitHubOidc(
  options: StartGitHubOidcOptions = {},
): Promise<GitHubOidcEmulator> {
  const clock = options.clock ?? new Clock();
  const issuer = options.issuer ?? GITHUB_ISSUER;
  const repository = options.repository ?? 'acme/ml';
  const [owner = repository] = repository.split('/');
  const ref = options.ref ?? 'refs/heads/main';
  const sha = options.sha ?? randomBytes(20).toString('hex');
  const workflowFile = options.workflowFile ?? '.github/workflows/ci.yml';
  const lifetimeSeconds = options.lifetimeSeconds ?? 300;
  const requestToken = options.requestToken ?? randomBytes(24).toString('base64url');
  const signingKey = await generateSigningKey();

  let claims: JwtClaims = {
    sub: options.subject ?? `repo:${repository}:ref:${ref}`,
    ref,
    sha,
    repository,
    repository_owner: owner,
    repository_owner_id: options.repositoryOwnerId ?? '1000001',
    repository_id: options.repositoryId ?? '2000002',
    repository_visibility: 'private',
    run_id: options.runId ?? '3000000003',
    run_number: '7',
    run_attempt: options.runAttempt ?? '1',
    actor: options.actor ?? 'octocat',
    actor_id: '4000004',
    workflow: options.workflow ?? 'CI',
    workflow_ref: `${repository}/${workflowFile}@${ref}`,
    workflow_sha: sha,
    job_workflow_ref: `${repository}/${workflowFile}@${ref}`,
    job_workflow_sha: sha,
    event_name: options.eventName ?? 'push',
    ref_type: ref.startsWith('refs/tags/') ? 'tag' : 'branch',
    ref_protected: 'false',
    head_ref: '',
    base_ref: '',
    runner_environment: 'github-hosted',
    ...options.extraClaims,
  };

  const mintToken = (mint: MintOptions = {}): string => {
    const iat = clock.nowSeconds();
    return signJwt(
      {
        jti: randomUUID(),
        ...claims,
        ...mint.jobClaims,
        aud: mint.audience ?? `https://github.com/${String(claims.repository_owner)}`,
        iss: issuer,
        iat,
        nbf: iat,
        exp: iat + (mint.lifetimeSeconds ?? lifetimeSeconds),
        ...mint.claims,
      },
      signingKey,
    );
  };

  const jwks = (): Jwks => ({ keys: [signingKey.jwk] });
  const jobClaims = new Map<string, JwtClaims>();
  /** The job claims a request token stands for; undefined for an unknown token. */
  const claimsFor = (bearer: string | undefined): JwtClaims | undefined => {
    if (!bearer) return undefined;
    if (sameSecret(bearer, requestToken)) return {};
    return [...jobClaims].find(([token]) => sameSecret(bearer, token))?.[1];
  };

  const server = await startHttpServer({
    name: options.name ?? 'github-oidc',
    clock,
    ...(options.faults ? { faults: options.faults } : {}),
    ...(options.log ? { log: options.log } : {}),
    // GitHub's error bodies are `{message}` objects, not Google's shape.
    errorBody: (_status, message) => ({ message }),
    routes: [
      {
        name: 'oidc.token',
        method: 'GET',
        pattern: '/_apis/idtoken',
        handler: (request) => {
          const job = claimsFor(request.bearer);
          if (!job)
            return json(401, {
              message: 'Bad credentials: invalid ACTIONS_ID_TOKEN_REQUEST_TOKEN',
            });
          const audience = request.query.get('audience');
          const value = mintToken({ ...(audience ? { audience } : {}), jobClaims: job });
          return json(200, { count: value.length, value });
        },
      },
      {
        name: 'oidc.openid-configuration',
        method: 'GET',
        pattern: '/.well-known/openid-configuration',
        handler: (request) =>
          json(200, {
            issuer,
            // The issuer stays GitHub's URL so claims look real; keys are served from here.
            jwks_uri: `http://${request.headers.host}/.well-known/jwks`,
            subject_types_supported: ['public', 'pairwise'],
            response_types_supported: ['id_token'],
            claims_supported: [
              'sub',
              'aud',
              'exp',
              'iat',
              'iss',
              'jti',
              'nbf',
              ...Object.keys(claims),
            ],
            id_token_signing_alg_values_supported: ['RS256'],
            scopes_supported: ['openid'],
          }),
      },
      {
        name: 'oidc.jwks',
        method: 'GET',
        pattern: '/.well-known/jwks',
        handler: () => json(200, jwks()),
      },
    ],
  });

  return {
    server,
    requestUrl: `${server.url}/_apis/idtoken?api-version=2.0`,
    requestToken,
    issuer,
    jwksUri: `${server.url}/.well-known/jwks`,
    signingKey,
    jwks,
    requestTokenFor: (job) => {
      const token = randomBytes(24).toString('base64url');
      jobClaims.set(token, { ...job });
      return token;
    },
    baseClaims: () => ({ ...claims }),
    setClaims: (patch) => {
      claims = { ...claims, ...patch };
    },
    mintToken,
    close: () => server.close(),
  };
}
