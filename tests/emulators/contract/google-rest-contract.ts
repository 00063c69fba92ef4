/**
 * The REST contract of a Google API, read from the protos its client package ships
 * (`build/protos/protos.json` of @google-cloud/aiplatform and @google-cloud/artifact-registry):
 * every v1 RPC indexed by its `google.api.http` rule (and additional_bindings), so that an
 * emulator exchange can be checked mechanically: the request's method and path against the
 * path templates, its query and body against the request message, a 2xx answer against the
 * response message (google.longrunning.Operation for LROs) and an error against Google's
 * `{"error": {code, message, status, details}}` shape.
 *
 * `contractFor(api)` builds an index once per process (aiplatform's protos.json is 4 MB and takes
 * ~0.5 s to load) and adapts it to the shared HTTP server (`ExchangeContract`): a request that
 * breaks the contract is answered as Google would (404 for an unknown path, 400 otherwise) with
 * the problems in the message; a response that breaks it becomes a 500 naming them, so the test
 * that caused either fails at the call.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import protobuf from 'protobufjs';
import { googleApiError, type ExchangeContract } from '../http-server.js';
import {
  ProtoJson,
  enumProblem,
  fieldOf,
  isObject,
  isWellKnownString,
  scalarProblem,
} from './proto-json.js';

export type GoogleApi = 'aiplatform' | 'artifactregistry';

const APIS: Record<GoogleApi, { pkg: string; namespace: string; operations: string[] }> = {
  aiplatform: {
    pkg: '@google-cloud/aiplatform',
    namespace: 'google.cloud.aiplatform.v1',
    // Operations are a mixin: their bindings live in the client's gapic config, not the protos.
    // PipelineServiceClient polls `/ui/...`, the other clients `/v1/...`, on any resource.
    operations: [
      '/v1/{name=projects/*/locations/*/operations/*}',
      '/v1/{name=projects/*/locations/*/**/operations/*}',
      '/ui/{name=projects/*/locations/*/operations/*}',
      '/ui/{name=projects/*/locations/*/**/operations/*}',
    ],
  },
  artifactregistry: {
    pkg: '@google-cloud/artifact-registry',
    namespace: 'google.devtools.artifactregistry.v1',
    operations: ['/v1/{name=projects/*/locations/*/operations/*}'],
  },
};

/** One RPC of the API: what `checkRequest` matched. */
export interface Rpc {
  /** e.g. `google.cloud.aiplatform.v1.PipelineService.CreatePipelineJob`. */
  name: string;
  requestType: protobuf.Type;
  responseType: protobuf.Type;
  /** For LROs: the full names of the types the operation's `response` and `metadata` hold. */
  operation?: { response: string; metadata: string };
}

interface Binding {
  rpc: Rpc;
  verb: string;
  template: string;
  regex: RegExp;
  /** Request field paths (camelCase, dotted) bound by the template's variables, in order. */
  variables: string[];
  /** `*`, a request field, or undefined when the request has no body. */
  body: string | undefined;
}

export type RequestCheck =
  { rpc: Rpc; problems: string[] } | { rpc?: undefined; problems: string[] };

/** Query parameters every Google API accepts (system parameters), not request fields. */
const SYSTEM_PARAMETERS = new Set(['alt', 'key', 'fields', 'prettyPrint', 'quotaUser', 'callback']);

const STATUS_NAMES = new Set([
  'OK',
  'CANCELLED',
  'UNKNOWN',
  'INVALID_ARGUMENT',
  'DEADLINE_EXCEEDED',
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'PERMISSION_DENIED',
  'RESOURCE_EXHAUSTED',
  'FAILED_PRECONDITION',
  'ABORTED',
  'OUT_OF_RANGE',
  'UNIMPLEMENTED',
  'INTERNAL',
  'UNAVAILABLE',
  'DATA_LOSS',
  'UNAUTHENTICATED',
]);

const HTTP_BODY = '.google.api.HttpBody';

