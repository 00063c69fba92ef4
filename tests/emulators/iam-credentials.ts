/**
 * IAM Service Account Credentials API: `generateAccessToken` and `generateIdToken` for service
 * accounts, authorised by the caller's bearer token (federated or another SA's) and the target
 * SA's IAM policy, with Google's REST error shapes.
 */
import { randomInt } from 'node:crypto';
import {
  Clock,
  googleApiError,
  json,
  startHttpServer,
  type FaultInjector,
  type RequestLog,
  type EmulatorRequest,
  type EmulatorResponse,
  type HttpServer,
} from './http-server.js';
import { generateSigningKey, signJwt, type Jwks } from './jwt.js';
import {
  CLOUD_PLATFORM_SCOPE,
  type AccessTokenRecord,
  type AccessTokenStore,
} from './google-sts.js';

export const WORKLOAD_IDENTITY_USER = 'roles/iam.workloadIdentityUser';
export const TOKEN_CREATOR = 'roles/iam.serviceAccountTokenCreator';
export const GOOGLE_ID_TOKEN_ISSUER = 'https://accounts.google.com';
/** Longest access-token lifetime without the lifetime-extension org policy. */
export const DEFAULT_MAX_LIFETIME_SECONDS = 3600;

/** Roles that grant each permission (a subset of the real role definitions). */
const ROLES_WITH: Record<string, string[]> = {
  'iam.serviceAccounts.getAccessToken': [WORKLOAD_IDENTITY_USER, TOKEN_CREATOR],
  'iam.serviceAccounts.getOpenIdToken': [WORKLOAD_IDENTITY_USER, TOKEN_CREATOR],
};

/** Scopes that let a token call iamcredentials.googleapis.com. */
const IAM_SCOPES = [CLOUD_PLATFORM_SCOPE, 'https://www.googleapis.com/auth/iam'];

export interface IamBinding {
  role: string;
  /** `principal://...`, `principalSet://...`, `serviceAccount:<email>`. */
  members: string[];
}

export interface ServiceAccountConfig {
  email: string;
  /** Numeric unique ID (the `sub` of its ID tokens); random by default. */
  uniqueId?: string;
  /** The SA's own IAM policy: who may act as it. */
  bindings?: IamBinding[];
  /** Max access-token lifetime; 3600 s unless the lifetime-extension org policy applies (43200). */
  maxLifetimeSeconds?: number;
  disabled?: boolean;
}

/** A registered service account as the emulator holds it. */
export interface ServiceAccountEntry {
  email: string;
  uniqueId: string;
  bindings: IamBinding[];
  maxLifetimeSeconds: number;
  disabled: boolean;
}

/**
 * Where IAM Credentials finds the target account and who may act as it, on every call: a
 * ServiceAccountRegistry, or the accounts of a GcpWorld (world-identity.ts).
 */
export interface ServiceAccountDirectory {
  /** The account, or undefined when it does not exist. */
  get(email: string): Readonly<Omit<ServiceAccountEntry, 'bindings'>> | undefined;
  /** Whether one of the members in `identity` holds `permission` on the account. */
  allows(email: string, permission: string, identity: readonly string[]): boolean;
}

export class ServiceAccountRegistry implements ServiceAccountDirectory {
  readonly #accounts = new Map<string, ServiceAccountEntry>();

  add(config: ServiceAccountConfig): void {
    this.#accounts.set(config.email, {
      email: config.email,
      uniqueId: config.uniqueId ?? `1${Array.from({ length: 20 }, () => randomInt(10)).join('')}`,
      bindings: structuredClone(config.bindings ?? []),
      maxLifetimeSeconds: config.maxLifetimeSeconds ?? DEFAULT_MAX_LIFETIME_SECONDS,
      disabled: config.disabled ?? false,
    });
  }

  get(email: string): Readonly<ServiceAccountEntry> | undefined {
    const entry = this.#accounts.get(email);
    return entry ? structuredClone(entry) : undefined;
  }

  /** Replace the SA's IAM policy bindings (like `setIamPolicy`). */
  setBindings(email: string, bindings: IamBinding[]): void {
    this.#require(email).bindings = structuredClone(bindings);
  }

  addMember(email: string, role: string, member: string): void {
    const entry = this.#require(email);
    const binding = entry.bindings.find((b) => b.role === role);
    if (binding) binding.members.push(member);
    else entry.bindings.push({ role, members: [member] });
  }

  removeMember(email: string, role: string, member: string): void {
    for (const binding of this.#require(email).bindings)
      if (binding.role === role) binding.members = binding.members.filter((m) => m !== member);
  }

  list(): string[] {
    return [...this.#accounts.keys()];
  }

  allows(email: string, permission: string, identity: readonly string[]): boolean {
    const entry = this.#accounts.get(email);
    const roles = ROLES_WITH[permission] ?? [];
    return (
      entry?.bindings.some(
        (b) => roles.includes(b.role) && b.members.some((member) => identity.includes(member)),
      ) ?? false
    );
  }

  #require(email: string): ServiceAccountEntry {
    const entry = this.#accounts.get(email);
    if (!entry) throw new Error(`No service account "${email}"`);
    return entry;
  }
}

