/**
 * Workload identity pools and providers of the IAM v1 emulator (gcp-iam.ts describes the wire).
 */
import { GITHUB_ISSUER } from '../../src/core/gcp-setup/workload-identity.js';
import {
  bodyOf,
  permissionDenied,
  type GcpWorld,
  type PoolRecord,
  type ProjectRecord,
  type ProviderRecord,
} from './gcp-setup-state.js';
import {
  googleApiError,
  json,
  type EmulatorRequest,
  type EmulatorResponse,
  type Route,
} from './http-server.js';

const POOLS = '/v1/projects/{project}/locations/{location}/workloadIdentityPools';
const PROVIDERS = `${POOLS}/{pool}/providers`;
const TYPE = 'type.googleapis.com/google.iam.admin.v1';
const THIRTY_DAYS_MS = 30 * 24 * 3600 * 1000;
const ID = /^[a-z0-9-]{4,32}$/;

/** Google's refusal of a GitHub provider without a condition (cloud.google.com/iam/docs/workload-identity-federation-with-deployment-pipelines#conditions). */
export const CONDITION_REQUIRED =
  "The attribute condition must reference one of the provider's claims. For more information, see https://cloud.google.com/iam/docs/workload-identity-federation-with-deployment-pipelines#conditions";

const POOL_FIELDS = ['displayName', 'description', 'disabled'];
const PROVIDER_FIELDS = [
  ...POOL_FIELDS,
  'attributeMapping',
  'attributeCondition',
  'oidc',
  'oidc.issuerUri',
  'oidc.allowedAudiences',
  'oidc.jwksJson',
];

type Kind = 'pool' | 'provider';

interface Located {
  project: ProjectRecord;
  kind: Kind;
  /** `pool` or `pool/provider`. */
  key: string;
  name: string;
  record: PoolRecord | ProviderRecord | undefined;
}

function resourceJson(name: string, record: PoolRecord | ProviderRecord): Record<string, unknown> {
  const { state, disabled, expireTime, displayName, description } = record;
  const provider = 'attributeMapping' in record ? record : undefined;
  return {
    name,
    ...(displayName ? { displayName } : {}),
    ...(description ? { description } : {}),
    state,
    ...(disabled ? { disabled: true } : {}),
    ...(expireTime ? { expireTime } : {}),
    ...(provider
      ? {
          attributeMapping: { ...provider.attributeMapping },
          ...(provider.attributeCondition
            ? { attributeCondition: provider.attributeCondition }
            : {}),
          ...(provider.oidc ? { oidc: structuredClone(provider.oidc) } : {}),
        }
      : {}),
  };
}

/** Why Google refuses this provider, if it does. */
function providerProblem(provider: ProviderRecord): string | undefined {
  if (!provider.oidc?.issuerUri)
    return 'The OIDC provider requires an issuer URI (oidc.issuerUri).';
  if (!provider.attributeMapping['google.subject'])
    return 'The attribute mapping must contain a mapping for google.subject.';
  const condition = provider.attributeCondition ?? '';
  if (
    provider.oidc.issuerUri.replace(/\/$/, '') === GITHUB_ISSUER &&
    !/\b(assertion|attribute)\.\w/.test(condition)
  )
    return CONDITION_REQUIRED;
  return undefined;
}

function readProvider(body: Record<string, unknown>, base?: ProviderRecord): ProviderRecord {
  const oidc = body.oidc as ProviderRecord['oidc'] | undefined;
  return {
    disabled: body.disabled === true,
    state: base?.state ?? 'ACTIVE',
    attributeMapping: { ...((body.attributeMapping as Record<string, string>) ?? {}) },
    ...(typeof body.attributeCondition === 'string' && body.attributeCondition
      ? { attributeCondition: body.attributeCondition }
      : {}),
    ...(oidc ? { oidc: structuredClone(oidc) } : {}),
    ...(typeof body.displayName === 'string' ? { displayName: body.displayName } : {}),
    ...(typeof body.description === 'string' ? { description: body.description } : {}),
  };
}

