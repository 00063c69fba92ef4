import type { IamBinding, IamPolicy } from '../../../core/gcp-setup/iam-policy.js';
import { googleEndpoints } from '../endpoints.js';
import { restClientOptions, type GoogleCloud } from '../google-client.js';
import { tokenRefresher, type AccessTokenSource } from './clients.js';
import type { RepositoryRegistry } from './repositories.js';

/**
 * RepositoryRegistry on the Artifact Registry client (@google-cloud/artifact-registry, REST
 * fallback, as docker-repositories.ts uses it): a repository's format, creating one (the
 * operation waited for), and its IAM policy read as version 3 and written with its etag.
 *
 * Failures keep the shape google-errors.ts reads: gax's REST transport rejects with the HTTP
 * status as `code` and Google's JSON error body as the message; they are rethrown as an Error
 * with Google's message, the HTTP status as `code` and `response: {status, data: {error}}`, so
 * 404, 409 ABORTED (stale etag), 409 ALREADY_EXISTS and 403 (with the permission named) read as
 * they do for the discovery clients. Network failures pass through unchanged.
 */

type ArtifactRegistry = InstanceType<GoogleCloud['ArtifactRegistryClient']>;
type ClientOptions = NonNullable<ConstructorParameters<GoogleCloud['ArtifactRegistryClient']>[0]>;

/** What this adapter calls on the client (the tests build one pointed at the emulator). */
export type ArtifactRegistryCalls = Pick<
  ArtifactRegistry,
  'getRepository' | 'createRepository' | 'getIamPolicy' | 'setIamPolicy' | 'close'
>;

const POLICY_VERSION = 3;

/** Repository.Format wire ints, for a client asked for int enums (the default gives names). */
const FORMAT_NAMES: Readonly<Record<number, string>> = {
  1: 'DOCKER',
  2: 'MAVEN',
  3: 'NPM',
  5: 'APT',
  6: 'YUM',
  8: 'PYTHON',
  9: 'KFP',
  10: 'GO',
  11: 'GENERIC',
  12: 'RUBY',
};

interface GoogleErrorBody {
  code?: number;
  message?: string;
  status?: string;
  details?: unknown[];
}

/** Google's error body, when gax left it (JSON) in the message. */
function errorBody(error: unknown): GoogleErrorBody | undefined {
  const message = (error as { message?: unknown } | null)?.message;
  if (typeof message !== 'string' || !message.trimStart().startsWith('{')) return undefined;
  try {
    const parsed = (JSON.parse(message) as { error?: unknown }).error;
    return parsed && typeof parsed === 'object' ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** A client failure with its HTTP status and Google's body where google-errors.ts reads them. */
export function normalizeError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const body = errorBody(error);
  const code = (error as { code?: unknown }).code;
  const status =
    typeof body?.code === 'number' && body.code >= 100
      ? body.code
      : typeof code === 'number' && code >= 100
        ? code
        : undefined;
  if (status === undefined) return error;
  const normalized = new Error(body?.message ?? error.message, { cause: error });
  return Object.assign(normalized, {
    code: status,
    response: { status, data: { error: { ...body, code: status } } },
  });
}

async function call<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw normalizeError(error);
  }
}

