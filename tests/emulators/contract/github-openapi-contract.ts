/**
 * GitHub's REST contract, read from GitHub's own OpenAPI description (@octokit/openapi), for the
 * operations the GitHub API emulator implements: a request must match one of their path
 * templates and carry documented path/query parameters of the right types and a body its
 * requestBody schema allows; an answer must use a status the operation documents (or one of
 * GitHub's shared error statuses) with a body of the documented schema, errors GitHub's
 * `{message, documentation_url, ...}` shape.
 *
 * `githubContract()` adapts it to the shared HTTP server (`ExchangeContract`): an unknown path
 * is GitHub's 404, a bad request GitHub's 422, each naming the problems; an answer that breaks
 * the contract becomes a 500 naming them, so the test that caused it fails at the call.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { json, type EmulatorResponse, type ExchangeContract } from '../http-server.js';
import { isObject, SchemaValidator, typeName, type OpenApiSchema } from './openapi-schema.js';

/** The operations (by operationId) the emulator implements. */
export const EMULATED_OPERATIONS: readonly string[] = [
  ...['repo', 'environment', 'org'].flatMap((level) => [
    `actions/get-${level}-public-key`,
    `actions/list-${level}-secrets`,
    `actions/get-${level}-secret`,
    `actions/create-or-update-${level}-secret`,
    `actions/delete-${level}-secret`,
    `actions/list-${level}-variables`,
    `actions/get-${level}-variable`,
    `actions/create-${level}-variable`,
    `actions/update-${level}-variable`,
    `actions/delete-${level}-variable`,
  ]),
  'repos/get',
  'repos/get-all-environments',
  'checks/create',
  'checks/get',
  'checks/update',
  'checks/list-for-ref',
  'issues/list-comments',
  'issues/create-comment',
  'issues/get-comment',
  'issues/update-comment',
  'issues/delete-comment',
];

interface Parameter {
  $ref?: string;
  name: string;
  in: string;
  required?: boolean;
  schema?: OpenApiSchema;
}

interface MediaType {
  schema?: OpenApiSchema;
}

interface ResponseObject {
  $ref?: string;
  content?: Record<string, MediaType>;
}

interface OperationObject {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content?: Record<string, MediaType> };
  responses: Record<string, ResponseObject>;
}

interface Description {
  paths: Record<string, Record<string, OperationObject>>;
  components: {
    schemas: Record<string, OpenApiSchema>;
    parameters: Record<string, Parameter>;
    responses: Record<string, ResponseObject>;
  };
}

/** One operation of the description: what `checkRequest` matched. */
export interface Operation {
  id: string;
  method: string;
  template: string;
  regex: RegExp;
  /** Literal segments: a path that fits several templates belongs to the most literal one. */
  literals: number;
  parameters: Parameter[];
  requestBody: OpenApiSchema | undefined;
  responses: Map<number, OpenApiSchema | undefined>;
}

/** `status` is GitHub's answer to a request with problems: 404 for a path, 422 for the rest. */
export type RequestCheck =
  | { operation: Operation; problems: string[]; status: 404 | 422 }
  | { operation?: undefined; problems: string[]; status: 404 };

/**
 * 502 and 504 come from GitHub's front end, not from the API, so no operation documents them;
 * their bodies are `{"message": "Server Error"}`-like, without documentation_url.
 */
const GATEWAY_STATUSES = new Set([502, 504]);
/** GitHub's secondary rate limit answers 429 (or 403) on any operation (rate-limit docs). */
const RATE_LIMITED = 429;
/** Fields GitHub's error bodies carry (basic-error, validation-error, plus `status`). */
const ERROR_FIELDS = new Set(['message', 'documentation_url', 'url', 'status', 'errors']);
const JSON_MEDIA = 'application/json';

function compileTemplate(template: string): { regex: RegExp; literals: number } {
  const source = template
    .split('/')
    .map((segment) => (/^\{\w+\}$/.test(segment) ? '([^/]+)' : RegExp.escape(segment)))
    .join('/');
  const literals = template.split('/').filter((s) => s !== '' && !s.startsWith('{')).length;
  return { regex: new RegExp(`^${source}$`), literals };
}

function loadDescription(): Description {
  const require = createRequire(import.meta.url);
  const file = require.resolve('@octokit/openapi/generated/api.github.com.json');
  return JSON.parse(readFileSync(file, 'utf8')) as Description;
}