function compileTemplate(template: string): { regex: RegExp; variables: string[] } {
  const variables: string[] = [];
  const segments = (pattern: string) =>
    pattern
      .split('/')
      .map((s) => (s === '**' ? '.+' : s === '*' ? '[^/]+' : RegExp.escape(s)))
      .join('/');
  let source = '';
  let last = 0;
  for (const match of template.matchAll(/\{([\w.]+)(?:=([^}]+))?\}/g)) {
    source += RegExp.escape(template.slice(last, match.index));
    source += `(${segments(match[2] ?? '*')})`;
    variables.push((match[1] ?? '').split('.').map(protobuf.util.camelCase).join('.'));
    last = match.index + match[0].length;
  }
  return { regex: new RegExp(`^${source}${RegExp.escape(template.slice(last))}$`), variables };
}

interface HttpRule {
  body?: string;
  additional_bindings?: HttpRule | HttpRule[];
  [verb: string]: unknown;
}

interface OperationInfo {
  response_type: string;
  metadata_type: string;
}

const VERBS = ['get', 'put', 'post', 'delete', 'patch'];

/** `file` of the `build/protos` folder of the package whose entry point is `entry`. */
function loadRoot(entry: string, file: string): protobuf.Root {
  const build = entry.slice(0, entry.lastIndexOf(`${path.sep}build${path.sep}`));
  const json = readFileSync(path.join(build, 'build', 'protos', file), 'utf8');
  return protobuf.Root.fromJSON(JSON.parse(json) as protobuf.INamespace);
}

/** The checker of one API's REST surface. */
export class GoogleRestContract {
  readonly api: GoogleApi;
  readonly #root: protobuf.Root;
  readonly #json: ProtoJson;
  /** Error details (google.rpc.ErrorInfo...) are typed by gax's status.json, not the API's protos. */
  readonly #status: protobuf.Type;
  readonly #errorJson: ProtoJson;
  readonly #bindings: Binding[] = [];

  constructor(api: GoogleApi) {
    this.api = api;
    const { pkg, namespace, operations } = APIS[api];
    const require = createRequire(import.meta.url);
    this.#root = loadRoot(require.resolve(pkg), 'protos.json');
    const statusRoot = loadRoot(
      createRequire(require.resolve(pkg)).resolve('google-gax'),
      'status.json',
    );
    this.#status = statusRoot.lookupType('google.rpc.Status');
    this.#errorJson = new ProtoJson(statusRoot);
    this.#json = new ProtoJson(this.#root);
    for (const service of (this.#root.lookup(namespace) as protobuf.Namespace).nestedArray)
      if (service instanceof protobuf.Service)
        for (const method of service.methodsArray) this.#index(method);
    const getOperation = this.#root.lookupService('google.longrunning.Operations').methods
      .GetOperation as protobuf.Method;
    for (const template of operations)
      this.#bind(this.#rpc(getOperation), 'GET', template, undefined);
    // A path that fits a custom method (`:verb`) must not be read as a plain resource name.
    this.#bindings.sort(
      (a, b) => Number(b.template.includes('}:')) - Number(a.template.includes('}:')),
    );
  }

  #rpc(method: protobuf.Method, info?: OperationInfo): Rpc {
    method.resolve();
    const fullName = (name: string) => method.parent?.lookupType(name).fullName.slice(1) ?? name;
    return {
      name: method.fullName.slice(1),
      requestType: method.resolvedRequestType as protobuf.Type,
      responseType: method.resolvedResponseType as protobuf.Type,
      ...(info
        ? {
            operation: {
              response: fullName(info.response_type),
              metadata: fullName(info.metadata_type),
            },
          }
        : {}),
    };
  }