/** Bytes (the etag) as the client decodes them → base64, as the JSON APIs carry etags. */
function base64(value: unknown): string | undefined {
  if (typeof value === 'string') return value === '' ? undefined : value;
  if (value instanceof Uint8Array)
    return value.length === 0 ? undefined : Buffer.from(value).toString('base64');
  return undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A google.iam.v1.Policy as the client returns it (defaults filled in) → IamPolicy. */
export function policyFromClient(policy: unknown): IamPolicy {
  const p = (policy ?? {}) as {
    version?: unknown;
    etag?: unknown;
    bindings?: unknown;
    auditConfigs?: unknown;
  };
  const bindings: IamBinding[] = [];
  for (const raw of Array.isArray(p.bindings) ? (p.bindings as unknown[]) : []) {
    const b = raw as { role?: unknown; members?: unknown; condition?: unknown };
    const condition = b.condition as
      { expression?: unknown; title?: unknown; description?: unknown } | null | undefined;
    const expression = text(condition?.expression);
    const description = text(condition?.description);
    bindings.push({
      role: typeof b.role === 'string' ? b.role : '',
      members: Array.isArray(b.members) ? (b.members as unknown[]).map(String) : [],
      ...(expression
        ? {
            condition: {
              expression,
              title: text(condition?.title) ?? '',
              ...(description ? { description } : {}),
            },
          }
        : {}),
    });
  }
  const etag = base64(p.etag);
  const audit = Array.isArray(p.auditConfigs) ? (p.auditConfigs as unknown[]) : [];
  return {
    ...(bindings.length > 0 ? { bindings } : {}),
    ...(etag ? { etag } : {}),
    version: typeof p.version === 'number' ? p.version : Number(p.version ?? 0) || 1,
    ...(audit.length > 0 ? { auditConfigs: audit } : {}),
  };
}

type ClientPolicy = NonNullable<Parameters<ArtifactRegistry['setIamPolicy']>[0]['policy']>;

/** IamPolicy → the request's Policy (the etag stays base64: protobufjs decodes it to bytes). */
function policyToClient(policy: IamPolicy): ClientPolicy {
  return {
    version: policy.version ?? 1,
    ...(policy.etag ? { etag: policy.etag } : {}),
    bindings: (policy.bindings ?? []).map((b) => ({
      role: b.role,
      members: [...b.members],
      ...(b.condition ? { condition: { ...b.condition } } : {}),
    })),
    ...(policy.auditConfigs?.length
      ? { auditConfigs: [...policy.auditConfigs] as ClientPolicy['auditConfigs'] }
      : {}),
  };
}

interface ClientTarget {
  readonly project: string;
  readonly env: NodeJS.ProcessEnv;
  readonly token: AccessTokenSource;
}

/**
 * An Artifact Registry client on the endpoint of `env` (MLOPS_ARTIFACTREGISTRY_ENDPOINT) that
 * authenticates with `token`: the same caller as the discovery clients, also when the token is
 * GOOGLE_OAUTH_ACCESS_TOKEN rather than Application Default Credentials.
 */
export async function artifactRegistryClient(options: ClientTarget): Promise<ArtifactRegistry> {
  const google = await import(/* webpackIgnore: true */ '#google-cloud');
  const endpoint = googleEndpoints(options.env).artifactRegistry;
  const authClient = new google.OAuth2Client();
  authClient.refreshHandler = tokenRefresher(options.token);
  // An empty env: the client must not look for a credentials file beside its authClient.
  const clientOptions = { ...restClientOptions(endpoint, options.project, {}), authClient };
  // gax pins its own google-auth-library, whose AuthClient type differs; at run time any works.
  return new google.ArtifactRegistryClient(clientOptions as unknown as ClientOptions);
}

export class ArtifactRegistryRepositories implements RepositoryRegistry {
  readonly #client: ArtifactRegistryCalls;

  constructor(client: ArtifactRegistryCalls) {
    this.#client = client;
  }

  /** A registry at the Artifact Registry endpoint of `env`, calling with `token`'s tokens. */
  static async connect(options: ClientTarget): Promise<ArtifactRegistryRepositories> {
    return new ArtifactRegistryRepositories(await artifactRegistryClient(options));
  }

  async format(name: string): Promise<string | undefined> {
    try {
      const [repository] = await call(() => this.#client.getRepository({ name }));
      const format = repository.format as unknown;
      if (typeof format === 'number') return FORMAT_NAMES[format] ?? String(format);
      return typeof format === 'string' && format !== '' ? format : undefined;
    } catch (error) {
      if ((error as { code?: unknown }).code === 404) return undefined;
      throw error;
    }
  }

  async create(name: string, body: { repositoryId: string; format: string }): Promise<void> {
    const parent = /^(projects\/[^/]+\/locations\/[^/]+)\/repositories\/[^/]+$/.exec(name)?.[1];
    if (!parent) throw new Error(`Not an Artifact Registry repository name: ${name}`);
    await call(async () => {
      const [operation] = await this.#client.createRepository({
        parent,
        repositoryId: body.repositoryId,
        repository: { format: body.format as 'DOCKER' },
      });
      await operation.promise();
    });
  }

  async getIamPolicy(name: string): Promise<IamPolicy> {
    const [policy] = await call(() =>
      this.#client.getIamPolicy({
        resource: name,
        options: { requestedPolicyVersion: POLICY_VERSION },
      }),
    );
    return policyFromClient(policy);
  }

  async setIamPolicy(name: string, policy: IamPolicy): Promise<IamPolicy> {
    const [written] = await call(() =>
      this.#client.setIamPolicy({ resource: name, policy: policyToClient(policy) }),
    );
    return policyFromClient(written);
  }

  async close(): Promise<void> {
    await this.#client.close();
  }
}