/** A query or path value (a string) against the parameter's scalar schema. */
function scalarProblem(schema: OpenApiSchema, value: string): string | undefined {
  const type = [schema.type ?? 'string'].flat()[0];
  if (type === 'integer' && !/^-?\d+$/.test(value)) return 'an integer';
  if (type === 'number' && !Number.isFinite(Number(value))) return 'a number';
  if (type === 'boolean' && value !== 'true' && value !== 'false') return 'true or false';
  if (schema.enum && !schema.enum.map(String).includes(value))
    return `one of ${schema.enum.join(', ')}`;
  return undefined;
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The checker of the emulated part of GitHub's REST API. */
export class GitHubOpenApiContract {
  readonly #validator: SchemaValidator;
  readonly #operations: Operation[] = [];
  /** Every path template GitHub documents, to tell "not emulated" from "no such path". */
  readonly #allTemplates: Array<{ method: string; regex: RegExp }> = [];
  /** Error statuses GitHub's shared responses use, i.e. that any operation may answer. */
  readonly #sharedErrorStatuses = new Set<number>();

  constructor(description: Description = loadDescription()) {
    const { components } = description;
    this.#validator = new SchemaValidator(components.schemas);
    const wanted = new Set(EMULATED_OPERATIONS);
    for (const [template, item] of Object.entries(description.paths))
      for (const [method, op] of Object.entries(item)) {
        if (!isObject(op) || typeof op.operationId !== 'string') continue;
        const compiled = compileTemplate(template);
        this.#allTemplates.push({ method: method.toUpperCase(), regex: compiled.regex });
        if (wanted.delete(op.operationId))
          this.#operations.push(this.#operation(description, template, method, op, compiled));
      }
    if (wanted.size > 0)
      throw new Error(`GitHub's description lacks the operations ${[...wanted].join(', ')}`);
    this.#operations.sort((a, b) => b.literals - a.literals);
    for (const item of Object.values(description.paths))
      for (const op of Object.values(item))
        for (const [status, response] of Object.entries(op.responses ?? {}))
          if (response.$ref && Number(status) >= 400) this.#sharedErrorStatuses.add(Number(status));
  }

  #operation(
    description: Description,
    template: string,
    method: string,
    op: OperationObject,
    compiled: { regex: RegExp; literals: number },
  ): Operation {
    const { components } = description;
    const parameters = (op.parameters ?? []).map((p) =>
      p.$ref ? (components.parameters[p.$ref.split('/').pop() ?? ''] as Parameter) : p,
    );
    const responses = new Map<number, OpenApiSchema | undefined>();
    for (const [status, raw] of Object.entries(op.responses)) {
      const response = raw.$ref ? components.responses[raw.$ref.split('/').pop() ?? ''] : raw;
      responses.set(Number(status), response?.content?.[JSON_MEDIA]?.schema);
    }
    return {
      id: op.operationId,
      method: method.toUpperCase(),
      template,
      ...compiled,
      parameters,
      requestBody: op.requestBody?.content?.[JSON_MEDIA]?.schema,
      responses,
    };
  }

  /** The operation `method path` calls, with the problems of its parameters and JSON body. */
  checkRequest(method: string, path: string, query: URLSearchParams, body: unknown): RequestCheck {
    const verb = method.toUpperCase();
    for (const operation of this.#operations) {
      const match = operation.method === verb ? operation.regex.exec(path) : null;
      if (!match) continue;
      const pathProblems = this.#pathParameters(operation, match.slice(1).map(decode));
      if (pathProblems.length) return { operation, problems: pathProblems, status: 404 };
      const problems = [...this.#queryParameters(operation, query), ...this.#body(operation, body)];
      return { operation, problems, status: 422 };
    }
    const documented = this.#allTemplates.some((t) => t.method === verb && t.regex.test(path));
    return {
      status: 404,
      problems: [
        documented
          ? `${verb} ${path} is a GitHub operation the emulator does not implement`
          : `no operation of GitHub's REST API matches ${verb} ${path}`,
      ],
    };
  }

  /** GitHub answers 404 to a path whose parameters have the wrong type. */
  #pathParameters(operation: Operation, pathValues: string[]): string[] {
    const problems: string[] = [];
    const inPath = operation.parameters.filter((p) => p.in === 'path');
    const names = [...operation.template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
    names.forEach((name, i) => {
      const schema = inPath.find((p) => p.name === name)?.schema ?? {};
      const need = scalarProblem(schema, pathValues[i] ?? '');
      if (need) problems.push(`path parameter ${name} of ${operation.id} must be ${need}`);
    });
    return problems;
  }

  #queryParameters(operation: Operation, query: URLSearchParams): string[] {
    const problems: string[] = [];
    const inQuery = new Map(
      operation.parameters.filter((p) => p.in === 'query').map((p) => [p.name, p]),
    );
    for (const key of new Set(query.keys())) {
      const parameter = inQuery.get(key);
      const values = query.getAll(key);
      if (!parameter) problems.push(`unknown query parameter ${key} of ${operation.id}`);
      else if (values.length > 1) problems.push(`query parameter ${key} is given more than once`);
      else {
        const need = scalarProblem(parameter.schema ?? {}, values[0] ?? '');
        if (need) problems.push(`query parameter ${key} must be ${need}`);
      }
    }
    for (const parameter of inQuery.values())
      if (parameter.required && !query.has(parameter.name))
        problems.push(`query parameter ${parameter.name} is required`);
    return problems;
  }

  #body(operation: Operation, body: unknown): string[] {
    if (!operation.requestBody) return body === undefined ? [] : [`${operation.id} takes no body`];
    if (body === undefined) return [`${operation.id} needs a JSON body`];
    return this.#validator.validate(operation.requestBody, body, 'body');
  }

  /** Problems of the answer `status`/`body` (parsed JSON, undefined when empty). */
  checkResponse(operation: Operation, status: number, body: unknown): string[] {
    const documented = operation.responses.has(status);
    if (status < 400) {
      if (!documented) return [`${operation.id} does not answer ${status}`];
      const schema = operation.responses.get(status);
      if (!schema)
        return body === undefined ? [] : [`${operation.id} answers ${status} without a body`];
      if (body === undefined) return [`${operation.id} answers ${status} with a body`];
      return this.#validator.validate(schema, body, `response(${status})`);
    }
    if (
      !documented &&
      !this.#sharedErrorStatuses.has(status) &&
      !GATEWAY_STATUSES.has(status) &&
      status !== RATE_LIMITED
    )
      return [`${operation.id} does not answer ${status}`];
    return errorProblems(status, body);
  }
}