/** The record with `mask`'s fields taken from `patch`. */
function applyMask<T extends PoolRecord>(record: T, patch: T, mask: string[]): T {
  const next = structuredClone(record) as T & Partial<ProviderRecord>;
  const from = patch as T & Partial<ProviderRecord>;
  for (const field of mask) {
    if (field.startsWith('oidc.')) {
      const sub = field.slice(5) as keyof NonNullable<ProviderRecord['oidc']>;
      const oidc: Record<string, unknown> = { issuerUri: '', ...next.oidc };
      oidc[sub] = from.oidc?.[sub];
      next.oidc = oidc as ProviderRecord['oidc'];
    } else (next as Record<string, unknown>)[field] = (from as Record<string, unknown>)[field];
  }
  return next;
}

export function wipRoutes(world: GcpWorld, options: { operationPolls: number }): Route[] {
  const map = (p: ProjectRecord, kind: Kind) =>
    (kind === 'pool' ? p.pools : p.providers) as Map<string, PoolRecord | ProviderRecord>;
  const noun = (kind: Kind) =>
    kind === 'pool' ? 'workloadIdentityPools' : 'workloadIdentityPoolProviders';

  const locate = (
    request: EmulatorRequest,
    kind: Kind,
    verb: string,
    id?: string,
  ): Located | EmulatorResponse => {
    const permission = `iam.googleapis.com/${noun(kind)}.${verb}`;
    const project = world.project(request.params.project ?? '');
    if (!project || world.refuses(world.memberOf(request), permission, [project.policy], project))
      return permissionDenied(permission, 'iam.googleapis.com');
    if (request.params.location !== 'global')
      return googleApiError(400, 'The only supported location is `global`.');
    const poolId = request.params.pool ?? id ?? '';
    const key = kind === 'pool' ? poolId : `${poolId}/${request.params.provider ?? id ?? ''}`;
    const name = `projects/${project.number}/locations/global/workloadIdentityPools/${poolId}${
      kind === 'provider' ? `/providers/${key.split('/')[1]}` : ''
    }`;
    return { project, kind, key, name, record: map(project, kind).get(key) };
  };

  /** An Operation on `at` whose completion runs `change` and answers the resource. */
  const operation = (at: Located, change: () => PoolRecord | ProviderRecord | string) =>
    json(
      200,
      world.operations.start(
        `${at.name}/operations/${world.newId()}`,
        options.operationPolls,
        () => {
          const result = change();
          if (typeof result === 'string') return { error: { code: 9, message: result } };
          const type = at.kind === 'pool' ? 'WorkloadIdentityPool' : 'WorkloadIdentityPoolProvider';
          return { response: { '@type': `${TYPE}.${type}`, ...resourceJson(at.name, result) } };
        },
      ),
    );

  const notFound = () => googleApiError(404, 'Requested entity was not found.');
  const routes: Route[] = [];
  for (const kind of ['pool', 'provider'] as const) {
    const base = kind === 'pool' ? POOLS : PROVIDERS;
    const item = `${base}/{${kind}}`;
    const idParam = kind === 'pool' ? 'workloadIdentityPoolId' : 'workloadIdentityPoolProviderId';
    const fields = kind === 'pool' ? POOL_FIELDS : PROVIDER_FIELDS;
    const set = (at: Located, record: PoolRecord | ProviderRecord) => {
      map(at.project, kind).set(at.key, record);
      return record;
    };
    routes.push(
      {
        name: `iam.${kind}s.create`,
        method: 'POST',
        pattern: base,
        handler: (request) => {
          const id = request.query.get(idParam) ?? '';
          const at = locate(request, kind, 'create', id);
          if (!('project' in at)) return at;
          if (!ID.test(id) || (kind === 'pool' && id.startsWith('gcp-')))
            return googleApiError(
              400,
              `Invalid ${idParam} "${id}": 4-32 characters of [a-z0-9-]${kind === 'pool' ? ', not starting with "gcp-"' : ''}.`,
            );
          if (kind === 'provider') {
            const pool = at.project.pools.get(request.params.pool ?? '');
            if (!pool) return notFound();
            if (pool.state === 'DELETED')
              return googleApiError(
                400,
                'The workload identity pool is deleted.',
                undefined,
                'FAILED_PRECONDITION',
              );
          }
          if (at.record) return googleApiError(409, 'Requested entity already exists');
          const body = bodyOf(request);
          const record: PoolRecord | ProviderRecord =
            kind === 'provider'
              ? readProvider(body)
              : {
                  disabled: body.disabled === true,
                  state: 'ACTIVE',
                  ...(typeof body.displayName === 'string'
                    ? { displayName: body.displayName }
                    : {}),
                  ...(typeof body.description === 'string'
                    ? { description: body.description }
                    : {}),
                };
          const problem = 'attributeMapping' in record ? providerProblem(record) : undefined;
          if (problem) return googleApiError(400, problem);
          return operation(at, () =>
            map(at.project, kind).has(at.key) ? 'Requested entity already exists' : set(at, record),
          );
        },
      },
      {
        name: `iam.${kind}s.get`,
        method: 'GET',
        pattern: item,
        handler: (request) => {
          const at = locate(request, kind, 'get');
          if (!('project' in at)) return at;
          return at.record ? json(200, resourceJson(at.name, at.record)) : notFound();
        },
      },
      {
        name: `iam.${kind}s.patch`,
        method: 'PATCH',
        pattern: item,
        handler: (request) => {
          const at = locate(request, kind, 'update');
          if (!('project' in at)) return at;
          const { record } = at;
          if (!record) return notFound();
          if (record.state === 'DELETED')
            return googleApiError(400, `The ${kind} is deleted.`, undefined, 'FAILED_PRECONDITION');
          const mask = (request.query.get('updateMask') ?? '').split(',').filter(Boolean);
          if (mask.length === 0) return googleApiError(400, 'update_mask is required.');
          const wrong = mask.find((f) => !fields.includes(f));
          if (wrong) return googleApiError(400, `Invalid update_mask path: ${wrong}.`);
          const body = bodyOf(request);
          const patch =
            'attributeMapping' in record
              ? readProvider(body, record)
              : ({ ...record, ...body, state: record.state } as PoolRecord);
          const next = applyMask(record, patch, mask);
          const problem =
            'attributeMapping' in next ? providerProblem(next as ProviderRecord) : undefined;
          if (problem) return googleApiError(400, problem);
          return operation(at, () => set(at, next));
        },
      },
      {
        name: `iam.${kind}s.delete`,
        method: 'DELETE',
        pattern: item,
        handler: (request) => {
          const at = locate(request, kind, 'delete');
          if (!('project' in at)) return at;
          const { record } = at;
          if (!record) return notFound();
          if (record.state === 'DELETED')
            return googleApiError(
              400,
              `The ${kind} is already deleted.`,
              undefined,
              'FAILED_PRECONDITION',
            );
          const expireTime = new Date(world.clock.now() + THIRTY_DAYS_MS).toISOString();
          return operation(at, () => set(at, { ...record, state: 'DELETED', expireTime }));
        },
      },
      {
        name: `iam.${kind}s.undelete`,
        method: 'POST',
        pattern: `${item}:undelete`,
        handler: (request) => {
          const at = locate(request, kind, 'undelete');
          if (!('project' in at)) return at;
          const { record } = at;
          if (!record) return notFound();
          if (record.state !== 'DELETED')
            return googleApiError(
              400,
              `The ${kind} is not deleted.`,
              undefined,
              'FAILED_PRECONDITION',
            );
          const restored = { ...record, state: 'ACTIVE' as const };
          delete restored.expireTime;
          return operation(at, () => set(at, restored));
        },
      },
      {
        name: `iam.${kind}s.operations.get`,
        method: 'GET',
        pattern: `${item}/operations/{operation}`,
        handler: (request) => {
          const op = world.operations.poll(request.path.replace(/^\/v1\//, ''));
          return op ? json(200, op) : notFound();
        },
      },
    );
  }
  return routes;
}