  #index(method: protobuf.Method): void {
    const options = (method.parsedOptions ?? []) as Array<Record<string, unknown>>;
    const option = options.find((o) => '(google.api.http)' in o);
    const rule = option?.['(google.api.http)'] as HttpRule | undefined;
    if (!rule) return;
    const info = options.find((o) => '(google.longrunning.operation_info)' in o)?.[
      '(google.longrunning.operation_info)'
    ] as OperationInfo | undefined;
    const rpc = this.#rpc(method, info);
    const add = (r: HttpRule) => {
      for (const verb of VERBS)
        if (typeof r[verb] === 'string') this.#bind(rpc, verb.toUpperCase(), r[verb], r.body);
      for (const extra of [r.additional_bindings ?? []].flat()) add(extra);
    };
    add(rule);
  }

  #bind(rpc: Rpc, verb: string, template: string, body: string | undefined): void {
    this.#bindings.push({
      rpc,
      verb,
      template,
      body: body || undefined,
      ...compileTemplate(template),
    });
  }

  /**
   * The RPC that `method path` calls, with the problems of its query and body; `path` is the
   * raw (percent-encoded) path, `body` the parsed JSON (undefined when empty).
   */
  checkRequest(method: string, path: string, query: URLSearchParams, body: unknown): RequestCheck {
    const verb = method.toUpperCase();
    for (const binding of this.#bindings) {
      if (binding.verb !== verb || !binding.regex.test(path)) continue;
      const problems = [...this.#query(binding, query), ...this.#body(binding, body)];
      if (!problems.length) problems.push(...updateMaskProblems(binding, query, body));
      return { rpc: binding.rpc, problems };
    }
    return { problems: [`no RPC of ${APIS[this.api].namespace} matches ${verb} ${path}`] };
  }

  #query(binding: Binding, query: URLSearchParams): string[] {
    const problems: string[] = [];
    const { requestType } = binding.rpc;
    for (const key of new Set(query.keys())) {
      if (key.startsWith('$') || SYSTEM_PARAMETERS.has(key)) continue;
      const values = query.getAll(key);
      const where = `query parameter ${key} of ${binding.rpc.name}`;
      if (binding.body === '*') {
        problems.push(`${where}: the body carries the whole request, so no fields go in the query`);
        continue;
      }
      let type = requestType;
      let field: protobuf.Field | undefined;
      for (const part of key.split('.')) {
        field = fieldOf(type, part);
        const next = field?.resolve().resolvedType;
        if (next instanceof protobuf.Type) type = next;
      }
      const camel = key.split('.').map(protobuf.util.camelCase).join('.');
      if (!field) problems.push(`unknown ${where} (no such field in ${requestType.name})`);
      else if (binding.variables.includes(camel) || camel === binding.body)
        problems.push(`${where} repeats a field bound by the path or body`);
      else if (values.length > 1 && !field.repeated)
        problems.push(`${where} is given ${values.length} times but is not repeated`);
      else
        for (const value of values) {
          const resolved = field.resolvedType;
          const need =
            resolved instanceof protobuf.Enum
              ? enumProblem(resolved, value)
              : resolved instanceof protobuf.Type
                ? isWellKnownString(resolved.fullName.slice(1))
                  ? undefined
                  : 'a scalar (messages cannot travel in the query)'
                : scalarProblem(field.type, value, true);
          if (need) problems.push(`${where} must be ${need}, not ${JSON.stringify(value)}`);
        }
    }
    return problems;
  }

  #body(binding: Binding, body: unknown): string[] {
    const { requestType } = binding.rpc;
    if (binding.body === undefined)
      return body === undefined ? [] : [`${binding.verb} ${binding.template} takes no body`];
    // gax sends an empty body message as the JSON string "" (google-gax transcoding.js).
    if (body === undefined || body === '') return [];
    if (binding.body === '*')
      return requestType.fullName === HTTP_BODY
        ? []
        : this.#json.message(requestType, body, 'body');
    const field = fieldOf(requestType, binding.body);
    if (!field) return [`body field ${binding.body} is not in ${requestType.name}`];
    const type = field.resolve().resolvedType;
    if (type?.fullName === HTTP_BODY) return [];
    return this.#json.field(requestType, field, body, `body(${field.name})`);
  }

  /** Problems of the answer `status`/`body` (parsed JSON) to a call of `rpc`. */
  checkResponse(rpc: Rpc, status: number, body: unknown): string[] {
    if (status >= 200 && status < 300) {
      const type = rpc.responseType;
      if (type.fullName === HTTP_BODY) return [];
      if (body === undefined)
        return type.fullName === '.google.protobuf.Empty' ? [] : [`${rpc.name} answered no body`];
      return [
        ...this.#json.message(type, body, `response(${type.name})`),
        ...operationTypeProblems(rpc, body),
      ];
    }
    return this.#error(status, body);
  }

  #error(status: number, body: unknown): string[] {
    const error = isObject(body) ? body.error : undefined;
    if (!isObject(error)) return [`error ${status} must be {"error": {code, message, status}}`];
    const problems: string[] = [];
    for (const key of Object.keys(error))
      if (!['code', 'message', 'status', 'details'].includes(key))
        problems.push(`unknown field ${key} in the error body`);
    if (error.code !== status) problems.push(`error.code must be the HTTP status ${status}`);
    if (typeof error.message !== 'string') problems.push('error.message must be a string');
    if (typeof error.status !== 'string' || !STATUS_NAMES.has(error.status))
      problems.push(`error.status must be a google.rpc.Code name, not ${String(error.status)}`);
    if (error.details !== undefined)
      problems.push(
        ...this.#errorJson.field(
          this.#status,
          this.#status.fields.details as protobuf.Field,
          error.details,
          'error.details',
        ),
      );
    return problems;
  }
}