export interface StartIamCredentialsOptions {
  serviceAccounts: ServiceAccountDirectory;
  tokens: AccessTokenStore;
  clock?: Clock;
  faults?: FaultInjector;
  log?: RequestLog;
  /** Lifetime of minted ID tokens. Default 3600 s. */
  idTokenLifetimeSeconds?: number;
  /** Every service-account access token is this value (default: random, like Google's). */
  accessTokenValue?: string;
  name?: string;
}

export interface IamCredentialsEmulator {
  readonly server: HttpServer;
  /** Base URL, like `https://iamcredentials.googleapis.com` (append `/v1/projects/-/...`). */
  readonly endpoint: string;
  /** Keys that sign ID tokens (Google's `oauth2/v3/certs`), also served at `<endpoint>/oauth2/v3/certs`. */
  jwks: () => Jwks;
  /** The impersonation URL for an SA, as used in `service_account_impersonation_url`. */
  generateAccessTokenUrl: (email: string) => string;
  close: () => Promise<void>;
}

const UNAUTHENTICATED =
  'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.';

function permissionDenied(permission: string, resource: string): EmulatorResponse {
  return googleApiError(
    403,
    `Permission '${permission}' denied on resource (or it may not exist).`,
    [
      {
        '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
        reason: 'IAM_PERMISSION_DENIED',
        domain: 'iam.googleapis.com',
        metadata: { permission, resource },
      },
    ],
  );
}