/** GitHub's error shape: `{message, documentation_url}`, optionally `status`, `url`, `errors`. */
function errorProblems(status: number, body: unknown): string[] {
  if (!isObject(body)) return [`error ${status} must be a JSON object, not ${typeName(body)}`];
  const problems: string[] = [];
  for (const key of Object.keys(body))
    if (!ERROR_FIELDS.has(key)) problems.push(`error ${status} has the unknown field ${key}`);
  if (typeof body.message !== 'string') problems.push(`error ${status} lacks a string message`);
  if (typeof body.documentation_url !== 'string' && !GATEWAY_STATUSES.has(status))
    problems.push(`error ${status} lacks a string documentation_url`);
  if (body.status !== undefined && body.status !== String(status))
    problems.push(`error ${status} must carry status "${status}" (a string)`);
  if (body.errors !== undefined && !Array.isArray(body.errors))
    problems.push(`error ${status} errors must be an array`);
  return problems;
}

let shared: GitHubOpenApiContract | undefined;

/** The (per-process) contract: the description is 13 MB, parsed once. */
export function githubOpenApiContract(): GitHubOpenApiContract {
  return (shared ??= new GitHubOpenApiContract());
}

function githubError(status: number, message: string): EmulatorResponse {
  return json(status, {
    message,
    documentation_url: 'https://docs.github.com/rest',
    status: String(status),
  });
}

/** The shared HTTP server's hook. */
export function githubContract(): ExchangeContract {
  const contract = githubOpenApiContract();
  return (request) => {
    const { operation, problems, status } = contract.checkRequest(
      request.method,
      request.path,
      request.query,
      request.body,
    );
    const rejection =
      status === 404
        ? githubError(404, `Not Found (${problems.join('; ')})`)
        : githubError(422, `Invalid request.\n\n${problems.join('\n')}`);
    return {
      problems,
      ...(problems.length ? { rejection } : {}),
      checkResponse: (answer, body) =>
        operation ? contract.checkResponse(operation, answer, body) : [],
    };
  };
}