/**
 * An update's field mask names fields of the resource it updates (AIP-134): each dotted path
 * must walk message fields of that resource, in snake_case or lowerCamelCase. The mask travels
 * in the query (`updateMask=a,b`) or, when the body carries the whole request, in the body.
 */
function updateMaskProblems(binding: Binding, query: URLSearchParams, body: unknown): string[] {
  const { requestType } = binding.rpc;
  const mask = requestType.fieldsArray.find(
    (field) => field.resolve().resolvedType?.fullName === '.google.protobuf.FieldMask',
  );
  const resource = requestType.fieldsArray
    .map((field) => field.resolve().resolvedType)
    .find(
      (type): type is protobuf.Type =>
        type instanceof protobuf.Type && !type.fullName.startsWith('.google.protobuf.'),
    );
  if (!mask || !resource) return [];
  const text =
    binding.body === '*' && isObject(body)
      ? (body[mask.name] ?? body[protobuf.util.camelCase(mask.name)])
      : (query.get(mask.name) ?? query.get(protobuf.util.camelCase(mask.name)));
  if (typeof text !== 'string' || text === '') return [];
  const problems: string[] = [];
  for (const path of text.split(',')) {
    let type: protobuf.Type | undefined = resource;
    for (const part of path.split('.')) {
      const field: protobuf.Field | undefined = type ? fieldOf(type, part) : undefined;
      if (!field) {
        problems.push(
          `${mask.name} path ${JSON.stringify(path)} of ${binding.rpc.name} names no field of ${resource.name}`,
        );
        break;
      }
      // A map's key may follow it (`labels.team`, AIP-161); nothing may follow a repeated field.
      if (field.map) break;
      const next: protobuf.ReflectionObject | null = field.resolve().resolvedType;
      type = next instanceof protobuf.Type && !field.repeated ? next : undefined;
    }
  }
  return problems;
}

/** An LRO's first answer must carry the result and metadata types its RPC declares. */
function operationTypeProblems(rpc: Rpc, body: unknown): string[] {
  if (!rpc.operation || !isObject(body)) return [];
  const problems: string[] = [];
  for (const key of ['response', 'metadata'] as const) {
    const typeUrl = isObject(body[key]) ? body[key]['@type'] : undefined;
    const expected = `type.googleapis.com/${rpc.operation[key]}`;
    if (typeof typeUrl === 'string' && typeUrl !== expected)
      problems.push(`${rpc.name} operation ${key} must be a ${expected}, not ${typeUrl}`);
  }
  return problems;
}

const contracts = new Map<GoogleApi, GoogleRestContract>();

/** The (per-process) contract of `api`. */
export function googleRestContract(api: GoogleApi): GoogleRestContract {
  let contract = contracts.get(api);
  if (!contract) contracts.set(api, (contract = new GoogleRestContract(api)));
  return contract;
}

/**
 * The shared HTTP server's hook for `api`. Only versioned API paths are checked: other hosts an
 * emulator plays on the same server (the kfp.pkg.dev registry) are outside the contract.
 */
export function contractFor(api: GoogleApi): ExchangeContract {
  const contract = googleRestContract(api);
  return (request) => {
    if (!/^\/(v1|ui)\//.test(request.path)) return undefined;
    const { rpc, problems } = contract.checkRequest(
      request.method,
      request.path,
      request.query,
      request.body,
    );
    const explain = (list: string[]) =>
      `The request breaks the ${api} REST contract: ${list.join('; ')}`;
    if (!rpc)
      return {
        problems,
        rejection: googleApiError(404, explain(problems)),
        checkResponse: () => [],
      };
    return {
      problems,
      ...(problems.length ? { rejection: googleApiError(400, explain(problems)) } : {}),
      checkResponse: (status, body) => contract.checkResponse(rpc, status, body),
    };
  };
}