/** Proto Duration JSON: decimal seconds with an `s` suffix ("3600s", "1.5s"). */
function parseDuration(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^(\d+)(\.\d{1,9})?s$/.exec(value);
  return m ? Number(value.slice(0, -1)) : undefined;
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

/** `projects/-/serviceAccounts/<email>` (or a bare email) to the email. */
function delegateEmail(delegate: string): string {
  return delegate.replace(/^projects\/[^/]+\/serviceAccounts\//, '');
}

export async function startIamCredentials(
  options: StartIamCredentialsOptions,
): Promise<IamCredentialsEmulator> {
  const clock = options.clock ?? new Clock();
  const { serviceAccounts, tokens } = options;
  const idTokenLifetime = options.idTokenLifetimeSeconds ?? 3600;
  const signingKey = await generateSigningKey();

  type Caller = { record: AccessTokenRecord } | { error: EmulatorResponse };

  function authenticate(request: EmulatorRequest): Caller {
    if (!request.bearer) return { error: googleApiError(401, UNAUTHENTICATED) };
    const validation = tokens.validate(request.bearer);
    if (!validation.ok) return { error: googleApiError(401, UNAUTHENTICATED) };
    const record: AccessTokenRecord = validation;
    if (!record.scopes.some((scope) => IAM_SCOPES.includes(scope)))
      return {
        error: googleApiError(403, 'Request had insufficient authentication scopes.', [
          {
            '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
            reason: 'ACCESS_TOKEN_SCOPE_INSUFFICIENT',
            domain: 'googleapis.com',
          },
        ]),
      };
    return { record };
  }

  /**
   * Resolve the target SA and check the delegation chain: the caller needs `permission` on the
   * first delegate, each delegate on the next, the last one on the target.
   */
  function authorize(
    request: EmulatorRequest,
    permission: string,
  ): { caller: AccessTokenRecord; email: string } | { error: EmulatorResponse } {
    const caller = authenticate(request);
    if ('error' in caller) return caller;
    const invalid = badBody(request);
    if (invalid) return { error: invalid };
    const email = request.params.account ?? '';
    const target = serviceAccounts.get(email);
    if (!target || target.disabled)
      return { error: googleApiError(404, `Not found; Gaia id not found for email ${email}`) };
    const body = (request.body ?? {}) as Record<string, unknown>;
    const delegates = body.delegates ?? [];
    if (!isStringArray(delegates))
      return {
        error: googleApiError(400, "Invalid value at 'delegates': expected a list of strings."),
      };
    let identity = [caller.record.principal, ...caller.record.principalSets];
    for (const hop of [...delegates.map(delegateEmail), email]) {
      if (!serviceAccounts.get(hop))
        return { error: googleApiError(404, `Not found; Gaia id not found for email ${hop}`) };
      if (!serviceAccounts.allows(hop, permission, identity))
        return { error: permissionDenied(permission, `projects/-/serviceAccounts/${hop}`) };
      identity = [`serviceAccount:${hop}`];
    }
    return { caller: caller.record, email };
  }

  function badBody(request: EmulatorRequest): EmulatorResponse | undefined {
    if (request.bodyKind === 'invalid-json')
      return googleApiError(400, 'Invalid JSON payload received.');
    const body = request.body;
    if (
      request.bodyKind !== 'json' ||
      typeof body !== 'object' ||
      body === null ||
      Array.isArray(body)
    )
      return googleApiError(400, 'Invalid JSON payload received: expected an object.');
    return undefined;
  }

  function generateAccessToken(request: EmulatorRequest): EmulatorResponse {
    const auth = authorize(request, 'iam.serviceAccounts.getAccessToken');
    if ('error' in auth) return auth.error;
    const body = request.body as Record<string, unknown>;
    const scope = body.scope;
    if (!isStringArray(scope) || scope.length === 0) return googleApiError(400, 'Scope required.');
    const lifetime = body.lifetime === undefined ? 3600 : parseDuration(body.lifetime);
    if (lifetime === undefined || lifetime <= 0)
      return googleApiError(
        400,
        `Invalid value at 'lifetime' (type.googleapis.com/google.protobuf.Duration), "${String(body.lifetime)}"`,
      );
    const account = serviceAccounts.get(auth.email);
    const max = account?.maxLifetimeSeconds ?? 3600;
    if (lifetime > max)
      return googleApiError(
        400,
        `Access tokens for service account ${auth.email} can not have lifetimes of more than ${max / 3600} hour${max === 3600 ? '' : 's'}. Use the Org Policy Constraint constraints/iam.allowServiceAccountCredentialLifetimeExtension to allow up to 12 hours.`,
      );
    const now = clock.now();
    const expiresAt = new Date(now + lifetime * 1000);
    const accessToken = tokens.issue(
      'ya29.c.',
      {
        kind: 'service-account',
        principal: `serviceAccount:${auth.email}`,
        principalSets: [],
        serviceAccount: auth.email,
        attributes: {},
        scopes: scope,
        issuedAt: new Date(now),
        expiresAt,
      },
      options.accessTokenValue,
    );
    // Google returns RFC 3339 with whole seconds ("2026-01-01T00:00:00Z").
    return json(200, {
      accessToken,
      expireTime: expiresAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    });
  }

  function generateIdToken(request: EmulatorRequest): EmulatorResponse {
    const auth = authorize(request, 'iam.serviceAccounts.getOpenIdToken');
    if ('error' in auth) return auth.error;
    const body = request.body as Record<string, unknown>;
    if (typeof body.audience !== 'string' || body.audience === '')
      return googleApiError(400, 'Audience required.');
    const account = serviceAccounts.get(auth.email);
    const sub = account?.uniqueId ?? '';
    const iat = clock.nowSeconds();
    const token = signJwt(
      {
        iss: GOOGLE_ID_TOKEN_ISSUER,
        aud: body.audience,
        azp: sub,
        sub,
        iat,
        exp: iat + idTokenLifetime,
        ...(body.includeEmail === true ? { email: auth.email, email_verified: true } : {}),
      },
      signingKey,
    );
    return json(200, { token });
  }

  const server = await startHttpServer({
    name: options.name ?? 'iamcredentials',
    clock,
    ...(options.faults ? { faults: options.faults } : {}),
    ...(options.log ? { log: options.log } : {}),
    routes: [
      {
        name: 'iam.generateAccessToken',
        method: 'POST',
        pattern: '/v1/projects/{project}/serviceAccounts/{account}:generateAccessToken',
        handler: generateAccessToken,
      },
      {
        name: 'iam.generateIdToken',
        method: 'POST',
        pattern: '/v1/projects/{project}/serviceAccounts/{account}:generateIdToken',
        handler: generateIdToken,
      },
      {
        name: 'iam.certs',
        method: 'GET',
        pattern: '/oauth2/v3/certs',
        handler: () => json(200, { keys: [signingKey.jwk] }),
      },
    ],
  });

  return {
    server,
    endpoint: server.url,
    jwks: () => ({ keys: [signingKey.jwk] }),
    generateAccessTokenUrl: (email) =>
      `${server.url}/v1/projects/-/serviceAccounts/${email}:generateAccessToken`,
    close: () => server.close(),
  };
}
